// The first view drawn at build time (src/prerender.rs): shown before the WASM has arrived,
// its metric select and table switch working with nothing but the page and its stylesheet,
// the same as what the app then draws (same boxes, no layout shift), replaced in one go
// (keeping the reader's metric, view and focus), gone for links to other views, kept with the
// summary when the WASM cannot start. Its download links: downloads.test.mjs.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshot, showTable } from './helpers.mjs';
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
  // What moved, for the failure message: each shift's time, value and the elements it moved.
  window.__shiftLog = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__shifts += entry.value;
      const moved = (entry.sources ?? []).map((source) => {
        const node = source.node;
        const name = node ? `${node.nodeName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.className?.baseVal ?? (typeof node.className === 'string' && node.className ? `.${node.className.split(' ').join('.')}` : '')}` : '?';
        const [from, to] = [source.previousRect, source.currentRect];
        return `${name} ${Math.round(from.y)}→${Math.round(to.y)} h${Math.round(from.height)}→${Math.round(to.height)}`;
      });
      window.__shiftLog.push(`${Math.round(entry.startTime)} ms ${entry.value.toFixed(4)}: ${moved.join(', ')}`);
    }
  }).observe({ type: 'layout-shift', buffered: true });
};

/** The texts of the value figures shown (not those of the metrics not chosen) inside `root`. */
const shownValues = (page, root) =>
  page.$$eval(`${root} .value`, (els) => els.filter((el) => el.checkVisibility()).map((el) => el.textContent));

/** The `aria-label` of the chart shown inside `root`. */
const shownChartLabel = (page, root) =>
  page.$$eval(`${root} .chart-figure .chart[role="img"]`, (els) => els.find((el) => el.checkVisibility())?.getAttribute('aria-label'));

/** A metric's values as the cards show them in Russian, for the parks that have one. */
const typesetValues = {
  area_m2: ['86\u00a0000\u00a0м²', '16\u00a0949\u00a0м²'],
  investment_rub: ['726,2\u00a0млн\u00a0₽', '97\u00a0млн\u00a0₽'],
};

/** Boxes of what both the prerender and the app draw, inside `root`, rounded to 0.1 px. */
const boxes = (page, root) =>
  page.evaluate((root) => {
    const scope = document.querySelector(root);
    const shown = [...scope.querySelectorAll('.chart-figure .chart svg')].find((svg) => svg.getBoundingClientRect().width > 0);
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
      headline: box('.headline'),
      cards: box('.value-cards'),
      // The timeline, drawn by the same component in both (its filters waiting in the first).
      timelineTitle: box('.timeline-panel h2'),
      filters: box('.timeline-panel .filters-fold'),
      firstEvent: box('.timeline-panel li.event'),
      // Below them: the lifecycle chart's section (drawn per range of widths before the app)
      // and the sources, which must not move when the app takes over.
      lifecycle: box('.lifecycle'),
      sources: box('.sources h2'),
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
    const select = record.page.locator('#pre-metric-select');
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
        assert.equal(await page.locator('#prerender h2').first().innerText(), ru.compare_title);
        const shownDrawings = await page.$$eval('#prerender .chart-figure .chart svg', (svgs) =>
          svgs.filter((svg) => svg.getBoundingClientRect().width > 0).length,
        );
        assert.equal(shownDrawings, 1, 'exactly one drawing is shown at this width');
        assert.equal(await page.locator('#pre-metric-select').isEnabled(), true, 'the metric select works before the app');
        assert.equal(await page.locator('#prerender .chart-toolbar button').first().isDisabled(), true, 'the other controls wait for the app');
        // The buttons that wait for the app look it (dimmed, a busy pointer); the app's do not.
        const buttonLooks = (root) =>
          page.$$eval(`${root} :is(.header-actions, .chart-toolbar) button`, (els) =>
            els.filter((el) => el.checkVisibility()).map((el) => {
              const style = getComputedStyle(el);
              return `${el.textContent.trim()}: ${el.disabled ? 'disabled' : 'enabled'}, opacity ${style.opacity}, ${style.cursor}`;
            }),
          );
        // The menus open before the app (native disclosures); their items wait for it.
        for (const summary of await page.locator('#prerender .menu > summary').all()) {
          if (await summary.isVisible()) await summary.click();
        }
        const waiting = await buttonLooks('#prerender');
        assert.ok(waiting.length >= (path.includes('embed=1') ? 2 : 4), `the header's and the toolbar's waiting buttons: ${waiting}`);
        for (const look of waiting) assert.match(look, /: disabled, opacity 0\.6, progress$/);
        assert.equal(await page.locator('#app').count(), 0, 'the app has not started');
        const embed = path.includes('embed=1');
        assert.equal(await page.locator('#prerender.embed').count(), embed ? 1 : 0, 'drawn in its page\'s layout');
        for (const summary of await page.locator('#prerender details.menu > summary').all()) {
          if (await summary.evaluate((el) => el.parentElement.open)) await summary.click();
        }
        const before = await boxes(page, '#prerender');
        // The keyboard hint keeps its place but is not shown until the chart has keys (the app's).
        const hintsShown = (root) =>
          page.$$eval(`${root} .chart-figure .chart-hint`, (els) => els.filter((el) => el.checkVisibility({ visibilityProperty: true })).length);
        assert.equal(await hintsShown('#prerender'), 0, 'no keyboard hint before the app');
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

        for (const key of ['h1', 'actions', 'select', 'headline', 'toolbar', 'cards', 'chartWrap', 'timelineTitle', 'filters', 'firstEvent', 'lifecycle', 'sources']) {
          const [a, b] = [before[key], afterBoxes[key]];
          assert.ok(a && b, `${key} is in both`);
          for (let i = 0; i < 4; i += 1) {
            assert.ok(Math.abs(a[i] - b[i]) <= 0.5, `${key} moved or resized: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
          }
        }
        assert.ok(Math.abs(before.chartHeight - afterBoxes.chartHeight) <= 0.5, 'the chart keeps its height');
        assert.ok(before.chartWidth <= afterBoxes.chartWidth + 0.5, 'the static chart is never wider than the app’s');
        // The app's chart has keys, and says so while it has the focus.
        assert.equal(await hintsShown('#app'), 0, 'no keyboard hint until the chart has the focus');
        await page.locator('#compare-chart rect.hit[tabindex="0"]').focus();
        assert.equal(await hintsShown('#app'), 1, 'the keyboard hint, with the chart focused');
        await page.locator('#metric-select').focus();
        for (const look of await buttonLooks('#app')) assert.match(look, /: enabled, opacity 1, pointer$/);
        const shifts = await page.evaluate(() => window.__shifts);
        assert.ok(shifts < 0.001, `layout shift ${shifts}: ${await page.evaluate(() => window.__shiftLog.join('; '))}`);
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
        const drawings = await page.$$eval('#prerender .chart-figure .chart svg', (svgs) => svgs.filter((svg) => svg.checkVisibility()).length);
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
      for (const key of ['select', 'headline', 'toolbar', 'cards', 'chartWrap']) {
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
      // The chosen tab: its label, the one marked.
      const shownSwitch = () =>
        page.$$eval('#prerender .tab', (ls) =>
          ls.filter((l) => l.checkVisibility() && document.getElementById(l.htmlFor)?.checked).map((l) => l.innerText.trim())[0]);
      const shownRows = () =>
        page.$$eval('#prerender .chart-figure .values-table tbody tr', (trs) =>
          trs.filter((tr) => tr.checkVisibility()).map((tr) => [...tr.cells].slice(0, 2).map((c) => c.textContent)),
        );
      assert.equal(await shownSwitch(), ru.show_chart, 'the chart tab is chosen');
      assert.deepEqual(await shownRows(), [], 'no table at first');
      // From the keyboard: the tabs are the next stop after the select (radios: one stop), and
      // an arrow chooses the table.
      await select.focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'pre-view-chart');
      const ring = () =>
        page.$$eval('#prerender .tab', (ls) => {
          const focused = ls.find((l) => l.checkVisibility() && l.htmlFor === document.activeElement.id);
          return focused && getComputedStyle(focused).outlineStyle;
        });
      assert.equal(await ring(), 'solid', 'its tab shows the focus');
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'pre-view-table');
      assert.equal(await ring(), 'solid', 'the table tab has the focus now');
      assert.equal(await shownSwitch(), ru.show_table, 'the table tab is chosen');
      assert.deepEqual(await shownRows(), [
        ['Morion Digital', typesetValues.area_m2[0]],
        ['Технопарк Пермь', typesetValues.area_m2[1]],
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
      await page.locator('#pre-view-table').focus();
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
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'view-table', 'the focus is on the app\'s table tab');
      assert.equal(await page.isChecked('#view-table'), true, 'the app\'s table tab is chosen');
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
      // The app's tabs drive on: an arrow chooses the chart again.
      await page.keyboard.press('ArrowLeft');
      await page.waitForSelector('#values-table', { state: 'detached' });
      assert.equal(new URL(page.url()).searchParams.get('view'), null);
      assertClean(record);
    } finally {
      wasm.release();
      await context.close();
    }
  });

  it('the visually-impaired mode works before the app, from the keyboard, and the app starts in it', async () => {
    const record = await openHeldBack();
    const { page, context, wasm } = record;
    try {
      const ru = locale('ru');
      const look = () =>
        page.evaluate(() => {
          const root = document.getElementById('prerender') ?? document.getElementById('app');
          const style = getComputedStyle(root);
          return { fontSize: getComputedStyle(document.documentElement).fontSize, background: style.backgroundColor, ink: style.color };
        });
      const shown = (selector) => page.$$eval(selector, (els) => els.filter((el) => el.checkVisibility()).length);
      assert.deepEqual(await look(), { fontSize: '16px', background: 'rgb(244, 246, 248)', ink: 'rgb(27, 31, 36)' });
      assert.equal(await shown('#prerender .vi-panel'), 0, 'no settings bar at first');
      // The switch is the header's last stop (the Share menu first; the language waits for the
      // app), and Space turns it on.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'pre-vi');
      await page.keyboard.press('Space');
      assert.deepEqual(await look(), { fontSize: '24px', background: 'rgb(255, 255, 255)', ink: 'rgb(0, 0, 0)' }, '150 %, black on white');
      assert.equal(await shown('#prerender .vi-panel'), 1, 'the settings bar');
      assert.equal(await page.$eval('#prerender .vi-button', (l) => l.innerText.trim()), ru.vi_off, 'the switch says what it turns to');
      // Charts as their tables: the drawings are at the normal size.
      assert.equal(await shown('#prerender .static-chart'), 0, 'no drawing');
      const rows = await page.$$eval('#prerender .chart-figure .values-table tbody tr', (trs) => trs.filter((tr) => tr.checkVisibility()).map((tr) => tr.cells[1].textContent));
      assert.deepEqual(rows, typesetValues.area_m2);
      // Sizes and schemes: radio groups, arrow keys choose.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'pre-vi-size-150');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'pre-vi-scheme-bw');
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'pre-vi-scheme-wb');
      assert.deepEqual(await look(), { fontSize: '32px', background: 'rgb(0, 0, 0)', ink: 'rgb(255, 255, 255)' }, '200 %, white on black');
      // The loading note (fixed at the bottom) never covers the control with the focus.
      const [focused, note] = await page.evaluate(() =>
        [document.activeElement, document.querySelector('#prerender .prerender-status')].map((el) => el.getBoundingClientRect().toJSON()),
      );
      assert.ok(focused.bottom <= note.top || focused.top >= note.bottom, `the note ${JSON.stringify(note)} covers the focus ${JSON.stringify(focused)}`);
      assert.ok(note.height < 100, `the note on one line: ${note.height} px`);
      // However the focus moves, the browser keeps it above the note's strip.
      const [padding, strip] = await page.evaluate(() => [
        parseFloat(getComputedStyle(document.documentElement).scrollPaddingBottom),
        innerHeight - document.querySelector('#prerender .prerender-status').getBoundingClientRect().top,
      ]);
      assert.ok(padding >= strip, `scroll-padding-bottom ${padding} px, the note's strip ${strip} px`);
      const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.equal(scrollWidth, innerWidth, 'nothing wider than the screen at 200 %');
      const { violations } = await runAxe(page);
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], 'axe on the mode');
      await screenshot(page, 'prerender-412-vi-before-wasm');

      wasm.release();
      await waitForState(page, 'ready');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(await page.locator('#prerender').count(), 0, 'the prerender has given way');
      assert.deepEqual(await look(), { fontSize: '32px', background: 'rgb(0, 0, 0)', ink: 'rgb(255, 255, 255)' }, 'the app in the same mode');
      assert.match(await page.getAttribute('#app', 'class'), /\ba11y vi-size-200 vi-scheme-wb\b/);
      assert.equal(await page.isChecked('#vi'), true);
      assert.match((await page.locator('label[for="vi"]').innerText()).trim(), /^(Обычная версия|Standard version)$/);
      assert.equal(new URL(page.url()).searchParams.get('a11y'), '1', 'the link says so');
      assert.match(await page.evaluate(() => localStorage.getItem('technoparks.vi')), /on=1;size=200;scheme=wb/, 'kept for the next visit');
      assert.deepEqual(
        await page.evaluate(() => [document.activeElement?.name, document.activeElement?.value]),
        ['vi-scheme', 'wb'],
        'the focus is on the app\'s radio',
      );
      // The skip link stays above the page until focused, however its text wraps.
      const skipBottom = await page.$eval('.skip-link', (a) => a.getBoundingClientRect().bottom);
      assert.ok(skipBottom <= 0, `skip link peeks in: bottom ${skipBottom}`);
      // The app's settings drive on: back to 150 %.
      await page.locator('input[name="vi-size"][value="150"]').check();
      assert.equal((await look()).fontSize, '24px');
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
        const select = page.locator('#pre-metric-select');
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
        // The chart/table tabs work too (labels for radios).
        await showTable(page, true, '#prerender');
        const rows = await page.$$eval('#prerender .chart-figure .values-table tbody tr', (trs) => trs.filter((tr) => tr.checkVisibility()).length);
        assert.ok(rows >= 4, `the rank's places as a table: ${rows} rows`);
        await showTable(page, false, '#prerender');
        assert.equal(await shownChartLabel(page, '#prerender') !== undefined, true, 'and back to the chart');
        if (contextOptions.javaScriptEnabled === false) {
          // Controls that only the app would bring to life are not shown, nor its loading note
          // and the timeline's place; the visually-impaired mode's switch, the tabs and the
          // download links are.
          for (const inert of ['.header-actions > button', '.chart-toolbar button', '.prerender-status', '.filters-fold']) {
            assert.equal(await page.locator(`#prerender ${inert}`).first().isVisible(), false, `${inert} hidden`);
          }
          // The whole story reads with no script: every event's title and every source.
          const plain = (text) => text.replace(/\u00a0/g, ' ').trim();
          const shownText = (selector) =>
            page.$$eval(selector, (els) => els.filter((e) => e.checkVisibility()).map((e) => e.textContent));
          const titles = (await shownText('#prerender li.event .event-title')).map(plain).sort();
          assert.deepEqual(titles, dataset().events.map((e) => plain(e.title.ru)).sort(), 'every event\'s title');
          const sourceIds = await page.$$eval('#prerender li.source', (lis) =>
            lis.filter((li) => li.checkVisibility()).map((li) => li.dataset.sourceId));
          assert.deepEqual(sourceIds.sort(), dataset().sources.map((s) => s.id).sort(), 'every source');
          // The visually-impaired mode's switch works with no script (a label for a checkbox).
          await page.locator('#prerender .vi-button').click();
          assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '24px', 'the mode\'s type size');
          await page.locator('#prerender .vi-button').click();
          // The tabs, and the Download menu's formats but PNG once it is opened (a native
          // disclosure: no script needed).
          const live = () =>
            page.$$eval('#prerender .chart-toolbar :is(label, a .menu-label)', (els) => els.filter((e) => e.checkVisibility()).map((e) => e.textContent));
          assert.deepEqual(await live(), [locale('ru').show_chart, locale('ru').show_table]);
          await page.locator('#prerender .download-menu > summary >> visible=true').click();
          assert.deepEqual(await live(), [locale('ru').show_chart, locale('ru').show_table, 'CSV', locale('ru').download_csv_excel, locale('ru').download_events_csv, locale('ru').download_events_csv_excel, 'JSON', 'SVG']);
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
        if (table) await showTable(page, true, '#prerender');
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

  it('the first view stays for the query it was drawn for, a kept visually-impaired mode set on it; a link to another view does not flash it', async () => {
    for (const { query, storage, kept } of [
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
        const mode = () =>
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
        const label = `/${query} ${storage ?? ''}`;
        if (kept && expected) assert.deepEqual(await mode(), expected, `${label}: the copy in the mode`);
        if (kept && !expected && storage) assert.equal((await mode()).on, false, 'a mode turned off stays off');
        wasm.release();
        await waitForState(page, 'ready');
        if (expected) assert.deepEqual(await mode(), expected, `${label}: the app in the mode`);
        if (storage && !hostVi) assert.equal(await page.evaluate(() => localStorage.getItem('technoparks.vi')), storage, 'the kept mode unchanged');
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
      await page.locator('#pre-metric-select').focus();
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
