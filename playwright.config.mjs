// End-to-end tests: Playwright Test against the release dist/ (DIST_DIR) in Debian's Chromium.
// Run through `cargo xtask test` (or `--only e2e`), or `npx playwright test [file]` after
// `cargo xtask dist`. See tests/e2e/README.md.

import { defineConfig } from '@playwright/test';
import { BROWSER_ARGS, CHROMIUM_PATH } from './tests/e2e/env.mjs';

const desktop = { viewport: { width: 1280, height: 900 } };

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.mjs',
  outputDir: 'target/e2e-results/output',
  globalSetup: './tests/e2e/server.mjs',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // Two cores: two workers (measured against one in tests/e2e/README.md).
  workers: Number(process.env.E2E_WORKERS ?? 2),
  // A failed test runs once more, traced (`trace` below); passing on that retry still fails
  // the run, so a flaky test is never green.
  retries: 1,
  failOnFlakyTests: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['junit', { outputFile: 'target/e2e-results/junit.xml' }],
  ],
  use: {
    ...desktop,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: BROWSER_ARGS },
    // Traced on the retry only: recording a trace snapshots the DOM at every action, and this
    // page's DOM is large (a Tab press took 62 ms traced, 16 untraced; tests/e2e/README.md).
    trace: 'on-first-retry',
    // One browser context per worker, reset by Playwright between tests (storage, cache,
    // routes, bindings, init scripts, extra pages, viewport, emulation; a test with other
    // context options, such as permissions, gets a fresh one). A fresh renderer costs about
    // 1 s of CPU per test here, most of the suite's time (tests/e2e/README.md). E2E_FRESH_CONTEXT=1
    // gives every test its own context, to rule out a leak between tests.
    reuseContext: !process.env.E2E_FRESH_CONTEXT,
  },
  // Tests tagged @widths run at every width; @embed ones in the embed's page too.
  projects: [
    { name: 'desktop', use: desktop },
    { name: 'tablet', use: { viewport: { width: 768, height: 900 } }, grep: /@widths/ },
    { name: 'phone', use: { viewport: { width: 360, height: 740 } }, grep: /@widths/ },
    { name: 'embed', use: { ...desktop, entry: '/embed.html' }, grep: /@embed/ },
  ],
});
