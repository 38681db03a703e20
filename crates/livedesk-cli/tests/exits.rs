//! The exit statuses no other test reaches: 5 when no answer came (and it may have been sent),
//! 6 when the keyring or the store fails.

mod common;

use common::{drop_all, sim, Cli};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_push_without_an_answer_exits_5_saying_it_may_have_been_sent() {
    let sim = sim().await;
    let cli = Cli::new();
    let account = cli.add_account(&sim, "直播账号");
    drop_all(&sim, "/wxaapi/broadcast/goods/push").await;
    let run = cli
        .run(&["--json", "goods", "push", &account, "1", "2"])
        .expect(5);
    let action = run.json();
    assert_eq!(action["state"]["maybeSent"], true, "{action}");
    let run = cli.run(&["goods", "push", &account, "1", "2"]).expect(5);
    assert!(run.stderr.contains("may have been sent"), "{}", run.stderr);
    sim.shutdown().await;
}

#[test]
fn a_data_dir_that_is_a_file_is_store_trouble() {
    let cli = Cli::new();
    let file = cli.path("not-a-dir");
    std::fs::write(&file, b"x").unwrap();
    let run = cli.run_at(&file, &["accounts", "list"]).expect(6);
    assert!(run.stderr.contains("database"), "{}", run.stderr);
}

/// Linux's keyring is the Secret Service on the session bus; a bus that is not there is a keyring
/// that cannot be reached. (Windows and macOS keep their keyrings elsewhere.)
#[cfg(target_os = "linux")]
#[test]
fn no_keyring_exits_6_and_saves_nothing() {
    let cli = Cli::new();
    let run = cli.run_stdin_env(
        &[
            "accounts",
            "add",
            "--name",
            "n",
            "--app-id",
            "wx1234",
            "--base-url",
            "http://127.0.0.1:9",
        ],
        "some-secret\n",
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/livedesk-test-bus",
    );
    let run = run.expect(6);
    assert!(run.stderr.contains("keyring"), "{}", run.stderr);
    let list = cli.run(&["--json", "accounts", "list"]).expect(0).json();
    assert_eq!(list["accounts"].as_array().unwrap().len(), 1, "{list}");
}
