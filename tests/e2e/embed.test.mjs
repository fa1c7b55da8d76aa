// Embedding: the release dist/ under a sub-path and a strict Content-Security-Policy, embed.js
// on a host page of another origin (auto-height, forged messages), the embed URL parameters,
// and the dialog that writes the snippets. See EMBEDDING.md.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickInMenu, launchBrowser, screenshot } from './helpers.mjs';
import {
  APP_CSP,
  APP_PREFIX,
  clampHeight,
  cspViolations,
  escapeHtml,
  openRecordedPage,
  poll,
  smallDataset,
  startAppServer,
  startPageServer,
} from './embed-helpers.mjs';

const READY = 'main#main[data-state="ready"]';
const TITLE = 'Perm technoparks';

let app; // port A: dist/ under /any/sub/path/ with the app's CSP
let small; // port D: the same, serving a cut-down dataset (content shorter than 6000 px)
let host; // port B: the host page, with the host's own strict CSP
let third; // port C: a third origin that tries to forge height messages
let browser;
/** Host-page HTML served at /snippet.html (set by the dialog test). */
let pastedSnippet = '';

/** The host's policy: the explorer's script and frame from ports A (and D), the forger from C. */
function hostCsp() {
  return [
    "default-src 'self'",
    `script-src 'self' ${app.origin} ${small.origin}`,
    `frame-src ${app.origin} ${small.origin} ${third.origin}`,
    "style-src 'self'",
  ].join('; ');
}

function hostPage(embedHtml) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ministry host page</title>
<link rel="stylesheet" href="/host.css">
</head>
<body>
<header><h1 id="host-title">Ministry of industry: news</h1></header>
<p id="host-before">Host content before the explorer.</p>
${embedHtml}
<p id="host-after">Host content after the explorer.</p>
<iframe id="forger" src="${third.origin}/forger.html" title="Third party" width="300" height="80"></iframe>
</body>
</html>`;
}

function embedHostPage(server) {
  return hostPage(
    `<div data-technoparks-embed data-src="${escapeHtml(`${server.base}?embed=1&lang=en`)}" data-title="${TITLE}"></div>
<script src="${server.base}embed.js"></script>`,
  );
}

before(async () => {
  app = await startAppServer();
  small = await startAppServer({
    overrides: new Map([
      ['data/technoparks.json', { body: await smallDataset(), contentType: 'application/json; charset=utf-8' }],
    ]),
  });
  third = await startPageServer({
    '/forger.html': '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>forger</title></head><body><p>third party</p></body></html>',
  });
  host = await startPageServer(
    (pathname) => {
      switch (pathname) {
        case '/':
        case '/host.html':
          return embedHostPage(app);
        case '/small.html':
          return embedHostPage(small);
        case '/snippet.html':
          return hostPage(pastedSnippet);
        case '/favicon.ico':
          return { body: Buffer.alloc(0), contentType: 'image/x-icon' };
        case '/host.css':
          return {
            body: 'body { font-family: sans-serif; margin: 16px; } #host-before, #host-after { margin: 8px 0; }',
            contentType: 'text/css; charset=utf-8',
          };
        default:
          return undefined;
      }
    },
    { csp: hostCsp() },
  );
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all([app?.close(), small?.close(), host?.close(), third?.close()]);
});

/** A URL on the host server (port B). */
function hostUrl(pathname) {
  return `${host.origin}${pathname}`;
}

/** Every page and frame: no uncaught errors, no console errors, no dialogs. */
function assertClean(record, what) {
  assert.deepEqual(record.pageErrors, [], `${what}: uncaught page errors`);
  assert.deepEqual(
    record.consoleErrors.filter((text) => /Content Security Policy/i.test(text)),
    [],
    `${what}: console errors about the Content Security Policy`,
  );
  assert.deepEqual(record.consoleErrors, [], `${what}: console errors`);
  assert.deepEqual(record.dialogs, [], `${what}: alerts / dialogs`);
  assert.deepEqual(record.failedRequests, [], `${what}: failed requests`);
}

/** The embedded app's frame (served by `server`), once it is attached. */
async function appFrame(page, server) {
  const { value } = await poll(
    () => page.frames().find((frame) => frame.url().startsWith(server.base)),
    { timeout: 15_000, interval: 50 },
  );
  assert.ok(value, 'no frame of the app appeared in the host page');
  return value;
}

/** The iframe's height attribute and the frame document's scrollHeight. */
async function heights(page, frame) {
  const attr = await page.$eval('[data-technoparks-embed] iframe', (f) => f.getAttribute('height'));
  const scroll = await frame.evaluate(() => document.documentElement.scrollHeight);
  return { attr: Number(attr), scroll, expected: clampHeight(scroll) };
}

/** Waits (≤ timeout) for the iframe height to equal the clamped content height, ±2 px. */
async function heightFollows(page, frame, timeout = 1000) {
  let last;
  const { value, elapsed } = await poll(
    async () => {
      last = await heights(page, frame);
      return Math.abs(last.attr - last.expected) <= 2 && last;
    },
    { timeout },
  );
  return { ok: Boolean(value), elapsed, ...last };
}

/** Opens a host page and waits for the app embedded from `server` to be ready. */
async function openHost(pathname = '/host.html', server = app) {
  const record = await openRecordedPage(browser, hostUrl(pathname));
  const frame = await appFrame(record.page, server);
  await frame.waitForSelector(READY, { state: 'attached', timeout: 20_000 });
  return { ...record, frame };
}

test('1. strict CSP under a sub-path: no violations, one wasm download, nothing outside the prefix', async () => {
  app.requests.length = 0;
  const record = await openRecordedPage(browser, app.base);
  const { page, context } = record;
  try {
    await page.waitForSelector(READY, { state: 'attached', timeout: 20_000 });
    // Give late work (chart measurement, lazy styles) a moment to trip the policy.
    await page.waitForTimeout(300);
    assert.deepEqual(await cspViolations(page), [], 'securitypolicyviolation events');
    assertClean(record, 'app under the sub-path');

    const wasmInBrowser = record.requests.filter((u) => new URL(u).pathname.endsWith('.wasm'));
    assert.equal(wasmInBrowser.length, 1, `wasm requests seen by the browser: ${wasmInBrowser.join(', ')}`);
    const wasmAtServer = app.requests.filter((r) => r.pathname.endsWith('.wasm'));
    assert.equal(wasmAtServer.length, 1, `wasm requests answered by the server: ${JSON.stringify(wasmAtServer)}`);

    for (const requestUrl of record.requests) {
      const url = new URL(requestUrl);
      if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') {
        continue;
      }
      assert.equal(url.hostname, '127.0.0.1', `request off this machine: ${requestUrl}`);
      assert.equal(url.origin, app.origin, `request to another server: ${requestUrl}`);
      assert.ok(url.pathname.startsWith(APP_PREFIX), `request outside ${APP_PREFIX}: ${requestUrl}`);
    }
    assert.deepEqual(
      app.requests.filter((r) => r.status !== 200),
      [],
      'requests the sub-path server did not answer with 200',
    );

  } finally {
    await screenshot(page, 'embed-csp-subpath').catch(() => {});
    await context.close();
  }

  // MIME types the strict policy (and nosniff) depend on.
  const html = await (await fetch(app.base)).text();
  // Quoted or not: the release build minifies index.html.
  const wasmName = html.match(/data-wasm="?\.\/([^"\s>]+\.wasm)/)?.[1];
  assert.ok(wasmName, 'index.html names no wasm file');
  for (const [file, type] of [
    ['', /^text\/html/],
    [wasmName, /^application\/wasm$/],
    ['embed.js', /^text\/javascript/],
    ['boot.js', /^text\/javascript/],
    ['table.css', /^text\/css/],
    ['data/technoparks.json', /^application\/json/],
  ]) {
    const res = await fetch(`${app.base}${file}`);
    assert.equal(res.status, 200, `${file} status`);
    assert.match(res.headers.get('content-type'), type, `${file} Content-Type`);
    assert.equal(res.headers.get('content-security-policy'), APP_CSP, `${file} CSP header`);
  }
  // Nothing outside the prefix.
  for (const outside of ['/', '/index.html', '/embed.js', '/any/sub/path']) {
    assert.equal((await fetch(`${app.origin}${outside}`)).status, 404, `${outside} should be 404`);
  }
});

test('1b. table.html and the no-script summary under the same sub-path and CSP', async () => {
  // The raw index.html: its <noscript> summary has a table and links to table.html.
  const raw = await fetch(app.base);
  assert.equal(raw.status, 200);
  const html = await raw.text();
  const noscript = html.match(/<noscript>([\s\S]*?)<\/noscript>/i);
  assert.ok(noscript, 'index.html has no <noscript>');
  assert.match(noscript[1], /<table[\s>]/i, '<noscript> has no <table>');
  assert.match(noscript[1], /<a [^>]*href="(\.\/)?table\.html"/i, '<noscript> does not link table.html');

  // Without JavaScript the same page shows the summary table and its link works.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  try {
    const p = await noJs.newPage();
    await p.goto(app.base);
    assert.ok(await p.locator('body table').count() > 0, 'no table without JavaScript');
    await Promise.all([
      p.waitForURL(`${app.base}table.html`),
      p.locator('a[href="table.html"]').first().click(),
    ]);
    assert.ok(await p.locator('table').count() > 0, 'table.html via the no-script link');
  } finally {
    await noJs.close();
  }

  // table.html in a browser, under the strict policy: 200, a table, nothing off the sub-path.
  const served = app.requests.length;
  const record = await openRecordedPage(browser, `${app.base}table.html`);
  const { page, context } = record;
  try {
    const response = await page.reload();
    assert.equal(response.status(), 200, 'table.html status');
    assert.ok(await page.locator('table').count() > 0, 'table.html has no <table>');
    // The browser asks for a favicon shortly after load unless the page names one.
    await poll(() => app.requests.slice(served).some((r) => r.pathname === '/favicon.ico'), {
      timeout: 1000,
    });
    assert.deepEqual(await cspViolations(page), [], 'securitypolicyviolation events on table.html');
    assert.deepEqual(
      record.requests.filter((u) => /^https?:/.test(u) && !u.startsWith(app.base)),
      [],
      'table.html requested URLs outside the sub-path',
    );
    assert.deepEqual(
      app.requests.slice(served).filter((r) => !r.pathname.startsWith(APP_PREFIX)),
      [],
      'table.html made the browser request something outside the sub-path (table.html has no ' +
        '<link rel="icon">, so the browser asks the site root for /favicon.ico)',
    );
    assertClean(record, 'table.html');
  } finally {
    await context.close();
  }

  // Deterministically: like index.html (<link rel="icon" href="data:,">), each table page names
  // its icon, so no browser fetches /favicon.ico from the root of the host's site.
  for (const file of ['table.html', 'table-en.html']) {
    const res = await fetch(`${app.base}${file}`);
    assert.equal(res.status, 200, `${file} status`);
    const text = await res.text();
    assert.match(text, /<table[\s>]/i, `${file} has no <table>`);
    assert.match(
      text,
      /<link [^>]*rel="icon"/i,
      `${file} has no <link rel="icon">: browsers then request /favicon.ico at the site root, ` +
        'outside the sub-path (a 404 and a console error on the host server)',
    );
  }
});

test('2. host page on another origin: lazy titled iframe whose height follows the content', async () => {
  const record = await openHost();
  const { page, context, frame } = record;
  const hostHref = page.url();
  try {
    const iframe = page.locator('[data-technoparks-embed] iframe');
    assert.equal(await iframe.count(), 1, 'exactly one iframe from embed.js');
    assert.equal(await iframe.getAttribute('title'), TITLE);
    assert.equal(await iframe.getAttribute('loading'), 'lazy');
    assert.equal(new URL(await iframe.getAttribute('src')).origin, app.origin);
    // Host content stays around the frame.
    assert.ok(await page.locator('#host-before').isVisible());
    assert.ok(await page.locator('#host-after').isVisible());

    const first = await heightFollows(page, frame, 1000);
    assert.ok(
      first.ok,
      `iframe height ${first.attr} != clamped scrollHeight ${first.expected} within 1 s of ready`,
    );
    assert.equal(page.url(), hostHref, 'host URL changed');

    // A taller view: the akit_rank line chart with its value figures.
    await frame.selectOption('#metric-select', 'akit_rank');
    const taller = await heightFollows(page, frame, 1000);
    assert.ok(taller.ok, `after akit_rank: iframe ${taller.attr} != clamped scrollHeight ${taller.expected}`);
    assert.equal(page.url(), hostHref, 'host URL changed after the metric switch');
    assert.match(frame.url(), /metric=akit_rank/, 'the frame keeps its own URL in step');

    assert.deepEqual(await cspViolations(page), [], 'CSP violations on the host page');
    assert.deepEqual(await cspViolations(frame), [], 'CSP violations in the embedded app');
    assertClean(record, 'host page');
    await screenshot(page, 'embed-host-page').catch(() => {});
    // Last, as it depends on the content fitting under embed.js's 6000 px ceiling.
    assert.ok(
      taller.attr > first.attr,
      `the iframe did not grow for the taller akit_rank view: ${first.attr} px -> ` +
        `${taller.attr} px (frame scrollHeight ${first.scroll} -> ${taller.scroll} px; ` +
        `embed.js clamps to 6000)`,
    );
  } finally {
    await context.close();
  }
});

// With the shipped dataset the embedded explorer is taller than embed.js's 6000 px ceiling (see
// test 2), so the growing and shrinking is checked with a cut-down dataset that fits.
test('2b. the embedded frame grows and shrinks again with the content (short dataset)', async () => {
  const record = await openHost('/small.html', small);
  const { page, context, frame } = record;
  try {
    const short = await heightFollows(page, frame, 1000);
    assert.ok(short.ok, `initial: iframe ${short.attr} != ${short.expected}`);
    assert.ok(short.scroll < 6000, `the short dataset is still ${short.scroll} px tall`);
    await frame.selectOption('#metric-select', 'akit_rank');
    const tall = await heightFollows(page, frame, 1000);
    assert.ok(tall.ok && tall.attr > short.attr, `akit_rank: ${tall.attr} (area: ${short.attr})`);

    await frame.selectOption('#metric-select', 'area_m2');
    // The content itself (not the viewport-bound scrollHeight) is what the frame should take.
    const { value, elapsed } = await poll(
      async () => {
        const attr = Number(await page.$eval('[data-technoparks-embed] iframe', (f) => f.getAttribute('height')));
        return Math.abs(attr - short.attr) <= 2 && attr;
      },
      { timeout: 1000 },
    );
    const now = await heights(page, frame);
    const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    assert.ok(
      value,
      `back to area_m2 the iframe stays ${now.attr} px (content ${content} px, frame ` +
        `scrollHeight ${now.scroll}); expected it to return to ${short.attr} px within 1 s ` +
        `(waited ${elapsed} ms)`,
    );
    assertClean(record, 'host page (shrink)');
  } finally {
    await context.close();
  }
});

// On the short dataset, so that the frame's own height is below the 6000 px clamp and the clamp
// is observable.
test('3. forged or malformed height messages change nothing', async () => {
  const record = await openHost('/small.html', small);
  const { page, context, frame } = record;
  const iframeHeight = async () =>
    page.$eval('[data-technoparks-embed] iframe', (f) => ({
      attr: f.getAttribute('height'),
      minHeight: f.style.minHeight,
    }));
  try {
    const settled = await heightFollows(page, frame, 1000);
    assert.ok(settled.ok, `initial height ${settled.attr} != ${settled.expected}`);
    const original = await iframeHeight();
    assert.ok(Number(original.attr) < 6000, `baseline height ${original.attr} is already clamped`);

    const forger = page.frames().find((f) => f.url().startsWith(third.origin));
    assert.ok(forger, 'the third-origin frame is missing');

    const unchanged = async (what, send) => {
      await send();
      await page.waitForTimeout(300);
      assert.deepEqual(await iframeHeight(), original, `height changed after: ${what}`);
    };

    await unchanged('the host page posting to itself', () =>
      page.evaluate(() => window.postMessage({ type: 'technoparks:height', height: 1234 }, '*')),
    );
    await unchanged('a third-origin frame posting to the host', () =>
      forger.evaluate(() => parent.postMessage({ type: 'technoparks:height', height: 1234 }, '*')),
    );
    await unchanged('the real frame sending a string height', () =>
      frame.evaluate(() => parent.postMessage({ type: 'technoparks:height', height: '999' }, '*')),
    );
    await unchanged('the real frame sending Infinity', () =>
      frame.evaluate(() => parent.postMessage({ type: 'technoparks:height', height: Infinity }, '*')),
    );
    await unchanged('the real frame sending NaN', () =>
      frame.evaluate(() => parent.postMessage({ type: 'technoparks:height', height: NaN }, '*')),
    );
    await unchanged('the real frame sending another type', () =>
      frame.evaluate(() => parent.postMessage({ type: 'other', height: 500 }, '*')),
    );
    await unchanged('the real frame sending a bare string', () =>
      frame.evaluate(() => parent.postMessage('technoparks:height', '*')),
    );

    // A huge height from the real frame is clamped to 6000 …
    await frame.evaluate(() => parent.postMessage({ type: 'technoparks:height', height: 1e9 }, '*'));
    const { value: clamped } = await poll(
      async () => (await iframeHeight()).attr === '6000',
      { timeout: 1000 },
    );
    assert.ok(clamped, `height after 1e9: ${(await iframeHeight()).attr}, expected exactly 6000`);
    assert.equal((await iframeHeight()).minHeight, '6000px');
    // … and a valid height from the real frame restores it.
    const restore = Number(original.attr);
    await frame.evaluate(
      (h) => parent.postMessage({ type: 'technoparks:height', height: h }, '*'),
      restore,
    );
    const { value: restored } = await poll(
      async () => (await iframeHeight()).attr === original.attr,
      { timeout: 1000 },
    );
    assert.ok(restored, `height after restoring: ${(await iframeHeight()).attr}, expected ${original.attr}`);
    await page.waitForTimeout(300);
    assert.deepEqual(await iframeHeight(), original, 'height did not stay restored');

    // The same window (iframe.contentWindow) after navigating to another origin: origin check.
    await frame.goto(`${third.origin}/forger.html`);
    await frame.evaluate(() => parent.postMessage({ type: 'technoparks:height', height: 777 }, '*'));
    await page.waitForTimeout(300);
    assert.deepEqual(await iframeHeight(), original, 'height changed after a message from the frame navigated to another origin');

    assert.deepEqual(await cspViolations(page), [], 'CSP violations on the host page');
    assertClean(record, 'host page (forged messages)');
  } finally {
    await context.close();
  }
});

test('4. ?embed=1&lang=en&theme=dark&a11y=1: classes, lang, open-full link, dark background', async () => {
  const params = 'embed=1&lang=en&theme=dark&a11y=1';
  const record = await openRecordedPage(browser, `${app.base}?${params}`, { width: 480, height: 800 });
  const { page, context } = record;
  try {
    await page.waitForSelector(READY, { state: 'attached', timeout: 20_000 });
    const classes = await page.$eval('#app', (el) => [...el.classList]);
    for (const name of ['embed', 'theme-dark', 'a11y']) {
      assert.ok(classes.includes(name), `#app lacks class ${name}: ${classes.join(' ')}`);
    }
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.locator('.subtitle').isVisible(), false, '.subtitle is visible in embed mode');
    assert.equal(await page.locator('button#embed-open').count(), 0, 'embed button shown in embed mode');

    const link = page.locator('a.open-full');
    assert.equal(await link.count(), 1, 'no a.open-full in embed mode');
    assert.equal(await link.getAttribute('target'), '_blank');
    const href = new URL(await link.getAttribute('href'), page.url());
    assert.equal(href.origin, app.origin);
    assert.equal(href.pathname, APP_PREFIX, 'open-full leaves the sub-path');
    assert.equal(href.searchParams.get('embed'), null, `open-full keeps embed: ${href}`);
    assert.equal(href.searchParams.get('lang'), 'en', `open-full drops lang: ${href}`);

    // The app rewrites its own URL but keeps every parameter the host chose.
    const url = new URL(page.url());
    assert.equal(url.pathname, APP_PREFIX);
    for (const [key, value] of new URLSearchParams(params)) {
      assert.equal(url.searchParams.get(key), value, `URL lost ${key}=${value}: ${url}`);
    }

    assert.deepEqual(await cspViolations(page), [], 'CSP violations');
    assertClean(record, 'embed dark a11y');

    const style = await page.$eval('#app', (el) => {
      const cs = getComputedStyle(el);
      return { background: cs.backgroundColor, color: cs.color };
    });
    const [r, g, b, a = 1] = (style.background.match(/[\d.]+/g) ?? []).map(Number);
    assert.ok(a > 0, `#app background is transparent (${style.background})`);
    assert.ok(
      r + g + b < 150,
      `#app background ${style.background} is not dark with theme=dark&a11y=1 (text ${style.color})`,
    );
  } finally {
    await screenshot(page, 'embed-dark-a11y').catch(() => {});
    await context.close();
  }
});

test('5. embed dialog: snippets for the current view and language; Escape closes', async () => {
  const record = await openRecordedPage(browser, app.base);
  const { page, context } = record;
  const dialog = page.locator('dialog#embed-dialog');
  const isOpen = () => dialog.evaluate((d) => d.open && d.hasAttribute('open'));
  try {
    await page.waitForSelector(READY, { state: 'attached', timeout: 20_000 });
    assert.equal(await isOpen(), false, 'dialog open before the click');

    await clickInMenu(page, 'button#embed-open');
    assert.equal(await isOpen(), true, 'dialog not open after the click');
    const ruScript = await page.inputValue('textarea#embed-script');
    const ruIframe = await page.inputValue('textarea#embed-iframe');
    assert.match(ruScript, /data-technoparks-embed/);
    assert.match(ruScript, /embed=1/);
    assert.ok(ruScript.includes(`${app.base}embed.js`), `script URL: ${ruScript}`);
    // The embed page (its first view drawn for ?embed=1), under the sub-path.
    assert.ok(ruScript.includes(`data-src="${app.base}embed.html?embed=1"`), `data-src: ${ruScript}`);
    assert.doesNotMatch(ruScript, /lang=en/);
    assert.match(ruIframe, /<iframe [^>]*src="[^"]*embed=1/);
    await page.keyboard.press('Escape');
    await poll(async () => !(await isOpen()), { timeout: 1000 });
    assert.equal(await isOpen(), false, 'Escape did not close the dialog');

    await page.click('button#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await clickInMenu(page, 'button#embed-open');
    assert.equal(await isOpen(), true, 'dialog not open after the second click');
    const enScript = await page.inputValue('textarea#embed-script');
    assert.match(enScript, /data-technoparks-embed/);
    assert.match(enScript, /embed=1/);
    assert.match(enScript, /lang=en/);
    assert.match(enScript, /\/embed\.js"/);
    await screenshot(page, 'embed-dialog').catch(() => {});
    await page.keyboard.press('Escape');
    await poll(async () => !(await isOpen()), { timeout: 1000 });
    assert.equal(await isOpen(), false, 'Escape did not close the dialog (second time)');
    assert.deepEqual(await cspViolations(page), [], 'CSP violations');
    assertClean(record, 'embed dialog');

    // The snippet, pasted as is into a host page on another origin, embeds this view.
    pastedSnippet = enScript;
    const pasted = await openHost('/snippet.html');
    try {
      const iframe = pasted.page.locator('[data-technoparks-embed] iframe');
      assert.equal(await iframe.count(), 1);
      const src = new URL(await iframe.getAttribute('src'));
      assert.equal(`${src.origin}${src.pathname}`, `${app.base}embed.html`);
      assert.equal(src.searchParams.get('embed'), '1');
      assert.equal(src.searchParams.get('lang'), 'en');
      assert.equal(await pasted.frame.getAttribute('html', 'lang'), 'en');
      assert.deepEqual(await cspViolations(pasted.page), [], 'CSP violations on the pasted host page');
      assertClean(pasted, 'pasted snippet');
    } finally {
      await pasted.context.close();
    }
  } finally {
    await context.close();
  }
});
