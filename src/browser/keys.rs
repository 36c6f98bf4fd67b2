//! Keys the page answers wherever the focus is.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

/// Listens to every key pressed in the window, the handler free to prevent its default;
/// dropping the listener stops it.
pub fn on_window_keydown(handler: impl Fn(&KeyboardEvent) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new_with_options(
        &window,
        "keydown",
        EventListenerOptions::enable_prevent_default(),
        move |event| {
            if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
                handler(event);
            }
        },
    ))
}
