//! Component tests in a real browser (wasm-bindgen-test, headless Chromium): the page is
//! mounted, edited through real DOM events, and read through the contract hooks.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlInputElement, HtmlTextAreaElement};
use zipin::app::App;
use zipin::documents::DocMeta;
use zipin::start::AppProps;
use zipin::state::AppState;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// Mounts a fresh page in its own element and renders it completely: the results at once,
/// the grid's rows a task later.
async fn mount() -> Element {
    let root = mount_first_render().await;
    next_task().await;
    yew::scheduler::flush().await;
    root
}

/// Mounts a fresh page and runs its first render only.
async fn mount_first_render() -> Element {
    let root = document().create_element("div").expect("a div");
    document()
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("mounted");
    let meta = DocMeta {
        id: "web-test".into(),
        name: String::new(),
        set: false,
    };
    let props = AppProps {
        initial: AppState::starter(meta),
        focus: None,
        start_problem: None,
        params: Default::default(),
        pending_set: None,
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

/// Waits for the page's timers that are already due (a `setTimeout` of 0 runs first).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("a window")
            .set_timeout_with_callback(&resolve)
            .expect("a timeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("the timeout fired");
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn value_of(root: &Element, testid: &str) -> String {
    find(root, &format!("[data-testid=\"{testid}\"]"))
        .get_attribute("data-value")
        .unwrap_or_default()
}

/// Types `text` into an input or textarea the way the browser reports it: value set,
/// `input` bubbles.
async fn type_into(input: &Element, text: &str) {
    if let Some(field) = input.dyn_ref::<HtmlInputElement>() {
        field.set_value(text);
    } else {
        input
            .dyn_ref::<HtmlTextAreaElement>()
            .expect("an input or textarea")
            .set_value(text);
    }
    let init = EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&Event::new_with_event_init_dict("input", &init).expect("an event"))
        .expect("dispatched");
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn starts_with_a_blank_form_and_every_hook() {
    let root = mount().await;
    for testid in [
        "forms-summary",
        "form-tab",
        "form",
        "execution-rate",
        "budget-score",
        "total-score",
        "grade",
        "findings",
    ] {
        find(&root, &format!("[data-testid=\"{testid}\"]"));
    }
    assert_eq!(
        root.query_selector_all("[data-testid=\"indicator-row\"]")
            .expect("rows")
            .length(),
        3
    );
    assert_eq!(
        root.query_selector_all("[data-testid=\"section-subtotal\"]")
            .expect("subtotals")
            .length(),
        3
    );
    // Nothing is scored yet: no total and no grade, rather than 0 差.
    assert_eq!(value_of(&root, "total-score"), "");
    assert_eq!(value_of(&root, "execution-rate"), "");
    assert_eq!(
        find(&root, "[data-testid=\"grade\"]")
            .text_content()
            .unwrap_or_default(),
        "—"
    );
}

/// The results reach the page before the grid's rows, which follow a task later.
#[wasm_bindgen_test]
async fn shows_the_results_first_and_the_rows_a_task_later() {
    let root = mount_first_render().await;
    let rows = |root: &Element| {
        root.query_selector_all("[data-testid=\"indicator-row\"]")
            .expect("rows")
            .length()
    };
    assert_eq!(value_of(&root, "total-score"), "");
    find(&root, "[data-testid=\"forms-summary\"]");
    assert_eq!(rows(&root), 0);
    next_task().await;
    yew::scheduler::flush().await;
    assert_eq!(rows(&root), 3);
}

#[wasm_bindgen_test]
async fn typing_funds_updates_rate_and_budget_score() {
    let root = mount().await;
    type_into(
        &find(&root, ".funds-total [data-field=\"full-year\"] input"),
        "251.89",
    )
    .await;
    type_into(
        &find(&root, ".funds-total [data-field=\"executed\"] input"),
        "245.60",
    )
    .await;
    assert_eq!(value_of(&root, "budget-score"), "9.75");
    assert_eq!(
        find(&root, "[data-testid=\"execution-rate\"]")
            .text_content()
            .unwrap_or_default(),
        "97.50%"
    );
}

#[wasm_bindgen_test]
async fn typing_a_row_scores_it_and_keeps_the_raw_text() {
    let root = mount().await;
    let row = find(&root, "[data-testid=\"indicator-row\"]");
    type_into(&find(&row, "[data-field=\"target\"] textarea"), "≥１００人").await;
    type_into(&find(&row, "[data-field=\"actual\"] textarea"), "80人").await;
    type_into(&find(&row, "[data-field=\"weight\"] input"), "50").await;
    let computed = find(&row, "[data-field=\"computed-score\"]");
    assert_eq!(computed.get_attribute("data-value").as_deref(), Some("40"));
    assert!(computed
        .get_attribute("title")
        .unwrap_or_default()
        .contains("50 × 80人 ÷ 100人 = 40.00"));
    let target: HtmlTextAreaElement = find(&row, "[data-field=\"target\"] textarea")
        .dyn_into()
        .expect("a textarea");
    assert_eq!(target.value(), "≥１００人");
    assert_eq!(value_of(&root, "total-score"), "40");
    let subtotal = find(
        &root,
        "[data-testid=\"section-subtotal\"][data-section=\"产出指标\"]",
    );
    assert_eq!(subtotal.get_attribute("data-value").as_deref(), Some("40"));
}
