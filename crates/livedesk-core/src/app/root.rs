//! [`App`], the composition root: it opens the store and the keyring, starts the sandbox, and
//! builds every service with only the handles it uses, wiring their emitters into the one event
//! stream. The window's shell and `livedesk-cli` each open one over the same data dir and keyring
//! service, so they see the same accounts, journal and drafts.

use std::path::Path;

use tokio::sync::broadcast;

use super::events::ConsoleEvent;
use crate::base::clock::unix_now;
use crate::base::error::CoreResult;
use crate::base::events::Emitter;
use crate::base::locale::LocaleState;
use crate::base::tables::{ShelfBook, UnlockTable};
use crate::domain::accounts::Accounts;
use crate::domain::destinations::Destinations;
use crate::domain::goods::{Library, Shelves};
use crate::domain::rooms::{Rooms, StatusBook};
use crate::infra::clients::Clients;
use crate::infra::guard::LiveGuard;
use crate::infra::media::Media;
use crate::infra::sandbox::Sandbox;
use crate::infra::store::{Recovered, Store};
use crate::infra::vault::Vault;
use crate::journal::{Journal, Origin};
use crate::live::{Console, ConsoleHandles, Hotkeys, Rundowns};
use crate::obs::{Obs, ObsHandles};
use crate::start::Start;

/// The database file inside the data dir.
pub const DB_FILE: &str = "livedesk.sqlite3";

/// Events kept for a window that reads them late; a slower one is told it lagged.
const EVENT_BUFFER: usize = 256;

/// Every service of one front end, built over one data dir and keyring service.
#[derive(Debug)]
pub struct App {
    /// The user's language, for the words the services put in their results.
    pub locale: LocaleState,
    /// SQLite (the shell's recovery dialog and tests read it).
    pub store: Store,
    /// The OS keyring (tests look into it; services hold their own handle).
    pub vault: Vault,
    /// The in-process simulator behind the sandbox account.
    pub sandbox: Sandbox,
    /// One WeChat client per account.
    pub clients: Clients,
    /// Where prepared pictures are kept.
    pub media: Media,
    /// The live lock's check (the console's unlocks, WeChat's room status).
    pub guard: LiveGuard,
    pub journal: Journal,
    pub accounts: Accounts,
    pub rooms: Rooms,
    pub library: Library,
    pub shelf: Shelves,
    pub destinations: Destinations,
    pub console: Console,
    pub rundowns: Rundowns,
    pub hotkeys: Hotkeys,
    pub obs: Obs,
    pub start: Start,
    /// Set when the database file could not be read at start and was moved aside.
    pub store_recovered: Option<Recovered>,
    events: broadcast::Sender<ConsoleEvent>,
}

impl App {
    /// The app over `data_dir` (the app data dir, or a temp dir in tests), with keyring entries
    /// under `keyring_service`, journaling as `origin`, and a freshly started sandbox. An
    /// unreadable database is moved aside and a fresh one used ([`App::store_recovered`] says so).
    pub async fn open(data_dir: &Path, keyring_service: &str, origin: Origin) -> CoreResult<Self> {
        let (store, store_recovered) = Store::open_or_recover(&data_dir.join(DB_FILE), unix_now())?;
        let locale = LocaleState::default();
        let journal = Journal::new(store.clone(), locale.clone(), origin);
        journal.interrupt_stale();
        let media = Media::open(data_dir.join("images"))?;
        let sandbox = Sandbox::start().await?;
        log::info!("sandbox simulator listening on {}", sandbox.base_url());
        let vault = Vault::new(keyring_service);

        let events = broadcast::channel(EVENT_BUFFER).0;
        let root: Emitter<ConsoleEvent> = {
            let tx = events.clone();
            // No window listening is fine.
            Emitter::new(move |e| {
                let _ = tx.send(e);
            })
        };
        let clients = Clients::new(store.clone(), vault.clone(), sandbox.clone());
        let unlocks = UnlockTable::default();
        let book = ShelfBook::default();
        let guard = LiveGuard::new(clients.clone(), unlocks.clone());
        let status = StatusBook::new(root.map(ConsoleEvent::from));

        let accounts = Accounts::new(
            store.clone(),
            vault.clone(),
            clients.clone(),
            journal.clone(),
            sandbox.clone(),
        );
        let rooms = Rooms::new(
            store.clone(),
            clients.clone(),
            journal.clone(),
            media.clone(),
            guard.clone(),
            status.clone(),
            locale.clone(),
        );
        let library = Library::new(
            store.clone(),
            clients.clone(),
            journal.clone(),
            media.clone(),
            guard.clone(),
            locale.clone(),
        );
        let shelf = Shelves::new(
            store.clone(),
            clients.clone(),
            journal.clone(),
            media.clone(),
            guard.clone(),
            book.clone(),
        );
        let destinations = Destinations::new(store.clone(), vault.clone());
        let live_emit = root.map(ConsoleEvent::from);
        let console = Console::new(ConsoleHandles {
            store: store.clone(),
            clients: clients.clone(),
            journal: journal.clone(),
            shelf: shelf.clone(),
            book,
            unlocks,
            emit: live_emit.clone(),
            locale: locale.clone(),
        });
        let rundowns = Rundowns::new(
            store.clone(),
            journal.clone(),
            console.clone(),
            live_emit,
            locale.clone(),
        );
        let obs = Obs::new(ObsHandles {
            store: store.clone(),
            vault: vault.clone(),
            rooms: rooms.clone(),
            destinations: destinations.clone(),
            status,
            emit: root.map(ConsoleEvent::from),
            locale: locale.clone(),
        });
        let start = Start::new(clients.clone(), rooms.clone(), locale.clone());
        Ok(Self {
            hotkeys: Hotkeys::new(store.clone()),
            locale,
            store,
            vault,
            sandbox,
            clients,
            media,
            guard,
            journal,
            accounts,
            rooms,
            library,
            shelf,
            destinations,
            console,
            rundowns,
            obs,
            start,
            store_recovered,
            events,
        })
    }

    /// Every event from now on: the console's, room statuses, OBS.
    pub fn subscribe(&self) -> broadcast::Receiver<ConsoleEvent> {
        self.events.subscribe()
    }

    /// Stops the sandbox (at exit).
    pub async fn shutdown(&self) {
        self.sandbox.shutdown().await;
    }
}
