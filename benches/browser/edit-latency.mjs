// Edit → updated total on large forms, in Chromium: the median over many edits of the time
// from dispatching an `input` event on a weight cell to the total's data-value changing
// (observed in the same frame the page renders it).
// Usage: node benches/browser/edit-latency.mjs [rows=2000] [edits=50]
import { serve } from '../../tests/e2e/server.mjs';
import { launch, openPage } from '../../tests/e2e/browser.mjs';
import { ZipinPage } from '../../tests/e2e/zipin-page.mjs';
import { largeForm } from '../../tests/e2e/fixtures.mjs';

export async function editLatency(url, browser, rows, edits) {
  const page = await openPage(browser);
  const zipin = await new ZipinPage(page).open(url);
  await zipin.paste({ text: largeForm(rows) });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="indicator-row"]').length === n, rows, { timeout: 120000 });
  const times = await page.evaluate(async ([count]) => {
    const total = document.querySelector('[data-testid="total-score"]');
    const rowsNow = document.querySelectorAll('[data-testid="indicator-row"]');
    const samples = [];
    for (let i = 0; i < count; i += 1) {
      const row = rowsNow[(i * 37) % rowsNow.length];
      const input = row.querySelector('[data-field="score"] .cell');
      const before = total.dataset.value;
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (total.dataset.value !== before) { observer.disconnect(); resolve(); }
        });
        observer.observe(total, { attributes: true });
      });
      const start = performance.now();
      input.value = i % 2 ? '0.01' : '0';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await changed;
      samples.push(performance.now() - start);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return samples;
  }, [edits]);
  await page.close();
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p90: times[Math.floor(times.length * 0.9)], min: times[0] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] ?? 2000);
  const edits = Number(process.argv[3] ?? 50);
  const server = await serve(process.env.ZIPIN_DIST ?? 'dist');
  const browser = await launch();
  try {
    const result = await editLatency(server.url, browser, rows, edits);
    console.log(`edit → total, ${rows} rows, ${edits} edits: median ${result.median.toFixed(2)} ms, p90 ${result.p90.toFixed(2)} ms, min ${result.min.toFixed(2)} ms`);
  } finally {
    await browser.close();
    await server.close();
  }
}
