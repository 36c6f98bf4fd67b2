// Pasting into zipin: real paste events (text/plain and text/html) into the paste box, the
// import button, the column chooser, and a block pasted into the grid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useZipin } from './harness.mjs';
import { SAMPLE } from './fixtures.mjs';
import { eventually } from './eventually.mjs';

const AGRICULTURE = await readFile(new URL('../../core/tests/fixtures/agriculture-department.html', import.meta.url), 'utf8');
const zipinSuite = useZipin();

test('the sample report pasted whole shows three forms with 95, 97, 96 and 优', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: SAMPLE });
  await eventually(() => zipin.summary(), [
    { name: '株洲市荷塘区网格化管理服务中心', total: '95', grade: '优' },
    { name: '网格员专项经费', total: '97', grade: '优' },
    { name: '城乡帮困项目', total: '96', grade: '优' },
  ]);
  await eventually(() => zipin.page.getByTestId('form-tab').count(), 3);
  await zipin.page.getByTestId('form-tab').nth(1).click();
  await zipin.expectValue('total-score', '97');
  await eventually(() => zipin.rows.count(), 9);
  await eventually(() => zipin.page.getByTestId('import-report').textContent(), /已导入 3 张表/);
  zipin.page.assertClean();
});

test('a paste is one step of the history: undone, the untouched starting form is back', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: SAMPLE });
  await zipin.page.getByTestId('summary-row').nth(2).waitFor();
  await eventually(async () => (await zipin.summary()).map((r) => r.total), ['95', '97', '96']);
  await zipin.page.getByTestId('undo').click();
  // Back to the untouched starting form: nothing scored, so no total.
  await zipin.expectValue('total-score', '');
  await eventually(() => zipin.page.getByTestId('summary-row').count(), 1);
  await eventually(() => zipin.page.getByTestId('undo').isDisabled(), true);
  zipin.page.assertClean();
});

test('a paste carrying HTML is read from its tables, and nothing in it runs', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.page.evaluate(() => { window.alerted = false; window.alert = () => { window.alerted = true; }; });
  await zipin.paste({ text: 'plain text that is not a form', html: AGRICULTURE });
  await zipin.expectValue('total-score', '96.33');
  await eventually(async () => (await zipin.summary()).map((r) => r.name), ['某县农业农村局']);
  await eventually(async () => (await zipin.findings()).some((f) => f.code === 'TOTAL_MISMATCH'), true, 'TOTAL_MISMATCH is found');
  assert.equal(await zipin.page.evaluate(() => window.alerted), false);
  assert.equal(await zipin.page.locator('script').filter({ hasText: 'clipboard' }).count(), 0);
  zipin.page.assertClean();
});

test('text put in the box imports with the button; prose says why nothing was imported', async () => {
  const zipin = await zipinSuite.fresh();
  const box = zipin.page.getByTestId('paste-input');
  await box.fill('今年各项工作进展顺利。');
  await zipin.page.getByTestId('import-button').click();
  await eventually(() => zipin.page.getByTestId('import-error').textContent(), /没有找到可评分的表/);
  assert.equal(await zipin.page.getByTestId('summary-row').count(), 1);

  await box.fill('一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n产出指标\t数量指标\t培训人次\t≥500人次\t400人次\t90\t\n');
  await zipin.page.getByTestId('import-button').click();
  // The blank starting form is replaced, not kept beside the import.
  await zipin.expectValue('total-score', '72');
  await eventually(() => zipin.page.getByTestId('summary-row').count(), 1);
  await eventually(() => zipin.rows.nth(0).locator('[data-field="computed-score"]').getAttribute('data-value'), '72');
  zipin.page.assertClean();
});

test('rows without a header ask for their columns, and the choice is remembered', async () => {
  const zipin = await zipinSuite.fresh();
  const rows = '产出指标\t数量指标\t培训人次\t≥500人次\t520人次\t40\t40\t\n\t质量指标\t合格率\t≥90%\t85%\t50\t\t部分学员缺考\n';
  await zipin.paste({ text: rows });
  const chooser = zipin.page.getByTestId('column-chooser');
  await chooser.waitFor();
  await eventually(() => chooser.getByTestId('column-role').count(), 8);
  await eventually(() => chooser.getByTestId('column-role').nth(7).inputValue(), 'Reason');
  await chooser.getByTestId('apply-mapping').click();
  await zipin.expectValue('total-score', '87.22');
  // Pasted again, the same layout imports at once.
  await zipin.paste({ text: rows });
  await zipin.page.getByTestId('summary-row').nth(1).waitFor();
  await eventually(() => zipin.page.getByTestId('column-chooser').count(), 0);
  zipin.page.assertClean();
});

test('a block copied from a sheet fills the grid from the cell it is pasted into', async () => {
  const zipin = await zipinSuite.fresh();
  const block = '数量指标\t培训人次\t≥500人次\t520人次\t25\n质量指标\t合格率\t≥90%\t81%\t25\n时效指标\t完成时间\t2023年6月\t2023年6月\t\n';
  await zipin.paste({ text: block }, zipin.rows.nth(0).locator('[data-field="level2"] textarea'));
  await eventually(() => zipin.rows.count(), 5);
  const names = () => zipin.rows.locator('[data-field="name"] textarea').evaluateAll((areas) => areas.slice(0, 3).map((a) => a.value));
  await eventually(names, ['培训人次', '合格率', '完成时间']);
  await eventually(() => zipin.rows.nth(1).locator('[data-field="computed-score"]').getAttribute('data-value'), '22.5');
  zipin.page.assertClean();
});
