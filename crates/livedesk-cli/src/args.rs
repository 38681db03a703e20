//! The command line as clap reads it. Help is in English and names each concept's Chinese word,
//! the one the window shows, so a script's author can find it there.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// LiveDesk from the command line: the same accounts, journal and data as the window.
#[derive(Debug, Parser)]
#[command(name = "livedesk-cli", version, about, long_about = None)]
pub struct Cli {
    /// The data dir (default: the window's, e.g. ~/.local/share/app.livedesk.desktop).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Print results as JSON (the objects the window's IPC returns).
    #[arg(long, global = true)]
    pub json: bool,
    /// Language of messages (default: from LC_ALL, LC_MESSAGES, LANG).
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
    /// The keyring service the secrets are kept under. Hidden: only the tests set it, so that a
    /// test run on a developer's desktop never writes into the real app's keyring entries.
    #[arg(long, global = true, hide = true, default_value = livedesk_core::APP_ID)]
    pub keyring_service: String,
    #[command(subcommand)]
    pub command: Command,
}

/// A language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// 简体中文
    #[value(name = "zh-CN")]
    ZhCn,
    /// English
    #[value(name = "en")]
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// account — 小程序账号: list, add, verify.
    #[command(subcommand)]
    Accounts(AccountsCmd),
    /// rooms — 直播间: list, create, push address, share code.
    #[command(subcommand)]
    Rooms(RoomsCmd),
    /// goods — 商品: the library (商品库), and pushing (推送) or putting on sale (上架/下架) in a room.
    #[command(subcommand)]
    Goods(GoodsCmd),
    /// journal — 操作日志: every write LiveDesk made.
    #[command(subcommand)]
    Journal(JournalCmd),
}

#[derive(Debug, Subcommand)]
pub enum AccountsCmd {
    /// List the accounts (账号列表), the sandbox (沙盒) first.
    List,
    /// Add a mini program account (添加账号). The AppSecret is read from standard input when it is
    /// not a terminal, else asked for without echo; never from an argument.
    Add {
        /// Display name (显示名称).
        #[arg(long)]
        name: String,
        /// The mini program's AppID.
        #[arg(long, value_name = "APPID")]
        app_id: String,
        /// API base URL (advanced: a simulator or a proxy); WeChat's when absent.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
    /// Check an account's AppID and AppSecret with WeChat (验证凭据).
    Verify {
        /// The account's id (`sandbox`, or `acc-…` from `accounts list`).
        account: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum RoomsCmd {
    /// List the account's rooms, fresh from WeChat (直播间列表).
    List { account: String },
    /// Create a room (创建直播间) from the window's room form as JSON; coverImg, shareImg and
    /// feedsImg are paths of picture files.
    Create {
        account: String,
        /// The form file (JSON, camelCase keys).
        #[arg(long = "from", value_name = "FORM.json")]
        from: PathBuf,
    },
    /// A push room's address for OBS (推流地址): the server, then the stream key.
    PushUrl { account: String, room: i64 },
    /// Save a room's share code (分享码) as PNG.
    ShareCode {
        account: String,
        room: i64,
        /// Where to write the PNG.
        #[arg(long, value_name = "FILE.png")]
        out: PathBuf,
        /// Which picture: the mini program code (小程序码) or the poster (海报).
        #[arg(long, value_enum, default_value = "qrcode")]
        image: ShareWhich,
    },
}

/// Which share picture to save.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShareWhich {
    Qrcode,
    Poster,
}

#[derive(Debug, Subcommand)]
pub enum GoodsCmd {
    /// Sync the goods library (商品库) from WeChat, then list it.
    List { account: String },
    /// Push goods to viewers in a live room (推送商品卡片), through the live console's queue.
    Push {
        account: String,
        room: i64,
        goods: i64,
    },
    /// Put goods on sale or take them off (上架/下架) in a room, through the live console's queue.
    Sale {
        account: String,
        room: i64,
        goods: i64,
        #[arg(value_enum)]
        state: OnOff,
    },
}

/// On or off sale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnOff {
    On,
    Off,
}

#[derive(Debug, Subcommand)]
pub enum JournalCmd {
    /// Export an account's journal (操作日志) as CSV, for spreadsheets.
    Export {
        account: String,
        #[arg(long, value_name = "FILE.csv")]
        out: PathBuf,
    },
}
