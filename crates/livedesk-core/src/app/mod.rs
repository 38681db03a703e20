//! The top: the composition root ([`App`]), the app's event stream ([`ConsoleEvent`]) and the
//! rules module generated for the UI. It may import every layer; nothing imports it.

mod events;
mod root;
mod rules_ts;

pub use events::ConsoleEvent;
pub use root::{App, DB_FILE};
pub use rules_ts::rules_typescript;
