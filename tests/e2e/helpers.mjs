// Helpers for the end-to-end tests (node:test + playwright-core against the release dist/).
//
// Run through `cargo xtask test` (or `--only e2e`), which sets DIST_DIR and SCREENSHOT_DIR.
// Chromium is Debian's (/usr/bin/chromium); playwright-core never downloads a browser.

import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { BROWSER_ARGS, CHROMIUM_PATH, DIST_DIR } from './env.mjs';
import { distFile, mimeType } from './server.mjs';

export { BROWSER_ARGS, CHROMIUM_PATH, DIST_DIR, SCREENSHOT_DIR } from './env.mjs';
export { MIME_TYPES, mimeType } from './server.mjs';

const TEXT = '; charset=utf-8';
// The page's menus and tabs, and screenshots (ui.mjs).
export { clickInMenu, openMenuOf, screenshot, showTable } from './ui.mjs';

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
  return distFile(rootDir, pathname);
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
