//! Typed reading of a request's parameters (JSON body for POST, query for GET), answering WeChat's
//! 200002 forms for absent or malformed fields.

use serde_json::{Map, Value};

use super::envelope::ApiError;

/// Parameters of one call.
#[derive(Debug, Default)]
pub struct Params {
    map: Map<String, Value>,
}

/// Reads an integer from a JSON number (integral) or a numeric string.
pub fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                .map(|f| f as i64)
        }),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

impl Params {
    pub fn from_map(map: Map<String, Value>) -> Self {
        Self { map }
    }

    /// Query parameters become string values (GET endpoints read numbers from strings).
    pub fn from_query(query: &str) -> Self {
        let map = url::form_urlencoded::parse(query.as_bytes())
            .map(|(k, v)| (k.into_owned(), Value::String(v.into_owned())))
            .collect();
        Self { map }
    }

    pub fn raw(&self, name: &str) -> Option<&Value> {
        self.map.get(name).filter(|v| !v.is_null())
    }

    pub fn has(&self, name: &str) -> bool {
        self.raw(name).is_some()
    }

    pub fn req_int(&self, name: &str) -> Result<i64, ApiError> {
        let v = self.raw(name).ok_or_else(|| ApiError::missing(name))?;
        as_int(v).ok_or_else(|| ApiError::invalid(name))
    }

    pub fn opt_int(&self, name: &str) -> Result<Option<i64>, ApiError> {
        match self.raw(name) {
            None => Ok(None),
            Some(v) => as_int(v).map(Some).ok_or_else(|| ApiError::invalid(name)),
        }
    }

    /// A positive id (room, goods).
    pub fn req_id(&self, name: &str) -> Result<u64, ApiError> {
        let v = self.req_int(name)?;
        u64::try_from(v).map_err(|_| ApiError::invalid(name))
    }

    /// A 0/1 flag.
    pub fn req_flag(&self, name: &str) -> Result<i64, ApiError> {
        let v = self.req_int(name)?;
        check_flag(name, v)
    }

    pub fn opt_flag(&self, name: &str) -> Result<Option<i64>, ApiError> {
        match self.opt_int(name)? {
            None => Ok(None),
            Some(v) => check_flag(name, v).map(Some),
        }
    }

    pub fn req_str(&self, name: &str) -> Result<&str, ApiError> {
        match self.raw(name) {
            None => Err(ApiError::missing(name)),
            Some(Value::String(s)) if s.is_empty() => Err(ApiError::missing(name)),
            Some(Value::String(s)) => Ok(s),
            Some(_) => Err(ApiError::invalid(name)),
        }
    }

    pub fn opt_str(&self, name: &str) -> Result<Option<&str>, ApiError> {
        match self.raw(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(ApiError::invalid(name)),
        }
    }

    pub fn req_array(&self, name: &str) -> Result<&Vec<Value>, ApiError> {
        match self.raw(name) {
            None => Err(ApiError::missing(name)),
            Some(Value::Array(a)) => Ok(a),
            Some(_) => Err(ApiError::invalid(name)),
        }
    }

    pub fn req_object(&self, name: &str) -> Result<Params, ApiError> {
        match self.raw(name) {
            None => Err(ApiError::missing(name)),
            Some(Value::Object(m)) => Ok(Params::from_map(m.clone())),
            Some(_) => Err(ApiError::invalid(name)),
        }
    }

    /// An array of ids given as numbers or numeric strings.
    pub fn req_ids(&self, name: &str) -> Result<Vec<u64>, ApiError> {
        self.req_array(name)?
            .iter()
            .map(|v| {
                as_int(v)
                    .and_then(|i| u64::try_from(i).ok())
                    .ok_or_else(|| ApiError::invalid(name))
            })
            .collect()
    }

    /// The first present key among aliases (updatecomment takes `roomId` or `id`).
    pub fn req_id_any(&self, names: &[&str]) -> Result<u64, ApiError> {
        for n in names {
            if self.has(n) {
                return self.req_id(n);
            }
        }
        Err(ApiError::missing(names.first().copied().unwrap_or("id")))
    }
}

fn check_flag(name: &str, v: i64) -> Result<i64, ApiError> {
    if v == 0 || v == 1 {
        Ok(v)
    } else {
        Err(ApiError::invalid(name))
    }
}
