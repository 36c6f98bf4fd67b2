// Files in and out, in the browser: open the sample as .docx and .xlsx (made here by the
// engine's own tests' writers is not possible in node, so the page's own XLSX export and a
// Word file built in the test stand in), copy as TSV, download CSV / XLSX / JSON, print.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipOf } from './zip.mjs';
import { useZipin } from './harness.mjs';
import { SAMPLE, largeForm } from './fixtures.mjs';
import { eventually } from './eventually.mjs';

const zipinSuite = useZipin();
const tmp = await mkdtemp(join(tmpdir(), 'zipin-files-'));

async function download(zipin, testid) {
  const [file] = await Promise.all([zipin.page.waitForEvent('download'), zipin.page.getByTestId(testid).click()]);
  const path = join(tmp, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path, bytes: await readFile(path) };
}

const totals = async (zipin) => (await zipin.summary()).map((r) => [r.name, r.total, r.grade]);
const SAMPLE_TOTALS = [
  ['株洲市荷塘区网格化管理服务中心', '95', '优'],
  ['网格员专项经费', '97', '优'],
  ['城乡帮困项目', '96', '优'],
];

async function withSample() {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: SAMPLE });
  await eventually(() => totals(zipin), SAMPLE_TOTALS);
  return zipin;
}

/** Opens the file at `path` with the file button; the message under the toolbar must match `said`. */
async function openFile(zipin, path, said) {
  await zipin.page.getByTestId('file-input').setInputFiles(path);
  await eventually(async () => (await zipin.page.getByTestId('file-message').textContent()).trim(), said);
}

test('JSON saved and opened again restores the document exactly', async () => {
  const zipin = await withSample();
  await zipin.typeInto(zipin.rows.nth(7).locator('[data-field="reason"] .cell'), '成本口径与预算不一致');
  const json = await download(zipin, 'export-json');
  assert.match(json.name, /\.json$/);
  const fresh = await zipinSuite.fresh();
  await openFile(fresh, json.path, /已打开文档/);
  await eventually(() => totals(fresh), SAMPLE_TOTALS);
  await eventually(() => fresh.rows.nth(7).locator('[data-field="reason"] .cell').inputValue(), '成本口径与预算不一致');
  fresh.page.assertClean();
  zipin.page.assertClean();
});

test('CSV starts with the BOM, and opened again gives the same forms', async () => {
  const zipin = await withSample();
  const csv = await download(zipin, 'export-csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const fresh = await zipinSuite.fresh();
  await openFile(fresh, csv.path, /已导入 3 张表/);
  await eventually(() => totals(fresh), SAMPLE_TOTALS);
  zipin.page.assertClean();
});

test('copy as TSV pastes back into the same forms', async () => {
  const zipin = await withSample();
  await zipin.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await zipin.page.getByTestId('export-tsv').click();
  await eventually(() => zipin.page.getByTestId('file-message').textContent(), /已复制/);
  const tsv = await zipin.page.evaluate(() => navigator.clipboard.readText());
  assert.match(tsv, /^部门整体支出绩效自评表\t/);
  const fresh = await zipinSuite.fresh();
  await fresh.paste({ text: tsv });
  await eventually(() => totals(fresh), SAMPLE_TOTALS);
  zipin.page.assertClean();
});

test('XLSX downloads with the computed form and opens again', async () => {
  const zipin = await withSample();
  const xlsx = await download(zipin, 'export-xlsx');
  assert.equal(xlsx.bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
  const fresh = await zipinSuite.fresh();
  await openFile(fresh, xlsx.path, /已导入 3 张表/);
  await eventually(() => totals(fresh), SAMPLE_TOTALS);
  zipin.page.assertClean();
});

/** A .docx with deflated entries: the sample's first form as a Word table (gridSpan, vMerge). */
function wordFile(rows) {
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cell = (text, extra = '') => `<w:tc><w:tcPr>${extra}</w:tcPr><w:p><w:r><w:t>${esc(text)}</w:t></w:r></w:p></w:tc>`;
  const body = rows.map((row) => `<w:tr>${row.map((c) => (typeof c === 'string' ? cell(c) : cell(c.text, c.props))).join('')}</w:tr>`).join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>附件2 项目支出绩效自评表</w:t></w:r></w:p><w:tbl>${body}</w:tbl></w:body></w:document>`;
  return zipOf([['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'], ['word/document.xml', xml]]);
}



test('a Word file opens through the browser\'s own unzip and gives its form', async () => {
  const span = (n) => `<w:gridSpan w:val="${n}"/>`;
  const restart = '<w:vMerge w:val="restart"/>';
  const rows = [
    [{ text: '项目名称', props: span(2) }, { text: '网格员专项经费', props: span(7) }],
    [{ text: '项目资金（万元）', props: restart }, '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', ''],
    [{ text: '', props: '<w:vMerge/>' }, '年度资金总额', '0', '290.32', '290.32', '10', '100%', '10', ''],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    [{ text: '', props: restart }, { text: '产出指标（60分）', props: restart }, '数量指标', '实行网格化管理', '覆盖率≥100%', '覆盖率≥100%', '60', '60', ''],
    [{ text: '', props: '<w:vMerge/>' }, { text: '效益指标（30分）', props: restart }, '社会效益指标', '提供社会服务', '95%', '95%', '30', '27', '个别社区覆盖不足'],
    [{ text: '总分', props: span(6) }, '100', '97', '优'],
  ];
  const path = join(tmp, '网格员专项经费.docx');
  await writeFile(path, wordFile(rows));
  const zipin = await zipinSuite.fresh();
  await openFile(zipin, path, /已导入 1 张表：网格员专项经费/);
  await zipin.expectValue('total-score', '97');
  await eventually(() => zipin.rows.count(), 2);
  zipin.page.assertClean();
});

test('a file that cannot be read says why and changes nothing', async () => {
  const zipin = await withSample();
  const path = join(tmp, 'broken.xlsx');
  await writeFile(path, Buffer.from('PK\x03\x04 this is not really a workbook'));
  await openFile(zipin, path, /不是有效的 \.docx \/ \.xlsx 文件/);
  assert.deepEqual(await totals(zipin), SAMPLE_TOTALS);
  const old = join(tmp, 'old.xls');
  await writeFile(old, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
  await openFile(zipin, old, /另存为 \.xlsx/);
  zipin.page.assertClean();
});

/** Prints the open preview to PDF and returns each page's text. */
async function printedPages(zipin, name) {
  const pdf = join(tmp, name);
  await zipin.page.pdf({ path: pdf, format: 'A4', printBackground: true });
  const pages = Number(execFileSync('pdfinfo', [pdf]).toString().match(/Pages:\s+(\d+)/)[1]);
  return Array.from({ length: pages }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdf, '-']).toString());
}

test('print: the official form on A4, the indicator header on every page, findings appended', async () => {
  const zipin = await withSample();
  await zipin.page.getByTestId('print').click();
  const view = zipin.page.getByTestId('print-view');
  await eventually(() => view.getByTestId('print-form').count(), 3);
  // The findings are appended only when asked for.
  assert.equal(await view.getByTestId('print-appendix').isChecked(), false);
  let pages = await printedPages(zipin, 'forms.pdf');
  assert.equal(pages.length, 3, 'one page per form');
  for (const [i, text] of pages.entries()) {
    assert.match(text, /一级指标\s+二级指标\s+三级指标/, `page ${i + 1} has the indicator header`);
    assert.match(text, /总分[\s\S]*等级：优/, `page ${i + 1} has the total and grade`);
  }
  assert.match(pages[0], /部门整体支出绩效自评表/);
  assert.match(pages[1], /项目支出绩效自评表/);

  await view.getByTestId('print-appendix').check();
  pages = await printedPages(zipin, 'forms-and-findings.pdf');
  assert.match(pages.join('\n'), /成本控制数算：扣 1 分[\s\S]*?填报得分\s*9，按规则应为\s*1\.80/);
  await view.getByTestId('close-print').click();
  await eventually(() => zipin.page.getByTestId('print-view').count(), 0);
  zipin.page.assertClean();
});

test('print: a long form repeats the indicator header on every page it spans', async () => {
  const zipin = await zipinSuite.fresh();
  await zipin.paste({ text: largeForm(200) });
  await zipin.page.getByTestId('print').click();
  await zipin.page.getByTestId('print-appendix').uncheck();
  const pages = await printedPages(zipin, 'long.pdf');
  const withRows = pages.filter((text) => /指标\d+/.test(text));
  assert.ok(withRows.length >= 3, `${withRows.length} pages of indicator rows`);
  for (const [i, text] of withRows.entries()) assert.match(text, /一级指标\s+二级指标/, `page ${i + 1} of the table`);
  assert.match(pages.at(-1), /总分/);
  zipin.page.assertClean();
});
