// Review findings on the page: read through the hooks, marked on the cells, linked to them,
// counted in the summary, gathered in the review report — and gone once the cell is fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useZipin } from './harness.mjs';
import { SAMPLE } from './fixtures.mjs';

const NUTRITION = await readFile(new URL('../../core/tests/fixtures/nutrition-project.tsv', import.meta.url), 'utf8');
const zipinSuite = useZipin();

const codes = async (zipin) => (await zipin.findings()).map((f) => f.code);

test('the sample department form raises what a reviewer would, and nothing it should not', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: SAMPLE });
  await zipin.page.getByTestId('summary-row').nth(2).waitFor();
  const found = await zipin.findings();
  const at = (code) => found.filter((f) => f.code === code).map((f) => f.text);
  assert.equal(at('SCORE_DIFFERS_FROM_RULE').filter((t) => t.includes('成本控制数算')).length, 1);
  assert.equal(at('DEDUCTION_TARGET_MET').length, 1);
  assert.match(at('DEDUCTION_TARGET_MET')[0], /有效缓解服务对象经济困难/);
  assert.equal(at('DEDUCTION_NO_REASON').length, 5);
  for (const code of ['TOTAL_MISMATCH', 'GRADE_MISMATCH', 'WEIGHTS_NOT_100', 'SCORE_OVER_WEIGHT']) assert.equal(at(code).length, 0, code);
  zipin.page.assertClean();
});

test('a form with mistakes: findings, marks and counts follow each fix', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: NUTRITION });
  await zipin.expectValue('total-score', '96.19');
  let found = await codes(zipin);
  assert.ok(found.includes('SCORE_OVER_WEIGHT'));
  assert.ok(found.includes('TOTAL_MISMATCH'));
  const summaryErrors = () => zipin.page.getByTestId('summary-row').locator('[data-field="findings"]').getAttribute('data-errors');
  assert.equal(await summaryErrors(), '2');

  // The cell is marked, with the message on hover.
  const cost = await zipin.rowNamed('生均每天补助标准');
  const scoreCell = cost.locator('[data-field="score"]');
  assert.match(await scoreCell.getAttribute('class'), /mark-error/);
  assert.match(await scoreCell.getAttribute('title'), /得分 12 超过分值 10/);

  // Fix the score: that finding goes; the claimed total is still 2 points off.
  await zipin.typeInto(scoreCell.locator('.cell'), '10');
  found = await codes(zipin);
  assert.ok(!found.includes('SCORE_OVER_WEIGHT'));
  assert.ok(found.includes('TOTAL_MISMATCH'));
  assert.doesNotMatch((await scoreCell.getAttribute('class')) ?? '', /mark-error/);
  // Fix the claim.
  await zipin.typeInto(zipin.form.getByTestId('claimed-total'), '96.19');
  found = await codes(zipin);
  assert.ok(!found.includes('TOTAL_MISMATCH'));
  assert.equal(await summaryErrors(), '0');
  zipin.page.assertClean();
});

test('clicking a finding puts the focus on its cell', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: NUTRITION });
  await zipin.form.locator('[data-testid="finding"][data-code="SCORE_OVER_WEIGHT"] button').click();
  const focused = await zipin.page.evaluate(() => ({
    field: document.activeElement.closest('td')?.dataset.field,
    name: document.activeElement.closest('tr')?.querySelector('[data-field="name"] textarea')?.value,
  }));
  assert.deepEqual(focused, { field: 'score', name: '生均每天补助标准' });
  await zipin.form.locator('[data-testid="finding"][data-code="TOTAL_MISMATCH"] button').click();
  assert.equal(await zipin.page.evaluate(() => document.activeElement.dataset.testid), 'claimed-total');
  zipin.page.assertClean();
});

test('the list shows errors first; each link still leads to its own cell', async () => {
  // The checks raise the deduction with no reason (a warning) before the score over its
  // weight (an error); the list shows the error first.
  const form = [
    ['项目名称', '社区助餐服务'],
    ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['', '年度资金总额', '120', '120', '114', '10', '95%', '9.5'],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ['产出指标(50分)', '数量指标', '助餐服务人次', '≥12,000人次', '11,400人次', '50', '47.5', '冬季就餐人数减少'],
    ['效益指标(30分)', '社会效益指标', '老年人生活质量', '有所提升', '达成', '30', '28', ''],
    ['满意度指标(10分)', '服务对象满意度指标', '老年人满意率', '≥90%', '93.5%', '10', '12', ''],
  ].map((row) => row.join('\t')).join('\n');
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: form });
  await zipin.expectValue('total-score', '95');
  assert.deepEqual((await codes(zipin)).slice(0, 2), ['SCORE_OVER_WEIGHT', 'DEDUCTION_NO_REASON']);
  const focusedCell = () => zipin.page.evaluate(() => ({
    field: document.activeElement.closest('td')?.dataset.field,
    name: document.activeElement.closest('tr')?.querySelector('[data-field="name"] textarea')?.value,
  }));
  await zipin.form.getByTestId('finding').nth(0).locator('button').click();
  assert.deepEqual(await focusedCell(), { field: 'score', name: '老年人满意率' });
  await zipin.form.getByTestId('finding').nth(1).locator('button').click();
  assert.deepEqual(await focusedCell(), { field: 'reason', name: '老年人生活质量' });
  zipin.page.assertClean();
});

test('the review report lists every finding of every form, with figures as filed and as computed', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await zipin.paste({ text: SAMPLE });
  await zipin.page.getByTestId('summary-row').nth(2).waitFor();
  await zipin.paste({ text: NUTRITION });
  await zipin.page.getByTestId('summary-row').nth(3).waitFor();
  await zipin.page.getByTestId('review-report-button').click();
  const report = zipin.page.getByTestId('review-report');
  assert.equal(await report.getByTestId('report-form').count(), 4);
  const counted = await zipin.page.getByTestId('summary-row').locator('[data-field="findings"]').evaluateAll(
    (cells) => cells.reduce((sum, cell) => sum + Number(cell.dataset.value), 0));
  assert.equal(await report.getByTestId('report-finding').count(), counted);
  const last = report.getByTestId('report-form').nth(3);
  assert.match(await last.textContent(), /总分98\.1996\.19不一致/);
  await report.getByTestId('copy-report').click();
  const copied = await zipin.page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^复核意见\n\n1、株洲市荷塘区网格化管理服务中心（部门整体支出绩效自评表）/);
  assert.match(copied, /申报总分 98\.19，按各项得分合计应为 96\.19/);
  await report.getByTestId('close-report').click();
  assert.equal(await zipin.page.getByTestId('review-report').count(), 0);
  zipin.page.assertClean();
});
