//! Named scenarios, saved in this browser: save, load, rename and delete. Names are the user's
//! text and only ever shown as text.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::components::notice::Message;
use crate::i18n::share::{fill_one, share_texts, ShareTexts};
use crate::i18n::{use_lang, Lang};
use crate::state::{Action, State};
use crate::storage::{self, Library, ReadError, SavedScenario, MAX_NAME_CHARS, MAX_SCENARIOS};

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
        };
        fill_one(template, name)
    }
}

/// Props of [`SavedScenarios`].
#[derive(Properties, PartialEq)]
pub struct SavedScenariosProps {
    /// The page state.
    pub state: UseReducerHandle<State>,
    /// The saved scenarios read at start.
    pub initial: Library,
    /// Whether this browser's storage can be used at all.
    pub available: bool,
    /// Whether the stored scenarios may be written (not when a newer version wrote them).
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
}

/// The scenarios in storage now: another tab may have changed them since this page read them.
fn fresh(shown: &[SavedScenario]) -> Vec<SavedScenario> {
    match storage::load_library() {
        Ok(library) => library.scenarios,
        Err(ReadError::Corrupt) => Vec::new(),
        Err(ReadError::Newer) => shown.to_vec(),
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
    let scenarios = use_state(|| props.initial.scenarios.clone());
    let name = use_state(String::new);
    let name_error = use_state(|| None::<NameError>);
    let mode = use_state(|| RowMode::Idle);
    let status = use_state(|| Status::Idle);
    let can_write = props.available && props.writable;
    let current = props.state.snapshot();

    {
        // Move the focus into a row's rename field or delete question as it opens.
        let mode = (*mode).clone();
        use_effect_with(mode, |mode| match mode {
            RowMode::Renaming { id, .. } => focus(&format!("rename-{id}")),
            RowMode::Deleting(id) => focus(&format!("confirm-delete-{id}")),
            RowMode::Idle => {}
        });
    }

    // Writes `list`, and shows it with `message` once storage has taken it.
    let commit = {
        let scenarios = scenarios.clone();
        let status = status.clone();
        let on_message = props.on_message.clone();
        move |list: Vec<SavedScenario>, message: Status| -> bool {
            if storage::save_library(&list) {
                scenarios.set(list);
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
    let on_save = {
        let name = name.clone();
        let name_error = name_error.clone();
        let scenarios = scenarios.clone();
        let commit = commit.clone();
        let current = current.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(clean) = storage::clean_name(&name) else {
                name_error.set(Some(NameError::Missing));
                return;
            };
            let mut list = fresh(&scenarios);
            let message =
                if let Some(existing) = list.iter_mut().find(|s| same_name(&s.name, &clean)) {
                    existing.snapshot = current.clone();
                    existing.saved_at = storage::now();
                    existing.name = clean.clone();
                    Status::Updated(clean.clone())
                } else {
                    if list.len() >= MAX_SCENARIOS {
                        name_error.set(Some(NameError::Full));
                        return;
                    }
                    let entry = storage::new_scenario(clean.clone(), current.clone(), &list);
                    list.insert(0, entry);
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
                    let scenarios = scenarios.clone();
                    let commit = commit.clone();
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
                        let mut list = fresh(&scenarios);
                        if list
                            .iter()
                            .any(|s| s.id != id && same_name(&s.name, &clean))
                        {
                            mode.set(error(NameError::Taken));
                            return;
                        }
                        if let Some(entry) = list.iter_mut().find(|s| s.id == id) {
                            entry.name = clean.clone();
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
                    let scenarios = scenarios.clone();
                    let commit = commit.clone();
                    let mode = mode.clone();
                    let id = id.clone();
                    let label = label.clone();
                    Callback::from(move |_: MouseEvent| {
                        let list: Vec<SavedScenario> = fresh(&scenarios)
                            .into_iter()
                            .filter(|s| s.id != id)
                            .collect();
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
                    let dispatcher = props.state.dispatcher();
                    let snapshot = scenario.snapshot.clone();
                    let status = status.clone();
                    let label = label.clone();
                    Callback::from(move |_: MouseEvent| {
                        dispatcher.dispatch(Action::Load(snapshot.clone()));
                        status.set(Status::Loaded(label.clone()));
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

    let count = scenarios.len();
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
            } else if !props.writable {
                <p class="saved-note">{ s.storage_newer }</p>
            } else {
                <form class="save-form" onsubmit={on_save}>
                    <label for="save-name">{ s.name_label }</label>
                    <div class="save-row">
                        <input id="save-name" type="text" value={(*name).clone()} placeholder={s.name_placeholder}
                            maxlength={MAX_NAME_CHARS.to_string()} autocomplete="off" data-testid="save-name"
                            oninput={on_name} aria-invalid={name_error.is_some().then_some("true")}
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
            if count == 0 {
                <p class="saved-note">{ s.nothing_saved }</p>
            } else {
                <ul class="saved-list" aria-label={s.saved_list}>
                    { for scenarios.iter().map(row) }
                </ul>
            }
        </details>
    }
}
