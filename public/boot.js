// Starts the app. An external module (not Trunk's inline script) so that a strict
// Content-Security-Policy — script-src 'self' 'wasm-unsafe-eval' — allows it.
//
// index.html holds the first view drawn at build time (#prerender: the default language, every
// metric, its select working without script); it needs only the page and its stylesheet.
// embed.html holds the embed's (for `?embed=1`). The app (JS, WASM, dataset; preloaded by the
// page's head) replaces it once its data is in. A link to another view (a query other than the
// one the copy was drawn for, data-query, the page's own language aside) would first show the
// wrong view, so the prerender goes at once and the app's own loading state shows instead. A
// visually-impaired mode kept from an earlier visit, or asked for by the host page (a11y=1),
// is set on the copy's own switch and settings (which work with no script; the app reads them
// when it starts, ui::takeover). This module runs once the page is parsed and its stylesheet
// is in, which on a slow phone can be a frame after the first paint: that frame shows the
// usual look, as it showed the copy before.
// Where the WASM cannot start (no WebAssembly, a blocked or broken download), the summary
// written at build time is revealed and the prerender's inert controls are hidden (those that
// work with no script stay: the visually-impaired mode, the select, the table switch, the
// download links).
const tag = document.querySelector("script[data-js][data-wasm]");
const prerender = document.getElementById("prerender");
const storedVi = (() => {
  try {
    return localStorage.getItem("technoparks.vi") ?? "";
  } catch {
    return ""; // storage refused (some embeds)
  }
})();
const query = new URLSearchParams(location.search);
if (query.get("lang") === document.documentElement.lang) query.delete("lang");
// A host's visually-impaired mode (a11y=1, url::Display) is one the copy shows itself.
const hostVi = query.get("a11y") === "1";
query.delete("a11y");
const drawnFor = prerender?.dataset.query ?? "";
if (query.toString() !== drawnFor) prerender?.remove();
// The kept mode, as vi::ViSettings::to_storage writes it: "on=1;size=200;scheme=wb;images=on";
// the host's turns it on with the sizes and colours kept (as ui::state::stored_vi does).
const kept = Object.fromEntries(storedVi.split(";").map((pair) => pair.split("=")));
if (prerender?.isConnected && (kept.on === "1" || hostVi)) {
  const check = (id) => {
    const input = document.getElementById(id);
    if (input) input.checked = true;
  };
  check("pre-vi");
  check(`pre-vi-size-${kept.size}`);
  check(`pre-vi-scheme-${kept.scheme}`);
  if (kept.images === "off") check("pre-vi-images");
}

try {
  if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available");
  const { default: init } = await import(tag.dataset.js);
  await init({ module_or_path: tag.dataset.wasm });
} catch (error) {
  if (prerender) {
    if (!prerender.isConnected) document.body.prepend(prerender);
    prerender.querySelector("#fallback").hidden = false;
    prerender.classList.add("app-failed");
  }
  console.error("The explorer could not start:", error);
}
