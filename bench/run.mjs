#!/usr/bin/env node
// The benchmark: a yardstick, not a test. Three pages served on 127.0.0.1 side by side —
// ours (dist/), the floor app (target/bench/floor-dist/, a bare Leptos + plotters bar chart)
// and the peer page (target/bench/peer-dist/, plain DOM + ECharts) — measured in headless
// Debian Chromium through playwright-core: the bytes of the first view, load timings
// unthrottled and under a slow network with CPU ×4, interactions, and their ratios.
// With --dataset, the same for ours and the peer on a (large, synthetic) dataset, plus
// parse/validate time and scrolling the timeline. Then Lighthouse on ours, the floor and the
// peer (bench/lighthouse.mjs; not with --dataset). See bench/README.md.
//
//     node bench/run.mjs [--runs N] [--out PATH] [--only ours|ours-embed|floor|peer|ours-shown|ours-unstyled]... [--dataset PATH] [--quick]
//                        [--lighthouse-only | --no-lighthouse] [--lighthouse-runs N]
//
// Markdown tables go to stdout, progress to stderr, everything to the JSON report. Exits 1
// when a page does not paint its first chart within 60 s (or ours cannot be measured at all).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { BROWSER_ARGS, CHROMIUM_PATH, mimeType } from '../tests/e2e/helpers.mjs';
import { auditPages, chromiumVersion, LIGHTHOUSE_PAGES, lighthouseMarkdown } from './lighthouse.mjs';
import { buildPeer, PEER_DIST } from './peer/build.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (p) => path.relative(REPO_ROOT, p) || '.';

// ---------------------------------------------------------------------------------------------
// What is measured, and on what.

const VIEWPORT = { width: 412, height: 823 };
/** Slow 4G as Lighthouse's mobile preset: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU ×4. */
const THROTTLED = { latencyMs: 150, downloadBytesPerSecond: 200_000, uploadBytesPerSecond: 93_750, cpuSlowdown: 4 };
const CONDITIONS = ['unthrottled', 'throttled'];
/** A page that has not painted its first chart by then fails the run. */
const FIRST_CHART_LIMIT_MS = 60_000;
/** After interactive: time for late paints, layout shifts and the LCP entry to land. */
const SETTLE_MS = 500;
/** File types served brotli-compressed (and counted in the bytes table). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.wasm']);

/**
 * The pages. chart: the first chart (matched and visible); controls: selectors of which one
 * present means a control responds (ours: the prerendered metric select, which works with no
 * script, or the app's); interactive: selectors that must all be present (the whole app is up);
 * firstView: whether a fetched path is part of the first view (ours: the page and its
 * stylesheet, all the first view needs, shown by tests/e2e/prerender.test.mjs; the app's files
 * download beside it; the load table also gives the bytes received until the first chart was
 * painted); measure: the performance.measure the page records around parsing its data;
 * dataPath: where it fetches its dataset; lifecycle: how its lifecycle chart shows a filter's
 * result (ours: one rect.hit per event; the peer: data-count on the chart); entry: the address
 * loaded (`/` unless said).
 */
const PAGES = {
  ours: {
    dir: path.resolve(process.env.DIST_DIR ?? path.join(REPO_ROOT, 'dist')),
    build: 'cargo xtask dist',
    // The prerendered chart (index.html, one drawing shown per width) or, after take-over, the app's.
    chart: '#prerender .chart-figure .static-chart svg, #compare-chart .chart svg',
    // With --dataset the prerendered chart shows the bundled data, not the served one: only
    // the app's chart counts.
    chartWithDataset: '#compare-chart .chart svg',
    controls: ['#pre-metric-select', 'main[data-state="ready"] select#metric-select'],
    // Likewise the prerendered select switches between the bundled data's views.
    controlsWithDataset: ['main[data-state="ready"] select#metric-select'],
    interactive: ['main[data-state="ready"]', 'select#metric-select'],
    // The same split as the byte budget's (`in_first_view` in xtask/src/main.rs).
    firstView: (pathname) => pathname === '/' || pathname.endsWith('.css'),
    measure: 'technoparks:parse-validate',
    dataPath: '/data/technoparks.json',
    lifecycle: 'hits',
    interacts: true,
  },
  // Ours as a ministry's page frames it (embed.html, its first view drawn for ?embed=1),
  // loaded on its own: load timings and bytes only.
  'ours-embed': {
    dir: path.resolve(process.env.DIST_DIR ?? path.join(REPO_ROOT, 'dist')),
    build: 'cargo xtask dist',
    entry: '/embed.html?embed=1',
    chart: '#prerender .chart-figure .static-chart svg, #compare-chart .chart svg',
    controls: ['#pre-metric-select', 'main[data-state="ready"] select#metric-select'],
    interactive: ['main[data-state="ready"]', 'select#metric-select'],
    firstView: (pathname) => pathname === '/embed.html' || pathname.endsWith('.css'),
    measure: 'technoparks:parse-validate',
    dataPath: '/data/technoparks.json',
    lifecycle: null,
    interacts: false,
  },
  floor: {
    dir: path.join(REPO_ROOT, 'target', 'bench', 'floor-dist'),
    build:
      'cd bench/floor-app && CARGO_TARGET_DIR=$PWD/../../target/bench/floor-target ' +
      'PATH="$PWD/../../node_modules/.bin:$PATH" trunk build --release --dist ../../target/bench/floor-dist',
    chart: '#chart svg',
    controls: ['button#btn'],
    interactive: ['button#btn', '#chart svg'],
    firstView: () => true,
    measure: null,
    dataPath: '/data.json',
    lifecycle: null,
    interacts: false,
  },
  peer: {
    dir: PEER_DIST,
    build: 'node bench/peer/build.mjs',
    chart: '#compare-chart svg',
    controls: ['main[data-state="ready"] select#metric-select'],
    interactive: ['main[data-state="ready"]', 'select#metric-select'],
    firstView: () => true,
    measure: 'peer:parse',
    dataPath: '/data/technoparks.json',
    lifecycle: 'count',
    interacts: true,
  },
};

// Yardsticks for our first view (run only when named: --only ours-shown --only ours-unstyled):
// ours with its index.html cut down as it is served, to tell what of the first chart's time is
// the page's own and what is the stylesheet's. ours-shown keeps only what the first view shows
// (no settings bar, no no-script summary, no other metric's drawing and table); ours-unstyled
// is that without its stylesheet. The app loads and takes over as usual. Each cut must match
// exactly once, or the page is not measured (the markup changed: update the cut).
const SHOWN_CUTS = [
  /<section id="pre-a11y-panel"[^]*?<\/section>/g,
  /<noscript>[^]*?<\/noscript>/g,
  /<div id="fallback"[^]*?(?=<div class="explorer")/g,
  /<div class="metric-view m1"[^]*?(?=<\/section><section id="pre-timeline")/g,
];
const VARIANTS = {
  'ours-shown': SHOWN_CUTS,
  'ours-unstyled': [
    ...SHOWN_CUTS,
    /<link href=\.\/style-[^>]*rel=stylesheet>/g,
    /<link rel="stylesheet" href="first-view\.css">/g,
  ],
};
for (const [name, cuts] of Object.entries(VARIANTS)) {
  PAGES[name] = { ...PAGES.ours, cuts, interacts: false, byDefault: false };
}

/** Writes a variant's page (ours' index.html with its cuts made) and returns its path. */
async function cutPage(name) {
  let html = await fs.readFile(path.join(PAGES[name].dir, 'index.html'), 'utf8');
  for (const cut of PAGES[name].cuts) {
    const found = html.match(cut)?.length ?? 0;
    if (found !== 1) throw new Error(`${name}: ${cut} matched ${found} times in index.html, not once`);
    html = html.replace(cut, '');
  }
  const file = path.join(REPO_ROOT, 'target', 'bench', 'variants', `${name}.html`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, html);
  return file;
}

// ---------------------------------------------------------------------------------------------
// Options.

function options() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      out: { type: 'string', default: path.join(REPO_ROOT, 'target', 'bench', 'report.json') },
      only: { type: 'string', multiple: true },
      dataset: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'lighthouse-only': { type: 'boolean', default: false },
      'no-lighthouse': { type: 'boolean', default: false },
      'lighthouse-runs': { type: 'string', default: '3' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      'node bench/run.mjs [--runs N (≥5, default 5)] [--out PATH] [--only ours|ours-embed|floor|peer|ours-shown|ours-unstyled]... ' +
        '[--dataset PATH] [--quick] [--lighthouse-only | --no-lighthouse] [--lighthouse-runs N (default 3)]\n',
    );
    process.exit(0);
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || (runs < 5 && !values.quick)) {
    throw new UsageError(`--runs must be a whole number ≥ 5 (got ${values.runs}); --quick is for smoke runs`);
  }
  const only = values.only ?? Object.keys(PAGES).filter((name) => PAGES[name].byDefault !== false);
  for (const name of only) {
    if (!(name in PAGES)) throw new UsageError(`--only ${name}: expected one of ${Object.keys(PAGES).join(', ')}`);
  }
  const dataset = values.dataset ? path.resolve(values.dataset) : null;
  if (dataset && !fsSync.existsSync(dataset)) throw new UsageError(`--dataset ${dataset}: no such file`);
  const lighthouseRuns = Number(values['lighthouse-runs']);
  if (!Number.isInteger(lighthouseRuns) || lighthouseRuns < 1) {
    throw new UsageError(`--lighthouse-runs must be a whole number ≥ 1 (got ${values['lighthouse-runs']})`);
  }
  if (values['lighthouse-only'] && (values['no-lighthouse'] || dataset)) {
    throw new UsageError('--lighthouse-only goes with neither --no-lighthouse nor --dataset');
  }
  return {
    runs: values.quick ? 2 : runs,
    interactionRuns: values.quick ? 3 : Math.max(10, 2 * runs),
    out: path.resolve(values.out),
    only: Object.keys(PAGES).filter((name) => only.includes(name)),
    dataset,
    quick: values.quick,
    // Lighthouse audits the pages as shipped: not on a scale dataset.
    lighthouse: !values['no-lighthouse'] && !dataset,
    lighthouseOnly: values['lighthouse-only'],
    lighthouseRuns: values.quick ? 1 : lighthouseRuns,
  };
}

class UsageError extends Error {}

const log = (...args) => process.stderr.write(`${args.join(' ')}\n`);

// ---------------------------------------------------------------------------------------------
// Bytes: raw, gzip -9 and brotli -q 11 of a file (cached).

const sizeCache = new Map();

function brotli(bytes) {
  return zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

async function sizesOf(file) {
  const stat = await fs.stat(file);
  const key = `${file}|${stat.size}|${stat.mtimeMs}`;
  if (!sizeCache.has(key)) {
    const bytes = await fs.readFile(file);
    sizeCache.set(key, {
      raw: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
      brotli: brotli(bytes).length,
    });
  }
  return sizeCache.get(key);
}

// ---------------------------------------------------------------------------------------------
// The static server: one per page, brotli bodies for compressible types, no caching.

const brotliBodies = new Map();

/** The brotli body of a file: `file.br` beside it when at least as new, else compressed here. */
async function brotliBody(file, stat) {
  const key = `${file}|${stat.size}|${stat.mtimeMs}`;
  if (!brotliBodies.has(key)) {
    const pre = await fs.stat(`${file}.br`).catch(() => null);
    const body =
      pre?.isFile() && pre.mtimeMs >= stat.mtimeMs ? await fs.readFile(`${file}.br`) : brotli(await fs.readFile(file));
    brotliBodies.set(key, body);
  }
  return brotliBodies.get(key);
}

/** The file a URL path names under root (folders serve index.html), or null. */
async function fileFor(root, pathname, overrides) {
  if (overrides.has(pathname)) return overrides.get(pathname);
  if (pathname.includes('\0')) return null;
  let file = path.resolve(root, `.${pathname}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  const stat = await fs.stat(file).catch(() => null);
  if (stat?.isDirectory()) file = path.join(file, 'index.html');
  return (await fs.stat(file).catch(() => null))?.isFile() ? file : null;
}

/** Compresses every compressible file a root serves, so the first measured load does not wait. */
async function warm(root, overrides) {
  const files = [...overrides.values()];
  const walk = async (dir) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(file);
      else if (COMPRESSIBLE.has(path.extname(file).toLowerCase())) files.push(file);
    }
  };
  await walk(root);
  for (const file of files) {
    await brotliBody(file, await fs.stat(file));
  }
}

async function startServer(root, overrides = new Map()) {
  await warm(root, overrides);
  const server = http.createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      const file = req.method === 'GET' || req.method === 'HEAD' ? await fileFor(root, pathname, overrides) : null;
      if (!file) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end('not found');
        return;
      }
      const stat = await fs.stat(file);
      const headers = { 'Content-Type': mimeType(file), 'Cache-Control': 'no-store', Vary: 'Accept-Encoding' };
      let body;
      const acceptsBr = /\bbr\b/.test(req.headers['accept-encoding'] ?? '');
      if (acceptsBr && COMPRESSIBLE.has(path.extname(file).toLowerCase())) {
        body = await brotliBody(file, stat);
        headers['Content-Encoding'] = 'br';
      } else {
        body = await fs.readFile(file);
      }
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** The file on disk behind a served URL (null when none). */
    fileOf: (url) => fileFor(root, decodeURIComponent(new URL(url).pathname), overrides),
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// In the page, from before its first byte of HTML: when the first chart is painted, when the
// page is interactive, long tasks, LCP, layout shifts. Each moment is "the selector matches"
// (checked on every DOM mutation and every frame), then the next frame, then a MessageChannel
// task, which runs once that frame has been painted; its performance.now() is the time.

function initScript(cfg) {
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

const frames = (page, n = 2) =>
  page.evaluate(
    ([count, ms]) =>
      new Promise((resolve) => {
        const step = (left) => (left === 0 ? setTimeout(resolve, ms) : requestAnimationFrame(() => step(left - 1)));
        step(count);
      }),
    [n, 30],
  );

class FirstChartMissing extends Error {}

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
 * One cold load of a page in a fresh context. Returns its timings and, when `files` is given,
 * pushes every response it saw until interactive (+ SETTLE_MS) into it.
 */
async function measureLoad(browser, name, server, condition, files = null) {
  const page = PAGES[name];
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(initScript, { chart: page.chart, controls: page.controls, interactive: page.interactive });
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message ?? String(error)));
    if (files) {
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
    const cdp = await context.newCDPSession(tab);
    const wire = wireRecorder(cdp);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (condition === 'throttled') {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: THROTTLED.latencyMs,
        downloadThroughput: THROTTLED.downloadBytesPerSecond,
        uploadThroughput: THROTTLED.uploadBytesPerSecond,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLED.cpuSlowdown });
    }
    const started = Date.now();
    await tab.goto(`${server.url}${page.entry ?? '/'}`, { waitUntil: 'commit', timeout: FIRST_CHART_LIMIT_MS });
    const left = () => Math.max(1, FIRST_CHART_LIMIT_MS - (Date.now() - started));
    await tab.waitForFunction(() => window.__bench?.chart != null, null, { timeout: left(), polling: 50 }).catch(() => {
      throw new FirstChartMissing(
        `${name} (${condition}): no first chart (${page.chart}) within ${FIRST_CHART_LIMIT_MS / 1000} s` +
          (errors.length ? `; page errors: ${errors.join(' | ')}` : ''),
      );
    });
    const reachedInteractive = await tab
      .waitForFunction(() => window.__bench?.interactive != null, null, { timeout: left(), polling: 50 })
      .then(() => true)
      .catch(() => false);
    await tab.waitForTimeout(SETTLE_MS);
    await frames(tab);
    const b = await tab.evaluate((measure) => {
      const B = window.__bench;
      return {
        timeOrigin: performance.timeOrigin,
        chart: B.chart,
        chartSeen: B.chartSeen,
        chartFrame: B.chartFrame,
        controls: B.controls,
        interactive: B.interactive,
        interactiveSeen: B.interactiveSeen,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        lcp: B.lcp,
        cls: B.cls,
        layoutShifts: B.layoutShifts,
        longtasks: B.longtasks,
        observers: B.observers,
        parse: measure ? performance.getEntriesByName(measure, 'measure')[0]?.duration ?? null : null,
        wasmMemory: B.memories.length ? B.memories.reduce((sum, m) => sum + m.buffer.byteLength, 0) : null,
      };
    }, page.measure);
    await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
    const heap = await cdp.send('Runtime.getHeapUsage').catch(() => null);
    const dom = await cdp.send('Memory.getDOMCounters').catch(() => null);
    // A chart in the first painted frame (ours: prerendered) was painted at first paint: FCP is
    // that frame's presentation time. The task after it can wait behind work that has nothing
    // to do with the chart (the rest of the page being parsed), so it is kept apart.
    const chartInFirstPaint = b.chartFrame === 1 && b.fcp != null;
    const firstChart = chartInFirstPaint ? b.fcp : b.chart;
    return {
      firstChartMs: firstChart,
      chartInFirstPaint,
      chartTaskAfterPaintMs: b.chart,
      bytesByFirstChart: wire.receivedBy(b.timeOrigin + firstChart),
      controlsMs: b.controls,
      interactiveMs: reachedInteractive ? b.interactive : null,
      fcpMs: b.fcp,
      lcpMs: b.observers.includes('largest-contentful-paint') ? b.lcp : null,
      tbtMs: b.observers.includes('longtask') ? totalBlockingTime(b.longtasks, b.fcp, b.interactive) : null,
      longTasks: b.longtasks.length,
      cls: b.observers.includes('layout-shift') ? b.cls : null,
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

// ---------------------------------------------------------------------------------------------
// Statistics.

const sorted = (xs) => xs.filter((x) => x != null && Number.isFinite(x)).sort((a, b) => a - b);
function median(xs) {
  const s = sorted(xs);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function p90(xs) {
  const s = sorted(xs);
  return s.length ? s[Math.ceil(0.9 * s.length) - 1] : null;
}
function spread(xs) {
  const s = sorted(xs);
  return s.length ? { median: median(s), min: s[0], max: s.at(-1), n: s.length } : null;
}
const round = (x, digits = 1) => (x == null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

const LOAD_FIELDS = [
  'firstChartMs',
  'chartTaskAfterPaintMs',
  'bytesByFirstChart',
  'controlsMs',
  'interactiveMs',
  'fcpMs',
  'lcpMs',
  'tbtMs',
  'cls',
  'jsHeapUsedBytes',
  'backingStoreBytes',
  'wasmMemoryBytes',
  'domNodes',
  'parseMs',
];

// ---------------------------------------------------------------------------------------------
// Interactions: from dispatching the DOM event to the frame after the DOM shows the result.

/**
 * In the page: performs one interaction through the DOM and resolves with the milliseconds
 * from just before it to the frame after the DOM shows its result. A MutationObserver waits
 * for the result (`done`), then requestAnimationFrame, then a MessageChannel task (which runs
 * after that frame has been painted).
 */
function interact(page, kind, arg, cfg) {
  return page.evaluate(
    ([kind, arg, cfg]) =>
      new Promise((resolve, reject) => {
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
          const marks = () =>
            cfg.lifecycle === 'hits'
              ? document.querySelectorAll('#lifecycle rect.hit').length === arg.count
              : $('#lifecycle-chart')?.dataset.count === String(arg.count);
          done = () => $('p#event-count')?.dataset.count === String(arg.count) && marks();
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
      }),
    [kind, arg, cfg],
  );
}

/** Two frames and a little idle time, so one measurement does not carry into the next. */
const settle = (page) => frames(page, 2);

/** The interactions of a dataset: name → (i) => [kind, arg]. */
function interactionCases(data, langNow) {
  const metrics = data.metrics.map((m) => m.id);
  const pair = [metrics[0], metrics.at(-1) === metrics[0] ? metrics[1] : metrics.at(-1)];
  const total = data.events.length;
  const federal = data.events.filter((e) => e.level === 'federal').length;
  const langs = langNow === 'en' ? ['ru', 'en'] : ['en', 'ru'];
  return {
    'metric change (metric-select)': (i) => ['metric', pair[(i + 1) % 2]],
    'level filter (filter-level)': (i) => [
      'filter',
      i % 2 === 0 ? { level: 'federal', count: federal } : { level: '', count: total },
    ],
    'language switch (lang-toggle)': (i) => ['lang', langs[i % 2]],
  };
}

async function openReady(browser, server, name) {
  const page = PAGES[name];
  const context = await browser.newContext({ viewport: VIEWPORT });
  const tab = await context.newPage();
  await tab.goto(`${server.url}/`);
  await tab.waitForFunction(
    (selectors) => selectors.every((s) => document.querySelector(s) !== null),
    page.interactive,
    { timeout: FIRST_CHART_LIMIT_MS },
  );
  await tab.waitForTimeout(300);
  await frames(tab);
  return { context, tab };
}

async function measureInteractions(browser, name, server, data, runs, notMeasured, only = null) {
  const results = [];
  const cfg = { chart: PAGES[name].chart, lifecycle: PAGES[name].lifecycle };
  for (const rate of [1, THROTTLED.cpuSlowdown]) {
    const { context, tab } = await openReady(browser, server, name);
    try {
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const lang = await tab.evaluate(() => document.documentElement.lang);
      const cases = Object.entries(interactionCases(data, lang)).filter(([interaction]) => !only || only.test(interaction));
      for (const [interaction, step] of cases) {
        log(`  ${name}: ${interaction}, CPU ×${rate}`);
        const samples = [];
        try {
          // Two unmeasured rounds first: the first run of a path pays for compiling it.
          for (let i = -2; i < runs; i += 1) {
            await settle(tab);
            const ms = await interact(tab, ...step(i < 0 ? i + 2 : i), cfg);
            if (i >= 0) samples.push(ms);
          }
        } catch (error) {
          notMeasured.push({ what: `${name}: ${interaction} ×${rate}`, why: error.message.split('\n')[0] });
          // The page may be left half-way; the next interaction starts from what it shows.
        }
        results.push({
          page: name,
          interaction,
          cpuThrottling: rate,
          runs: samples.length,
          medianMs: round(median(samples), 2),
          p90Ms: round(p90(samples), 2),
          samplesMs: samples.map((x) => round(x)),
        });
      }
    } finally {
      await context.close();
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Scale: scrolling the timeline (or the page, where the timeline is not a scroll box).

async function measureScroll(browser, name, server, rate) {
  const { context, tab } = await openReady(browser, server, name);
  try {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const target = await tab.evaluate(() => {
      const timeline = document.querySelector('section#timeline');
      if (timeline) {
        const style = getComputedStyle(timeline);
        if (/auto|scroll/.test(style.overflowY) && timeline.scrollHeight > timeline.clientHeight + 1) {
          timeline.scrollIntoView({ block: 'start' });
          const box = timeline.getBoundingClientRect();
          return {
            what: 'section#timeline',
            x: box.left + box.width / 2,
            y: Math.max(box.top, 0) + Math.min(box.height, innerHeight - Math.max(box.top, 0)) / 2,
            distance: timeline.scrollHeight - timeline.clientHeight - timeline.scrollTop,
          };
        }
      }
      const page = document.scrollingElement;
      return { what: 'page', x: innerWidth / 2, y: innerHeight / 2, distance: page.scrollHeight - innerHeight - scrollY };
    });
    await settle(tab);
    await tab.evaluate(() => {
      window.__frames = [];
      window.__recording = true;
      const loop = (t) => {
        window.__frames.push(t);
        if (window.__recording) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    });
    const steps = 40;
    await tab.mouse.move(target.x, target.y);
    const started = Date.now();
    for (let i = 0; i < steps; i += 1) {
      await tab.mouse.wheel(0, Math.ceil(target.distance / steps));
      await tab.waitForTimeout(50);
    }
    const wheelMs = Date.now() - started;
    await tab.waitForTimeout(300);
    const result = await tab.evaluate((what) => {
      window.__recording = false;
      const t = window.__frames;
      const gaps = t.slice(1).map((x, i) => x - t[i]);
      const el = what === 'page' ? document.scrollingElement : document.querySelector('section#timeline');
      return {
        frames: t.length,
        longFrames: gaps.filter((g) => g > 50).length,
        longestFrameMs: gaps.length ? Math.max(...gaps) : null,
        atBottom: el.scrollTop + el.clientHeight >= el.scrollHeight - 2,
        scrolledPx: el.scrollTop,
      };
    }, target.what);
    return { page: name, cpuThrottling: rate, target: target.what, distancePx: Math.round(target.distance), wheelMs, ...result, longestFrameMs: round(result.longestFrameMs) };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Markdown.

const int = (x) => (x == null ? '—' : Math.round(x).toLocaleString('en-US'));
const ms = (x, digits = 0) => (x == null ? '—' : x.toFixed(digits));
const kib = (x) => (x == null ? '—' : `${(x / 1024).toFixed(1)} KiB`);
const ratio = (x) => (x == null ? '—' : `${x.toFixed(2)}×`);
/** A Markdown table; the first `text` columns left-aligned, the rest (numbers) right-aligned. */
const table = (head, rows, text = 1) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i < text ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

function bytesTables(bytes) {
  const summary = table(
    ['page', 'part', 'files', 'raw', 'gzip -9', 'brotli -q 11', 'transferred (br)'],
    Object.entries(bytes).flatMap(([name, b]) =>
      [
        ['first view', b.firstView, b.files.filter((f) => f.firstView).length],
        ['all until interactive', b.totals, b.files.length],
      ].map(([part, t, count]) => [name, part, count, int(t.raw), int(t.gzip), int(t.brotli), int(t.transferred)]),
    ),
    2,
  );
  const files = table(
    ['page', 'file', 'part', 'raw', 'gzip -9', 'brotli -q 11'],
    Object.entries(bytes).flatMap(([name, b]) =>
      b.files.map((f) => [name, f.file, f.firstView ? 'first view' : 'app', int(f.raw), int(f.gzip), int(f.brotli)]),
    ),
    3,
  );
  return `${summary}\n\n${files}`;
}

function loadTable(load) {
  const cell = (s, digits = 0) => (s ? `${ms(s.median, digits)} (${ms(s.min, digits)}–${ms(s.max, digits)})` : '—');
  const rows = [];
  for (const [name, byCondition] of Object.entries(load)) {
    for (const condition of CONDITIONS) {
      const s = byCondition[condition]?.summary;
      if (!s) continue;
      rows.push([
        name,
        condition,
        cell(s.firstChartMs),
        cell(s.chartTaskAfterPaintMs),
        s.bytesByFirstChart ? int(s.bytesByFirstChart.median) : '—',
        cell(s.controlsMs),
        cell(s.interactiveMs),
        cell(s.fcpMs),
        cell(s.lcpMs),
        cell(s.tbtMs),
        s.cls ? s.cls.median.toFixed(3) : '—',
        s.jsHeapUsedBytes ? kib(s.jsHeapUsedBytes.median) : '—',
        s.wasmMemoryBytes ? kib(s.wasmMemoryBytes.median) : '—',
        s.domNodes ? int(s.domNodes.median) : '—',
        cell(s.parseMs, 1),
      ]);
    }
  }
  return table(
    ['page', 'network', 'first chart ms', 'first task after it ms', 'bytes received by then', 'a control responds ms', 'all interactive ms', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'JS heap', 'WASM memory', 'DOM nodes', 'parse ms'],
    rows,
    2,
  );
}

function interactionTable(results) {
  return table(
    ['page', 'interaction', 'CPU', 'median ms', 'p90 ms', 'runs'],
    results.map((r) => [r.page, r.interaction, `×${r.cpuThrottling}`, ms(r.medianMs, 1), ms(r.p90Ms, 1), r.runs]),
    3,
  );
}

function ratioTable(ratios) {
  return table(
    [
      'ratio',
      'bytes, first view (brotli)',
      'bytes, all (brotli)',
      'first chart',
      'first chart, throttled',
      'a control responds / their first chart',
      'the same, throttled',
      'all interactive',
      'all interactive, throttled',
    ],
    Object.entries(ratios).map(([name, r]) => [
      name,
      ratio(r.bytesBrotli),
      ratio(r.bytesBrotliAll),
      ratio(r.firstChart.unthrottled),
      ratio(r.firstChart.throttled),
      ratio(r.controlsVsFirstChart.unthrottled),
      ratio(r.controlsVsFirstChart.throttled),
      ratio(r.interactive.unthrottled),
      ratio(r.interactive.throttled),
    ]),
  );
}

function scaleSummaryTable(scale) {
  const filter = (page, rate) => scale.filter.find((r) => r.page === page && r.cpuThrottling === rate)?.medianMs ?? null;
  return table(
    ['page', 'parse measure', 'parse ms', 'parse ms, throttled', 'level filter ms ×1', `level filter ms ×${THROTTLED.cpuSlowdown}`],
    Object.entries(scale.parse).map(([page, p]) => [
      page,
      p.measure ?? '—',
      ms(p.unthrottled?.median ?? null, 1),
      ms(p.throttled?.median ?? null, 1),
      ms(filter(page, 1), 1),
      ms(filter(page, THROTTLED.cpuSlowdown), 1),
    ]),
    2,
  );
}

function scaleTable(scale) {
  return table(
    ['page', 'CPU', 'scrolled', 'distance px', 'frames', 'frames > 50 ms', 'longest frame ms', 'reached bottom'],
    scale.scroll.map((s) => [
      s.page,
      `×${s.cpuThrottling}`,
      s.target,
      int(s.distancePx),
      s.frames,
      s.longFrames,
      ms(s.longestFrameMs, 1),
      s.atBottom ? 'yes' : 'no',
    ]),
    3,
  );
}

// ---------------------------------------------------------------------------------------------

function environment(browser) {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  return {
    date: new Date().toISOString(),
    commit: git('rev-parse', 'HEAD'),
    dirty: git('status', '--porcelain', '--', 'src', 'index.html', 'style.css', 'public', 'Cargo.toml', 'Trunk.toml', 'bench')?.length > 0,
    browser: `Chromium ${browser.version()} (${CHROMIUM_PATH}), headless`,
    node: process.version,
    cpu: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}`,
    platform: `${os.platform()} ${os.release()}`,
  };
}

async function main() {
  const opts = options();
  if (opts.dataset) {
    for (const page of Object.values(PAGES)) {
      page.chart = page.chartWithDataset ?? page.chart;
      page.controls = page.controlsWithDataset ?? page.controls;
    }
  }
  const notMeasured = [];
  const failures = [];
  const names = opts.only.filter((name) => {
    if (opts.dataset && name === 'floor') {
      notMeasured.push({ what: 'floor', why: 'its own data format: not run with --dataset' });
      return false;
    }
    if (opts.dataset && name === 'ours-embed') {
      notMeasured.push({ what: 'ours-embed', why: 'the same app as ours: not run with --dataset' });
      return false;
    }
    return true;
  });

  if (names.includes('peer')) {
    await buildPeer(PEER_DIST);
    log(`peer page assembled in ${rel(PEER_DIST)}`);
  }
  const pages = [];
  for (const name of names) {
    if (fsSync.existsSync(path.join(PAGES[name].dir, 'index.html'))) {
      pages.push(name);
    } else {
      const why = `${rel(PAGES[name].dir)}/index.html is missing (build it: ${PAGES[name].build})`;
      notMeasured.push({ what: name, why });
      if (name === 'ours') failures.push(`ours: ${why}`);
      log(`not measured: ${name}: ${why}`);
    }
  }
  if (opts.lighthouseOnly) return lighthouseOnly(opts, pages, notMeasured, failures);

  // Servers, and the dataset each page is served.
  const servers = {};
  const datasets = {};
  for (const name of pages) {
    const overrides = new Map();
    if (opts.dataset) overrides.set(PAGES[name].dataPath, opts.dataset);
    if (PAGES[name].cuts) overrides.set('/', await cutPage(name));
    log(`serving ${name} from ${rel(PAGES[name].dir)}${opts.dataset ? ` with ${rel(opts.dataset)}` : ''} (compressing)…`);
    servers[name] = await startServer(PAGES[name].dir, overrides);
    const dataFile = await servers[name].fileOf(`${servers[name].url}${PAGES[name].dataPath}`);
    datasets[name] = PAGES[name].interacts && dataFile ? JSON.parse(await fs.readFile(dataFile, 'utf8')) : null;
  }

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: BROWSER_ARGS });
  const report = {
    what:
      'Benchmark (a yardstick, not a test): first-view bytes, cold-load timings unthrottled and ' +
      'throttled, interaction → next painted frame, ratios; see bench/README.md',
    environment: environment(browser),
    options: { runs: opts.runs, interactionRuns: opts.interactionRuns, only: opts.only, dataset: opts.dataset && rel(opts.dataset), quick: opts.quick },
    viewport: VIEWPORT,
    conditions: { unthrottled: 'no network or CPU throttling (cache disabled)', throttled: THROTTLED },
    pages: Object.fromEntries(
      pages.map((name) => [
        name,
        {
          dist: rel(PAGES[name].dir),
          firstChart: PAGES[name].chart,
          controls: PAGES[name].controls,
          interactive: PAGES[name].interactive,
          parseMeasure: PAGES[name].measure,
        },
      ]),
    ),
    bytes: {},
    load: {},
    interactions: [],
    ratios: {},
    scale: null,
    notMeasured,
    failures,
  };

  try {
    // Load timings, interleaved (run i of every page, then run i + 1) so drift hits all alike.
    const runsOf = Object.fromEntries(pages.map((name) => [name, { unthrottled: [], throttled: [] }]));
    const files = Object.fromEntries(pages.map((name) => [name, []]));
    const dead = new Set();
    for (let run = 0; run < opts.runs; run += 1) {
      for (const name of pages) {
        for (const condition of CONDITIONS) {
          if (dead.has(name)) continue;
          log(`load ${run + 1}/${opts.runs}: ${name}, ${condition}`);
          try {
            const record = run === 0 && condition === 'unthrottled' ? files[name] : null;
            const result = await measureLoad(browser, name, servers[name], condition, record);
            runsOf[name][condition].push(result);
            log(
              `  first chart ${ms(result.firstChartMs)} ms, interactive ${ms(result.interactiveMs)} ms` +
                (result.pageErrors.length ? `, page errors: ${result.pageErrors.join(' | ')}` : ''),
            );
          } catch (error) {
            if (!(error instanceof FirstChartMissing)) throw error;
            failures.push(error.message);
            dead.add(name);
            log(`FAILED: ${error.message}`);
          }
        }
      }
    }
    for (const name of pages) {
      report.load[name] = {};
      for (const condition of CONDITIONS) {
        const runs = runsOf[name][condition];
        if (runs.length === 0) continue;
        report.load[name][condition] = {
          summary: Object.fromEntries(LOAD_FIELDS.map((f) => [f, spread(runs.map((r) => r[f]))])),
          runs: runs.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? round(v, k === 'cls' ? 4 : 1) : v]))),
        };
        for (const field of LOAD_FIELDS) {
          if (report.load[name][condition].summary[field] === null) {
            const why =
              field === 'parseMs'
                ? PAGES[name].measure
                  ? `the page recorded no performance.measure "${PAGES[name].measure}"`
                  : 'the page has no parse measure'
                : field === 'interactiveMs'
                  ? `never matched ${PAGES[name].interactive.join(' + ')} within ${FIRST_CHART_LIMIT_MS / 1000} s`
                  : field === 'backingStoreBytes'
                    ? 'Runtime.getHeapUsage gave no backingStorageSize'
                    : field === 'wasmMemoryBytes'
                      ? 'no WebAssembly memory (the page runs no WASM)'
                      : field === 'domNodes'
                        ? 'Memory.getDOMCounters failed'
                        : 'no entries (observer unsupported or nothing reported)';
            const what = `${name}: ${field}`;
            const known = notMeasured.find((n) => n.what === what && n.why === why);
            if (known) known.conditions.push(condition);
            else notMeasured.push({ what, why, conditions: [condition] });
          }
        }
      }
    }

    // Bytes of the first view, from what the first unthrottled load fetched.
    for (const name of pages) {
      if (files[name].length === 0) continue;
      const entries = [];
      const seen = new Set();
      for (const f of files[name]) {
        const url = new URL(f.url);
        if (url.protocol !== 'http:' || seen.has(url.pathname)) continue;
        seen.add(url.pathname);
        const file = f.status === 200 ? await servers[name].fileOf(f.url) : null;
        if (!file) {
          notMeasured.push({ what: `${name} bytes: ${url.pathname}`, why: `HTTP ${f.status}, no file on disk` });
          continue;
        }
        const inDist = path.relative(PAGES[name].dir, file);
        entries.push({
          path: url.pathname,
          firstView: PAGES[name].firstView(url.pathname),
          file: inDist.startsWith('..') ? rel(file) : inDist,
          encoding: f.encoding,
          transferred: f.transferred,
          ...(await sizesOf(file)),
        });
      }
      const sum = (key, list = entries) => list.reduce((s, e) => s + (e[key] ?? 0), 0);
      const first = entries.filter((e) => e.firstView);
      report.bytes[name] = {
        files: entries,
        firstView: { raw: sum('raw', first), gzip: sum('gzip', first), brotli: sum('brotli', first), transferred: sum('transferred', first) },
        totals: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli'), transferred: sum('transferred') },
      };
    }

    // Interactions.
    for (const name of pages.filter((n) => PAGES[n].interacts && !dead.has(n))) {
      log(`interactions: ${name}`);
      // On a scale dataset the metric change and the timeline filter; a language switch
      // re-renders everything and would take minutes at CPU ×4.
      const only = opts.dataset ? /^(level filter|metric change)/ : null;
      report.interactions.push(
        ...(await measureInteractions(browser, name, servers[name], datasets[name], opts.interactionRuns, notMeasured, only)),
      );
    }
    if (report.interactions.length === 0) {
      notMeasured.push({ what: 'interactions', why: 'neither ours nor the peer was measured' });
    }

    // Ratios.
    const med = (name, field, condition) => report.load[name]?.[condition]?.summary[field]?.median ?? null;
    const div = (a, b) => (a != null && b != null && b !== 0 ? round(a / b, 3) : null);
    const ratioOf = (mine, other) => ({
      bytesBrotli: div(report.bytes[mine]?.firstView.brotli, report.bytes[other]?.firstView.brotli),
      bytesBrotliAll: div(report.bytes[mine]?.totals.brotli, report.bytes[other]?.totals.brotli),
      firstChart: Object.fromEntries(CONDITIONS.map((c) => [c, div(med(mine, 'firstChartMs', c), med(other, 'firstChartMs', c))])),
      // The issue's yardstick: a control of ours responds within the other's first-chart time.
      controlsVsFirstChart: Object.fromEntries(CONDITIONS.map((c) => [c, div(med(mine, 'controlsMs', c), med(other, 'firstChartMs', c))])),
      interactive: Object.fromEntries(CONDITIONS.map((c) => [c, div(med(mine, 'interactiveMs', c), med(other, 'interactiveMs', c))])),
    });
    for (const other of ['floor', 'peer']) {
      if (!report.load.ours || !report.load[other]) {
        const missing = report.load.ours ? other : 'ours';
        const why = opts.only.includes(missing) ? `${missing} not measured` : `${missing} not in this run (--only)`;
        if (!(opts.dataset && other === 'floor')) notMeasured.push({ what: `ratio ours/${other}`, why });
        continue;
      }
      report.ratios[`ours/${other}`] = ratioOf('ours', other);
    }
    for (const variant of Object.keys(VARIANTS)) {
      if (report.load[variant] && report.load.floor) report.ratios[`${variant}/floor`] = ratioOf(variant, 'floor');
    }

    // Scale.
    if (!opts.dataset) {
      report.scale = { notMeasured: 'no --dataset given' };
    } else {
      report.scale = {
        dataset: rel(opts.dataset),
        datasetBytes: (await sizesOf(opts.dataset)),
        events: datasets.ours?.events.length ?? datasets.peer?.events.length ?? null,
        parks: datasets.ours?.parks.length ?? datasets.peer?.parks.length ?? null,
        parse: Object.fromEntries(
          pages.map((name) => [name, { measure: PAGES[name].measure, unthrottled: report.load[name]?.unthrottled?.summary.parseMs ?? null, throttled: report.load[name]?.throttled?.summary.parseMs ?? null }]),
        ),
        filter: report.interactions.filter((r) => r.interaction.startsWith('level filter')),
        scroll: [],
      };
      for (const name of pages.filter((n) => !dead.has(n))) {
        for (const rate of [1, THROTTLED.cpuSlowdown]) {
          log(`scroll: ${name}, CPU ×${rate}`);
          try {
            report.scale.scroll.push(await measureScroll(browser, name, servers[name], rate));
          } catch (error) {
            notMeasured.push({ what: `${name}: scroll ×${rate}`, why: error.message.split('\n')[0] });
          }
        }
      }
    }
  } finally {
    await browser.close();
    await Promise.all(Object.values(servers).map((s) => s.close()));
  }
  // After the rest, with its browser closed: nothing else runs beside the audit.
  if (opts.lighthouse) report.lighthouse = await runLighthouse(opts, pages, notMeasured);
  else notMeasured.push({ what: 'lighthouse', why: opts.dataset ? 'not run with --dataset (it audits the pages as shipped)' : '--no-lighthouse' });

  await fs.mkdir(path.dirname(opts.out), { recursive: true });
  await fs.writeFile(opts.out, `${JSON.stringify(report, null, 2)}\n`);

  const out = [];
  const env = report.environment;
  out.push(
    `# Benchmark${opts.dataset ? ` with ${rel(opts.dataset)}` : ''}\n\n` +
      `${env.date}, ${env.commit?.slice(0, 12) ?? 'no commit'}${env.dirty ? ' (+ uncommitted changes)' : ''}, ${env.browser}, ` +
      `${env.cpu}; viewport ${VIEWPORT.width}×${VIEWPORT.height}, cold cache, ${opts.runs} runs per page and network` +
      `, ${opts.interactionRuns} per interaction. Throttled: ${THROTTLED.latencyMs} ms latency, ` +
      `${(THROTTLED.downloadBytesPerSecond * 8) / 1e6} Mbit/s down, ${(THROTTLED.uploadBytesPerSecond * 8) / 1e3} kbit/s up, CPU ×${THROTTLED.cpuSlowdown}.`,
  );
  if (Object.keys(report.bytes).length) out.push(`## Bytes of the first view\n\n${bytesTables(report.bytes)}`);
  if (Object.values(report.load).some((l) => Object.keys(l).length)) {
    out.push(`## Load timings (ms from navigation; median (min–max))\n\n${loadTable(report.load)}`);
  }
  if (report.interactions.length) out.push(`## Interaction → next painted frame\n\n${interactionTable(report.interactions)}`);
  if (Object.keys(report.ratios).length) out.push(`## Ratios (ours ÷ other; medians)\n\n${ratioTable(report.ratios)}`);
  if (report.lighthouse) out.push(`## Lighthouse (mobile)\n\n${lighthouseMarkdown(report.lighthouse)}`);
  if (report.scale?.scroll) {
    out.push(
      `## Scale: ${report.scale.parks} parks, ${report.scale.events} events (${int(report.scale.datasetBytes.raw)} B, ` +
        `${int(report.scale.datasetBytes.brotli)} B brotli)\n\n${scaleSummaryTable(report.scale)}\n\n` +
        `Scrolling to the bottom in 40 wheel steps over ~2 s:\n\n${scaleTable(report.scale)}`,
    );
  }
  if (notMeasured.length) out.push(
      `## Not measured\n\n${notMeasured
        .map((n) => `- ${n.what}${n.conditions ? ` (${n.conditions.join(', ')})` : ''}: ${n.why}`)
        .join('\n')}`,
    );
  if (failures.length) out.push(`## FAILED\n\n${failures.map((f) => `- ${f}`).join('\n')}`);
  out.push(`Report: ${rel(opts.out)}`);
  process.stdout.write(`${out.join('\n\n')}\n`);
  if (failures.length) process.exitCode = 1;
}

/** Lighthouse on the measured pages among ours, the floor and the peer (bench/lighthouse.mjs). */
async function runLighthouse(opts, pages, notMeasured) {
  const audited = pages.filter((name) => LIGHTHOUSE_PAGES.includes(name));
  if (audited.length === 0) {
    notMeasured.push({ what: 'lighthouse', why: `none of ${LIGHTHOUSE_PAGES.join(', ')} measured in this run` });
    return null;
  }
  return auditPages(
    audited.map((name) => ({
      name,
      dir: PAGES[name].dir,
      dirLabel: rel(PAGES[name].dir),
      entry: PAGES[name].entry,
      // Ours is served with the .br files `cargo xtask dist` wrote (any missing is listed);
      // the floor's and the peer's builds get theirs here, as a ministry would make them.
      precompress: name !== 'ours',
    })),
    { runs: opts.lighthouseRuns, lhrDir: path.join(path.dirname(opts.out), 'lighthouse'), log, notMeasured },
  );
}

/** --lighthouse-only: the audit alone, in the same report and tables. */
async function lighthouseOnly(opts, pages, notMeasured, failures) {
  const report = {
    what: 'Benchmark, Lighthouse only (--lighthouse-only); see bench/README.md',
    environment: environment({ version: () => chromiumVersion().replace(/^Chromium\s+/, '') }),
    options: { only: opts.only, lighthouseRuns: opts.lighthouseRuns, quick: opts.quick },
    lighthouse: await runLighthouse(opts, pages, notMeasured),
    notMeasured,
    failures,
  };
  await fs.mkdir(path.dirname(opts.out), { recursive: true });
  await fs.writeFile(opts.out, `${JSON.stringify(report, null, 2)}\n`);
  const env = report.environment;
  const out = [`# Benchmark: Lighthouse\n\n${env.date}, ${env.commit?.slice(0, 12) ?? 'no commit'}${env.dirty ? ' (+ uncommitted changes)' : ''}, ${env.cpu}.`];
  if (report.lighthouse) out.push(`## Lighthouse (mobile)\n\n${lighthouseMarkdown(report.lighthouse)}`);
  if (notMeasured.length) out.push(`## Not measured\n\n${notMeasured.map((n) => `- ${n.what}: ${n.why}`).join('\n')}`);
  if (failures.length) out.push(`## FAILED\n\n${failures.map((f) => `- ${f}`).join('\n')}`);
  out.push(`Report: ${rel(opts.out)}`);
  process.stdout.write(`${out.join('\n\n')}\n`);
  if (failures.length) process.exitCode = 1;
}

main().catch((error) => {
  log(error instanceof UsageError ? `bench: ${error.message}` : (error.stack ?? String(error)));
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
