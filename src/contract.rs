//! The names that the build, the app, `public/boot.js` and `style.css` share: ids, the
//! first view's prefix, data attributes and the storage key. Each is written here once; the
//! build writes what `boot.js` needs into the page as attributes (`data-*` on the first view's
//! root), and the rules that mirror constants are written by the build into a stylesheet.

/// Where the build puts a page's own content in the built `index.html`, before the mark, which
/// stays (`index.html` holds it; `Trunk.toml`'s development hook finds it with `sed`, which a
/// test of `check` reads).
pub const FIRST_VIEW_MARK: &str = "<template id=first-view></template>";

/// The first view's root element (`prerender::first_view`); `boot.js` finds it by this id.
pub const FIRST_VIEW_ROOT: &str = "prerender";

/// The first view's id prefix, as a literal for `concat!` (`FIRST_VIEW_ID_PREFIX`).
macro_rules! first_view_prefix {
    () => {
        "pre-"
    };
}

/// The visually-impaired mode's name in ids, as a literal for `concat!` (`VI`).
macro_rules! vi_name {
    () => {
        "vi"
    };
}

/// The prefix of every id in the first view. It shares the document with the app until the
/// take-over, so where the app's element is `x`, the first view's is `pre-x`
/// (`view::PageCopy::id`), and the take-over finds an element's counterpart by dropping it.
pub const FIRST_VIEW_ID_PREFIX: &str = first_view_prefix!();
/// A selector for those of the first view's elements that have such an id.
pub const FIRST_VIEW_ID_SELECTOR: &str = concat!("[id^=\"", first_view_prefix!(), "\"]");

/// The visually-impaired mode's switch (`view::ViSwitch`); its settings are `vi-size-{key}`,
/// `vi-scheme-{key}` (radios named `vi-size`, `vi-scheme`) and `vi-images`.
pub const VI: &str = vi_name!();

/// The comparison's panel (`view::ComparePanel`).
pub const COMPARE: &str = "compare";

/// The comparison's chart/table switch: two radios before the metric's view (every drawn
/// metric's, in the first view), each with a `<label>` drawn as a tab in every view's toolbar,
/// so the choice holds across metrics and works with no script.
pub const VIEW_CHART: &str = "view-chart";
pub const VIEW_TABLE: &str = "view-table";

/// The first view's visually-impaired mode switch (`VI` in the first view); `style.css` gives
/// the copy the mode's look while it is checked, and `boot.js` checks it for a kept mode.
pub const VI_SWITCH: &str = concat!(first_view_prefix!(), vi_name!());

/// Where the visually-impaired mode's choice is kept between visits (`vi::ViSettings`'s
/// storage string); the build writes it on the first view's root for `boot.js`
/// (`data-vi-key`).
pub const VI_STORAGE_KEY: &str = "technoparks.vi";

/// The comparison's metric select (the first view's is `pre-metric-select`).
pub const METRIC_SELECT: &str = "metric-select";

/// The stylesheet the build writes beside the page: the first view's rules that follow its own
/// numbers (`prerender::first_view_css`), linked from the page's head.
pub const FIRST_VIEW_CSS: &str = "first-view.css";

/// The header's button that opens the embed dialog (not in an embed).
pub const EMBED_OPEN: &str = "embed-open";

/// The Share menu's button that copies the link to this chart: the metric and the chart or
/// table, not the timeline's filters or selected event (not in an embed).
pub const COPY_CHART_LINK: &str = "copy-chart-link";

/// The Share menu's button that copies the link to this view, filters and event included.
pub const COPY_LINK: &str = "copy-link";

/// The no-script summary in the first view that `boot.js` reveals when the app cannot start.
pub const FALLBACK: &str = "fallback";

/// The first view's class once `boot.js` knows the app cannot start: `style.css` hides what
/// only the app would bring to life.
pub const APP_FAILED: &str = "app-failed";

/// The app's note, hidden, that `boot.js` reveals if the app stops on an error of its own (a
/// trap: in the release build a panic aborts at once, with no message). The first view's
/// root and the check page's name it (`data-stopped`) for `boot.js`.
pub const APP_STOPPED: &str = "app-stopped";

/// The app's root element.
pub const APP_ROOT: &str = "app";

/// The timeline's section (`view::Timeline`) and the lifecycle chart's (`view::LifecycleFrame`):
/// the skip links' targets.
pub const TIMELINE: &str = "timeline";
pub const LIFECYCLE: &str = "lifecycle";

/// The app's main region, where the focus goes when the copy's control has no counterpart.
pub const MAIN: &str = "main";

/// The id the first view gives the element that the app calls `name`.
pub fn first_view_id(name: &str) -> String {
    format!("{FIRST_VIEW_ID_PREFIX}{name}")
}

/// The first view's root attribute holding the `meta.updated` of the dataset it was built
/// from: when the served dataset says otherwise, the app says so as it takes the copy's place
/// (`ui::App`), so that two different numbers are never shown one after the other without a
/// word.
pub const FIRST_VIEW_UPDATED: &str = "data-updated";

/// The editors' check page, written by the build beside `index.html` and linked from the
/// app's footer.
pub const CHECK_PAGE: &str = "check.html";

/// The check page's root element: where the build writes it, the WASM mounts the check page
/// (`ui::check`) instead of the explorer. The development build's hook (`Trunk.toml`) writes
/// it too, as `<div id=check>`; a test holds the two together.
pub const CHECK_ROOT: &str = "check";

/// The check page's own stylesheet (`public/`), linked from `check.html` only: the explorer's
/// first view does not carry it.
pub const CHECK_CSS: &str = "check.css";
