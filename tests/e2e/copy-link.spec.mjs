// The header's Share menu: «copy link» and «link to this chart», read back from the clipboard.

import { expect, openReady, test } from './fixtures.mjs';
import { locale } from './data.mjs';
import { clickInMenu } from './ui.mjs';

const RU = locale('ru');
const EN = locale('en');

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** What the clipboard holds. */
const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

test('copies the current URL and says so', async ({ page }) => {
  await openReady(page);
  await page.selectOption('#metric-select', 'investment_rub');
  await page.waitForURL(/metric=investment_rub/);
  const button = page.locator('#copy-link');
  await expect(button).toHaveText(RU.copy_link);
  await clickInMenu(page, '#copy-link');
  await expect(button).toHaveText(RU.link_copied);
  await expect.poll(() => clipboard(page), { message: 'the URL in the clipboard' }).toBe(page.url());
  expect(await clipboard(page)).toMatch(/metric=investment_rub/);
  // The message goes after a few seconds.
  await expect(button).toHaveText(RU.copy_link, { timeout: 8_000 });
});

test('the link to this chart leaves out the timeline\'s filters and selected event', async ({ page }) => {
  await openReady(page, '?q=2019&event=strategic-session-2019&metric=investment_rub');
  await expect(page.locator('#copy-chart-link')).toHaveText(RU.copy_chart_link);
  await clickInMenu(page, '#copy-chart-link');
  await expect(page.locator('#copy-chart-link')).toHaveText(RU.link_copied);
  await expect.poll(() => clipboard(page), { message: 'a link in the clipboard' }).toContain('metric=');
  const query = new URL(await clipboard(page)).searchParams;
  expect(query.get('metric')).toBe('investment_rub');
  expect(query.get('event'), 'no selected event').toBeNull();
  expect(query.get('q'), 'no search').toBeNull();
  // The link to this view keeps them.
  await clickInMenu(page, '#copy-link');
  await expect.poll(() => clipboard(page), { message: 'the view\'s link keeps the event' }).toMatch(/event=strategic-session-2019/);
});

test('is in the header\'s Share menu before the language switch, in English too', async ({ page }) => {
  await openReady(page, '?lang=en');
  const order = await page.$$eval('.header-actions button', (els) => els.map((b) => b.id));
  expect(order.indexOf('copy-link'), String(order)).toBeGreaterThanOrEqual(0);
  expect(order.indexOf('copy-link'), String(order)).toBeLessThan(order.indexOf('lang-toggle'));
  await expect(page.locator('#copy-link')).toHaveText(EN.copy_link);
  await clickInMenu(page, '#copy-link');
  await expect(page.locator('#copy-link')).toHaveText(EN.link_copied);
  await expect.poll(() => clipboard(page)).toBe(page.url());
});

test('is not offered in an embed', async ({ page }) => {
  await openReady(page, '?embed=1');
  await expect(page.locator('#copy-link')).toHaveCount(0);
});
