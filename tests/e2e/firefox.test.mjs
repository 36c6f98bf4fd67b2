// Firefox ESR, the other browser of government PCs: the offline single file from disk, and
// the served page typed into, saved and reopened. Driven over WebDriver BiDi.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST } from './harness.mjs';
import { serve } from './server.mjs';
import { launchFirefox, openFirefoxPage } from './browser.mjs';
import { summaryOf } from './dom.mjs';
import { SAMPLE } from './fixtures.mjs';
import { eventually } from './eventually.mjs';

const SINGLE_FILE = pathToFileURL(resolve(DIST, 'zipin.html')).href;
let browser;
let server;

before(async () => {
  browser = await launchFirefox();
  server = await serve(DIST);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Presses a key with Ctrl held. */
async function withControl(page, key) {
  await page.keyboard.down('Control');
  await page.keyboard.press(key);
  await page.keyboard.up('Control');
}

/** The summary table as [{ name, total, grade }]. */
const summary = (page) => page.$$eval('[data-testid="summary-row"]', summaryOf);

/**
 * Opens `url` and pastes the sample report into the paste box.
 * Firefox gives a scripted paste event no clipboard data, so the text goes through its real
 * clipboard: copied with Ctrl+C from a scratch textarea, pasted with Ctrl+V.
 */
async function pasteSample(page, url) {
  await page.goto(url);
  const box = await page.waitForSelector('[data-testid="paste-input"]');
  await page.evaluate((text) => {
    const scratch = Object.assign(document.createElement('textarea'), { id: 'clipboard-source', value: text });
    document.body.append(scratch);
    scratch.select();
  }, SAMPLE);
  await withControl(page, 'c');
  await page.evaluate(() => document.getElementById('clipboard-source').remove());
  await box.focus();
  await withControl(page, 'v');
}

const SAMPLE_SUMMARY = [
  { name: '株洲市荷塘区网格化管理服务中心', total: '95', grade: '优' },
  { name: '网格员专项经费', total: '97', grade: '优' },
  { name: '城乡帮困项目', total: '96', grade: '优' },
];

test('Firefox: the single file opened from disk computes the sample with no request but itself', async () => {
  const page = await openFirefoxPage(browser);
  await pasteSample(page, SINGLE_FILE);
  await eventually(async () => (await summary(page)).map((r) => [r.total, r.grade]), SAMPLE_SUMMARY.map((r) => [r.total, r.grade]));
  const elsewhere = page.requests.filter((url) => !url.startsWith('data:') && url !== SINGLE_FILE);
  assert.deepEqual(elsewhere, []);
  page.assertClean();
  await page.close();
});

test('Firefox: the served page takes typing, saves, and reopens as it was left', async () => {
  const page = await openFirefoxPage(browser);
  await pasteSample(page, server.url);
  await eventually(() => summary(page), SAMPLE_SUMMARY);
  const total = () => page.$eval('[data-testid="form"] [data-testid="total-score"]', (el) => el.dataset.value);
  await eventually(total, '95');

  // 成本控制数算 was given 9 of 10: a person types 10 over it.
  const score = await page.evaluateHandle(() => [...document.querySelectorAll('[data-testid="form"] [data-testid="indicator-row"]')]
    .find((row) => row.querySelector('[data-field="name"] textarea').value === '成本控制数算')
    .querySelector('[data-field="score"] input'));
  await score.click();
  await withControl(page, 'a');
  await page.keyboard.type('10');
  await eventually(total, '96');
  await page.keyboard.press('Tab');

  await page.reload();
  await page.waitForSelector('[data-testid="form"] [data-testid="total-score"]');
  await eventually(total, '96');
  await eventually(async () => (await summary(page)).map((r) => r.total), ['96', '97', '96']);
  page.assertClean();
  await page.close();
});

test('Firefox: the result stays in view, a finding leads to its cell, a summary row opens its form', async () => {
  const page = await openFirefoxPage(browser);
  // A document of its own: the test before left one saved for the suite's origin, so this
  // test is served from an origin of its own (its storage empty).
  const own = await serve(DIST);
  await pasteSample(page, own.url);
  await eventually(() => summary(page), SAMPLE_SUMMARY);
  const inView = (selector) => page.$eval(selector, (el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight && box.height > 0;
  });
  // Deep in the rows, the total is still in view.
  await page.$eval('[data-testid="form"] [data-testid="indicator-row"]:last-of-type [data-field="score"] input', (el) => el.scrollIntoView());
  await eventually(() => inView('[data-testid="form"] [data-testid="pinned-total"]'), true);
  // A finding: its title in words, its cell focused in the middle of the view, its row marked.
  await page.$eval('[data-testid="finding"] button', (el) => el.scrollIntoView());
  const title = await page.$eval('[data-testid="finding"] .finding-title', (el) => el.textContent);
  assert.equal(title, '单位不一致');
  await page.click('[data-testid="finding"] button');
  await eventually(() => page.evaluate(() => document.activeElement.closest('[data-field]')?.dataset.field), 'actual');
  await eventually(() => page.evaluate(() => document.activeElement.closest('tr').classList.contains('led-to')), true);
  await page.keyboard.press('F8');
  await eventually(() => page.$$eval('[data-testid="finding"]', (items) => items.findIndex((i) => i.getAttribute('aria-current') === 'true')), 1);
  // A summary row opens its form.
  await page.click('[data-testid="summary-row"]:nth-child(2) [data-field="name"]');
  await eventually(() => page.$eval('[data-testid="form"] [data-testid="pinned-total"]', (el) => el.dataset.value), '97');
  page.assertClean();
  await page.close();
  await own.close();
});

test('Firefox: the desk reads a set of reports from the single file on disk, with no request', async () => {
  const folder = join(await mkdtemp(join(tmpdir(), 'zipin-ff-desk-')), '报送');
  execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'zipin-core', '--example', 'review_set', '--', folder, '4', '5'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const expected = JSON.parse(await readFile(`${folder}.expected.json`, 'utf8'));
  const page = await openFirefoxPage(browser);
  await page.goto(SINGLE_FILE);
  await page.waitForSelector('[data-testid="view-desk"]');
  await page.click('[data-testid="view-desk"]');
  const input = await page.waitForSelector('[data-testid="desk-files"]');
  await input.uploadFile(...(await readdir(folder)).map((name) => join(folder, name)));
  const totals = () => page.$$eval('[data-testid="review-row"] [data-field="total"]', (cells) => cells.map((cell) => cell.dataset.value));
  await eventually(async () => (await totals()).length, expected.length, 'a row per form', 20000);
  assert.deepEqual((await totals()).sort(), expected.map((form) => form.total ?? '').sort());
  const elsewhere = page.requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && url !== SINGLE_FILE);
  assert.deepEqual(elsewhere, []);
  page.assertClean();
  await page.close();
});
