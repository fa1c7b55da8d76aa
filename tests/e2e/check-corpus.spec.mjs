// check.html (issue 19) as it ships, under the sub-path and its strict CSP: every file of the
// bad-input corpus gives the problems the native validator gives (`validate-data --json`, the
// same core: kinds, paths, line:column and messages), each with its line cut around the column.

import { expect, test } from './fixtures.mjs';
import { locale } from './data.mjs';
import { CORPUS, choose, essentials, lineOf, nativeReports, openCheck, readReport } from './check-reads.mjs';

/** Expects one listed problem or warning of `file` to show its place and its line as the file has it. */
function expectPlace(file, item, strings) {
  expect(item.shownPath, file).toBe(item.path === '.' ? strings.whole_file : item.path);
  if (item.line === null) {
    expect(item.excerpt, `${file}: no place, no line`).toBeNull();
    return;
  }
  expect(item.place, file).toBe(strings.check_at.replace('{0}', item.line).replace('{1}', item.column));
  expect(item.caption, file).toBe(strings.check_line.replace('{0}', item.line));
  // The file's own line, cut around the column, the column's character marked.
  const line = lineOf(file, item.line);
  const chars = [...line];
  const at = chars[item.column - 1] ?? ' ';
  expect(item.marked, `${file} ${item.path}: marked character`).toBe(at);
  const shown = item.excerpt.replace(/^…/, '').replace(/…$/, '');
  // At a line's start the line before is shown too (a missing comma is there).
  const first = chars.findIndex((c) => !/\s/.test(c));
  const atStart = item.line > 1 && (first === -1 || item.column - 1 <= first);
  expect(item.previous !== null, `${file} ${item.path}: the line before`).toBe(atStart);
  if (atStart) {
    expect(lineOf(file, item.line - 1).endsWith(item.previous.replace(/^…/, '')), `${file}: ${item.previous}`).toBe(true);
  }
  expect(line.includes(shown.trimEnd()) || at === ' ', `${file}: ${item.excerpt} in ${line}`).toBe(true);
}

for (const [lang, query] of [
  ['ru', ''],
  ['en', '?lang=en'],
]) {
  const strings = locale(lang);

  test(`check.html (${lang}) lists exactly what the native validator finds in each corpus file, with the line`, async ({ page, served }) => {
    test.setTimeout(180_000);
    const native = nativeReports(lang);
    await openCheck(page, served, query);
    for (const file of CORPUS) {
      await choose(page, file);
      const expected = native.get(file);
      const got = await readReport(page);
      expect(got.state, file).toBe(expected.valid ? 'valid' : 'invalid');
      expect(got.problems.map(essentials), `${file}: problems`).toEqual(expected.problems);
      expect(got.warnings.map(essentials), `${file}: warnings`).toEqual(expected.warnings);
      for (const item of [...got.problems, ...got.warnings]) expectPlace(file, item, strings);
      expect(got.statusRole, 'the status is announced').toBe('status');
      expect(got.status.includes(`«${file}»`) || got.status.includes(`“${file}”`), got.status).toBe(true);
      expect(got.preview, `${file}: preview only for a valid file`).toBe(expected.valid);
      const verdict = await page.textContent('.check-verdict');
      expect(verdict.startsWith(expected.valid ? strings.check_valid : strings.check_invalid), verdict).toBe(true);
      // A mistake in the JSON stops the reading, and the page says why only one is listed.
      if (file === 'trailing_comma.json' || file === 'bad_color.json') {
        expect(verdict.includes(strings.check_stops), file).toBe(file === 'trailing_comma.json');
      }
    }
  });
}
