// The loaded explorer against the real dataset: comparison chart and cards, typography in both
// languages, the metric switch and its URL, the language switch, the timeline filters, the
// inference marks and the source list. Expected counts come from the served JSON.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshot } from './helpers.mjs';
import {
  DERIVED_METRICS,
  NBSP,
  assertClean,
  countText,
  dataset,
  fill,
  isSeries,
  lighten,
  locale,
  parkValues,
  plain,
  serveAndBrowse,
  settled,
  openReady as supportOpenReady,
  withPage as supportWithPage,
  waitForState,
} from './support.mjs';

const data = dataset();
const RU = locale('ru');
const EN = locale('en');
const MORION = 'morion-digital';
const PERM = 'technopark-perm';
const STRATEGIC = 'strategic-session-2019';

const env = serveAndBrowse();

const openReady = (query, viewport) => supportOpenReady(env, query, viewport);
const withPage = (query, body, viewport) => supportWithPage(env, query, body, viewport);

/** The chart as the reader's browser has it: text alternative, markup, marks. */
function readChart(page) {
  return page.evaluate(() => {
    const box = document.querySelector('#compare-chart .chart[role="img"]');
    const svg = box?.querySelector('svg');
    const attr = (el, name) => (el.getAttribute(name) ?? '').toLowerCase();
    return {
      aria: box?.getAttribute('aria-label') ?? null,
      svg: svg?.outerHTML ?? null,
      rects: svg ? [...svg.querySelectorAll('rect')].map((r) => attr(r, 'fill')) : [],
      circles: svg
        ? [...svg.querySelectorAll('circle')].map((c) => ({
            fill: attr(c, 'fill'),
            stroke: attr(c, 'stroke'),
          }))
        : [],
      texts: svg ? [...svg.querySelectorAll('text')].map((t) => t.textContent.trim()) : [],
    };
  });
}

/** The chart once it stops changing (it is redrawn once its width is measured). */
const stableChart = (page) => settled(page, () => readChart(page), 'the chart');

/** The value cards by park id. */
function readCards(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('ul#compare-values > li.value-card')].map((li) => [
        li.dataset.park,
        {
          name: li.querySelector('.park-name')?.textContent.trim() ?? null,
          values: [...li.querySelectorAll('p.value')].map((p) => p.textContent),
          noData: li.querySelector('p.no-data')?.textContent ?? null,
          // Each listed value's confidence (beside it) and sources (behind «Источники и
          // примечания», in the same order).
          provenance: [...li.querySelectorAll(':scope > .figure')].map((figure, i) => ({
            links: [...(li.querySelectorAll(':scope > .provenance .sources-of')[i]?.querySelectorAll('a.source-link') ?? [])]
              .map((a) => a.getAttribute('href')),
            confidence: figure.querySelector('.confidence')?.textContent.trim() ?? null,
          })),
        },
      ]),
    ),
  );
}

/** The query parameters of the page's current URL. */
function params(page) {
  return new URL(page.url()).searchParams;
}

/** Chooses a metric in the selector and waits for the chart to be redrawn for it. */
async function chooseMetric(page, id) {
  const before = await stableChart(page);
  await page.selectOption('select#metric-select', id);
  await page
    .waitForFunction(
      (old) => document.querySelector('#compare-chart .chart svg')?.outerHTML !== old,
      before.svg,
      { timeout: 5_000 },
    )
    .catch(() => assert.fail(`choosing ${id} did not change the chart's svg`));
  return stableChart(page);
}

/** Source URLs of a list of source ids. */
function sourceUrls(ids) {
  return ids.map((id) => data.sources.find((s) => s.id === id).url);
}

const parkName = (id, lang) => data.parks.find((p) => p.id === id).name[lang];
const parkColor = (id) => data.parks.find((p) => p.id === id).color.toLowerCase();
const latest = (metricId, parkId) =>
  parkValues(data, metricId).find((p) => p.park.id === parkId).values.at(-1);

/** The fills of the bars of a bar-chart metric: one per park with a value, in park order. */
function expectedBars(metricId) {
  return parkValues(data, metricId)
    .filter((p) => p.values.length > 0)
    .map(({ park, values }) =>
      values.at(-1).confidence === 'high' ? park.color.toLowerCase() : lighten(park.color.toLowerCase()),
    );
}

describe('explorer layout', () => {
  it('shows both parks, one bar per park with an area, and fits 360, 768 and 1280 px', async () => {
    assert.equal(data.metrics[0].id, 'area_m2', 'the default metric is the first: area_m2');
    assert.ok(!isSeries(data, 'area_m2'), 'area_m2 is drawn as bars (one value per park)');
    const bars = expectedBars('area_m2');
    assert.ok(bars.length >= 2, 'both parks have an area in the dataset');

    for (const width of [360, 768, 1280]) {
      await withPage(
        '',
        async (page) => {
          const chart = await stableChart(page);
          const cards = await readCards(page);
          assert.deepEqual(
            Object.keys(cards),
            data.parks.map((p) => p.id),
            `${width}px: one card per park, in dataset order`,
          );
          for (const park of data.parks) {
            assert.equal(cards[park.id].name, park.name.ru, `${width}px: card name of ${park.id}`);
            assert.ok(
              chart.texts.includes(park.name.ru),
              `${width}px: chart labels ${park.id}: ${JSON.stringify(chart.texts)}`,
            );
          }
          assert.deepEqual(chart.rects, bars, `${width}px: bar fills (one per park with data)`);
          assert.ok(chart.aria?.startsWith(`${data.metrics[0].label.ru}: `), `aria-label: ${chart.aria}`);

          await screenshot(page, `explorer-${width}`);
          const layout = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            svgRight: document.querySelector('#compare-chart svg').getBoundingClientRect().right,
            boxRight: document.querySelector('#compare-chart .chart').getBoundingClientRect().right,
          }));
          assert.ok(
            layout.scrollWidth <= width,
            `${width}px: horizontal scroll (scrollWidth ${layout.scrollWidth})`,
          );
          assert.ok(
            layout.svgRight <= layout.boxRight + 1,
            `${width}px: the chart svg overflows its box (${layout.svgRight} > ${layout.boxRight})`,
          );
        },
        { width, height: 900 },
      );
    }
  });

  it('gives each figure its sources and confidence', async () => {
    await withPage('', async (page) => {
      const cards = await readCards(page);
      for (const { park, values } of parkValues(data, 'area_m2')) {
        const card = cards[park.id];
        if (values.length === 0) {
          assert.equal(card.noData, RU.no_data, `${park.id}: no data`);
          continue;
        }
        const obs = values.at(-1);
        assert.equal(card.noData, null, `${park.id}: has data`);
        assert.deepEqual(
          card.provenance,
          [{ links: sourceUrls(obs.sources), confidence: RU.confidence[obs.confidence] }],
          `${park.id}: provenance of the area`,
        );
      }
    });
  });
});

describe('typography', () => {
  // Known facts of the dataset the exact strings below are written for.
  const facts = () => {
    assert.equal(latest('area_m2', MORION)?.value, 86000, 'dataset: Morion area 86 000 m²');
    assert.equal(latest('area_m2', PERM)?.value, 16949, 'dataset: Technopark Perm area 16 949 m²');
    assert.equal(latest('investment_rub', MORION)?.value, 726200000, 'dataset: Morion 726.2M RUB');
    assert.equal(latest('investment_rub', PERM)?.value, 97000000, 'dataset: Technopark Perm 97M RUB');
    assert.equal(
      data.events.find((e) => e.id === STRATEGIC)?.date,
      '2019-10-10',
      'dataset: the strategic session was on 2019-10-10',
    );
  };

  const expected = {
    ru: {
      area_m2: { [MORION]: `86${NBSP}000${NBSP}м²`, [PERM]: `16${NBSP}949${NBSP}м²` },
      investment_rub: { [MORION]: `726,2${NBSP}млн${NBSP}₽`, [PERM]: `97${NBSP}млн${NBSP}₽` },
      date: '10 октября 2019 г.',
    },
    en: {
      area_m2: { [MORION]: `86,000${NBSP}m²`, [PERM]: `16,949${NBSP}m²` },
      investment_rub: { [MORION]: `RUB${NBSP}726.2M`, [PERM]: `RUB${NBSP}97M` },
      date: '10 October 2019',
    },
  };

  for (const lang of ['ru', 'en']) {
    it(`writes figures and dates the ${lang} way, and html[lang] is "${lang}"`, async () => {
      facts();
      const query = lang === 'en' ? '?lang=en' : '';
      await withPage(query, async (page) => {
        assert.equal(await page.getAttribute('html', 'lang'), lang, 'html[lang]');
        for (const metric of ['area_m2', 'investment_rub']) {
          if (metric !== 'area_m2') {
            await chooseMetric(page, metric);
          }
          const cards = await readCards(page);
          for (const park of [MORION, PERM]) {
            assert.deepEqual(cards[park].values, [expected[lang][metric][park]], `${lang} ${metric} ${park}`);
          }
          const chart = await readChart(page);
          const items = [MORION, PERM]
            .map((park) => fill(locale(lang).chart_alt_item, parkName(park, lang), expected[lang][metric][park]))
            .join(', ');
          const label = data.metrics.find((m) => m.id === metric).label[lang];
          // The larger park and the ratio, as a sighted reader would take it from the bars.
          const ratio = { area_m2: ['5,1', '5.1'], investment_rub: ['7,5', '7.5'] }[metric];
          // The headline says it first, checked against the data: the ratio of the values.
          const values = Object.fromEntries(
            data.observations.filter((o) => o.metric === metric).map((o) => [o.park, o.value]),
          );
          const computed = (values[MORION] / values[PERM]).toFixed(1);
          assert.equal(computed.replace('.', lang === 'ru' ? ',' : '.'), ratio[lang === 'ru' ? 0 : 1], `${metric}: the ratio from the data`);
          const headline = lang === 'ru'
            ? `${label}: ${parkName(MORION, 'ru')} — в ${ratio[0]}${NBSP}раза больше, чем ${parkName(PERM, 'ru')}`
            : `${label}: ${parkName(MORION, 'en')} — ${ratio[1]} times that of ${parkName(PERM, 'en')}`;
          assert.equal(chart.aria, `${headline}. ${label}: ${items}.`, `${lang} ${metric}: chart text alternative`);
          assert.equal((await page.textContent('#headline')).trim(), headline, `${lang} ${metric}: the headline`);
          for (const park of [MORION, PERM]) {
            assert.ok(
              chart.texts.includes(expected[lang][metric][park]),
              `${lang} ${metric}: the chart labels the ${park} bar: ${JSON.stringify(chart.texts)}`,
            );
          }
        }
        const time = page.locator(`li.event[data-event-id="${STRATEGIC}"] time.event-date`);
        assert.equal(await time.textContent(), expected[lang].date, `${lang}: strategic session date`);
        assert.equal(await time.getAttribute('datetime'), '2019-10-10', 'machine-readable date');
      });
    });
  }

  it('leaves four-digit numbers ungrouped in Russian and groups them in English', async () => {
    // The derived rouble-per-m² figures, computed from the JSON.
    const perM2 = (park) =>
      Math.round(latest('investment_rub', park).value / latest('area_m2', park).value);
    const ruNumber = (n) =>
      n < 10_000 ? String(n) : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
    for (const lang of ['ru', 'en']) {
      await withPage(lang === 'en' ? '?lang=en&metric=investment_per_m2' : '?metric=investment_per_m2', async (page) => {
        const cards = await readCards(page);
        for (const park of [MORION, PERM]) {
          const n = perM2(park);
          const text =
            lang === 'ru'
              ? fill(RU.unit_rub_per_m2, ruNumber(n))
              : fill(EN.unit_rub_per_m2, n.toLocaleString('en-US'));
          assert.deepEqual(cards[park].values, [text], `${lang} investment per m² of ${park}`);
        }
      });
    }
  });
});

describe('metric selector', () => {
  const metricIds = [...data.metrics.map((m) => m.id), ...DERIVED_METRICS];

  it('offers the dataset metrics, then the derived ones', async () => {
    await withPage('', async (page) => {
      const options = await page.$$eval('select#metric-select option', (os) =>
        os.map((o) => ({ value: o.value, label: o.textContent })),
      );
      assert.deepEqual(
        options.map((o) => o.value),
        metricIds,
      );
      for (const metric of data.metrics) {
        assert.equal(plain(options.find((o) => o.value === metric.id).label), metric.label.ru, metric.id);
      }
      for (const id of DERIVED_METRICS) {
        assert.equal(options.find((o) => o.value === id).label, RU.derived_metrics[id].label, id);
      }
      assert.equal(await page.inputValue('select#metric-select'), data.metrics[0].id, 'default');
    });
  });

  it('redraws the chart for every metric and writes it into the URL', async () => {
    await withPage('', async (page) => {
      const seen = new Map([[data.metrics[0].id, (await stableChart(page)).svg]]);
      assert.equal(params(page).get('metric'), null, 'the default metric is not in the URL');
      for (const id of metricIds.slice(1)) {
        const chart = await chooseMetric(page, id);
        const label = await page.$eval('select#metric-select', (s) => s.selectedOptions[0].textContent);
        assert.ok(chart.aria.startsWith(label), `${id}: aria-label names the metric: ${chart.aria}`);
        assert.ok(![...seen.values()].includes(chart.svg), `${id}: the svg equals another metric's`);
        seen.set(id, chart.svg);
        assert.equal(params(page).get('metric'), id, `${id}: URL`);
      }
      await chooseMetric(page, data.metrics[0].id);
      assert.equal(params(page).get('metric'), null, 'back to the default: metric leaves the URL');
    });
  });

  it('draws the AKIT rating as dots, and says Technopark Perm has none', async () => {
    const ranks = parkValues(data, 'akit_rank');
    const morion = ranks.find((p) => p.park.id === MORION).values;
    const perm = ranks.find((p) => p.park.id === PERM).values;
    assert.equal(morion.length, 4, 'dataset: Morion has 4 ratings');
    assert.equal(perm.length, 0, 'dataset: Technopark Perm has none');
    await withPage('', async (page) => {
      const chart = await chooseMetric(page, 'akit_rank');
      const dotsOf = (color) =>
        chart.circles.filter((c) => c.fill === color || c.stroke === color).length;
      assert.equal(dotsOf(parkColor(MORION)), morion.length, 'one dot per Morion rating');
      assert.equal(dotsOf(parkColor(PERM)), 0, 'no dot for Technopark Perm');
      const cards = await readCards(page);
      assert.equal(cards[MORION].values.length, morion.length, 'Morion card lists every rating');
      assert.equal(cards[PERM].noData, RU.no_data, 'Technopark Perm card says no data');
      assert.ok(
        chart.aria.includes(fill(RU.chart_alt_missing, parkName(PERM, 'ru'))),
        `aria-label says Technopark Perm has no data: ${chart.aria}`,
      );
    });
  });

  it('draws one bar for the planned area and says Technopark Perm has no data', async () => {
    const planned = parkValues(data, 'planned_area_m2');
    assert.deepEqual(
      planned.filter((p) => p.values.length === 0).map((p) => p.park.id),
      [PERM],
      'dataset: only Technopark Perm lacks a planned area',
    );
    await withPage('', async (page) => {
      const chart = await chooseMetric(page, 'planned_area_m2');
      assert.deepEqual(chart.rects, expectedBars('planned_area_m2'), 'bars');
      assert.equal(chart.rects.length, 1, 'exactly one bar');
      assert.ok(chart.texts.includes(RU.no_data), `the chart says "${RU.no_data}"`);
      const cards = await readCards(page);
      assert.equal(cards[PERM].noData, RU.no_data);
      assert.deepEqual(cards[PERM].values, []);
      assert.equal(cards[MORION].noData, null);
      assert.equal(cards[MORION].values.length, 1);
    });
  });

  it('shows the formula for a derived metric only', async () => {
    await withPage('', async (page) => {
      assert.equal(await page.locator('#app .formula').count(), 0, 'no formula for area_m2');
      await chooseMetric(page, 'investment_per_m2');
      const formula = page.locator('#app .formula');
      assert.ok(await formula.isVisible(), 'formula shown for investment_per_m2');
      assert.equal(
        (await formula.textContent()).trim(),
        `${RU.formula}: ${RU.derived_metrics.investment_per_m2.formula}`,
      );
      await chooseMetric(page, 'area_m2');
      assert.equal(await page.locator('#app .formula').count(), 0, 'formula gone again for area_m2');
    });
  });

  it('restores the metric from the URL on reload', async () => {
    await withPage('', async (page) => {
      const chosen = await chooseMetric(page, 'investment_rub');
      assert.equal(params(page).get('metric'), 'investment_rub');
      const url = page.url();
      await page.reload();
      await waitForState(page, 'ready');
      assert.equal(page.url(), url, 'the reloaded URL is unchanged');
      assert.equal(await page.inputValue('select#metric-select'), 'investment_rub');
      const restored = await stableChart(page);
      assert.equal(restored.aria, chosen.aria, 'the same chart after reload');
      assert.equal(restored.svg, chosen.svg, 'the same svg after reload');
    });
  });
});

describe('language switch', () => {
  const titles = async (page) =>
    Object.fromEntries(
      Object.entries(
        await page.$$eval('li.event', (lis) =>
          Object.fromEntries(
            lis.map((li) => [li.dataset.eventId, li.querySelector('.event-title').textContent]),
          ),
        ),
      ).map(([id, title]) => [id, plain(title)]),
    );
  const expectedTitles = (lang) => Object.fromEntries(data.events.map((e) => [e.id, e.title[lang]]));

  it('switches interface and data text, html[lang] and the URL, and back', async () => {
    await withPage('', async (page) => {
      const toggle = page.locator('button#lang-toggle');
      assert.equal(await page.getAttribute('html', 'lang'), 'ru');
      assert.equal((await page.textContent('h1')).trim(), RU.app_title);
      assert.equal((await toggle.textContent()).trim(), 'English');
      assert.deepEqual(await titles(page), expectedTitles('ru'), 'ru event titles');
      assert.equal(params(page).get('lang'), null, 'ru is the default: no lang in the URL');

      await toggle.click();
      await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5_000 });
      assert.equal((await page.textContent('h1')).trim(), EN.app_title, 'h1 in English');
      assert.notEqual(EN.app_title, RU.app_title);
      assert.equal((await toggle.textContent()).trim(), 'Русский');
      assert.equal(params(page).get('lang'), 'en', 'URL has lang=en');
      const cards = await readCards(page);
      assert.equal(cards[MORION].name, 'Morion Digital', 'park name in English');
      assert.ok((await stableChart(page)).texts.includes('Morion Digital'), 'chart in English');
      const en = await titles(page);
      assert.deepEqual(en, expectedTitles('en'), 'en event titles');
      assert.ok(
        data.events.some((e) => e.title.en !== e.title.ru),
        'dataset: titles differ between languages',
      );
      assert.equal(
        await page.textContent(`li.event[data-event-id="${STRATEGIC}"] time.event-date`),
        '10 October 2019',
      );

      await toggle.click();
      await page.waitForFunction(() => document.documentElement.lang === 'ru', null, { timeout: 5_000 });
      assert.equal((await page.textContent('h1')).trim(), RU.app_title, 'h1 back in Russian');
      assert.deepEqual(await titles(page), expectedTitles('ru'), 'ru event titles again');
      assert.equal(params(page).get('lang'), null, 'lang leaves the URL');
    });
  });
});

describe('timeline', () => {
  const total = data.events.length;
  const federal = data.events.filter((e) => e.level === 'federal');
  const laws = data.events.filter((e) => e.kind === 'law');
  const federalLaws = federal.filter((e) => e.kind === 'law');

  /** What the timeline shows: events with their year group, the count and its text. */
  const readTimeline = (page) =>
    page.evaluate(() => ({
      events: [...document.querySelectorAll('section#timeline li.timeline-year li.event')].map((li) => ({
        id: li.dataset.eventId,
        level: li.dataset.level,
        kind: li.dataset.kind,
        year: li.closest('li.timeline-year').dataset.year,
        date: li.querySelector('time.event-date')?.getAttribute('datetime') ?? null,
        hasSummary: (li.querySelector('.event-summary')?.textContent.trim() ?? '') !== '',
        links: [...li.querySelectorAll('a.source-link')].map((a) => a.getAttribute('href')),
        inferred: li.querySelector('span.inferred') !== null,
      })),
      count: document.querySelector('p#event-count')?.dataset.count ?? null,
      countText: document.querySelector('p#event-count')?.textContent ?? null,
    }));

  const filterTo = async (page, { level, kind }) => {
    if (level !== undefined) await page.selectOption('select#filter-level', level);
    if (kind !== undefined) await page.selectOption('select#filter-kind', kind);
  };

  /** Asserts the timeline shows exactly `expected` events (by id) and says how many. */
  const expectShown = async (page, expected, what) => {
    const n = expected.length;
    await page
      .waitForFunction((c) => document.querySelector('p#event-count')?.dataset.count === String(c), n, {
        timeout: 5_000,
      })
      .catch(() => {});
    const shown = await readTimeline(page);
    assert.deepEqual(
      shown.events.map((e) => e.id).sort(),
      expected.map((e) => e.id).sort(),
      `${what}: the events shown`,
    );
    assert.equal(shown.count, String(n), `${what}: data-count`);
    const text = n === total ? countText('ru', n) : fill(RU.shown_of, n, total, countText('ru', n), countText('ru', total));
    assert.equal(shown.countText, text, `${what}: the count's text`);
    return shown;
  };

  it('shows every event in its year, with date, summary and sources', async () => {
    assert.ok(federal.length > 0 && federal.length < total, 'dataset: some, not all, are federal');
    await withPage('', async (page) => {
      const shown = await expectShown(page, data.events, 'all');
      assert.equal(shown.events.length, total, 'no event is shown twice');
      for (const e of shown.events) {
        const ev = data.events.find((x) => x.id === e.id);
        assert.equal(e.level, ev.level, `${e.id}: data-level`);
        assert.equal(e.kind, ev.kind, `${e.id}: data-kind`);
        assert.equal(e.year, ev.date.slice(0, 4), `${e.id}: year group`);
        assert.equal(e.date, ev.date, `${e.id}: time[datetime]`);
        assert.ok(e.hasSummary, `${e.id}: summary`);
        assert.deepEqual(e.links, sourceUrls(ev.sources), `${e.id}: source links`);
      }
      const years = await page.$$eval('li.timeline-year', (lis) => lis.map((li) => li.dataset.year));
      assert.deepEqual(years, [...new Set(data.events.map((e) => e.date.slice(0, 4)))].sort(), 'years, oldest first');
    });
  });

  it('filters by level, by kind, by both, and back to all', async () => {
    assert.ok(laws.length > 0 && federalLaws.length > 0, 'dataset: there are (federal) laws');
    assert.ok(federalLaws.length < laws.length, 'dataset: not every law is federal');
    await withPage('', async (page) => {
      const allText = (await expectShown(page, data.events, 'all')).countText;

      await filterTo(page, { level: 'federal' });
      const f = await expectShown(page, federal, 'level=federal');
      assert.ok(f.events.every((e) => e.level === 'federal'));
      assert.notEqual(f.countText, allText, 'the count text changes');

      await filterTo(page, { level: '', kind: 'law' });
      const l = await expectShown(page, laws, 'kind=law');
      assert.ok(l.events.every((e) => e.kind === 'law'));

      await filterTo(page, { level: 'federal' });
      await expectShown(page, federalLaws, 'level=federal & kind=law');

      await filterTo(page, { level: 'regional' });
      await expectShown(
        page,
        laws.filter((e) => e.level === 'regional'),
        'level=regional & kind=law',
      );

      await filterTo(page, { level: '', kind: '' });
      const back = await expectShown(page, data.events, 'all again');
      assert.equal(back.countText, allText);
    });
  });

  it('marks every inferred event, and no event stated outright', async () => {
    const inferred = data.events.filter((e) => e.confidence !== 'high');
    assert.ok(inferred.length > 0, 'dataset: some events are inferred');
    await withPage('', async (page) => {
      const shown = await readTimeline(page);
      assert.equal(shown.events.length, total);
      for (const e of shown.events) {
        const ev = data.events.find((x) => x.id === e.id);
        assert.equal(e.inferred, ev.confidence !== 'high', `${e.id} (${ev.confidence}): span.inferred`);
      }
      const marks = await page.$$eval('li.event span.inferred .confidence', (els) =>
        els.map((el) => [el.closest('li.event').dataset.eventId, el.textContent.trim()]),
      );
      assert.deepEqual(
        marks,
        shown.events
          .map((e) => data.events.find((x) => x.id === e.id))
          .filter((ev) => ev.confidence !== 'high')
          .map((ev) => [ev.id, RU.confidence[ev.confidence]]),
        'each mark names its confidence',
      );
    });
  });
});

describe('sources', () => {
  it('lists every source with its URL as the link', async () => {
    await withPage('', async (page) => {
      const listed = await page.$$eval('section#sources li.source[data-source-id]', (lis) =>
        lis.map((li) => ({
          id: li.dataset.sourceId,
          hrefs: [...li.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
          title: li.querySelector('a[href]')?.textContent.trim() ?? null,
        })),
      );
      assert.deepEqual(
        listed.map((s) => ({ ...s, title: plain(s.title) })),
        data.sources.map((s) => ({ id: s.id, hrefs: [s.url], title: s.title.ru })),
      );
    });
  });
});
