//! The crash screen. A wasm panic stops the page for good, so the panic hook draws a plain
//! screen itself (Yew is gone by then) that says what happened and offers the last saved
//! document for download.

use std::panic;

use wasm_bindgen::JsCast;

use crate::documents;

/// Installs the hook. Call once, before mounting.
pub fn install() {
    panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("zipin crashed: {info}").into());
        show_crash_screen();
    }));
}

/// Debug builds only: `?debug-crash=1` panics at start, so the end-to-end tests can see the
/// crash screen. Release builds have no such trigger.
#[cfg(debug_assertions)]
#[allow(clippy::panic)]
pub fn trigger_for_tests() {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    if search.contains("debug-crash=1") {
        panic!("debug-crash=1: a crash asked for by a test");
    }
}

fn show_crash_screen() -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let saved = documents::session()
        .and_then(|session| {
            crate::browser::storage::get(&documents::document_key(&session.document))
        })
        .unwrap_or_default();
    let screen = document.create_element("div").ok()?;
    screen.set_attribute("class", "crash").ok()?;
    screen.set_attribute("role", "alert").ok()?;
    screen.set_attribute("data-testid", "crash-screen").ok()?;
    let title = document.create_element("h1").ok()?;
    title.set_text_content(Some("页面出错了 · The page has crashed"));
    let text = document.create_element("p").ok()?;
    text.set_text_content(Some(
        "很抱歉，页面遇到意外错误。您最近保存的文档仍在本机：请先下载备份，再刷新页面。\
         Sorry: the page hit an unexpected error. Download your last saved document, then reload.",
    ));
    screen.append_child(&title).ok()?;
    screen.append_child(&text).ok()?;
    if !saved.is_empty() {
        let link: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        let encoded = js_sys::encode_uri_component(&saved);
        link.set_href(&format!("data:application/json;charset=utf-8,{encoded}"));
        link.set_download("zipin-备份.json");
        link.set_text_content(Some(
            "下载最近保存的文档 · Download the last saved document",
        ));
        link.set_attribute("data-testid", "crash-download").ok()?;
        screen.append_child(&link).ok()?;
    }
    body.set_inner_html("");
    body.append_child(&screen).ok()?;
    Some(())
}
