// Smoke test: the release build's first view comes up in Chromium, cleanly and offline (the
// `record` fixture fails the test on errors and on requests off the server).

import { expect, test, waitForState } from './fixtures.mjs';
import { screenshot } from './ui.mjs';

test('first view reaches data-state="ready" without errors or outside requests', async ({ page, record }) => {
  await page.goto('/');
  try {
    await waitForState(page);
  } finally {
    await screenshot(page, 'smoke-first-view').catch(() => {});
  }
  expect(record.requests.length, 'the page made requests').toBeGreaterThan(0);
});
