// The first view without the app: whole and working with nothing but the page and its
// stylesheet or with scripts off, no wider than a 320 px screen, kept only for the query it
// was drawn for (with a kept visually-impaired mode set on it), saying the explorer is loading
// while the data is slow, and replaced by the error when the data fails.

import { expect, openReady, test, waitForState } from './fixtures.mjs';
import { DATA_PATH, dataset, locale } from './data.mjs';
import { shownChartLabel, shownValues, typesetValues } from './prerender-reads.mjs';
import { screenshot, showTable } from './ui.mjs';

const ru = locale('ru');

/** The visible elements' texts of `selector`. */
const shownText = (page, selector) => page.$$eval(selector, (els) => els.filter((e) => e.checkVisibility()).map((e) => e.textContent));

/** The select, the metrics' charts and sources, and the Chart/Table tabs, with no app. */
async function expectFirstViewWorks(page) {
  const select = page.locator('#pre-metric-select');
  expect(await shownValues(page, '#prerender')).toEqual(typesetValues.area_m2);
  await select.selectOption('investment_rub');
  expect(await shownValues(page, '#prerender')).toEqual(typesetValues.investment_rub);
  const investment = dataset().metrics.find((m) => m.id === 'investment_rub');
  expect(await shownChartLabel(page, '#prerender')).toMatch(new RegExp(`^${investment.label.ru}:`));
  await select.selectOption('akit_rank');
  expect((await shownText(page, '#prerender .source-link')).length, 'the rank has its sources').toBeGreaterThan(0);
  await expect(page.locator('#app'), 'no app').toHaveCount(0);
  // The chart/table tabs work too (labels for radios).
  await showTable(page, true, '#prerender');
  const rows = await shownText(page, '#prerender .chart-figure .values-table tbody tr');
  expect(rows.length, "the rank's places as a table").toBeGreaterThanOrEqual(4);
  await showTable(page, false, '#prerender');
  expect(await shownChartLabel(page, '#prerender'), 'and back to the chart').toBeDefined();
}

test.describe('at 412 px', () => {
  test.use({ viewport: { width: 412, height: 823 } });

  test.describe('with nothing but the page and its stylesheet', () => {
    test.use({ allowConsole: [/ERR_FAILED|Failed to load/] });

    test('the first view is whole and its select works', async ({ page }) => {
      // Everything else (boot.js, the JS, the WASM, the dataset) refused.
      await page.route('**/*', (route) => {
        const { pathname } = new URL(route.request().url());
        return pathname === '/' || pathname.endsWith('.css') ? route.continue() : route.abort();
      });
      await page.goto('/');
      await expectFirstViewWorks(page);
    });
  });

  test.describe('with scripts turned off', () => {
    test.use({ javaScriptEnabled: false });

    test('the first view is whole and its select works', async ({ page }) => {
      await page.goto('/');
      await expectFirstViewWorks(page);
    });

    test('the whole story reads, the mode switch and the tabs work, and the formats but PNG are offered', async ({ page }) => {
      await page.goto('/');
      await page.locator('#pre-metric-select').selectOption('akit_rank');
      // Controls that only the app would bring to life are not shown, nor its loading note
      // and the timeline's place; the visually-impaired mode's switch, the tabs and the
      // download links are.
      for (const inert of ['.header-actions > button', '.chart-toolbar button', '.prerender-status', '.filters-fold']) {
        await expect(page.locator(`#prerender ${inert}`).first(), `${inert} hidden`).toBeHidden();
      }
      // The whole story reads with no script: every event's title and every source.
      const plain = (text) => text.replace(/\u00a0/g, ' ').trim();
      const titles = (await shownText(page, '#prerender li.event .event-title')).map(plain).sort();
      expect(titles, "every event's title").toEqual(dataset().events.map((e) => plain(e.title.ru)).sort());
      const sourceIds = await page.$$eval('#prerender li.source', (lis) => lis.filter((li) => li.checkVisibility()).map((li) => li.dataset.sourceId));
      expect(sourceIds.sort(), 'every source').toEqual(dataset().sources.map((s) => s.id).sort());
      // The visually-impaired mode's switch works with no script (a label for a checkbox).
      await page.locator('#prerender .vi-button').click();
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), "the mode's type size").toBe('24px');
      await page.locator('#prerender .vi-button').click();
      // The tabs, and the Download menu's formats but PNG once it is opened (a native
      // disclosure: no script needed).
      const live = () => shownText(page, '#prerender .chart-toolbar :is(label, a .menu-label)');
      expect(await live()).toEqual([ru.show_chart, ru.show_table]);
      await page.locator('#prerender .download-menu > summary >> visible=true').click();
      expect(await live()).toEqual([ru.show_chart, ru.show_table, 'CSV', ru.download_csv_excel, ru.download_events_csv, ru.download_events_csv_excel, 'JSON', 'SVG']);
      await screenshot(page, 'prerender-412-no-script-rank');
    });
  });
});

test.describe('at 320 px no table widens the page', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  /** Expects a table shown and the page no wider than the screen. */
  async function expectNarrow(page) {
    expect((await shownText(page, '.table-scroll')).length, 'a table is shown').toBeGreaterThan(0);
    const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scrollWidth, 'the page is as wide as the screen').toBe(innerWidth);
  }

  test.describe(() => {
    test.use({ javaScriptEnabled: false });
    test('the first view with no script', async ({ page }) => {
      await page.goto('/');
      await showTable(page, true, '#prerender');
      await expectNarrow(page);
    });
  });

  for (const path of ['/table.html', '/table-en.html']) {
    test(`the table page ${path}`, async ({ page }) => {
      await page.goto(path);
      await expectNarrow(page);
    });
  }

  test("the app's table", async ({ page }) => {
    await openReady(page, '?view=table&metric=akit_rank');
    await expectNarrow(page);
  });
});

test.describe('the first view stays for the query it was drawn for; a link to another view does not flash it', () => {
  const cases = [
    // Its own query, the page's language named or not.
    { query: '?lang=ru', kept: true },
    { query: 'embed.html?lang=ru&embed=1', kept: true },
    { query: 'embed.html?embed=1&lang=ru', kept: true },
    { query: '?lang=en' },
    { query: '?metric=akit_rank' },
    // A mode kept from an earlier visit: the copy in it, as the app will be.
    { query: '', storage: 'on=1;size=250;scheme=blue;images=off', kept: true },
    { query: 'embed.html?embed=1', storage: 'on=1;size=200;scheme=wb;images=on', kept: true },
    { query: '', storage: 'on=0;size=250;scheme=blue;images=off', kept: true },
    // The host's mode (a ministry's site in its own visually-impaired version): the same,
    // with the sizes and colours kept, if any; a dark host's page is not the copy's.
    { query: 'embed.html?embed=1&a11y=1', kept: true },
    { query: '?a11y=1', storage: 'on=0;size=200;scheme=wb;images=on', kept: true },
    { query: 'embed.html?embed=1&a11y=1&theme=dark' },
    // The explorer's page framed as an embed (an older snippet), and the embed page
    // in another theme or opened without ?embed=1.
    { query: '?embed=1' },
    { query: 'embed.html?embed=1&theme=dark' },
    { query: 'embed.html' },
  ];
  const mode = (page) =>
    page.evaluate(() => {
      const chosen = (name) => document.querySelector(`input[name="${name}"]:checked`)?.value;
      return {
        fontSize: getComputedStyle(document.documentElement).fontSize,
        on: document.querySelector('#pre-vi')?.checked ?? document.querySelector('#vi').checked,
        size: chosen('pre-vi-size') ?? chosen('vi-size'),
        scheme: chosen('pre-vi-scheme') ?? chosen('vi-scheme'),
        imagesOff: (document.querySelector('#pre-vi-images') ?? document.querySelector('#vi-images'))?.checked,
      };
    });

  for (const { query, storage, kept } of cases) {
    test(`/${query}${storage ? ` with the mode kept as ${storage}` : ''}: ${kept ? 'kept' : 'dropped'}`, async ({ page, wasmGate }) => {
      await wasmGate.hold();
      if (storage) await page.addInitScript((value) => localStorage.setItem('technoparks.vi', value), storage);
      await page.goto(`/${query}`, { waitUntil: 'domcontentloaded' });
      // boot.js, a module, has run by DOMContentLoaded: it removes a first view that is not
      // the one asked for before it asks for the WASM (held back here).
      // Read at once, not waited for: a first view dropped later would have flashed.
      expect(await page.locator('#prerender').count(), kept ? 'kept' : 'dropped').toBe(kept ? 1 : 0);
      const stored = Object.fromEntries((storage ?? '').split(';').filter(Boolean).map((pair) => pair.split('=')));
      const params = new URLSearchParams(query.split('?')[1] ?? '');
      const hostVi = params.get('a11y') === '1';
      const expected = (stored.on === '1' || hostVi) && {
        fontSize: `${(16 * (stored.size ?? 150)) / 100}px`,
        on: true,
        size: stored.size ?? '150',
        // A dark host's mode starts white on black.
        scheme: stored.scheme ?? (params.get('theme') === 'dark' ? 'wb' : 'bw'),
        imagesOff: stored.images === 'off',
      };
      if (kept && expected) expect(await mode(page), 'the copy in the mode').toEqual(expected);
      if (kept && !expected && storage) expect((await mode(page)).on, 'a mode turned off stays off').toBe(false);
      wasmGate.release();
      await waitForState(page);
      if (expected) expect(await mode(page), 'the app in the mode').toEqual(expected);
      if (storage && !hostVi) expect(await page.evaluate(() => localStorage.getItem('technoparks.vi')), 'the kept mode unchanged').toBe(storage);
    });
  }
});

test('while the data is slow, the prerender stays and says the explorer is loading', async ({ page }) => {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(`**${DATA_PATH}`, async (route) => (await released, route.continue().catch(() => {})));
  try {
    await page.goto('/');
    // The app is up (mounted unseen) but has no data yet.
    await expect(page.locator('#app main[data-state="loading"]')).toBeAttached();
    await expect(page.locator('#prerender'), 'the first view is still shown').toBeVisible();
    await expect(page.locator('#app'), 'the app waits unseen').toBeHidden();
    const status = page.locator('#prerender .prerender-status');
    await expect(status).toHaveAttribute('role', 'status');
    await expect(status).toHaveText(ru.loading);
    release();
    await waitForState(page);
    await expect(page.locator('#prerender')).toHaveCount(0);
  } finally {
    release();
  }
});

test.describe('when the data fails', () => {
  test.use({ allowConsole: [/503/] });

  test('the error replaces the prerender, and the focus goes on from the main region', async ({ page }) => {
    let release;
    const released = new Promise((resolve) => (release = resolve));
    await page.route(`**${DATA_PATH}`, async (route) => (await released, route.fulfill({ status: 503, body: 'down' }).catch(() => {})));
    try {
      await page.goto('/');
      // A keyboard reader is on the prerendered select when the error comes in.
      await page.locator('#pre-metric-select').focus();
      release();
      await waitForState(page, 'error');
      expect(await page.evaluate(() => document.activeElement?.id), 'the focus goes on from the main region').toBe('main');
      await expect(page.locator('#prerender'), 'no stale chart beside the error').toHaveCount(0);
      await expect(page.locator('#load-error')).toBeVisible();
    } finally {
      release();
    }
  });
});
