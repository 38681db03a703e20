//! `rooms`: the list as JSON, a room created from a form file and real pictures, an invalid form
//! refused before anything is sent, the push address on two lines, the share code as PNG.

mod common;

use std::path::Path;

use common::{requests, sim, sim_room, Cli, SANDBOX};
use serde_json::{json, Value};

/// A valid form: an hour from now, pictures as paths relative to the form file.
fn form(now: i64) -> Value {
    json!({
        "name": "命令行测试直播",
        "anchorName": "小美",
        "anchorWechat": "zhubo_xiaomei",
        "startTime": now + 3600,
        "endTime": now + 7200,
        "roomType": 1,
        "coverImg": "cover.png",
        "shareImg": "share.png",
        "feedsImg": "feeds.png",
    })
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// Writes the pictures and the form; answers the form's path.
fn write_form(cli: &Cli, form: &Value) -> String {
    cli.png("cover.png", 1080, 1920);
    cli.png("share.png", 800, 640);
    cli.png("feeds.png", 800, 800);
    let path = cli.path("form.json");
    std::fs::write(&path, serde_json::to_vec(form).unwrap()).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn list_as_json_has_the_live_room() {
    let cli = Cli::new();
    let list = cli
        .run(&["--json", "rooms", "list", SANDBOX])
        .expect(0)
        .json();
    assert_eq!(list["fromCache"], false);
    let rooms = list["rooms"].as_array().unwrap();
    assert_eq!(rooms.len(), 8, "{list}");
    assert!(rooms.iter().any(|r| r["status"] == 101), "{list}");
    let text = cli.run(&["rooms", "list", SANDBOX]).expect(0);
    assert_eq!(text.stdout.lines().count(), 8, "{}", text.stdout);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_room_is_created_from_a_form_file_with_pictures() {
    let sim = sim().await;
    let cli = Cli::new();
    let account = cli.add_account(&sim, "直播账号");
    let path = write_form(&cli, &form(now()));
    let run = cli
        .run(&["--json", "rooms", "create", &account, "--from", &path])
        .expect(0);
    let id = run.json()["roomId"].as_i64().unwrap();
    let room = sim_room(&sim, id).await;
    assert_eq!(room["name"], "命令行测试直播", "{room}");
    let sent = requests(&sim).await;
    assert_eq!(
        sent.iter().filter(|p| p.contains("media/upload")).count(),
        3,
        "{sent:?}"
    );
    sim.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_form_exits_3_naming_the_field_and_sends_nothing() {
    let sim = sim().await;
    let cli = Cli::new();
    let account = cli.add_account(&sim, "直播账号");
    let mut bad = form(now());
    bad["name"] = json!("x");
    let path = write_form(&cli, &bad);
    let before = requests(&sim).await.len();
    let run = cli
        .run(&["rooms", "create", &account, "--from", &path])
        .expect(3);
    assert!(run.stderr.contains("field: name"), "{}", run.stderr);
    assert!(run.stderr.contains("rule: width_range"), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    let sent = requests(&sim).await;
    assert_eq!(sent.len(), before, "sent: {:?}", &sent[before..]);
    sim.shutdown().await;
}

#[test]
fn a_missing_picture_or_bad_json_is_a_clear_error() {
    let cli = Cli::new();
    let mut missing = form(now());
    missing["shareImg"] = json!("nowhere.png");
    let path = write_form(&cli, &missing);
    let run = cli
        .run(&["rooms", "create", SANDBOX, "--from", &path])
        .expect(3);
    assert!(run.stderr.contains("field: shareImg"), "{}", run.stderr);
    assert!(run.stderr.contains("nowhere.png"), "{}", run.stderr);

    let broken = cli.path("broken.json");
    std::fs::write(&broken, "{\"name\": ").unwrap();
    let run = cli
        .run(&[
            "rooms",
            "create",
            SANDBOX,
            "--from",
            broken.to_str().unwrap(),
        ])
        .expect(3);
    assert!(
        run.stderr.contains("not a room form as JSON"),
        "{}",
        run.stderr
    );

    let run = cli
        .run(&["rooms", "create", SANDBOX, "--from", "/no/such/form.json"])
        .expect(3);
    assert!(run.stderr.contains("form.json"), "{}", run.stderr);
}

#[test]
fn an_unverified_anchor_exits_4_with_the_qr_url() {
    let cli = Cli::new();
    let mut f = form(now());
    f["anchorWechat"] = json!("unverified_anchor");
    let path = write_form(&cli, &f);
    let run = cli
        .run(&["rooms", "create", SANDBOX, "--from", &path])
        .expect(4);
    assert!(run.stderr.contains("errcode: 300036"), "{}", run.stderr);
    assert!(run.stderr.contains("field: anchorWechat"), "{}", run.stderr);
    assert!(run.stderr.contains("QR code: http://"), "{}", run.stderr);
}

#[test]
fn the_push_address_is_server_then_stream_key() {
    let cli = Cli::new();
    let run = cli.run(&["rooms", "push-url", SANDBOX, "1"]).expect(0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(lines[0].starts_with("rtmp://"), "{}", lines[0]);
    assert!(lines[1].contains("txSecret="), "{}", lines[1]);
    let addr = cli
        .run(&["--json", "rooms", "push-url", SANDBOX, "1"])
        .expect(0)
        .json();
    assert!(addr["server"].as_str().unwrap().starts_with("rtmp://"));
    assert!(addr["streamKey"].as_str().unwrap().contains("txSecret="));
}

#[test]
fn the_share_code_is_written_as_png() {
    let cli = Cli::new();
    let out = cli.path("share.png");
    cli.run(&[
        "rooms",
        "share-code",
        SANDBOX,
        "1",
        "--out",
        out.to_str().unwrap(),
    ])
    .expect(0);
    assert_png(&out);
    let poster = cli.path("poster.png");
    cli.run(&[
        "rooms",
        "share-code",
        SANDBOX,
        "1",
        "--image",
        "poster",
        "--out",
        poster.to_str().unwrap(),
    ])
    .expect(0);
    assert_png(&poster);
    assert_ne!(
        std::fs::read(&out).unwrap(),
        std::fs::read(&poster).unwrap()
    );
}

fn assert_png(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "{}",
        path.display()
    );
    let img = image::load_from_memory(&bytes).unwrap();
    assert!(img.width() > 0 && img.height() > 0);
}

#[test]
fn a_room_of_no_account_is_not_found() {
    let cli = Cli::new();
    cli.run(&["rooms", "push-url", "acc-nope", "1"]).expect(3);
}
