//! Authentication as MaxScale's `Client::auth` does it: a `token_sig` cookie (22.08+) or a
//! `Bearer` token, else HTTP Basic; the admin and the read-only account; `GET /v1/auth` tokens.

use crate::config::Version;
use crate::handler::{ACCESS_DENIED, State};
use crate::http::{Body, Request, Response};
use crate::query;
use crate::util::{
    base64_decode, base64url_decode, base64url_encode, http_date, now_secs, sha1_hex,
};
use serde_json::{Value, json};

/// The fixed 403 body MaxScale sends when a read-only token user writes.
pub const NOT_ADMIN: &str = r#"{"errors": [ { "detail": "Administrative access required" } ] }"#;

/// Default token lifetime (s), and the largest one (`admin_jwt_max_age`, 24h).
const TOKEN_AGE: i64 = 28800;
const TOKEN_MAX_AGE: i64 = 86400;

/// Who made a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// The account name.
    pub user: String,
    /// An admin account (else read-only, MaxScale's "basic").
    pub admin: bool,
}

/// A refused request: the user name presented (if any) and the answer.
pub type Refusal = (Option<String>, Response);

/// Is the (decoded) path the `/auth` endpoint?
pub fn is_auth_endpoint(path: &str) -> bool {
    let decoded = crate::util::percent_decode_path(path);
    let rest = match decoded.strip_prefix("/v1") {
        Some(r) if r.is_empty() || r.starts_with('/') => r,
        _ => decoded.as_str(),
    };
    let segs: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    segs == ["auth"]
}

fn cookie<'a>(req: &'a Request, name: &str) -> Option<&'a str> {
    req.headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("Cookie"))
        .flat_map(|(_, v)| v.split(';'))
        .find_map(|c| {
            let (k, v) = c.trim().split_once('=')?;
            (k == name && !v.is_empty()).then_some(v)
        })
}

impl State {
    /// The account with these credentials, if any.
    fn account(&self, user: &str, password: &str) -> Option<Principal> {
        if user == self.config.user && password == self.config.password {
            return Some(Principal {
                user: user.to_string(),
                admin: true,
            });
        }
        match &self.config.readonly {
            Some((u, p)) if u == user && p == password => Some(Principal {
                user: user.to_string(),
                admin: false,
            }),
            _ => None,
        }
    }

    /// The account named `user`, if it exists.
    fn account_named(&self, user: &str) -> Option<Principal> {
        let admin = user == self.config.user;
        let ro = self
            .config
            .readonly
            .as_ref()
            .is_some_and(|(u, _)| u == user);
        (admin || ro).then(|| Principal {
            user: user.to_string(),
            admin,
        })
    }

    /// A 401 as libmicrohttpd's basic-auth failure (`WWW-Authenticate` unless the request is an
    /// `XMLHttpRequest`).
    pub fn unauthorized(&self, req: &Request) -> Response {
        let mut headers = vec![
            ("Date".to_string(), http_date(self.clock_secs(), false)),
            ("Connection".to_string(), "close".to_string()),
        ];
        if req.header("X-Requested-With") != Some("XMLHttpRequest") {
            headers.push(("WWW-Authenticate".into(), "Basic realm=\"maxscale\"".into()));
        }
        Response {
            status: 401,
            headers,
            body: Body::Bytes(ACCESS_DENIED.as_bytes().to_vec()),
        }
    }

    /// A fixed-body answer queued by MaxScale's `admin.cc` itself (token errors, 403).
    pub fn fixed(&self, status: u16, body: &str) -> Response {
        Response {
            status,
            headers: vec![
                ("Date".to_string(), http_date(self.clock_secs(), false)),
                ("Connection".to_string(), "close".to_string()),
            ],
            body: Body::Bytes(body.as_bytes().to_vec()),
        }
    }

    /// Check the credentials of a request; writes need an admin account.
    pub fn authenticate(&self, req: &Request) -> Result<Principal, Refusal> {
        let version = self.config.version;
        // MaxScale lets read-only ("basic") accounts use every `/sql` route (6.2+).
        let write = req.is_write()
            && !(version >= Version::V6_4
                && crate::sql::is_sql_path(&crate::util::percent_decode_path(&req.path)));
        let tokens = version >= Version::V2_5;
        let auth_endpoint = tokens && is_auth_endpoint(&req.path);
        if tokens && !auth_endpoint {
            let from_cookie = if version >= Version::V22_08 {
                cookie(req, "token_sig")
            } else {
                None
            };
            let bearer = req
                .header("Authorization")
                .and_then(|v| v.strip_prefix("Bearer "));
            if let Some(token) = from_cookie.or(bearer) {
                return match self.verify_token(token) {
                    None => Err((None, self.fixed(401, ACCESS_DENIED))),
                    Some(p) if write && !p.admin => Err((Some(p.user), self.fixed(403, NOT_ADMIN))),
                    Some(p) => Ok(p),
                };
            }
        }
        let presented = req
            .header("Authorization")
            .and_then(|v| {
                v.strip_prefix("Basic ")
                    .or_else(|| v.strip_prefix("basic "))
            })
            .and_then(|b64| base64_decode(b64.trim()))
            .map(|raw| String::from_utf8_lossy(&raw).into_owned());
        let (user, password) = match presented.as_deref().map(|s| s.split_once(':')) {
            Some(Some((u, p))) => (Some(u.to_string()), Some(p.to_string())),
            Some(None) => (presented.clone(), None),
            None => (None, None),
        };
        let who = match (&user, &password) {
            (Some(u), Some(p)) => self.account(u, p),
            _ => None,
        };
        match who {
            Some(p) if !write || p.admin => Ok(p),
            _ if auth_endpoint => Err((user, self.fixed(401, ACCESS_DENIED))),
            _ => Err((user, self.unauthorized(req))),
        }
    }

    /// A token for an existing account (`None` for an unknown user), valid for `age` seconds.
    pub fn token(&self, user: &str, age: i64) -> Option<String> {
        let who = self.account_named(user)?;
        let now = now_secs();
        let claims = json!({
            "account": if who.admin { "admin" } else { "basic" },
            "exp": now + age,
            "iat": now,
            "iss": "maxscale",
            "sub": user,
        });
        Some(self.sign(br#"{"alg":"mxs-mock","typ":"JWT"}"#, &claims))
    }

    /// A token of `claims` signed by this server: `header.payload.signature`.
    pub(crate) fn sign(&self, header: &[u8], claims: &Value) -> String {
        let header = base64url_encode(header);
        let payload = base64url_encode(claims.to_string().as_bytes());
        let signature = sha1_hex(format!("{}.{header}.{payload}", self.secret).as_bytes());
        format!("{header}.{payload}.{signature}")
    }

    /// The claims of a token this server signed (its age unchecked).
    pub(crate) fn signed_claims(&self, token: &str) -> Option<Value> {
        let mut parts = token.trim().split('.');
        let (header, payload, signature) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some()
            || sha1_hex(format!("{}.{header}.{payload}", self.secret).as_bytes()) != signature
        {
            return None;
        }
        serde_json::from_slice(&base64url_decode(payload)?).ok()
    }

    /// The account of a valid, unexpired token this server issued.
    fn verify_token(&self, token: &str) -> Option<Principal> {
        let claims = self.signed_claims(token)?;
        if claims["exp"].as_i64()? <= now_secs() {
            return None;
        }
        self.account_named(claims["sub"].as_str()?)
    }

    /// `GET /v1/auth`: `{"meta":{"token":...}}`, or with `persist` a 204 setting the `token_sig`
    /// cookie.
    pub fn auth_endpoint(&self, req: &Request, who: &Principal) -> Response {
        let pairs = query::pairs(req.query.as_deref().unwrap_or(""));
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        let mut age = TOKEN_AGE;
        let max_age = get("max-age").and_then(|v| v.parse::<i64>().ok());
        if let Some(m) = max_age.filter(|&m| m > 0 && m < i64::from(i32::MAX)) {
            age = m;
        }
        let age = age.min(TOKEN_MAX_AGE);
        let Some(token) = self.token(&who.user, age) else {
            return self.fixed(401, ACCESS_DENIED);
        };
        let persist = get("persist").is_some_and(|v| {
            matches!(v.to_ascii_lowercase().as_str(), "true" | "on" | "yes" | "1")
        });
        if persist && self.config.version >= Version::V22_08 {
            let mut opts = "; Path=/".to_string();
            if max_age.is_some() {
                opts.push_str(&format!("; Max-Age={age}"));
            }
            if self.scheme == "https" {
                opts.push_str("; Secure");
            }
            let mut headers = self.headers(None, None);
            headers.push((
                "Set-Cookie".into(),
                format!("token_sig={token}{opts}; SameSite=Strict; HttpOnly"),
            ));
            return Response {
                status: 204,
                headers,
                body: Body::Empty,
            };
        }
        let style = query::style_of(req.query.as_deref(), self.config.version);
        let body = crate::json::to_vec(&json!({"meta": {"token": token}}), style, "");
        self.json_response(200, body, None)
    }
}
