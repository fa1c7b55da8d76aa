// The bytes of the first view: the files the first unthrottled load fetched until interactive
// (+ 0.5 s), each with its raw, gzip -9 and brotli -q 11 size from the file on disk and what
// the browser reports as transferred (headers included); totals for the first view and for all.

import path from 'node:path';
import { rel } from '../pages/pages.mjs';
import { sizesOf } from '../server.mjs';

const PARTS = ['raw', 'gzip', 'brotli', 'transferred'];
const total = (entries) => Object.fromEntries(PARTS.map((key) => [key, entries.reduce((s, e) => s + (e[key] ?? 0), 0)]));

/**
 * The report's `bytes` value of one page from the responses its first load saw (recordLoads'
 * files); a response with no file behind it goes to notMeasured. Null when nothing was seen.
 */
export async function bytesOf(page, server, responses, notMeasured) {
  if (responses.length === 0) return null;
  const entries = [];
  const seen = new Set();
  for (const response of responses) {
    const url = new URL(response.url);
    if (url.protocol !== 'http:' || seen.has(url.pathname)) continue;
    seen.add(url.pathname);
    const file = response.status === 200 ? await server.fileOf(response.url) : null;
    if (!file) {
      notMeasured.push({ what: `${page.name} bytes: ${url.pathname}`, why: `HTTP ${response.status}, no file on disk` });
      continue;
    }
    const inDist = path.relative(page.dir, file);
    entries.push({
      path: url.pathname,
      firstView: page.firstView(url.pathname),
      file: inDist.startsWith('..') ? rel(file) : inDist,
      encoding: response.encoding,
      transferred: response.transferred,
      ...(await sizesOf(file)),
    });
  }
  return { files: entries, firstView: total(entries.filter((e) => e.firstView)), totals: total(entries) };
}
