//! View state <-> query string. Pure; defaults are omitted, unknown or malformed values ignored.

use crate::analysis::TimelineFilter;
use crate::i18n::Lang;
use crate::model::{EventKind, Level};

/// What the reader is looking at, as far as a link should carry it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UrlState {
    pub lang: Lang,
    /// `None`: the first metric of the dataset.
    pub metric: Option<String>,
    pub filter: TimelineFilter,
}

impl UrlState {
    /// Reads a query string (with or without the leading `?`). Never fails: what it does not
    /// understand it leaves at the default.
    pub fn from_query(query: &str) -> Self {
        let mut state = UrlState::default();
        for pair in query.trim_start_matches('?').split('&') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            match key {
                "lang" => state.lang = Lang::from_code(value).unwrap_or_default(),
                "metric" if is_id(value) => state.metric = Some(value.to_string()),
                "level" => state.filter.level = Level::ALL.into_iter().find(|l| l.key() == value),
                "kind" => state.filter.kind = EventKind::ALL.into_iter().find(|k| k.key() == value),
                _ => {}
            }
        }
        state
    }

    /// The query string, `?`-prefixed, or empty when everything is at its default.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if self.lang != Lang::default() {
            parts.push(format!("lang={}", self.lang.code()));
        }
        if let Some(metric) = &self.metric {
            parts.push(format!("metric={metric}"));
        }
        if let Some(level) = self.filter.level {
            parts.push(format!("level={}", level.key()));
        }
        if let Some(kind) = self.filter.kind {
            parts.push(format!("kind={}", kind.key()));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// Ids are kebab or snake case ASCII: nothing that needs escaping in a URL.
fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_make_an_empty_query() {
        assert_eq!(UrlState::default().to_query(), "");
        assert_eq!(UrlState::from_query(""), UrlState::default());
    }

    #[test]
    fn round_trips_every_field() {
        let state = UrlState {
            lang: Lang::En,
            metric: Some("akit_rank".into()),
            filter: TimelineFilter {
                level: Some(Level::Regional),
                kind: Some(EventKind::Law),
            },
        };
        let query = state.to_query();
        assert_eq!(query, "?lang=en&metric=akit_rank&level=regional&kind=law");
        assert_eq!(UrlState::from_query(&query), state);
    }

    #[test]
    fn odd_values_fall_back_to_defaults() {
        let state = UrlState::from_query("?lang=de&metric=%3Cscript%3E&level=&kind=law&&=x&junk");
        assert_eq!(state.lang, Lang::Ru);
        assert_eq!(state.metric, None);
        assert_eq!(state.filter.level, None);
        assert_eq!(state.filter.kind, Some(EventKind::Law));
    }
}
