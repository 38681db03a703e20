//! The `destinations` table: where else a show can be pushed besides a WeChat room — a custom
//! RTMP(S) server, or a Tencent Cloud standard live (CSS) stream. No secrets here: the stream key
//! and the auth keys live in the OS keyring under the row's id (never reused: AUTOINCREMENT).

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Store, StoreError};

/// What a destination is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DestinationKind {
    /// Any RTMP(S) server with a stream key (a 视频号 push address, another platform).
    Custom,
    /// A Tencent Cloud CSS push domain; the URLs are signed when asked for.
    Tencent,
}

impl DestinationKind {
    fn as_str(self) -> &'static str {
        match self {
            DestinationKind::Custom => "custom",
            DestinationKind::Tencent => "tencent",
        }
    }
}

/// A Tencent Cloud standard live stream, as stored (its keys are in the keyring).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TencentTarget {
    /// The push domain (lower case, no scheme, port or path).
    pub push_domain: String,
    /// The AppName (`live` unless changed).
    pub app_name: String,
    /// The StreamName.
    pub stream_name: String,
    /// The play domain, when playback URLs are wanted.
    pub play_domain: Option<String>,
    /// FLV and HLS playback over https (else http).
    pub play_https: bool,
    /// How long a signed URL stays valid, seconds.
    pub validity_secs: u32,
}

/// Where a destination pushes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `server` is the OBS "Server" (`rtmp://host/app`); the key is in the keyring.
    Custom {
        /// The `rtmp://` or `rtmps://` URL, as entered.
        server: String,
    },
    /// Signed on demand.
    Tencent(TencentTarget),
}

impl Target {
    /// The kind of this target.
    pub fn kind(&self) -> DestinationKind {
        match self {
            Target::Custom { .. } => DestinationKind::Custom,
            Target::Tencent(_) => DestinationKind::Tencent,
        }
    }
}

/// A destination as stored: no secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DestinationRow {
    /// Stable id, never reused; also the keyring entry's id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// Where it pushes to.
    pub target: Target,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub updated_at: i64,
}

const COLUMNS: &str = "id, kind, name, server, push_domain, app_name, stream_name, play_domain,
                       play_https, validity_secs, created_at, updated_at";

fn row(r: &Row<'_>) -> rusqlite::Result<DestinationRow> {
    let kind: String = r.get(1)?;
    let target = if kind == "custom" {
        Target::Custom { server: r.get(3)? }
    } else {
        Target::Tencent(TencentTarget {
            push_domain: r.get(4)?,
            app_name: r.get(5)?,
            stream_name: r.get(6)?,
            play_domain: r.get(7)?,
            play_https: r.get(8)?,
            validity_secs: r.get(9)?,
        })
    };
    Ok(DestinationRow {
        id: r.get(0)?,
        name: r.get(2)?,
        target,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
    })
}

/// The target's columns: (kind, server, push_domain, app_name, stream_name, play_domain,
/// play_https, validity_secs).
type Columns<'a> = (
    &'static str,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    bool,
    u32,
);

fn columns(t: &Target) -> Columns<'_> {
    match t {
        Target::Custom { server } => (
            DestinationKind::Custom.as_str(),
            Some(server),
            None,
            None,
            None,
            None,
            true,
            86_400,
        ),
        Target::Tencent(t) => (
            DestinationKind::Tencent.as_str(),
            None,
            Some(&t.push_domain),
            Some(&t.app_name),
            Some(&t.stream_name),
            t.play_domain.as_deref(),
            t.play_https,
            t.validity_secs,
        ),
    }
}

impl Store {
    /// Every destination, oldest first.
    pub fn destinations(&self) -> Result<Vec<DestinationRow>, StoreError> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare_cached(&format!("SELECT {COLUMNS} FROM destinations ORDER BY id"))?;
        let rows = stmt.query_map([], row)?.collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// One destination.
    pub fn destination(&self, id: i64) -> Result<Option<DestinationRow>, StoreError> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {COLUMNS} FROM destinations WHERE id = ?1"),
                [id],
                row,
            )
            .optional()?)
    }

    /// Adds a destination; answers its new id.
    pub fn insert_destination(
        &self,
        name: &str,
        target: &Target,
        at: i64,
    ) -> Result<i64, StoreError> {
        let (kind, server, push, app, stream, play, https, validity) = columns(target);
        let conn = self.conn();
        conn.execute(
            "INSERT INTO destinations (kind, name, server, push_domain, app_name, stream_name,
                                       play_domain, play_https, validity_secs, created_at,
                                       updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
            params![kind, name, server, push, app, stream, play, https, validity, at],
        )?;
        Ok(conn.last_insert_rowid())
    }

    /// Replaces a destination's name and target (its kind included); false when there is none.
    pub fn update_destination(
        &self,
        id: i64,
        name: &str,
        target: &Target,
        at: i64,
    ) -> Result<bool, StoreError> {
        let (kind, server, push, app, stream, play, https, validity) = columns(target);
        let n = self.conn().execute(
            "UPDATE destinations SET kind = ?2, name = ?3, server = ?4, push_domain = ?5,
                    app_name = ?6, stream_name = ?7, play_domain = ?8, play_https = ?9,
                    validity_secs = ?10, updated_at = ?11
             WHERE id = ?1",
            params![id, kind, name, server, push, app, stream, play, https, validity, at],
        )?;
        Ok(n > 0)
    }

    /// Removes a destination; false when there was none.
    pub fn delete_destination(&self, id: i64) -> Result<bool, StoreError> {
        let n = self
            .conn()
            .execute("DELETE FROM destinations WHERE id = ?1", [id])?;
        Ok(n > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tencent() -> Target {
        Target::Tencent(TencentTarget {
            push_domain: "push.example.com".into(),
            app_name: "live".into(),
            stream_name: "show1".into(),
            play_domain: Some("play.example.com".into()),
            play_https: false,
            validity_secs: 3600,
        })
    }

    #[test]
    fn insert_update_delete_and_ids_are_never_reused() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let custom = Target::Custom {
            server: "rtmp://a.example.com/live".into(),
        };
        let a = store.insert_destination("A", &custom, 10).unwrap();
        let b = store.insert_destination("B", &tencent(), 11).unwrap();
        let rows = store.destinations().unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].id, rows[0].target.clone()), (a, custom.clone()));
        assert_eq!(rows[1].target, tencent());
        assert_eq!(rows[1].target.kind(), DestinationKind::Tencent);

        assert!(store.update_destination(a, "A2", &tencent(), 20).unwrap());
        let got = store.destination(a).unwrap().unwrap();
        assert_eq!(
            (got.name.as_str(), got.created_at, got.updated_at),
            ("A2", 10, 20)
        );
        assert_eq!(got.target, tencent());
        assert!(!store.update_destination(999, "x", &custom, 1).unwrap());

        assert!(store.delete_destination(b).unwrap());
        assert!(!store.delete_destination(b).unwrap());
        assert!(store.destination(b).unwrap().is_none());
        let c = store.insert_destination("C", &custom, 30).unwrap();
        assert!(c > b, "a deleted id is not given again ({c} after {b})");
    }

    #[test]
    fn the_table_refuses_a_target_without_its_columns() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let conn = store.conn();
        assert!(conn
            .execute(
                "INSERT INTO destinations (kind, name, created_at, updated_at)
                 VALUES ('custom', 'x', 1, 1)",
                [],
            )
            .is_err());
        assert!(conn
            .execute(
                "INSERT INTO destinations (kind, name, server, created_at, updated_at)
                 VALUES ('other', 'x', 'rtmp://h/a', 1, 1)",
                [],
            )
            .is_err());
    }
}
