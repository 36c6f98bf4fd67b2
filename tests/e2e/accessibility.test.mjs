// Accessibility of every view (axe-core in Chromium): no serious or critical violation, every
// control reachable by keyboard with a visible focus, inputs labelled, findings announced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { useZipin } from './harness.mjs';
import { SAMPLE } from './fixtures.mjs';
import { eventually } from './eventually.mjs';

const zipinSuite = useZipin();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious and critical axe violations of the page as it is now. */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('every view has no serious or critical accessibility violation', async () => {
  const zipin = await zipinSuite.fresh();
  assert.deepEqual(await violations(zipin.page), [], 'the first view');
  await zipin.paste({ text: SAMPLE });
  await zipin.expectValue('total-score', '95');
  assert.deepEqual(await violations(zipin.page), [], 'a pasted report with findings');
  await zipin.page.getByTestId('review-report-button').click();
  await zipin.page.getByTestId('review-report').waitFor();
  assert.deepEqual(await violations(zipin.page), [], 'the review report');
  await zipin.page.getByTestId('close-report').click();
  await zipin.page.getByTestId('print').click();
  await zipin.page.getByTestId('print-view').waitFor();
  assert.deepEqual(await violations(zipin.page), [], 'the print preview');
  await zipin.page.getByTestId('close-print').click();
  await zipin.paste({ text: '产出指标\t数量指标\t培训人次\t≥500人次\t520人次\t40\t40\t\n' });
  await zipin.page.getByTestId('column-chooser').waitFor();
  assert.deepEqual(await violations(zipin.page), [], 'the column chooser');
  await zipin.page.getByTestId('documents-menu').click();
  assert.deepEqual(await violations(zipin.page), [], 'the documents menu');
  await zipin.page.getByTestId('language').click();
  await eventually(() => zipin.page.getByTestId('import-button').textContent(), 'Import');
  assert.deepEqual(await violations(zipin.page), [], 'in English');
  // The reviewer's desk over the open document: its table, filters and charts.
  await zipin.page.getByTestId('view-desk').click();
  await eventually(() => zipin.page.getByTestId('review-row').count(), 3);
  assert.deepEqual(await violations(zipin.page), [], 'the reviewer\'s desk');
  // The report's text, its findings and its marked sentences.
  await zipin.page.getByTestId('view-narrative').click();
  await eventually(() => zipin.page.getByTestId('narrative-finding').count(), 2);
  assert.deepEqual(await violations(zipin.page), [], 'the report\'s text');
  zipin.page.assertClean();
});

test('every control is reached by Tab and shows its focus', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: SAMPLE });
  await eventually(() => zipin.rows.count(), 14, 'every row of the sample department form');
  const controls = await zipin.page.evaluate(() =>
    [...document.querySelectorAll('button, input, select, textarea, summary, [tabindex="0"]')].filter((el) => {
      const style = getComputedStyle(el);
      // Row buttons stand out of the Tab order on purpose (Tab walks the cells; Ctrl+Enter,
      // Ctrl+Delete and Alt+↑↓ do what they do), so they are not counted.
      return el.tabIndex >= 0 && !el.disabled && style.display !== 'none' && style.visibility !== 'hidden' && el.getClientRects().length > 0;
    }).length);
  const reached = new Set();
  let unfocusedStyle = 0;
  await zipin.page.locator('body').focus();
  // Twice round at most: a busy machine can leave a press unanswered, but a control Tab
  // never reaches stays unreached however long this goes on.
  for (let i = 0; i < 2 * controls + 40 && reached.size < controls; i += 1) {
    await zipin.page.keyboard.press('Tab');
    const info = await zipin.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      el.dataset.tabbed = '1';
      const style = getComputedStyle(el);
      const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 || style.boxShadow !== 'none';
      return { id: [...document.querySelectorAll('*')].indexOf(el), visible };
    });
    if (!info) continue;
    reached.add(info.id);
    if (!info.visible) unfocusedStyle += 1;
  }
  assert.ok(reached.size >= controls * 0.95, `Tab reached ${reached.size} of ${controls} controls`);
  assert.equal(unfocusedStyle, 0, 'every focused control shows a focus outline');
});

test('inputs are labelled by column and indicator, findings are announced politely', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: SAMPLE });
  await zipin.page.getByTestId('summary-row').nth(2).waitFor();
  const unlabelled = await zipin.page.evaluate(() =>
    [...document.querySelectorAll('input, textarea, select')].filter((el) =>
      !(el.getAttribute('aria-label') || el.labels?.length || el.getAttribute('aria-labelledby'))).length);
  assert.equal(unlabelled, 0);
  assert.equal(await zipin.rows.nth(7).locator('[data-field="score"] .cell').getAttribute('aria-label'), '得分 成本控制数算');
  assert.equal(await zipin.form.getByTestId('findings').getAttribute('aria-live'), 'polite');
  zipin.page.assertClean();
});
