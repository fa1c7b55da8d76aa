// The command line of bench/run.mjs: every option, checked, with its default.

import fsSync from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PAGES, PAGES, REPO_ROOT } from './pages/pages.mjs';

export const USAGE =
  'node bench/run.mjs [--runs N (≥5, default 5)] [--out PATH] [--only ours|ours-embed|floor|peer|ours-shown|ours-unstyled]... ' +
  '[--dataset PATH] [--quick] [--lighthouse-only | --no-lighthouse] [--lighthouse-runs N (default 3)]';

/** A bad command line: the run exits 2. */
export class UsageError extends Error {}

const wholeNumber = (text, least) => {
  const n = Number(text);
  return Number.isInteger(n) && n >= least ? n : null;
};

/** node's parseArgs, its errors (an unknown option, a missing value) as UsageError. */
function parseArgsOrUsage(config) {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error.message);
  }
}

/**
 * The run's options from argv: { help, runs, interactionRuns, out, only (in PAGES' order),
 * dataset (absolute, or null), quick, lighthouse, lighthouseOnly, lighthouseRuns }.
 */
export function parseOptions(argv) {
  const { values } = parseArgsOrUsage({
    args: argv,
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
  if (values.help) return { help: true };
  const runs = wholeNumber(values.runs, values.quick ? -Infinity : 5);
  if (runs === null) throw new UsageError(`--runs must be a whole number ≥ 5 (got ${values.runs}); --quick is for smoke runs`);
  const only = values.only ?? DEFAULT_PAGES;
  for (const name of only) {
    if (!(name in PAGES)) throw new UsageError(`--only ${name}: expected one of ${Object.keys(PAGES).join(', ')}`);
  }
  const dataset = values.dataset ? path.resolve(values.dataset) : null;
  if (dataset && !fsSync.existsSync(dataset)) throw new UsageError(`--dataset ${dataset}: no such file`);
  const lighthouseRuns = wholeNumber(values['lighthouse-runs'], 1);
  if (lighthouseRuns === null) {
    throw new UsageError(`--lighthouse-runs must be a whole number ≥ 1 (got ${values['lighthouse-runs']})`);
  }
  if (values['lighthouse-only'] && (values['no-lighthouse'] || dataset)) {
    throw new UsageError('--lighthouse-only goes with neither --no-lighthouse nor --dataset');
  }
  return {
    help: false,
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
