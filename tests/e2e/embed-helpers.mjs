// Helpers for the embedding tests (embed.test.mjs): servers that send a strict
// Content-Security-Policy, the app served under a sub-path, host pages on other origins, and a
// page recorder that collects CSP violations from before any page script runs.
//
// Not a test file (the runner only picks up *.test.mjs): imported by embed.test.mjs.

import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { DIST_DIR, mimeType } from './helpers.mjs';
import { APP_CSP, APP_PREFIX } from './server.mjs';

export { APP_CSP, APP_PREFIX } from './server.mjs';

const TEXT = '; charset=utf-8';

/**
 * Listens on 127.0.0.1 and a random port; `handler(req, pathname)` returns
 * { status, body, contentType, headers } (body a string or Buffer). `headers` are added to
 * every response (e.g. a CSP). Returns { origin, port, requests, close() }; requests lists
 * { method, path (with query), pathname, status } of everything answered.
 */
export async function startHttpServer(handler, { headers = {} } = {}) {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    let pathname;
    let answer;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      answer =
        req.method === 'GET' || req.method === 'HEAD'
          ? await handler(req, pathname)
          : { status: 405, body: 'method not allowed' };
    } catch {
      answer = { status: 400, body: 'bad request' };
    }
    answer ??= { status: 404, body: 'not found' };
    const status = answer.status ?? 200;
    const body = Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(answer.body ?? '');
    requests.push({ method: req.method, path: req.url, pathname, status });
    res.writeHead(status, {
      'Content-Type': answer.contentType ?? `text/plain${TEXT}`,
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
      ...(answer.headers ?? {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * dist/ (or `root`) under `prefix` only (404 for everything else, including the prefix without
 * its trailing slash), with `csp` on every response and the MIME types of helpers.mjs.
 * `overrides` maps a path relative to the prefix (e.g. 'data/technoparks.json') to
 * { body, contentType }, served instead of the file.
 * Returns the server of startHttpServer plus `base` (origin + prefix).
 */
export async function startAppServer({
  root = DIST_DIR,
  prefix = APP_PREFIX,
  csp = APP_CSP,
  overrides = new Map(),
} = {}) {
  const rootDir = path.resolve(root);
  if (!(await fs.stat(rootDir).catch(() => null))?.isDirectory()) {
    throw new Error(`startAppServer: ${rootDir} is not a folder (run trunk build --release first?)`);
  }
  const server = await startHttpServer(
    async (_req, pathname) => {
      if (!pathname.startsWith(prefix) || pathname.includes('\0')) {
        return undefined;
      }
      const relative = pathname.slice(prefix.length);
      if (overrides.has(relative)) {
        return overrides.get(relative);
      }
      let filePath = path.resolve(rootDir, `./${pathname.slice(prefix.length)}`);
      if (filePath !== rootDir && !filePath.startsWith(rootDir + path.sep)) {
        return { status: 403, body: 'forbidden' };
      }
      try {
        if ((await fs.stat(filePath)).isDirectory()) {
          filePath = path.join(filePath, 'index.html');
        }
        return { body: await fs.readFile(filePath), contentType: mimeType(filePath) };
      } catch {
        return undefined;
      }
    },
    { headers: { 'Content-Security-Policy': csp } },
  );
  return { ...server, base: `${server.origin}${prefix}` };
}

/**
 * A server of fixed pages: `pages` maps a pathname to a string (HTML) or to
 * { body, contentType }, or is a function (pathname) => such a value. `csp` (optional) is sent
 * with every response.
 */
export async function startPageServer(pages, { csp } = {}) {
  const lookup = typeof pages === 'function' ? pages : (pathname) => pages[pathname];
  return startHttpServer(
    (_req, pathname) => {
      const page = lookup(pathname);
      if (page === undefined) {
        return undefined;
      }
      if (typeof page === 'string') {
        return { body: page, contentType: `text/html${TEXT}` };
      }
      return page;
    },
    { headers: csp ? { 'Content-Security-Policy': csp } : {} },
  );
}

/**
 * Runs in every document of a context before its own scripts: collects
 * `securitypolicyviolation` events into `window.__cspViolations`.
 */
export const CSP_RECORDER = `(() => {
  const list = [];
  Object.defineProperty(window, '__cspViolations', { value: list });
  document.addEventListener('securitypolicyviolation', (e) => {
    list.push({
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI,
      source: e.sourceFile,
      line: e.lineNumber,
      sample: e.sample,
      document: String(location.href),
    });
  });
})();`;

/** The CSP violations recorded so far in a page or frame (needs CSP_RECORDER). */
export function cspViolations(pageOrFrame) {
  return pageOrFrame.evaluate(() => (window.__cspViolations ?? ['CSP recorder missing']).slice());
}

/**
 * Like helpers.openPage, but installs CSP_RECORDER (and any `initScripts`) in the context
 * before the first navigation. Records consoleErrors, pageErrors, requests (URLs),
 * failedRequests, dialogs. Returns the record with page and context.
 */
export async function openRecordedPage(
  browser,
  url,
  { width = 1280, height = 900, initScripts = [] } = {},
) {
  const context = await browser.newContext({ viewport: { width, height } });
  await context.addInitScript(CSP_RECORDER);
  for (const script of initScripts) {
    await context.addInitScript(script);
  }
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
      record.consoleErrors.push(
        source ? `${message.text()} (${source}:${lineNumber})` : message.text(),
      );
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

/** Polls `probe` (async) until it returns a truthy value or `timeout` ms pass; returns the
 *  last value and the time it took. Never throws on timeout: the caller asserts. */
export async function poll(probe, { timeout = 1000, interval = 25 } = {}) {
  const start = Date.now();
  let value;
  for (;;) {
    value = await probe();
    if (value || Date.now() - start >= timeout) {
      return { value, elapsed: Date.now() - start };
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** embed.js's clamp: [240, 6000], rounded. */
export function clampHeight(height) {
  return Math.round(Math.min(6000, Math.max(240, height)));
}

/**
 * The served dataset cut down to its first `events` events and the sources still referenced,
 * so that the embedded explorer is shorter than embed.js's 6000 px ceiling and a metric switch
 * visibly changes the frame height. Derived from dist/ at run time (never stale).
 */
export async function smallDataset({ root = DIST_DIR, events = 2 } = {}) {
  const data = JSON.parse(await fs.readFile(path.join(root, 'data', 'technoparks.json'), 'utf8'));
  data.events = data.events.slice(0, events);
  const used = new Set();
  for (const item of [...data.parks, ...data.observations, ...data.events]) {
    for (const id of item.sources ?? []) {
      used.add(id);
    }
  }
  data.sources = data.sources.filter((source) => used.has(source.id));
  return JSON.stringify(data);
}

/** Escapes text for an HTML attribute value or element content. */
export function escapeHtml(text) {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}
