// The timeline and the lifecycle chart as the tests read them, and the filter rules the app
// documents (src/analysis/timeline.rs), from which the expected events are computed. Used by
// timeline.spec.mjs, search.spec.mjs and selection.spec.mjs.

import { expect, settled, until } from './fixtures.mjs';
import { countText, fill, locale, plain } from './data.mjs';
import { data, params } from './explorer-reads.mjs';

export const TOTAL = data.events.length;

/** Case folded and ё read as е, as the app searches. */
export const fold = (text) => text.toLowerCase().replaceAll('ё', 'е');

/** Whether an event passes a filter {level, kind, park, from, to, q}, read in `lang`. */
function keeps(event, filter, lang) {
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
export const expectedIds = (filter, lang = 'ru') =>
  data.events.filter((e) => keeps(e, filter, lang)).map((e) => e.id).sort();

export const event = (id) => data.events.find((e) => e.id === id);

/** Waits until the URL's parameter `name` is `value` (null: absent). */
export async function untilParam(page, name, value) {
  await expect.poll(() => params(page).get(name), { message: `URL ${name}=${value}` }).toBe(value);
}

/**
 * The timeline's listed events and years: a filter hides the events of the list's first page
 * that it leaves out, and keeps them (and their years) in the list.
 */
export const LISTED_EVENT = 'li.event:not([hidden])';
export const LISTED_YEAR = 'li.timeline-year:not([hidden])';

/** What the timeline shows: ids in order, the count attribute and text, and the markup state. */
export function readTimeline(page) {
  return page.evaluate((listed) => ({
    ids: [...document.querySelectorAll(`section#timeline ${listed}`)].map((li) => li.dataset.eventId),
    count: document.querySelector('p#event-count')?.dataset.count ?? null,
    countText: document.querySelector('p#event-count')?.textContent ?? null,
    noEvents: document.querySelector('section#timeline p.no-events')?.textContent ?? null,
    selected: [...document.querySelectorAll('section#timeline li.event.selected')].map((li) => li.dataset.eventId),
    pressed: [...document.querySelectorAll('li.event .event-select[aria-pressed="true"]')].map(
      (b) => b.closest('li.event').dataset.eventId,
    ),
    clear: document.querySelector('button#clear-filters') !== null,
    search: document.querySelector('input#filter-search')?.value ?? null,
  }), LISTED_EVENT);
}

/** Waits until the timeline counts `ids.length`, then expects it to show exactly `ids`. */
export async function expectShown(page, ids, what, lang = 'ru') {
  const n = ids.length;
  const count = page.locator('p#event-count');
  await expect(count, `${what}: p#event-count[data-count]`).toHaveAttribute('data-count', String(n));
  const strings = locale(lang);
  const text = n === TOTAL ? countText(lang, n) : fill(strings.shown_of, n, TOTAL, countText(lang, n), countText(lang, TOTAL));
  await expect(count, `${what}: the count's text`).toHaveText(text);
  const shown = await readTimeline(page);
  expect([...shown.ids].sort(), `${what}: the events shown`).toEqual(ids);
  if (n === 0) expect(shown.noEvents, `${what}: says there is nothing to show`).toBe(strings.no_events);
  return shown;
}

/** The lifecycle chart: its hit regions, selected marks, caption, and the drawing's rect fills. */
export function readLifecycle(page) {
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
      // The selection, drawn over the chart: the events whose hit area holds its large dot.
      // (A dot may be two circles, its fill and its ring.)
      drawnSelected: [...new Set([...section.querySelectorAll('.selection-layer circle[r="8"]')].flatMap((c) => {
        const [cx, cy] = ['cx', 'cy'].map((a) => Number(c.getAttribute(a)));
        const at = (r, a) => Number(r.getAttribute(a));
        const under = hits.filter((r) => cx > at(r, 'x') && cx < at(r, 'x') + at(r, 'width') && cy > at(r, 'y') && cy < at(r, 'y') + at(r, 'height'));
        return under.length > 0 ? under.map((r) => r.dataset.event) : ['(no mark under it)'];
      }))],
      caption: section.querySelector('#lifecycle-caption')?.textContent ?? null,
    };
  });
}

/** Waits until the lifecycle chart is drawn and its markup stops changing. */
export async function stableLifecycle(page) {
  // Two drawings: the lanes, and the parks below them.
  await expect(page.locator('section#lifecycle .chart[role=img] svg')).toHaveCount(2);
  return settled(() => page.evaluate(() => document.querySelector('section#lifecycle .chart-wrap')?.innerHTML ?? ''), 'the lifecycle chart');
}

/** Client rectangles of the event's li and of the #timeline scroll box, and the viewport. */
export function boxesOf(page, id) {
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

export const intersects = (a, b) => a.top < b.bottom && a.bottom > b.top && a.left < b.right && a.right > b.left;

/** Expects the event (or, with null, nothing) selected everywhere: timeline, marks, caption. */
export async function expectSelected(page, id, what) {
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
  expect(timeline.selected, `${what}: li.event.selected`).toEqual(expected);
  expect(timeline.pressed, `${what}: .event-select[aria-pressed=true]`).toEqual(expected);
  expect(chart.hits.filter((h) => h.selected).map((h) => h.event), `${what}: #lifecycle rect.hit.selected`).toEqual(expected);
  expect(chart.hits.filter((h) => h.pressed === 'true').map((h) => h.event), `${what}: rect.hit[aria-pressed=true]`).toEqual(expected);
  expect(chart.drawnSelected, `${what}: the large dot drawn over the chart`).toEqual(expected);
  if (id === null) {
    expect(chart.caption.trim(), `${what}: no caption without a selection`).toBe('');
    return;
  }
  const li = page.locator(`li#event-${id}`);
  const date = (await li.locator('time.event-date').textContent()).trim();
  const title = (await li.locator('.event-select').textContent()).trim();
  expect(plain(title), `${what}: the button is the event's title`).toBe(event(id).title.ru);
  expect(date.length, `${what}: the event has a date`).toBeGreaterThan(0);
  expect(chart.caption, `${what}: the caption has the date`).toContain(date);
  expect(chart.caption, `${what}: the caption has the title`).toContain(title);
}
