//! Component tests in a real browser (wasm-bindgen-test, headless Chromium): the page is
//! mounted, edited through real DOM events, and read through the contract hooks.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlInputElement, HtmlTextAreaElement};
use zipin::app::{App, AppProps};
use zipin::documents::DocMeta;
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
    };
    let props = AppProps {
        initial: AppState::starter(meta),
        focus: None,
        start_problem: None,
        params: Default::default(),
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

mod reducer {
    //! The page's one reducer: undo coalesces typing in one cell, reaches 100 steps and more,
    //! and a redo branch is dropped by a new edit.
    use std::rc::Rc;

    use wasm_bindgen_test::*;
    use yew::Reducible;
    use zipin::documents::DocMeta;
    use zipin::state::{Action, AppState, HISTORY_LIMIT};
    use zipin_core::edit::Edit;
    use zipin_core::model::RowField;

    fn start() -> Rc<AppState> {
        Rc::new(AppState::starter(DocMeta {
            id: "t".into(),
            name: String::new(),
        }))
    }

    fn set(state: Rc<AppState>, row_index: usize, field: RowField, text: &str) -> Rc<AppState> {
        let form = state.document.forms[0].id;
        let row = state.document.forms[0].sections[0].rows[row_index].id;
        state.reduce(Action::Edit(Edit::SetRow {
            form,
            row,
            field,
            text: text.into(),
        }))
    }

    #[wasm_bindgen_test]
    fn typing_in_one_cell_is_one_undo_step() {
        let mut state = start();
        for text in ["1", "12", "123"] {
            state = set(state, 0, RowField::Weight, text);
        }
        state = set(state, 0, RowField::Score, "9");
        state = state.reduce(Action::Undo);
        assert_eq!(state.document.forms[0].sections[0].rows[0].weight, "123");
        assert_eq!(state.document.forms[0].sections[0].rows[0].score, "");
        state = state.reduce(Action::Undo);
        assert_eq!(state.document.forms[0].sections[0].rows[0].weight, "");
        assert!(!state.can_undo());
        state = state.reduce(Action::Redo);
        assert_eq!(state.document.forms[0].sections[0].rows[0].weight, "123");
        state = set(state, 0, RowField::Name, "新指标");
        assert!(!state.can_redo());
    }

    #[wasm_bindgen_test]
    fn more_than_a_hundred_steps_undo() {
        let mut state = start();
        for step in 0..150 {
            let field = if step % 2 == 0 {
                RowField::Weight
            } else {
                RowField::Score
            };
            state = set(state, 0, field, &step.to_string());
        }
        for _ in 0..120 {
            assert!(state.can_undo());
            state = state.reduce(Action::Undo);
        }
        assert_eq!(state.document.forms[0].sections[0].rows[0].weight, "28");
        const _: () = assert!(HISTORY_LIMIT >= 100);
    }

    #[wasm_bindgen_test]
    fn an_edit_that_changes_nothing_keeps_the_same_state() {
        let state = set(start(), 0, RowField::Weight, "5");
        let again = set(state.clone(), 0, RowField::Weight, "5");
        assert!(Rc::ptr_eq(&state, &again));
    }
}

mod caret {
    use wasm_bindgen_test::*;
    use zipin::navigation::caret_place;

    #[wasm_bindgen_test]
    fn arrows_leave_a_cell_only_at_the_edge_of_its_text() {
        let place = caret_place(0, 0, "95%");
        assert!(place.at_start && !place.at_end);
        let place = caret_place(3, 3, "95%");
        assert!(place.at_end && !place.at_start);
        let place = caret_place(1, 2, "95%");
        assert!(!place.at_start && !place.at_end && !place.on_first_line);
        let whole = caret_place(0, 3, "95%");
        assert!(whole.at_start && whole.at_end && whole.on_first_line && whole.on_last_line);
        let two_lines = caret_place(2, 2, "第一\n第二");
        assert!(two_lines.on_first_line && !two_lines.on_last_line);
        let second = caret_place(4, 4, "第一\n第二");
        assert!(!second.on_first_line && second.on_last_line);
    }
}

mod params {
    use wasm_bindgen_test::*;
    use zipin::i18n::Lang;
    use zipin::params::Params;
    use zipin_core::profile::ProfileId;

    #[wasm_bindgen_test]
    fn url_parameters_read_as_documented() {
        let params = Params::parse(
            "?profile=hubei&lang=en&embed=1&host=https%3A%2F%2Fportal.example%2F,https://b.example",
        );
        assert_eq!(params.profile, Some(ProfileId::Hubei));
        assert_eq!(params.lang, Some(Lang::En));
        assert!(params.embed);
        assert!(params.allows("https://portal.example"));
        assert!(params.allows("https://b.example"));
        assert!(!params.allows("https://evil.example"));
        assert!(!Params::parse("").allows("https://portal.example"));
        assert!(Params::parse("?host=*").allows("null"));
        assert_eq!(Params::parse("?profile=nowhere&embed=0"), Params::default());
    }
}

mod lang {
    use wasm_bindgen_test::*;
    use zipin::i18n::Lang;

    /// The switch offers the language not shown, and the setting it saves reads back as that
    /// language on the next visit.
    #[wasm_bindgen_test]
    fn the_switch_offers_the_other_language_and_its_setting_reads_back() {
        for lang in [Lang::Zh, Lang::En] {
            assert_ne!(lang.other(), lang);
            assert_eq!(lang.other().other(), lang);
            assert_eq!(Lang::from_key(lang.key()), Some(lang));
        }
    }
}

mod messages {
    use wasm_bindgen_test::*;
    use zipin::files::{FileError, FileProblem};
    use zipin::i18n::Lang;
    use zipin::messages;
    use zipin_core::import::header::Role;
    use zipin_core::import::notices::{NoForm, Skip};
    use zipin_core::import::office::OfficeError;
    use zipin_core::import::reading::{Part, SkipReason, WeightSource};
    use zipin_core::json::LoadError;

    fn has_chinese(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// The Chinese page shows the engine's own words; the English page its English, with
    /// the engine's figures in it.
    #[wasm_bindgen_test]
    fn the_engines_notices_and_errors_read_in_the_pages_language() {
        let skips = [
            Skip::TooManyCells,
            Skip::TooManyRows { rows: 6_000 },
            Skip::TooWide { columns: 41 },
            Skip::DocumentFull { taken: 3, left: 2 },
        ];
        for skip in &skips {
            assert_eq!(messages::skip(skip, Lang::Zh), skip.to_string());
            assert!(!has_chinese(&messages::skip(skip, Lang::En)), "{skip:?}");
        }
        assert!(messages::skip(&skips[0], Lang::En).contains("2,000,000 cells"));
        assert!(messages::skip(&skips[1], Lang::En).contains("6,000 indicator rows"));
        assert!(messages::skip(&skips[3], Lang::En).contains("only the first 3"));
        assert_eq!(
            messages::no_form(&NoForm::Empty, Lang::En),
            "The content is empty."
        );
        assert!(messages::no_form(
            &NoForm::TooLarge {
                bytes: 6 * 1_048_576
            },
            Lang::En
        )
        .contains("(6.0 MB)"));
        let error = LoadError::TooManyForms(1_001);
        assert_eq!(messages::load_error(&error, Lang::Zh), error.to_string());
        assert!(messages::load_error(&error, Lang::En).contains("1,001 forms"));
        let file = FileError {
            name: "表.xlsx".to_owned(),
            problem: FileProblem::Office(OfficeError::NoContent),
        };
        assert_eq!(
            messages::file_error(&file, Lang::Zh),
            format!("“表.xlsx”：{}", OfficeError::NoContent)
        );
        assert!(messages::file_error(&file, Lang::En).starts_with("“表.xlsx”: The file holds no"));
    }

    /// Every word of the import reading and the column chooser has its English.
    #[wasm_bindgen_test]
    fn the_reading_words_have_english_for_every_case() {
        for role in Role::ALL {
            assert_eq!(messages::role(role, Lang::Zh), role.label());
            assert!(!has_chinese(messages::role(role, Lang::En)), "{role:?}");
            assert!(
                !has_chinese(messages::missing_note(role, Lang::En)),
                "{role:?}"
            );
        }
        for reason in [
            SkipReason::Note,
            SkipReason::Checkbox,
            SkipReason::NoIndicator,
            SkipReason::Sum,
            SkipReason::Heading,
            SkipReason::Subtotal,
        ] {
            assert!(
                !has_chinese(messages::skip_reason(reason, Lang::En)),
                "{reason:?}"
            );
        }
        for part in [Part::Funds, Part::Indicators] {
            assert!(!has_chinese(messages::part(part, Lang::En)), "{part:?}");
        }
        for source in [WeightSource::Profile, WeightSource::NoBudgetPart] {
            assert_eq!(
                messages::weight_source(&source, Lang::Zh),
                source.describe()
            );
            assert!(!has_chinese(&messages::weight_source(&source, Lang::En)));
        }
    }
}
