// One cold load of a page, recorded: its timings (first chart, a control responds, all
// interactive, FCP, LCP, CLS, TBT), the bytes the browser had received by the first chart, the
// memory after load, the page's parse measure and, on request, every response it saw.

import { initScript } from './in-page.mjs';

export const VIEWPORT = { width: 412, height: 823 };
/** Slow 4G as Lighthouse's mobile preset: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU ×4. */
export const THROTTLED = { latencyMs: 150, downloadBytesPerSecond: 200_000, uploadBytesPerSecond: 93_750, cpuSlowdown: 4 };
export const CONDITIONS = ['unthrottled', 'throttled'];
/** A page that has not painted its first chart by then fails the run. */
export const FIRST_CHART_LIMIT_MS = 60_000;
/** After interactive: time for late paints, layout shifts and the LCP entry to land. */
const SETTLE_MS = 500;

/** The fields of one load that the report summarises (median, min, max). */
export const LOAD_FIELDS = [
  'firstChartMs',
  'chartTaskAfterPaintMs',
  'bytesByFirstChart',
  'controlsMs',
  'interactiveMs',
  'fcpMs',
  'lcpMs',
  'tbtMs',
  'longestTaskMs',
  'cls',
  'jsHeapUsedBytes',
  'backingStoreBytes',
  'wasmMemoryBytes',
  'domNodes',
  'parseMs',
];

/** Thrown when a page does not paint its first chart within FIRST_CHART_LIMIT_MS: the run fails. */
export class FirstChartMissing extends Error {}

/** Total blocking time: the part over 50 ms of each long task, clipped to [fcp, interactive]. */
function totalBlockingTime(longtasks, fcp, interactive) {
  if (fcp == null || interactive == null) return null;
  let sum = 0;
  for (const { start, duration } of longtasks) {
    const from = Math.max(start, fcp);
    const to = Math.min(start + duration, interactive);
    if (to > from) sum += Math.max(0, to - from - 50);
  }
  return sum;
}

/**
 * The longest task (whole, as its `longtask` entry has it) overlapping [fcp, interactive]; 0
 * when none there is over 50 ms. The "no task over 50 ms" as one figure.
 */
function longestTask(longtasks, fcp, interactive) {
  if (fcp == null || interactive == null) return null;
  return longtasks
    .filter(({ start, duration }) => start + duration > fcp && start < interactive)
    .reduce((longest, { duration }) => Math.max(longest, duration), 0);
}

/** Resolves after `n` frames and `idleMs` more (30 unless said). */
export const frames = (tab, n = 2, idleMs = 30) =>
  tab.evaluate(
    ([count, ms]) =>
      new Promise((resolve) => {
        const step = (left) => (left === 0 ? setTimeout(resolve, ms) : requestAnimationFrame(() => step(left - 1)));
        step(count);
      }),
    [n, idleMs],
  );

/**
 * Bytes on the wire (compressed, with headers) as the browser received them, with their
 * times: `receivedBy(epochMs)` sums what had arrived by then. CDP's times are monotonic
 * seconds; requestWillBeSent's wallTime gives the offset to the page's epoch clock.
 */
function wireRecorder(cdp) {
  let offsetMs = null;
  const chunks = [];
  const perRequest = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (offsetMs === null) offsetMs = e.wallTime * 1000 - e.timestamp * 1000;
  });
  cdp.on('Network.dataReceived', (e) => {
    chunks.push([e.timestamp * 1000, e.encodedDataLength]);
    perRequest.set(e.requestId, (perRequest.get(e.requestId) ?? 0) + e.encodedDataLength);
  });
  // What the chunks did not report (headers, or all of it) counts when the response finished.
  cdp.on('Network.loadingFinished', (e) => {
    const rest = e.encodedDataLength - (perRequest.get(e.requestId) ?? 0);
    if (rest > 0) chunks.push([e.timestamp * 1000, rest]);
  });
  return {
    receivedBy(epochMs) {
      if (offsetMs === null || !Number.isFinite(epochMs)) return null;
      const by = epochMs - offsetMs;
      return chunks.filter(([t]) => t <= by).reduce((sum, [, n]) => sum + n, 0);
    },
  };
}

/**
 * The CDP binding the init script calls with each moment's name once it is recorded. The load
 * waits on it rather than on Playwright's `waitForFunction`: that first evaluates Playwright's
 * own script in the page, a task of 30–65 ms at CPU ×4 (traced, 2026-12-08) that in some loads
 * fell in the window from FCP and counted as the page's, and then polls every 50 ms.
 */
const REACHED = '__benchReached';

/**
 * Adds the binding to the tab of `cdp` (for the documents it loads next); returns
 * (moment, ms) => a promise of whether the page reached the moment within ms.
 */
async function reachedMoments(cdp) {
  const seen = new Set();
  const waiting = new Map();
  cdp.on('Runtime.bindingCalled', ({ name, payload }) => {
    if (name !== REACHED) return;
    seen.add(payload);
    waiting.get(payload)?.(true);
  });
  // Without the Runtime domain on in this session, the binding was gone from the page by
  // the time the moments came (Chromium 156).
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: REACHED });
  return (moment, ms) =>
    seen.has(moment)
      ? Promise.resolve(true)
      : new Promise((resolve) => {
          const timer = setTimeout(() => resolve(false), ms);
          waiting.set(moment, (value) => {
            clearTimeout(timer);
            resolve(value);
          });
        });
}

/** Sends CDP's network and CPU throttling for a condition (none when unthrottled). */
export async function throttle(cdp, condition) {
  if (condition !== 'throttled') return;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: THROTTLED.latencyMs,
    downloadThroughput: THROTTLED.downloadBytesPerSecond,
    uploadThroughput: THROTTLED.uploadBytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLED.cpuSlowdown });
}

/** Pushes every finished response of a tab into `files`: { url, status, encoding, transferred }. */
function recordResponses(tab, files) {
  tab.on('requestfinished', async (request) => {
    const response = await request.response();
    const sizes = await request.sizes().catch(() => null);
    files.push({
      url: request.url(),
      status: response?.status() ?? null,
      encoding: (await response?.headerValue('content-encoding').catch(() => null)) ?? null,
      transferred: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : null,
    });
  });
}

/** Reads what the init script recorded, and the page's own figures, once the load has settled. */
function readRecord(tab, measure) {
  return tab.evaluate((measure) => {
    const B = window.__bench;
    return {
      timeOrigin: performance.timeOrigin,
      chart: B.chart,
      chartFrame: B.chartFrame,
      controls: B.controls,
      interactive: B.interactive,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      lcp: B.lcp,
      cls: B.cls,
      longtasks: B.longtasks,
      observers: B.observers,
      // A page may time its parse in parts (ours: parsing, then validating in the next task).
      parse: measure ? performance.getEntriesByName(measure, 'measure').reduce((sum, m) => (sum ?? 0) + m.duration, null) : null,
      wasmMemory: B.memories.length ? B.memories.reduce((sum, m) => sum + m.buffer.byteLength, 0) : null,
    };
  }, measure);
}

/**
 * One cold load of `page` (from pages.mjs) served by `server`, in a fresh context under
 * `condition`. Returns its figures and, when `files` is given, pushes every response it saw
 * until interactive (+ SETTLE_MS) into it. Throws FirstChartMissing when no chart comes.
 */
export async function measureLoad(browser, page, server, condition, files = null) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(initScript, { chart: page.chart, controls: page.controls, interactive: page.interactive, reached: REACHED });
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message ?? String(error)));
    if (files) recordResponses(tab, files);
    const cdp = await context.newCDPSession(tab);
    const wire = wireRecorder(cdp);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const reached = await reachedMoments(cdp);
    await throttle(cdp, condition);
    const started = Date.now();
    await tab.goto(`${server.url}${page.entry ?? '/'}`, { waitUntil: 'commit', timeout: FIRST_CHART_LIMIT_MS });
    const left = () => Math.max(1, FIRST_CHART_LIMIT_MS - (Date.now() - started));
    if (!(await reached('chart', left()))) {
      const pageErrors = errors.length ? `; page errors: ${errors.join(' | ')}` : '';
      throw new FirstChartMissing(
        `${page.name} (${condition}): no first chart (${page.chart}) within ${FIRST_CHART_LIMIT_MS / 1000} s${pageErrors}`,
      );
    }
    const reachedInteractive = await reached('interactive', left());
    await tab.waitForTimeout(SETTLE_MS);
    await frames(tab);
    const b = await readRecord(tab, page.measure);
    await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
    const heap = await cdp.send('Runtime.getHeapUsage').catch(() => null);
    const dom = await cdp.send('Memory.getDOMCounters').catch(() => null);
    // A chart in the first painted frame (ours: prerendered) was painted at first paint: FCP is
    // that frame's presentation time. The task after it can wait behind work that has nothing
    // to do with the chart (the rest of the page being parsed), so it is kept apart.
    const chartInFirstPaint = b.chartFrame === 1 && b.fcp != null;
    const firstChart = chartInFirstPaint ? b.fcp : b.chart;
    const observed = (type, value) => (b.observers.includes(type) ? value : null);
    return {
      firstChartMs: firstChart,
      chartInFirstPaint,
      chartTaskAfterPaintMs: b.chart,
      bytesByFirstChart: wire.receivedBy(b.timeOrigin + firstChart),
      controlsMs: b.controls,
      interactiveMs: reachedInteractive ? b.interactive : null,
      fcpMs: b.fcp,
      lcpMs: observed('largest-contentful-paint', b.lcp),
      tbtMs: observed('longtask', totalBlockingTime(b.longtasks, b.fcp, b.interactive)),
      longestTaskMs: observed('longtask', longestTask(b.longtasks, b.fcp, b.interactive)),
      longTasks: b.longtasks.length,
      cls: observed('layout-shift', b.cls),
      jsHeapUsedBytes: heap?.usedSize ?? null,
      backingStoreBytes: heap?.backingStorageSize ?? null,
      wasmMemoryBytes: b.wasmMemory,
      domNodes: dom?.nodes ?? null,
      parseMs: b.parse,
      pageErrors: errors,
    };
  } finally {
    await context.close();
  }
}

/**
 * Every page's loads, `runs` times under each condition, interleaved (run i of every page,
 * then run i + 1) so drift hits all alike. The first unthrottled load of each page records its
 * responses (the bytes table). A page that paints no first chart is dropped from the rest, its
 * failure kept. Returns { runs: name → condition → [figures], files: name → [responses], dead }.
 */
export async function recordLoads(browser, pages, servers, runs, { failures, log }) {
  const loads = Object.fromEntries(pages.map((page) => [page.name, { unthrottled: [], throttled: [] }]));
  const files = Object.fromEntries(pages.map((page) => [page.name, []]));
  const dead = new Set();
  for (let run = 0; run < runs; run += 1) {
    for (const page of pages) {
      for (const condition of CONDITIONS) {
        if (dead.has(page.name)) continue;
        log(`load ${run + 1}/${runs}: ${page.name}, ${condition}`);
        const record = run === 0 && condition === 'unthrottled' ? files[page.name] : null;
        try {
          const result = await measureLoad(browser, page, servers[page.name], condition, record);
          loads[page.name][condition].push(result);
          const pageErrors = result.pageErrors.length ? `, page errors: ${result.pageErrors.join(' | ')}` : '';
          log(`  first chart ${msText(result.firstChartMs)} ms, interactive ${msText(result.interactiveMs)} ms${pageErrors}`);
        } catch (error) {
          if (!(error instanceof FirstChartMissing)) throw error;
          failures.push(error.message);
          dead.add(page.name);
          log(`FAILED: ${error.message}`);
        }
      }
    }
  }
  return { runs: loads, files, dead };
}

const msText = (x) => (x == null ? '—' : x.toFixed(0));
