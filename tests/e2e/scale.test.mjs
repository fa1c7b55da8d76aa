// Many events: the timeline lists a page at a time, a "show more" button lists the next (the
// keyboard focus stays on it), a new filter starts from the first page again, and an event
// chosen on the lifecycle chart is listed wherever it is.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPage } from './helpers.mjs';
import { DATA_PATH, assertClean, dataset, fill, locale, serveAndBrowse, waitForState } from './support.mjs';

const PAGE = 100;
const COUNT = 250;

/** The real dataset with its events copied until there are COUNT, each with its own id. */
function manyEvents() {
  const data = dataset();
  const real = data.events;
  data.events = Array.from({ length: COUNT }, (_, i) => ({ ...real[i % real.length], id: `copy-${i}` }));
  return data;
}

const env = serveAndBrowse({ overrides: new Map([[DATA_PATH, { body: manyEvents() }]]) });

const listed = (page) => page.locator('#timeline li.event').count();
const buttonText = (page) => page.locator('#show-more').innerText();
const ru = locale('ru');

describe('a long timeline', () => {
  it('lists 100 events at a time; "show more" lists the next, focus stays; a filter starts again', async () => {
    const record = await openPage(env.browser, `${env.server.url}/`);
    const { page, context } = record;
    try {
      await waitForState(page, 'ready');
      assert.equal(await page.locator('#event-count').getAttribute('data-count'), String(COUNT), 'every event counts');
      assert.equal(await listed(page), PAGE);
      assert.equal((await buttonText(page)).trim(), fill(ru.show_more, PAGE, COUNT - PAGE));

      await page.focus('#show-more');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('#timeline li.event').length === n, 2 * PAGE);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'show-more', 'focus stays on the button');
      assert.equal((await buttonText(page)).trim(), fill(ru.show_more, COUNT - 2 * PAGE, COUNT - 2 * PAGE));

      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('#timeline li.event').length === n, COUNT);
      assert.equal(await page.locator('#show-more').isVisible(), false, 'nothing left to show');

      // A new filter: its first page only.
      const federal = manyEvents().events.filter((e) => e.level === 'federal').length;
      await page.selectOption('select#filter-level', 'federal');
      await page.waitForFunction((n) => document.querySelector('#event-count')?.dataset.count === String(n), federal);
      assert.equal(await listed(page), Math.min(PAGE, federal));
      assertClean(record);
    } finally {
      await context.close();
    }
  });

  it('an event chosen beyond the first page (by its link) is listed and selected', async () => {
    // The last event of the list, as the app orders it.
    const first = await openPage(env.browser, `${env.server.url}/`);
    await waitForState(first.page, 'ready');
    await first.page.click('#show-more');
    await first.page.click('#show-more');
    await first.page.waitForFunction((n) => document.querySelectorAll('#timeline li.event').length === n, COUNT);
    const target = await first.page.$$eval('#timeline li.event', (items) => items.at(-1).dataset.eventId);
    await first.context.close();

    const record = await openPage(env.browser, `${env.server.url}/?event=${target}`);
    const { page, context } = record;
    try {
      await waitForState(page, 'ready');
      await page.waitForSelector(`li#event-${target}.selected`);
      const last = await page.$$eval('#timeline li.event', (items) => items.at(-1)?.id);
      assert.equal(last, `event-${target}`, 'listed up to the chosen event');
      assert.equal(await listed(page), COUNT);
      assertClean(record);
    } finally {
      await context.close();
    }
  });
});
