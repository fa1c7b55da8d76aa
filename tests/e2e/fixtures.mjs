// Playwright Test with this project's fixtures. Every spec imports `test` and `expect` from
// here, never from '@playwright/test':
//
// - `served` (worker): the run's one server (server.mjs): { origin, url (`/`), sub (dist/
//   under APP_PREFIX with the strict CSP) }; `baseURL` is `served.url`, so `page.goto('/?lang=en')`.
// - `record` (automatic, every test): what the context's pages and frames did: consoleErrors,
//   pageErrors, requests, failedRequests, dialogs (all dismissed), cspViolations. After the
//   test it fails the test on an uncaught error, a console error, a dialog, a CSP violation or
//   a request to any origin but the server's, unless the test allows it with
//   `test.use({ allowConsole: [/…/], allowDialogs: true, allowOrigins: ['http://…'] })`.
// - `wasmGate`: `hold()` keeps the WASM back until `release()`: the first view alone.
// - `entry` (option): the page a project opens, '/' or '/embed.html' (the `embed` project).

import { test as base, expect } from '@playwright/test';
import { APP_PREFIX } from './server.mjs';

export { expect };

/** Runs in every document before its own scripts: reports CSP violations to the test. */
const CSP_RECORDER = `document.addEventListener('securitypolicyviolation', (e) => {
  window.__e2eCspViolation?.({
    directive: e.effectiveDirective || e.violatedDirective,
    blocked: e.blockedURI,
    source: e.sourceFile,
    line: e.lineNumber,
    sample: e.sample,
    document: String(location.href),
  });
});`;

/** Whether a request stays with the test: the server, a data:/blob:/about: URL, an allowed origin. */
function isOurs(requestUrl, origins) {
  const url = new URL(requestUrl);
  return ['data:', 'blob:', 'about:'].includes(url.protocol) || origins.includes(url.origin);
}

/** A console message with where it came from. */
function describe(message) {
  const { url, lineNumber } = message.location();
  return url ? `${message.text()} (${url}:${lineNumber})` : message.text();
}

export const test = base.extend({
  allowConsole: [[], { option: true }],
  allowDialogs: [false, { option: true }],
  allowOrigins: [[], { option: true }],
  entry: ['/', { option: true }],

  served: [
    async ({}, use) => {
      const origin = process.env.E2E_ORIGIN;
      if (!origin) throw new Error('E2E_ORIGIN unset: run through playwright.config.mjs');
      await use({ origin, url: `${origin}/`, sub: `${origin}${APP_PREFIX}` });
    },
    { scope: 'worker' },
  ],

  baseURL: async ({ served }, use) => use(served.url),

  // The WASM held back: after `wasmGate.hold()` the page's .wasm waits until
  // `wasmGate.release()` (or the test's end), so the first view stands alone.
  wasmGate: async ({ page }, use) => {
    let open = () => {};
    const opened = new Promise((resolve) => (open = resolve));
    await use({
      hold: () => page.route('**/*.wasm', async (route) => (await opened, route.continue().catch(() => {}))),
      release: () => open(),
    });
    open();
  },

  record: [
    async ({ context, served, allowConsole, allowDialogs, allowOrigins }, use) => {
      const record = {
        consoleErrors: [],
        pageErrors: [],
        requests: [],
        failedRequests: [],
        dialogs: [],
        cspViolations: [],
      };
      await context.exposeBinding('__e2eCspViolation', (_source, violation) => {
        record.cspViolations.push(violation);
      });
      await context.addInitScript(CSP_RECORDER);
      context.on('console', (message) => {
        if (message.type() === 'error') record.consoleErrors.push(describe(message));
      });
      context.on('weberror', (error) => record.pageErrors.push(error.error().message));
      context.on('request', (request) => record.requests.push(request.url()));
      context.on('requestfailed', (request) =>
        record.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`),
      );
      context.on('dialog', async (dialog) => {
        record.dialogs.push({ type: dialog.type(), message: dialog.message() });
        await dialog.dismiss().catch(() => {});
      });

      await use(record);

      const origins = [served.origin, ...allowOrigins];
      const unexpected = {
        pageErrors: record.pageErrors,
        consoleErrors: record.consoleErrors.filter((text) => !allowConsole.some((re) => re.test(text))),
        dialogs: allowDialogs ? [] : record.dialogs,
        cspViolations: record.cspViolations,
        foreignRequests: record.requests.filter((url) => !isOurs(url, origins)),
      };
      expect(unexpected, 'the page stayed clean').toEqual({
        pageErrors: [],
        consoleErrors: [],
        dialogs: [],
        cspViolations: [],
        foreignRequests: [],
      });
    },
    { auto: true },
  ],
});

/** Waits until the explorer (`main#main`) says `state` (default: ready). */
export async function waitForState(page, state = 'ready') {
  await expect(page.locator('main#main')).toHaveAttribute('data-state', state, { timeout: 20_000 });
}

/** Opens `query` (e.g. '?lang=en') on the project's entry page and waits for the explorer. */
export async function openReady(page, query = '', entry = '/') {
  await page.goto(`${entry}${query}`);
  await waitForState(page);
}

/**
 * Waits until `read()` (a reading of the page, compared as JSON) gives the same answer twice,
 * 100 ms apart (a chart is redrawn once its width is measured); returns that reading.
 */
export async function settled(read, what) {
  let last = null;
  await expect
    .poll(
      async () => {
        const previous = last;
        last = JSON.stringify(await read());
        return last === previous;
      },
      { message: `${what} stops changing`, intervals: [100] },
    )
    .toBe(true);
  return JSON.parse(last);
}

/**
 * Waits until the page, idle after the last change, has laid itself out whole and lays out
 * near the viewport only again (ui::near_viewport): the app root is `lazy-layout` at two idle
 * callbacks in a row (the page's own is queued before the second of ours).
 */
export async function laidOutNearViewport(page, when) {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const idle = () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
          const lazy = () => document.getElementById('app').classList.contains('lazy-layout');
          await idle();
          const first = lazy();
          await idle();
          return first && lazy();
        }),
      { message: `${when}: laid out near the viewport only, once laid out whole` },
    )
    .toBe(true);
}

/** Waits until `predicate(arg)`, run in the page, is truthy. */
export async function until(page, predicate, arg, what) {
  await expect.poll(() => page.evaluate(predicate, arg), { message: what }).toBeTruthy();
}

/** Opens `path` with the WASM held back (`wasmGate`) and waits for the first view. */
export async function openFirstView(page, wasmGate, path = '/') {
  await wasmGate.hold();
  await page.goto(path, { waitUntil: 'domcontentloaded' });
  await expect(page.locator('#prerender')).toBeVisible();
}
