// When the dataset does not arrive, or the WASM cannot start: a slow answer, no answer (and the
// Retry that recovers), an HTTP error, a missing _bg.wasm. Each fault is a route on the page.

import { setTimeout as delay } from 'node:timers/promises';
import { expect, test, waitForState } from './fixtures.mjs';
import { dataset } from './data.mjs';
import { screenshot } from './ui.mjs';
import { openCheck } from './check-reads.mjs';
import {
  DATA_GLOB,
  EN,
  RU,
  dataResponses,
  failedLoad,
  openError,
  readError,
  retryToExplorer,
} from './faults-reads.mjs';

const EVENTS = dataset().events.length;

/** The loading state as a reader sees it. */
function readLoading(page) {
  return page.evaluate(() => ({
    state: document.querySelector('main#main')?.getAttribute('data-state'),
    loading: document.querySelector('p#loading')?.textContent.trim() ?? null,
    role: document.querySelector('p#loading')?.getAttribute('role') ?? null,
    // innerText: what is rendered (not the <noscript> summary, which is not shown).
    bodyText: document.body.innerText.trim().length,
    title: document.querySelector('header h1')?.textContent.trim() ?? null,
  }));
}

test.describe('a slow or absent network', () => {
  /** How long the slow server takes to send the dataset. */
  const DELAY = 4_000;

  // A link to another view (the investment, in Russian): the app's own loading state (the
  // default address shows the prerendered first view meanwhile; prerender specs).
  test('shows the loading message at once, and the explorer when the data arrives 4 s later', async ({ page }) => {
    test.setTimeout(60_000);
    const slow = { asked: null, midway: null, arrived: null };
    // The slow server: it reads the page halfway through its wait, then sends the real file.
    await page.route(DATA_GLOB, async (route) => {
      slow.asked = Date.now();
      await delay(DELAY / 2);
      slow.midway = await readLoading(page).catch((error) => ({ error: error.message }));
      await delay(DELAY / 2);
      slow.arrived = Date.now();
      await route.continue().catch(() => {}); // the page may be gone by now
    });
    await page.goto('/?lang=ru&metric=investment_rub', { waitUntil: 'commit' });
    await expect(page.locator('main#main[data-state="loading"] p#loading'), 'loading message within 5 s').toBeVisible({
      timeout: 5_000,
    });
    const early = await readLoading(page);
    expect(early).toMatchObject({ state: 'loading', loading: RU.loading, title: RU.app_title });
    expect(early.role, 'announced politely').toBe('status');
    expect(early.bodyText, 'the page is not blank while loading').toBeGreaterThan(0);
    expect(slow.asked !== null && slow.arrived === null, 'the dataset is asked for and on its way').toBe(true);
    await screenshot(page, 'faults-slow-loading');

    await expect(page.locator('main#main'), 'ready once the data arrived').toHaveAttribute('data-state', 'ready', { timeout: DELAY + 20_000 });
    expect(slow.midway, 'still loading halfway').toMatchObject({ state: 'loading', loading: RU.loading });
    expect(slow.midway.bodyText, 'not blank halfway').toBeGreaterThan(0);
    expect(slow.arrived, 'ready only once the dataset arrived').not.toBeNull();
    expect(Date.now() - slow.asked, 'ready only after the delay').toBeGreaterThanOrEqual(DELAY);
    await expect(page.locator('p#loading'), 'loading message gone').toHaveCount(0);
    await expect(page.locator('section#compare'), 'explorer shown').toHaveCount(1);
    await expect(page.locator('li.event')).toHaveCount(EVENTS);
  });

  test.describe('with the network down', () => {
    // Chromium logs each aborted request itself; nothing else may be logged.
    test.use({ allowConsole: [/ERR_INTERNET_DISCONNECTED.*\/data\/technoparks\.json/] });

    test('says the server did not answer, and Retry recovers once it is back', async ({ page, record, served }) => {
      const statuses = dataResponses(page);
      let aborted = 0;
      const offline = async (route) => {
        aborted += 1;
        await route.abort('internetdisconnected');
      };
      await page.route(DATA_GLOB, offline);
      await openError(page);
      const shown = await readError(page);
      expect(aborted, 'the dataset was asked for once').toBe(1);
      expect(shown.role).toBe('alert');
      expect(shown.title).toBe(RU.load_failed);
      // A sentence in the reader's language, not the browser's "TypeError: Failed to fetch".
      expect(shown.detail).toBe('Сервер не ответил.');
      expect(shown.detail).toBe(RU.network_error);
      expect(shown.hint, 'check the network: there was no answer').toBe(RU.load_failed_hint);
      await expect(page.locator('ol#error-list'), 'no problem list for no answer').toHaveCount(0);
      expect(shown.retry).toBe(RU.retry);
      expect(shown.explorer).toBe(false);
      expect(statuses, 'the request never reached the server').toEqual([]);
      await screenshot(page, 'faults-offline');

      // Still offline: Retry asks again and shows the same error.
      await page.click('button#retry');
      await expect.poll(() => aborted, { message: 'Retry asked again' }).toBe(2);
      await waitForState(page, 'error');
      expect((await readError(page)).detail, 'same error again').toBe(RU.network_error);

      // Back online.
      await page.unroute(DATA_GLOB, offline);
      await retryToExplorer(page);
      expect(statuses, 'the dataset came from the server once back online').toEqual([200]);
      const dataUrl = `${served.origin}/data/technoparks.json`;
      expect(record.consoleErrors, 'one console error per aborted request').toHaveLength(2);
      expect(record.failedRequests.filter((f) => f.startsWith(dataUrl)), 'failed requests').toHaveLength(2);
    });
  });

  test.describe('with a failed request', () => {
    test.use({ allowConsole: [/ERR_FAILED.*\/data\/technoparks\.json/] });

    test('says so in English with ?lang=en', async ({ page, record, served }) => {
      await page.route(DATA_GLOB, (route) => route.abort('failed'));
      await openError(page, '?lang=en');
      const shown = await readError(page);
      expect(shown.title).toBe(EN.load_failed);
      expect(shown.detail).toBe('The server did not respond.');
      expect(shown.retry).toBe(EN.retry);
      expect(record.consoleErrors, 'exactly one console error: the failed request').toHaveLength(1);
      expect(record.consoleErrors[0]).toMatch(failedLoad(served.origin, 'ERR_FAILED'));
    });
  });
});

test.describe('an HTTP error', () => {
  // The browser's own console line for the failed dataset request, and nothing else.
  test.use({ allowConsole: [/status of (404|500)\b.*\/data\/technoparks\.json/] });

  test('says the server answered 404, and Retry loads the explorer once the file is back', async ({ page, record, served }) => {
    const statuses = dataResponses(page);
    await page.route(DATA_GLOB, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await openError(page);
    const shown = await readError(page);
    expect(shown.role).toBe('alert');
    expect(shown.title).toBe(RU.load_failed);
    expect(shown.detail).toBe('Код ошибки сервера: 404.');
    // The connection worked: the reader is not sent to check their network.
    expect(shown.hint).toBe(RU.http_failed_hint);
    await expect(page.locator('ol#error-list'), 'no problem list for an HTTP error').toHaveCount(0);
    expect(shown.retry).toBe(RU.retry);
    expect(shown.explorer).toBe(false);
    await screenshot(page, 'faults-404');

    await page.unroute(DATA_GLOB);
    await retryToExplorer(page);
    await expect(page.locator('li.event')).toHaveCount(EVENTS);
    expect(statuses, 'the dataset was requested again by Retry').toEqual([404, 200]);
    expect(record.consoleErrors, 'exactly one console error: the 404 itself').toHaveLength(1);
    expect(record.consoleErrors[0]).toMatch(failedLoad(served.origin, 'status of 404'));
  });

  test('says so in English with ?lang=en', async ({ page, record, served }) => {
    await page.route(DATA_GLOB, (route) => route.fulfill({ status: 500, body: 'boom' }));
    await openError(page, '?lang=en');
    const shown = await readError(page);
    expect(shown.title).toBe(EN.load_failed);
    expect(shown.detail).toBe('Server error code: 500.');
    expect(shown.hint).toBe(EN.http_failed_hint);
    expect(shown.retry).toBe(EN.retry);
    expect(record.consoleErrors.every((line) => failedLoad(served.origin, 'status of 500').test(line))).toBe(true);
  });
});

test.describe('when the WASM cannot start', () => {
  // One pattern: test.use reads a two-element array as [value, options].
  test.use({ allowConsole: [/_bg\.wasm|could not start|404/] });

  test('shows the build-time summary instead of an empty page', async ({ page }) => {
    await page.route('**/*_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto('/');
    const fallback = page.locator('#fallback');
    await expect(fallback).toBeVisible();
    const text = await fallback.innerText();
    expect(text, 'the summary names the parks').toContain(dataset().parks[0].name.ru);
    expect(text, 'the summary has the figures, typeset').toContain('86\u00a0000\u00a0м²');
    await expect(fallback.locator('a[href="table.html"]'), 'a link to the plain table of every value').toHaveCount(1);
    await expect(page.locator('main#main'), 'the app did not mount').toHaveCount(0);
    await expect(page.locator('#prerender .filters'), 'no filters wait for an app that cannot start').toBeHidden();
    const titles = await page.$$eval('#prerender li.event .event-title', (els) => els.filter((e) => e.checkVisibility()).length);
    expect(titles, 'the timeline still reads').toBe(EVENTS);
    await screenshot(page, 'fallback-no-wasm');
  });
});

// A trap (an error in the app's own code: in the release build a panic aborts at once) stops
// the app for good. The browser reports it as a WebAssembly.RuntimeError, thrown out of
// whatever task ran the app's code; the tests throw one from a task of the page's own.
test.describe('when the app stops on an error of its own', () => {
  test.use({ allowConsole: [/stopped|could not start|unreachable/] });

  /** Throws a trap's error out of a task, or rejects a promise with one. */
  const trap = (page, how = 'throw') =>
    page.evaluate((how) => {
      const error = new WebAssembly.RuntimeError('unreachable');
      if (how === 'reject') Promise.reject(error);
      else setTimeout(() => { throw error; });
    }, how);

  test('its note says so in the reader’s language, and Reload keeps the view', async ({ page, record }) => {
    await page.goto('/?lang=en&metric=investment_rub');
    await waitForState(page);
    const note = page.locator('#app-stopped');
    await expect(note, 'hidden while the app works').toBeHidden();
    await trap(page);
    await expect(note).toBeVisible();
    await expect(note.locator('p')).toHaveText(EN.app_stopped);
    const reload = note.getByRole('button', { name: EN.reload });
    await expect(reload, 'the focus goes to Reload, the one control left working').toBeFocused();
    await expect(note).toHaveAttribute('role', 'alert');
    await screenshot(page, 'faults-app-stopped');
    expect(record.pageErrors).toEqual(['unreachable']);
    record.pageErrors.length = 0;
    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await waitForState(page);
    expect(new URL(page.url()).search, 'the same view after the reload').toBe('?lang=en&metric=investment_rub');
    await expect(page.locator('#app-stopped')).toBeHidden();
  });

  test('a rejected task’s trap too, in Russian; other errors are not a trap', async ({ page, record }) => {
    await page.goto('/');
    await waitForState(page);
    await page.evaluate(() => setTimeout(() => { throw new TypeError('not a trap'); }));
    await page.waitForTimeout(200);
    await expect(page.locator('#app-stopped'), 'a TypeError is not the app stopping').toBeHidden();
    await trap(page, 'reject');
    await expect(page.locator('#app-stopped p')).toHaveText(RU.app_stopped);
    await expect(page.getByRole('button', { name: RU.reload })).toBeFocused();
    expect(record.pageErrors).toEqual(['not a trap', 'unreachable']);
    record.pageErrors.length = 0;
  });

  test('on the editors’ check page too', async ({ page, record, served }) => {
    await openCheck(page, served);
    await expect(page.locator('#app-stopped')).toBeHidden();
    await trap(page);
    await expect(page.locator('#app-stopped p')).toHaveText(RU.app_stopped);
    await expect(page.getByRole('button', { name: RU.reload })).toBeFocused();
    expect(record.pageErrors).toEqual(['unreachable']);
    record.pageErrors.length = 0;
  });

  test('before the app has taken over, the first view shows its summary', async ({ page, record }) => {
    await page.route(DATA_GLOB, () => {}); // the dataset never arrives: the copy stays
    await page.goto('/');
    await expect(page.locator('#prerender')).toBeVisible();
    await expect(page.locator('main#main'), 'the app is mounted, unseen').toHaveCount(1);
    await trap(page);
    await expect(page.locator('#fallback')).toBeVisible();
    await expect(page.locator('#prerender')).toHaveClass(/app-failed/);
    await expect(page.locator('#app-stopped'), 'not the app’s note: the app is not shown').toBeHidden();
    expect(record.pageErrors).toEqual(['unreachable']);
    record.pageErrors.length = 0;
  });
});
