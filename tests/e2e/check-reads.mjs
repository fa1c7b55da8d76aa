// The editors' check page (check.html) as the check specs work it: the bad-input corpus and
// what the native validator says of it, choosing a file, and the report the page lists.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from './fixtures.mjs';
import { REPO_ROOT } from './env.mjs';

export const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'bad');
export const CORPUS = fs
  .readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .sort();

/**
 * What the native validator says of each corpus file, in `lang`: `validate-data --json`, run
 * here so that the expectation is the Rust side's, never a copy of it.
 */
export function nativeReports(lang) {
  const files = CORPUS.map((file) => path.join(FIXTURES, file));
  const run = spawnSync('cargo', ['run', '--quiet', '--bin', 'validate-data', '--', '--json', '--lang', lang, ...files], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  expect([0, 1], `validate-data ran: ${run.stderr}`).toContain(run.status);
  const reports = JSON.parse(run.stdout);
  expect(reports).toHaveLength(CORPUS.length);
  return new Map(reports.map((report) => [path.basename(report.file), report]));
}

/** Opens check.html under the sub-path (with `query`) and waits for it to be mounted. */
export async function openCheck(page, served, query = '') {
  await page.goto(`${served.sub}check.html${query}`);
  await expect(page.locator('main#main[data-state="empty"] input#check-file')).toBeAttached({ timeout: 20_000 });
}

/** Chooses a file (a corpus name, or { name, text }) and waits until the page has read it. */
export async function choose(page, file) {
  const named = typeof file === 'string';
  const name = named ? file : file.name;
  const status = page.locator('#check-status');
  const before = await status.textContent();
  await page.setInputFiles(
    '#check-file',
    named ? path.join(FIXTURES, file) : { name, mimeType: 'application/json', buffer: Buffer.from(file.text) },
  );
  await expect
    .poll(
      async () => {
        const text = await status.textContent();
        return text !== before && text.includes(name);
      },
      { message: `the page has read ${name}` },
    )
    .toBe(true);
}

/** What the page lists: the state, the status, and each problem and warning. */
export function readReport(page) {
  return page.evaluate(() => {
    const items = (id) =>
      [...document.querySelectorAll(`#${id} li.check-problem`)].map((li) => ({
        kind: li.dataset.kind,
        path: li.dataset.path,
        line: li.dataset.line ? Number(li.dataset.line) : null,
        column: li.dataset.column ? Number(li.dataset.column) : null,
        message: li.querySelector('.check-message').textContent,
        place: li.querySelector('.check-at')?.textContent ?? null,
        shownPath: li.querySelector('.check-path').textContent,
        excerpt: li.querySelector('.check-excerpt pre:last-child')?.textContent ?? null,
        previous: li.querySelector('.check-excerpt pre.check-previous')?.textContent ?? null,
        marked: li.querySelector('.check-excerpt mark')?.textContent ?? null,
        caption: li.querySelector('.check-excerpt figcaption')?.textContent ?? null,
      }));
    return {
      state: document.querySelector('main#main').dataset.state,
      status: document.querySelector('#check-status').textContent,
      statusRole: document.querySelector('#check-status').getAttribute('role'),
      problems: items('check-problems'),
      warnings: items('check-warnings'),
      preview: document.querySelector('#check-preview #compare') !== null,
    };
  });
}

/** A problem as the native validator lists it, for comparison with the page's. */
export const essentials = ({ kind, path, line, column, message }) => ({ kind, path, line, column, message });

/** The corpus file's line `line`, as the page cuts it (the whole line when short). */
export function lineOf(file, line) {
  const text = fs.readFileSync(path.join(FIXTURES, file)).toString('utf8').replace(/^\uFEFF/, '');
  return text.split('\n')[line - 1]?.replace(/\r$/, '');
}
