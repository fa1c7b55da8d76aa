// Accessibility (ГОСТ Р 52872-2019 = WCAG 2.1 AA), 3: the charts' text alternatives, compared
// exactly; reflow at 320 CSS px, at 200 % text and at every visually-impaired size; the
// visually-impaired choice persists and grows the charts' text; reduced motion stops
// transitions.

import { expect, openReady, test, waitForState } from './fixtures.mjs';
import { NBSP, dataset } from './data.mjs';
import { screenshot } from './ui.mjs';
import { chooseScheme, chooseSize } from './a11y-reads.mjs';

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

test.describe('text alternatives', () => {
  test('a chart datum is read with its date, its sources and how sure it is, as its tooltip shows', async ({ page }) => {
    await openReady(page);
    const data = dataset();
    const obs = data.observations.find((o) => o.park === 'morion-digital' && o.metric === 'area_m2');
    const label = (await page.getAttribute('#compare-chart rect.hit[data-park="morion-digital"]', 'aria-label')).replace(/\u00a0/g, ' ');
    expect(label.startsWith('Morion Digital: 86 000 м²; 2019; источники: '), label).toBe(true);
    for (const id of obs.sources) {
      expect(label, 'names the publisher').toContain(data.sources.find((src) => src.id === id).publisher.ru.replace(/\u00a0/g, ' '));
    }
    expect(label.endsWith('; вероятно'), label).toBe(true);
  });

  test('ru: the chart’s alternative is exact, and the live caption follows the metric', async ({ page }) => {
    await openReady(page, '?lang=ru');
    // The headline first, then every value.
    const expected =
      `Общая площадь: Morion Digital — в 5,1${NBSP}раза больше, чем Технопарк Пермь. ` +
      `Общая площадь: Morion Digital — 86${NBSP}000${NBSP}м², Технопарк Пермь — 16${NBSP}949${NBSP}м².`;
    const chart = page.locator('#compare-chart .chart[role="img"]');
    expect(await chart.getAttribute('aria-label'), 'aria-label of the area chart (U+00A0 where shown)').toBe(expected);
    const caption = page.locator('#compare-chart figcaption[aria-live="polite"]');
    expect((await caption.textContent()).trim(), 'the figcaption says the same').toBe(expected);
    await expect(page.locator('#compare-chart .chart svg').first(), 'the drawing itself is hidden from assistive technology').toHaveAttribute('aria-hidden', 'true');

    await page.selectOption('#metric-select', 'akit_rank');
    await expect.poll(async () => (await caption.textContent()).trim(), { message: 'the caption follows the metric' }).not.toBe(expected);
    const rank = (await caption.textContent()).trim();
    const plain = rank.replaceAll(NBSP, ' ');
    expect(plain, 'rank alternative').toContain('2021: 2-е место');
    expect(plain, 'rank alternative').toContain('Технопарк Пермь — нет данных');
    expect(await chart.getAttribute('aria-label'), 'the chart’s aria-label follows the metric too').toBe(rank);
  });
});

test.describe('reflow at 320 CSS px', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const lang of ['ru', 'en']) {
    test(`${lang}: default, html font-size 200 %, visually-impaired 150/200/250 %`, async ({ page }) => {
      await openReady(page, `?lang=${lang}`);
      const problems = [];
      problems.push(...(await checkReflow(page, `${lang}-default`)));
      const large = await page.addStyleTag({ content: 'html { font-size: 200% }' });
      problems.push(...(await checkReflow(page, `${lang}-text-200`)));
      // An operable select at 320 px and 200 % text: choosing by the keyboard works.
      await page.focus('#metric-select');
      await page.keyboard.press('ArrowDown');
      await expect(page.locator('#metric-select')).not.toHaveValue('area_m2');
      await large.evaluate((style) => style.remove());
      // The visually-impaired mode, turned on from the header, at each size.
      await page.click('label[for="vi"]');
      await expect(page.locator('#a11y-panel')).toBeAttached();
      for (const size of ['150', '200', '250']) {
        await chooseSize(page, size);
        problems.push(...(await checkReflow(page, `${lang}-vi-${size}`)));
      }
      expect(problems, 'reflow problems at 320 px').toEqual([]);
    });
  }
});

test.describe('visually-impaired mode', () => {
  test('with wb + 250 persists across a reload', async ({ page }) => {
    await openReady(page);
    await expect(page.locator('#a11y-panel'), 'off by default').toHaveCount(0);
    await page.click('label[for="vi"]');
    await expect(page.locator('#a11y-panel')).toBeAttached();
    await expect(page.locator('#vi')).toBeChecked();
    // The switch keeps its name; its label, drawn as a button, names the other version.
    await expect(page.locator('label[for="vi"]')).toHaveText('Обычная версия', { useInnerText: true });
    await chooseScheme(page, 'wb');
    await chooseSize(page, '250');
    await page.reload();
    await waitForState(page);
    const classes = (await page.getAttribute('#app', 'class')).split(/\s+/);
    expect(classes).toEqual(expect.arrayContaining(['a11y', 'vi-scheme-wb', 'vi-size-250']));
    await expect(page.locator('#a11y-panel input[name=vi-scheme][value="wb"]'), 'wb still checked').toBeChecked();
    await expect(page.locator('#a11y-panel input[name=vi-size][value="250"]'), '250 still checked').toBeChecked();
    expect(await page.evaluate(() => localStorage.getItem('technoparks.vi')), 'kept in localStorage "technoparks.vi"').toBeTruthy();
  });

  test('?a11y=1 turns it on, with its settings panel, in a fresh context', async ({ page }) => {
    await openReady(page, '?a11y=1');
    await expect(page.locator('#app')).toHaveClass(/(^|\s)a11y(\s|$)/);
    await expect(page.locator('#a11y-panel'), 'with its settings panel').toHaveCount(1);
  });

  test('grows the charts’ text with the chosen type size (drawn narrower, shown full width)', async ({ page }) => {
    await openReady(page);
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
    await expect
      .poll(async () => {
        const [compare] = await measure();
        return compare.drawn < compare.shown / 1.5;
      }, { message: 'the comparison is redrawn narrower' })
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
