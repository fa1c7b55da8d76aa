// The printed report: Markdown tables of the bytes, the load timings, the interactions, the
// ratios, Lighthouse and the scale run, and what was not measured. Everything here reads the
// report's JSON value; nothing is measured.

import { rel } from '../pages/pages.mjs';
import { CONDITIONS, THROTTLED, VIEWPORT } from '../recorder/load.mjs';
import { round } from '../statistics.mjs';

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
        cell(s.longestTaskMs),
        s.cls ? s.cls.median.toFixed(3) : '—',
        s.jsHeapUsedBytes ? kib(s.jsHeapUsedBytes.median) : '—',
        s.wasmMemoryBytes ? kib(s.wasmMemoryBytes.median) : '—',
        s.domNodes ? int(s.domNodes.median) : '—',
        cell(s.parseMs, 1),
      ]);
    }
  }
  return table(
    ['page', 'network', 'first chart ms', 'first task after it ms', 'bytes received by then', 'a control responds ms', 'all interactive ms', 'FCP ms', 'LCP ms', 'TBT ms', 'longest task ms', 'CLS', 'JS heap', 'WASM memory', 'DOM nodes', 'parse ms'],
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

/** Lighthouse's table writes thousands with a space. */
const spacedInt = (v) => (v == null ? '—' : Math.round(v).toLocaleString('en-US').replace(/,/g, ' '));

/** The Markdown table (medians; timings with min–max) and, under it, what kept a score below 100. */
function lighthouseMarkdown(result) {
  const cell = (s, format) => {
    if (!s) return '—';
    const m = format(s.median);
    return s.n > 1 && s.min !== s.max ? `${m} (${format(s.min)}–${format(s.max)})` : m;
  };
  const cls = (v) => v.toFixed(3);
  const rows = Object.entries(result.pages).map(([name, p]) => {
    const s = p.summary;
    return `| ${name} | ${cell(s.performance, spacedInt)} | ${cell(s.accessibility, spacedInt)} | ${cell(s.bestPractices, spacedInt)} | ${cell(s.lcpMs, spacedInt)} | ${cell(s.fcpMs, spacedInt)} | ${cell(s.tbtMs, spacedInt)} | ${cell(s.cls, cls)} | ${cell(s.bytes, spacedInt)} |`;
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

const notMeasuredList = (notMeasured) =>
  notMeasured.map((n) => `- ${n.what}${n.conditions ? ` (${n.conditions.join(', ')})` : ''}: ${n.why}`).join('\n');

/** The closing sections every printout has: what was not measured, what failed, where the report is. */
function closing(report, out) {
  const sections = [];
  if (report.notMeasured.length) sections.push(`## Not measured\n\n${notMeasuredList(report.notMeasured)}`);
  if (report.failures.length) sections.push(`## FAILED\n\n${report.failures.map((f) => `- ${f}`).join('\n')}`);
  sections.push(`Report: ${rel(out)}`);
  return sections;
}

const stamp = (env) => `${env.date}, ${env.commit?.slice(0, 12) ?? 'no commit'}${env.dirty ? ' (+ uncommitted changes)' : ''}`;

/** The whole printout of a benchmark run (the report's JSON value, and where it was written). */
export function benchmarkMarkdown(report, out) {
  const { options: opts, environment: env } = report;
  const mbit = (THROTTLED.downloadBytesPerSecond * 8) / 1e6;
  const kbit = (THROTTLED.uploadBytesPerSecond * 8) / 1e3;
  const sections = [
    `# Benchmark${opts.dataset ? ` with ${opts.dataset}` : ''}\n\n` +
      `${stamp(env)}, ${env.browser}, ${env.cpu}; viewport ${VIEWPORT.width}×${VIEWPORT.height}, cold cache, ` +
      `${opts.runs} runs per page and network, ${opts.interactionRuns} per interaction. Throttled: ` +
      `${THROTTLED.latencyMs} ms latency, ${mbit} Mbit/s down, ${kbit} kbit/s up, CPU ×${THROTTLED.cpuSlowdown}.`,
  ];
  if (Object.keys(report.bytes).length) sections.push(`## Bytes of the first view\n\n${bytesTables(report.bytes)}`);
  if (Object.values(report.load).some((l) => Object.keys(l).length)) {
    sections.push(`## Load timings (ms from navigation; median (min–max))\n\n${loadTable(report.load)}`);
  }
  if (report.interactions.length) sections.push(`## Interaction → next painted frame\n\n${interactionTable(report.interactions)}`);
  if (Object.keys(report.ratios).length) sections.push(`## Ratios (ours ÷ other; medians)\n\n${ratioTable(report.ratios)}`);
  if (report.lighthouse) sections.push(`## Lighthouse (mobile)\n\n${lighthouseMarkdown(report.lighthouse)}`);
  const scale = report.scale;
  if (scale?.scroll) {
    sections.push(
      `## Scale: ${scale.parks} parks, ${scale.events} events (${int(scale.datasetBytes.raw)} B, ` +
        `${int(scale.datasetBytes.brotli)} B brotli)\n\n${scaleSummaryTable(scale)}\n\n` +
        `Scrolling to the bottom in 40 wheel steps over ~2 s:\n\n${scaleTable(scale)}`,
    );
  }
  return [...sections, ...closing(report, out)].join('\n\n');
}

/** The printout of a --lighthouse-only run. */
export function lighthouseOnlyMarkdown(report, out) {
  const sections = [`# Benchmark: Lighthouse\n\n${stamp(report.environment)}, ${report.environment.cpu}.`];
  if (report.lighthouse) sections.push(`## Lighthouse (mobile)\n\n${lighthouseMarkdown(report.lighthouse)}`);
  return [...sections, ...closing(report, out)].join('\n\n');
}
