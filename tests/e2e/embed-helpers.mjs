// What is left of the embedding tests' helpers: a server of dist/ under a sub-path with a
// strict Content-Security-Policy, for check.test.mjs until it moves to Playwright Test (the
// embed specs use the run's one server and routes: embed-host.mjs).
//
// Not a test file (the runner only picks up *.test.mjs): imported by check.test.mjs.

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
