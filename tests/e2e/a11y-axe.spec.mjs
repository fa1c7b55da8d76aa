// Accessibility (ГОСТ Р 52872-2019 = WCAG 2.1 AA), 1: axe-core's WCAG 2.0/2.1 A and AA rules
// over 2 languages × 5 display modes × 6 states (the explorer's default view, the rank metric
// with its tooltip, the table, the Download menu, the embed dialog; the embed; the load error).
// Each test notes how many rules ran (annotation `axe`).

import { expect, test, waitForState } from './fixtures.mjs';
import { AXE_TAGS, DATA_PATH, dataset, runAxe } from './data.mjs';
import { clickInMenu, openMenuOf, screenshot, showTable } from './ui.mjs';
import { chooseScheme, tabTo } from './a11y-reads.mjs';

const MODES = {
  light: { query: 'theme=light' },
  dark: { query: 'theme=dark' },
  'vi-bw': { query: 'a11y=1', scheme: 'bw' },
  'vi-wb': { query: 'a11y=1', scheme: 'wb' },
  'vi-blue': { query: 'a11y=1', scheme: 'blue' },
};

/** A dataset that loads and fails validation: the error view with its list. */
function brokenDataset() {
  const broken = dataset();
  broken.observations[0].park = 'no-such-park';
  broken.events[0].sources = ['no-such-source'];
  return JSON.stringify(broken);
}

/**
 * Runs axe on the page in each state `states` puts it in (`states(check)` calls `check(name)`
 * once the page shows that state); expects no violation, listing them as lines otherwise.
 */
async function expectNoViolations(page, label, states) {
  const found = [];
  const rules = new Set();
  let checked = 0;
  await states(async (state) => {
    const result = await runAxe(page);
    checked += 1;
    for (const group of ['passes', 'violations', 'incomplete', 'inapplicable']) {
      for (const rule of result[group] ?? []) rules.add(rule.id);
    }
    const lines = result.violations.map((v) => {
      const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' >>> ')).join(' | ');
      return `${state}: ${v.id} (${v.impact}, ${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}): ${targets} — ${v.help}`;
    });
    if (lines.length) await screenshot(page, `a11y-axe-${label}-${state}`);
    found.push(...lines);
  });
  test.info().annotations.push({
    type: 'axe',
    description: `${checked} state(s), tags ${AXE_TAGS.join(', ')}, ${rules.size} rules ran: ${[...rules].sort().join(', ')}`,
  });
  expect(found, `axe violations (${label})`).toEqual([]);
}

for (const lang of ['ru', 'en']) {
  for (const [mode, { query, scheme }] of Object.entries(MODES)) {
    const q = `?lang=${lang}&${query}`;
    const label = `${lang}-${mode}`;

    test.describe(`axe-core, ${lang}, ${mode}: no WCAG 2.1 A/AA violation`, () => {
      test('default, akit_rank + tooltip, table, Download menu, embed dialog', async ({ page }) => {
        await page.goto(`/${q}`);
        await waitForState(page);
        const theme = query.match(/theme=(\w+)/)?.[1];
        if (theme) await expect(page.locator('#app'), `theme-${theme} applied`).toHaveClass(new RegExp(`theme-${theme}`));
        if (scheme) await chooseScheme(page, scheme);
        await expectNoViolations(page, label, async (check) => {
          await check('default');
          // The rank metric, its tooltip shown by keyboard focus on a data point.
          await page.selectOption('#metric-select', 'akit_rank');
          await page.focus('#view-chart');
          await tabTo(page, '#compare-chart rect.hit');
          await page.keyboard.press('ArrowRight');
          await expect(page.locator('#chart-tooltip')).toBeVisible();
          await check('akit_rank + tooltip');
          await page.keyboard.press('Escape');
          await page.selectOption('#metric-select', 'area_m2');

          await showTable(page);
          await expect(page.locator('table#values-table')).toBeAttached();
          await check('table');
          await showTable(page, false);
          await expect(page.locator('table#values-table')).toHaveCount(0);

          await openMenuOf(page, '#download-csv');
          await check('Download menu open');
          await clickInMenu(page, '#embed-open');
          await expect(page.locator('dialog#embed-dialog[open]')).toBeAttached();
          await check('embed dialog open');
          await page.keyboard.press('Escape');
        });
      });

      test('embed=1', async ({ page }) => {
        await page.goto(`/${q}&embed=1`);
        await waitForState(page);
        if (scheme) await chooseScheme(page, scheme);
        await expectNoViolations(page, label, (check) => check('embed=1'));
      });

      test('load error', async ({ page }) => {
        await page.route(`**${DATA_PATH}`, (route) =>
          route.fulfill({ contentType: 'application/json; charset=utf-8', body: brokenDataset() }),
        );
        await page.goto(`/${q}`);
        await waitForState(page, 'error');
        await expect(page.locator('ol#error-list > li').first()).toBeAttached();
        if (scheme) await chooseScheme(page, scheme);
        await expectNoViolations(page, label, (check) => check('load error'));
      });
    });
  }
}
