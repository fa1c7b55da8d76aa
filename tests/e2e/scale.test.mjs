// Many events: the timeline lists a page at a time, a "show more" button lists the next (the
// keyboard focus stays on it), a new filter starts from the first page again, and an event
// chosen on the lifecycle chart is listed wherever it is. A long series: a value card lists
// the latest values and folds the earlier ones into a disclosure.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPage } from './helpers.mjs';
import { DATA_PATH, assertClean, countText, dataset, fill, locale, serveAndBrowse, showTable, waitForState, withPage } from './support.mjs';

const PAGE = 100;
const COUNT = 250;

/** Years given Morion Digital's rating place on top of the real ones (2020–2022, 2025). */
const EXTRA_YEARS = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019];

/**
 * The real dataset with its events copied until there are COUNT, each with its own id, and
 * Morion Digital's rating place copied into EXTRA_YEARS.
 */
function manyEvents() {
  const data = dataset();
  const real = data.events;
  data.events = Array.from({ length: COUNT }, (_, i) => ({ ...real[i % real.length], id: `copy-${i}` }));
  const rank = data.observations.find((o) => o.park === 'morion-digital' && o.metric === 'akit_rank');
  data.observations.push(...EXTRA_YEARS.map((year) => ({ ...rank, date: String(year) })));
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
      // «Показать ещё 100 событий (всего осталось 150)»: the noun, and the rest only if more.
      assert.equal((await buttonText(page)).trim(), fill(ru.show_more, countText('ru', PAGE), COUNT - PAGE));

      await page.focus('#show-more');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('#timeline li.event').length === n, 2 * PAGE);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'show-more', 'focus stays on the button');
      assert.equal((await buttonText(page)).trim(), fill(ru.show_rest, countText('ru', COUNT - 2 * PAGE)));

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

describe('a long series', () => {
  const RANKS = manyEvents().observations.filter((o) => o.park === 'morion-digital' && o.metric === 'akit_rank');
  const FOLDED = RANKS.length - 5;
  // The folded values' years: the earliest ones.
  const years = RANKS.map((o) => Number(o.date.slice(0, 4))).sort((a, b) => a - b);
  const [first, last] = [years[0], years[FOLDED - 1]];

  it('a card lists the latest five values and folds the earlier ones; the keyboard opens them', async () => {
    await withPage(env, '?metric=akit_rank', async (page) => {
      const card = page.locator('li.value-card[data-park="morion-digital"]');
      await card.waitFor();
      const listed = card.locator(':scope > .figure');
      assert.equal(await listed.count(), 5);
      assert.match(await listed.last().locator('.as-of').innerText(), /2025/, 'the latest value comes last');
      assert.match(await listed.first().locator('.as-of').innerText(), new RegExp(String(years[FOLDED])));

      const fold = card.locator(':scope > details.earlier');
      const summary = fold.locator('summary');
      assert.equal((await summary.innerText()).trim(), `${fill(ru.earlier_values.many, FOLDED)} (${first}–${last})`);
      assert.equal(await fold.locator('.figure').count(), 0, 'closed, the fold draws nothing');

      await summary.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (n) => document.querySelectorAll('li.value-card[data-park="morion-digital"] details.earlier[open] .figure').length === n,
        FOLDED,
      );
      assert.equal(await fold.locator('.sources-of .source-link').count(), FOLDED, 'each folded value cites its source');
      assert.equal(await page.locator('li.value-card[data-park="technopark-perm"] details.earlier').count(), 0, 'a short card has no fold');

      // The chart and the table keep every value.
      assert.equal(await page.locator('#compare-chart rect.hit[data-park="morion-digital"]').count(), RANKS.length);
      await showTable(page);
      await page.waitForSelector('#values-table');
      assert.equal(await page.locator('#values-table tr[data-park="morion-digital"]').count(), RANKS.length);

      await page.click('#lang-toggle');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      assert.equal(
        (await page.locator('li.value-card[data-park="morion-digital"] details.earlier summary').innerText()).trim(),
        `${fill(locale('en').earlier_values.other, FOLDED)} (${first}–${last})`,
      );
    });
  });
});
