//! The first view, written at build time into `index.html`: the header and the comparison of
//! each metric (chart as static SVG, value cards with sources; the default metric shown), in
//! the same markup and classes as the app draws them. The reader sees the chart before the
//! WASM has arrived; the app, once its data is loaded, takes the place of this copy in one
//! frame (see `ui::App`).
//!
//! Pure: dataset in, HTML out; every data text escaped. The comparison's controls work from
//! the start, with no script: the metric select (every metric is drawn; `style.css` shows the
//! chosen one), the table switch (a checkbox; each metric's table is drawn too) and the
//! downloads but PNG (links to files the build writes beside the page, `static_files`); so
//! does the header's visually-impaired mode (a checkbox and the app's settings bar, radios;
//! `style.css` gives the copy the mode's look, its charts as their tables). The header's other
//! buttons and PNG are drawn `disabled` (they work once the app is up; `style.css` dims them
//! until then), and the timeline's place holds its heading and a loading line. Nothing here
//! has an `id` the app uses, so the two never clash.

use std::sync::{Arc, LazyLock};

use leptos::prelude::*;

use crate::chart::{compared, comparison, lifecycle_chart, render_svg, ChartSpec, Comparison};
pub use crate::export::DOWNLOADS_DIR;
use crate::export::{
    events_csv, image_svg, standalone_svg, static_download, values_csv, Kind, Separator,
    StaticDownload, DATA_URL,
};
use crate::format::Typography;
use crate::i18n::{strings, Lang};
use crate::model::Dataset;
use crate::sizes::Sizes;
use crate::url::{lang_pair, UrlState, HOST_VI_PAIR};
use crate::vi::ViSettings;
use crate::view::{
    shown_years, ActionButton, AppState, ComparePanel, LifecycleFrame, MetricView, PageCopy,
    ShareMenu, SiteHeader, Sources, Timeline, Unknowns, ValueCards, ValuesTable, ViPanel,
};

/// The static chart comes in one drawing per range of viewport widths, each as wide as the
/// app's chart is at the start of its range (so it never overflows and is never scaled: the
/// text is the app's size and the box the app's height). `first_view_css` shows one per range
/// (`.static-chart > .w{i}`). The ranges start at common phone, tablet and desktop widths and
/// wherever the layout changes: above its narrow breakpoint, at two columns, at its widest.
pub fn viewport_steps() -> Vec<u32> {
    let s = &*SIZES;
    // Whole pixels: the table's lengths are.
    let layout = [s.narrow_max + 1.0, s.columns_from, s.max + 2.0 * s.pad].map(|w| w as u32);
    let mut steps: Vec<u32> = [0, 360, 390, 412, 600, 768, 1280]
        .into_iter()
        .chain(layout)
        .collect();
    steps.sort_unstable();
    steps.dedup();
    steps
}

/// The page's layout, as `style.css` sets it (`sizes`): a build from a stylesheet without its
/// table stops here, saying what is missing.
static SIZES: LazyLock<Sizes> =
    LazyLock::new(|| Sizes::of_style().unwrap_or_else(|error| panic!("style.css: {error}")));

/// The narrowest viewport the first step is drawn for.
const NARROWEST: f64 = 320.0;

/// Room for a classic (non-overlay) scrollbar on desktop browsers.
const SCROLLBAR: f64 = 17.0;

/// Which page a first view is drawn for: the explorer's own (`index.html`) or the compact one
/// that other sites frame (`embed.html?embed=1`, the app's `embed` display).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Page,
    Embed,
}

impl Layout {
    /// The query the copy stands for: `boot.js` keeps it only when the page's query says the
    /// same (the page's own language aside).
    pub fn query(self) -> &'static str {
        match self {
            Layout::Page => "",
            Layout::Embed => "embed=1",
        }
    }

    /// The page's side padding (`style.css`: `.app-root`, narrower up to its breakpoint;
    /// `.embed`).
    fn padding(self, narrow: bool) -> f64 {
        match (self, narrow) {
            (Layout::Embed, _) => SIZES.embed_pad,
            (Layout::Page, true) => SIZES.pad_narrow,
            (Layout::Page, false) => SIZES.pad,
        }
    }
}

/// The comparison chart's width, in CSS pixels, at a viewport width, from the table of sizes
/// (`sizes`): the page's and the panel's padding and borders, narrower up to the narrow
/// breakpoint; from two columns on, the comparison's fraction of the grid beside the timeline,
/// less the gap, within the page's widest content.
pub fn chart_width_at(viewport: f64, layout: Layout) -> f64 {
    let s = &*SIZES;
    let viewport = viewport.max(NARROWEST);
    if viewport <= s.narrow_max {
        return viewport - 2.0 * (layout.padding(true) + s.panel_pad_narrow + s.border);
    }
    let page = layout.padding(false);
    let viewport = viewport - SCROLLBAR;
    if viewport < s.columns_from - SCROLLBAR {
        return viewport - 2.0 * (page + s.panel_pad + s.border);
    }
    let content = (viewport - 2.0 * page).min(s.max);
    let share = s.compare_fr / (s.compare_fr + s.timeline_fr);
    ((content - s.gap) * share - 2.0 * (s.panel_pad + s.border)).floor()
}

/// The lifecycle chart's width at a viewport width: the page's content (at its widest, the
/// table's) less the panel's padding and borders, as `chart_width_at` reads them.
pub fn lifecycle_width_at(viewport: f64, layout: Layout) -> f64 {
    let s = &*SIZES;
    let viewport = viewport.max(NARROWEST);
    if viewport <= s.narrow_max {
        return viewport - 2.0 * (layout.padding(true) + s.panel_pad_narrow + s.border);
    }
    let content = (viewport - SCROLLBAR - 2.0 * layout.padding(false)).min(s.max);
    (content - 2.0 * (s.panel_pad + s.border)).floor()
}

/// How many metrics the first view carries. Each is drawn in full (`.metric-view.m{i}`) and
/// the select shows one of them with no script at all (`first_view_css`: one `:has()` rule per
/// view). Metrics beyond wait for the app (their option is disabled until then).
pub const PRERENDERED_METRICS: usize = 12;

/// The chart downloaded before the app is up is drawn this wide (the app's is as wide as shown).
const DOWNLOAD_WIDTH: f64 = 640.0;

pub use crate::contract::VI_SWITCH;
use crate::contract::{
    first_view_id, APP_FAILED, APP_STOPPED, COPY_CHART_LINK, COPY_LINK, EMBED_OPEN, FALLBACK,
    FIRST_VIEW_ROOT, FIRST_VIEW_UPDATED, METRIC_SELECT, VI_STORAGE_KEY,
};
use leptos::attr::custom::custom_attribute;

/// The files the build writes for the first view's download links, each once, with their
/// text: the values and the events as CSV (both separators, as the app's `Downloads` makes
/// them) and each
/// prerendered metric's chart as SVG.
pub fn static_files(ds: &Dataset, t: &dyn Typography) -> Vec<(StaticDownload, String)> {
    let lang = t.lang();
    let metrics = crate::analysis::metric_catalogue(ds, lang);
    let mut files = Vec::new();
    let first = metrics.first().map(|m| m.id.as_str()).unwrap_or_default();
    for (kind, sep) in [
        (Kind::Csv, Separator::Comma),
        (Kind::CsvExcel, Separator::Semicolon),
    ] {
        if let Some(link) = static_download(ds, lang, kind, first) {
            files.push((link, values_csv(ds, t, sep)));
        }
    }
    for (kind, sep) in [
        (Kind::EventsCsv, Separator::Comma),
        (Kind::EventsCsvExcel, Separator::Semicolon),
    ] {
        if let Some(link) = static_download(ds, lang, kind, first) {
            files.push((link, events_csv(ds, t, sep)));
        }
    }
    for metric in metrics.iter().take(PRERENDERED_METRICS) {
        let Some(c) = comparison(ds, &metric.id, t, DOWNLOAD_WIDTH) else {
            continue;
        };
        let (Some(link), Ok(svg)) = (
            static_download(ds, lang, Kind::Svg, &metric.id),
            render_svg(&c.chart),
        ) else {
            continue;
        };
        files.push((link, standalone_svg(&svg, &c.chart.alt, false)));
    }
    files
}

/// The prerendered first view in the default language, holding `summary` (the no-script
/// summary, HTML) in a `<noscript>` and in the `#fallback` that `boot.js` reveals when the WASM
/// cannot start. The select works before the app (and without script): every drawn metric's
/// view is here, the default one shown. `None` when the dataset has no metric to compare.
pub fn first_view(
    ds: &Dataset,
    t: &dyn Typography,
    summary: &str,
    layout: Layout,
) -> Option<String> {
    let lang = t.lang();
    let s = strings(lang);
    let metrics = crate::analysis::metric_catalogue(ds, lang);
    let first = metrics.first()?.id.clone();
    let ds = Arc::new(ds.clone());
    // Each drawn metric: its comparison (as wide as the first range's drawing, for the cards,
    // the table and the text) and its drawings, one per range of widths.
    let views: Vec<(Comparison, String)> = metrics
        .iter()
        .take(PRERENDERED_METRICS)
        .map(|metric| {
            let typeset = compared(&ds, &metric.id, t)?;
            let widths: Vec<f64> = viewport_steps()
                .into_iter()
                .map(|step| chart_width_at(f64::from(step), layout).round())
                .collect();
            let drawings = drawings(widths.iter().map(|&w| typeset.chart(w)))?;
            Some((typeset.at(widths[0]), drawings))
        })
        .collect::<Option<_>>()?;
    let (lifecycle_alt, lifecycle_images) = lifecycle_images(&ds, t, layout)?;
    let summary = summary.to_string();
    let updated = ds.meta.updated.to_string();
    let page = layout == Layout::Page;
    let class = match layout {
        Layout::Page => "app-root",
        Layout::Embed => "app-root embed",
    };
    Some(render(lang, layout, move || {
        let views = views
            .into_iter()
            .enumerate()
            .map(|(i, (c, drawings))| {
                let cards = view! { <ValueCards ds=ds.clone() cards=c.cards.clone() lang/> };
                view! {
                    <MetricView
                        ds=ds.clone()
                        index=i
                        metric=c.metric.id.clone()
                        headline=c.headline.clone()
                        formula=c.metric.formula.clone()
                        selection=c.selection.clone()
                        alt=c.chart.alt.clone()
                        table=view! { <ValuesTable comparison=c.clone() lang/> }
                        cards
                    >
                        // Each drawing's text is the dataset's, escaped by plotters' SVG writer
                        // like the app's own chart; render_svg hides it from assistive
                        // technology (the cards and the table say it all).
                        <div class="chart static-chart" role="img" aria-label=c.chart.alt.clone() inner_html=drawings></div>
                    </MetricView>
                }
            })
            .collect_view();
        // What boot.js needs, written here rather than known to it: the query the copy is
        // drawn for and the pairs it ignores, where a kept visually-impaired mode is stored,
        // the dataset it preloads once the copy is painted, the summary to reveal and the
        // class to set when the app cannot start.
        view! {
            <div
                id=FIRST_VIEW_ROOT
                class=class
                data-query=layout.query()
                data-own-lang=lang_pair(lang)
                data-host-vi=HOST_VI_PAIR
                data-vi-key=VI_STORAGE_KEY
                data-dataset=DATA_URL
                data-fallback=FALLBACK
                data-failed-class=APP_FAILED
                data-stopped=APP_STOPPED
            >
                // The header; an embed has no Share menu. Its items wait for the app.
                <SiteHeader>
                    {page.then(|| view! {
                        <ShareMenu>
                            <ActionButton id=COPY_CHART_LINK label=s.copy_chart_link/>
                            <ActionButton id=COPY_LINK label=s.copy_link/>
                            <ActionButton id=EMBED_OPEN label=s.embed_open/>
                        </ShareMenu>
                    })}
                </SiteHeader>
                <ViPanel/>
                <main class="prerendered">
                    <noscript inner_html=summary.clone()></noscript>
                    <div id=FALLBACK hidden inner_html=summary></div>
                    <div class="explorer">
                        <ComparePanel metrics metric=first as_table=false ready=PRERENDERED_METRICS>
                            {views}
                        </ComparePanel>
                        <Timeline ds=ds.clone() years=shown_years(ds.clone())/>
                    </div>
                    // The lifecycle chart, every event marked, one drawing per range of widths
                    // in place of the app's measured one and its hit layer.
                    <LifecycleFrame ds=ds.clone() lang=RwSignal::new(lang)>
                        <div class="chart-wrap">
                            <div class="chart static-chart" role="img" aria-label=lifecycle_alt>
                                {lifecycle_picture(&lifecycle_images)}
                            </div>
                        </div>
                    </LifecycleFrame>
                    <Unknowns ds=ds.clone()/>
                    <Sources ds=ds.clone()/>
                </main>
                // Until the app takes over: says the interactive explorer is on its way (fixed,
                // so it moves nothing; style.css).
                <p class="prerender-status" role="status">{s.loading}</p>
            </div>
        }
        // The date of the data it was drawn from, under the contract's name: the app says so
        // when the served dataset is newer (`ui::App`).
        .add_any_attr(custom_attribute(FIRST_VIEW_UPDATED, updated))
    }))
}

/// What plotters writes that the page need not carry: the font (the page's, `svg text` in
/// style.css), and attributes at SVG's initial values (`text-anchor: start`, a 1 px stroke)
/// or with a space to spare.
const SVG_DEFAULTS: [(&str, &str); 4] = [
    (" font-family=\"sans-serif\"", ""),
    (" text-anchor=\"start\"", ""),
    (" stroke-width=\"1\"", ""),
    (" \"/>", "\"/>"),
];

/// Drawings of a chart, one per range of `viewport_steps()` (`first_view_css` shows the one for
/// the viewport), each marked by its range: `<svg class="w{i}" …>`.
fn drawings(specs: impl Iterator<Item = ChartSpec>) -> Option<String> {
    let mut out = String::new();
    for (i, spec) in specs.enumerate() {
        let svg = render_svg(&spec).ok()?;
        // Its font is the page's (`svg text` in style.css), so the attribute saying so goes
        // (12 KB less to parse), and so do those that say what SVG assumes anyway.
        let mut svg = svg.replacen("<svg ", &format!("<svg class=\"w{i}\" "), 1);
        for (said, meant) in SVG_DEFAULTS {
            svg = svg.replace(said, meant);
        }
        out.push_str(&svg);
    }
    Some(out)
}

/// Where the build writes the lifecycle chart's drawings for the first view (`lifecycle_images`).
pub const CHARTS_DIR: &str = "charts";

/// One drawing of the lifecycle chart for the first view: for the viewports from `min_width`
/// on, `width` × `height` CSS pixels, in the light and the dark theme (files under
/// `CHARTS_DIR`, their text).
#[derive(Debug, Clone, PartialEq)]
pub struct LifecycleImage {
    pub min_width: u32,
    pub width: f64,
    pub height: f64,
    pub light: (String, String),
    pub dark: (String, String),
}

/// The lifecycle chart as the first view shows it, every event marked: one drawing per range
/// of `viewport_steps()`, as the comparison's, but as image files that a `<picture>` chooses from
/// by the viewport's width and the system's theme. The chart is below the first screen, so
/// only the one shown is fetched, and late (`loading="lazy"`): it is not part of the page's
/// bytes. Its text alternative is the first.
pub fn lifecycle_images(
    ds: &Dataset,
    t: &dyn Typography,
    layout: Layout,
) -> Option<(String, Vec<LifecycleImage>)> {
    let shown: Vec<usize> = (0..ds.events.len()).collect();
    let name = match layout {
        Layout::Page => "lifecycle",
        Layout::Embed => "lifecycle-embed",
    };
    let lang = t.lang().code();
    let mut alt = None;
    let images = viewport_steps()
        .into_iter()
        .enumerate()
        .map(|(i, step)| {
            let spec = lifecycle_chart(
                ds,
                &shown,
                None,
                t,
                lifecycle_width_at(f64::from(step), layout),
            );
            let svg = render_svg(&spec).ok()?;
            let file = |theme: &str| format!("{CHARTS_DIR}/{name}-{lang}-w{i}{theme}.svg");
            alt.get_or_insert_with(|| spec.alt.clone());
            Some(LifecycleImage {
                min_width: step,
                width: spec.width.round(),
                height: spec.height.round(),
                light: (file(""), image_svg(&svg, &spec.alt, false)),
                dark: (file("-dark"), image_svg(&svg, &spec.alt, true)),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some((alt?, images))
}

/// The `<picture>` of the lifecycle chart's drawings: the widest range first (the first source
/// whose media query holds is taken), the dark drawing before the light one of each range.
fn lifecycle_picture(images: &[LifecycleImage]) -> impl IntoView {
    let sources = images
        .iter()
        .rev()
        .flat_map(|image| {
            let min = (image.min_width > 0).then(|| format!("(min-width: {}px)", image.min_width));
            let dark = ["(prefers-color-scheme: dark)".to_string()]
                .into_iter()
                .chain(min.clone())
                .collect::<Vec<_>>()
                .join(" and ");
            [(Some(dark), &image.dark.0), (min, &image.light.0)]
                .into_iter()
                .map(|(media, src)| {
                    view! {
                        <source
                            media=media
                            srcset=src.clone()
                            width=image.width.to_string()
                            height=image.height.to_string()
                        />
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect_view();
    let narrowest = images.first().map(|image| {
        view! {
            <img
                src=image.light.0.clone()
                alt=""
                width=image.width.to_string()
                height=image.height.to_string()
                loading="lazy"
                decoding="async"
            />
        }
    });
    view! { <picture>{sources}{narrowest}</picture> }
}

/// The first view's rules that follow its own numbers, written by the build beside the page
/// (`contract::FIRST_VIEW_CSS`; the CSP forbids an inline style): the chosen metric's view, one
/// rule per view drawn for `ds`, and the drawing for each range of `viewport_steps()`.
pub fn first_view_css(ds: &Dataset) -> String {
    let views = crate::analysis::metric_catalogue(ds, Lang::Ru)
        .len()
        .min(PRERENDERED_METRICS);
    let select = first_view_id(METRIC_SELECT);
    let mut css = String::new();
    for i in 0..views {
        css.push_str(&format!(
            ".prerendered:has(#{select} option:nth-child({}):checked) .m{i} {{ display: contents; }}\n",
            i + 1
        ));
    }
    let steps = viewport_steps();
    for (i, &step) in steps.iter().enumerate() {
        // Each range ends just below the next one's start (`max-width` is inclusive).
        let min = (step > 0).then(|| format!("(min-width: {step}px)"));
        let max = steps
            .get(i + 1)
            .map(|next| format!("(max-width: {}px)", f64::from(*next) - 0.02));
        let query: Vec<String> = min.into_iter().chain(max).collect();
        css.push_str(&format!(
            "@media {} {{ .static-chart > .w{i} {{ display: block; }} }}\n",
            query.join(" and ")
        ));
    }
    css
}

/// A shared component (`view`) as the first view draws it: in the build's state (the default
/// view of `layout` in `lang`), with the first view's ids and its controls waiting for the app.
fn render<V: IntoView + 'static>(
    lang: Lang,
    layout: Layout,
    component: impl FnOnce() -> V,
) -> String {
    Owner::new().with(|| {
        // The state of the query the copy is drawn for (the embed's, for `embed.html`).
        let url = UrlState {
            lang,
            ..UrlState::from_query(layout.query())
        };
        provide_context(AppState::new(url, ViSettings::default()));
        provide_context(PageCopy::FirstView);
        // The markers Leptos leaves for hydration (`<!>`) are of no use to a page the app
        // replaces; data text cannot hold one (it is escaped).
        component().into_view().to_html().replace("<!>", "")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::DECORATION;
    use crate::format::ReferenceTypography;
    use crate::html::escape;
    use crate::model::load_dataset;
    use crate::vi::{ViScheme, ViSize};

    fn dataset() -> Dataset {
        load_dataset(include_bytes!("../public/data/technoparks.json")).expect("valid dataset")
    }

    #[test]
    fn chart_widths_follow_the_layout_measured_in_chromium() {
        // Measured in headless Chromium (overlay scrollbars) at these viewport widths.
        assert_eq!(chart_width_at(320.0, Layout::Page), 274.0);
        assert_eq!(chart_width_at(412.0, Layout::Page), 366.0);
        // The embed's page padding is 8 px at every width.
        assert_eq!(chart_width_at(320.0, Layout::Embed), 278.0);
        assert_eq!(chart_width_at(412.0, Layout::Embed), 370.0);
        // Above 480 px a classic scrollbar is allowed for: never wider than the app's chart.
        assert!(chart_width_at(600.0, Layout::Page) <= 534.0);
        assert!(chart_width_at(1280.0, Layout::Page) <= 611.0);
        assert!(chart_width_at(4000.0, Layout::Page) <= 649.0);
        // Wider viewport, never a narrower chart within a layout; the grid narrows it at 1000.
        for pair in viewport_steps().windows(2) {
            let (a, b) = (f64::from(pair[0]), f64::from(pair[1]));
            if a >= 1000.0 || b < 1000.0 {
                for layout in [Layout::Page, Layout::Embed] {
                    let (wa, wb) = (chart_width_at(a, layout), chart_width_at(b, layout));
                    assert!(wa <= wb, "{layout:?}: {a} → {b}");
                }
            }
        }
    }

    #[test]
    fn the_visually_impaired_mode_works_before_the_app_from_its_switch_and_settings() {
        let ds = dataset();
        let t = ReferenceTypography { lang: Lang::Ru };
        let html = first_view(&ds, &t, "", Layout::Embed).expect("a first view");
        // Each element by its id: the tag that carries it.
        let tag_of = |id: &str| {
            let at = html.find(&format!(" id=\"{id}\""))?;
            let start = html[..at].rfind('<')?;
            let end = at + html[at..].find('>')?;
            Some(html[start..=end].to_string())
        };
        // The switch: a checkbox, off, with a label saying what it turns to.
        let switch = tag_of(VI_SWITCH).expect("the switch");
        assert!(switch.starts_with("<input type=\"checkbox\""), "{switch}");
        assert!(
            !switch.contains("checked") && !switch.contains("disabled"),
            "{switch}"
        );
        assert!(html.contains(&format!("<label for=\"{VI_SWITCH}\"")));
        // The settings bar: a radio per size and scheme, the mode's defaults chosen.
        let defaults = ViSettings::default();
        let sizes = ViSize::ALL.map(|size| ("size", size.key(), size == defaults.size));
        let schemes =
            ViScheme::ALL.map(|scheme| ("scheme", scheme.key(), scheme == defaults.scheme));
        for (group, key, chosen) in sizes.into_iter().chain(schemes) {
            let radio = tag_of(&format!("{VI_SWITCH}-{group}-{key}")).expect("a radio");
            assert!(
                radio.contains(&format!("name=\"{VI_SWITCH}-{group}\"")),
                "{radio}"
            );
            assert_eq!(radio.contains(" checked"), chosen, "{radio}");
        }
        assert!(tag_of(&format!("{VI_SWITCH}-images")).is_some());
        // The language switch waits for the app.
        let lang = tag_of("pre-lang-toggle").expect("the language switch");
        assert!(lang.contains(" disabled"), "{lang}");
    }

    #[test]
    fn first_view_has_every_metric_the_default_first_and_one_drawing_per_step() {
        let ds = dataset();
        let t = ReferenceTypography { lang: Lang::Ru };
        let html = first_view(&ds, &t, "<p>summary</p>", Layout::Page).expect("a first view");
        let metrics = crate::analysis::metric_catalogue(&ds, Lang::Ru);
        assert!(html.starts_with("<div id=\"prerender\" data-query=\"\" "));
        assert!(html.contains(
            " data-own-lang=\"lang=ru\" data-host-vi=\"a11y=1\" data-vi-key=\"technoparks.vi\""
        ));
        let root = html.split('>').next().unwrap_or_default();
        assert!(root.contains(" data-failed-class=\"app-failed\""), "{root}");
        assert!(
            root.contains(" data-dataset=\"data/technoparks.json\""),
            "{root}"
        );
        assert!(root.contains(" class=\"app-root\""), "{root}");
        assert!(root.contains(" data-updated=\"2026-11-26\""), "{root}");
        // The select works before the app: enabled, the default chosen, one view per option.
        assert!(html.contains(
            "<label for=\"pre-metric-select\">Показатель</label><select id=\"pre-metric-select\">"
        ));
        assert!(html.contains("<option value=\"area_m2\" selected>Общая площадь</option>"));
        assert!(!html.contains("<option value=\"investment_rub\" selected"));
        let select = html.split("</select>").next().unwrap_or_default();
        assert_eq!(select.matches("<option ").count(), metrics.len());
        assert!(
            !html.contains(" disabled>Общая"),
            "no option waits for the app"
        );
        // The whole story before the app: every event in order, then every source, drawn by
        // the app's own components with the first view's ids.
        let timeline = html
            .split("<section id=\"pre-timeline\"")
            .nth(1)
            .expect("the timeline");
        let mut at = 0;
        for event in &ds.events {
            let item = format!("id=\"pre-event-{}\"", event.id);
            let found = timeline[at..]
                .find(&item)
                .unwrap_or_else(|| panic!("{item}"));
            at += found;
            assert!(timeline[at..].contains(&escape(event.title.get(Lang::Ru))));
        }
        for source in &ds.sources {
            assert!(html.contains(&format!("id=\"pre-source-{}\"", source.id)));
        }
        for i in 0..metrics.len() {
            assert_eq!(
                html.matches(&format!("<div class=\"metric-view m{i}\">"))
                    .count(),
                1,
                "view {i}"
            );
        }
        // One drawing per step for each metric's chart; for the lifecycle chart, one image per
        // step and theme, chosen by the <picture>.
        assert_eq!(
            html.matches("<svg class=\"w").count(),
            viewport_steps().len() * metrics.len()
        );
        assert_eq!(html.matches("<source ").count(), 2 * viewport_steps().len());
        assert!(html.contains(" loading=\"lazy\""));
        // Each view holds its own metric's values, in order.
        let area = html.split("metric-view m0").nth(1).expect("area's view");
        let area = area.split("metric-view m1").next().unwrap_or_default();
        assert!(area.contains("<p class=\"value\">86\u{a0}000\u{a0}м²</p>"));
        assert!(area.contains("<p class=\"value\">16\u{a0}949\u{a0}м²</p>"));
        let investment = html
            .split("metric-view m1")
            .nth(1)
            .expect("investment's view");
        assert!(investment.contains("726,2\u{a0}млн\u{a0}₽"), "{investment}");
        let derived = metrics
            .iter()
            .position(|m| m.id == "investment_per_m2")
            .expect("a derived metric");
        let derived_view = html
            .split(&format!("metric-view m{derived}\">"))
            .nth(1)
            .expect("its view");
        assert!(derived_view.starts_with("<p class=\"headline\">"));
        assert!(derived_view.contains("</p><p class=\"formula\">"));
        assert!(html.contains("<noscript><p>summary</p></noscript>"));
        assert!(html.contains("<div id=\"fallback\" hidden><p>summary</p></div>"));
        // No id the app uses: the only ids are the prerender's own, the fallback's and the
        // first view's `pre-` ones (its working controls, the timeline's and the sources').
        let ids: Vec<&str> = html
            .split(" id=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert!(
            ids.iter()
                .all(|id| ["prerender", "fallback"].contains(id) || id.starts_with("pre-")),
            "{ids:?}"
        );
        // One pair of chart/table radios; a pair of tabs for them in every view.
        for radio in ["pre-view-chart", "pre-view-table"] {
            assert_eq!(html.matches(&format!("id=\"{radio}\"")).count(), 1);
            assert_eq!(
                html.matches(&format!("<label for=\"{radio}\"")).count(),
                metrics.len()
            );
        }
        // Each view has its table, captioned with its metric, a row per value.
        assert_eq!(
            html.matches("<table class=\"values-table\">").count(),
            metrics.len()
        );
        assert!(area.contains("<caption>Общая площадь</caption>"));
        assert!(
            area.contains("<th scope=\"row\">Morion Digital</th><td>86\u{a0}000\u{a0}м²</td>"),
            "{area}"
        );
        // The downloads but PNG are links that work before the app; PNG waits for it.
        for kind in [
            "download-csv",
            "download-csv-excel",
            "download-json",
            "download-svg",
        ] {
            assert_eq!(
                html.matches(&format!("data-kind=\"{kind}\"")).count(),
                metrics.len(),
                "{kind}"
            );
        }
        assert!(area.contains(
            "href=\"data/technoparks.json\" download=\"perm-technoparks-data-2026-11-26.json\""
        ));
        assert!(
            area.contains("href=\"downloads/perm-technoparks-area_m2-ru-2026-11-26.svg\""),
            "{area}"
        );
        assert!(investment
            .contains("href=\"downloads/perm-technoparks-investment_rub-ru-2026-11-26.svg\""));
        assert_eq!(
            html.matches("data-kind=\"download-png\" disabled").count(),
            metrics.len(),
            "PNG only"
        );
        assert!(
            !html.contains("aria-hidden=\"true\" aria-hidden"),
            "an attribute twice"
        );
        assert!(
            !html.contains("<details class=\"earlier"),
            "the real cards are short"
        );
    }

    #[test]
    fn the_embed_first_view_has_the_embed_layout_and_no_page_only_buttons() {
        let ds = dataset();
        let t = ReferenceTypography { lang: Lang::Ru };
        let s = strings(Lang::Ru);
        let page = first_view(&ds, &t, "", Layout::Page).expect("the page's");
        let embed = first_view(&ds, &t, "", Layout::Embed).expect("the embed's");
        assert!(embed.starts_with("<div id=\"prerender\" data-query=\"embed=1\" "));
        assert!(embed.contains(" class=\"app-root embed\">"));
        for label in [s.embed_open, s.copy_link, s.copy_chart_link] {
            assert!(page.contains(&format!(">{label}</button>")), "{label}");
            assert!(!embed.contains(&format!(">{label}</button>")), "{label}");
        }
        // Drawn at the embed's chart widths: at 412 px, 370 against the page's 366.
        let at = viewport_steps()
            .into_iter()
            .position(|step| step == 412)
            .expect("a step at 412");
        let drawn = |width: u32| format!("<svg class=\"w{at}\"{DECORATION} width=\"{width}\"");
        assert!(embed.contains(&drawn(370)));
        assert!(page.contains(&drawn(366)));
    }

    #[test]
    fn the_download_links_point_to_the_files_the_build_writes() {
        let ds = dataset();
        let t = ReferenceTypography { lang: Lang::Ru };
        let html = first_view(&ds, &t, "", Layout::Page).expect("a first view");
        let files = static_files(&ds, &t);
        let metrics = crate::analysis::metric_catalogue(&ds, Lang::Ru);
        // Two CSVs of values, two of events and one chart per metric, each once.
        assert_eq!(files.len(), 4 + metrics.len());
        for (link, text) in &files {
            assert!(link.href.starts_with("downloads/"), "{}", link.href);
            assert!(link.href.ends_with(&link.name));
            assert!(html.contains(&format!(
                "href=\"{}\" download=\"{}\"",
                link.href, link.name
            )));
            if link.name.ends_with(".svg") {
                assert!(
                    text.starts_with("<?xml") && text.contains("<title>"),
                    "{}",
                    link.name
                );
            }
        }
        // The CSVs are the app's: the same function, the dataset's year.
        let csv = &files[0].1;
        assert_eq!(csv, &values_csv(&ds, &t, Separator::Comma));
        assert!(files[1].1.contains(";"));
        assert!(files[1].0.name.contains("values-excel"));
        assert_eq!(files[2].1, events_csv(&ds, &t, Separator::Comma));
        assert!(files[3].0.name.contains("events-excel"));
        assert_eq!(files[3].1, events_csv(&ds, &t, Separator::Semicolon));
        // Every link in the page has its file, or is the dataset itself.
        for href in html
            .split("href=\"")
            .skip(1)
            .filter_map(|h| h.split('"').next())
        {
            if !href.starts_with("http") {
                assert!(
                    href == DATA_URL || files.iter().any(|(l, _)| l.href == href),
                    "{href}"
                );
            }
        }
    }

    #[test]
    fn metrics_beyond_the_stylesheet_rules_wait_for_the_app() {
        let mut ds = dataset();
        let template = ds.metrics[0].clone();
        ds.metrics
            .extend((0..PRERENDERED_METRICS).map(|i| crate::model::Metric {
                id: format!("extra_{i}"),
                ..template.clone()
            }));
        let t = ReferenceTypography { lang: Lang::Ru };
        let html = first_view(&ds, &t, "", Layout::Page).expect("a first view");
        let select = html.split("</select>").next().unwrap_or_default();
        let options: Vec<&str> = select
            .split("<option ")
            .skip(1)
            .filter_map(|o| o.split("</option>").next())
            .collect();
        assert!(options.len() > PRERENDERED_METRICS);
        for (i, option) in options.iter().enumerate() {
            let waits = option.contains("\" disabled>");
            assert_eq!(waits, i >= PRERENDERED_METRICS, "option {i}: {option}");
        }
        assert!(!html.contains(&format!("metric-view m{PRERENDERED_METRICS}\"")));
    }

    #[test]
    fn a_long_series_folds_its_earlier_values_as_the_app_does() {
        let mut ds = dataset();
        let area = ds
            .observations
            .iter()
            .find(|o| o.park == "morion-digital" && o.metric == "area_m2")
            .cloned()
            .expect("Morion's area");
        // Six more years: seven values, five listed, two folded (2010 and 2011).
        ds.observations
            .extend((2010..2016).map(|year| crate::model::Observation {
                date: crate::model::PartialDate {
                    year,
                    month: None,
                    day: None,
                },
                ..area.clone()
            }));
        let t = ReferenceTypography { lang: Lang::Ru };
        let html = first_view(&ds, &t, "", Layout::Page).expect("a first view");
        let card = html
            .split("<li data-park=\"morion-digital\" class=\"value-card\">")
            .nth(1)
            .and_then(|rest| rest.split("</li>").next())
            .expect("Morion's card");
        let (folded, listed) = card
            .split_once("</details>")
            .expect("a fold before the listed values");
        assert!(folded
            .contains("<details class=\"earlier\"><summary>Ещё 2 значения (2010–2011)</summary>"));
        assert_eq!(folded.matches("<div class=\"figure\">").count(), 2);
        assert_eq!(listed.matches("<div class=\"figure\">").count(), 5);
    }

    #[test]
    fn the_first_view_stylesheet_has_a_rule_per_view_and_ranges_that_meet() {
        let ds = dataset();
        let css = first_view_css(&ds);
        let views = crate::analysis::metric_catalogue(&ds, Lang::Ru)
            .len()
            .min(PRERENDERED_METRICS);
        for i in 0..views {
            let rule = format!(
                ".prerendered:has(#pre-metric-select option:nth-child({}):checked) .m{i} {{",
                i + 1
            );
            assert_eq!(css.matches(&rule).count(), 1, "{rule}");
        }
        assert!(
            !css.contains(&format!(" .m{views} ")),
            "a rule for a view not drawn"
        );
        // One drawing per range: at every width from 320 px to 2000 px, exactly one rule holds.
        let ranges: Vec<(f64, f64)> = css
            .lines()
            .filter(|l| l.contains(".static-chart > .w"))
            .map(|l| {
                let after = |key: &str| {
                    l.split(key)
                        .nth(1)
                        .and_then(|rest| rest.split("px").next())
                        .and_then(|n| n.trim().parse::<f64>().ok())
                };
                (
                    after("min-width:").unwrap_or(0.0),
                    after("max-width:").unwrap_or(f64::INFINITY),
                )
            })
            .collect();
        assert_eq!(ranges.len(), viewport_steps().len());
        for width in (320..2000).map(f64::from).chain([359.99, 360.0, 1351.99]) {
            let holding = ranges
                .iter()
                .filter(|(a, b)| *a <= width && width <= *b + 0.01);
            assert_eq!(holding.count(), 1, "{width} px");
        }
    }

    #[test]
    fn the_lifecycle_images_cover_every_range_in_both_themes() {
        let ds = dataset();
        let t = ReferenceTypography { lang: Lang::Ru };
        for layout in [Layout::Page, Layout::Embed] {
            let (alt, images) = lifecycle_images(&ds, &t, layout).expect("drawn");
            assert!(!alt.is_empty());
            assert_eq!(images.len(), viewport_steps().len());
            for (image, &step) in images.iter().zip(&viewport_steps()) {
                assert_eq!(image.min_width, step);
                // As wide as the app's at the range's start (never narrower than the chart's least).
                assert!(image.width >= lifecycle_width_at(f64::from(step), layout).round());
                for (file, text) in [&image.light, &image.dark] {
                    assert!(file.starts_with(&format!("{CHARTS_DIR}/")), "{file}");
                    assert!(text.starts_with("<?xml"), "{file}: a file of its own");
                    assert!(!text.contains("height=\"100%\""), "{file}: no background");
                }
                assert_ne!(
                    image.light.1, image.dark.1,
                    "the dark drawing in the dark theme"
                );
            }
        }
    }

    #[test]
    fn data_text_stays_text() {
        let mut ds = dataset();
        let hostile = "<img src=x onerror=alert(1)>\"'&";
        ds.parks[0].name = crate::model::Text {
            ru: hostile.into(),
            en: hostile.into(),
        };
        let t = ReferenceTypography { lang: Lang::Ru };
        let html = first_view(&ds, &t, "", Layout::Page).expect("a first view");
        assert!(!html.contains("<img src=x"), "markup from the data: {html}");
        // Escaped as text in the cards and headline, as an attribute in the chart's label.
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;\"'&amp;"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;&quot;'&amp;"));
    }
}
