// Starts the app. An external module (not Trunk's inline script) so that a strict
// Content-Security-Policy — script-src 'self' 'wasm-unsafe-eval' — allows it. Where the
// WASM cannot start (no WebAssembly, a blocked or broken download), the static summary
// written at build time is shown instead of an empty page.
const tag = document.querySelector("script[data-js][data-wasm]");
try {
  if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available");
  const { default: init } = await import(tag.dataset.js);
  await init({ module_or_path: tag.dataset.wasm });
  // The app is up: the static stand-in is not needed (and its heading must not double the app's).
  document.getElementById("fallback")?.remove();
} catch (error) {
  const fallback = document.getElementById("fallback");
  if (fallback) fallback.hidden = false;
  console.error("The explorer could not start:", error);
}
