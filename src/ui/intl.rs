//! [`Typography`] answered by the browser's `Intl`, so no locale tables ship in the WASM.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::format::Typography;
use crate::i18n::{Lang, PluralCategory};
use crate::model::{PartialDate, Precision};

/// Formats with `Intl.NumberFormat`, `Intl.DateTimeFormat` and `Intl.PluralRules`.
#[derive(Debug, Clone, Copy)]
pub struct IntlTypography {
    pub lang: Lang,
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
    /// Making an `Intl` formatter costs far more than formatting with it (a chart of 4 000
    /// values made 8 000 of them), so each is made once and kept.
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

/// The current calendar year, from the browser's clock.
pub fn this_year() -> i32 {
    Date::new_0().get_full_year() as i32
}
