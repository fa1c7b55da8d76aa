// Starts the app. An external module (not Trunk's inline script) so that a strict
// Content-Security-Policy — script-src 'self' 'wasm-unsafe-eval' — allows it.
//
// index.html holds the first view drawn at build time (the default language, every
// metric, its select working without script); it needs only the page and its stylesheet.
// embed.html holds the embed's (for `?embed=1`). The app (JS, WASM, dataset) replaces it once
// its data is in; it is requested only once the copy is painted, so that nothing competes with
// the page's own bytes (the head preloads nothing: Trunk.toml). A link to another view (a query other than the
// one the copy was drawn for, data-query, the page's own language aside) would first show the
// wrong view, so the prerender goes at once and the app's own loading state shows instead. A
// visually-impaired mode kept from an earlier visit, or asked for by the host page (a11y=1),
// is set on the copy's own switch and settings (which work with no script; the app reads them
// when it starts, ui::takeover). This module runs once the page is parsed and its stylesheet
// is in, which on a slow phone can be a frame after the first paint: that frame shows the
// usual look, as it showed the copy before.
// With no copy to show (dropped above, or a development build), or a page that is not shown,
// there is no paint to wait for and the app starts at once.
// Where the WASM cannot start (no WebAssembly, a blocked or broken download), the summary
// written at build time is revealed and the prerender's inert controls are hidden (those that
// work with no script stay: the visually-impaired mode, the select, the table switch, the
// download links). Where it stops later on an error of its own, its note says so.
// Every name shared with the build is read from the attributes it writes on the copy's root
// (src/prerender.rs, src/contract.rs) and on its visually-impaired controls (data-vi: the
// choice each stands for, as vi::ViSettings stores it), not written here again.
// The app's two files, beside this module, carry a hash in their names that changes with every
// build of the app. The build writes the names here (Trunk.toml's post_build hook), not into the
// page, so that the page's bytes change only with what the page shows.
const app = { js: "@js@", wasm: "@wasm@" };
const beside = (file) => new URL(file, import.meta.url).href;
const prerender = document.querySelector("[data-query][data-vi-key]");
const drawn = prerender?.dataset ?? {};
// The app's note for a trap, named on the first view's root or on the check page's.
const stoppedNote = document.querySelector("[data-stopped]")?.dataset.stopped;
const storedVi = (() => {
  try {
    return (drawn.viKey && localStorage.getItem(drawn.viKey)) ?? "";
  } catch {
    return ""; // storage refused (some embeds)
  }
})();
const pairs = location.search.slice(1).split("&").filter(Boolean);
// The page's own language and a host's visually-impaired mode (the copy shows it itself) aside.
const hostVi = pairs.includes(drawn.hostVi);
const asked = pairs.filter((pair) => pair !== drawn.ownLang && pair !== drawn.hostVi).join("&");
if (asked !== (drawn.query ?? "")) prerender?.remove();
// A kept mode, or the host's (the sizes and colours kept, as ui::state::stored_vi does).
const kept = new Set(storedVi.split(";"));
if (prerender?.isConnected) {
  const controls = [...prerender.querySelectorAll("input[data-vi]")];
  const on = controls.find((input) => input.classList.contains("vi-switch"));
  if (on && (kept.has(on.dataset.vi) || hostVi)) {
    on.checked = true;
    for (const input of controls) if (kept.has(input.dataset.vi)) input.checked = true;
  }
}

// Resolves once the copy has been painted: its first contentful paint is reported after the
// frame is presented. A browser without paint timing, or a frame that never paints (an embed
// scrolled far out of view), starts the app after a while all the same.
const painted = () =>
  new Promise((resolve) => {
    const shown = prerender?.isConnected && document.visibilityState === "visible";
    const timed = globalThis.PerformanceObserver?.supportedEntryTypes?.includes("paint");
    if (!shown || !timed) return resolve();
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName("first-contentful-paint").length === 0) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: "paint", buffered: true });
    setTimeout(resolve, 3000);
  });

// The app cannot start: the copy stays (or comes back), with its summary and without the
// controls that only the app would bring to life.
const failed = (error) => {
  if (prerender) {
    if (!prerender.isConnected) document.body.prepend(prerender);
    prerender.querySelector(`#${drawn.fallback}`).hidden = false;
    prerender.classList.add(drawn.failedClass);
  }
  console.error("The explorer could not start:", error);
};

// A trap stops the app for good: an error in its own code (in the release build a panic
// aborts at once, without a message). Once the app is shown, its note says so in the reader's
// language and offers a reload (the explorer's view is in the address; on the check page the
// file has to be chosen again); before that, the copy stays with its summary. Errors of other
// kinds (a browser API refusing) are the app's own to report.
const stopped = (error) => {
  if (!(error instanceof WebAssembly.RuntimeError)) return;
  const note = !prerender?.isConnected && stoppedNote && document.getElementById(stoppedNote);
  if (!note) return failed(error);
  if (!note.hidden) return; // shown already
  note.hidden = false;
  const reload = note.querySelector("button");
  reload.addEventListener("click", () => location.reload());
  reload.focus(); // nothing else on the page works now
  console.error("The explorer stopped:", error);
};
addEventListener("error", (event) => stopped(event.error));
addEventListener("unhandledrejection", (event) => stopped(event.reason));

try {
  if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available");
  await painted();
  // The dataset downloads beside the WASM; the app's own request for it is answered by this.
  if (drawn.dataset) {
    const preload = Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", href: drawn.dataset });
    preload.crossOrigin = "anonymous";
    document.head.append(preload);
  }
  // The WASM is requested beside its JS glue, not after it, and compiled as it streams in.
  const wasm = fetch(beside(app.wasm));
  wasm.catch(() => {}); // a failed request is reported where init awaits it
  const { default: init } = await import(beside(app.js));
  await init({ module_or_path: wasm });
} catch (error) {
  failed(error);
}
