// The reviewer's desk in Chromium: a folder of generated reports (core/examples/review_set.rs:
// .docx, .xlsx and .txt by independent writers, with the engine's own figures for every form
// beside it) and files that cannot be read; the table against the engine's figures, sorting,
// filtering, a row opened and come back to, the exports, the set after a reload, the charts.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, useZipin } from './harness.mjs';
import { eventually } from './eventually.mjs';
import { unzip } from './zip.mjs';
import { openPage } from './browser.mjs';
import { serve } from './server.mjs';
import { ZipinPage } from './zipin-page.mjs';

const zipinSuite = useZipin();
const tmp = await mkdtemp(join(tmpdir(), 'zipin-desk-'));
const folder = join(tmp, '报送材料');
let expected;

before(() => {
  execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'zipin-core', '--example', 'review_set', '--', folder, '9', '11'], { stdio: ['ignore', 'ignore', 'inherit'] });
});

/** Files a reviewer meets that give no form. */
async function addUnreadable() {
  await writeFile(join(folder, '损坏的报告.docx'), Buffer.from('PK\x03\x04 not really a zip'));
  await writeFile(join(folder, '旧版报表.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(64)]));
  await writeFile(join(folder, '情况说明.txt'), '本单位2023年度绩效自评工作已按要求完成，详见附件。');
}

/** The desk with the folder read. */
async function deskWithFolder(options) {
  expected ??= JSON.parse(await readFile(`${folder}.expected.json`, 'utf8'));
  await addUnreadable();
  const zipin = await zipinSuite.fresh(options);
  await zipin.page.getByTestId('view-desk').click();
  await zipin.page.getByTestId('desk-folder').setInputFiles(folder);
  await eventually(() => zipin.page.getByTestId('review-row').count(), expected.length, 'a row per form', 20000);
  await eventually(() => zipin.page.getByTestId('desk-progress').count(), 0);
  return zipin;
}

/** Every row of the table: its cells' data-value (or text). */
const tableRows = (zipin) => zipin.page.getByTestId('review-row').evaluateAll((rows) => rows.map((row) => {
  const cells = {};
  for (const cell of row.querySelectorAll('[data-field]')) cells[cell.dataset.field] = cell.dataset.value ?? cell.textContent.trim();
  cells.id = row.dataset.formId;
  return cells;
}));

const orNull = (value) => (value === '' || value === undefined ? null : value);

test('a folder of reports: one row per form with the engine\'s figures, and the files that gave none listed with why', async () => {
  const zipin = await deskWithFolder();
  const rows = await tableRows(zipin);
  assert.equal(rows.length, expected.length);
  for (const form of expected) {
    const row = rows.find((r) => r.file === form.file && r.name === form.name);
    assert.ok(row, `${form.file} ${form.name}`);
    assert.equal(orNull(row.total), form.total, form.name);
    assert.equal(orNull(row['claimed-total']), form.claimed_total, form.name);
    assert.equal(row.grade, form.grade ?? '—', form.name);
    assert.equal(row['claimed-grade'], form.claimed_grade ?? '—', form.name);
    assert.equal(orNull(row.rate), form.rate, form.name);
    assert.equal(row.unit, form.unit, form.name);
    assert.deepEqual([row.errors, row.warnings, row.infos].map(Number), [form.errors, form.warnings, form.infos], form.name);
  }
  const failed = await zipin.page.getByTestId('desk-failed-file').evaluateAll((items) => Object.fromEntries(items.map((i) => [i.dataset.file, i.textContent])));
  assert.deepEqual(Object.keys(failed).sort(), ['情况说明.txt', '损坏的报告.docx', '旧版报表.xls']);
  assert.match(failed['损坏的报告.docx'], /不是有效的 \.docx \/ \.xlsx 文件/);
  assert.match(failed['旧版报表.xls'], /另存为 \.xlsx/);
  assert.match(failed['情况说明.txt'], /没有找到可评分的表/);
  const files = (await readdir(folder)).length;
  assert.match(await zipin.page.getByTestId('desk-counts').textContent(), new RegExp(`^${files - 3} 份文件，${expected.length} 张表`));
  zipin.page.assertClean();
});

test('sorting either way, filtering, searching; a row opens its form, and coming back finds it', async () => {
  const zipin = await deskWithFolder();
  const totals = async () => (await tableRows(zipin)).map((row) => Number(row.total));
  await zipin.page.locator('[data-sort="total"]').click();
  const computed = expected.map((form) => Number(form.total)).sort((a, b) => b - a);
  await eventually(async () => (await totals()).slice(0, 5), computed.slice(0, 5));
  await zipin.page.locator('[data-sort="total"]').click();
  await eventually(async () => (await totals()).slice(0, 5), [...computed].reverse().slice(0, 5));
  assert.equal(await zipin.page.locator('th[data-field="total"]').getAttribute('aria-sort'), 'ascending');
  // Only the forms with errors.
  await zipin.page.getByLabel('只看有错误的').check();
  const withErrors = expected.filter((form) => form.errors > 0).length;
  await eventually(() => zipin.page.getByTestId('review-row').count(), withErrors);
  assert.ok((await tableRows(zipin)).every((row) => Number(row.errors) > 0));
  await zipin.page.getByLabel('只看有错误的').uncheck();
  // One unit's forms, by searching its name.
  const unit = expected[3].unit;
  await zipin.page.getByRole('searchbox').fill(unit);
  await eventually(() => zipin.page.getByTestId('review-row').count(), expected.filter((form) => [form.unit, form.name, form.file].some((t) => t.includes(unit))).length);
  // Enter on a row opens its form in the editor; the desk then finds the row again.
  const row = zipin.page.getByTestId('review-row').nth(1);
  const id = await row.getAttribute('data-form-id');
  const total = await row.locator('[data-field="total"]').getAttribute('data-value');
  await row.focus();
  await zipin.page.keyboard.press('Enter');
  await zipin.expectValue('pinned-total', total);
  await zipin.page.getByTestId('view-desk').click();
  await eventually(() => zipin.page.evaluate(() => document.activeElement?.dataset.formId), id);
  assert.equal(await zipin.page.getByRole('searchbox').inputValue(), unit, 'the filter is as it was left');
  zipin.page.assertClean();
});

test('the table as .xlsx and .csv, each unit\'s memo as .docx in one .zip; the set after a reload, the same files not read twice', async () => {
  const context = await zipinSuite.browser.newContext({ acceptDownloads: true });
  const zipin = await deskWithFolder({ context });
  const download = async (testid) => {
    const [file] = await Promise.all([zipin.page.waitForEvent('download'), zipin.page.getByTestId(testid).click()]);
    const path = join(tmp, file.suggestedFilename());
    await file.saveAs(path);
    return { name: file.suggestedFilename(), bytes: await readFile(path) };
  };
  const csv = await download('desk-export-csv');
  const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(lines.length, expected.length + 1);
  assert.match(lines[0], /^文件,单位,类型,名称,填报总分,计算总分/);
  const xlsx = await download('desk-export-xlsx');
  const sheet = unzip(xlsx.bytes).get('xl/worksheets/sheet1.xml').toString('utf8');
  for (const form of expected) assert.ok(sheet.includes(form.name), form.name);
  const memos = unzip((await download('desk-export-memos')).bytes);
  const units = new Set(expected.map((form) => form.unit));
  assert.equal(memos.size, units.size);
  for (const unit of units) {
    const memo = memos.get(`复核意见书-${unit}.docx`);
    assert.ok(memo, unit);
    const body = unzip(memo).get('word/document.xml').toString('utf8');
    assert.ok(body.includes(`关于${unit}预算绩效自评的复核意见`), unit);
  }
  // A reload shows the set again, from IndexedDB: the desk, not a form, is what opens.
  const again = new ZipinPage(await openPage(zipinSuite.browser, { context }));
  await again.page.goto(zipinSuite.server.url);
  await eventually(() => again.page.getByTestId('review-row').count(), expected.length, 'the set after a reload', 10000);
  // The same folder again adds nothing.
  await again.page.getByTestId('desk-folder').setInputFiles(folder);
  await eventually(() => again.page.getByTestId('desk-progress').count(), 0);
  await eventually(async () => (await again.page.locator('.desk').textContent()).includes('已在复核集中'), true);
  assert.equal(await again.page.getByTestId('review-row').count(), expected.length);
  // A set is deleted as a document is: from the list, and from the browser's database.
  await again.page.getByTestId('documents-menu').click();
  await again.page.getByTestId('document-item').filter({ hasText: '复核集' }).getByRole('button', { name: /删除/ }).click();
  const stored = () => again.page.evaluate(() => new Promise((done) => {
    const request = indexedDB.open('zipin');
    request.onsuccess = () => {
      const keys = request.result.transaction('sets').objectStore('sets').getAllKeys();
      keys.onsuccess = () => done(keys.result.length);
    };
  }));
  await eventually(stored, 0);
  await again.page.reload();
  await again.page.getByTestId('documents-menu').click();
  assert.equal(await again.page.getByTestId('document-item').filter({ hasText: '复核集' }).count(), 0);
  again.page.assertClean();
  await context.close();
});

test('a frame with no storage: the desk reads the set and says it is not saved', async () => {
  const app = await serve(DIST, { headers: { 'access-control-allow-origin': '*' } });
  const host = await serve(DIST, {
    pages: { '/host.html': `<!doctype html><title>门户</title><link rel="icon" href="data:,"><iframe sandbox="allow-scripts" src="${app.url}" width="1300" height="700"></iframe>` },
  });
  const page = await openPage(zipinSuite.browser);
  await page.goto(`${host.origin}/host.html`);
  const frame = page.frameLocator('iframe');
  await frame.getByTestId('view-desk').click();
  const files = (await readdir(folder)).filter((name) => /^00[12]-/.test(name));
  await frame.getByTestId('desk-files').setInputFiles(files.map((name) => join(folder, name)));
  await eventually(() => frame.getByTestId('review-row').count(), 6, 'the two files\' forms', 20000);
  await eventually(() => frame.getByTestId('save-state').getAttribute('data-saved'), 'false');
  page.assertClean();
  await host.close();
  await app.close();
});

test('the charts: grades filed and reviewed, claimed against reviewed totals, the open form\'s sections', async () => {
  const zipin = await deskWithFolder();
  const charts = await zipin.page.getByTestId('desk-chart').evaluateAll((svgs) => Object.fromEntries(svgs.map((svg) => [svg.dataset.chart, {
    title: svg.querySelector('title').textContent,
    desc: svg.querySelector('desc').textContent,
  }])));
  assert.deepEqual(Object.keys(charts).sort(), ['grades', 'sections', 'totals']);
  const count = (key, grade) => expected.filter((form) => (form[key] ?? '无') === grade).length;
  for (const grade of ['优', '良', '中', '差']) {
    assert.ok(charts.grades.desc.includes(`${grade}：填报 ${count('claimed_grade', grade)}，复核 ${count('grade', grade)}`), `${grade}: ${charts.grades.desc}`);
  }
  const over = expected.filter((form) => form.claimed_total !== null && form.total !== null && Number(form.claimed_total) > Number(form.total)).length;
  const both = expected.filter((form) => form.claimed_total !== null && form.total !== null).length;
  assert.ok(charts.totals.desc.startsWith(`${over} / ${both}`), charts.totals.desc);
  // What a person sees: each grade's bars as tall as its counts say.
  const bars = await zipin.page.locator('[data-chart="grades"] rect.computed').evaluateAll((rects) => rects.slice(0, 5).map((r) => Number(r.getAttribute('height'))));
  const grades = ['优', '良', '中', '差', '无'];
  const counts = grades.slice(0, 4).map((grade) => count('grade', grade));
  // The tallest bar, filed or reviewed, stands 130 high.
  const most = Math.max(...grades.flatMap((grade) => [count('grade', grade), count('claimed_grade', grade)]));
  counts.forEach((n, i) => assert.ok(Math.abs(bars[i] - (130 * n) / most) < 0.5, `bar ${i}: ${bars[i]} for ${n}`));
  zipin.page.assertClean();
});

test('the single file on disk: the desk reads reports with no request but itself', async () => {
  expected ??= JSON.parse(await readFile(`${folder}.expected.json`, 'utf8'));
  const single = pathToFileURL(resolve(DIST, 'zipin.html')).href;
  const page = await openPage(zipinSuite.browser);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(single);
  await page.getByTestId('view-desk').click();
  const files = (await readdir(folder)).filter((name) => /\.(docx|xlsx|txt)$/.test(name) && /^00[1-3]-/.test(name));
  await page.getByTestId('desk-files').setInputFiles(files.map((name) => join(folder, name)));
  const wanted = expected.filter((form) => files.includes(form.file));
  await eventually(() => page.getByTestId('review-row').count(), wanted.length, 'a row per form', 20000);
  const totals = await page.locator('[data-testid="review-row"] [data-field="total"]').evaluateAll((cells) => cells.map((c) => c.dataset.value));
  assert.deepEqual(totals.sort(), wanted.map((form) => form.total ?? '').sort());
  assert.deepEqual(requests.filter((url) => !/^(data|blob):/.test(url) && url !== single), []);
  page.assertClean();
});
