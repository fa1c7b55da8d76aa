// Statistics: medians, p90, spreads; the load summaries (and what a page left unmeasured);
// the ratios of ours against the floor and the peer.

import { CONDITIONS, FIRST_CHART_LIMIT_MS, LOAD_FIELDS } from './recorder/load.mjs';

const sorted = (xs) => xs.filter((x) => x != null && Number.isFinite(x)).sort((a, b) => a - b);

export function median(xs) {
  const s = sorted(xs);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function p90(xs) {
  const s = sorted(xs);
  return s.length ? s[Math.ceil(0.9 * s.length) - 1] : null;
}

/** { median, min, max, n } of the numbers among xs, or null when there is none. */
export function spread(xs) {
  const s = sorted(xs);
  return s.length ? { median: median(s), min: s[0], max: s.at(-1), n: s.length } : null;
}

export const round = (x, digits = 1) => (x == null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** Why a load figure can be missing from every run of a page. */
const MISSING = {
  parseMs: (page) =>
    page.measure ? `the page recorded no performance.measure "${page.measure}"` : 'the page has no parse measure',
  interactiveMs: (page) => `never matched ${page.interactive.join(' + ')} within ${FIRST_CHART_LIMIT_MS / 1000} s`,
  backingStoreBytes: () => 'Runtime.getHeapUsage gave no backingStorageSize',
  wasmMemoryBytes: () => 'no WebAssembly memory (the page runs no WASM)',
  domNodes: () => 'Memory.getDOMCounters failed',
};
const missingWhy = (field, page) => (MISSING[field] ?? (() => 'no entries (observer unsupported or nothing reported)'))(page);

/** A load's figures as the report keeps them: numbers rounded (CLS to 4 digits, the rest to 1). */
const digitsOf = (key) => (key === 'cls' ? 4 : 1);
const roundedRun = (run) =>
  Object.fromEntries(Object.entries(run).map(([k, v]) => [k, typeof v === 'number' ? round(v, digitsOf(k)) : v]));

/**
 * The report's `load` value of one page: per condition run, `summary` (a spread of each of
 * LOAD_FIELDS) and every run. A figure no run gave goes to notMeasured (one entry per page,
 * figure and reason, listing the conditions).
 */
export function summariseLoads(page, byCondition, notMeasured) {
  const load = {};
  for (const condition of CONDITIONS) {
    const runs = byCondition[condition];
    if (runs.length === 0) continue;
    const summary = Object.fromEntries(LOAD_FIELDS.map((f) => [f, spread(runs.map((r) => r[f]))]));
    load[condition] = { summary, runs: runs.map(roundedRun) };
    for (const field of LOAD_FIELDS.filter((f) => summary[f] === null)) {
      const what = `${page.name}: ${field}`;
      const why = missingWhy(field, page);
      const known = notMeasured.find((n) => n.what === what && n.why === why);
      if (known) known.conditions.push(condition);
      else notMeasured.push({ what, why, conditions: [condition] });
    }
  }
  return load;
}

const div = (a, b) => (a != null && b != null && b !== 0 ? round(a / b, 3) : null);

/** mine ÷ other (medians) of the bytes and the load timings, from the report so far. */
function ratioOf(report, mine, other) {
  const med = (name, field, condition) => report.load[name]?.[condition]?.summary[field]?.median ?? null;
  const perCondition = (mineField, otherField) =>
    Object.fromEntries(CONDITIONS.map((c) => [c, div(med(mine, mineField, c), med(other, otherField, c))]));
  return {
    bytesBrotli: div(report.bytes[mine]?.firstView.brotli, report.bytes[other]?.firstView.brotli),
    bytesBrotliAll: div(report.bytes[mine]?.totals.brotli, report.bytes[other]?.totals.brotli),
    firstChart: perCondition('firstChartMs', 'firstChartMs'),
    // The yardstick: a control of ours responds within the other's first-chart time.
    controlsVsFirstChart: perCondition('controlsMs', 'firstChartMs'),
    interactive: perCondition('interactiveMs', 'interactiveMs'),
  };
}

/**
 * The report's `ratios`: ours against the floor and the peer, each variant against the floor.
 * A ratio that cannot be made goes to notMeasured (not the floor's with --dataset: it is left
 * out of such runs by design).
 */
export function ratios(report, { only, dataset }, variants, notMeasured) {
  const result = {};
  for (const other of ['floor', 'peer']) {
    if (report.load.ours && report.load[other]) {
      result[`ours/${other}`] = ratioOf(report, 'ours', other);
      continue;
    }
    const missing = report.load.ours ? other : 'ours';
    const why = only.includes(missing) ? `${missing} not measured` : `${missing} not in this run (--only)`;
    if (!(dataset && other === 'floor')) notMeasured.push({ what: `ratio ours/${other}`, why });
  }
  for (const variant of variants) {
    if (report.load[variant] && report.load.floor) result[`${variant}/floor`] = ratioOf(report, variant, 'floor');
  }
  return result;
}
