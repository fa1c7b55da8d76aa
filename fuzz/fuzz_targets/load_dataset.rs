//! Any bytes: parse, validate, and for a valid dataset build and render every comparison
//! chart and the timeline. Nothing may panic. The same bytes as a query string must give a
//! state that writes a query which reads back to the same state, with nothing set aside.
#![no_main]

use libfuzzer_sys::fuzz_target;
use perm_technoparks::analysis::{metric_catalogue, timeline_years, TimelineFilter};
use perm_technoparks::chart::{comparison, render_svg};
use perm_technoparks::format::ReferenceTypography;
use perm_technoparks::i18n::{strings, Lang};
use perm_technoparks::model::load_dataset;
use perm_technoparks::url::UrlState;

fuzz_target!(|data: &[u8]| {
    match load_dataset(data) {
        Ok(ds) => {
            for lang in Lang::ALL {
                let t = ReferenceTypography { lang };
                for metric in metric_catalogue(&ds, lang) {
                    if let Some(c) = comparison(&ds, &metric.id, &t, 320.0, 2026) {
                        let _ = render_svg(&c.chart);
                    }
                }
            }
            for lang in Lang::ALL {
                let _ = timeline_years(&ds.events, &TimelineFilter::default(), lang);
            }
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            for p in &problems {
                let _ = p.describe(strings(Lang::Ru));
            }
        }
    }
    if let Ok(query) = std::str::from_utf8(data) {
        let (state, set_aside) = UrlState::read(query);
        for odd in &set_aside {
            let _ = (odd.pair(), odd.reason(Lang::Ru));
        }
        assert_eq!(UrlState::read(&state.to_query()), (state, vec![]));
    }
});
