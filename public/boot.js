// Starts the app. An external module (not Trunk's inline script) so that a strict
// Content-Security-Policy — script-src 'self' 'wasm-unsafe-eval' — allows it.
const tag = document.querySelector("script[data-js][data-wasm]");
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });
