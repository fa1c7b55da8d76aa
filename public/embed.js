/* Perm Technoparks Explorer embed: each [data-technoparks-embed] div becomes a lazy iframe
 * that takes the height its own frame reports (see EMBEDDING.md). */
(function () {
  "use strict";
  var MIN = 240, MAX = 6000, START = 640;
  var frames = [];

  function build(div) {
    if (div.getAttribute("data-technoparks-ready")) return;
    var src;
    try { src = new URL(div.getAttribute("data-src") || "", document.baseURI); } catch (e) { return; }
    if (src.protocol !== "https:" && src.protocol !== "http:") return;
    var frame = document.createElement("iframe");
    frame.src = src.href;
    frame.title = div.getAttribute("data-title") || "Технопарки Перми";
    frame.loading = "lazy";
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.width = "100%";
    frame.height = String(START);
    frame.style.border = "0";
    frame.style.width = "100%";
    frame.style.minHeight = START + "px";
    frame.style.display = "block";
    div.appendChild(frame);
    div.setAttribute("data-technoparks-ready", "1");
    frames.push({ frame: frame, origin: src.origin });
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "technoparks:height") return;
    if (typeof data.height !== "number" || !isFinite(data.height)) return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (event.source !== f.frame.contentWindow || event.origin !== f.origin) continue;
      var h = Math.round(Math.min(MAX, Math.max(MIN, data.height)));
      f.frame.height = String(h);
      f.frame.style.minHeight = h + "px";
    }
  });

  function scan() {
    var divs = document.querySelectorAll("[data-technoparks-embed]");
    for (var i = 0; i < divs.length; i++) build(divs[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
