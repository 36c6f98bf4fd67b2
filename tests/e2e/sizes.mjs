// The gzip sizes of a built page, as its size budget counts them (node's zlib, level 9): one
// definition for the budget test and for benches/floor/weigh.sh, which sets the page beside
// the bare Yew page and the floor page built the same way.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes of gzip per part of the page in `dir`; `page` is all a browser loads to open it. */
export async function gzipSizes(dir) {
  const files = await readdir(dir);
  const gzip = async (pattern) => {
    const sizes = await Promise.all(files.filter((f) => pattern.test(f)).map(async (f) => gzipSync(await readFile(join(dir, f)), { level: 9 }).length));
    return sizes.reduce((sum, size) => sum + size, 0);
  };
  const sizes = {
    wasm: await gzip(/_bg\.wasm$/),
    js: await gzip(/(?<!-loader)\.js$/),
    css: await gzip(/\.css$/),
    html: await gzip(/^index\.html$|-loader\.js$/),
    single_file: await gzip(/^zipin\.html$/),
  };
  return { ...sizes, page: sizes.wasm + sizes.js + sizes.css + sizes.html };
}
