// Launches Debian's Chromium headless as this machine requires, and opens pages that fail
// the test on any uncaught page error or console error.
import { chromium } from 'playwright-core';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh browser with its own empty profile directory. */
export async function launch() {
  const profile = await mkdtemp(join(tmpdir(), 'zipin-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
}

/**
 * A new page in `context` that records page errors and console errors; call
 * `assertClean()` at the end of a test.
 */
export async function openPage(context, { allowConsole = [] } = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (allowConsole.some((pattern) => pattern.test(text))) return;
    problems.push(`console error: ${text}`);
  });
  page.assertClean = () => {
    if (problems.length) throw new Error(problems.join('\n'));
  };
  return page;
}
