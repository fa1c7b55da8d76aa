// One markup: the components the first view and the app both show (src/view/) are drawn by the
// same code, so their structure in the build's HTML (the WASM held back) and in the app's DOM
// is the same; and both count "years active" and the rest as of the dataset's date, whatever
// the reader's clock says.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertClean, openPageRouted, serveAndBrowse, showTable, waitForState } from './support.mjs';

const env = serveAndBrowse();

/**
 * Opens `path` at 1280 px with the WASM held back until `release()`; `clock`: a fixed date.
 */
async function openHeldBack(clock, path = '/') {
  let release;
  const opened = new Promise((resolve) => (release = resolve));
  const record = await openPageRouted(env.browser, 'about:blank', {}, { width: 1280, height: 900 });
  if (clock) await record.page.clock.setFixedTime(clock);
  await record.page.route('**/*.wasm', async (route) => {
    await opened;
    await route.continue();
  });
  await record.page.goto(`${env.server.url}${path}`, { waitUntil: 'domcontentloaded' });
  await record.page.locator('#prerender').waitFor();
  return { ...record, release };
}

/**
 * The element at `selector` inside `root` (the first shown) as a tree of tags, classes and own
 * text. Ids and attributes such as `disabled` differ by design and are left out, and so is what
 * only the app adds inside a component: the embed dialog (modal, no box) and the copy-link
 * button's live region for screen readers; and what `skip` names (the caller's part of a
 * component, such as the drawing inside a chart's frame). A metric view's place in the first
 * view's select (`m{i}`) is the first view's own.
 */
const structure = (page, root, selector, skip = '') =>
  page.evaluate(
    ([root, selector, skip]) => {
      const appOnly = `dialog, .visually-hidden[role="status"]${skip ? `, ${skip}` : ''}`;
      const walk = (el) => ({
        tag: el.tagName.toLowerCase(),
        classes: [...el.classList].filter((c) => !/^m\d+$/.test(c)).sort().join(' '),
        text: [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join('')
          .trim(),
        children: [...el.children].filter((child) => !child.matches(appOnly)).map(walk),
      });
      // A metric view takes no box (`display: contents`): it is shown when its contents are.
      const shown = (e) => e.checkVisibility() || [...e.children].some((c) => c.checkVisibility());
      const el = [...document.querySelectorAll(`${root} ${selector}`)].find(shown);
      return el && walk(el);
    },
    [root, selector, skip],
  );

/**
 * The shared components, by the selector that finds each in either copy, and what inside is
 * each copy's own: the comparison's metric views (compared one by one), the chart's drawing
 * (static drawings, or the app's measured one with its keyboard layer), and the table, which
 * the app draws only while it is shown (compared as the values table).
 */
const SHARED = {
  header: ['.site-header'],
  'comparison panel': ['.compare', '.metric-view'],
  'metric view': ['.metric-view', '.chart-wrap > *, .table-scroll'],
  cards: ['.value-cards'],
  'values table': ['.chart-figure .values-table'],
  timeline: ['.timeline-panel'],
  'lifecycle periods': ['.lifecycle .table-scroll'],
  unknowns: ['.unknowns'],
  sources: ['.sources'],
};

/** The value figures shown in `root` for each metric chosen in its select. */
async function valuesByMetric(page, root, select) {
  const metrics = await page.locator(select).locator('option:not([disabled])').evaluateAll((os) => os.map((o) => o.value));
  const values = {};
  for (const metric of metrics) {
    await page.locator(select).selectOption(metric);
    values[metric] = await page.$$eval(`${root} .value`, (els) =>
      els.filter((el) => el.checkVisibility()).map((el) => el.textContent),
    );
  }
  return values;
}

describe('one markup', () => {
  it('each shared component has the same structure in the first view and in the app', async () => {
    const record = await openHeldBack();
    const { page, context, release } = record;
    try {
      // The table view, which the app adopts, so that both draw the values table.
      await showTable(page, true, '#prerender');
      const before = {};
      for (const [name, [selector, skip]] of Object.entries(SHARED)) {
        before[name] = await structure(page, '#prerender', selector, skip);
        assert.ok(before[name], `${name} is in the first view`);
      }
      release();
      await waitForState(page, 'ready');
      assert.equal(await page.locator('#prerender').count(), 0, 'the app has taken over');
      for (const [name, [selector, skip]] of Object.entries(SHARED)) {
        assert.deepEqual(await structure(page, '#app', selector, skip), before[name], `${name}: the same structure`);
      }
      assertClean(record);
    } finally {
      release();
      await context.close();
    }
  });

  for (const day of ['2027-06-01T12:00:00Z', '2031-01-01T12:00:00Z']) {
    it(`with the clock at ${day.slice(0, 10)} every metric reads the same before and after the app`, async () => {
      const record = await openHeldBack(new Date(day));
      const { page, context, release } = record;
      try {
        const first = await valuesByMetric(page, '#prerender', '#pre-metric-select');
        assert.ok(Object.keys(first).includes('years_active'), 'years active is among them');
        release();
        await waitForState(page, 'ready');
        const app = await valuesByMetric(page, '#app', '#metric-select');
        assert.deepEqual(app, first);
        assertClean(record);
      } finally {
        release();
        await context.close();
      }
    });
  }

  it('embedded, every link out opens a new tab, in the first view and in the app', async () => {
    const record = await openHeldBack(undefined, '/embed.html?embed=1');
    const { page, context, release } = record;
    const linksOut = (root) =>
      page.$$eval(`${root} a[href^="http"]`, (as) => as.map((a) => [a.getAttribute('target'), a.rel]));
    try {
      for (const root of ['#prerender', '#app']) {
        if (root === '#app') {
          release();
          await waitForState(page, 'ready');
        }
        const links = await linksOut(root);
        assert.ok(links.length > 50, `${root}: the sources are linked (${links.length})`);
        for (const [target, rel] of links) {
          assert.equal(target, '_blank', `${root}: a link out in the host's page opens a new tab`);
          assert.match(rel, /noopener/);
        }
      }
      // On our own page, the sources open in the same tab.
      await page.goto(`${env.server.url}/`);
      await waitForState(page, 'ready');
      assert.deepEqual([...new Set((await linksOut('#app')).map(([target]) => target))], [null]);
      assertClean(record);
    } finally {
      release();
      await context.close();
    }
  });
});
