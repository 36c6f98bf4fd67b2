// A person types the sample's department form and reads the result through the hooks.
import { test } from 'node:test';
import { useZipin } from './harness.mjs';
import { HETANG_DEPARTMENT, typeForm } from './fixtures.mjs';
import { eventually } from './eventually.mjs';

const zipinSuite = useZipin();

test('typing the sample department form gives 95 and 优', async () => {
  const zipin = await zipinSuite.fresh();
  const { page } = zipin;
  await typeForm(zipin, HETANG_DEPARTMENT);

  await eventually(() => zipin.rows.count(), 14);
  await zipin.expectValue('total-score', '95');
  await eventually(() => zipin.grade(), '优');
  await zipin.expectValue('execution-rate', '1');
  await zipin.expectValue('budget-score', '10');
  await eventually(() => zipin.subtotals(), { 产出指标: '48', 效益指标: '27', 满意度指标: '10' });
  await eventually(() => zipin.summary(), [{ name: HETANG_DEPARTMENT.name, total: '95', grade: '优' }]);

  // The cost row's computed score follows the rule, not the filer.
  const cost = zipin.rows.nth(7).locator('[data-field="computed-score"]');
  await eventually(() => cost.getAttribute('data-value'), '1.8');
  await eventually(() => cost.getAttribute('title'), /10 × 126\.11 ÷ 701\.29 = 1\.80/);
  page.assertClean();
});

test('results follow every keystroke and say why when they cannot be computed', async () => {
  const zipin = await zipinSuite.fresh();
  const { page } = zipin;
  await zipin.setFunds('total', 'full-year', '251.89');
  await zipin.setFunds('total', 'executed', '245.60');
  await zipin.expectValue('budget-score', '9.75');
  await eventually(() => zipin.value('execution-rate'), /^0\.975028782405018063440390646/);
  await eventually(async () => (await zipin.form.getByTestId('execution-rate').textContent()).trim(), '97.50%');

  await zipin.setFunds('total', 'full-year', '');
  await zipin.expectValue('execution-rate', '');
  await eventually(() => zipin.form.getByTestId('execution-rate').textContent(), /无法计算/);
  await zipin.expectValue('budget-score', '0');

  await zipin.fillRow(0, { target: '≥100人', actual: '80人', weight: '50' });
  const computed = zipin.rows.nth(0).locator('[data-field="computed-score"]');
  await eventually(() => computed.getAttribute('data-value'), '40');
  await zipin.fillRow(0, { actual: '80%' });
  await eventually(() => computed.getAttribute('data-value'), '');
  await eventually(() => computed.textContent(), /单位对不上/);
  page.assertClean();
});

test('sections can be added, moved and removed with their buttons', async () => {
  const zipin = await zipinSuite.fresh();
  const { page } = zipin;
  const sections = async () => Object.keys(await zipin.subtotals());
  const button = (testid, section) => zipin.form.locator('tr.subtotal').filter({ has: page.locator(`[data-testid="add-row"][data-section="${section}"]`) }).getByTestId(testid);
  await eventually(sections, ['产出指标', '效益指标', '满意度指标']);
  await button('add-section', '产出指标').click();
  await eventually(sections, ['产出指标', '新一级指标', '效益指标', '满意度指标']);
  await button('move-section-down', '新一级指标').click();
  await eventually(sections, ['产出指标', '效益指标', '新一级指标', '满意度指标']);
  await button('move-section-up', '效益指标').click();
  await eventually(sections, ['效益指标', '产出指标', '新一级指标', '满意度指标']);
  await button('remove-section', '新一级指标').click();
  await eventually(sections, ['效益指标', '产出指标', '满意度指标']);
  await button('add-row', '满意度指标').click();
  await eventually(() => zipin.rows.count(), 4);
  page.assertClean();
});

test('rows can be added, moved, inserted and removed with their buttons', async () => {
  const zipin = await zipinSuite.fresh();
  const { page } = zipin;
  const names = () => zipin.rows.locator('[data-field="name"] textarea').evaluateAll((areas) => areas.map((a) => a.value));
  await eventually(() => zipin.rows.count(), 3);
  await zipin.ensureRows('产出指标', 3);
  await eventually(() => zipin.rows.count(), 5);
  await zipin.fillRow(1, { name: '保留这一行', weight: '20', score: '20' });
  await zipin.fillRow(2, { name: '第三行' });
  await zipin.rows.nth(0).getByTestId('remove-row').click();
  await eventually(names, ['保留这一行', '第三行', '', '']);
  await zipin.expectValue('total-score', '20');
  await zipin.rows.nth(0).getByTestId('move-row-down').click();
  await eventually(names, ['第三行', '保留这一行', '', '']);
  await zipin.rows.nth(1).getByTestId('move-row-up').click();
  await eventually(names, ['保留这一行', '第三行', '', '']);
  // ＋ inserts an empty row below, in the same section (not a row of the next section).
  await zipin.rows.nth(0).getByTestId('insert-row').click();
  await eventually(names, ['保留这一行', '', '第三行', '', '']);
  await eventually(() => zipin.subtotals(), { 产出指标: '20', 效益指标: '0', 满意度指标: '0' });
  await zipin.expectValue('total-score', '20');
  page.assertClean();
});
