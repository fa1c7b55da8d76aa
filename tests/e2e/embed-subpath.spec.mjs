// The release dist/ under a sub-path with the strict Content-Security-Policy of EMBEDDING.md
// (the run's server sends it under APP_PREFIX): the app, its files, the no-script summary and
// table.html, the embed URL parameters, and the dialog that writes the snippets. The `record`
// fixture fails each test on a CSP violation, an error or a request off the server.

import { expect, test, waitForState } from './fixtures.mjs';
import { APP_CSP, APP_PREFIX } from './server.mjs';
import { clickInMenu, screenshot } from './ui.mjs';
import { HOSTED, embedFrame, openHost } from './embed-host.mjs';

/** Every response the page got, as { pathname, status }. */
function responses(page) {
  const list = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (/^https?:$/.test(url.protocol)) list.push({ pathname: url.pathname, status: response.status() });
  });
  return list;
}

test('runs under the strict CSP at a sub-path: one wasm download, nothing outside the prefix', async ({ page, record, served }) => {
  const answered = responses(page);
  await page.goto(served.sub);
  try {
    await waitForState(page);
    // Late work (chart measurement, lazy styles) may still trip the policy: let it finish.
    await page.waitForLoadState('networkidle');
  } finally {
    await screenshot(page, 'embed-csp-subpath').catch(() => {});
  }
  const wasm = record.requests.filter((u) => new URL(u).pathname.endsWith('.wasm'));
  expect(wasm, 'wasm requests seen by the browser').toHaveLength(1);
  expect(answered.filter((r) => r.pathname.endsWith('.wasm')), 'wasm responses').toHaveLength(1);
  const http = record.requests.filter((u) => /^https?:/.test(u));
  expect(http.filter((u) => !u.startsWith(served.sub)), `requests outside ${APP_PREFIX}`).toEqual([]);
  expect(answered.filter((r) => r.status !== 200), 'responses other than 200').toEqual([]);
  expect(record.failedRequests, 'failed requests').toEqual([]);
});

test('serves each file the strict policy depends on with its MIME type and the CSP', async ({ request, served }) => {
  // The build writes the app's hashed names into boot.js (Trunk.toml), not into the page.
  const boot = await (await request.get(`${served.sub}boot.js`)).text();
  const wasmName = boot.match(/"([^"/]+_bg\.wasm)"/)?.[1];
  expect(wasmName, 'boot.js names its wasm file').toBeTruthy();
  for (const [file, type] of [
    ['', /^text\/html/],
    [wasmName, /^application\/wasm$/],
    ['embed.js', /^text\/javascript/],
    ['boot.js', /^text\/javascript/],
    ['table.css', /^text\/css/],
    ['data/technoparks.json', /^application\/json/],
  ]) {
    const response = await request.get(`${served.sub}${file}`);
    expect(response.status(), `${file} status`).toBe(200);
    expect(response.headers()['content-type'], `${file} Content-Type`).toMatch(type);
    expect(response.headers()['content-security-policy'], `${file} CSP header`).toBe(APP_CSP);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page shows its no-script summary table, whose link to table.html works', async ({ page, request, served }) => {
    // The raw index.html: its <noscript> summary has a table and links to table.html.
    const raw = await request.get(served.sub);
    expect(raw.status()).toBe(200);
    const noscript = (await raw.text()).match(/<noscript>([\s\S]*?)<\/noscript>/i)?.[1];
    expect(noscript, 'index.html has a <noscript>').toBeTruthy();
    expect(noscript, '<noscript> has a <table>').toMatch(/<table[\s>]/i);
    expect(noscript, '<noscript> links table.html').toMatch(/<a [^>]*href="(\.\/)?table\.html"/i);

    await page.goto(served.sub);
    await expect(page.locator('body table').first(), 'a table without JavaScript').toBeVisible();
    await page.locator('a[href="table.html"]').first().click();
    await page.waitForURL(`${served.sub}table.html`);
    await expect(page.locator('table').first(), 'table.html via the no-script link').toBeAttached();
  });
});

test('table.html and table-en.html work under the sub-path and CSP and name their icon', async ({ page, record, request, served }) => {
  const response = await page.goto(`${served.sub}table.html`);
  expect(response.status(), 'table.html status').toBe(200);
  await expect(page.locator('table').first()).toBeAttached();
  await page.waitForLoadState('networkidle');
  const http = record.requests.filter((u) => /^https?:/.test(u));
  expect(http.filter((u) => !u.startsWith(served.sub)), 'table.html requested URLs outside the sub-path').toEqual([]);
  expect(record.failedRequests).toEqual([]);
  // Like index.html (<link rel="icon" href="data:,">), each table page names its icon, so no
  // browser fetches /favicon.ico from the root of the host's site (outside the sub-path).
  for (const file of ['table.html', 'table-en.html']) {
    const res = await request.get(`${served.sub}${file}`);
    expect(res.status(), `${file} status`).toBe(200);
    const text = await res.text();
    expect(text, `${file} has a <table>`).toMatch(/<table[\s>]/i);
    expect(text, `${file} names its icon (<link rel="icon">)`).toMatch(/<link [^>]*rel="icon"/i);
  }
});

test.describe('a narrow embed', () => {
  test.use({ viewport: { width: 480, height: 800 } });

  test('?embed=1&lang=en&theme=dark&a11y=1: classes, lang, open-full link, dark background', async ({ page, served }) => {
    const params = 'embed=1&lang=en&theme=dark&a11y=1';
    await page.goto(`${served.sub}?${params}`);
    try {
      await waitForState(page);
      const classes = await page.$eval('#app', (el) => [...el.classList]);
      expect(classes).toEqual(expect.arrayContaining(['embed', 'theme-dark', 'a11y']));
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.locator('.subtitle'), 'no subtitle in embed mode').toBeHidden();
      await expect(page.locator('button#embed-open'), 'no embed button in embed mode').toHaveCount(0);

      const link = page.locator('a.open-full');
      await expect(link, 'an open-full link in embed mode').toHaveCount(1);
      await expect(link).toHaveAttribute('target', '_blank');
      const href = new URL(await link.getAttribute('href'), page.url());
      expect(href.origin).toBe(served.origin);
      expect(href.pathname, 'open-full stays on the sub-path').toBe(APP_PREFIX);
      expect(href.searchParams.get('embed'), 'open-full drops embed').toBeNull();
      expect(href.searchParams.get('lang'), 'open-full keeps lang').toBe('en');

      // The app rewrites its own URL but keeps every parameter the host chose.
      const url = new URL(page.url());
      expect(url.pathname).toBe(APP_PREFIX);
      for (const [key, value] of new URLSearchParams(params)) {
        expect(url.searchParams.get(key), `URL keeps ${key}=${value}`).toBe(value);
      }

      const style = await page.$eval('#app', (el) => {
        const cs = getComputedStyle(el);
        return { background: cs.backgroundColor, color: cs.color };
      });
      const [r, g, b, a = 1] = (style.background.match(/[\d.]+/g) ?? []).map(Number);
      expect(a, `#app background is opaque (${style.background})`).toBeGreaterThan(0);
      expect(r + g + b, `#app background ${style.background} is dark (text ${style.color})`).toBeLessThan(150);
    } finally {
      await screenshot(page, 'embed-dark-a11y').catch(() => {});
    }
  });
});

test.describe('the embed dialog', () => {
  test.use(HOSTED);

  test('writes snippets for the current view and language that embed it when pasted; Escape closes', async ({ page, served }) => {
    await page.goto(served.sub);
    await waitForState(page);
    const dialog = page.locator('dialog#embed-dialog');
    // Built at its first opening, not with the app (src/ui/embed.rs).
    await expect(dialog, 'no dialog before the click').toHaveCount(0);

    await clickInMenu(page, 'button#embed-open');
    await expect(dialog, 'open after the click').toHaveAttribute('open');
    const ruScript = await page.inputValue('textarea#embed-script');
    expect(ruScript).toMatch(/data-technoparks-embed/);
    expect(ruScript).toMatch(/embed=1/);
    expect(ruScript, 'script URL').toContain(`${served.sub}embed.js`);
    // The embed page (its first view drawn for ?embed=1), under the sub-path.
    expect(ruScript, 'data-src').toContain(`data-src="${served.sub}embed.html?embed=1"`);
    expect(ruScript).not.toMatch(/lang=en/);
    expect(await page.inputValue('textarea#embed-iframe')).toMatch(/<iframe [^>]*src="[^"]*embed=1/);
    await page.keyboard.press('Escape');
    await expect(dialog, 'Escape closes the dialog').not.toHaveAttribute('open');

    await page.click('button#lang-toggle');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await clickInMenu(page, 'button#embed-open');
    await expect(dialog, 'open after the second click').toHaveAttribute('open');
    const enScript = await page.inputValue('textarea#embed-script');
    expect(enScript).toMatch(/data-technoparks-embed/);
    expect(enScript).toMatch(/embed=1/);
    expect(enScript).toMatch(/lang=en/);
    expect(enScript).toMatch(/\/embed\.js"/);
    await screenshot(page, 'embed-dialog').catch(() => {});
    await page.keyboard.press('Escape');
    await expect(dialog, 'Escape closes the dialog (second time)').not.toHaveAttribute('open');

    // The snippet, pasted as is into a host page on another origin, embeds this view.
    const frame = await openHost(page, served, { embedHtml: enScript });
    await expect(embedFrame(page)).toHaveCount(1);
    const src = new URL(await embedFrame(page).getAttribute('src'));
    expect(`${src.origin}${src.pathname}`).toBe(`${served.sub}embed.html`);
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.get('lang')).toBe('en');
    await expect(frame.locator('html')).toHaveAttribute('lang', 'en');
  });
});
