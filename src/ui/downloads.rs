//! Taking the data away: every value and every event as CSV (also the `;` variant for Excel
//! in a Russian locale), the dataset as published, the chart as SVG or PNG; and a button that copies the
//! link to the current view. Files are made in the browser: a `Blob`, an object URL, a
//! temporary `<a download>` clicked, the URL revoked.

use std::sync::Arc;
use std::time::Duration;

use js_sys::{Array, Date, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement,
    HtmlImageElement, Url,
};

use super::embed::copy_to_clipboard;
use super::load::DATA_URL;
use super::state::{current_url_state, use_app_state};
use crate::chart::{render_svg, Comparison};
use crate::contract::{COPY_CHART_LINK, COPY_LINK};
use crate::export::{download_name, events_csv, standalone_svg, values_csv, Kind, Separator};
use crate::format::ReferenceTypography;
use crate::i18n::strings;
use crate::model::Dataset;
use crate::view::ActionButton;

/// The PNG is drawn at twice the chart's CSS size, sharp on high-density screens and in print.
const PNG_SCALE: f64 = 2.0;
/// How long an object URL outlives the click that started its download.
const REVOKE_AFTER: Duration = Duration::from_secs(30);
/// How long "link copied" is shown.
const COPIED_FOR: Duration = Duration::from_secs(4);

/// What the Download menu's items do in the app (`view::MetricView`): make the file afresh,
/// the chart as wide as shown and in the page's colours, in the reader's language, dated today.
pub fn download_runner(ds: Arc<Dataset>, comparison: Memo<Option<Comparison>>) -> Callback<Kind> {
    let state = use_app_state();
    Callback::new(move |kind: Kind| {
        let lang = state.lang.get_untracked();
        let date = today();
        match kind {
            Kind::Csv | Kind::CsvExcel | Kind::EventsCsv | Kind::EventsCsvExcel => {
                let t = ReferenceTypography { lang };
                let sep = if kind.for_excel() {
                    Separator::Semicolon
                } else {
                    Separator::Comma
                };
                let (text, name) = match kind {
                    Kind::EventsCsv => (events_csv(&ds, &t, sep), "events"),
                    Kind::EventsCsvExcel => (events_csv(&ds, &t, sep), "events-excel"),
                    Kind::CsvExcel => (values_csv(&ds, &t, sep), "values-excel"),
                    _ => (values_csv(&ds, &t, sep), "values"),
                };
                let name = download_name(name, lang, None, &date, "csv");
                save_bytes(text.as_bytes(), "text/csv;charset=utf-8", &name);
            }
            Kind::Json => click_link(DATA_URL, &download_name("data", lang, None, &date, "json")),
            Kind::Svg | Kind::Png => {
                let Some(c) = comparison.get_untracked() else {
                    return;
                };
                let Ok(svg) = render_svg(&c.chart) else {
                    return;
                };
                let svg = standalone_svg(&svg, &c.chart.alt, page_is_dark());
                let ext = if kind == Kind::Svg { "svg" } else { "png" };
                let name = download_name("chart", lang, Some(&c.metric.id), &date, ext);
                if kind == Kind::Svg {
                    save_bytes(svg.as_bytes(), "image/svg+xml;charset=utf-8", &name);
                } else {
                    save_png(&svg, c.chart.width.round(), c.chart.height.round(), name);
                }
            }
        }
    })
}

/// Copies the link to the current view (the URL is the state), or with `chart` to this chart
/// alone (the metric and the chart or table, not the timeline's filters or selected event), and
/// says so for a few seconds, or until the next click.
#[component]
pub fn CopyLink(#[prop(optional)] chart: bool) -> impl IntoView {
    let state = use_app_state();
    let s = move || strings(state.lang.get());
    let copied = RwSignal::new(false);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let copy = Callback::new(move |()| {
        let mut url = current_url_state(&state);
        if chart {
            url.filter = Default::default();
            url.event = None;
        }
        let location = window().location();
        let link = format!(
            "{}{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default(),
            url.to_query()
        );
        // On a phone the chart's link goes to the system's share sheet (messengers, mail),
        // where there is one; it says what it did itself.
        if chart && share_sheet(s().app_title, &link) {
            return;
        }
        copy_to_clipboard(&link);
        if let Some(previous) = timer.try_get_value().flatten() {
            previous.clear();
        }
        copied.set(true);
        let handle = set_timeout_with_handle(
            move || {
                copied.try_set(false);
            },
            COPIED_FOR,
        );
        timer.set_value(handle.ok());
    });
    on_cleanup(move || {
        if let Some(handle) = timer.try_get_value().flatten() {
            handle.clear();
        }
    });
    view! {
        <ActionButton
            id=if chart { COPY_CHART_LINK } else { COPY_LINK }
            label=Signal::derive(move || {
                match (copied.get(), chart) {
                    (true, _) => s().link_copied,
                    (false, true) => s().copy_chart_link,
                    (false, false) => s().copy_link,
                }
                .to_string()
            })
            title=Signal::derive(move || {
                if chart { s().copy_chart_link_hint } else { s().copy_link_hint }.to_string()
            })
            on_click=copy
        />
        <span class="visually-hidden" role="status">
            {move || copied.get().then(|| s().link_copied)}
        </span>
    }
}

/// Hands `url` and `title` to `navigator.share` where the browser has it and the pointer is
/// coarse (a phone or tablet: a desktop's share dialog is less use than the clipboard);
/// `false` where it did not, so the caller copies instead. Feature-detected through
/// `Reflect`: no `web_sys` feature, and a browser without the API is not an error.
fn share_sheet(title: &str, url: &str) -> bool {
    let navigator = window().navigator();
    let Ok(share) = js_sys::Reflect::get(&navigator, &"share".into()) else {
        return false;
    };
    let Some(share) = share.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    let coarse = window()
        .match_media("(pointer: coarse)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    if !coarse {
        return false;
    }
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    // A promise: the reader may dismiss the sheet (AbortError), which needs no answer.
    match share.call1(&navigator, &data) {
        Ok(promise) => {
            if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
                let _ = promise.catch(&ignore);
                // One small closure per share, kept for the promise that may call it.
                ignore.forget();
            }
            true
        }
        Err(_) => false,
    }
}

/// Today in the reader's time zone, `yyyy-mm-dd`.
fn today() -> String {
    let now = Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Whether the page is shown dark: forced by the URL or the visually-impaired scheme, else
/// the system's preference.
fn page_is_dark() -> bool {
    let classes = document()
        .get_element_by_id("app")
        .and_then(|el| el.get_attribute("class"))
        .unwrap_or_default();
    let has = |class: &str| classes.split_whitespace().any(|c| c == class);
    if has("a11y") {
        return has("vi-scheme-wb");
    }
    if has("theme-dark") || has("theme-light") {
        return has("theme-dark");
    }
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// Bytes as a `Blob` of the given type.
fn blob(bytes: &[u8], mime: &str) -> Option<Blob> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = Array::of1(&Uint8Array::from(bytes));
    Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()
}

/// Saves bytes as a file.
fn save_bytes(bytes: &[u8], mime: &str, name: &str) {
    if let Some(b) = blob(bytes, mime) {
        save_blob(&b, name);
    }
}

/// Saves a `Blob` as a file through an object URL, revoked once the download has started.
fn save_blob(b: &Blob, name: &str) {
    let Ok(url) = Url::create_object_url_with_blob(b) else {
        return;
    };
    click_link(&url, name);
    set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        REVOKE_AFTER,
    );
}

/// Clicks a temporary `<a href download>`: the browser saves what it points to.
fn click_link(href: &str, name: &str) {
    let Ok(el) = document().create_element("a") else {
        return;
    };
    let Ok(a) = el.dyn_into::<HtmlAnchorElement>() else {
        return;
    };
    a.set_href(href);
    a.set_download(name);
    if let Some(body) = document().body() {
        let _ = body.append_child(&a);
        a.click();
        a.remove();
    }
}

/// Draws the standalone SVG onto a canvas at [`PNG_SCALE`] and saves it as PNG.
fn save_png(svg: &str, width: f64, height: f64, name: String) {
    let Some(b) = blob(svg.as_bytes(), "image/svg+xml;charset=utf-8") else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(&b) else {
        return;
    };
    let Ok(image) = HtmlImageElement::new() else {
        let _ = Url::revoke_object_url(&url);
        return;
    };
    let (loaded, url_loaded) = (image.clone(), url.clone());
    let on_load = Closure::once_into_js(move || {
        draw_png(&loaded, width, height, name);
        let _ = Url::revoke_object_url(&url_loaded);
    });
    let url_failed = url.clone();
    let on_error = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url_failed);
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_onerror(Some(on_error.unchecked_ref()));
    image.set_src(&url);
}

fn draw_png(image: &HtmlImageElement, width: f64, height: f64, name: String) {
    let Some(canvas) = document()
        .create_element("canvas")
        .ok()
        .and_then(|el| el.dyn_into::<HtmlCanvasElement>().ok())
    else {
        return;
    };
    canvas.set_width((width * PNG_SCALE) as u32);
    canvas.set_height((height * PNG_SCALE) as u32);
    let Some(context) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let _ = context.scale(PNG_SCALE, PNG_SCALE);
    if context
        .draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, width, height)
        .is_err()
    {
        return;
    }
    let on_blob = Closure::once_into_js(move |png: JsValue| {
        if let Ok(png) = png.dyn_into::<Blob>() {
            save_blob(&png, &name);
        }
    });
    let _ = canvas.to_blob(on_blob.unchecked_ref());
}
