//! The list of sources, and the source links and confidence marks shown beside every figure.

use std::sync::Arc;

use leptos::prelude::*;

use super::state::{part_lang, use_app_state, use_page_copy};
use crate::format::ReferenceTypography;
use crate::format::Typography;
use crate::i18n::{strings, Lang};
use crate::model::{Confidence, Dataset};

/// Every source with its publisher, date and link.
#[component]
pub fn Sources(ds: Arc<Dataset>) -> impl IntoView {
    let copy = use_page_copy();
    let id = copy.id("sources");
    let lang = part_lang(id.clone());
    let new_tab = new_tab();
    view! {
        <section id=id class="panel sources" aria-labelledby=copy.id("sources-title")>
            <h2 id=copy.id("sources-title")>{move || strings(lang.get()).sources_title}</h2>
            <p>{move || strings(lang.get()).sources_intro}</p>
            <ol id=copy.id("source-list") class="source-list">
                {move || {
                    let lang = lang.get();
                    let t = ReferenceTypography { lang };
                    ds.sources
                        .iter()
                        .map(|src| {
                            let date = src.date.map(|d| format!(", {}", t.date(&d)));
                            view! {
                                <li class="source" id=copy.id(&format!("source-{}", src.id)) data-source-id=src.id.clone()>
                                    <a href=src.url.clone() rel="noopener noreferrer" target=new_tab>
                                        {src.title.get(lang).to_string()}
                                    </a>
                                    " — "
                                    <span class="publisher">{src.publisher.get(lang).to_string()}</span>
                                    {date}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}

/// Links to the sources with these ids, named by publisher in `lang`. Not reactive: every
/// parent draws it again when the language changes (thousands of figures would otherwise each
/// watch the language).
#[component]
pub fn SourceLinks(ds: Arc<Dataset>, ids: Vec<String>, lang: Lang) -> impl IntoView {
    let new_tab = new_tab();
    ids.iter()
        .filter_map(|id| ds.source(id))
        .enumerate()
        .map(|(i, src)| {
            view! {
                {(i > 0).then_some(", ")}
                <a class="source-link" href=src.url.clone() rel="noopener noreferrer" target=new_tab title=src.title.get(lang).to_string()>
                    {src.publisher.get(lang).to_string()}
                </a>
            }
        })
        .collect_view()
}

/// Where a link out opens: embedded in a host's page, a new tab, so that the explorer never
/// gives way to the source inside the host's page; on our own page, the same tab.
fn new_tab() -> Option<&'static str> {
    use_app_state()
        .display
        .get_untracked()
        .embed
        .then_some("_blank")
}

/// How sure a figure is, in words (in `lang`), with what that means on hover and for screen
/// readers. Not reactive, as [`SourceLinks`].
#[component]
pub fn ConfidenceMark(confidence: Confidence, lang: Lang) -> impl IntoView {
    let s = strings(lang);
    view! {
        <span
            class=format!("confidence confidence-{}", confidence.key())
            title=s.confidence_hint.of(confidence.key())
        >
            {s.confidence.of(confidence.key())}
        </span>
    }
}

/// One line that says what each confidence mark means, where the marks are read (under the
/// value cards): a phone has no hover to show a mark's title.
#[component]
pub fn ConfidenceLegend() -> impl IntoView {
    let state = use_app_state();
    move || {
        let lang = state.lang.get();
        let s = strings(lang);
        let items = Confidence::ALL
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let hint = s.confidence_hint.of(c.key());
                view! {
                    {(i > 0).then_some("; ")}
                    <ConfidenceMark confidence=c lang/>
                    " — " {hint}
                }
            })
            .collect_view();
        view! { <p class="confidence-legend">{s.confidence_title} ": " {items} "."</p> }
    }
}
