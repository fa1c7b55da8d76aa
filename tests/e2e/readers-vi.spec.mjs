// Issue 23, the rest, 2: the visually-impaired mode at 200 and 250 % at every width and
// scheme: one column, no inner scroll, no word split inside, chart text to scale and not cut
// at its drawing's edge; and its charts as tables keep whole words in their headers.
// Screenshots: readers-2-vi-*.

import { expect, openReady, settled, test } from './fixtures.mjs';
import { chartWidths, readingProblems, shot, storeVi, tableHeaders } from './readers-reads.mjs';

/** Opens the page with `stored` visually-impaired settings and waits for the mode's classes. */
async function openVi(page, stored, classes) {
  await storeVi(page, stored);
  await openReady(page);
  await expect(page.locator(`#app.a11y${classes}`)).toBeAttached();
}

for (const size of ['200', '250']) {
  for (const scheme of ['bw', 'wb', 'blue']) {
    test(`${size} %, scheme ${scheme}: one column, no inner scroll, no word split, chart text to scale and uncut`, { tag: '@widths' }, async ({ page }) => {
      const { width } = page.viewportSize();
      await openVi(page, `on=1;size=${size};scheme=${scheme};images=on`, `.vi-size-${size}.vi-scheme-${scheme}`);
      // The charts as drawn at this size: the app redraws them at their measured width.
      await settled(() => chartWidths(page), 'the charts\' drawing');
      const problems = await readingProblems(page);
      if (scheme === 'bw' || (size === '250' && scheme === 'wb')) {
        // The screen, then the timeline's: the whole page at 250 % is too tall to picture.
        await shot(page, `readers-2-vi-${width}-${size}-${scheme}`);
        await page.locator('#timeline').scrollIntoViewIfNeeded();
        await shot(page, `readers-2-vi-${width}-${size}-${scheme}-timeline`);
      }
      expect(problems, `${width} px ${size} % ${scheme}`).toEqual([]);
    });
  }
}

test.describe('360 px, 250 %, charts as tables', () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test('the tables keep whole words in their headers', async ({ page }) => {
    await openVi(page, 'on=1;size=250;scheme=bw;images=off', '');
    const headers = await tableHeaders(page);
    expect(headers.length, 'tables are shown').toBeGreaterThan(0);
    await page.locator('#app table >> visible=true').first().scrollIntoViewIfNeeded();
    await shot(page, 'readers-2-vi-360-250-tables');
    expect(headers.filter((h) => h.lines > h.words), 'no header breaks inside its words').toEqual([]);
  });
});
