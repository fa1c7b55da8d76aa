// Issue 23, the rest, 4: the timeline's events as a download, CSV and (in Russian) the
// semicolon file for Excel: every event with its date as shown, note and confidence, the same
// file behind the first view's link, and hostile text in the dataset kept as text.

import { expect, openReady, test } from './fixtures.mjs';
import { DATA_PATH, dataset, locale } from './data.mjs';
import { csvRecords, download, expectName } from './downloads-reads.mjs';
import { openMenuOf } from './ui.mjs';

const RU = locale('ru');
const EN = locale('en');
const EVENTS = dataset().events;
const HEADER = ['date', 'date_iso', 'level', 'kind', 'title', 'summary', 'parks', 'sources', 'confidence', 'confidence_label', 'note', 'id'];
const SESSION = 'strategic-session-2019';

/** The two files: menu item, separator, menu label, file name prefix. */
const FILES = [
  { selector: '#download-events-csv', sep: ',', label: RU.download_events_csv, prefix: 'perm-technoparks-events-' },
  { selector: '#download-events-csv-excel', sep: ';', label: RU.download_events_csv_excel, prefix: 'perm-technoparks-events-excel-' },
];

test.use({ acceptDownloads: true });

/** Downloads `file` from the Download menu: its name, text (BOM checked and dropped) and records. */
async function events(page, { selector, sep }) {
  const { name, bytes } = await download(page, selector);
  return { name, ...csvRecords(bytes, sep) };
}

/** The record of the event `id`. */
function eventRow(records, id) {
  const found = records.find((r) => r[11] === id);
  expect(found, `a row for ${id}`).toBeTruthy();
  return found;
}

for (const file of FILES) {
  test(`ru, ${file.selector}: every event with its date as shown, note and confidence`, async ({ page }) => {
    await openReady(page);
    await openMenuOf(page, file.selector);
    await expect(page.locator(`${file.selector} .menu-label`)).toHaveText(file.label);
    const { name, records } = await events(page, file);
    expectName(name, file.prefix, 'csv');
    expect(records[0]).toEqual(HEADER);
    expect(records).toHaveLength(1 + EVENTS.length);
    const session = eventRow(records, SESSION);
    expect(session[0].replace(/\u00a0/g, ' ')).toBe('10 октября 2019 г.');
    expect(session[1]).toBe('2019-10-10');
    expect(session[2]).toBe(RU.levels.regional);
    expect(session[8]).toBe('derived');
    expect(session[9]).toBe(RU.confidence.derived);
    expect(session[10].length, 'the note').toBeGreaterThan(20);
  });

  test(`ru, ${file.selector}: the first view's link is the same file`, async ({ page }) => {
    await openReady(page);
    const { text } = await events(page, file);
    const href = await page.getAttribute(`#prerender [data-kind="${file.selector.slice(1)}"], ${file.selector}`, 'href');
    expect(href, 'the first view links a file').toMatch(/\.csv$/);
    const built = await page.evaluate(async (href) => (await fetch(href)).text(), href);
    expect(built.replace(/^\uFEFF/, ''), `${href} is the app's file`).toBe(text);
  });

  test(`hostile text in the dataset stays text in ${file.selector}: quotes, separators, line breaks, formulas`, async ({ page }) => {
    const hostile = dataset();
    const title = '=cmd|\' /C calc\'!A0; "quoted", and\r\na new line';
    hostile.events[0].title.ru = title;
    hostile.events[0].summary.ru = '+SUM(1;2)\nnext; "x"';
    hostile.events[0].note = { ru: '@import, «x»; "y"', en: '-1' };
    await page.route(`**${DATA_PATH}`, (route) => route.fulfill({ json: hostile }));
    await openReady(page);
    const { records } = await events(page, file);
    expect(records, 'one record per event').toHaveLength(1 + hostile.events.length);
    expect(records.filter((r) => r.length !== HEADER.length), 'every record has every column').toEqual([]);
    const first = eventRow(records, hostile.events[0].id);
    expect(first[4]).toBe(`'${title}`);
    expect(first[5]).toBe(`'+SUM(1;2)\nnext; "x"`);
    expect(first[10]).toBe(`'@import, «x»; "y"`);
    expect(records.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell)), 'no cell starts a formula').toEqual([]);
  });
}

test('en: the comma file in English, no Russian-Excel variant', async ({ page }) => {
  await openReady(page, '?lang=en');
  await openMenuOf(page, '#download-events-csv');
  await expect(page.locator('#download-events-csv-excel')).toHaveCount(0);
  const session = eventRow((await events(page, FILES[0])).records, SESSION);
  expect(session[0]).toBe('10 October 2019');
  expect(session[2]).toBe(EN.levels.regional);
  expect(session[9]).toBe(EN.confidence.derived);
});
