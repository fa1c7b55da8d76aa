// What the accessibility specs do with the page as a keyboard or visually-impaired reader
// would: the visually-impaired settings, and moving the focus with Tab.

import { expect } from './fixtures.mjs';

/** Turns on the given visually-impaired colour scheme (the panel must be shown). */
export async function chooseScheme(page, scheme) {
  await page.check(`#a11y-panel input[name=vi-scheme][value="${scheme}"]`);
  await expect(page.locator('#app')).toHaveClass(new RegExp(`(^|\\s)vi-scheme-${scheme}(\\s|$)`));
}

/** Turns on the given visually-impaired text size (the panel must be shown). */
export async function chooseSize(page, size) {
  await page.check(`#a11y-panel input[name=vi-size][value="${size}"]`);
  await expect(page.locator('#app')).toHaveClass(new RegExp(`(^|\\s)vi-size-${size}(\\s|$)`));
}

/** Presses Tab until the focused element matches `selector` (at most `max` presses). */
export async function tabTo(page, selector, max = 30) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`${selector} not reached in ${max} Tab presses`);
}
