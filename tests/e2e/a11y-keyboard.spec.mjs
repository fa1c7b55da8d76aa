// Accessibility (ГОСТ Р 52872-2019 = WCAG 2.1 AA), 2: the keyboard. Tab order in reading
// order with a visible focus and no trap, the skip link, the chart's arrow keys and tooltip,
// the embed dialog's focus.

import { expect, openReady, test } from './fixtures.mjs';
import { tabTo } from './a11y-reads.mjs';

/** A short, stable description of the focused element (id, else tag.classes[data-index]). */
function describeFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { key: 'body', tag: 'body' };
    const cls = typeof el.className === 'string' ? el.className : el.className?.baseVal ?? '';
    const index = el.getAttribute('data-index');
    const section = el.closest('section[id], header, footer')?.id || el.closest('header, footer')?.tagName.toLowerCase() || '';
    const within = el.parentElement?.closest('li[id]')?.id;
    const key = el.id
      ? `#${el.id}`
      : `${section ? `${section} ` : ''}${el.tagName.toLowerCase()}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}${index !== null ? `[${index}]` : ''}${within ? ` in #${within}` : ''}`;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const stroke = el.matches('rect.hit') && style.stroke !== 'none' && parseFloat(style.strokeWidth) > 0;
    const previous = window.__previousStop;
    window.__previousStop = el;
    return {
      key,
      section,
      focusVisible: outline || stroke,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      stroke: `${style.stroke} ${style.strokeWidth}`,
      followsPrevious:
        !previous || !!(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
      tag: el.tagName.toLowerCase(),
      inCompareChart: el.matches('#compare-chart rect.hit'),
      isLink: el.matches('a[href]'),
      isSkip: el.matches('a.skip-link'),
      inHeader: !!el.closest('header'),
    };
  });
}

test('Tab order, a visible focus at every stop, exactly one chart point, no trap, Shift+Tab back', async ({ page }) => {
  await openReady(page);
  const stops = [];
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    stops.push(await describeFocus(page));
  }
  const keys = stops.map((s) => s.key);
  const at = (key) => keys.indexOf(key);
  expect(stops[0].isSkip, `first stop is the skip link: ${keys.slice(0, 5)}`).toBe(true);
  // Then the skip links past the comparison, to the timeline and the lifecycle chart.
  expect(await page.$$eval('a.skip-link', (as) => as.map((a) => a.getAttribute('href')))).toEqual(['#main', '#timeline', '#lifecycle']);
  expect(stops[1].isSkip && stops[2].isSkip, `three skip links first: ${keys.slice(0, 5)}`).toBe(true);

  // The header's controls, the metric select, the chart/table tabs, one chart point, the
  // Download menu, the timeline filters, then the links of the timeline.
  const chartPoint = stops.findIndex((s) => s.inCompareChart);
  const firstLinkAfterFilters = stops.findIndex((s, i) => i > at('#filter-to') && s.isLink);
  const byKey = (...selectors) => selectors.map((key) => [key, at(key)]);
  const order = [
    ['Share', at('header summary.button.secondary')],
    // The visually-impaired switch (#vi) last in the header, so that its settings follow it.
    ...byKey('#lang-toggle', '#vi', '#metric-select', '#view-chart'),
    ['#compare-chart rect.hit', chartPoint],
    ['Download', at('compare summary.button.secondary')],
    ...byKey('#filter-search', '#filter-level', '#filter-kind', '#filter-park', '#filter-from', '#filter-to'),
    ['a timeline link', firstLinkAfterFilters],
  ];
  expect(order.filter(([, p]) => p < 0).map(([k]) => k), `not reached in 60 Tabs: ${keys.join(', ')}`).toEqual([]);
  const positions = order.map(([, p]) => p);
  expect(positions, `in reading order: ${order.map(([k, p]) => `${k}@${p}`).join(', ')}\nstops: ${keys.join(', ')}`).toEqual(
    [...positions].sort((a, b) => a - b),
  );
  const outOfDomOrder = stops.filter((s, i) => i > 0 && !s.followsPrevious).map((s) => s.key);
  expect(outOfDomOrder, `Tab order = document order (no positive tabindex): ${keys.join(', ')}`).toEqual([]);
  expect(
    stops.slice(at('#filter-to') + 1).every((s) => s.section === 'timeline'),
    `after the filters the timeline's events: ${keys.slice(at('#filter-to') + 1).join(', ')}`,
  ).toBe(true);
  expect(stops.filter((s) => s.inCompareChart), 'exactly one chart point in the tab order').toHaveLength(1);
  const headerStops = stops.slice(1, at('#metric-select')).filter((s) => !s.inHeader && !s.isSkip);
  expect(headerStops, 'only header controls between the skip link and the metric select').toEqual([]);
  await expect(page.locator('#compare-chart rect.hit[tabindex="0"]'), 'exactly one chart point has tabindex=0 (roving tabindex)').toHaveCount(1);

  // A visible focus indicator at each of the first 25 stops.
  const invisible = stops
    .slice(0, 25)
    .filter((s) => !s.focusVisible)
    .map(({ key, outline, stroke }) => ({ key, outline, stroke }));
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
  const stuck = [];
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
    if (moved.same) stuck.push(`Tab #${i + 1} on ${moved.html}`);
  }
  expect(stuck, 'the focus stuck').toEqual([]);
  expect(wrapped, '200 Tabs went round the whole page back to the skip link').toBe(true);
  expect([...seenCompare], 'one chart point per round of Tabs').toHaveLength(1);
});

test('the skip link moves the focus to main#main', async ({ page }) => {
  await openReady(page);
  await page.keyboard.press('Tab');
  const skip = page.locator('a.skip-link').first();
  await expect(skip, 'skip link focused first').toBeFocused();
  expect(
    await page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight && r.width > 0;
    }),
    'the focused skip link is on screen',
  ).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
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
  await expect(tooltip).toBeVisible();
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
  await expect(page.locator('dialog#embed-dialog[open]')).toBeAttached();
  const inDialog = () =>
    page.evaluate(() => document.activeElement === document.body || document.querySelector('#embed-dialog').contains(document.activeElement));
  expect(await page.evaluate(() => document.querySelector('#embed-dialog').contains(document.activeElement)), 'focus inside the dialog').toBe(true);
  // Tab stays inside the modal dialog.
  for (let i = 0; i < 8; i += 1) {
    await page.keyboard.press('Tab');
    expect(await inDialog(), `Tab #${i + 1} stays in the modal dialog`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog#embed-dialog[open]')).toHaveCount(0);
  await expect(page.locator('#embed-open'), 'focus returns to the opener').toBeFocused();
});
