// Shared expectations for the explorer and fault tests: the served dataset, the interface
// strings, and the checks every page must pass (no errors, nothing fetched off this machine).
//
// Not a test file (the runner only picks up *.test.mjs): imported by them.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { DIST_DIR, launchBrowser, nonLocalRequests, openPage, startServer } from './helpers.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** axe-core, from the npm packages. */
const AXE_PATH = path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** WCAG 2.0 and 2.1, levels A and AA: the rules every page state must pass. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe-core (injected once per page) over the whole document with these tags. */
export async function runAxe(page, tags = AXE_TAGS) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  return page.evaluate(
    (tags) =>
      window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        // Only violations carry every node; the other groups still list their rules.
        resultTypes: ['violations'],
      }),
    tags,
  );
}

/** The URL path the app fetches its data from. */
export const DATA_PATH = '/data/technoparks.json';

/** The dataset exactly as the server under test sends it (text). */
export const DATASET_TEXT = fs.readFileSync(path.join(DIST_DIR, 'data', 'technoparks.json'), 'utf8');

/** A fresh parsed copy of the served dataset (safe to mutate). */
export function dataset() {
  return JSON.parse(DATASET_TEXT);
}

/** The interface strings of a language, as the app ships them (read-only use). */
export function locale(lang) {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'locales', `${lang}.json`), 'utf8'));
}

/** The metric ids the app derives from the data, after the dataset's own (the contract). */
export const DERIVED_METRICS = ['investment_per_m2', 'opened_year', 'years_active'];

export const NBSP = '\u00a0';

/**
 * A text with its no-break spaces as plain ones: the core typesets the dataset's prose
 * (`typography::typeset`, «в_Перми», «№_10»), which the file as written does not have.
 */
export function plain(text) {
  return text?.replace(/[\u00a0\u202f]/g, ' ') ?? text;
}

/** `{0}`, `{1}` … filled in, as the app's templates are. */
export function fill(template, ...args) {
  return args.reduce((text, arg, i) => text.replaceAll(`{${i}}`, String(arg)), template);
}

/** "36 событий" / "8 events": a count in the language's plural form (numbers below 10 000). */
export function countText(lang, n) {
  assert.ok(n < 10_000, 'countText only covers numbers without grouping');
  const forms = locale(lang).events_count;
  const category = new Intl.PluralRules(lang === 'ru' ? 'ru-RU' : 'en-US').select(n);
  return fill(forms[category] ?? forms.other, n);
}

/** The colour of an inferred bar: the park colour mixed halfway to white. */
export function lighten(hex) {
  const mix = (i) =>
    Math.floor((parseInt(hex.slice(i, i + 2), 16) + 255) / 2)
      .toString(16)
      .padStart(2, '0');
  return `#${mix(1)}${mix(3)}${mix(5)}`;
}

/** Compares partial ISO dates the way the app orders them: year, then month, then day. */
function dateKey(date) {
  const [y, m = '00', d = '00'] = date.split('-');
  return `${y}-${m}-${d}`;
}

/** Each park's stated values of a metric, oldest first: [{park, values: [observation…]}]. */
export function parkValues(data, metricId) {
  return data.parks.map((park) => ({
    park,
    values: data.observations
      .filter((o) => o.park === park.id && o.metric === metricId)
      .sort((a, b) => dateKey(a.date).localeCompare(dateKey(b.date))),
  }));
}

/** Whether the app draws a stated metric as a series (a rank, or a park with several values). */
export function isSeries(data, metricId) {
  const unit = data.metrics.find((m) => m.id === metricId)?.unit;
  return unit === 'rank' || parkValues(data, metricId).some((p) => p.values.length > 1);
}

/**
 * Asserts what every page must satisfy: no uncaught exceptions, no console errors (except
 * those whose text matches one of `allowConsole`), no dialogs, and no request off 127.0.0.1.
 */
export function assertClean(record, { allowConsole = [], allowDialogs = false } = {}) {
  const consoleErrors = record.consoleErrors.filter(
    (text) => !allowConsole.some((pattern) => pattern.test(text)),
  );
  assert.deepEqual(record.pageErrors, [], 'uncaught page errors');
  assert.deepEqual(consoleErrors, [], 'console errors');
  if (!allowDialogs) {
    assert.deepEqual(record.dialogs, [], 'alerts / dialogs');
  }
  assert.ok(record.requests.length > 0, 'the page made no requests at all');
  assert.deepEqual(nonLocalRequests(record.requests), [], 'requests that left 127.0.0.1');
}

/** Waits until `main#main` has the given data-state. */
export async function waitForState(page, state, timeout = 20_000) {
  await page.waitForSelector(`main#main[data-state="${state}"]`, { state: 'attached', timeout });
}

/** Escapes a string for a RegExp. */
export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Like helpers.mjs `openPage`, but installs Playwright routes before the page navigates:
 * `routes` maps a URL glob (e.g. `**${DATA_PATH}`) to a route handler. Navigation waits for
 * `waitUntil` ('commit' returns as soon as the page starts arriving).
 * Returns the same record as `openPage`, plus `navigated`: Date.now() just before navigating.
 */
export async function openPageRouted(browser, url, routes, { waitUntil = 'load', ...viewport } = {}) {
  // openPage attaches the recorders; about:blank makes no request.
  const record = await openPage(browser, 'about:blank', viewport);
  for (const [pattern, handler] of Object.entries(routes)) {
    await record.page.route(pattern, handler);
  }
  record.navigated = Date.now();
  await record.page.goto(url, { waitUntil });
  return record;
}

/**
 * A test file's server (helpers.mjs `startServer(serverOptions)`) and browser: started before
 * its tests, closed after them. Returns `{ server, browser }`, filled in once they are up.
 */
export function serveAndBrowse(serverOptions = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer(serverOptions);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Opens `query` (e.g. `?lang=en`) on the file's server (`env` from `serveAndBrowse`) and waits
 * for the explorer. `options`: viewport `width`/`height` and any other browser-context option.
 */
export async function openReady(env, query = '', options = {}) {
  const record = await openPage(env.browser, `${env.server.url}/${query}`, options);
  await waitForState(record.page, 'ready');
  return record;
}

/** Runs `body(page, record)` on a fresh ready page, checks it stayed clean, always closes it. */
export async function withPage(env, query, body, options = {}) {
  const record = await openReady(env, query, options);
  try {
    await body(record.page, record);
    assertClean(record);
  } finally {
    await record.context.close();
  }
}

/**
 * Waits until `read()` (a page reading, compared as JSON) gives the same answer twice in a
 * row, 100 ms apart: a chart is redrawn once its width is measured. Returns that reading.
 */
export async function settled(page, read, what) {
  let previous = JSON.stringify(await read());
  for (let i = 0; i < 20; i += 1) {
    await page.waitForTimeout(100);
    const current = await read();
    if (JSON.stringify(current) === previous) return current;
    previous = JSON.stringify(current);
  }
  assert.fail(`${what} kept changing for 2 s`);
}


// The page's menus and tabs, as a reader works them (helpers.mjs).
export { clickInMenu, openMenuOf, showTable } from './helpers.mjs';
