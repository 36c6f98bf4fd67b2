// Reading the page after an action. Yew renders in slices: after 16 ms of work its scheduler
// yields to the browser (a zero-delay timer) with the children's updates still queued, so a
// read right after a click can find the page part-way through one update (the toolbar in
// Chinese again, the summary still English). Every assertion about what an action changed
// therefore waits for it, as a person looking at the page would.
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';

const TIMEOUT_MS = 5000;
const POLL_MS = 20;

/**
 * Reads with `read` until the value deep-equals `expected` (or matches it, for a RegExp) or
 * five seconds pass, then asserts on the last value read, so a failure shows what the page
 * showed.
 */
export async function eventually(read, expected, message) {
  const matching = expected instanceof RegExp;
  const holds = (value) => (matching ? typeof value === 'string' && expected.test(value) : isDeepStrictEqual(value, expected));
  const until = Date.now() + TIMEOUT_MS;
  let value = await read();
  while (!holds(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    value = await read();
  }
  if (matching) assert.match(value, expected, message);
  else assert.deepEqual(value, expected, message);
}
