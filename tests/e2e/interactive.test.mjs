// The explorer's interactive features: the timeline's word search and its park and year
// filters with facet counts, the selected event shared by the timeline, the lifecycle chart
// and the browser history, the lifecycle chart's marks and keyboard, the comparison chart's
// keyboard and tooltip. (How fast interactions paint is measured by the benchmark,
// bench/run.mjs, not here.)
//
// Expected events and counts come from the served JSON through `keeps` below, which states
// the filter rules the app documents (src/analysis/timeline.rs).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshot } from './helpers.mjs';
import {
  assertClean,
  countText,
  dataset,
  fill,
  locale,
  openReady as supportOpenReady,
  parkValues,
  plain,
  serveAndBrowse,
  settled,
  waitForState,
  showTable,
  withPage as supportWithPage,
} from './support.mjs';

const data = dataset();
const RU = locale('ru');
const TOTAL = data.events.length;
const STRATEGIC = 'strategic-session-2019';
const FILTER_PARAMS = ['level', 'kind', 'park', 'from', 'to', 'q'];

const env = serveAndBrowse();

// ---------------------------------------------------------------------------------------------
// The filter rules, as the app states them.

/** Case folded and ё read as е, as the app searches. */
const fold = (text) => text.toLowerCase().replaceAll('ё', 'е');

/** Whether an event passes a filter {level, kind, park, from, to, q}, read in `lang`. */
function keeps(event, filter, lang = 'ru') {
  const year = Number(event.date.slice(0, 4));
  const words = fold((filter.q ?? '').trim()).split(/\s+/).filter(Boolean);
  const text = fold(`${event.title[lang]} ${event.summary[lang]}`);
  return (
    (!filter.level || event.level === filter.level) &&
    (!filter.kind || event.kind === filter.kind) &&
    (!filter.park || event.parks.includes(filter.park)) &&
    (filter.from == null || year >= filter.from) &&
    (filter.to == null || year <= filter.to) &&
    words.every((word) => text.includes(word))
  );
}

/** The ids of the events a filter keeps, sorted. */
const expectedIds = (filter, lang = 'ru') =>
  data.events.filter((e) => keeps(e, filter, lang)).map((e) => e.id).sort();

const event = (id) => data.events.find((e) => e.id === id);
const parkName = (id, lang = 'ru') => data.parks.find((p) => p.id === id).name[lang];

// ---------------------------------------------------------------------------------------------
// Page helpers.

const openReady = (query, viewport) => supportOpenReady(env, query, viewport);
const withPage = (query, body, viewport) => supportWithPage(env, query, body, viewport);

/** The query parameters of the page's current URL. */
const params = (page) => new URL(page.url()).searchParams;

/** How many entries the tab's history has. */
const historyLength = (page) => page.evaluate(() => history.length);

/** Waits until `predicate(arg)` holds in the page; fails with `what` after 5 s. */
async function until(page, predicate, arg, what) {
  await page
    .waitForFunction(predicate, arg, { timeout: 5_000 })
    .catch(() => assert.fail(`timed out waiting for ${what}`));
}

/** Waits until the URL's parameter `name` is `value` (null: absent). */
function untilParam(page, name, value) {
  return until(
    page,
    ([n, v]) => new URLSearchParams(location.search).get(n) === v,
    [name, value],
    `URL ${name}=${value}`,
  );
}

/** What the timeline shows: ids in order, the count attribute and text, and the markup state. */
function readTimeline(page) {
  return page.evaluate(() => ({
    ids: [...document.querySelectorAll('section#timeline li.event')].map((li) => li.dataset.eventId),
    count: document.querySelector('p#event-count')?.dataset.count ?? null,
    countText: document.querySelector('p#event-count')?.textContent ?? null,
    noEvents: document.querySelector('section#timeline p.no-events')?.textContent ?? null,
    selected: [...document.querySelectorAll('section#timeline li.event.selected')].map((li) => li.dataset.eventId),
    pressed: [...document.querySelectorAll('li.event .event-select[aria-pressed="true"]')].map(
      (b) => b.closest('li.event').dataset.eventId,
    ),
    clear: document.querySelector('button#clear-filters') !== null,
    search: document.querySelector('input#filter-search')?.value ?? null,
  }));
}

/** Waits until the timeline counts `ids.length`, then asserts it shows exactly `ids`. */
async function expectShown(page, ids, what, lang = 'ru') {
  const n = ids.length;
  await page
    .waitForFunction((c) => document.querySelector('p#event-count')?.dataset.count === String(c), n, {
      timeout: 5_000,
    })
    .catch(() => {});
  const shown = await readTimeline(page);
  assert.deepEqual([...shown.ids].sort(), ids, `${what}: the events shown`);
  assert.equal(shown.count, String(n), `${what}: p#event-count[data-count]`);
  const total = n === TOTAL ? countText(lang, n) : fill(locale(lang).shown_of, n, TOTAL, countText(lang, n), countText(lang, TOTAL));
  assert.equal(shown.countText, total, `${what}: the count's text`);
  if (n === 0) {
    assert.equal(shown.noEvents, locale(lang).no_events, `${what}: says there is nothing to show`);
  }
  return shown;
}

/** Option value → label of a select. */
function optionLabels(page, selector) {
  return page.$$eval(`${selector} option`, (os) => Object.fromEntries(os.map((o) => [o.value, o.textContent])));
}

/** The lifecycle chart: its hit regions, selected marks, caption, and the drawing's rect fills. */
function readLifecycle(page) {
  return page.evaluate(() => {
    const section = document.querySelector('section#lifecycle');
    const hits = [...section.querySelectorAll('svg.hit-layer rect.hit')];
    return {
      hits: hits.map((r) => ({
        index: r.dataset.index,
        event: r.dataset.event,
        selected: r.classList.contains('selected'),
        pressed: r.getAttribute('aria-pressed'),
        tabindex: r.getAttribute('tabindex'),
      })),
      fills: [...section.querySelectorAll('.chart svg rect')].map((r) => (r.getAttribute('fill') ?? '').toLowerCase()),
      caption: section.querySelector('#lifecycle-caption')?.textContent ?? null,
    };
  });
}

/** Waits until the lifecycle chart's markup stops changing (it is redrawn once measured). */
const stableLifecycle = (page) =>
  settled(
    page,
    () => page.evaluate(() => document.querySelector('section#lifecycle .chart-wrap')?.innerHTML ?? ''),
    'the lifecycle chart',
  );

/** Waits until the comparison chart's markup stops changing. */
const stableCompare = (page) =>
  settled(
    page,
    () => page.evaluate(() => document.querySelector('#compare-chart .chart')?.innerHTML ?? ''),
    'the comparison chart',
  );

/** Client rectangles of the selected li and of the #timeline scroll box, and the viewport. */
function boxesOf(page, id) {
  return page.evaluate((eventId) => {
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    const li = document.getElementById(`event-${eventId}`);
    const timeline = document.querySelector('section#timeline');
    return {
      li: li ? box(li) : null,
      timeline: box(timeline),
      scrollTop: timeline.scrollTop,
      scrolls: timeline.scrollHeight > timeline.clientHeight,
      overflowY: getComputedStyle(timeline).overflowY,
      viewport: { top: 0, bottom: innerHeight, left: 0, right: innerWidth },
    };
  }, id);
}

const intersects = (a, b) => a.top < b.bottom && a.bottom > b.top && a.left < b.right && a.right > b.left;

/** Asserts the event is selected everywhere and nothing else is: timeline, marks, caption. */
async function expectSelected(page, id, what) {
  await untilParam(page, 'event', id);
  await until(
    page,
    (eventId) =>
      eventId === null
        ? document.querySelector('li.event.selected, #lifecycle rect.hit.selected') === null
        : document.querySelector(`li#event-${eventId}.selected`) !== null &&
          document.querySelector(`#lifecycle rect.hit.selected[data-event="${eventId}"]`) !== null,
    id,
    `${what}: ${id ?? 'nothing'} selected in the timeline and the chart`,
  );
  const timeline = await readTimeline(page);
  const chart = await readLifecycle(page);
  const expected = id === null ? [] : [id];
  assert.deepEqual(timeline.selected, expected, `${what}: li.event.selected`);
  assert.deepEqual(timeline.pressed, expected, `${what}: .event-select[aria-pressed=true]`);
  assert.deepEqual(
    chart.hits.filter((h) => h.selected).map((h) => h.event),
    expected,
    `${what}: #lifecycle rect.hit.selected`,
  );
  assert.deepEqual(
    chart.hits.filter((h) => h.pressed === 'true').map((h) => h.event),
    expected,
    `${what}: #lifecycle rect.hit[aria-pressed=true]`,
  );
  if (id !== null) {
    const li = page.locator(`li#event-${id}`);
    const date = (await li.locator('time.event-date').textContent()).trim();
    const title = (await li.locator('.event-select').textContent()).trim();
    assert.equal(plain(title), event(id).title.ru, `${what}: the button is the event's title`);
    assert.ok(date.length > 0, `${what}: the event has a date`);
    assert.ok(chart.caption.includes(date), `${what}: caption "${chart.caption}" has the date "${date}"`);
    assert.ok(chart.caption.includes(title), `${what}: caption "${chart.caption}" has the title "${title}"`);
  } else {
    assert.equal(chart.caption.trim(), '', `${what}: no caption without a selection`);
  }
}

// ---------------------------------------------------------------------------------------------

describe('timeline search', () => {
  it('finds the events whose Russian title or summary contains a word, in any case', async () => {
    const ids = expectedIds({ q: 'закон' });
    assert.ok(ids.length > 0 && ids.length < TOTAL, 'dataset: some, not all, events mention «закон»');
    await withPage('', async (page) => {
      await page.fill('input#filter-search', 'закон');
      const shown = await expectShown(page, ids, 'q=закон');
      assert.ok(shown.clear, 'a search is a filter: «clear filters» is offered');
      await untilParam(page, 'q', 'закон');
      assert.ok(
        new URL(page.url()).search.includes(`q=${encodeURIComponent('закон')}`),
        `the word is percent-encoded in the URL: ${page.url()}`,
      );
      await page.fill('input#filter-search', 'ЗАКОН');
      await expectShown(page, ids, 'q=ЗАКОН (upper case)');
    });
  });

  it('finds dates as the page shows them: «10 октября», «в октябре 2019», a year', async () => {
    // A year finds every event of that year, as well as any text that names it.
    const of2019 = data.events
      .filter((e) => e.date.startsWith('2019') || fold(`${e.title.ru} ${e.summary.ru}`).includes('2019'))
      .map((e) => e.id)
      .sort();
    assert.ok(of2019.filter((id) => event(id).date.startsWith('2019')).length >= 2, 'dataset: several events of 2019');
    await withPage('', async (page) => {
      await page.fill('input#filter-search', '2019');
      await expectShown(page, of2019, 'q=2019');
      for (const query of ['10 октября', 'в октябре 2019']) {
        await page.fill('input#filter-search', query);
        await page.waitForFunction(() => document.querySelector('p#event-count')?.dataset.count !== String(0));
        const shown = await readTimeline(page);
        assert.ok(shown.ids.includes(STRATEGIC), `«${query}» finds the strategic session: ${shown.ids}`);
        for (const id of shown.ids) {
          assert.ok(event(id).date.includes('-10') || fold(event(id).summary.ru).includes('октябр'), `${id} is of October`);
        }
      }
    });
  });

  it('reads ё as е both ways', async () => {
    // A word of the data written with ё, searched for as a reader types it: with е.
    const withYo = data.events
      .flatMap((e) => `${e.title.ru} ${e.summary.ru}`.split(/[^\p{L}]+/u).map((w) => ({ id: e.id, w })))
      .find(({ w }) => w.includes('ё') && w.length >= 5);
    assert.ok(withYo, 'dataset: some Russian text has a word with «ё»');
    const typed = withYo.w.toLowerCase().replaceAll('ё', 'е');
    const ids = expectedIds({ q: typed });
    assert.ok(ids.includes(withYo.id), `${withYo.id} («${withYo.w}») matches «${typed}»`);
    await withPage('', async (page) => {
      await page.fill('input#filter-search', typed);
      await expectShown(page, ids, `q=${typed} (е for ё)`);
      await page.fill('input#filter-search', withYo.w.toUpperCase());
      await expectShown(page, ids, `q=${withYo.w.toUpperCase()} (with Ё)`);
    });
  });

  it('keeps only events with every word, and restores the search from the URL', async () => {
    const query = 'закон края';
    const both = expectedIds({ q: query });
    const first = expectedIds({ q: 'закон' });
    const second = expectedIds({ q: 'края' });
    assert.ok(both.length > 0, `dataset: some event has both «закон» and «края»`);
    assert.ok(
      both.length < first.length && both.length < second.length,
      'dataset: each word alone finds more than both together',
    );
    await withPage('', async (page) => {
      await page.locator('input#filter-search').pressSequentially(query, { delay: 10 });
      const shown = await expectShown(page, both, `q=${query}`);
      await untilParam(page, 'q', query);
      assert.ok(
        new URL(page.url()).search.includes(`q=${encodeURIComponent(query)}`),
        `q is percent-encoded (space as %20): ${page.url()}`,
      );
      const url = page.url();
      await page.reload();
      await waitForState(page, 'ready');
      assert.equal(page.url(), url, 'the reload keeps the URL');
      assert.equal(await page.inputValue('input#filter-search'), query, 'the search box is restored');
      const restored = await expectShown(page, both, `reloaded q=${query}`);
      assert.deepEqual(restored.ids, shown.ids, 'the same events, in the same order');
    });
  });

  it('searches the English texts in English', async () => {
    const word = 'law';
    const ids = expectedIds({ q: word }, 'en');
    assert.ok(ids.length > 0 && ids.length < TOTAL, 'dataset: some, not all, English texts say «law»');
    assert.deepEqual(expectedIds({ q: word }, 'ru'), [], 'dataset: no Russian text has «law»');
    const ru = 'законопроект';
    assert.notDeepEqual(expectedIds({ q: 'law' }, 'en'), expectedIds({ q: ru }, 'ru'));
    await withPage('?lang=en', async (page) => {
      await page.fill('input#filter-search', 'LAW');
      await expectShown(page, ids, 'en q=LAW', 'en');
      await untilParam(page, 'q', 'LAW');
      await page.fill('input#filter-search', ru);
      await expectShown(page, expectedIds({ q: ru }, 'en'), 'en q=закон', 'en');
      await page.fill('input#filter-search', '');
      await expectShown(page, expectedIds({}), 'en, search emptied', 'en');
      await untilParam(page, 'q', null);
    });
  });
});

describe('park and year filters', () => {
  const MORION = 'morion-digital';
  const years = data.events.map((e) => Number(e.date.slice(0, 4)));
  const [firstYear, lastYear] = [Math.min(...years), Math.max(...years)];

  /** Asserts the level, kind and park options say what choosing them would show. */
  async function expectFacets(page, filter, what) {
    const levels = await optionLabels(page, 'select#filter-level');
    for (const level of ['federal', 'regional']) {
      const n = expectedIds({ ...filter, level }).length;
      assert.equal(levels[level], `${RU.levels[level]} (${n})`, `${what}: level option ${level}`);
    }
    assert.equal(levels[''], RU.filter_all, `${what}: the «all» level option has no count`);
    const kinds = await optionLabels(page, 'select#filter-kind');
    for (const kind of Object.keys(RU.kinds)) {
      const n = expectedIds({ ...filter, kind }).length;
      assert.equal(kinds[kind], `${RU.kinds[kind]} (${n})`, `${what}: kind option ${kind}`);
    }
    const parks = await optionLabels(page, 'select#filter-park');
    assert.deepEqual(Object.keys(parks), ['', ...data.parks.map((p) => p.id)], `${what}: park options`);
    for (const park of data.parks) {
      const n = expectedIds({ ...filter, park: park.id }).length;
      assert.equal(parks[park.id], `${park.name.ru} (${n})`, `${what}: park option ${park.id}`);
    }
  }

  it('filters by park and years, with counts beside every choice', async () => {
    const morion = expectedIds({ park: MORION });
    assert.ok(morion.length > 0 && morion.length < TOTAL, 'dataset: some events concern Morion');
    const range = { park: MORION, from: 2019, to: 2021 };
    const ranged = expectedIds(range);
    assert.ok(ranged.length > 0 && ranged.length < morion.length, 'dataset: Morion has events in and out of 2019–2021');
    await withPage('', async (page) => {
      await expectFacets(page, {}, 'no filter');
      const yearOptions = await page.$$eval('select#filter-from option', (os) => os.map((o) => o.value));
      const span = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => String(firstYear + i));
      assert.deepEqual(yearOptions, ['', ...span], 'from: every year of the timeline');
      assert.deepEqual(
        await page.$$eval('select#filter-to option', (os) => os.map((o) => o.value)),
        ['', ...span],
        'to: every year of the timeline',
      );
      assert.equal((await readTimeline(page)).clear, false, 'no «clear filters» without a filter');

      await page.selectOption('select#filter-park', MORION);
      await expectShown(page, morion, `park=${MORION}`);
      await untilParam(page, 'park', MORION);
      await expectFacets(page, { park: MORION }, `park=${MORION}`);

      await page.selectOption('select#filter-from', '2019');
      await expectShown(page, expectedIds({ park: MORION, from: 2019 }), `park, from=2019`);
      await page.selectOption('select#filter-to', '2021');
      await expectShown(page, ranged, 'park, 2019–2021');
      await untilParam(page, 'to', '2021');
      assert.equal(params(page).get('from'), '2019');
      await expectFacets(page, range, 'park, 2019–2021');
      assert.equal(await page.inputValue('select#filter-from'), '2019', 'from keeps its year');
      assert.equal(await page.inputValue('select#filter-to'), '2021', 'to keeps its year');

      await page.selectOption('select#filter-level', 'regional');
      await expectShown(page, expectedIds({ ...range, level: 'regional' }), 'park, 2019–2021, regional');
      await expectFacets(page, { ...range, level: 'regional' }, 'park, 2019–2021, regional');

      // An empty range shows nothing, and says so.
      await page.selectOption('select#filter-from', '2022');
      await expectShown(page, expectedIds({ ...range, level: 'regional', from: 2022 }), 'from after to');
    });
  });

  it('counts federal and regional events under a park filter', async () => {
    for (const park of data.parks) {
      await withPage(`?park=${park.id}`, async (page) => {
        await expectShown(page, expectedIds({ park: park.id }), `?park=${park.id}`);
        assert.equal(await page.inputValue('select#filter-park'), park.id, 'the link chooses the park');
        const levels = await optionLabels(page, 'select#filter-level');
        for (const level of ['federal', 'regional']) {
          const n = data.events.filter((e) => e.level === level && e.parks.includes(park.id)).length;
          assert.equal(levels[level], `${RU.levels[level]} (${n})`, `${park.id}: ${level} option`);
          await page.selectOption('select#filter-level', level);
          await expectShown(page, expectedIds({ park: park.id, level }), `${park.id}, ${level}`);
        }
      });
    }
  });

  it('clears every filter at once', async () => {
    const filter = { level: 'regional', kind: 'milestone', park: 'morion-digital', from: 2018, to: 2022, q: 'морион' };
    const query = `?level=regional&kind=milestone&park=morion-digital&from=2018&to=2022&q=${encodeURIComponent('морион')}&metric=akit_rank`;
    await withPage(query, async (page) => {
      const shown = await expectShown(page, expectedIds(filter), 'every filter from the link');
      assert.ok(shown.clear, '«clear filters» is offered');
      assert.equal(shown.search, 'морион', 'the search box shows the linked search');
      for (const name of ['level', 'kind', 'park', 'from', 'to']) {
        assert.equal(await page.inputValue(`select#filter-${name}`), String(filter[name]), `select#filter-${name} from the link`);
      }
      const clear = page.locator('button#clear-filters');
      assert.equal((await clear.textContent()).trim(), RU.clear_filters);
      await clear.click();
      const all = await expectShown(page, expectedIds({}), 'cleared');
      assert.equal(all.clear, false, '«clear filters» goes away');
      assert.equal(all.search, '', 'the search box is emptied');
      for (const select of ['level', 'kind', 'park', 'from', 'to']) {
        assert.equal(await page.inputValue(`select#filter-${select}`), '', `select#filter-${select} back to «all»`);
      }
      await untilParam(page, 'level', null);
      for (const name of FILTER_PARAMS) {
        assert.equal(params(page).get(name), null, `URL without ${name}`);
      }
      assert.equal(params(page).get('metric'), 'akit_rank', 'clearing filters keeps the metric');

      // Any one filter brings the button back.
      await page.selectOption('select#filter-to', String(2020));
      await until(page, () => document.querySelector('button#clear-filters') !== null, null, 'clear button');
    });
  });
});

describe('selection and history', () => {
  it('selects from the timeline and from the chart, and Back/Forward walk the selections', async () => {
    await withPage(
      '',
      async (page) => {
        await stableLifecycle(page);
        await expectSelected(page, null, 'at first');
        const h0 = await historyLength(page);
        const order = (await readTimeline(page)).ids;
        const last = order.at(-1);
        assert.notEqual(last, STRATEGIC);

        // From the timeline.
        await page.click(`li#event-${STRATEGIC} .event-select`);
        await expectSelected(page, STRATEGIC, 'title clicked');
        assert.equal(await historyLength(page), h0 + 1, 'choosing an event adds a history entry');

        // From the chart: the last event, out of the timeline's view until then.
        const before = await boxesOf(page, last);
        assert.equal(before.overflowY, 'auto', 'at 1280 px the timeline scrolls by itself');
        assert.ok(before.scrolls, 'the timeline is taller than its box');
        assert.ok(!intersects(before.li, before.timeline), `${last} starts out of the timeline's view`);
        await page.click(`#lifecycle rect.hit[data-event="${last}"]`);
        await page.mouse.move(1, 1); // the caption follows the pointer; leave the chart
        await expectSelected(page, last, 'mark clicked');
        assert.equal(await historyLength(page), h0 + 2, 'a second selection adds another entry');
        await until(
          page,
          (id) => {
            const li = document.getElementById(`event-${id}`).getBoundingClientRect();
            const box = document.querySelector('section#timeline').getBoundingClientRect();
            return li.top < box.bottom && li.bottom > box.top;
          },
          last,
          `${last} scrolled into the timeline's view`,
        );
        const afterClick = await boxesOf(page, last);
        assert.ok(
          intersects(afterClick.li, afterClick.timeline),
          `li#event-${last} ${JSON.stringify(afterClick.li)} within #timeline ${JSON.stringify(afterClick.timeline)}`,
        );
        assert.ok(afterClick.scrollTop > 0, 'the timeline scrolled');
        await screenshot(page, 'interactive-selected-from-chart');

        // Back and forward.
        await page.goBack();
        await expectSelected(page, STRATEGIC, 'Back once');
        assert.equal(params(page).get('event'), STRATEGIC);
        await page.goBack();
        await expectSelected(page, null, 'Back twice');
        assert.equal(new URL(page.url()).search, '', 'Back to the bare URL');
        await page.goForward();
        await expectSelected(page, STRATEGIC, 'Forward once');
        await page.goForward();
        await expectSelected(page, last, 'Forward twice');
        assert.equal(await historyLength(page), h0 + 2, 'walking the history adds no entry');

        // Filters rewrite the current entry.
        await page.selectOption('select#filter-level', event(last).level);
        await untilParam(page, 'level', event(last).level);
        await page.fill('input#filter-search', 'морион');
        await untilParam(page, 'q', 'морион');
        assert.equal(await historyLength(page), h0 + 2, 'filter changes add no history entry');
        assert.equal(params(page).get('event'), last, 'the selection stays in the URL');
      },
      { width: 1280, height: 900 },
    );
  });

  it('pushes the table view, and Back returns to the chart', async () => {
    await withPage('', async (page) => {
      const h0 = await historyLength(page);
      assert.equal(await page.locator('table#values-table').count(), 0, 'the chart at first');
      await showTable(page);
      await untilParam(page, 'view', 'table');
      await page.waitForSelector('table#values-table', { timeout: 5_000 });
      // Two tabs, radios named for what they show: the state is theirs, the names keep.
      assert.equal(await page.isChecked('#view-table'), true);
      assert.equal(await page.isChecked('#view-chart'), false);
      assert.match((await page.textContent('label[for="view-chart"]')).trim(), /^(График|Chart)$/);
      assert.equal(await historyLength(page), h0 + 1, 'the table view adds a history entry');
      await page.goBack();
      await untilParam(page, 'view', null);
      await page.waitForSelector('table#values-table', { state: 'detached', timeout: 5_000 });
      assert.equal(await page.isChecked('#view-chart'), true, 'the chart tab is chosen again');
      assert.ok(await page.locator('#compare-chart .chart-wrap').isVisible(), 'the chart is back');
      await page.goForward();
      await page.waitForSelector('table#values-table', { timeout: 5_000 });
    });
  });

  it('«clear filters» also clears a selected event, which a link would carry unseen', async () => {
    await withPage(`?event=${STRATEGIC}`, async (page) => {
      await stableLifecycle(page);
      await expectSelected(page, STRATEGIC, 'deep link');
      assert.ok((await readTimeline(page)).clear, '«clear filters» is offered with an event selected');
      await page.click('button#clear-filters');
      await expectSelected(page, null, 'cleared');
      assert.equal(params(page).get('event'), null, 'the link no longer carries the event');
      assert.equal((await readTimeline(page)).clear, false, 'and the button goes');
    });
  });

  it('opens a deep link with its event selected and in view', async () => {
    await withPage(
      `?event=${STRATEGIC}`,
      async (page) => {
        await stableLifecycle(page);
        await expectSelected(page, STRATEGIC, 'deep link');
        await until(
          page,
          (id) => {
            const li = document.getElementById(`event-${id}`).getBoundingClientRect();
            const box = document.querySelector('section#timeline').getBoundingClientRect();
            return li.top < box.bottom && li.bottom > box.top && li.top < innerHeight && li.bottom > 0;
          },
          STRATEGIC,
          `${STRATEGIC} in view`,
        );
        const boxes = await boxesOf(page, STRATEGIC);
        assert.ok(intersects(boxes.li, boxes.timeline), 'within the timeline box');
        assert.ok(intersects(boxes.li, boxes.viewport), 'within the viewport');
      },
      { width: 1280, height: 900 },
    );
  });
});

describe('lifecycle chart', () => {
  it('draws Technopark Perm\'s suspension as such: a pale dashed segment, a legend entry and table rows, in both languages', async () => {
    const perm = data.parks.find((p) => p.id === 'technopark-perm');
    const suspension = perm.status.find((c) => c.state === 'suspended');
    assert.ok(suspension, 'the dataset has the suspension');
    for (const [query, lang] of [['', 'ru'], ['?lang=en', 'en']]) {
      const s = locale(lang);
      await withPage(query, async (page) => {
        await stableLifecycle(page);
        const chart = await page.evaluate(() => {
          const svg = document.querySelector('section#lifecycle .chart svg');
          return {
            fills: [...svg.querySelectorAll('rect')].map((r) => (r.getAttribute('fill') ?? '').toLowerCase()),
            texts: [...svg.querySelectorAll('text')].map((t) => t.textContent.replace(/[\u00a0\u202f]/g, ' ')),
          };
        });
        // The park's colour halfway to white, after its solid bar.
        const pale = `#${[1, 3, 5]
          .map((i) => Math.floor((parseInt(perm.color.slice(i, i + 2), 16) + 255) / 2).toString(16).padStart(2, '0'))
          .join('')}`;
        assert.ok(chart.fills.includes(pale), `${lang}: a pale segment ${pale}: ${JSON.stringify(chart.fills)}`);
        for (const state of ['open', 'suspended', 'closed']) {
          const entry = s.lifecycle_legend[state].replace(/[\u00a0\u202f]/g, ' ');
          assert.ok(chart.texts.includes(entry), `${lang}: the legend says «${entry}»: ${JSON.stringify(chart.texts)}`);
        }
        const rows = await page.$$eval('#lifecycle-table tbody tr', (trs) =>
          trs.map((tr) => ({
            park: tr.dataset.park,
            state: tr.dataset.state,
            cells: [...tr.cells].map((c) => c.textContent.replace(/[\u00a0\u202f]/g, ' ')),
          })),
        );
        const notes = rows.filter((r) => r.park === perm.id && !r.state);
        const permRows = rows.filter((r) => r.park === perm.id && r.state);
        assert.deepEqual(permRows.map((r) => r.state), ['open', 'suspended'], `${lang}: open, then suspended`);
        const row = permRows[1];
        assert.equal(row.cells[1], s.states.suspended.replace(/[\u00a0\u202f]/g, ' '), `${lang}: the state in words`);
        assert.equal(row.cells[2], lang === 'ru' ? '12 января 2023 г.' : '12 January 2023', `${lang}: from`);
        assert.ok(row.cells[3].includes(lang === 'ru' ? '26 ноября 2026 г.' : '26 November 2026'), `${lang}: to the dataset's date`);
        assert.ok(row.cells[4].includes(lang === 'ru' ? 'АиФ' : 'AiF'), `${lang}: its source: ${row.cells[4]}`);
        assert.equal(notes.length, 1, `${lang}: the suspension's note, under it`);
        assert.ok(notes[0].cells[0].length > 40, `${lang}: the note`);
        assert.ok(!rows.some((r) => r.state === 'closed'), `${lang}: no park is closed`);
        const caption = await page.textContent('#lifecycle-table caption');
        assert.ok(caption.replace(/[\u00a0\u202f]/g, ' ').includes(lang === 'ru' ? 'по состоянию на 26 ноября 2026 г.' : 'as of 26 November 2026'), caption);
        await screenshot(page, `lifecycle-suspension-${lang}`);
      });
    }
  });

  it('draws a bar per park and a mark per shown event, also under filters', async () => {
    await withPage('', async (page) => {
      await stableLifecycle(page);
      const check = async (filter, what) => {
        const ids = expectedIds(filter);
        const shown = await expectShown(page, ids, what);
        await until(
          page,
          (n) => document.querySelectorAll('#lifecycle rect.hit').length === n,
          ids.length,
          `${what}: ${ids.length} marks`,
        );
        const chart = await readLifecycle(page);
        assert.equal(chart.hits.length, Number(shown.count), `${what}: one rect.hit per counted event`);
        assert.deepEqual(chart.hits.map((h) => h.event).sort(), ids, `${what}: the marks are the shown events`);
        assert.deepEqual(
          chart.hits.map((h) => h.index),
          chart.hits.map((_, i) => String(i)),
          `${what}: data-index 0…n-1`,
        );
        for (const park of data.parks) {
          const bars = chart.fills.filter((f) => f === park.color.toLowerCase()).length;
          assert.equal(bars, 1, `${what}: one bar in ${park.id}'s colour ${park.color}: ${JSON.stringify(chart.fills)}`);
        }
      };
      await check({}, 'all');
      await page.selectOption('select#filter-park', 'technopark-perm');
      await check({ park: 'technopark-perm' }, 'park=technopark-perm');
      await page.fill('input#filter-search', 'технопарк');
      await check({ park: 'technopark-perm', q: 'технопарк' }, 'park + search');
      await page.click('button#clear-filters');
      await page.selectOption('select#filter-level', 'federal');
      await check({ level: 'federal' }, 'level=federal');
    });
  });

  it('moves between marks with the arrows and selects with Enter', async () => {
    await withPage('', async (page) => {
      await stableLifecycle(page);
      const first = page.locator('#lifecycle rect.hit[data-index="0"]');
      assert.equal(await first.getAttribute('tabindex'), '0', 'the first mark is in the tab order');
      assert.equal(
        await page.locator('#lifecycle rect.hit[tabindex="0"]').count(),
        1,
        'only one mark is in the tab order',
      );
      await first.focus();
      const focused = () => page.evaluate(() => document.activeElement?.dataset?.index ?? null);
      assert.equal(await focused(), '0');
      await page.keyboard.press('ArrowRight');
      assert.equal(await focused(), '1', 'ArrowRight focuses data-index 1');
      const second = await page.getAttribute('#lifecycle rect.hit[data-index="1"]', 'data-event');
      assert.ok(second, 'the mark names its event');
      await page.keyboard.press('Enter');
      await expectSelected(page, second, 'Enter on mark 1');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      for (const key of ['Escape', 'a', 'Tab', 'Shift+Tab', 'Home', 'End', 'PageDown']) {
        await page.keyboard.press(key);
      }
      await page.focus('#lifecycle rect.hit[tabindex="0"]');
      await page.keyboard.press('Escape');
      assert.equal(params(page).get('event'), second, 'Escape and stray keys keep the selection');
    });
  });

  it('keeps the keyboard focus on the mark Enter selected', async () => {
    await withPage('', async (page) => {
      await stableLifecycle(page);
      await page.focus('#lifecycle rect.hit[data-index="0"]');
      await page.keyboard.press('ArrowRight');
      const second = await page.getAttribute('#lifecycle rect.hit[data-index="1"]', 'data-event');
      await page.keyboard.press('Enter');
      await expectSelected(page, second, 'Enter on mark 1');
      const active = await page.evaluate(() => ({
        tag: document.activeElement?.tagName ?? null,
        index: document.activeElement?.dataset?.index ?? null,
      }));
      assert.deepEqual(
        active,
        { tag: 'rect', index: '1' },
        'after Enter the focus stays on the selected mark (not dropped to <body>)',
      );
      await page.keyboard.press('ArrowRight');
      const after = await page.evaluate(() => document.activeElement?.dataset?.index ?? null);
      assert.equal(after, '2', 'the arrows keep working after Enter');
    });
  });

  it('keeps one mark in the tab order when a filter removes the one the keyboard was on', async () => {
    const federal = expectedIds({ level: 'federal' }).length;
    assert.ok(federal > 0 && federal < TOTAL, 'dataset: some, not all, events are federal');
    await withPage('', async (page) => {
      await stableLifecycle(page);
      await page.focus('#lifecycle rect.hit[data-index="0"]');
      await page.keyboard.press('End');
      assert.equal(
        await page.evaluate(() => document.activeElement?.dataset?.index),
        String(TOTAL - 1),
        'End focuses the last mark',
      );
      await page.selectOption('select#filter-level', 'federal');
      await until(
        page,
        (n) => document.querySelectorAll('#lifecycle rect.hit').length === n,
        federal,
        `${federal} marks`,
      );
      const stops = await page.$$eval('#lifecycle rect.hit[tabindex="0"]', (rs) => rs.map((r) => r.dataset.index));
      assert.equal(
        stops.length,
        1,
        `after level=federal (${federal} marks, the keyboard was on mark ${TOTAL - 1}) exactly one mark ` +
          `must keep tabindex=0, or Tab can no longer reach the chart; tabindex=0 on: ${JSON.stringify(stops)}`,
      );
    });
  });
});

describe('comparison chart keyboard and tooltip', () => {
  /** The tooltip's parts, and its box with the .chart-wrap's. */
  const readTooltip = (page) =>
    page.evaluate(() => {
      const tip = document.querySelector('#chart-tooltip');
      if (!tip) return null;
      const wrap = tip.closest('.chart-wrap') ?? document.querySelector('#compare-chart .chart-wrap');
      const box = (el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right };
      };
      return {
        park: tip.querySelector('.tooltip-park')?.textContent ?? null,
        value: tip.querySelector('.tooltip-value')?.textContent ?? null,
        meta: tip.querySelector('.tooltip-meta')?.textContent ?? null,
        confidence: tip.querySelector('.confidence')?.textContent.trim() ?? null,
        box: box(tip),
        wrap: box(wrap),
        inWrap: wrap.contains(tip),
      };
    });

  /** The values table's rows: [park id, park name, value, date, confidence]. */
  async function readTable(page) {
    await showTable(page);
    await page.waitForSelector('table#values-table');
    const rows = await page.$$eval('table#values-table tbody tr', (trs) =>
      trs.map((tr) => [tr.dataset.park, ...[...tr.children].map((c) => c.textContent.trim())]),
    );
    await showTable(page, false);
    await page.waitForSelector('table#values-table', { state: 'detached' });
    return rows;
  }

  /** Focuses the chart's tab stop and walks every datum with ArrowRight; returns what it saw. */
  async function walk(page, n) {
    await page.focus('#compare-chart rect.hit[tabindex="0"]');
    const seen = [];
    for (let i = 0; i < n; i += 1) {
      if (i > 0) await page.keyboard.press('ArrowRight');
      await until(
        page,
        (index) => document.activeElement?.dataset?.index === String(index) && document.querySelector('#chart-tooltip') !== null,
        i,
        `focus and tooltip on datum ${i}`,
      );
      const focused = await page.evaluate(() => ({
        index: document.activeElement.dataset.index,
        park: document.activeElement.dataset.park,
        tabindex: document.activeElement.getAttribute('tabindex'),
      }));
      assert.equal(focused.tabindex, '0', `datum ${i}: the focused region is the tab stop`);
      seen.push({ ...focused, tooltip: await readTooltip(page) });
    }
    return seen;
  }

  /** Asserts each tooltip names its park, value, date and confidence as the table does. */
  function expectTooltips(seen, rows, metric, what) {
    const perPark = new Map();
    for (const { index, park, tooltip } of seen) {
      const k = perPark.get(park) ?? 0;
      perPark.set(park, k + 1);
      const parkRows = rows.filter((r) => r[0] === park);
      const [, name, value, date, confidence] = parkRows[k];
      const obs = parkValues(data, metric).find((p) => p.park.id === park).values;
      assert.ok(tooltip, `${what} ${index}: a tooltip`);
      assert.equal(tooltip.park, parkName(park), `${what} ${index}: park name`);
      assert.equal(name, parkName(park), `${what} ${index}: table row is the park's`);
      assert.equal(tooltip.value, value, `${what} ${index}: the value text`);
      assert.ok(tooltip.meta.startsWith(`${date} · `), `${what} ${index}: date "${date}" in "${tooltip.meta}"`);
      assert.equal(tooltip.confidence, confidence, `${what} ${index}: confidence as in the table`);
      const stated = obs.length === parkRows.length ? obs[k] : obs.at(-1);
      assert.equal(tooltip.confidence, RU.confidence[stated.confidence], `${what} ${index}: confidence word`);
      assert.ok(tooltip.meta.endsWith(tooltip.confidence), `${what} ${index}: meta ends with the confidence`);
    }
  }

  it('walks the bars with the arrows and shows each in the tooltip', async () => {
    const metric = data.metrics[0].id;
    const withValues = parkValues(data, metric).filter((p) => p.values.length > 0);
    await withPage('', async (page) => {
      await stableCompare(page);
      const n = await page.locator('#compare-chart rect.hit').count();
      assert.equal(n, withValues.length, `${metric}: one region per park with a value`);
      const rows = await readTable(page);
      await stableCompare(page);
      const seen = await walk(page, n);
      assert.deepEqual(
        seen.map((s) => s.park),
        withValues.map((p) => p.park.id),
        'ArrowRight goes from park to park in order',
      );
      expectTooltips(seen, rows, metric, metric);
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset?.index), '0', 'wraps around');
      await page.keyboard.press('Escape');
      await until(page, () => document.querySelector('#chart-tooltip') === null, null, 'Escape hides the tooltip');
    });
  });

  it('keeps the tooltip inside the chart at 360 px for every AKIT rating', async () => {
    const metric = 'akit_rank';
    const points = parkValues(data, metric).reduce((sum, p) => sum + p.values.length, 0);
    assert.ok(points >= 2, 'dataset: several ratings');
    await withPage(
      `?metric=${metric}`,
      async (page) => {
        await stableCompare(page);
        const n = await page.locator('#compare-chart rect.hit').count();
        assert.equal(n, points, 'one region per rating');
        const rows = await readTable(page);
        await stableCompare(page);
        const seen = await walk(page, n);
        expectTooltips(seen, rows, metric, `${metric} @360`);
        for (const { index, tooltip } of seen) {
          assert.ok(tooltip.inWrap, `${index}: the tooltip is inside .chart-wrap`);
          assert.ok(
            tooltip.box.left >= tooltip.wrap.left - 0.5 && tooltip.box.right <= tooltip.wrap.right + 0.5,
            `${index}: tooltip ${JSON.stringify(tooltip.box)} within .chart-wrap ${JSON.stringify(tooltip.wrap)}`,
          );
        }
        await screenshot(page, 'interactive-tooltip-360');
      },
      { width: 360, height: 740 },
    );
  });
});

describe('charts follow their container', () => {
  /** Each chart's drawn width (its SVG's width attribute) beside its container's width. */
  const widths = (page) =>
    page.evaluate(() =>
      ['#compare-chart', '#lifecycle'].map((root) => ({
        root,
        drawn: Number(document.querySelector(`${root} .chart svg`)?.getAttribute('width')),
        box: document.querySelector(`${root} .chart-wrap`).clientWidth,
      })),
    );
  const fits = (list) => list.every(({ drawn, box }) => box > 0 && Math.abs(drawn - box) < 1);

  it('redraws both charts at the new width on a window resize and when only the column narrows', async () => {
    await withPage(
      '',
      async (page) => {
        const wide = await settled(page, () => widths(page), 'charts at 1280 px');
        assert.ok(fits(wide), `drawn at their containers' widths: ${JSON.stringify(wide)}`);

        await page.setViewportSize({ width: 412, height: 823 });
        await until(page, () => document.querySelector('#compare-chart .chart-wrap').clientWidth < 412, null, 'the layout narrows');
        const narrow = await settled(page, () => widths(page), 'charts at 412 px');
        assert.ok(fits(narrow), `redrawn after the resize: ${JSON.stringify(narrow)}`);
        assert.ok(narrow[0].drawn < wide[0].drawn, 'the comparison chart got narrower');

        // No window resize: only the panels narrow (as a host page's column or a zoom would).
        await page.addStyleTag({ content: '#compare, #lifecycle { max-width: 340px; }' });
        const column = await settled(page, () => widths(page), 'charts in a 340 px column');
        assert.ok(fits(column), `redrawn when only the container changed: ${JSON.stringify(column)}`);
        assert.ok(column.every(({ drawn }) => drawn < narrow[0].drawn), 'both got narrower');
      },
      { width: 1280, height: 900 },
    );
  });
});

describe('a chart opened in the table view', () => {
  it('is drawn at its width when the reader switches to the chart', async () => {
    await withPage('?view=table', async (page) => {
      await page.waitForSelector('#values-table');
      assert.equal(await page.locator('#compare-chart .chart svg').count(), 0, 'hidden, nothing is drawn yet');
      await showTable(page, false);
      await until(page, () => document.querySelector('#compare-chart .chart svg') !== null, null, 'the chart');
      const { drawn, box } = await page.evaluate(() => ({
        drawn: Number(document.querySelector('#compare-chart .chart svg').getAttribute('width')),
        box: document.querySelector('#compare-chart .chart-wrap').clientWidth,
      }));
      assert.ok(box > 0 && Math.abs(drawn - box) < 1, `drawn at ${drawn} px in a ${box} px container`);
      assert.equal(await page.locator('#compare-chart rect.hit[tabindex="0"]').count(), 1, 'one tab stop');
    });
  });
});

