// What the four readers of the usability test still missed (issue 23, the rest): the system
// share sheet on phones, the visually-impaired mode at 200–250 % at every width and scheme,
// lifecycle marks as 24 × 24 px tap targets, the timeline's events as a download, and the
// embed dialog's theme and language with a live preview. Screenshots land in
// target/screenshots/readers-*.

import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { describe, it } from 'node:test';
import path from 'node:path';
import { SCREENSHOT_DIR, screenshot, startServer } from './helpers.mjs';
import {
  DATA_PATH,
  assertClean,
  dataset,
  locale,
  openMenuOf,
  serveAndBrowse,
  waitForState,
} from './support.mjs';

const env = serveAndBrowse();
const RU = locale('ru');
const EN = locale('en');

/** A screenshot of what the window shows (`screenshot` of helpers.mjs takes the whole page). */
async function shot(page, name) {
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

const PHONE = { width: 360, height: 780, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/**
 * A ready page in a fresh context: `init` (a function) runs in every document before its own
 * scripts (a stub of a browser API, stored settings). Returns the record of `support.mjs`.
 */
async function open(query, { init, server = env.server, ...options } = {}) {
  const context = await env.browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    ...Object.fromEntries(Object.entries(options).filter(([k]) => !['width', 'height'].includes(k))),
  });
  if (init) await context.addInitScript(init.fn, init.arg);
  const page = await context.newPage();
  const record = { page, context, consoleErrors: [], pageErrors: [], requests: [], failedRequests: [], dialogs: [] };
  page.on('console', (m) => m.type() === 'error' && record.consoleErrors.push(m.text()));
  page.on('pageerror', (e) => record.pageErrors.push(e.message ?? String(e)));
  page.on('request', (r) => record.requests.push(r.url()));
  await page.goto(`${server.url}/${query}`);
  await waitForState(page, 'ready');
  return record;
}

/** Runs `body(page, record)` on a fresh ready page, checks it stayed clean, closes it. */
async function withOpen(query, options, body) {
  const record = await open(query, options);
  try {
    await body(record.page, record);
    assertClean(record);
  } finally {
    await record.context.close();
  }
}

/** A stub of `navigator.share` that records what it was given. */
const SHARE_STUB = {
  fn: () => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value(data) {
        window.__shared.push({ ...data });
        return Promise.resolve();
      },
    });
  },
};

describe('1. the chart link goes to the system share sheet on a phone', () => {
  const query = '?metric=investment_rub&q=%D1%81%D0%B5%D1%81%D1%81%D0%B8%D1%8F&event=strategic-session-2019';

  it('a phone with navigator.share: the share sheet gets the chart link and the title', async () => {
    await withOpen(query, { ...PHONE, init: SHARE_STUB }, async (page) => {
      await openMenuOf(page, '#copy-chart-link');
      await page.tap('#copy-chart-link');
      await page.waitForFunction(() => window.__shared.length > 0, null, { timeout: 5000 });
      const shared = await page.evaluate(() => window.__shared);
      const origin = new URL(page.url()).origin;
      assert.deepEqual(shared, [{ title: RU.app_title, url: `${origin}/?metric=investment_rub` }]);
      await screenshot(page, 'readers-1-share-phone');
    });
  });

  it('without navigator.share, or with a mouse, the link is copied as before', async () => {
    for (const options of [
      { ...PHONE, permissions: ['clipboard-read', 'clipboard-write'] },
      { width: 1280, height: 800, init: SHARE_STUB, permissions: ['clipboard-read', 'clipboard-write'] },
    ]) {
      await withOpen(query, options, async (page) => {
        await openMenuOf(page, '#copy-chart-link');
        await page.click('#copy-chart-link');
        await page.waitForFunction((text) => document.querySelector('#copy-chart-link')?.textContent.includes(text), RU.link_copied);
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        assert.equal(copied, `${new URL(page.url()).origin}/?metric=investment_rub`);
        assert.deepEqual(await page.evaluate(() => window.__shared ?? []), [], 'no share sheet');
      });
    }
  });
});

/** Every problem a reader at a large size would see, measured in the page. */
const readingProblems = (page) =>
  page.evaluate(() => {
    const problems = [];
    const root = document.querySelector('#app');
    const visible = (el) => el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0;
    const where = (el) => {
      const id = el.closest('[id]')?.id ?? '';
      return `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''} in #${id}`;
    };
    // A box that scrolls on purpose: a table sideways in its own box, a dialog, the chart's hit layer.
    const scrollsOnPurpose = (el) => el.closest('.table-scroll, dialog, svg, textarea, select');
    // 1. Inner scrolls: an element that scrolls up and down hides what the page's scroll cannot reach.
    for (const el of root.querySelectorAll('*')) {
      if (!visible(el) || scrollsOnPurpose(el)) continue;
      const style = getComputedStyle(el);
      if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 2) {
        problems.push(`inner scroll: ${where(el)} shows ${el.clientHeight} of ${el.scrollHeight} px`);
      }
    }
    // 2. Every event can be seen in the page's own scroll: no ancestor clips it.
    for (const ev of root.querySelectorAll('#timeline .event')) {
      for (let a = ev.parentElement; a && a !== root; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowY !== 'visible' && a.scrollHeight > a.clientHeight + 2) {
          problems.push(`event ${ev.id} clipped by ${where(a)}`);
          break;
        }
      }
    }
    // 3. Text boxes wider inside than out (text cut or running over), and the page sideways.
    for (const el of root.querySelectorAll('h1, h2, h3, p, li, label, button, summary, a, td, th, legend, .badge, time')) {
      if (!visible(el) || scrollsOnPurpose(el) || el.closest('.visually-hidden')) continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        problems.push(`overflow: ${where(el)} «${el.textContent.trim().slice(0, 30)}» ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    if (document.documentElement.scrollWidth > innerWidth + 1) {
      problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${innerWidth}`);
    }
    // 4. Words split inside: a run of letters whose letters sit on two lines, where the run
    // alone fits the line. A run is what no ordinary space breaks: the core joins «500 млн
    // рублей» with no-break spaces, and a run wider than its line must break somewhere.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let broken = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !visible(parent) || parent.closest('svg, script, style, .visually-hidden, textarea, select, option')) continue;
      const text = node.textContent;
      for (const match of text.matchAll(/[^ \t\n\r\u2014\u2013-]+/g)) {
        if (!/[\p{L}\p{N}]{3}/u.test(match[0])) continue;
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const lines = new Set(rects.map((r) => Math.round(r.top)));
        if (lines.size < 2) continue;
        const runWidth = rects.reduce((sum, r) => sum + r.width, 0);
        const box = parent.closest('p, li, td, th, h1, h2, h3, label, button, a, div, span') ?? parent;
        const style = getComputedStyle(box);
        const inner = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (runWidth <= inner) {
          broken += 1;
          if (broken <= 12) problems.push(`word split: «${match[0]}» in ${where(parent)} (${Math.round(runWidth)} px fits ${Math.round(inner)})`);
        }
      }
    }
    if (broken > 12) problems.push(`… ${broken - 12} more words split`);
    // 5. Chart text grows with the chosen size: its rendered size against the body's. The
    // lifecycle chart is drawn no narrower than 280 px (22 years and two parks' bars): in a box
    // narrower than 280 px × the size, its drawing cannot grow as much, and its periods table
    // below says the same in the page's own type.
    const body = parseFloat(getComputedStyle(root).fontSize);
    const scale = body / 16;
    const lifecycleBox = root.querySelector('#lifecycle .chart-wrap')?.clientWidth ?? 0;
    const lifecycleScales = lifecycleBox >= 280 * scale;
    if (!lifecycleScales && !root.querySelector('#lifecycle table')?.checkVisibility()) {
      problems.push('the lifecycle chart is too narrow to grow, and its periods table is not shown');
    }
    for (const t of root.querySelectorAll('.chart svg text')) {
      if (!visible(t) || (!lifecycleScales && t.closest('#lifecycle'))) continue;
      const h = t.getBoundingClientRect().height;
      if (h > 0 && h < body * 0.5) {
        problems.push(`chart text ${Math.round(h)} px against body ${body} px: «${t.textContent.slice(0, 20)}»`);
        break;
      }
    }
    // 5b. No chart text cut at its drawing's edge (the mode's letter and word spacing must not
    // widen text the chart measured without them).
    for (const svg of root.querySelectorAll('.chart svg')) {
      if (!visible(svg)) continue;
      const box = svg.getBoundingClientRect();
      for (const t of svg.querySelectorAll('text')) {
        const r = t.getBoundingClientRect();
        if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) {
          problems.push(`chart text cut: «${t.textContent.slice(0, 30)}» ${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(box.left)}–${Math.round(box.right)}`);
        }
      }
    }
    // 6. One column: the timeline below the comparison, not beside it.
    const compare = root.querySelector('#compare');
    const timeline = root.querySelector('#timeline');
    if (compare && timeline) {
      const c = compare.getBoundingClientRect();
      const t = timeline.getBoundingClientRect();
      if (t.top < c.bottom - 1) problems.push(`two columns: the timeline beside the comparison (${Math.round(c.width)} + ${Math.round(t.width)} px)`);
    }
    return problems;
  });

/** Stored visually-impaired settings, as the app keeps them (`vi::ViSettings::to_storage`). */
const VI_STORED = {
  fn: (value) => localStorage.setItem('technoparks.vi', value),
};

describe('2. the visually-impaired mode at 200 and 250 %', () => {
  const widths = [
    [360, 780],
    [768, 1024],
    [1280, 800],
  ];
  for (const [width, height] of widths) {
    for (const size of ['200', '250']) {
      for (const scheme of ['bw', 'wb', 'blue']) {
        it(`${width} px, ${size} %, scheme ${scheme}: one column, no inner scroll, no word split, chart text to scale`, async () => {
          const stored = `on=1;size=${size};scheme=${scheme};images=on`;
          await withOpen('', { width, height, init: { ...VI_STORED, arg: stored } }, async (page) => {
            await page.waitForSelector(`#app.a11y.vi-size-${size}.vi-scheme-${scheme}`);
            // Charts as they are drawn at this size (the app redraws at its measured width).
            await page.waitForTimeout(300);
            const problems = await readingProblems(page);
            if (scheme === 'bw' || (size === '250' && scheme === 'wb')) {
              // The screen, then the timeline's: the whole page at 250 % is too tall to picture.
              await shot(page, `readers-2-vi-${width}-${size}-${scheme}`);
              await page.locator('#timeline').scrollIntoViewIfNeeded();
              await shot(page, `readers-2-vi-${width}-${size}-${scheme}-timeline`);
            }
            assert.deepEqual(problems, [], `${width} px ${size} % ${scheme}:\n${problems.join('\n')}`);
          });
        });
      }
    }
  }

  it('360 px, 250 %, charts as tables: the tables keep whole words in their headers', async () => {
    const stored = 'on=1;size=250;scheme=bw;images=off';
    await withOpen('', { width: 360, height: 780, init: { ...VI_STORED, arg: stored } }, async (page) => {
      await page.waitForSelector('#app.a11y');
      const headers = await page.evaluate(() =>
        [...document.querySelectorAll('#app table th')]
          .filter((th) => th.checkVisibility())
          .map((th) => {
            const range = document.createRange();
            range.selectNodeContents(th);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            const words = th.textContent.trim().split(/\s+/).length;
            return { text: th.textContent.trim(), lines: lines.size, words };
          }),
      );
      assert.ok(headers.length > 0, 'tables are shown');
      const squeezed = headers.filter((h) => h.lines > h.words);
      await page.locator('#app table >> visible=true').first().scrollIntoViewIfNeeded();
      await shot(page, 'readers-2-vi-360-250-tables');
      assert.deepEqual(squeezed, [], 'no header breaks inside its words');
    });
  });
});

describe('3. lifecycle marks are 24 × 24 px tap targets on a phone', () => {
  for (const [label, options] of [
    ['phone 360', PHONE],
    ['phone 412', { ...PHONE, width: 412, height: 915 }],
    ['desktop 1280', { width: 1280, height: 800 }],
  ]) {
    it(`${label}: each mark's hit area is at least 24 × 24 px and none overlaps another`, async () => {
      await withOpen('', options, async (page) => {
        await page.locator('#lifecycle .hit').first().scrollIntoViewIfNeeded();
        const boxes = await page.evaluate(() =>
          [...document.querySelectorAll('#lifecycle .hit')].map((el) => {
            const r = el.getBoundingClientRect();
            return { i: Number(el.dataset.index), x: r.left, y: r.top, w: r.width, h: r.height };
          }),
        );
        assert.ok(boxes.length >= 30, `every event has a mark (${boxes.length})`);
        const small = boxes.filter((b) => b.w < 23.9 || b.h < 23.9);
        assert.deepEqual(small.slice(0, 5), [], `${small.length} marks under 24 × 24 px`);
        const overlaps = [];
        for (const a of boxes) {
          for (const b of boxes) {
            if (a.i < b.i && a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5) {
              overlaps.push(`${a.i}×${b.i}`);
            }
          }
        }
        assert.deepEqual(overlaps.slice(0, 10), [], `${overlaps.length} overlapping hit areas`);
        // The keyboard still goes through the marks in order.
        await page.focus('#lifecycle .hit[data-index="0"]');
        await page.keyboard.press('ArrowRight');
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.index), '1');
        if (label === 'phone 360') {
          // A tap on a mark's edge, 11 px off its centre, selects that mark's event.
          const target = boxes[Math.floor(boxes.length / 2)];
          await page.touchscreen.tap(target.x + target.w / 2 + 11, target.y + target.h / 2);
          const chosen = await page.evaluate((i) => document.querySelector(`#lifecycle .hit[data-index="${i}"]`).dataset.event, target.i);
          assert.ok(page.url().includes(`event=${chosen}`), `${page.url()} selects ${chosen}`);
          await page.locator('#lifecycle').screenshot({ path: path.join(SCREENSHOT_DIR, 'readers-3-lifecycle-360.png') });
        }
      });
    });
  }
});

/** RFC 4180 records of a CSV text (BOM dropped). */
function parseCsv(text, sep) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (field += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) record.push(field), (field = '');
    else if (c === '\r' && body[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      (record = []), (field = ''), (i += 1);
    } else field += c;
  }
  return records;
}

/** Clicks a download item (opening its menu); the file's name and text. */
async function download(page, selector) {
  await openMenuOf(page, selector);
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), text: await fs.readFile(await file.path(), 'utf8') };
}

describe('4. the timeline\'s events as a download', () => {
  const data = dataset();
  const HEADER = ['date', 'date_iso', 'level', 'kind', 'title', 'summary', 'parks', 'sources', 'confidence', 'confidence_label', 'note', 'id'];

  it('ru: CSV and the ; file for Excel, every event with its date as shown, note and confidence; the same file before the app', async () => {
    await withOpen('', { acceptDownloads: true }, async (page) => {
      for (const [selector, sep, label] of [
        ['#download-events-csv', ',', RU.download_events_csv],
        ['#download-events-csv-excel', ';', RU.download_events_csv_excel],
      ]) {
        assert.equal((await page.textContent(`${selector} .menu-label`)).trim(), label);
        const { name, text } = await download(page, selector);
        assert.ok(text.startsWith('\uFEFF'), 'UTF-8 with a byte order mark');
        const rows = parseCsv(text, sep);
        assert.deepEqual(rows[0], HEADER);
        assert.equal(rows.length, 1 + data.events.length);
        const session = rows.find((r) => r[11] === 'strategic-session-2019');
        assert.equal(session[0].replace(/\u00a0/g, ' '), '10 октября 2019 г.');
        assert.equal(session[1], '2019-10-10');
        assert.equal(session[2], RU.levels.regional);
        assert.equal(session[8], 'derived');
        assert.equal(session[9], RU.confidence.derived);
        assert.ok(session[10].length > 20, 'the note');
        // The first view's link: the file the build wrote, the same text.
        const href = await page.getAttribute(`#prerender [data-kind="${selector.slice(1)}"], ${selector}`, 'href');
        const built = await page.evaluate(async (href) => (await fetch(href)).text(), href);
        assert.equal(built.replace(/^\uFEFF/, ''), text.replace(/^\uFEFF/, ''), `${href} is the app's file`);
        assert.match(name, /^perm-technoparks-events(-excel)?-\d{4}-\d\d-\d\d\.csv$/);
      }
    });
  });

  it('en: the comma file in English, no Russian-Excel variant', async () => {
    await withOpen('?lang=en', { acceptDownloads: true }, async (page) => {
      assert.equal(await page.locator('#download-events-csv-excel').count(), 0);
      const { text } = await download(page, '#download-events-csv');
      const session = parseCsv(text, ',').find((r) => r[11] === 'strategic-session-2019');
      assert.equal(session[0], '10 October 2019');
      assert.equal(session[2], EN.levels.regional);
      assert.equal(session[9], EN.confidence.derived);
    });
  });

  it('hostile text in the dataset stays text: quotes, separators, line breaks, formulas', async () => {
    const hostile = dataset();
    const title = '=cmd|\' /C calc\'!A0; "quoted", and\r\na new line';
    hostile.events[0].title.ru = title;
    hostile.events[0].summary.ru = '+SUM(1;2)\nnext; "x"';
    hostile.events[0].note = { ru: '@import, «x»; "y"', en: '-1' };
    const server = await startServer({ overrides: new Map([[DATA_PATH, { body: hostile, contentType: 'application/json; charset=utf-8' }]]) });
    try {
      await withOpen('', { acceptDownloads: true, server }, async (page) => {
        for (const [selector, sep] of [
          ['#download-events-csv', ','],
          ['#download-events-csv-excel', ';'],
        ]) {
          const { text } = await download(page, selector);
          const rows = parseCsv(text, sep);
          assert.equal(rows.length, 1 + hostile.events.length, 'one record per event');
          assert.ok(rows.every((r) => r.length === HEADER.length), 'every record has every column');
          const first = rows.find((r) => r[11] === hostile.events[0].id);
          assert.equal(first[4], `'${title.replace(/\r\n/g, '\r\n')}`);
          assert.equal(first[5], `'+SUM(1;2)\nnext; "x"`);
          assert.equal(first[10], `'@import, «x»; "y"`);
          for (const cell of rows.flat()) assert.ok(!/^[=+\-@\t\r]/.test(cell), `no formula: ${cell}`);
        }
      });
    } finally {
      await server.close();
    }
  });
});

describe('5. the embed dialog offers theme and language, with a live preview', () => {
  it('choosing dark and English changes the snippet and the framed page; auto drops the theme', async () => {
    await withOpen('?metric=investment_rub', { width: 1280, height: 900 }, async (page) => {
      await openMenuOf(page, '#embed-open');
      await page.click('#embed-open');
      const dialog = page.locator('#embed-dialog');
      await dialog.waitFor();
      await dialog.getByLabel(RU.embed_themes.dark, { exact: true }).check();
      await dialog.getByLabel('English', { exact: true }).check();
      const snippet = await page.inputValue('#embed-script');
      assert.match(snippet, /embed\.html\?lang=en&amp;metric=investment_rub&amp;embed=1&amp;theme=dark"/);
      const iframe = await page.inputValue('#embed-iframe');
      assert.match(iframe, /lang=en&amp;metric=investment_rub&amp;embed=1&amp;theme=dark/);
      // The preview, on demand, frames the snippet's page.
      assert.equal(await page.locator('#embed-preview').count(), 0, 'no second explorer unasked');
      await dialog.locator('.embed-preview-fold > summary').click();
      const preview = page.frameLocator('#embed-preview');
      await preview.locator('#app.embed.theme-dark').waitFor({ timeout: 20_000 });
      assert.equal(await preview.locator('html').getAttribute('lang'), 'en');
      const src = await page.getAttribute('#embed-preview', 'src');
      assert.ok(src.endsWith('embed.html?lang=en&metric=investment_rub&embed=1&theme=dark'), src);
      await screenshot(page, 'readers-5-embed-dark-en');
      // Auto: no theme in the link; the visitor's system decides.
      await dialog.getByLabel(RU.embed_themes.auto, { exact: true }).check();
      assert.doesNotMatch(await page.inputValue('#embed-script'), /theme=/);
      await dialog.getByLabel('Русский', { exact: true }).check();
      assert.doesNotMatch(await page.inputValue('#embed-script'), /lang=/);
      await page.keyboard.press('Escape');
    });
  });
});
