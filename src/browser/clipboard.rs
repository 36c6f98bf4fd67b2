//! Copying text: through a selected textarea, which works on file:// and plain http too,
//! where the async clipboard API is refused.

use wasm_bindgen::JsCast;

/// Copies `text`; returns whether the browser did.
pub fn copy_text(text: &str) -> bool {
    let copied = (|| {
        let document = web_sys::window()?.document()?;
        let area: web_sys::HtmlTextAreaElement =
            document.create_element("textarea").ok()?.dyn_into().ok()?;
        area.set_value(text);
        area.set_attribute("readonly", "").ok()?;
        area.style().set_property("position", "fixed").ok()?;
        area.style().set_property("opacity", "0").ok()?;
        document.body()?.append_child(&area).ok()?;
        area.select();
        let html: web_sys::HtmlDocument = document.dyn_into().ok()?;
        let copied = html.exec_command("copy").unwrap_or(false);
        area.remove();
        Some(copied)
    })();
    copied.unwrap_or(false)
}
