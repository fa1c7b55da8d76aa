// Accessibility (ГОСТ Р 52872-2019 = WCAG 2.1 AA): axe-core over every view × mode × language,
// the keyboard path, reflow at 320 px and large type.

import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openPage, startServer } from './helpers.mjs';
import { DATA_PATH, assertClean, waitForState } from './support.mjs';

const AXE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const overrides = new Map();
let server;
let browser;
const rulesRun = new Set();
let combinations = 0;

before(async () => {
  server = await startServer({ overrides });
  browser = await launchBrowser();
});
after(async () => {
  console.log(`axe: ${combinations} combinations checked; ${rulesRun.size} rules ran: ${[...rulesRun].sort().join(' ')}`);
  await browser?.close();
  await server?.close();
});

/** Runs axe on the page and fails with every violation's rule, impact and first targets. */
async function axe(page, label) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  );
  for (const group of ['violations', 'passes', 'incomplete', 'inapplicable']) {
    for (const rule of result[group] ?? []) rulesRun.add(rule.id);
  }
  combinations += 1;
  const report = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
  );
  assert.deepEqual(report, [], `${label}: axe violations`);
}

const MODES = {
  light: { query: 'theme=light' },
  dark: { query: 'theme=dark' },
  'vi-bw': { query: 'a11y=1', scheme: 'bw' },
  'vi-wb': { query: 'a11y=1', scheme: 'wb' },
  'vi-blue': { query: 'a11y=1', scheme: 'blue' },
};

/** States of the page to check, each reached from a freshly loaded page. */
const STATES = {
  default: async () => {},
  'rating + tooltip': async (page) => {
    await page.selectOption('#metric-select', 'akit_rank');
    await page.focus('#compare-chart rect.hit[tabindex="0"]');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#chart-tooltip');
  },
  table: async (page) => {
    await page.click('#table-toggle');
    await page.waitForSelector('#values-table');
  },
  'event selected + filters': async (page) => {
    await page.selectOption('#filter-level', 'regional');
    await page.click('li.event .event-select');
  },
  'embed dialog': async (page) => {
    if (await page.locator('#embed-open').count()) {
      await page.click('#embed-open');
      await page.waitForSelector('dialog#embed-dialog[open]');
    }
  },
};

describe('axe-core finds no WCAG 2.1 A/AA violation', () => {
  for (const lang of ['ru', 'en']) {
    for (const [mode, { query, scheme }] of Object.entries(MODES)) {
      for (const embed of [false, true]) {
        it(`${lang}, ${mode}${embed ? ', embedded' : ''}: every state`, async () => {
          const url = `${server.url}/?lang=${lang}&${query}${embed ? '&embed=1' : ''}`;
          const record = await openPage(browser, url, { width: 1280, height: 900 });
          const { page } = record;
          try {
            await waitForState(page, 'ready');
            for (const [name, reach] of Object.entries(STATES)) {
              await page.goto(url);
              await waitForState(page, 'ready');
              if (scheme) await page.check(`input[name=vi-scheme][value=${scheme}]`);
              await reach(page);
              await axe(page, `${lang} ${mode}${embed ? ' embed' : ''} ${name}`);
            }
            assertClean(record);
          } finally {
            await page.context().close();
          }
        });
      }
    }
  }

  it('the load-error view', async () => {
    overrides.set(DATA_PATH, { status: 200, body: '{"schema_version": 2,', contentType: 'application/json' });
    const record = await openPage(browser, `${server.url}/`, { width: 1280, height: 900 });
    try {
      await waitForState(record.page, 'error');
      await axe(record.page, 'load error');
    } finally {
      overrides.delete(DATA_PATH);
      await record.page.context().close();
    }
  });
});

describe('keyboard', () => {
  it('reaches everything in a sensible order, with a visible focus and no trap', async () => {
    const record = await openPage(browser, `${server.url}/`, { width: 1280, height: 900 });
    const { page } = record;
    try {
      await waitForState(page, 'ready');
      const stops = [];
      for (let i = 0; i < 40; i += 1) {
        await page.keyboard.press('Tab');
        stops.push(
          await page.evaluate(() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const visible =
              (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
              (el.tagName === 'rect' && style.stroke !== 'none');
            return { id: el.id || el.className?.baseVal || el.className || el.tagName, tag: el.tagName, visible };
          }),
        );
      }
      const ids = stops.map((s) => s.id);
      assert.equal(stops[0].id, 'skip-link', `first stop is the skip link: ${ids.slice(0, 5)}`);
      const order = ['a11y-toggle', 'embed-open', 'lang-toggle', 'metric-select', 'table-toggle', 'hit', 'filter-search', 'filter-level'];
      const positions = order.map((id) => ids.indexOf(id));
      assert.ok(positions.every((p) => p >= 0), `all reached: ${JSON.stringify(order.map((o, i) => [o, positions[i]]))} in ${ids}`);
      assert.deepEqual([...positions].sort((a, b) => a - b), positions, `in reading order: ${ids}`);
      assert.equal(ids.filter((id) => id === 'hit').length, 1, 'one chart datum in the tab order (arrows do the rest)');
      const invisible = stops.filter((s) => !s.visible);
      assert.deepEqual(invisible, [], 'every focused element shows its focus');
      // No trap: 200 more Tabs keep moving.
      let previous = '';
      let stuck = 0;
      for (let i = 0; i < 200; i += 1) {
        await page.keyboard.press('Tab');
        const now = await page.evaluate(() => document.activeElement.outerHTML.slice(0, 120));
        stuck = now === previous ? stuck + 1 : 0;
        previous = now;
        assert.ok(stuck < 3, `focus stuck on ${now}`);
      }
      assertClean(record);
    } finally {
      await page.context().close();
    }
  });

  it('skip link, chart arrows and the dialog behave', async () => {
    const record = await openPage(browser, `${server.url}/`, { width: 1280, height: 900 });
    const { page } = record;
    try {
      await waitForState(page, 'ready');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'skip link moves focus to main');
      await page.focus('#compare-chart rect.hit[tabindex="0"]');
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement.dataset.index), '1');
      assert.ok((await page.textContent('#chart-tooltip')).length > 0, 'tooltip for the focused datum');
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('#chart-tooltip').count(), 0, 'Escape hides the tooltip');
      await page.focus('#embed-open');
      await page.keyboard.press('Enter');
      await page.waitForSelector('dialog#embed-dialog[open]');
      assert.ok(await page.evaluate(() => document.querySelector('#embed-dialog').contains(document.activeElement)), 'focus inside the dialog');
      await page.keyboard.press('Escape');
      assert.equal(await page.locator('dialog#embed-dialog[open]').count(), 0, 'Escape closes');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'embed-open', 'focus returns to the opener');
      assertClean(record);
    } finally {
      await page.context().close();
    }
  });
});

describe('reflow and large type', () => {
  for (const lang of ['ru', 'en']) {
    it(`${lang}: no horizontal scroll at 320 px, at 200 % text and at every visually-impaired size`, async () => {
      const record = await openPage(browser, `${server.url}/?lang=${lang}`, { width: 320, height: 700 });
      const { page } = record;
      try {
        await waitForState(page, 'ready');
        const check = async (label) => {
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 320, `${label}: scrollWidth ${width}`);
          for (const selector of ['#metric-select', '#filter-level', '#source-list a']) {
            const box = await page.locator(selector).first().boundingBox();
            assert.ok(box && box.x >= 0 && box.x + box.width <= 321, `${label}: ${selector} inside the viewport`);
          }
        };
        await check('default');
        await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
        await check('200 % text');
        await page.goto(`${server.url}/?lang=${lang}&a11y=1`);
        await waitForState(page, 'ready');
        for (const size of ['150', '200', '250']) {
          await page.check(`input[name=vi-size][value="${size}"]`);
          await check(`visually impaired ${size} %`);
        }
        assertClean(record);
      } finally {
        await page.context().close();
      }
    });
  }

  it('the visually-impaired choice persists, and the host parameter turns it on', async () => {
    const record = await openPage(browser, `${server.url}/`, { width: 1280, height: 900 });
    const { page } = record;
    try {
      await waitForState(page, 'ready');
      await page.click('#a11y-toggle');
      await page.check('input[name=vi-scheme][value=wb]');
      await page.check('input[name=vi-size][value="250"]');
      await page.goto(`${server.url}/`);
      await waitForState(page, 'ready');
      const classes = await page.getAttribute('#app', 'class');
      for (const c of ['a11y', 'vi-scheme-wb', 'vi-size-250']) assert.ok(classes.includes(c), `${c} in ${classes}`);
      const fresh = await openPage(browser, `${server.url}/?a11y=1`, { width: 1280, height: 900 });
      await waitForState(fresh.page, 'ready');
      assert.ok((await fresh.page.getAttribute('#app', 'class')).includes('a11y'), 'a11y=1 turns it on');
      await fresh.page.context().close();
    } finally {
      await page.context().close();
    }
  });

  it('reduced motion: no transitions', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/`);
      await waitForState(page, 'ready');
      const duration = await page.evaluate(() => getComputedStyle(document.querySelector('#lang-toggle')).transitionDuration);
      assert.equal(duration, '0s');
    } finally {
      await context.close();
    }
  });
});
