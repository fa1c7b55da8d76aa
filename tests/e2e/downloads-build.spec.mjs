// The files the build writes for the first view (dist/downloads/), saved before the app is up,
// and the one clock they share with the app's own: the dataset's date, not the reader's.

import { expect, test, waitForState } from './fixtures.mjs';
import { DATASET_TEXT } from './data.mjs';
import { openMenuOf } from './ui.mjs';
import { MORION, csvRecords, csvRows, data, download } from './downloads-reads.mjs';

const UPDATED = data.meta.updated;

test.describe('before the app', () => {
  test.use({ viewport: { width: 412, height: 823 } });

  test('the first view\'s links save the files the app makes; PNG waits for the app', async ({ page }) => {
    // The app's WASM is held back until the first view's files are saved.
    let release;
    const released = new Promise((resolve) => (release = resolve));
    await page.route('**/*.wasm', async (route) => {
      await released;
      await route.continue().catch(() => {}); // the page may be gone by now
    });
    try {
      await page.goto('/', { waitUntil: 'domcontentloaded' });
      await page.locator('#pre-metric-select').selectOption('investment_rub');
      const link = (kind) => `#prerender .metric-view.m1 a[data-kind="download-${kind}"]`;
      await openMenuOf(page, link('csv'));
      await expect(page.locator(link('csv')), 'the chosen metric\'s links are shown').toBeVisible();
      const png = page.locator('#prerender .metric-view.m1 .download-menu button');
      await expect(png.locator('.menu-label')).toHaveText('PNG');
      await expect(png, 'PNG is drawn by the app').toBeDisabled();
      const early = {};
      for (const kind of ['csv', 'csv-excel', 'json', 'svg']) {
        early[kind] = await download(page, link(kind));
      }
      // Named as the app names them, dated by the dataset's update rather than the day.
      expect(early.csv.name).toBe(`perm-technoparks-values-${UPDATED}.csv`);
      expect(early['csv-excel'].name).toBe(`perm-technoparks-values-excel-${UPDATED}.csv`);
      expect(early.json.name).toBe(`perm-technoparks-data-${UPDATED}.json`);
      expect(early.svg.name).toBe(`perm-technoparks-investment_rub-ru-${UPDATED}.svg`);
      expect(early.json.bytes.toString('utf8'), 'the dataset as served').toBe(DATASET_TEXT);
      const svg = early.svg.bytes.toString('utf8');
      expect(svg.startsWith('<?xml'), 'a standalone SVG').toBe(true);
      expect(svg).toContain(`<title>${data.metrics.find((m) => m.id === 'investment_rub').label.ru}:`);
      expect(svg, 'the chosen metric\'s chart').toContain('726,2');

      // The app's own files hold the same values, years active too: the build and the app
      // count them to one date, the dataset's, not the reader's clock.
      release();
      await waitForState(page);
      for (const [kind, sep] of [['csv', ','], ['csv-excel', ';']]) {
        const late = await download(page, `#download-${kind}`);
        expect(csvRows(late.bytes, sep), kind).toEqual(csvRows(early[kind].bytes, sep));
        const years = csvRecords(late.bytes, sep).records.filter((r) => r[2] === 'years_active');
        expect(years, `${kind}: a years-active row per park`).toHaveLength(data.parks.length);
        expect(years.map((r) => r[6]), `${kind}: a park at work counts to the dataset's date`).toContain(UPDATED);
      }
    } finally {
      release();
    }
  });
});

test('one clock: with the reader\'s clock in 2031, the app\'s CSV counts years active to the dataset\'s date, as the build\'s does', async ({ page, request }) => {
  await page.clock.setFixedTime(new Date('2031-06-01T12:00:00'));
  await page.goto('/');
  await waitForState(page);
  const late = await download(page, '#download-csv');
  // The clock is in effect: the file is named by the day it was saved.
  expect(late.name).toBe('perm-technoparks-values-2031-06-01.csv');
  const built = await request.get(`/downloads/perm-technoparks-values-${UPDATED}.csv`);
  expect(built.status(), 'the build\'s CSV').toBe(200);
  expect(csvRows(late.bytes, ','), 'every value, years active included').toEqual(csvRows(await built.body(), ','));
  const years = csvRecords(late.bytes, ',').records.filter((r) => r[2] === 'years_active');
  expect(
    years.map((r) => [r[0], r[4], r[6]]),
    'to the dataset\'s date for a park at work, to the suspension for Technopark Perm',
  ).toEqual([
    [MORION, '8', UPDATED],
    ['technopark-perm', '7', '2023-01-12'],
  ]);
  // The page says the date it counts to, where the formula is shown.
  await page.locator('#metric-select').selectOption('years_active');
  await expect(page.locator('#app .formula')).toHaveText(/по\sсостоянию\sна\s26\sноября\s2026\sг\./);
});
