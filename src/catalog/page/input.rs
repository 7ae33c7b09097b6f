//! The "Your products" section: upload, paste, template and sample, the shared settings, the
//! set of AliExpress fees and the target margin.

use sellercalc_engine::catalog::{self as cat, CatalogFile, MAIN_COLUMNS};
use sellercalc_engine::PolicySet;
use wasm_bindgen_futures::spawn_local;
use web_sys::{File, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::Same;
use crate::catalog::settings::Base;
use crate::catalog::state::{read_target, Action, Note};
use crate::export::download;
use crate::files::{read, Decoded};
use crate::format;
use crate::i18n::{self, fill_all, fill_one, input_label, use_locale};

/// Files larger than this are refused: split them.
const MAX_FILE_BYTES: f64 = 50.0 * 1024.0 * 1024.0;

/// Props of [`InputSection`].
#[derive(Properties, PartialEq)]
pub struct InputProps {
    /// The paste box's text.
    pub paste: AttrValue,
    /// The target margin as typed.
    pub target_text: String,
    /// The calculator's inputs every row starts from.
    pub base: Same<Base>,
    /// The catalog on screen, if any.
    pub file: Option<Same<CatalogFile>>,
    /// The id of the set of fees in use.
    pub policy: String,
    /// Where the section's actions go.
    pub on: Callback<Action>,
}

/// Reads a chosen file (refusing a workbook, a file too large or one that is not text) and sends
/// what it found.
fn upload(file: File, on: Callback<Action>) {
    thread_local! {
        static CHOSEN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    // Numbered, so that what comes of a file still being decoded when the visitor chooses,
    // loads or clears something else is dropped (hostile review, session of 2026-12-05).
    let ticket = CHOSEN.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    on.emit(Action::Choose(ticket));
    let then = move |action: Action| Action::Upload {
        ticket,
        then: Box::new(action),
    };
    let name = file.name();
    let lower = name.to_lowercase();
    if [".xlsx", ".xls", ".xlsm", ".ods", ".numbers"]
        .iter()
        .any(|ext| lower.ends_with(ext))
    {
        return on.emit(then(Action::Say(Note::NotCsv)));
    }
    if file.size() > MAX_FILE_BYTES {
        return on.emit(then(Action::Say(Note::TooLarge)));
    }
    spawn_local(async move {
        // The products already compared stay on screen when a file is refused.
        let action = match read(&file).await {
            Some(Decoded::Text(text, encoding)) => Action::Read {
                name,
                text,
                encoding,
            },
            Some(Decoded::Workbook) => Action::Say(Note::NotCsv),
            Some(Decoded::NotText) => Action::Say(Note::NotText),
            None => Action::Say(Note::Unreadable),
        };
        on.emit(then(action));
    });
}

/// Offers a file for download, or says that it could not.
pub(super) fn offer(on: &Callback<Action>, name: &str, text: &str) {
    if !download(name, "text/csv", text) {
        on.emit(Action::Say(Note::ExportFailed));
    }
}

/// Loading a file, pasting rows, the template and the sample, and the settings every row shares.
#[function_component]
pub fn InputSection(props: &InputProps) -> Html {
    let locale = use_locale();
    let lang = locale.lang;
    let t = lang.catalog();
    let on = &props.on;
    let on_file = {
        let on = on.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let file = input.files().and_then(|files| files.get(0));
            // Picking the same file again must fire `change` again.
            input.set_value("");
            if let Some(file) = file {
                upload(file, on.clone());
            }
        })
    };
    let on_paste = on.reform(|e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        Action::Paste(area.value())
    });
    let on_target = on.reform(|e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::Target(input.value())
    });
    let download_template = {
        let on = on.clone();
        Callback::from(move |_| offer(&on, cat::TEMPLATE_FILE, cat::template_csv()))
    };
    let download_sample = {
        let on = on.clone();
        Callback::from(move |_| offer(&on, cat::SAMPLE_FILE, cat::sample_csv()))
    };
    let columns: Vec<String> = MAIN_COLUMNS.iter().map(|(_, h)| (*h).to_owned()).collect();
    let columns = i18n::and_list(lang, &columns);
    let target_issue = read_target(lang, &props.target_text).err();
    let summary = props.base.summary(&locale, props.file.as_deref());
    html! {
        <section class="catalog-input" aria-labelledby="input-title">
            <h2 id="input-title">{ t.input_title }</h2>
            <p>{ t.intro }</p>
            <div class="load-row">
                <label class="tool primary file-button" for="catalog-file">{ t.upload }</label>
                <input type="file" id="catalog-file" class="visually-hidden-file" accept=".csv,.tsv,.txt,text/csv,text/plain"
                    data-testid="catalog-file" onchange={on_file} aria-describedby="upload-hint" />
                <button type="button" class="tool" data-testid="catalog-try-sample"
                    onclick={on.reform(|_| Action::TrySample)}>{ t.try_sample }</button>
                <button type="button" class="tool" data-testid="catalog-template"
                    onclick={download_template}>{ t.template }</button>
                <button type="button" class="tool" data-testid="catalog-sample"
                    onclick={download_sample}>{ t.sample }</button>
            </div>
            <p class="hint" id="upload-hint">{ t.upload_hint }</p>
            <p class="hint">{ fill_one(t.columns_help, &columns) }</p>
            <p class="hint">{ t.supply_optional }</p>
            <details class="optional-columns">
                <summary>{ t.optional_title }</summary>
                <p>{ t.optional_intro }</p>
                <ul class="column-list" data-testid="catalog-optional-columns">
                    { for cat::OPTIONAL_INPUTS.iter().map(|input| {
                        let label = input_label(lang, *input);
                        let header = cat::optional_header(*input).unwrap_or_default();
                        html! {
                            <li><code>{ header }</code>{ " · " }<code>{ input.path() }</code>{ " · " }{ label }</li>
                        }
                    }) }
                    // Several markets per row (issue #15).
                    <li><code>{ "Markets" }</code>{ " · " }<code>{ cat::MIX_ALIASES[0] }</code>{ " · " }{ t.mix_column }</li>
                </ul>
                <p>{ fill_one(t.optional_assumptions, "assumptions.commission.home") }</p>
                <p>{ t.optional_semi_marketing }</p>
            </details>
            <div class="paste">
                <label for="catalog-paste">{ t.paste_label }</label>
                <textarea id="catalog-paste" rows="4" data-testid="catalog-paste" spellcheck="false"
                    placeholder={t.paste_placeholder} value={props.paste.clone()} oninput={on_paste} />
                <button type="button" class="tool" data-testid="catalog-compare-pasted"
                    onclick={on.reform(|_| Action::ComparePasted)}>{ t.compare_pasted }</button>
            </div>
            <div class="shared-settings">
                <p>
                    { if summary.is_empty() { String::new() } else {
                        fill_one(t.settings, &summary.join(" · "))
                    } }
                    { " " }
                    if !props.base.from_calculator { { t.settings_default } { " " } }
                    <a href="../">{ t.settings_link }</a>
                </p>
                <FeesChoice base={props.base.clone()} policy={props.policy.clone()} on={on.clone()} />
                <div class={classes!("field", "target", target_issue.is_some().then_some("invalid"))}>
                    <label for="catalog-target">{ t.target_label }</label>
                    <div class="control">
                        <input id="catalog-target" type="text" inputmode="decimal" data-testid="catalog-target"
                            value={props.target_text.clone()} oninput={on_target}
                            aria-invalid={target_issue.is_some().to_string()}
                            aria-describedby="catalog-target-note" />
                        <span class="unit">{ "%" }</span>
                    </div>
                    if let Some(issue) = target_issue {
                        <p class="error" id="catalog-target-note" role="alert">{ issue }</p>
                    } else {
                        <p class="hint" id="catalog-target-note">{ t.target_hint }</p>
                    }
                </div>
            </div>
        </section>
    }
}

/// Props of [`FeesChoice`].
#[derive(Properties, PartialEq)]
pub struct FeesProps {
    /// The calculator's inputs, and its set of fees.
    pub base: Same<Base>,
    /// The id of the set of fees in use.
    pub policy: String,
    /// Where the choice goes.
    pub on: Callback<Action>,
}

/// The set of AliExpress fees every row uses: a selector of the built-in sets, newest first,
/// set to the calculator's unless the user picks another here, and what that choice means.
#[function_component]
pub fn FeesChoice(props: &FeesProps) -> Html {
    let locale = use_locale();
    let t = locale.lang.catalog();
    let words = &locale.lang.texts().policy;
    let date = |set: &PolicySet| format::date(&locale, &set.effective_date);
    let base = &props.base;
    let policy = PolicySet::find(&props.policy).unwrap_or(base.policy);
    let newest = PolicySet::newest();
    let mut sets: Vec<&'static PolicySet> = PolicySet::builtin().iter().collect();
    sets.sort_by(|a, b| b.effective_date.cmp(&a.effective_date));
    let on_change = props.on.reform(|e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Action::Policy(select.value())
    });
    let mut notes = Vec::new();
    if policy.id == base.policy.id {
        notes.push(t.fees_calculator.to_owned());
    } else {
        notes.push(fill_one(t.fees_calculator_other, &date(base.policy)));
    }
    if let Some(newest) = newest.filter(|n| n.id != policy.id) {
        notes.push(fill_all(words.not_newest, &[date(policy), date(newest)]));
    }
    let left_out = base.left_out(policy);
    if !left_out.is_empty() {
        notes.push(fill_one(t.fees_left_out, &left_out.join(", ")));
    }
    // The calculator's rate sheet, in force here too (see `CatalogState::start`).
    if let Some(sheet) = crate::rate_sheet::active() {
        notes.push(fill_one(
            crate::i18n::share::share_texts(locale.lang).rs_postage_note,
            &sheet.loaded_on,
        ));
    }
    let note = notes.iter().fold(String::new(), |mut all, n| {
        if !all.is_empty() {
            all.push_str(i18n::sentence_gap(&all));
        }
        all.push_str(n);
        all
    });
    html! {
        <div class="field select fees">
            <label for="catalog-policy">{ words.choose_set }</label>
            <select id="catalog-policy" data-testid="catalog-policy-select" onchange={on_change}
                aria-describedby="catalog-policy-note">
                { for sets.into_iter().map(|set| {
                    let template = if newest.is_some_and(|n| n.id == set.id) {
                        words.newest_option
                    } else {
                        words.older_option
                    };
                    html! {
                        <option value={set.id.clone()} selected={set.id == policy.id}>
                            { fill_one(template, &date(set)) }
                        </option>
                    }
                }) }
            </select>
            <p class="hint" id="catalog-policy-note" data-testid="catalog-policy-note">{ note }</p>
        </div>
    }
}
