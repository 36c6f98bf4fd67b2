// The page and the command line on the same files (issue: "the page and the command agree on
// every figure of every fixture"): every fixture form of the engine's tests (the sample
// report, the shapes, 27 templates and the variants, as TSV and as Word HTML) and a generated
// set of .docx/.xlsx/.txt reports, read by the page's desk and by `zipin review`, give the
// same figures for every form and refuse the same files; and a file opened in the editor
// exports, byte for byte, what `zipin convert` writes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { useZipin } from './harness.mjs';
import { eventually } from './eventually.mjs';

const zipinSuite = useZipin();
const tmp = await mkdtemp(join(tmpdir(), 'zipin-cli-'));
const folder = join(tmp, '全部样表');
const FIXTURES = resolve('core/tests/fixtures');
const ZIPIN = resolve('target/debug/zipin');

/** Every file under `dir`, however deep. */
async function walk(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...await walk(path));
    else found.push(path);
  }
  return found;
}

before(async () => {
  execFileSync('cargo', ['build', '--quiet', '--locked', '-p', 'zipin-cli'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'zipin-core', '--example', 'review_set', '--', folder, '9', '5'], { stdio: ['ignore', 'ignore', 'inherit'] });
  // Each fixture form under a name of its own (the desk passes over a name and size it holds).
  for (const path of await walk(FIXTURES)) {
    if (!/\.(tsv|csv|txt|html)$/.test(path)) continue;
    await copyFile(path, join(folder, relative(FIXTURES, path).replaceAll('/', '~')));
  }
  // Files a reviewer meets that give no form.
  await writeFile(join(folder, '损坏的报告.docx'), Buffer.from('PK\x03\x04 not really a zip'));
  await writeFile(join(folder, '旧版报表.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(64)]));
  await writeFile(join(folder, '情况说明.txt'), '本单位2023年度绩效自评工作已按要求完成，详见附件。');
});

/** `zipin ARGS…`: its exit status, standard output (bytes) and standard error. */
function zipin(args) {
  const run = spawnSync(ZIPIN, args, { maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.toString() };
}

test('the desk and `zipin review` give the same figures for every form of every fixture, and refuse the same files', async () => {
  const cli = zipin(['review', folder, '--format', 'json']);
  const records = JSON.parse(cli.stdout.toString());
  const files = (await readdir(folder)).length;
  assert.ok(records.length > 100, `${records.length} forms from ${files} files`);

  const { page } = await zipinSuite.fresh();
  await page.getByTestId('view-desk').click();
  await page.getByTestId('desk-folder').setInputFiles(folder);
  await eventually(() => page.getByTestId('desk-progress').count(), 0, 'the reading done', 60000);
  await eventually(() => page.getByTestId('review-row').count(), records.length, 'a row per form', 30000);
  const rows = await page.getByTestId('review-row').evaluateAll((trs) => trs.map((tr) => {
    const cells = {};
    for (const cell of tr.querySelectorAll('[data-field]')) cells[cell.dataset.field] = cell.dataset.value ?? cell.textContent.trim();
    return cells;
  }));
  // The desk's rows in reading order; each file's forms in order.
  const seen = new Map();
  const numbered = rows.map((row) => {
    const form = seen.get(row.file) ?? 0;
    seen.set(row.file, form + 1);
    return { ...row, form };
  });
  const key = (file, form) => `${file}#${form}`;
  const byKey = new Map(numbered.map((row) => [key(row.file, row.form), row]));
  const orNull = (value) => (value === '' || value === '—' ? null : value);
  let compared = 0;
  for (const record of records) {
    const row = byKey.get(key(record.file, record.form));
    assert.ok(row, `the desk has ${record.file} form ${record.form}`);
    const where = `${record.file} form ${record.form} (${record.name})`;
    assert.equal(row.name, record.name.trim(), where);
    assert.equal(orNull(row.total), record.total, `total of ${where}`);
    assert.equal(orNull(row['claimed-total']), record.claimed_total, `claimed total of ${where}`);
    assert.equal(orNull(row.grade), record.grade, `grade of ${where}`);
    assert.equal(orNull(row['claimed-grade']), record.claimed_grade, `claimed grade of ${where}`);
    assert.equal(orNull(row.rate), record.rate, `rate of ${where}`);
    assert.deepEqual([row.errors, row.warnings, row.infos].map(Number), [record.errors, record.warnings, record.infos], `counts of ${where}`);
    compared += 1;
  }
  assert.equal(compared, rows.length);

  // The files neither reads: the same ones, each named on the command's standard error.
  const failed = await page.getByTestId('desk-failed-file').evaluateAll((items) => items.map((item) => item.dataset.file));
  for (const file of failed) assert.ok(cli.stderr.includes(`“${file}”`), `${file} in ${cli.stderr}`);
  const refused = [...cli.stderr.matchAll(/^zipin: “([^”]+)”/gm)].map((match) => match[1]);
  assert.deepEqual(refused.sort(), failed.sort());
  for (const planted of ['情况说明.txt', '损坏的报告.docx', '旧版报表.xls']) assert.ok(failed.includes(planted), `${planted} in ${failed}`);
  assert.equal(cli.status, 2);
  page.assertClean();
});

/** Downloads what the button `testid` gives. */
async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return readFile(await file.path());
}

test('a file opened in the editor exports byte for byte what `zipin convert` writes', async () => {
  const generated = (await readdir(folder)).filter((name) => /^00[12]-/.test(name)).map((name) => join(folder, name));
  const files = [
    ...generated,
    join(FIXTURES, 'hetang-2022-report.txt'),
    join(FIXTURES, 'agriculture-department.html'),
    join(FIXTURES, 'templates', 'anhui-project-placeholder-rows', 'form.tsv'),
  ];
  for (const path of files) assert.ok((await stat(path)).isFile(), path);
  for (const path of files) {
    const { page } = await zipinSuite.fresh();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('file-input').setInputFiles(path);
    await eventually(async () => (await page.getByTestId('file-message').textContent()).trim(), /已导入/);
    const convert = (to) => {
      const run = zipin(['convert', path, '--to', to]);
      assert.equal(run.status, 0, run.stderr);
      return run.stdout;
    };
    assert.ok((await download(page, 'export-json')).equals(convert('json')), `JSON of ${path}`);
    assert.ok((await download(page, 'export-csv')).equals(convert('csv')), `CSV of ${path}`);
    assert.ok((await download(page, 'export-xlsx')).equals(convert('xlsx')), `XLSX of ${path}`);
    await page.getByTestId('export-tsv').click();
    await eventually(() => page.getByTestId('file-message').textContent(), /已复制/);
    // The clipboard gives the text back with its CRLF line ends as LF (Chromium on Linux).
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, convert('tsv').toString().replaceAll('\r\n', '\n'), `TSV of ${path}`);
    page.assertClean();
  }
});

