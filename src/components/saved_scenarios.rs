//! Named scenarios, saved in this browser: save, load, rename and delete. Names are the user's
//! text and only ever shown as text.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::components::notice::Message;
use crate::format;
use crate::state::{Action, State};
use crate::storage::{self, Library, ReadError, SavedScenario, MAX_NAME_CHARS, MAX_SCENARIOS};

/// Every sentence the panel shows.
mod text {
    pub const TITLE: &str = "Saved scenarios";
    pub const WHERE: &str = " · in this browser only";
    pub const NAME: &str = "Name this scenario";
    pub const PLACEHOLDER: &str = "e.g. Phone case at 6.99";
    pub const SAVE: &str = "Save";
    pub const HINT: &str = "Saving again under the same name replaces that scenario.";
    pub const NEED_NAME: &str = "Enter a name to save this scenario under.";
    pub const FULL: &str = "You have 100 saved scenarios: delete one to save another.";
    pub const TAKEN: &str = "Another saved scenario has this name.";
    pub const EMPTY: &str = "Nothing saved yet.";
    pub const BLOCKED: &str = "This browser blocks storage here, so scenarios cannot be saved. Copy the link to keep one.";
    pub const NEWER: &str = "Your saved scenarios come from a newer version of SellerCalc: they are kept, unchanged, and saving is off here.";
    pub const LOAD: &str = "Load";
    pub const RENAME: &str = "Rename";
    pub const DELETE: &str = "Delete";
    pub const CANCEL: &str = "Cancel";
    pub const SHOWING: &str = "showing";
    pub const LIST: &str = "Your saved scenarios";
    pub fn saved(name: &str) -> String {
        format!("Saved “{name}”.")
    }
    pub fn updated(name: &str) -> String {
        format!("Updated “{name}”.")
    }
    pub fn loaded(name: &str) -> String {
        format!("Loaded “{name}”.")
    }
    pub fn renamed(name: &str) -> String {
        format!("Renamed to “{name}”.")
    }
    pub fn deleted(name: &str) -> String {
        format!("Deleted “{name}”.")
    }
    pub fn confirm(name: &str) -> String {
        format!("Delete “{name}”?")
    }
    pub fn new_name_for(name: &str) -> String {
        format!("New name for “{name}”")
    }
    pub fn action_on(action: &str, name: &str) -> String {
        format!("{action} “{name}”")
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
        error: Option<&'static str>,
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
    a.to_lowercase() == b.to_lowercase()
}

/// A saved time as the user's locale writes it.
fn when(saved_at: &str) -> String {
    let date = js_sys::Date::new(&saved_at.into());
    if date.get_time().is_nan() {
        return String::new();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    String::from(date.to_locale_string(&format::locale(), &options))
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
    let scenarios = use_state(|| props.initial.scenarios.clone());
    let name = use_state(String::new);
    let name_error = use_state(|| None::<&'static str>);
    let mode = use_state(|| RowMode::Idle);
    let status = use_state(String::new);
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
        move |list: Vec<SavedScenario>, message: String| -> bool {
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
                name_error.set(Some(text::NEED_NAME));
                return;
            };
            let mut list = fresh(&scenarios);
            let message =
                if let Some(existing) = list.iter_mut().find(|s| same_name(&s.name, &clean)) {
                    existing.snapshot = current.clone();
                    existing.saved_at = storage::now();
                    existing.name = clean.clone();
                    text::updated(&clean)
                } else {
                    if list.len() >= MAX_SCENARIOS {
                        name_error.set(Some(text::FULL));
                        return;
                    }
                    let entry = storage::new_scenario(clean.clone(), current.clone(), &list);
                    list.insert(0, entry);
                    text::saved(&clean)
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
                            mode.set(error(text::NEED_NAME));
                            return;
                        };
                        let mut list = fresh(&scenarios);
                        if list
                            .iter()
                            .any(|s| s.id != id && same_name(&s.name, &clean))
                        {
                            mode.set(error(text::TAKEN));
                            return;
                        }
                        if let Some(entry) = list.iter_mut().find(|s| s.id == id) {
                            entry.name = clean.clone();
                        }
                        if commit(list, text::renamed(&clean)) {
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
                            <label for={input_id.clone()} class="visually-hidden">{ text::new_name_for(&label) }</label>
                            <input id={input_id} type="text" value={typed.clone()} maxlength={MAX_NAME_CHARS.to_string()}
                                autocomplete="off" data-testid="rename-input" oninput={on_input}
                                aria-invalid={error.is_some().then_some("true")}
                                aria-describedby={error.is_some().then(|| error_id.clone())} />
                            <div class="saved-actions">
                                <button type="submit" class="tool" data-testid="rename-save">{ text::SAVE }</button>
                                <button type="button" class="tool" onclick={on_cancel}>{ text::CANCEL }</button>
                            </div>
                            if let Some(error) = error {
                                <p class="error" id={error_id} role="alert">{ *error }</p>
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
                        if commit(list, text::deleted(&label)) {
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
                        <span class="saved-name">{ text::confirm(&label) }</span>
                        <div class="saved-actions">
                            <button type="button" class="tool danger" id={format!("confirm-delete-{id}")}
                                data-testid="confirm-delete" onclick={on_confirm}>{ text::DELETE }</button>
                            <button type="button" class="tool" onclick={on_cancel}>{ text::CANCEL }</button>
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
                        status.set(text::loaded(&label));
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
                            { when(&scenario.saved_at) }
                            if showing {
                                <span class="saved-showing">{ text::SHOWING }</span>
                            }
                        </span>
                        <div class="saved-actions">
                            <button type="button" class="tool" data-testid="load" onclick={on_load}
                                aria-label={text::action_on(text::LOAD, &label)}>{ text::LOAD }</button>
                            if can_write {
                                <button type="button" class="tool" id={format!("rename-button-{id}")} data-testid="rename"
                                    onclick={on_rename} aria-label={text::action_on(text::RENAME, &label)}>{ text::RENAME }</button>
                                <button type="button" class="tool" id={format!("delete-button-{id}")} data-testid="delete"
                                    onclick={on_delete} aria-label={text::action_on(text::DELETE, &label)}>{ text::DELETE }</button>
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
                { text::TITLE }
                if count > 0 {
                    <span class="saved-count">{ format!(" ({count})") }</span>
                }
                <span class="explain">{ text::WHERE }</span>
            </summary>
            if !props.available {
                <p class="saved-note">{ text::BLOCKED }</p>
            } else if !props.writable {
                <p class="saved-note">{ text::NEWER }</p>
            } else {
                <form class="save-form" onsubmit={on_save}>
                    <label for="save-name">{ text::NAME }</label>
                    <div class="save-row">
                        <input id="save-name" type="text" value={(*name).clone()} placeholder={text::PLACEHOLDER}
                            maxlength={MAX_NAME_CHARS.to_string()} autocomplete="off" data-testid="save-name"
                            oninput={on_name} aria-invalid={name_error.is_some().then_some("true")}
                            aria-describedby={if name_error.is_some() { "save-name-error" } else { "save-name-hint" }} />
                        <button type="submit" class="tool primary" data-testid="save-submit">{ text::SAVE }</button>
                    </div>
                    if let Some(error) = *name_error {
                        <p class="error" id="save-name-error" role="alert">{ error }</p>
                    } else {
                        <p class="hint" id="save-name-hint">{ text::HINT }</p>
                    }
                </form>
            }
            <p class="saved-status" aria-live="polite" data-testid="saved-status">{ (*status).clone() }</p>
            if count == 0 {
                <p class="saved-note">{ text::EMPTY }</p>
            } else {
                <ul class="saved-list" aria-label={text::LIST}>
                    { for scenarios.iter().map(row) }
                </ul>
            }
        </details>
    }
}
