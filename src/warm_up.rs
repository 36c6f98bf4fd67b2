//! Reads a small form in every paste shape while the page is idle after opening, round after
//! round, so that the browser has compiled and optimised the import path before the user's
//! first paste (zipin-core's `import::warm_up` says why).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::IdleDeadline;

/// Rounds of the warm-up. V8 runs a wasm function in its baseline tier first and optimises it
/// only once it has run for a while: one round compiled the importers, twenty get their hot
/// loops optimised too (the sample's import pasted a second after opening, in Chromium:
/// median 6.2–6.6 → 5.0–5.7 ms; docs/PERFORMANCE.md). A round takes 2–3 ms once compiled,
/// the first ~14 ms, as the single round did before.
const ROUNDS: u32 = 20;

/// Below this many milliseconds left in an idle period, the rest waits for the next one.
const ROUND_MS: f64 = 4.0;

/// Asks the browser to run the warm-up when it has nothing else to do (after the first
/// result is on screen); nothing happens if the browser cannot say when that is.
pub fn when_idle() {
    schedule(ROUNDS);
}

/// Runs rounds in the next idle period while it lasts (one at least), and asks for another
/// period for the rest.
fn schedule(rounds: u32) {
    let Some(window) = web_sys::window() else { return };
    let callback = Closure::once_into_js(move |deadline: IdleDeadline| {
        let mut left = rounds;
        while left > 0 {
            zipin_core::import::warm_up::warm_up();
            left -= 1;
            if deadline.time_remaining() < ROUND_MS {
                break;
            }
        }
        if left > 0 {
            schedule(left);
        }
    });
    let _ = window.request_idle_callback(callback.unchecked_ref());
}
