// The browser: Debian's Chromium, never a downloaded one, with the same flags for the browser
// runs (playwright-core) and for Lighthouse (chrome-launcher).

import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

/** Debian's Chromium; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * As root, no GPU; the background-networking flags keep Chromium from dialling out (this
 * machine's network is closed: such connections are refused, and nothing is fetched).
 */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** For playwright-core, which makes it headless itself. */
const PLAYWRIGHT_FLAGS = [...FLAGS, '--disable-quic'];

/**
 * For Lighthouse's Chromium (chrome-launcher adds its own defaults: no extensions, no default
 * apps, …). Even with the flags above, Chromium looks up accounts.google.com,
 * clients2.google.com and update.googleapis.com (strace, 2026-12-06): resolve nothing but the
 * pages' own address.
 */
export const LIGHTHOUSE_FLAGS = ['--headless=new', ...FLAGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

/** Headless Chromium through playwright-core. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: PLAYWRIGHT_FLAGS });
}

/** `Chromium 1xx.…` as the binary reports it. */
export function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return `unknown (${CHROMIUM_PATH})`;
  }
}
