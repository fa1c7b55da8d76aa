// Issue 23, the rest, 3: the lifecycle chart's marks are tap targets of at least 24 × 24 px
// that do not overlap, on phones and on the desktop; the keyboard still goes through them in
// order, and a tap on a mark's edge selects its event. Screenshot: readers-3-lifecycle-360.

import path from 'node:path';
import { expect, openReady, test } from './fixtures.mjs';
import { SCREENSHOT_DIR } from './env.mjs';
import { escapeRegExp } from './data.mjs';
import { PHONE, hitBoxes, overlaps } from './readers-reads.mjs';

const DEVICES = [
  ['phone 360', PHONE],
  ['phone 412', { ...PHONE, viewport: { width: 412, height: 915 } }],
  ['desktop 1280', { viewport: { width: 1280, height: 800 } }],
];

/** Opens the page and scrolls the lifecycle chart's marks into view; returns their hit areas. */
async function openMarks(page) {
  await openReady(page);
  await page.locator('#lifecycle .hit').first().scrollIntoViewIfNeeded();
  return hitBoxes(page);
}

for (const [label, device] of DEVICES) {
  test.describe(label, () => {
    test.use(device);

    test('each mark\'s hit area is at least 24 × 24 px and none overlaps another', async ({ page }) => {
      const boxes = await openMarks(page);
      expect(boxes.length, 'every event has a mark').toBeGreaterThanOrEqual(30);
      const small = boxes.filter((b) => b.w < 23.9 || b.h < 23.9);
      expect(small.slice(0, 5), `${small.length} marks under 24 × 24 px`).toEqual([]);
      const overlapping = overlaps(boxes);
      expect(overlapping.slice(0, 10), `${overlapping.length} overlapping hit areas`).toEqual([]);
    });

    test('the keyboard goes through the marks in order', async ({ page }) => {
      await openMarks(page);
      await page.focus('#lifecycle .hit[data-index="0"]');
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => document.activeElement?.dataset.index)).toBe('1');
    });
  });
}

test.describe('phone 360', () => {
  test.use(PHONE);

  test('a tap on a mark\'s edge, 11 px off its centre, selects that mark\'s event', async ({ page }) => {
    const boxes = await openMarks(page);
    const target = boxes[Math.floor(boxes.length / 2)];
    await page.touchscreen.tap(target.x + target.w / 2 + 11, target.y + target.h / 2);
    await expect(page).toHaveURL(new RegExp(`event=${escapeRegExp(target.event)}`));
    await page.locator('#lifecycle').screenshot({ path: path.join(SCREENSHOT_DIR, 'readers-3-lifecycle-360.png') });
  });
});
