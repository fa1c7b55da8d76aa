// Smoke test: the release build's first view comes up in Chromium, cleanly and offline.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DIST_DIR, nonLocalRequests, openPage, screenshot } from './helpers.mjs';
import { serveAndBrowse } from './support.mjs';

const env = serveAndBrowse({ root: DIST_DIR });

test('first view reaches data-state="ready" without errors or outside requests', async () => {
  const { page, context, consoleErrors, pageErrors, requests, dialogs } = await openPage(
    env.browser,
    `${env.server.url}/`,
  );
  try {
    await page.waitForSelector('#app [data-state="ready"]', { state: 'attached', timeout: 20_000 });
  } finally {
    await screenshot(page, 'smoke-first-view').catch(() => {});
  }
  assert.deepEqual(pageErrors, [], 'uncaught page errors');
  assert.deepEqual(consoleErrors, [], 'console errors');
  assert.deepEqual(dialogs, [], 'alerts / dialogs');
  assert.ok(requests.length > 0, 'the page made no requests at all');
  assert.deepEqual(nonLocalRequests(requests), [], 'requests that left 127.0.0.1');
  await context.close();
});
