// Starts the app. An external module (not Trunk's inline script) so that a strict
// Content-Security-Policy — script-src 'self' 'wasm-unsafe-eval' — allows it.
//
// index.html holds the first view drawn at build time (#prerender: the default language, every
// metric, its select working without script). It downloads only the page and its stylesheet;
// the app (JS, WASM, dataset) is asked for here, when the first view is up, all three at once
// (preloads), and replaces the copy once its data is in. A link to another view (any query) or
// a visually-impaired mode kept from an earlier visit would first show the wrong view, so the
// prerender goes at once and the app's own loading state shows instead.
// Where the WASM cannot start (no WebAssembly, a blocked or broken download), the summary
// written at build time is revealed and the prerender's inert controls are hidden.
const tag = document.querySelector("script[data-js][data-wasm][data-data]");
const prerender = document.getElementById("prerender");
const storedVi = (() => {
  try {
    return localStorage.getItem("technoparks.vi") ?? "";
  } catch {
    return ""; // storage refused (some embeds)
  }
})();
if (location.search.length > 1 || storedVi.split(";").includes("on=1")) prerender?.remove();

/** `<link rel=…>` in the head: the fetches the app makes (same mode) find these responses. */
const preload = (rel, href, as, type) => {
  const link = Object.assign(document.createElement("link"), { rel, href, crossOrigin: "anonymous" });
  if (as) link.as = as;
  if (type) link.type = type;
  document.head.append(link);
};
try {
  if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available");
  preload("modulepreload", tag.dataset.js);
  preload("preload", tag.dataset.wasm, "fetch", "application/wasm");
  preload("preload", tag.dataset.data, "fetch");
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
