// The benchmark's peer page: the explorer's main views written the mainstream way, plain DOM
// and ECharts (npm `echarts`, its prebuilt dist/echarts.min.js), no framework, no bundler.
// It loads the same data/technoparks.json and draws the comparison for a chosen metric, the
// timeline with a level filter, the lifecycle chart (park years and events by date) and the
// sources, in Russian or English. A yardstick to measure the explorer against, not a product:
// no validation, no URL state, no keyboard chart navigation, no derived metrics.
/* global echarts */
//
// This file is the page itself; strings.js (its words) and base.js (state, DOM builder,
// typography) come before it in the served peer.js, which bench/peer/build.mjs assembles.
/* global STRINGS, LEVEL_COLORS, state, S, $, text, fill, h, num, plural, formatValue, formatDate, dateValue */

// ---------------------------------------------------------------------------------------
// The page.

let compareChart = null;
let lifecycleChart = null;

function sourceLinks(ids) {
  const byId = state.data.sourceById;
  return ids.flatMap((id, i) => {
    const source = byId.get(id);
    if (!source) return [];
    const link = h('a', { href: source.url, rel: 'noopener' }, text(source.title));
    return i === 0 ? [link] : [', ', link];
  });
}

/** A panel: a section, its heading (`ID-title`), then the rest. */
const panel = (id, ...children) => h('section', { id, class: 'panel' }, h('h2', { id: `${id}-title` }), ...children);

/** A select and its label; `update` gets the chosen value on each change. */
const labelledSelect = (id, labelId, update) => [
  h('label', { for: id, id: labelId }),
  h('select', { id, onchange: (e) => update(e.target.value) }),
];

/** Builds the explorer's skeleton once the data is in. */
function mount() {
  const main = $('main');
  main.replaceChildren(
    h(
      'div',
      { class: 'explorer' },
      panel(
        'compare',
        labelledSelect('metric-select', 'metric-label', (metric) => {
          state.metric = metric;
          renderCompare();
        }),
        h('figure', { id: 'compare-chart', class: 'chart-figure' }, h('div', { class: 'chart', id: 'compare-canvas' })),
        h('div', { id: 'cards', class: 'cards' }),
      ),
      panel(
        'timeline',
        labelledSelect('filter-level', 'filter-level-label', (level) => {
          state.level = level;
          renderTimeline();
          renderLifecycle();
        }),
        h('p', { id: 'event-count', class: 'event-count', role: 'status' }),
        h('ol', { id: 'events', class: 'years' }),
      ),
    ),
    panel('lifecycle', h('div', { class: 'chart', id: 'lifecycle-chart' })),
    panel('sources', h('p', { id: 'sources-intro' }), h('ol', { id: 'source-list' })),
  );
  compareChart = echarts.init($('compare-canvas'), null, { renderer: 'svg' });
  lifecycleChart = echarts.init($('lifecycle-chart'), null, { renderer: 'svg' });
  addEventListener('resize', () => {
    compareChart.resize();
    lifecycleChart.resize();
  });
}

function renderHeader() {
  const s = S();
  document.documentElement.lang = state.lang;
  document.title = s.app_title;
  $('app-title').textContent = s.app_title;
  $('app-subtitle').textContent = s.app_subtitle;
  const toggle = $('lang-toggle');
  toggle.textContent = s.switch_lang;
  toggle.lang = state.lang === 'ru' ? 'en' : 'ru';
  toggle.setAttribute('aria-label', s.switch_lang_label);
  $('footer').textContent = s.footer;
}

/** Each park's observations of the metric, oldest first. */
function valuesOf(metricId) {
  const { parks, observations } = state.data;
  return parks.map((park) => ({
    park,
    obs: observations.filter((o) => o.park === park.id && o.metric === metricId).sort((a, b) => (a.date < b.date ? -1 : 1)),
  }));
}

/** A panel's heading and its select's label in the reader's language, the select's options and value. */
function panelControls([titleId, title], [labelId, label], selectId, options, value) {
  $(titleId).textContent = title;
  $(labelId).textContent = label;
  const select = $(selectId);
  select.replaceChildren(...options);
  select.value = value;
}

function renderCompare() {
  const s = S();
  const { metrics } = state.data;
  const options = metrics.map((m) => h('option', { value: m.id }, text(m.label)));
  panelControls(['compare-title', s.compare_title], ['metric-label', s.metric_label], 'metric-select', options, state.metric);
  const metric = metrics.find((m) => m.id === state.metric);
  const rows = valuesOf(metric.id);
  const series = rows.some((r) => r.obs.length > 1);
  const fmt = (v) => formatValue(v, metric.unit);
  let option;
  if (series) {
    const years = [...new Set(rows.flatMap((r) => r.obs.map((o) => o.date.slice(0, 4))))].sort();
    option = {
      animation: false,
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      xAxis: { type: 'category', data: years },
      yAxis: {
        type: 'value',
        inverse: metric.unit === 'rank',
        min: metric.unit === 'rank' ? 1 : undefined,
        minInterval: 1,
        axisLabel: { formatter: (v) => num(v) },
      },
      series: rows
        .filter((r) => r.obs.length > 0)
        .map((r) => ({
          type: 'line',
          name: text(r.park.name),
          color: r.park.color,
          connectNulls: true,
          label: { show: true, formatter: (p) => fmt(p.value) },
          data: years.map((y) => r.obs.findLast((o) => o.date.startsWith(y))?.value ?? null),
        })),
    };
    $('compare-canvas').style.height = '260px';
  } else {
    const shown = rows.filter((r) => r.obs.length > 0);
    option = {
      animation: false,
      grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: { type: 'category', inverse: true, data: shown.map((r) => text(r.park.name)), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          label: { show: true, position: 'right', formatter: (p) => fmt(p.value) },
          data: shown.map((r) => ({ value: r.obs.at(-1).value, itemStyle: { color: r.park.color } })),
        },
      ],
    };
    $('compare-canvas').style.height = `${Math.max(120, 40 + shown.length * 36)}px`;
  }
  compareChart.resize();
  compareChart.setOption(option, true);

  $('cards').replaceChildren(
    ...rows.map(({ park, obs }) => {
      const last = obs.at(-1);
      const note = last?.note ? h('p', { class: 'note' }, text(last.note)) : null;
      return h(
        'article',
        { class: 'card' },
        h('h3', {}, h('span', { class: 'swatch', 'data-color': park.color }), text(park.name)),
        last
          ? [
              h('p', { class: 'value' }, fmt(last.value)),
              h(
                'p',
                { class: 'meta' },
                `${formatDate(last.date)} · ${s.source}: `,
                sourceLinks(last.sources),
                ' · ',
                h('strong', {}, s.confidence[last.confidence]),
              ),
              note,
            ]
          : h('p', { class: 'value missing' }, s.no_data),
      );
    }),
  );
  for (const swatch of $('cards').querySelectorAll('.swatch')) swatch.style.background = swatch.dataset.color;
}

const shownEvents = () => state.data.events.filter((e) => !state.level || e.level === state.level);

function renderTimeline() {
  const s = S();
  const { events } = state.data;
  const options = [
    h('option', { value: '' }, s.filter_all),
    h('option', { value: 'federal' }, s.levels.federal),
    h('option', { value: 'regional' }, s.levels.regional),
  ];
  panelControls(['timeline-title', s.timeline_title], ['filter-level-label', s.filter_level], 'filter-level', options, state.level);
  const shown = shownEvents();
  const count = $('event-count');
  const countText = plural(s.events_count, shown.length);
  count.textContent = shown.length === events.length ? countText : fill(s.shown_of, countText, num(events.length));
  count.dataset.count = String(shown.length);

  const byYear = new Map();
  for (const event of shown) {
    const year = event.date.slice(0, 4);
    if (!byYear.has(year)) byYear.set(year, []);
    byYear.get(year).push(event);
  }
  const parkName = (id) => text(state.data.parkById.get(id)?.name) || id;
  const list = $('events');
  const fragment = document.createDocumentFragment();
  if (shown.length === 0) fragment.append(h('li', { class: 'no-events' }, s.no_events));
  for (const [year, yearEvents] of byYear) {
    fragment.append(
      h(
        'li',
        { class: 'year' },
        h('h3', {}, year),
        h(
          'ol',
          { class: 'events' },
          yearEvents.map((e) =>
            h(
              'li',
              { class: 'event', id: `event-${e.id}`, dataset: { eventId: e.id } },
              h(
                'p',
                { class: 'event-head' },
                h('time', { class: 'event-date', datetime: e.date }, formatDate(e.date)),
                h('span', { class: `badge ${e.level}` }, s.levels[e.level]),
                h('span', { class: 'badge' }, s.kinds[e.kind]),
              ),
              h('h4', { class: 'event-title' }, text(e.title)),
              h('p', { class: 'summary' }, text(e.summary)),
              e.parks.length ? h('p', { class: 'parks' }, e.parks.map(parkName).join(', ')) : null,
              h('p', { class: 'event-sources' }, `${s.source}: `, sourceLinks(e.sources)),
            ),
          ),
        ),
      ),
    );
  }
  list.replaceChildren(fragment);
}

function renderLifecycle() {
  const s = S();
  const { parks } = state.data;
  $('lifecycle-title').textContent = s.lifecycle_title;
  const rows = [s.levels.federal, s.levels.regional, ...parks.map((p) => text(p.name))];
  const now = Date.now();
  const shown = shownEvents();
  const mark = (level) => ({
    type: 'scatter',
    name: s.levels[level],
    color: LEVEL_COLORS[level],
    symbolSize: 9,
    data: shown.filter((e) => e.level === level).map((e) => ({ value: [dateValue(e.date), level === 'federal' ? 0 : 1], name: text(e.title) })),
  });
  const option = {
    animation: false,
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'time', min: Date.UTC(2005, 0, 1), max: Date.UTC(new Date().getUTCFullYear() + 1, 0, 1), splitNumber: 8 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows,
      axisTick: { show: false },
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'custom',
        name: 'parks',
        encode: { x: [0, 1], y: 2 },
        renderItem: (params, api) => {
          const start = api.coord([api.value(0), api.value(2)]);
          const end = api.coord([api.value(1), api.value(2)]);
          const height = api.size([0, 1])[1] * 0.5;
          return {
            type: 'rect',
            shape: { x: start[0], y: start[1] - height / 2, width: Math.max(2, end[0] - start[0]), height },
            style: { fill: api.visual('color') },
          };
        },
        data: parks.map((p, i) => {
          // The bar ends where the park stopped working (suspended or closed), as ours does.
          const stopped = (p.status ?? []).find((change) => change.state !== 'open')?.date;
          return {
            value: [dateValue(p.opened), stopped ? dateValue(stopped) : now, i + 2],
            name: `${text(p.name)}: ${formatDate(p.opened)} — ${stopped ? formatDate(stopped) : s.lifecycle_now}`,
            itemStyle: { color: p.color },
          };
        }),
      },
      mark('federal'),
      mark('regional'),
    ],
  };
  $('lifecycle-chart').style.height = `${40 + rows.length * 26}px`;
  lifecycleChart.resize();
  lifecycleChart.setOption(option, true);
  $('lifecycle-chart').dataset.count = String(shown.length);
}

function renderSources() {
  const s = S();
  $('sources-title').textContent = s.sources_title;
  $('sources-intro').textContent = s.sources_intro;
  $('source-list').replaceChildren(
    ...state.data.sources.map((src) =>
      h(
        'li',
        { id: `source-${src.id}` },
        h('a', { href: src.url, rel: 'noopener' }, text(src.title)),
        ` — ${text(src.publisher)}`,
        src.date ? `, ${formatDate(src.date)}` : '',
      ),
    ),
  );
}

function renderAll() {
  renderHeader();
  renderCompare();
  renderTimeline();
  renderLifecycle();
  renderSources();
}

async function load() {
  const main = $('main');
  renderHeader();
  $('status').textContent = S().loading;
  try {
    const response = await fetch('data/technoparks.json');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = await response.text();
    performance.mark('peer:parse-start');
    const data = JSON.parse(body);
    performance.measure('peer:parse', 'peer:parse-start');
    data.sourceById = new Map(data.sources.map((src) => [src.id, src]));
    data.parkById = new Map(data.parks.map((p) => [p.id, p]));
    data.events.sort((a, b) => (a.date < b.date ? -1 : Number(a.date > b.date)));
    state.data = data;
    state.metric = data.metrics[0]?.id ?? null;
    mount();
    renderAll();
    const toggle = $('lang-toggle');
    toggle.disabled = false;
    toggle.addEventListener('click', () => {
      state.lang = state.lang === 'ru' ? 'en' : 'ru';
      renderAll();
    });
    main.dataset.state = 'ready';
  } catch (error) {
    main.dataset.state = 'error';
    main.replaceChildren(h('p', { class: 'status error', role: 'alert' }, `${S().load_failed}: ${error.message}`));
  }
}

load();
