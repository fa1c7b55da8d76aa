// The chart toolbar's downloads (CSV, CSV for Excel, JSON, SVG, PNG), each checked byte for byte
// against the served dataset, and the toolbar on a phone. The files the build writes for the
// first view are downloads-build.spec.mjs's.

import { expect, openReady, test } from './fixtures.mjs';
import { DATASET_TEXT, locale } from './data.mjs';
import { openMenuOf, screenshot } from './ui.mjs';
import { HEADER, MORION, csvRecords, data, download, expectName, row, svgErrors, valueCount } from './downloads-reads.mjs';

const RU = locale('ru');
const MIRS_URL = 'http://mirs.permkrai.ru/about/news/3519/';

test('CSV: BOM, exact header, one row per value, the known Morion Digital area row', async ({ page }) => {
  await openReady(page);
  const { name, bytes } = await download(page, '#download-csv');
  expectName(name, 'perm-technoparks-values-', 'csv');
  const { text, records } = csvRecords(bytes, ',');
  expect(text.startsWith(`${HEADER}\r\n`), 'exact header line').toBe(true);
  expect(records[0]).toEqual(HEADER.split(','));
  expect(records.length - 1, 'one row per value').toBe(valueCount());
  expect(records.every((r) => r.length === 9), 'nine fields in every row').toBe(true);

  const area = row(records, MORION, 'area_m2');
  expect(area[1]).toBe(data.parks.find((p) => p.id === MORION).name.ru);
  expect(area[3]).toBe(data.metrics.find((m) => m.id === 'area_m2').label.ru);
  expect([area[4], area[5], area[6], area[8]]).toEqual(['86000', 'm2', '2019', 'medium']);
  expect(area[7].split(' ')).toContain(MIRS_URL);
  // Every source id of the observation, as its URL.
  const observation = data.observations.find((o) => o.park === MORION && o.metric === 'area_m2');
  expect(area[7]).toBe(observation.sources.map((id) => data.sources.find((s) => s.id === id).url).join(' '));

  const perM2 = row(records, MORION, 'investment_per_m2');
  expect(perM2[4]).toBe(String(726200000 / 86000));
  expect(perM2[3]).toBe(RU.derived_metrics.investment_per_m2.label);
  const rows = records.slice(1);
  expect(rows.filter((r) => !/^\d+(\.\d+)?$/.test(r[4])), 'rows without a plain number').toEqual([]);
  expect(rows.filter((r) => !/^\d{4}(-\d{2}){0,2}$/.test(r[6])), 'rows without an ISO date').toEqual([]);
  expect(rows.filter((r) => !['high', 'medium', 'derived'].includes(r[8])), 'rows of another confidence').toEqual([]);
});

test('CSV for Excel: semicolons and decimal commas, for Excel in a Russian locale', async ({ page }) => {
  await openReady(page);
  await openMenuOf(page, '#download-csv-excel');
  await expect(page.locator('#download-csv-excel .menu-label')).toHaveText(RU.download_csv_excel);
  const { name, bytes } = await download(page, '#download-csv-excel');
  expectName(name, 'perm-technoparks-values-excel-', 'csv');
  const { text, records } = csvRecords(bytes, ';');
  expect(text.startsWith(`${HEADER.replaceAll(',', ';')}\r\n`)).toBe(true);
  expect(records.length - 1).toBe(valueCount());
  expect(row(records, MORION, 'area_m2')[4]).toBe('86000');
  expect(row(records, MORION, 'investment_rub')[4]).toBe('726200000');
  expect(row(records, MORION, 'area_m2')[1]).toBe('Morion Digital');
  const perM2 = row(records, MORION, 'investment_per_m2')[4];
  expect(perM2).toMatch(/^\d+,\d+$/);
  expect(perM2).toBe(String(726200000 / 86000).replace('.', ','));
  expect(records.slice(1).filter((r) => !/^\d+(,\d+)?$/.test(r[4])), 'rows without a decimal comma or with grouping').toEqual([]);
});

test('the English page offers the comma CSV alone, for Excel', async ({ page }) => {
  await openReady(page, '?lang=en');
  await openMenuOf(page, '#download-csv');
  // Excel in English opens the comma file as columns: the English menu has no other.
  await expect(page.locator('#download-csv-excel'), 'no Russian-locale file on the English page').toHaveCount(0);
  await expect(page.locator('#download-csv .menu-hint')).toHaveText(/Excel/);
});

test('JSON: the served dataset itself', async ({ page }) => {
  await openReady(page);
  const { name, bytes } = await download(page, '#download-json');
  expectName(name, 'perm-technoparks-data-', 'json');
  expect(bytes.toString('utf8')).toBe(DATASET_TEXT);
  expect(JSON.parse(bytes.toString('utf8'))).toEqual(data);
});

test('SVG: well-formed XML with a light background and the park names', async ({ page }) => {
  await openReady(page);
  const { name, bytes } = await download(page, '#download-svg');
  expectName(name, 'perm-technoparks-area_m2-ru-', 'svg');
  const text = bytes.toString('utf8');
  expect(text.slice(0, 80)).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
  const parsed = await page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    const first = [...root.children].find((el) => el.localName !== 'title');
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      root: root.localName,
      ns: root.namespaceURI,
      width: root.getAttribute('width'),
      first: first && [first.localName, first.getAttribute('fill'), first.getAttribute('width')],
      title: doc.querySelector('title')?.textContent,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent.trim()),
      fills: [...new Set([...doc.querySelectorAll('text')].map((t) => t.getAttribute('fill')))],
    };
  }, text);
  expect(parsed.errors, 'no parsererror').toBe(0);
  expect(parsed.root).toBe('svg');
  expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
  expect(parsed.first).toEqual(['rect', '#FFFFFF', '100%']);
  expect(parsed.title).toBe(await page.getAttribute('#compare-chart .chart', 'aria-label'));
  for (const park of data.parks) expect(parsed.texts).toContain(park.name.ru);
  expect(parsed.fills.filter((f) => !['#1B1F24', '#59636E'].includes(f))).toEqual([]);
  const shown = await page.getAttribute('#compare-chart .chart svg', 'width');
  expect(parsed.width, 'the size the chart is shown at').toBe(shown);
});

test.describe('SVG in the dark theme', () => {
  test('?theme=dark: dark background, light text; the English chart named by its metric', async ({ page }) => {
    await openReady(page, '?lang=en&metric=investment_rub&theme=dark');
    const { name, bytes } = await download(page, '#download-svg');
    expectName(name, 'perm-technoparks-investment_rub-en-', 'svg');
    const text = bytes.toString('utf8');
    expect(text).toMatch(/<rect x="0" y="0" width="100%" height="100%" fill="#12161B"\/>/);
    expect(text, 'no dark ink on the dark background').not.toContain('#1B1F24');
    for (const park of data.parks) expect(text).toContain(park.name.en);
    expect(await svgErrors(page, text)).toBe(0);
  });

  test.describe('with the system in dark mode', () => {
    test.use({ colorScheme: 'dark' });

    test('follows the system\'s dark preference', async ({ page }) => {
      await openReady(page);
      const { bytes } = await download(page, '#download-svg');
      expect(bytes.toString('utf8')).toMatch(/fill="#12161B"\/>/);
    });

    test('stays light when the URL says ?theme=light', async ({ page }) => {
      await openReady(page, '?theme=light');
      const { bytes } = await download(page, '#download-svg');
      expect(bytes.toString('utf8')).toMatch(/height="100%" fill="#FFFFFF"\/>/);
    });
  });
});

test('PNG: a PNG at twice the chart size', async ({ page }) => {
  await openReady(page);
  const { name, bytes } = await download(page, '#download-png');
  expectName(name, 'perm-technoparks-area_m2-ru-', 'png');
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  const [width, height] = await page.$eval('#compare-chart .chart svg', (svg) => [
    Number(svg.getAttribute('width')),
    Number(svg.getAttribute('height')),
  ]);
  expect(width > 0 && height > 0).toBe(true);
  expect(bytes.readUInt32BE(16), 'IHDR width').toBe(2 * width);
  expect(bytes.readUInt32BE(20), 'IHDR height').toBe(2 * height);
  expect(bytes.length, 'a real picture').toBeGreaterThan(2000);
  await screenshot(page, 'downloads-toolbar');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the toolbar keeps its tabs and the Download menu\'s formats reachable', async ({ page }) => {
    await openReady(page);
    await openMenuOf(page, '#download-csv');
    for (const selector of ['#app label[for="view-table"]', '#download-csv', '#download-csv-excel', '#download-json', '#download-svg', '#download-png']) {
      const box = await page.locator(selector).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 360, `${selector} inside the viewport`).toBe(true);
    }
    await screenshot(page, 'downloads-phone');
  });
});
