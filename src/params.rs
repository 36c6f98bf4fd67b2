//! The page's URL parameters, for portals that embed it:
//! `?profile=hubei` (rule profile of a new document), `?lang=en`, `?embed=1` (compact, less
//! chrome) and `?host=https://portal.example,https://other.example` (the origins allowed to
//! talk to the page with postMessage; `*` allows any, for tests and trusted set-ups).

use zipin_core::profile::ProfileId;

use crate::i18n::Lang;

/// What the URL asks for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params {
    pub profile: Option<ProfileId>,
    pub lang: Option<Lang>,
    pub embed: bool,
    /// Origins allowed to send and receive messages.
    pub hosts: Vec<String>,
}

impl Params {
    /// Reads a query string (`?a=b&c=d`).
    pub fn parse(query: &str) -> Params {
        let mut params = Params::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_encoding::percent_decode_str(value)
                .decode_utf8_lossy()
                .into_owned();
            match key {
                "profile" => params.profile = ProfileId::from_key(&value),
                "lang" => params.lang = Lang::from_key(&value),
                "embed" => params.embed = matches!(value.as_str(), "" | "1" | "true" | "yes"),
                "host" => {
                    params.hosts = value
                        .split(',')
                        .map(|h| h.trim().trim_end_matches('/').to_owned())
                        .filter(|h| !h.is_empty())
                        .collect()
                }
                _ => {}
            }
        }
        params
    }

    /// The parameters of this page.
    pub fn current() -> Params {
        let query = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        Params::parse(&query)
    }

    /// Whether messages from (and to) `origin` are allowed.
    pub fn allows(&self, origin: &str) -> bool {
        self.hosts.iter().any(|host| host == "*" || host == origin)
    }
}
