// Development aid: serves dist/, optionally types the sample department form, and writes a
// PNG of what a person sees at 1366×768.
// Usage: node scripts/screenshot.mjs out.png [--sample] [--paste FILE] [--full]
// (--paste pastes a file as the clipboard would carry it: .html as text/html, else text/plain.)
import { serve } from '../tests/e2e/server.mjs';
import { launch, openPage } from '../tests/e2e/browser.mjs';
import { ZipinPage } from '../tests/e2e/zipin-page.mjs';
import { readFile } from 'node:fs/promises';
import { HETANG_DEPARTMENT, typeForm } from '../tests/e2e/fixtures.mjs';

const [out = 'screenshot.png', ...flags] = process.argv.slice(2);
const server = await serve(process.env.ZIPIN_DIST ?? 'dist');
const browser = await launch();
try {
  const page = await openPage(browser);
  const zipin = await new ZipinPage(page).open(server.url);
  if (flags.includes('--sample')) await typeForm(zipin, HETANG_DEPARTMENT);
  const pasted = flags[flags.indexOf('--paste') + 1];
  if (flags.includes('--paste') && pasted) {
    const content = await readFile(pasted, 'utf8');
    await zipin.paste(pasted.endsWith('.html') ? { text: '', html: content } : { text: content });
    await page.waitForTimeout(500);
  }
  await page.screenshot({ path: out, fullPage: flags.includes('--full') });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
