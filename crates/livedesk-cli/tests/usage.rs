//! The command line itself: usage errors exit 2 (clap's own too), help exits 0 and names the
//! Chinese words, messages follow `--lang` or the environment.

mod common;

use common::{Cli, SANDBOX};

#[test]
fn usage_errors_exit_2() {
    let cli = Cli::new();
    for args in [
        &["bogus"][..],
        &["rooms", "push-url", SANDBOX, "not-a-number"],
        &["goods", "sale", SANDBOX, "1", "2", "maybe"],
        &["rooms", "share-code", SANDBOX, "1"],
        &["--lang", "fr", "accounts", "list"],
        &[],
    ] {
        let run = cli.run(args).expect(2);
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
        assert!(!run.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn the_secret_is_never_an_argument() {
    let cli = Cli::new();
    let run = cli
        .run(&[
            "accounts", "add", "--name", "n", "--app-id", "wx1", "--secret", "s",
        ])
        .expect(2);
    assert!(run.stderr.contains("--secret"), "{}", run.stderr);
}

#[test]
fn help_names_the_chinese_words() {
    let cli = Cli::new();
    let run = cli.run(&["--help"]).expect(0);
    for word in ["直播间", "商品", "操作日志", "小程序账号"] {
        assert!(run.stdout.contains(word), "{word}: {}", run.stdout);
    }
    assert!(
        !run.stdout.contains("keyring-service"),
        "hidden: {}",
        run.stdout
    );
}

#[test]
fn messages_follow_the_language() {
    let cli = Cli::new();
    let zh = cli
        .run(&["--lang", "zh-CN", "rooms", "push-url", "acc-nope", "1"])
        .expect(3);
    assert!(zh.stderr.contains("找不到"), "{}", zh.stderr);
    let en = cli.run_env(
        &["rooms", "push-url", "acc-nope", "1"],
        "LANG",
        "en_US.UTF-8",
    );
    assert!(en.expect(3).stderr.contains("Not found"));
    let env_zh = cli.run_env(
        &["rooms", "push-url", "acc-nope", "1"],
        "LANG",
        "zh_CN.UTF-8",
    );
    assert!(env_zh.expect(3).stderr.contains("找不到"));
}
