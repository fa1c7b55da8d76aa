// The first view drawn at build time (src/prerender.rs): shown before the WASM has arrived,
// its metric select, table switch and visually-impaired mode working with nothing but the page
// and its stylesheet, the same as what the app then draws (same boxes, no layout shift),
// replaced in one go (keeping the reader's metric, view, mode and focus). Without the app, and
// for other views: prerender-fallback.spec.mjs. Its download links: the downloads tests.

import { expect, test } from './fixtures.mjs';
import { dataset, locale } from './data.mjs';
import {
  appTakesOver,
  boxes,
  expectAxeClean,
  expectNoShift,
  expectSameBoxes,
  layOutLazyParts,
  openHeld,
  shownChartLabel,
  shownValues,
  typesetValues,
} from './prerender-reads.mjs';
import { screenshot, showTable } from './ui.mjs';

const ru = locale('ru');
const activeId = (page) => page.evaluate(() => document.activeElement?.id);

/** The header's and the toolbar's buttons shown in `root`: state, opacity and pointer. */
const buttonLooks = (page, root) =>
  page.$$eval(`${root} :is(.header-actions, .chart-toolbar) button`, (els) =>
    els.filter((el) => el.checkVisibility()).map((el) => {
      const style = getComputedStyle(el);
      return `${el.textContent.trim()}: ${el.disabled ? 'disabled' : 'enabled'}, opacity ${style.opacity}, ${style.cursor}`;
    }),
  );

/** How many keyboard hints are shown under the charts in `root`. */
const hintsShown = (page, root) =>
  page.$$eval(`${root} .chart-figure .chart-hint`, (els) => els.filter((el) => el.checkVisibility({ visibilityProperty: true })).length);

const layouts = [
  ...[360, 412, 768, 1280, 1440].map((width) => ({ width, path: '/' })),
  // embed.html: the embed's first view, for the frames of embed snippets.
  ...[320, 412, 800].map((width) => ({ width, path: '/embed.html?embed=1' })),
];
for (const { width, path } of layouts) {
  test.describe(() => {
    // Each width falls in another range the build draws the chart for.
    test.use({ viewport: { width, height: 823 } });
    const embed = path.includes('embed=1');

    test(`${path} at ${width} px: shown before the WASM, replaced by the same layout with no shift`, async ({ page, wasmGate }) => {
      await openHeld(page, wasmGate, path);
      // Before the WASM: the chart and the figures are there, in Russian, from the data.
      await expect(page.locator('#prerender .chart').first()).toHaveAttribute('role', 'img');
      const label = await shownChartLabel(page, '#prerender');
      for (const park of dataset().parks) expect(label, `the text alternative names ${park.name.ru}`).toContain(park.name.ru);
      expect(await shownValues(page, '#prerender'), 'the default metric, typeset').toEqual(typesetValues.area_m2);
      await expect(page.locator('#prerender h2').first()).toHaveText(ru.compare_title);
      const drawings = await page.$$eval('#prerender .chart-figure .chart svg', (svgs) => svgs.filter((svg) => svg.getBoundingClientRect().width > 0).length);
      expect(drawings, 'exactly one drawing is shown at this width').toBe(1);
      await expect(page.locator('#pre-metric-select'), 'the metric select works before the app').toBeEnabled();
      await expect(page.locator('#prerender .chart-toolbar button').first(), 'the other controls wait for the app').toBeDisabled();
      // The menus open before the app (native disclosures); their items wait for it, and the
      // buttons that wait look it (dimmed, a busy pointer).
      for (const summary of await page.locator('#prerender .menu > summary').all()) {
        if (await summary.isVisible()) await summary.click();
      }
      const waiting = await buttonLooks(page, '#prerender');
      expect(waiting.length, `the header's and the toolbar's waiting buttons: ${waiting}`).toBeGreaterThanOrEqual(embed ? 2 : 4);
      for (const look of waiting) expect(look).toMatch(/: disabled, opacity 0\.6, progress$/);
      await expect(page.locator('#app'), 'the app has not started').toHaveCount(0);
      await expect(page.locator('#prerender.embed'), "drawn in its page's layout").toHaveCount(embed ? 1 : 0);
      for (const summary of await page.locator('#prerender details.menu > summary').all()) {
        if (await summary.evaluate((el) => el.parentElement.open)) await summary.click();
      }
      // Below the first screen, the first view lays out its parts as they near the viewport,
      // each at an estimated height until then; the app lays out the whole page unseen. Once
      // laid out, every box is the app's.
      // (Not in an embed, whose height its host follows.)
      const lazy = await layOutLazyParts(page, '#prerender');
      expect(lazy > 0, `parts laid out near the viewport: ${lazy}`).toBe(!embed);
      const before = await boxes(page, '#prerender');
      // The keyboard hint keeps its place but is not shown until the chart has keys (the app's).
      expect(await hintsShown(page, '#prerender'), 'no keyboard hint before the app').toBe(0);
      if (width === 412 || width === 1280) await expectAxeClean(page, 'the prerendered view');
      if (width === 412) await screenshot(page, embed ? 'prerender-embed-412-before-wasm' : 'prerender-412-before-wasm');

      await appTakesOver(page, wasmGate);
      await expect(page.locator('h1'), 'one h1 in the page').toHaveCount(1);
      await expect(page.locator('#app.embed'), 'the app in the same layout').toHaveCount(embed ? 1 : 0);
      const after = await boxes(page, '#app');
      const keys = ['h1', 'actions', 'select', 'headline', 'toolbar', 'cards', 'chartWrap', 'timelineTitle', 'filters', 'firstEvent', 'lifecycle', 'sources'];
      expectSameBoxes(before, after, keys);
      expect(Math.abs(before.chartHeight - after.chartHeight), 'the chart keeps its height').toBeLessThanOrEqual(0.5);
      expect(before.chartWidth, 'the static chart is never wider than the app’s').toBeLessThanOrEqual(after.chartWidth + 0.5);
      // The app's chart has keys, and says so while it has the focus.
      expect(await hintsShown(page, '#app'), 'no keyboard hint until the chart has the focus').toBe(0);
      await page.locator('#compare-chart rect.hit[tabindex="0"]').focus();
      expect(await hintsShown(page, '#app'), 'the keyboard hint, with the chart focused').toBe(1);
      await page.locator('#metric-select').focus();
      for (const look of await buttonLooks(page, '#app')) expect(look).toMatch(/: enabled, opacity 1, pointer$/);
      await expectNoShift(page);
    });
  });
}

test.describe('before the WASM, at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 823 } });

  test('a reader who scrolled the timeline beside the comparison keeps their place when the app takes over', async ({ page, wasmGate }) => {
    await openHeld(page, wasmGate);
    // The timeline scrolls in a box of its own here. What is under the middle of that box.
    const place = await page.evaluate(async () => {
      const box = document.getElementById('pre-timeline');
      box.scrollTop = 3000;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const rect = box.getBoundingClientRect();
      const named = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2).closest('[id^="pre-"]');
      return { id: named?.id, top: named?.getBoundingClientRect().top, scrolled: box.scrollTop };
    });
    expect(place.scrolled, 'the box scrolled').toBeGreaterThan(2000);
    expect(place.id, 'an event or a year of the timeline').toMatch(/^pre-(event|year)-/);
    await appTakesOver(page, wasmGate);
    const top = await page.evaluate((id) => document.getElementById(id)?.getBoundingClientRect().top, place.id.replace(/^pre-/, ''));
    expect(Math.abs(top - place.top), `${place.id} at ${place.top} px, then ${top}`).toBeLessThanOrEqual(1);
  });
});

test.describe('before the WASM, at 412 px', () => {
  test.use({ viewport: { width: 412, height: 823 } });

  test('a reader who jumped far down the first view keeps their place when the app takes over', async ({ page, wasmGate }) => {
    await openHeld(page, wasmGate);
    // A scrollbar's drag: straight to 60 % of the page, past parts of the timeline never laid
    // out (each at its estimated height). Once the parts near it are laid out and nothing moves
    // for five frames: what is under the middle of the screen, and where.
    const place = await page.evaluate(async () => {
      const scroller = document.scrollingElement;
      scroller.scrollTop = 0.6 * (scroller.scrollHeight - scroller.clientHeight);
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const look = () => {
        const named = document.elementFromPoint(innerWidth / 2, innerHeight / 2).closest('[id^="pre-"]');
        return { id: named?.id, top: named?.getBoundingClientRect().top, height: scroller.scrollHeight };
      };
      let [seen, still] = [look(), 0];
      for (let frames = 0; frames < 120 && still < 5; frames++) {
        await frame();
        const now = look();
        still = now.id === seen.id && now.top === seen.top ? still + 1 : 0;
        seen = now;
      }
      return seen;
    });
    expect(place.id, 'an event or a year of the timeline').toMatch(/^pre-(event|year)-/);
    await screenshot(page, 'prerender-412-place-before-takeover', { fullPage: false });
    await appTakesOver(page, wasmGate);
    const after = await page.evaluate((id) => ({
      top: document.getElementById(id)?.getBoundingClientRect().top,
      height: document.scrollingElement.scrollHeight,
    }), place.id.replace(/^pre-/, ''));
    // The app, laid out whole, is taller: the same scroll offset would show another part of it.
    expect(after.height - place.height, 'the app is laid out taller than the first view was').toBeGreaterThan(1000);
    expect(Math.abs(after.top - place.top), `${place.id} at ${place.top} px, then ${after.top}`).toBeLessThanOrEqual(1);
    await screenshot(page, 'prerender-412-place-kept-after-takeover', { fullPage: false });
  });

  test('the select switches the metric; the app takes over with that metric and the focus', async ({ page, wasmGate }) => {
    await openHeld(page, wasmGate);
    const select = page.locator('#pre-metric-select');
    // Every metric of the catalogue: its own chart (one drawing shown) and text alternative.
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
    expect(options.length, 'the stated metrics and the three derived').toBe(dataset().metrics.length + 3);
    for (const [value, label] of options) {
      await select.selectOption(value);
      expect((await shownChartLabel(page, '#prerender'))?.startsWith(label), `${value}: the chart shown says its metric`).toBe(true);
      const drawings = await page.$$eval('#prerender .chart-figure .chart svg', (svgs) => svgs.filter((svg) => svg.checkVisibility()).length);
      expect(drawings, `${value}: one drawing shown`).toBe(1);
    }
    // From the keyboard: back to the first metric, then one down.
    await select.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await expect(select, 'arrow keys choose the next metric').toHaveValue('investment_rub');
    expect(await shownValues(page, '#prerender')).toEqual(typesetValues.investment_rub);
    const before = await boxes(page, '#prerender');
    await screenshot(page, 'prerender-412-investment-before-wasm');

    await appTakesOver(page, wasmGate);
    await expect(page.locator('#metric-select'), 'the app shows the metric chosen').toHaveValue('investment_rub');
    expect(await shownValues(page, '#app')).toEqual(typesetValues.investment_rub);
    await expect.poll(() => new URL(page.url()).searchParams.get('metric'), { message: 'and its link says so' }).toBe('investment_rub');
    expect(await activeId(page), 'the focus stays on the select').toBe('metric-select');
    expectSameBoxes(before, await boxes(page, '#app'), ['select', 'headline', 'toolbar', 'cards', 'chartWrap']);
    await expectNoShift(page);
    // The app's select now drives the app: back to the default, the link is clean again.
    await page.locator('#metric-select').selectOption('area_m2');
    await expect(page).not.toHaveURL(/metric=/);
    expect(await shownValues(page, '#app')).toEqual(typesetValues.area_m2);
  });

  test('the table switch shows the values as a table; the app takes over in the table view', async ({ page, wasmGate }) => {
    await openHeld(page, wasmGate);
    const select = page.locator('#pre-metric-select');
    // The chosen tab: its label, the one marked.
    const shownSwitch = () =>
      page.$$eval('#prerender .tab', (ls) =>
        ls.filter((l) => l.checkVisibility() && document.getElementById(l.htmlFor)?.checked).map((l) => l.innerText.trim())[0]);
    const shownRows = () =>
      page.$$eval('#prerender .chart-figure .values-table tbody tr', (trs) =>
        trs.filter((tr) => tr.checkVisibility()).map((tr) => [...tr.cells].slice(0, 2).map((c) => c.textContent)));
    const ring = () =>
      page.$$eval('#prerender .tab', (ls) => {
        const focused = ls.find((l) => l.checkVisibility() && l.htmlFor === document.activeElement.id);
        return focused && getComputedStyle(focused).outlineStyle;
      });
    expect(await shownSwitch(), 'the chart tab is chosen').toBe(ru.show_chart);
    expect(await shownRows(), 'no table at first').toEqual([]);
    // From the keyboard: the tabs are the next stop after the select (radios: one stop), and
    // an arrow chooses the table.
    await select.focus();
    await page.keyboard.press('Tab');
    expect(await activeId(page)).toBe('pre-view-chart');
    expect(await ring(), 'its tab shows the focus').toBe('solid');
    await page.keyboard.press('ArrowRight');
    expect(await activeId(page)).toBe('pre-view-table');
    expect(await ring(), 'the table tab has the focus now').toBe('solid');
    expect(await shownSwitch(), 'the table tab is chosen').toBe(ru.show_table);
    expect(await shownRows()).toEqual([
      ['Morion Digital', typesetValues.area_m2[0]],
      ['Технопарк Пермь', typesetValues.area_m2[1]],
    ]);
    expect(await shownChartLabel(page, '#prerender'), 'the chart is hidden').toBeUndefined();
    await expect(page.locator('#prerender .chart-hint').first()).toBeHidden();
    // Another metric stays a table, as in the app.
    await select.selectOption('investment_rub');
    expect((await shownRows()).map((r) => r[1])).toEqual(typesetValues.investment_rub);
    const caption = await page.$$eval('#prerender caption', (cs) => cs.find((c) => c.checkVisibility())?.textContent);
    expect(caption).toBe(dataset().metrics.find((m) => m.id === 'investment_rub').label.ru);
    await expectAxeClean(page, 'the table');
    await page.locator('#pre-view-table').focus();
    const before = await boxes(page, '#prerender');
    const tableBox = (selector) => page.$$eval(selector, (ts) => {
      const r = ts.find((t) => t.checkVisibility()).getBoundingClientRect();
      return [r.x, r.y, r.width, r.height];
    });
    const tableBefore = await tableBox('#prerender .table-scroll');
    await screenshot(page, 'prerender-412-table-before-wasm');

    await appTakesOver(page, wasmGate);
    await expect.poll(() => new URL(page.url()).searchParams.get('view'), { message: 'the link says table' }).toBe('table');
    expect(new URL(page.url()).searchParams.get('metric')).toBe('investment_rub');
    expect(await activeId(page), "the focus is on the app's table tab").toBe('view-table');
    await expect(page.locator('#view-table'), "the app's table tab is chosen").toBeChecked();
    expect(await page.$$eval('#values-table tbody tr', (trs) => trs.map((tr) => tr.cells[1].textContent))).toEqual(typesetValues.investment_rub);
    expectSameBoxes({ ...before, table: tableBefore }, { ...(await boxes(page, '#app')), table: await tableBox('#compare-chart .table-scroll') }, ['select', 'toolbar', 'cards', 'table']);
    await expectNoShift(page);
    // The app's tabs drive on: an arrow chooses the chart again.
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('#values-table')).toHaveCount(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBeNull();
  });

  test('the visually-impaired mode works before the app, from the keyboard, and the app starts in it', async ({ page, wasmGate }) => {
    await openHeld(page, wasmGate);
    const look = () =>
      page.evaluate(() => {
        const root = document.getElementById('prerender') ?? document.getElementById('app');
        const style = getComputedStyle(root);
        return { fontSize: getComputedStyle(document.documentElement).fontSize, background: style.backgroundColor, ink: style.color };
      });
    const shown = (selector) => page.$$eval(selector, (els) => els.filter((el) => el.checkVisibility()).length);
    expect(await look()).toEqual({ fontSize: '16px', background: 'rgb(244, 246, 248)', ink: 'rgb(27, 31, 36)' });
    expect(await shown('#prerender .vi-panel'), 'no settings bar at first').toBe(0);
    // The switch is the header's last stop (the Share menu first; the language waits for the
    // app), and Space turns it on.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await activeId(page)).toBe('pre-vi');
    await page.keyboard.press('Space');
    expect(await look(), '150 %, black on white').toEqual({ fontSize: '24px', background: 'rgb(255, 255, 255)', ink: 'rgb(0, 0, 0)' });
    expect(await shown('#prerender .vi-panel'), 'the settings bar').toBe(1);
    expect(await page.$eval('#prerender .vi-button', (l) => l.innerText.trim()), 'the switch says what it turns to').toBe(ru.vi_off);
    // Charts as their tables: the drawings are at the normal size.
    expect(await shown('#prerender .static-chart'), 'no drawing').toBe(0);
    const rows = await page.$$eval('#prerender .chart-figure .values-table tbody tr', (trs) =>
      trs.filter((tr) => tr.checkVisibility()).map((tr) => tr.cells[1].textContent));
    expect(rows).toEqual(typesetValues.area_m2);
    // Sizes and schemes: radio groups, arrow keys choose.
    await page.keyboard.press('Tab');
    expect(await activeId(page)).toBe('pre-vi-size-150');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    expect(await activeId(page)).toBe('pre-vi-scheme-bw');
    await page.keyboard.press('ArrowRight');
    expect(await activeId(page)).toBe('pre-vi-scheme-wb');
    expect(await look(), '200 %, white on black').toEqual({ fontSize: '32px', background: 'rgb(0, 0, 0)', ink: 'rgb(255, 255, 255)' });
    // The loading note (fixed at the bottom) never covers the control with the focus.
    const [focused, note] = await page.evaluate(() =>
      [document.activeElement, document.querySelector('#prerender .prerender-status')].map((el) => el.getBoundingClientRect().toJSON()));
    expect(focused.bottom <= note.top || focused.top >= note.bottom, `the note ${JSON.stringify(note)} covers the focus ${JSON.stringify(focused)}`).toBe(true);
    expect(note.height, 'the note on one line').toBeLessThan(100);
    // However the focus moves, the browser keeps it above the note's strip.
    const [padding, strip] = await page.evaluate(() => [
      parseFloat(getComputedStyle(document.documentElement).scrollPaddingBottom),
      innerHeight - document.querySelector('#prerender .prerender-status').getBoundingClientRect().top,
    ]);
    expect(padding, "scroll-padding-bottom covers the note's strip").toBeGreaterThanOrEqual(strip);
    const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scrollWidth, 'nothing wider than the screen at 200 %').toBe(innerWidth);
    await expectAxeClean(page, 'the mode');
    await screenshot(page, 'prerender-412-vi-before-wasm');

    await appTakesOver(page, wasmGate);
    expect(await look(), 'the app in the same mode').toEqual({ fontSize: '32px', background: 'rgb(0, 0, 0)', ink: 'rgb(255, 255, 255)' });
    await expect(page.locator('#app')).toHaveClass(/\ba11y vi-size-200 vi-scheme-wb\b/);
    await expect(page.locator('#vi')).toBeChecked();
    await expect(page.locator('label[for="vi"]')).toHaveText(/^\s*(Обычная версия|Standard version)\s*$/, { useInnerText: true });
    await expect.poll(() => new URL(page.url()).searchParams.get('a11y'), { message: 'the link says so' }).toBe('1');
    expect(await page.evaluate(() => localStorage.getItem('technoparks.vi')), 'kept for the next visit').toMatch(/on=1;size=200;scheme=wb/);
    expect(await page.evaluate(() => [document.activeElement?.name, document.activeElement?.value]), "the focus is on the app's radio").toEqual(['vi-scheme', 'wb']);
    // The skip link stays above the page until focused, however its text wraps.
    expect(await page.$eval('.skip-link', (a) => a.getBoundingClientRect().bottom), 'the skip link does not peek in').toBeLessThanOrEqual(0);
    // The app's settings drive on: back to 150 %.
    await page.locator('input[name="vi-size"][value="150"]').check();
    expect((await look()).fontSize).toBe('24px');
  });
});
