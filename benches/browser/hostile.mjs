// Hostile pastes in Chromium (docs/HOSTILE.md): each shape of zipin_benches::hostile at the
// 4 MB limit, pasted into a fresh page once it is idle; reports, as medians of [runs], the time
// from the paste event to the first frame painted after it (target ≤ 1 s) and to the import's
// answer on the page, a result or a message (target ≤ 2 s).
// Usage: node benches/browser/hostile.mjs [runs=3]   (with the page built: scripts/build.sh)
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../tests/e2e/server.mjs';
import { launch } from '../../tests/e2e/browser.mjs';
import { ZipinPage } from '../../tests/e2e/zipin-page.mjs';

const runs = Number(process.argv[2] ?? 3);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const folder = await mkdtemp(join(tmpdir(), 'zipin-hostile-'));
execFileSync('cargo', ['run', '--quiet', '--release', '-p', 'zipin-benches', '--example', 'hostile', folder], { stdio: ['ignore', 'ignore', 'inherit'] });

/** Times one paste on a fresh page: to the first frame, and to the page's answer. */
async function pasteOnce(browser, url, input) {
  const context = await browser.newContext();
  const zipin = await new ZipinPage(await context.newPage()).open(url);
  await zipin.page.evaluate(() => new Promise((idle) => requestIdleCallback(idle)));
  const times = await zipin.page.getByTestId('paste-input').evaluate(async (box, { text, html }) => {
    const answered = () => document.querySelector('[data-testid="import-report"], [data-testid="import-error"], [data-testid="import-held"], [data-testid="import-reading"]');
    const data = new DataTransfer();
    data.setData('text/plain', text);
    if (html) data.setData('text/html', html);
    let start = 0;
    const frame = new Promise((painted) => requestAnimationFrame(() => painted(performance.now())));
    const answer = new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        if (answered()) {
          observer.disconnect();
          resolve(performance.now());
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    start = performance.now();
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    return { frame: (await frame) - start, answer: (await answer) - start };
  }, input);
  await context.close();
  return times;
}

const zipin = await serve(process.env.ZIPIN_DIST ?? 'dist');
const browser = await launch();
try {
  const rows = [];
  for (const file of (await readdir(folder)).sort()) {
    const input = JSON.parse(await readFile(join(folder, file), 'utf8'));
    const times = [];
    for (let i = 0; i < runs; i += 1) times.push(await pasteOnce(browser, zipin.url, input));
    const frame = median(times.map((t) => t.frame));
    const answer = median(times.map((t) => t.answer));
    rows.push({ shape: file.replace(/\.json$/, ''), 'first frame (ms)': Math.round(frame), 'answer (ms)': Math.round(answer), within: frame <= 1000 && answer <= 2000 ? 'yes' : 'NO' });
  }
  console.table(rows);
} finally {
  await browser.close();
  await zipin.close();
}
