//! Reads a small form in every paste shape once the page is idle after opening, so that the
//! browser has compiled the import path before the user's first paste
//! (zipin-core's `import::warm_up` says why).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Asks the browser to run the warm-up when it has nothing else to do (after the first
/// result is on screen); nothing happens if the browser cannot say when that is.
pub fn when_idle() {
    let Some(window) = web_sys::window() else { return };
    let callback = Closure::once_into_js(|| {
        zipin_core::import::warm_up::warm_up();
    });
    let _ = window.request_idle_callback(callback.unchecked_ref());
}
