// The loaded explorer's language switch, timeline (years, filters, inference marks) and source
// list against the real dataset. Expected counts come from the served JSON.

import { expect, laidOutNearViewport, openReady, test } from './fixtures.mjs';
import { locale, plain } from './data.mjs';
import { MORION, STRATEGIC, data, params, readCards, readChart, sourceUrls } from './explorer-reads.mjs';
import { LISTED_EVENT, LISTED_YEAR, expectShown } from './timeline-reads.mjs';

const RU = locale('ru');
const EN = locale('en');

test.describe('language switch', () => {
  const titles = async (page) =>
    Object.fromEntries(
      (await page.$$eval('li.event', (lis) => lis.map((li) => [li.dataset.eventId, li.querySelector('.event-title').textContent])))
        .map(([id, title]) => [id, plain(title)]),
    );
  const expectedTitles = (lang) => Object.fromEntries(data.events.map((e) => [e.id, e.title[lang]]));

  test('switches interface and data text, html[lang] and the URL, and back', async ({ page }) => {
    expect(EN.app_title, 'the titles differ').not.toBe(RU.app_title);
    expect(data.events.some((e) => e.title.en !== e.title.ru), 'dataset: titles differ between languages').toBe(true);
    await openReady(page);
    const toggle = page.locator('button#lang-toggle');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('lang', 'ru');
    await expect(page.locator('h1')).toHaveText(RU.app_title);
    await expect(page).toHaveTitle(RU.app_title);
    await expect(toggle).toHaveText('English');
    expect(await titles(page), 'ru event titles').toEqual(expectedTitles('ru'));
    expect(params(page).get('lang'), 'ru is the default: no lang in the URL').toBeNull();

    await toggle.click();
    await expect(html).toHaveAttribute('lang', 'en');
    await expect(page.locator('h1'), 'h1 in English').toHaveText(EN.app_title);
    await expect(toggle).toHaveText('Русский');
    // The tab's title follows once the page is idle (ui::state).
    await expect(page, 'the tab titled in English').toHaveTitle(EN.app_title);
    await expect.poll(() => params(page).get('lang'), 'URL has lang=en').toBe('en');
    expect((await readCards(page))[MORION].name, 'park name in English').toBe('Morion Digital');
    await expect.poll(async () => (await readChart(page)).texts, 'chart in English').toContain('Morion Digital');
    // The events far from the screen follow once the page is idle (the next test).
    await expect.poll(() => titles(page), 'en event titles').toEqual(expectedTitles('en'));
    await expect(page.locator(`li.event[data-event-id="${STRATEGIC}"] time.event-date`)).toHaveText('10 October 2019');

    await toggle.click();
    await expect(html).toHaveAttribute('lang', 'ru');
    await expect(page.locator('h1'), 'h1 back in Russian').toHaveText(RU.app_title);
    await expect(page, 'the tab titled in Russian again').toHaveTitle(RU.app_title);
    await expect.poll(() => titles(page), 'ru event titles again').toEqual(expectedTitles('ru'));
    await expect.poll(() => params(page).get('lang'), 'lang leaves the URL').toBeNull();
  });

  test("sets the text on screen in the switch's frame, and the rest once the page is idle", { tag: '@widths' }, async ({ page }) => {
    // What keeps the switch's frame short (ui::near_viewport): the timeline's events, the
    // lifecycle chart and the sources far from the screen are set in the new language after it.
    await openReady(page);
    await laidOutNearViewport(page, 'as opened');
    const middle = data.events[Math.floor(data.events.length / 2)].id;
    await page.locator(`li.event[data-event-id="${middle}"]`).evaluate((li) => li.scrollIntoView({ block: 'center' }));
    // The observer of where the parts are reports in a frame after the scroll.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const atFrame = await page.evaluate(
      () =>
        new Promise((resolve) => {
          document.getElementById('lang-toggle').click();
          requestAnimationFrame(() =>
            resolve({
              lang: document.documentElement.lang,
              events: [...document.querySelectorAll('li.event')].map((li) => {
                const box = li.getBoundingClientRect();
                return {
                  id: li.dataset.eventId,
                  title: li.querySelector('.event-title').textContent,
                  onScreen: box.height > 0 && box.bottom > 0 && box.top < innerHeight,
                };
              }),
              // The lifecycle chart and the sources, with whether they are beyond a screen's
              // height below it (on a wide screen they are not: the timeline is a panel beside).
              below: ['#lifecycle', '#sources'].map((part) => {
                const el = document.querySelector(part);
                return { part, heading: el.querySelector('h2').textContent, far: el.getBoundingClientRect().top > 2 * innerHeight };
              }),
            }),
          );
        }),
    );
    const title = (id, lang) => data.events.find((e) => e.id === id).title[lang];
    expect(atFrame.lang, 'html[lang] in the frame').toBe('en');
    const onScreen = atFrame.events.filter((e) => e.onScreen);
    expect(onScreen.map((e) => e.id), 'the event scrolled to is on screen').toContain(middle);
    for (const e of onScreen) expect(plain(e.title), `${e.id}, on screen, in English in the switch's frame`).toBe(title(e.id, 'en'));
    const waiting = atFrame.events.filter((e) => !e.onScreen && plain(e.title) === title(e.id, 'ru') && title(e.id, 'ru') !== title(e.id, 'en'));
    expect(waiting.length, 'events far from the screen wait for the page to be idle').toBeGreaterThan(0);
    for (const { part, heading, far } of atFrame.below) {
      const expected = { '#lifecycle': RU.lifecycle_title, '#sources': RU.sources_title }[part];
      if (far) expect(heading, `${part}, far below, waits too`).toBe(expected);
    }

    await expect.poll(() => titles(page), 'then every event in English').toEqual(expectedTitles('en'));
    await expect(page.locator('#lifecycle h2')).toHaveText(EN.lifecycle_title);
    await expect(page.locator('#sources h2')).toHaveText(EN.sources_title);
    await expect(page.locator('#lifecycle .chart[role="img"]'), "the lifecycle chart's text alternative, in English").toHaveAttribute('aria-label', /^(?![\s\S]*[а-яё])/i);
  });

  test('keeps each listed event and its selection, and sets its texts', async ({ page }) => {
    await openReady(page);
    const strategic = page.locator(`li.event[data-event-id="${STRATEGIC}"]`);
    await strategic.locator('button.event-select').click();
    await expect(strategic).toHaveClass(/\bselected\b/);
    const marked = await page.$$eval('li.event', (lis) => {
      for (const li of lis) li.dataset.before = 'switch';
      return lis.length;
    });
    expect(marked, 'every event listed').toBe(data.events.length);

    await page.locator('button#lang-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect.poll(() => titles(page), 'en event titles').toEqual(expectedTitles('en'));
    expect(await page.locator('li.event:not([data-before="switch"])').count(), 'no event element made anew').toBe(0);
    await expect(strategic, 'the selection kept').toHaveClass(/\bselected\b/);
    await expect(strategic.locator('button.event-select')).toHaveAttribute('aria-pressed', 'true');
    await expect(strategic.locator('button.event-select')).toHaveAttribute('title', EN.show_on_chart);
    await expect(strategic.locator('.badge.level')).toHaveText(EN.levels[data.events.find((e) => e.id === STRATEGIC).level]);
    const event = data.events.find((e) => e.id === STRATEGIC);
    const publishers = event.sources.map((id) => data.sources.find((src) => src.id === id).publisher.en);
    const label = event.sources.length === 1 ? EN.source : EN.sources_label;
    await expect.poll(async () => plain(await strategic.locator('.event-sources').textContent()), 'sources in English').toBe(`${label}: ${publishers.join(', ')}`);
  });
});

test.describe('timeline', () => {
  const total = data.events.length;
  const federal = data.events.filter((e) => e.level === 'federal');
  const laws = data.events.filter((e) => e.kind === 'law');
  const federalLaws = federal.filter((e) => e.kind === 'law');

  /** The events the timeline shows, each with its year group, date, summary and links. */
  const readEvents = (page) =>
    page.$$eval(`section#timeline ${LISTED_YEAR} ${LISTED_EVENT}`, (lis) =>
      lis.map((li) => ({
        id: li.dataset.eventId,
        level: li.dataset.level,
        kind: li.dataset.kind,
        year: li.closest('li.timeline-year').dataset.year,
        date: li.querySelector('time.event-date')?.getAttribute('datetime') ?? null,
        hasSummary: (li.querySelector('.event-summary')?.textContent.trim() ?? '') !== '',
        links: [...li.querySelectorAll('a.source-link')].map((a) => a.getAttribute('href')),
        inferred: li.querySelector('span.inferred') !== null,
      })),
    );

  const filterTo = async (page, { level, kind }) => {
    if (level !== undefined) await page.selectOption('select#filter-level', level);
    if (kind !== undefined) await page.selectOption('select#filter-kind', kind);
  };

  const ids = (events) => events.map((e) => e.id).sort();

  test('shows every event in its year, with date, summary and sources', async ({ page }) => {
    expect(federal.length > 0 && federal.length < total, 'dataset: some, not all, are federal').toBe(true);
    await openReady(page);
    await expectShown(page, ids(data.events), 'all');
    const shown = await readEvents(page);
    expect(shown.length, 'no event is shown twice').toBe(total);
    for (const e of shown) {
      const ev = data.events.find((x) => x.id === e.id);
      expect(e, e.id).toEqual({
        id: ev.id,
        level: ev.level,
        kind: ev.kind,
        year: ev.date.slice(0, 4),
        date: ev.date,
        hasSummary: true,
        links: sourceUrls(ev.sources),
        inferred: e.inferred,
      });
    }
    const years = await page.$$eval(LISTED_YEAR, (lis) => lis.map((li) => li.dataset.year));
    expect(years, 'years, oldest first').toEqual([...new Set(data.events.map((e) => e.date.slice(0, 4)))].sort());
  });

  test('filters by level, by kind, by both, and back to all', async ({ page }) => {
    expect(laws.length > 0 && federalLaws.length > 0, 'dataset: there are (federal) laws').toBe(true);
    expect(federalLaws.length, 'dataset: not every law is federal').toBeLessThan(laws.length);
    await openReady(page);
    const allText = (await expectShown(page, ids(data.events), 'all')).countText;

    await filterTo(page, { level: 'federal' });
    const f = await expectShown(page, ids(federal), 'level=federal');
    expect((await readEvents(page)).every((e) => e.level === 'federal'), 'data-level').toBe(true);
    expect(f.countText, 'the count text changes').not.toBe(allText);

    await filterTo(page, { level: '', kind: 'law' });
    await expectShown(page, ids(laws), 'kind=law');
    expect((await readEvents(page)).every((e) => e.kind === 'law'), 'data-kind').toBe(true);

    await filterTo(page, { level: 'federal' });
    await expectShown(page, ids(federalLaws), 'level=federal & kind=law');

    await filterTo(page, { level: 'regional' });
    await expectShown(page, ids(laws.filter((e) => e.level === 'regional')), 'level=regional & kind=law');

    await filterTo(page, { level: '', kind: '' });
    expect((await expectShown(page, ids(data.events), 'all again')).countText).toBe(allText);
  });

  test('a filter hides the events it leaves out and clearing it shows the same elements', async ({ page }) => {
    await openReady(page);
    const marked = await page.$$eval('section#timeline li.event', (lis) => {
      for (const li of lis) li.dataset.before = 'filter';
      return lis.length;
    });
    expect(marked, 'every event listed').toBe(total);
    // What a reader sees: an event's line above it only where a shown event comes before it in
    // its year; a year only with events shown. A hidden element keeps its box (its layout is
    // reused when it is shown again), unseen and of no height.
    const looks = (page) =>
      page.$$eval('section#timeline li.timeline-year', (years) => {
        const seen = (el) => el.checkVisibility({ visibilityProperty: true });
        const height = (el) => el.getBoundingClientRect().height;
        return years.map((year) => ({
          year: year.dataset.year,
          shown: seen(year),
          room: seen(year) || height(year) > 0,
          lines: [...year.querySelectorAll('li.event')]
            .filter((li) => seen(li) || height(li) > 0)
            .map((li) => getComputedStyle(li).borderTopWidth !== '0px'),
        }));
      });

    await filterTo(page, { level: 'federal' });
    await expectShown(page, ids(federal), 'level=federal');
    const hidden = await page.$$eval('section#timeline li.event[hidden]', (lis) => lis.map((li) => li.dataset.eventId));
    expect(hidden.sort(), 'the others hidden, not removed').toEqual(ids(data.events.filter((e) => e.level !== 'federal')));
    const federalYears = new Set(federal.map((e) => e.date.slice(0, 4)));
    for (const { year, shown, room, lines } of await looks(page)) {
      expect(shown, `${year}: shown only with federal events`).toBe(federalYears.has(year));
      expect(room, `${year}: takes room only when shown`).toBe(shown);
      if (shown) expect(lines, `${year}: a line between shown events only`).toEqual(lines.map((_, i) => i > 0));
    }
    const focusable = await page.$$eval('section#timeline li.event[hidden] button', (bs) =>
      bs.filter((b) => {
        b.focus();
        return document.activeElement === b;
      }).length,
    );
    expect(focusable, 'a hidden event has no tab stop: its buttons take no focus').toBe(0);

    await filterTo(page, { level: '' });
    await expectShown(page, ids(data.events), 'all again');
    expect(await page.locator('section#timeline li.event:not([data-before="filter"])').count(), 'no event element made anew').toBe(0);
    for (const { year, lines } of await looks(page)) {
      expect(lines, `${year}: a line between its events`).toEqual(lines.map((_, i) => i > 0));
    }
  });

  test('marks every inferred event, and no event stated outright', async ({ page }) => {
    const inferred = data.events.filter((e) => e.confidence !== 'high');
    expect(inferred.length, 'dataset: some events are inferred').toBeGreaterThan(0);
    await openReady(page);
    const shown = await readEvents(page);
    expect(shown.length).toBe(total);
    for (const e of shown) {
      const ev = data.events.find((x) => x.id === e.id);
      expect(e.inferred, `${e.id} (${ev.confidence}): span.inferred`).toBe(ev.confidence !== 'high');
    }
    const marks = await page.$$eval('li.event span.inferred .confidence', (els) =>
      els.map((el) => [el.closest('li.event').dataset.eventId, el.textContent.trim()]),
    );
    expect(marks, 'each mark names its confidence').toEqual(
      shown
        .map((e) => data.events.find((x) => x.id === e.id))
        .filter((ev) => ev.confidence !== 'high')
        .map((ev) => [ev.id, RU.confidence[ev.confidence]]),
    );
  });
});

test('lists every source with its URL as the link', async ({ page }) => {
  await openReady(page);
  const listed = await page.$$eval('section#sources li.source[data-source-id]', (lis) =>
    lis.map((li) => ({
      id: li.dataset.sourceId,
      hrefs: [...li.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
      title: li.querySelector('a[href]')?.textContent.trim() ?? null,
    })),
  );
  expect(listed.map((s) => ({ ...s, title: plain(s.title) }))).toEqual(
    data.sources.map((s) => ({ id: s.id, hrefs: [s.url], title: s.title.ru })),
  );
});
