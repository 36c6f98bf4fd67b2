// Launches Debian's Chromium (playwright-core) and Firefox ESR (puppeteer-core, over WebDriver
// BiDi) headless as this machine requires, and opens pages that fail the test on any uncaught
// page error or console error.
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

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

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi (playwright-core cannot drive a
 * stock Firefox). puppeteer-core gives it a fresh profile and never downloads a browser.
 */
export async function launchFirefox() {
  return puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
}

/**
 * A new Firefox page at 1366×768 that records page errors, console errors and every request
 * it makes (`page.requests`); call `assertClean()` at the end of a test.
 */
export async function openFirefoxPage(browser) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1366, height: 768 });
  const problems = [];
  page.requests = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => page.requests.push(request.url()));
  page.assertClean = () => {
    if (problems.length) throw new Error(problems.join('\n'));
  };
  return page;
}
