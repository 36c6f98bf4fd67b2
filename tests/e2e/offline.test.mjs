// Offline and embedded: the single file from disk with no request but itself, the file the
// page writes (with the document inside), the page in a portal's iframe on another origin
// under a sub-path, the postMessage API, and the served page under a strict CSP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, useZipin } from './harness.mjs';
import { serve } from './server.mjs';
import { openPage } from './browser.mjs';
import { ZipinPage } from './zipin-page.mjs';
import { SAMPLE } from './fixtures.mjs';
import { eventually } from './eventually.mjs';

const zipinSuite = useZipin();
const SINGLE_FILE = pathToFileURL(resolve(DIST, 'zipin.html')).href;

/** Opens a page that records every request it makes. */
async function recordingPage() {
  const page = await openPage(zipinSuite.browser);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  return { page, requests };
}

async function expectSampleTotals(zipin) {
  await zipin.paste({ text: SAMPLE });
  await eventually(async () => (await zipin.summary()).map((r) => [r.total, r.grade]), [['95', '优'], ['97', '优'], ['96', '优']]);
}

test('the single file opened from disk computes the sample with no request but itself', async () => {
  const { page, requests } = await recordingPage();
  const zipin = await new ZipinPage(page).open(SINGLE_FILE);
  await expectSampleTotals(zipin);
  assert.deepEqual(requests.filter((url) => !url.startsWith('data:')), [SINGLE_FILE]);
  page.assertClean();
});

test('the single file also starts where the browser lacks Uint8Array.fromBase64 (Chromium before 140)', async () => {
  const page = await openPage(zipinSuite.browser);
  await page.addInitScript(() => { delete Uint8Array.fromBase64; });
  const zipin = await new ZipinPage(page).open(SINGLE_FILE);
  assert.equal(await page.evaluate(() => typeof Uint8Array.fromBase64), 'undefined');
  await expectSampleTotals(zipin);
  page.assertClean();
});

test('the page writes the offline file itself, with the open document inside', async () => {
  const zipin = await zipinSuite.fresh();
  await expectSampleTotals(zipin);
  const [download] = await Promise.all([
    zipin.page.waitForEvent('download'),
    zipin.page.getByTestId('download-offline').click(),
  ]);
  assert.equal(download.suggestedFilename(), '绩效自评计算器-离线版.html');
  const saved = join(await mkdtemp(join(tmpdir(), 'zipin-offline-')), 'offline.html');
  await download.saveAs(saved);
  const html = await readFile(saved, 'utf8');
  assert.match(html, /<meta http-equiv="Content-Security-Policy"/);

  const { page, requests } = await recordingPage();
  const copy = await new ZipinPage(page).open(pathToFileURL(saved).href);
  await eventually(async () => (await copy.summary()).map((r) => r.total), ['95', '97', '96']);
  assert.deepEqual(requests.filter((url) => !url.startsWith('data:')), [pathToFileURL(saved).href]);
  // Opened again, the same file does not add the document a second time.
  await copy.page.reload();
  await copy.page.getByTestId('form').waitFor();
  await copy.page.getByTestId('documents-menu').click();
  await eventually(() => copy.page.getByTestId('document-item').count(), 1);
  page.assertClean();
  zipin.page.assertClean();
});

test('in a portal iframe on another origin under a sub-path, with the postMessage API', async () => {
  const app = await serve(DIST, { prefix: '/tools/zipin/' });
  const host = await serve(DIST, {
    pages: {
      '/portal/index.html': `<!doctype html><meta charset="utf-8"><title>门户</title><link rel="icon" href="data:,">
        <script>
          window.received = [];
          addEventListener('message', (event) => { if (event.origin === '${app.origin}') window.received.push(event.data); });
        </script>
        <iframe id="zipin" src="${app.url}?embed=1&host=ORIGIN" width="1300" height="700"></iframe>`,
    },
  });
  const page = await openPage(zipinSuite.browser, { allowConsole: [] });
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  await page.goto(`${host.origin}/portal/index.html`.replace('ORIGIN', ''));
  // The iframe's host parameter must name the portal's origin: set it now that it is known.
  await page.evaluate((origin) => {
    const frame = document.getElementById('zipin');
    frame.src = frame.src.replace('host=ORIGIN', `host=${encodeURIComponent(origin)}`);
  }, host.origin);
  const frame = page.frameLocator('#zipin');
  await frame.getByTestId('form').waitFor();
  await page.waitForFunction(() => window.received.some((m) => m.type === 'zipin:ready'));
  assert.ok(app.requests.every((path) => path.startsWith('/tools/zipin/')), app.requests.join(' '));
  assert.equal(await frame.locator('.app-head').isVisible(), false);

  // The host pastes the sample report; zipin reports every form back.
  await page.evaluate(([text, origin]) => {
    document.getElementById('zipin').contentWindow.postMessage({ type: 'zipin:paste', text, replace: true }, origin);
  }, [SAMPLE, app.origin]);
  await page.waitForFunction(() => window.received.some((m) => m.type === 'zipin:changed' && m.forms.length === 3));
  const changed = await page.evaluate(() => window.received.filter((m) => m.type === 'zipin:changed').at(-1));
  assert.deepEqual(changed.forms.map((f) => [f.name, f.total, f.grade]), [
    ['株洲市荷塘区网格化管理服务中心', '95', '优'],
    ['网格员专项经费', '97', '优'],
    ['城乡帮困项目', '96', '优'],
  ]);
  assert.equal(changed.forms[0].errors, 0);
  assert.ok(changed.forms[0].warnings > 0);

  // Malformed messages are ignored with a warning, never a crash.
  await page.evaluate((origin) => {
    const target = document.getElementById('zipin').contentWindow;
    target.postMessage('garbage', origin);
    target.postMessage({ type: 'zipin:load', document: '{"不是": "文档"}' }, origin);
  }, app.origin);
  const warned = (text) => () => warnings.some((w) => w.includes(text));
  await eventually(warned('忽略格式不对的消息'), true, 'the garbage message is warned about');
  await eventually(warned('无法打开收到的文档'), true, 'the non-document is warned about');
  await frame.getByTestId('form').waitFor();
  assert.equal(await frame.getByTestId('summary-row').count(), 3);
  page.assertClean();
  await host.close();
  await app.close();
});

test('messages from origins not named in the host parameter are ignored', async () => {
  const app = await serve(DIST);
  const host = await serve(DIST, {
    pages: { '/p.html': `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><iframe id="z" src="${app.url}?host=https://portal.example"></iframe>` },
  });
  const page = await openPage(zipinSuite.browser);
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  await page.goto(`${host.origin}/p.html`);
  await page.frameLocator('#z').getByTestId('form').waitFor();
  await page.evaluate(([text, origin]) => {
    document.getElementById('z').contentWindow.postMessage({ type: 'zipin:paste', text }, origin);
  }, [SAMPLE, app.origin]);
  await new Promise((done) => setTimeout(done, 300));
  assert.equal(await page.frameLocator('#z').getByTestId('summary-row').count(), 1);
  assert.ok(warnings.some((w) => w.includes('不在 host 参数允许的列表中')), warnings.join('\n'));
  page.assertClean();
  await host.close();
  await app.close();
});

test('the served page works under a strict Content-Security-Policy', async () => {
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
  const strict = await serve(DIST, { headers: { 'content-security-policy': csp } });
  const page = await openPage(zipinSuite.browser);
  const zipin = await new ZipinPage(page).open(strict.url);
  await expectSampleTotals(zipin);
  await zipin.page.getByTestId('form-tab').nth(1).click();
  await zipin.typeInto(zipin.rows.nth(6).locator('[data-field="score"] .cell'), '10');
  await zipin.expectValue('total-score', '98');
  page.assertClean();
  await strict.close();
});
