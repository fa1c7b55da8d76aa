//! The editors' check page (`check.html`): an editor chooses a dataset file, or drops it onto
//! the page, and the same core as the app's reads it here (`model::check_dataset`): nothing is
//! uploaded. Every problem and warning is listed with its place, its JSON path, its message in
//! the reader's language and the file's line (`check::excerpt`); a valid file is shown by the
//! explorer's own components (`ui::Explorer`), under what changed against the published
//! dataset (`analysis::diff`).

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, File, HtmlInputElement};

use super::load::fetch_dataset;
use super::Explorer;
use crate::analysis::diff::{diff, ChangeKind, RecordChange, Section};
use crate::check::{excerpt, tally};
use crate::format::{counted, ReferenceTypography, Typography as _};
use crate::i18n::{strings, Lang, Strings};
use crate::model::problem::fill;
use crate::model::{check_dataset, Dataset, Problem};
use crate::url::UrlState;
use crate::vi::ViSettings;
use crate::view::AppState;

/// The input that chooses the file.
const FILE_INPUT: &str = "check-file";

/// What the page knows of the file last chosen.
#[derive(Clone)]
enum Report {
    /// Read and checked: the dataset or its problems, and the warnings either way.
    Checked {
        name: String,
        /// The file as text, for the lines shown beside the problems.
        text: Arc<str>,
        outcome: Result<Arc<Dataset>, Arc<[Problem]>>,
        warnings: Arc<[Problem]>,
    },
    /// The browser could not read it (its words).
    Unreadable { name: String, error: String },
}

/// The whole check page, mounted into `check.html`'s root (`contract::CHECK_ROOT`).
#[component]
pub fn CheckPage() -> impl IntoView {
    let url = UrlState::from_query(&window().location().search().unwrap_or_default());
    // The explorer's components read the state; here only the language comes from the URL.
    let state = AppState::new(
        UrlState {
            lang: url.lang,
            ..UrlState::default()
        },
        ViSettings::default(),
    );
    provide_context(state);
    let s = move || strings(state.lang.get());
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document().set_title(&format!("{} — {}", s().check_title, s().app_title));
        keep_language_in_url(lang);
    });

    let published = LocalResource::new(fetch_dataset);
    let report = RwSignal::new(None::<Report>);
    let choose = move |file: File| {
        // A new file starts the preview afresh: no metric, filter or event of the last one.
        state.metric.set(None);
        state.filter.set(Default::default());
        state.event.set(None);
        read_file(file, report);
    };
    let dragging = RwSignal::new(false);

    view! {
        <div
            class="app-root check-page"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                    choose(file);
                }
            }
        >
            <a class="skip-link" href="#main">{move || s().skip_link}</a>
            <header class="site-header check-header">
                <div>
                    <p class="check-back"><a href="./">{move || s().check_back}</a></p>
                    <h1>{move || s().check_title}</h1>
                </div>
                <button
                    type="button"
                    class="secondary"
                    lang=move || state.lang.get().other().code()
                    aria-label=move || s().switch_lang_label
                    on:click=move |_| state.lang.update(|l| *l = l.other())
                >
                    {move || s().switch_lang}
                </button>
            </header>
            <main
                id="main"
                tabindex="-1"
                data-state=move || report.with(|r| match r {
                    None => "empty",
                    Some(Report::Unreadable { .. }) => "unreadable",
                    Some(Report::Checked { outcome: Err(_), .. }) => "invalid",
                    Some(Report::Checked { outcome: Ok(_), .. }) => "valid",
                })
            >
                <p class="check-intro">{move || s().check_intro}</p>
                <div class="check-drop panel">
                    <label for=FILE_INPUT>{move || s().check_choose}</label>
                    <input
                        id=FILE_INPUT
                        type="file"
                        accept=".json,application/json"
                        on:change=move |ev| {
                            let input = event_target::<HtmlInputElement>(&ev);
                            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                                choose(file);
                            }
                        }
                    />
                    <p class="check-drop-hint">{move || s().check_drop}</p>
                </div>
                // Announced when it changes: which file, how many problems, what to do.
                <div id="check-status" class="check-status" role="status">
                    {move || report.with(|r| r.as_ref().map(|r| status(r, s())))}
                </div>
                {move || report.with(|r| match r {
                    Some(Report::Checked { text, outcome, warnings, .. }) => {
                        let s = s();
                        let problems = match outcome {
                            Err(problems) => {
                                problem_list("check-problems", s.check_problems_title, None, problems, text, s)
                                    .into_any()
                            }
                            Ok(_) => ().into_any(),
                        };
                        let warnings = (!warnings.is_empty()).then(|| {
                            problem_list(
                                "check-warnings",
                                s.check_warnings_title,
                                Some(s.check_warnings_hint),
                                warnings,
                                text,
                                s,
                            )
                        });
                        view! { {problems} {warnings} }.into_any()
                    }
                    _ => ().into_any(),
                })}
                {move || {
                    let ds = report.with(|r| match r {
                        Some(Report::Checked { outcome: Ok(ds), .. }) => Some(ds.clone()),
                        _ => None,
                    })?;
                    Some(view! {
                        <Changes ds=ds.clone() published/>
                        <section id="check-preview" class="check-preview" aria-labelledby="check-preview-title">
                            <h2 id="check-preview-title">{move || s().check_preview_title}</h2>
                            <Explorer ds/>
                        </section>
                    })
                }}
            </main>
        </div>
    }
}

/// Reads the file's bytes (a promise of the browser's), then checks them.
fn read_file(file: File, report: RwSignal<Option<Report>>) {
    leptos::task::spawn_local(async move {
        let name = file.name();
        let read = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
        report.set(Some(match read {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                let checked = check_dataset(&bytes);
                Report::Checked {
                    name,
                    text: String::from_utf8_lossy(&bytes).into(),
                    outcome: checked.outcome.map(Arc::new).map_err(Into::into),
                    warnings: checked.warnings.into(),
                }
            }
            Err(error) => Report::Unreadable {
                name,
                error: error
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .unwrap_or_default(),
            },
        }));
    });
}

/// Which file, its tally, and whether it can be published.
fn status(report: &Report, s: &'static Strings) -> impl IntoView {
    match report {
        Report::Unreadable { name, error } => view! {
            <p class="check-summary">{fill(s.check_file, &[name.clone(), tally(s, 1, 0)])}</p>
            <p class="check-verdict invalid">{fill(s.check_unreadable, std::slice::from_ref(error))}</p>
        }
        .into_any(),
        Report::Checked {
            name,
            outcome,
            warnings,
            ..
        } => {
            let errors = outcome.as_ref().err().map_or(0, |p| p.len());
            let (verdict, class) = match outcome {
                Ok(_) => (s.check_valid, "check-verdict valid"),
                Err(_) => (s.check_invalid, "check-verdict invalid"),
            };
            view! {
                <p class="check-summary">
                    {fill(s.check_file, &[name.clone(), tally(s, errors, warnings.len())])}
                </p>
                <p class=class>{verdict}</p>
            }
            .into_any()
        }
    }
}

/// A heading and the problems (or warnings), each with its place, path, message and line.
fn problem_list(
    id: &'static str,
    title: &'static str,
    hint: Option<&'static str>,
    problems: &[Problem],
    text: &str,
    s: &'static Strings,
) -> impl IntoView {
    let items = problems
        .iter()
        .map(|p| {
            let place = p.pos.map(|pos| {
                let at = fill(s.check_at, &[pos.line.to_string(), pos.column.to_string()]);
                view! { <span class="check-at">{at}</span> " · " }
            });
            let path = if p.path == "." {
                s.whole_file.to_string()
            } else {
                p.path.clone()
            };
            let line = p.pos.and_then(|pos| excerpt(text, pos)).map(|e| {
                let at = if e.at.is_empty() {
                    " ".to_string()
                } else {
                    e.at
                };
                view! {
                    <figure class="check-excerpt">
                        <figcaption>{fill(s.check_line, &[e.line.to_string()])}</figcaption>
                        <pre><code>{e.before}<mark>{at}</mark>{e.after}</code></pre>
                    </figure>
                }
            });
            view! {
                <li
                    class="check-problem"
                    data-kind=p.kind.key()
                    data-path=p.path.clone()
                    data-line=p.pos.map(|pos| pos.line.to_string())
                    data-column=p.pos.map(|pos| pos.column.to_string())
                >
                    <p class="check-place">{place}<code class="check-path">{path}</code></p>
                    <p class="check-message">{p.kind.message(s)}</p>
                    {line}
                </li>
            }
        })
        .collect_view();
    let heading = format!("{id}-title");
    let labelled_by = heading.clone();
    view! {
        <section id=id class="panel check-list" aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            {hint.map(|hint| view! { <p class="check-hint">{hint}</p> })}
            <ol>{items}</ol>
        </section>
    }
}

/// What the file changes against the published dataset, by part of the file and record.
#[component]
fn Changes(
    ds: Arc<Dataset>,
    published: LocalResource<Result<Arc<Dataset>, super::LoadError>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let body = move || {
        let lang = state.lang.get();
        let s = strings(lang);
        let Some(Ok(old)) = published.get() else {
            // Still loading (the page fetched it at start) or failed.
            return published
                .get()
                .map(|_| view! { <p class="check-hint">{s.check_diff_failed}</p> }.into_any());
        };
        let changes = diff(&old, &ds);
        let t = ReferenceTypography { lang };
        let intro = if changes.is_empty() {
            s.check_no_changes.to_string()
        } else {
            fill(
                s.check_diff_intro,
                &[
                    t.date(&old.meta.updated),
                    counted(&t, &s.check_changes, changes.len() as f64),
                ],
            )
        };
        Some(view! { <p class="check-hint">{intro}</p> {sections(&changes, lang)} }.into_any())
    };
    view! {
        <section id="check-diff" class="panel check-diff" aria-labelledby="check-diff-title">
            <h2 id="check-diff-title">{move || strings(state.lang.get()).check_diff_title}</h2>
            {body}
        </section>
    }
}

/// The changes grouped by part of the file, each record a table of its fields.
fn sections(changes: &[RecordChange], lang: Lang) -> impl IntoView {
    let s = strings(lang);
    let text = |texts: crate::i18n::Texts, key: &str| texts.get(key).copied().unwrap_or_default();
    let mut groups: Vec<(Section, Vec<&RecordChange>)> = Vec::new();
    for change in changes {
        match groups.last_mut() {
            Some((section, records)) if *section == change.section => records.push(change),
            _ => groups.push((change.section, vec![change])),
        }
    }
    groups
        .into_iter()
        .map(|(section, records)| {
            let records = records
                .into_iter()
                .map(|r| {
                    let rows = r
                        .fields
                        .iter()
                        .map(|f| {
                            let cell = |value: &Option<String>| match value {
                                Some(v) => view! { <td>{v.clone()}</td> }.into_any(),
                                None => view! { <td class="check-absent">"—"</td> }.into_any(),
                            };
                            view! {
                                <tr>
                                    <th scope="row"><code>{f.field.clone()}</code></th>
                                    {(r.kind != ChangeKind::Added).then(|| cell(&f.old))}
                                    {(r.kind != ChangeKind::Removed).then(|| cell(&f.new))}
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <table
                            class=format!("check-record {}", r.kind.key())
                            data-section=section.key()
                            data-id=r.id.clone()
                            data-change=r.kind.key()
                        >
                            <caption>
                                <code>{r.id.clone()}</code>
                                {format!(" — {}", text(s.check_kinds, r.kind.key()))}
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">{s.check_field}</th>
                                    {(r.kind != ChangeKind::Added).then(|| view! { <th scope="col">{s.check_old}</th> })}
                                    {(r.kind != ChangeKind::Removed).then(|| view! { <th scope="col">{s.check_new}</th> })}
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    }
                })
                .collect_view();
            view! {
                <h3>{text(s.check_sections, section.key())}</h3>
                {records}
            }
        })
        .collect_view()
}

/// The page's URL carries its language (`?lang=en`) and nothing else: a link to it opens in
/// the reader's language.
fn keep_language_in_url(lang: Lang) {
    let query = UrlState {
        lang,
        ..UrlState::default()
    }
    .to_query();
    let location = window().location();
    if location.search().unwrap_or_default() == query {
        return;
    }
    let url = format!("{}{query}", location.pathname().unwrap_or_default());
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
