//! Named scenarios, saved in this browser: save, load, rename and delete. Names are the user's
//! text and only ever shown as text.
//!
//! Every change is made to what storage holds at that moment (another tab may have changed it),
//! and changes only the entry it concerns: stored entries the list does not show (unreadable,
//! or beyond [`MAX_SCENARIOS`]) are written back as they were. The panel says how many there are
//! and offers to download them or, once the user confirms, delete them.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::components::notice::Message;
use crate::i18n::share::{fill_one, share_texts, ShareTexts};
use crate::i18n::{category_name, texts, use_lang, Lang, Locale};
use crate::state::{Action, Snapshot};
use crate::storage::{self, Library, ReadError, SavedScenario, MAX_NAME_CHARS, MAX_SCENARIOS};
use crate::{export, format};
use sellercalc_engine::Input;

/// Why a name cannot be saved; worded when shown, so it follows the page's language.
#[derive(Clone, Copy, PartialEq)]
enum NameError {
    Missing,
    Full,
    Taken,
}

impl NameError {
    fn text(self, s: &ShareTexts) -> String {
        match self {
            NameError::Missing => s.need_name.to_owned(),
            NameError::Full => fill_one(s.full, &MAX_SCENARIOS.to_string()),
            NameError::Taken => s.taken.to_owned(),
        }
    }
}

/// What was last done, for the status line; worded when shown.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Saved(String),
    Updated(String),
    Loaded(String),
    Renamed(String),
    Deleted(String),
    DeletedUnshown,
    DeletedDamaged,
}

impl Status {
    fn text(&self, s: &ShareTexts) -> String {
        let (template, name) = match self {
            Status::Idle => return String::new(),
            Status::Saved(name) => (s.saved, name),
            Status::Updated(name) => (s.updated, name),
            Status::Loaded(name) => (s.loaded, name),
            Status::Renamed(name) => (s.renamed, name),
            Status::Deleted(name) => (s.deleted, name),
            Status::DeletedUnshown => return s.deleted_unshown.to_owned(),
            Status::DeletedDamaged => return s.deleted_damaged.to_owned(),
        };
        fill_one(template, name)
    }
}

/// Props of [`SavedScenarios`].
#[derive(Properties, PartialEq)]
pub struct SavedScenariosProps {
    /// The current inputs, as saves hold them.
    pub current: Snapshot,
    /// The preset the inputs are, if any (its id).
    pub preset: Option<&'static str>,
    /// Where `Load` and `PinSaved` go.
    pub on: Callback<Action>,
    /// The saved scenarios read at start.
    pub initial: Library,
    /// Whether this browser's storage can be used at all.
    pub available: bool,
    /// Whether the stored scenarios may be written (not when a newer version wrote them, nor when
    /// they cannot be read at all).
    pub writable: bool,
    /// Shows a notice.
    pub on_message: Callback<Message>,
}

/// What one row of the list is doing.
#[derive(Clone, PartialEq)]
enum RowMode {
    Idle,
    Renaming {
        id: String,
        text: String,
        error: Option<NameError>,
    },
    Deleting(String),
    /// Asking to confirm deleting the stored entries the list does not show.
    DeletingUnshown,
}

/// The saved scenarios in storage now: another tab may have changed them since this page read
/// them. `None` (and a notice) when they can no longer be read or a newer version wrote them:
/// then nothing is written over them.
fn fresh(on_message: &Callback<Message>) -> Option<Library> {
    match storage::load_library() {
        Ok(library) => Some(library),
        Err(ReadError::Corrupt) => {
            on_message.emit(Message::LibraryUnreadable);
            None
        }
        Err(ReadError::Newer) => {
            on_message.emit(Message::LibraryNewer);
            None
        }
    }
}

fn same_name(a: &str, b: &str) -> bool {
    crate::i18n::lower(a) == crate::i18n::lower(b)
}

/// A saved time as `lang` writes it.
fn when(lang: Lang, saved_at: &str) -> String {
    let date = js_sys::Date::new(&saved_at.into());
    if date.get_time().is_nan() {
        return String::new();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    String::from(date.to_locale_string(lang.code(), &options))
}

/// The name "Save…" suggests (issue #16, item 5): the preset the inputs are, else the product's
/// category, and today's date as `lang` writes it: "Phone case · 5 Dec 2026".
fn suggested_name(current: &Snapshot, preset: Option<&'static str>, lang: Lang) -> String {
    let t = texts(lang);
    let what = match preset.and_then(crate::presets::find) {
        Some(preset) => t.presets.get(preset.id).unwrap_or(preset.name).to_owned(),
        None => {
            let id = current
                .form
                .get(&Input::Category)
                .map_or("", String::as_str);
            match crate::state::policy_set(&current.policy).category(id) {
                Some(category) => category_name(t, id, &category.name).to_owned(),
                None => id.to_owned(),
            }
        }
    };
    let today = js_sys::Date::new_0();
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let date = String::from(today.to_locale_date_string(lang.code(), &options));
    format!("{what} · {date}")
}

fn focus(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Save the current inputs under a name; load, rename or delete what was saved.
#[function_component]
pub fn SavedScenarios(props: &SavedScenariosProps) -> Html {
    let lang = use_lang();
    let s = share_texts(lang);
    let library = use_state(|| props.initial.clone());
    // Saving is on unless a newer version's scenarios, or unreadable ones, are stored; deleting
    // unreadable ones turns it on.
    let writable = use_state(|| props.writable);
    let name = use_state(String::new);
    let name_error = use_state(|| None::<NameError>);
    let mode = use_state(|| RowMode::Idle);
    let status = use_state(|| Status::Idle);
    let can_write = props.available && *writable;
    let current = props.current.clone();

    {
        // Move the focus into a row's rename field or delete question as it opens.
        let mode = (*mode).clone();
        use_effect_with(mode, |mode| match mode {
            RowMode::Renaming { id, .. } => focus(&format!("rename-{id}")),
            RowMode::Deleting(id) => focus(&format!("confirm-delete-{id}")),
            RowMode::DeletingUnshown => focus("confirm-delete-unshown"),
            RowMode::Idle => {}
        });
    }

    // Writes `list`, and shows it with `message` once storage has taken it.
    let commit = {
        let library = library.clone();
        let status = status.clone();
        let on_message = props.on_message.clone();
        move |list: Library, message: Status| -> bool {
            if storage::save_library(&list) {
                library.set(list);
                status.set(message);
                true
            } else {
                on_message.emit(Message::SaveFailed);
                false
            }
        }
    };

    let on_name = {
        let name = name.clone();
        let name_error = name_error.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            name.set(input.value());
            name_error.set(None);
        })
    };
    // An empty name field, once focused, suggests a name, selected so that typing replaces it.
    let on_name_focus = {
        let name = name.clone();
        let (current, preset) = (props.current.clone(), props.preset);
        Callback::from(move |e: FocusEvent| {
            if name.trim().is_empty() {
                let input: HtmlInputElement = e.target_unchecked_into();
                let suggestion = suggested_name(&current, preset, lang);
                input.set_value(&suggestion);
                input.select();
                name.set(suggestion);
            }
        })
    };
    let on_save = {
        let name = name.clone();
        let name_error = name_error.clone();
        let commit = commit.clone();
        let current = current.clone();
        let on_message = props.on_message.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(clean) = storage::clean_name(&name) else {
                name_error.set(Some(NameError::Missing));
                return;
            };
            let Some(mut list) = fresh(&on_message) else {
                return;
            };
            let existing = list
                .scenarios
                .iter_mut()
                .find(|s| same_name(&s.name, &clean));
            let message = if let Some(existing) = existing {
                existing.snapshot = current.clone();
                existing.saved_at = storage::now();
                existing.name = clean.clone();
                existing.stored = None;
                Status::Updated(clean.clone())
            } else {
                if list.scenarios.len() >= MAX_SCENARIOS {
                    name_error.set(Some(NameError::Full));
                    return;
                }
                let entry = storage::new_scenario(clean.clone(), current.clone(), &list.scenarios);
                list.scenarios.insert(0, entry);
                Status::Saved(clean.clone())
            };
            if commit(list, message) {
                name.set(String::new());
            }
        })
    };

    let row = |scenario: &SavedScenario| {
        let id = scenario.id.clone();
        let label = scenario.name.clone();
        let showing = scenario.snapshot == current;
        match &*mode {
            RowMode::Renaming {
                id: editing,
                text: typed,
                error,
            } if *editing == id => {
                let input_id = format!("rename-{id}");
                let error_id = format!("rename-{id}-error");
                let on_input = {
                    let mode = mode.clone();
                    let id = id.clone();
                    Callback::from(move |e: InputEvent| {
                        let input: HtmlInputElement = e.target_unchecked_into();
                        mode.set(RowMode::Renaming {
                            id: id.clone(),
                            text: input.value(),
                            error: None,
                        });
                    })
                };
                let on_submit = {
                    let mode = mode.clone();
                    let commit = commit.clone();
                    let on_message = props.on_message.clone();
                    let id = id.clone();
                    let typed = typed.clone();
                    Callback::from(move |e: SubmitEvent| {
                        e.prevent_default();
                        let error = |message| RowMode::Renaming {
                            id: id.clone(),
                            text: typed.clone(),
                            error: Some(message),
                        };
                        let Some(clean) = storage::clean_name(&typed) else {
                            mode.set(error(NameError::Missing));
                            return;
                        };
                        let Some(mut list) = fresh(&on_message) else {
                            return;
                        };
                        if list
                            .scenarios
                            .iter()
                            .any(|s| s.id != id && same_name(&s.name, &clean))
                        {
                            mode.set(error(NameError::Taken));
                            return;
                        }
                        if let Some(entry) = list.scenarios.iter_mut().find(|s| s.id == id) {
                            entry.name = clean.clone();
                            entry.stored = None;
                        }
                        if commit(list, Status::Renamed(clean.clone())) {
                            mode.set(RowMode::Idle);
                            focus(&format!("rename-button-{id}"));
                        }
                    })
                };
                let on_cancel = {
                    let mode = mode.clone();
                    let id = id.clone();
                    Callback::from(move |_: MouseEvent| {
                        mode.set(RowMode::Idle);
                        focus(&format!("rename-button-{id}"));
                    })
                };
                html! {
                    <li class="saved-item editing" key={id.clone()} data-testid="saved-item">
                        <form class="rename-form" onsubmit={on_submit}>
                            <label for={input_id.clone()} class="visually-hidden">{ fill_one(s.new_name_for, &label) }</label>
                            <input id={input_id} type="text" value={typed.clone()} maxlength={MAX_NAME_CHARS.to_string()}
                                autocomplete="off" data-testid="rename-input" oninput={on_input}
                                aria-invalid={error.is_some().then_some("true")}
                                aria-describedby={error.is_some().then(|| error_id.clone())} />
                            <div class="saved-actions">
                                <button type="submit" class="tool" data-testid="rename-save">{ s.save }</button>
                                <button type="button" class="tool" onclick={on_cancel}>{ s.cancel }</button>
                            </div>
                            if let Some(error) = error {
                                <p class="error" id={error_id} role="alert">{ error.text(s) }</p>
                            }
                        </form>
                    </li>
                }
            }
            RowMode::Deleting(deleting) if *deleting == id => {
                let on_confirm = {
                    let commit = commit.clone();
                    let mode = mode.clone();
                    let id = id.clone();
                    let label = label.clone();
                    let on_message = props.on_message.clone();
                    Callback::from(move |_: MouseEvent| {
                        let Some(mut list) = fresh(&on_message) else {
                            return;
                        };
                        list.scenarios.retain(|s| s.id != id);
                        if commit(list, Status::Deleted(label.clone())) {
                            mode.set(RowMode::Idle);
                            focus("save-name");
                        }
                    })
                };
                let on_cancel = {
                    let mode = mode.clone();
                    let id = id.clone();
                    Callback::from(move |_: MouseEvent| {
                        mode.set(RowMode::Idle);
                        focus(&format!("delete-button-{id}"));
                    })
                };
                html! {
                    <li class="saved-item deleting" key={id.clone()} data-testid="saved-item">
                        <span class="saved-name">{ fill_one(s.confirm_delete, &label) }</span>
                        <div class="saved-actions">
                            <button type="button" class="tool danger" id={format!("confirm-delete-{id}")}
                                data-testid="confirm-delete" onclick={on_confirm}>{ s.delete }</button>
                            <button type="button" class="tool" onclick={on_cancel}>{ s.cancel }</button>
                        </div>
                    </li>
                }
            }
            _ => {
                let on_load = {
                    let on = props.on.clone();
                    let snapshot = scenario.snapshot.clone();
                    let status = status.clone();
                    let label = label.clone();
                    Callback::from(move |_: MouseEvent| {
                        on.emit(Action::Load(snapshot.clone()));
                        status.set(Status::Loaded(label.clone()));
                    })
                };
                let on_compare = {
                    let on = props.on.clone();
                    let snapshot = scenario.snapshot.clone();
                    let label = label.clone();
                    Callback::from(move |_: MouseEvent| {
                        on.emit(Action::PinSaved(snapshot.clone(), label.clone()));
                        // Show the table once it is drawn.
                        gloo_timers::callback::Timeout::new(50, || {
                            if let Some(table) = web_sys::window()
                                .and_then(|w| w.document())
                                .and_then(|d| d.get_element_by_id("ab-title"))
                            {
                                table.scroll_into_view();
                            }
                        })
                        .forget();
                    })
                };
                let on_rename = {
                    let mode = mode.clone();
                    let id = id.clone();
                    let label = label.clone();
                    Callback::from(move |_: MouseEvent| {
                        mode.set(RowMode::Renaming {
                            id: id.clone(),
                            text: label.clone(),
                            error: None,
                        });
                    })
                };
                let on_delete = {
                    let mode = mode.clone();
                    let id = id.clone();
                    Callback::from(move |_: MouseEvent| mode.set(RowMode::Deleting(id.clone())))
                };
                html! {
                    <li class={classes!("saved-item", showing.then_some("showing"))} key={id.clone()} data-testid="saved-item">
                        <span class="saved-name" data-testid="saved-name">{ label.clone() }</span>
                        <span class="saved-meta">
                            { when(lang, &scenario.saved_at) }
                            if showing {
                                <span class="saved-showing">{ s.showing }</span>
                            }
                        </span>
                        <div class="saved-actions">
                            <button type="button" class="tool" data-testid="load" onclick={on_load}
                                aria-label={fill_one(s.load_named, &label)}>{ s.load }</button>
                            if !showing {
                                <button type="button" class="tool" data-testid="compare" onclick={on_compare}
                                    aria-label={fill_one(s.compare_named, &label)}>{ s.compare }</button>
                            }
                            if can_write {
                                <button type="button" class="tool" id={format!("rename-button-{id}")} data-testid="rename"
                                    onclick={on_rename} aria-label={fill_one(s.rename_named, &label)}>{ s.rename }</button>
                                <button type="button" class="tool" id={format!("delete-button-{id}")} data-testid="delete"
                                    onclick={on_delete} aria-label={fill_one(s.delete_named, &label)}>{ s.delete }</button>
                            }
                        </div>
                    </li>
                }
            }
        }
    };

    let shown = library.shown();
    let count = shown.len();
    html! {
        <details class="saved" id="saved-scenarios" data-testid="saved-scenarios">
            <summary>
                { s.saved_title }
                if count > 0 {
                    <span class="saved-count">{ format!(" ({count})") }</span>
                }
                <span class="explain">{ " · " }{ s.saved_where }</span>
            </summary>
            if !props.available {
                <p class="saved-note">{ s.storage_blocked }</p>
            } else if library.damaged {
                { damaged(s, &library, &writable, &mode, &status, &props.on_message) }
            } else if !*writable {
                <p class="saved-note">{ s.storage_newer }</p>
            } else {
                <form class="save-form" onsubmit={on_save}>
                    <label for="save-name">{ s.name_label }</label>
                    <div class="save-row">
                        <input id="save-name" type="text" value={(*name).clone()} placeholder={s.name_placeholder}
                            maxlength={MAX_NAME_CHARS.to_string()} autocomplete="off" data-testid="save-name"
                            oninput={on_name} onfocus={on_name_focus} aria-invalid={name_error.is_some().then_some("true")}
                            aria-describedby={if name_error.is_some() { "save-name-error" } else { "save-name-hint" }} />
                        <button type="submit" class="tool primary" data-testid="save-submit">{ s.save }</button>
                    </div>
                    if let Some(error) = *name_error {
                        <p class="error" id="save-name-error" role="alert">{ error.text(s) }</p>
                    } else {
                        <p class="hint" id="save-name-hint">{ s.save_hint }</p>
                    }
                </form>
            }
            <p class="saved-status" aria-live="polite" data-testid="saved-status">{ status.text(s) }</p>
            if count == 0 && !library.damaged {
                <p class="saved-note">{ s.nothing_saved }</p>
            } else if count > 0 {
                <ul class="saved-list" aria-label={s.saved_list}>
                    { for shown.iter().map(row) }
                </ul>
            }
            if library.has_unshown() {
                { unshown(s, lang, &library, can_write, &mode, &commit, &props.on_message) }
            }
        </details>
    }
}

/// What is stored but not listed (entries that cannot be read, or beyond the cap; or everything,
/// when nothing can be read): what it is, and the buttons to download it and, once the user
/// confirms, delete it.
struct Unshown {
    note: String,
    confirm: &'static str,
    /// The file to download: its name, type, and its text, made when it is asked for.
    file: (&'static str, &'static str, Rc<dyn Fn() -> String>),
    /// Whether it may be deleted here (not while a newer version's scenarios are stored).
    deletable: bool,
    /// Deletes it.
    on_delete: Callback<()>,
}

fn unshown_panel(
    s: &ShareTexts,
    panel: Unshown,
    mode: &UseStateHandle<RowMode>,
    on_message: &Callback<Message>,
) -> Html {
    let asking = matches!(**mode, RowMode::DeletingUnshown);
    let on_download = {
        let on_message = on_message.clone();
        let (name, mime, text) = panel.file;
        Callback::from(move |_: MouseEvent| {
            if !export::download(name, mime, &text()) {
                on_message.emit(Message::DownloadFailed);
            }
        })
    };
    let ask = {
        let mode = mode.clone();
        Callback::from(move |_: MouseEvent| mode.set(RowMode::DeletingUnshown))
    };
    let on_cancel = {
        let mode = mode.clone();
        Callback::from(move |_: MouseEvent| {
            mode.set(RowMode::Idle);
            focus("delete-unshown");
        })
    };
    let on_confirm = panel.on_delete.reform(|_: MouseEvent| ());
    html! {
        <div class="saved-unshown" data-testid="saved-unshown">
            <p class="saved-note">{ panel.note }</p>
            if asking {
                <p class="saved-confirm">{ panel.confirm }</p>
            }
            <div class="saved-actions">
                if asking {
                    <button type="button" class="tool danger" id="confirm-delete-unshown"
                        data-testid="confirm-delete-unshown" onclick={on_confirm}>{ s.delete }</button>
                    <button type="button" class="tool" onclick={on_cancel}>{ s.cancel }</button>
                } else {
                    <button type="button" class="tool" data-testid="download-unshown" onclick={on_download}>{ s.download_unshown }</button>
                    if panel.deletable {
                        <button type="button" class="tool" id="delete-unshown" data-testid="delete-unshown"
                            onclick={ask}>{ s.delete_unshown }</button>
                    }
                }
            </div>
        </div>
    }
}

/// The stored entries the list does not show: unreadable ones, and those beyond the cap.
fn unshown(
    s: &ShareTexts,
    lang: Lang,
    library: &UseStateHandle<Library>,
    can_write: bool,
    mode: &UseStateHandle<RowMode>,
    commit: &(impl Fn(Library, Status) -> bool + Clone + 'static),
    on_message: &Callback<Message>,
) -> Html {
    let locale = Locale::new(lang);
    let count = |n: usize, one: &str, many: &str| {
        if n == 0 {
            return String::new();
        }
        let template = if n == 1 { one } else { many };
        let text = crate::i18n::fill(template, |i| match i {
            0 => Some(format::number(&locale, n.into(), 0)),
            1 => Some(format::number(&locale, MAX_SCENARIOS.into(), 0)),
            _ => None,
        });
        format!("{text} ")
    };
    let note = format!(
        "{}{}{}",
        count(
            library.unreadable.len(),
            s.unshown_unreadable_one,
            s.unshown_unreadable_many
        ),
        count(
            library.hidden().len(),
            s.unshown_hidden_one,
            s.unshown_hidden_many
        ),
        s.unshown_kept
    );
    let on_delete = {
        let asked = library.clone();
        let commit = commit.clone();
        let mode = mode.clone();
        let on_message = on_message.clone();
        Callback::from(move |()| {
            let Some(list) = fresh(&on_message) else {
                return;
            };
            if commit(list.without_unshown(&asked), Status::DeletedUnshown) {
                mode.set(RowMode::Idle);
                focus("save-name");
            }
        })
    };
    let panel = Unshown {
        note,
        confirm: s.confirm_delete_unshown,
        file: (
            "sellercalc-saved-scenarios-not-shown.json",
            "application/json",
            {
                let library = library.clone();
                Rc::new(move || library.unshown_text())
            },
        ),
        deletable: can_write,
        on_delete,
    };
    unshown_panel(s, panel, mode, on_message)
}

/// Saved scenarios that cannot be read at all: kept untouched, saving off, until the user
/// downloads them or, once they confirm, deletes them.
fn damaged(
    s: &ShareTexts,
    library: &UseStateHandle<Library>,
    writable: &UseStateHandle<bool>,
    mode: &UseStateHandle<RowMode>,
    status: &UseStateHandle<Status>,
    on_message: &Callback<Message>,
) -> Html {
    let on_delete = {
        let (library, writable, mode, status) = (
            library.clone(),
            writable.clone(),
            mode.clone(),
            status.clone(),
        );
        let on_message = on_message.clone();
        Callback::from(move |()| {
            if storage::remove(storage::SCENARIOS_KEY) {
                library.set(Library::default());
                writable.set(true);
                mode.set(RowMode::Idle);
                status.set(Status::DeletedDamaged);
            } else {
                on_message.emit(Message::SaveFailed);
            }
        })
    };
    let panel = Unshown {
        note: s.library_damaged_note.to_owned(),
        confirm: s.confirm_delete_damaged,
        file: (
            "sellercalc-saved-scenarios.txt",
            "text/plain",
            Rc::new(|| storage::stored_text(storage::SCENARIOS_KEY).unwrap_or_default()),
        ),
        deletable: true,
        on_delete,
    };
    unshown_panel(s, panel, mode, on_message)
}
