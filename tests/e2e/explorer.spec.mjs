// The loaded explorer against the real dataset: comparison chart and cards, typography in both
// languages, the metric switch and its URL. Expected values come from the served JSON.
// (The language switch, the timeline and the sources: timeline.spec.mjs.)

import { expect, laidOutNearViewport, openReady, test, waitForState } from './fixtures.mjs';
import { DERIVED_METRICS, NBSP, fill, isSeries, locale, parkValues, plain } from './data.mjs';
import {
  MORION,
  PERM,
  STRATEGIC,
  chooseMetric,
  data,
  expectedBars,
  latest,
  params,
  parkColor,
  parkName,
  readCards,
  sourceUrls,
  stableChart,
} from './explorer-reads.mjs';
import { screenshot } from './ui.mjs';

const RU = locale('ru');
const EN = locale('en');

test.describe('explorer layout', () => {
  test('a jump, as a scrollbar drag makes, leaves what is on screen in place', { tag: '@widths' }, async ({ page }) => {
    await openReady(page);
    // What a part drawn late at a stale size would break: the events and sources far down the
    // page are laid out only near the viewport (style.css, content-visibility), at the sizes
    // the page last laid them out at, which a change of language, visually-impaired mode or
    // width makes stale until the page, once idle, lays them out again (ui::NearViewport).
    const { width, height } = page.viewportSize();
    const changes = [
      ['as opened', async () => {}],
      ['after a language switch', () => page.click('#lang-toggle')],
      ['after a width change', () => page.setViewportSize({ width: width > 700 ? width - 300 : width + 300, height })],
      ['after the visually-impaired mode', () => page.click('label[for="vi"]')],
    ];
    for (const [when, change] of changes) {
      await change();
      await laidOutNearViewport(page, when);
      expect(await jumpShifts(page), `${when}: what is at the middle of the screen after a jump moves in the next frames`).toEqual([]);
    }
  });

  test('clips nothing the parts laid out near the viewport draw outside their box', { tag: '@widths' }, async ({ page }) => {
    // Their paint containment (content-visibility) clips to the padding box and its
    // overflow-clip-margin: a year's dot on the timeline's line and a focus ring reach past it.
    await openReady(page);
    await laidOutNearViewport(page, 'as opened');
    const PARTS = '#app :is(.timeline-year, .event, .sources, .lifecycle .chart-wrap)';
    const outside = async () =>
      page.evaluate((selector) => {
        const found = [];
        for (const part of document.querySelectorAll(selector)) {
          const style = getComputedStyle(part);
          if (style.contentVisibility !== 'auto' || part.hidden || !part.firstElementChild?.checkVisibility({ contentVisibilityAuto: true })) continue;
          const margin = parseFloat(style.overflowClipMargin) || 0;
          const box = part.getBoundingClientRect();
          const clip = {
            left: box.left + parseFloat(style.borderLeftWidth) - margin,
            right: box.right - parseFloat(style.borderRightWidth) + margin,
            top: box.top + parseFloat(style.borderTopWidth) - margin,
            bottom: box.bottom - parseFloat(style.borderBottomWidth) + margin,
          };
          for (const el of part.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (!r.width || !r.height || el.closest('[hidden]')) continue;
            // What a focused element draws: its outline (style.css's :focus-visible ring).
            const ring = el === document.activeElement ? parseFloat(getComputedStyle(el).outlineWidth) + parseFloat(getComputedStyle(el).outlineOffset) : 0;
            if (r.left - ring < clip.left - 0.5 || r.right + ring > clip.right + 0.5 || r.top - ring < clip.top - 0.5 || r.bottom + ring > clip.bottom + 0.5) {
              found.push(`${part.className} > ${el.tagName.toLowerCase()}.${el.className}${ring ? ' (focused)' : ''}`);
            }
          }
        }
        return [...new Set(found)];
      }, PARTS);
    const year = page.locator('#app li.timeline-year:not([hidden]) h3.year').nth(1);
    await year.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    expect(await outside(), 'drawn outside what a part paints, by a year on screen').toEqual([]);
    for (const focusable of ['#app li.event:not([hidden]) button.event-select', '#app .sources a']) {
      await page.locator(focusable).nth(1).evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      expect(await outside(), `drawn outside what a part paints, with ${focusable} focused`).toEqual([]);
    }
  });

  test('shows both parks, one bar per park with an area, and fits the width', { tag: '@widths' }, async ({ page }) => {
    expect(data.metrics[0].id, 'the default metric is the first: area_m2').toBe('area_m2');
    expect(isSeries(data, 'area_m2'), 'area_m2 is drawn as bars (one value per park)').toBe(false);
    const bars = expectedBars('area_m2');
    expect(bars.length, 'both parks have an area in the dataset').toBeGreaterThanOrEqual(2);
    const { width } = page.viewportSize();

    await openReady(page);
    const chart = await stableChart(page);
    const cards = await readCards(page);
    expect(Object.keys(cards), 'one card per park, in dataset order').toEqual(data.parks.map((p) => p.id));
    for (const park of data.parks) {
      expect(cards[park.id].name, `card name of ${park.id}`).toBe(park.name.ru);
      expect(chart.texts, `chart labels ${park.id}`).toContain(park.name.ru);
    }
    expect(chart.rects, 'bar fills (one per park with data)').toEqual(bars);
    expect(chart.aria, 'aria-label').toMatch(new RegExp(`^${data.metrics[0].label.ru}: `));

    await screenshot(page, `explorer-${width}`);
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      svgRight: document.querySelector('#compare-chart svg').getBoundingClientRect().right,
      boxRight: document.querySelector('#compare-chart .chart').getBoundingClientRect().right,
    }));
    expect(layout.scrollWidth, 'no horizontal scroll').toBeLessThanOrEqual(width);
    expect(layout.svgRight, 'the chart svg stays in its box').toBeLessThanOrEqual(layout.boxRight + 1);
  });

  test('a table wider than its box keeps its caption in view, wrapped at the box', async ({ page }) => {
    // On a phone the lifecycle table scrolls sideways in its box; its caption, which names it,
    // is read without scrolling and stays put while the table scrolls (style.css).
    await page.setViewportSize({ width: 360, height: 800 });
    await openReady(page);
    const read = (scrollLeft) =>
      page.evaluate(
        (left) =>
          new Promise((resolve) => {
            const box = document.getElementById('lifecycle-table').closest('.table-scroll');
            box.scrollIntoView();
            if (left !== null) box.scrollLeft = left;
            requestAnimationFrame(() => {
              const b = box.getBoundingClientRect();
              const c = box.querySelector('caption').getBoundingClientRect();
              resolve({ wide: box.scrollWidth > box.clientWidth + 1, scrolled: box.scrollLeft, box: [b.left, b.right], caption: [c.left, c.right] });
            });
          }),
        scrollLeft,
      );
    const start = await read(null);
    expect(start.wide, 'at 360 px the lifecycle table is wider than its box').toBe(true);
    const end = await read(10_000);
    expect(end.scrolled, 'the box scrolled sideways').toBeGreaterThan(0);
    for (const [when, at] of [['before scrolling', start], ['scrolled to its end', end]]) {
      // Within a pixel: a scroll to the end can stop at a fraction of one.
      expect(Math.abs(at.caption[0] - at.box[0]), `${when}: the caption starts at the box's left edge`).toBeLessThanOrEqual(1);
      expect(at.caption[1], `${when}: the caption ends within the box`).toBeLessThanOrEqual(at.box[1] + 0.5);
    }
  });

  test('gives each figure its sources and confidence', async ({ page }) => {
    await openReady(page);
    const cards = await readCards(page);
    for (const { park, values } of parkValues(data, 'area_m2')) {
      const card = cards[park.id];
      if (values.length === 0) {
        expect(card.noData, `${park.id}: no data`).toBe(RU.no_data);
        continue;
      }
      const obs = values.at(-1);
      expect(card.noData, `${park.id}: has data`).toBeNull();
      expect(card.provenance, `${park.id}: provenance of the area`).toEqual([
        { links: sourceUrls(obs.sources), confidence: RU.confidence[obs.confidence] },
      ]);
    }
  });
});

test.describe('typography', () => {
  // Known facts of the dataset the exact strings below are written for.
  test.beforeAll(() => {
    expect(latest('area_m2', MORION)?.value, 'dataset: Morion area 86 000 m²').toBe(86000);
    expect(latest('area_m2', PERM)?.value, 'dataset: Technopark Perm area 16 949 m²').toBe(16949);
    expect(latest('investment_rub', MORION)?.value, 'dataset: Morion 726.2M RUB').toBe(726200000);
    expect(latest('investment_rub', PERM)?.value, 'dataset: Technopark Perm 97M RUB').toBe(97000000);
    expect(data.events.find((e) => e.id === STRATEGIC)?.date, 'dataset: the strategic session').toBe('2019-10-10');
  });

  const expected = {
    ru: {
      area_m2: { [MORION]: `86${NBSP}000${NBSP}м²`, [PERM]: `16${NBSP}949${NBSP}м²` },
      investment_rub: { [MORION]: `726,2${NBSP}млн${NBSP}₽`, [PERM]: `97${NBSP}млн${NBSP}₽` },
      date: '10 октября 2019 г.',
      ratio: { area_m2: '5,1', investment_rub: '7,5' },
      headline: (label, ratio) =>
        `${label}: ${parkName(MORION, 'ru')} — в ${ratio}${NBSP}раза больше, чем ${parkName(PERM, 'ru')}`,
    },
    en: {
      area_m2: { [MORION]: `86,000${NBSP}m²`, [PERM]: `16,949${NBSP}m²` },
      investment_rub: { [MORION]: `RUB${NBSP}726.2M`, [PERM]: `RUB${NBSP}97M` },
      date: '10 October 2019',
      ratio: { area_m2: '5.1', investment_rub: '7.5' },
      headline: (label, ratio) => `${label}: ${parkName(MORION, 'en')} — ${ratio} times that of ${parkName(PERM, 'en')}`,
    },
  };

  for (const lang of ['ru', 'en']) {
    const want = expected[lang];
    test(`writes figures and dates the ${lang} way, and html[lang] is "${lang}"`, async ({ page }) => {
      await openReady(page, lang === 'en' ? '?lang=en' : '');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      for (const metric of ['area_m2', 'investment_rub']) {
        const chart = metric === 'area_m2' ? await stableChart(page) : await chooseMetric(page, metric);
        const cards = await readCards(page);
        for (const park of [MORION, PERM]) {
          expect(cards[park].values, `${metric} ${park}`).toEqual([want[metric][park]]);
          expect(chart.texts, `the chart labels the ${park} bar`).toContain(want[metric][park]);
        }
        // The headline says the ratio first, checked against the data.
        const values = Object.fromEntries(
          data.observations.filter((o) => o.metric === metric).map((o) => [o.park, o.value]),
        );
        const computed = (values[MORION] / values[PERM]).toFixed(1);
        expect(lang === 'ru' ? computed.replace('.', ',') : computed, `${metric}: the ratio from the data`).toBe(
          want.ratio[metric],
        );
        const label = data.metrics.find((m) => m.id === metric).label[lang];
        const headline = want.headline(label, want.ratio[metric]);
        const items = [MORION, PERM]
          .map((park) => fill(locale(lang).chart_alt_item, parkName(park, lang), want[metric][park]))
          .join(', ');
        expect(chart.aria, `${metric}: chart text alternative`).toBe(`${headline}. ${label}: ${items}.`);
        await expect(page.locator('#headline'), `${metric}: the headline`).toHaveText(headline);
      }
      const time = page.locator(`li.event[data-event-id="${STRATEGIC}"] time.event-date`);
      await expect(time, 'strategic session date').toHaveText(want.date);
      await expect(time, 'machine-readable date').toHaveAttribute('datetime', '2019-10-10');
    });
  }

  // The derived rouble-per-m² figures, computed from the JSON.
  const perM2 = (park) => Math.round(latest('investment_rub', park).value / latest('area_m2', park).value);
  const grouping = {
    ru: (n) => fill(RU.unit_rub_per_m2, n < 10_000 ? String(n) : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP)),
    en: (n) => fill(EN.unit_rub_per_m2, n.toLocaleString('en-US')),
  };
  for (const [lang, what] of [['ru', 'leaves four-digit numbers ungrouped in Russian'], ['en', 'groups four-digit numbers in English']]) {
    test(what, async ({ page }) => {
      await openReady(page, `?${lang === 'en' ? 'lang=en&' : ''}metric=investment_per_m2`);
      const cards = await readCards(page);
      for (const park of [MORION, PERM]) {
        expect(cards[park].values, `investment per m² of ${park}`).toEqual([grouping[lang](perM2(park))]);
      }
    });
  }
});

test.describe('metric selector', () => {
  const metricIds = [...data.metrics.map((m) => m.id), ...DERIVED_METRICS];

  test('offers the dataset metrics, then the derived ones', async ({ page }) => {
    await openReady(page);
    const options = await page.$$eval('select#metric-select option', (os) =>
      os.map((o) => ({ value: o.value, label: o.textContent })),
    );
    expect(options.map((o) => o.value)).toEqual(metricIds);
    for (const metric of data.metrics) {
      expect(plain(options.find((o) => o.value === metric.id).label), metric.id).toBe(metric.label.ru);
    }
    for (const id of DERIVED_METRICS) {
      expect(options.find((o) => o.value === id).label, id).toBe(RU.derived_metrics[id].label);
    }
    await expect(page.locator('select#metric-select'), 'default').toHaveValue(data.metrics[0].id);
  });

  test('redraws the chart for every metric and writes it into the URL', async ({ page }) => {
    await openReady(page);
    const seen = new Map([[data.metrics[0].id, (await stableChart(page)).svg]]);
    await expect.poll(() => params(page).get('metric'), { message: 'the default metric is not in the URL' }).toBeNull();
    for (const id of metricIds.slice(1)) {
      const chart = await chooseMetric(page, id);
      const label = await page.$eval('select#metric-select', (s) => s.selectedOptions[0].textContent);
      expect(chart.aria.startsWith(label), `${id}: aria-label names the metric: ${chart.aria}`).toBe(true);
      expect([...seen.values()], `${id}: the svg differs from every other metric's`).not.toContain(chart.svg);
      seen.set(id, chart.svg);
      await expect.poll(() => params(page).get('metric'), { message: `${id}: URL` }).toBe(id);
    }
    await chooseMetric(page, data.metrics[0].id);
    await expect.poll(() => params(page).get('metric'), { message: 'back to the default: metric leaves the URL' }).toBeNull();
  });

  test('draws the AKIT rating as dots, and says Technopark Perm has none', async ({ page }) => {
    const ranks = parkValues(data, 'akit_rank');
    const morion = ranks.find((p) => p.park.id === MORION).values;
    expect(morion.length, 'dataset: Morion has 4 ratings').toBe(4);
    expect(ranks.find((p) => p.park.id === PERM).values.length, 'dataset: Technopark Perm has none').toBe(0);
    await openReady(page);
    const chart = await chooseMetric(page, 'akit_rank');
    const dotsOf = (color) => chart.circles.filter((c) => c.fill === color || c.stroke === color).length;
    expect(dotsOf(parkColor(MORION)), 'one dot per Morion rating').toBe(morion.length);
    expect(dotsOf(parkColor(PERM)), 'no dot for Technopark Perm').toBe(0);
    const cards = await readCards(page);
    expect(cards[MORION].values.length, 'Morion card lists every rating').toBe(morion.length);
    expect(cards[PERM].noData, 'Technopark Perm card says no data').toBe(RU.no_data);
    expect(chart.aria, 'aria-label says Technopark Perm has no data').toContain(
      fill(RU.chart_alt_missing, parkName(PERM, 'ru')),
    );
  });

  test('draws one bar for the planned area and says Technopark Perm has no data', async ({ page }) => {
    const planned = parkValues(data, 'planned_area_m2');
    expect(
      planned.filter((p) => p.values.length === 0).map((p) => p.park.id),
      'dataset: only Technopark Perm lacks a planned area',
    ).toEqual([PERM]);
    await openReady(page);
    const chart = await chooseMetric(page, 'planned_area_m2');
    expect(chart.rects, 'bars').toEqual(expectedBars('planned_area_m2'));
    expect(chart.rects.length, 'exactly one bar').toBe(1);
    expect(chart.texts, `the chart says "${RU.no_data}"`).toContain(RU.no_data);
    const cards = await readCards(page);
    expect(cards[PERM]).toMatchObject({ noData: RU.no_data, values: [] });
    expect(cards[MORION].noData).toBeNull();
    expect(cards[MORION].values.length).toBe(1);
  });

  test('shows the formula for a derived metric only', async ({ page }) => {
    await openReady(page);
    const formula = page.locator('#app .formula');
    await expect(formula, 'no formula for area_m2').toHaveCount(0);
    await chooseMetric(page, 'investment_per_m2');
    await expect(formula, 'formula shown for investment_per_m2').toBeVisible();
    await expect(formula).toHaveText(`${RU.formula}: ${RU.derived_metrics.investment_per_m2.formula}`);
    await chooseMetric(page, 'area_m2');
    await expect(formula, 'formula gone again for area_m2').toHaveCount(0);
  });

  test('restores the metric from the URL on reload', async ({ page }) => {
    await openReady(page);
    const chosen = await chooseMetric(page, 'investment_rub');
    await expect.poll(() => params(page).get('metric')).toBe('investment_rub');
    const url = page.url();
    await page.reload();
    await waitForState(page);
    expect(page.url(), 'the reloaded URL is unchanged').toBe(url);
    await expect(page.locator('select#metric-select')).toHaveValue('investment_rub');
    const restored = await stableChart(page);
    expect(restored.aria, 'the same chart after reload').toBe(chosen.aria);
    expect(restored.svg, 'the same svg after reload').toBe(chosen.svg);
  });
});

/**
 * Jumps (sets `scrollTop`, as a scrollbar drag does) to 30, 60 and 85 % of the page, and of the
 * timeline's list where it scrolls on its own (wide screens), and lists what moved the element
 * at the middle of the screen in the three frames after.
 */
const jumpShifts = (page) =>
  page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const panel = document.querySelector('.timeline-panel');
    const scrollers = [document.scrollingElement];
    if (panel.scrollHeight > panel.clientHeight + 1 && getComputedStyle(panel).overflowY === 'auto') scrollers.push(panel);
    const found = [];
    for (const scroller of scrollers) {
      // The list's panel is at the top of the page.
      document.scrollingElement.scrollTop = 0;
      for (const at of [0.3, 0.6, 0.85]) {
        scroller.scrollTop = at * (scroller.scrollHeight - scroller.clientHeight);
        const box = scroller === document.scrollingElement ? { x: 0, y: 0, width: innerWidth, height: innerHeight } : scroller.getBoundingClientRect();
        const seen = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        if (!seen) {
          found.push(`${scroller.className || 'page'} at ${at}: nothing at the middle`);
          continue;
        }
        const y = seen.getBoundingClientRect().y;
        const moves = [];
        for (let i = 0; i < 3; i += 1) {
          await frame();
          moves.push(Math.round(seen.getBoundingClientRect().y - y));
        }
        if (moves.some((m) => m !== 0)) found.push(`${scroller.className || 'page'} at ${at}: ${moves.join(', ')} px`);
      }
    }
    document.scrollingElement.scrollTop = 0;
    return found;
  });
