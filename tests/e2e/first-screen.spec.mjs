// The chart comes first: on the first screen, before the app (its WASM held back) and after,
// the headline and the chart's marks are in the upper two-thirds, a phone shows at most six
// controls, and the download formats wait behind «Скачать» until it is opened (then the
// keyboard reaches them). Screenshots of the page in every look land in
// target/screenshots/first-screen-*.

import { expect, openFirstView, openReady, test } from './fixtures.mjs';
import { DATA_PATH, dataset, locale } from './data.mjs';
import { screenshot } from './ui.mjs';

const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 800 };

/**
 * What the first screen shows of the copy at `root`: the headline's and the marks' (bars,
 * points) bottom edges, and the controls a reader sees there. A control is what takes a
 * press: a button, a select, a menu's button, the visually-impaired switch (its label), and a
 * radio group once (the Chart/Table tabs: one stop, arrows between). The disclosures inside
 * the value cards are the cards' text, folded, and links in the text are not counted.
 */
const firstScreen = (page, root) =>
  page.evaluate((root) => {
    const scope = document.querySelector(root);
    const inView = (el) => {
      const r = el.getBoundingClientRect();
      return el.checkVisibility() && r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.left < innerWidth;
    };
    const headline = [...scope.querySelectorAll('.headline')].find((el) => el.checkVisibility());
    const drawing = [...scope.querySelectorAll('.chart-figure .chart svg')].find((el) => el.checkVisibility());
    const marks = drawing ? [...drawing.querySelectorAll('rect, circle')].filter((m) => m.getBoundingClientRect().height > 0) : [];
    const single = [...scope.querySelectorAll('button, select, .menu > summary, label.vi-button')].filter(inView);
    const radios = [...scope.querySelectorAll('input[type="radio"]')].filter((input) => [...input.labels].some(inView));
    const groups = new Set(radios.map((r) => r.name));
    const name = (el) => (el.id || el.className || el.tagName).toString();
    return {
      height: innerHeight,
      headline: headline?.getBoundingClientRect().bottom ?? null,
      marks: marks.length,
      marksBottom: Math.max(...marks.map((m) => m.getBoundingClientRect().bottom)),
      controls: [...single.map(name), ...[...groups].map((g) => `radios ${g}`)],
      scrollWidth: document.documentElement.scrollWidth,
    };
  }, root);

for (const viewport of [PHONE, DESKTOP]) {
  const { width, height } = viewport;
  test.describe(`the chart comes first at ${width} × ${height}`, () => {
    test.use({ viewport });

    // The first view is drawn in Russian; in English the app draws the page.
    for (const [lang, copy] of [['ru', 'first view'], ['ru', 'app'], ['en', 'app']]) {
      test(`${lang}, ${copy}: headline and marks in the upper two-thirds, formats behind Download`, async ({ page, wasmGate }) => {
        const held = copy === 'first view';
        const strings = locale(lang);
        const root = held ? '#prerender' : '#app';
        if (held) await openFirstView(page, wasmGate);
        else await openReady(page, lang === 'ru' ? '' : '?lang=en');
        const seen = await firstScreen(page, root);
        const twoThirds = (seen.height * 2) / 3;
        expect(seen.headline, 'the headline ends in the upper two-thirds').not.toBeNull();
        expect(seen.headline, 'the headline ends in the upper two-thirds').toBeLessThanOrEqual(twoThirds);
        expect(seen.marks, "both parks' marks are drawn").toBeGreaterThanOrEqual(2);
        expect(seen.marksBottom, 'the marks end in the upper two-thirds').toBeLessThanOrEqual(twoThirds);
        expect(seen.scrollWidth, 'no sideways scroll').toBeLessThanOrEqual(width);
        if (width === PHONE.width) {
          expect(seen.controls.length, `at most six controls on a phone's first screen: ${seen.controls}`).toBeLessThanOrEqual(6);
        }
        if (held) await screenshot(page, `first-screen-${width}-ru-before-app`);
        await expect(page.locator(`${root} .headline >> visible=true`)).toHaveText(lang === 'ru' ? /^Общая площадь:/ : /^Total area:/);

        // What each confidence mark means, in one line under the cards (no hover on a phone).
        const legend = await page.locator(`${root} .confidence-legend`).textContent();
        for (const [key, word] of Object.entries(strings.confidence)) {
          expect(legend, `${key}: the word`).toContain(word);
          expect(legend, `${key}: the hint`).toContain(strings.confidence_hint[key]);
        }

        // The formats are hidden until the menu is opened; then the keyboard reaches them.
        const menu = page.locator(`${root} .download-menu >> visible=true`);
        const format = menu.locator('.menu-item').first();
        await expect(format, 'the formats wait behind Download').toBeHidden();
        const summary = menu.locator('summary');
        await expect(summary).toHaveText(strings.downloads_label);
        await summary.focus();
        await page.keyboard.press('Enter');
        await expect(format, 'Enter opens the menu').toBeVisible();
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => document.activeElement?.closest('.menu-item')?.dataset.kind);
        expect(focused, 'Tab goes to the first format').toBe('download-csv');
        const box = await format.boundingBox();
        expect(box.x >= 0 && box.x + box.width <= width, `the format is on screen: ${JSON.stringify(box)}`).toBe(true);
        if (!held) {
          // The app's menu closes on Esc and gives the focus back to its button.
          await page.keyboard.press('Escape');
          await expect(format, 'Esc closes the menu').toBeHidden();
          expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
        }
      });
    }
  });
}

test.describe('at 1280 × 800', () => {
  test.use({ viewport: DESKTOP });

  test('no ratio where the values were stated years apart: the headline says why', async ({ page }) => {
    const data = dataset();
    data.observations.find((o) => o.park === 'technopark-perm' && o.metric === 'area_m2').date = '2023';
    await page.route(`**${DATA_PATH}`, (route) => route.fulfill({ json: data }));
    await openReady(page);
    const headline = 'Общая площадь: отношение не приводится — значения относятся к разным датам (2019 и 2023)';
    const spaced = (text) => text.replace(/\u00a0/g, ' ');
    expect(spaced(await page.textContent('#headline'))).toBe(headline);
    const alt = await page.getAttribute('#compare-chart .chart[role="img"]', 'aria-label');
    expect(spaced(alt).startsWith(`${headline}. `), 'and leads the text alternative').toBe(true);
    // Investment, stated for the same year, keeps its ratio, as the data gives it.
    await page.selectOption('#metric-select', 'investment_rub');
    const values = Object.fromEntries(data.observations.filter((o) => o.metric === 'investment_rub').map((o) => [o.park, o.value]));
    const ratio = (values['morion-digital'] / values['technopark-perm']).toFixed(1).replace('.', ',');
    await expect(page.locator('#headline')).toContainText(ratio);
  });

  test('the filters are always open, with no fold button of their own', async ({ page }) => {
    await openReady(page);
    await expect(page.locator('#app #filter-level')).toBeVisible();
    await expect(page.locator('#app .filters-fold > summary')).toBeHidden();
  });

  for (const [lang, query, file] of [['ru', '', 'table.html'], ['en', '?lang=en', 'table-en.html']]) {
    test(`the footer links the plain table page in the reader's language (${lang})`, async ({ page }) => {
      await openReady(page, query);
      await expect(page.locator('#app .site-footer a.table-page')).toHaveAttribute('href', file);
      expect((await page.request.get(file)).status(), `${file} is served`).toBe(200);
    });
  }
});

test.describe('on a phone (360 × 780)', () => {
  test.use({ viewport: PHONE });

  test('the timeline\'s filters fold behind «Фильтры», which says how many are set', async ({ page }) => {
    await openReady(page, '?level=federal&q=2019');
    const fold = page.locator('#app .filters-fold');
    await expect(page.locator('#app .filters'), 'folded at first').toBeHidden();
    await expect(fold.locator('summary')).toHaveText(`${locale('ru').filters} (2)`);
    // The list comes right after the fold's button.
    const gap = await page.evaluate(() => {
      const summary = document.querySelector('#app .filters-fold > summary').getBoundingClientRect();
      return document.querySelector('#app li.event').getBoundingClientRect().top - summary.bottom;
    });
    expect(gap, 'the first event right under the fold').toBeLessThan(120);
    await fold.locator('summary').click();
    await expect(page.locator('#app #filter-level'), 'opened, the filters').toBeVisible();
    await expect(page.locator('#app #filter-level')).toHaveValue('federal');
  });
});

test.describe('screenshots of the first screen', () => {
  for (const lang of ['ru', 'en']) {
    for (const look of ['light', 'dark', 'vi']) {
      test.describe(() => {
        test.use({ colorScheme: look === 'dark' ? 'dark' : 'light' });
        test(`${lang}, ${look}`, { tag: '@widths' }, async ({ page }) => {
          const query = [lang === 'en' ? 'lang=en' : '', look === 'vi' ? 'a11y=1' : ''].filter(Boolean).join('&');
          await openReady(page, query ? `?${query}` : '');
          // The screen a reader first sees, not the whole page (at 360 px the page is 37 000 px
          // tall, and a full-page capture takes a second).
          await screenshot(page, `first-screen-${page.viewportSize().width}-${lang}-${look}`, { fullPage: false });
        });
      });
    }
  }
});
