// Launches Debian's Chromium headless as this machine requires, and opens pages that fail
// the test on any uncaught page error or console error.
import { chromium } from 'playwright-core';

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

/** A fresh browser (playwright gives it a new, empty profile directory). */
export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/**
 * A new page in its own context (its own storage, as a new visitor) that records page
 * errors and console errors; call `assertClean()` at the end of a test. Pass an existing
 * `context` to share storage (a reload, a second tab).
 */
export async function openPage(browser, { allowConsole = [], context } = {}) {
  const owner = context ?? await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await owner.newPage();
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
