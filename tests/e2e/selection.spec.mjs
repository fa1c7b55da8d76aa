// The selected event, shared by the timeline, the lifecycle chart and the browser history, and
// the lifecycle chart itself: Technopark Perm's suspension, its marks under filters, its keyboard.

import { expect, openReady, test, until } from './fixtures.mjs';
import { lighten, locale } from './data.mjs';
import { STRATEGIC, data, params } from './explorer-reads.mjs';
import {
  TOTAL,
  boxesOf,
  event,
  expectSelected,
  expectShown,
  expectedIds,
  intersects,
  readLifecycle,
  readTimeline,
  stableLifecycle,
  untilParam,
} from './timeline-reads.mjs';
import { screenshot, showTable } from './ui.mjs';

// The history tests count `history.length`, which a reused page would carry over from earlier
// tests, and which Chromium stops at 50 entries: this file's tests each get a fresh context.
test.use({ reuseContext: false });

/** How many entries the tab's history has. */
const historyLength = (page) => page.evaluate(() => history.length);

/** Whether the event's li is within the timeline's box (and, with `viewport`, the window's). */
const inTimelineView = ([id, viewport]) => {
  const li = document.getElementById(`event-${id}`).getBoundingClientRect();
  const box = document.querySelector('section#timeline').getBoundingClientRect();
  return li.top < box.bottom && li.bottom > box.top && (!viewport || (li.top < innerHeight && li.bottom > 0));
};

/** Focuses the lifecycle chart's first mark; returns a reader of the focused mark's index. */
async function focusFirstMark(page) {
  await stableLifecycle(page);
  await page.focus('#lifecycle rect.hit[data-index="0"]');
  return () => page.evaluate(() => document.activeElement?.dataset?.index ?? null);
}

/** Presses ArrowRight then Enter on the first mark; returns the event of mark 1, now selected. */
async function selectSecondMark(page) {
  await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => document.activeElement?.dataset?.index), 'ArrowRight focuses data-index 1').toBe('1');
  const second = await page.getAttribute('#lifecycle rect.hit[data-index="1"]', 'data-event');
  expect(second, 'the mark names its event').toBeTruthy();
  await page.keyboard.press('Enter');
  await expectSelected(page, second, 'Enter on mark 1');
  return second;
}

test.describe('selection and history', () => {
  test('selects from the timeline and from the chart, and Back/Forward walk the selections', async ({ page }) => {
    await openReady(page);
    await stableLifecycle(page);
    await expectSelected(page, null, 'at first');
    const h0 = await historyLength(page);
    const last = (await readTimeline(page)).ids.at(-1);
    expect(last).not.toBe(STRATEGIC);

    // From the timeline.
    await page.click(`li#event-${STRATEGIC} .event-select`);
    await expectSelected(page, STRATEGIC, 'title clicked');
    expect(await historyLength(page), 'choosing an event adds a history entry').toBe(h0 + 1);

    // From the chart: the last event, out of the timeline's view until then.
    const before = await boxesOf(page, last);
    expect(before.overflowY, 'at 1280 px the timeline scrolls by itself').toBe('auto');
    expect(before.scrolls, 'the timeline is taller than its box').toBe(true);
    expect(intersects(before.li, before.timeline), `${last} starts out of the timeline's view`).toBe(false);
    await page.click(`#lifecycle rect.hit[data-event="${last}"]`);
    await page.mouse.move(1, 1); // the caption follows the pointer; leave the chart
    await expectSelected(page, last, 'mark clicked');
    expect(await historyLength(page), 'a second selection adds another entry').toBe(h0 + 2);
    await until(page, inTimelineView, [last, false], `${last} scrolled into the timeline's view`);
    const afterClick = await boxesOf(page, last);
    expect(intersects(afterClick.li, afterClick.timeline), `li#event-${last} within #timeline`).toBe(true);
    expect(afterClick.scrollTop, 'the timeline scrolled').toBeGreaterThan(0);
    await screenshot(page, 'interactive-selected-from-chart');

    // Back and forward.
    await page.goBack();
    await expectSelected(page, STRATEGIC, 'Back once');
    await page.goBack();
    await expectSelected(page, null, 'Back twice');
    expect(new URL(page.url()).search, 'Back to the bare URL').toBe('');
    await page.goForward();
    await expectSelected(page, STRATEGIC, 'Forward once');
    await page.goForward();
    await expectSelected(page, last, 'Forward twice');
    expect(await historyLength(page), 'walking the history adds no entry').toBe(h0 + 2);

    // Filters rewrite the current entry.
    await page.selectOption('select#filter-level', event(last).level);
    await untilParam(page, 'level', event(last).level);
    await page.fill('input#filter-search', 'морион');
    await untilParam(page, 'q', 'морион');
    expect(await historyLength(page), 'filter changes add no history entry').toBe(h0 + 2);
    await expect.poll(() => params(page).get('event'), { message: 'the selection stays in the URL' }).toBe(last);
  });

  test('Forward, then a filter changed before the page is idle, adds no history entry', async ({ page }) => {
    // A busy page: the idle callbacks that write the URL come late.
    await page.addInitScript(() => {
      window.requestIdleCallback = (work) => setTimeout(() => work({ didTimeout: true, timeRemaining: () => 0 }), 1500);
    });
    await openReady(page);
    const h0 = await historyLength(page);
    const [first, second] = (await readTimeline(page)).ids;
    for (const id of [first, second]) {
      await page.click(`li#event-${id} .event-select`);
      await untilParam(page, 'event', id);
    }
    await expect.poll(() => historyLength(page), { message: 'two selections, two entries' }).toBe(h0 + 2);
    await page.goBack();
    await expectSelected(page, first, 'Back');
    await page.goForward();
    await expectSelected(page, second, 'Forward');
    // Before the write Forward asked for is due.
    await page.selectOption('select#filter-level', event(second).level);
    await untilParam(page, 'level', event(second).level);
    expect(await historyLength(page), 'the filter rewrote the entry Forward reached').toBe(h0 + 2);
  });

  test('pushes the table view, and Back returns to the chart', async ({ page }) => {
    await openReady(page);
    const h0 = await historyLength(page);
    const table = page.locator('table#values-table');
    await expect(table, 'the chart at first').toHaveCount(0);
    await showTable(page);
    await untilParam(page, 'view', 'table');
    await expect(table).toBeAttached();
    // Two tabs, radios named for what they show: the state is theirs, the names keep.
    await expect(page.locator('#view-table')).toBeChecked();
    await expect(page.locator('#view-chart')).not.toBeChecked();
    await expect(page.locator('label[for="view-chart"]')).toHaveText(/^\s*(График|Chart)\s*$/);
    expect(await historyLength(page), 'the table view adds a history entry').toBe(h0 + 1);
    await page.goBack();
    await untilParam(page, 'view', null);
    await expect(table).toHaveCount(0);
    await expect(page.locator('#view-chart'), 'the chart tab is chosen again').toBeChecked();
    await expect(page.locator('#compare-chart .chart-wrap'), 'the chart is back').toBeVisible();
    await page.goForward();
    await expect(table).toBeAttached();
  });

  test('«clear filters» also clears a selected event, which a link would carry unseen', async ({ page }) => {
    await openReady(page, `?event=${STRATEGIC}`);
    await stableLifecycle(page);
    await expectSelected(page, STRATEGIC, 'deep link');
    expect((await readTimeline(page)).clear, '«clear filters» is offered with an event selected').toBe(true);
    await page.click('button#clear-filters');
    await expectSelected(page, null, 'cleared');
    await expect.poll(() => params(page).get('event'), { message: 'the link no longer carries the event' }).toBeNull();
    expect((await readTimeline(page)).clear, 'and the button goes').toBe(false);
  });

  test('a title clicked in view stays where it is; one out of view is scrolled to', async ({ page }) => {
    await openReady(page);
    await stableLifecycle(page);
    const items = page.locator('#timeline li.event');
    const id = await items.nth(3).getAttribute('data-event-id');
    const title = page.locator(`li#event-${id} button.event-select`);
    // The title in the middle of the timeline's box, whole.
    await title.evaluate((el) => el.closest('li').scrollIntoView({ block: 'center' }));
    const before = await title.boundingBox();
    await title.click();
    await expectSelected(page, id, 'title clicked');
    await page.waitForTimeout(300);
    const after = await title.boundingBox();
    expect(Math.abs(after.y - before.y), 'the clicked title did not move').toBeLessThan(1);
    // A mark whose event is far down the list: its item comes into view.
    const last = await items.last().getAttribute('data-event-id');
    await page.click(`#lifecycle rect.hit[data-event="${last}"]`);
    await expectSelected(page, last, 'mark clicked');
    await until(page, inTimelineView, [last, true], `${last} in view`);
  });

  test('opens a deep link with its event selected and in view', async ({ page }) => {
    await openReady(page, `?event=${STRATEGIC}`);
    await stableLifecycle(page);
    await expectSelected(page, STRATEGIC, 'deep link');
    await until(page, inTimelineView, [STRATEGIC, true], `${STRATEGIC} in view`);
    const boxes = await boxesOf(page, STRATEGIC);
    expect(intersects(boxes.li, boxes.timeline), 'within the timeline box').toBe(true);
    expect(intersects(boxes.li, boxes.viewport), 'within the viewport').toBe(true);
  });

  test('without idle callbacks (Safari) the URL and the history follow all the same', async ({ page }) => {
    // The app writes the URL when the page is idle (`dom::when_idle`), or 100 ms on where the
    // browser has no `requestIdleCallback`: take it away, as Safari has none.
    await page.addInitScript(() => {
      delete window.requestIdleCallback;
      delete Window.prototype.requestIdleCallback;
    });
    await openReady(page);
    expect(await page.evaluate(() => typeof requestIdleCallback), 'no idle callbacks').toBe('undefined');
    const h0 = await historyLength(page);
    const level = event(STRATEGIC).level;
    await page.selectOption('select#filter-level', level);
    await untilParam(page, 'level', level);
    expect(await historyLength(page), 'a filter rewrites the entry').toBe(h0);
    await page.click(`li#event-${STRATEGIC} .event-select`);
    await expectSelected(page, STRATEGIC, 'title clicked');
    expect(await historyLength(page), 'choosing an event adds an entry').toBe(h0 + 1);
    await page.goBack();
    await expectSelected(page, null, 'Back');
    expect(params(page).get('level'), 'Back keeps the filter').toBe(level);
  });

  test('Back before the page was idle to write the URL leaves the history as the browser set it', async ({ page }) => {
    // Idle callbacks held until the test lets them run, as on a page too busy for them.
    await page.addInitScript(() => {
      const held = [];
      window.requestIdleCallback = (run) => held.push(run);
      window.releaseIdle = () => {
        for (const run of held.splice(0)) run({ didTimeout: false, timeRemaining: () => 50 });
      };
    });
    await openReady(page);
    await page.evaluate(() => window.releaseIdle());
    const h0 = await historyLength(page);
    await page.click(`li#event-${STRATEGIC} .event-select`);
    await until(page, (id) => document.querySelector(`li#event-${id}.selected`), STRATEGIC, 'first title selected');
    await page.evaluate(() => window.releaseIdle());
    await expectSelected(page, STRATEGIC, 'first title clicked');
    expect(await historyLength(page), 'the first choice adds an entry').toBe(h0 + 1);
    // A second choice, its URL not yet written, then Back: to the entry before the first.
    const second = (await readTimeline(page)).ids.find((id) => id !== STRATEGIC);
    await page.click(`li#event-${second} .event-select`);
    await until(page, (id) => document.querySelector(`li#event-${id}.selected`), second, 'second title selected');
    expect(params(page).get('event'), 'its URL not yet written').toBe(STRATEGIC);
    await page.goBack();
    await expectSelected(page, null, 'Back');
    await page.evaluate(() => window.releaseIdle());
    await expect.poll(() => page.evaluate(() => location.search), 'the URL Back went to').toBe('');
    expect(await historyLength(page), 'no entry added after Back').toBe(h0 + 1);
    await page.goForward();
    await expectSelected(page, STRATEGIC, 'Forward to the first choice');
  });
});

test.describe('lifecycle chart', () => {
  const perm = data.parks.find((p) => p.id === 'technopark-perm');
  const spaced = (text) => text.replace(/[\u00a0\u202f]/g, ' ');
  const dates = {
    ru: { from: '12 января 2023 г.', to: '26 ноября 2026 г.', source: 'АиФ', asOf: 'по состоянию на 26 ноября 2026 г.' },
    en: { from: '12 January 2023', to: '26 November 2026', source: 'AiF', asOf: 'as of 26 November 2026' },
  };

  for (const lang of ['ru', 'en']) {
    test(`draws Technopark Perm's suspension as such: a pale dashed segment, a legend entry and table rows (${lang})`, async ({ page }) => {
      expect(perm.status.find((c) => c.state === 'suspended'), 'the dataset has the suspension').toBeTruthy();
      const s = locale(lang);
      const want = dates[lang];
      await openReady(page, lang === 'en' ? '?lang=en' : '');
      await stableLifecycle(page);
      const chart = await page.evaluate(() => {
        const chart = document.querySelector('section#lifecycle .chart[role=img]');
        return {
          fills: [...chart.querySelectorAll('svg rect')].map((r) => (r.getAttribute('fill') ?? '').toLowerCase()),
          texts: [...chart.querySelectorAll('svg text')].map((t) => t.textContent),
        };
      });
      // The park's colour halfway to white, after its solid bar.
      expect(chart.fills, 'a pale segment').toContain(lighten(perm.color.toLowerCase()));
      for (const state of ['open', 'suspended', 'closed']) {
        expect(chart.texts.map(spaced), `the legend says «${state}»`).toContain(spaced(s.lifecycle_legend[state]));
      }
      const rows = await page.$$eval('#lifecycle-table tbody tr', (trs) =>
        trs.map((tr) => ({ park: tr.dataset.park, state: tr.dataset.state, cells: [...tr.cells].map((c) => c.textContent) })),
      );
      const notes = rows.filter((r) => r.park === perm.id && !r.state);
      const permRows = rows.filter((r) => r.park === perm.id && r.state);
      expect(permRows.map((r) => r.state), 'open, then suspended').toEqual(['open', 'suspended']);
      const cells = permRows[1].cells.map(spaced);
      expect(cells[1], 'the state in words').toBe(spaced(s.states.suspended));
      expect(cells[2], 'from').toBe(want.from);
      expect(cells[3], "to the dataset's date").toContain(want.to);
      expect(cells[4], 'its source').toContain(want.source);
      expect(notes.length, "the suspension's note, under it").toBe(1);
      expect(notes[0].cells[0].length, 'the note').toBeGreaterThan(40);
      expect(rows.some((r) => r.state === 'closed'), 'no park is closed').toBe(false);
      expect(spaced(await page.textContent('#lifecycle-table caption'))).toContain(want.asOf);
      await screenshot(page, `lifecycle-suspension-${lang}`);
    });
  }

  test('draws a bar per park and a mark per shown event, also under filters', async ({ page }) => {
    await openReady(page);
    await stableLifecycle(page);
    const check = async (filter, what) => {
      const ids = expectedIds(filter);
      const shown = await expectShown(page, ids, what);
      await expect(page.locator('#lifecycle rect.hit'), `${what}: ${ids.length} marks`).toHaveCount(ids.length);
      const chart = await readLifecycle(page);
      expect(chart.hits.length, `${what}: one rect.hit per counted event`).toBe(Number(shown.count));
      expect(chart.hits.map((h) => h.event).sort(), `${what}: the marks are the shown events`).toEqual(ids);
      expect(chart.hits.map((h) => h.index), `${what}: data-index 0…n-1`).toEqual(chart.hits.map((_, i) => String(i)));
      for (const park of data.parks) {
        const bars = chart.fills.filter((f) => f === park.color.toLowerCase()).length;
        expect(bars, `${what}: one bar in ${park.id}'s colour ${park.color}`).toBe(1);
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

  test('moves between marks with the arrows and selects with Enter', async ({ page }) => {
    await openReady(page);
    await stableLifecycle(page);
    const first = page.locator('#lifecycle rect.hit[data-index="0"]');
    await expect(first, 'the first mark is in the tab order').toHaveAttribute('tabindex', '0');
    await expect(page.locator('#lifecycle rect.hit[tabindex="0"]'), 'only one mark is in the tab order').toHaveCount(1);
    const focused = await focusFirstMark(page);
    expect(await focused()).toBe('0');
    const second = await selectSecondMark(page);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    for (const key of ['Escape', 'a', 'Tab', 'Shift+Tab', 'Home', 'End', 'PageDown']) await page.keyboard.press(key);
    await page.focus('#lifecycle rect.hit[tabindex="0"]');
    await page.keyboard.press('Escape');
    await expect.poll(() => params(page).get('event'), { message: 'Escape and stray keys keep the selection' }).toBe(second);
  });

  test('keeps the keyboard focus on the mark Enter selected', async ({ page }) => {
    await openReady(page);
    const focused = await focusFirstMark(page);
    await selectSecondMark(page);
    const tag = await page.evaluate(() => document.activeElement?.tagName ?? null);
    expect([tag, await focused()], 'after Enter the focus stays on the selected mark (not <body>)').toEqual(['rect', '1']);
    await page.keyboard.press('ArrowRight');
    expect(await focused(), 'the arrows keep working after Enter').toBe('2');
  });

  test('keeps one mark in the tab order when a filter removes the one the keyboard was on', async ({ page }) => {
    const federal = expectedIds({ level: 'federal' }).length;
    expect(federal > 0 && federal < TOTAL, 'dataset: some, not all, events are federal').toBe(true);
    await openReady(page);
    const focused = await focusFirstMark(page);
    await page.keyboard.press('End');
    expect(await focused(), 'End focuses the last mark').toBe(String(TOTAL - 1));
    await page.selectOption('select#filter-level', 'federal');
    await expect(page.locator('#lifecycle rect.hit')).toHaveCount(federal);
    // Else Tab can no longer reach the chart.
    await expect(page.locator('#lifecycle rect.hit[tabindex="0"]'), 'exactly one mark keeps tabindex=0').toHaveCount(1);
  });
});
