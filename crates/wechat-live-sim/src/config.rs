//! The simulator's start-up configuration.

/// AppID used unless the caller sets one.
pub const DEFAULT_APP_ID: &str = "wxsandbox0000live";
/// Secret used unless the caller sets one.
pub const DEFAULT_SECRET: &str = "sandbox-secret";

/// How a simulator is started: the account, its seeding and its clock.
#[derive(Clone, PartialEq, Eq)]
pub struct SimConfig {
    /// TCP port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// The account's AppID.
    pub app_id: String,
    /// The account's AppSecret.
    pub secret: String,
    /// Seed the believable demo account (rooms, goods, members) and its real-name rule.
    pub demo: bool,
    /// Seconds on the simulator clock before a submitted goods audit is decided.
    pub audit_delay_secs: u64,
    /// How long a pushed goods card shows (300047/300049 meanwhile); WeChat does not say, so this
    /// is the sandbox's assumption.
    pub push_window_ms: u64,
    /// Goods whose name contains this word are rejected by the audit ("" rejects nothing).
    pub audit_reject_word: String,
    /// `Some(t)`: the clock starts frozen at `t` and moves only through `/__sim/clock` (deterministic
    /// tests). `None`: the clock follows real time, shifted by `/__sim/clock` calls.
    pub start_time: Option<i64>,
    /// Seed of the random generator used for ids, tokens and keys of seeded data.
    pub seed: u64,
    /// `Some(port)`: run the RTMP ingest on 127.0.0.1:`port` (0 picks a free one) and point push
    /// addresses at it. `None`: no ingest, push addresses name WeChat's host.
    pub rtmp_port: Option<u16>,
}

impl std::fmt::Debug for SimConfig {
    // The secret never appears in logs or Debug output.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimConfig")
            .field("port", &self.port)
            .field("app_id", &self.app_id)
            .field("secret", &"***")
            .field("demo", &self.demo)
            .field("audit_delay_secs", &self.audit_delay_secs)
            .field("push_window_ms", &self.push_window_ms)
            .field("audit_reject_word", &self.audit_reject_word)
            .field("start_time", &self.start_time)
            .field("seed", &self.seed)
            .field("rtmp_port", &self.rtmp_port)
            .finish()
    }
}

impl Default for SimConfig {
    /// An empty account: no rooms, no goods, only IDs added through `/__sim/verified` are verified.
    fn default() -> Self {
        Self {
            port: 0,
            app_id: DEFAULT_APP_ID.to_owned(),
            secret: DEFAULT_SECRET.to_owned(),
            demo: false,
            audit_delay_secs: 5,
            push_window_ms: crate::state::pushes::DEFAULT_PUSH_WINDOW_MS,
            audit_reject_word: "违规".to_owned(),
            start_time: None,
            seed: 0x5eed,
            rtmp_port: None,
        }
    }
}

impl SimConfig {
    /// The seeded sandbox account (`--demo`).
    pub fn demo() -> Self {
        Self {
            demo: true,
            ..Self::default()
        }
    }
}
