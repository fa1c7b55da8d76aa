//! The Leptos view layer: components read state, call the core, render. Browser only.

mod chart_view;
mod check;
mod compare;
mod dom;
mod downloads;
mod embed;
mod lifecycle;
mod link_notice;
mod load;
mod near_viewport;
mod state;
mod status;
mod takeover;

use load::Loaded;
pub use load::{LoadError, DATA_URL};
pub use state::{provide_app_state, use_app_state, AppState};

use leptos::prelude::*;
use std::sync::Arc;

use crate::contract::{
    APP_ROOT, CHECK_PAGE, CHECK_ROOT, FIRST_VIEW_ROOT, FIRST_VIEW_UPDATED, LIFECYCLE, MAIN,
    TIMELINE,
};
use crate::format::{ReferenceTypography, Typography as _};
use crate::i18n::strings;
use crate::model::problem::fill;
use crate::model::{Dataset, PartialDate};
use crate::static_page::table_file;
use crate::steps::{DrawingSteps, CARDS_STEP, METRIC_VIEW_STEP, TIMELINE_STEP};
use crate::view::{
    shown_years, EventsDrawn, ShareMenu, SiteHeader, Sources, Timeline, Unknowns, ViPanel,
    TIMELINE_PAGE,
};
use compare::Compare;
use downloads::CopyLink;
use embed::{report_height_when_framed, EmbedDialog, OpenFull};
use lifecycle::Lifecycle;
use link_notice::LinkNotice;
use near_viewport::NearViewport;
use status::{LoadErrorView, Loading, StoppedNote};

/// Mounts the page this document is: the editors' check page where the build wrote its root
/// (`check.html`), else the explorer. In the task after the one that compiled the WASM, so the
/// two do not make one long task.
pub fn start() {
    use wasm_bindgen::JsCast;
    // wasm-bindgen's executor: Leptos' is set up by the mount below.
    wasm_bindgen_futures::spawn_local(async {
        dom::next_task().await;
        match document()
            .get_element_by_id(CHECK_ROOT)
            .and_then(|root| root.dyn_into().ok())
        {
            Some(root) => check::start(root),
            None => leptos::mount::mount_to_body(App),
        }
    });
}

/// The explorer. The start-up's first task (the mount) asks for the dataset and nothing else:
/// the page, unseen until the take-over, is drawn from the next task on, so that neither task
/// holds the main thread long (bench/LOG.md, stops 38, 42 and 43).
#[component]
pub fn App() -> impl IntoView {
    let data = Loaded::start();
    let page = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        dom::next_task().await;
        page.set(true);
    });
    move || page.get().then(|| view! { <Page data/> })
}

/// The whole explorer: header, the loaded views (or loading / error), footer.
#[component]
fn Page(data: Loaded) -> impl IntoView {
    let (state, set_aside) = provide_app_state();
    // The date of the dataset the first view was built from, read before the take-over.
    let built_from = document()
        .get_element_by_id(FIRST_VIEW_ROOT)
        .and_then(|copy| copy.get_attribute(FIRST_VIEW_UPDATED));
    // index.html shows a first view drawn at build time (src/prerender.rs), its metric select,
    // table switch and visually-impaired mode already working. The app follows them, lays
    // itself out unseen on top of the copy (style.css) and, once the data is in (or has
    // failed), takes its place: one frame, nothing moves, the focus stays on its control.
    takeover::follow_prerendered_controls(state.metric, state.table, state.vi);
    let drawn = ExplorerDrawn::provide();
    // Unseen until the take-over, this task draws the app's root alone: its frame (the skip
    // links and the main region), and then the header and the footer, follow in tasks of
    // their own, so that none holds the main thread long (bench/LOG.md, stops 38 and 42).
    let frame = RwSignal::new(false);
    let shell = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        dom::next_task().await;
        frame.set(true);
        dom::next_task().await;
        shell.set(true);
    });
    // Ready once the shell and the explorer are drawn whole (or the load has failed): then, and
    // not before, the app takes the first view's place.
    let ready = move || match (shell.get(), data.get()) {
        (false, _) | (_, None) => None,
        (true, Some(Err(_))) => Some(false),
        (true, Some(Ok(_))) => drawn.get().then_some(true),
    };
    let near_viewport = NearViewport::new(state);
    // The main region says it is ready (or failed) once the app has taken the first view's place.
    let taken_over = RwSignal::new(false);
    Effect::new(move |_| {
        if ready().is_some() {
            near_viewport.show(move || {
                takeover::take_over();
                taken_over.set(true);
            });
        }
    });
    dom::close_menus_as_menus_do();
    let s = move || strings(state.lang.get());
    let embed = move || state.display.get().embed;
    if embed() {
        report_height_when_framed();
    }

    view! {
        <div id=APP_ROOT class=move || {
            let lazy = near_viewport.class();
            format!("{} {}{lazy}", state.display.get().classes(), state.vi.get().classes())
        }>
            {move || frame.get().then(|| view! {
                <a class="skip-link" href=format!("#{MAIN}")>{move || s().skip_link}</a>
                // Past the comparison (and its chart's keyboard stops) to the two other views.
                <a class="skip-link" href=format!("#{TIMELINE}")>{move || s().skip_to_timeline}</a>
                <a class="skip-link" href=format!("#{LIFECYCLE}")>{move || s().skip_to_lifecycle}</a>
            })}
            <StoppedNote/>
            {move || shell.get().then(|| view! {
                <SiteHeader>
                    {move || (!embed()).then(|| view! {
                        <ShareMenu>
                            <CopyLink chart=true/>
                            <CopyLink/>
                            <EmbedDialog/>
                        </ShareMenu>
                    })}
                </SiteHeader>
                <ViPanel/>
            })}
            {move || frame.get().then(|| {
                let built_from = built_from.clone();
                view! {
                    <main
                        id=MAIN
                        tabindex="-1"
                        data-state=move || match taken_over.get().then(ready).flatten() {
                            None => "loading",
                            Some(false) => "error",
                            Some(true) => "ready",
                        }
                    >
                        // A dataset published without a rebuild: the app's view replaces the first
                        // view's numbers, and says so.
                        {move || {
                            let built = built_from.clone()?;
                            let ds = data.get()?.ok()?;
                            let served = ds.meta.updated.to_string();
                            (served != built).then(|| {
                                let t = ReferenceTypography { lang: state.lang.get() };
                                let date = |iso: &str| {
                                    PartialDate::parse(iso).map_or(iso.to_string(), |d| t.date(&d))
                                };
                                let text = fill(s().data_newer, &[date(&built), date(&served)]);
                                view! { <p id="data-newer" class="inferred" role="status">{text}</p> }
                            })
                        }}
                        {move || data.get().and_then(Result::ok).map(|ds| view! { <LinkNotice state ds set_aside/> })}
                        {move || match data.get() {
                            None => view! { <Loading/> }.into_any(),
                            Some(Err(error)) => {
                                view! { <LoadErrorView error retry=move || data.retry()/> }.into_any()
                            }
                            Some(Ok(ds)) => explorer(ds),
                        }}
                    </main>
                }
            })}
            {move || shell.get().then(|| view! {
                <footer class="site-footer">
                    <p>{move || s().footer}</p>
                    {move || embed().then(|| view! { <OpenFull/> })}
                    // Every value, event and source as a plain table page, written at build time
                    // (`static_page`), in the reader's language.
                    <p>
                        <a class="table-page" href=move || table_file(state.lang.get())>{move || s().full_table}</a>
                    </p>
                    {move || (!embed()).then(|| view! { <p><a href=CHECK_PAGE>{s().check_link}</a></p> })}
                    // On paper, the link to exactly this view.
                    <p class="print-url">
                        {move || {
                            let location = window().location();
                            format!(
                                "{}{}{}",
                                location.origin().unwrap_or_default(),
                                location.pathname().unwrap_or_default(),
                                state::current_url_state(&state).to_query()
                            )
                        }}
                    </p>
                </footer>
            })}
        </div>
    }
}

/// The loaded explorer, as the app and the check page's preview (`check`) both draw it: one
/// call, so the WASM holds its drawing once.
fn explorer(ds: Arc<Dataset>) -> AnyView {
    view! { <Explorer ds/> }.into_any()
}

/// Whether the explorer is drawn whole: what the page's `App` waits for before it takes the
/// first view's place. Where nobody waits (the check page's preview), nobody provides it.
#[derive(Clone, Copy)]
struct ExplorerDrawn(RwSignal<bool>);

impl ExplorerDrawn {
    fn provide() -> RwSignal<bool> {
        let drawn = RwSignal::new(false);
        provide_context(Self(drawn));
        drawn
    }
}

/// Whether the explorer is being drawn unseen, before it takes the first view's place.
fn drawing_unseen() -> bool {
    use_context::<ExplorerDrawn>().is_some_and(|ExplorerDrawn(drawn)| !drawn.get_untracked())
}

/// The loaded explorer: comparison beside the timeline, sources below.
#[component]
fn Explorer(ds: Arc<Dataset>) -> impl IntoView {
    let steps = DrawingSteps::new(ds.events.len(), TIMELINE_PAGE);
    let step = RwSignal::new(0_usize);
    provide_context(EventsDrawn(Signal::derive(move || {
        steps.events_at(step.get())
    })));
    // Whether step `n` has come: a memo, so that what waits for it is drawn once, not again at
    // every later step.
    let from = move |n: usize| Memo::new(move |_| step.get() >= n);
    let (metric_view, cards) = (from(METRIC_VIEW_STEP), from(CARDS_STEP));
    let timeline_on = from(TIMELINE_STEP);
    let (lifecycle_on, rest_on) = (from(steps.lifecycle()), from(steps.last()));
    scroll_selected_event_into_view(use_app_state(), lifecycle_on);
    let whole = use_context::<ExplorerDrawn>();
    Effect::new(move |_| {
        let now = step.get();
        if now < steps.last() {
            leptos::task::spawn_local(async move {
                dom::next_task().await;
                step.set(now + 1);
            });
        } else if let Some(ExplorerDrawn(drawn)) = whole {
            // Drawn whole once the charts are: each is drawn in the task after a frame
            // (`dom::measured_width`), and this comes after the same frame or a later one.
            dom::after_next_frame(Box::new(move || drawn.set(true)));
        }
    });
    let years = shown_years(ds.clone());
    let (timeline, lifecycle, rest) = (ds.clone(), ds.clone(), ds.clone());
    // Closures on memos rather than `Show`s: the same drawing, and the app's five `Show`s were
    // 4.1 KB of WASM brotli (bench/LOG.md, stop 38).
    view! {
        <div class="explorer">
            <Compare ds view_drawn=metric_view.into() cards_drawn=cards.into()/>
            {move || timeline_on.get().then(|| view! { <Timeline ds=timeline.clone() years/> })}
        </div>
        {move || lifecycle_on.get().then(|| view! { <Lifecycle ds=lifecycle.clone() years/> })}
        {move || rest_on.get().then(|| view! {
            <Unknowns ds=rest.clone()/>
            <Sources ds=rest.clone()/>
        })}
    }
}

/// A selected event comes into view in the timeline's list (also when the page opens on its
/// link), once the list holds it (`drawn`: the timeline is). Only as far as it needs to
/// (`block: "nearest"`): a title the reader clicked, in view, stays where it is.
fn scroll_selected_event_into_view(state: AppState, drawn: Memo<bool>) {
    Effect::new(move |_| {
        if !drawn.get() {
            return;
        }
        if let Some(id) = state.event.get() {
            let _ = state.filter.get();
            request_animation_frame(move || {
                if let Some(el) = document().get_element_by_id(&format!("event-{id}")) {
                    dom::scroll_into_view_nearest(&el);
                }
            });
        }
    });
}
