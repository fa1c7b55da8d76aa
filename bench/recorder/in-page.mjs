// What runs inside the measured pages: the init script that records, from before the first
// byte of HTML, when the first chart is painted, when a control responds and when the page is
// interactive (with long tasks, LCP and layout shifts); and one interaction, timed from just
// before the DOM event to the frame after the DOM shows its result. Playwright serialises these
// functions into the page: they use nothing from this module's scope.

/**
 * Each moment is "the selector matches" (checked on every DOM mutation and every frame), then
 * the next frame, then a MessageChannel task, which runs once that frame has been painted; its
 * performance.now() is the time, and the binding named `cfg.reached`, when there is one, is
 * called with the moment's name. cfg: { chart, controls, interactive } (selectors), reached.
 */
export function initScript(cfg) {
  const B = (window.__bench = {
    chart: null,
    chartSeen: null,
    chartFrame: null,
    controls: null,
    controlsSeen: null,
    interactive: null,
    interactiveSeen: null,
    longtasks: [],
    lcp: null,
    cls: 0,
    layoutShifts: 0,
    observers: [],
    memories: [],
  });
  // WebAssembly memories, kept to read their size after load (V8's heap figures leave them out).
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
        for (const value of Object.values(instance?.exports ?? {})) {
          if (value instanceof WebAssembly.Memory) B.memories.push(value);
        }
        return result;
      });
    };
  }
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return false;
    return typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : true;
  };
  const chartShown = () => {
    if (document.querySelector(cfg.chart) === null) return false;
    for (const el of document.querySelectorAll(cfg.chart)) if (visible(el)) return true;
    return false;
  };
  const interactive = () => cfg.interactive.every((selector) => document.querySelector(selector) !== null);
  const controls = () => cfg.controls.some((selector) => document.querySelector(selector) !== null);
  const afterPaint = (key, inFrame) => {
    const post = () => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        B[key] = performance.now();
        // Tells the benchmark, through a CDP binding (`REACHED`), not a poll from Playwright.
        window[cfg.reached]?.(key);
      };
      channel.port2.postMessage(null);
    };
    // In a frame callback the paint of this very frame follows; otherwise wait for the next.
    if (inFrame) post();
    else requestAnimationFrame(post);
  };
  let watching = true;
  let observer = null;
  // Rendered frames so far (frame callbacks do not run while the stylesheet blocks rendering,
  // so frame 1 is the first painted one).
  let frame = 0;
  const check = (inFrame) => {
    if (!watching) return;
    if (B.chartSeen === null && chartShown()) {
      B.chartSeen = performance.now();
      B.chartFrame = inFrame ? frame : frame + 1;
      afterPaint('chart', inFrame);
    }
    if (B.controlsSeen === null && controls()) {
      B.controlsSeen = performance.now();
      afterPaint('controls', inFrame);
    }
    if (B.interactiveSeen === null && interactive()) {
      B.interactiveSeen = performance.now();
      afterPaint('interactive', inFrame);
    }
    if (B.chartSeen !== null && B.controlsSeen !== null && B.interactiveSeen !== null) {
      watching = false;
      observer?.disconnect();
    }
  };
  observer = new MutationObserver(() => check(false));
  observer.observe(document, { subtree: true, childList: true, attributes: true });
  const everyFrame = () => {
    frame += 1;
    check(true);
    if (watching) requestAnimationFrame(everyFrame);
  };
  check(false);
  if (watching) requestAnimationFrame(everyFrame);

  const observe = (type, callback) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(callback)).observe({ type, buffered: true });
      B.observers.push(type);
    } catch {
      // not supported: left out of B.observers, reported as not measured
    }
  };
  observe('longtask', (e) => B.longtasks.push({ start: e.startTime, duration: e.duration }));
  observe('largest-contentful-paint', (e) => {
    B.lcp = e.renderTime || e.loadTime || e.startTime;
  });
  observe('layout-shift', (e) => {
    if (!e.hadRecentInput) {
      B.cls += e.value;
      B.layoutShifts += 1;
    }
  });
}

/**
 * One interaction through the DOM; resolves with the milliseconds from just before it to the
 * frame after the DOM shows its result. A MutationObserver waits for the result (`done`), then
 * requestAnimationFrame, then a MessageChannel task (which runs after that frame has been
 * painted). kind: 'metric' (arg: the metric id), 'filter' (arg: { level, count }), 'lang'
 * (arg: the language to reach) or 'event' (arg: the event's id); cfg: { chart, lifecycle }.
 */
export function interactInPage([kind, arg, cfg]) {
  return new Promise((resolve, reject) => {
    const $ = (s) => document.querySelector(s);
    let act;
    let done;
    if (kind === 'metric') {
      const before = $(cfg.chart)?.outerHTML;
      act = () => {
        const select = $('select#metric-select');
        select.value = arg;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      };
      done = () => {
        const svg = $(cfg.chart)?.outerHTML;
        return svg !== undefined && svg !== before;
      };
    } else if (kind === 'filter') {
      act = () => {
        const select = $('select#filter-level');
        select.value = arg.level;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      };
      // Ours marks each event, or a lane's year with its count (data-count) when it has many.
      const marked = () =>
        [...document.querySelectorAll('#lifecycle rect.hit')].reduce(
          (n, hit) => n + (hit.dataset.event ? 1 : Number(hit.dataset.count ?? 0)),
          0,
        );
      const marks = () =>
        cfg.lifecycle === 'hits'
          ? marked() === arg.count
          : $('#lifecycle-chart')?.dataset.count === String(arg.count);
      done = () => $('p#event-count')?.dataset.count === String(arg.count) && marks();
    } else if (kind === 'event') {
      const item = `li.event[data-event-id="${CSS.escape(arg)}"]`;
      act = () => $(`${item} button.event-select`).click();
      // Ours: the event's mark pressed; where its lane counts by year, its rule drawn.
      const hit = `#lifecycle rect.hit[data-event="${CSS.escape(arg)}"]`;
      done = () =>
        $(`${item}.selected`) !== null &&
        (cfg.lifecycle !== 'hits' ||
          $(`${hit}.selected`) !== null ||
          ($(hit) === null && $('#lifecycle .selection-layer svg polyline') !== null));
    } else {
      const h1 = $('h1')?.textContent;
      const count = $('p#event-count')?.textContent;
      act = () => $('button#lang-toggle').click();
      done = () =>
        document.documentElement.lang === arg &&
        $('h1')?.textContent !== h1 &&
        $('p#event-count')?.textContent !== count;
    }
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${kind} ${JSON.stringify(arg)}: no update within 10 s`));
    }, 10_000);
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          clearTimeout(timer);
          resolve(performance.now() - start);
        };
        channel.port2.postMessage(null);
      });
    };
    const observer = new MutationObserver(() => {
      if (done()) finish();
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const start = performance.now();
    act();
    if (done()) finish();
  });
}
