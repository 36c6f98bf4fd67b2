// A 2,000-row form renders, edits and recomputes (how fast is measured in benches/, not here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useZipin } from './harness.mjs';
import { largeForm } from './fixtures.mjs';

const zipinSuite = useZipin();

test('2,000 rows render, edit and recompute', async () => {
  const zipin = await zipinSuite.fresh();
  const { page } = zipin;
  await zipin.paste({ text: largeForm(2000) });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="indicator-row"]').length === 2000, null, { timeout: 60000 });
  // 1,000 rows of 0.05 and 1,000 of 0.04, all in full, plus the budget's 10.
  await zipin.expectValue('total-score', '100');
  const last = zipin.rows.nth(1999);
  await zipin.typeInto(last.locator('[data-field="score"] .cell'), '0');
  await zipin.expectValue('total-score', '99.96');
  assert.equal(await last.locator('[data-field="computed-score"]').getAttribute('data-value'), '0.04');
  page.assertClean();
});
