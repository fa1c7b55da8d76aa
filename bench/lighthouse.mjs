// The audit a ministry's web team runs on a new page: Lighthouse 12 (npm) with its mobile
// defaults (simulated slow 4G, CPU ×4; the lab half of PageSpeed Insights), on Debian's
// Chromium, offline, each page served as nginx's `brotli_static on` serves it. Used by
// bench/run.mjs (its `lighthouse` key and table; `--lighthouse-only` runs nothing else).
// See bench/README.md, "Lighthouse".

import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

/** Debian's Chromium; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless, as root, no GPU; the background-networking flags keep Chromium from dialling out
 * (this machine's network is closed: such connections are refused, and nothing is fetched).
 * chrome-launcher adds its own defaults (no extensions, no default apps, …).
 */
export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Even so, Chromium looks up accounts.google.com, clients2.google.com and
  // update.googleapis.com (strace, 2026-12-06): resolve nothing but the pages' own address.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** The pages audited, when measured (bench/run.mjs's names). */
export const LIGHTHOUSE_PAGES = ['ours', 'floor', 'peer'];

const CATEGORIES = { performance: 'performance', accessibility: 'accessibility', bestPractices: 'best-practices' };
/** The figures kept per run: Lighthouse audit id → its numericValue. */
const METRICS = {
  lcpMs: 'largest-contentful-paint',
  fcpMs: 'first-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  speedIndexMs: 'speed-index',
  bytes: 'total-byte-weight',
};
export const FIELDS = [...Object.keys(CATEGORIES), ...Object.keys(METRICS)];

/** What `cargo xtask dist` compresses (xtask's COMPRESSIBLE): text, and WASM. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.csv', '.wasm', '.txt', '.map']);

/** nginx's stock mime.types, for what the pages hold. */
const MIME = new Map([
  ['.html', 'text/html'],
  ['.js', 'application/javascript'],
  ['.mjs', 'application/javascript'],
  ['.css', 'text/css'],
  ['.json', 'application/json'],
  ['.svg', 'image/svg+xml'],
  ['.csv', 'text/csv'],
  ['.txt', 'text/plain'],
  ['.wasm', 'application/wasm'],
  ['.png', 'image/png'],
  ['.ico', 'image/x-icon'],
  ['.webmanifest', 'application/manifest+json'],
  ['.woff2', 'font/woff2'],
]);

/** Hashed names never change (EMBEDDING.md's nginx example caches them for a year). */
const HASHED = /-[0-9a-f]{12,}(_bg\.wasm|\.js|\.css)$/;

/**
 * Writes `file.br` (brotli -q 11, window 24, as `brotli -q 11`) beside each compressible file
 * of `dir` that has none at least as new. For the floor's and the peer's builds, which Trunk
 * and bench/peer/build.mjs write without; ours gets them from `cargo xtask dist`.
 */
export async function precompressMissing(dir) {
  let written = 0;
  const walk = async (folder) => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        await walk(file);
        continue;
      }
      if (!COMPRESSIBLE.has(path.extname(file).toLowerCase())) continue;
      const [stat, pre] = await Promise.all([fs.stat(file), fs.stat(`${file}.br`).catch(() => null)]);
      if (pre && pre.mtimeMs >= stat.mtimeMs) continue;
      const bytes = await fs.readFile(file);
      const body = zlib.brotliCompressSync(bytes, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      });
      await fs.writeFile(`${file}.br`, body);
      written += 1;
    }
  };
  await walk(dir);
  return written;
}

/** Whether an Accept-Encoding header allows `coding` (listed, and not with q=0). */
export function accepts(header = '', coding) {
  return header.split(',').some((part) => {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return name === coding && (!q || Number(q.slice(2)) > 0);
  });
}

/**
 * A static server on 127.0.0.1 as nginx with `brotli_static on` and EMBEDDING.md's headers
 * (its Content-Security-Policy left out: the floor's and the peer's inline scripts would not
 * run under it): `x.br` goes out for `x`, with `Content-Encoding: br`, when it exists and the
 * request's Accept-Encoding allows br; otherwise `x` as it is. Nothing is compressed per
 * request. Cache-Control: `no-cache`, hashed names a year. `rawCompressible` lists the
 * compressible files that went out uncompressed to a client accepting br (no `.br` beside).
 */
export async function startBrotliStaticServer(root) {
  const rawCompressible = new Set();
  const server = http.createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      let file = path.resolve(root, `.${pathname}`);
      const inside = file === root || file.startsWith(root + path.sep);
      let stat = inside && !pathname.includes('\0') ? await fs.stat(file).catch(() => null) : null;
      if (stat?.isDirectory()) {
        file = path.join(file, 'index.html');
        stat = await fs.stat(file).catch(() => null);
      }
      if (!stat?.isFile() || !['GET', 'HEAD'].includes(req.method)) {
        res.writeHead(404, { 'Content-Type': 'text/html' });
        res.end('<html><body>404 Not Found</body></html>');
        return;
      }
      const ext = path.extname(file).toLowerCase();
      const headers = {
        'Content-Type': MIME.get(ext) ?? 'application/octet-stream',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      const acceptsBr = accepts(req.headers['accept-encoding'], 'br');
      const pre = acceptsBr ? await fs.stat(`${file}.br`).catch(() => null) : null;
      let served = file;
      if (pre?.isFile()) {
        served = `${file}.br`;
        stat = pre;
        headers['Content-Encoding'] = 'br';
        headers.Vary = 'Accept-Encoding';
      } else if (acceptsBr && COMPRESSIBLE.has(ext)) {
        rawCompressible.add(path.relative(root, file));
      }
      headers['Content-Length'] = stat.size;
      headers['Last-Modified'] = stat.mtime.toUTCString();
      headers.ETag = `"${Math.floor(stat.mtimeMs / 1000).toString(16)}-${stat.size.toString(16)}"`;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : await fs.readFile(served));
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    rawCompressible,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** `Chromium 1xx.…` as the binary reports it. */
export function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return `unknown (${CHROMIUM_PATH})`;
  }
}

const median = (values) => {
  const sorted = values.filter((v) => v != null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const spread = (values) => {
  const present = values.filter((v) => v != null);
  return present.length
    ? { median: median(present), min: Math.min(...present), max: Math.max(...present), n: present.length }
    : null;
};
const round = (value, digits) => (value == null ? null : Number(value.toFixed(digits)));

/** One Lighthouse run of `url` in a fresh Chromium (its own profile, as the CLI does). */
async function auditOnce(url) {
  const started = performance.now();
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.values(CATEGORIES) };
    const result = await lighthouse(url, flags);
    if (!result?.lhr) throw new Error('Lighthouse returned no result');
    return { lhr: result.lhr, durationMs: performance.now() - started };
  } finally {
    await chrome.kill();
  }
}

/** What one run gave: scores ×100, metrics, warnings, failing scored audits, off-site requests. */
function figuresOf(lhr, durationMs) {
  const figures = { durationMs: round(durationMs, 0) };
  for (const [key, id] of Object.entries(CATEGORIES)) {
    const score = lhr.categories[id]?.score;
    figures[key] = score == null ? null : Math.round(score * 100);
  }
  for (const [key, id] of Object.entries(METRICS)) {
    const value = lhr.audits[id]?.numericValue;
    figures[key] = value == null ? null : round(value, key === 'cls' ? 4 : 0);
  }
  figures.runtimeError = lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null;
  figures.warnings = lhr.runWarnings ?? [];
  figures.failing = [];
  for (const [key, id] of Object.entries(CATEGORIES)) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit?.score != null && audit.score < 1) {
        figures.failing.push({ category: id, id: ref.id, title: audit.title, score: audit.score, displayValue: audit.displayValue ?? null });
      }
    }
  }
  // The LCP element (its first table: the node), to tell a first-view paint from the app's.
  const lcpItems = lhr.audits['largest-contentful-paint-element']?.details?.items ?? [];
  figures.lcpElement = lcpItems[0]?.items?.[0]?.node?.snippet ?? null;
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  figures.requests = requests.length;
  figures.offsite = requests.map((r) => r.url).filter((u) => !/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(u));
  return figures;
}

/**
 * Audits each page `runs` times, interleaved (run 1 of every page, then run 2, …), each from
 * its own brotli_static server. pages: [{ name, dir, entry ('/' unless said), precompress }].
 * Writes every run's LHR under `lhrDir`. Returns the report's `lighthouse` value.
 */
export async function auditPages(pages, { runs = 3, lhrDir, log = () => {}, notMeasured = [] }) {
  const servers = {};
  const byPage = Object.fromEntries(pages.map((p) => [p.name, []]));
  let version = null;
  let settings = null;
  const started = performance.now();
  try {
    for (const page of pages) {
      if (page.precompress) {
        const written = await precompressMissing(page.dir);
        if (written) log(`lighthouse: wrote ${written} .br files in ${page.dir}`);
      }
      servers[page.name] = await startBrotliStaticServer(page.dir);
    }
    if (lhrDir) await fs.mkdir(lhrDir, { recursive: true });
    for (let run = 0; run < runs; run += 1) {
      for (const page of pages) {
        const url = `${servers[page.name].url}${page.entry ?? '/'}`;
        log(`lighthouse ${run + 1}/${runs}: ${page.name}`);
        try {
          const { lhr, durationMs } = await auditOnce(url);
          version ??= lhr.lighthouseVersion;
          settings ??= {
            formFactor: lhr.configSettings.formFactor,
            throttlingMethod: lhr.configSettings.throttlingMethod,
            throttling: lhr.configSettings.throttling,
            screenEmulation: lhr.configSettings.screenEmulation,
            userAgent: lhr.environment.networkUserAgent,
            hostUserAgent: lhr.environment.hostUserAgent,
          };
          const figures = { benchmarkIndex: lhr.environment.benchmarkIndex, ...figuresOf(lhr, durationMs) };
          byPage[page.name].push(figures);
          if (lhrDir) await fs.writeFile(path.join(lhrDir, `${page.name}-${run + 1}.json`), JSON.stringify(lhr));
          log(
            `  performance ${figures.performance}, LCP ${figures.lcpMs} ms, TBT ${figures.tbtMs} ms (${Math.round(durationMs / 1000)} s)` +
              (figures.runtimeError ? `, ERROR ${figures.runtimeError}` : ''),
          );
        } catch (error) {
          byPage[page.name].push({ runtimeError: error.message.split('\n')[0] });
          log(`  FAILED: ${error.message.split('\n')[0]}`);
        }
      }
    }
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.close()));
  }

  const result = {
    what:
      'Lighthouse mobile defaults (simulated slow 4G, CPU ×4), median of the runs per figure; ' +
      'served as nginx brotli_static serves the .br files; see bench/README.md',
    lighthouse: version,
    chromium: chromiumVersion(),
    flags: CHROME_FLAGS,
    runs,
    durationMs: round(performance.now() - started, 0),
    settings,
    pages: {},
  };
  for (const page of pages) {
    const list = byPage[page.name];
    const ok = list.filter((r) => !r.runtimeError);
    const failing = new Map();
    for (const r of ok) {
      for (const f of r.failing) {
        const key = `${f.category}:${f.id}`;
        failing.set(key, { ...f, score: undefined, scores: [...(failing.get(key)?.scores ?? []), f.score] });
      }
    }
    result.pages[page.name] = {
      dist: page.dirLabel ?? page.dir,
      entry: page.entry ?? '/',
      summary: Object.fromEntries(FIELDS.map((f) => [f, spread(ok.map((r) => r[f]))])),
      failingAudits: [...failing.values()],
      warnings: [...new Set(list.flatMap((r) => [...(r.warnings ?? []), ...(r.runtimeError ? [r.runtimeError] : [])]))],
      offsiteRequests: [...new Set(ok.flatMap((r) => r.offsite))],
      servedWithoutBrotli: [...servers[page.name].rawCompressible].sort(),
      runs: list.map(({ failing: _f, offsite: _o, ...rest }) => rest),
    };
    if (ok.length === 0) notMeasured.push({ what: `lighthouse: ${page.name}`, why: list[0]?.runtimeError ?? 'no run' });
  }
  return result;
}

const int = (v) => (v == null ? '—' : Math.round(v).toLocaleString('en-US').replace(/,/g, ' '));

/** The Markdown table (medians; timings with min–max) and, under it, what kept a score below 100. */
export function lighthouseMarkdown(result) {
  const cell = (s, format) => {
    if (!s) return '—';
    const m = format(s.median);
    return s.n > 1 && s.min !== s.max ? `${m} (${format(s.min)}–${format(s.max)})` : m;
  };
  const cls = (v) => v.toFixed(3);
  const rows = Object.entries(result.pages).map(([name, p]) => {
    const s = p.summary;
    return `| ${name} | ${cell(s.performance, int)} | ${cell(s.accessibility, int)} | ${cell(s.bestPractices, int)} | ${cell(s.lcpMs, int)} | ${cell(s.fcpMs, int)} | ${cell(s.tbtMs, int)} | ${cell(s.cls, cls)} | ${cell(s.bytes, int)} |`;
  });
  const lines = [
    `Lighthouse ${result.lighthouse ?? '?'}, ${result.chromium}; mobile defaults (${result.settings?.throttlingMethod ?? '?'}: ` +
      `${result.settings?.throttling?.rttMs ?? '?'} ms RTT, ${round((result.settings?.throttling?.throughputKbps ?? 0) / 1000, 1)} Mbit/s, ` +
      `CPU ×${result.settings?.throttling?.cpuSlowdownMultiplier ?? '?'}); median of ${result.runs} runs (min–max); ` +
      `bytes: Lighthouse's total byte weight (transferred, brotli, headers included). ${Math.round(result.durationMs / 1000)} s in all.`,
    '',
    '| page | performance | accessibility | best practices | LCP ms | FCP ms | TBT ms | CLS | bytes |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ];
  const notes = [];
  for (const [name, p] of Object.entries(result.pages)) {
    const failing = p.failingAudits.filter((f) => f.category !== 'performance');
    if (failing.length) {
      notes.push(`- ${name}: below 1 in ${failing.map((f) => `${f.category} \`${f.id}\` (${f.scores.join(', ')})`).join('; ')}`);
    }
    const elements = [...new Set(p.runs.map((r) => r.lcpElement).filter(Boolean))];
    if (elements.length) notes.push(`- ${name}: LCP element ${elements.map((e) => `\`${e}\``).join(', ')}`);
    for (const w of p.warnings) notes.push(`- ${name}: warning: ${w.replace(/\s+/g, ' ')}`);
    if (p.offsiteRequests.length) notes.push(`- ${name}: requests off 127.0.0.1: ${p.offsiteRequests.join(', ')}`);
    if (p.servedWithoutBrotli.length) notes.push(`- ${name}: served uncompressed (no .br beside): ${p.servedWithoutBrotli.join(', ')}`);
  }
  if (notes.length) lines.push('', ...notes);
  return lines.join('\n');
}
