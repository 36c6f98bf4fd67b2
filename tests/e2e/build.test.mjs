// What the build writes, checked without a browser: relative asset URLs (any sub-path), no
// inline script (strict CSP), a wasm module the oldest supported browsers accept, and the
// offline single file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST } from './harness.mjs';
import { gzipSizes } from './sizes.mjs';

const files = await readdir(DIST);
const named = (pattern) => files.filter((f) => pattern.test(f)).map((f) => join(DIST, f));

test('index.html refers to its assets relatively and runs no inline script', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  for (const [, url] of html.matchAll(/(?:href|src)="([^"]+)"/g)) assert.match(url, /^\.\//, url);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'an inline script');
  assert.doesNotMatch(html, /\sstyle="/);
});

test('the loaders avoid top-level await (Chromium 80–88 lack it)', async () => {
  const [loader] = named(/-loader\.js$/);
  const source = await readFile(loader, 'utf8');
  assert.doesNotMatch(source, /^\s*(const|let|var)?[^\n(]*\bawait\b/m);
  const single = await readFile(join(DIST, 'zipin.html'), 'utf8');
  const module = single.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
  assert.match(module.trim(), /^\(async \(\) => \{[\s\S]*\}\)\(\);$/);
});

test('the wasm module uses only features Chromium 80 and Firefox ESR have', () => {
  const [wasm] = named(/_bg\.wasm$/);
  // MVP plus mutable globals (Chromium 74): wasm-opt's validator refuses anything newer.
  execFileSync(new URL('../../node_modules/.bin/wasm-opt', import.meta.url).pathname, [wasm, '--mvp-features', '--enable-mutable-globals', '--vacuum', '-o', '/dev/null'], { stdio: 'pipe' });
});

test('the offline single file carries everything and protects itself', async () => {
  const single = await readFile(join(DIST, 'zipin.html'), 'utf8');
  assert.match(single, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/);
  for (const id of ['zipin-style', 'zipin-glue', 'zipin-wasm', 'zipin-document']) assert.match(single, new RegExp(`id="${id}"`));
  assert.doesNotMatch(single, /(?:href|src)="(?!data:)/);
});

test('the page stays within its size budget (gzip, 5% leeway)', async () => {
  const budget = JSON.parse(await readFile(new URL('../size-budget.json', import.meta.url), 'utf8'));
  const sizes = await gzipSizes(DIST);
  for (const [part, size] of Object.entries(sizes)) {
    assert.ok(size <= budget[part] * 1.05, `${part}: ${size} bytes gzip, budget ${budget[part]} (+5%)`);
  }
});
