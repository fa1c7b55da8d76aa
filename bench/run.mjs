#!/usr/bin/env node
// The benchmark: a yardstick, not a test. Ours (dist/), the floor app (a bare Leptos + plotters
// bar chart) and the peer page (plain DOM + ECharts), each served on 127.0.0.1 as nginx's
// brotli_static serves it, measured side by side in headless Debian Chromium: the bytes of the
// first view, cold loads unthrottled and under slow 4G with CPU ×4, interactions, their ratios;
// with --dataset, the same on a large dataset plus scrolling; then Lighthouse. See
// bench/README.md. The parts: pages/ (what is compared), server.mjs, recorder/, statistics.mjs,
// lighthouse.mjs, report/.
//
//     node bench/run.mjs [--runs N] [--out PATH] [--only PAGE]... [--dataset PATH] [--quick]
//                        [--lighthouse-only | --no-lighthouse] [--lighthouse-runs N]
//
// Markdown tables go to stdout, progress to stderr, everything to the JSON report. Exits 1
// when a page does not paint its first chart within 60 s (or ours cannot be measured at all),
// 2 on a bad command line.

import path from 'node:path';
import { chromiumVersion, launchBrowser } from './browser.mjs';
import { auditPages, LIGHTHOUSE_PAGES } from './lighthouse.mjs';
import { parseOptions, USAGE, UsageError } from './options.mjs';
import { preparePages, rel, servedDataset, VARIANT_NAMES } from './pages/pages.mjs';
import { bytesOf } from './recorder/bytes.mjs';
import { measureInteractions, measureScrolls } from './recorder/interactions.mjs';
import { recordLoads } from './recorder/load.mjs';
import { lighthouseOnlyReport, newReport, scaleReport, writeReport } from './report/json.mjs';
import { benchmarkMarkdown, lighthouseOnlyMarkdown } from './report/markdown.mjs';
import { startServer, sizesOf } from './server.mjs';
import { ratios, summariseLoads } from './statistics.mjs';

const log = (...args) => process.stderr.write(`${args.join(' ')}\n`);

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // What the parts note besides their figures, and their progress lines.
  const run = { notMeasured: [], failures: [], log };

  const pages = await preparePages(opts, run);
  const servers = await serve(pages);
  try {
    const report = opts.lighthouseOnly
      ? lighthouseOnlyReport(opts, chromiumVersion().replace(/^Chromium\s+/, ''), run)
      : await measure(opts, pages, servers, run);
    // After the rest, with its browser closed: nothing else runs beside the audit.
    if (opts.lighthouse) report.lighthouse = await lighthouse(opts, pages, servers, run);
    else run.notMeasured.push({ what: 'lighthouse', why: opts.dataset ? 'not run with --dataset (it audits the pages as shipped)' : '--no-lighthouse' });

    await writeReport(report, opts.out);
    const print = opts.lighthouseOnly ? lighthouseOnlyMarkdown : benchmarkMarkdown;
    process.stdout.write(`${print(report, opts.out)}\n`);
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.close()));
  }
  if (run.failures.length) process.exitCode = 1;
}

/** One server per page, on 127.0.0.1: name → server. */
async function serve(pages) {
  const servers = {};
  for (const page of pages) {
    servers[page.name] = await startServer(page.dir, page.overrides);
    const dataset = page.overrides.get(page.dataPath);
    log(`serving ${page.name} from ${rel(page.dir)}${dataset ? ` with ${rel(dataset.file)}` : ''} at ${servers[page.name].url}`);
  }
  return servers;
}

/** Everything but Lighthouse, in one browser: loads, bytes, interactions, ratios, scale. */
async function measure(opts, pages, servers, run) {
  const { notMeasured, log } = run;
  const datasets = {};
  for (const page of pages) datasets[page.name] = await servedDataset(page, servers[page.name]);
  const browser = await launchBrowser();
  const report = newReport(opts, pages, browser.version(), run);
  try {
    const loads = await recordLoads(browser, pages, servers, opts.runs, run);
    for (const page of pages) report.load[page.name] = summariseLoads(page, loads.runs[page.name], notMeasured);
    for (const page of pages) {
      const bytes = await bytesOf(page, servers[page.name], loads.files[page.name], notMeasured);
      if (bytes) report.bytes[page.name] = bytes;
    }

    const alive = pages.filter((page) => !loads.dead.has(page.name));
    // On a scale dataset the metric change and the level filter; a language switch re-renders
    // everything and would take minutes at CPU ×4.
    const only = opts.dataset ? /^(level filter|metric change)/ : null;
    for (const page of alive.filter((p) => p.interacts)) {
      log(`interactions: ${page.name}`);
      const rows = await measureInteractions(browser, page, servers[page.name], datasets[page.name], opts.interactionRuns, {
        ...run,
        only,
      });
      report.interactions.push(...rows);
    }
    if (report.interactions.length === 0) notMeasured.push({ what: 'interactions', why: 'neither ours nor the peer was measured' });

    report.ratios = ratios(report, opts, VARIANT_NAMES, notMeasured);

    if (opts.dataset) {
      report.scale = scaleReport(opts.dataset, await sizesOf(opts.dataset), pages, report, datasets);
      report.scale.scroll = await measureScrolls(browser, alive, servers, run);
    } else {
      report.scale = { notMeasured: 'no --dataset given' };
    }
  } finally {
    await browser.close();
  }
  return report;
}

/** Lighthouse on the measured pages among ours, the floor and the peer (lighthouse.mjs). */
async function lighthouse(opts, pages, servers, { notMeasured }) {
  const audited = pages.filter((page) => LIGHTHOUSE_PAGES.includes(page.name));
  if (audited.length === 0) {
    notMeasured.push({ what: 'lighthouse', why: `none of ${LIGHTHOUSE_PAGES.join(', ')} measured in this run` });
    return null;
  }
  return auditPages(
    audited.map((page) => ({
      name: page.name,
      url: `${servers[page.name].url}${page.entry ?? '/'}`,
      dist: rel(page.dir),
      entry: page.entry,
      server: servers[page.name],
    })),
    { runs: opts.lighthouseRuns, lhrDir: path.join(path.dirname(opts.out), 'lighthouse'), log, notMeasured },
  );
}

main().catch((error) => {
  log(error instanceof UsageError ? `bench: ${error.message}` : (error.stack ?? String(error)));
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
