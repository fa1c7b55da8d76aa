// What is compared, and how each page is located and built: ours (dist/), ours as an embed
// frames it, the floor app, the peer page, and two yardsticks cut from ours. See bench/README.md.

import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPeer, PEER_DIST } from '../peer/build.mjs';
import { precompress, precompressMissing } from '../server.mjs';
import { elementsWhere, hasClass, without } from './html.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** A path as the report and the tables show it: relative to the repository. */
export const rel = (p) => path.relative(REPO_ROOT, p) || '.';

const OURS_DIST = path.resolve(process.env.DIST_DIR ?? path.join(REPO_ROOT, 'dist'));
const VARIANTS_DIR = path.join(REPO_ROOT, 'target', 'bench', 'variants');
/** Where a scale dataset's brotli copy goes (not beside a file that may not be ours). */
const SERVED_DIR = path.join(REPO_ROOT, 'target', 'bench', 'served');

// Ours: the prerendered chart (index.html, one drawing shown per width) or, after take-over,
// the app's; the prerendered metric select works with no script. With --dataset the
// prerendered view shows the bundled data, not the served one: only the app's count.
const OURS_CHART = '#prerender .chart-figure .static-chart svg, #compare-chart .chart svg';
const APP_CHART = '#compare-chart .chart svg';
const APP_SELECT = 'main[data-state="ready"] select#metric-select';
const APP_READY = ['main[data-state="ready"]', 'select#metric-select'];

/**
 * The pages. dir: what is served; build: how to make it; entry: the address loaded (`/`
 * unless said); chart: the first chart (matched and visible); controls: selectors of which one
 * present means a control responds; interactive: selectors that must all be present (the
 * whole app is up); the *WithDataset ones replace them with --dataset; firstView: whether a
 * fetched path is part of the first view (ours: the page and its stylesheets, the same split
 * as the byte budget's `in_first_view` in xtask; the app's files download beside it); measure:
 * the performance.measure the page records around parsing its data; dataPath: where it
 * fetches its dataset; lifecycle: how its lifecycle chart shows a filter's result (ours: one
 * rect.hit per event, or per year of a lane with its data-count; the peer: data-count on the
 * chart); interacts: whether the
 * interactions run on it; selects: whether it lists events to select (the peer does not);
 * byDefault: measured unless --only names others; withDataset: why it
 * is left out of a --dataset run (null: it is in); precompress: whether the benchmark writes
 * the build's missing `.br` files (ours is served with what `cargo xtask dist` wrote).
 */
const OURS = {
  dir: OURS_DIST,
  build: 'cargo xtask dist',
  chart: OURS_CHART,
  chartWithDataset: APP_CHART,
  controls: ['#pre-metric-select', APP_SELECT],
  controlsWithDataset: [APP_SELECT],
  interactive: APP_READY,
  firstView: (pathname) => pathname === '/' || pathname.endsWith('.css'),
  measure: 'technoparks:parse-validate',
  dataPath: '/data/technoparks.json',
  lifecycle: 'hits',
  interacts: true,
  selects: true,
  byDefault: true,
  withDataset: null,
  precompress: false,
};

export const PAGES = {
  ours: OURS,
  // Ours as a ministry's page frames it (embed.html, its first view drawn for ?embed=1),
  // loaded on its own: load timings and bytes only.
  'ours-embed': {
    ...OURS,
    entry: '/embed.html?embed=1',
    chartWithDataset: undefined,
    controlsWithDataset: undefined,
    firstView: (pathname) => pathname === '/embed.html' || pathname.endsWith('.css'),
    lifecycle: null,
    interacts: false,
    withDataset: 'the same app as ours: not run with --dataset',
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
    byDefault: true,
    withDataset: 'its own data format: not run with --dataset',
    precompress: true,
  },
  peer: {
    dir: PEER_DIST,
    build: 'node bench/peer/build.mjs',
    chart: '#compare-chart svg',
    controls: [APP_SELECT],
    interactive: APP_READY,
    firstView: () => true,
    measure: 'peer:parse',
    dataPath: '/data/technoparks.json',
    lifecycle: 'count',
    interacts: true,
    selects: false,
    byDefault: true,
    withDataset: null,
    precompress: true,
  },
};

// Yardsticks for our first view (run only when named: --only ours-shown --only ours-unstyled):
// ours with its index.html cut down as it is served, to tell what of the first chart's time is
// the page's own and what is the stylesheet's. ours-shown keeps only what the first view shows
// (no settings bar, no no-script summary, no other metric's drawing and table, nor the
// confidence legend under them); ours-unstyled is that without its stylesheets. The app loads
// and takes over as usual. Each cut must find as many elements as it says, or the page is not
// measured (the markup changed: update the cut).
const id = (value) => (tag) => tag.attrs.get('id') === value;
const SHOWN_CUTS = [
  { what: 'section#pre-a11y-panel', count: 1, matches: id('pre-a11y-panel') },
  { what: 'noscript', count: 1, matches: (tag) => tag.name === 'noscript' },
  { what: 'div#fallback', count: 1, matches: id('fallback') },
  { what: '.metric-view:not(.m0)', count: 'some', matches: (tag) => hasClass(tag, 'metric-view') && !hasClass(tag, 'm0') },
  { what: '.confidence-legend', count: 1, matches: (tag) => hasClass(tag, 'confidence-legend') },
];
const STYLESHEETS = {
  what: 'link[rel=stylesheet]',
  count: 2,
  matches: (tag) => tag.name === 'link' && tag.attrs.get('rel') === 'stylesheet',
};
const VARIANTS = { 'ours-shown': SHOWN_CUTS, 'ours-unstyled': [...SHOWN_CUTS, STYLESHEETS] };
for (const [name, cuts] of Object.entries(VARIANTS)) {
  PAGES[name] = { ...OURS, cuts, interacts: false, byDefault: false };
}
export const VARIANT_NAMES = Object.keys(VARIANTS);

/** The pages a run measures by default (--only names others). */
export const DEFAULT_PAGES = Object.keys(PAGES).filter((name) => PAGES[name].byDefault);

/** Ours' index.html with a variant's cuts made, and its .br; throws when a cut does not find what it says. */
async function cutPage(name) {
  const html = await fs.readFile(path.join(PAGES[name].dir, 'index.html'), 'utf8');
  const ranges = [];
  for (const cut of PAGES[name].cuts) {
    const found = elementsWhere(html, cut.matches);
    const expected = cut.count === 'some' ? found.length > 0 : found.length === cut.count;
    if (!expected) throw new Error(`${name}: ${cut.what} found ${found.length} times in index.html, expected ${cut.count}`);
    ranges.push(...found);
  }
  const file = path.join(VARIANTS_DIR, `${name}.html`);
  await fs.mkdir(VARIANTS_DIR, { recursive: true });
  await fs.writeFile(file, without(html, ranges.sort((a, b) => a[0] - b[0])));
  await precompress(file);
  return { file, twin: `${file}.br` };
}

/** The page as this run measures it: its definition with the selectors for a --dataset run. */
function pageFor(name, dataset) {
  const def = PAGES[name];
  const page = { name, ...def, overrides: new Map() };
  if (dataset) {
    page.chart = def.chartWithDataset ?? def.chart;
    page.controls = def.controlsWithDataset ?? def.controls;
  }
  return page;
}

/**
 * The pages this run measures, ready to serve: the peer assembled, each build's presence
 * checked, missing `.br` files written, the variants' pages cut, the dataset (with --dataset)
 * put in place of each page's own. What is left out goes to notMeasured; a missing ours is a
 * failure too.
 */
export async function preparePages({ only, dataset }, { notMeasured, failures, log }) {
  const pages = [];
  for (const name of only) {
    const page = pageFor(name, dataset);
    if (dataset && page.withDataset) {
      notMeasured.push({ what: name, why: page.withDataset });
      continue;
    }
    if (name === 'peer') {
      await buildPeer(PEER_DIST);
      log(`peer page assembled in ${rel(PEER_DIST)}`);
    }
    if (!fsSync.existsSync(path.join(page.dir, 'index.html'))) {
      const why = `${rel(page.dir)}/index.html is missing (build it: ${page.build})`;
      notMeasured.push({ what: name, why });
      if (name === 'ours') failures.push(`ours: ${why}`);
      log(`not measured: ${name}: ${why}`);
      continue;
    }
    if (page.precompress) {
      const written = await precompressMissing(page.dir);
      if (written) log(`wrote ${written} .br files in ${rel(page.dir)}`);
    }
    if (page.cuts) {
      try {
        page.overrides.set('/', await cutPage(name));
      } catch (error) {
        notMeasured.push({ what: name, why: error.message });
        log(`not measured: ${error.message}`);
        continue;
      }
    }
    if (dataset) page.overrides.set(page.dataPath, { file: dataset, twin: await datasetTwin(dataset) });
    pages.push(page);
  }
  return pages;
}

const twins = new Map();

/** The brotli copy of a scale dataset, made afresh once a run (another file may have had its name). */
function datasetTwin(dataset) {
  if (!twins.has(dataset)) {
    const twin = path.join(SERVED_DIR, `${path.basename(dataset)}.br`);
    twins.set(dataset, fs.rm(twin, { force: true }).then(() => precompress(dataset, twin)).then(() => twin));
  }
  return twins.get(dataset);
}

/** The dataset a page is served (parsed), for the interactions; null when it has none. */
export async function servedDataset(page, server) {
  if (!page.interacts) return null;
  const file = await server.fileOf(`${server.url}${page.dataPath}`);
  return file ? JSON.parse(await fs.readFile(file, 'utf8')) : null;
}
