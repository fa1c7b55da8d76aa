// Accessibility (ГОСТ Р 52872-2019 = WCAG 2.1 AA) in a real browser:
// 1. axe-core (WCAG 2.0/2.1 A and AA rules) over 2 languages × 5 display modes × 6 states;
// 2. the keyboard: tab order, visible focus, no trap, skip link, chart arrows, the dialog;
// 3. the chart's text alternatives, compared exactly;
// 4. reflow at 320 CSS px, at 200 % text and at every visually-impaired size;
// 5. the visually-impaired choice persists; 6. reduced motion turns transitions off.
//
// One browser for the file; a fresh context (so fresh localStorage) per case.

import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openPage, screenshot, startServer } from './helpers.mjs';
import { AXE_TAGS, DATA_PATH, NBSP, assertClean, clickInMenu, dataset, openMenuOf, runAxe, showTable, waitForState } from './support.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DESKTOP = { width: 1280, height: 900 };
const LANGS = ['ru', 'en'];

let server;
/** The same files, but a dataset that loads and fails validation: the error view with its list. */
let brokenServer;
let browser;

before(async () => {
  const broken = dataset();
  broken.observations[0].park = 'no-such-park';
  broken.events[0].sources = ['no-such-source'];
  server = await startServer();
  brokenServer = await startServer({ overrides: new Map([[DATA_PATH, { body: broken }]]) });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await brokenServer?.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers

/** Opens `query` on `base` in a fresh context and waits for `state` of main#main. */
async function open(base, query, { state = 'ready', viewport = DESKTOP } = {}) {
  const record = await openPage(browser, `${base}/${query}`, viewport);
  await waitForState(record.page, state);
  return record;
}

/** Runs `body(record)` on a fresh page and always closes its context. */
async function withPage(base, query, options, body) {
  const record = await open(base, query, options);
  try {
    await body(record);
  } finally {
    await record.context.close();
  }
}

/** Turns on the given visually-impaired colour scheme (the panel must be shown). */
async function chooseScheme(page, scheme) {
  await page.check(`#a11y-panel input[name=vi-scheme][value="${scheme}"]`);
  await page.waitForFunction((cls) => document.querySelector('#app')?.classList.contains(cls), `vi-scheme-${scheme}`);
}

/** Turns on the given visually-impaired text size (the panel must be shown). */
async function chooseSize(page, size) {
  await page.check(`#a11y-panel input[name=vi-size][value="${size}"]`);
  await page.waitForFunction((cls) => document.querySelector('#app')?.classList.contains(cls), `vi-size-${size}`);
}

/** A short, stable description of the focused element (id, else tag.classes[data-index]). */
function describeFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { key: 'body', tag: 'body' };
    const cls = typeof el.className === 'string' ? el.className : el.className?.baseVal ?? '';
    const index = el.getAttribute('data-index');
    const section = el.closest('section[id], header, footer')?.id || el.closest('header, footer')?.tagName.toLowerCase() || '';
    const within = el.parentElement?.closest('li[id]')?.id;
    const key = el.id
      ? `#${el.id}`
      : `${section ? `${section} ` : ''}${el.tagName.toLowerCase()}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}${index !== null ? `[${index}]` : ''}${within ? ` in #${within}` : ''}`;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const stroke = el.matches('rect.hit') && style.stroke !== 'none' && parseFloat(style.strokeWidth) > 0;
    const previous = window.__previousStop;
    window.__previousStop = el;
    return {
      key,
      section,
      focusVisible: outline || stroke,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      stroke: `${style.stroke} ${style.strokeWidth}`,
      followsPrevious:
        !previous || !!(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
      tag: el.tagName.toLowerCase(),
      inCompareChart: el.matches('#compare-chart rect.hit'),
      isLink: el.matches('a[href]'),
      isSkip: el.matches('a.skip-link'),
      inHeader: !!el.closest('header'),
    };
  });
}

/** Presses Tab until the focused element matches `selector` (at most `max` presses). */
async function tabTo(page, selector, max = 30) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  assert.fail(`${selector} not reached in ${max} Tab presses`);
}

// ---------------------------------------------------------------------------------------------
// 1. axe-core

const MODES = {
  light: { query: 'theme=light' },
  dark: { query: 'theme=dark' },
  'vi-bw': { query: 'a11y=1', scheme: 'bw' },
  'vi-wb': { query: 'a11y=1', scheme: 'wb' },
  'vi-blue': { query: 'a11y=1', scheme: 'blue' },
};

const rulesRun = new Set();
let combinations = 0;

/** axe over the whole document; returns one line per violation: rule, impact, 3 targets. */
async function axeViolations(page, label) {
  const result = await runAxe(page);
  for (const group of ['passes', 'violations', 'incomplete', 'inapplicable']) {
    for (const rule of result[group] ?? []) rulesRun.add(rule.id);
  }
  combinations += 1;
  return result.violations.map((v) => {
    const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' >>> ')).join(' | ');
    return `${label}: ${v.id} (${v.impact}, ${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}): ${targets} — ${v.help}`;
  });
}

/**
 * The six states of one language × mode, each checked with axe. The first four share one
 * loaded page and return it to its default between them; embed and the load error are pages
 * of their own.
 */
async function axeAllStates(lang, { query, scheme }) {
  const found = [];
  const q = `?lang=${lang}&${query}`;
  const check = async (page, state) => {
    const lines = await axeViolations(page, state);
    if (lines.length) await screenshot(page, `a11y-axe-${lang}-${query}-${scheme ?? ''}-${state}`);
    found.push(...lines);
  };

  await withPage(server.url, q, {}, async (record) => {
    const { page } = record;
    const theme = query.match(/theme=(\w+)/)?.[1];
    if (theme) assert.ok((await page.getAttribute('#app', 'class')).includes(`theme-${theme}`), `theme-${theme} applied`);
    if (scheme) await chooseScheme(page, scheme);
    await check(page, 'default');

    // The rank metric, its tooltip shown by keyboard focus on a data point.
    await page.selectOption('#metric-select', 'akit_rank');
    await page.focus('#view-chart');
    await tabTo(page, '#compare-chart rect.hit');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#chart-tooltip', { state: 'visible' });
    await check(page, 'akit_rank + tooltip');
    await page.keyboard.press('Escape');
    await page.selectOption('#metric-select', 'area_m2');

    await showTable(page);
    await page.waitForSelector('table#values-table');
    await check(page, 'table');
    await showTable(page, false);
    await page.waitForSelector('table#values-table', { state: 'detached' });

    await openMenuOf(page, '#download-csv');
    await check(page, 'Download menu open');
    await clickInMenu(page, '#embed-open');
    await page.waitForSelector('dialog#embed-dialog[open]');
    await check(page, 'embed dialog open');
    await page.keyboard.press('Escape');
    assertClean(record);
  });

  await withPage(server.url, `${q}&embed=1`, {}, async (record) => {
    if (scheme) await chooseScheme(record.page, scheme);
    await check(record.page, 'embed=1');
    assertClean(record);
  });

  await withPage(brokenServer.url, q, { state: 'error' }, async (record) => {
    await record.page.waitForSelector('ol#error-list > li');
    if (scheme) await chooseScheme(record.page, scheme);
    await check(record.page, 'load error');
    assertClean(record);
  });
  return found;
}

// ---------------------------------------------------------------------------------------------
// Reflow helper

const REFLOW_CONTROLS = [
  '#metric-select',
  '#filter-search',
  '#filter-level',
  '#filter-kind',
  '#filter-park',
  '#filter-from',
  '#filter-to',
  '#source-list a',
];

/** No horizontal scroll, and each control on screen between 0 and 320 px and not covered. */
async function checkReflow(page, label) {
  const problems = [];
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 320) {
    const widest = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.right > 320.5 && r.width > 0)
        .slice(0, 3)
        .map(({ el, r }) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${(el.getAttribute('class') ?? '').replace(/\s+/g, '.')} right=${Math.round(r.right)}`),
    );
    problems.push(`scrollWidth ${width} > 320 (${widest.join('; ')})`);
  }
  // On a phone the timeline's filters fold behind their button: open it, as a reader would.
  const fold = page.locator('.filters-fold:not([open]) > summary');
  if ((await fold.count()) > 0 && (await fold.first().isVisible())) await fold.first().click();
  for (const selector of REFLOW_CONTROLS) {
    const control = page.locator(selector).first();
    await control.scrollIntoViewIfNeeded();
    const box = await control.boundingBox();
    if (!box || box.width <= 0 || box.height <= 0) {
      problems.push(`${selector} not visible`);
      continue;
    }
    if (box.x < 0 || box.x + box.width > 320.5) {
      problems.push(`${selector} at x ${box.x.toFixed(1)}..${(box.x + box.width).toFixed(1)}`);
    }
    // Hit-test the middle of the first line box (a link may wrap over many lines).
    const operable = await control.evaluate((el) => {
      const first = el.getClientRects()[0];
      window.scrollBy(0, first.top - 20);
      const r = el.getClientRects()[0];
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !el.disabled && !!hit && (hit === el || el.contains(hit));
    });
    if (!operable) problems.push(`${selector} covered or disabled`);
  }
  if (problems.length) await screenshot(page, `a11y-reflow-${label}`);
  return problems.map((p) => `${label}: ${p}`);
}

// Two cases at a time (the machine has 2 cores): the axe matrix beside the other checks.
describe('accessibility', { concurrency: 2 }, () => {
  describe('axe-core: no WCAG 2.1 A/AA violation', { concurrency: 2 }, () => {
    after(() => {
      console.log(`axe-core: ${combinations} combinations checked (tags ${AXE_TAGS.join(', ')})`);
      console.log(`axe-core: ${rulesRun.size} rules ran: ${[...rulesRun].sort().join(', ')}`);
    });

    for (const lang of LANGS) {
      for (const [mode, setup] of Object.entries(MODES)) {
        it(`${lang}, ${mode}: default, akit_rank + tooltip, table, embed=1, embed dialog, load error`, async () => {
          const lines = await axeAllStates(lang, setup);
          assert.equal(lines.length, 0, `axe violations (${lang}, ${mode}):\n${lines.join('\n')}`);
        });
      }
    }
  });

  // ---------------------------------------------------------------------------------------------
  // 2. Keyboard

  describe('keyboard', () => {
    it('Tab order, a visible focus at every stop, exactly one chart point, no trap, Shift+Tab back', async () => {
      await withPage(server.url, '', {}, async (record) => {
        const { page } = record;
        const stops = [];
        for (let i = 0; i < 60; i += 1) {
          await page.keyboard.press('Tab');
          stops.push(await describeFocus(page));
        }
        const keys = stops.map((s) => s.key);
        const at = (key) => keys.indexOf(key);
        assert.ok(stops[0].isSkip, `first stop is the skip link: ${keys.slice(0, 5)}`);
        // Then the skip links past the comparison, to the timeline and the lifecycle chart.
        assert.deepEqual(
          await page.$$eval('a.skip-link', (as) => as.map((a) => a.getAttribute('href'))),
          ['#main', '#timeline', '#lifecycle'],
        );
        assert.ok(stops[1].isSkip && stops[2].isSkip, `three skip links first: ${keys.slice(0, 5)}`);

        // The header's controls, the metric select, the chart/table tabs, one chart point, the
        // Download menu, the timeline filters, then the links of the timeline.
        const chartPoint = stops.findIndex((s) => s.inCompareChart);
        const firstLinkAfterFilters = stops.findIndex((s, i) => i > at('#filter-to') && s.isLink);
        const order = [
          ['Share', at('header summary.button.secondary')],
          ['#lang-toggle', at('#lang-toggle')],
          // The visually-impaired switch last, so that its settings follow it.
          ['#vi', at('#vi')],
          ['#metric-select', at('#metric-select')],
          ['#view-chart', at('#view-chart')],
          ['#compare-chart rect.hit', chartPoint],
          ['Download', at('compare summary.button.secondary')],
          ['#filter-search', at('#filter-search')],
          ['#filter-level', at('#filter-level')],
          ['#filter-kind', at('#filter-kind')],
          ['#filter-park', at('#filter-park')],
          ['#filter-from', at('#filter-from')],
          ['#filter-to', at('#filter-to')],
          ['a timeline link', firstLinkAfterFilters],
        ];
        const missing = order.filter(([, p]) => p < 0).map(([k]) => k);
        assert.deepEqual(missing, [], `not reached in 60 Tabs: ${keys.join(', ')}`);
        const positions = order.map(([, p]) => p);
        assert.deepEqual(
          positions,
          [...positions].sort((a, b) => a - b),
          `in reading order: ${order.map(([k, p]) => `${k}@${p}`).join(', ')}\nstops: ${keys.join(', ')}`,
        );
        const outOfDomOrder = stops.filter((s, i) => i > 0 && !s.followsPrevious).map((s) => s.key);
        assert.deepEqual(outOfDomOrder, [], `Tab order = document order (no positive tabindex): ${keys.join(', ')}`);
        assert.ok(
          stops.slice(at('#filter-to') + 1).every((s) => s.section === 'timeline'),
          `after the filters the timeline's events: ${keys.slice(at('#filter-to') + 1).join(', ')}`,
        );
        assert.equal(stops.filter((s) => s.inCompareChart).length, 1, 'exactly one chart point in the tab order');
        const headerStops = stops.slice(1, at('#metric-select')).filter((s) => !s.inHeader && !s.isSkip);
        assert.deepEqual(headerStops, [], 'only header controls between the skip link and the metric select');
        assert.equal(
          await page.locator('#compare-chart rect.hit[tabindex="0"]').count(),
          1,
          'exactly one chart point has tabindex=0 (roving tabindex)',
        );

        // A visible focus indicator at each of the first 25 stops.
        const invisible = stops
          .slice(0, 25)
          .filter((s) => !s.focusVisible)
          .map(({ key, outline, stroke }) => ({ key, outline, stroke }));
        assert.deepEqual(invisible, [], 'elements focused without a visible indicator');

        // Shift+Tab walks the same stops backwards.
        const backward = [];
        for (let i = 0; i < 25; i += 1) {
          await page.keyboard.press('Shift+Tab');
          backward.push((await describeFocus(page)).key);
        }
        assert.deepEqual(backward, keys.slice(34, 59).reverse(), 'Shift+Tab retraces the Tab order');

        // No trap: 200 Tabs, the focus moves on every press (the page's end may pass through body once).
        await page.evaluate(() => {
          window.__lastFocus = document.activeElement;
        });
        let stuck = 0;
        let wrapped = false;
        const seenCompare = new Set();
        for (let i = 0; i < 200; i += 1) {
          await page.keyboard.press('Tab');
          const moved = await page.evaluate(() => {
            const el = document.activeElement;
            const same = el === window.__lastFocus;
            window.__lastFocus = el;
            return {
              same,
              skip: el.matches('a.skip-link'),
              html: el.outerHTML.slice(0, 100),
              compareIndex: el.matches('#compare-chart rect.hit') ? el.dataset.index : null,
            };
          });
          if (moved.compareIndex !== null) seenCompare.add(moved.compareIndex);
          wrapped ||= moved.skip;
          stuck = moved.same ? stuck + 1 : 0;
          assert.ok(stuck < 1, `focus stuck after Tab #${i + 1} on ${moved.html}`);
        }
        assert.ok(wrapped, '200 Tabs went round the whole page back to the skip link');
        assert.equal(seenCompare.size, 1, `one chart point per round of Tabs: ${[...seenCompare]}`);

        assertClean(record);
      });
    });

    it('the skip link moves the focus to main#main', async () => {
      await withPage(server.url, '', {}, async (record) => {
        const { page } = record;
        await page.keyboard.press('Tab');
        assert.ok(await page.evaluate(() => document.activeElement.matches('a.skip-link')), 'skip link focused first');
        assert.ok(
          await page.evaluate(() => {
            const r = document.activeElement.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= innerHeight && r.width > 0;
          }),
          'the focused skip link is on screen',
        );
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'main');
        assertClean(record);
      });
    });

    it('chart: arrows move between points with a tooltip, Escape hides it, End goes to the last', async () => {
      await withPage(server.url, '', {}, async (record) => {
        const { page } = record;
        const names = await page.$$eval('#compare-values li.value-card', (cards) =>
          Object.fromEntries(cards.map((c) => [c.dataset.park, c.querySelector('.park-name').textContent.trim()])),
        );
        const focused = () =>
          page.evaluate(() => ({
            index: document.activeElement.getAttribute('data-index'),
            park: document.activeElement.getAttribute('data-park'),
            isHit: document.activeElement.matches('#compare-chart rect.hit'),
          }));
        const tooltip = () => page.locator('#chart-tooltip .tooltip-park').textContent();

        await page.focus('#view-chart');
        await tabTo(page, '#compare-chart rect.hit');
        const start = await focused();
        assert.equal(start.index, '0', 'the first point is the one in the tab order');
        await page.keyboard.press('ArrowRight');
        const next = await focused();
        assert.ok(next.isHit, 'focus stays on a chart point');
        assert.equal(next.index, '1', 'ArrowRight moves to the next point');
        await page.waitForSelector('#chart-tooltip', { state: 'visible' });
        assert.equal(await tooltip(), names[next.park], 'the tooltip names the focused point’s park');
        assert.equal(
          await page.locator('#compare-chart rect.hit[tabindex="0"]').getAttribute('data-index'),
          '1',
          'the roving tabindex follows the focus',
        );
        await page.keyboard.press('ArrowLeft');
        assert.equal((await focused()).index, '0', 'ArrowLeft moves back');

        await page.keyboard.press('Escape');
        await page.waitForSelector('#chart-tooltip', { state: 'detached' });

        const count = await page.locator('#compare-chart rect.hit').count();
        await page.keyboard.press('End');
        const last = await focused();
        assert.equal(last.index, String(count - 1), 'End goes to the last point');
        await page.waitForSelector('#chart-tooltip', { state: 'visible' });
        assert.equal(await tooltip(), names[last.park], 'tooltip of the last point');
        await page.keyboard.press('Home');
        assert.equal((await focused()).index, '0', 'Home goes to the first point');
        assertClean(record);
      });
    });

    it('dialog: Enter opens it with the focus inside, Escape closes it and the focus returns', async () => {
      await withPage(server.url, '', {}, async (record) => {
        const { page } = record;
        // The Share menu opens from the keyboard, and its items follow its button.
        await tabTo(page, 'header summary', 10);
        await page.keyboard.press('Enter');
        await tabTo(page, '#embed-open', 4);
        await page.keyboard.press('Enter');
        await page.waitForSelector('dialog#embed-dialog[open]');
        assert.ok(
          await page.evaluate(() => document.querySelector('#embed-dialog').contains(document.activeElement)),
          'focus inside the dialog',
        );
        // Tab stays inside the modal dialog.
        for (let i = 0; i < 8; i += 1) {
          await page.keyboard.press('Tab');
          const where = await page.evaluate(() =>
            document.activeElement === document.body || document.querySelector('#embed-dialog').contains(document.activeElement),
          );
          assert.ok(where, `Tab #${i + 1} left the modal dialog`);
        }
        await page.keyboard.press('Escape');
        await page.waitForSelector('dialog#embed-dialog[open]', { state: 'detached' });
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'embed-open', 'focus returns to the opener');
        assertClean(record);
      });
    });
  });

  // ---------------------------------------------------------------------------------------------
  // 3. Text alternatives

  describe('text alternatives', () => {
    it('a chart datum is read with its date, its sources and how sure it is, as its tooltip shows', async () => {
      await withPage(server.url, '', {}, async (record) => {
        const { page } = record;
        const data = dataset();
        const obs = data.observations.find((o) => o.park === 'morion-digital' && o.metric === 'area_m2');
        const label = (await page.getAttribute('#compare-chart rect.hit[data-park="morion-digital"]', 'aria-label')).replace(/\u00a0/g, ' ');
        assert.ok(label.startsWith('Morion Digital: 86 000 м²; 2019; источники: '), label);
        for (const id of obs.sources) {
          const publisher = data.sources.find((src) => src.id === id).publisher.ru.replace(/\u00a0/g, ' ');
          assert.ok(label.includes(publisher), `${label} names ${publisher}`);
        }
        assert.ok(label.endsWith('; вероятно'), label);
        assertClean(record);
      });
    });

    it('ru: the chart’s alternative is exact, and the live caption follows the metric', async () => {
      await withPage(server.url, '?lang=ru', {}, async (record) => {
        const { page } = record;
        // The headline first, then every value.
        const expected =
          `Общая площадь: Morion Digital — в 5,1${NBSP}раза больше, чем Технопарк Пермь. ` +
          `Общая площадь: Morion Digital — 86${NBSP}000${NBSP}м², Технопарк Пермь — 16${NBSP}949${NBSP}м².`;
        const label = await page.getAttribute('#compare-chart .chart[role="img"]', 'aria-label');
        assert.equal(label, expected, 'aria-label of the area chart (U+00A0 where shown)');
        const caption = page.locator('#compare-chart figcaption[aria-live="polite"]');
        assert.equal((await caption.textContent()).trim(), expected, 'the figcaption says the same');
        assert.equal(
          await page.evaluate(() => document.querySelector('#compare-chart .chart svg')?.getAttribute('aria-hidden')),
          'true',
          'the drawing itself is hidden from assistive technology',
        );

        await page.selectOption('#metric-select', 'akit_rank');
        await page.waitForFunction(
          (old) => document.querySelector('#compare-chart figcaption[aria-live="polite"]').textContent.trim() !== old,
          expected,
        );
        const rank = (await caption.textContent()).trim();
        const plain = rank.replaceAll(NBSP, ' ');
        assert.ok(plain.includes('2021: 2-е место'), `rank alternative: ${JSON.stringify(rank)}`);
        assert.ok(plain.includes('Технопарк Пермь — нет данных'), `rank alternative: ${JSON.stringify(rank)}`);
        assert.equal(
          await page.getAttribute('#compare-chart .chart[role="img"]', 'aria-label'),
          rank,
          'the chart’s aria-label follows the metric too',
        );
        assertClean(record);
      });
    });
  });

  // ---------------------------------------------------------------------------------------------
  // 4. Reflow at 320 CSS px

  describe('reflow at 320 CSS px', { concurrency: 2 }, () => {
    for (const lang of LANGS) {
      it(`${lang}: default, html font-size 200 %, visually-impaired 150/200/250 %`, async () => {
        const viewport = { width: 320, height: 640 };
        const problems = [];
        await withPage(server.url, `?lang=${lang}`, { viewport }, async (record) => {
          const { page } = record;
          problems.push(...(await checkReflow(page, `${lang}-default`)));
          const large = await page.addStyleTag({ content: 'html { font-size: 200% }' });
          problems.push(...(await checkReflow(page, `${lang}-text-200`)));
          // An operable select at 320 px and 200 % text: choosing by the keyboard works.
          await page.focus('#metric-select');
          await page.keyboard.press('ArrowDown');
          await page.waitForFunction(() => document.querySelector('#metric-select').value !== 'area_m2');
          await large.evaluate((style) => style.remove());
          // The visually-impaired mode, turned on from the header, at each size.
          await page.click('label[for="vi"]');
          await page.waitForSelector('#a11y-panel');
          for (const size of ['150', '200', '250']) {
            await chooseSize(page, size);
            problems.push(...(await checkReflow(page, `${lang}-vi-${size}`)));
          }
          assertClean(record);
        });
        assert.deepEqual(problems, [], 'reflow problems at 320 px');
      });
    }
  });

  // ---------------------------------------------------------------------------------------------
  // 5. Persistence, 6. reduced motion

  describe('visually-impaired settings and motion', () => {
    it('VI mode with wb + 250 persists across reload; ?a11y=1 turns it on in a fresh context', async () => {
      await withPage(server.url, '', {}, async (record) => {
        const { page } = record;
        assert.equal(await page.locator('#a11y-panel').count(), 0, 'off by default');
        await page.click('label[for="vi"]');
        await page.waitForSelector('#a11y-panel');
        assert.equal(await page.isChecked('#vi'), true);
        // The switch keeps its name; its label, drawn as a button, names the other version.
        assert.equal((await page.locator('label[for="vi"]').innerText()).trim(), 'Обычная версия');
        await chooseScheme(page, 'wb');
        await chooseSize(page, '250');
        await page.reload();
        await waitForState(page, 'ready');
        const classes = (await page.getAttribute('#app', 'class')).split(/\s+/);
        for (const c of ['a11y', 'vi-scheme-wb', 'vi-size-250']) assert.ok(classes.includes(c), `${c} in ${classes}`);
        assert.ok(await page.isChecked('#a11y-panel input[name=vi-scheme][value="wb"]'), 'wb still checked');
        assert.ok(await page.isChecked('#a11y-panel input[name=vi-size][value="250"]'), '250 still checked');
        const stored = await page.evaluate(() => localStorage.getItem('technoparks.vi'));
        assert.ok(stored, 'kept in localStorage "technoparks.vi"');
        assertClean(record);
      });
      await withPage(server.url, '?a11y=1', {}, async (record) => {
        const classes = (await record.page.getAttribute('#app', 'class')).split(/\s+/);
        assert.ok(classes.includes('a11y'), `a11y=1 turns the mode on: ${classes}`);
        assert.equal(await record.page.locator('#a11y-panel').count(), 1, 'with its settings panel');
        assertClean(record);
      });
    });

    it('prefers-reduced-motion: reduce leaves no transition or animation', async () => {
      const context = await browser.newContext({ reducedMotion: 'reduce', viewport: DESKTOP });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/`);
        await waitForState(page, 'ready');
        const found = await page.evaluate(() => {
          const moving = [];
          const zero = (value) => value.split(',').every((v) => parseFloat(v) === 0);
          for (const el of document.querySelectorAll('*')) {
            const s = getComputedStyle(el);
            if (!zero(s.transitionDuration) || !zero(s.animationDuration)) {
              moving.push(`${el.tagName.toLowerCase()}#${el.id}: ${s.transitionDuration} / ${s.animationDuration}`);
            }
          }
          return {
            matches: matchMedia('(prefers-reduced-motion: reduce)').matches,
            buttons: [...document.querySelectorAll('button')].map((b) => getComputedStyle(b).transitionDuration),
            moving,
          };
        });
        assert.ok(found.matches, 'the context reports prefers-reduced-motion: reduce');
        assert.ok(found.buttons.length > 0);
        assert.deepEqual([...new Set(found.buttons)], ['0s'], 'transition-duration of every button');
        assert.deepEqual(found.moving, [], 'elements still animated');
      } finally {
        await context.close();
      }
    });
  });
});

describe('visually-impaired mode: chart text', () => {
  it('grows with the chosen type size (charts drawn narrower, shown full width)', async () => {
    const record = await openPage(browser, `${server.url}/`, { width: 1280, height: 900 });
    const { page, context } = record;
    try {
      await waitForState(page, 'ready');
      // Rendered size of the first text in each chart, and the chart's drawing width.
      const measure = () =>
        page.evaluate(() =>
          ['#compare-chart', '#lifecycle'].map((root) => {
            const svg = document.querySelector(`${root} .chart svg`);
            const text = svg.querySelector('text');
            return {
              drawn: Number(svg.getAttribute('viewBox').split(' ')[2]),
              shown: svg.getBoundingClientRect().width,
              textHeight: text.getBoundingClientRect().height,
            };
          }),
        );
      const normal = await measure();
      await page.click('label[for="vi"]');
      await page.click('input[name="vi-size"][value="200"]');
      await page.waitForFunction(() => {
        const svg = document.querySelector('#compare-chart .chart svg');
        return Number(svg.getAttribute('viewBox').split(' ')[2]) < svg.getBoundingClientRect().width / 1.5;
      });
      const large = await measure();
      for (const [i, root] of ['comparison', 'lifecycle'].entries()) {
        const ratio = large[i].shown / large[i].drawn;
        assert.ok(Math.abs(ratio - 2) < 0.1, `${root}: drawn at half the width it is shown at (${ratio})`);
        const growth = large[i].textHeight / normal[i].textHeight;
        assert.ok(growth > 1.8, `${root}: chart text grew ×${growth.toFixed(2)}`);
      }
      await screenshot(page, 'vi-200-charts');
      assertClean(record);
    } finally {
      await context.close();
    }
  });
});
