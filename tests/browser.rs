#![cfg(target_arch = "wasm32")]
//! In-browser tests (headless Chromium through wasm-bindgen-test): the browser's `Intl`
//! typesets as Russian and English typography expect, and as `ReferenceTypography` (what the
//! app and the build use) does; and hostile dataset text in a chart stays text once the SVG is
//! in the page.
//!
//! cd /work/main && PATH=$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH \
//!   CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

use perm_technoparks::chart::{bar_chart, render_svg, BarRow};
use perm_technoparks::format::{counted, format_value, ReferenceTypography, Typography};
use perm_technoparks::i18n::{strings, Lang, PluralCategory};
use perm_technoparks::model::{PartialDate, Precision, Unit};

wasm_bindgen_test_configure!(run_in_browser);

/// What the browser's `Intl` says: `Intl.NumberFormat`, `Intl.DateTimeFormat` and
/// `Intl.PluralRules` with the options the rules in `ReferenceTypography` stand for.
#[derive(Debug, Clone, Copy)]
struct IntlTypography {
    lang: Lang,
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

fn locales(locale: &str) -> Array {
    Array::of1(&JsValue::from_str(locale))
}

/// Which formatter: what it formats, in which language, with which variant (fraction digits,
/// date precision, cardinal or ordinal).
type Key = (Lang, Kind, u8);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Number,
    Rub,
    Date,
    Plural,
}

thread_local! {
    /// Each formatter is made once and kept.
    static FORMATS: RefCell<HashMap<Key, Function>> = RefCell::new(HashMap::new());
    static RULES: RefCell<HashMap<Key, Intl::PluralRules>> = RefCell::new(HashMap::new());
}

/// The bound `format` function for `key`, made by `make` the first time.
fn format_fn(key: Key, make: impl FnOnce() -> Function) -> Function {
    FORMATS.with(|cache| cache.borrow_mut().entry(key).or_insert_with(make).clone())
}

/// The plural rules for `key`, made by `make` the first time.
fn plural_rules(key: Key, make: impl FnOnce() -> Intl::PluralRules) -> Intl::PluralRules {
    RULES.with(|cache| cache.borrow_mut().entry(key).or_insert_with(make).clone())
}

/// Calls a bound `format` function; an answer that is not a string becomes empty.
fn call_format(format: Function, value: &JsValue) -> String {
    format
        .call1(&JsValue::NULL, value)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

impl Typography for IntlTypography {
    fn lang(&self) -> Lang {
        self.lang
    }

    fn number(&self, value: f64, max_fraction_digits: u8) -> String {
        let format = format_fn((self.lang, Kind::Number, max_fraction_digits), || {
            let mut opts = vec![("maximumFractionDigits", JsValue::from(max_fraction_digits))];
            if self.lang == Lang::Ru {
                // Russian typography leaves four-digit numbers whole: 8444, but 86 000.
                opts.push(("useGrouping", JsValue::from_str("min2")));
            }
            Intl::NumberFormat::new(&locales(self.lang.number_locale()), &options(&opts)).format()
        });
        call_format(format, &JsValue::from_f64(value))
    }

    fn compact_rub(&self, value: f64) -> String {
        let format = format_fn((self.lang, Kind::Rub, 0), || {
            let display = match self.lang {
                Lang::Ru => "symbol",
                Lang::En => "code",
            };
            let opts = options(&[
                ("style", JsValue::from_str("currency")),
                ("currency", JsValue::from_str("RUB")),
                ("currencyDisplay", JsValue::from_str(display)),
                ("notation", JsValue::from_str("compact")),
                ("minimumFractionDigits", JsValue::from(0)),
                ("maximumFractionDigits", JsValue::from(1)),
            ]);
            Intl::NumberFormat::new(&locales(self.lang.number_locale()), &opts).format()
        });
        call_format(format, &JsValue::from_f64(value))
    }

    fn date(&self, date: &PartialDate) -> String {
        let (year, month, day) = date.first_day();
        let precision = date.precision();
        let format = format_fn((self.lang, Kind::Date, precision as u8), || {
            let mut opts = vec![("year", JsValue::from_str("numeric"))];
            if precision != Precision::Year {
                opts.push(("month", JsValue::from_str("long")));
            }
            if precision == Precision::Day {
                opts.push(("day", JsValue::from_str("numeric")));
            }
            Intl::DateTimeFormat::new(&locales(self.lang.date_locale()), &options(&opts)).format()
        });
        let js_date =
            Date::new_with_year_month_day(year.max(0) as u32, i32::from(month) - 1, i32::from(day));
        call_format(format, &js_date.into())
    }

    fn plural(&self, n: f64) -> PluralCategory {
        let rules = plural_rules((self.lang, Kind::Plural, 0), || {
            Intl::PluralRules::new(&locales(self.lang.number_locale()), &Object::new())
        });
        PluralCategory::from_name(&String::from(rules.select(n)))
    }

    fn ordinal(&self, n: f64) -> PluralCategory {
        let rules = plural_rules((self.lang, Kind::Plural, 1), || {
            let opts = options(&[("type", JsValue::from_str("ordinal"))]);
            Intl::PluralRules::new(&locales(self.lang.number_locale()), &opts)
        });
        PluralCategory::from_name(&String::from(rules.select(n)))
    }
}

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
