#!/usr/bin/env bash
# The page's size beside its floors, gzip as the size test measures it (zlib level 9): the
# bare Yew page, and the floor page (the bare Yew page carrying the whole engine: the least
# any page with this engine in Yew can weigh), each built the page's way (trunk, release,
# wasm-opt -Oz, offline). Builds all three, so it takes a few minutes the first time.
# Usage: benches/floor/weigh.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
scripts/build.sh >/dev/null
(source scripts/setup.sh >/dev/null && cd benches/hello && trunk build >/dev/null && cd ../floor && trunk build >/dev/null)
node --input-type=module <<'JS'
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
const kb = (dir, pattern) => readdirSync(dir).filter((name) => pattern.test(name))
  .reduce((sum, name) => sum + gzipSync(readFileSync(join(dir, name)), { level: 9 }).length, 0) / 1000;
const rows = [
  ['the page (dist/: html, loader, js, wasm, css)', kb('dist', /\.(html|js|wasm|css)$/) - kb('dist', /^zipin\.html$/)],
  ['  its wasm', kb('dist', /_bg\.wasm$/)],
  ['the bare Yew page (target/hello-dist/)', kb('target/hello-dist', /\.(html|js|wasm)$/)],
  ['the floor page: the bare Yew page + the engine', kb('target/floor-dist', /\.(html|js|wasm)$/)],
  ['  its wasm', kb('target/floor-dist', /_bg\.wasm$/)],
];
for (const [name, size] of rows) console.log(`${name.padEnd(48)} ${size.toFixed(1).padStart(6)} KB gzip`);
JS
