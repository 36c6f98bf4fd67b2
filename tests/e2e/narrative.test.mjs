// The report's words against its tables, in Chromium: the sample report pasted whole keeps
// its narrative in a 报告正文 view, which raises the sample's two findings and leads to their
// sentences; the text and the forms are checked against each other again as either is
// edited; a finding leads to the form's cell; the memo lists them under the unit; the
// narrative is saved with the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useZipin } from './harness.mjs';
import { SAMPLE } from './fixtures.mjs';
import { eventually } from './eventually.mjs';

const zipinSuite = useZipin();

const found = (page) => page.getByTestId('narrative-finding').evaluateAll((items) => items.map((item) => `${item.dataset.code} ${item.dataset.severity}`));

async function withSample() {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: SAMPLE });
  await eventually(() => zipin.page.getByTestId('form-tab').count(), 3);
  await zipin.page.getByTestId('view-narrative').click();
  await eventually(() => found(zipin.page), ['NARRATIVE_SUM_MISMATCH info', 'NARRATIVE_NO_FORM info']);
  return zipin;
}

test('the sample report: its narrative, its two findings, each leading to its sentence', async () => {
  const zipin = await withSample();
  const { page } = zipin;
  const paragraphs = await page.getByTestId('narrative').locator('.narrative-p').count();
  assert.ok(paragraphs > 20, `${paragraphs} paragraphs`);
  await page.getByTestId('narrative-finding').nth(1).getByTestId('show-sentence').click();
  await eventually(() => page.evaluate(() => document.activeElement?.textContent), /项目绩效自评得分为100分/);
  const first = await page.getByTestId('narrative-finding').first().textContent();
  assert.match(first, /701\.29万元/);
  assert.match(first, /701\.30 万元/);
  // A fresh paste with no prose has no 报告正文 view.
  const plain = await zipinSuite.fresh();
  await plain.paste({ text: SAMPLE.slice(SAMPLE.indexOf('2022年度部门整体支出绩效自评表')) });
  await eventually(() => plain.page.getByTestId('form-tab').count(), 3);
  assert.equal(await plain.page.getByTestId('view-narrative').count(), 0);
  page.assertClean();
});

test('editing the text or a form checks them again at once; a finding leads to the form cell', async () => {
  const zipin = await withSample();
  const { page } = zipin;
  const text = page.getByTestId('narrative-text');
  const before = await text.inputValue();
  // A sum broken in the text.
  await text.fill(before.replace('调整增加545.6万元', '调整增加540.6万元'));
  await eventually(() => found(page), ['NARRATIVE_SUM_MISMATCH warning', 'NARRATIVE_SUM_MISMATCH info', 'NARRATIVE_NO_FORM info']);
  // A score stated for the department, as its form claims: nothing more.
  await text.fill(`${before}\n部门整体支出绩效自评得分95分。`);
  await eventually(() => found(page), ['NARRATIVE_SUM_MISMATCH info', 'NARRATIVE_NO_FORM info']);
  // The form's claimed total edited: the text now disagrees with it.
  await page.getByTestId('view-editor').click();
  await zipin.typeInto(zipin.form.getByTestId('claimed-total'), '96');
  await page.getByTestId('view-narrative').click();
  await eventually(() => found(page), ['NARRATIVE_SUM_MISMATCH info', 'NARRATIVE_NO_FORM info', 'NARRATIVE_FORM_MISMATCH warning']);
  const mismatch = page.getByTestId('narrative-finding').filter({ has: page.locator('[data-testid="show-form-cell"]') });
  assert.match(await mismatch.textContent(), /报告正文写自评得分 95分，自评表填报总分 96/);
  await mismatch.getByTestId('show-form-cell').click();
  await eventually(() => page.evaluate(() => document.activeElement?.dataset.testid), 'claimed-total');
  // The memo lists the words' findings under the unit.
  await page.getByTestId('review-report-button').click();
  const codes = await page.getByTestId('report-form').first().getByTestId('report-finding').evaluateAll((items) => items.map((item) => item.dataset.codes).join(' '));
  for (const code of ['NARRATIVE_SUM_MISMATCH', 'NARRATIVE_FORM_MISMATCH', 'NARRATIVE_NO_FORM']) assert.ok(codes.includes(code), `${code} in ${codes}`);
  page.assertClean();
});

test('the narrative is saved with the document', async () => {
  const zipin = await withSample();
  await zipin.expectSaved('网格化工作经费资金项目绩效自评综述');
  await zipin.page.reload();
  await zipin.page.getByTestId('view-narrative').click();
  await eventually(() => found(zipin.page), ['NARRATIVE_SUM_MISMATCH info', 'NARRATIVE_NO_FORM info']);
  zipin.page.assertClean();
});

// The report written for the engine's tests around the sample's forms, pasted whole: its
// text before the sample's three forms.
const CONSISTENT = await readFile(new URL('../../core/tests/fixtures/narrative-consistent.txt', import.meta.url), 'utf8');
const FORMS = SAMPLE.slice(SAMPLE.indexOf('2022年度部门整体支出绩效自评表'));

async function written(text) {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: `${text}\n${FORMS}` });
  await eventually(() => zipin.page.getByTestId('form-tab').count(), 3);
  await zipin.page.getByTestId('view-narrative').click();
  await zipin.page.getByTestId('narrative').waitFor();
  return zipin;
}

test('a written report: consistent, it raises nothing; each kind of disagreement is raised once', async () => {
  const clean = await written(CONSISTENT);
  await eventually(() => clean.page.locator('.narrative-clean').count(), 1);
  assert.deepEqual(await found(clean.page), []);
  clean.page.assertClean();
  for (const [from, to, code] of [
    ['调整增加575.18万元', '调整增加570.18万元', 'NARRATIVE_SUM_MISMATCH warning'],
    ['执行数290.32万元', '执行数280.32万元', 'NARRATIVE_FORM_MISMATCH warning'],
    ['（2）城乡帮困项目', '（2）社区减负增效项目', 'NARRATIVE_NO_FORM info'],
  ]) {
    const zipin = await written(CONSISTENT.replace(from, to));
    await eventually(() => found(zipin.page), [code], to);
    zipin.page.assertClean();
  }
});
