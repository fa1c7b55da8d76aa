// Accessibility, 4 to 6: reflow at 320 CSS px (at 200 % text and at every visually-impaired
// size), the visually-impaired choice kept and its chart text grown, reduced motion.

import { expect, openReady, test, waitForState } from './fixtures.mjs';
import { chooseScheme, chooseSize, reflowProblems } from './a11y-reads.mjs';
import { screenshot } from './ui.mjs';

/** Turns the visually-impaired mode on from the header's switch. */
async function turnViOn(page) {
  await page.click('label[for="vi"]');
  await expect(page.locator('#a11y-panel')).toBeAttached();
}

test.describe('reflow at 320 CSS px', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const lang of ['ru', 'en']) {
    test(`${lang}: nothing scrolls sideways or hides a control, by default and at 200 % text, where the select works`, async ({ page }) => {
      await openReady(page, `?lang=${lang}`);
      const problems = await reflowProblems(page, `${lang}-default`);
      await page.addStyleTag({ content: 'html { font-size: 200% }' });
      problems.push(...(await reflowProblems(page, `${lang}-text-200`)));
      expect(problems, 'reflow problems at 320 px').toEqual([]);
      // An operable select at 320 px and 200 % text: choosing by the keyboard works.
      await page.focus('#metric-select');
      await page.keyboard.press('ArrowDown');
      await expect(page.locator('#metric-select')).not.toHaveValue('area_m2');
    });

    test(`${lang}: nothing scrolls sideways or hides a control in the visually-impaired mode at 150, 200 and 250 %`, async ({ page }) => {
      await openReady(page, `?lang=${lang}`);
      await turnViOn(page);
      const problems = [];
      for (const size of ['150', '200', '250']) {
        await chooseSize(page, size);
        problems.push(...(await reflowProblems(page, `${lang}-vi-${size}`)));
      }
      expect(problems, 'reflow problems at 320 px').toEqual([]);
    });
  }
});

test.describe('visually-impaired mode', () => {
  test('its radio buttons and check box grow with the text they choose', async ({ page }) => {
    await openReady(page);
    await turnViOn(page);
    for (const size of ['150', '200', '250']) {
      await chooseSize(page, size);
      // A form control keeps the browser's own 13.3 px unless told to inherit the page's.
      const small = await page.locator('#a11y-panel .vi-choice').evaluateAll((labels) =>
        labels
          .map((label) => ({
            label: label.textContent.trim(),
            box: label.querySelector('input').getBoundingClientRect().height,
            text: parseFloat(getComputedStyle(label).fontSize),
          }))
          .filter(({ box, text }) => box < text),
      );
      expect(small, `at ${size} %: controls smaller than their label's text`).toEqual([]);
    }
  });

  test("the load error's list and the link notice are at the mode's size", async ({ page }) => {
    // A lone `monospace` (a <code>'s) would draw the problems at 13/16 of the mode's size.
    const smaller = (list) =>
      list.evaluateAll((items) =>
        items
          .flatMap((li) => [li, ...li.querySelectorAll('*')])
          .map((el) => ({ text: el.textContent.trim().slice(0, 40), px: parseFloat(getComputedStyle(el).fontSize) }))
          .filter(({ px }, _, all) => px < all[0].px),
      );
    const broken = await (await page.request.get('/data/technoparks.json')).json();
    broken.observations[0].park = 'no-such-park';
    await page.route('**/data/technoparks.json', (route) => route.fulfill({ json: broken }));
    await page.goto('/?a11y=1');
    await waitForState(page, 'error');
    await page.unroute('**/data/technoparks.json');
    for (const size of ['150', '250']) {
      await chooseSize(page, size);
      expect(await smaller(page.locator('#error-list > li')), `error list at ${size} %`).toEqual([]);
    }
    await openReady(page, '?a11y=1&park=nope');
    expect(await smaller(page.locator('#link-notice li')), 'link notice').toEqual([]);
  });

  test('with wb + 250 it persists across reload', async ({ page }) => {
    await openReady(page);
    await expect(page.locator('#a11y-panel'), 'off by default').toHaveCount(0);
    await turnViOn(page);
    await expect(page.locator('#vi')).toBeChecked();
    // The switch keeps its name; its label, drawn as a button, names the other version.
    await expect(page.locator('label[for="vi"]')).toHaveText('Обычная версия', { useInnerText: true });
    await chooseScheme(page, 'wb');
    await chooseSize(page, '250');
    await page.reload();
    await waitForState(page);
    await expect(page.locator('#app')).toHaveClass(/(?=.*\ba11y\b)(?=.*\bvi-scheme-wb\b)(?=.*\bvi-size-250\b)/);
    await expect(page.locator('#a11y-panel input[name=vi-scheme][value="wb"]'), 'wb still checked').toBeChecked();
    await expect(page.locator('#a11y-panel input[name=vi-size][value="250"]'), '250 still checked').toBeChecked();
    expect(await page.evaluate(() => localStorage.getItem('technoparks.vi')), 'kept in localStorage "technoparks.vi"').toBeTruthy();
  });

  test('?a11y=1 turns it on in a fresh context, with its settings panel', async ({ page }) => {
    await openReady(page, '?a11y=1');
    await expect(page.locator('#app')).toHaveClass(/\ba11y\b/);
    await expect(page.locator('#a11y-panel')).toHaveCount(1);
  });

  test('chart text grows with the chosen type size (charts drawn narrower, shown full width)', async ({ page }) => {
    await openReady(page);
    // Rendered size of the first text in each chart, and the chart's drawing width.
    const measure = () =>
      page.evaluate(() =>
        ['#compare-chart', '#lifecycle'].map((root) => {
          const svg = document.querySelector(`${root} .chart svg`);
          return {
            drawn: Number(svg.getAttribute('viewBox').split(' ')[2]),
            shown: svg.getBoundingClientRect().width,
            textHeight: svg.querySelector('text').getBoundingClientRect().height,
          };
        }),
      );
    const normal = await measure();
    await page.click('label[for="vi"]');
    await page.click('input[name="vi-size"][value="200"]');
    await expect
      .poll(() => page.evaluate(() => {
        const svg = document.querySelector('#compare-chart .chart svg');
        return Number(svg.getAttribute('viewBox').split(' ')[2]) < svg.getBoundingClientRect().width / 1.5;
      }), 'the comparison chart redrawn narrower')
      .toBe(true);
    const large = await measure();
    for (const [i, root] of ['comparison', 'lifecycle'].entries()) {
      const ratio = large[i].shown / large[i].drawn;
      expect(Math.abs(ratio - 2), `${root}: drawn at half the width it is shown at (${ratio})`).toBeLessThan(0.1);
      expect(large[i].textHeight / normal[i].textHeight, `${root}: chart text grew`).toBeGreaterThan(1.8);
    }
    await screenshot(page, 'vi-200-charts');
  });
});

test.describe('with prefers-reduced-motion: reduce', () => {
  test.use({ reducedMotion: 'reduce' });

  test('no transition or animation is left', async ({ page }) => {
    await openReady(page);
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
    expect(found.matches, 'the context reports prefers-reduced-motion: reduce').toBe(true);
    expect(found.buttons.length).toBeGreaterThan(0);
    expect([...new Set(found.buttons)], 'transition-duration of every button').toEqual(['0s']);
    expect(found.moving, 'elements still animated').toEqual([]);
  });
});
