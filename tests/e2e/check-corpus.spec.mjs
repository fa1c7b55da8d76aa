// The editors' check page (check.html, issue 19), served as it ships: under a sub-path and the
// strict Content-Security-Policy of EMBEDDING.md. Every file of the bad-input corpus gives the
// problems the native validator gives (`validate-data --json`, the same core: kinds, paths,
// line:column and messages), each with the file's line. The rest of the page: check.spec.mjs.

import path from 'node:path';
import { expect, test } from './fixtures.mjs';
import { locale } from './data.mjs';
import { CORPUS, FIXTURES, choose, lineOf, nativeReports, openCheck, readReport } from './check-reads.mjs';

/** A problem as the native validator lists it, for comparison with the page's. */
const essentials = ({ kind, path, line, column, message }) => ({ kind, path, line, column, message });

/** Expects the page's excerpt of `item` to be the file's own line, the column's character marked. */
function expectExcerpt(file, item, strings) {
  expect(item.place, 'the place').toBe(strings.check_at.replace('{0}', item.line).replace('{1}', item.column));
  expect(item.caption, 'the caption').toBe(strings.check_line.replace('{0}', item.line));
  const line = lineOf(file, item.line);
  const chars = [...line];
  const at = chars[item.column - 1] ?? ' ';
  expect(item.marked, `${item.path}: marked character`).toBe(at);
  // At a line's start the line before is shown too (a missing comma is there).
  const first = chars.findIndex((c) => !/\s/.test(c));
  const atStart = item.line > 1 && (first === -1 || item.column - 1 <= first);
  expect(item.previous !== null, `${item.path}: the line before`).toBe(atStart);
  if (atStart) expect(lineOf(file, item.line - 1).endsWith(item.previous.replace(/^…/, '')), item.previous).toBe(true);
  const shown = item.excerpt.replace(/^…/, '').replace(/…$/, '');
  expect(line.includes(shown.trimEnd()) || at === ' ', `${item.excerpt} in ${line}`).toBe(true);
}

for (const [lang, query] of [['ru', ''], ['en', '?lang=en']]) {
  test(`check.html (${lang}) lists exactly what the native validator finds in each corpus file, with the line`, async ({ page, served }) => {
    test.setTimeout(240_000);
    const strings = locale(lang);
    const native = nativeReports(lang);
    await openCheck(page, served, query);
    for (const file of CORPUS) {
      await test.step(file, async () => {
        await choose(page, path.join(FIXTURES, file));
        const expected = native.get(file);
        const got = await readReport(page);
        expect(got.state).toBe(expected.valid ? 'valid' : 'invalid');
        expect(got.problems.map(essentials), 'problems').toEqual(expected.problems);
        expect(got.warnings.map(essentials), 'warnings').toEqual(expected.warnings);
        for (const item of [...got.problems, ...got.warnings]) {
          expect(item.shownPath).toBe(item.path === '.' ? strings.whole_file : item.path);
          if (item.line === null) expect(item.excerpt, 'no place, no line').toBeNull();
          else expectExcerpt(file, item, strings);
        }
        expect(got.statusRole, 'the status is announced').toBe('status');
        expect(got.status.includes(`«${file}»`) || got.status.includes(`“${file}”`), got.status).toBe(true);
        expect(got.preview, 'preview only for a valid file').toBe(expected.valid);
        const verdict = await page.textContent('.check-verdict');
        expect(verdict.startsWith(expected.valid ? strings.check_valid : strings.check_invalid), verdict).toBe(true);
        // A mistake in the JSON stops the reading, and the page says why only one is listed.
        if (file === 'trailing_comma.json' || file === 'bad_color.json') {
          expect(verdict.includes(strings.check_stops), 'says the reading stopped').toBe(file === 'trailing_comma.json');
        }
      });
    }
  });
}
