// Many events: the timeline lists a page at a time, a "show more" button lists the next (the
// keyboard focus stays on it), a new filter starts from the first page again, and an event
// chosen on the lifecycle chart is listed wherever it is. A long series: a value card lists
// the latest values and folds the earlier ones into a disclosure. Many parks: the chart draws
// the first twelve by value and says so; the others' cards fold away, the table lists all. A
// lifecycle lane of too many marks counts its events by year; a count lists that year.

import { expect, openReady, test } from './fixtures.mjs';
import { DATA_PATH, countText, dataset, fill, locale } from './data.mjs';
import { showTable } from './ui.mjs';
import { expectAxeClean } from './prerender-reads.mjs';
import { LISTED_EVENT } from './timeline-reads.mjs';

const PAGE = 50;
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

const MANY = manyEvents();
const ru = locale('ru');

test.beforeEach(async ({ page }) => {
  await page.route(`**${DATA_PATH}`, (route) => route.fulfill({ json: MANY }));
});

test.describe('a long timeline', () => {
  const events = (page) => page.locator(`#timeline ${LISTED_EVENT}`);

  test('lists 50 events at a time; "show more" lists the next, focus stays; a filter starts again', async ({ page }) => {
    await openReady(page);
    await expect(page.locator('#event-count'), 'every event counts').toHaveAttribute('data-count', String(COUNT));
    await expect(events(page)).toHaveCount(PAGE);
    // «Показать ещё 50 событий (всего осталось 200)»: the noun, and the rest only if more.
    const more = page.locator('#show-more');
    await expect(more).toHaveText(fill(ru.show_more, countText('ru', PAGE), COUNT - PAGE));

    await more.focus();
    for (let shown = PAGE; shown < COUNT; shown += PAGE) {
      await page.keyboard.press('Enter');
      const now = Math.min(shown + PAGE, COUNT);
      await expect(events(page)).toHaveCount(now);
      if (now === COUNT) break;
      await expect(more, 'focus stays on the button').toBeFocused();
      const left = COUNT - now;
      await expect(more).toHaveText(
        left > PAGE ? fill(ru.show_more, countText('ru', PAGE), left) : fill(ru.show_rest, countText('ru', left)),
      );
    }
    await expect(more, 'nothing left to show').toBeHidden();

    // A new filter: its first page only.
    const federal = MANY.events.filter((e) => e.level === 'federal').length;
    await page.selectOption('select#filter-level', 'federal');
    await expect(page.locator('#event-count')).toHaveAttribute('data-count', String(federal));
    await expect(events(page)).toHaveCount(Math.min(PAGE, federal));
  });

  test('an event chosen beyond the first page (by its link) is listed and selected', async ({ page }) => {
    // The last event of the list, as the app orders it.
    await openReady(page);
    for (let shown = PAGE; shown < COUNT; shown += PAGE) await page.click('#show-more');
    await expect(events(page)).toHaveCount(COUNT);
    const target = await events(page).last().getAttribute('data-event-id');

    await openReady(page, `?event=${target}`);
    await expect(page.locator(`li#event-${target}`)).toHaveClass(/\bselected\b/);
    await expect(events(page).last(), 'listed up to the chosen event').toHaveId(`event-${target}`);
    await expect(events(page)).toHaveCount(COUNT);
  });
});

test('a lane of too many marks counts its events by year; a count lists its year, from the keyboard or a click', async ({ page }) => {
  await openReady(page);
  const lifecycle = page.locator('#lifecycle');
  // What the chart marks: each event, or a year's count of a lane's events.
  const marked = () =>
    lifecycle.locator('rect.hit').evaluateAll((hits) =>
      hits.map((h) => ({ event: h.dataset.event, level: h.dataset.level, year: Number(h.dataset.year), count: Number(h.dataset.count), label: h.getAttribute('aria-label') })),
    );
  const inYear = (level, year) => MANY.events.filter((e) => e.level === level && Number(e.date.slice(0, 4)) === year);

  // 250 events pile each lane far past its rows: both count by year, every event counted once.
  const counts = await marked();
  expect(counts.filter((m) => m.event), 'no event drawn one by one').toEqual([]);
  expect(counts.reduce((n, m) => n + m.count, 0)).toBe(COUNT);
  for (const m of counts) {
    expect(m.count, `${m.level} ${m.year}`).toBe(inYear(m.level, m.year).length);
    expect(m.label).toBe(fill(ru.lifecycle_year, m.year, ru.levels[m.level].toLowerCase(), countText('ru', m.count)));
  }
  const laneLabels = await lifecycle.locator('.chart svg text').allTextContents();
  for (const level of ['federal', 'regional']) {
    expect(laneLabels, 'the lane says it counts').toContain(fill(ru.lifecycle_by_year, ru.levels[level]));
  }
  await expectAxeClean(page, 'the lanes counted by year');

  // The keyboard: onto the chart's marks, the third along, Enter.
  const third = counts[2];
  await lifecycle.locator('rect.hit[tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#lifecycle-caption')).toContainText(third.label);
  await page.keyboard.press('Enter');
  const listed = page.locator(`#timeline ${LISTED_EVENT}`);
  await expect(page.locator('#event-count')).toHaveAttribute('data-count', String(third.count));
  await expect(page.locator('select#filter-level')).toHaveValue(third.level);
  await expect(page.locator('select#filter-from')).toHaveValue(String(third.year));
  await expect(page.locator('select#filter-to')).toHaveValue(String(third.year));
  await expect(listed.first().locator('button.event-select'), 'the focus on its first event').toBeFocused();
  const ids = new Set(inYear(third.level, third.year).map((e) => e.id));
  for (const id of await listed.evaluateAll((items) => items.map((li) => li.dataset.eventId))) {
    expect(ids.has(id), `${id} is of ${third.level} ${third.year}`).toBe(true);
  }
  // The chart marks just those: each one, or counted.
  const now = await marked();
  expect(now.reduce((n, m) => n + (m.event ? 1 : m.count), 0)).toBe(third.count);

  // A click on another lane's count, once the filters are cleared.
  await page.click('#clear-filters');
  const other = (await marked()).find((m) => m.level !== third.level);
  await lifecycle.locator(`rect.hit[data-level="${other.level}"][data-year="${other.year}"]`).click();
  await expect(page.locator('#event-count')).toHaveAttribute('data-count', String(other.count));
  await expect(page.locator('select#filter-level')).toHaveValue(other.level);
  await expect(listed.first().locator('button.event-select')).toBeFocused();
});

test('a card lists the latest five values of a long series and folds the earlier ones; the keyboard opens them', async ({ page }) => {
  const ranks = MANY.observations.filter((o) => o.park === 'morion-digital' && o.metric === 'akit_rank');
  const folded = ranks.length - 5;
  // The folded values' years: the earliest ones.
  const years = ranks.map((o) => Number(o.date.slice(0, 4))).sort((a, b) => a - b);
  const span = `(${years[0]}–${years[folded - 1]})`;

  await openReady(page, '?metric=akit_rank');
  const card = page.locator('li.value-card[data-park="morion-digital"]');
  const listed = card.locator(':scope > .figure');
  await expect(listed).toHaveCount(5);
  await expect(listed.last().locator('.as-of'), 'the latest value comes last').toContainText('2025');
  await expect(listed.first().locator('.as-of')).toContainText(String(years[folded]));

  const fold = card.locator(':scope > details.earlier');
  const summary = fold.locator('summary');
  await expect(summary).toHaveText(`${fill(ru.earlier_values.many, folded)} ${span}`);
  await expect(fold.locator('.figure'), 'closed, the fold draws nothing').toHaveCount(0);

  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(card.locator('details.earlier[open] .figure')).toHaveCount(folded);
  await expect(fold.locator('.sources-of .source-link'), 'each folded value cites its source').toHaveCount(folded);
  await expect(page.locator('li.value-card[data-park="technopark-perm"] details.earlier'), 'a short card has no fold').toHaveCount(0);

  // The chart and the table keep every value.
  await expect(page.locator('#compare-chart rect.hit[data-park="morion-digital"]')).toHaveCount(ranks.length);
  await showTable(page);
  await expect(page.locator('#values-table tr[data-park="morion-digital"]')).toHaveCount(ranks.length);

  await page.click('#lang-toggle');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(card.locator('details.earlier summary')).toHaveText(`${fill(locale('en').earlier_values.other, folded)} ${span}`);
});

/** The real dataset with `extra` copies of Technopark Perm, park `copy-i` of area (i + 1) × 1 000 m². */
function manyParks(extra) {
  const data = dataset();
  const park = data.parks.find((p) => p.id === 'technopark-perm');
  const area = data.observations.find((o) => o.park === park.id && o.metric === 'area_m2');
  for (let i = 0; i < extra; i += 1) {
    const id = `copy-${i}`;
    data.parks.push({ ...park, id, name: { ru: `Копия ${i}`, en: `Copy ${i}` } });
    data.observations.push({ ...area, park: id, value: (i + 1) * 1000 });
  }
  return data;
}

test('with more than twelve parks the chart draws the twelve largest and says so; the others fold away', async ({ page }) => {
  const data = manyParks(13);
  await page.route(`**${DATA_PATH}`, (route) => route.fulfill({ json: data }));
  await openReady(page, '?metric=area_m2');
  // By area: Morion Digital, Technopark Perm, then the copies from the largest; no-data last.
  const order = ['morion-digital', 'technopark-perm', ...Array.from({ length: 13 }, (_, i) => `copy-${12 - i}`)];
  const drawn = order.slice(0, 12);
  const cards = page.locator('#compare-values > li.value-card');
  await expect(cards).toHaveCount(12);
  expect(await cards.evaluateAll((els) => els.map((el) => el.dataset.park))).toEqual(drawn);
  const bars = page.locator('#compare-chart rect.hit');
  await expect(bars).toHaveCount(12);
  expect(await bars.evaluateAll((els) => els.map((el) => el.dataset.park))).toEqual(drawn);

  const said = fill(ru.chart_selection, 12, fill(ru.of_parks.many, 15));
  await expect(page.locator('.metric-view p.formula')).toHaveText(said);
  await expect(page.locator('#compare-chart figcaption')).toContainText(said);

  const fold = page.locator('details.more-parks');
  await expect(fold.locator('summary')).toHaveText(fill(ru.more_parks.few, 3));
  await expect(fold.locator('li.value-card'), 'closed, the fold draws nothing').toHaveCount(0);
  await fold.locator('summary').focus();
  await page.keyboard.press('Enter');
  // Drawn on the fold's toggle event, which comes after the opening.
  await expect(fold.locator('li.value-card')).toHaveCount(3);
  expect(await fold.locator('li.value-card').evaluateAll((els) => els.map((el) => el.dataset.park))).toEqual(order.slice(12));

  await showTable(page);
  await expect(page.locator('#values-table tbody tr')).toHaveCount(15);
});
