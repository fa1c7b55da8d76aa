// Issue 23, the rest, 5: the embed dialog offers the embed's theme and language; the snippets
// follow the choice, a preview (only when asked for) frames the snippet's page, and «as on the
// visitor's system» and Russian leave the theme and language out. Screenshot: readers-5-*.

import { expect, openReady, test } from './fixtures.mjs';
import { locale } from './data.mjs';
import { clickInMenu, screenshot } from './ui.mjs';

const RU = locale('ru');
const SNIPPET = 'lang=en&amp;metric=investment_rub&amp;embed=1&amp;theme=dark';

test.use({ viewport: { width: 1280, height: 900 } });

/** Opens the comparison of investment, then the embed dialog, and chooses dark and English. */
async function chooseDarkEnglish(page) {
  await openReady(page, '?metric=investment_rub');
  await clickInMenu(page, '#embed-open');
  const dialog = page.locator('#embed-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(RU.embed_themes.dark, { exact: true }).check();
  await dialog.getByLabel('English', { exact: true }).check();
  await expect(page.locator('#embed-script')).toHaveValue(new RegExp(`embed\\.html\\?${SNIPPET}"`));
  return dialog;
}

test('choosing dark and English puts both in the script and iframe snippets', async ({ page }) => {
  await chooseDarkEnglish(page);
  expect(await page.inputValue('#embed-iframe')).toContain(SNIPPET);
});

test('the preview, only when asked for, frames the snippet\'s page', async ({ page }) => {
  const dialog = await chooseDarkEnglish(page);
  await expect(page.locator('#embed-preview'), 'no second explorer unasked').toHaveCount(0);
  await dialog.locator('.embed-preview-fold > summary').click();
  const preview = page.frameLocator('#embed-preview');
  await expect(preview.locator('#app.embed.theme-dark')).toBeVisible({ timeout: 20_000 });
  await expect(preview.locator('html')).toHaveAttribute('lang', 'en');
  expect(await page.getAttribute('#embed-preview', 'src')).toMatch(/embed\.html\?lang=en&metric=investment_rub&embed=1&theme=dark$/);
  await screenshot(page, 'readers-5-embed-dark-en');
});

test('the system\'s theme leaves the theme out of the link, Russian the language', async ({ page }) => {
  const dialog = await chooseDarkEnglish(page);
  await dialog.getByLabel(RU.embed_themes.auto, { exact: true }).check();
  await expect(page.locator('#embed-script')).not.toHaveValue(/theme=/);
  await dialog.getByLabel('Русский', { exact: true }).check();
  await expect(page.locator('#embed-script')).not.toHaveValue(/lang=/);
  await page.keyboard.press('Escape');
  await expect(dialog).not.toHaveAttribute('open');
});
