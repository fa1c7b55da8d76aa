//! The two interface languages and their strings, read from `locales/*.json`.
//!
//! Interface text lives here; data text lives in the dataset as `{ru, en}`.

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
    pub one: &'static str,
    pub two: Option<&'static str>,
    pub few: Option<&'static str>,
    pub many: Option<&'static str>,
    pub other: &'static str,
}

impl Forms {
    /// The form for a category, falling back to `other`.
    pub fn pick(&self, category: PluralCategory) -> &'static str {
        let chosen = match category {
            PluralCategory::One => Some(self.one),
            PluralCategory::Two => self.two,
            PluralCategory::Few => self.few,
            PluralCategory::Many => self.many,
            _ => None,
        };
        chosen.unwrap_or(self.other)
    }
}

/// Every interface string, built from `locales/*.json` by `build.rs`: a key missing from a
/// locale file, or one this struct does not know, stops the build.
#[derive(Debug, Clone)]
pub struct Strings {
    /// The language of these strings (written by `build.rs`, not read from the file).
    pub lang: Lang,
    pub app_title: &'static str,
    pub app_subtitle: &'static str,
    pub skip_link: &'static str,
    /// Skip links past the comparison to the timeline and to the lifecycle chart.
    pub skip_to_timeline: &'static str,
    pub skip_to_lifecycle: &'static str,
    pub switch_lang: &'static str,
    pub switch_lang_label: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub load_failed_hint: &'static str,
    /// What to do when the server answered with an error (the network is fine).
    pub http_failed_hint: &'static str,
    pub http_status: &'static str,
    pub network_error: &'static str,
    pub invalid_title: &'static str,
    pub invalid_hint: &'static str,
    /// The heading of the problems' list, for the site's administrator.
    pub invalid_details: &'static str,
    pub retry: &'static str,
    /// The note `boot.js` reveals if the app stops on an error of its own, and its button.
    pub app_stopped: &'static str,
    pub reload: &'static str,
    pub compare_title: &'static str,
    pub metric_label: &'static str,
    pub no_data: &'static str,
    pub source: &'static str,
    /// Before a list of more than one source.
    pub sources_label: &'static str,
    pub confidence: Texts,
    pub confidence_hint: Texts,
    pub formula: &'static str,
    pub derived_metrics: DerivedTexts,
    pub rank_axis: &'static str,
    pub chart_alt_bars: &'static str,
    pub chart_alt_series: &'static str,
    /// A park and its value(s) in a chart's text alternative: a spaced em dash in Russian, a
    /// spaced en dash in (British) English.
    pub chart_alt_item: &'static str,
    pub chart_alt_missing: &'static str,
    /// The chart's headline where the values compare: `{0}` the metric, `{1}` the park with
    /// the larger value, `{2}` how many times (`times`), `{3}` the other park.
    pub headline_ratio: &'static str,
    pub headline_equal: &'static str,
    /// Places (a rank), and years or spans of years: no ratio, and why.
    pub headline_places: &'static str,
    pub headline_years: &'static str,
    pub headline_missing: &'static str,
    /// `{1}`, `{2}`: the values' dates, earliest first.
    pub headline_apart: &'static str,
    pub times: Forms,
    pub timeline_title: &'static str,
    pub filter_level: &'static str,
    pub filter_kind: &'static str,
    pub filter_all: &'static str,
    /// The year selects' empty choice: no limit.
    pub filter_any_year: &'static str,
    pub filter_park: &'static str,
    pub filter_from: &'static str,
    pub filter_to: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub clear_filters: &'static str,
    /// The fold of the timeline's filters on a phone.
    pub filters: &'static str,
    pub show_on_chart: &'static str,
    pub levels: Texts,
    pub kinds: Texts,
    pub events_count: Forms,
    pub earlier_values: Forms,
    /// Above a chart that draws only some parks: `{0}` how many it draws, `{1}` of how many,
    /// counted (`of_parks`); by value, or by place in a rating.
    pub chart_selection: &'static str,
    pub chart_selection_ranks: &'static str,
    /// «из 200 технопарков».
    pub of_parks: Forms,
    /// The fold of the cards the chart does not draw: «Ещё 188 технопарков».
    pub more_parks: Forms,
    /// `{0}` shown, `{1}` in all, `{2}` shown counted (`21 событие`), `{3}` in all counted.
    pub shown_of: &'static str,
    /// The timeline's next page: `{0}` the events it shows, counted; `{1}` how many are left.
    pub show_more: &'static str,
    /// The timeline's last page: `{0}` the events it shows, counted.
    pub show_rest: &'static str,
    pub no_events: &'static str,
    pub inferred: &'static str,
    pub concerns: &'static str,
    pub sources_title: &'static str,
    pub sources_intro: &'static str,
    pub unknowns_title: &'static str,
    pub unknowns_intro: &'static str,
    pub footer: &'static str,
    pub unit_m2: &'static str,
    pub unit_rub_per_m2: &'static str,
    pub years: Forms,
    pub rank: Forms,
    pub open_full: &'static str,
    /// Said after a link that opens a new tab (the arrow is not read).
    pub new_tab: &'static str,
    /// The table pages' link back to the app.
    pub open_interactive: &'static str,
    pub embed_open: &'static str,
    pub embed_title: &'static str,
    pub embed_intro: &'static str,
    /// The embed dialog's choices: the theme (`url::EMBED_THEMES`), the language, and the
    /// preview's heading.
    pub embed_theme: &'static str,
    pub embed_themes: Texts,
    pub embed_lang: &'static str,
    pub embed_preview: &'static str,
    pub embed_script_label: &'static str,
    pub embed_iframe_label: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_link: &'static str,
    pub copy_chart_link: &'static str,
    pub copy_chart_link_hint: &'static str,
    pub copy_link_hint: &'static str,
    pub link_copied: &'static str,
    pub downloads_label: &'static str,
    /// The menu of the links to this chart and view, and the embed code.
    pub share: &'static str,
    /// The disclosure of a value card's sources and notes.
    pub sources_and_notes: &'static str,
    pub download_csv_hint: &'static str,
    pub download_csv_excel: &'static str,
    pub download_csv_excel_hint: &'static str,
    pub download_events_csv: &'static str,
    pub download_events_csv_hint: &'static str,
    pub download_events_csv_excel: &'static str,
    pub download_events_csv_excel_hint: &'static str,
    pub download_json_hint: &'static str,
    pub download_svg_hint: &'static str,
    pub download_png_hint: &'static str,
    pub close: &'static str,
    pub noscript_intro: &'static str,
    pub full_table: &'static str,
    /// The table page's caption of every value.
    pub all_values_title: &'static str,
    pub park: &'static str,
    pub value: &'static str,
    pub date: &'static str,
    pub event: &'static str,
    pub confidence_title: &'static str,
    pub show_table: &'static str,
    pub show_chart: &'static str,
    pub chart_keys_hint: &'static str,
    pub lifecycle_title: &'static str,
    pub lifecycle_alt: &'static str,
    pub lifecycle_hint: &'static str,
    /// A lane's label when it counts its events by year (`{0}`: the lane's level).
    pub lifecycle_by_year: &'static str,
    /// A year's count in such a lane: the year, the level (lower case), the events counted.
    pub lifecycle_year: &'static str,
    /// A park's state by its key (`open`, `suspended`, `closed`).
    pub states: Texts,
    /// A park's line in the lifecycle chart by its latest state: `{0}` its name, `{1}` its
    /// opening, `{2}` the date of the change to that state.
    pub lifecycle_periods: Texts,
    /// What each look of a bar means, by state.
    pub lifecycle_legend: Texts,
    /// The periods table's caption: `{0}` the dataset's date.
    pub lifecycle_table_caption: &'static str,
    pub lifecycle_state: &'static str,
    pub lifecycle_from: &'static str,
    pub lifecycle_to: &'static str,
    /// The end of a period that runs on: `{0}` the dataset's date.
    pub lifecycle_ongoing: &'static str,
    pub note_title: &'static str,
    pub vi_on: &'static str,
    pub vi_off: &'static str,
    pub vi_settings: &'static str,
    pub vi_size: &'static str,
    pub vi_size_value: &'static str,
    pub vi_scheme: &'static str,
    pub vi_schemes: Texts,
    pub vi_images: &'static str,
    pub warning: &'static str,
    /// The place of a problem of the whole file, instead of the path `.`.
    pub whole_file: &'static str,
    /// A word of the file quoted in the reader's quotation marks: `«{0}»`, `“{0}”`.
    pub quoted: &'static str,
    pub bytes: Forms,
    pub megabytes: &'static str,
    /// JSON syntax errors by `model::problem::SyntaxError::key`.
    pub json_syntax: Texts,
    /// A JSON value found where another belongs, by `model::problem::Found`.
    pub json_found: Texts,
    /// What the format wants instead, by `model::problem::Expected`.
    pub json_expected: Texts,
    pub problems: Texts,
    /// The app's footer link to the editors' check page (`check.html`).
    pub check_link: &'static str,
    // The check page (`ui::check`, `check`).
    pub check_title: &'static str,
    pub check_intro: &'static str,
    /// `check.html` without script (written by the build).
    pub check_noscript: &'static str,
    pub check_choose: &'static str,
    pub check_drop: &'static str,
    pub check_back: &'static str,
    /// `{0}` the file's name, `{1}` the tally (`check::tally`).
    pub check_file: &'static str,
    pub check_problems: Forms,
    pub check_warnings: Forms,
    pub check_valid: &'static str,
    pub check_invalid: &'static str,
    /// After `check_invalid` when the one problem stopped the reading (`check::stops_reading`).
    pub check_stops: &'static str,
    /// The browser could not read the chosen file: `{0}` its words.
    pub check_unreadable: &'static str,
    pub check_problems_title: &'static str,
    pub check_warnings_title: &'static str,
    pub check_warnings_hint: &'static str,
    /// A problem's place: `{0}` line, `{1}` column.
    pub check_at: &'static str,
    /// The label of the file's line shown beside a problem: `{0}` its number.
    pub check_line: &'static str,
    pub check_diff_title: &'static str,
    /// `{0}` the published data's date, `{1}` how many records differ, counted.
    pub check_diff_intro: &'static str,
    pub check_changes: Forms,
    pub check_no_changes: &'static str,
    pub check_diff_failed: &'static str,
    /// The parts of the file by `analysis::diff::Section::key`.
    pub check_sections: Texts,
    /// By `analysis::diff::ChangeKind::key`.
    pub check_kinds: Texts,
    pub check_field: &'static str,
    pub check_old: &'static str,
    pub check_new: &'static str,
    pub check_preview_title: &'static str,
    /// The served dataset is not the one the first view was built from: `{0}` the first
    /// view's `meta.updated`, `{1}` the served one's.
    pub data_newer: &'static str,
    // The notice of a link's pairs set aside (`url::SetAside`, `ui::link_notice`).
    pub link_set_aside: &'static str,
    /// `{0}` the words the parameter takes.
    pub link_one_of: &'static str,
    pub link_not_a_year: &'static str,
    /// `{0}` the timeline's first year, `{1}` its last.
    pub link_years: &'static str,
    /// By the parameter: `metric`, `park`, `event`.
    pub link_not_in_data: Texts,
    pub link_close: &'static str,
}

impl Strings {
    /// The label before a list of `n` sources: «Источник:» for one, «Источники:» for more.
    pub fn sources_label(&self, n: usize) -> &'static str {
        if n > 1 {
            self.sources_label
        } else {
            self.source
        }
    }
}

/// Labels of the metrics the app derives from the data.
#[derive(Debug, Clone)]
pub struct DerivedStrings {
    pub label: &'static str,
    pub formula: &'static str,
}

/// The strings of a language: static data, written by `build.rs` from `locales/*.json`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Ru => &RU,
        Lang::En => &EN,
    }
}

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// Texts by key (levels, kinds, confidences, problem messages…).
#[derive(Debug, Clone, Copy)]
pub struct Texts(pub &'static [(&'static str, &'static str)]);

impl Texts {
    /// The text for `key`.
    pub fn get(&self, key: &str) -> Option<&&'static str> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, text)| text)
    }

    /// The text for `key`, or nothing where the locale has none (the locale tests check that
    /// every key the data uses has one).
    pub fn of(&self, key: &str) -> &'static str {
        self.get(key).copied().unwrap_or_default()
    }

    /// Whether there is a text for `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

/// Derived metrics' labels and formulas by metric id.
#[derive(Debug, Clone, Copy)]
pub struct DerivedTexts(pub &'static [(&'static str, DerivedStrings)]);

impl DerivedTexts {
    /// The label and formula of metric `id`.
    pub fn get(&self, id: &str) -> Option<&'static DerivedStrings> {
        self.0.iter().find(|(k, _)| *k == id).map(|(_, text)| text)
    }

    /// Whether metric `id` has a label.
    pub fn contains_key(&self, id: &str) -> bool {
        self.get(id).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::problem::all_keys;

    #[test]
    fn a_texts_key_gives_its_text_and_an_unknown_one_nothing() {
        assert_eq!(strings(Lang::Ru).levels.of("federal"), "Федеральный");
        assert_eq!(strings(Lang::En).kinds.of("no-such-kind"), "");
    }

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
            for state in crate::model::State::ALL {
                let key = state.key();
                assert!(
                    s.states.contains_key(key)
                        && s.lifecycle_periods.contains_key(key)
                        && s.lifecycle_legend.contains_key(key),
                    "{lang:?}: state {key}"
                );
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
