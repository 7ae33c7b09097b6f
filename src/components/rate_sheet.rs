//! "Your rate sheet" (issue #15, item 2): download the template (the policy's current rates), load
//! a CSV that replaces the policy's postage in this browser, see each bad row by row and column,
//! remove it. The sheet is kept in local storage; one that cannot be read is kept and said so.

use sellercalc_engine::catalog::FileProblem;
use sellercalc_engine::rates::{read_rate_sheet, sheet_template, SheetError, SheetProblem};
use sellercalc_engine::{Field, FieldError, Problem};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::field::error_text;
use crate::files::{read, Decoded};
use crate::format;
use crate::i18n::share::share_texts;
use crate::i18n::{fill_all, fill_one, use_locale};
use crate::rate_sheet::{self, Loaded, Stored};
use crate::state::{policy_set, Action};

/// The most problems a refused sheet lists; a line says how many more there are.
const SHOWN_ERRORS: usize = 50;

/// The next number of a file chosen or a removal (see `RateSheetPanel`'s `chosen`).
fn next_ticket(chosen: &std::cell::RefCell<u32>) -> u32 {
    let mut n = chosen.borrow_mut();
    *n = n.wrapping_add(1);
    *n
}

/// Props of [`RateSheetPanel`].
#[derive(Properties, PartialEq)]
pub struct RateSheetProps {
    /// The id of the set of fees in use (its rates make the template; a sheet is checked
    /// against its markets, services and bands).
    pub policy: AttrValue,
    /// Where `RatesChanged` goes.
    pub on: Callback<Action>,
    /// Whether the browser keeps things (not in an embed or a private window that refuses).
    pub persist: bool,
}

/// What the panel shows besides the sheet in use.
#[derive(Clone, Debug, Default, PartialEq)]
struct View {
    /// The last file's problems (it was not loaded), with its headers.
    rejected: Option<(Vec<String>, Vec<SheetError>)>,
    /// The stored sheet could not be read (it is kept).
    unreadable: bool,
    /// The browser refused to keep the sheet.
    not_kept: bool,
    /// The last file was refused before reading: a workbook (`true`) or not text (`false`).
    refused: Option<bool>,
    /// Kept open once the seller has used it (or to show a problem).
    open: bool,
}

/// The panel.
#[function_component]
pub fn RateSheetPanel(props: &RateSheetProps) -> Html {
    let locale = use_locale();
    let s = share_texts(locale.lang);
    let view = use_state(View::default);
    // The stored sheet, read once the page is up (never during the first render).
    {
        let view = view.clone();
        let on = props.on.clone();
        let persist = props.persist;
        use_effect_with((), move |_| {
            if persist && rate_sheet::active().is_none() {
                match rate_sheet::load() {
                    Stored::Sheet(loaded) => {
                        rate_sheet::set_active(Some(loaded));
                        // Drawn again with the sheet: the panel's props do not change with it.
                        view.set(View::default());
                        on.emit(Action::RatesChanged);
                    }
                    Stored::Unreadable => view.set(View {
                        unreadable: true,
                        open: true,
                        ..View::default()
                    }),
                    Stored::None => {}
                }
            }
        });
    }
    let policy = policy_set(&props.policy);
    let on_template = {
        let text = sheet_template(policy);
        Callback::from(move |_: MouseEvent| {
            crate::export::download(rate_sheet::TEMPLATE_FILE, "text/csv", &text);
        })
    };
    // Each file chosen (and each removal) gets the next number: what comes of a file still being
    // decoded when another is chosen, or the sheet removed, is dropped (hostile review).
    let chosen = use_mut_ref(|| 0u32);
    let on_file = {
        let view = view.clone();
        let (on, policy_id) = (props.on.clone(), props.policy.clone());
        let persist = props.persist;
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let view = view.clone();
            let (on, policy_id) = (on.clone(), policy_id.clone());
            let ticket = next_ticket(&chosen);
            let chosen = chosen.clone();
            spawn_local(async move {
                // Decoded as the catalog decodes its files; a workbook or a file that is not text
                // is refused with what to do, not read row by row.
                let decoded = read(&file).await;
                if *chosen.borrow() != ticket {
                    return;
                }
                let text = match decoded {
                    Some(Decoded::Text(text, _)) => text,
                    refused => {
                        view.set(View {
                            refused: Some(matches!(refused, Some(Decoded::Workbook))),
                            unreadable: view.unreadable,
                            open: true,
                            ..View::default()
                        });
                        return;
                    }
                };
                let read = read_rate_sheet(&text, policy_set(&policy_id));
                if !read.ok() || read.sheet.rates.is_empty() {
                    let mut errors = read.errors;
                    if errors.is_empty() {
                        errors.push(SheetError {
                            line: None,
                            column: None,
                            problem: SheetProblem::File(FileProblem::NoRows),
                        });
                    }
                    // The file's own problems first, then each row's, in the file's order.
                    errors.sort_by_key(|e| (e.line.is_some(), e.line, e.column));
                    view.set(View {
                        rejected: Some((read.headers, errors)),
                        unreadable: view.unreadable,
                        open: true,
                        ..View::default()
                    });
                    return;
                }
                let loaded = Loaded {
                    sheet: read.sheet,
                    loaded_on: rate_sheet::today(),
                    text,
                };
                let kept = persist && rate_sheet::save(&loaded);
                rate_sheet::set_active(Some(loaded));
                view.set(View {
                    not_kept: !kept,
                    open: true,
                    ..View::default()
                });
                on.emit(Action::RatesChanged);
            });
        })
    };
    let on_remove = {
        let view = view.clone();
        let on = props.on.clone();
        Callback::from(move |_: MouseEvent| {
            next_ticket(&chosen);
            rate_sheet::forget();
            rate_sheet::set_active(None);
            view.set(View {
                open: true,
                ..View::default()
            });
            on.emit(Action::RatesChanged);
        })
    };
    let active = rate_sheet::active();
    let problem_text = |headers: &[String], error: &SheetError| -> String {
        let what = match &error.problem {
            SheetProblem::TooLarge => s.rs_too_large.to_owned(),
            SheetProblem::MissingColumn(column) => fill_one(s.rs_missing_column, column.header()),
            SheetProblem::Duplicate { first_line } => {
                fill_one(s.rs_duplicate, &first_line.to_string())
            }
            SheetProblem::File(
                FileProblem::Malformed { .. } | FileProblem::TooManyCells { .. },
            ) => s.rs_unreadable_row.to_owned(),
            SheetProblem::File(FileProblem::TooManyRows { .. }) => s.rs_too_large.to_owned(),
            SheetProblem::File(_) => s.rs_empty.to_owned(),
            SheetProblem::Cell(Problem::UnknownValue { given, allowed }) => {
                fill_all(s.rs_unknown, &[given.clone(), allowed.join(", ")])
            }
            SheetProblem::Cell(problem) => {
                error_text(&locale, &FieldError::new(Field::Scenario, problem.clone())).to_string()
            }
        };
        let header = error
            .column
            .and_then(|c| headers.get(c))
            .filter(|h| !h.trim().is_empty());
        match (error.line, header) {
            (Some(line), Some(header)) => {
                fill_all(s.rs_row_error, &[line.to_string(), header.clone(), what])
            }
            (Some(line), None) => fill_all(s.rs_row_only, &[line.to_string(), what]),
            (None, _) => fill_one(s.rs_file_error, &what),
        }
    };
    html! {
        <details class="saved rate-sheet" data-testid="rate-sheet" open={view.open}>
            <summary>
                { s.rs_title }
                <span class="explain">{ " · " }{ active.as_ref().map_or(s.saved_where, |_| "✓") }
                    if let Some(loaded) = &active { { " " }{ &loaded.loaded_on } }
                </span>
            </summary>
            <p class="hint">{ fill_one(s.rs_intro, &policy.currency) }</p>
            <div class="rate-sheet-actions">
                <button type="button" class="tool" data-testid="rate-sheet-template" onclick={on_template}>{ s.rs_template }</button>
                <label class="tool file-button">
                    { s.rs_load }
                    <input type="file" accept=".csv,text/csv,text/plain" class="visually-hidden"
                        data-testid="rate-sheet-file" onchange={on_file} />
                </label>
                if active.is_some() || view.unreadable {
                    <button type="button" class="tool" data-testid="rate-sheet-remove" onclick={on_remove}>{ s.rs_remove }</button>
                }
            </div>
            if let Some(loaded) = &active {
                <p class="rate-sheet-status" data-testid="rate-sheet-status">
                    if loaded.sheet.rates.len() == 1 {
                        { fill_one(s.rs_active_one, &loaded.loaded_on) }
                    } else {
                        { fill_all(s.rs_active, &[loaded.loaded_on.clone(), loaded.sheet.rates.len().to_string()]) }
                    }
                </p>
            }
            if view.not_kept {
                <p class="hint">{ s.rs_not_kept }</p>
            }
            if view.unreadable && active.is_none() {
                <p class="error" data-testid="rate-sheet-unreadable">{ s.rs_unreadable }</p>
            }
            if let Some(workbook) = view.refused {
                <p class="error" role="alert" data-testid="rate-sheet-refused">
                    { if workbook { s.rs_not_csv } else { s.rs_not_text } }{ " " }{ s.rs_unchanged }
                </p>
            }
            if let Some((headers, errors)) = &view.rejected {
                <div class="error" role="alert">
                    <p>{ s.rs_rejected }</p>
                    <ul data-testid="rate-sheet-errors">
                        { for errors.iter().take(SHOWN_ERRORS).map(|e| html! { <li>{ problem_text(headers, e) }</li> }) }
                    </ul>
                    if errors.len() > SHOWN_ERRORS {
                        <p data-testid="rate-sheet-more">
                            { fill_one(s.rs_more, &format::number(&locale, (errors.len() - SHOWN_ERRORS).into(), 0)) }
                        </p>
                    }
                </div>
            }
        </details>
    }
}
