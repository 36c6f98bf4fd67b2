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
import { gzipSizes } from './tests/e2e/sizes.mjs';
const rows = [
  ['the page (html, loader, js, wasm, css)', await gzipSizes('dist')],
  ['the bare Yew page', await gzipSizes('target/hello-dist')],
  ['the floor page: the bare Yew page + the engine', await gzipSizes('target/floor-dist')],
];
const kb = (bytes) => `${(bytes / 1000).toFixed(1).padStart(6)} KB gzip`;
for (const [name, sizes] of rows) console.log(`${name.padEnd(48)} ${kb(sizes.page)} (wasm ${kb(sizes.wasm)})`);
JS
