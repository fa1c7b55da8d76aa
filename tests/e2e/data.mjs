// What the tests expect, from the served dataset and the shipped interface strings: the data,
// the strings, the typesetting rules and axe-core's run. Pure functions of dist/ and locales/.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST_DIR, REPO_ROOT } from './env.mjs';

/** axe-core, from the npm packages. */
const AXE_PATH = path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * WCAG 2.0, 2.1 and 2.2, levels A and AA: the rules every page state must pass (2.2 AA adds
 * target-size, which Lighthouse's accessibility score counts).
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core (injected once per page) with these tags over the whole document, or only
 * over the elements `within` selects (a state that changed one part of a page already checked).
 */
export async function runAxe(page, tags = AXE_TAGS, within = null) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  return page.evaluate(
    ({ tags, within }) =>
      window.axe.run(within ? { include: [within] } : document, {
        runOnly: { type: 'tag', values: tags },
        // Only violations carry every node; the other groups still list their rules.
        resultTypes: ['violations'],
      }),
    { tags, within },
  );
}

/** The URL path the app fetches its data from. */
export const DATA_PATH = '/data/technoparks.json';

/** The dataset exactly as the server under test sends it (text). */
export const DATASET_TEXT = fs.readFileSync(path.join(DIST_DIR, 'data', 'technoparks.json'), 'utf8');

/** A fresh parsed copy of the served dataset (safe to mutate). */
export function dataset() {
  return JSON.parse(DATASET_TEXT);
}

/** The interface strings of a language, as the app ships them (read-only use). */
export function locale(lang) {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'locales', `${lang}.json`), 'utf8'));
}

/** The metric ids the app derives from the data, after the dataset's own (the contract). */
export const DERIVED_METRICS = ['investment_per_m2', 'opened_year', 'years_active'];

export const NBSP = '\u00a0';

/**
 * A text with its no-break spaces as plain ones: the core typesets the dataset's prose
 * (`typography::typeset`, «в_Перми», «№_10»), which the file as written does not have.
 */
export function plain(text) {
  return text?.replace(/[\u00a0\u202f]/g, ' ') ?? text;
}

/** `{0}`, `{1}` … filled in, as the app's templates are. */
export function fill(template, ...args) {
  return args.reduce((text, arg, i) => text.replaceAll(`{${i}}`, String(arg)), template);
}

/** "36 событий" / "8 events": a count in the language's plural form (numbers below 10 000). */
export function countText(lang, n) {
  assert.ok(n < 10_000, 'countText only covers numbers without grouping');
  const forms = locale(lang).events_count;
  const category = new Intl.PluralRules(lang === 'ru' ? 'ru-RU' : 'en-US').select(n);
  return fill(forms[category] ?? forms.other, n);
}

/** The colour of an inferred bar: the park colour mixed halfway to white. */
export function lighten(hex) {
  const mix = (i) =>
    Math.floor((parseInt(hex.slice(i, i + 2), 16) + 255) / 2)
      .toString(16)
      .padStart(2, '0');
  return `#${mix(1)}${mix(3)}${mix(5)}`;
}

/** Compares partial ISO dates the way the app orders them: year, then month, then day. */
function dateKey(date) {
  const [y, m = '00', d = '00'] = date.split('-');
  return `${y}-${m}-${d}`;
}

/** Each park's stated values of a metric, oldest first: [{park, values: [observation…]}]. */
export function parkValues(data, metricId) {
  return data.parks.map((park) => ({
    park,
    values: data.observations
      .filter((o) => o.park === park.id && o.metric === metricId)
      .sort((a, b) => dateKey(a.date).localeCompare(dateKey(b.date))),
  }));
}

/** Whether the app draws a stated metric as a series (a rank, or a park with several values). */
export function isSeries(data, metricId) {
  const unit = data.metrics.find((m) => m.id === metricId)?.unit;
  return unit === 'rank' || parkValues(data, metricId).some((p) => p.values.length > 1);
}

/** Escapes a string for a RegExp. */
export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

