//! View state <-> query string. Pure; defaults are omitted. Unknown parameters are ignored; a
//! value of the explorer's own parameters that it cannot apply (malformed, or naming what the
//! dataset lacks) is set aside, the view shown without it, and the reader told (`SetAside`).

use crate::analysis::{metric_catalogue, year_span, TimelineFilter};
use crate::html::escape;
use crate::i18n::{strings, Lang};
use crate::model::problem::fill;
use crate::model::{Dataset, EventKind, Level};

/// What the reader is looking at, as far as a link should carry it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UrlState {
    pub lang: Lang,
    /// `None`: the first metric of the dataset.
    pub metric: Option<String>,
    pub filter: TimelineFilter,
    /// The event selected in the timeline and the lifecycle chart.
    pub event: Option<String>,
    /// The comparison shown as a table instead of a chart.
    pub table: bool,
    /// How the page is presented; chosen by the host page or the reader.
    pub display: Display,
}

/// Years a link may name; anything else is not a year.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// A pair of a link that the explorer could not apply. The view is shown without it (that
/// parameter at its default), and the reader is told which and why (`ui::link_notice`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// The parameter: one of the explorer's own.
    pub key: String,
    /// Its value as the link has it.
    pub value: String,
    pub why: Why,
}

/// Why a pair was set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// The parameter takes one of these words.
    OneOf(Vec<&'static str>),
    /// Not a year.
    NotAYear,
    /// A year outside the timeline's first and last.
    Years(i32, i32),
    /// The dataset has no metric, park or event of that id (`key` says which).
    NotInData,
}

/// How much of a set-aside value the reader is shown.
const SHOWN_VALUE: usize = 40;

impl SetAside {
    /// The pair as the reader would type it: the value decoded, without control characters,
    /// cut at `SHOWN_VALUE` characters. Text, never markup.
    pub fn pair(&self) -> String {
        let value: String = percent_decode(&self.value)
            .chars()
            .filter(|c| !c.is_control())
            .collect();
        let mut shown: String = value.chars().take(SHOWN_VALUE).collect();
        if value.chars().count() > SHOWN_VALUE {
            shown.push('…');
        }
        format!("{}={shown}", self.key)
    }

    /// Why, in the reader's language.
    pub fn reason(&self, lang: Lang) -> String {
        let s = strings(lang);
        match &self.why {
            Why::OneOf(words) => fill(s.link_one_of, &[words.join(", ")]),
            Why::NotAYear => s.link_not_a_year.to_string(),
            Why::Years(first, last) => fill(s.link_years, &[first.to_string(), last.to_string()]),
            Why::NotInData => s.link_not_in_data.of(&self.key).to_string(),
        }
    }
}

/// The ids and years a dataset lets a link name (`UrlState::fit`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub metrics: Vec<String>,
    pub parks: Vec<String>,
    pub events: Vec<String>,
    /// The timeline's first and last year, which its year filters offer.
    pub years: (i32, i32),
}

impl Known {
    /// What `ds` lets a link name: its metrics and the derived ones, its parks and events,
    /// its timeline's years.
    pub fn of(ds: &Dataset) -> Self {
        Known {
            metrics: metric_catalogue(ds, Lang::default())
                .into_iter()
                .map(|m| m.id)
                .collect(),
            parks: ds.parks.iter().map(|p| p.id.clone()).collect(),
            events: ds.events.iter().map(|e| e.id.clone()).collect(),
            years: year_span(&ds.events),
        }
    }
}

/// Presentation parameters a host page sets: `embed=1`, `theme=light|dark`, `a11y=1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Display {
    /// Compact, chrome-less layout for an iframe in a host page.
    pub embed: bool,
    /// `None`: follow the system (`prefers-color-scheme`).
    pub theme: Option<Theme>,
    /// The visually-impaired mode: large type, high contrast.
    pub a11y: bool,
}

/// A colour theme forced by the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    /// The word in the URL and in the CSS class.
    pub fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The themes a URL or a control may name.
const THEMES: [Theme; 2] = [Theme::Light, Theme::Dark];

impl Theme {
    /// The theme a URL or a control names (`light`, `dark`); anything else is none.
    pub fn from_key(key: &str) -> Option<Theme> {
        THEMES.into_iter().find(|t| t.key() == key)
    }
}

/// Why a value was not applied (`why`), if it was not.
fn unless(applied: bool, why: impl FnOnce() -> Why) -> Option<Why> {
    (!applied).then(why)
}

/// A parameter that is on (`on`) or off (`off`, as if absent): anything else is set aside.
fn switch(value: &str, on: &'static str, off: &'static str) -> Option<Why> {
    unless(value == on || value == off, || Why::OneOf(vec![on, off]))
}

/// A choice the embed dialog was given that it does not know: what it was for, and what
/// would do. Its `Display` is the answer (never a panic, never a silent default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OddChoice {
    pub what: &'static str,
    pub value: String,
    pub known: &'static [&'static str],
}

impl std::fmt::Display for OddChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} \"{}\" is not one of: {}",
            self.what,
            self.value.chars().take(40).collect::<String>(),
            self.known.join(", ")
        )
    }
}

/// What an embed snippet's page looks like: the theme (`None`: the visitor's system decides)
/// and the language. Both are parameters the app already reads (`theme=`, `lang=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EmbedLook {
    pub theme: Option<Theme>,
    pub lang: Lang,
}

/// The embed dialog's words for the themes: `auto` is no `theme=` at all.
pub const EMBED_THEMES: [&str; 3] = ["auto", "light", "dark"];

impl EmbedLook {
    /// The look of the page showing `state`.
    pub fn of(state: &UrlState) -> Self {
        EmbedLook {
            theme: state.display.theme,
            lang: state.lang,
        }
    }

    /// The theme named by one of [`EMBED_THEMES`].
    pub fn with_theme(self, key: &str) -> Result<Self, OddChoice> {
        let theme = match key {
            "auto" => None,
            _ => Some(Theme::from_key(key).ok_or_else(|| OddChoice {
                what: "theme",
                value: key.to_string(),
                known: &EMBED_THEMES,
            })?),
        };
        Ok(EmbedLook { theme, ..self })
    }

    /// The language of a code (`ru`, `en`).
    pub fn with_lang(self, code: &str) -> Result<Self, OddChoice> {
        let lang = Lang::from_code(code).ok_or_else(|| OddChoice {
            what: "language",
            value: code.to_string(),
            known: &["ru", "en"],
        })?;
        Ok(EmbedLook { lang, ..self })
    }

    /// The theme's word among [`EMBED_THEMES`].
    pub fn theme_key(self) -> &'static str {
        self.theme.map_or("auto", Theme::key)
    }

    /// `state` as the embed shows it: framed, in this look.
    pub fn apply(self, state: &UrlState) -> UrlState {
        let mut embedded = state.clone();
        embedded.display.embed = true;
        embedded.display.theme = self.theme;
        embedded.lang = self.lang;
        embedded
    }
}

impl Display {
    /// CSS classes for the root element (`embed theme-dark`); the visually-impaired mode's
    /// classes come from [`crate::vi::ViSettings`].
    pub fn classes(&self) -> String {
        let mut classes = vec!["app-root"];
        if self.embed {
            classes.push("embed");
        }
        match self.theme {
            Some(Theme::Light) => classes.push("theme-light"),
            Some(Theme::Dark) => classes.push("theme-dark"),
            None => {}
        }
        classes.join(" ")
    }
}

/// The query pair that names a language (`lang=en`).
pub fn lang_pair(lang: Lang) -> String {
    format!("lang={}", lang.code())
}

/// The query pair with which a host page asks for the visually-impaired mode.
pub const HOST_VI_PAIR: &str = "a11y=1";

impl UrlState {
    /// Reads a query string (with or without the leading `?`). Never fails: what it does not
    /// understand it leaves at the default (`read` says what it set aside).
    pub fn from_query(query: &str) -> Self {
        Self::read(query).0
    }

    /// Reads a query string, and the pairs of the explorer's own parameters whose value it
    /// could not apply: each parameter then at its default, the last pair of a parameter the
    /// one that counts. Unknown parameters (a host's tracking, say) and empty values are
    /// ignored; ids are only checked to be ids here (`fit` checks them against the dataset).
    pub fn read(query: &str) -> (Self, Vec<SetAside>) {
        let mut state = UrlState::default();
        let mut set_aside: Vec<SetAside> = Vec::new();
        for pair in query.trim_start_matches('?').split('&') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            if value.is_empty() {
                continue;
            }
            let id = |value: &str| is_id(value).then(|| value.to_string());
            let year = |value: &str| value.parse().ok().filter(|y| YEARS.contains(y));
            // What the value was not applied for, if it was not.
            let why = match key {
                "lang" => {
                    let lang = Lang::from_code(value);
                    state.lang = lang.unwrap_or_default();
                    unless(lang.is_some(), || {
                        Why::OneOf(Lang::ALL.map(Lang::code).into())
                    })
                }
                "metric" => {
                    state.metric = id(value);
                    unless(state.metric.is_some(), || Why::NotInData)
                }
                "level" => {
                    state.filter.level = Level::ALL.into_iter().find(|l| l.key() == value);
                    let words = || Why::OneOf(Level::ALL.map(Level::key).into());
                    unless(state.filter.level.is_some(), words)
                }
                "kind" => {
                    state.filter.kind = EventKind::ALL.into_iter().find(|k| k.key() == value);
                    let words = || Why::OneOf(EventKind::ALL.map(EventKind::key).into());
                    unless(state.filter.kind.is_some(), words)
                }
                "park" => {
                    state.filter.park = id(value);
                    unless(state.filter.park.is_some(), || Why::NotInData)
                }
                "from" => {
                    state.filter.from = year(value);
                    unless(state.filter.from.is_some(), || Why::NotAYear)
                }
                "to" => {
                    state.filter.to = year(value);
                    unless(state.filter.to.is_some(), || Why::NotAYear)
                }
                "q" => {
                    state.filter.query = clean_query(&percent_decode(value));
                    None
                }
                "event" => {
                    state.event = id(value);
                    unless(state.event.is_some(), || Why::NotInData)
                }
                "view" => {
                    state.table = value == "table";
                    switch(value, "table", "chart")
                }
                "embed" => {
                    state.display.embed = value == "1";
                    switch(value, "1", "0")
                }
                "theme" => {
                    state.display.theme = Theme::from_key(value);
                    let words = || Why::OneOf(THEMES.map(Theme::key).into());
                    unless(state.display.theme.is_some(), words)
                }
                "a11y" => {
                    state.display.a11y = value == "1";
                    switch(value, "1", "0")
                }
                _ => continue,
            };
            set_aside.retain(|earlier| earlier.key != key);
            if let Some(why) = why {
                set_aside.push(SetAside {
                    key: key.to_string(),
                    value: value.to_string(),
                    why,
                });
            }
        }
        (state, set_aside)
    }

    /// Sets aside what the dataset cannot show: a metric, park or event it has no record of,
    /// a year outside its timeline (the year filters offer no other). Each is then at its
    /// default, as `read` leaves what it cannot read.
    pub fn fit(&mut self, known: &Known) -> Vec<SetAside> {
        let mut set_aside = Vec::new();
        let mut drop_unknown = |key: &str, id: &mut Option<String>, ids: &[String]| {
            if let Some(value) = id.take_if(|id| !ids.contains(id)) {
                set_aside.push(SetAside {
                    key: key.to_string(),
                    value,
                    why: Why::NotInData,
                });
            }
        };
        drop_unknown("metric", &mut self.metric, &known.metrics);
        drop_unknown("park", &mut self.filter.park, &known.parks);
        drop_unknown("event", &mut self.event, &known.events);
        let (first, last) = known.years;
        for (key, year) in [("from", &mut self.filter.from), ("to", &mut self.filter.to)] {
            if let Some(value) = year.take_if(|y| !(first..=last).contains(y)) {
                set_aside.push(SetAside {
                    key: key.to_string(),
                    value: value.to_string(),
                    why: Why::Years(first, last),
                });
            }
        }
        set_aside
    }

    /// The query string, `?`-prefixed, or empty when everything is at its default.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if self.lang != Lang::default() {
            parts.push(lang_pair(self.lang));
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
        if let Some(park) = &self.filter.park {
            parts.push(format!("park={park}"));
        }
        if let Some(from) = self.filter.from {
            parts.push(format!("from={from}"));
        }
        if let Some(to) = self.filter.to {
            parts.push(format!("to={to}"));
        }
        let query = clean_query(&self.filter.query);
        if !query.is_empty() {
            parts.push(format!("q={}", percent_encode(&query)));
        }
        if let Some(event) = &self.event {
            parts.push(format!("event={event}"));
        }
        if self.table {
            parts.push("view=table".into());
        }
        if self.display.embed {
            parts.push("embed=1".into());
        }
        if let Some(theme) = self.display.theme {
            parts.push(format!("theme={}", theme.key()));
        }
        if self.display.a11y {
            parts.push(HOST_VI_PAIR.into());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// The page that embeds frame: the explorer with the embed's first view drawn in at build time
/// (`prerender::Layout::Embed`), beside `index.html`.
pub const EMBED_PAGE: &str = "embed.html";

/// The explorer's own page for a page's path: an embed's "open the full explorer" link goes
/// to the folder (`index.html`), not to `embed.html`.
pub fn full_page_path(path: &str) -> &str {
    path.strip_suffix(EMBED_PAGE).unwrap_or(path)
}

/// The two embed snippets for a page at `page_url` (origin and path, no query) showing
/// `state`: a plain iframe with a fixed height, and the auto-resizing `embed.js` one. Both
/// frame `embed.html` in the page's folder.
pub fn embed_snippets(page_url: &str, state: &UrlState, title: &str) -> (String, String) {
    let base = page_url.rsplit_once('/').map_or(page_url, |(dir, _)| dir);
    let src = escape(&embed_page_url(page_url, state));
    let title = escape(title);
    let iframe = format!(
        "<iframe src=\"{src}\" title=\"{title}\" width=\"100%\" height=\"900\" loading=\"lazy\" frameborder=\"0\"></iframe>"
    );
    let script = format!(
        "<div data-technoparks-embed data-src=\"{src}\" data-title=\"{title}\"></div>\n<script src=\"{}/embed.js\" defer></script>",
        escape(base)
    );
    (iframe, script)
}

/// The page an embed of `state` frames, beside the page at `page_url` (origin and path, no
/// query): `embed.html` with the state and `embed=1` (the dialog's preview frames it too).
pub fn embed_page_url(page_url: &str, state: &UrlState) -> String {
    let mut embedded = state.clone();
    embedded.display.embed = true;
    let base = page_url.rsplit_once('/').map_or(page_url, |(dir, _)| dir);
    format!("{base}/{EMBED_PAGE}{}", embedded.to_query())
}

/// A search as a link keeps it: at most 100 characters, no control characters, and nothing
/// but spaces at either end removed (so that typing "a " keeps its space while editing).
pub fn clean_query(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .take(100)
        .collect::<String>()
        .trim_start()
        .to_string()
}

/// Escapes everything but unreserved ASCII as UTF-8 `%XX`.
fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Reads `%XX` and `+`; malformed escapes are kept as written, invalid UTF-8 replaced.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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
                park: Some("morion-digital".into()),
                from: Some(2018),
                to: Some(2020),
                query: "стратегическая сессия".into(),
            },
            event: Some("strategic-session-2019".into()),
            table: true,
            display: Display {
                embed: true,
                theme: Some(Theme::Dark),
                a11y: true,
            },
        };
        let query = state.to_query();
        assert_eq!(
            query,
            "?lang=en&metric=akit_rank&level=regional&kind=law&park=morion-digital&from=2018&to=2020\
             &q=%D1%81%D1%82%D1%80%D0%B0%D1%82%D0%B5%D0%B3%D0%B8%D1%87%D0%B5%D1%81%D0%BA%D0%B0%D1%8F%20\
             %D1%81%D0%B5%D1%81%D1%81%D0%B8%D1%8F&event=strategic-session-2019&view=table&embed=1&theme=dark&a11y=1"
        );
        assert_eq!(UrlState::from_query(&query), state);
    }

    #[test]
    fn odd_values_fall_back_to_defaults() {
        let state = UrlState::from_query("?lang=de&metric=%3Cscript%3E&level=&kind=law&&=x&junk");
        assert_eq!(state.lang, Lang::Ru);
        assert_eq!(state.metric, None);
        assert_eq!(state.filter.level, None);
        assert_eq!(state.filter.kind, Some(EventKind::Law));
        let odd = UrlState::from_query(
            "embed=yes&theme=purple&a11y=0&from=99999&to=x&q=%E0%A4&event=<b>",
        );
        assert_eq!(odd.filter.from, None);
        assert_eq!(odd.filter.to, None);
        assert_eq!(odd.filter.query, "\u{fffd}");
        assert_eq!(odd.event, None);
        assert_eq!(odd.display, Display::default());
    }

    /// The keys, values and reasons of what was set aside.
    fn rows(set_aside: &[SetAside]) -> Vec<(&str, &str, Why)> {
        set_aside
            .iter()
            .map(|s| (s.key.as_str(), s.value.as_str(), s.why.clone()))
            .collect()
    }

    /// What `query` set aside.
    fn set_aside(query: &str) -> Vec<SetAside> {
        UrlState::read(query).1
    }

    #[test]
    fn a_link_the_explorer_writes_sets_nothing_aside() {
        let query =
            "?lang=en&metric=akit_rank&level=regional&kind=law&park=morion-digital&from=2018\
                     &to=2020&q=%D0%B0&event=x-1&view=table&embed=1&theme=dark&a11y=1";
        assert_eq!(rows(&set_aside(query)), vec![]);
        // Nor the pairs a link may carry at their default, empty values and unknown parameters.
        assert_eq!(
            rows(&set_aside(
                "view=chart&embed=0&a11y=0&level=&utm_source=mail&junk&=x"
            )),
            vec![]
        );
    }

    #[test]
    fn values_that_cannot_be_read_are_set_aside_with_why() {
        let one_of = |words: &[&'static str]| Why::OneOf(words.to_vec());
        let odd = set_aside(
            "?lang=de&metric=%3Cscript%3E&level=zzz&kind=law&from=abc&to=99999&view=grid\
             &embed=yes&theme=purple&a11y=2",
        );
        assert_eq!(
            rows(&odd),
            vec![
                ("lang", "de", one_of(&["ru", "en"])),
                ("metric", "%3Cscript%3E", Why::NotInData),
                ("level", "zzz", one_of(&["federal", "regional"])),
                ("from", "abc", Why::NotAYear),
                ("to", "99999", Why::NotAYear),
                ("view", "grid", one_of(&["table", "chart"])),
                ("embed", "yes", one_of(&["1", "0"])),
                ("theme", "purple", one_of(&["light", "dark"])),
                ("a11y", "2", one_of(&["1", "0"])),
            ]
        );
        let kinds = set_aside("kind=treaty");
        assert_eq!(
            kinds[0].why,
            Why::OneOf(EventKind::ALL.map(EventKind::key).to_vec())
        );
    }

    #[test]
    fn the_last_pair_of_a_parameter_is_the_one_that_counts() {
        let (state, odd) = UrlState::read("lang=de&lang=en");
        assert_eq!((state.lang, odd), (Lang::En, vec![]));
        let (state, odd) = UrlState::read("lang=en&lang=de");
        assert_eq!(state.lang, Lang::Ru);
        assert_eq!(odd.len(), 1);
    }

    fn known() -> Known {
        Known {
            metrics: vec!["area_m2".into()],
            parks: vec!["morion-digital".into()],
            events: vec!["strategic-session-2019".into()],
            years: (2006, 2026),
        }
    }

    #[test]
    fn what_the_dataset_lacks_is_set_aside_and_the_rest_kept() {
        let mut state = UrlState::from_query(
            "?metric=foo&park=nope&event=gone&from=1999&to=2020&level=federal",
        );
        let odd = state.fit(&known());
        assert_eq!(
            rows(&odd),
            vec![
                ("metric", "foo", Why::NotInData),
                ("park", "nope", Why::NotInData),
                ("event", "gone", Why::NotInData),
                ("from", "1999", Why::Years(2006, 2026)),
            ]
        );
        assert_eq!((state.metric, state.event), (None, None));
        assert_eq!(state.filter.park, None);
        assert_eq!((state.filter.from, state.filter.to), (None, Some(2020)));
        assert_eq!(state.filter.level, Some(Level::Federal));
        // What the dataset has stays, and nothing is set aside.
        let mut fine = UrlState::from_query(
            "metric=area_m2&park=morion-digital&event=strategic-session-2019&from=2006&to=2026",
        );
        let before = fine.clone();
        assert_eq!(fine.fit(&known()), vec![]);
        assert_eq!(fine, before);
    }

    #[test]
    fn the_bundled_dataset_knows_its_derived_metrics_and_its_years() {
        let ds = crate::model::load_dataset(include_bytes!("../public/data/technoparks.json"))
            .expect("valid dataset");
        let known = Known::of(&ds);
        assert!(known.metrics.iter().any(|m| m == "investment_per_m2"));
        assert!(known.parks.iter().any(|p| p == "morion-digital"));
        assert!(known.events.iter().any(|e| e == "strategic-session-2019"));
        assert_eq!(known.years.0, 2006);
    }

    #[test]
    fn a_set_aside_pair_reads_as_text_with_its_reason_in_both_languages() {
        let odd = |key: &str, value: &str, why| SetAside {
            key: key.to_string(),
            value: value.to_string(),
            why,
        };
        let hostile = odd("park", "%3Cimg%20src%3Dx%3E%0A", Why::NotInData);
        assert_eq!(hostile.pair(), "park=<img src=x>");
        assert_eq!(hostile.reason(Lang::Ru), "такого технопарка в данных нет");
        assert_eq!(hostile.reason(Lang::En), "no such park in the data");
        let long = odd("event", &"x".repeat(100), Why::NotInData);
        assert_eq!(long.pair(), format!("event={}…", "x".repeat(40)));
        let years = odd("from", "1999", Why::Years(2006, 2026));
        assert_eq!(years.reason(Lang::Ru), "в хронологии годы с 2006 по 2026");
        assert_eq!(years.reason(Lang::En), "the timeline covers 2006 to 2026");
        let lang = odd("lang", "de", Why::OneOf(vec!["ru", "en"]));
        assert_eq!(lang.reason(Lang::Ru), "допустимые значения: ru, en");
        assert_eq!(odd("to", "x", Why::NotAYear).reason(Lang::En), "not a year");
        for key in ["metric", "park", "event"] {
            for l in Lang::ALL {
                assert!(
                    !odd(key, "x", Why::NotInData).reason(l).is_empty(),
                    "{key} {l:?}"
                );
            }
        }
    }

    #[test]
    fn embed_snippets_carry_the_view_and_escape_the_title() {
        let state = UrlState {
            lang: Lang::En,
            ..UrlState::default()
        };
        let (iframe, script) = embed_snippets(
            "https://example.org/tp/index.html",
            &state,
            "Perm \"parks\"",
        );
        assert!(
            iframe.contains("src=\"https://example.org/tp/embed.html?lang=en&amp;embed=1\""),
            "{iframe}"
        );
        assert!(
            iframe.contains("title=\"Perm &quot;parks&quot;\""),
            "{iframe}"
        );
        assert!(
            script.contains("<script src=\"https://example.org/tp/embed.js\" defer></script>"),
            "{script}"
        );
    }

    #[test]
    fn the_embed_look_sets_theme_and_language_the_app_reads() {
        let page = "https://example.org/tp/index.html";
        let state = UrlState::from_query("?metric=investment_rub&event=x-1&theme=light");
        let look = EmbedLook::of(&state);
        assert_eq!(look.theme_key(), "light");
        let dark_en = look.with_theme("dark").unwrap().with_lang("en").unwrap();
        let url = embed_page_url(page, &dark_en.apply(&state));
        assert_eq!(
            url,
            "https://example.org/tp/embed.html?lang=en&metric=investment_rub&event=x-1&embed=1&theme=dark"
        );
        // What the framed page reads back is what was chosen.
        let read = UrlState::from_query(url.split_once('?').unwrap().1);
        assert_eq!(EmbedLook::of(&read), dark_en);
        assert!(read.display.embed);
        // Auto: no theme in the link, the visitor's system decides.
        let auto_ru = dark_en.with_theme("auto").unwrap().with_lang("ru").unwrap();
        assert_eq!(
            embed_page_url(page, &auto_ru.apply(&state)),
            "https://example.org/tp/embed.html?metric=investment_rub&event=x-1&embed=1"
        );
        for key in EMBED_THEMES {
            assert_eq!(look.with_theme(key).unwrap().theme_key(), key);
        }
    }

    #[test]
    fn odd_embed_choices_get_an_answer() {
        let look = EmbedLook::default();
        let odd = look.with_theme("purple").unwrap_err();
        assert_eq!(
            odd.to_string(),
            "theme \"purple\" is not one of: auto, light, dark"
        );
        let odd = look.with_lang("de").unwrap_err();
        assert_eq!(odd.to_string(), "language \"de\" is not one of: ru, en");
        assert!(look.with_theme("").is_err());
        assert!(
            look.with_theme(&"x".repeat(10_000))
                .unwrap_err()
                .to_string()
                .len()
                < 100
        );
        // The URL itself stays lenient: an odd theme is the system's.
        assert_eq!(UrlState::from_query("theme=purple").display.theme, None);
        assert_eq!(Theme::from_key("Dark"), None);
    }

    #[test]
    fn embeds_frame_the_embed_page_whose_link_opens_the_folder() {
        // From the folder's own address, in the default language: the query the embed's first
        // view is drawn for (`prerender::Layout::Embed`).
        let (iframe, _) = embed_snippets("https://example.org/tp/", &UrlState::default(), "T");
        assert!(
            iframe.contains("src=\"https://example.org/tp/embed.html?embed=1\""),
            "{iframe}"
        );
        assert_eq!(full_page_path("/tp/embed.html"), "/tp/");
        assert_eq!(full_page_path("/tp/"), "/tp/");
        assert_eq!(full_page_path("/tp/index.html"), "/tp/index.html");
    }
}
