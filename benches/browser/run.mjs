// The browser benchmarks, reported as medians (docs/PERFORMANCE.md):
//   first result after opening — served, and as the single file from disk (in Chromium, and
//   in Firefox ESR) — beside a bare Yew page built the same way (the ratio holds on a noisy
//   machine; absolute times do not);
//   paste → results for the sample report, then a form tab → that form's total; edit → updated
//   total on 200 and 2,000 rows.
// Usage: benches/browser/run.sh [runs=15] (builds both pages, then runs this file), or, with
// both built: node benches/browser/run.mjs [runs=15]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '../../tests/e2e/server.mjs';
import { launch, launchFirefox } from '../../tests/e2e/browser.mjs';
import { ZipinPage } from '../../tests/e2e/zipin-page.mjs';
import { SAMPLE } from '../../tests/e2e/fixtures.mjs';
import { editLatency } from './edit-latency.mjs';

const runs = Number(process.argv[2] ?? 15);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Run in the page before it loads: notes when the first `[data-testid=total-score]` appears. */
function watchFirstResult() {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="total-score"]')) {
      window.__firstResult = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Milliseconds from navigation to the first result, in Firefox ESR (a fresh page each time). */
async function firstResultInFirefox(firefox, url) {
  const page = await firefox.newPage();
  await page.evaluateOnNewDocument(watchFirstResult);
  await page.goto(url);
  await page.waitForFunction(() => window.__firstResult !== undefined);
  const time = await page.evaluate(() => window.__firstResult);
  await page.close();
  return time;
}

/** Milliseconds from navigation to the first `[data-testid=total-score]` in the page. */
async function firstResult(browser, url) {
  const context = await browser.newContext();
  await context.addInitScript(watchFirstResult);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__firstResult !== undefined);
  const time = await page.evaluate(() => window.__firstResult);
  await context.close();
  return time;
}

/**
 * Paste → results for the sample report, pasted a second after opening, once the page is
 * idle (no person pastes sooner, and by then the browser's own start-up work is done).
 * It is the page's first paste: nothing has run the importers before it. Times run from the paste
 * event to the DOM holding the results — every form's row in the summary and the shown
 * form's total — observed as the page writes them, as the edit benchmark does; and on to
 * the shown form's indicator rows, which follow a task later. Then, once idle, a click on
 * the second form's tab → its total in the panel (the rows again follow a task later).
 */
async function pasteToResults(browser, url) {
  const context = await browser.newContext();
  const zipin = await new ZipinPage(await context.newPage()).open(url);
  await zipin.page.waitForTimeout(1000);
  await zipin.page.evaluate(() => new Promise((idle) => requestIdleCallback(idle)));
  const times = await zipin.page.getByTestId('paste-input').evaluate(async (box, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const count = (id) => document.querySelectorAll(`[data-testid="${id}"]`).length;
    const seen = {};
    const done = new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        const now = performance.now();
        if (seen.results === undefined && count('summary-row') === 3 && count('total-score') === 1) seen.results = now;
        if (seen.results !== undefined && count('indicator-row') > 0) {
          seen.rows = now;
          observer.disconnect();
          resolve();
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const start = performance.now();
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await done;
    return { results: seen.results - start, rows: seen.rows - start };
  }, SAMPLE);
  await zipin.page.evaluate(() => new Promise((idle) => requestIdleCallback(idle)));
  times.switchForm = await zipin.page.getByTestId('form-tab').nth(1).evaluate(async (tab) => {
    const total = () => document.querySelector('[data-testid="total-score"]')?.dataset.value;
    const before = total();
    const done = new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        if (total() !== before) {
          observer.disconnect();
          resolve(performance.now());
        }
      }).observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    });
    const start = performance.now();
    tab.click();
    return (await done) - start;
  });
  await context.close();
  return times;
}

const zipin = await serve(process.env.ZIPIN_DIST ?? 'dist');
const hello = await serve('target/hello-dist');
const single = pathToFileURL(resolve(process.env.ZIPIN_DIST ?? 'dist', 'zipin.html')).href;
const browser = await launch();
try {
  const times = { served: [], single: [], hello: [], paste: [], pasteRows: [], switchForm: [], firefox: [] };
  for (let i = 0; i < runs; i += 1) {
    times.served.push(await firstResult(browser, zipin.url));
    times.single.push(await firstResult(browser, single));
    times.hello.push(await firstResult(browser, hello.url));
    const paste = await pasteToResults(browser, zipin.url);
    times.paste.push(paste.results);
    times.pasteRows.push(paste.rows);
    times.switchForm.push(paste.switchForm);
  }
  // Firefox runs alone afterwards: an idle Firefox beside Chromium would skew its figures.
  const firefox = await launchFirefox();
  for (let i = 0; i < runs; i += 1) times.firefox.push(await firstResultInFirefox(firefox, single));
  await firefox.close();
  const edits200 = await editLatency(zipin.url, browser, 200, 50);
  const edits2000 = await editLatency(zipin.url, browser, 2000, 50);
  const served = median(times.served);
  const report = {
    'first result, served (ms)': served,
    'first result, single file from disk (ms)': median(times.single),
    'first result, single file, Firefox ESR (ms)': median(times.firefox),
    'first result, bare Yew page (ms)': median(times.hello),
    'first paint ratio to the bare Yew page': served / median(times.hello),
    'paste → results, sample report (ms)': median(times.paste),
    'paste → the shown form\'s rows too (ms)': median(times.pasteRows),
    'form tab → its total, sample report (ms)': median(times.switchForm),
    'edit → total, 200 rows (ms)': edits200.median,
    'edit → total, 2,000 rows (ms)': edits2000.median,
  };
  for (const [name, value] of Object.entries(report)) console.log(`${name.padEnd(44)} ${value.toFixed(2)}`);
} finally {
  await browser.close();
  await zipin.close();
  await hello.close();
}
