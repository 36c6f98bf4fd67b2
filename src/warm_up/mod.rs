//! Runs the work of a user's first paste ahead, while the page is idle after opening, so that
//! the browser has compiled and optimised it by the time the user pastes: first the importers
//! (zipin-core's `import::warm_up` says why), then a whole paste rehearsed out of sight
//! ([`rehearsal`]).

pub mod rehearsal;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::IdleDeadline;

/// Rounds of the importers' warm-up. V8 runs a wasm function in its baseline tier first and
/// optimises it only once it has run for a while: one round compiled the importers, twenty get
/// their hot loops optimised too (the sample's import pasted a second after opening, in
/// Chromium: median 6.2–6.6 → 5.0–5.7 ms; docs/PERFORMANCE.md). A round takes 2–3 ms once
/// compiled, the first ~14 ms.
const ROUNDS: u32 = 20;

/// Below this many milliseconds left in an idle period, the rest waits for the next one.
const ROUND_MS: f64 = 4.0;

/// Starts the warm-up when the browser has nothing else to do (after the first result is on
/// screen); nothing happens if the browser cannot say when that is.
pub fn start() {
    read_forms(ROUNDS);
}

/// Runs `task` in the browser's next idle period.
pub fn when_idle(task: impl FnOnce(IdleDeadline) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(task);
    let _ = window.request_idle_callback(callback.unchecked_ref());
}

/// Reads the warm-up forms for `rounds` rounds, as many in each idle period as it leaves time
/// for (one at least), then starts the rehearsal.
fn read_forms(rounds: u32) {
    when_idle(move |deadline| {
        let mut left = rounds;
        while left > 0 {
            zipin_core::import::warm_up::warm_up();
            left -= 1;
            if deadline.time_remaining() < ROUND_MS {
                break;
            }
        }
        if left > 0 {
            read_forms(left);
        } else {
            rehearsal::start();
        }
    });
}
