// Reading the page after an action. Yew renders a click's update in a microtask, or, when its
// scheduler is part-way through other work (after 16 ms it yields to the browser with a
// zero-delay timer and takes later updates with it), in a later task. A read straight after a click can then come
// before the click's result: CI once read the toolbar still in English after switching back.
// Every assertion about what an action changed therefore waits for it, as a person would.
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';

const TIMEOUT_MS = 5000;
const POLL_MS = 20;

/**
 * Reads with `read` until the value deep-equals `expected` (or matches it, for a RegExp) or
 * five seconds (or `timeout` ms) pass, then asserts on the last value read, so a failure
 * shows what the page showed.
 */
export async function eventually(read, expected, message, timeout = TIMEOUT_MS) {
  const matching = expected instanceof RegExp;
  const holds = (value) => (matching ? typeof value === 'string' && expected.test(value) : isDeepStrictEqual(value, expected));
  const until = Date.now() + timeout;
  let value = await read();
  while (!holds(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    value = await read();
  }
  if (matching) assert.match(value, expected, message);
  else assert.deepEqual(value, expected, message);
}
