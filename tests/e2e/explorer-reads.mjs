// What the explorer shows, read from the page as plain data (the chart, the value cards, the
// URL), and what the served dataset says it should show. Used by explorer.spec.mjs and
// timeline.spec.mjs.

import { expect, settled } from './fixtures.mjs';
import { dataset, lighten, parkValues } from './data.mjs';

export const data = dataset();
export const MORION = 'morion-digital';
export const PERM = 'technopark-perm';
export const STRATEGIC = 'strategic-session-2019';

/** The chart as the reader's browser has it: text alternative, markup, marks. */
export function readChart(page) {
  return page.evaluate(() => {
    const box = document.querySelector('#compare-chart .chart[role="img"]');
    const svg = box?.querySelector('svg');
    const attr = (el, name) => (el.getAttribute(name) ?? '').toLowerCase();
    return {
      aria: box?.getAttribute('aria-label') ?? null,
      svg: svg?.outerHTML ?? null,
      rects: svg ? [...svg.querySelectorAll('rect')].map((r) => attr(r, 'fill')) : [],
      circles: svg
        ? [...svg.querySelectorAll('circle')].map((c) => ({ fill: attr(c, 'fill'), stroke: attr(c, 'stroke') }))
        : [],
      texts: svg ? [...svg.querySelectorAll('text')].map((t) => t.textContent.trim()) : [],
    };
  });
}

/** The chart once it stops changing (it is redrawn once its width is measured). */
export async function stableChart(page) {
  await expect(page.locator('#compare-chart .chart svg')).toBeAttached();
  return settled(() => readChart(page), 'the chart');
}

/** Chooses a metric in the selector; returns the chart once it is redrawn for it and settled. */
export async function chooseMetric(page, id) {
  const before = (await stableChart(page)).svg;
  await page.selectOption('select#metric-select', id);
  await expect
    .poll(async () => (await readChart(page)).svg !== before, { message: `choosing ${id} changes the chart's svg` })
    .toBe(true);
  return stableChart(page);
}

/** The value cards by park id. */
export function readCards(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('ul#compare-values > li.value-card')].map((li) => [
        li.dataset.park,
        {
          name: li.querySelector('.park-name')?.textContent.trim() ?? null,
          values: [...li.querySelectorAll('p.value')].map((p) => p.textContent),
          noData: li.querySelector('p.no-data')?.textContent ?? null,
          // Each listed value's confidence (beside it) and sources (behind «Источники и
          // примечания», in the same order).
          provenance: [...li.querySelectorAll(':scope > .figure')].map((figure, i) => ({
            links: [...(li.querySelectorAll(':scope > .provenance .sources-of')[i]?.querySelectorAll('a.source-link') ?? [])]
              .map((a) => a.getAttribute('href')),
            confidence: figure.querySelector('.confidence')?.textContent.trim() ?? null,
          })),
        },
      ]),
    ),
  );
}

/** The query parameters of the page's current URL. */
export function params(page) {
  return new URL(page.url()).searchParams;
}

/** Source URLs of a list of source ids. */
export function sourceUrls(ids) {
  return ids.map((id) => data.sources.find((s) => s.id === id).url);
}

export const parkName = (id, lang) => data.parks.find((p) => p.id === id).name[lang];
export const parkColor = (id) => data.parks.find((p) => p.id === id).color.toLowerCase();
export const latest = (metricId, parkId) =>
  parkValues(data, metricId).find((p) => p.park.id === parkId).values.at(-1);

/** The fills of the bars of a bar-chart metric: one per park with a value, in park order. */
export function expectedBars(metricId) {
  return parkValues(data, metricId)
    .filter((p) => p.values.length > 0)
    .map(({ park, values }) =>
      values.at(-1).confidence === 'high' ? park.color.toLowerCase() : lighten(park.color.toLowerCase()),
    );
}
