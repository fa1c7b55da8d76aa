// The JSON report: its frame (what, environment, options, viewport, conditions, pages) filled
// in by run.mjs as the parts measure, and written at the end. bench/README.md lists its keys.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_PATH } from '../browser.mjs';
import { REPO_ROOT, rel } from '../pages/pages.mjs';
import { THROTTLED, VIEWPORT } from '../recorder/load.mjs';

/** What ran where: date, commit, whether the app's sources had uncommitted changes, browser, machine. */
function environment(browserVersion) {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const sources = ['src', 'index.html', 'style.css', 'public', 'Cargo.toml', 'Trunk.toml', 'bench'];
  return {
    date: new Date().toISOString(),
    commit: git('rev-parse', 'HEAD'),
    dirty: git('status', '--porcelain', '--', ...sources)?.length > 0,
    browser: `Chromium ${browserVersion} (${CHROMIUM_PATH}), headless`,
    node: process.version,
    cpu: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}`,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** A benchmark run's report, before anything is measured. */
export function newReport(opts, pages, browserVersion, { notMeasured, failures }) {
  return {
    what:
      'Benchmark (a yardstick, not a test): first-view bytes, cold-load timings unthrottled and ' +
      'throttled, interaction → next painted frame, ratios; see bench/README.md',
    environment: environment(browserVersion),
    options: {
      runs: opts.runs,
      interactionRuns: opts.interactionRuns,
      only: opts.only,
      dataset: opts.dataset && rel(opts.dataset),
      quick: opts.quick,
    },
    viewport: VIEWPORT,
    conditions: { unthrottled: 'no network or CPU throttling (cache disabled)', throttled: THROTTLED },
    pages: Object.fromEntries(
      pages.map((page) => [
        page.name,
        {
          dist: rel(page.dir),
          firstChart: page.chart,
          controls: page.controls,
          interactive: page.interactive,
          parseMeasure: page.measure,
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
}

/** A --lighthouse-only run's report, before the audit. */
export function lighthouseOnlyReport(opts, browserVersion, { notMeasured, failures }) {
  return {
    what: 'Benchmark, Lighthouse only (--lighthouse-only); see bench/README.md',
    environment: environment(browserVersion),
    options: { only: opts.only, lighthouseRuns: opts.lighthouseRuns, quick: opts.quick },
    lighthouse: null,
    notMeasured,
    failures,
  };
}

export async function writeReport(report, out) {
  await fs.mkdir(path.dirname(out), { recursive: true });
  await fs.writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
}

/**
 * The report's `scale` value of a --dataset run, its scrolling still to come: the dataset, its
 * size and content, each page's parse measure and the level filter's rows.
 */
export function scaleReport(dataset, datasetBytes, pages, report, datasets) {
  const data = datasets.ours ?? datasets.peer ?? null;
  const parseOf = (name, condition) => report.load[name]?.[condition]?.summary.parseMs ?? null;
  return {
    dataset: rel(dataset),
    datasetBytes,
    events: data?.events.length ?? null,
    parks: data?.parks.length ?? null,
    parse: Object.fromEntries(
      pages.map((page) => [
        page.name,
        { measure: page.measure, unthrottled: parseOf(page.name, 'unthrottled'), throttled: parseOf(page.name, 'throttled') },
      ]),
    ),
    filter: report.interactions.filter((r) => r.interaction.startsWith('level filter')),
    scroll: [],
  };
}
