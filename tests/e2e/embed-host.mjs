// A host page of another origin that embeds the explorer with embed.js, and a third origin that
// tries to forge height messages: both answered by routes on the test's page (no server of
// their own), under the host's own strict CSP. Used by the embed specs (EMBEDDING.md).

import { expect } from './fixtures.mjs';
import { DATA_PATH, dataset } from './data.mjs';

/** The host's origin and a third party's: on 127.0.0.1, which the app's frame-ancestors allow. */
export const HOST = 'http://127.0.0.1:18501';
export const THIRD = 'http://127.0.0.1:18502';

export const TITLE = 'Perm technoparks';

/**
 * The options of a test with a host page: its origins are the route's, and Chromium's Local
 * Network Access lets it reach the explorer on 127.0.0.1 (a routed page has no address of its
 * own, so Chromium counts it as public and blocks embed.js without the permission).
 */
export const HOSTED = { allowOrigins: [HOST, THIRD], permissions: ['local-network-access'] };

const FORGER = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>forger</title></head><body><p>third party</p></body></html>';
const HOST_CSS = 'body { font-family: sans-serif; margin: 16px; } #host-before, #host-after { margin: 8px 0; }';

/** Escapes text for an HTML attribute value or element content. */
export function escapeHtml(text) {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** The host page around `embedHtml`, with host content before and after and a forger's frame. */
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
<iframe id="forger" src="${THIRD}/forger.html" title="Third party" width="300" height="80"></iframe>
</body>
</html>`;
}

/** The documented auto-resizing snippet for the explorer at `base` (a URL ending in /). */
export function snippet(base) {
  const src = escapeHtml(`${base}?embed=1&lang=en`);
  return `<div data-technoparks-embed data-src="${src}" data-title="${TITLE}"></div>
<script src="${base}embed.js"></script>`;
}

/**
 * The served dataset cut down to its first `events` events and the sources still referenced,
 * so that the embedded explorer is shorter than embed.js's 6000 px ceiling and a metric switch
 * visibly changes the frame height.
 */
export function smallDataset(events = 2) {
  const data = dataset();
  data.events = data.events.slice(0, events);
  const used = new Set([...data.parks, ...data.observations, ...data.events].flatMap((item) => item.sources ?? []));
  data.sources = data.sources.filter((source) => used.has(source.id));
  return JSON.stringify(data);
}

/**
 * Routes the host (its page at /host.html holds `embedHtml`, its stylesheet, its CSP) and the
 * third origin's forger page. `served` is the fixture (the explorer's origin).
 */
export async function routeHost(page, served, embedHtml) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${served.origin}`,
    `frame-src ${served.origin} ${THIRD}`,
    "style-src 'self'",
  ].join('; ');
  const pages = {
    '/host.html': { contentType: 'text/html; charset=utf-8', body: hostPage(embedHtml) },
    '/host.css': { contentType: 'text/css; charset=utf-8', body: HOST_CSS },
    '/favicon.ico': { contentType: 'image/x-icon', body: '' },
  };
  await page.route(`${HOST}/**`, (route) => {
    const found = pages[new URL(route.request().url()).pathname];
    return route.fulfill(found ? { ...found, headers: { 'Content-Security-Policy': csp } } : { status: 404 });
  });
  await page.route(`${THIRD}/**`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: FORGER }),
  );
}

/**
 * Opens the host page embedding `embedHtml` (default: the snippet for the sub-path), with the
 * cut-down dataset when `small`; waits for the embedded explorer; returns its frame.
 */
export async function openHost(page, served, { embedHtml = snippet(served.sub), small = false } = {}) {
  if (small) {
    await page.route(`${served.sub}${DATA_PATH.slice(1)}`, (route) =>
      route.fulfill({ contentType: 'application/json; charset=utf-8', body: smallDataset() }),
    );
  }
  await routeHost(page, served, embedHtml);
  await page.goto(`${HOST}/host.html`);
  const appFrame = () => page.frames().find((frame) => frame.url().startsWith(served.sub));
  await expect.poll(() => Boolean(appFrame()), { message: 'a frame of the app in the host page', timeout: 15_000 }).toBe(true);
  const frame = appFrame();
  await expect(frame.locator('main#main')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  return frame;
}

/** The embed's iframe in the host page. */
export const embedFrame = (page) => page.locator('[data-technoparks-embed] iframe');

/** embed.js's clamp: [240, 6000], rounded. */
export function clampHeight(height) {
  return Math.round(Math.min(6000, Math.max(240, height)));
}

/** The iframe's height attribute and the frame document's scrollHeight (and its clamp). */
export async function heights(page, frame) {
  const attr = Number(await embedFrame(page).getAttribute('height'));
  const scroll = await frame.evaluate(() => document.documentElement.scrollHeight);
  return { attr, scroll, expected: clampHeight(scroll) };
}

/** Waits (≤ 1 s) until the iframe's height is the clamped content height, ±2 px; returns it. */
export async function heightFollows(page, frame, what) {
  let last;
  await expect
    .poll(
      async () => {
        last = await heights(page, frame);
        return Math.abs(last.attr - last.expected) <= 2;
      },
      { message: `${what}: the iframe's height follows its content`, timeout: 1_000, intervals: [25] },
    )
    .toBe(true);
  return last;
}
