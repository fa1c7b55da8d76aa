// The timeline's word search and its park and year filters with facet counts. Expected events
// and counts come from the served JSON through the filter rules of timeline-reads.mjs.

import { expect, openReady, test, waitForState } from './fixtures.mjs';
import { locale } from './data.mjs';
import { STRATEGIC, data, params } from './explorer-reads.mjs';
import { TOTAL, event, expectShown, expectedIds, fold, readTimeline, untilParam } from './timeline-reads.mjs';

const RU = locale('ru');
const FILTER_PARAMS = ['level', 'kind', 'park', 'from', 'to', 'q'];
const MORION = 'morion-digital';

/** Option value → label of a select. */
function optionLabels(page, selector) {
  return page.$$eval(`${selector} option`, (os) => Object.fromEntries(os.map((o) => [o.value, o.textContent])));
}

test.describe('timeline search', () => {
  test('finds the events whose Russian title or summary contains a word, in any case', async ({ page }) => {
    const ids = expectedIds({ q: 'закон' });
    expect(ids.length > 0 && ids.length < TOTAL, 'dataset: some, not all, events mention «закон»').toBe(true);
    await openReady(page);
    await page.fill('input#filter-search', 'закон');
    const shown = await expectShown(page, ids, 'q=закон');
    expect(shown.clear, 'a search is a filter: «clear filters» is offered').toBe(true);
    await untilParam(page, 'q', 'закон');
    expect(new URL(page.url()).search, 'the word is percent-encoded in the URL').toContain(`q=${encodeURIComponent('закон')}`);
    await page.fill('input#filter-search', 'ЗАКОН');
    await expectShown(page, ids, 'q=ЗАКОН (upper case)');
  });

  test('finds dates as the page shows them: «10 октября», «в октябре 2019», a year', async ({ page }) => {
    // A year finds every event of that year, as well as any text that names it.
    const of2019 = data.events
      .filter((e) => e.date.startsWith('2019') || fold(`${e.title.ru} ${e.summary.ru}`).includes('2019'))
      .map((e) => e.id)
      .sort();
    expect(of2019.filter((id) => event(id).date.startsWith('2019')).length, 'dataset: several events of 2019').toBeGreaterThanOrEqual(2);
    await openReady(page);
    await page.fill('input#filter-search', '2019');
    await expectShown(page, of2019, 'q=2019');
    for (const query of ['10 октября', 'в октябре 2019']) {
      await page.fill('input#filter-search', query);
      await expect.poll(async () => (await readTimeline(page)).ids, `«${query}» finds the strategic session`).toContain(STRATEGIC);
      for (const id of (await readTimeline(page)).ids) {
        expect(event(id).date.includes('-10') || fold(event(id).summary.ru).includes('октябр'), `${id} is of October`).toBe(true);
      }
    }
  });

  test('reads ё as е both ways', async ({ page }) => {
    // A word of the data written with ё, searched for as a reader types it: with е.
    const withYo = data.events
      .flatMap((e) => `${e.title.ru} ${e.summary.ru}`.split(/[^\p{L}]+/u).map((w) => ({ id: e.id, w })))
      .find(({ w }) => w.includes('ё') && w.length >= 5);
    expect(withYo, 'dataset: some Russian text has a word with «ё»').toBeTruthy();
    const typed = withYo.w.toLowerCase().replaceAll('ё', 'е');
    const ids = expectedIds({ q: typed });
    expect(ids, `${withYo.id} («${withYo.w}») matches «${typed}»`).toContain(withYo.id);
    await openReady(page);
    await page.fill('input#filter-search', typed);
    await expectShown(page, ids, `q=${typed} (е for ё)`);
    await page.fill('input#filter-search', withYo.w.toUpperCase());
    await expectShown(page, ids, `q=${withYo.w.toUpperCase()} (with Ё)`);
  });

  test('keeps only events with every word, and restores the search from the URL', async ({ page }) => {
    const query = 'закон края';
    const both = expectedIds({ q: query });
    expect(both.length, 'dataset: some event has both «закон» and «края»').toBeGreaterThan(0);
    expect(both.length, 'dataset: «закон» alone finds more').toBeLessThan(expectedIds({ q: 'закон' }).length);
    expect(both.length, 'dataset: «края» alone finds more').toBeLessThan(expectedIds({ q: 'края' }).length);
    await openReady(page);
    await page.locator('input#filter-search').pressSequentially(query, { delay: 10 });
    const shown = await expectShown(page, both, `q=${query}`);
    await untilParam(page, 'q', query);
    expect(new URL(page.url()).search, 'q is percent-encoded (space as %20)').toContain(`q=${encodeURIComponent(query)}`);
    const url = page.url();
    await page.reload();
    await waitForState(page);
    expect(page.url(), 'the reload keeps the URL').toBe(url);
    await expect(page.locator('input#filter-search'), 'the search box is restored').toHaveValue(query);
    const restored = await expectShown(page, both, `reloaded q=${query}`);
    expect(restored.ids, 'the same events, in the same order').toEqual(shown.ids);
  });

  test('searches the English texts in English', async ({ page }) => {
    const ids = expectedIds({ q: 'law' }, 'en');
    expect(ids.length > 0 && ids.length < TOTAL, 'dataset: some, not all, English texts say «law»').toBe(true);
    expect(expectedIds({ q: 'law' }, 'ru'), 'dataset: no Russian text has «law»').toEqual([]);
    const ru = 'законопроект';
    expect(ids).not.toEqual(expectedIds({ q: ru }, 'ru'));
    await openReady(page, '?lang=en');
    await page.fill('input#filter-search', 'LAW');
    await expectShown(page, ids, 'en q=LAW', 'en');
    await untilParam(page, 'q', 'LAW');
    await page.fill('input#filter-search', ru);
    await expectShown(page, expectedIds({ q: ru }, 'en'), 'en q=законопроект', 'en');
    await page.fill('input#filter-search', '');
    await expectShown(page, expectedIds({}), 'en, search emptied', 'en');
    await untilParam(page, 'q', null);
  });
});

test.describe('park and year filters', () => {
  const years = data.events.map((e) => Number(e.date.slice(0, 4)));
  const [firstYear, lastYear] = [Math.min(...years), Math.max(...years)];

  /** Expects the level, kind and park options to say what choosing them would show. */
  async function expectFacets(page, filter, what) {
    const levels = await optionLabels(page, 'select#filter-level');
    for (const level of ['federal', 'regional']) {
      expect(levels[level], `${what}: level option ${level}`).toBe(`${RU.levels[level]} (${expectedIds({ ...filter, level }).length})`);
    }
    expect(levels[''], `${what}: the «all» level option has no count`).toBe(RU.filter_all);
    const kinds = await optionLabels(page, 'select#filter-kind');
    for (const kind of Object.keys(RU.kinds)) {
      expect(kinds[kind], `${what}: kind option ${kind}`).toBe(`${RU.kinds[kind]} (${expectedIds({ ...filter, kind }).length})`);
    }
    const parks = await optionLabels(page, 'select#filter-park');
    expect(Object.keys(parks), `${what}: park options`).toEqual(['', ...data.parks.map((p) => p.id)]);
    for (const park of data.parks) {
      const n = expectedIds({ ...filter, park: park.id }).length;
      expect(parks[park.id], `${what}: park option ${park.id}`).toBe(`${park.name.ru} (${n})`);
    }
  }

  test('filters by park and years, with counts beside every choice', async ({ page }) => {
    const morion = expectedIds({ park: MORION });
    expect(morion.length > 0 && morion.length < TOTAL, 'dataset: some events concern Morion').toBe(true);
    const range = { park: MORION, from: 2019, to: 2021 };
    const ranged = expectedIds(range);
    expect(ranged.length > 0 && ranged.length < morion.length, 'dataset: Morion has events in and out of 2019–2021').toBe(true);
    await openReady(page);
    await expectFacets(page, {}, 'no filter');
    const span = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => String(firstYear + i));
    for (const end of ['from', 'to']) {
      const values = await page.$$eval(`select#filter-${end} option`, (os) => os.map((o) => o.value));
      expect(values, `${end}: every year of the timeline`).toEqual(['', ...span]);
    }
    expect((await readTimeline(page)).clear, 'no «clear filters» without a filter').toBe(false);

    await page.selectOption('select#filter-park', MORION);
    await expectShown(page, morion, `park=${MORION}`);
    await untilParam(page, 'park', MORION);
    await expectFacets(page, { park: MORION }, `park=${MORION}`);

    await page.selectOption('select#filter-from', '2019');
    await expectShown(page, expectedIds({ park: MORION, from: 2019 }), 'park, from=2019');
    await page.selectOption('select#filter-to', '2021');
    await expectShown(page, ranged, 'park, 2019–2021');
    await untilParam(page, 'to', '2021');
    await expect.poll(() => params(page).get('from')).toBe('2019');
    await expectFacets(page, range, 'park, 2019–2021');
    await expect(page.locator('select#filter-from'), 'from keeps its year').toHaveValue('2019');
    await expect(page.locator('select#filter-to'), 'to keeps its year').toHaveValue('2021');

    await page.selectOption('select#filter-level', 'regional');
    await expectShown(page, expectedIds({ ...range, level: 'regional' }), 'park, 2019–2021, regional');
    await expectFacets(page, { ...range, level: 'regional' }, 'park, 2019–2021, regional');

    // An empty range shows nothing, and says so.
    await page.selectOption('select#filter-from', '2022');
    await expectShown(page, expectedIds({ ...range, level: 'regional', from: 2022 }), 'from after to');
  });

  for (const park of data.parks.map((p) => p.id)) {
    test(`counts federal and regional events under the filter park=${park}`, async ({ page }) => {
      await openReady(page, `?park=${park}`);
      await expectShown(page, expectedIds({ park }), `?park=${park}`);
      await expect(page.locator('select#filter-park'), 'the link chooses the park').toHaveValue(park);
      const levels = await optionLabels(page, 'select#filter-level');
      for (const level of ['federal', 'regional']) {
        const n = data.events.filter((e) => e.level === level && e.parks.includes(park)).length;
        expect(levels[level], `${level} option`).toBe(`${RU.levels[level]} (${n})`);
        await page.selectOption('select#filter-level', level);
        await expectShown(page, expectedIds({ park, level }), `${park}, ${level}`);
      }
    });
  }

  test('clears every filter at once', async ({ page }) => {
    const filter = { level: 'regional', kind: 'milestone', park: MORION, from: 2018, to: 2022, q: 'морион' };
    await openReady(page, `?level=regional&kind=milestone&park=${MORION}&from=2018&to=2022&q=${encodeURIComponent('морион')}&metric=akit_rank`);
    const shown = await expectShown(page, expectedIds(filter), 'every filter from the link');
    expect(shown.clear, '«clear filters» is offered').toBe(true);
    expect(shown.search, 'the search box shows the linked search').toBe('морион');
    for (const name of ['level', 'kind', 'park', 'from', 'to']) {
      await expect(page.locator(`select#filter-${name}`), `select#filter-${name} from the link`).toHaveValue(String(filter[name]));
    }
    const clear = page.locator('button#clear-filters');
    await expect(clear).toHaveText(RU.clear_filters);
    await clear.click();
    const all = await expectShown(page, expectedIds({}), 'cleared');
    expect(all.clear, '«clear filters» goes away').toBe(false);
    expect(all.search, 'the search box is emptied').toBe('');
    for (const name of ['level', 'kind', 'park', 'from', 'to']) {
      await expect(page.locator(`select#filter-${name}`), `select#filter-${name} back to «all»`).toHaveValue('');
    }
    await untilParam(page, 'level', null);
    for (const name of FILTER_PARAMS) await expect.poll(() => params(page).get(name), { message: `URL without ${name}` }).toBeNull();
    await expect.poll(() => params(page).get('metric'), { message: 'clearing filters keeps the metric' }).toBe('akit_rank');

    // Any one filter brings the button back.
    await page.selectOption('select#filter-to', '2020');
    await expect(clear).toBeAttached();
  });
});
