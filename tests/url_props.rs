//! The URL state survives anything a shared link can contain.
#![cfg(not(target_arch = "wasm32"))]

use perm_technoparks::analysis::TimelineFilter;
use perm_technoparks::i18n::Lang;
use perm_technoparks::model::{EventKind, Level};
use perm_technoparks::url::{Display, Theme, UrlState};
use proptest::prelude::*;

fn any_state() -> impl Strategy<Value = UrlState> {
    (
        prop::bool::ANY,
        prop::option::of("[a-z][a-z0-9_-]{0,20}"),
        prop::option::of(prop::sample::select(Level::ALL.to_vec())),
        prop::option::of(prop::sample::select(EventKind::ALL.to_vec())),
        (
            prop::bool::ANY,
            prop::option::of(prop::bool::ANY),
            prop::bool::ANY,
        ),
    )
        .prop_map(|(en, metric, level, kind, (embed, dark, a11y))| UrlState {
            lang: if en { Lang::En } else { Lang::Ru },
            metric,
            filter: TimelineFilter {
                level,
                kind,
                ..TimelineFilter::default()
            },
            event: None,
            table: false,
            display: Display {
                embed,
                theme: dark.map(|d| if d { Theme::Dark } else { Theme::Light }),
                a11y,
            },
        })
}

proptest! {
    #[test]
    fn state_to_url_to_state_is_the_identity(state in any_state()) {
        prop_assert_eq!(UrlState::from_query(&state.to_query()), state);
    }

    #[test]
    fn a_link_the_explorer_writes_sets_nothing_aside(query in ".{0,200}") {
        // Whatever a link held, the link written from what was read back reads whole.
        let state = UrlState::from_query(&query);
        prop_assert_eq!(UrlState::read(&state.to_query()).1, vec![]);
    }

    #[test]
    fn search_text_round_trips(text in "\\PC{0,40}") {
        let state = UrlState {
            filter: TimelineFilter { query: perm_technoparks::url::clean_query(&text), ..TimelineFilter::default() },
            ..UrlState::default()
        };
        prop_assert_eq!(UrlState::from_query(&state.to_query()), state);
    }

    #[test]
    fn any_query_gives_a_state_that_round_trips(query in ".{0,200}") {
        let state = UrlState::from_query(&query);
        if let Some(metric) = &state.metric {
            prop_assert!(metric.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-'));
        }
        prop_assert_eq!(UrlState::from_query(&state.to_query()), state);
    }

    #[test]
    fn query_like_strings_never_panic(
        pairs in prop::collection::vec(("[a-z0-9=&%?]{0,10}", "[a-zA-Z0-9=&%<>\"ё_-]{0,12}"), 0..8)
    ) {
        let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let state = UrlState::from_query(&format!("?{}", query.join("&")));
        prop_assert_eq!(UrlState::from_query(&state.to_query()), state);
    }
}
