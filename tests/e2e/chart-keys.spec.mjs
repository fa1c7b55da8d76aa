// The comparison chart's keyboard and tooltip, and both charts drawn at their container's
// width: on a resize, in a narrowed column, and when first shown from the table view.

import { expect, openReady, settled, test, until } from './fixtures.mjs';
import { locale, parkValues } from './data.mjs';
import { data, parkName } from './explorer-reads.mjs';
import { screenshot, showTable } from './ui.mjs';

const RU = locale('ru');

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

/** Waits until the comparison chart's markup stops changing. */
const stableCompare = (page) =>
  settled(() => page.evaluate(() => document.querySelector('#compare-chart .chart')?.innerHTML ?? ''), 'the comparison chart');

/** The values table's rows: [park id, park name, value, date, confidence]; back to the chart. */
async function readTable(page) {
  await showTable(page);
  await expect(page.locator('table#values-table')).toBeAttached();
  const rows = await page.$$eval('table#values-table tbody tr', (trs) =>
    trs.map((tr) => [tr.dataset.park, ...[...tr.children].map((c) => c.textContent.trim())]),
  );
  await showTable(page, false);
  await expect(page.locator('table#values-table')).toHaveCount(0);
  await stableCompare(page);
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
    expect(focused.tabindex, `datum ${i}: the focused region is the tab stop`).toBe('0');
    seen.push({ ...focused, tooltip: await readTooltip(page) });
  }
  return seen;
}

/** Expects each tooltip to name its park, value, date and confidence as the table does. */
function expectTooltips(seen, rows, metric) {
  const perPark = new Map();
  for (const { index, park, tooltip } of seen) {
    const k = perPark.get(park) ?? 0;
    perPark.set(park, k + 1);
    const parkRows = rows.filter((r) => r[0] === park);
    const [, name, value, date, confidence] = parkRows[k];
    const obs = parkValues(data, metric).find((p) => p.park.id === park).values;
    const stated = obs.length === parkRows.length ? obs[k] : obs.at(-1);
    expect(name, `${index}: the table row is the park's`).toBe(parkName(park, 'ru'));
    expect(tooltip, `${index}: the tooltip says the park, the value and the confidence`).toMatchObject({
      park: parkName(park, 'ru'),
      value,
      confidence: RU.confidence[stated.confidence],
    });
    expect(confidence, `${index}: the confidence as in the table`).toBe(tooltip.confidence);
    expect(tooltip.meta.startsWith(`${date} · `), `${index}: date "${date}" in "${tooltip.meta}"`).toBe(true);
    expect(tooltip.meta.endsWith(tooltip.confidence), `${index}: meta ends with the confidence`).toBe(true);
  }
}

test('walks the bars with the arrows and shows each in the tooltip', async ({ page }) => {
  const metric = data.metrics[0].id;
  const withValues = parkValues(data, metric).filter((p) => p.values.length > 0);
  await openReady(page);
  await stableCompare(page);
  await expect(page.locator('#compare-chart rect.hit'), 'one region per park with a value').toHaveCount(withValues.length);
  const rows = await readTable(page);
  const seen = await walk(page, withValues.length);
  expect(seen.map((s) => s.park), 'ArrowRight goes from park to park in order').toEqual(withValues.map((p) => p.park.id));
  expectTooltips(seen, rows, metric);
  await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => document.activeElement?.dataset?.index), 'wraps around').toBe('0');
  await page.keyboard.press('Escape');
  await expect(page.locator('#chart-tooltip'), 'Escape hides the tooltip').toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('keeps the tooltip inside the chart at 360 px for every AKIT rating', async ({ page }) => {
    const metric = 'akit_rank';
    const points = parkValues(data, metric).reduce((sum, p) => sum + p.values.length, 0);
    expect(points, 'dataset: several ratings').toBeGreaterThanOrEqual(2);
    await openReady(page, `?metric=${metric}`);
    await stableCompare(page);
    await expect(page.locator('#compare-chart rect.hit'), 'one region per rating').toHaveCount(points);
    const rows = await readTable(page);
    const seen = await walk(page, points);
    expectTooltips(seen, rows, metric);
    for (const { index, tooltip } of seen) {
      expect(tooltip.inWrap, `${index}: the tooltip is inside .chart-wrap`).toBe(true);
      expect(tooltip.box.left, `${index}: tooltip's left within .chart-wrap`).toBeGreaterThanOrEqual(tooltip.wrap.left - 0.5);
      expect(tooltip.box.right, `${index}: tooltip's right within .chart-wrap`).toBeLessThanOrEqual(tooltip.wrap.right + 0.5);
    }
    await screenshot(page, 'interactive-tooltip-360');
  });
});

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

test('redraws both charts at the new width on a window resize and when only the column narrows', async ({ page }) => {
  await openReady(page);
  const wide = await settled(() => widths(page), 'charts at 1280 px');
  expect(fits(wide), `drawn at their containers' widths: ${JSON.stringify(wide)}`).toBe(true);

  await page.setViewportSize({ width: 412, height: 823 });
  await until(page, () => document.querySelector('#compare-chart .chart-wrap').clientWidth < 412, null, 'the layout narrows');
  const narrow = await settled(() => widths(page), 'charts at 412 px');
  expect(fits(narrow), `redrawn after the resize: ${JSON.stringify(narrow)}`).toBe(true);
  expect(narrow[0].drawn, 'the comparison chart got narrower').toBeLessThan(wide[0].drawn);

  // No window resize: only the panels narrow (as a host page's column or a zoom would).
  await page.addStyleTag({ content: '#compare, #lifecycle { max-width: 340px; }' });
  const column = await settled(() => widths(page), 'charts in a 340 px column');
  expect(fits(column), `redrawn when only the container changed: ${JSON.stringify(column)}`).toBe(true);
  expect(column.every(({ drawn }) => drawn < narrow[0].drawn), 'both got narrower').toBe(true);
});

test('draws a chart opened in the table view at its width when the reader switches to the chart', async ({ page }) => {
  await openReady(page, '?view=table');
  await expect(page.locator('#values-table')).toBeAttached();
  const svg = page.locator('#compare-chart .chart svg');
  await expect(svg, 'hidden, nothing is drawn yet').toHaveCount(0);
  await showTable(page, false);
  await expect(svg).toBeAttached();
  const { drawn, box } = await page.evaluate(() => ({
    drawn: Number(document.querySelector('#compare-chart .chart svg').getAttribute('width')),
    box: document.querySelector('#compare-chart .chart-wrap').clientWidth,
  }));
  expect(box > 0 && Math.abs(drawn - box) < 1, `drawn at ${drawn} px in a ${box} px container`).toBe(true);
  await expect(page.locator('#compare-chart rect.hit[tabindex="0"]'), 'one tab stop').toHaveCount(1);
});
