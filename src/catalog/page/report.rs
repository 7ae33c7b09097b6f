//! What the page says about the file: the status line, the kept catalog not opened again, the
//! file's problems, the progress bar, and the rows with problems with an input per bad cell.

use sellercalc_engine::catalog::{
    self as cat, CatalogFile, ColumnKind, Encoding, FileProblem, SkuResult, MAIN_COLUMNS,
};
use sellercalc_engine::{Field, Input, PolicySet, Problem};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::input::offer;
use super::{shown_name, Same};
use crate::catalog::settings::Base;
use crate::catalog::state::{Action, Note};
use crate::components::field::error_text;
use crate::format;
use crate::i18n::{self, fill, fill_all, fill_one, input_label, use_locale};

/// How many of the file's problems are listed; the rest are counted.
const MAX_FILE_PROBLEMS: usize = 20;
/// How many rows with problems are listed for fixing; the table's filter shows all of them.
const BAD_LISTED: usize = 20;
/// The name of the download of a kept catalog that was not opened again.
const SKIPPED_FILE: &str = "sellercalc-catalog-kept.csv";

/// Props of [`Status`].
#[derive(Properties, PartialEq)]
pub struct StatusProps {
    /// What to say.
    pub note: Option<Note>,
    /// The encoding the file was read from, when not UTF-8.
    pub encoding: Option<Encoding>,
}

/// The status line: what the last action did, or why it could not.
#[function_component]
pub fn Status(props: &StatusProps) -> Html {
    let locale = use_locale();
    let t = locale.lang.catalog();
    let Some(note) = &props.note else {
        return html! { <p class="catalog-status" role="status" data-testid="catalog-status"></p> };
    };
    let number = |n: usize| format::number(&locale, n.into(), 0);
    let (text, error) = match note {
        Note::Loaded(name) => (fill_one(t.loaded_file, name), false),
        Note::Pasted => (t.pasted.to_owned(), false),
        Note::Sample => (t.sample_loaded.to_owned(), false),
        Note::NotCsv => (t.not_csv.to_owned(), true),
        Note::NotText => (t.not_text.to_owned(), true),
        Note::Empty => (t.file_empty.to_owned(), true),
        Note::NoRows => (t.no_rows.to_owned(), true),
        Note::TooManyRows => (fill_one(t.too_many_rows, &number(cat::MAX_ROWS)), true),
        Note::TooLarge => (t.too_large.to_owned(), true),
        Note::Unreadable => (t.unreadable.to_owned(), true),
        Note::Fixed(line) => (fill(t.fixed, |i| (i == 0).then(|| number(*line))), false),
        Note::ExportFailed => (t.export_failed.to_owned(), true),
        Note::Restored => (t.restored.to_owned(), false),
        Note::RestoredWithoutEdits => (t.restored_without_edits.to_owned(), true),
        Note::ReadingStopped => (t.reading_stopped.to_owned(), false),
    };
    // Which encoding a file that was not UTF-8 was read in.
    let text = match (&props.encoding, note) {
        (Some(encoding), Note::Loaded(_)) => format!(
            "{text}{}{}",
            i18n::sentence_gap(&text),
            fill_one(t.read_as, encoding.name())
        ),
        _ => text,
    };
    html! {
        <p class={classes!("catalog-status", error.then_some("error"))} role="status" data-testid="catalog-status">{ text }</p>
    }
}

/// Props of [`SkippedNotice`].
#[derive(Properties, PartialEq)]
pub struct SkippedProps {
    /// The kept catalog's text.
    pub skipped: Same<str>,
    /// Where the notice's choices go.
    pub on: Callback<Action>,
}

/// The kept catalog that was not opened again, because the page stopped while opening it.
#[function_component]
pub fn SkippedNotice(props: &SkippedProps) -> Html {
    let t = use_locale().lang.catalog();
    let on = &props.on;
    let download = {
        let (on, text) = (on.clone(), props.skipped.clone());
        Callback::from(move |_| offer(&on, SKIPPED_FILE, &text))
    };
    html! {
        <section class="notice" role="alert" data-testid="catalog-skipped">
            <p>{ t.restore_skipped }</p>
            <div class="notice-actions">
                <button type="button" class="tool" data-testid="catalog-skipped-open"
                    onclick={on.reform(|_| Action::OpenSkipped)}>{ t.open_kept }</button>
                <button type="button" class="tool" data-testid="catalog-skipped-download"
                    onclick={download}>{ t.download_kept }</button>
                <button type="button" class="tool" data-testid="catalog-skipped-clear"
                    onclick={on.reform(|_| Action::Clear)}>{ t.forget_kept }</button>
            </div>
        </section>
    }
}

/// Props of [`FileProblems`].
#[derive(Properties, PartialEq)]
pub struct FileProblemsProps {
    /// The catalog on screen.
    pub file: Same<CatalogFile>,
    /// Whether its text had characters that were not valid UTF-8.
    pub garbled: bool,
    /// The calculator's inputs, which stand in for a missing column.
    pub base: Same<Base>,
}

/// What is wrong with the file as a whole: its encoding, its columns, its lines.
#[function_component]
pub fn FileProblems(props: &FileProblemsProps) -> Html {
    let locale = use_locale();
    let t = locale.lang.catalog();
    let n = |line: usize| format::number(&locale, line.into(), 0);
    let mut lines: Vec<String> = Vec::new();
    if props.garbled {
        lines.push(t.not_utf8.to_owned());
    }
    for problem in &props.file.problems {
        lines.push(match problem {
            FileProblem::Empty => t.file_empty.to_owned(),
            FileProblem::NoRows => t.no_rows.to_owned(),
            FileProblem::UnknownColumn { header, .. } => fill_one(t.unknown_column, header),
            FileProblem::DuplicateColumn { header, .. } => fill_one(t.duplicate_column, header),
            FileProblem::MissingColumn {
                field: ColumnKind::Name,
            } => t.no_name_column.to_owned(),
            FileProblem::MissingColumn { field } => {
                let header = MAIN_COLUMNS
                    .iter()
                    .find(|(f, _)| f == field)
                    .map_or("", |(_, h)| *h)
                    .to_owned();
                let value = match field {
                    ColumnKind::Field(Field::Input(input)) => props.base.value(*input, &locale),
                    _ => None,
                }
                .unwrap_or_else(|| "—".to_owned());
                fill_all(t.missing_column, &[header, value])
            }
            FileProblem::Malformed { line, .. } => fill_one(t.malformed, &n(*line)),
            FileProblem::TooManyCells { line } => fill_one(t.too_many_cells, &n(*line)),
            FileProblem::TooManyRows { limit } => fill_one(t.too_many_rows, &n(*limit)),
        });
    }
    if lines.is_empty() {
        return html! {};
    }
    // A file with thousands of unknown columns would list thousands of lines.
    if lines.len() > MAX_FILE_PROBLEMS {
        let more = lines.len() - MAX_FILE_PROBLEMS;
        lines.truncate(MAX_FILE_PROBLEMS);
        lines.push(fill_one(t.more_problems, &n(more)));
    }
    html! {
        <section class="file-problems notice" aria-labelledby="file-title" data-testid="catalog-file-problems">
            <h2 id="file-title">{ t.file_title }</h2>
            <ul>{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
        </section>
    }
}

/// Props of [`Progress`].
#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// While a file is read: how far, of how much.
    pub reading: Option<(usize, usize)>,
    /// How many products the catalog on screen has, if there is one.
    pub rows: Option<usize>,
    /// How many of them are computed.
    pub computed: usize,
    /// Whether the browser refused to keep the catalog.
    pub not_kept: bool,
    /// Where "Stop reading" and "Clear" go.
    pub on: Callback<Action>,
}

/// Reading or computing: how far; done: how many products, and the way to clear them.
#[function_component]
pub fn Progress(props: &ProgressProps) -> Html {
    let locale = use_locale();
    let t = locale.lang.catalog();
    let count = |v: usize| format::number(&locale, v.into(), 0);
    if let Some((done, total)) = props.reading {
        let percent = (done as u64 * 100 / total.max(1) as u64).min(100);
        let text = fill_one(t.reading, &count(percent as usize));
        return html! {
            <div class="catalog-progress" data-testid="catalog-progress">
                <label for="catalog-progress-bar">{ text }</label>
                <progress id="catalog-progress-bar" max="100" value={percent.to_string()}></progress>
                <button type="button" class="tool" data-testid="catalog-stop-reading"
                    onclick={props.on.reform(|_| Action::StopReading)}>{ t.stop_reading }</button>
            </div>
        };
    }
    let Some(total) = props.rows else {
        return html! { <p class="empty-state" data-testid="catalog-empty">{ t.empty_state }</p> };
    };
    let done = props.computed;
    // A long comparison can be abandoned: Clear is there throughout, not only at the end.
    let clear = html! {
        <button type="button" class="tool" data-testid="catalog-clear"
            onclick={props.on.reform(|_| Action::Clear)}>{ t.clear }</button>
    };
    if done < total {
        let text = fill_all(t.progress, &[count(done), count(total)]);
        html! {
            <div class="catalog-progress" data-testid="catalog-progress">
                <label for="catalog-progress-bar">{ text }</label>
                <progress id="catalog-progress-bar" max={total.to_string()} value={done.to_string()}></progress>
                { clear }
            </div>
        }
    } else {
        html! {
            <div class="catalog-done-row">
                <p class="catalog-done" data-testid="catalog-done" aria-live="polite">
                    { fill_one(if total == 1 { t.done_one } else { t.done }, &count(total)) }
                </p>
                if props.not_kept {
                    <p class="hint" data-testid="catalog-not-kept">{ t.not_kept }</p>
                }
                { clear }
            </div>
        }
    }
}

/// Props of [`BadRows`].
#[derive(Properties, PartialEq)]
pub struct BadRowsProps {
    /// The catalog on screen.
    pub file: Same<CatalogFile>,
    /// Its rows, computed.
    pub results: Same<Vec<Rc<SkuResult>>>,
    /// The id of the set of fees in use (its categories are offered for a bad category).
    pub policy: String,
    /// Where fixes go.
    pub on: Callback<Action>,
}

/// The rows with problems, each bad cell with an input to fix it in place.
#[function_component]
pub fn BadRows(props: &BadRowsProps) -> Html {
    let locale = use_locale();
    let t = locale.lang.catalog();
    let bad: Vec<usize> = (0..props.results.len())
        .filter(|&i| !props.results[i].ok())
        .collect();
    if bad.is_empty() {
        return html! {};
    }
    let count = |v: usize| format::number(&locale, v.into(), 0);
    html! {
        <section class="bad-rows" aria-labelledby="bad-title" data-testid="catalog-bad-rows">
            <h2 id="bad-title">{ fill_one(if bad.len() == 1 { t.bad_title_one } else { t.bad_title }, &count(bad.len())) }</h2>
            <p>{ t.bad_intro }</p>
            <ul class="bad-list">
                { for bad.iter().take(BAD_LISTED).map(|&i| bad_row(props, &locale, i)) }
            </ul>
            if bad.len() > BAD_LISTED {
                <p>{ fill_one(t.more_bad, &count(bad.len() - BAD_LISTED)) }</p>
            }
        </section>
    }
}

/// One row with problems: a field per bad cell, and the problems not in the file.
fn bad_row(props: &BadRowsProps, locale: &i18n::Locale, index: usize) -> Html {
    let lang = locale.lang;
    let t = lang.catalog();
    let result = &props.results[index];
    let row = &props.file.rows[index];
    let line = format::number(locale, result.line.into(), 0);
    let title = if result.name.is_empty() {
        fill_one(t.row, &line)
    } else {
        fill_all(t.row_named, &[&line, &shown_name(&result.name)])
    };
    // One entry per column (a cell can have several problems), then those not in the file.
    let mut columns: Vec<Option<usize>> = Vec::new();
    for e in &result.errors {
        if !columns.contains(&e.column) {
            columns.push(e.column);
        }
    }
    let on = &props.on;
    html! {
        <li class="bad-row" data-testid={format!("bad-row-{}", result.line)}>
            <h3>{ title }</h3>
            { for columns.into_iter().map(|column| {
                let messages: Vec<String> = result.errors.iter()
                    .filter(|e| e.column == column)
                    .map(|e| {
                        let mut text = error_text(locale, &e.error).to_string();
                        // A file has no list to choose from: the values a cell may hold, but
                        // for a category, which is chosen from its list below.
                        if let Problem::UnknownValue { allowed, .. } = &e.error.problem {
                            if !allowed.is_empty() && e.error.field != Field::Input(Input::Category) {
                                text.push(' ');
                                text.push_str(&fill_one(t.one_of, &allowed.join(", ")));
                            }
                        }
                        // One market of a row's mix: which one (issue #15).
                        match e.error.field {
                            Field::Market { index, .. } => fill_all(t.market_numbered, &[(index + 1).to_string(), text]),
                            _ => text,
                        }
                    })
                    .collect();
                let message = messages.join(" ");
                match column {
                    Some(c) => {
                        let header = props.file.columns.get(c).map(|col| col.header.clone()).unwrap_or_default();
                        let id = format!("fix-{}-{c}", result.line);
                        let note_id = format!("{id}-error");
                        let cell = row.cells.get(c).cloned().unwrap_or_default();
                        // A bad category is fixed from the policy's list, in the page's
                        // language (issue #16, item 13); other cells are typed.
                        let category = result.errors.iter().any(|e| {
                            e.column == Some(c) && e.error.field == Field::Input(Input::Category)
                        });
                        let control = if category {
                            let onchange = on.reform(move |e: Event| {
                                let select: HtmlSelectElement = e.target_unchecked_into();
                                Action::Fix { row: index, column: c, text: select.value() }
                            });
                            let texts = i18n::texts(lang);
                            let categories = PolicySet::find(&props.policy)
                                .map(|p| p.categories.as_slice())
                                .unwrap_or_default();
                            html! {
                                <select id={id.clone()} data-testid={id.clone()} aria-invalid="true"
                                    aria-describedby={note_id.clone()} {onchange}>
                                    <option value="" disabled=true selected=true>{ cell }</option>
                                    { for categories.iter().map(|category| html! {
                                        <option value={category.id.clone()}>
                                            { i18n::category_name(texts, &category.id, &category.name) }
                                        </option>
                                    }) }
                                </select>
                            }
                        } else {
                            let onchange = on.reform(move |e: Event| {
                                let input: HtmlInputElement = e.target_unchecked_into();
                                Action::Fix { row: index, column: c, text: input.value() }
                            });
                            html! {
                                <input id={id.clone()} type="text" data-testid={id.clone()} value={cell}
                                    aria-invalid="true" aria-describedby={note_id.clone()} {onchange} />
                            }
                        };
                        html! {
                            <div class="field invalid">
                                <label for={id.clone()}>{ header }</label>
                                <div class="control">{ control }</div>
                                <p class="error" id={note_id}>{ message }</p>
                            </div>
                        }
                    }
                    None => {
                        let field = result.errors.iter().find(|e| e.column.is_none()).map(|e| &e.error.field);
                        let label = match field {
                            Some(Field::Input(input)) => input_label(lang, *input).to_owned(),
                            Some(field) => field.path().into_owned(),
                            None => String::new(),
                        };
                        html! {
                            <p class="error">{ fill_all(t.cell_error, &[label, message]) }{ " " }{ t.not_in_file }{ " " }<a href="../">{ t.settings_link }</a></p>
                        }
                    }
                }
            }) }
            <button type="button" class="tool" onclick={on.reform(move |_| Action::ShowRow(index))}>{ t.show_in_table }</button>
        </li>
    }
}
