// Where the end-to-end tests find what they test and write what they show: the release
// build, the screenshot folder, and Debian's Chromium with its flags.
//
// Set by `cargo xtask test` (DIST_DIR, SCREENSHOT_DIR); the defaults suit a run from the
// repository root. Playwright never downloads a browser here.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The release build to test (Trunk's output). */
export const DIST_DIR = path.resolve(process.env.DIST_DIR ?? path.join(REPO_ROOT, 'dist'));

/** Where screenshot() writes. */
export const SCREENSHOT_DIR = path.resolve(
  process.env.SCREENSHOT_DIR ?? path.join(REPO_ROOT, 'target', 'screenshots'),
);

/** Debian's Chromium; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for headless Chromium as root on a machine without GPU or outside network. */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
