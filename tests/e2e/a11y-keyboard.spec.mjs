// Accessibility, 2 and 3: the keyboard (tab order, visible focus, no trap, the skip link, the
// chart's arrows, the dialog) and the charts' text alternatives, compared exactly.

import { expect, openReady, test } from './fixtures.mjs';
import { NBSP, dataset } from './data.mjs';
import { describeFocus, tabTo } from './a11y-reads.mjs';

const activeId = (page) => page.evaluate(() => document.activeElement?.id);

test.describe('keyboard', () => {
  test('Tab order, a visible focus at every stop, exactly one chart point, no trap, Shift+Tab back', async ({ page }) => {
    // Sixty Tab presses, each stop measured: more than a minute on a busy 2-core machine.
    test.slow();
    await openReady(page);
    const stops = [];
    for (let i = 0; i < 60; i += 1) {
      await page.keyboard.press('Tab');
      stops.push(await describeFocus(page));
    }
    const keys = stops.map((s) => s.key);
    const at = (key) => keys.indexOf(key);
    // The skip links first: past the comparison, to the timeline and the lifecycle chart.
    expect(await page.$$eval('a.skip-link', (as) => as.map((a) => a.getAttribute('href')))).toEqual(['#main', '#timeline', '#lifecycle']);
    expect([stops[0].isSkip, stops[1].isSkip, stops[2].isSkip], `three skip links first: ${keys.slice(0, 5)}`).toEqual([true, true, true]);

    // The header's controls, the metric select, the chart/table tabs, one chart point, the
    // Download menu, the timeline filters, then the links of the timeline.
    const order = [
      ['Share', at('header summary.button.secondary')],
      ['#lang-toggle', at('#lang-toggle')],
      // The visually-impaired switch last, so that its settings follow it.
      ['#vi', at('#vi')],
      ['#metric-select', at('#metric-select')],
      ['#view-chart', at('#view-chart')],
      ['#compare-chart rect.hit', stops.findIndex((s) => s.inCompareChart)],
      ['Download', at('compare summary.button.secondary')],
      ...['#filter-search', '#filter-level', '#filter-kind', '#filter-park', '#filter-from', '#filter-to'].map((id) => [id, at(id)]),
      ['a timeline link', stops.findIndex((s, i) => i > at('#filter-to') && s.isLink)],
    ];
    expect(order.filter(([, p]) => p < 0).map(([k]) => k), `not reached in 60 Tabs: ${keys.join(', ')}`).toEqual([]);
    const positions = order.map(([, p]) => p);
    expect(positions, `in reading order; stops: ${keys.join(', ')}`).toEqual([...positions].sort((a, b) => a - b));
    const outOfDomOrder = stops.filter((s, i) => i > 0 && !s.followsPrevious).map((s) => s.key);
    expect(outOfDomOrder, 'Tab order = document order (no positive tabindex)').toEqual([]);
    const afterFilters = stops.slice(at('#filter-to') + 1);
    expect(afterFilters.every((s) => s.section === 'timeline'), `after the filters the timeline's events: ${keys.slice(at('#filter-to') + 1)}`).toBe(true);
    expect(stops.filter((s) => s.inCompareChart).length, 'exactly one chart point in the tab order').toBe(1);
    const notHeader = stops.slice(1, at('#metric-select')).filter((s) => !s.inHeader && !s.isSkip);
    expect(notHeader, 'only header controls between the skip link and the metric select').toEqual([]);
    await expect(page.locator('#compare-chart rect.hit[tabindex="0"]'), 'one chart point has tabindex=0 (roving tabindex)').toHaveCount(1);

    // A visible focus indicator at each of the first 25 stops.
    const invisible = stops.slice(0, 25).filter((s) => !s.focusVisible).map(({ key, outline, stroke }) => ({ key, outline, stroke }));
    expect(invisible, 'elements focused without a visible indicator').toEqual([]);

    // Shift+Tab walks the same stops backwards.
    const backward = [];
    for (let i = 0; i < 25; i += 1) {
      await page.keyboard.press('Shift+Tab');
      backward.push((await describeFocus(page)).key);
    }
    expect(backward, 'Shift+Tab retraces the Tab order').toEqual(keys.slice(34, 59).reverse());

    // No trap: 200 Tabs, the focus moves on every press (the page's end may pass through body once).
    await page.evaluate(() => {
      window.__lastFocus = document.activeElement;
    });
    let wrapped = false;
    const seenCompare = new Set();
    for (let i = 0; i < 200; i += 1) {
      await page.keyboard.press('Tab');
      const moved = await page.evaluate(() => {
        const el = document.activeElement;
        const same = el === window.__lastFocus;
        window.__lastFocus = el;
        return {
          same,
          skip: el.matches('a.skip-link'),
          html: el.outerHTML.slice(0, 100),
          compareIndex: el.matches('#compare-chart rect.hit') ? el.dataset.index : null,
        };
      });
      if (moved.compareIndex !== null) seenCompare.add(moved.compareIndex);
      wrapped ||= moved.skip;
      expect(moved.same, `focus stuck after Tab #${i + 1} on ${moved.html}`).toBe(false);
    }
    expect(wrapped, '200 Tabs went round the whole page back to the skip link').toBe(true);
    expect(seenCompare.size, `one chart point per round of Tabs: ${[...seenCompare]}`).toBe(1);
  });

  test('the skip link moves the focus to main#main', async ({ page }) => {
    await openReady(page);
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip-link').first();
    await expect(skip, 'skip link focused first').toBeFocused();
    await expect(skip, 'the focused skip link is on screen').toBeInViewport({ ratio: 1 });
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
  });

  test('chart: arrows move between points with a tooltip, Escape hides it, End goes to the last', async ({ page }) => {
    await openReady(page);
    const names = await page.$$eval('#compare-values li.value-card', (cards) =>
      Object.fromEntries(cards.map((c) => [c.dataset.park, c.querySelector('.park-name').textContent.trim()])),
    );
    const focused = () =>
      page.evaluate(() => ({
        index: document.activeElement.getAttribute('data-index'),
        park: document.activeElement.getAttribute('data-park'),
        isHit: document.activeElement.matches('#compare-chart rect.hit'),
      }));
    const tooltip = page.locator('#chart-tooltip');

    await page.focus('#view-chart');
    await tabTo(page, '#compare-chart rect.hit');
    expect((await focused()).index, 'the first point is the one in the tab order').toBe('0');
    await page.keyboard.press('ArrowRight');
    const next = await focused();
    expect(next.isHit, 'focus stays on a chart point').toBe(true);
    expect(next.index, 'ArrowRight moves to the next point').toBe('1');
    await expect(tooltip).toBeVisible();
    await expect(tooltip.locator('.tooltip-park'), 'the tooltip names the focused point’s park').toHaveText(names[next.park]);
    await expect(page.locator('#compare-chart rect.hit[tabindex="0"]'), 'the roving tabindex follows the focus').toHaveAttribute('data-index', '1');
    await page.keyboard.press('ArrowLeft');
    expect((await focused()).index, 'ArrowLeft moves back').toBe('0');

    await page.keyboard.press('Escape');
    await expect(tooltip).toHaveCount(0);

    const count = await page.locator('#compare-chart rect.hit').count();
    await page.keyboard.press('End');
    const last = await focused();
    expect(last.index, 'End goes to the last point').toBe(String(count - 1));
    await expect(tooltip.locator('.tooltip-park'), 'tooltip of the last point').toHaveText(names[last.park]);
    await page.keyboard.press('Home');
    expect((await focused()).index, 'Home goes to the first point').toBe('0');
  });

  test('dialog: Enter opens it with the focus inside, Escape closes it and the focus returns', async ({ page }) => {
    await openReady(page);
    // The Share menu opens from the keyboard, and its items follow its button.
    await tabTo(page, 'header summary', 10);
    await page.keyboard.press('Enter');
    await tabTo(page, '#embed-open', 4);
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog#embed-dialog[open]');
    await expect(dialog).toBeAttached();
    const inside = () =>
      page.evaluate(() => document.activeElement === document.body || document.querySelector('#embed-dialog').contains(document.activeElement));
    expect(await page.evaluate(() => document.querySelector('#embed-dialog').contains(document.activeElement)), 'focus inside the dialog').toBe(true);
    // Tab stays inside the modal dialog.
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Tab');
      expect(await inside(), `Tab #${i + 1} stays in the modal dialog`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    expect(await activeId(page), 'focus returns to the opener').toBe('embed-open');
  });
});

test.describe('text alternatives', () => {
  test('a chart datum is read with its date, its sources and how sure it is, as its tooltip shows', async ({ page }) => {
    await openReady(page);
    const data = dataset();
    const obs = data.observations.find((o) => o.park === 'morion-digital' && o.metric === 'area_m2');
    const label = (await page.getAttribute('#compare-chart rect.hit[data-park="morion-digital"]', 'aria-label')).replace(/\u00a0/g, ' ');
    expect(label).toMatch(/^Morion Digital: 86 000 м²; 2019; источники: .*; вероятно$/);
    for (const id of obs.sources) {
      expect(label, 'names the publisher').toContain(data.sources.find((src) => src.id === id).publisher.ru.replace(/\u00a0/g, ' '));
    }
  });

  test('ru: the chart’s alternative is exact, and the live caption follows the metric', async ({ page }) => {
    await openReady(page, '?lang=ru');
    // The headline first, then every value.
    const expected =
      `Общая площадь: Morion Digital — в 5,1${NBSP}раза больше, чем Технопарк Пермь. ` +
      `Общая площадь: Morion Digital — 86${NBSP}000${NBSP}м², Технопарк Пермь — 16${NBSP}949${NBSP}м².`;
    const chart = page.locator('#compare-chart .chart[role="img"]');
    await expect(chart, 'aria-label of the area chart (U+00A0 where shown)').toHaveAttribute('aria-label', expected);
    const caption = page.locator('#compare-chart figcaption[aria-live="polite"]');
    expect((await caption.textContent()).trim(), 'the figcaption says the same').toBe(expected);
    await expect(page.locator('#compare-chart .chart svg'), 'the drawing itself is hidden from assistive technology').toHaveAttribute('aria-hidden', 'true');

    await page.selectOption('#metric-select', 'akit_rank');
    await expect(caption).not.toHaveText(expected);
    const rank = (await caption.textContent()).trim();
    expect(rank.replaceAll(NBSP, ' '), 'rank alternative').toContain('2021: 2-е место');
    expect(rank.replaceAll(NBSP, ' '), 'rank alternative').toContain('Технопарк Пермь — нет данных');
    await expect(chart, 'the chart’s aria-label follows the metric too').toHaveAttribute('aria-label', rank);
  });
});
