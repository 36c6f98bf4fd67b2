// Development aid: serves dist/, optionally types the sample department form, and writes a
// PNG of what a person sees at 1366×768. Usage: node scripts/screenshot.mjs out.png [--sample]
import { serve } from '../tests/e2e/server.mjs';
import { launch, openPage } from '../tests/e2e/browser.mjs';
import { ZipinPage } from '../tests/e2e/zipin-page.mjs';
import { HETANG_DEPARTMENT, typeForm } from '../tests/e2e/fixtures.mjs';

const [out = 'screenshot.png', ...flags] = process.argv.slice(2);
const server = await serve(process.env.ZIPIN_DIST ?? 'dist');
const browser = await launch();
try {
  const page = await openPage(browser);
  const zipin = await new ZipinPage(page).open(server.url);
  if (flags.includes('--sample')) await typeForm(zipin, HETANG_DEPARTMENT);
  await page.screenshot({ path: out, fullPage: flags.includes('--full') });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
