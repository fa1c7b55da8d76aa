// What the download specs read: a file saved through the Download menu, its name, and the CSV
// files (RFC 4180, BOM, one row per value of the served dataset).

import fs from 'node:fs/promises';
import { expect } from './fixtures.mjs';
import { DERIVED_METRICS, dataset, parkValues } from './data.mjs';
import { openMenuOf } from './ui.mjs';

export const data = dataset();
export const MORION = 'morion-digital';
export const HEADER = 'park_id,park_name,metric_id,metric_label,value,unit,date,sources,confidence';

/** Clicks a download button (opening its menu first); returns the suggested name and bytes. */
export async function download(page, selector) {
  await openMenuOf(page, selector);
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: await fs.readFile(await file.path()) };
}

/** The local dates around now, `yyyy-mm-dd` (the test may straddle midnight). */
function todays() {
  const iso = (d) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const now = Date.now();
  return [iso(new Date(now - 60_000)), iso(new Date(now)), iso(new Date(now + 60_000))];
}

/** Expects `name` to be `<prefix><today>.<ext>`, in ASCII. */
export function expectName(name, prefix, ext) {
  const match = name.match(/^(.*)(\d{4}-\d{2}-\d{2})\.([a-z]+)$/);
  expect(match, `file name ${name}`).toBeTruthy();
  expect(match[1], name).toBe(prefix);
  expect(todays(), `${name} carries today's date`).toContain(match[2]);
  expect(match[3], name).toBe(ext);
  expect(name, 'ASCII only').toMatch(/^[\x21-\x7e]+$/);
}

/** Fails the test with `what` unless `ok` (no expect per character: each would be a step). */
function must(ok, what) {
  if (!ok) throw new Error(`CSV: ${what}`);
}

/** RFC 4180: records of fields; CRLF line ends, quotes doubled inside quoted fields. */
function parseCsv(text, sep) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === sep) {
      record.push(field);
      field = '';
    } else if (c === '\r') {
      must(text[i + 1] === '\n', `CR only in CRLF (at ${i})`);
      i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      must(c !== '\n', `no bare LF outside quotes (at ${i})`);
      field += c;
    }
  }
  expect(field + record.join(''), 'the last line ends in CRLF').toBe('');
  return records;
}

/** How many values the explorer has: every observation plus the derived ones. */
export function valueCount() {
  const both = data.parks.filter((park) =>
    ['investment_rub', 'area_m2'].every(
      (metric) => parkValues(data, metric).find((p) => p.park.id === park.id).values.length > 0,
    ),
  ).length;
  expect(DERIVED_METRICS).toEqual(['investment_per_m2', 'opened_year', 'years_active']);
  // investment ÷ area where both are known; opened year and years active for every park.
  return data.observations.length + both + 2 * data.parks.length;
}

/** The CSV's text and records, after checking its BOM. */
export function csvRecords(bytes, sep) {
  expect([...bytes.subarray(0, 3)], 'UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.startsWith('\ufeff'), 'one BOM only').toBe(false);
  return { text, records: parseCsv(text, sep) };
}

/** The CSV's rows as comparable lines. */
export const csvRows = (bytes, sep) => csvRecords(bytes, sep).records.map((r) => r.join('|'));

/** The row of `park` and `metric`. */
export function row(records, park, metric) {
  const found = records.find((r) => r[0] === park && r[2] === metric);
  expect(found, `a row for ${park} ${metric}`).toBeTruthy();
  return found;
}

/** Whether an SVG text parses (the number of parsererror elements, read in the page). */
export function svgErrors(page, svg) {
  return page.evaluate(
    (text) => new DOMParser().parseFromString(text, 'image/svg+xml').getElementsByTagName('parsererror').length,
    svg,
  );
}
