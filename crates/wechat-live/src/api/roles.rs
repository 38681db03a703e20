//! Members and roles (M1–M3). Roles are account-wide, not per room.

use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::json;

use super::paging;
use crate::client::Safety;
use crate::errcode::ErrCode;
use crate::model::de;
use crate::model::{Member, MemberPage, MemberQuery, Role, RoleAdded};
use crate::{Client, Error, Result};

const ADD: &str = "/wxaapi/broadcast/role/addrole";
const DELETE: &str = "/wxaapi/broadcast/role/deleterole";
const LIST: &str = "/wxaapi/broadcast/role/getrolelist";

/// Member and role operations; from [`Client::roles`].
#[derive(Debug, Clone, Copy)]
pub struct Roles<'a> {
    client: &'a Client,
}

#[derive(Deserialize)]
struct AddAnswer {
    #[serde(default, deserialize_with = "de::opt_string")]
    codeurl: Option<String>,
}

impl<'a> Roles<'a> {
    pub(super) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// Gives `username` (a WeChat ID) a role (M1). Super-admin cannot be given.
    ///
    /// A person who must real-name verify first (anchors; WeChat's 400002 with `codeurl`, or a
    /// `codeurl` beside success) is `Ok(RoleAdded::NeedsVerification)`: an expected step with a QR
    /// code to show, not a failure. Sent once: a repeat after a lost answer would be refused as
    /// already assigned (400004).
    pub async fn add(self, username: &str, role: Role) -> Result<RoleAdded> {
        let body = json!({ "username": username, "role": role.code() });
        match self
            .client
            .post::<_, AddAnswer>(ADD, &body, Safety::Once)
            .await
        {
            Ok(AddAnswer {
                codeurl: Some(code_url),
            }) => Ok(RoleAdded::NeedsVerification { code_url }),
            Ok(AddAnswer { codeurl: None }) => Ok(RoleAdded::Added),
            Err(e) => match needs_verification(&e) {
                Some(code_url) => Ok(RoleAdded::NeedsVerification { code_url }),
                None => Err(e),
            },
        }
    }

    /// Takes a role away (M2). An anchor with rooms not yet started cannot lose the role (400005).
    pub async fn remove(self, username: &str, role: Role) -> Result<()> {
        let body = json!({ "username": username, "role": role.code() });
        let _: IgnoredAny = self.client.post(DELETE, &body, Safety::Idempotent).await?;
        Ok(())
    }

    /// One page of members (M3; GET with `role`, `offset`, `limit`, `keyword` in the query).
    pub async fn list(self, query: &MemberQuery) -> Result<MemberPage> {
        let role = query.role.map_or(-1, Role::code);
        let mut q = vec![
            ("role", role.to_string()),
            ("offset", query.offset.to_string()),
            ("limit", query.limit.to_string()),
        ];
        if let Some(k) = query.keyword.as_deref().filter(|k| !k.is_empty()) {
            q.push(("keyword", k.to_owned()));
        }
        self.client.get(LIST, &q).await
    }

    /// Every member matching `role` (all when `None`) and `keyword`, pages fetched concurrently.
    pub async fn list_all(self, role: Option<Role>, keyword: Option<&str>) -> Result<Vec<Member>> {
        let limit = MemberQuery::MAX_LIMIT;
        paging::all_pages(self.client, limit, |offset| {
            let query = MemberQuery {
                role,
                offset,
                limit,
                keyword: keyword.map(str::to_owned),
            };
            async move {
                let page = self.list(&query).await?;
                Ok((page.total, page.members))
            }
        })
        .await
    }
}

/// The code to scan when WeChat refused because real-name verification is missing.
fn needs_verification(e: &Error) -> Option<String> {
    if matches!(e.code(), Some(ErrCode::RoleNeedsVerification)) {
        e.qrcode_url().map(str::to_owned)
    } else {
        None
    }
}
