// One markup: the components the first view and the app both show (src/view/) are drawn by the
// same code, so their structure in the build's HTML (the WASM held back) and in the app's DOM
// is the same; and both count "years active" and the rest as of the dataset's date, whatever
// the reader's clock says.

import { expect, openFirstView, test, waitForState } from './fixtures.mjs';
import { openMenuOf, showTable } from './ui.mjs';

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
    values[metric] = await page.$$eval(`${root} .value`, (els) => els.filter((el) => el.checkVisibility()).map((el) => el.textContent));
  }
  return values;
}

/** The links out of `root`: [target, rel] of each. */
const linksOut = (page, root) => page.$$eval(`${root} a[href^="http"]`, (as) => as.map((a) => [a.getAttribute('target'), a.rel]));

test('each shared component has the same structure in the first view and in the app', async ({ page, wasmGate }) => {
  await openFirstView(page, wasmGate);
  // The table view, which the app adopts, so that both draw the values table.
  await showTable(page, true, '#prerender');
  const before = {};
  for (const [name, [selector, skip]] of Object.entries(SHARED)) {
    before[name] = await structure(page, '#prerender', selector, skip);
    expect(before[name], `${name} is in the first view`).toBeTruthy();
  }
  wasmGate.release();
  await waitForState(page);
  await expect(page.locator('#prerender'), 'the app has taken over').toHaveCount(0);
  // The app draws the download menu's formats once it is first opened; the first view holds them.
  await openMenuOf(page, '#download-csv');
  for (const [name, [selector, skip]] of Object.entries(SHARED)) {
    expect(await structure(page, '#app', selector, skip), `${name}: the same structure`).toEqual(before[name]);
  }
});

for (const day of ['2027-06-01T12:00:00Z', '2031-01-01T12:00:00Z']) {
  test(`with the clock at ${day.slice(0, 10)} every metric reads the same before and after the app`, async ({ page, wasmGate }) => {
    await page.clock.setFixedTime(new Date(day));
    await openFirstView(page, wasmGate);
    const first = await valuesByMetric(page, '#prerender', '#pre-metric-select');
    expect(Object.keys(first), 'years active is among them').toContain('years_active');
    wasmGate.release();
    await waitForState(page);
    expect(await valuesByMetric(page, '#app', '#metric-select')).toEqual(first);
  });
}

test('embedded, every link out opens a new tab, in the first view and in the app', async ({ page, wasmGate }) => {
  await openFirstView(page, wasmGate, '/embed.html?embed=1');
  for (const root of ['#prerender', '#app']) {
    if (root === '#app') {
      wasmGate.release();
      await waitForState(page);
    }
    const links = await linksOut(page, root);
    expect(links.length, `${root}: the sources are linked`).toBeGreaterThan(50);
    for (const [target, rel] of links) {
      expect(target, `${root}: a link out in the host's page opens a new tab`).toBe('_blank');
      expect(rel).toMatch(/noopener/);
    }
  }
});

test('on our own page, the sources open in the same tab', async ({ page }) => {
  await page.goto('/');
  await waitForState(page);
  expect([...new Set((await linksOut(page, '#app')).map(([target]) => target))]).toEqual([null]);
});
