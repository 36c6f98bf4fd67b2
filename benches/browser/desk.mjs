// The reviewer's desk in Chromium (docs/PERFORMANCE.md): a generated set of [files] reports
// (core/examples/review_set.rs, three forms each) read through the desk's file input; reports
// the browser's own task that builds the input's file list (before the page's code runs), the
// time to the last row, the longest task while reading (target: none over 50 ms; the
// reading itself within 30 s), sort and filter → the next frame (target: one frame, medians of
// [clicks]), and a reload → the set shown again (target: 1 s).
// Usage: node benches/browser/desk.mjs [files=300] [clicks=9]   (with the page built)
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../tests/e2e/server.mjs';
import { launch } from '../../tests/e2e/browser.mjs';

const files = Number(process.argv[2] ?? 300);
const clicks = Number(process.argv[3] ?? 9);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const folder = join(await mkdtemp(join(tmpdir(), 'zipin-desk-bench-')), 'set');
execFileSync('cargo', ['run', '--quiet', '--release', '-p', 'zipin-core', '--example', 'review_set', '--', folder, String(files)], { stdio: ['ignore', 'ignore', 'inherit'] });
const paths = (await readdir(folder)).map((name) => join(folder, name));

const server = await serve(process.env.ZIPIN_DIST ?? 'dist');
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
const page = await context.newPage();
try {
  await page.goto(server.url);
  await page.getByTestId('view-desk').click();
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => window.__long.push([entry.startTime, entry.duration]))).observe({ entryTypes: ['longtask'] });
    // The page's reading starts when its progress bar first shows: the task before it is the
    // browser's own, building the input's list of files.
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="desk-progress"]')) {
        window.__started = performance.now();
        observer.disconnect();
      }
    }).observe(document.body, { subtree: true, childList: true });
  });
  const start = Date.now();
  await page.getByTestId('desk-files').setInputFiles(paths);
  await page.waitForFunction((forms) => document.querySelectorAll('[data-testid="review-row"]').length > 0
    && !document.querySelector('[data-testid="desk-progress"]')
    && document.querySelector('.desk-tools .shown')?.textContent.endsWith(`/${forms}`), files * 3, { timeout: 600000 });
  const reading = Date.now() - start;
  // The set is saved a moment after the reading: its tasks count too.
  await page.waitForTimeout(3000);
  const { long, started } = await page.evaluate(() => ({ long: window.__long, started: window.__started }));
  const durations = (from, to) => long.filter(([at]) => at >= from && at < to).map(([, duration]) => duration);
  const input = durations(0, started);
  const readingTasks = durations(started, Infinity);
  /** Clicks `selector` and times it to the next frame, once the page is idle. */
  const frameAfter = (selector) => page.evaluate(async (selector) => {
    await new Promise((idle) => requestIdleCallback(idle));
    const start = performance.now();
    document.querySelector(selector).click();
    await new Promise((frame) => requestAnimationFrame(() => frame()));
    return performance.now() - start;
  }, selector);
  const sorts = [];
  const filters = [];
  for (let i = 0; i < clicks; i += 1) {
    sorts.push(await frameAfter('[data-sort="total"]'));
    filters.push(await frameAfter('.desk-tools input[type="checkbox"]'));
  }
  // Saved a moment after the reading; a reload reads it back from IndexedDB.
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    window.__reloaded = performance.now();
  });
  const reloadStart = Date.now();
  await page.reload();
  await page.waitForFunction((forms) => document.querySelector('.desk-tools .shown')?.textContent.endsWith(`/${forms}`), files * 3, { timeout: 60000 });
  const reopened = Date.now() - reloadStart;
  console.table({
    [`read ${files} files (${files * 3} forms), ms`]: reading,
    'the file input\'s own task, ms': Math.round(Math.max(0, ...input)),
    'tasks over 50 ms, reading and saving': readingTasks.length,
    'the longest of them, ms': readingTasks.length ? Math.round(Math.max(...readingTasks)) : '—',
    'sort → next frame, median ms': Number(median(sorts).toFixed(1)),
    'filter → next frame, median ms': Number(median(filters).toFixed(1)),
    'reload → the set shown, ms': reopened,
  });
} finally {
  await browser.close();
  await server.close();
}
