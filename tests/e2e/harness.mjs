// The shared setup of every spec: the built page served on 127.0.0.1, one headless Chromium,
// and a way to open the page as a new visitor.
import { before, after } from 'node:test';
import { serve } from './server.mjs';
import { launch, openPage } from './browser.mjs';
import { ZipinPage } from './zipin-page.mjs';

export const DIST = process.env.ZIPIN_DIST ?? 'dist';

/** Registers the suite's before/after hooks; the returned object fills in when they run. */
export function useZipin() {
  const suite = {
    server: null,
    browser: null,
    /** Opens the page in a fresh context (or `options.context`) and waits for the form. */
    async fresh(options) {
      const page = await openPage(suite.browser, options);
      return new ZipinPage(page).open(suite.server.url);
    },
  };
  before(async () => {
    suite.server = await serve(DIST);
    suite.browser = await launch();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
