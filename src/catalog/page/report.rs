//! What the page says about the file: the status line, the file's problems, the progress bar,
//! and the rows with problems with an input per bad cell.

use super::*;

/// How many of the file's problems are listed; the rest are counted.
const MAX_FILE_PROBLEMS: usize = 20;

impl CatalogPage {
    pub(super) fn status(&self) -> Html {
        let t = self.texts();
        let Some(note) = &self.note else {
            return html! { <p class="catalog-status" role="status" data-testid="catalog-status"></p> };
        };
        let (text, error) = match note {
            Note::Loaded(name) => (fill_one(t.loaded_file, name), false),
            Note::Pasted => (t.pasted.to_owned(), false),
            Note::Sample => (t.sample_loaded.to_owned(), false),
            Note::NotCsv => (t.not_csv.to_owned(), true),
            Note::NotText => (t.not_text.to_owned(), true),
            Note::Empty => (t.file_empty.to_owned(), true),
            Note::NoRows => (t.no_rows.to_owned(), true),
            Note::TooManyRows => (
                fill_one(
                    t.too_many_rows,
                    &format::number(&self.locale(), cat::MAX_ROWS.into(), 0),
                ),
                true,
            ),
            Note::TooLarge => (t.too_large.to_owned(), true),
            Note::Unreadable => (t.unreadable.to_owned(), true),
            Note::Fixed(line) => (
                fill(t.fixed, |i| {
                    (i == 0).then(|| format::number(&self.locale(), (*line).into(), 0))
                }),
                false,
            ),
            Note::ExportFailed => (t.export_failed.to_owned(), true),
            Note::Restored => (t.restored.to_owned(), false),
            Note::RestoredWithoutEdits => (t.restored_without_edits.to_owned(), true),
        };
        // Which encoding a file that was not UTF-8 was read in.
        let text = match (&self.encoding, note) {
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

    /// The kept catalog that was not opened again, because the page stopped while opening it.
    pub(super) fn skipped_notice(&self, ctx: &Context<Self>) -> Html {
        let t = self.texts();
        if self.skipped.is_none() {
            return html! {};
        }
        let link = ctx.link();
        html! {
            <section class="notice" role="alert" data-testid="catalog-skipped">
                <p>{ t.restore_skipped }</p>
                <div class="notice-actions">
                    <button type="button" class="tool" data-testid="catalog-skipped-open"
                        onclick={link.callback(|_| Msg::OpenSkipped)}>{ t.open_kept }</button>
                    <button type="button" class="tool" data-testid="catalog-skipped-download"
                        onclick={link.callback(|_| Msg::DownloadSkipped)}>{ t.download_kept }</button>
                    <button type="button" class="tool" data-testid="catalog-skipped-clear"
                        onclick={link.callback(|_| Msg::Clear)}>{ t.forget_kept }</button>
                </div>
            </section>
        }
    }

    pub(super) fn file_problems(&self) -> Html {
        let t = self.texts();
        let Some(file) = &self.file else {
            return html! {};
        };
        let n = |line: usize| format::number(&self.locale(), line.into(), 0);
        let mut lines: Vec<String> = Vec::new();
        if self.garbled {
            lines.push(t.not_utf8.to_owned());
        }
        for problem in &file.problems {
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
                        ColumnKind::Field(Field::Input(input)) => {
                            self.base.value(*input, &self.locale())
                        }
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

    pub(super) fn progress(&self, ctx: &Context<Self>) -> Html {
        let t = self.texts();
        if let Some(reading) = &self.reading {
            let (done, total) = reading.reader.progress();
            let percent = (done as u64 * 100 / total.max(1) as u64).min(100);
            let text = fill_one(
                t.reading,
                &format::number(&self.locale(), percent.into(), 0),
            );
            return html! {
                <div class="catalog-progress" data-testid="catalog-progress">
                    <label for="catalog-progress-bar">{ text }</label>
                    <progress id="catalog-progress-bar" max="100" value={percent.to_string()}></progress>
                    <button type="button" class="tool" data-testid="catalog-stop-reading"
                        onclick={ctx.link().callback(|_| Msg::StopReading)}>{ t.stop_reading }</button>
                </div>
            };
        }
        let Some(file) = &self.file else {
            return html! { <p class="empty-state" data-testid="catalog-empty">{ t.empty_state }</p> };
        };
        let total = file.rows.len();
        let done = self.results.len();
        let count = |v: usize| format::number(&self.locale(), v.into(), 0);
        if done < total {
            let text = fill_all(t.progress, &[count(done), count(total)]);
            html! {
                <div class="catalog-progress" data-testid="catalog-progress">
                    <label for="catalog-progress-bar">{ text }</label>
                    <progress id="catalog-progress-bar" max={total.to_string()} value={done.to_string()}></progress>
                </div>
            }
        } else {
            html! {
                <div class="catalog-done-row">
                    <p class="catalog-done" data-testid="catalog-done" aria-live="polite">
                        { fill_one(if total == 1 { t.done_one } else { t.done }, &count(total)) }
                    </p>
                    if self.not_kept {
                        <p class="hint" data-testid="catalog-not-kept">{ t.not_kept }</p>
                    }
                    <button type="button" class="tool" data-testid="catalog-clear"
                        onclick={ctx.link().callback(|_| Msg::Clear)}>{ t.clear }</button>
                </div>
            }
        }
    }

    pub(super) fn bad_rows(&self, ctx: &Context<Self>) -> Html {
        let t = self.texts();
        let Some(file) = &self.file else {
            return html! {};
        };
        if !self.done() {
            return html! {};
        }
        let bad: Vec<usize> = (0..self.results.len())
            .filter(|&i| !self.results[i].ok())
            .collect();
        if bad.is_empty() {
            return html! {};
        }
        let count = |v: usize| format::number(&self.locale(), v.into(), 0);
        html! {
            <section class="bad-rows" aria-labelledby="bad-title" data-testid="catalog-bad-rows">
                <h2 id="bad-title">{ fill_one(if bad.len() == 1 { t.bad_title_one } else { t.bad_title }, &count(bad.len())) }</h2>
                <p>{ t.bad_intro }</p>
                <ul class="bad-list">
                    { for bad.iter().take(BAD_LISTED).map(|&i| self.bad_row(ctx, file, i)) }
                </ul>
                if bad.len() > BAD_LISTED {
                    <p>{ fill_one(t.more_bad, &count(bad.len() - BAD_LISTED)) }</p>
                }
            </section>
        }
    }

    pub(super) fn bad_row(&self, ctx: &Context<Self>, file: &CatalogFile, index: usize) -> Html {
        let t = self.texts();
        let result = &self.results[index];
        let row = &file.rows[index];
        let line = format::number(&self.locale(), result.line.into(), 0);
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
        html! {
            <li class="bad-row" data-testid={format!("bad-row-{}", result.line)}>
                <h3>{ title }</h3>
                { for columns.into_iter().map(|column| {
                    let messages: Vec<String> = result.errors.iter()
                        .filter(|e| e.column == column)
                        .map(|e| {
                            let text = error_text(&self.locale(), &e.error).to_string();
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
                            let header = file.columns.get(c).map(|col| col.header.clone()).unwrap_or_default();
                            let id = format!("fix-{}-{c}", result.line);
                            let note_id = format!("{id}-error");
                            let cell = row.cells.get(c).cloned().unwrap_or_default();
                            // A bad category is fixed from the policy's list, in the page's
                            // language (issue #16, item 13); other cells are typed.
                            let category = result.errors.iter().any(|e| {
                                e.column == Some(c) && e.error.field == Field::Input(Input::Category)
                            });
                            let control = if category {
                                let onchange = ctx.link().callback(move |e: Event| {
                                    let select: HtmlSelectElement = e.target_unchecked_into();
                                    Msg::Fix { row: index, column: c, text: select.value() }
                                });
                                let texts = i18n::texts(self.lang);
                                html! {
                                    <select id={id.clone()} data-testid={id.clone()} aria-invalid="true"
                                        aria-describedby={note_id.clone()} {onchange}>
                                        <option value="" disabled=true selected=true>{ cell }</option>
                                        { for self.policy().categories.iter().map(|category| html! {
                                            <option value={category.id.clone()}>
                                                { i18n::category_name(texts, &category.id, &category.name) }
                                            </option>
                                        }) }
                                    </select>
                                }
                            } else {
                                let onchange = ctx.link().callback(move |e: Event| {
                                    let input: HtmlInputElement = e.target_unchecked_into();
                                    Msg::Fix { row: index, column: c, text: input.value() }
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
                                Some(Field::Input(input)) => input_label(self.lang, *input).to_owned(),
                                Some(field) => field.path().into_owned(),
                                None => String::new(),
                            };
                            html! {
                                <p class="error">{ fill_all(t.cell_error, &[label, message]) }{ " " }{ t.not_in_file }{ " " }<a href="../">{ t.settings_link }</a></p>
                            }
                        }
                    }
                }) }
                <button type="button" class="tool" onclick={ctx.link().callback(move |_| Msg::ShowRow(index))}>{ t.show_in_table }</button>
            </li>
        }
    }
}
