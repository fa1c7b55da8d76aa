// What a reader does with the page's menus and tabs, and the screenshots the docs point to
// (SCREENSHOT_DIR/<name>.png, e.g. target/screenshots/first-screen-360-ru-light.png).

import fs from 'node:fs/promises';
import path from 'node:path';
import { SCREENSHOT_DIR } from './env.mjs';

/** Saves a PNG of the whole page (or, with `fullPage: false`, the viewport) as SCREENSHOT_DIR/<name>.png; returns its path. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
  const safeName = name.replace(/\.png$/, '').replace(/[^\w.-]+/g, '_');
  const file = path.join(SCREENSHOT_DIR, `${safeName}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * Opens the menu (a closed `details`: Download, Share) that holds `selector`, by its button, as
 * a reader would; nothing when it is open or the element is in no menu.
 */
export async function openMenuOf(page, selector) {
  // The app draws the download menu's items once it is first opened (view::DrawnWhenOpened).
  if ((await page.locator(selector).count()) === 0) {
    await page.locator('#app .download-menu > summary').click();
    await page.locator(selector).first().waitFor();
    return;
  }
  const closed = await page.locator(selector).first().evaluate((el) => {
    const menu = el.closest('details.menu');
    return Boolean(menu) && !menu.open;
  });
  if (closed) await page.locator(selector).first().locator('xpath=ancestor::details[1]/summary').click();
}

/** Clicks `selector`, first opening the menu that holds it. */
export async function clickInMenu(page, selector) {
  await openMenuOf(page, selector);
  await page.click(selector);
}

/** Shows the comparison as a table (or, with `table` false, a chart) by its tab. */
export async function showTable(page, table = true, root = '#app') {
  const id = `${root === '#app' ? '' : 'pre-'}view-${table ? 'table' : 'chart'}`;
  await page.locator(`${root} label[for="${id}"]:visible`).first().click();
}
