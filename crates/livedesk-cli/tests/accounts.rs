//! `accounts`: the sandbox is listed; an account added with its secret on standard input leaves
//! the secret nowhere but the keyring; a wrong secret is WeChat's refusal (exit 4).
//! Needs a Secret Service: `scripts/with-keyring.sh cargo nextest run -p livedesk-cli`.
//! The CLI blocks the test's thread; the simulator runs on the runtime's two workers.

mod common;

use common::{sim, Cli, SANDBOX};

#[test]
fn list_shows_the_sandbox_first() {
    let cli = Cli::new();
    let run = cli.run(&["accounts", "list"]).expect(0);
    let first = run.stdout.lines().next().unwrap();
    assert!(first.starts_with("sandbox\t"), "{}", run.stdout);
    assert!(first.contains("wxsandbox0000live"), "{first}");

    let list = cli.run(&["--json", "accounts", "list"]).expect(0).json();
    assert_eq!(list["accounts"][0]["id"], SANDBOX);
    assert_eq!(list["accounts"][0]["sandbox"], true);
    assert_eq!(list["keyring"], "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_added_secret_is_in_no_output_and_no_file() {
    let sim = sim().await;
    let cli = Cli::new();
    let run = cli
        .run_stdin(
            &[
                "accounts",
                "add",
                "--name",
                "第二个小程序",
                "--app-id",
                sim.app_id(),
                "--base-url",
                sim.base_url(),
            ],
            &format!("{}\n", sim.secret()),
        )
        .expect(0);
    assert!(run.stdout.contains("Added and verified"), "{}", run.stdout);
    let secret = sim.secret().as_bytes();
    let list = cli.run(&["--json", "accounts", "list"]).expect(0);
    let account = &list.json()["accounts"][1];
    assert_eq!(account["appId"], sim.app_id());
    assert_eq!(account["secretSet"], true);
    let id = account["id"].as_str().unwrap().to_owned();
    let verify = cli.run(&["accounts", "verify", &id]).expect(0);
    assert!(verify.stdout.contains("Verified"), "{}", verify.stdout);

    for out in [&run, &list, &verify] {
        for stream in [&out.stdout, &out.stderr] {
            assert!(!stream.contains(sim.secret()), "secret printed: {stream}");
        }
    }
    let files = cli.files();
    assert!(
        files
            .iter()
            .any(|(p, _)| p.ends_with(livedesk_core::DB_FILE)),
        "the store was written"
    );
    for (path, bytes) in files {
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret),
            "secret found in {}",
            path.display()
        );
    }
    sim.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_secret_is_wechats_refusal_and_leaves_no_account() {
    let sim = sim().await;
    let cli = Cli::new();
    let run = cli
        .run_stdin(
            &[
                "accounts",
                "add",
                "--name",
                "typo",
                "--app-id",
                sim.app_id(),
                "--base-url",
                sim.base_url(),
            ],
            "wrong\n",
        )
        .expect(4);
    assert!(run.stderr.contains("errcode: 40125"), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    let list = cli.run(&["--json", "accounts", "list"]).expect(0).json();
    assert_eq!(list["accounts"].as_array().unwrap().len(), 1, "{list}");
    sim.shutdown().await;
}

#[test]
fn an_empty_secret_is_refused_before_sending_naming_the_field() {
    let cli = Cli::new();
    let run = cli
        .run_stdin(
            &[
                "accounts",
                "add",
                "--name",
                "x",
                "--app-id",
                "wx1234",
                "--base-url",
                // Nothing listens here: were it sent, the exit would be 5, not 3.
                "http://127.0.0.1:9",
            ],
            "\n",
        )
        .expect(3);
    assert!(run.stderr.contains("field: secret"), "{}", run.stderr);
}

#[test]
fn verifying_an_unknown_account_is_not_found() {
    let cli = Cli::new();
    let run = cli.run(&["accounts", "verify", "acc-nope"]).expect(3);
    assert!(run.stderr.contains("acc-nope"), "{}", run.stderr);
}
