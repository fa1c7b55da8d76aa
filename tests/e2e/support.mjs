// Shared expectations for the explorer and fault tests: the served dataset, the interface
// strings, and the checks every page must pass (no errors, nothing fetched off this machine).
//
// Not a test file (the runner only picks up *.test.mjs): imported by them.

import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { launchBrowser, nonLocalRequests, openPage, startServer } from './helpers.mjs';

// The dataset, the interface strings and the typesetting rules (data.mjs).
export * from './data.mjs';

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
