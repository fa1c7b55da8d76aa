// The chart comes first: on the first screen, before the app (its WASM held back) and after,
// the headline and the chart's marks are in the upper two-thirds, a phone shows at most six
// controls, and the download formats wait behind «Скачать» until it is opened (then the
// keyboard reaches them). Screenshots of the page in every look land in
// target/screenshots/first-screen-*.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshot, startServer } from './helpers.mjs';
import { DATA_PATH, assertClean, dataset, locale, openPageRouted, serveAndBrowse, waitForState } from './support.mjs';

const env = serveAndBrowse();

/** Opens `query` at `width` × `height`; with `held`, the WASM waits until `release()`. */
async function open(query, { width, height, held = false, colorScheme = 'light' }) {
  let release = () => {};
  const gate = new Promise((resolve) => (release = resolve));
  const routes = held ? { '**/*.wasm': async (route) => (await gate, route.continue()) } : {};
  const record = await openPageRouted(env.browser, `${env.server.url}/${query}`, routes, {
    width,
    height,
    colorScheme,
    waitUntil: 'domcontentloaded',
  });
  if (held) await record.page.locator('#prerender').waitFor();
  else await waitForState(record.page, 'ready');
  return { ...record, release };
}

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
    const radios = [...scope.querySelectorAll('input[type="radio"]')].filter((input) =>
      [...input.labels].some(inView),
    );
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

describe('the chart comes first', () => {
  for (const [width, height] of [
    [360, 780],
    [1280, 800],
  ]) {
    for (const lang of ['ru', 'en']) {
      // The first view is drawn in Russian; in English the app draws the page.
      const copies = lang === 'ru' ? ['first view', 'app'] : ['app'];
      for (const copy of copies) {
        it(`${width} × ${height}, ${lang}, ${copy}: headline and marks in the upper two-thirds, formats behind Download`, async () => {
          const held = copy === 'first view';
          const record = await open(lang === 'ru' ? '' : '?lang=en', { width, height, held });
          const { page, context, release } = record;
          try {
            const root = held ? '#prerender' : '#app';
            const seen = await firstScreen(page, root);
            const twoThirds = (seen.height * 2) / 3;
            assert.ok(seen.headline !== null && seen.headline <= twoThirds, `headline ends at ${seen.headline} px of ${seen.height}`);
            assert.ok(seen.marks >= 2, `both parks' marks are drawn (${seen.marks})`);
            assert.ok(seen.marksBottom <= twoThirds, `the marks end at ${seen.marksBottom} px, within ${twoThirds}`);
            assert.ok(seen.scrollWidth <= width, `no sideways scroll (${seen.scrollWidth} px)`);
            if (width === 360) {
              assert.ok(seen.controls.length <= 6, `at most six controls on a phone's first screen: ${seen.controls.join(', ')}`);
            }
            if (held) await screenshot(page, `first-screen-${width}-ru-before-app`);
            const headline = await page.locator(`${root} .headline >> visible=true`).textContent();
            assert.ok(headline.startsWith(lang === 'ru' ? 'Общая площадь:' : 'Total area:'), headline);

            // What each confidence mark means, in one line under the cards (no hover on a phone).
            const legend = await page.locator(`${root} .confidence-legend`).textContent();
            for (const [key, word] of Object.entries(locale(lang).confidence)) {
              assert.ok(legend.includes(word) && legend.includes(locale(lang).confidence_hint[key]), `${key}: ${legend}`);
            }

            // The formats are hidden until the menu is opened; then the keyboard reaches them.
            const menu = page.locator(`${root} .download-menu >> visible=true`);
            const formats = menu.locator('.menu-item');
            assert.equal(await formats.first().isVisible(), false, 'the formats wait behind Download');
            const summary = menu.locator('summary');
            assert.equal((await summary.textContent()).trim(), locale(lang).downloads_label);
            await summary.focus();
            await page.keyboard.press('Enter');
            assert.equal(await formats.first().isVisible(), true, 'Enter opens the menu');
            await page.keyboard.press('Tab');
            const focused = await page.evaluate(() => document.activeElement?.closest('.menu-item')?.dataset.kind);
            assert.equal(focused, 'download-csv', 'Tab goes to the first format');
            const box = await formats.first().boundingBox();
            assert.ok(box.x >= 0 && box.x + box.width <= width, `the format is on screen: ${JSON.stringify(box)}`);
            if (!held) {
              // The app's menu closes on Esc and gives the focus back to its button.
              await page.keyboard.press('Escape');
              assert.equal(await formats.first().isVisible(), false, 'Esc closes the menu');
              assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SUMMARY');
            }
            assertClean(record);
          } finally {
            release();
            await context.close();
          }
        });
      }
    }
  }

  it('no ratio where the values were stated years apart: the headline says why', async () => {
    const data = dataset();
    const perm = data.observations.find((o) => o.park === 'technopark-perm' && o.metric === 'area_m2');
    perm.date = '2023';
    const server = await startServer({
      overrides: new Map([[DATA_PATH, { body: JSON.stringify(data), contentType: 'application/json' }]]),
    });
    const record = await openPageRouted(env.browser, `${server.url}/`, {}, { width: 1280, height: 800 });
    try {
      await waitForState(record.page, 'ready');
      const headline = (await record.page.textContent('#headline')).replace(/\u00a0/g, ' ');
      assert.equal(headline, 'Общая площадь: отношение не приводится — значения относятся к разным датам (2019 и 2023)');
      const alt = await record.page.getAttribute('#compare-chart .chart[role="img"]', 'aria-label');
      assert.ok(alt.replace(/\u00a0/g, ' ').startsWith(`${headline}. `), 'and leads the text alternative');
      // Investment, stated for the same year, keeps its ratio, as the data gives it.
      await record.page.selectOption('#metric-select', 'investment_rub');
      const values = Object.fromEntries(
        data.observations.filter((o) => o.metric === 'investment_rub').map((o) => [o.park, o.value]),
      );
      const ratio = (values['morion-digital'] / values['technopark-perm']).toFixed(1).replace('.', ',');
      await record.page.waitForFunction((r) => document.querySelector('#headline')?.textContent.includes(r), ratio);
      assertClean(record);
    } finally {
      await record.context.close();
      await server.close();
    }
  });

  it('on a phone the timeline\'s filters fold behind «Фильтры», which says how many are set', async () => {
    const record = await open('?level=federal&q=2019', { width: 360, height: 780 });
    const { page, context } = record;
    try {
      const fold = page.locator('#app .filters-fold');
      assert.equal(await page.locator('#app .filters').isVisible(), false, 'folded at first');
      assert.equal((await fold.locator('summary').textContent()).trim(), `${locale('ru').filters} (2)`);
      // The list comes right after the fold's button.
      const gap = await page.evaluate(() => {
        const summary = document.querySelector('#app .filters-fold > summary').getBoundingClientRect();
        const first = document.querySelector('#app li.event').getBoundingClientRect();
        return first.top - summary.bottom;
      });
      assert.ok(gap < 120, `the first event ${gap} px under the fold`);
      await fold.locator('summary').click();
      assert.equal(await page.locator('#app #filter-level').isVisible(), true, 'opened, the filters');
      assert.equal(await page.locator('#app #filter-level').inputValue(), 'federal');
      assertClean(record);
    } finally {
      await context.close();
    }
    // Wider, the fold is always open and has no button of its own.
    const wide = await open('', { width: 1280, height: 800 });
    try {
      assert.equal(await wide.page.locator('#app #filter-level').isVisible(), true);
      assert.equal(await wide.page.locator('#app .filters-fold > summary').isVisible(), false);
    } finally {
      await wide.context.close();
    }
  });

  it('the footer links the plain table page in the reader\'s language', async () => {
    for (const [query, file] of [['', 'table.html'], ['?lang=en', 'table-en.html']]) {
      const record = await open(query, { width: 1280, height: 800 });
      try {
        const link = record.page.locator('#app .site-footer a.table-page');
        assert.equal(await link.getAttribute('href'), file);
        const response = await record.page.request.get(`${env.server.url}/${file}`);
        assert.equal(response.status(), 200, `${file} is served`);
        assertClean(record);
      } finally {
        await record.context.close();
      }
    }
  });

  it('screenshots of the first screen: 360, 768 and 1280 px, ru and en, light, dark and visually impaired', async () => {
    for (const width of [360, 768, 1280]) {
      for (const lang of ['ru', 'en']) {
        for (const look of ['light', 'dark', 'vi']) {
          const query = [lang === 'en' ? 'lang=en' : '', look === 'vi' ? 'a11y=1' : ''].filter(Boolean).join('&');
          const record = await open(query ? `?${query}` : '', {
            width,
            height: width === 360 ? 780 : 800,
            colorScheme: look === 'dark' ? 'dark' : 'light',
          });
          try {
            await screenshot(record.page, `first-screen-${width}-${lang}-${look}`);
            assertClean(record);
          } finally {
            await record.context.close();
          }
        }
      }
    }
  });
});

