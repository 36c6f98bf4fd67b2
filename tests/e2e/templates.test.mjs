// Forms of other provinces' layouts pasted through the page (core/tests/fixtures/templates,
// listed in docs/TEMPLATES.md): their figures, how the page says it read them, a layout it
// cannot stand behind held until the columns are chosen, and a reading corrected afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useZipin } from './harness.mjs';
import { eventually } from './eventually.mjs';

const template = async (id, file) =>
  readFile(new URL(`../../core/tests/fixtures/templates/${id}/${file}`, import.meta.url), 'utf8');
const zipinSuite = useZipin();

const reading = (zipin) => zipin.page.getByTestId('import-reading');
const roles = (scope) => scope.getByTestId('reading-column').evaluateAll((items) => items.map((i) => i.dataset.role));

test('Yunnan 公开14表 from Word: a two-row header read column by column, 97.66 and 96.79 as computed', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: '', html: await template('yunnan-project-gongkai14', 'form.html') });
  await eventually(async () => (await zipin.summary()).map((r) => [r.total, r.grade]), [['97.66', '优'], ['96.79', '优']]);
  await eventually(() => reading(zipin).getByTestId('reading-form').count(), 2);
  const first = reading(zipin).getByTestId('reading-form').first();
  // 年度指标值 over 指标性质 / 指标值 / 度量单位; 实际完成值, 分值 and 得分 merged down.
  const read = await roles(first);
  for (const role of ['level1', 'level2', 'name', 'nature', 'target', 'unit', 'actual', 'weight', 'score', 'reason']) {
    assert.ok(read.includes(role), `${role} in ${read}`);
  }
  await eventually(() => first.getByTestId('reading-column').filter({ hasText: '年度指标值 / 指标值' }).getAttribute('data-role'), 'target');
  assert.equal(await zipin.form.locator('[data-code="SCORE_MISSING"]').count(), 0);
  assert.match(await zipin.page.getByTestId('import-report').getAttribute('class'), /import-ok/);
  zipin.page.assertClean();
});

test('a Yunnan city form with no 分值 column: caps from the sections, the budget weight from its header', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: await template('yunnan-city-project-noweight', 'form.tsv') });
  await eventually(async () => (await zipin.summary()).map((r) => [r.total, r.grade]), [['97.09', '优'], ['92.5', '优']]);
  await zipin.expectValue('budget-score', '19.09');
  await eventually(async () => (await zipin.findings()).some((f) => f.code === 'ROW_WEIGHTS_MISSING'), true);
  await eventually(async () => (await zipin.findings()).some((f) => f.code === 'TOTAL_MISMATCH'), true);
  const first = reading(zipin).getByTestId('reading-form').first();
  await eventually(() => first.locator('summary').textContent(), /预算执行分值来自：表头“得分\(20分\*执行率\)”/);
  // The form lacks a 分值 column, and the message says so rather than a plain success.
  await eventually(() => first.getByTestId('reading-missing').textContent(), /分值/);
  assert.match(await zipin.page.getByTestId('import-report').getAttribute('class'), /import-warn/);
  zipin.page.assertClean();
});

test('an unscored form shows no total and says why; the form header keeps its reading', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: await template('hunan-hengshan-zhuanxiang-unscored', 'form.tsv') });
  await eventually(() => zipin.summary(), [{ name: '县级农村饮水安全工程维修养护资金', total: '', grade: '未评分' }]);
  await zipin.expectValue('total-score', '');
  await eventually(() => zipin.form.getByTestId('total-why').textContent(), /无法计算总分/);
  await eventually(async () => (await zipin.findings()).map((f) => f.code).includes('NOT_SCORED'), true);
  // The same reading in the form's own header, for after the paste box has moved on.
  await zipin.form.locator('.form-reading > summary').click();
  await eventually(() => zipin.form.getByTestId('form-reading').getByTestId('reading-missing').textContent(), /分值.*得分|得分.*分值/);
  zipin.page.assertClean();
});

test('a layout zipin cannot stand behind waits for the columns, then imports once', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: await template('jilin-project-ciq-weighted-blocks', 'form.tsv') });
  const chooser = zipin.page.getByTestId('column-chooser').first();
  await chooser.waitFor();
  await eventually(() => zipin.page.getByTestId('import-held').count(), 1);
  // Nothing was added while the question stands: the starting form is all there is.
  await eventually(() => zipin.page.getByTestId('summary-row').count(), 1);
  await eventually(async () => (await zipin.summary()).map((r) => [r.total, r.grade]), [['', '—']]);
  // Choosing: 采集数据项 holds the actual values.
  const selects = chooser.getByTestId('column-role');
  const headers = await chooser.locator('.pasted-header').allTextContents();
  const index = headers.findIndex((h) => h.includes('采集数据项'));
  assert.ok(index >= 0, headers.join('|'));
  await selects.nth(index).selectOption('Actual');
  await chooser.getByTestId('apply-mapping').click();
  await eventually(() => zipin.page.getByTestId('import-held').count(), 0);
  await eventually(() => zipin.page.getByTestId('summary-row').count(), 1);
  await eventually(async () => (await zipin.summary())[0].name, '进境粮食检疫监管能力建设');
  zipin.page.assertClean();
});

test('a reading corrected after the import replaces its forms instead of adding copies', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: await template('mof-project-cy2020-10', 'form.tsv') });
  await eventually(async () => (await zipin.summary()).length, 1);
  const before = (await zipin.summary())[0];
  await zipin.form.locator('.form-reading > summary').click();
  const header = zipin.form.getByTestId('form-reading');
  await header.getByTestId('correct-columns').last().click();
  const chooser = header.getByTestId('column-chooser');
  await chooser.waitFor();
  // Say the 得分 column holds nothing: the scores are then computed by the rules.
  const headers = await chooser.locator('.pasted-header').allTextContents();
  const index = headers.findIndex((h) => h.trim() === '得分');
  assert.ok(index >= 0, headers.join('|'));
  await eventually(() => chooser.getByTestId('column-role').nth(index).inputValue(), 'Score');
  await chooser.getByTestId('column-role').nth(index).selectOption('');
  await chooser.getByTestId('apply-mapping').click();
  await eventually(() => zipin.page.getByTestId('summary-row').count(), 1);
  await eventually(async () => (await zipin.summary())[0].total !== before.total, true);
  // The indicator table's 得分 column is now read as left out.
  const indicators = reading(zipin).locator('.reading-part').last();
  await eventually(async () => (await roles(indicators)).includes('score'), false);
  await eventually(async () => (await roles(indicators)).includes('ignored'), true);
  zipin.page.assertClean();
});
