// Hostile pastes and files: the page answers, shows a result or a message, and loses nothing
// already open. (Their timings are a benchmark, benches/browser/hostile.mjs, not assertions.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipOf } from './zip.mjs';
import { useZipin } from './harness.mjs';
import { SAMPLE } from './fixtures.mjs';
import { eventually } from './eventually.mjs';

const zipinSuite = useZipin();
const tmp = await mkdtemp(join(tmpdir(), 'zipin-hostile-'));
const MB = 1024 * 1024;
const TABLE = '<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td></tr>'
  + '<tr><td>产出指标</td><td>数量指标</td><td>培训人次</td><td>≥500人次</td><td>520人次</td><td>90</td><td>90</td></tr></table>';

async function withSample() {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: SAMPLE });
  await eventually(async () => (await zipin.summary()).map((r) => r.total), ['95', '97', '96']);
  return zipin;
}

/** Whether the page still answers: a frame is painted after the paste. */
const answers = (zipin) => zipin.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(true))));

test('thousands of <style> and <script> elements, deep nesting and an unclosed comment: the table is still read', async () => {
  const zipin = await withSample();
  const shapes = [
    '<style>p{}</style>'.repeat(Math.floor(3.5 * MB / 18)) + TABLE,
    '<script>x</script>'.repeat(Math.floor(3.5 * MB / 18)) + TABLE,
    '<div><span>'.repeat(100_000) + TABLE + '</span></div>'.repeat(100_000),
  ];
  let forms = 3;
  for (const html of shapes) {
    await zipin.paste({ text: '', html });
    assert.equal(await answers(zipin), true);
    forms += 1;
    await eventually(() => zipin.page.getByTestId('summary-row').count(), forms);
  }
  await zipin.paste({ text: '', html: '<!--' + 'x'.repeat(2 * MB) });
  await eventually(() => zipin.page.getByTestId('import-error').textContent(), /没有找到可评分的表/);
  // What was open stays as it was.
  assert.deepEqual((await zipin.summary()).slice(0, 3).map((r) => r.total), ['95', '97', '96']);
  zipin.page.assertClean();
});

test('a paste over 1 MB is announced in a frame of its own, then read as the same paste would be', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.page.evaluate(() => {
    window.__announced = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="import-progress"]')) window.__announced = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await zipin.paste({ text: SAMPLE + '\n'.repeat(1.5 * MB) });
  await eventually(async () => (await zipin.summary()).map((r) => r.total), ['95', '97', '96']);
  assert.equal(await zipin.page.evaluate(() => window.__announced), true);
  assert.equal(await zipin.page.getByTestId('import-progress').count(), 0);
  zipin.page.assertClean();
});

test('a million one-character cells, one 4 MB cell, 4 MB of line breaks: a message, and the page answers', async () => {
  const zipin = await withSample();
  await zipin.paste({ text: ('1\t'.repeat(999) + '1\n').repeat(Math.floor(3.9 * MB / 2000)) });
  assert.equal(await answers(zipin), true);
  await eventually(() => zipin.page.locator('.import-report').textContent(), /.+/);
  await zipin.paste({ text: `一级指标\t二级指标\n${'汉'.repeat(Math.floor(3.9 * MB / 3))}\t1\n` });
  assert.equal(await answers(zipin), true);
  await zipin.paste({ text: '\n'.repeat(Math.floor(3.9 * MB)) });
  await eventually(() => zipin.page.getByTestId('import-error').textContent(), /内容是空的|没有找到/);
  assert.deepEqual((await zipin.summary()).slice(0, 3).map((r) => r.total), ['95', '97', '96']);
  zipin.page.assertClean();
});

/** A ZIP of deflated entries, as a .docx or .xlsx is. */

test('a .docx whose document inflates to 200 MB is refused while it inflates, and nothing is lost', async () => {
  const zipin = await withSample();
  const bomb = join(tmp, 'bomb.docx');
  // 200 MB of spaces deflate to about 200 KB; the size it declares is honest here, and the
  // count that stops it is the one kept while inflating.
  await writeFile(bomb, zipOf([['word/document.xml', Buffer.alloc(200 * MB, 0x20)]]));
  await zipin.page.getByTestId('file-input').setInputFiles(bomb);
  await eventually(async () => (await zipin.page.getByTestId('file-message').textContent()).trim(), /解压后超过 32 MB/);
  assert.equal(await answers(zipin), true);
  assert.deepEqual((await zipin.summary()).map((r) => r.total), ['95', '97', '96']);
  zipin.page.assertClean();
});

test('a .zip of 34 inflate bombs in the desk: the reports share 1 GB of inflating, the last bombs are refused at once, a text report is read', async () => {
  const zipin = await zipinSuite.fresh();
  const bomb = zipOf([['word/document.xml', Buffer.alloc(40 * MB, 0x20)]]);
  const files = Array.from({ length: 34 }, (_, n) => [`炸弹${String(n + 1).padStart(2, '0')}.docx`, bomb]);
  files.push(['营养改善.txt', await readFile(new URL('../../core/tests/fixtures/nutrition-project.tsv', import.meta.url))]);
  const path = join(tmp, '报送.zip');
  await writeFile(path, zipOf(files));
  await zipin.page.getByTestId('view-desk').click();
  await zipin.page.getByTestId('desk-files').setInputFiles(path);
  await eventually(() => zipin.page.getByTestId('review-row').count(), 1, 'the text report', 60000);
  await eventually(() => zipin.page.getByTestId('desk-progress').count(), 0, 'the reading ends', 60000);
  const failed = await zipin.page.getByTestId('desk-failed-file').evaluateAll((items) => items.map((i) => i.textContent));
  assert.equal(failed.length, 34);
  assert.equal(failed.filter((why) => /word\/document\.xml 解压后超过 32 MB/.test(why)).length, 32);
  assert.equal(failed.filter((why) => /同一压缩包里的报表解压后合计已超过 1 GB/.test(why)).length, 2);
  assert.equal(await answers(zipin), true);
  zipin.page.assertClean();
});

test('an Excel file whose XML declares entities has them left unexpanded', async () => {
  const zipin = await zipinSuite.fresh();
  // "Billion laughs": nine levels of ten, 10^10 characters if a reader expanded them.
  const levels = Array.from({ length: 9 }, (_, n) => `<!ENTITY e${n + 1} "${`&e${n};`.repeat(10)}">`).join('');
  const entity = `<!DOCTYPE x [<!ENTITY e0 "lol">${levels}]>`;
  const sheet = `<?xml version="1.0"?>${entity}<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e9;</t></is></c></row></sheetData></worksheet>`;
  const book = '<workbook><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>';
  const rels = '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>';
  const path = join(tmp, 'entities.xlsx');
  await writeFile(path, zipOf([['xl/workbook.xml', Buffer.from(book)], ['xl/_rels/workbook.xml.rels', Buffer.from(rels)], ['xl/worksheets/sheet1.xml', Buffer.from(sheet)]]));
  await zipin.page.getByTestId('file-input').setInputFiles(path);
  await eventually(async () => (await zipin.page.getByTestId('file-message').textContent()).trim(), /没有找到可评分的表|没有可评分的表/);
  assert.equal(await answers(zipin), true);
  zipin.page.assertClean();
});

/** The central profile as a saved document carries it. */
const PROFILE = { id: 'Central', name: '中央（财预〔2020〕10号）', budget_weight: '10', sections: [{ names: ['产出'], weight: '50' }, { names: ['效益'], weight: '30' }, { names: ['满意度'], weight: '10' }], denominator: 'FullYear', achieved_from: '0.8', partial_from: '0.6', overshoot_ratio: '1.2', low_execution_reason_below: null, grades: { excellent: '90', good: '80', fair: '60' }, grading_required: true, tolerance: '0.01' };

test('saved documents of 100 MB, nested 100,000 deep or of 1,001 forms are refused with a message, and nothing is lost', async () => {
  const zipin = await withSample();
  const form = (n) => ({ id: n, kind: 'Project', name: `项目${n}`, funds: { unit: 'TenThousandYuan', weight: '', total: { label: '年度资金总额', initial: '', full_year: '', executed: '', claimed_rate: '', claimed_score: '' }, sub_rows: [], reason: '' }, goals: { expected: '', achieved: '' }, sections: [], claim: { total: '', grade: '' } });
  const cases = [
    ['huge.json', Buffer.alloc(100 * MB, 0x20).fill('{', 0, 1), /超过文档的上限 16 MB/],
    ['deep.json', Buffer.from(`{"version":1,"forms":${'['.repeat(100_000)}${']'.repeat(100_000)}}`), /无法打开/],
    ['many.json', Buffer.from(JSON.stringify({ version: 1, profile: PROFILE, forms: Array.from({ length: 1001 }, (_, n) => form(n + 1)), next_id: 2000 })), /有 1001 张表，多于一个文档能容纳的 1000 张/],
  ];
  for (const [name, bytes, said] of cases) {
    const path = join(tmp, name);
    await writeFile(path, bytes);
    await zipin.page.getByTestId('file-input').setInputFiles(path);
    await eventually(async () => (await zipin.page.getByTestId('file-message').textContent()).trim(), said);
    assert.equal(await answers(zipin), true);
    assert.deepEqual((await zipin.summary()).map((r) => r.total), ['95', '97', '96']);
  }
  zipin.page.assertClean();
});

test('a saved document in storage nested 100,000 deep: the page starts, says so, and offers the raw data', async () => {
  const context = await zipinSuite.browser.newContext();
  const zipin = await zipinSuite.fresh({ context });
  await zipin.setFormName('会被改坏的文档');
  await zipin.expectSaved('会被改坏的文档');
  await zipin.page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('zipin.document.v1.'));
    localStorage.setItem(key, `{"version":1,"forms":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
  });
  const again = await zipinSuite.fresh({ context });
  await eventually(() => again.page.getByTestId('start-problem').textContent(), /无法打开/);
  assert.equal(await answers(again), true);
  again.page.assertClean();
  await context.close();
});
