// Headless Chromium for browser tests: Debian's package (no Playwright browser download), driven by
// playwright-core, with background services off so the only traffic is what the page makes.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's `chromium` package installs the browser; `CHROMIUM_PATH` overrides it. */
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

// No sandbox because CI runs as root in a container; the rest stops Chromium from phoning home
// (updates, sync, field trials), which would also break tests that assert on network traffic.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Path of the Chromium executable. Throws when it is missing, so a machine without the browser
 * fails loudly instead of skipping browser tests.
 */
export function chromiumPath(): string {
  const executable = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  if (!existsSync(executable)) {
    throw new Error(
      `browser tests: Chromium not found at ${executable}. ` +
        'Install it with `apt-get update && apt-get install -y chromium` (Debian/Ubuntu), ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
  return executable;
}

/** Launches headless Chromium; the caller closes it (`await browser.close()`). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}
