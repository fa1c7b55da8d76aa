// When the dataset cannot be shown: broken JSON, an invalid dataset, a truncated file; and
// hostile strings in the data, which must stay text. Each broken dataset is built here from the
// served file (so the cases follow it as it grows) and answered by a route.

import { expect, test, waitForState } from './fixtures.mjs';
import { DATASET_TEXT, dataset } from './data.mjs';
import { screenshot } from './ui.mjs';
import {
  DATA_GLOB,
  LANGS,
  indexOfOnce,
  openError,
  positionAt,
  problemLine,
  readError,
  retryToExplorer,
  serveDataset,
} from './faults-reads.mjs';

/** A comma after the last record of the file's last list; where serde_json points; that list. */
function trailingComma() {
  const anchor = DATASET_TEXT.lastIndexOf('}');
  const lastRecordEnd = DATASET_TEXT.lastIndexOf('}', DATASET_TEXT.lastIndexOf(']'));
  expect(lastRecordEnd > 0 && lastRecordEnd < anchor, 'fixture: the file ends with a list').toBe(true);
  const text = `${DATASET_TEXT.slice(0, lastRecordEnd + 1)},${DATASET_TEXT.slice(lastRecordEnd + 1)}`;
  expect(() => JSON.parse(text), 'fixture: the text must not parse').toThrow(SyntaxError);
  // serde_json points at the bracket the trailing comma runs into.
  const bracket = text.indexOf(']', lastRecordEnd + 2);
  expect(text.slice(lastRecordEnd + 2, bracket), 'fixture: only white space before ]').toMatch(/^\s*$/);
  const at = positionAt(text, bracket);
  expect(text.split('\n')[at.line - 1][at.column - 1]).toBe(']');
  return { text, at, list: Object.keys(JSON.parse(DATASET_TEXT)).at(-1) };
}

/** Three semantic problems in file order, and where the app points at each. */
function threeProblems() {
  const data = dataset();
  const strategic = data.events.findIndex((e) => e.id === 'strategic-session-2019');
  const last = data.events.length - 1;
  expect(strategic >= 0 && strategic !== last, 'fixture: the strategic session is not last').toBe(true);
  data.observations[1].park = 'no-such-park';
  data.events[strategic].date = '2019-02-30';
  delete data.events[last].title.en;
  const text = JSON.stringify(data, null, 2);
  // Where the app points: at the value, or for a missing key at the object that lacks it.
  const park = positionAt(text, indexOfOnce(text, '"park": "no-such-park"') + '"park": '.length);
  const date = positionAt(text, indexOfOnce(text, '"date": "2019-02-30"') + '"date": '.length);
  const lastEvent = indexOfOnce(text, `"id": "${data.events[last].id}"`);
  const title = positionAt(text, text.indexOf('"title": {', lastEvent) + '"title": '.length);
  expect(park.line < date.line && date.line < title.line, 'fixture: file order').toBe(true);
  const paths = ['observations[1].park', `events[${strategic}].date`, `events[${last}].title.en`];
  return { text, places: [park, date, title], paths };
}

const SEMANTIC_MESSAGES = {
  ru: ['нет технопарка с идентификатором «no-such-park»', 'даты «2019-02-30» не существует', 'нет текста на английском языке (en)'],
  en: ['no park has the id “no-such-park”', 'the date “2019-02-30” does not exist', 'no English (en) text'],
};

const SYNTAX_MESSAGES = {
  ru: 'ошибка в записи JSON: лишняя запятая перед закрывающей скобкой',
  en: 'JSON syntax error: a comma before a closing bracket',
};

test.describe('an invalid dataset', () => {
  for (const { lang, query, suffix, strings } of LANGS) {
    test(`reports a JSON syntax error (trailing comma) at its line and column (${lang})`, async ({ page }) => {
      const { text, at, list } = trailingComma();
      await serveDataset(page, text);
      await openError(page, query);
      const shown = await readError(page);
      expect(shown.role).toBe('alert');
      expect(shown.title).toBe(strings.invalid_title);
      expect(shown.problems, 'error list').toEqual([problemLine(at, list, SYNTAX_MESSAGES[lang])]);
      expect(shown.listItems).toBe(1);
      expect(shown.retry, 'retry button').toBe(strings.retry);
      expect(shown.explorer, 'no explorer beside the error').toBe(false);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await screenshot(page, `faults-syntax${suffix}`);
    });

    test(`lists every semantic problem with path, line:column and message, in file order (${lang})`, async ({ page }) => {
      const { text, places, paths } = threeProblems();
      await serveDataset(page, text);
      await openError(page, query);
      const shown = await readError(page);
      expect(shown.title).toBe(strings.invalid_title);
      expect(shown.problems, 'error list').toEqual(
        places.map((at, i) => problemLine(at, paths[i], SEMANTIC_MESSAGES[lang][i])),
      );
      expect(shown.retry).toBe(strings.retry);
      expect(shown.detail, 'no HTTP detail for an invalid dataset').toBeNull();
      expect(shown.explorer).toBe(false);
      await screenshot(page, `faults-invalid${suffix}`);
    });
  }

  test('shows the explorer after the file is fixed and Retry is pressed', async ({ page }) => {
    const data = dataset();
    data.parks[0].color = 'blue';
    await serveDataset(page, JSON.stringify(data, null, 2));
    await openError(page);
    const shown = await readError(page);
    expect(shown.problems).toHaveLength(1);
    expect(shown.problems[0]).toMatch(/^\d+:\d+: parks\[0\]\.color: цвет «blue» должен быть в виде #rrggbb$/);
    await page.unroute(DATA_GLOB);
    await retryToExplorer(page);
  });
});

test.describe('a truncated dataset', () => {
  for (const { lang, query, suffix, strings } of LANGS) {
    test(`says the file ends too early, at the place where it ends (${lang})`, async ({ page }) => {
      // The served file cut in half (status 200), without the white space the cut left at its
      // end: the parser stops at the last character that arrived.
      const half = DATASET_TEXT.slice(0, Math.floor(DATASET_TEXT.length / 2)).trimEnd();
      expect(() => JSON.parse(half), 'fixture: the half must not parse').toThrow(SyntaxError);
      const end = positionAt(half, half.length - 1);
      await serveDataset(page, half);
      await openError(page, query);
      const shown = await readError(page);
      expect(shown.role).toBe('alert');
      expect(shown.title).toBe(strings.invalid_title);
      expect(shown.problems, 'one problem').toHaveLength(1);
      const [, line, column, path, message] = /^(\d+):(\d+): (\S+): (.*)$/.exec(shown.problems[0]) ?? [];
      expect(message, shown.problems[0]).toBe(strings.problems.unexpected_end);
      if (lang === 'ru') expect(message).toMatch(/^файл обрывается/);
      expect({ line: Number(line), column: Number(column) }, 'line:column').toEqual(end);
      // The path names where the parser was: a place that exists in the whole file.
      const resolved = path
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .reduce((node, key) => node?.[key], dataset());
      expect(resolved, `${path} is a path of the dataset`).not.toBeUndefined();
      expect(shown.detail, 'no HTTP detail').toBeNull();
      expect(shown.retry).toBe(strings.retry);
      expect(shown.explorer).toBe(false);
      await screenshot(page, `faults-truncated${suffix}`);
    });
  }
});

test.describe('hostile strings in the data', () => {
  const IMG = '<img src=x onerror=alert(1)>';
  const SCRIPT = '<script>alert(2)</script>';

  for (const { lang, query, suffix } of LANGS) {
    test(`are shown as text, in the page and in the chart, and never run (${lang})`, async ({ page, record }) => {
      const data = dataset();
      const park = data.parks[0];
      const event = data.events[0];
      park.name = { ru: IMG, en: IMG };
      event.title = { ru: SCRIPT, en: SCRIPT };
      await serveDataset(page, JSON.stringify(data, null, 2));
      await page.goto(`/${query}`);
      await waitForState(page);
      // An injected image would be requested and fail: wait until the network is quiet.
      await page.waitForLoadState('networkidle');
      const found = await page.evaluate(
        ({ img, script, parkId, eventId }) => ({
          bodyHasImg: document.body.textContent.includes(img),
          bodyHasScript: document.body.textContent.includes(script),
          chartTexts: [...document.querySelectorAll('#compare-chart svg text')].map((t) => t.textContent.trim()),
          chartAlt: document.querySelector('#compare-chart .chart').getAttribute('aria-label'),
          cardName: document.querySelector(`li.value-card[data-park="${parkId}"] .park-name`)?.textContent.trim(),
          eventTitle: document.querySelector(`li.event[data-event-id="${eventId}"] .event-title`)?.textContent,
          xImages: [...document.querySelectorAll('img, image')].filter(
            (el) => el.getAttribute('src') === 'x' || el.getAttribute('href') === 'x',
          ).length,
          onerror: document.querySelectorAll('[onerror]').length,
          scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('alert(')).length,
        }),
        { img: IMG, script: SCRIPT, parkId: park.id, eventId: event.id },
      );
      expect(found.bodyHasImg, 'the park name is in the page as text').toBe(true);
      expect(found.bodyHasScript, 'the event title is in the page as text').toBe(true);
      expect(found.chartTexts, 'chart text').toContain(IMG);
      expect(found.chartAlt, 'chart aria-label').toContain(IMG);
      expect(found.cardName, 'card name').toBe(IMG);
      expect(found.eventTitle, 'event title').toBe(SCRIPT);
      expect(found.xImages, 'an <img src=x> was created').toBe(0);
      expect(found.onerror, 'an onerror attribute was created').toBe(0);
      expect(found.scripts, 'a <script> with the title was created').toBe(0);
      expect(record.dialogs, 'a dialog fired').toEqual([]);
      expect(record.requests.filter((url) => new URL(url).pathname === '/x'), 'the injected image was requested').toEqual([]);
      await screenshot(page, `faults-hostile${suffix}`);
    });
  }
});
