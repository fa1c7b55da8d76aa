// The audit a ministry's web team runs on a new page: Lighthouse 12 (npm) with its mobile
// defaults (simulated slow 4G, CPU ×4; the lab half of PageSpeed Insights), on Debian's
// Chromium, offline, each page served by the benchmark's server (server.mjs), as nginx's
// `brotli_static on` serves it. Used by bench/run.mjs (its `lighthouse` key and table;
// `--lighthouse-only` runs nothing else). See bench/README.md, "Lighthouse".

import fs from 'node:fs/promises';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH, chromiumVersion, LIGHTHOUSE_FLAGS } from './browser.mjs';
import { round, spread } from './statistics.mjs';

/** The pages audited, when measured (pages.mjs's names). */
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
const FIELDS = [...Object.keys(CATEGORIES), ...Object.keys(METRICS)];

/** The settings Lighthouse ran with, from a result. */
const settingsOf = (lhr) => ({
  formFactor: lhr.configSettings.formFactor,
  throttlingMethod: lhr.configSettings.throttlingMethod,
  throttling: lhr.configSettings.throttling,
  screenEmulation: lhr.configSettings.screenEmulation,
  userAgent: lhr.environment.networkUserAgent,
  hostUserAgent: lhr.environment.hostUserAgent,
});

/** One Lighthouse run of `url` in a fresh Chromium (its own profile, as the CLI does). */
async function auditOnce(url) {
  const started = performance.now();
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: LIGHTHOUSE_FLAGS, logLevel: 'silent' });
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
    const digits = key === 'cls' ? 4 : 0;
    figures[key] = value == null ? null : round(value, digits);
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
 * Audits each page `runs` times, interleaved (run 1 of every page, then run 2, …). pages:
 * [{ name, url (its server's address and entry), dist (as the report shows it), entry,
 * server (server.mjs's: its rawCompressible) }]. Writes every run's LHR under `lhrDir`.
 * Returns the report's `lighthouse` value.
 */
export async function auditPages(pages, { runs = 3, lhrDir, log = () => {}, notMeasured = [] }) {
  const byPage = Object.fromEntries(pages.map((p) => [p.name, []]));
  let version = null;
  let settings = null;
  const started = performance.now();
  if (lhrDir) await fs.mkdir(lhrDir, { recursive: true });
  for (let run = 0; run < runs; run += 1) {
    for (const page of pages) {
      log(`lighthouse ${run + 1}/${runs}: ${page.name}`);
      try {
        const { lhr, durationMs } = await auditOnce(page.url);
        version ??= lhr.lighthouseVersion;
        settings ??= settingsOf(lhr);
        const figures = { benchmarkIndex: lhr.environment.benchmarkIndex, ...figuresOf(lhr, durationMs) };
        byPage[page.name].push(figures);
        if (lhrDir) await fs.writeFile(path.join(lhrDir, `${page.name}-${run + 1}.json`), JSON.stringify(lhr));
        const error = figures.runtimeError ? `, ERROR ${figures.runtimeError}` : '';
        log(`  performance ${figures.performance}, LCP ${figures.lcpMs} ms, TBT ${figures.tbtMs} ms (${Math.round(durationMs / 1000)} s)${error}`);
      } catch (error) {
        byPage[page.name].push({ runtimeError: error.message.split('\n')[0] });
        log(`  FAILED: ${error.message.split('\n')[0]}`);
      }
    }
  }

  const result = {
    what:
      'Lighthouse mobile defaults (simulated slow 4G, CPU ×4), median of the runs per figure; ' +
      'served as nginx brotli_static serves the .br files; see bench/README.md',
    lighthouse: version,
    chromium: chromiumVersion(),
    flags: LIGHTHOUSE_FLAGS,
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
      dist: page.dist,
      entry: page.entry ?? '/',
      summary: Object.fromEntries(FIELDS.map((f) => [f, spread(ok.map((r) => r[f]))])),
      failingAudits: [...failing.values()],
      warnings: [...new Set(list.flatMap((r) => [...(r.warnings ?? []), ...(r.runtimeError ? [r.runtimeError] : [])]))],
      offsiteRequests: [...new Set(ok.flatMap((r) => r.offsite))],
      servedWithoutBrotli: [...page.server.rawCompressible].sort(),
      runs: list.map(({ failing: _f, offsite: _o, ...rest }) => rest),
    };
    if (ok.length === 0) notMeasured.push({ what: `lighthouse: ${page.name}`, why: list[0]?.runtimeError ?? 'no run' });
  }
  return result;
}
