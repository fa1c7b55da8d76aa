// A link the explorer cannot follow in full (a stale id, a typo, a hostile value): the reader is
// told which pairs were not applied and why, in their language, and sees the view without them
// (never a silently empty timeline or a blank filter); closed, the notice is gone.

import { expect, openReady, test } from './fixtures.mjs';
import { data, params } from './explorer-reads.mjs';
import { LISTED_EVENT, TOTAL, untilParam } from './timeline-reads.mjs';
import { screenshot } from './ui.mjs';

const years = data.events.map((e) => Number(e.date.slice(0, 4)));
const [FIRST, LAST] = [Math.min(...years), Math.max(...years)];

/** The notice's lines, as the reader reads them. */
const noticeLines = (page) => page.locator('#link-notice li').allInnerTexts();

const CASES = {
  ru: {
    query: '?park=nope&from=1900&metric=foo&level=zzz&to=abc',
    intro: 'Часть ссылки не удалось применить, поэтому вид показан без неё:',
    lines: [
      'level=zzz — допустимые значения: federal, regional',
      'to=abc — это не год',
      'metric=foo — такого показателя в данных нет',
      'park=nope — такого технопарка в данных нет',
      `from=1900 — в хронологии годы с ${FIRST} по ${LAST}`,
    ],
    close: 'Закрыть',
  },
  en: {
    query: '?lang=en&park=nope&from=1900&metric=foo&level=zzz&to=abc',
    intro: 'Part of the link could not be applied, so the view is shown without it:',
    lines: [
      'level=zzz — expected one of: federal, regional',
      'to=abc — not a year',
      'metric=foo — no such metric in the data',
      'park=nope — no such park in the data',
      `from=1900 — the timeline covers ${FIRST} to ${LAST}`,
    ],
    close: 'Close',
  },
};

for (const [lang, c] of Object.entries(CASES)) {
  test(`a link's odd and stale pairs are named, and the view shown without them (${lang})`, async ({ page }) => {
    await openReady(page, c.query);
    const notice = page.locator('#link-notice');
    await expect(notice).toHaveAttribute('role', 'status');
    await expect(notice.locator('p')).toHaveText(c.intro);
    expect(await noticeLines(page)).toEqual(c.lines);
    await screenshot(page, `faults-url-${lang}`, { fullPage: false });

    // The view without them: every event listed, the filters at "all", the first metric.
    await expect(page.locator('#event-count')).toHaveText(new RegExp(`^${TOTAL}\\D`));
    await expect(page.locator(`#timeline ${LISTED_EVENT}`).first()).toBeVisible();
    for (const id of ['filter-park', 'filter-from', 'filter-to', 'filter-level']) {
      await expect(page.locator(`#${id}`), id).toHaveValue('');
    }
    await expect(page.locator('#metric-select')).toHaveValue(data.metrics[0].id);
    // And the address says what is shown: the pairs set aside are gone from it.
    await untilParam(page, 'park', null);
    for (const key of ['from', 'to', 'metric', 'level']) expect(params(page).get(key), key).toBeNull();

    // Closed, it is gone and the keyboard carries on from the main region.
    await page.getByRole('button', { name: c.close }).click();
    await expect(notice).toHaveCount(0);
    await expect(page.locator('main#main')).toBeFocused();
  });
}

test('the notice follows the language switch', async ({ page }) => {
  await openReady(page, '?event=gone');
  expect(await noticeLines(page)).toEqual(['event=gone — такого события в данных нет']);
  await page.click('#lang-toggle');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(() => noticeLines(page)).toEqual(['event=gone — no such event in the data']);
});

test('a hostile value is shown as text, cut short, and never becomes markup', async ({ page }) => {
  const hostile = '<img src=x onerror="window.__owned=1">'.repeat(3);
  await openReady(page, `?park=${encodeURIComponent(hostile)}`);
  const [line] = await noticeLines(page);
  expect(line).toBe(`park=${hostile.slice(0, 40)}… — такого технопарка в данных нет`);
  await expect(page.locator('#link-notice img')).toHaveCount(0);
  expect(await page.evaluate(() => window.__owned)).toBeUndefined();
});

test('a link the explorer wrote, or one with only unknown parameters, shows no notice', async ({ page }) => {
  await openReady(page, '?lang=en&metric=investment_rub&level=federal&from=2018&view=table&utm_source=mail');
  await expect(page.locator('#event-count')).toBeVisible();
  await expect(page.locator('#link-notice')).toHaveCount(0);
});
