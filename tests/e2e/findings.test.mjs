// Review findings on the page: read through the hooks, marked on the cells, linked to them,
// counted in the summary, gathered in the review report — and gone once the cell is fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { useZipin } from './harness.mjs';
import { SAMPLE } from './fixtures.mjs';
import { eventually } from './eventually.mjs';

const NUTRITION = await readFile(new URL('../../core/tests/fixtures/nutrition-project.tsv', import.meta.url), 'utf8');
const zipinSuite = useZipin();

const codes = async (zipin) => (await zipin.findings()).map((f) => f.code);
/** The field and the row's 三级指标 of the cell in focus. */
const focusedCell = (zipin) => zipin.page.evaluate(() => ({
  field: document.activeElement.closest('td')?.dataset.field,
  name: document.activeElement.closest('tr')?.querySelector('[data-field="name"] textarea')?.value,
}));
/** Whether the form shown raises `code`. */
const raises = (zipin, code) => async () => (await codes(zipin)).includes(code);

test('the sample department form raises what a reviewer would, and nothing it should not', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: SAMPLE });
  const raised = async () => {
    const found = await zipin.findings();
    const at = (code) => found.filter((f) => f.code === code).map((f) => f.text);
    return {
      costRule: at('SCORE_DIFFERS_FROM_RULE').filter((t) => t.includes('成本控制数算')).length,
      targetMet: at('DEDUCTION_TARGET_MET').map((t) => /有效缓解服务对象经济困难/.test(t)),
      noReason: at('DEDUCTION_NO_REASON').length,
      wrongly: found.map((f) => f.code).filter((code) => ['TOTAL_MISMATCH', 'GRADE_MISMATCH', 'WEIGHTS_NOT_100', 'SCORE_OVER_WEIGHT'].includes(code)),
    };
  };
  await eventually(raised, { costRule: 1, targetMet: [true], noReason: 5, wrongly: [] });
  zipin.page.assertClean();
});

test('a form with mistakes: findings, marks and counts follow each fix', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: NUTRITION });
  await zipin.expectValue('total-score', '96.19');
  await eventually(raises(zipin, 'SCORE_OVER_WEIGHT'), true, 'SCORE_OVER_WEIGHT');
  await eventually(raises(zipin, 'TOTAL_MISMATCH'), true, 'TOTAL_MISMATCH');
  const summaryErrors = () => zipin.page.getByTestId('summary-row').locator('[data-field="findings"]').getAttribute('data-errors');
  await eventually(summaryErrors, '2');

  // The cell is marked, with the message on hover.
  const cost = await zipin.rowNamed('生均每天补助标准');
  const scoreCell = cost.locator('[data-field="score"]');
  await eventually(() => scoreCell.getAttribute('class'), /mark-error/);
  await eventually(() => scoreCell.getAttribute('title'), /得分 12 超过分值 10/);

  // Fix the score: that finding goes; the claimed total is still 2 points off.
  await zipin.typeInto(scoreCell.locator('.cell'), '10');
  await eventually(raises(zipin, 'SCORE_OVER_WEIGHT'), false, 'SCORE_OVER_WEIGHT once fixed');
  await eventually(raises(zipin, 'TOTAL_MISMATCH'), true, 'TOTAL_MISMATCH');
  await eventually(async () => /mark-error/.test((await scoreCell.getAttribute('class')) ?? ''), false, 'the mark once fixed');
  // Fix the claim.
  await zipin.typeInto(zipin.form.getByTestId('claimed-total'), '96.19');
  await eventually(raises(zipin, 'TOTAL_MISMATCH'), false, 'TOTAL_MISMATCH once fixed');
  await eventually(summaryErrors, '0');
  zipin.page.assertClean();
});

test('clicking a finding puts the focus on its cell', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: NUTRITION });
  await zipin.form.locator('[data-testid="finding"][data-code="SCORE_OVER_WEIGHT"] button').click();
  await eventually(() => focusedCell(zipin), { field: 'score', name: '生均每天补助标准' });
  await zipin.form.locator('[data-testid="finding"][data-code="TOTAL_MISMATCH"] button').click();
  await eventually(() => zipin.page.evaluate(() => document.activeElement.dataset.testid), 'claimed-total');
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
  await eventually(async () => (await codes(zipin)).slice(0, 2), ['SCORE_OVER_WEIGHT', 'DEDUCTION_NO_REASON']);
  await zipin.form.getByTestId('finding').nth(0).locator('button').click();
  await eventually(() => focusedCell(zipin), { field: 'score', name: '老年人满意率' });
  await zipin.form.getByTestId('finding').nth(1).locator('button').click();
  await eventually(() => focusedCell(zipin), { field: 'reason', name: '老年人生活质量' });
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
  await eventually(() => report.getByTestId('report-form').count(), 4);
  // The report lists as many of the forms' findings as the summary counts, form by form (one
  // line may say several findings on one indicator); the report's words add theirs under
  // the first unit (the narrative.test.mjs spec).
  const codes = () => report.getByTestId('report-form').evaluateAll(
    (forms) => forms.map((form) => [...form.querySelectorAll('[data-testid="report-finding"]')]
      .flatMap((line) => line.dataset.codes.split(' '))));
  const listed = async () => (await codes()).map((form) => form.filter((code) => !code.startsWith('NARRATIVE_')).length);
  const counted = () => zipin.page.getByTestId('summary-row').locator('[data-field="findings"]').evaluateAll(
    (cells) => cells.map((cell) => Number(cell.dataset.value)));
  await eventually(async () => isDeepStrictEqual(await listed(), await counted()), true, 'findings listed = findings counted');
  assert.deepEqual((await codes())[0].filter((code) => code.startsWith('NARRATIVE_')), ['NARRATIVE_SUM_MISMATCH', 'NARRATIVE_NO_FORM']);
  const last = report.getByTestId('report-form').nth(3);
  await eventually(() => last.textContent(), /总分98\.1996\.19不一致/);
  await report.getByTestId('copy-report').click();
  const copied = () => zipin.page.evaluate(() => navigator.clipboard.readText());
  await eventually(copied, /^复核意见\n\n1、株洲市荷塘区网格化管理服务中心（部门整体支出绩效自评表）\n  结论：/);
  assert.match(await copied(), /结论：总分不符：申报 98\.19，应为 96\.19/);
  assert.match(await copied(), /申报总分 98\.19，按各项得分合计应为 96\.19/);
  await report.getByTestId('close-report').click();
  await eventually(() => zipin.page.getByTestId('review-report').count(), 0);
  zipin.page.assertClean();
});
