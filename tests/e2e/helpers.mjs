// Helpers for the end-to-end tests (node:test + playwright-core against the release dist/).
//
// Run through `cargo xtask test` (or `--only e2e`), which sets DIST_DIR and SCREENSHOT_DIR.
// Chromium is Debian's (/usr/bin/chromium); playwright-core never downloads a browser.

import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The release build to test (Trunk's output). */
export const DIST_DIR = path.resolve(process.env.DIST_DIR ?? path.join(REPO_ROOT, 'dist'));

/** Where screenshot() writes. */
export const SCREENSHOT_DIR = path.resolve(
  process.env.SCREENSHOT_DIR ?? path.join(REPO_ROOT, 'target', 'screenshots'),
);

/** Debian's Chromium; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for headless Chromium as root on a machine without GPU or outside network. */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TEXT = '; charset=utf-8';

/** Content-Type by file extension. */
export const MIME_TYPES = new Map([
  ['.html', `text/html${TEXT}`],
  ['.js', `text/javascript${TEXT}`],
  ['.mjs', `text/javascript${TEXT}`],
  ['.css', `text/css${TEXT}`],
  ['.json', `application/json${TEXT}`],
  ['.svg', `image/svg+xml${TEXT}`],
  ['.txt', `text/plain${TEXT}`],
  ['.map', `application/json${TEXT}`],
  ['.webmanifest', `application/manifest+json${TEXT}`],
  ['.wasm', 'application/wasm'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.ico', 'image/x-icon'],
  ['.woff2', 'font/woff2'],
]);

/** Content-Type for a file path (application/octet-stream when unknown). */
export function mimeType(filePath) {
  return MIME_TYPES.get(path.extname(filePath).toLowerCase()) ?? 'application/octet-stream';
}

/**
 * Static file server on 127.0.0.1 and a random port.
 *
 * root: folder to serve (default DIST_DIR); `/` and folders serve their index.html.
 * overrides: Map from URL path (e.g. '/data/technoparks.json') to
 *   { status = 200, body = '', contentType = 'text/plain; charset=utf-8' }, served instead of
 *   the file; a body that is neither string nor Buffer is sent as JSON.
 * Missing files answer 404, paths leaving root 403.
 * Returns { url, requests, close() }; requests lists "METHOD /path STATUS" of everything served.
 */
export async function startServer({ root = DIST_DIR, overrides = new Map() } = {}) {
  const rootDir = path.resolve(root);
  const stat = await fs.stat(rootDir).catch(() => null);
  if (!stat?.isDirectory()) {
    throw new Error(`startServer: ${rootDir} is not a folder (run \`cargo xtask dist\` first?)`);
  }
  const requests = [];

  const server = http.createServer(async (req, res) => {
    const { status, headers, body } = await respond(req, rootDir, overrides);
    requests.push(`${req.method} ${req.url} ${status}`);
    res.writeHead(status, {
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The response to one request: an override, a file under rootDir, or an error status. */
async function respond(req, rootDir, overrides) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return plain(405, 'method not allowed');
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
  } catch {
    return plain(400, 'bad request');
  }
  if (overrides.has(pathname)) {
    return overrideResponse(overrides.get(pathname));
  }
  if (pathname.includes('\0')) {
    return plain(400, 'bad request');
  }
  let filePath = path.resolve(rootDir, `.${pathname}`);
  if (filePath !== rootDir && !filePath.startsWith(rootDir + path.sep)) {
    return plain(403, 'forbidden');
  }
  try {
    if ((await fs.stat(filePath)).isDirectory()) {
      filePath = path.join(filePath, 'index.html');
    }
    const body = await fs.readFile(filePath);
    return { status: 200, headers: { 'Content-Type': mimeType(filePath) }, body };
  } catch {
    return plain(404, 'not found');
  }
}

/** An override entry as a response. */
function overrideResponse({ status = 200, body = '', contentType } = {}) {
  const isRaw = typeof body === 'string' || Buffer.isBuffer(body);
  const type = contentType ?? (isRaw ? `text/plain${TEXT}` : `application/json${TEXT}`);
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(isRaw ? body : JSON.stringify(body));
  return { status, headers: { 'Content-Type': type }, body: bytes };
}

/** A short plain-text response. */
function plain(status, text) {
  return { status, headers: { 'Content-Type': `text/plain${TEXT}` }, body: Buffer.from(text) };
}

/** Headless Debian Chromium through playwright-core. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: BROWSER_ARGS });
}

/**
 * Opens `url` in a fresh context of the given viewport and records what happens:
 * consoleErrors (console 'error' texts), pageErrors (uncaught exceptions), requests (every
 * request URL), failedRequests ("URL: reason"), dialogs ({type, message}; all dismissed).
 * Returns { page, context, consoleErrors, pageErrors, requests, failedRequests, dialogs }.
 */
export async function openPage(browser, url, { width = 1280, height = 900, ...contextOptions } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...contextOptions });
  const page = await context.newPage();
  const record = {
    page,
    context,
    consoleErrors: [],
    pageErrors: [],
    requests: [],
    failedRequests: [],
    dialogs: [],
  };
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url: source, lineNumber } = message.location();
      record.consoleErrors.push(source ? `${message.text()} (${source}:${lineNumber})` : message.text());
    }
  });
  page.on('pageerror', (error) => record.pageErrors.push(error.message ?? String(error)));
  page.on('request', (request) => record.requests.push(request.url()));
  page.on('requestfailed', (request) =>
    record.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`),
  );
  page.on('dialog', async (dialog) => {
    record.dialogs.push({ type: dialog.type(), message: dialog.message() });
    await dialog.dismiss().catch(() => {});
  });
  await page.goto(url);
  return record;
}

/** Whether a request URL stays on this machine's test server (data:, blob:, about: count as local). */
export function isLocalRequest(requestUrl) {
  const { protocol, hostname } = new URL(requestUrl);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') {
    return true;
  }
  return hostname === '127.0.0.1';
}

/** The request URLs that left 127.0.0.1 (should be empty). */
export function nonLocalRequests(requests) {
  return requests.filter((requestUrl) => !isLocalRequest(requestUrl));
}

/** Saves a full-page PNG as SCREENSHOT_DIR/<name>.png and returns its path. */
export async function screenshot(page, name) {
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
  const safeName = name.replace(/\.png$/, '').replace(/[^\w.-]+/g, '_');
  const file = path.join(SCREENSHOT_DIR, `${safeName}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Opens the menu (a closed `details`: Download, Share) that holds `selector`, by its button, as
 * a reader would; nothing when it is open or the element is in no menu.
 */
export async function openMenuOf(page, selector) {
  const closed = await page.locator(selector).first().evaluate((el) => {
    const menu = el.closest('details.menu');
    return Boolean(menu) && !menu.open;
  });
  if (closed) await page.locator(selector).first().locator('xpath=ancestor::details[1]/summary').click();
}

/** Clicks `selector`, first opening the menu that holds it. */
export async function clickInMenu(page, selector) {
  await openMenuOf(page, selector);
  await page.click(selector);
}

/** Shows the comparison as a table (or, with `table` false, a chart) by its tab. */
export async function showTable(page, table = true, root = '#app') {
  const id = `${root === '#app' ? '' : 'pre-'}view-${table ? 'table' : 'chart'}`;
  await page.locator(`${root} label[for="${id}"]:visible`).first().click();
}
