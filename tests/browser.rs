#![cfg(target_arch = "wasm32")]
//! In-browser tests (headless Chromium through wasm-bindgen-test): the browser's `Intl`
//! typesets as the app expects and as `ReferenceTypography` does, and hostile dataset text
//! in a chart stays text once the SVG is in the page.
//!
//! cd /work/main && PATH=$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH \
//!   CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

use perm_technoparks::chart::{bar_chart, render_svg, BarRow};
use perm_technoparks::format::{counted, format_value, ReferenceTypography, Typography};
use perm_technoparks::i18n::{strings, Lang};
use perm_technoparks::model::{PartialDate, Unit};
use perm_technoparks::ui::IntlTypography;

wasm_bindgen_test_configure!(run_in_browser);

const RU: IntlTypography = IntlTypography { lang: Lang::Ru };
const EN: IntlTypography = IntlTypography { lang: Lang::En };

fn date(text: &str) -> PartialDate {
    PartialDate::parse(text).expect("a valid date")
}

#[wasm_bindgen_test]
fn intl_typesets_russian_values() {
    assert_eq!(format_value(&RU, Unit::M2, 86000.0), "86\u{a0}000\u{a0}м²");
    assert_eq!(format_value(&RU, Unit::M2, 16949.0), "16\u{a0}949\u{a0}м²");
    assert_eq!(
        format_value(&RU, Unit::Rub, 726.2e6),
        "726,2\u{a0}млн\u{a0}₽"
    );
    assert_eq!(format_value(&RU, Unit::Rub, 97e6), "97\u{a0}млн\u{a0}₽");
    assert_eq!(RU.date(&date("2019-10-10")), "10 октября 2019 г.");
    assert_eq!(RU.date(&date("2019-10")), "октябрь 2019 г.");
    let events = &strings(Lang::Ru).events_count;
    let got: Vec<String> = [1.0, 2.0, 5.0, 21.0]
        .iter()
        .map(|n| counted(&RU, events, *n))
        .collect();
    assert_eq!(
        got,
        [
            "1\u{a0}событие",
            "2\u{a0}события",
            "5\u{a0}событий",
            "21\u{a0}событие"
        ]
    );
}

#[wasm_bindgen_test]
fn intl_typesets_english_values() {
    assert_eq!(format_value(&EN, Unit::M2, 86000.0), "86,000\u{a0}m²");
    assert_eq!(format_value(&EN, Unit::Rub, 726.2e6), "RUB\u{a0}726.2M");
    assert_eq!(EN.date(&date("2019-10-10")), "10 October 2019");
    assert_eq!(format_value(&EN, Unit::Rank, 2.0), "2nd place");
}

/// Every difference between `Intl` and the reference, as `lang what: intl ≠ reference`.
fn differences() -> Vec<String> {
    let mut out = Vec::new();
    let mut compare = |lang: Lang, what: String, intl: String, reference: String| {
        if intl != reference {
            out.push(format!("{lang:?} {what}: {intl:?} ≠ {reference:?}"));
        }
    };
    let numbers = [0.0, 7.0, 2018.0, 8444.19, 16949.0, 86000.0, 1234567.89];
    let money = [97e6, 726.2e6, 6.089e9];
    let dates = [
        "2019",
        "2019-10",
        "2019-10-10",
        "2006-03-10",
        "2010-01",
        "2024-02-29",
        "1999-12-31",
        "2025-05",
        "2021-01-01",
    ];
    for lang in Lang::ALL {
        let intl = IntlTypography { lang };
        let reference = ReferenceTypography { lang };
        for n in numbers {
            for digits in 0..=2 {
                compare(
                    lang,
                    format!("number({n}, {digits})"),
                    intl.number(n, digits),
                    reference.number(n, digits),
                );
            }
            for unit in [Unit::M2, Unit::RubPerM2, Unit::Count, Unit::Year] {
                compare(
                    lang,
                    format!("format_value({unit:?}, {n})"),
                    format_value(&intl, unit, n),
                    format_value(&reference, unit, n),
                );
            }
        }
        for n in money {
            compare(
                lang,
                format!("compact_rub({n})"),
                intl.compact_rub(n),
                reference.compact_rub(n),
            );
        }
        for d in dates {
            compare(
                lang,
                format!("date({d})"),
                intl.date(&date(d)),
                reference.date(&date(d)),
            );
        }
        for n in 0..=30 {
            let n = f64::from(n);
            compare(
                lang,
                format!("plural({n})"),
                format!("{:?}", intl.plural(n)),
                format!("{:?}", reference.plural(n)),
            );
        }
        for n in 1..=30 {
            let n = f64::from(n);
            compare(
                lang,
                format!("ordinal({n})"),
                format!("{:?}", intl.ordinal(n)),
                format!("{:?}", reference.ordinal(n)),
            );
            compare(
                lang,
                format!("format_value(Rank, {n})"),
                format_value(&intl, Unit::Rank, n),
                format_value(&reference, Unit::Rank, n),
            );
        }
    }
    out
}

#[wasm_bindgen_test]
fn intl_and_reference_typography_agree() {
    let diffs = differences();
    assert!(
        diffs.is_empty(),
        "{} differences:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}

/// `element.querySelectorAll(selector)` as an array (web-sys's NodeList is not enabled).
fn select_all(element: &web_sys::Element, selector: &str) -> Array {
    let method: Function = Reflect::get(element, &JsValue::from_str("querySelectorAll"))
        .expect("querySelectorAll exists")
        .unchecked_into();
    let list = method
        .call1(element, &JsValue::from_str(selector))
        .expect("a valid selector");
    Array::from(&list)
}

#[wasm_bindgen_test]
fn hostile_chart_text_stays_text() {
    let label = "<img src=x onerror=alert(1)>";
    let value_text = "\"><script>alert(2)</script>&amp;";
    let rows = [
        BarRow {
            park: "evil".into(),
            label: label.into(),
            color: "#1f5fa8".into(),
            value: Some(86000.0),
            value_text: value_text.into(),
            inferred: false,
        },
        BarRow {
            park: "none".into(),
            label: "</text><img src=y>".into(),
            color: "#c0392b".into(),
            value: None,
            value_text: "no data".into(),
            inferred: false,
        },
    ];
    let svg = render_svg(&bar_chart(&rows, 600.0, String::new())).expect("chart renders");

    let document = web_sys::window()
        .expect("a window")
        .document()
        .expect("a document");
    let body = document.body().expect("a body");
    let div = document.create_element("div").expect("a div");
    div.set_inner_html(&svg);
    body.append_child(&div).expect("the div is attached");

    let images = select_all(&div, "img").length();
    let scripts = select_all(&div, "script").length();
    let texts: Vec<String> = select_all(&div, "text")
        .iter()
        .map(|node| {
            node.unchecked_into::<web_sys::Node>()
                .text_content()
                .unwrap_or_default()
        })
        .collect();
    let svgs = select_all(&div, "svg").length();
    div.remove();

    assert_eq!(svgs, 1, "the chart is one svg element");
    assert_eq!(images, 0, "no <img> came out of the chart: {texts:?}");
    assert_eq!(scripts, 0, "no <script> came out of the chart: {texts:?}");
    // plotters writes each text on a line of its own (`<text …>\n…\n</text>`); SVG collapses
    // those newlines when drawing, so the text drawn is the string itself.
    for hostile in [label, value_text, "</text><img src=y>"] {
        assert!(
            texts.iter().any(|t| t.trim_matches('\n') == hostile),
            "{hostile:?} is not the text of any <text>: {texts:?}"
        );
    }
}
