// The editors' check page (check.html) under a sub-path and the strict CSP: plural counts in
// both languages, a dropped file, hostile text kept as text, a valid file's preview and diff
// (only the page's own requests; axe), a phone's width. And the explorer says so when the
// served dataset is not its first view's. The corpus: check-corpus.spec.mjs.

import path from 'node:path';
import fs from 'node:fs';
import { expect, test, waitForState } from './fixtures.mjs';
import { APP_PREFIX } from './server.mjs';
import { DATA_PATH, NBSP, dataset, fill, locale, plain, runAxe } from './data.mjs';
import { FIXTURES, choose, openCheck, readReport } from './check-reads.mjs';
import { screenshot } from './ui.mjs';

const HOSTILE = '<img src=x onerror=alert(1)>';
const RU = locale('ru');
const EN = locale('en');
const SEVERAL = path.join(FIXTURES, 'several_problems.json');

test('counts problems and warnings in Russian plural forms, and in English', async ({ page, served }) => {
  const data = dataset();
  data.extra = true;
  data.parks[0].color = 'blue';
  data.parks[1].color = 'red';
  data.events[0].date = '2019-13';
  await openCheck(page, served);
  await choose(page, { name: 'three.json', text: JSON.stringify(data, null, 2) });
  let got = await readReport(page);
  expect(got).toMatchObject({ state: 'invalid', problems: { length: 3 }, warnings: { length: 1 } });
  expect(got.status).toMatch(new RegExp(`3${NBSP}ошибки, 1${NBSP}предупреждение`));
  await screenshot(page, 'check-problems-1280');
  // The language switch keeps the file and says it all again in English; the URL says so.
  await page.click('header button[lang="en"]');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  got = await readReport(page);
  expect(got.status).toMatch(/3 problems, 1 warning/);
  expect(got.problems[0].message).toBe(fill(EN.problems.bad_color, 'blue'));
  expect(page.url().endsWith('check.html?lang=en'), page.url()).toBe(true);
  await expect(page).toHaveTitle(`${EN.check_title} — ${EN.app_title}`);
});

test('reads a file dropped onto the page', async ({ page, served }) => {
  await openCheck(page, served, '?lang=en');
  const text = fs.readFileSync(path.join(FIXTURES, 'bad_color.json'), 'utf8');
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    const target = document.querySelector('.check-intro');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, text);
  await waitForState(page, 'invalid');
  const got = await readReport(page);
  expect(got.status).toMatch(/“dropped\.json”: 1 problem, 0 warnings/);
  expect(got.problems[0].kind).toBe('bad_color');
});

test.describe('hostile dataset text stays text', () => {
  test('in a problem and its line', async ({ page, served }) => {
    await openCheck(page, served);
    const broken = dataset();
    broken.events[0].date = HOSTILE;
    await choose(page, { name: 'hostile-date.json', text: JSON.stringify(broken, null, 2) });
    const [problem] = (await readReport(page)).problems;
    expect(problem.kind).toBe('bad_date');
    expect(problem.message).toContain(HOSTILE);
    expect(problem.excerpt).toContain(HOSTILE.slice(1));
    await expect(page.locator('img[src="x"], img[onerror]')).toHaveCount(0);
  });

  test('in the diff and the preview', async ({ page, served }) => {
    await openCheck(page, served);
    const valid = dataset();
    valid.events[0].title.ru = HOSTILE;
    await choose(page, { name: 'hostile-title.json', text: JSON.stringify(valid, null, 2) });
    expect((await readReport(page)).state).toBe('valid');
    await expect(page.locator('#check-diff table.check-record').first()).toBeAttached();
    const shown = await page.evaluate(
      (hostile) => ({
        images: document.querySelectorAll('img[src="x"], img[onerror]').length,
        inDiff: [...document.querySelectorAll('#check-diff td')].some((td) => td.textContent === hostile),
        inTimeline: document.querySelector('#timeline').textContent.includes(hostile),
      }),
      HOSTILE,
    );
    expect(shown).toEqual({ images: 0, inDiff: true, inTimeline: true });
  });
});

test.describe('a valid file with one changed value', () => {
  // axe is injected as an inline script, which the page's policy refuses: these tests alone
  // bypass it (every other test of the check page runs under it).
  test.use({ bypassCSP: true });
  const changed = () => {
    const data = dataset();
    const observation = data.observations.find((o) => o.park === 'morion-digital' && o.metric === 'area_m2');
    const before = observation.value;
    observation.value = 91234;
    return { text: JSON.stringify(data, null, 2), before, id: `morion-digital / area_m2 / ${observation.date}` };
  };

  test('is previewed with the explorer under the record it changes; axe finds nothing, problems listed or preview shown', async ({ page, served }) => {
    const { text, before, id } = changed();
    await openCheck(page, served);
    // Problems listed first (axe), then the valid file.
    await choose(page, SEVERAL);
    expect((await runAxe(page)).violations.map((v) => v.id), 'axe with problems listed').toEqual([]);
    await choose(page, { name: 'technoparks.json', text });
    await expect(page.locator('#check-diff table.check-record').first()).toBeAttached();
    const diff = await page.evaluate(() =>
      [...document.querySelectorAll('#check-diff table.check-record')].map((table) => ({
        section: table.dataset.section,
        id: table.dataset.id,
        change: table.dataset.change,
        caption: table.querySelector('caption').textContent,
        rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent)),
      })),
    );
    expect(diff).toEqual([
      { section: 'observations', id, change: 'changed', caption: `${id} — ${RU.check_kinds.changed}`, rows: [['value', String(before), '91234']] },
    ]);
    await expect(page.locator('#check-diff .check-hint')).toContainText(`1${NBSP}запись`);
    // The explorer's own components draw the file: the new value in Morion's card.
    const card = page.locator('#check-preview .value-card[data-park="morion-digital"] .value');
    await expect(card).toBeAttached();
    expect(plain(await card.textContent())).toBe('91 234 м²');
    await expect(page.locator('#check-preview #compare-chart svg').first()).toBeAttached();
    await screenshot(page, 'check-preview-1280');
    expect((await runAxe(page)).violations.map((v) => v.id), 'axe with the preview shown').toEqual([]);
  });

  test('asks for nothing but the page\'s own files under the sub-path, and uploads nothing', async ({ page, served, record }) => {
    await openCheck(page, served);
    await choose(page, { name: 'technoparks.json', text: changed().text });
    await expect(page.locator('#check-preview #compare-chart svg').first()).toBeAttached();
    // The page, its loader, JS, WASM, two stylesheets, the published dataset.
    const own = /^(check\.html|boot\.js|perm-technoparks-[0-9a-f]+(_bg\.wasm|\.js)|style-[0-9a-f]+\.css|check\.css|data\/technoparks\.json)$/;
    const requested = record.requests.filter((url) => !url.startsWith('data:'));
    for (const url of requested) {
      const { origin, pathname } = new URL(url);
      expect(origin, url).toBe(served.origin);
      expect(pathname.startsWith(APP_PREFIX), url).toBe(true);
      expect(pathname.slice(APP_PREFIX.length), url).toMatch(own);
    }
    expect(requested.some((url) => url.endsWith('.wasm')), 'the explorer’s WASM').toBe(true);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('no horizontal scroll with problems and with the preview', async ({ page, served }) => {
    await openCheck(page, served);
    await choose(page, SEVERAL);
    const wide = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(await wide(), 'problems').toBe(0);
    await screenshot(page, 'check-problems-360');
    await choose(page, { name: 'technoparks.json', text: JSON.stringify(dataset()) });
    await expect(page.locator('#check-preview #compare')).toBeAttached();
    expect(await wide(), 'preview').toBe(0);
  });
});

test.describe('the explorer under the sub-path', () => {
  const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
  /** `2026-11-26` as the app writes it in Russian: `26 ноября 2026 г.` */
  const ruDate = (iso) => {
    const [y, m, d] = iso.split('-').map(Number);
    return `${d} ${MONTHS[m - 1]} ${y} г.`;
  };

  test('says when the dataset was published without a rebuild, and its view replaces the first view', async ({ page, served }) => {
    const newer = dataset();
    const built = newer.meta.updated;
    newer.meta.updated = '2026-12-31';
    await page.route(`**${APP_PREFIX}${DATA_PATH.slice(1)}`, (route) => route.fulfill({ json: newer }));
    await page.goto(served.sub);
    await waitForState(page);
    const notice = await page.textContent('#data-newer');
    expect(plain(notice)).toBe(plain(RU.data_newer.replace('{0}', ruDate(built)).replace('{1}', '31 декабря 2026 г.')));
    await expect(page.locator('#prerender'), 'the first view is gone').toHaveCount(0);
  });

  test('says nothing when the dataset is the first view\'s, and the footer links the check page', async ({ page, served }) => {
    await page.goto(served.sub);
    await waitForState(page);
    await expect(page.locator('#data-newer')).toHaveCount(0);
    await expect(page.locator('footer a[href="check.html"]'), 'the footer links the check page').toHaveCount(1);
  });
});
