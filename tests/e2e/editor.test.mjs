// The editor as a spreadsheet user meets it: keys, undo and redo, documents and forms,
// profiles, levels and language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, useZipin } from './harness.mjs';
import { SAMPLE } from './fixtures.mjs';
import { serve } from './server.mjs';
import { openPage } from './browser.mjs';
import { eventually } from './eventually.mjs';

const zipinSuite = useZipin();

const cellOf = (zipin, row, field) => zipin.rows.nth(row).locator(`[data-field="${field}"] .cell`).first();
const focused = (zipin) => zipin.page.evaluate(() => {
  const el = document.activeElement;
  return { row: [...document.querySelectorAll('[data-testid="indicator-row"]')].indexOf(el.closest('tr')), field: el.closest('td')?.dataset.field };
});

test('Enter, Shift+Enter and the arrows move between cells as in a spreadsheet', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.ensureRows('产出指标', 3);
  await cellOf(zipin, 0, 'weight').click();
  await zipin.page.keyboard.type('20');
  await zipin.page.keyboard.press('Enter');
  await eventually(() => focused(zipin), { row: 1, field: 'weight' });
  await zipin.page.keyboard.type('15');
  await zipin.page.keyboard.press('Shift+Enter');
  await eventually(() => focused(zipin), { row: 0, field: 'weight' });
  await zipin.page.keyboard.press('ArrowDown');
  await zipin.page.keyboard.press('ArrowDown');
  await eventually(() => focused(zipin), { row: 2, field: 'weight' });
  // The caret at the end of the text: → leaves for the next cell; ← at the start goes back.
  await cellOf(zipin, 1, 'weight').click();
  await zipin.page.keyboard.press('End');
  await zipin.page.keyboard.press('ArrowRight');
  await eventually(() => focused(zipin), { row: 1, field: 'score' });
  await zipin.page.keyboard.press('Home');
  await zipin.page.keyboard.press('ArrowLeft');
  await eventually(() => focused(zipin), { row: 1, field: 'weight' });
  // Inside the text the arrows move the caret, not the focus.
  await zipin.page.keyboard.press('End');
  await zipin.page.keyboard.press('ArrowLeft');
  await eventually(() => focused(zipin), { row: 1, field: 'weight' });
  await zipin.page.keyboard.press('Tab');
  await eventually(() => focused(zipin), { row: 1, field: 'score' });
  await zipin.page.keyboard.press('Shift+Tab');
  await eventually(() => focused(zipin), { row: 1, field: 'weight' });
  await eventually(() => cellOf(zipin, 1, 'weight').inputValue(), '15');
  zipin.page.assertClean();
});

test('Esc puts back the text the cell had; leaving a number cell tidies full-width digits', async () => {
  const zipin = await zipinSuite.fresh();
  /** Types `kept`, leaves the cell, comes back, adds `more`: Esc leaves `kept`. */
  const escapeKeeps = async (input, kept, more) => {
    await zipin.typeInto(input, kept);
    await zipin.page.keyboard.press('Tab');
    await input.click();
    await zipin.page.keyboard.press('End');
    await zipin.page.keyboard.type(more);
    assert.equal(await input.inputValue(), kept + more);
    await zipin.page.keyboard.press('Escape');
    await eventually(() => input.inputValue(), kept);
  };
  await escapeKeeps(cellOf(zipin, 0, 'weight'), '30', '5');
  await zipin.typeInto(cellOf(zipin, 0, 'score'), '２８');
  assert.equal(await cellOf(zipin, 0, 'score').inputValue(), '２８');
  await zipin.page.keyboard.press('Tab');
  await eventually(() => cellOf(zipin, 0, 'score').inputValue(), '28');
  await zipin.expectValue('total-score', '28');
  // The form's own cells (funds, reason) behave as the grid's do.
  const fullYear = zipin.form.getByTestId('funds').locator('tbody tr').first().locator('[data-field="full-year"] input');
  await zipin.typeInto(fullYear, '１００');
  await zipin.page.keyboard.press('Tab');
  await eventually(() => fullYear.inputValue(), '100');
  await escapeKeeps(zipin.form.getByTestId('funds-reason'), '年底集中支付', '，待补');
  zipin.page.assertClean();
});

test('undo and redo cover typing, pastes and row operations', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.typeInto(cellOf(zipin, 0, 'weight'), '50');
  await zipin.typeInto(cellOf(zipin, 0, 'score'), '45');
  await zipin.expectValue('total-score', '45');
  await zipin.page.keyboard.press('Control+z');
  // The weight alone scores nothing: no total until a row is scored.
  await zipin.expectValue('total-score', '');
  await eventually(() => cellOf(zipin, 0, 'score').inputValue(), '');
  await zipin.page.keyboard.press('Control+y');
  await zipin.expectValue('total-score', '45');

  await zipin.paste({ text: SAMPLE });
  await zipin.page.getByTestId('summary-row').nth(3).waitFor();
  await zipin.page.keyboard.press('Control+z');
  await zipin.page.waitForFunction(() => document.querySelectorAll('[data-testid="summary-row"]').length === 1);
  await zipin.page.keyboard.press('Control+Shift+z');
  await zipin.page.waitForFunction(() => document.querySelectorAll('[data-testid="summary-row"]').length === 4);

  await zipin.page.getByTestId('form-tab').nth(0).click();
  // The form typed into above, kept beside the pasted ones, with its three starting rows.
  await eventually(() => zipin.rows.count(), 3);
  await zipin.rows.nth(0).getByTestId('remove-row').click();
  await eventually(() => zipin.rows.count(), 2);
  await zipin.page.getByTestId('undo').click();
  await eventually(() => zipin.rows.count(), 3);
  zipin.page.assertClean();
});

test('closing and reopening the page restores the document, the form and the cell in focus', async () => {
  const context = await zipinSuite.browser.newContext({ viewport: { width: 1366, height: 768 } });
  let zipin = await zipinSuite.fresh({ context });
  await zipin.paste({ text: SAMPLE });
  await zipin.page.getByTestId('form-tab').nth(2).click();
  await zipin.expectValue('total-score', '96');
  await zipin.typeInto(cellOf(zipin, 3, 'score'), '10');
  await zipin.expectValue('total-score', '97');
  await zipin.page.close();

  zipin = await zipinSuite.fresh({ context });
  await eventually(() => zipin.page.getByTestId('summary-row').count(), 3);
  await zipin.expectValue('total-score', '97');
  await eventually(() => zipin.page.getByTestId('document-name').inputValue(), '株洲市荷塘区网格化管理服务中心');
  // The rows arrive a task after the results; the focus follows them.
  await eventually(() => focused(zipin), { row: 3, field: 'score' });
  zipin.page.assertClean();
  await context.close();
});

test('a sandboxed iframe without storage still computes and says nothing is saved', async () => {
  // Without allow-same-origin the frame has an opaque origin: its own scripts and wasm are
  // cross-origin requests, which the page's server must allow (README: Embedding).
  const app = await serve(DIST, { headers: { 'access-control-allow-origin': '*' } });
  const host = await serve(DIST, {
    pages: { '/host.html': `<!doctype html><title>门户</title><link rel="icon" href="data:,"><iframe sandbox="allow-scripts" src="${app.url}" width="1300" height="700"></iframe>` },
  });
  const page = await openPage(zipinSuite.browser);
  await page.goto(`${host.origin}/host.html`);
  const frame = page.frameLocator('iframe');
  await frame.getByTestId('form').waitFor();
  const weight = frame.getByTestId('indicator-row').nth(0).locator('[data-field="weight"] .cell');
  await weight.fill('40');
  await frame.getByTestId('indicator-row').nth(0).locator('[data-field="score"] .cell').fill('36');
  await eventually(() => frame.getByTestId('total-score').getAttribute('data-value'), '36');
  await eventually(() => frame.getByTestId('save-state').getAttribute('data-saved'), 'false');
  await eventually(() => frame.getByTestId('save-state').textContent(), /无法保存/);
  page.assertClean();
  await host.close();
  await app.close();
});

test('documents are created, renamed, switched and deleted', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.page.getByTestId('document-name').fill('2023 自评');
  await zipin.typeInto(cellOf(zipin, 0, 'weight'), '12');
  await zipin.page.getByTestId('documents-menu').click();
  await zipin.page.getByTestId('new-document').click();
  await eventually(() => zipin.page.getByTestId('document-name').inputValue(), '');
  await eventually(() => cellOf(zipin, 0, 'weight').inputValue(), '');
  await zipin.page.getByTestId('document-name').fill('第二份');
  // The list follows the autosave, a moment after the typing.
  const items = zipin.page.getByTestId('document-item');
  await eventually(() => items.locator('.doc-name').allTextContents(), ['2023 自评', '第二份']);
  await items.nth(0).getByRole('button', { name: /打开/ }).click();
  await eventually(() => cellOf(zipin, 0, 'weight').inputValue(), '12');
  await items.nth(1).getByRole('button', { name: /删除/ }).click();
  await eventually(() => items.locator('.doc-name').allTextContents(), ['2023 自评']);
  zipin.page.assertClean();
});

test('forms are added, duplicated, moved, retyped and deleted; the profile changes the rules', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.setFormName('甲项目');
  await zipin.page.getByRole('button', { name: '＋ 项目支出绩效自评表' }).click();
  await zipin.setFormName('乙项目');
  await zipin.page.getByTestId('duplicate-form').click();
  const names = async () => (await zipin.summary()).map((r) => r.name);
  await eventually(names, ['甲项目', '乙项目', '乙项目']);
  await zipin.page.getByTestId('move-form-left').click();
  await zipin.page.getByTestId('move-form-left').click();
  await zipin.page.getByTestId('delete-form').click();
  await eventually(names, ['甲项目', '乙项目']);
  await zipin.form.getByTestId('form-kind').selectOption('project');
  await eventually(() => zipin.form.locator('.form-name').textContent(), /项目名称/);

  await zipin.setFunds('total', 'weight', '');
  await zipin.setFunds('total', 'full-year', '100');
  await zipin.setFunds('total', 'executed', '100');
  await zipin.expectValue('budget-score', '10');
  await zipin.page.getByTestId('profile').selectOption('hubei');
  await zipin.expectValue('budget-score', '20');
  await eventually(() => zipin.page.getByTestId('profile-summary').textContent(), /预算执行 20 分/);
  zipin.page.assertClean();
});

test('switching forms shows each form its own values, and Esc puts back that form\'s text', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: SAMPLE });
  await zipin.page.getByTestId('summary-row').nth(2).waitFor();
  const tab = (index) => zipin.page.getByTestId('form-tab').nth(index).click();
  const shown = async () => ({
    name: await zipin.form.locator('.form-name input').inputValue(),
    executed: await zipin.form.getByTestId('funds').locator('tbody tr').first().locator('[data-field="executed"] input').inputValue(),
    total: await zipin.value('total-score'),
    findings: (await zipin.findings()).length,
  });
  // The sample's three forms as filed: name, funds executed, total and how many findings.
  const department = { name: '株洲市荷塘区网格化管理服务中心', executed: '701.29', total: '95', findings: 18 };
  const grid = { name: '网格员专项经费', executed: '290.32', total: '97', findings: 17 };
  const relief = { name: '城乡帮困项目', executed: '85.32', total: '96', findings: 16 };
  await eventually(shown, department);
  await tab(1);
  await eventually(shown, grid);
  await zipin.setFormName('网格员专项经费（修订）');
  await tab(2);
  await eventually(shown, relief);
  const name = zipin.form.locator('.form-name input');
  await name.click();
  await zipin.page.keyboard.press('End');
  await zipin.page.keyboard.type('乙');
  await zipin.page.keyboard.press('Escape');
  await eventually(() => name.inputValue(), '城乡帮困项目');
  await tab(0);
  await eventually(shown, department);
  await tab(1);
  await eventually(shown, { ...grid, name: '网格员专项经费（修订）' });
  await eventually(async () => (await zipin.summary()).map((r) => r.name),
    ['株洲市荷塘区网格化管理服务中心', '网格员专项经费（修订）', '城乡帮困项目']);
  zipin.page.assertClean();
});

test('a qualitative row offers the three levels with their bands', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.fillRow(0, { target: '有所提升', actual: '有所提升', weight: '10' });
  const computed = zipin.rows.nth(0).locator('[data-field="computed-score"]');
  await eventually(() => computed.getAttribute('data-value'), '');
  const level = computed.getByTestId('level');
  await eventually(() => level.locator('option').allTextContents(), ['自动', '达成（8–10分）', '部分达成（6–8分）', '未达成（0–6分）']);
  await level.selectOption('部分达成');
  await eventually(() => computed.getAttribute('data-value'), '7');
  await zipin.expectValue('total-score', '7');
  zipin.page.assertClean();
});

test('the English switch changes the labels; grades and findings stay Chinese', async () => {
  const zipin = await zipinSuite.fresh();
  const counts = zipin.form.locator('.pinned-counts .count');
  const countTitles = () => counts.evaluateAll((spans) => spans.map((s) => s.title));
  await zipin.page.getByTestId('language').click();
  await eventually(() => zipin.page.getByTestId('import-button').textContent(), 'Import');
  await eventually(() => zipin.form.getByTestId('funds').locator('thead').textContent(), /Full-year budget/);
  await eventually(countTitles, ['Errors', 'Warnings', 'Notes']);
  // The untouched form has no grade yet.
  assert.equal(await zipin.grade(), '—');
  await zipin.page.getByTestId('language').click();
  await eventually(() => zipin.page.getByTestId('import-button').textContent(), '导入');
  await eventually(countTitles, ['错误', '提醒', '提示']);
  zipin.page.assertClean();
});
