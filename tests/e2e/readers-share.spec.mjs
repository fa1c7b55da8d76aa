// Issue 23, the rest, 1: the link to this chart goes to the system share sheet on a phone
// that has one (`navigator.share`), and is copied as before without it or with a mouse.

import { expect, openReady, test } from './fixtures.mjs';
import { locale } from './data.mjs';
import { openMenuOf, screenshot } from './ui.mjs';
import { PHONE, shared, stubShare } from './readers-reads.mjs';

const RU = locale('ru');
const QUERY = '?metric=investment_rub&q=%D1%81%D0%B5%D1%81%D1%81%D0%B8%D1%8F&event=strategic-session-2019';

/** The link to this chart: the metric alone, at the page's origin. */
const chartLink = (page) => `${new URL(page.url()).origin}/?metric=investment_rub`;

/** Opens the Share menu and uses «link to this chart» by `how` (tap or click). */
async function shareChart(page, how) {
  await openReady(page, QUERY);
  await openMenuOf(page, '#copy-chart-link');
  await page[how]('#copy-chart-link');
}

/** Expects the link to this chart copied and said so, and no share sheet. */
async function expectCopied(page) {
  await expect(page.locator('#copy-chart-link')).toContainText(RU.link_copied);
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { message: 'the clipboard' }).toBe(chartLink(page));
  expect(await shared(page), 'no share sheet').toEqual([]);
}

test.describe('on a phone', () => {
  test.use(PHONE);

  test('with navigator.share, the share sheet gets the chart link and the title', async ({ page }) => {
    await stubShare(page);
    await shareChart(page, 'tap');
    await expect.poll(() => shared(page), { message: 'the share sheet opened' }).toHaveLength(1);
    expect(await shared(page)).toEqual([{ title: RU.app_title, url: chartLink(page) }]);
    await screenshot(page, 'readers-1-share-phone');
  });

  test.describe('without navigator.share', () => {
    test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

    test('the chart link is copied as before', async ({ page }) => {
      await shareChart(page, 'click');
      await expectCopied(page);
    });
  });
});

test.describe('with a mouse', () => {
  test.use({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });

  test('the chart link is copied as before, even where navigator.share exists', async ({ page }) => {
    await stubShare(page);
    await shareChart(page, 'click');
    await expectCopied(page);
  });
});
