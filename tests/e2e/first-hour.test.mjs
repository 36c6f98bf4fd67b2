// What a unit's clerk and a bureau reviewer meet in their first hour (issue: the first hour):
// the result in view while editing, findings in words that lead to their cells, a calm start,
// editing like a spreadsheet, the reviewer's summary and memo, profiles that explain
// themselves, English throughout, and the workbook's formulas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { useZipin } from './harness.mjs';
import { SAMPLE } from './fixtures.mjs';
import { eventually } from './eventually.mjs';

const zipinSuite = useZipin();
const codes = (zipin) => zipin.findings().then((list) => list.map((f) => f.code));

/** Whether an element lies wholly inside the viewport. */
const inView = (locator) => locator.evaluate((el) => {
  const box = el.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= innerHeight && box.height > 0;
});

async function withSample() {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: SAMPLE });
  await eventually(async () => (await zipin.summary()).map((r) => r.total), ['95', '97', '96']);
  return zipin;
}

test('a fresh page is calm: no findings, no grade, an invitation; adding forms are buttons', async () => {
  const zipin = await zipinSuite.fresh();
  assert.equal(await zipin.form.getByTestId('finding').count(), 0);
  await eventually(() => zipin.grade(), '—');
  await eventually(() => zipin.form.getByTestId('pinned-grade').textContent(), '—');
  assert.match(await zipin.form.locator('.start-hint').textContent(), /粘贴/);
  assert.equal(await zipin.page.locator('.add-form').count(), 2);
  assert.equal(await zipin.page.locator('.add-form[role="tab"]').count(), 0);
  zipin.page.assertClean();
});

test('the total, grade and counts stay in view while a row far down is edited', async () => {
  const zipin = await withSample();
  const pinned = zipin.form.getByTestId('pinned-total');
  const last = zipin.rows.last().locator('[data-field="score"] input');
  await last.scrollIntoViewIfNeeded();
  await last.click();
  await zipin.page.keyboard.type('4');
  await eventually(() => pinned.getAttribute('data-value'), '94');
  assert.equal(await inView(pinned), true, 'pinned total in view');
  assert.equal(await inView(zipin.form.getByTestId('pinned-grade')), true);
  // The claimed 95 no longer adds up: one error, counted beside the total.
  await eventually(() => zipin.form.getByTestId('pinned-errors').getAttribute('data-value'), '1');
  await eventually(() => zipin.form.getByTestId('pinned-weights').getAttribute('data-value'), '100');
  zipin.page.assertClean();
});

test('findings read as words, lead to their cell, and F8 walks them', async () => {
  const zipin = await withSample();
  const findings = zipin.form.getByTestId('finding');
  const first = findings.first();
  // A title and a sentence; the code only in the tooltip and the data attribute.
  assert.doesNotMatch(await findings.allTextContents().then((t) => t.join('')), /[A-Z]{4,}_[A-Z]+/);
  assert.equal(await first.locator('.finding-title').textContent(), '单位不一致');
  assert.equal(await first.locator('button').getAttribute('title'), 'UNITS_DIFFER');
  await first.locator('button').click();
  // The cell comes to the middle of the view, focused; its row is marked; the finding too.
  await eventually(() => zipin.page.evaluate(() => document.activeElement.closest('[data-field]')?.dataset.field), 'actual');
  const middle = await zipin.page.evaluate(() => {
    const box = document.activeElement.getBoundingClientRect();
    return Math.abs((box.top + box.bottom) / 2 - innerHeight / 2) < innerHeight / 4;
  });
  assert.equal(middle, true, 'the cell near the middle of the view');
  await eventually(() => zipin.page.evaluate(() => document.activeElement.closest('tr').classList.contains('led-to')), true);
  await eventually(() => first.getAttribute('aria-current'), 'true');
  await zipin.page.keyboard.press('F8');
  await eventually(() => findings.nth(1).getAttribute('aria-current'), 'true');
  assert.equal(await first.getAttribute('aria-current'), null);
  await zipin.page.keyboard.press('Shift+F8');
  await eventually(() => first.getAttribute('aria-current'), 'true');
  zipin.page.assertClean();
});

test('names with text from another column are pointed at, and the memo keeps each name on one line', async () => {
  const zipin = await withSample();
  await eventually(async () => (await zipin.findings()).filter((f) => f.code === 'NAME_SUSPECT').map((f) => f.severity), ['info', 'info']);
  const wrapped = (await zipin.findings()).find((f) => f.code === 'NAME_SUSPECT' && f.text.includes('城区城乡帮困项目业'));
  assert.ok(wrapped, 'the wrapped name quoted on one line');
  assert.match(wrapped.text, /城区城乡帮困项目⏎业/, 'the row as the form has it');
  zipin.page.assertClean();
});

test('cells edit like a spreadsheet: select on first click, focus follows ＋ and ✕, Enter grows the list, Tab skips buttons', async () => {
  const zipin = await zipinSuite.fresh();
  const name = (i) => zipin.rows.nth(i).locator('[data-field="name"] textarea');
  await zipin.typeInto(name(0), '培训人次');
  await zipin.page.locator('h1, h2').first().click();
  await name(0).click();
  const selection = () => name(0).evaluate((el) => [el.selectionStart, el.selectionEnd]);
  await eventually(selection, [0, 4]);
  await name(0).click();
  await eventually(async () => { const [a, b] = await selection(); return a === b; }, true);
  // ＋ puts the focus into the new row.
  const before = await zipin.rows.count();
  await zipin.rows.nth(0).getByTestId('insert-row').click();
  await eventually(() => zipin.rows.count(), before + 1);
  await eventually(() => zipin.page.evaluate(() => document.activeElement.closest('tr')?.rowIndex), await zipin.rows.nth(1).evaluate((tr) => tr.rowIndex));
  // ✕ gives it to the neighbour.
  await zipin.rows.nth(1).getByTestId('remove-row').click();
  await eventually(() => zipin.rows.count(), before);
  await eventually(() => zipin.page.evaluate(() => document.activeElement.classList.contains('cell')), true);
  // Enter in a section's last row adds a row below and moves into it.
  await name(0).click();
  await zipin.page.keyboard.press('Enter');
  await eventually(() => zipin.rows.count(), before + 1);
  await eventually(() => zipin.page.evaluate(() => document.activeElement.closest('[data-field]')?.dataset.field), 'name');
  // Tab from a row's last cell reaches the next row's first cell, not a button.
  await zipin.rows.nth(0).locator('[data-field="reason"] textarea').click();
  await zipin.page.keyboard.press('Tab');
  await eventually(() => zipin.page.evaluate(() => document.activeElement.tagName), 'TEXTAREA');
  zipin.page.assertClean();
});

test('the reviewer\'s summary: filed against reviewed, rows that open their form, counts only where there are some', async () => {
  const zipin = await withSample();
  await zipin.paste({ text: await readFile(new URL('../../core/tests/fixtures/nutrition-project.tsv', import.meta.url), 'utf8') });
  await eventually(() => zipin.page.getByTestId('summary-row').count(), 4);
  const row = zipin.page.getByTestId('summary-row').nth(3);
  await eventually(() => row.locator('[data-field="claimed-total"]').getAttribute('data-value'), '98.19');
  await eventually(() => row.locator('[data-field="total"]').getAttribute('data-value'), '96.19');
  await eventually(() => row.locator('[data-field="difference"]').textContent(), '+2');
  // The department form has no error: no zero is shown for it.
  const first = zipin.page.getByTestId('summary-row').first();
  await eventually(() => first.locator('.count.error').count(), 0);
  await zipin.page.getByTestId('summary-row').nth(1).locator('[data-field="name"]').click();
  await eventually(() => zipin.form.getByTestId('pinned-total').getAttribute('data-value'), '97');
  // The same report pasted again is said, not silently doubled.
  await zipin.paste({ text: SAMPLE });
  await eventually(() => zipin.page.getByTestId('import-duplicate').textContent(), /株洲市荷塘区网格化管理服务中心/);
  // Seven forms keep to one line of tabs.
  const tabs = zipin.page.locator('.tab-list');
  const height = await tabs.evaluate((el) => el.getBoundingClientRect().height);
  const tab = await zipin.page.getByTestId('form-tab').first().evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(height < tab * 1.8, `one line of tabs (${height} for a tab of ${tab})`);
  zipin.page.assertClean();
});

test('the memo: one unit copied alone, its conclusion first, findings in words by severity', async () => {
  const zipin = await withSample();
  await zipin.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await zipin.page.getByTestId('review-report-button').click();
  const report = zipin.page.getByTestId('review-report');
  await eventually(() => report.getByTestId('report-form').count(), 3);
  await report.getByTestId('report-form').nth(1).getByTestId('copy-form-report').click();
  const copied = () => zipin.page.evaluate(() => navigator.clipboard.readText());
  await eventually(copied, /^2、网格员专项经费（项目支出绩效自评表）\n  结论：总分 97\.00，等级 优；/);
  const text = await copied();
  assert.doesNotMatch(text, /[A-Z]{4,}_[A-Z]+/, 'no finding codes');
  assert.doesNotMatch(text, /株洲市荷塘区/, 'this unit alone');
  const severities = [...text.matchAll(/\[(错误|提醒|提示)\]/g)].map((m) => m[1]);
  const order = { 错误: 0, 提醒: 1, 提示: 2 };
  assert.deepEqual(severities, [...severities].sort((a, b) => order[a] - order[b]), 'errors, warnings, notes');
  // One line per indicator: 群众满意度's three findings in one.
  assert.match(text, /扣分未写原因、得分与计分规则不符、完成目标却扣分、实际值像照抄目标：群众满意度：/);
  zipin.page.assertClean();
});

test('switching profile says what it changes, and a form weighing the budget otherwise is pointed at', async () => {
  const zipin = await withSample();
  await zipin.page.getByTestId('profile').selectOption('hubei');
  await eventually(() => zipin.page.getByTestId('file-message').textContent(), /湖北/);
  await eventually(async () => (await codes(zipin)).includes('PROFILE_WEIGHT_DIFFERS'), true);
  zipin.page.assertClean();
});

test('English throughout: the profile, the report\'s labels, finding titles; the form\'s words as filed', async () => {
  const zipin = await withSample();
  await zipin.page.getByTestId('language').click();
  await eventually(() => zipin.page.getByTestId('profile-summary').textContent(), /budget execution 10 pts/);
  await eventually(() => zipin.form.getByTestId('finding').first().locator('.finding-title').textContent(), 'Units differ');
  assert.equal(await zipin.grade(), '优');
  await zipin.page.getByTestId('review-report-button').click();
  await eventually(() => zipin.page.getByTestId('review-report').locator('.report-figures th[scope="row"]').first().textContent(), 'Execution rate');
  await zipin.page.getByTestId('close-report').click();
  await zipin.page.getByTestId('profile').selectOption('hubei');
  await eventually(() => zipin.page.getByTestId('file-message').textContent(), /Rule profile now/);
  zipin.page.assertClean();
});

/** The entries of a ZIP (stored or deflated), by name. */
function unzip(bytes) {
  const entries = {};
  let at = 0;
  while (bytes.readUInt32LE(at) === 0x04034b50) {
    const method = bytes.readUInt16LE(at + 8);
    const size = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extra = bytes.readUInt16LE(at + 28);
    const name = bytes.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const data = bytes.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    entries[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 30 + nameLength + extra + size;
  }
  return entries;
}

test('the workbook adds up by itself: 小计 and 总分 are formulas, the findings on a sheet of their own', async () => {
  const zipin = await withSample();
  const [file] = await Promise.all([zipin.page.waitForEvent('download'), zipin.page.getByTestId('export-xlsx').click()]);
  const entries = unzip(await readFile(await file.path()));
  assert.match(entries['xl/worksheets/sheet1.xml'], /<f>SUM\(H\d+:H\d+\)<\/f><v>48<\/v>/);
  assert.match(entries['xl/worksheets/sheet1.xml'], /<f>H\d+(\+H\d+){3}<\/f><v>95<\/v>/);
  assert.match(entries['xl/workbook.xml'], /name="复核意见"/);
  assert.match(entries['xl/worksheets/sheet4.xml'], /单位不一致/);
  // Print: the reviewer's findings only when asked for.
  await zipin.page.getByTestId('print').click();
  await eventually(() => zipin.page.getByTestId('print-appendix').isChecked(), false);
  zipin.page.assertClean();
});
