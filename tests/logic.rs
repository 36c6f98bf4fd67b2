//! The page's pure logic, natively: the reducer's history, the caret's place in a cell, the
//! URL parameters, the language switch, and the page's wording of the engine's notices and
//! errors. Nothing here needs a browser; what does is in `web.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod reducer {
    //! The page's one reducer: undo coalesces typing in one cell, reaches 100 steps and more,
    //! and a redo branch is dropped by a new edit.
    use std::rc::Rc;

    use yew::Reducible;
    use zipin::documents::DocMeta;
    use zipin::state::{Action, AppState, HISTORY_LIMIT};
    use zipin_core::edit::Edit;
    use zipin_core::model::RowField;

    fn start() -> Rc<AppState> {
        Rc::new(AppState::starter(DocMeta {
            id: "t".into(),
            name: String::new(),
            set: false,
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

    #[test]
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

    #[test]
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

    #[test]
    fn an_edit_that_changes_nothing_keeps_the_same_state() {
        let state = set(start(), 0, RowField::Weight, "5");
        let again = set(state.clone(), 0, RowField::Weight, "5");
        assert!(Rc::ptr_eq(&state, &again));
    }
}

mod caret {
    use zipin::navigation::caret_place;

    #[test]
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
    use zipin::i18n::Lang;
    use zipin::params::Params;
    use zipin_core::profile::ProfileId;

    #[test]
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
    use zipin::i18n::Lang;

    /// The switch offers the language not shown, and the setting it saves reads back as that
    /// language on the next visit.
    #[test]
    fn the_switch_offers_the_other_language_and_its_setting_reads_back() {
        for lang in [Lang::Zh, Lang::En] {
            assert_ne!(lang.other(), lang);
            assert_eq!(lang.other().other(), lang);
            assert_eq!(Lang::from_key(lang.key()), Some(lang));
        }
    }
}

mod messages {
    use zipin::i18n::Lang;
    use zipin::messages;
    use zipin_core::files::{FileError, FileProblem};
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
    #[test]
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
    #[test]
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

mod review_rows {
    //! The desk's rows are written as markup: every text from a file is escaped, and the cells
    //! carry the fields and exact values the contract names.
    use rust_decimal::Decimal;
    use zipin::components::desk::row_markup::push_row;
    use zipin::i18n::Lang;
    use zipin_core::model::{FormId, FormKind};
    use zipin_core::review::ReviewRow;
    use zipin_core::score::Grade;

    fn row(file: &str) -> ReviewRow {
        ReviewRow {
            form: FormId(7),
            file: file.to_owned(),
            index_in_file: 0,
            kind: FormKind::Project,
            unit: "某局\"办公室\"".to_owned(),
            name: "A&B 项目".to_owned(),
            claimed_total: Some(Decimal::new(97, 0)),
            total: Some(Decimal::new(955, 1)),
            difference: Some(Decimal::new(15, 1)),
            claimed_grade: Some(Grade::Excellent),
            grade: Some(Grade::Good),
            rate: Some(Decimal::new(9512, 4)),
            errors: 2,
            warnings: 0,
            infos: 1,
        }
    }

    #[test]
    fn a_hostile_file_name_stays_text() {
        let mut out = String::new();
        push_row(
            &mut out,
            &row("<img src=x onerror=alert(1)>.docx"),
            false,
            Lang::Zh,
        );
        assert!(out.contains("<td data-field=\"file\" class=\"file\">&lt;img src=x onerror=alert(1)&gt;.docx</td>"), "{out}");
        assert!(
            out.contains("<td data-field=\"unit\">某局&quot;办公室&quot;</td>"),
            "{out}"
        );
        assert!(
            out.contains("<th scope=\"row\" data-field=\"name\">A&amp;B 项目</th>"),
            "{out}"
        );
        assert!(!out.contains("<img"), "{out}");
    }

    #[test]
    fn figures_and_marks() {
        let mut out = String::new();
        push_row(&mut out, &row("a.docx"), true, Lang::Zh);
        assert!(
            out.starts_with(
                "<tr data-testid=\"review-row\" data-form-id=\"7\" tabindex=\"0\" class=\"active\""
            ),
            "{out}"
        );
        for cell in [
            "<td data-field=\"claimed-total\" class=\"num\" data-value=\"97\">97</td>",
            "<td data-field=\"total\" class=\"num\" data-value=\"95.5\">95.50</td>",
            "<td data-field=\"difference\" class=\"num differs\" data-value=\"1.5\">+1.5</td>",
            "<td data-field=\"grade\" class=\"grade grade-good differs\">良</td>",
            "<td data-field=\"errors\" class=\"num error\" data-value=\"2\">2</td>",
            "<td data-field=\"warnings\" class=\"num\" data-value=\"0\"></td>",
        ] {
            assert!(out.contains(cell), "{cell} in {out}");
        }
        assert!(out.ends_with("</tr>"));
        let mut plain = String::new();
        push_row(&mut plain, &row("a.docx"), false, Lang::Zh);
        assert!(!plain.contains("active"));
    }
}
