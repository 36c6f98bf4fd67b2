// Hostile and huge input, storage faults, two tabs, and the crash screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useZipin } from './harness.mjs';
import { serve } from './server.mjs';
import { openPage } from './browser.mjs';
import { ZipinPage } from './zipin-page.mjs';
import { SAMPLE } from './fixtures.mjs';
import { eventually } from './eventually.mjs';

const zipinSuite = useZipin();

test('the crash screen offers the last saved document (debug builds have a trigger)', async () => {
  const debug = await serve('dist-debug');
  const context = await zipinSuite.browser.newContext();
  const page = await openPage(zipinSuite.browser, { context, allowConsole: [/zipin crashed/, /debug-crash/, /RuntimeError/, /unreachable/] });
  const zipin = await new ZipinPage(page).open(debug.url);
  await zipin.setFormName('崩溃前保存的表');
  await zipin.expectSaved('崩溃前保存的表');
  const crashed = await openPage(zipinSuite.browser, { context, allowConsole: [/zipin crashed/, /debug-crash/, /RuntimeError/, /unreachable/, /panicked/] });
  crashed.on('pageerror', () => {});
  await crashed.goto(`${debug.url}?debug-crash=1`);
  const screen = crashed.getByTestId('crash-screen');
  await screen.waitFor();
  assert.match(await screen.textContent(), /页面出错了/);
  const href = await screen.getByTestId('crash-download').getAttribute('href');
  assert.match(decodeURIComponent(href), /崩溃前保存的表/);
  await context.close();
  await debug.close();
});

test('hostile HTML is read, never run or injected', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.page.evaluate(() => { window.ran = []; window.alert = (m) => window.ran.push(m); });
  const nested = '<table><tr><td>'.repeat(400) + '深' + '</td></tr></table>'.repeat(400);
  const html = `<style>body{display:none}</style><script>window.ran.push('script')</script>
    <iframe src="javascript:window.parent.ran.push('iframe')"></iframe>
    <table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td></tr>
    <tr><td>产出指标</td><td>数量指标</td><td><img src=x onerror="window.ran.push('img')">培训<a href="javascript:window.ran.push('link')">人次</a></td>
    <td>≥500人次</td><td>520人次</td><td>90</td><td>90</td></tr></table>${nested}`;
  await zipin.paste({ text: '', html });
  await zipin.expectValue('total-score', '90');
  await eventually(() => zipin.rows.nth(0).locator('[data-field="name"] .cell').inputValue(), '培训人次');
  await zipin.page.waitForTimeout(200);
  assert.deepEqual(await zipin.page.evaluate(() => window.ran), []);
  assert.equal(await zipin.page.locator('iframe, img[src="x"], a[href^="javascript"]').count(), 0);
  assert.ok(await zipin.page.getByTestId('form').isVisible());
  zipin.page.assertClean();
});

test('a 10 MB paste is refused with a message; 100,000 rows import the first 5,000', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: '很大'.repeat(1_800_000) });
  await eventually(() => zipin.page.getByTestId('import-error').textContent(), /内容过大（10\.\d MB）/);
  const lines = ['一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分'];
  for (let i = 0; i < 100_000; i += 1) lines.push(`${i % 50 ? "" : "产出指标"}\t数量指标\t指标${i}\t1\t1\t0\t0`);
  await zipin.paste({ text: lines.join('\n') });
  await zipin.page.waitForFunction(() => document.querySelectorAll('[data-testid="indicator-row"]').length === 5000, null, { timeout: 60000 });
  await eventually(() => zipin.page.getByTestId('import-report').locator('..').textContent(), /只导入了前 5000 行/);
  zipin.page.assertClean();
});

test('control characters, RTL marks and a 10,000-character cell stay as text', async () => {
  const zipin = await zipinSuite.fresh();
  const long = '长'.repeat(10_000);
  await zipin.paste({ text: `一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n产出指标\t数量指标\t\u202e反向\u0007名称\t≥1\t1\t90\t80\t${long}` });
  await zipin.expectValue('total-score', '80');
  await eventually(() => zipin.rows.nth(0).locator('[data-field="name"] .cell').inputValue(), '\u202e反向\u0007名称');
  await eventually(async () => (await zipin.rows.nth(0).locator('[data-field="reason"] .cell').inputValue()).length, 10_000);
  zipin.page.assertClean();
});

test('unreadable saved data: the page starts, says so, and offers the raw data', async () => {
  const context = await zipinSuite.browser.newContext();
  const zipin = await zipinSuite.fresh({ context });
  await zipin.setFormName('会被损坏的文档');
  await zipin.expectSaved('会被损坏的文档');
  await zipin.page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('zipin.document.v1.'));
    localStorage.setItem(key, '{"version": 1, "forms": [损坏');
    localStorage.setItem('zipin.documents.v1', 'not json');
  });
  const again = await zipinSuite.fresh({ context });
  const problem = again.page.getByTestId('start-problem');
  await eventually(() => problem.textContent(), /无法打开/);
  const [download] = await Promise.all([again.page.waitForEvent('download'), problem.getByRole('button').click()]);
  assert.match(download.suggestedFilename(), /原始数据/);
  // The unreadable list was rebuilt from the documents themselves.
  await again.page.getByTestId('documents-menu').click();
  await eventually(async () => (await again.page.getByTestId('document-item').count()) >= 1, true, 'the rebuilt list names a document');
  again.page.assertClean();
  await context.close();
});

test('storage that fills up mid-session: work goes on in memory and the page says so', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.typeInto(zipin.rows.nth(0).locator('[data-field="weight"] .cell'), '40');
  await zipin.expectSaved('"weight":"40"');
  await eventually(() => zipin.page.getByTestId('save-state').getAttribute('data-saved'), 'true');
  await zipin.page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await zipin.typeInto(zipin.rows.nth(0).locator('[data-field="score"] .cell'), '38');
  await eventually(() => zipin.page.getByTestId('save-state').getAttribute('data-saved'), 'false');
  await zipin.expectValue('total-score', '38');
  await eventually(() => zipin.page.getByTestId('save-state').textContent(), /无法保存/);
  zipin.page.assertClean();
});

test('the same document open in two tabs: no silent overwrite, the user chooses', async () => {
  const context = await zipinSuite.browser.newContext();
  const first = await zipinSuite.fresh({ context });
  await first.setFormName('两个标签页');
  await first.expectSaved('两个标签页');
  const second = await zipinSuite.fresh({ context });
  await eventually(() => second.form.locator('.form-name .cell').inputValue(), '两个标签页');

  await first.typeInto(first.rows.nth(0).locator('[data-field="weight"] .cell'), '30');
  const banner = second.page.getByTestId('conflict');
  await banner.waitFor();
  // While the banner is up, the second tab's typing does not overwrite the first tab's save.
  await second.typeInto(second.rows.nth(0).locator('[data-field="score"] .cell'), '7');
  await second.page.waitForTimeout(400);
  await banner.getByTestId('conflict-load').click();
  await eventually(() => second.rows.nth(0).locator('[data-field="weight"] .cell').inputValue(), '30');
  await eventually(() => banner.count(), 0);

  await second.typeInto(second.rows.nth(0).locator('[data-field="score"] .cell'), '25');
  const back = first.page.getByTestId('conflict');
  await back.waitFor();
  await back.getByTestId('conflict-keep').click();
  await first.page.waitForTimeout(300);
  const stored = await first.page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('zipin.document.v1.'));
    return localStorage.getItem(key);
  });
  assert.doesNotMatch(stored, /"score":"25"/);
  first.page.assertClean();
  second.page.assertClean();
  await context.close();
});
