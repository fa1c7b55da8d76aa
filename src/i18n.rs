//! The two interface languages and their strings, read from `locales/*.json`.
//!
//! Interface text lives here; data text lives in the dataset as `{ru, en}`.

use std::collections::HashMap;
use std::sync::OnceLock;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Ru,
    En,
}

impl Lang {
    /// Both languages, default first.
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::En];

    /// The BCP 47 code: `ru`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Reads a code; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The locale `Intl` formats dates in (`en-GB` writes `10 October 2019`).
    pub fn date_locale(self) -> &'static str {
        match self {
            Lang::Ru => "ru-RU",
            Lang::En => "en-GB",
        }
    }

    /// The locale `Intl` formats numbers in (`en-US` abbreviates millions as `M`, not `m`).
    pub fn number_locale(self) -> &'static str {
        match self {
            Lang::Ru => "ru-RU",
            Lang::En => "en-US",
        }
    }

    /// The other language, for the switch.
    pub fn other(self) -> Self {
        match self {
            Lang::Ru => Lang::En,
            Lang::En => Lang::Ru,
        }
    }
}

/// CLDR plural categories, as `Intl.PluralRules` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    /// Reads `Intl.PluralRules#select`'s answer; unknown words are `Other`.
    pub fn from_name(name: &str) -> Self {
        match name {
            "zero" => Self::Zero,
            "one" => Self::One,
            "two" => Self::Two,
            "few" => Self::Few,
            "many" => Self::Many,
            _ => Self::Other,
        }
    }
}

/// A phrase in its plural forms; `{0}` is the number.
#[derive(Debug, Clone)]
pub struct Forms {
    pub one: String,
    pub two: Option<String>,
    pub few: Option<String>,
    pub many: Option<String>,
    pub other: String,
}

impl Forms {
    /// The form for a category, falling back to `other`.
    pub fn pick(&self, category: PluralCategory) -> &str {
        let chosen = match category {
            PluralCategory::One => Some(&self.one),
            PluralCategory::Two => self.two.as_ref(),
            PluralCategory::Few => self.few.as_ref(),
            PluralCategory::Many => self.many.as_ref(),
            _ => None,
        };
        chosen.unwrap_or(&self.other)
    }
}

/// Every interface string, built from `locales/*.json` by `build.rs`: a key missing from a
/// locale file, or one this struct does not know, stops the build.
#[derive(Debug, Clone)]
pub struct Strings {
    pub app_title: String,
    pub app_subtitle: String,
    pub skip_link: String,
    pub switch_lang: String,
    pub switch_lang_label: String,
    pub loading: String,
    pub load_failed: String,
    pub load_failed_hint: String,
    pub http_status: String,
    pub network_error: String,
    pub invalid_title: String,
    pub invalid_hint: String,
    pub retry: String,
    pub compare_title: String,
    pub metric_label: String,
    pub no_data: String,
    pub source: String,
    pub confidence: HashMap<String, String>,
    pub confidence_hint: HashMap<String, String>,
    pub formula: String,
    pub derived_metrics: HashMap<String, DerivedStrings>,
    pub rank_axis: String,
    pub year_axis: String,
    pub chart_alt_bars: String,
    pub chart_alt_series: String,
    pub chart_alt_missing: String,
    pub chart_alt_ratio: String,
    pub times: Forms,
    pub as_of: String,
    pub timeline_title: String,
    pub filter_level: String,
    pub filter_kind: String,
    pub filter_all: String,
    pub filter_park: String,
    pub filter_from: String,
    pub filter_to: String,
    pub search_label: String,
    pub search_placeholder: String,
    pub clear_filters: String,
    pub event_link: String,
    pub show_on_chart: String,
    pub levels: HashMap<String, String>,
    pub kinds: HashMap<String, String>,
    pub events_count: Forms,
    pub shown_of: String,
    /// The timeline's next page: `{0}` more, `{1}` left.
    pub show_more: String,
    pub no_events: String,
    pub inferred: String,
    pub concerns: String,
    pub sources_title: String,
    pub sources_intro: String,
    pub published: String,
    pub footer: String,
    pub unit_m2: String,
    pub unit_rub_per_m2: String,
    pub years: Forms,
    pub rank: Forms,
    pub open_full: String,
    pub embed_open: String,
    pub embed_title: String,
    pub embed_intro: String,
    pub embed_script_label: String,
    pub embed_iframe_label: String,
    pub copy: String,
    pub copied: String,
    pub copy_link: String,
    pub copy_link_hint: String,
    pub link_copied: String,
    pub downloads_label: String,
    pub download_csv_hint: String,
    pub download_csv_excel: String,
    pub download_csv_excel_hint: String,
    pub download_json_hint: String,
    pub download_svg_hint: String,
    pub download_png_hint: String,
    pub close: String,
    pub noscript_intro: String,
    pub full_table: String,
    pub park: String,
    pub value: String,
    pub date: String,
    pub event: String,
    pub confidence_title: String,
    pub show_table: String,
    pub show_chart: String,
    pub chart_keys_hint: String,
    pub lifecycle_title: String,
    pub lifecycle_now: String,
    pub lifecycle_alt: String,
    pub lifecycle_hint: String,
    pub vi_on: String,
    pub vi_off: String,
    pub vi_settings: String,
    pub vi_size: String,
    pub vi_size_value: String,
    pub vi_scheme: String,
    pub vi_schemes: HashMap<String, String>,
    pub vi_images: String,
    pub warning: String,
    pub problems: HashMap<String, String>,
}

/// Labels of the metrics the app derives from the data.
#[derive(Debug, Clone)]
pub struct DerivedStrings {
    pub label: String,
    pub formula: String,
}

/// The strings of a language, built once.
pub fn strings(lang: Lang) -> &'static Strings {
    static RU: OnceLock<Strings> = OnceLock::new();
    static EN: OnceLock<Strings> = OnceLock::new();
    match lang {
        Lang::Ru => RU.get_or_init(build_ru),
        Lang::En => EN.get_or_init(build_en),
    }
}

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// A map of texts from the generated code.
fn texts(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Derived metrics' labels and formulas from the generated code.
fn derived(triples: &[(&str, &str, &str)]) -> HashMap<String, DerivedStrings> {
    triples
        .iter()
        .map(|(id, label, formula)| {
            let text = DerivedStrings {
                label: label.to_string(),
                formula: formula.to_string(),
            };
            (id.to_string(), text)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::problem::all_keys;

    #[test]
    fn locale_files_are_complete() {
        for lang in Lang::ALL {
            let s = strings(lang);
            for key in all_keys() {
                assert!(
                    s.problems.contains_key(key),
                    "{lang:?}: no message for problem {key}"
                );
            }
            for key in ["high", "medium", "derived"] {
                assert!(s.confidence.contains_key(key) && s.confidence_hint.contains_key(key));
            }
            for key in ["federal", "regional"] {
                assert!(s.levels.contains_key(key), "{lang:?}: level {key}");
            }
            for key in [
                "law",
                "decree",
                "programme",
                "subsidy",
                "event",
                "milestone",
            ] {
                assert!(s.kinds.contains_key(key), "{lang:?}: kind {key}");
            }
            for key in crate::analysis::DERIVED_METRIC_IDS {
                assert!(
                    s.derived_metrics.contains_key(key),
                    "{lang:?}: derived {key}"
                );
            }
        }
    }

    #[test]
    fn russian_plural_forms_fall_back_to_other() {
        let forms = &strings(Lang::Ru).years;
        assert_eq!(forms.pick(PluralCategory::One), "{0}\u{a0}год");
        assert_eq!(forms.pick(PluralCategory::Few), "{0}\u{a0}года");
        assert_eq!(forms.pick(PluralCategory::Many), "{0}\u{a0}лет");
    }
}
