//! Pages written at build time from the dataset, for readers without JavaScript or WASM
//! (and for host pages that forbid frames): a summary for `<noscript>`, and a plain table of
//! every value, event and source. Pure: strings in, strings out; every data text escaped.

use crate::analysis::{metric_catalogue, park_values};
use crate::format::{format_value, Typography};
use crate::html::escape;
use crate::i18n::{strings, Lang};
use crate::model::Dataset;

/// `page` with a stylesheet linked at the end of its head (the build's own: the first view's
/// rules, the check page's); `None` when it has no head to end.
pub fn with_stylesheet(page: &str, href: &str) -> Option<String> {
    page.contains("</head>").then(|| {
        page.replacen(
            "</head>",
            &format!("<link rel=\"stylesheet\" href=\"{href}\"></head>"),
            1,
        )
    })
}

/// The file name of the plain table page in a language.
pub fn table_file(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "table.html",
        Lang::En => "table-en.html",
    }
}

/// A table's opening, up to its caption, in a box that scrolls sideways on a narrow screen
/// (`.table-scroll` in style.css and table.css) rather than widen the page; the box takes the
/// focus, so that the keyboard can scroll it. Closed by `CLOSE_TABLE`.
fn open_table(caption: &str) -> String {
    let caption = escape(caption);
    format!("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{caption}\"><table><caption>{caption}</caption>")
}

const CLOSE_TABLE: &str = "</table></div>";

/// A summary table of the parks' latest figures, and links to the full tables.
pub fn noscript_summary(ds: &Dataset, t: &dyn Typography) -> String {
    let lang = t.lang();
    let s = strings(lang);
    let metrics = metric_catalogue(ds, lang);
    let mut html = format!(
        "<div class=\"static-summary\"><p>{}</p>{}<thead><tr><th scope=\"col\">{}</th>",
        escape(s.noscript_intro),
        open_table(s.compare_title),
        escape(s.metric_label),
    );
    for park in &ds.parks {
        html.push_str(&format!(
            "<th scope=\"col\">{}</th>",
            escape(park.name.get(lang))
        ));
    }
    html.push_str("</tr></thead><tbody>");
    for metric in &metrics {
        html.push_str(&format!(
            "<tr><th scope=\"row\">{}</th>",
            escape(&metric.label)
        ));
        for pv in park_values(ds, &metric.id) {
            let cell = pv.latest().map_or(s.no_data.to_string(), |v| {
                format_value(t, metric.unit, v.value)
            });
            html.push_str(&format!("<td>{}</td>", escape(&cell)));
        }
        html.push_str("</tr>");
    }
    html.push_str(&format!(
        "</tbody>{CLOSE_TABLE}<p><a href=\"{}\">{}</a> · <a href=\"{}\" hreflang=\"{}\" lang=\"{}\">{}</a></p></div>",
        table_file(lang),
        escape(s.full_table),
        table_file(lang.other()),
        lang.other().code(),
        lang.other().code(),
        escape(strings(lang.other()).full_table),
    ));
    html
}

/// A complete, self-contained HTML page with every value, event and source.
pub fn table_page(ds: &Dataset, t: &dyn Typography) -> String {
    let lang = t.lang();
    let s = strings(lang);
    let source_link = |ids: &[String]| {
        ids.iter()
            .filter_map(|id| ds.source(id))
            .map(|src| {
                format!(
                    "<a href=\"{}\">{}</a>",
                    escape(&src.url),
                    escape(src.publisher.get(lang))
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut body = format!(
        "<h1>{}</h1><p>{}</p>{}<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        escape(ds.meta.title.get(lang)),
        escape(ds.meta.description.get(lang)),
        open_table(s.all_values_title),
        escape(s.park),
        escape(s.metric_label),
        escape(s.value),
        escape(s.date),
        escape(s.source),
        escape(s.confidence_title),
    );
    for metric in metric_catalogue(ds, lang) {
        for pv in park_values(ds, &metric.id) {
            for v in &pv.values {
                body.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    escape(pv.park.name.get(lang)),
                    escape(&metric.label),
                    escape(&format_value(t, metric.unit, v.value)),
                    escape(&t.date(&v.date)),
                    source_link(&v.sources),
                    escape(
                        s.confidence
                            .get(v.confidence.key())
                            .copied()
                            .unwrap_or_default()
                    ),
                ));
            }
        }
    }
    body.push_str(&format!(
        "</tbody>{CLOSE_TABLE}{}<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        open_table(s.timeline_title),
        escape(s.date),
        escape(s.filter_level),
        escape(s.filter_kind),
        escape(s.event),
        escape(s.source),
    ));
    for e in &ds.events {
        let inferred = if e.confidence.is_inferred() {
            format!(" ({})", escape(s.inferred))
        } else {
            String::new()
        };
        body.push_str(&format!(
            "<tr><td>{}{inferred}</td><td>{}</td><td>{}</td><td><strong>{}</strong><br>{}</td><td>{}</td></tr>",
            escape(&t.date(&e.date)),
            escape(s.levels.of(e.level.key())),
            escape(s.kinds.of(e.kind.key())),
            escape(e.title.get(lang)),
            escape(e.summary.get(lang)),
            source_link(&e.sources),
        ));
    }
    body.push_str(&format!(
        "</tbody>{CLOSE_TABLE}<h2>{}</h2><ol>",
        escape(s.sources_title)
    ));
    for src in &ds.sources {
        body.push_str(&format!(
            "<li><a href=\"{}\">{}</a> — {}</li>",
            escape(&src.url),
            escape(src.title.get(lang)),
            escape(src.publisher.get(lang)),
        ));
    }
    body.push_str(&format!(
        "</ol><p>{}</p><p><a href=\"./\">{}</a></p>",
        escape(ds.meta.license.get(lang)),
        escape(s.open_interactive),
    ));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\"><title>{}</title><link rel=\"stylesheet\" href=\"table.css\"></head><body><main>{body}</main></body></html>\n",
        lang.code(),
        escape(s.app_title),
    )
}
