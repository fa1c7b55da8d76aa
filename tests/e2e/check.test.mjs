// The editors' check page (check.html, issue 19), served as it ships: under a sub-path and the
// strict Content-Security-Policy of EMBEDDING.md. Every file of the bad-input corpus gives the
// problems the native validator gives (`validate-data --json`, the same core: kinds, paths,
// line:column and messages); a valid file is previewed by the explorer's components under what
// changed against the published data; nothing leaves the page; axe finds nothing; dataset text
// stays text. And the explorer says so when the served dataset is not its first view's.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, openPage, screenshot } from './helpers.mjs';
import { APP_PREFIX, startAppServer } from './embed-helpers.mjs';
import { assertClean, dataset, fill, locale, plain, runAxe } from './support.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'bad');
const CORPUS = fs
  .readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .sort();
const HOSTILE = '<img src=x onerror=alert(1)>';
const RU = locale('ru');
const EN = locale('en');
const NBSP = '\u00a0';

/**
 * What the native validator says of each corpus file, in `lang`: `validate-data --json`, run
 * here so that the expectation is the Rust side's, never a copy of it.
 */
function nativeReports(lang) {
  const run = spawnSync(
    'cargo',
    [
      'run',
      '--quiet',
      '--bin',
      'validate-data',
      '--',
      '--json',
      '--lang',
      lang,
      ...CORPUS.map((file) => path.join(FIXTURES, file)),
    ],
    { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  assert.ok([0, 1].includes(run.status), `validate-data failed: ${run.stderr}`);
  const reports = JSON.parse(run.stdout);
  assert.equal(reports.length, CORPUS.length);
  return new Map(reports.map((report) => [path.basename(report.file), report]));
}

let app;
let browser;
before(async () => {
  app = await startAppServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** Opens check.html (with `query`) and waits for the page to be mounted. */
async function openCheck(query = '', options = {}) {
  const record = await openPage(browser, `${app.base}check.html${query}`, options);
  await record.page.waitForSelector('main#main[data-state="empty"] input#check-file');
  return record;
}

/** Chooses a file (a path, or { name, text }) and waits until the page has read it. */
async function choose(page, file) {
  const name = typeof file === 'string' ? path.basename(file) : file.name;
  const before = await page.evaluate(() => document.querySelector('#check-status').textContent);
  await page.setInputFiles(
    '#check-file',
    typeof file === 'string'
      ? file
      : { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) },
  );
  await page.waitForFunction(
    ([name, before]) => {
      const text = document.querySelector('#check-status').textContent;
      return text !== before && text.includes(name);
    },
    [name, before],
  );
}

/** What the page lists: the state, the status, and each problem and warning. */
function readReport(page) {
  return page.evaluate(() => {
    const items = (id) =>
      [...document.querySelectorAll(`#${id} li.check-problem`)].map((li) => ({
        kind: li.dataset.kind,
        path: li.dataset.path,
        line: li.dataset.line ? Number(li.dataset.line) : null,
        column: li.dataset.column ? Number(li.dataset.column) : null,
        message: li.querySelector('.check-message').textContent,
        place: li.querySelector('.check-at')?.textContent ?? null,
        shownPath: li.querySelector('.check-path').textContent,
        excerpt: li.querySelector('.check-excerpt pre:last-child')?.textContent ?? null,
        previous: li.querySelector('.check-excerpt pre.check-previous')?.textContent ?? null,
        marked: li.querySelector('.check-excerpt mark')?.textContent ?? null,
        caption: li.querySelector('.check-excerpt figcaption')?.textContent ?? null,
      }));
    return {
      state: document.querySelector('main#main').dataset.state,
      status: document.querySelector('#check-status').textContent,
      statusRole: document.querySelector('#check-status').getAttribute('role'),
      problems: items('check-problems'),
      warnings: items('check-warnings'),
      preview: document.querySelector('#check-preview #compare') !== null,
    };
  });
}

/** A problem as the native validator lists it, for comparison with the page's. */
const essentials = ({ kind, path, line, column, message }) => ({ kind, path, line, column, message });

/** The file's line `line`, as the page cuts it (the whole line when short). */
function lineOf(file, line) {
  const text = fs.readFileSync(path.join(FIXTURES, file)).toString('utf8').replace(/^\uFEFF/, '');
  return text.split('\n')[line - 1]?.replace(/\r$/, '');
}

for (const [lang, query, strings] of [
  ['ru', '', RU],
  ['en', '?lang=en', EN],
]) {
  describe(`check.html (${lang}): the bad-input corpus`, () => {
    it('lists exactly what the native validator finds in each file, with the line', async () => {
      const native = nativeReports(lang);
      const record = await openCheck(query);
      const { page } = record;
      try {
        for (const file of CORPUS) {
          await choose(page, path.join(FIXTURES, file));
          const expected = native.get(file);
          const got = await readReport(page);
          assert.equal(got.state, expected.valid ? 'valid' : 'invalid', file);
          assert.deepEqual(got.problems.map(essentials), expected.problems, `${file}: problems`);
          assert.deepEqual(got.warnings.map(essentials), expected.warnings, `${file}: warnings`);
          for (const item of [...got.problems, ...got.warnings]) {
            assert.equal(item.shownPath, item.path === '.' ? strings.whole_file : item.path, file);
            if (item.line === null) {
              assert.equal(item.excerpt, null, `${file}: no place, no line`);
              continue;
            }
            const place = strings.check_at.replace('{0}', item.line).replace('{1}', item.column);
            assert.equal(item.place, place, file);
            assert.equal(item.caption, strings.check_line.replace('{0}', item.line), file);
            // The file's own line, cut around the column, the column's character marked.
            const line = lineOf(file, item.line);
            const chars = [...line];
            const at = chars[item.column - 1] ?? ' ';
            assert.equal(item.marked, at, `${file} ${item.path}: marked character`);
            const shown = item.excerpt.replace(/^…/, '').replace(/…$/, '');
            // At a line's start the line before is shown too (a missing comma is there).
            const first = chars.findIndex((c) => !/\s/.test(c));
            const atStart = item.line > 1 && (first === -1 || item.column - 1 <= first);
            assert.equal(item.previous !== null, atStart, `${file} ${item.path}: the line before`);
            if (atStart) {
              const before = lineOf(file, item.line - 1);
              assert.ok(before.endsWith(item.previous.replace(/^…/, '')), `${file}: ${item.previous}`);
            }
            assert.ok(line.includes(shown.trimEnd()) || at === ' ', `${file}: ${item.excerpt} in ${line}`);
          }
          assert.equal(got.statusRole, 'status', 'the status is announced');
          assert.ok(got.status.includes(`«${file}»`) || got.status.includes(`“${file}”`), got.status);
          assert.equal(got.preview, expected.valid, `${file}: preview only for a valid file`);
          const verdict = await page.textContent('.check-verdict');
          assert.ok(verdict.startsWith(expected.valid ? strings.check_valid : strings.check_invalid), verdict);
          // A mistake in the JSON stops the reading, and the page says why only one is listed.
          if (file === 'trailing_comma.json' || file === 'bad_color.json') {
            assert.equal(verdict.includes(strings.check_stops), file === 'trailing_comma.json', file);
          }
        }
        assertClean(record);
      } finally {
        await record.context.close();
      }
    });
  });
}

describe('check.html: counts, language, drop, hostile text', () => {
  it('counts problems and warnings in Russian plural forms, and in English', async () => {
    const data = dataset();
    data.extra = true;
    data.parks[0].color = 'blue';
    data.parks[1].color = 'red';
    data.events[0].date = '2019-13';
    const file = { name: 'three.json', text: JSON.stringify(data, null, 2) };
    const record = await openCheck();
    try {
      await choose(record.page, file);
      let got = await readReport(record.page);
      assert.equal(got.state, 'invalid');
      assert.equal(got.problems.length, 3);
      assert.equal(got.warnings.length, 1);
      assert.match(got.status, new RegExp(`3${NBSP}ошибки, 1${NBSP}предупреждение`));
      await screenshot(record.page, 'check-problems-1280');
      // The language switch keeps the file and says it all again in English; the URL says so.
      await record.page.click('header button[lang="en"]');
      await record.page.waitForFunction(() => document.documentElement.lang === 'en');
      got = await readReport(record.page);
      assert.match(got.status, /3 problems, 1 warning/);
      assert.equal(got.problems[0].message, fill(EN.problems.bad_color, 'blue'));
      assert.ok(record.page.url().endsWith('check.html?lang=en'), record.page.url());
      assert.equal(await record.page.title(), `${EN.check_title} — ${EN.app_title}`);
      assertClean(record);
    } finally {
      await record.context.close();
    }
  });

  it('reads a file dropped onto the page', async () => {
    const record = await openCheck('?lang=en');
    try {
      const text = fs.readFileSync(path.join(FIXTURES, 'bad_color.json'), 'utf8');
      await record.page.evaluate((text) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
        const target = document.querySelector('.check-intro');
        target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }, text);
      await record.page.waitForSelector('main#main[data-state="invalid"]');
      const got = await readReport(record.page);
      assert.match(got.status, /“dropped\.json”: 1 problem, 0 warnings/);
      assert.equal(got.problems[0].kind, 'bad_color');
      assertClean(record);
    } finally {
      await record.context.close();
    }
  });

  it('shows hostile dataset text as text: in a problem, its line, the diff and the preview', async () => {
    const record = await openCheck();
    try {
      const broken = dataset();
      broken.events[0].date = HOSTILE;
      await choose(record.page, { name: 'hostile-date.json', text: JSON.stringify(broken, null, 2) });
      let got = await readReport(record.page);
      assert.equal(got.problems[0].kind, 'bad_date');
      assert.ok(got.problems[0].message.includes(HOSTILE), got.problems[0].message);
      assert.ok(got.problems[0].excerpt.includes(HOSTILE.slice(1)), got.problems[0].excerpt);

      const valid = dataset();
      valid.events[0].title.ru = HOSTILE;
      await choose(record.page, { name: 'hostile-title.json', text: JSON.stringify(valid, null, 2) });
      got = await readReport(record.page);
      assert.equal(got.state, 'valid');
      await record.page.waitForSelector('#check-diff table.check-record');
      const shown = await record.page.evaluate(
        (hostile) => ({
          images: document.querySelectorAll('img[src="x"], img[onerror]').length,
          inDiff: [...document.querySelectorAll('#check-diff td')].some((td) => td.textContent === hostile),
          inTimeline: document.querySelector('#timeline').textContent.includes(hostile),
        }),
        HOSTILE,
      );
      assert.deepEqual(shown, { images: 0, inDiff: true, inTimeline: true });
      assertClean(record);
    } finally {
      await record.context.close();
    }
  });
});

describe('check.html: a valid file with one changed value', () => {
  it('previews it with the explorer and names the record in the diff; nothing leaves the page; axe', async () => {
    const data = dataset();
    const observation = data.observations.find((o) => o.park === 'morion-digital' && o.metric === 'area_m2');
    const before = observation.value;
    observation.value = 91234;
    // axe is injected as an inline script, which the page's policy refuses: this page alone
    // bypasses it (every other test here runs under it).
    const record = await openCheck('', { bypassCSP: true });
    try {
      // Problems listed first (axe), then the valid file.
      await choose(record.page, path.join(FIXTURES, 'several_problems.json'));
      const axeProblems = await runAxe(record.page);
      assert.deepEqual(axeProblems.violations.map((v) => v.id), [], 'axe with problems listed');

      await choose(record.page, { name: 'technoparks.json', text: JSON.stringify(data, null, 2) });
      await record.page.waitForSelector('#check-diff table.check-record');
      const diff = await record.page.evaluate(() =>
        [...document.querySelectorAll('#check-diff table.check-record')].map((table) => ({
          section: table.dataset.section,
          id: table.dataset.id,
          change: table.dataset.change,
          caption: table.querySelector('caption').textContent,
          rows: [...table.querySelectorAll('tbody tr')].map((tr) =>
            [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent),
          ),
        })),
      );
      const id = `morion-digital / area_m2 / ${observation.date}`;
      assert.deepEqual(diff, [
        {
          section: 'observations',
          id,
          change: 'changed',
          caption: `${id} — ${RU.check_kinds.changed}`,
          rows: [['value', String(before), '91234']],
        },
      ]);
      const intro = await record.page.textContent('#check-diff .check-hint');
      assert.match(intro, new RegExp(`1${NBSP}запись`));
      // The explorer's own components draw the file: the new value in Morion's card.
      await record.page.waitForSelector('#check-preview .value-card[data-park="morion-digital"] .value');
      const card = await record.page.textContent('#check-preview .value-card[data-park="morion-digital"] .value');
      assert.equal(plain(card), '91 234 м²');
      await record.page.waitForSelector('#check-preview #compare-chart svg');
      await screenshot(record.page, 'check-preview-1280');
      const axePreview = await runAxe(record.page);
      assert.deepEqual(axePreview.violations.map((v) => v.id), [], 'axe with the preview shown');

      assertClean(record);
      // Only the page's own files: the page, its loader, JS, WASM, two stylesheets, the
      // published dataset; nothing outside the sub-path, nothing uploaded.
      const own = /^(check\.html|boot\.js|perm-technoparks-[0-9a-f]+(_bg\.wasm|\.js)|style-[0-9a-f]+\.css|check\.css|data\/technoparks\.json)$/;
      const requested = record.requests.filter((url) => !url.startsWith('data:'));
      for (const url of requested) {
        const { origin, pathname } = new URL(url);
        assert.equal(origin, new URL(app.base).origin, url);
        assert.ok(pathname.startsWith(APP_PREFIX), url);
        assert.match(pathname.slice(APP_PREFIX.length), own, url);
      }
      assert.ok(requested.some((url) => url.endsWith('.wasm')), 'the explorer’s WASM');
    } finally {
      await record.context.close();
    }
  });

  it('fits a phone: no horizontal scroll with problems and with the preview', async () => {
    const record = await openCheck('', { width: 360, height: 740 });
    try {
      await choose(record.page, path.join(FIXTURES, 'several_problems.json'));
      const wide = () => record.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.equal(await wide(), 0, 'problems');
      await screenshot(record.page, 'check-problems-360');
      await choose(record.page, { name: 'technoparks.json', text: JSON.stringify(dataset()) });
      await record.page.waitForSelector('#check-preview #compare');
      assert.equal(await wide(), 0, 'preview');
      assertClean(record);
    } finally {
      await record.context.close();
    }
  });
});

describe('the explorer: a dataset published without a rebuild', () => {
  it('says so, and its view replaces the first view; not when they agree', async () => {
    const newer = dataset();
    const built = newer.meta.updated;
    newer.meta.updated = '2026-12-31';
    const served = await startAppServer({
      overrides: new Map([
        ['data/technoparks.json', { body: JSON.stringify(newer), contentType: 'application/json; charset=utf-8' }],
      ]),
    });
    try {
      const record = await openPage(browser, served.base);
      try {
        await record.page.waitForSelector('main#main[data-state="ready"]');
        const notice = await record.page.textContent('#data-newer');
        assert.equal(
          plain(notice),
          plain(RU.data_newer.replace('{0}', ruDate(built)).replace('{1}', '31 декабря 2026 г.')),
        );
        assert.equal(await record.page.$('#prerender'), null, 'the first view is gone');
        assertClean(record);
      } finally {
        await record.context.close();
      }
    } finally {
      await served.close();
    }
    const record = await openPage(browser, app.base);
    try {
      await record.page.waitForSelector('main#main[data-state="ready"]');
      assert.equal(await record.page.$('#data-newer'), null);
      const footer = await record.page.getAttribute('footer a[href="check.html"]', 'href');
      assert.equal(footer, 'check.html', 'the footer links the check page');
    } finally {
      await record.context.close();
    }
  });
});

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** `2026-11-26` as the app writes it in Russian: `26 ноября 2026 г.` */
function ruDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y} г.`;
}
