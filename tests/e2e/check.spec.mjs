// check.html (issue 19) as it ships, under the sub-path and its strict CSP: counts in both
// languages, a dropped file, hostile dataset text, a valid file previewed by the explorer's
// components under what changed (nothing leaves the page; axe finds nothing), a phone; and the
// explorer saying so when the served dataset is not its first view's.

import fs from 'node:fs';
import path from 'node:path';
import { expect, test, waitForState } from './fixtures.mjs';
import { NBSP, dataset, fill, locale, plain, runAxe } from './data.mjs';
import { APP_PREFIX } from './server.mjs';
import { screenshot } from './ui.mjs';
import { FIXTURES, choose, openCheck, readReport } from './check-reads.mjs';

const HOSTILE = '<img src=x onerror=alert(1)>';
const RU = locale('ru');
const EN = locale('en');

test.describe('check.html', () => {
  test('counts problems and warnings in Russian plural forms, and in English after the switch', async ({ page, served }) => {
    const data = dataset();
    data.extra = true;
    data.parks[0].color = 'blue';
    data.parks[1].color = 'red';
    data.events[0].date = '2019-13';
    await openCheck(page, served);
    await choose(page, { name: 'three.json', text: JSON.stringify(data, null, 2) });
    let got = await readReport(page);
    expect(got.state).toBe('invalid');
    expect(got.problems).toHaveLength(3);
    expect(got.warnings).toHaveLength(1);
    expect(got.status).toMatch(new RegExp(`3${NBSP}ошибки, 1${NBSP}предупреждение`));
    await screenshot(page, 'check-problems-1280');
    // The language switch keeps the file and says it all again in English; the URL says so.
    await page.click('header button[lang="en"]');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#check-status')).toContainText('3 problems, 1 warning');
    got = await readReport(page);
    expect(got.problems[0].message).toBe(fill(EN.problems.bad_color, 'blue'));
    expect(page.url()).toMatch(/check\.html\?lang=en$/);
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
    await expect(page.locator('main#main')).toHaveAttribute('data-state', 'invalid');
    const got = await readReport(page);
    expect(got.status).toMatch(/“dropped\.json”: 1 problem, 0 warnings/);
    expect(got.problems[0].kind).toBe('bad_color');
  });

  test('shows hostile dataset text as text: in a problem, its line, the diff and the preview', async ({ page, served }) => {
    await openCheck(page, served);
    const broken = dataset();
    broken.events[0].date = HOSTILE;
    await choose(page, { name: 'hostile-date.json', text: JSON.stringify(broken, null, 2) });
    let got = await readReport(page);
    expect(got.problems[0].kind).toBe('bad_date');
    expect(got.problems[0].message).toContain(HOSTILE);
    expect(got.problems[0].excerpt).toContain(HOSTILE.slice(1));

    const valid = dataset();
    valid.events[0].title.ru = HOSTILE;
    await choose(page, { name: 'hostile-title.json', text: JSON.stringify(valid, null, 2) });
    got = await readReport(page);
    expect(got.state).toBe('valid');
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

  test.describe('with axe', () => {
    // axe is injected as an inline script, which the page's policy refuses: this test alone
    // bypasses it (every other test of check.html runs under it).
    test.use({ bypassCSP: true });

    test('previews a valid file with one changed value and names the record in the diff; nothing leaves the page; axe', async ({ page, record, served }) => {
      const data = dataset();
      const observation = data.observations.find((o) => o.park === 'morion-digital' && o.metric === 'area_m2');
      const before = observation.value;
      observation.value = 91234;
      await openCheck(page, served);
      // Problems listed first (axe), then the valid file.
      await choose(page, 'several_problems.json');
      expect((await runAxe(page)).violations.map((v) => v.id), 'axe with problems listed').toEqual([]);

      await choose(page, { name: 'technoparks.json', text: JSON.stringify(data, null, 2) });
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
      const id = `morion-digital / area_m2 / ${observation.date}`;
      expect(diff).toEqual([
        { section: 'observations', id, change: 'changed', caption: `${id} — ${RU.check_kinds.changed}`, rows: [['value', String(before), '91234']] },
      ]);
      await expect(page.locator('#check-diff .check-hint')).toContainText(`1${NBSP}запись`);
      // The explorer's own components draw the file: the new value in Morion's card.
      const card = page.locator('#check-preview .value-card[data-park="morion-digital"] .value');
      await expect.poll(async () => plain(await card.textContent())).toBe('91 234 м²');
      await expect(page.locator('#check-preview #compare-chart svg').first()).toBeAttached();
      await screenshot(page, 'check-preview-1280');
      expect((await runAxe(page)).violations.map((v) => v.id), 'axe with the preview shown').toEqual([]);

      // Only the page's own files: the page, its loader, JS, WASM, two stylesheets, the
      // published dataset; nothing outside the sub-path, nothing uploaded.
      const own = /^(check\.html|boot\.js|perm-technoparks-[0-9a-f]+(_bg\.wasm|\.js)|style-[0-9a-f]+\.css|check\.css|data\/technoparks\.json)$/;
      const requested = record.requests.filter((url) => !url.startsWith('data:'));
      const stray = requested.filter((url) => {
        const { origin, pathname } = new URL(url);
        return origin !== served.origin || !pathname.startsWith(APP_PREFIX) || !own.test(pathname.slice(APP_PREFIX.length));
      });
      expect(stray, 'requests other than the page\'s own files').toEqual([]);
      expect(requested.some((url) => url.endsWith('.wasm')), 'the explorer’s WASM').toBe(true);
    });
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test('fits: no horizontal scroll with problems and with the preview', async ({ page, served }) => {
      await openCheck(page, served);
      await choose(page, 'several_problems.json');
      const wide = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      expect(await wide(), 'problems').toBe(0);
      await screenshot(page, 'check-problems-360');
      await choose(page, { name: 'technoparks.json', text: JSON.stringify(dataset()) });
      await expect(page.locator('#check-preview #compare')).toBeAttached();
      expect(await wide(), 'preview').toBe(0);
    });
  });
});

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** `2026-11-26` as the app writes it in Russian: `26 ноября 2026 г.` */
function ruDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y} г.`;
}

test.describe('the explorer, a dataset published without a rebuild', () => {
  test('says so, and its view replaces the first view', async ({ page, served }) => {
    const newer = dataset();
    const built = newer.meta.updated;
    newer.meta.updated = '2026-12-31';
    await page.route(`${served.sub}data/technoparks.json`, (route) =>
      route.fulfill({ contentType: 'application/json; charset=utf-8', body: JSON.stringify(newer) }),
    );
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
    await expect(page.locator('footer a[href="check.html"]'), 'the footer links the check page').toHaveAttribute('href', 'check.html');
  });
});
