// Taking the data away: the chart toolbar's downloads (CSV, CSV for Excel, JSON, SVG, PNG),
// each checked byte for byte against the served dataset, also before the app is up (the
// prerendered first view's links to files written at build time), and the header's "copy
// link" button read back from the clipboard.

import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { describe, it } from 'node:test';
import { screenshot } from './helpers.mjs';
import {
  DATASET_TEXT,
  DERIVED_METRICS,
  assertClean,
  clickInMenu,
  openMenuOf,
  dataset,
  locale,
  openPageRouted,
  parkValues,
  sleep,
  serveAndBrowse,
  withPage as supportWithPage,
  waitForState,
} from './support.mjs';

const data = dataset();
const RU = locale('ru');
const EN = locale('en');
const MORION = 'morion-digital';
const MIRS_URL = 'http://mirs.permkrai.ru/about/news/3519/';
const HEADER = 'park_id,park_name,metric_id,metric_label,value,unit,date,sources,confidence';

const env = serveAndBrowse();

/** A ready page whose context accepts downloads and may use the clipboard. */
const withPage = (query, body, { colorScheme = 'light', ...viewport } = {}) =>
  supportWithPage(env, query, body, {
    ...viewport,
    colorScheme,
    acceptDownloads: true,
    permissions: ['clipboard-read', 'clipboard-write'],
  });

/** Clicks a download button; returns the file's suggested name and bytes. */
async function download(page, selector) {
  await openMenuOf(page, selector);
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const bytes = await fs.readFile(await file.path());
  return { name: file.suggestedFilename(), bytes };
}

/** The local dates around now, `yyyy-mm-dd` (the test may straddle midnight). */
function todays() {
  const iso = (d) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const now = Date.now();
  return new Set([iso(new Date(now - 60_000)), iso(new Date(now)), iso(new Date(now + 60_000))]);
}

/** Asserts `name` is `<prefix><today>.<ext>`. */
function assertName(name, prefix, ext) {
  const match = name.match(/^(.*)(\d{4}-\d{2}-\d{2})\.([a-z]+)$/);
  assert.ok(match, `file name ${name}`);
  assert.equal(match[1], prefix, name);
  assert.ok(todays().has(match[2]), `${name} carries today's date`);
  assert.equal(match[3], ext, name);
  assert.match(name, /^[\x21-\x7e]+$/, 'ASCII only');
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
      assert.equal(text[i + 1], '\n', 'CR only in CRLF');
      i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      assert.notEqual(c, '\n', 'no bare LF outside quotes');
      field += c;
    }
  }
  assert.equal(field + record.join(''), '', 'the last line ends in CRLF');
  return records;
}

/** How many values the explorer has: every observation plus the derived ones. */
function valueCount() {
  const both = data.parks.filter((park) =>
    ['investment_rub', 'area_m2'].every(
      (metric) => parkValues(data, metric).find((p) => p.park.id === park.id).values.length > 0,
    ),
  ).length;
  assert.deepEqual(DERIVED_METRICS, ['investment_per_m2', 'opened_year', 'years_active']);
  // investment ÷ area where both are known; opened year and years active for every park.
  return data.observations.length + both + 2 * data.parks.length;
}

/** The CSV's records after checking its BOM. */
function csvRecords(bytes, sep) {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
  const text = bytes.subarray(3).toString('utf8');
  assert.ok(!text.startsWith('\ufeff'), 'one BOM only');
  return { text, records: parseCsv(text, sep) };
}

function row(records, park, metric) {
  const found = records.find((r) => r[0] === park && r[2] === metric);
  assert.ok(found, `a row for ${park} ${metric}`);
  return found;
}

describe('downloads', () => {
  it('CSV: BOM, exact header, one row per value, the known Morion Digital area row', async () => {
    await withPage('', async (page) => {
      const { name, bytes } = await download(page, '#download-csv');
      assertName(name, 'perm-technoparks-values-', 'csv');
      const { text, records } = csvRecords(bytes, ',');
      assert.ok(text.startsWith(`${HEADER}\r\n`), 'exact header line');
      assert.deepEqual(records[0], HEADER.split(','));
      assert.equal(records.length - 1, valueCount(), 'one row per value');
      assert.ok(records.every((r) => r.length === 9), 'nine fields in every row');

      const area = row(records, MORION, 'area_m2');
      const morion = data.parks.find((p) => p.id === MORION);
      assert.equal(area[1], morion.name.ru);
      assert.equal(area[3], data.metrics.find((m) => m.id === 'area_m2').label.ru);
      assert.deepEqual([area[4], area[5], area[6], area[8]], ['86000', 'm2', '2019', 'medium']);
      assert.ok(area[7].split(' ').includes(MIRS_URL), area[7]);
      // Every source id of the observation, as its URL.
      const observation = data.observations.find((o) => o.park === MORION && o.metric === 'area_m2');
      const urls = observation.sources.map((id) => data.sources.find((s) => s.id === id).url);
      assert.equal(area[7], urls.join(' '));

      const perM2 = row(records, MORION, 'investment_per_m2');
      assert.equal(perM2[4], String(726200000 / 86000));
      assert.equal(perM2[3], RU.derived_metrics.investment_per_m2.label);
      for (const r of records.slice(1)) {
        assert.match(r[4], /^\d+(\.\d+)?$/, `plain number: ${r.join(' | ')}`);
        assert.match(r[6], /^\d{4}(-\d{2}){0,2}$/, 'ISO date');
        assert.ok(['high', 'medium', 'derived'].includes(r[8]), r[8]);
      }
    });
  });

  it('CSV for Excel: semicolons and decimal commas, for Excel in a Russian locale; the English page offers the comma CSV alone', async () => {
    await withPage('?lang=en', async (page) => {
      // Excel in English opens the comma file as columns: the English menu has no other.
      assert.equal(await page.locator('#download-csv-excel').count(), 0, 'no Russian-locale file on the English page');
      assert.match((await page.textContent('#download-csv .menu-hint')).trim(), /Excel/);
    });
    await withPage('', async (page) => {
      assert.equal((await page.textContent('#download-csv-excel .menu-label')).trim(), RU.download_csv_excel);
      const { name, bytes } = await download(page, '#download-csv-excel');
      assertName(name, 'perm-technoparks-values-excel-', 'csv');
      const { text, records } = csvRecords(bytes, ';');
      assert.ok(text.startsWith(`${HEADER.replaceAll(',', ';')}\r\n`));
      assert.equal(records.length - 1, valueCount());
      assert.equal(row(records, MORION, 'area_m2')[4], '86000');
      assert.equal(row(records, MORION, 'investment_rub')[4], '726200000');
      assert.equal(row(records, MORION, 'area_m2')[1], 'Morion Digital');
      const perM2 = row(records, MORION, 'investment_per_m2')[4];
      assert.match(perM2, /^\d+,\d+$/);
      assert.equal(perM2, String(726200000 / 86000).replace('.', ','));
      for (const r of records.slice(1)) {
        assert.match(r[4], /^\d+(,\d+)?$/, 'decimal comma, no grouping');
      }
    });
  });

  it('JSON: the served dataset itself', async () => {
    await withPage('', async (page) => {
      const { name, bytes } = await download(page, '#download-json');
      assertName(name, 'perm-technoparks-data-', 'json');
      assert.equal(bytes.toString('utf8'), DATASET_TEXT);
      assert.deepEqual(JSON.parse(bytes.toString('utf8')), data);
    });
  });

  it('SVG: well-formed XML with a light background and the park names', async () => {
    await withPage('', async (page) => {
      const { name, bytes } = await download(page, '#download-svg');
      assertName(name, 'perm-technoparks-area_m2-ru-', 'svg');
      const text = bytes.toString('utf8');
      assert.ok(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg '), text.slice(0, 80));
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
      assert.equal(parsed.errors, 0, 'no parsererror');
      assert.equal(parsed.root, 'svg');
      assert.equal(parsed.ns, 'http://www.w3.org/2000/svg');
      assert.deepEqual(parsed.first, ['rect', '#FFFFFF', '100%']);
      assert.equal(parsed.title, await page.getAttribute('#compare-chart .chart', 'aria-label'));
      for (const park of data.parks) {
        assert.ok(parsed.texts.includes(park.name.ru), `${park.name.ru} in ${parsed.texts}`);
      }
      assert.deepEqual(parsed.fills.filter((f) => !['#1B1F24', '#59636E'].includes(f)), []);
      const shown = await page.getAttribute('#compare-chart .chart svg', 'width');
      assert.equal(parsed.width, shown, 'the size the chart is shown at');
    });
  });

  it('SVG in the dark theme: dark background, light text; English chart named by metric', async () => {
    await withPage('?lang=en&metric=investment_rub&theme=dark', async (page) => {
      const { name, bytes } = await download(page, '#download-svg');
      assertName(name, 'perm-technoparks-investment_rub-en-', 'svg');
      const text = bytes.toString('utf8');
      assert.match(text, /<rect x="0" y="0" width="100%" height="100%" fill="#12161B"\/>/);
      assert.ok(!text.includes('#1B1F24'), 'no dark ink on the dark background');
      for (const park of data.parks) {
        assert.ok(text.includes(park.name.en), park.name.en);
      }
      const errors = await page.evaluate(
        (svg) =>
          new DOMParser()
            .parseFromString(svg, 'image/svg+xml')
            .getElementsByTagName('parsererror').length,
        text,
      );
      assert.equal(errors, 0);
    });
    // The system's dark preference counts too, unless the URL forces light.
    await withPage(
      '',
      async (page) => {
        const { bytes } = await download(page, '#download-svg');
        assert.match(bytes.toString('utf8'), /fill="#12161B"\/>/);
      },
      { colorScheme: 'dark' },
    );
    await withPage(
      '?theme=light',
      async (page) => {
        const { bytes } = await download(page, '#download-svg');
        assert.match(bytes.toString('utf8'), /height="100%" fill="#FFFFFF"\/>/);
      },
      { colorScheme: 'dark' },
    );
  });

  it('PNG: a PNG at twice the chart size', async () => {
    await withPage('', async (page) => {
      const { name, bytes } = await download(page, '#download-png');
      assertName(name, 'perm-technoparks-area_m2-ru-', 'png');
      assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
      const [width, height] = await page.$eval('#compare-chart .chart svg', (svg) => [
        Number(svg.getAttribute('width')),
        Number(svg.getAttribute('height')),
      ]);
      assert.ok(width > 0 && height > 0);
      assert.equal(bytes.readUInt32BE(16), 2 * width, 'IHDR width');
      assert.equal(bytes.readUInt32BE(20), 2 * height, 'IHDR height');
      assert.ok(bytes.length > 2000, `a real picture (${bytes.length} bytes)`);
      await screenshot(page, 'downloads-toolbar');
    });
  });

  it('before the app: the first view\'s links save the files the app makes; PNG waits for the app', async () => {
    let release;
    const released = new Promise((resolve) => (release = resolve));
    const record = await openPageRouted(
      env.browser,
      `${env.server.url}/`,
      { '**/*.wasm': async (route) => (await released, route.continue()) },
      { width: 412, height: 823, acceptDownloads: true, waitUntil: 'domcontentloaded' },
    );
    const { page, context } = record;
    try {
      await page.locator('#pre-metric-select').selectOption('investment_rub');
      const link = (kind) => `#prerender .metric-view.m1 a[data-kind="download-${kind}"]`;
      await openMenuOf(page, link('csv'));
      assert.equal(await page.locator(link('csv')).isVisible(), true, 'the chosen metric\'s links are shown');
      const png = page.locator('#prerender .metric-view.m1 .download-menu button');
      assert.equal(await png.locator('.menu-label').textContent(), 'PNG');
      assert.equal(await png.isDisabled(), true, 'PNG is drawn by the app');
      const early = {};
      for (const kind of ['csv', 'csv-excel', 'json', 'svg']) {
        early[kind] = await download(page, link(kind));
      }
      // Named as the app names them, dated by the dataset's update rather than the day.
      const updated = data.meta.updated;
      assert.equal(early.csv.name, `perm-technoparks-values-${updated}.csv`);
      assert.equal(early['csv-excel'].name, `perm-technoparks-values-excel-${updated}.csv`);
      assert.equal(early.json.name, `perm-technoparks-data-${updated}.json`);
      assert.equal(early.svg.name, `perm-technoparks-investment_rub-ru-${updated}.svg`);
      assert.equal(early.json.bytes.toString('utf8'), DATASET_TEXT, 'the dataset as served');
      const svg = early.svg.bytes.toString('utf8');
      assert.ok(svg.startsWith('<?xml'), 'a standalone SVG');
      assert.match(svg, new RegExp(`<title>${data.metrics.find((m) => m.id === 'investment_rub').label.ru}:`));
      assert.ok(svg.includes('726,2'), 'the chosen metric\'s chart');

      // The app's own files hold the same values, years active too: the build and the app
      // count them to one date, the dataset's, not the reader's clock.
      release();
      await waitForState(page, 'ready');
      const rows = (bytes, sep) => csvRecords(bytes, sep).records.map((r) => r.join('|'));
      for (const [kind, sep] of [['csv', ','], ['csv-excel', ';']]) {
        const late = await download(page, `#download-${kind}`);
        assert.deepEqual(rows(early[kind].bytes, sep), rows(late.bytes, sep), kind);
        const years = csvRecords(late.bytes, sep).records.filter((r) => r[2] === 'years_active');
        assert.equal(years.length, data.parks.length, `${kind}: a years-active row per park`);
        assert.ok(
          years.some((r) => r[6] === updated),
          `${kind}: a park at work counts to the dataset's date, ${updated}`,
        );
      }
      assertClean(record);
    } finally {
      release();
      await context.close();
    }
  });

  it('one clock: with the reader\'s clock in 2031, the app\'s CSV counts years active to the dataset\'s date, as the build\'s does', async () => {
    const record = await openPageRouted(env.browser, 'about:blank', {}, { width: 1280, height: 900, acceptDownloads: true });
    const { page, context } = record;
    try {
      await page.clock.setFixedTime(new Date('2031-06-01T12:00:00'));
      await page.goto(`${env.server.url}/`);
      await waitForState(page, 'ready');
      const updated = data.meta.updated;
      const late = await download(page, '#download-csv');
      // The clock is in effect: the file is named by the day it was saved.
      assert.equal(late.name, 'perm-technoparks-values-2031-06-01.csv');
      const built = await fetch(`${env.server.url}/downloads/perm-technoparks-values-${updated}.csv`);
      assert.equal(built.status, 200, 'the build\'s CSV');
      const early = Buffer.from(await built.arrayBuffer());
      const rows = (bytes) => csvRecords(bytes, ',').records.map((r) => r.join('|'));
      assert.deepEqual(rows(late.bytes), rows(early), 'every value, years active included');
      const years = csvRecords(late.bytes, ',').records.filter((r) => r[2] === 'years_active');
      assert.deepEqual(
        years.map((r) => [r[0], r[4], r[6]]),
        [
          [MORION, '8', updated],
          ['technopark-perm', '7', '2023-01-12'],
        ],
        'to the dataset\'s date for a park at work, to the suspension for Technopark Perm',
      );
      // The page says the date it counts to, where the formula is shown.
      await page.locator('#metric-select').selectOption('years_active');
      const formula = (await page.locator('#app .formula').textContent()).replace(/[\u00a0\u202f]/g, ' ');
      assert.ok(formula.includes('по состоянию на 26 ноября 2026 г.'), formula);
      assertClean(record);
    } finally {
      await context.close();
    }
  });

  it('the toolbar keeps its tabs and the Download menu\'s formats reachable on a phone', async () => {
    await withPage(
      '',
      async (page) => {
        await openMenuOf(page, '#download-csv');
        for (const selector of ['#app label[for="view-table"]', '#download-csv', '#download-csv-excel', '#download-json', '#download-svg', '#download-png']) {
          const box = await page.locator(selector).boundingBox();
          assert.ok(box && box.x >= 0 && box.x + box.width <= 360, `${selector} inside the viewport`);
        }
        await screenshot(page, 'downloads-phone');
      },
      { width: 360, height: 740 },
    );
  });
});

describe('copy link', () => {
  it('copies the current URL and says so', async () => {
    await withPage('', async (page) => {
      await page.selectOption('#metric-select', 'investment_rub');
      await page.waitForURL(/metric=investment_rub/);
      assert.equal((await page.textContent('#copy-link')).trim(), RU.copy_link);
      await clickInMenu(page, '#copy-link');
      assert.equal((await page.textContent('#copy-link')).trim(), RU.link_copied);
      let copied = '';
      for (let i = 0; i < 50 && copied !== page.url(); i += 1) {
        copied = await page.evaluate(() => navigator.clipboard.readText());
        if (copied !== page.url()) await sleep(50);
      }
      assert.equal(copied, page.url());
      assert.match(copied, /metric=investment_rub/);
      // The message goes after a few seconds.
      await page.waitForFunction(
        (text) => document.querySelector('#copy-link').textContent.trim() === text,
        RU.copy_link,
        { timeout: 8_000 },
      );
    });
  });

  it('the link to this chart leaves out the timeline\'s filters and selected event', async () => {
    await withPage('?q=2019&event=strategic-session-2019&metric=investment_rub', async (page) => {
      assert.equal((await page.textContent('#copy-chart-link')).trim(), RU.copy_chart_link);
      await clickInMenu(page, '#copy-chart-link');
      assert.equal((await page.textContent('#copy-chart-link')).trim(), RU.link_copied);
      let copied = '';
      for (let i = 0; i < 50 && !copied.includes('metric='); i += 1) {
        copied = await page.evaluate(() => navigator.clipboard.readText());
        if (!copied.includes('metric=')) await sleep(50);
      }
      const query = new URL(copied).searchParams;
      assert.equal(query.get('metric'), 'investment_rub', copied);
      assert.equal(query.get('event'), null, copied);
      assert.equal(query.get('q'), null, copied);
      // The link to this view keeps them.
      await clickInMenu(page, '#copy-link');
      for (let i = 0; i < 50 && !copied.includes('event='); i += 1) {
        copied = await page.evaluate(() => navigator.clipboard.readText());
        if (!copied.includes('event=')) await sleep(50);
      }
      assert.match(copied, /event=strategic-session-2019/);
    });
  });

  it('is in the header\'s Share menu before the language switch, in English too, not in embeds', async () => {
    await withPage('?lang=en', async (page) => {
      const order = await page.$$eval('.header-actions button', (els) => els.map((b) => b.id));
      assert.ok(order.indexOf('copy-link') >= 0 && order.indexOf('copy-link') < order.indexOf('lang-toggle'), String(order));
      assert.equal((await page.textContent('#copy-link')).trim(), EN.copy_link);
      await clickInMenu(page, '#copy-link');
      assert.equal((await page.textContent('#copy-link')).trim(), EN.link_copied);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
    });
    await withPage('?embed=1', async (page) => {
      assert.equal(await page.locator('#copy-link').count(), 0);
    });
  });
});
