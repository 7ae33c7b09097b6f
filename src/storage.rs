//! Autosave and named scenarios, kept in this browser's localStorage (through gloo-storage).
//!
//! Two keys, each holding a JSON object with a format `version` (documented in `docs/api.md`):
//!
//! - `sellercalc:autosave`: `{ "version": 2, "saved_at", "current": <inputs>, "pinned": <inputs> | null, "restoring"?: true }`
//! - `sellercalc:scenarios`: `{ "version": 2, "scenarios": [{ "id", "name", "saved_at", "inputs" }] }`
//!
//! where `<inputs>` is `{ "form": { "<scenario path>": "<text as typed>" }, "assumptions": { "<id>": "<text>" } }`.
//! Version 1 had the same shape; it is read on version 1's defaults
//! ([`Snapshot::v1_defaults`]) and rewritten as version 2 on the next save.
//!
//! Whatever is stored is untrusted: content that is not JSON, not ours, or from a newer version is
//! reported, never unwrapped. And nothing the user saved is dropped by a later save: a saved
//! scenario this page cannot read, or one beyond the [`MAX_SCENARIOS`] it shows, is kept exactly
//! as stored and written back unchanged; saved scenarios that cannot be read at all, or that a
//! newer version wrote, are never written over. Only the user deletes them, on their word.

use std::collections::BTreeMap;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_storage::{LocalStorage, Storage};
use gloo_timers::callback::Timeout;
use sellercalc_engine::{Input, PolicySet, DEFAULT_POLICY_ID};
use serde::Serialize;
use serde_json::{json, Map, Value};
use yew::prelude::*;

use crate::state::{storable, Snapshot, State};

/// The autosave key.
pub const AUTOSAVE_KEY: &str = "sellercalc:autosave";
/// The saved scenarios key.
pub const SCENARIOS_KEY: &str = "sellercalc:scenarios";
/// The storage format version this build writes. It reads every earlier one.
pub const FORMAT_VERSION: u64 = 2;
/// The first storage format: the same shape, read on version 1's defaults.
const FORMAT_V1: u64 = 1;

/// The longest scenario name.
pub const MAX_NAME_CHARS: usize = 80;
/// The most saved scenarios shown, and kept by saving: more that are stored are kept, not shown.
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
/// sandboxed frames) throws on access, which gloo-storage would turn into a panic. Natively (the
/// prerender, the reducers' unit tests) there is none.
pub fn available() -> bool {
    cfg!(target_arch = "wasm32")
        && web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
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

/// The text stored under `key`, exactly as stored.
pub fn stored_text(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

fn read(key: &str) -> Result<Option<Value>, ReadError> {
    match stored_text(key) {
        Some(text) => parse_json(&text).map(Some).ok_or(ReadError::Corrupt),
        None => Ok(None),
    }
}

fn write_text(key: &str, text: &str) -> bool {
    // Quota exceeded or storage blocked: the caller tells the user, nothing else breaks.
    available() && LocalStorage::raw().set_item(key, text).is_ok()
}

fn write(key: &str, value: &Value) -> bool {
    write_text(key, &json_text(value, false))
}

/// Stores `text` under `key` as it is; `false` when the browser refused.
pub fn write_raw(key: &str, text: &str) -> bool {
    write_text(key, text)
}

/// Deletes what is stored under `key`; `false` when the browser refused.
pub fn remove(key: &str) -> bool {
    available() && LocalStorage::raw().remove_item(key).is_ok()
}

/// Which version wrote `version`, or why it cannot be used.
fn version_of(version: Option<&Value>) -> Result<u64, ReadError> {
    match version.and_then(Value::as_u64) {
        Some(v @ (FORMAT_V1 | FORMAT_VERSION)) => Ok(v),
        Some(v) if v > FORMAT_VERSION => Err(ReadError::Newer),
        _ => Err(ReadError::Corrupt),
    }
}

/// The object inside a versioned envelope and its version, or why it cannot be used.
fn envelope(value: &Value) -> Result<(&Map<String, Value>, u64), ReadError> {
    let object = value.as_object().ok_or(ReadError::Corrupt)?;
    Ok((object, version_of(object.get("version"))?))
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
    json!({ "form": form, "assumptions": assumptions, "policy": snapshot.policy })
}

/// Stored inputs written by format `version`, or `None` when they are not in the expected shape.
/// Unknown paths and ids (from a newer policy) are left out; fields that are missing keep their
/// version's defaults. A text is read as the page writes it, at most
/// [`MAX_INPUT_CHARS`](crate::state::MAX_INPUT_CHARS) characters: a longer one (written before
/// the page cut what it writes) is cut to that, and shows its error at its field.
pub fn snapshot_from_json(value: &Value, version: u64) -> Option<Snapshot> {
    let object = value.as_object()?;
    let mut snapshot = if version == FORMAT_V1 {
        Snapshot::v1_defaults()
    } else {
        Snapshot::defaults()
    };
    for (path, text) in object.get("form")?.as_object()? {
        let text = storable(text.as_str()?);
        if let Some(field) = Input::from_path(path) {
            snapshot.form.insert(field, text);
        }
    }
    let policy = PolicySet::find(DEFAULT_POLICY_ID);
    let assumptions = match object.get("assumptions") {
        None | Some(Value::Null) => BTreeMap::new(),
        Some(map) => {
            let mut kept = BTreeMap::new();
            for (id, text) in map.as_object()? {
                let text = storable(text.as_str()?);
                if policy.is_some_and(|p| p.value(id).is_some()) {
                    kept.insert(id.clone(), text);
                }
            }
            kept
        }
    };
    snapshot.assumptions = assumptions;
    // The fees it was saved with; none stored means the version's own (version 1 had one set,
    // and the entries of version 2 written before sets were kept in it use the newest).
    if let Some(id) = object.get("policy").and_then(Value::as_str) {
        if crate::share::is_policy_id(id) {
            snapshot.policy = id.to_owned();
        }
    }
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
    let (object, version) = envelope(value)?;
    let read = |value: &Value| snapshot_from_json(value, version);
    let current = object
        .get("current")
        .and_then(read)
        .ok_or(ReadError::Corrupt)?;
    let pinned = match object.get("pinned") {
        None | Some(Value::Null) => None,
        Some(pinned) => Some(read(pinned).ok_or(ReadError::Corrupt)?),
    };
    Ok(Autosave { current, pinned })
}

/// The stored autosave, read.
#[derive(Clone, Debug, PartialEq)]
pub enum StoredSession {
    /// A session to restore.
    Session(Autosave),
    /// A session whose restoring never finished: the page stopped while it showed it (a crash,
    /// a closed tab). It is not restored again; its stored text, to download.
    Stopped(Rc<str>),
}

/// The autosave, if there is a usable one.
pub fn load_autosave() -> Result<Option<StoredSession>, ReadError> {
    let Some(text) = stored_text(AUTOSAVE_KEY) else {
        return Ok(None);
    };
    let value = parse_json(&text).ok_or(ReadError::Corrupt)?;
    let session = autosave_from_json(&value)?;
    if value.get("restoring") == Some(&Value::Bool(true)) {
        return Ok(Some(StoredSession::Stopped(text.into())));
    }
    Ok(Some(StoredSession::Session(session)))
}

/// Marks the stored autosave as being restored, before the page restores it: if the page dies
/// while it shows it, the next load finds the mark and does not restore it again.
pub fn mark_restoring() {
    if let Ok(Some(Value::Object(mut object))) = read(AUTOSAVE_KEY) {
        object.insert("restoring".to_owned(), Value::Bool(true));
        write(AUTOSAVE_KEY, &Value::Object(object));
    }
}

/// Takes the mark of [`mark_restoring`] off (`"restoring": false`), once the restored session
/// has rendered.
fn unmark_restoring() {
    if let Ok(Some(Value::Object(mut object))) = read(AUTOSAVE_KEY) {
        if object.get("restoring") == Some(&Value::Bool(true)) {
            object.insert("restoring".to_owned(), Value::Bool(false));
            write(AUTOSAVE_KEY, &Value::Object(object));
        }
    }
}

/// Deletes the stored autosave if it still holds `text` (and not a session saved since).
pub fn remove_autosave_if(text: &str) -> bool {
    stored_text(AUTOSAVE_KEY).as_deref() != Some(text) || remove(AUTOSAVE_KEY)
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
    /// Its entry exactly as stored, when it was read in this version's format and not changed
    /// since: written back as it was, so that what this page does not read in it is kept.
    pub stored: Option<Rc<str>>,
}

/// The saved scenarios, as stored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    /// The entries that could be read, in the order stored (newest first). The page shows the
    /// first [`MAX_SCENARIOS`]; the others are kept, not shown.
    pub scenarios: Vec<SavedScenario>,
    /// The entries that could not be read, exactly as stored: kept, and written back unchanged.
    pub unreadable: Vec<Rc<str>>,
    /// Whether what is stored could not be read at all (not JSON, not this shape, an unknown
    /// older version): it is kept untouched, and nothing is saved over it until the user
    /// downloads or deletes it.
    pub damaged: bool,
}

impl Library {
    /// The scenarios the page shows: at most [`MAX_SCENARIOS`].
    pub fn shown(&self) -> &[SavedScenario] {
        &self.scenarios[..self.scenarios.len().min(MAX_SCENARIOS)]
    }

    /// The readable scenarios beyond [`MAX_SCENARIOS`], kept but not shown.
    pub fn hidden(&self) -> &[SavedScenario] {
        &self.scenarios[self.shown().len()..]
    }

    /// Whether some stored entries are not shown (unreadable, or beyond the cap).
    pub fn has_unshown(&self) -> bool {
        !self.unreadable.is_empty() || !self.hidden().is_empty()
    }

    /// The entries the page does not show, in the storage format, each as stored: the file that
    /// "Download" gives.
    pub fn unshown_text(&self) -> String {
        entries_text(
            self.hidden()
                .iter()
                .map(entry_text)
                .chain(self.unreadable.iter().map(|raw| raw.to_string())),
        )
    }

    /// Without the entries of `unshown` that are not shown (as they were when the user chose to
    /// delete them): another tab may have changed the library since.
    pub fn without_unshown(mut self, unshown: &Library) -> Library {
        let hidden: Vec<&str> = unshown.hidden().iter().map(|s| s.id.as_str()).collect();
        self.scenarios.retain(|s| !hidden.contains(&s.id.as_str()));
        self.unreadable
            .retain(|raw| !unshown.unreadable.contains(raw));
        self
    }
}

/// The parts of a JSON array's text at its top level (`[1, {…}, "x"]` gives `1`, `{…}`, `"x"`),
/// or of an object's (its `"key": value` members), each as written. Only brackets and strings
/// are followed, so it is meant for text already known to be JSON; `None` when `text` is not
/// wrapped in `open` and `close`.
fn top_level_parts(text: &str, open: char, close: char) -> Option<Vec<&str>> {
    let inner = text.trim().strip_prefix(open)?.strip_suffix(close)?;
    let mut parts = Vec::new();
    let (mut depth, mut in_string, mut escaped, mut start) = (0u32, false, false, 0);
    for (i, byte) in inner.bytes().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 0 => {
                parts.push(inner[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    let last = inner[start..].trim();
    if !last.is_empty() || !parts.is_empty() {
        parts.push(last);
    }
    Some(parts)
}

/// The entries of stored saved scenarios (JSON text), each exactly as written.
fn raw_entries(text: &str) -> Option<Vec<&str>> {
    let mut entries = None;
    for member in top_level_parts(text, '{', '}')? {
        // The key is a JSON string, so the first `":` outside it ends it.
        let (key, value) = member.split_once(':')?;
        let key = parse_json(key);
        if key.as_ref().and_then(Value::as_str) == Some("scenarios") {
            entries = top_level_parts(value, '[', ']');
        }
    }
    entries
}

fn scenario_from_json(value: &Value, version: u64) -> Option<SavedScenario> {
    let object = value.as_object()?;
    let text = |key: &str| object.get(key)?.as_str().map(str::to_owned);
    let name = clean_name(&text("name")?)?;
    let id = text("id").filter(|id| !id.is_empty() && id.len() <= 40)?;
    Some(SavedScenario {
        id,
        name,
        saved_at: text("saved_at").unwrap_or_default(),
        snapshot: snapshot_from_json(object.get("inputs")?, version)?,
        stored: None,
    })
}

/// Reads stored saved scenarios from their text. Entries that cannot be read are kept as they
/// are, and counted.
pub fn library_from_text(text: &str) -> Result<Library, ReadError> {
    let value = parse_json(text).ok_or(ReadError::Corrupt)?;
    let (object, version) = envelope(&value)?;
    let entries = object
        .get("scenarios")
        .and_then(Value::as_array)
        .ok_or(ReadError::Corrupt)?;
    // Each entry as written, so that what is kept is kept exactly; as serialized again should the
    // text not split as expected (it always does for JSON).
    let raw = raw_entries(text).filter(|raw| raw.len() == entries.len());
    let mut library = Library::default();
    for (i, entry) in entries.iter().enumerate() {
        let text: Rc<str> = match &raw {
            Some(raw) => raw[i].into(),
            None => json_text(entry, false).into(),
        };
        match scenario_from_json(entry, version) {
            Some(mut s) if !library.scenarios.iter().any(|k| k.id == s.id) => {
                // A version-1 entry is written anew, in full, on version 1's defaults.
                s.stored = (version == FORMAT_VERSION).then_some(text);
                library.scenarios.push(s);
            }
            _ => library.unreadable.push(text),
        }
    }
    Ok(library)
}

/// One saved scenario as stored: as it was read, unless it was changed since.
fn entry_text(s: &SavedScenario) -> String {
    match &s.stored {
        Some(raw) => raw.to_string(),
        None => json_text(
            &json!({
                "id": s.id,
                "name": s.name,
                "saved_at": s.saved_at,
                "inputs": snapshot_to_json(&s.snapshot),
            }),
            false,
        ),
    }
}

fn entries_text(entries: impl Iterator<Item = String>) -> String {
    let entries: Vec<String> = entries.collect();
    format!(
        "{{\"version\":{FORMAT_VERSION},\"scenarios\":[{}]}}",
        entries.join(",")
    )
}

/// The saved scenarios as stored: every entry, read or not, each as it was unless changed.
pub fn library_text(library: &Library) -> String {
    entries_text(
        library
            .scenarios
            .iter()
            .map(entry_text)
            .chain(library.unreadable.iter().map(|raw| raw.to_string())),
    )
}

/// The saved scenarios; an empty library when there are none.
pub fn load_library() -> Result<Library, ReadError> {
    match stored_text(SCENARIOS_KEY) {
        Some(text) => library_from_text(&text),
        None => Ok(Library::default()),
    }
}

/// Saves the scenarios; `false` when the browser refused.
pub fn save_library(library: &Library) -> bool {
    write_text(SCENARIOS_KEY, &library_text(library))
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
        stored: None,
    }
}

/// How long the autosave waits after the last change: typing a number writes storage once, not
/// once per key (each write is synchronous, on the path of the next keystroke).
pub const AUTOSAVE_DELAY_MS: u32 = 400;

/// Takes the "being restored" mark off the autosave ([`mark_restoring`]) once the page has
/// rendered in full (`painted`: the figures, then the views built after the first paint): the
/// restored session did not stop the page.
#[hook]
pub fn use_restored(marked: bool, painted: bool) {
    use_effect_with(painted, move |painted| {
        if marked && *painted {
            unmark_restoring();
        }
    });
}

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
