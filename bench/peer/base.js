// The peer page's state and helpers: its DOM builder and its typography through Intl
// (bench/peer/build.mjs puts strings.js, this file and peer.js together into the served
// peer.js, in one function's scope).
/* global STRINGS */
/* exported LEVEL_COLORS, state, S, $, text, fill, h, num, plural, formatValue, formatDate, dateValue */

const LEVEL_COLORS = { federal: '#6b3fa0', regional: '#0f7b6c' };

const state = {
  lang: new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'ru',
  metric: null,
  level: '',
  data: null,
};

const S = () => STRINGS[state.lang];
const $ = (id) => document.getElementById(id);
const text = (t) => (t ? t[state.lang] ?? t.ru ?? '' : '');
const fill = (template, ...args) => args.reduce((s, a, i) => s.replace(`{${i}}`, a), template);

/** An element with attributes (properties for `on*`) and children (strings become text). */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

// ---------------------------------------------------------------------------------------
// Typography through Intl.

const formats = new Map();
function numberFormat(options = {}) {
  const key = `${state.lang}|${JSON.stringify(options)}`;
  if (!formats.has(key)) {
    formats.set(key, new Intl.NumberFormat(state.lang, { useGrouping: state.lang === 'ru' ? 'min2' : 'auto', ...options }));
  }
  return formats.get(key);
}
const num = (value, digits = 0) => numberFormat({ maximumFractionDigits: digits }).format(value).replace('-', '\u2212');
const plural = (forms, n) => fill(forms[new Intl.PluralRules(state.lang).select(n)] ?? forms.other, num(n));
const ordinal = (forms, n) =>
  fill(forms[new Intl.PluralRules(state.lang, { type: 'ordinal' }).select(n)] ?? forms.other, String(n));

/** Roubles in billions, else millions, else as they are. */
const RUB_SCALES = [
  [1e9, 'млрд', 'B'],
  [1e6, 'млн', 'M'],
];

function formatValue(value, unit) {
  switch (unit) {
    case 'm2':
      return fill(S().unit_m2, num(value));
    case 'rub': {
      const [scale, ru, en] = RUB_SCALES.find(([least]) => value >= least) ?? [1, '', ''];
      const n = num(value / scale, 1);
      const words = ru ? `${ru}\u00a0` : '';
      return state.lang === 'ru' ? `${n}\u00a0${words}₽` : `RUB\u00a0${n}${en}`;
    }
    case 'rub_per_m2':
      return fill(S().unit_rub_per_m2, num(value));
    case 'year':
      return String(value);
    case 'years':
      return plural(S().years, value);
    case 'rank':
      return ordinal(S().rank, value);
    default:
      return num(value, 1);
  }
}

const dateFormats = new Map();
/** A date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as written. */
function formatDate(date) {
  const parts = date.split('-').map(Number);
  if (parts.length === 1) return String(parts[0]);
  const options =
    parts.length === 2
      ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  const key = `${state.lang}|${parts.length}`;
  if (!dateFormats.has(key)) dateFormats.set(key, new Intl.DateTimeFormat(state.lang, options));
  return dateFormats.get(key).format(Date.UTC(parts[0], (parts[1] ?? 1) - 1, parts[2] ?? 1));
}
/** Milliseconds since the epoch of the start of a partial date. */
function dateValue(date) {
  const [y, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

