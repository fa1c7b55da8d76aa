// When the dataset cannot be shown: broken JSON, an invalid dataset, an HTTP error (and the
// retry that recovers from it), and hostile strings in the data that must stay text.
//
// Every broken dataset is built here from the served file, so the cases follow it as it grows.

import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { openPage, screenshot } from './helpers.mjs';
import {
  DATASET_TEXT,
  DATA_PATH,
  assertClean,
  dataset,
  escapeRegExp,
  locale,
  openPageRouted,
  serveAndBrowse,
  sleep,
  waitForState,
} from './support.mjs';

const RU = locale('ru');
const EN = locale('en');
const JSON_TYPE = 'application/json; charset=utf-8';

/** Served instead of files; tests set and delete the dataset's entry. */
const overrides = new Map();
const env = serveAndBrowse({ overrides });

afterEach(() => overrides.delete(DATA_PATH));

/** Serves `body` (a JSON text) as the dataset. */
function serveDataset(body) {
  overrides.set(DATA_PATH, { status: 200, body, contentType: JSON_TYPE });
}

/** 1-based line and column (in characters) of the character at `index` of `text`. */
function positionAt(text, index) {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return {
    line: text.slice(0, index).split('\n').length,
    column: [...text.slice(lineStart, index)].length + 1,
  };
}

/** The index of `needle` in `text`, which must occur exactly once (after `from`). */
function indexOfOnce(text, needle, from = 0) {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `fixture: ${JSON.stringify(needle)} not found`);
  assert.equal(text.indexOf(needle, at + 1), -1, `fixture: ${JSON.stringify(needle)} occurs twice`);
  return at;
}

/** `LINE:COL: path: message`, as the error list writes a problem. */
function problemLine({ line, column }, path, message) {
  return `${line}:${column}: ${path}: ${message}`;
}

/** Opens the app and waits for the error view. */
async function openError(query = '') {
  const record = await openPage(env.browser, `${env.server.url}/${query}`);
  await waitForState(record.page, 'error');
  return record;
}

/** The error view as the reader sees it. */
function readError(page) {
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

describe('an invalid dataset', () => {
  it('reports a JSON syntax error (trailing comma) at its line and column, in both languages', async () => {
    // A comma after the last record of the file's last list (`}\n  ]\n}` at the end of the file
    // becomes `},\n  ]\n}`); the problem is that list's.
    const anchor = DATASET_TEXT.lastIndexOf('}');
    const lastEventEnd = DATASET_TEXT.lastIndexOf('}', DATASET_TEXT.lastIndexOf(']'));
    const lastList = Object.keys(JSON.parse(DATASET_TEXT)).at(-1);
    assert.ok(lastEventEnd > 0 && lastEventEnd < anchor, 'fixture: the file ends with a list');
    const broken = `${DATASET_TEXT.slice(0, lastEventEnd + 1)},${DATASET_TEXT.slice(lastEventEnd + 1)}`;
    assert.throws(() => JSON.parse(broken), SyntaxError, 'fixture: the text must not parse');
    // serde_json points at the bracket the trailing comma runs into.
    const bracket = broken.indexOf(']', lastEventEnd + 2);
    assert.match(broken.slice(lastEventEnd + 2, bracket), /^\s*$/, 'fixture: only white space before ]');
    const at = positionAt(broken, bracket);
    assert.equal(broken.split('\n')[at.line - 1][at.column - 1], ']');

    serveDataset(broken);
    for (const [query, strings, message] of [
      ['', RU, 'ошибка в записи JSON: лишняя запятая перед закрывающей скобкой'],
      ['?lang=en', EN, 'JSON syntax error: a comma before a closing bracket'],
    ]) {
      const record = await openError(query);
      try {
        const shown = await readError(record.page);
        assert.equal(shown.role, 'alert');
        assert.equal(shown.title, strings.invalid_title);
        assert.deepEqual(shown.problems, [problemLine(at, lastList, message)], `${query}: error list`);
        assert.equal(shown.listItems, 1);
        assert.equal(shown.retry, strings.retry, 'retry button');
        assert.equal(shown.explorer, false, 'no explorer beside the error');
        assert.equal(await record.page.getAttribute('html', 'lang'), query ? 'en' : 'ru');
        await screenshot(record.page, `faults-syntax${query ? '-en' : ''}`);
        assertClean(record);
      } finally {
        await record.context.close();
      }
    }
  });

  it('lists every semantic problem with path, line:column and message, in file order', async () => {
    const data = dataset();
    const strategic = data.events.findIndex((e) => e.id === 'strategic-session-2019');
    const last = data.events.length - 1;
    const obs = 1;
    assert.ok(strategic >= 0 && strategic !== last, 'fixture: the strategic session is not last');
    data.observations[obs].park = 'no-such-park';
    data.events[strategic].date = '2019-02-30';
    delete data.events[last].title.en;
    const text = JSON.stringify(data, null, 2);

    // Where the app points: at the value, or for a missing key at the object that lacks it.
    const parkAt = positionAt(text, indexOfOnce(text, '"park": "no-such-park"') + '"park": '.length);
    const dateAt = positionAt(text, indexOfOnce(text, '"date": "2019-02-30"') + '"date": '.length);
    const lastEvent = indexOfOnce(text, `"id": "${data.events[last].id}"`);
    const titleAt = positionAt(text, text.indexOf('"title": {', lastEvent) + '"title": '.length);
    assert.ok(parkAt.line < dateAt.line && dateAt.line < titleAt.line, 'fixture: file order');

    serveDataset(text);
    const cases = [
      [
        '',
        RU,
        [
          problemLine(parkAt, `observations[${obs}].park`, 'нет технопарка с идентификатором «no-such-park»'),
          problemLine(dateAt, `events[${strategic}].date`, 'даты «2019-02-30» не существует'),
          problemLine(titleAt, `events[${last}].title.en`, 'нет текста на английском языке (en)'),
        ],
      ],
      [
        '?lang=en',
        EN,
        [
          problemLine(parkAt, `observations[${obs}].park`, 'no park has the id “no-such-park”'),
          problemLine(dateAt, `events[${strategic}].date`, 'the date “2019-02-30” does not exist'),
          problemLine(titleAt, `events[${last}].title.en`, 'no English (en) text'),
        ],
      ],
    ];
    for (const [query, strings, problems] of cases) {
      const record = await openError(query);
      try {
        const shown = await readError(record.page);
        assert.equal(shown.title, strings.invalid_title, `${query}: title`);
        assert.deepEqual(shown.problems, problems, `${query}: error list`);
        assert.equal(shown.retry, strings.retry);
        assert.equal(shown.detail, null, 'no HTTP detail for an invalid dataset');
        assert.equal(shown.explorer, false);
        await screenshot(record.page, `faults-invalid${query ? '-en' : ''}`);
        assertClean(record);
      } finally {
        await record.context.close();
      }
    }
  });

  it('shows the explorer after the file is fixed and Retry is pressed', async () => {
    const data = dataset();
    data.parks[0].color = 'blue';
    serveDataset(JSON.stringify(data, null, 2));
    const record = await openError();
    try {
      const shown = await readError(record.page);
      assert.equal(shown.problems.length, 1);
      assert.match(shown.problems[0], /^\d+:\d+: parks\[0\]\.color: цвет «blue» должен быть в виде #rrggbb$/);
      overrides.delete(DATA_PATH);
      await record.page.click('button#retry');
      await waitForState(record.page, 'ready');
      assert.equal(await record.page.locator('section#load-error').count(), 0, 'error view gone');
      assert.equal(await record.page.locator('section#compare').count(), 1, 'explorer shown');
      assertClean(record);
    } finally {
      await record.context.close();
    }
  });
});

describe('a truncated dataset', () => {
  it('says the file ends too early, at the place where it ends', async () => {
    // The served file cut in half (status 200), without the white space the cut left at
    // its end: the parser stops at the last character that arrived.
    const half = DATASET_TEXT.slice(0, Math.floor(DATASET_TEXT.length / 2)).trimEnd();
    assert.throws(() => JSON.parse(half), SyntaxError, 'fixture: the half must not parse');
    const end = positionAt(half, half.length - 1);
    serveDataset(half);
    for (const [query, strings] of [
      ['', RU],
      ['?lang=en', EN],
    ]) {
      const record = await openError(query);
      try {
        const shown = await readError(record.page);
        assert.equal(shown.role, 'alert');
        assert.equal(shown.title, strings.invalid_title, `${query}: title`);
        assert.equal(shown.problems?.length, 1, `${query}: one problem: ${JSON.stringify(shown.problems)}`);
        const [, line, column, path, message] =
          /^(\d+):(\d+): (\S+): (.*)$/.exec(shown.problems[0]) ?? [];
        assert.equal(message, strings.problems.unexpected_end, `${query}: ${shown.problems[0]}`);
        if (!query) {
          assert.match(message, /^файл обрывается/);
        }
        assert.deepEqual({ line: Number(line), column: Number(column) }, end, `${query}: line:column`);
        // The path names where the parser was: a place that exists in the whole file.
        const resolved = path
          .replace(/\[(\d+)\]/g, '.$1')
          .split('.')
          .reduce((node, key) => node?.[key], dataset());
        assert.notEqual(resolved, undefined, `${query}: ${path} is not a path of the dataset`);
        assert.equal(shown.detail, null, 'no HTTP detail');
        assert.equal(shown.retry, strings.retry);
        assert.equal(shown.explorer, false);
        await screenshot(record.page, `faults-truncated${query ? '-en' : ''}`);
        assertClean(record);
      } finally {
        await record.context.close();
      }
    }
  });
});

describe('a slow or absent network', () => {
  /** How long the dataset takes to arrive in the slow case. */
  const DELAY = 10_000;

  // A link to another view (here the investment, in Russian): the app's own loading state (the
  // default address shows the prerendered first view meanwhile; prerender.test.mjs).
  it('shows the loading message at once, and the explorer when the data arrives 10 s later', async () => {
    let asked = null;
    let arrived = null;
    const record = await openPageRouted(
      env.browser,
      `${env.server.url}/?lang=ru&metric=investment_rub`,
      {
        [`**${DATA_PATH}`]: async (route) => {
          asked = Date.now();
          await sleep(DELAY);
          arrived = Date.now();
          // The real file from the test server, only late. (The page may be gone by now.)
          await route.continue().catch(() => {});
        },
      },
      { waitUntil: 'commit' },
    );
    const { page } = record;
    try {
      await page.waitForSelector('main#main[data-state="loading"] p#loading', {
        state: 'visible',
        timeout: 5_000,
      });
      const readLoading = () =>
        page.evaluate(() => ({
          state: document.querySelector('main#main')?.getAttribute('data-state'),
          loading: document.querySelector('p#loading')?.textContent.trim() ?? null,
          role: document.querySelector('p#loading')?.getAttribute('role') ?? null,
          // innerText: what is rendered (not the <noscript> summary, which is not shown).
          bodyText: document.body.innerText.trim().length,
          title: document.querySelector('header h1')?.textContent.trim() ?? null,
        }));
      const early = await readLoading();
      const within = Date.now() - record.navigated;
      assert.ok(within <= 5_000, `the loading message took ${within} ms`);
      assert.equal(early.state, 'loading');
      assert.equal(early.loading, RU.loading);
      assert.equal(early.role, 'status', 'announced politely');
      assert.ok(early.bodyText > 0, 'the page is blank while loading');
      assert.equal(early.title, RU.app_title, 'the header is there while loading');
      assert.ok(asked !== null && arrived === null, 'the dataset was asked for and is still on its way');
      await screenshot(page, 'faults-slow-loading');

      // Halfway through the wait: still loading, still not blank.
      await sleep(DELAY / 2 - (Date.now() - asked));
      const midway = await readLoading();
      assert.equal(midway.state, 'loading', 'still loading halfway');
      assert.equal(midway.loading, RU.loading);
      assert.ok(midway.bodyText > 0);

      await waitForState(page, 'ready', DELAY + 20_000);
      assert.ok(arrived !== null, 'ready before the dataset arrived');
      assert.ok(Date.now() - asked >= DELAY, 'ready before the delay was over');
      assert.equal(await page.locator('p#loading').count(), 0, 'loading message gone');
      assert.equal(await page.locator('section#compare').count(), 1, 'explorer shown');
      assert.equal(await page.locator('li.event').count(), dataset().events.length);
      assertClean(record);
    } finally {
      await record.context.close();
    }
  });

  it('says the server did not answer when the network is down, and Retry recovers', async () => {
    const dataUrl = `${env.server.url}${DATA_PATH}`;
    const from = env.server.requests.length;
    let aborted = 0;
    const offline = async (route) => {
      aborted += 1;
      await route.abort('internetdisconnected');
    };
    const record = await openPageRouted(env.browser, `${env.server.url}/`, { [`**${DATA_PATH}`]: offline });
    const { page } = record;
    try {
      await waitForState(page, 'error');
      const shown = await readError(page);
      assert.equal(aborted, 1, 'the dataset was asked for once');
      assert.equal(shown.role, 'alert');
      assert.equal(shown.title, RU.load_failed);
      // A sentence in the reader's language, not the browser's "TypeError: Failed to fetch".
      assert.equal(shown.detail, 'Сервер не ответил.', `detail: ${JSON.stringify(shown.detail)}`);
      assert.equal(shown.detail, RU.network_error);
      assert.equal(shown.hint, RU.load_failed_hint, 'check the network: there was no answer');
      assert.equal(await page.locator('ol#error-list').count(), 0, 'no problem list for no answer');
      assert.equal(shown.retry, RU.retry);
      assert.equal(shown.explorer, false);
      assert.deepEqual(
        env.server.requests.slice(from).filter((r) => r.includes(DATA_PATH)),
        [],
        'the request never reached the server',
      );
      await screenshot(page, 'faults-offline');

      // Still offline: Retry asks again and shows the same error.
      await page.click('button#retry');
      for (let waited = 0; aborted < 2 && waited < 5_000; waited += 50) {
        await sleep(50);
      }
      assert.equal(aborted, 2, 'Retry asked again');
      await waitForState(page, 'error');
      assert.equal((await readError(page)).detail, RU.network_error, 'same error again');

      // Back online.
      await page.unroute(`**${DATA_PATH}`, offline);
      await page.click('button#retry');
      await waitForState(page, 'ready');
      assert.equal(await page.locator('section#load-error').count(), 0, 'error view gone');
      assert.equal(await page.locator('section#compare').count(), 1, 'explorer shown');
      assert.deepEqual(
        env.server.requests.slice(from).filter((r) => r.includes(DATA_PATH)),
        [`GET ${DATA_PATH} 200`],
        'the dataset was fetched from the server once back online',
      );
      // Chromium logs each aborted request itself; nothing else may be logged.
      const failedLoad = new RegExp(`ERR_INTERNET_DISCONNECTED.*${escapeRegExp(dataUrl)}`);
      assertClean(record, { allowConsole: [failedLoad] });
      assert.equal(record.consoleErrors.length, 2, `one console error per aborted request: ${JSON.stringify(record.consoleErrors)}`);
      assert.equal(
        record.failedRequests.filter((f) => f.startsWith(dataUrl)).length,
        2,
        `failed requests: ${JSON.stringify(record.failedRequests)}`,
      );
    } finally {
      await record.context.close();
    }
  });

  it('says so in English with ?lang=en when the request fails', async () => {
    const record = await openPageRouted(env.browser, `${env.server.url}/?lang=en`, {
      [`**${DATA_PATH}`]: (route) => route.abort('failed'),
    });
    try {
      await waitForState(record.page, 'error');
      const shown = await readError(record.page);
      assert.equal(shown.title, EN.load_failed);
      assert.equal(shown.detail, 'The server did not respond.', `detail: ${JSON.stringify(shown.detail)}`);
      assert.equal(shown.retry, EN.retry);
      const failedLoad = new RegExp(`ERR_FAILED.*${escapeRegExp(`${env.server.url}${DATA_PATH}`)}`);
      assertClean(record, { allowConsole: [failedLoad] });
      assert.equal(record.consoleErrors.length, 1, 'exactly one console error: the failed request');
    } finally {
      await record.context.close();
    }
  });
});

describe('an HTTP error', () => {
  /** The browser's own console line for the failed dataset request, and nothing else. */
  const failedLoad = (status) =>
    new RegExp(`status of ${status}\\b.*${escapeRegExp(`${env.server.url}${DATA_PATH}`)}`);

  it('says the server answered 404, and Retry loads the explorer once the file is back', async () => {
    overrides.set(DATA_PATH, { status: 404, body: 'not found' });
    const from = env.server.requests.length;
    const record = await openError();
    try {
      const shown = await readError(record.page);
      assert.equal(shown.role, 'alert');
      assert.equal(shown.title, RU.load_failed);
      assert.equal(shown.detail, 'Код ошибки сервера: 404.');
      // The connection worked: the reader is not sent to check their network.
      assert.equal(shown.hint, RU.http_failed_hint);
      assert.equal(await record.page.locator('ol#error-list').count(), 0, 'no problem list for an HTTP error');
      assert.equal(shown.retry, RU.retry);
      assert.equal(shown.explorer, false);
      await screenshot(record.page, 'faults-404');

      overrides.delete(DATA_PATH);
      await record.page.click('button#retry');
      await waitForState(record.page, 'ready');
      assert.equal(await record.page.locator('section#load-error').count(), 0, 'error view gone');
      assert.equal(await record.page.locator('section#compare').count(), 1, 'explorer shown');
      assert.equal(await record.page.locator('li.event').count(), dataset().events.length);
      assert.deepEqual(
        env.server.requests.slice(from).filter((r) => r.includes(DATA_PATH)),
        [`GET ${DATA_PATH} 404`, `GET ${DATA_PATH} 200`],
        'the dataset was requested again by Retry',
      );
      assertClean(record, { allowConsole: [failedLoad(404)] });
      assert.equal(record.consoleErrors.length, 1, 'exactly one console error: the 404 itself');
    } finally {
      await record.context.close();
    }
  });

  it('says so in English with ?lang=en', async () => {
    overrides.set(DATA_PATH, { status: 500, body: 'boom' });
    const record = await openError('?lang=en');
    try {
      const shown = await readError(record.page);
      assert.equal(shown.title, EN.load_failed);
      assert.equal(shown.detail, 'Server error code: 500.');
      assert.equal(shown.hint, EN.http_failed_hint);
      assert.equal(shown.retry, EN.retry);
      assertClean(record, { allowConsole: [failedLoad(500)] });
    } finally {
      await record.context.close();
    }
  });
});

describe('hostile strings in the data', () => {
  const IMG = '<img src=x onerror=alert(1)>';
  const SCRIPT = '<script>alert(2)</script>';

  it('are shown as text, in the page and in the chart, and never run', async () => {
    const data = dataset();
    const park = data.parks[0];
    const event = data.events[0];
    park.name = { ru: IMG, en: IMG };
    event.title = { ru: SCRIPT, en: SCRIPT };
    serveDataset(JSON.stringify(data, null, 2));

    for (const query of ['', '?lang=en']) {
      const record = await openPage(env.browser, `${env.server.url}/${query}`);
      try {
        await waitForState(record.page, 'ready');
        // Give an injected image time to fail and fire its handler.
        await record.page.waitForTimeout(500);
        const found = await record.page.evaluate(
          ({ img, script, parkId, eventId }) => ({
            bodyHasImg: document.body.textContent.includes(img),
            bodyHasScript: document.body.textContent.includes(script),
            chartTexts: [...document.querySelectorAll('#compare-chart svg text')].map((t) =>
              t.textContent.trim(),
            ),
            chartAlt: document.querySelector('#compare-chart .chart').getAttribute('aria-label'),
            cardName: document
              .querySelector(`li.value-card[data-park="${parkId}"] .park-name`)
              ?.textContent.trim(),
            eventTitle: document.querySelector(`li.event[data-event-id="${eventId}"] .event-title`)
              ?.textContent,
            xImages: [...document.querySelectorAll('img, image')].filter(
              (el) => el.getAttribute('src') === 'x' || el.getAttribute('href') === 'x',
            ).length,
            onerror: document.querySelectorAll('[onerror]').length,
            scripts: [...document.querySelectorAll('script')].filter((s) =>
              s.textContent.includes('alert('),
            ).length,
          }),
          { img: IMG, script: SCRIPT, parkId: park.id, eventId: event.id },
        );
        assert.ok(found.bodyHasImg, `${query}: the park name is in the page as text`);
        assert.ok(found.bodyHasScript, `${query}: the event title is in the page as text`);
        assert.ok(found.chartTexts.includes(IMG), `${query}: chart text: ${JSON.stringify(found.chartTexts)}`);
        assert.ok(found.chartAlt.includes(IMG), `${query}: chart aria-label`);
        assert.equal(found.cardName, IMG, `${query}: card name`);
        assert.equal(found.eventTitle, SCRIPT, `${query}: event title`);
        assert.equal(found.xImages, 0, `${query}: an <img src=x> was created`);
        assert.equal(found.onerror, 0, `${query}: an onerror attribute was created`);
        assert.equal(found.scripts, 0, `${query}: a <script> with the title was created`);
        assert.deepEqual(record.dialogs, [], `${query}: a dialog fired`);
        assert.deepEqual(
          record.requests.filter((url) => new URL(url).pathname === '/x'),
          [],
          `${query}: the injected image was requested`,
        );
        await screenshot(record.page, `faults-hostile${query ? '-en' : ''}`);
        assertClean(record);
      } finally {
        await record.context.close();
      }
    }
  });
});

describe('when the WASM cannot start', () => {
  it('shows the build-time summary instead of an empty page', async () => {
    const record = await openPageRouted(env.browser, `${env.server.url}/`, {
      '**/*_bg.wasm': (route) => route.fulfill({ status: 404, body: 'gone' }),
    });
    const { page } = record;
    try {
      const fallback = page.locator('#fallback');
      await fallback.waitFor({ state: 'visible', timeout: 10_000 });
      const text = await fallback.innerText();
      const data = dataset();
      assert.ok(text.includes(data.parks[0].name.ru), `summary names the parks: ${text.slice(0, 200)}`);
      assert.ok(text.includes('86\u00a0000\u00a0м²'), 'summary has the figures, typeset');
      const link = await fallback.locator('a[href="table.html"]').count();
      assert.equal(link, 1, 'a link to the plain table of every value');
      assert.equal(await page.locator('main#main').count(), 0, 'the app did not mount');
      assert.equal(await page.locator('#prerender .filters').isVisible(), false, 'no filters wait for an app that cannot start');
      const titles = await page.$$eval('#prerender li.event .event-title', (els) => els.filter((e) => e.checkVisibility()).length);
      assert.equal(titles, dataset().events.length, 'the timeline still reads');
      await screenshot(page, 'fallback-no-wasm.png');
      assertClean(record, { allowConsole: [/_bg\.wasm/, /could not start/, /404/] });
    } finally {
      await page.context().close();
    }
  });
});
