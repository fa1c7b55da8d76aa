// Accessibility (ГОСТ Р 52872-2019 = WCAG 2.1 AA), 1: axe-core's WCAG 2.0/2.1 A and AA rules
// over 2 languages × 5 display modes × the page's states: the explorer (default, the rank
// with its tooltip, the table, the Download menu, the embed dialog), embed=1, a link's pairs
// set aside (the notice) and the load error. The explorer's default state is checked whole;
// the later ones change only the comparison (its metric, tooltip, table and menu) or open the
// embed dialog, so axe reads only that part again, as it does the notice. The keyboard and
// text alternatives: a11y-keyboard.spec.mjs; reflow, the visually-impaired mode and motion:
// a11y-vi.spec.mjs.

import { expect, openReady, test, waitForState } from './fixtures.mjs';
import { DATA_PATH, dataset } from './data.mjs';
import { axeViolations, chooseScheme, tabTo } from './a11y-reads.mjs';
import { clickInMenu, openMenuOf, showTable } from './ui.mjs';

/** What the explorer's later states change: the comparison panel, and the embed dialog. */
const COMPARE = '#compare';
const EMBED_DIALOG = 'dialog#embed-dialog';

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
  return broken;
}

for (const lang of ['ru', 'en']) {
  for (const [mode, { query, scheme }] of Object.entries(MODES)) {
    test.describe(`axe-core, ${lang}, ${mode}: no WCAG 2.2 A/AA violation`, () => {
      const q = `?lang=${lang}&${query}`;
      const label = (state) => `${lang}-${query}-${scheme ?? ''}-${state}`;

      test('the explorer: default, akit_rank + tooltip, table, Download menu, embed dialog', async ({ page }) => {
        await openReady(page, q);
        const theme = query.match(/theme=(\w+)/)?.[1];
        if (theme) await expect(page.locator('#app'), `theme-${theme} applied`).toHaveClass(new RegExp(`theme-${theme}`));
        if (scheme) await chooseScheme(page, scheme);
        const found = [...(await axeViolations(page, label('default')))];

        // The rank metric, its tooltip shown by keyboard focus on a data point.
        await page.selectOption('#metric-select', 'akit_rank');
        await page.focus('#view-chart');
        await tabTo(page, '#compare-chart rect.hit');
        await page.keyboard.press('ArrowRight');
        await expect(page.locator('#chart-tooltip')).toBeVisible();
        found.push(...(await axeViolations(page, label('akit_rank + tooltip'), COMPARE)));
        await page.keyboard.press('Escape');
        await page.selectOption('#metric-select', 'area_m2');

        await showTable(page);
        await expect(page.locator('table#values-table')).toBeAttached();
        found.push(...(await axeViolations(page, label('table'), COMPARE)));
        await showTable(page, false);
        await expect(page.locator('table#values-table')).toHaveCount(0);

        await openMenuOf(page, '#download-csv');
        found.push(...(await axeViolations(page, label('Download menu open'), COMPARE)));
        await clickInMenu(page, '#embed-open');
        await expect(page.locator('dialog#embed-dialog[open]')).toBeAttached();
        found.push(...(await axeViolations(page, label('embed dialog open'), EMBED_DIALOG)));
        await page.keyboard.press('Escape');
        expect(found, 'axe violations').toEqual([]);
      });

      test('embed=1', async ({ page }) => {
        await openReady(page, `${q}&embed=1`);
        if (scheme) await chooseScheme(page, scheme);
        expect(await axeViolations(page, label('embed=1')), 'axe violations').toEqual([]);
      });

      test("a link's pairs set aside: the notice", async ({ page }) => {
        await openReady(page, `${q}&park=nope&level=zzz`);
        if (scheme) await chooseScheme(page, scheme);
        await expect(page.locator('#link-notice li')).toHaveCount(2);
        expect(await axeViolations(page, label('link notice'), '#link-notice'), 'axe violations').toEqual([]);
      });

      test('the load error', async ({ page }) => {
        await page.route(`**${DATA_PATH}`, (route) => route.fulfill({ json: brokenDataset() }));
        await page.goto(`/${q}`);
        await waitForState(page, 'error');
        await expect(page.locator('ol#error-list > li').first()).toBeAttached();
        if (scheme) await chooseScheme(page, scheme);
        expect(await axeViolations(page, label('load error')), 'axe violations').toEqual([]);
      });
    });
  }
}
