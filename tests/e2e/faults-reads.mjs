// The faults the fault specs play (a dataset answered by a route) and what they read off the
// error view. Used by faults-data.spec.mjs and faults-network.spec.mjs.

import { expect, waitForState } from './fixtures.mjs';
import { DATA_PATH, escapeRegExp, locale } from './data.mjs';

export const RU = locale('ru');
export const EN = locale('en');

/** The two languages a fault is shown in: the default (Russian) and ?lang=en. */
export const LANGS = [
  { lang: 'ru', query: '', suffix: '', strings: RU },
  { lang: 'en', query: '?lang=en', suffix: '-en', strings: EN },
];

/** The dataset's URL glob, for page.route. */
export const DATA_GLOB = `**${DATA_PATH}`;

/** Answers the dataset with `body` (a JSON text, status 200) instead of the served file. */
export async function serveDataset(page, body) {
  await page.route(DATA_GLOB, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body }),
  );
}

/** The statuses of the dataset's responses, as they arrive (an aborted request has none). */
export function dataResponses(page) {
  const statuses = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === DATA_PATH) statuses.push(response.status());
  });
  return statuses;
}

/** The browser's own console line for a failed dataset request (`what`: a status or net error). */
export function failedLoad(origin, what) {
  return new RegExp(`${what}.*${escapeRegExp(`${origin}${DATA_PATH}`)}`);
}

/** Opens the app with `query` and waits for the error view. */
export async function openError(page, query = '') {
  await page.goto(`/${query}`);
  await waitForState(page, 'error');
}

/** The error view as the reader sees it. */
export function readError(page) {
  return page.evaluate(() => {
    const section = document.querySelector('main#main section#load-error');
    return {
      role: section?.getAttribute('role') ?? null,
      title: section?.querySelector('h2')?.textContent.trim() ?? null,
      problems: section
        ? [...section.querySelectorAll('ol#error-list > li > code')].map((c) => c.textContent)
        : null,
      listItems: section ? section.querySelectorAll('ol#error-list > li').length : 0,
      hint: section?.querySelector('h2 + p')?.textContent ?? null,
      detail: section?.querySelector('p.error-detail')?.textContent ?? null,
      retry: section?.querySelector('button#retry')?.textContent.trim() ?? null,
      explorer: document.querySelector('section#compare, section#timeline') !== null,
    };
  });
}

/** Presses Retry and waits for the explorer, the error view gone. */
export async function retryToExplorer(page) {
  await page.click('button#retry');
  await waitForState(page, 'ready');
  await expect(page.locator('section#load-error'), 'error view gone').toHaveCount(0);
  await expect(page.locator('section#compare'), 'explorer shown').toHaveCount(1);
}

/** 1-based line and column (in characters) of the character at `index` of `text`. */
export function positionAt(text, index) {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return {
    line: text.slice(0, index).split('\n').length,
    column: [...text.slice(lineStart, index)].length + 1,
  };
}

/** The index of `needle` in `text`, which must occur exactly once. */
export function indexOfOnce(text, needle) {
  const at = text.indexOf(needle);
  expect(at, `fixture: ${JSON.stringify(needle)} found`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(needle, at + 1), `fixture: ${JSON.stringify(needle)} occurs once`).toBe(-1);
  return at;
}

/** `LINE:COL: path: message`, as the error list writes a problem. */
export function problemLine({ line, column }, path, message) {
  return `${line}:${column}: ${path}: ${message}`;
}
