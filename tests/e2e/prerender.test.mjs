// The first view drawn at build time (src/prerender.rs): shown before the WASM has arrived,
// its metric select and table switch working with nothing but the page and its stylesheet,
// the same as what the app then draws (same boxes, no layout shift), replaced in one go
// (keeping the reader's metric, view and focus), gone for links to other views, kept with the
// summary when the WASM cannot start. Its download links: downloads.test.mjs.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshot } from './helpers.mjs';
import {
  DATA_PATH,
  assertClean,
  dataset,
  locale,
  openPageRouted,
  runAxe,
  serveAndBrowse,
  waitForState,
} from './support.mjs';

const env = serveAndBrowse();

/** A route handler that holds a response until `release()` is called. */
function gate() {
  let release;
  const opened = new Promise((resolve) => (release = resolve));
  return {
    release,
    handler: async (route) => {
      await opened;
      await route.continue();
    },
  };
}

/** Sums layout shifts (as CLS does) from the start of the page: read with `page.evaluate(() => window.__shifts)`. */
const recordShifts = () => {
  window.__shifts = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
};

/** The texts of the value figures shown (not those of the metrics not chosen) inside `root`. */
const shownValues = (page, root) =>
  page.$$eval(`${root} .value`, (els) => els.filter((el) => el.checkVisibility()).map((el) => el.textContent));

/** The `aria-label` of the chart shown inside `root`. */
const shownChartLabel = (page, root) =>
  page.$$eval(`${root} .chart[role="img"]`, (els) => els.find((el) => el.checkVisibility())?.getAttribute('aria-label'));

/** A metric's values as the cards show them in Russian, for the parks that have one. */
const typesetValues = {
  area_m2: ['86\u00a0000\u00a0м²', '16\u00a0949\u00a0м²'],
  investment_rub: ['726,2\u00a0млн\u00a0₽', '97\u00a0млн\u00a0₽'],
};

/** Boxes of what both the prerender and the app draw, inside `root`, rounded to 0.1 px. */
const boxes = (page, root) =>
  page.evaluate((root) => {
    const scope = document.querySelector(root);
    const shown = [...scope.querySelectorAll('.chart svg')].find((svg) => svg.getBoundingClientRect().width > 0);
    // The first of those shown (the prerender holds every metric's, the chosen one shown).
    const box = (selector) => {
      const el = [...scope.querySelectorAll(selector)].find((e) => e.checkVisibility());
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 10) / 10);
    };
    const chart = shown?.getBoundingClientRect();
    return {
      h1: box('h1'),
      actions: box('.header-actions'),
      select: box('.control select'),
      toolbar: box('.chart-toolbar'),
      chartWrap: box('.chart-wrap'),
      chartHeight: chart && Math.round(chart.height * 10) / 10,
      chartWidth: chart && Math.round(chart.width * 10) / 10,
      hint: box('.chart-hint'),
      cards: box('.value-cards'),
    };
  }, root);

/**
 * The first view at 412 px with the WASM held back (`wasm.release()` lets it in) and layout
 * shifts recorded: `openPageRouted`'s record, plus `wasm` and the prerendered `select`.
 */
async function openHeldBack() {
  const wasm = gate();
  const record = await openPageRouted(env.browser, 'about:blank', {}, { width: 412, height: 823 });
  try {
    await record.page.addInitScript(recordShifts);
    await record.page.route('**/*.wasm', wasm.handler);
    await record.page.goto(`${env.server.url}/`, { waitUntil: 'domcontentloaded' });
    const select = record.page.locator('#prerender select');
    await select.waitFor();
    return { ...record, wasm, select };
  } catch (error) {
    wasm.release();
    await record.context.close();
    throw error;
  }
}

describe('prerendered first view', () => {
  const layouts = [
    ...[360, 412, 768, 1280, 1440].map((width) => ({ width, path: '/' })),
    // embed.html: the embed's first view, for the frames of embed snippets.
    ...[320, 412, 800].map((width) => ({ width, path: '/embed.html?embed=1' })),
  ];
  for (const { width, path } of layouts) {
    it(`${path} at ${width} px: shown before the WASM, replaced by the same layout with no shift`, async () => {
      const wasm = gate();
      const record = await openPageRouted(env.browser, 'about:blank', {}, { width, height: 823 });
      const { page, context } = record;
      try {
        await page.addInitScript(recordShifts);
        await page.route('**/*.wasm', wasm.handler);
        await page.goto(`${env.server.url}${path}`, { waitUntil: 'domcontentloaded' });

        // Before the WASM: the chart and the figures are there, in Russian, from the data.
        const data = dataset();
        const ru = locale('ru');
        const pre = page.locator('#prerender');
        await pre.waitFor({ state: 'visible' });
        assert.equal(await page.locator('#prerender .chart').first().getAttribute('role'), 'img');
        const label = await shownChartLabel(page, '#prerender');
        for (const park of data.parks) assert.ok(label.includes(park.name.ru), `the text alternative names ${park.name.ru}`);
        assert.deepEqual(await shownValues(page, '#prerender'), typesetValues.area_m2, 'the default metric, typeset');
        assert.equal(await page.locator('#prerender h2').innerText(), ru.compare_title);
        const shownDrawings = await page.$$eval('#prerender .chart svg', (svgs) =>
          svgs.filter((svg) => svg.getBoundingClientRect().width > 0).length,
        );
        assert.equal(shownDrawings, 1, 'exactly one drawing is shown at this width');
        assert.equal(await page.locator('#prerender select').isEnabled(), true, 'the metric select works before the app');
        assert.equal(await page.locator('#prerender .chart-toolbar button').first().isDisabled(), true, 'the other controls wait for the app');
        assert.equal(await page.locator('#app').count(), 0, 'the app has not started');
        const embed = path.includes('embed=1');
        assert.equal(await page.locator('#prerender.embed').count(), embed ? 1 : 0, 'drawn in its page\'s layout');
        const before = await boxes(page, '#prerender');
        if (width === 412 || width === 1280) {
          const { violations } = await runAxe(page);
          assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], 'axe on the prerendered view');
        }
        if (width === 412) await screenshot(page, embed ? 'prerender-embed-412-before-wasm' : 'prerender-412-before-wasm');

        wasm.release();
        await waitForState(page, 'ready');
        // The app's chart is redrawn at the measured width a frame after it mounts.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        assert.equal(await page.locator('#prerender').count(), 0, 'the prerender has given way');
        assert.equal(await page.locator('h1').count(), 1, 'one h1 in the page');
        assert.equal(await page.locator('#app.embed').count(), embed ? 1 : 0, 'the app in the same layout');
        const afterBoxes = await boxes(page, '#app');

        for (const key of ['h1', 'actions', 'select', 'toolbar', 'hint', 'cards', 'chartWrap']) {
          const [a, b] = [before[key], afterBoxes[key]];
          assert.ok(a && b, `${key} is in both`);
          for (let i = 0; i < 4; i += 1) {
            assert.ok(Math.abs(a[i] - b[i]) <= 0.5, `${key} moved or resized: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
          }
        }
        assert.ok(Math.abs(before.chartHeight - afterBoxes.chartHeight) <= 0.5, 'the chart keeps its height');
        assert.ok(before.chartWidth <= afterBoxes.chartWidth + 0.5, 'the static chart is never wider than the app’s');
        const shifts = await page.evaluate(() => window.__shifts);
        assert.ok(shifts < 0.001, `layout shift ${shifts}`);
        assertClean(record);
      } finally {
        wasm.release();
        await context.close();
      }
    });
  }

  it('before the WASM the select switches the metric; the app takes over with that metric and the focus', async () => {
    const record = await openHeldBack();
    const { page, context, wasm, select } = record;
    try {
      const data = dataset();
      // Every metric of the catalogue: its own chart (one drawing shown) and text alternative.
      const options = await select.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
      assert.equal(options.length, data.metrics.length + 3, 'the stated metrics and the three derived');
      for (const [value, label] of options) {
        await select.selectOption(value);
        const alt = await shownChartLabel(page, '#prerender');
        assert.ok(alt?.startsWith(label), `${value}: the chart shown says ${alt}`);
        const drawings = await page.$$eval('#prerender .chart svg', (svgs) => svgs.filter((svg) => svg.checkVisibility()).length);
        assert.equal(drawings, 1, `${value}: one drawing shown`);
      }
      // From the keyboard: back to the first metric, then one down.
      await select.focus();
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowDown');
      assert.equal(await select.inputValue(), 'investment_rub', 'arrow keys choose the next metric');
      assert.deepEqual(await shownValues(page, '#prerender'), typesetValues.investment_rub);
      const before = await boxes(page, '#prerender');
      await screenshot(page, 'prerender-412-investment-before-wasm');

      wasm.release();
      await waitForState(page, 'ready');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(await page.locator('#prerender').count(), 0, 'the prerender has given way');
      assert.equal(await page.locator('#metric-select').inputValue(), 'investment_rub', 'the app shows the metric chosen');
      assert.deepEqual(await shownValues(page, '#app'), typesetValues.investment_rub);
      assert.equal(new URL(page.url()).searchParams.get('metric'), 'investment_rub', 'and its link says so');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'metric-select', 'the focus stays on the select');
      const after = await boxes(page, '#app');
      for (const key of ['select', 'toolbar', 'hint', 'cards', 'chartWrap']) {
        for (let i = 0; i < 4; i += 1) {
          assert.ok(Math.abs(before[key][i] - after[key][i]) <= 0.5, `${key} moved: ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`);
        }
      }
      const shifts = await page.evaluate(() => window.__shifts);
      assert.ok(shifts < 0.001, `layout shift ${shifts}`);
      // The app's select now drives the app: back to the default, the link is clean again.
      await page.locator('#metric-select').selectOption('area_m2');
      await page.waitForFunction(() => !location.search.includes('metric='));
      assert.deepEqual(await shownValues(page, '#app'), typesetValues.area_m2);
      assertClean(record);
    } finally {
      wasm.release();
      await context.close();
    }
  });

  it('before the WASM the table switch shows the values as a table; the app takes over in the table view', async () => {
    const record = await openHeldBack();
    const { page, context, wasm, select } = record;
    try {
      const ru = locale('ru');
      const shownSwitch = () =>
        page.$$eval('#prerender .table-switch', (ls) => ls.find((l) => l.checkVisibility())?.innerText.trim());
      const shownRows = () =>
        page.$$eval('#prerender .values-table tbody tr', (trs) =>
          trs.filter((tr) => tr.checkVisibility()).map((tr) => [...tr.cells].slice(0, 2).map((c) => c.textContent)),
        );
      assert.equal(await shownSwitch(), ru.show_table);
      assert.deepEqual(await shownRows(), [], 'no table at first');
      // From the keyboard: the switch is the next stop after the select, and Space turns it.
      await select.focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'pre-table');
      const ring = await page.$$eval('#prerender .table-switch', (ls) => getComputedStyle(ls.find((l) => l.checkVisibility())).outlineStyle);
      assert.equal(ring, 'solid', 'its label shows the focus');
      await page.keyboard.press('Space');
      assert.equal(await shownSwitch(), ru.show_chart, 'it now offers the chart back');
      assert.deepEqual(await shownRows(), [
        ['Морион Диджитал', typesetValues.area_m2[0]],
        ['Технопарк «Пермь»', typesetValues.area_m2[1]],
      ]);
      assert.equal(await shownChartLabel(page, '#prerender'), undefined, 'the chart is hidden');
      assert.equal(await page.locator('#prerender .chart-hint').first().isVisible(), false);
      // Another metric stays a table, as in the app.
      await select.selectOption('investment_rub');
      assert.deepEqual((await shownRows()).map((r) => r[1]), typesetValues.investment_rub);
      const caption = await page.$$eval('#prerender caption', (cs) => cs.find((c) => c.checkVisibility())?.textContent);
      assert.equal(caption, dataset().metrics.find((m) => m.id === 'investment_rub').label.ru);
      const { violations } = await runAxe(page);
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], 'axe on the table');
      await page.locator('#pre-table').focus();
      const before = await boxes(page, '#prerender');
      const tableBefore = await page.$$eval('#prerender .table-scroll', (ts) => ts.find((t) => t.checkVisibility()).getBoundingClientRect().toJSON());
      await screenshot(page, 'prerender-412-table-before-wasm');

      wasm.release();
      await waitForState(page, 'ready');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(await page.locator('#prerender').count(), 0);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('view'), 'table', 'the link says table');
      assert.equal(url.searchParams.get('metric'), 'investment_rub');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'table-toggle', 'the focus is on the app\'s switch');
      assert.equal(await page.getAttribute('#table-toggle', 'aria-pressed'), 'true');
      const appRows = await page.$$eval('#values-table tbody tr', (trs) => trs.map((tr) => tr.cells[1].textContent));
      assert.deepEqual(appRows, typesetValues.investment_rub);
      const after = await boxes(page, '#app');
      const tableAfter = await page.$eval('#compare-chart .table-scroll', (t) => t.getBoundingClientRect().toJSON());
      for (const key of ['select', 'toolbar', 'cards']) {
        for (let i = 0; i < 4; i += 1) {
          assert.ok(Math.abs(before[key][i] - after[key][i]) <= 0.5, `${key} moved: ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`);
        }
      }
      for (const side of ['x', 'y', 'width', 'height']) {
        assert.ok(Math.abs(tableBefore[side] - tableAfter[side]) <= 0.5, `table ${side}: ${tableBefore[side]} → ${tableAfter[side]}`);
      }
      const shifts = await page.evaluate(() => window.__shifts);
      assert.ok(shifts < 0.001, `layout shift ${shifts}`);
      // The app's switch drives on: back to the chart.
      await page.keyboard.press('Enter');
      await page.waitForSelector('#values-table', { state: 'detached' });
      assert.equal(new URL(page.url()).searchParams.get('view'), null);
      assertClean(record);
    } finally {
      wasm.release();
      await context.close();
    }
  });

  for (const { name, routes, contextOptions } of [
    {
      name: 'with nothing but the page and its stylesheet',
      // Everything else (boot.js, the JS, the WASM, the dataset) refused.
      routes: {
        '**/*': (route) => {
          const { pathname } = new URL(route.request().url());
          return pathname === '/' || pathname.endsWith('.css') ? route.continue() : route.abort();
        },
      },
      contextOptions: {},
    },
    { name: 'with scripts turned off', routes: {}, contextOptions: { javaScriptEnabled: false } },
  ]) {
    it(`the first view is whole and its select works ${name}`, async () => {
      const record = await openPageRouted(env.browser, `${env.server.url}/`, routes, { width: 412, height: 823, ...contextOptions });
      const { page, context } = record;
      try {
        const select = page.locator('#prerender select');
        assert.deepEqual(await shownValues(page, '#prerender'), typesetValues.area_m2);
        await select.selectOption('investment_rub');
        assert.deepEqual(await shownValues(page, '#prerender'), typesetValues.investment_rub);
        const alt = await shownChartLabel(page, '#prerender');
        const investment = dataset().metrics.find((m) => m.id === 'investment_rub');
        assert.ok(alt.startsWith(`${investment.label.ru}:`), alt);
        await select.selectOption('akit_rank');
        const sources = await page.$$eval('#prerender .source-link', (as) => as.filter((a) => a.checkVisibility()).length);
        assert.ok(sources > 0, 'the rank has its sources');
        assert.equal(await page.locator('#app').count(), 0, 'no app');
        // The table switch works too (a label for a checkbox).
        await page.locator('#prerender .table-switch >> visible=true').click();
        const rows = await page.$$eval('#prerender .values-table tbody tr', (trs) => trs.filter((tr) => tr.checkVisibility()).length);
        assert.ok(rows >= 4, `the rank's places as a table: ${rows} rows`);
        await page.locator('#prerender .table-switch >> visible=true').click();
        assert.equal(await shownChartLabel(page, '#prerender') !== undefined, true, 'and back to the chart');
        if (contextOptions.javaScriptEnabled === false) {
          // Controls that only the app would bring to life are not shown, nor its loading note;
          // the table switch and the download links are.
          for (const inert of ['.header-actions', '.chart-toolbar button', '.prerender-status']) {
            assert.equal(await page.locator(`#prerender ${inert}`).first().isVisible(), false, `${inert} hidden`);
          }
          const live = await page.$$eval('#prerender .chart-toolbar :is(label, a)', (els) => els.filter((e) => e.checkVisibility()).map((e) => e.textContent));
          assert.deepEqual(live, [`${locale('ru').show_table}${locale('ru').show_chart}`, 'CSV', locale('ru').download_csv_excel, 'JSON', 'SVG']);
          await screenshot(page, 'prerender-412-no-script-rank');
        }
        assertClean(record, { allowConsole: [/ERR_FAILED|Failed to load/] });
      } finally {
        await context.close();
      }
    });
  }

  it('at 320 px no table widens the page: the first view with no script, the table pages, the app\'s table', async () => {
    const pages = [
      { path: '/', options: { javaScriptEnabled: false }, table: true },
      { path: '/table.html', options: {} },
      { path: '/table-en.html', options: {} },
      { path: '/?view=table&metric=akit_rank', options: {}, ready: true },
    ];
    for (const { path, options, table, ready } of pages) {
      const record = await openPageRouted(env.browser, `${env.server.url}${path}`, {}, { width: 320, height: 640, ...options });
      const { page, context } = record;
      try {
        if (ready) await waitForState(page, 'ready');
        if (table) await page.locator('#prerender .table-switch >> visible=true').click();
        const scrollers = await page.$$eval('.table-scroll', (els) => els.filter((el) => el.checkVisibility()).length);
        assert.ok(scrollers > 0, `${path}: a table is shown`);
        const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        assert.equal(scrollWidth, innerWidth, `${path}: the page is as wide as the screen`);
        assertClean(record, { allowConsole: [] });
      } finally {
        await context.close();
      }
    }
  });

  it('the first view stays for the query it was drawn for; a link to another view, or a kept visually-impaired mode, does not flash it', async () => {
    for (const { query, storage, kept } of [
      // Its own query, the page's language named or not.
      { query: '?lang=ru', kept: true },
      { query: 'embed.html?lang=ru&embed=1', kept: true },
      { query: 'embed.html?embed=1&lang=ru', kept: true },
      { query: '?lang=en' },
      { query: '?metric=akit_rank' },
      { query: '', storage: 'on=1;size=150;scheme=bw;images=on' },
      // The explorer's page framed as an embed (an older snippet), and the embed page
      // in another theme or opened without ?embed=1.
      { query: '?embed=1' },
      { query: 'embed.html?embed=1&theme=dark' },
      { query: 'embed.html' },
    ]) {
      const wasm = gate();
      const record = await openPageRouted(env.browser, 'about:blank', {});
      const { page, context } = record;
      try {
        await page.route('**/*.wasm', wasm.handler);
        if (storage) {
          await page.addInitScript((value) => localStorage.setItem('technoparks.vi', value), storage);
        }
        await page.goto(`${env.server.url}/${query}`, { waitUntil: 'domcontentloaded' });
        // boot.js, a module, has run by DOMContentLoaded: it removes a first view that is not
        // the one asked for before it asks for the WASM (held back here).
        assert.equal(await page.locator('#prerender').count(), kept ? 1 : 0, `/${query} ${storage ?? ''}: kept ${Boolean(kept)}`);
        wasm.release();
        await waitForState(page, 'ready');
        assertClean(record);
      } finally {
        wasm.release();
        await context.close();
      }
    }
  });

  it('while the data is slow, the prerender stays and says the explorer is loading', async () => {
    const data = gate();
    const record = await openPageRouted(env.browser, `${env.server.url}/`, { [`**${DATA_PATH}`]: data.handler });
    const { page, context } = record;
    try {
      // The app is up (mounted unseen) but has no data yet.
      await page.waitForSelector('#app main[data-state="loading"]', { state: 'attached' });
      assert.equal(await page.locator('#prerender').isVisible(), true, 'the first view is still shown');
      assert.equal(await page.locator('#app').isVisible(), false, 'the app waits unseen');
      const status = page.locator('#prerender .prerender-status');
      assert.equal(await status.getAttribute('role'), 'status');
      assert.equal((await status.innerText()).trim(), locale('ru').loading);
      data.release();
      await waitForState(page, 'ready');
      assert.equal(await page.locator('#prerender').count(), 0);
      assertClean(record);
    } finally {
      data.release();
      await context.close();
    }
  });

  it('when the data then fails, the error replaces the prerender', async () => {
    let release;
    const released = new Promise((resolve) => (release = resolve));
    const record = await openPageRouted(env.browser, `${env.server.url}/`, {
      [`**${DATA_PATH}`]: async (route) => {
        await released;
        await route.fulfill({ status: 503, body: 'down' });
      },
    });
    const { page, context } = record;
    try {
      // A keyboard reader is on the prerendered select when the error comes in.
      await page.locator('#prerender select').focus();
      release();
      await waitForState(page, 'error');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'the focus goes on from the main region');
      assert.equal(await page.locator('#prerender').count(), 0, 'no stale chart beside the error');
      assert.equal(await page.locator('#load-error').isVisible(), true);
      assertClean(record, { allowConsole: [/503/] });
    } finally {
      release();
      await context.close();
    }
  });
});
