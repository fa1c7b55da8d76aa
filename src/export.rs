//! What the reader can take away: every value as CSV, a chart as a standalone SVG file, and
//! the names those files are saved under. Pure; the browser only wraps the text in a `Blob`.

use crate::analysis::{metric_catalogue, park_values};
use crate::format::Typography;
use crate::i18n::{Lang, Strings};
use crate::model::{Dataset, Unit};

/// The CSV field separator, and with it the decimal mark of the values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    /// `,` between fields, `.` in numbers: for scripts and most spreadsheets.
    Comma,
    /// `;` between fields, `,` in numbers: what Excel in a Russian locale opens as columns.
    Semicolon,
}

impl Separator {
    fn field(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
        }
    }
}

/// The dataset as published, relative (the build works from any sub-path): what the app loads
/// and what the JSON download saves.
pub const DATA_URL: &str = "data/technoparks.json";

/// The CSV header: stable machine names, whatever the reader's language.
pub const CSV_HEADER: [&str; 9] = [
    "park_id",
    "park_name",
    "metric_id",
    "metric_label",
    "value",
    "unit",
    "date",
    "sources",
    "confidence",
];

/// Every value of every metric (stated and derived) as CSV: a UTF-8 byte order mark (so
/// Excel reads it as UTF-8), a header row, then one row per value, metrics in catalogue order,
/// parks in dataset order, values oldest first. Names and labels are in `t`'s language;
/// values are plain numbers; dates are ISO as written in the data; sources are their URLs,
/// space-separated. Fields are quoted as RFC 4180 says, lines end in CRLF.
pub fn values_csv(ds: &Dataset, t: &dyn Typography, sep: Separator) -> String {
    let lang = t.lang();
    let mut out = String::from('\u{feff}');
    push_row(&mut out, CSV_HEADER.iter().map(|h| h.to_string()), sep);
    for metric in metric_catalogue(ds, lang) {
        for pv in park_values(ds, &metric.id) {
            for v in &pv.values {
                let row = [
                    inert(&pv.park.id),
                    inert(pv.park.name.get(lang)),
                    inert(&metric.id),
                    inert(&metric.label),
                    plain_number(v.value, sep),
                    unit_key(metric.unit).to_string(),
                    v.date.to_string(),
                    source_urls(ds, &v.sources),
                    v.confidence.key().to_string(),
                ];
                push_row(&mut out, row.into_iter(), sep);
            }
        }
    }
    out
}

/// The events CSV's header: stable machine names, whatever the reader's language.
pub const EVENTS_CSV_HEADER: [&str; 12] = [
    "date",
    "date_iso",
    "level",
    "kind",
    "title",
    "summary",
    "parks",
    "sources",
    "confidence",
    "confidence_label",
    "note",
    "id",
];

/// The URLs of the sources `ids` names, space-separated, as the CSV files carry them.
fn source_urls(ds: &Dataset, ids: &[String]) -> String {
    let urls: Vec<&str> = ids
        .iter()
        .filter_map(|id| ds.source(id).map(|s| s.url.as_str()))
        .collect();
    urls.join(" ")
}

/// Every event of the timeline as CSV, oldest first (as the dataset lists them), in `t`'s
/// language: the date as the page shows it and as the dataset writes it, the level and kind
/// as the filters name them, title, summary, the parks concerned, the sources' URLs
/// (space-separated), the confidence as the dataset states it and as the page words it, and
/// the note. The same file format as [`values_csv`]: BOM, CRLF, RFC 4180 quoting, and no cell
/// a spreadsheet would run as a formula.
pub fn events_csv(ds: &Dataset, t: &dyn Typography, sep: Separator) -> String {
    let lang = t.lang();
    let s = crate::i18n::strings(lang);
    let word =
        |texts: &crate::i18n::Texts, key: &str| texts.get(key).copied().unwrap_or(key).to_string();
    let mut out = String::from('\u{feff}');
    push_row(
        &mut out,
        EVENTS_CSV_HEADER.iter().map(|h| h.to_string()),
        sep,
    );
    for e in &ds.events {
        let parks: Vec<&str> = e
            .parks
            .iter()
            .filter_map(|id| ds.park(id).map(|p| p.name.get(lang)))
            .collect();
        let row = [
            inert(&t.date(&e.date)),
            e.date.to_string(),
            word(&s.levels, e.level.key()),
            word(&s.kinds, e.kind.key()),
            inert(e.title.get(lang)),
            inert(e.summary.get(lang)),
            inert(&parks.join("; ")),
            source_urls(ds, &e.sources),
            e.confidence.key().to_string(),
            word(&s.confidence, e.confidence.key()),
            inert(e.note.as_ref().map_or("", |n| n.get(lang))),
            inert(&e.id),
        ];
        push_row(&mut out, row.into_iter(), sep);
    }
    out
}

fn push_row(out: &mut String, fields: impl Iterator<Item = String>, sep: Separator) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(sep.field());
        }
        push_field(out, &field, sep);
    }
    out.push_str("\r\n");
}

/// Dataset text as a spreadsheet will not run it: a cell that starts like a formula (`=`,
/// `+`, `-`, `@`, tab, carriage return) gets a leading `'`, which spreadsheets show as text.
fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A field, quoted when it holds the separator, a quote or a line break (quotes doubled).
fn push_field(out: &mut String, field: &str, sep: Separator) {
    let needs_quotes = field
        .chars()
        .any(|c| c == sep.field() || matches!(c, '"' | '\r' | '\n'));
    if needs_quotes {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// The shortest text that reads back as the same number, with the separator's decimal mark:
/// `86000`, `8444.186046511628` or `8444,186046511628`. Never grouped, never an exponent.
fn plain_number(value: f64, sep: Separator) -> String {
    let text = value.to_string();
    match sep {
        Separator::Comma => text,
        Separator::Semicolon => text.replace('.', ","),
    }
}

/// The unit as the dataset names it.
pub fn unit_key(unit: Unit) -> &'static str {
    match unit {
        Unit::M2 => "m2",
        Unit::Rub => "rub",
        Unit::RubPerM2 => "rub_per_m2",
        Unit::Year => "year",
        Unit::Years => "years",
        Unit::Rank => "rank",
        Unit::Count => "count",
    }
}

/// The name a download is saved under, ASCII only: `perm-technoparks-values-2026-11-26.csv`
/// for a file of the whole dataset (`kind` names it), and for a chart, named by its metric and
/// language, `perm-technoparks-area_m2-ru-2026-11-26.svg`. A run of anything outside
/// `[A-Za-z0-9_-]` in a part becomes one `-`.
pub fn download_name(
    kind: &str,
    lang: crate::i18n::Lang,
    metric: Option<&str>,
    date: &str,
    ext: &str,
) -> String {
    let mut parts = vec!["perm-technoparks".to_string()];
    match metric {
        Some(metric) => {
            parts.push(ascii_part(metric));
            parts.push(lang.code().to_string());
        }
        None => parts.push(ascii_part(kind)),
    }
    parts.push(ascii_part(date));
    parts.retain(|p| !p.is_empty());
    format!("{}.{}", parts.join("-"), ascii_part(ext))
}

fn ascii_part(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// The chart colours `render` draws with (plotters writes them in upper case), and what the
/// page's style sheet turns them into.
const INK: &str = "#1B1F24";
const MUTED: &str = "#59636E";
const GRID: &str = "#D8DDE3";
const WHITE: &str = "#FFFFFF";

/// A page's colours for a standalone chart.
struct Palette {
    page: &'static str,
    paper: &'static str,
    ink: &'static str,
    muted: &'static str,
    line: &'static str,
}

const LIGHT: Palette = Palette {
    page: WHITE,
    paper: WHITE,
    ink: INK,
    muted: MUTED,
    line: GRID,
};

const DARK: Palette = Palette {
    page: "#12161B",
    paper: "#1C2127",
    ink: "#E6E9ED",
    muted: "#A9B3BD",
    line: "#3A424B",
};

/// A chart's SVG (from `render_svg`) as a file of its own: an XML declaration, a `<title>`
/// (the text alternative), a background of the page's colour as the first drawn child, and
/// text, grid and hollow dots in the theme's colours, as the page's style sheet shows them.
/// The `aria-hidden` the page needs (its figure carries the text) is dropped: in a file the
/// drawing is the content; the SVG namespace, which the page leaves off, is written in its
/// place. Characters XML 1.0 forbids are left out.
pub fn standalone_svg(svg: &str, title: &str, dark: bool) -> String {
    svg_file(svg, title, dark, true)
}

/// A chart's SVG as an image file for the page itself (`<img>`): as `standalone_svg`, in the
/// theme's colours, but with no background of its own (the panel's shows through).
pub fn image_svg(svg: &str, title: &str, dark: bool) -> String {
    svg_file(svg, title, dark, false)
}

fn svg_file(svg: &str, title: &str, dark: bool, background: bool) -> String {
    let p = if dark { &DARK } else { &LIGHT };
    // The page's decoration out, the namespace a file needs in.
    let svg = svg.replacen(crate::chart::DECORATION, crate::chart::SVG_NAMESPACE, 1);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    // Up to the end of the opening `<svg …>` tag, and the drawing after it.
    let open_end = svg
        .find("<svg")
        .and_then(|start| svg[start..].find('>').map(|len| start + len + 1));
    let (head, body) = match open_end {
        Some(end) => svg.split_at(end),
        None => ("", svg.as_str()),
    };
    out.push_str(head);
    if !head.is_empty() {
        out.push_str(&format!("\n<title>{}</title>", crate::html::escape(title)));
        if background {
            out.push_str(&format!(
                "\n<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"{}\"/>",
                p.page
            ));
        }
    }
    let body = recolour_text(body, p)
        .replace(
            &format!("stroke=\"{GRID}\""),
            &format!("stroke=\"{}\"", p.line),
        )
        .replace(
            &format!("stroke=\"{MUTED}\""),
            &format!("stroke=\"{}\"", p.muted),
        )
        .replace(
            &format!("fill=\"{WHITE}\""),
            &format!("fill=\"{}\"", p.paper),
        );
    out.push_str(&body);
    out.retain(|c| {
        !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
    });
    out
}

/// Every `<text>` in the theme's ink, muted text in its muted colour: legend labels drawn in a
/// park's colour are hard to read on a dark page, and the style sheet sets them in ink too.
fn recolour_text(body: &str, p: &Palette) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(start) = rest.find("<text ") {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + len];
        out.push_str(&rest[..start]);
        out.push_str(&recolour_tag(tag, p));
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

fn recolour_tag(tag: &str, p: &Palette) -> String {
    let Some(at) = tag.find(" fill=\"") else {
        return tag.to_string();
    };
    let value_start = at + " fill=\"".len();
    let Some(value_len) = tag[value_start..].find('"') else {
        return tag.to_string();
    };
    let colour = if &tag[value_start..value_start + value_len] == MUTED {
        p.muted
    } else {
        p.ink
    };
    format!(
        "{}{colour}{}",
        &tag[..value_start],
        &tag[value_start + value_len..]
    )
}

/// What a download button makes (the view and the prerendered first view share these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Csv,
    CsvExcel,
    /// The timeline's events (`events_csv`), and their `;` file for Excel in Russian.
    EventsCsv,
    EventsCsvExcel,
    Json,
    Svg,
    Png,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Csv,
        Kind::CsvExcel,
        Kind::EventsCsv,
        Kind::EventsCsvExcel,
        Kind::Json,
        Kind::Svg,
        Kind::Png,
    ];

    /// The downloads offered to a reader of `lang`. The spreadsheet file for Excel is the
    /// Russian locale's (`;` between fields, decimal commas); Excel in English opens the plain
    /// CSV as columns, so an English page offers that one alone, which says so.
    pub fn offered(lang: Lang) -> impl Iterator<Item = Kind> {
        Kind::ALL
            .into_iter()
            .filter(move |&kind| !kind.for_excel() || lang == Lang::Ru)
    }

    /// A `;` file with decimal commas, for Excel in a Russian locale.
    pub fn for_excel(self) -> bool {
        matches!(self, Kind::CsvExcel | Kind::EventsCsvExcel)
    }

    pub fn id(self) -> &'static str {
        match self {
            Kind::Csv => "download-csv",
            Kind::CsvExcel => "download-csv-excel",
            Kind::EventsCsv => "download-events-csv",
            Kind::EventsCsvExcel => "download-events-csv-excel",
            Kind::Json => "download-json",
            Kind::Svg => "download-svg",
            Kind::Png => "download-png",
        }
    }

    /// The button's text: the format's name, the same in every language but for Excel's.
    pub fn label(self, s: &Strings) -> &'static str {
        match self {
            Kind::Csv => "CSV",
            Kind::CsvExcel => s.download_csv_excel,
            Kind::EventsCsv => s.download_events_csv,
            Kind::EventsCsvExcel => s.download_events_csv_excel,
            Kind::Json => "JSON",
            Kind::Svg => "SVG",
            Kind::Png => "PNG",
        }
    }

    pub fn hint(self, s: &Strings) -> &'static str {
        match self {
            Kind::Csv => s.download_csv_hint,
            Kind::CsvExcel => s.download_csv_excel_hint,
            Kind::EventsCsv => s.download_events_csv_hint,
            Kind::EventsCsvExcel => s.download_events_csv_excel_hint,
            Kind::Json => s.download_json_hint,
            Kind::Svg => s.download_svg_hint,
            Kind::Png => s.download_png_hint,
        }
    }
}

/// Where the build writes the files the first view's download links point to.
pub const DOWNLOADS_DIR: &str = "downloads";

/// A download as a link to a file the build writes beside the page: the first view's, and
/// the app's where it has nothing newer to make. A download link of the first view: the file, relative to the page, and the name it is saved
/// under (`download_name`, dated by the dataset's update, as the app's are by the day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticDownload {
    pub href: String,
    pub name: String,
}

/// The link behind the first view's `kind` download for `metric`: both CSVs and the chart as
/// SVG (files the build writes, `static_files`), the dataset as published; `None` for PNG,
/// which needs the browser to draw it (the app).
pub fn static_download(
    ds: &Dataset,
    lang: Lang,
    kind: Kind,
    metric: &str,
) -> Option<StaticDownload> {
    let date = ds.meta.updated.to_string();
    let written = |name: String| StaticDownload {
        href: format!("{DOWNLOADS_DIR}/{name}"),
        name,
    };
    match kind {
        Kind::Csv => Some(written(download_name("values", lang, None, &date, "csv"))),
        Kind::CsvExcel => Some(written(download_name(
            "values-excel",
            lang,
            None,
            &date,
            "csv",
        ))),
        Kind::EventsCsv => Some(written(download_name("events", lang, None, &date, "csv"))),
        Kind::EventsCsvExcel => Some(written(download_name(
            "events-excel",
            lang,
            None,
            &date,
            "csv",
        ))),
        Kind::Svg => Some(written(download_name(
            "chart",
            lang,
            Some(metric),
            &date,
            "svg",
        ))),
        Kind::Json => Some(StaticDownload {
            href: DATA_URL.to_string(),
            name: download_name("data", lang, None, &date, "json"),
        }),
        Kind::Png => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{comparison, render_svg};
    use crate::format::ReferenceTypography;
    use crate::i18n::Lang;
    use crate::model::load_dataset;

    #[test]
    fn the_english_page_offers_the_comma_csv_alone() {
        assert_eq!(Kind::offered(Lang::Ru).collect::<Vec<_>>(), Kind::ALL);
        let en: Vec<Kind> = Kind::offered(Lang::En).collect();
        assert!(
            en.contains(&Kind::Csv) && !en.contains(&Kind::CsvExcel),
            "{en:?}"
        );
    }

    const RU: ReferenceTypography = ReferenceTypography { lang: Lang::Ru };
    const EN: ReferenceTypography = ReferenceTypography { lang: Lang::En };

    fn bundled() -> Dataset {
        load_dataset(include_bytes!("../public/data/technoparks.json")).expect("valid dataset")
    }

    fn value_count(ds: &Dataset) -> usize {
        metric_catalogue(ds, Lang::Ru)
            .iter()
            .flat_map(|m| park_values(ds, &m.id))
            .map(|pv| pv.values.len())
            .sum()
    }

    /// Splits RFC 4180 text into records of fields (quotes understood).
    fn parse(text: &str, sep: char) -> Vec<Vec<String>> {
        let mut records = Vec::new();
        let mut record = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "CR only as part of CRLF");
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, '\n') => panic!("bare LF outside quotes"),
                (false, c) if c == sep => record.push(std::mem::take(&mut field)),
                (false, c) => field.push(c),
            }
        }
        assert!(
            field.is_empty() && record.is_empty(),
            "last line ends in CRLF"
        );
        records
    }

    #[test]
    fn csv_starts_with_a_bom_and_the_header_and_ends_lines_in_crlf() {
        let csv = values_csv(&bundled(), &RU, Separator::Comma);
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.as_bytes().starts_with(&[0xef, 0xbb, 0xbf]));
        assert!(csv[3..].starts_with(
            "park_id,park_name,metric_id,metric_label,value,unit,date,sources,confidence\r\n"
        ));
        assert!(csv.ends_with("\r\n"));
        assert_eq!(csv.matches('\n').count(), csv.matches("\r\n").count());
    }

    #[test]
    fn csv_has_one_row_per_value_of_every_metric() {
        let ds = bundled();
        let csv = values_csv(&ds, &EN, Separator::Comma);
        let records = parse(csv.trim_start_matches('\u{feff}'), ',');
        assert_eq!(records.len(), 1 + value_count(&ds));
        assert!(records.iter().all(|r| r.len() == CSV_HEADER.len()));
        // Stated, then derived: every metric id appears.
        for m in metric_catalogue(&ds, Lang::En) {
            assert!(records.iter().any(|r| r[2] == m.id), "{}", m.id);
        }
    }

    #[test]
    fn csv_values_are_plain_numbers_with_the_separator_s_decimal_mark() {
        let ds = bundled();
        let comma = values_csv(&ds, &EN, Separator::Comma);
        let rows = parse(comma.trim_start_matches('\u{feff}'), ',');
        let area = rows
            .iter()
            .find(|r| r[0] == "morion-digital" && r[2] == "area_m2")
            .expect("Morion Digital's area");
        assert_eq!(area[1], "Morion Digital");
        assert_eq!(
            &area[4..],
            ["86000", "m2", "2019", area[7].as_str(), "medium"]
        );
        // The text read (Kalibr's English copy) first, the ministry's original after it.
        let urls: Vec<&str> = area[7].split(' ').collect();
        assert_eq!(
            urls[..2],
            [
                "https://kalibr.tech/en/node/56879",
                "http://mirs.permkrai.ru/about/news/3519/"
            ]
        );
        let per_m2 = rows
            .iter()
            .find(|r| r[0] == "morion-digital" && r[2] == "investment_per_m2")
            .expect("derived value");
        assert_eq!(per_m2[4], (726_200_000.0_f64 / 86_000.0).to_string());
        assert!(per_m2[4].contains('.'));

        let semi = values_csv(&ds, &RU, Separator::Semicolon);
        let rows = parse(semi.trim_start_matches('\u{feff}'), ';');
        let value = |metric: &str| {
            rows.iter()
                .find(|r| r[0] == "morion-digital" && r[2] == metric)
                .map(|r| r[4].clone())
                .unwrap()
        };
        assert_eq!(value("area_m2"), "86000");
        assert_eq!(value("investment_rub"), "726200000");
        assert_eq!(
            value("investment_per_m2"),
            (726_200_000.0_f64 / 86_000.0).to_string().replace('.', ",")
        );
        assert!(semi.contains(";86000;m2;2019;"));
        assert!(rows.iter().any(|r| r[1] == "Morion Digital"));
    }

    #[test]
    fn csv_quotes_hostile_text() {
        let mut ds = bundled();
        let hostile = "A; \"B\", C\r\nD";
        ds.parks[0].name.en = hostile.to_string();
        for sep in [Separator::Comma, Separator::Semicolon] {
            let csv = values_csv(&ds, &EN, sep);
            assert!(csv.contains("\"A; \"\"B\"\", C\r\nD\""), "{sep:?}");
            let records = parse(csv.trim_start_matches('\u{feff}'), sep.field());
            assert_eq!(records.len(), 1 + value_count(&ds));
            assert!(records.iter().all(|r| r.len() == CSV_HEADER.len()));
            assert!(records.iter().any(|r| r[1] == hostile));
        }
        // Fields without anything special stay bare.
        let mut out = String::new();
        push_field(&mut out, "plain, text", Separator::Semicolon);
        assert_eq!(out, "plain, text");
    }

    #[test]
    fn csv_text_that_looks_like_a_formula_stays_text() {
        let mut ds = bundled();
        ds.parks[0].name.en = "=HYPERLINK(\"http://x\",\"y\")".to_string();
        ds.parks[1].name.en = "@SUM(A1)".to_string();
        let csv = values_csv(&ds, &EN, Separator::Comma);
        let records = parse(csv.trim_start_matches('\u{feff}'), ',');
        assert!(records
            .iter()
            .any(|r| r[1] == "'=HYPERLINK(\"http://x\",\"y\")"));
        assert!(records.iter().any(|r| r[1] == "'@SUM(A1)"));
        for cell in ["+1", "-1", "\tx", "\rx"] {
            assert_eq!(inert(cell), format!("'{cell}"));
        }
        assert_eq!(inert("Morion Digital"), "Morion Digital");
        // Values stay numbers.
        assert!(records.iter().skip(1).all(|r| r[4].parse::<f64>().is_ok()));
    }

    #[test]
    fn events_csv_has_every_event_in_the_reader_s_language() {
        let ds = bundled();
        for (t, sep) in [(&RU, Separator::Semicolon), (&EN, Separator::Comma)] {
            let csv = events_csv(&ds, t, sep);
            assert!(csv.starts_with('\u{feff}') && csv.ends_with("\r\n"));
            let records = parse(csv.trim_start_matches('\u{feff}'), sep.field());
            assert_eq!(records[0], EVENTS_CSV_HEADER);
            assert_eq!(records.len(), 1 + ds.events.len());
            assert!(records.iter().all(|r| r.len() == EVENTS_CSV_HEADER.len()));
        }
        let csv = events_csv(&ds, &RU, Separator::Semicolon);
        let records = parse(csv.trim_start_matches('\u{feff}'), ';');
        let session = records
            .iter()
            .find(|r| r[11] == "strategic-session-2019")
            .expect("the strategic session");
        // The date as the page shows it (`Typography::date`).
        assert_eq!(
            session[0],
            RU.date(
                &ds.events
                    .iter()
                    .find(|e| e.id == "strategic-session-2019")
                    .unwrap()
                    .date
            )
        );
        assert!(session[0].starts_with("10") && session[0].contains("октября 2019"));
        assert_eq!(session[1], "2019-10-10");
        assert_eq!(session[2], "Региональный");
        assert!(
            session[4].starts_with("Стратегическая сессия"),
            "{}",
            session[4]
        );
        assert_eq!(session[8], "derived");
        assert_eq!(session[9], "выведено");
        assert!(
            session[10].contains("2019"),
            "the note says why: {}",
            session[10]
        );
        assert!(session[7].starts_with("http"), "{}", session[7]);
        let en = events_csv(&ds, &EN, Separator::Comma);
        assert!(en.contains(",2019-10-10,Regional,"), "English labels");
    }

    #[test]
    fn events_csv_keeps_hostile_text_as_text() {
        let mut ds = bundled();
        let hostile = "=cmd|' /C calc'!A0; \"quoted\", line\r\nbreak";
        ds.events[0].title.ru = hostile.to_string();
        ds.events[0].summary.ru = "+SUM(1;2)\nnext".to_string();
        ds.events[0].note = Some(crate::model::Text {
            ru: "@import; \"x\"".to_string(),
            en: "-1".to_string(),
        });
        for sep in [Separator::Comma, Separator::Semicolon] {
            let csv = events_csv(&ds, &RU, sep);
            let records = parse(csv.trim_start_matches('\u{feff}'), sep.field());
            assert_eq!(records.len(), 1 + ds.events.len(), "{sep:?}");
            assert!(records.iter().all(|r| r.len() == EVENTS_CSV_HEADER.len()));
            let first = &records[1];
            assert_eq!(first[4], format!("'{hostile}"));
            assert_eq!(first[5], "'+SUM(1;2)\nnext");
            assert_eq!(first[10], "'@import; \"x\"");
            // No cell starts like a formula.
            for cell in records.iter().flatten() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell:?}"
                );
            }
        }
    }

    #[test]
    fn events_downloads_are_offered_like_the_values() {
        let ds = bundled();
        assert!(Kind::offered(Lang::Ru).any(|k| k == Kind::EventsCsvExcel));
        assert!(!Kind::offered(Lang::En).any(|k| k == Kind::EventsCsvExcel));
        assert!(Kind::offered(Lang::En).any(|k| k == Kind::EventsCsv));
        let link = static_download(&ds, Lang::Ru, Kind::EventsCsv, "area_m2").unwrap();
        assert_eq!(link.href, format!("downloads/{}", link.name));
        assert!(link.name.starts_with("perm-technoparks-events-"));
        let excel = static_download(&ds, Lang::Ru, Kind::EventsCsvExcel, "area_m2").unwrap();
        assert!(excel.name.starts_with("perm-technoparks-events-excel-"));
    }

    #[test]
    fn download_names_are_ascii_and_dated() {
        assert_eq!(
            download_name("values", Lang::Ru, None, "2026-11-26", "csv"),
            "perm-technoparks-values-2026-11-26.csv"
        );
        assert_eq!(
            download_name("chart", Lang::Ru, Some("area_m2"), "2026-11-26", "svg"),
            "perm-technoparks-area_m2-ru-2026-11-26.svg"
        );
        assert_eq!(
            download_name("chart", Lang::En, Some("площадь/../x"), "2026-11-26", "png"),
            "perm-technoparks-x-en-2026-11-26.png"
        );
        assert_eq!(
            download_name("данные data", Lang::En, None, "2026-11-26", "json"),
            "perm-technoparks-data-2026-11-26.json"
        );
    }

    #[test]
    fn standalone_svg_has_a_declaration_a_background_and_readable_text() {
        let ds = bundled();
        let c = comparison(&ds, "area_m2", &RU, 560.0).unwrap();
        let svg = render_svg(&c.chart).unwrap();
        let light = standalone_svg(&svg, "a < b & \"c\"", false);
        assert!(light.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
        assert!(!light.contains("aria-hidden"));
        // The page's drawing has no namespace (the HTML parser gives it one); the file has it,
        // once, on its root.
        assert!(!svg.contains("xmlns"));
        assert_eq!(
            light
                .matches("xmlns=\"http://www.w3.org/2000/svg\"")
                .count(),
            1
        );
        assert!(light.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width="));
        let after_open = &light[light.find("<svg").unwrap()..];
        let first_child = &after_open[after_open.find('>').unwrap() + 1..];
        assert!(first_child.starts_with(
            "\n<title>a &lt; b &amp; &quot;c&quot;</title>\n<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>"
        ));
        assert!(light.contains("Morion Digital"));

        let dark = standalone_svg(&svg, "", true);
        assert!(dark.contains("fill=\"#12161B\"/>"));
        assert!(!dark.contains(INK), "no dark ink left on the dark page");
        assert!(dark.contains("fill=\"#E6E9ED\""));
        assert!(dark.contains("<text "));
        for tag in dark.split("<text ").skip(1) {
            let tag = &tag[..tag.find('>').unwrap()];
            assert!(
                tag.contains("fill=\"#E6E9ED\"") || tag.contains("fill=\"#A9B3BD\""),
                "{tag}"
            );
        }

        // Control characters XML forbids never reach the file.
        let odd = standalone_svg(
            "<svg a=\"1\"><text fill=\"#000000\">x\u{1}y</text></svg>",
            "",
            false,
        );
        assert!(odd.contains(">xy</text>"));
        assert!(odd.contains("fill=\"#1B1F24\">xy"));
    }
}
