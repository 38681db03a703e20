//! `rooms`: list (fresh from WeChat), create from a form file, push address, share code.

use std::path::{Path, PathBuf};

use livedesk_core::rooms::{ImageSlot, RoomForm, RoomList, ShareImage};
use serde_json::Value;

use super::Ctx;
use crate::args::{RoomsCmd, ShareWhich};
use crate::error::{CliError, CliResult};

/// The form's picture keys and the slot each is fitted to.
const PICTURES: [(&str, ImageSlot); 3] = [
    ("coverImg", ImageSlot::Cover),
    ("shareImg", ImageSlot::Share),
    ("feedsImg", ImageSlot::Feeds),
];

pub async fn run(ctx: &Ctx<'_>, cmd: RoomsCmd) -> CliResult<()> {
    match cmd {
        RoomsCmd::List { account } => {
            let list = ctx.app.rooms.refresh(&account).await?;
            ctx.out.show(&list, lines)
        }
        RoomsCmd::Create { account, from } => {
            let form = read_form(ctx, &from)?;
            let created = ctx.app.rooms.create(&account, form).await?;
            ctx.out.show(&created, |c| {
                vec![ctx.say(
                    format!("已创建直播间 {}", c.room_id),
                    format!("Created room {}", c.room_id),
                )]
            })
        }
        RoomsCmd::PushUrl { account, room } => {
            let addr = ctx.app.rooms.push_address(&account, room).await?;
            // Server and stream key on their own lines: what OBS's two boxes take.
            ctx.out
                .show(&addr, |a| vec![a.server.clone(), a.stream_key.clone()])
        }
        RoomsCmd::ShareCode {
            account,
            room,
            out,
            image,
        } => {
            let code = ctx.app.rooms.share_code(&account, room, None).await?;
            let which = match image {
                ShareWhich::Qrcode => ShareImage::Qrcode,
                ShareWhich::Poster => ShareImage::Poster,
            };
            // Saved from what share_code just fetched (the service keeps it).
            ctx.app
                .rooms
                .share_save(&account, room, which, &out)
                .await?;
            ctx.out.show(&code, |c| {
                vec![
                    c.page_path.clone(),
                    ctx.say(
                        format!("已保存：{}", out.display()),
                        format!("Saved: {}", out.display()),
                    ),
                ]
            })
        }
    }
}

fn lines(l: &RoomList) -> Vec<String> {
    l.rooms
        .iter()
        .map(|r| {
            format!(
                "{}\t{}\t{}\t{}\t{}",
                r.id, r.status, r.room_type, r.anchor_name, r.name
            )
        })
        .collect()
}

/// The window's room form from a JSON file whose picture keys hold file paths: each picture is
/// prepared for its slot, as the window's picker does, and put in the form in the path's place.
/// Relative paths are read from the form file's directory, so a form and its pictures travel
/// together.
fn read_form(ctx: &Ctx<'_>, path: &Path) -> CliResult<RoomForm> {
    let text = std::fs::read_to_string(path).map_err(|source| CliError::FormRead {
        path: path.to_owned(),
        source,
    })?;
    let json_err = |source| CliError::FormJson {
        path: path.to_owned(),
        source,
    };
    let given: Value = serde_json::from_str(&text).map_err(json_err)?;
    let mut value = with_defaults(given);
    let base = path.parent().map(Path::to_owned).unwrap_or_default();
    if let Value::Object(map) = &mut value {
        for (key, slot) in PICTURES {
            let picked = match map.get(key) {
                None | Some(Value::Null) => continue,
                Some(Value::String(p)) => base.join(PathBuf::from(p)),
                Some(_) => return Err(CliError::PicturePath { field: key.into() }),
            };
            let img = ctx
                .app
                .media
                .prepare(slot, &picked)
                .map_err(|source| CliError::Picture {
                    field: key.into(),
                    source,
                })?;
            let img = serde_json::to_value(img).map_err(json_err)?;
            map.insert(key.to_owned(), img);
        }
    }
    serde_json::from_value(value).map_err(json_err)
}

/// The form's optional keys filled in (switches off, no sub-anchor). Texts and times the file
/// leaves out become empty, so the core's rules name the missing field (exit 3) rather than serde.
fn with_defaults(given: Value) -> Value {
    let Value::Object(given) = given else {
        // Not an object: serde says so.
        return given;
    };
    let mut form = serde_json::json!({
        "name": "", "anchorName": "", "anchorWechat": "",
        "subAnchorWechat": "", "createrWechat": "",
        "startTime": null, "endTime": null,
        "closeLike": false, "closeGoods": false, "closeComment": false,
        "closeReplay": false, "closeShare": false, "closeKf": false,
        "isFeedsPublic": false,
        "coverImg": null, "shareImg": null, "feedsImg": null,
    });
    if let Value::Object(map) = &mut form {
        map.extend(given);
    }
    form
}
