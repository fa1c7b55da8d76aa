//! The editors' check page (`check.html`): an editor chooses a dataset file, or drops it onto
//! the page, and the same core as the app's reads it here (`model::check_dataset_scanning`): nothing is
//! uploaded. Every problem and warning is listed with its place, its JSON path, its message in
//! the reader's language and the file's line (`check::excerpt`); a valid file is shown by the
//! explorer's own components (`ui::explorer`), under what changed against the published
//! dataset (`analysis::diff`).
//!
//! The page shares the explorer's WASM, so what it adds there must stay small (≤ 10 KB
//! brotli, issue 19): its frame is Leptos, but the lists (problems, warnings, changes) are
//! built with a few DOM calls (`Node`), not one `view!` type per element, and the warnings
//! come from the text's scan (`check_dataset_scanning`), not from a second deserializer.
//! Dataset text enters the DOM as text nodes only, never as markup.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{DragEvent, Element, File, HtmlInputElement};

use super::explorer;
use super::load::{LoadError, Loaded};
use super::status::StoppedNote;
use crate::analysis::diff::{diff, ChangeKind, RecordChange};
use crate::check::{excerpt, stops_reading, tally};
use crate::format::{counted, ReferenceTypography, Typography as _};
use crate::i18n::{strings, Lang, Strings};
use crate::model::problem::fill;
use crate::model::{check_dataset_scanning, Dataset, Problem};
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

impl Report {
    fn dataset(&self) -> Option<Arc<Dataset>> {
        match self {
            Report::Checked {
                outcome: Ok(ds), ..
            } => Some(ds.clone()),
            _ => None,
        }
    }
}

/// The check page, drawn into `check.html`'s root (`contract::CHECK_ROOT`): its frame and
/// lists with DOM calls (`Node`), the preview by the explorer's own components, mounted with
/// Leptos under it.
pub fn start(root: web_sys::HtmlElement) {
    // Mounted by Leptos (which owns the page's signals and runs its effects) as the stopped
    // note alone: the frame is drawn into `root` by hand, before it.
    let frame = root.clone();
    leptos::mount::mount_to(root, move || {
        let root = frame;
        let url = UrlState::from_query(&window().location().search().unwrap_or_default());
        // The explorer's components read the state; here only the language comes from the URL.
        let state = AppState::new(
            UrlState {
                lang: url.lang,
                ..UrlState::default()
            },
            ViSettings::default(),
        );
        // The published dataset, for the changes: fetched once, at the start.
        let published = Loaded::start();
        let report = RwSignal::new(None::<Report>);
        let page = Page::build(&root);
        page.listen(state, report);
        let preview = StoredValue::new_local(None::<Box<dyn std::any::Any>>);
        // The language, the file and the published data: the words, the URL, the status, the
        // lists and the preview follow them.
        Effect::new(move |_| {
            let lang = state.lang.get();
            let published = published.get();
            report.with(|r| page.draw(r.as_ref(), published.as_ref(), lang));
        });
        Effect::new(move |_| {
            let ds = report.with(|r| r.as_ref().and_then(Report::dataset));
            // A new file starts the preview afresh: no metric, filter or event of the last one.
            preview.set_value(None);
            state.metric.set(None);
            state.filter.set(Default::default());
            state.event.set(None);
            let Some(ds) = ds else { return };
            let Some(at) = document()
                .get_element_by_id(PREVIEW)
                .and_then(|e| e.dyn_into().ok())
            else {
                return;
            };
            let handle = leptos::mount::mount_to(at, move || {
                provide_context(state);
                explorer(ds)
            });
            preview.set_value(Some(Box::new(handle)));
        });
        // After the frame: what boot.js shows if the page stops on an error of its own.
        provide_context(state);
        view! { <StoppedNote/> }
    })
    // The page lives as long as the document.
    .forget();
}

/// Where the preview is mounted.
const PREVIEW: &str = "check-explorer";

/// The page's frame: the elements whose words or contents change.
#[derive(Clone)]
struct Page {
    main: Element,
    back: Element,
    title: Element,
    switch: Element,
    intro: Element,
    label: Element,
    drop_hint: Element,
    status: Element,
    lists: Element,
    preview: Element,
    preview_title: Element,
}

impl Page {
    /// The frame, empty of words (`draw` writes them), in `root`.
    fn build(root: &Element) -> Page {
        let back = Node::new("a").attr("href", "./");
        let title = Node::new("h1");
        let switch = Node::new("button")
            .attr("type", "button")
            .class("secondary");
        let intro = Node::new("p").class("check-intro");
        let label = Node::new("label").attr("for", FILE_INPUT);
        let drop_hint = Node::new("p").class("check-drop-hint");
        // Announced when it changes: which file, how many problems, what to do.
        let status = Node::new("div")
            .id("check-status")
            .class("check-status")
            .attr("role", "status");
        let lists = Node::new("div").class("check-lists");
        let preview_title = Node::new("h2").id("check-preview-title");
        let page = Page {
            main: Node::new("main").id("main").attr("tabindex", "-1").0,
            back: back.0.clone(),
            title: title.0.clone(),
            switch: switch.0.clone(),
            intro: intro.0.clone(),
            label: label.0.clone(),
            drop_hint: drop_hint.0.clone(),
            status: status.0.clone(),
            lists: lists.0.clone(),
            preview: Node::new("section")
                .id("check-preview")
                .class("check-preview")
                .attr("aria-labelledby", "check-preview-title")
                .0,
            preview_title: preview_title.0.clone(),
        };
        let _ = page.preview.set_attribute("hidden", "");
        let frame = Node::new("div")
            .class("app-root check-page")
            .child(Node::new("a").class("skip-link").attr("href", "#main"))
            .child(
                Node::new("header")
                    .class("site-header check-header")
                    .child(
                        Node::new("div")
                            .child(Node::new("p").class("check-back").child(back))
                            .child(title),
                    )
                    .child(switch),
            )
            .child(
                Node(page.main.clone())
                    .child(intro)
                    .child(
                        Node::new("div")
                            .class("check-drop panel")
                            .child(label)
                            .child(
                                Node::new("input")
                                    .id(FILE_INPUT)
                                    .attr("type", "file")
                                    .attr("accept", ".json,application/json"),
                            )
                            .child(drop_hint),
                    )
                    .child(status)
                    .child(lists)
                    .child(
                        Node(page.preview.clone())
                            .child(preview_title)
                            .child(Node::new("div").id(PREVIEW)),
                    ),
            );
        frame.into_parent(root);
        page
    }

    /// One listener on the page for all it handles: the chosen file, a file dropped anywhere
    /// on it, and the language switch.
    fn listen(&self, state: AppState, report: RwSignal<Option<Report>>) {
        let switch = self.switch.clone();
        let frame = self.main.parent_element();
        let on_event = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let files = match ev.type_().as_str() {
                "change" => ev
                    .target()
                    .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                    .and_then(|input| input.files()),
                "dragover" => {
                    ev.prevent_default();
                    return;
                }
                "drop" => {
                    ev.prevent_default();
                    ev.dyn_ref::<DragEvent>()
                        .and_then(|d| d.data_transfer())
                        .and_then(|d| d.files())
                }
                _ => {
                    let on_switch = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                        .is_some_and(|t| switch.contains(Some(&t)));
                    if on_switch {
                        state.lang.update(|l| *l = l.other());
                    }
                    return;
                }
            };
            if let Some(file) = files.and_then(|f| f.get(0)) {
                read_file(file, report);
            }
        });
        if let Some(frame) = frame {
            for event in ["change", "dragover", "drop", "click"] {
                let _ = frame
                    .add_event_listener_with_callback(event, on_event.as_ref().unchecked_ref());
            }
        }
        on_event.forget();
    }

    /// Writes the words in `lang`, the status and the lists for the file last chosen.
    fn draw(
        &self,
        report: Option<&Report>,
        published: Option<&Result<Arc<Dataset>, LoadError>>,
        lang: Lang,
    ) {
        let s = strings(lang);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document().set_title(&format!("{} — {}", s.check_title, s.app_title));
        keep_language_in_url(lang);
        if let Some(skip) = self
            .main
            .previous_element_sibling()
            .and_then(|h| h.previous_element_sibling())
        {
            skip.set_text_content(Some(s.skip_link));
        }
        for (element, text) in [
            (&self.back, s.check_back),
            (&self.title, s.check_title),
            (&self.switch, s.switch_lang),
            (&self.intro, s.check_intro),
            (&self.label, s.check_choose),
            (&self.drop_hint, s.check_drop),
            (&self.preview_title, s.check_preview_title),
        ] {
            element.set_text_content(Some(text));
        }
        let _ = self.switch.set_attribute("lang", lang.other().code());
        let _ = self.switch.set_attribute("aria-label", s.switch_lang_label);
        let state = match report {
            None => "empty",
            Some(Report::Unreadable { .. }) => "unreadable",
            Some(Report::Checked {
                outcome: Err(_), ..
            }) => "invalid",
            Some(Report::Checked { outcome: Ok(_), .. }) => "valid",
        };
        let _ = self.main.set_attribute("data-state", state);
        let _ = self
            .preview
            .toggle_attribute_with_force("hidden", state != "valid");
        draw(&self.status, &self.lists, report, published, lang);
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
                let checked = check_dataset_scanning(&bytes);
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

/// An element being built: text goes in as text nodes only.
struct Node(Element);

impl Node {
    fn new(tag: &str) -> Self {
        Node(document().create_element(tag).expect("an element"))
    }

    fn attr(self, name: &str, value: &str) -> Self {
        let _ = self.0.set_attribute(name, value);
        self
    }

    fn class(self, class: &str) -> Self {
        self.0.set_class_name(class);
        self
    }

    fn id(self, id: &str) -> Self {
        self.0.set_id(id);
        self
    }

    fn text(self, text: &str) -> Self {
        let _ = self.0.append_with_str_1(text);
        self
    }

    fn child(self, child: Node) -> Self {
        let _ = self.0.append_with_node_1(&child.0);
        self
    }

    /// `<tag class=…>text</tag>`.
    fn of(tag: &str, class: &str, text: &str) -> Self {
        Node::new(tag).class(class).text(text)
    }

    fn into_parent(self, parent: &Element) {
        let _ = parent.append_with_node_1(&self.0);
    }
}

/// Redraws the status (which file, its tally, whether it can be published) and the lists.
fn draw(
    status: &Element,
    lists: &Element,
    report: Option<&Report>,
    published: Option<&Result<Arc<Dataset>, LoadError>>,
    lang: Lang,
) {
    let s = strings(lang);
    status.replace_children_with_node_0();
    lists.replace_children_with_node_0();
    let Some(report) = report else { return };
    let (name, errors, warnings, verdict) = match report {
        Report::Unreadable { name, error } => {
            let verdict = fill(s.check_unreadable, std::slice::from_ref(error));
            (name, 1, 0, (verdict, false))
        }
        Report::Checked {
            name,
            outcome,
            warnings,
            ..
        } => {
            let errors = outcome.as_ref().err().map_or(0, |p| p.len());
            let verdict = match outcome {
                Ok(_) => s.check_valid.to_string(),
                Err(problems) if problems.len() == 1 && stops_reading(&problems[0].kind) => {
                    format!("{} {}", s.check_invalid, s.check_stops)
                }
                Err(_) => s.check_invalid.to_string(),
            };
            (name, errors, warnings.len(), (verdict, errors == 0))
        }
    };
    Node::of(
        "p",
        "check-summary",
        &fill(s.check_file, &[name.clone(), tally(s, errors, warnings)]),
    )
    .into_parent(status);
    let class = if verdict.1 {
        "check-verdict valid"
    } else {
        "check-verdict invalid"
    };
    Node::of("p", class, &verdict.0).into_parent(status);

    let Report::Checked {
        text,
        outcome,
        warnings,
        ..
    } = report
    else {
        return;
    };
    if let Err(problems) = outcome {
        problem_list(
            "check-problems",
            s.check_problems_title,
            None,
            problems,
            text,
            s,
        )
        .into_parent(lists);
    }
    if !warnings.is_empty() {
        let hint = Some(s.check_warnings_hint);
        problem_list(
            "check-warnings",
            s.check_warnings_title,
            hint,
            warnings,
            text,
            s,
        )
        .into_parent(lists);
    }
    if let Ok(ds) = outcome {
        changes(ds, published, lang).into_parent(lists);
    }
}

/// A heading and the problems (or warnings), each with its place, path, message and line.
fn problem_list(
    id: &str,
    title: &str,
    hint: Option<&str>,
    problems: &[Problem],
    text: &str,
    s: &Strings,
) -> Node {
    let heading = format!("{id}-title");
    let mut section = Node::new("section")
        .id(id)
        .class("panel check-list")
        .attr("aria-labelledby", &heading)
        .child(Node::new("h2").id(&heading).text(title));
    if let Some(hint) = hint {
        section = section.child(Node::of("p", "check-hint", hint));
    }
    let mut list = Node::new("ol");
    for p in problems {
        let path = if p.path == "." { s.whole_file } else { &p.path };
        let mut place = Node::new("p").class("check-place");
        let mut item = Node::new("li")
            .class("check-problem")
            .attr("data-kind", p.kind.key())
            .attr("data-path", &p.path);
        if let Some(pos) = p.pos {
            let (line, column) = (pos.line.to_string(), pos.column.to_string());
            item = item.attr("data-line", &line).attr("data-column", &column);
            place = place
                .child(Node::of(
                    "span",
                    "check-at",
                    &fill(s.check_at, &[line, column]),
                ))
                .text(" · ");
        }
        item = item
            .child(place.child(Node::of("code", "check-path", path)))
            .child(Node::of("p", "check-message", &p.kind.message(s)));
        if let Some(e) = p.pos.and_then(|pos| excerpt(text, pos)) {
            let at = if e.at.is_empty() { " " } else { &e.at };
            let code = Node::new("code")
                .text(&e.before)
                .child(Node::new("mark").text(at))
                .text(&e.after);
            let mut figure = Node::new("figure")
                .class("check-excerpt")
                .child(Node::new("figcaption").text(&fill(s.check_line, &[e.line.to_string()])));
            // The line before, dimmed: where a missing comma really is.
            if let Some(previous) = &e.previous {
                figure = figure.child(Node::of("pre", "check-previous", previous));
            }
            item = item.child(figure.child(Node::new("pre").child(code)));
        }
        list = list.child(item);
    }
    section.child(list)
}

/// What the file changes against the published dataset, by part of the file and record, each
/// record a table of its fields, before and after.
fn changes(ds: &Dataset, published: Option<&Result<Arc<Dataset>, LoadError>>, lang: Lang) -> Node {
    let s = strings(lang);
    let section = Node::new("section")
        .id("check-diff")
        .class("panel check-diff")
        .attr("aria-labelledby", "check-diff-title")
        .child(
            Node::new("h2")
                .id("check-diff-title")
                .text(s.check_diff_title),
        );
    let old = match published {
        // Still loading: redrawn when it is in.
        None => return section,
        Some(Err(_)) => return section.child(Node::of("p", "check-hint", s.check_diff_failed)),
        Some(Ok(old)) => old,
    };
    let changes = diff(old, ds);
    let t = ReferenceTypography { lang };
    let intro = if changes.is_empty() {
        s.check_no_changes.to_string()
    } else {
        let count = counted(&t, &s.check_changes, changes.len() as f64);
        fill(s.check_diff_intro, &[t.date(&old.meta.updated), count])
    };
    let mut section = section.child(Node::of("p", "check-hint", &intro));
    let mut last = None;
    for r in &changes {
        if last != Some(r.section) {
            last = Some(r.section);
            section = section.child(Node::new("h3").text(s.check_sections.of(r.section.key())));
        }
        section = section.child(record(r, s, s.check_kinds.of(r.kind.key())));
    }
    section
}

/// One changed record: a table of its fields (an added one has no "before", a removed one no
/// "after").
fn record(r: &RecordChange, s: &Strings, kind: &str) -> Node {
    let before = r.kind != ChangeKind::Added;
    let after = r.kind != ChangeKind::Removed;
    let mut head = Node::new("tr").child(Node::new("th").attr("scope", "col").text(s.check_field));
    if before {
        head = head.child(Node::new("th").attr("scope", "col").text(s.check_old));
    }
    if after {
        head = head.child(Node::new("th").attr("scope", "col").text(s.check_new));
    }
    let cell = |value: &Option<String>| match value {
        Some(v) => Node::new("td").text(v),
        None => Node::of("td", "check-absent", "—"),
    };
    let mut body = Node::new("tbody");
    for f in &r.fields {
        let mut row = Node::new("tr").child(
            Node::new("th")
                .attr("scope", "row")
                .child(Node::new("code").text(&f.field)),
        );
        if before {
            row = row.child(cell(&f.old));
        }
        if after {
            row = row.child(cell(&f.new));
        }
        body = body.child(row);
    }
    Node::new("table")
        .class(&format!("check-record {}", r.kind.key()))
        .attr("data-section", r.section.key())
        .attr("data-id", &r.id)
        .attr("data-change", r.kind.key())
        .child(
            Node::new("caption")
                .child(Node::new("code").text(&r.id))
                .text(&format!(" — {kind}")),
        )
        .child(Node::new("thead").child(head))
        .child(body)
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
