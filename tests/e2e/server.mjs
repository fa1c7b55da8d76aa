// The one HTTP server of a Playwright run: dist/ on 127.0.0.1 and a free port, at `/` and again
// under APP_PREFIX with the strict Content-Security-Policy EMBEDDING.md documents.
//
// Playwright starts it once (globalSetup, the default export) and hands its origin to the
// workers in E2E_ORIGIN; fixtures.mjs turns that into `served` and `baseURL`. Tests that need
// another answer (a broken dataset, a failed fetch, a host page) use `page.route`.

import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { DIST_DIR } from './env.mjs';

/** The sub-path the app is also served under: dist/ must work under any prefix. */
export const APP_PREFIX = '/any/sub/path/';

/** The policy the explorer is documented to run under (EMBEDDING.md, section 4). */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'self' http://127.0.0.1:*",
].join('; ');

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

/** A short plain-text response. */
function plain(status, text) {
  return { status, headers: { 'Content-Type': `text/plain${TEXT}` }, body: Buffer.from(text) };
}

/**
 * The file at URL path `pathname` under rootDir as { status, headers, body }: a folder serves
 * its index.html, a missing file 404, a path leaving rootDir 403.
 */
export async function distFile(rootDir, pathname) {
  if (pathname.includes('\0')) return plain(400, 'bad request');
  let filePath = path.resolve(rootDir, `.${pathname}`);
  if (filePath !== rootDir && !filePath.startsWith(rootDir + path.sep)) {
    return plain(403, 'forbidden');
  }
  try {
    if ((await fs.stat(filePath)).isDirectory()) filePath = path.join(filePath, 'index.html');
    const body = await fs.readFile(filePath);
    return { status: 200, headers: { 'Content-Type': mimeType(filePath) }, body };
  } catch {
    return plain(404, 'not found');
  }
}

/** The answer to one request: dist/ at `/`, and under APP_PREFIX with APP_CSP. */
async function answer(req, rootDir) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'method not allowed');
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
  } catch {
    return plain(400, 'bad request');
  }
  if (!pathname.startsWith(APP_PREFIX)) return distFile(rootDir, pathname);
  const response = await distFile(rootDir, `/${pathname.slice(APP_PREFIX.length)}`);
  return { ...response, headers: { ...response.headers, 'Content-Security-Policy': APP_CSP } };
}

/** Starts the server on 127.0.0.1 and a free port; returns { origin, close() }. */
export async function startDistServer(root = DIST_DIR) {
  const rootDir = path.resolve(root);
  if (!(await fs.stat(rootDir).catch(() => null))?.isDirectory()) {
    throw new Error(`${rootDir} is not a folder (run \`cargo xtask dist\` first?)`);
  }
  const server = http.createServer(async (req, res) => {
    const { status, headers, body } = await answer(req, rootDir);
    res.writeHead(status, {
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Playwright's globalSetup: one server for the run; the returned function stops it. */
export default async function globalSetup() {
  const server = await startDistServer();
  process.env.E2E_ORIGIN = server.origin;
  return () => server.close();
}
