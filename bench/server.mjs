// The one static server of the benchmark, for the browser runs and for Lighthouse alike: it
// serves a folder on 127.0.0.1 as nginx with `brotli_static on` and EMBEDDING.md's headers
// does, and nothing is compressed per request. Also the compression it relies on: the `.br`
// files written beside a build that has none (the floor's and the peer's), and the raw, gzip
// and brotli sizes of a file for the bytes table.

import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

/** What `cargo xtask dist` compresses (xtask's COMPRESSIBLE): text, and WASM. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.csv', '.wasm', '.txt', '.map']);

/** nginx's stock mime.types, for what the pages hold. */
const MIME = new Map([
  ['.html', 'text/html'],
  ['.js', 'application/javascript'],
  ['.mjs', 'application/javascript'],
  ['.css', 'text/css'],
  ['.json', 'application/json'],
  ['.svg', 'image/svg+xml'],
  ['.csv', 'text/csv'],
  ['.txt', 'text/plain'],
  ['.wasm', 'application/wasm'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.ico', 'image/x-icon'],
  ['.webmanifest', 'application/manifest+json'],
  ['.woff2', 'font/woff2'],
]);

/** Hashed names never change (EMBEDDING.md's nginx example caches them for a year). */
const HASHED = /-[0-9a-f]{12,}(_bg\.wasm|\.js|\.css)$/;

/** brotli -q 11 with a 24-bit window, as the `brotli` tool and `cargo xtask dist` make it. */
export function brotli(bytes) {
  return zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/**
 * Whether `twin` exists and is at least as new as `file` (else it would be a stale copy), to
 * the second: the `brotli` tool gives its output the input's time cut to whole seconds.
 */
async function fresh(file, twin) {
  const [stat, pre] = await Promise.all([fs.stat(file), fs.stat(twin).catch(() => null)]);
  return pre?.isFile() === true && pre.mtimeMs >= Math.floor(stat.mtimeMs / 1000) * 1000;
}

/** Writes `twin` (default `file.br`), the brotli copy of `file`, unless one as new is there. Returns whether it wrote. */
export async function precompress(file, twin = `${file}.br`) {
  if (await fresh(file, twin)) return false;
  await fs.mkdir(path.dirname(twin), { recursive: true });
  await fs.writeFile(twin, brotli(await fs.readFile(file)));
  return true;
}

/** Writes `file.br` beside each compressible file of `dir` that has none as new; returns how many. */
export async function precompressMissing(dir) {
  let written = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.has(path.extname(entry.name).toLowerCase())) continue;
    if (await precompress(path.join(entry.parentPath, entry.name))) written += 1;
  }
  return written;
}

const sizeCache = new Map();

/** Raw, gzip -9 and brotli -q 11 bytes of a file (cached by size and time). */
export async function sizesOf(file) {
  const stat = await fs.stat(file);
  const key = `${file}|${stat.size}|${stat.mtimeMs}`;
  if (!sizeCache.has(key)) {
    const bytes = await fs.readFile(file);
    sizeCache.set(key, { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length, brotli: brotli(bytes).length });
  }
  return sizeCache.get(key);
}

/** Whether an Accept-Encoding header allows `coding` (listed, and not with q=0). */
export function accepts(header = '', coding) {
  return header.split(',').some((part) => {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return name === coding && (!q || Number(q.slice(2)) > 0);
  });
}

/**
 * What a URL path names: { file, twin } (twin: its brotli copy, when there is one), or null.
 * Folders serve their index.html; `overrides` (URL path → { file, twin }) come first.
 */
async function lookUp(root, pathname, overrides) {
  if (overrides.has(pathname)) return overrides.get(pathname);
  if (pathname.includes('\0')) return null;
  let file = path.resolve(root, `.${pathname}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  const stat = await fs.stat(file).catch(() => null);
  if (stat?.isDirectory()) file = path.join(file, 'index.html');
  return (await fs.stat(file).catch(() => null))?.isFile() ? { file, twin: `${file}.br` } : null;
}

/**
 * Serves `root` on 127.0.0.1 (a free port) as nginx with `brotli_static on` and EMBEDDING.md's
 * headers (its Content-Security-Policy left out: the floor's and the peer's inline scripts
 * would not run under it): for `x`, when the request's Accept-Encoding allows br and `x.br` is
 * there, `x.br` goes out as it is with `Content-Encoding: br` (as nginx, whatever its age:
 * `cargo xtask dist` and precompressMissing keep them fresh); otherwise `x` as it is.
 * Cache-Control `no-cache`, hashed names a year.
 *
 * overrides: URL path → { file, twin } served in place of what root holds there (a variant's
 * page, a scale dataset), twin being the file's brotli copy.
 * Returns { url, fileOf(url), rawCompressible, close() }; rawCompressible lists the compressible
 * files that went out uncompressed to a client that accepts br (no `.br` beside them).
 */
export async function startServer(root, overrides = new Map()) {
  const rawCompressible = new Set();
  const server = http.createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      const found = ['GET', 'HEAD'].includes(req.method) ? await lookUp(root, pathname, overrides) : null;
      if (!found) {
        res.writeHead(404, { 'Content-Type': 'text/html' });
        res.end('<html><body>404 Not Found</body></html>');
        return;
      }
      const ext = path.extname(found.file).toLowerCase();
      const headers = {
        'Content-Type': MIME.get(ext) ?? 'application/octet-stream',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': HASHED.test(found.file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      let served = found.file;
      const twin = found.twin && (await fs.stat(found.twin).catch(() => null));
      if (accepts(req.headers['accept-encoding'], 'br') && twin?.isFile()) {
        served = found.twin;
        headers['Content-Encoding'] = 'br';
        headers.Vary = 'Accept-Encoding';
      } else if (accepts(req.headers['accept-encoding'], 'br') && COMPRESSIBLE.has(ext)) {
        rawCompressible.add(path.relative(root, found.file));
      }
      const stat = await fs.stat(served);
      headers['Content-Length'] = stat.size;
      headers['Last-Modified'] = stat.mtime.toUTCString();
      headers.ETag = `"${Math.floor(stat.mtimeMs / 1000).toString(16)}-${stat.size.toString(16)}"`;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : await fs.readFile(served));
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** The file on disk behind a served URL (null when none). */
    fileOf: async (url) => (await lookUp(root, decodeURIComponent(new URL(url).pathname), overrides))?.file ?? null,
    rawCompressible,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
