//! Autosave and named scenarios, kept in this browser's localStorage (through gloo-storage).
//!
//! Two keys, each holding a JSON object with a format `version` (documented in `docs/api.md`):
//!
//! - `sellercalc:autosave`: `{ "version": 1, "saved_at", "current": <inputs>, "pinned": <inputs> | null }`
//! - `sellercalc:scenarios`: `{ "version": 1, "scenarios": [{ "id", "name", "saved_at", "inputs" }] }`
//!
//! where `<inputs>` is `{ "form": { "<scenario path>": "<text as typed>" }, "assumptions": { "<id>": "<text>" } }`.
//!
//! Whatever is stored is untrusted: content that is not JSON, not ours, or from a newer version is
//! ignored and reported, never unwrapped. A newer version's saved scenarios are also never
//! overwritten, so that going back to an older page loses nothing.

use std::collections::BTreeMap;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_storage::{LocalStorage, Storage};
use gloo_timers::callback::Timeout;
use sellercalc_engine::{Input, PolicySet, DEFAULT_POLICY_ID};
use serde::Serialize;
use serde_json::{json, Map, Value};
use yew::prelude::*;

use crate::state::{Snapshot, State, MAX_INPUT_CHARS};

/// The autosave key.
pub const AUTOSAVE_KEY: &str = "sellercalc:autosave";
/// The saved scenarios key.
pub const SCENARIOS_KEY: &str = "sellercalc:scenarios";
/// The storage format version this build writes and reads.
pub const FORMAT_VERSION: u64 = 1;

/// The longest scenario name.
pub const MAX_NAME_CHARS: usize = 80;
/// The most saved scenarios kept.
pub const MAX_SCENARIOS: usize = 100;

/// Why stored content was not used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON, not an object with a known shape, or an unknown (older) version.
    Corrupt,
    /// Written by a newer version of the page.
    Newer,
}

/// Whether this browser lets the page use localStorage. Blocked storage (privacy settings,
/// sandboxed frames) throws on access, which gloo-storage would turn into a panic.
pub fn available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// JSON text of a value (`indent`: pretty, for people).
pub fn json_text(value: &impl Serialize, indent: bool) -> String {
    let text = if indent {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    text.unwrap_or_default()
}

/// A value from JSON text; `None` when it is not JSON.
fn parse_json(text: &str) -> Option<Value> {
    serde_json::from_str(text).ok()
}

fn read(key: &str) -> Result<Option<Value>, ReadError> {
    if !available() {
        return Ok(None);
    }
    match LocalStorage::raw().get_item(key) {
        Ok(Some(text)) => parse_json(&text).map(Some).ok_or(ReadError::Corrupt),
        _ => Ok(None),
    }
}

fn write(key: &str, value: &Value) -> bool {
    // Quota exceeded or storage blocked: the caller tells the user, nothing else breaks.
    available()
        && LocalStorage::raw()
            .set_item(key, &json_text(value, false))
            .is_ok()
}

/// The object inside a versioned envelope, or why it cannot be used. A later version migrates
/// older ones here, one step at a time.
fn envelope(value: &Value) -> Result<&Map<String, Value>, ReadError> {
    let object = value.as_object().ok_or(ReadError::Corrupt)?;
    match object.get("version").and_then(Value::as_u64) {
        Some(FORMAT_VERSION) => Ok(object),
        Some(v) if v > FORMAT_VERSION => Err(ReadError::Newer),
        _ => Err(ReadError::Corrupt),
    }
}

/// A timestamp for `saved_at`: now, in ISO 8601.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Inputs as stored: every field by its scenario path, and the changed policy values.
pub fn snapshot_to_json(snapshot: &Snapshot) -> Value {
    // Inserted one by one: collecting into a map would pull in a sort routine.
    let mut form = Map::new();
    for (field, text) in &snapshot.form {
        form.insert(field.path().to_owned(), Value::String(text.clone()));
    }
    let mut assumptions = Map::new();
    for (id, text) in &snapshot.assumptions {
        assumptions.insert(id.clone(), Value::String(text.clone()));
    }
    json!({ "form": form, "assumptions": assumptions })
}

/// Stored inputs, or `None` when they are not in the expected shape. Unknown paths and ids (from
/// a newer policy) are left out; fields that are missing keep their defaults.
pub fn snapshot_from_json(value: &Value) -> Option<Snapshot> {
    let object = value.as_object()?;
    let mut snapshot = Snapshot::defaults();
    for (path, text) in object.get("form")?.as_object()? {
        let text = text
            .as_str()
            .filter(|t| t.chars().count() <= MAX_INPUT_CHARS)?;
        if let Some(field) = Input::ALL.into_iter().find(|f| f.path() == path) {
            snapshot.form.insert(field, text.to_owned());
        }
    }
    let policy = PolicySet::find(DEFAULT_POLICY_ID);
    let assumptions = match object.get("assumptions") {
        None | Some(Value::Null) => BTreeMap::new(),
        Some(map) => {
            let mut kept = BTreeMap::new();
            for (id, text) in map.as_object()? {
                let text = text
                    .as_str()
                    .filter(|t| t.chars().count() <= MAX_INPUT_CHARS)?;
                if policy.is_some_and(|p| p.value(id).is_some()) {
                    kept.insert(id.clone(), text.to_owned());
                }
            }
            kept
        }
    };
    snapshot.assumptions = assumptions;
    Some(snapshot)
}

/// The autosaved session: the current inputs and any pinned scenario A.
#[derive(Clone, Debug, PartialEq)]
pub struct Autosave {
    /// The inputs.
    pub current: Snapshot,
    /// Scenario A of an A/B comparison.
    pub pinned: Option<Snapshot>,
}

/// The autosave as stored.
pub fn autosave_to_json(autosave: &Autosave) -> Value {
    json!({
        "version": FORMAT_VERSION,
        "saved_at": now(),
        "current": snapshot_to_json(&autosave.current),
        "pinned": autosave.pinned.as_ref().map(snapshot_to_json),
    })
}

/// Reads a stored autosave.
pub fn autosave_from_json(value: &Value) -> Result<Autosave, ReadError> {
    let object = envelope(value)?;
    let current = object
        .get("current")
        .and_then(snapshot_from_json)
        .ok_or(ReadError::Corrupt)?;
    let pinned = match object.get("pinned") {
        None | Some(Value::Null) => None,
        Some(pinned) => Some(snapshot_from_json(pinned).ok_or(ReadError::Corrupt)?),
    };
    Ok(Autosave { current, pinned })
}

/// The autosave, if there is a usable one.
pub fn load_autosave() -> Result<Option<Autosave>, ReadError> {
    read(AUTOSAVE_KEY)?
        .map(|value| autosave_from_json(&value))
        .transpose()
}

/// Saves the session; `false` when the browser refused (storage full or blocked).
pub fn save_autosave(autosave: &Autosave) -> bool {
    write(AUTOSAVE_KEY, &autosave_to_json(autosave))
}

/// A scenario the user saved under a name.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedScenario {
    /// Stable id, unique among the saved scenarios.
    pub id: String,
    /// The user's name for it, as plain text.
    pub name: String,
    /// When it was last saved, as an ISO 8601 timestamp.
    pub saved_at: String,
    /// Its inputs.
    pub snapshot: Snapshot,
}

/// The saved scenarios.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    /// The scenarios that could be read, in the order saved.
    pub scenarios: Vec<SavedScenario>,
    /// How many stored entries could not be read and were left out.
    pub skipped: usize,
}

fn scenario_from_json(value: &Value) -> Option<SavedScenario> {
    let object = value.as_object()?;
    let text = |key: &str| object.get(key)?.as_str().map(str::to_owned);
    let name = clean_name(&text("name")?)?;
    let id = text("id").filter(|id| !id.is_empty() && id.len() <= 40)?;
    Some(SavedScenario {
        id,
        name,
        saved_at: text("saved_at").unwrap_or_default(),
        snapshot: snapshot_from_json(object.get("inputs")?)?,
    })
}

/// Reads stored saved scenarios. Entries that cannot be read are skipped and counted.
pub fn library_from_json(value: &Value) -> Result<Library, ReadError> {
    let object = envelope(value)?;
    let entries = object
        .get("scenarios")
        .and_then(Value::as_array)
        .ok_or(ReadError::Corrupt)?;
    let mut library = Library::default();
    for entry in entries {
        match scenario_from_json(entry) {
            Some(s) if !library.scenarios.iter().any(|k| k.id == s.id) => {
                library.scenarios.push(s);
            }
            _ => library.skipped += 1,
        }
    }
    Ok(library)
}

/// Saved scenarios as stored.
pub fn library_to_json(scenarios: &[SavedScenario]) -> Value {
    let entries: Vec<Value> = scenarios
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "name": s.name,
                "saved_at": s.saved_at,
                "inputs": snapshot_to_json(&s.snapshot),
            })
        })
        .collect();
    json!({ "version": FORMAT_VERSION, "scenarios": entries })
}

/// The saved scenarios; an empty library when there are none.
pub fn load_library() -> Result<Library, ReadError> {
    Ok(read(SCENARIOS_KEY)?
        .map(|value| library_from_json(&value))
        .transpose()?
        .unwrap_or_default())
}

/// Saves the scenarios; `false` when the browser refused.
pub fn save_library(scenarios: &[SavedScenario]) -> bool {
    write(SCENARIOS_KEY, &library_to_json(scenarios))
}

/// A name as kept: trimmed, inner runs of white space made one space, at most
/// [`MAX_NAME_CHARS`] characters; `None` when nothing is left.
pub fn clean_name(text: &str) -> Option<String> {
    let name: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_NAME_CHARS)
        .collect();
    (!name.is_empty()).then_some(name)
}

/// A new saved scenario, stamped now, with an id unlike any in `existing`.
pub fn new_scenario(name: String, snapshot: Snapshot, existing: &[SavedScenario]) -> SavedScenario {
    let base = format!("s{}", js_sys::Date::now() as u64);
    let mut id = base.clone();
    let mut n = 1;
    while existing.iter().any(|s| s.id == id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    SavedScenario {
        id,
        name,
        saved_at: now(),
        snapshot,
    }
}

/// How long the autosave waits after the last change: typing a number writes storage once, not
/// once per key (each write is synchronous, on the path of the next keystroke).
pub const AUTOSAVE_DELAY_MS: u32 = 400;

/// Saves the session once `enabled`, [`AUTOSAVE_DELAY_MS`] after the last change, and at once
/// when the page is hidden or left (a closed tab, a navigation, a phone switching apps), so that
/// no change is lost. Not after the first render: opening a link or a broken page must not
/// overwrite the last session before the user does anything. `on_failure` is called once if the
/// browser refuses.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<State>, enabled: bool, on_failure: Callback<()>) {
    let first = use_mut_ref(|| true);
    // The session not yet written, if any.
    let pending = use_mut_ref(|| None::<Autosave>);
    let failed = use_mut_ref(|| false);
    let flush = {
        let pending = pending.clone();
        Rc::new(move || {
            let Some(autosave) = pending.borrow_mut().take() else {
                return;
            };
            if !save_autosave(&autosave) && !failed.replace(true) {
                on_failure.emit(());
            }
        })
    };
    let autosave = Autosave {
        current: state.snapshot(),
        pinned: state.pinned.as_ref().map(|p| p.snapshot.clone()),
    };
    {
        let flush = flush.clone();
        use_effect_with(autosave, move |autosave| {
            let skip = std::mem::replace(&mut *first.borrow_mut(), false);
            let timer = (enabled && !skip).then(|| {
                *pending.borrow_mut() = Some(autosave.clone());
                Timeout::new(AUTOSAVE_DELAY_MS, move || flush())
            });
            // A newer change replaces the timer; the pending session stays for the next one.
            move || drop(timer)
        });
    }
    use_effect_with(enabled, move |enabled| {
        // `visibilitychange` to hidden comes before the page goes (reload, navigation, closed
        // tab) and when a phone switches apps, where `pagehide` may never come.
        let document = web_sys::window()
            .and_then(|w| w.document())
            .filter(|_| *enabled);
        let listener = document.map(|document| {
            EventListener::new(&document.clone(), "visibilitychange", move |_| {
                if document.visibility_state() == web_sys::VisibilityState::Hidden {
                    flush();
                }
            })
        });
        move || drop(listener)
    });
}
