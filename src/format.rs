//! Typesetting values for the reader: numbers, money, dates, plurals, in Russian or English.
//!
//! The [`Typography`] trait is what the core asks for; [`ReferenceTypography`] answers it, in
//! the app, the prerendered first view and the build alike.

use crate::i18n::{strings, Forms, Lang, PluralCategory};
use crate::model::problem::fill;
use crate::model::{PartialDate, Precision, Unit};

/// Locale-aware formatting of single values.
pub trait Typography {
    /// The language it writes.
    fn lang(&self) -> Lang;
    /// A number with grouping (`86 000`, `86,000`) and at most this many decimals.
    fn number(&self, value: f64, max_fraction_digits: u8) -> String;
    /// Roubles, abbreviated (`726,2 млн ₽`, `RUB 726.2M`).
    fn compact_rub(&self, value: f64) -> String;
    /// A date at its own precision (`10 октября 2019 г.`, `октябрь 2019 г.`, `2019`).
    fn date(&self, date: &PartialDate) -> String;
    /// The cardinal plural category of a number (`1 год`, `2 года`, `5 лет`).
    fn plural(&self, n: f64) -> PluralCategory;
    /// The ordinal plural category (`1st`, `2nd`, `3rd`, `4th`).
    fn ordinal(&self, n: f64) -> PluralCategory;
}

/// A value of a metric in its unit, typeset (`86 000 м²`, `726,2 млн ₽`, `2-е место`).
pub fn format_value(t: &dyn Typography, unit: Unit, value: f64) -> String {
    let s = strings(t.lang());
    let text = match unit {
        Unit::M2 => fill(s.unit_m2, &[t.number(value, 0)]),
        Unit::Rub => t.compact_rub(value),
        Unit::RubPerM2 => fill(s.unit_rub_per_m2, &[t.number(value, 0)]),
        // A year is a name, not a quantity: never grouped (`2018`, not `2 018`).
        Unit::Year => format!("{}", value.round() as i64),
        Unit::Years => counted(t, &s.years, value),
        Unit::Rank => fill(s.rank.pick(t.ordinal(value)), &[t.number(value, 0)]),
        Unit::Count => t.number(value, 0),
    };
    real_minus(&text)
}

/// A count with the right plural form (`24 события`, `1 event`).
pub fn counted(t: &dyn Typography, forms: &Forms, n: f64) -> String {
    fill(forms.pick(t.plural(n)), &[t.number(n, 0)])
}

/// Russian typography writes the minus as U+2212, not the hyphen `Intl` gives.
fn real_minus(text: &str) -> String {
    text.replace('-', "\u{2212}")
        // Rank templates contain a hyphen (`2-е место`): that one stays.
        .replace("\u{2212}е", "-е")
}

/// Formatting written out in Rust, matching what `Intl` gives for ru-RU and en-GB.
///
/// The app uses it rather than the browser's `Intl`: a page's first `Intl.NumberFormat` sets up
/// ICU's locale data, 25–70 ms on a desktop CPU and four times that on a slow phone, all before
/// the app is up; these rules cost 350 B less WASM than the bindings did. The browser tests
/// (`tests/browser.rs`) check that both agree.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReferenceTypography {
    pub lang: Lang,
}

const NBSP: char = '\u{a0}';

/// Month names as a date writes them, after the day (the typographer keeps them with it too).
pub(crate) const RU_MONTHS_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
/// Month names on their own («октябрь 2019 г.»).
pub(crate) const RU_MONTHS: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
/// Month names as a date writes them.
pub(crate) const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Typography for ReferenceTypography {
    fn lang(&self) -> Lang {
        self.lang
    }

    fn number(&self, value: f64, max_fraction_digits: u8) -> String {
        let scale = 10f64.powi(i32::from(max_fraction_digits));
        let rounded = (value.abs() * scale).round() / scale;
        let int = rounded.trunc() as u64;
        let frac = format!("{:.*}", usize::from(max_fraction_digits), rounded.fract());
        let frac = frac
            .trim_start_matches('0')
            .trim_end_matches('0')
            .trim_end_matches('.');
        let digits = int.to_string();
        let (group, decimal, min_grouping) = match self.lang {
            Lang::Ru => (NBSP, ',', 5),
            Lang::En => (',', '.', 4),
        };
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) && digits.len() >= min_grouping {
                out.push(group);
            }
            out.push(c);
        }
        if let Some(f) = frac.strip_prefix('.') {
            out.push(decimal);
            out.push_str(f);
        }
        if value < 0.0 && rounded != 0.0 {
            out.insert(0, '-');
        }
        out
    }

    fn compact_rub(&self, value: f64) -> String {
        let (scaled, ru, en) = match value.abs() {
            v if v >= 1e9 => (value / 1e9, "млрд", "B"),
            v if v >= 1e6 => (value / 1e6, "млн", "M"),
            v if v >= 1e3 => (value / 1e3, "тыс.", "K"),
            _ => (value, "", ""),
        };
        let n = self.number(scaled, 1);
        match (self.lang, ru.is_empty()) {
            (Lang::Ru, true) => format!("{n}{NBSP}₽"),
            (Lang::Ru, false) => format!("{n}{NBSP}{ru}{NBSP}₽"),
            (Lang::En, _) => format!("RUB{NBSP}{n}{en}"),
        }
    }

    fn date(&self, date: &PartialDate) -> String {
        let month = usize::from(date.month.unwrap_or(1))
            .saturating_sub(1)
            .min(11);
        let day = date.day.unwrap_or(1);
        match (self.lang, date.precision()) {
            (Lang::Ru, Precision::Day) => {
                format!("{day} {} {} г.", RU_MONTHS_GENITIVE[month], date.year)
            }
            (Lang::Ru, Precision::Month) => format!("{} {} г.", RU_MONTHS[month], date.year),
            (Lang::Ru, Precision::Year) => date.year.to_string(),
            (Lang::En, Precision::Day) => format!("{day} {} {}", EN_MONTHS[month], date.year),
            (Lang::En, Precision::Month) => format!("{} {}", EN_MONTHS[month], date.year),
            (Lang::En, Precision::Year) => date.year.to_string(),
        }
    }

    fn plural(&self, n: f64) -> PluralCategory {
        if n.fract() != 0.0 {
            return PluralCategory::Other;
        }
        let n = n.abs() as u64;
        match self.lang {
            Lang::Ru => match (n % 10, n % 100) {
                (1, r) if r != 11 => PluralCategory::One,
                (2..=4, r) if !(12..=14).contains(&r) => PluralCategory::Few,
                _ => PluralCategory::Many,
            },
            Lang::En if n == 1 => PluralCategory::One,
            Lang::En => PluralCategory::Other,
        }
    }

    fn ordinal(&self, n: f64) -> PluralCategory {
        let n = n.abs() as u64;
        match (self.lang, n % 10, n % 100) {
            (Lang::Ru, _, _) => PluralCategory::Other,
            (Lang::En, 1, r) if r != 11 => PluralCategory::One,
            (Lang::En, 2, r) if r != 12 => PluralCategory::Two,
            (Lang::En, 3, r) if r != 13 => PluralCategory::Few,
            _ => PluralCategory::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RU: ReferenceTypography = ReferenceTypography { lang: Lang::Ru };
    const EN: ReferenceTypography = ReferenceTypography { lang: Lang::En };

    #[test]
    fn russian_values_use_no_break_spaces_and_comma_decimals() {
        assert_eq!(format_value(&RU, Unit::M2, 86000.0), "86\u{a0}000\u{a0}м²");
        assert_eq!(format_value(&RU, Unit::M2, 16949.0), "16\u{a0}949\u{a0}м²");
        assert_eq!(
            format_value(&RU, Unit::Rub, 726.2e6),
            "726,2\u{a0}млн\u{a0}₽"
        );
        assert_eq!(format_value(&RU, Unit::Rub, 97e6), "97\u{a0}млн\u{a0}₽");
        assert_eq!(format_value(&RU, Unit::Year, 2018.0), "2018");
        assert_eq!(format_value(&RU, Unit::Rank, 2.0), "2-е место");
        assert_eq!(format_value(&RU, Unit::Count, -5.0), "\u{2212}5");
    }

    #[test]
    fn english_values_follow_english_conventions() {
        assert_eq!(format_value(&EN, Unit::M2, 86000.0), "86,000\u{a0}m²");
        assert_eq!(format_value(&EN, Unit::Rub, 726.2e6), "RUB\u{a0}726.2M");
        assert_eq!(format_value(&EN, Unit::Rank, 2.0), "2nd place");
        assert_eq!(format_value(&EN, Unit::Rank, 11.0), "11th place");
        assert_eq!(format_value(&EN, Unit::Rank, 23.0), "23rd place");
    }

    #[test]
    fn dates_are_typeset_at_their_precision() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert_eq!(RU.date(&d("2019-10-10")), "10 октября 2019 г.");
        assert_eq!(RU.date(&d("2019-10")), "октябрь 2019 г.");
        assert_eq!(RU.date(&d("2019")), "2019");
        assert_eq!(EN.date(&d("2019-10-10")), "10 October 2019");
    }

    #[test]
    fn russian_plurals_choose_one_few_many() {
        let forms = &strings(Lang::Ru).years;
        let got: Vec<_> = [1.0, 2.0, 5.0, 11.0, 21.0, 22.0, 14.0]
            .iter()
            .map(|n| counted(&RU, forms, *n))
            .collect();
        assert_eq!(
            got,
            [
                "1\u{a0}год",
                "2\u{a0}года",
                "5\u{a0}лет",
                "11\u{a0}лет",
                "21\u{a0}год",
                "22\u{a0}года",
                "14\u{a0}лет"
            ]
        );
    }
}
