//! The catalog the user last opened, kept in `localStorage` so that a reload does not lose it: the
//! file's text as read, the cells fixed since, the target margin as typed, and the set of fees
//! picked on the catalog page (when it is not the calculator's). Files larger than
//! [`MAX_CHARS`] are not kept (browsers allow about 5 MB per site, shared with the calculator).

use gloo_storage::{LocalStorage, Storage};
use serde_json::{json, Value};

use crate::storage::{available, json_text};

/// Where the catalog's file is kept (its source and text).
pub const KEY: &str = "sellercalc:catalog";
/// Where its edits are kept (the fixed cells and the target), apart from the text, so that typing
/// a fix or a target does not write the whole file again.
pub const EDITS_KEY: &str = "sellercalc:catalog:edits";
/// Present while a kept catalog is being restored (from the moment the page starts reading it
/// until every row is computed): if it is still there when the page loads, restoring stopped the
/// page (a crash, or a tab killed for memory), and the catalog is not opened again.
pub const RESTORING_KEY: &str = "sellercalc:catalog:restoring";
/// The stored format's version.
pub const VERSION: u64 = 1;
/// The largest file text kept, in characters (about 20,000 typical rows).
pub const MAX_CHARS: usize = 1_500_000;

/// A cell fixed in place: row index in the file, column, new text.
pub type Fix = (usize, usize, String);

/// What is kept.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    /// The file's name, or empty for pasted rows and the sample.
    pub source: String,
    /// The file's text as read.
    pub text: String,
    /// Cells fixed since, in the order they were fixed.
    pub fixes: Vec<Fix>,
    /// The target margin as typed.
    pub target: String,
    /// The policy set picked on the catalog page, by id; `None` follows the calculator's.
    pub policy: Option<String>,
    /// When read back: the edits could not be read, so the file came back without them.
    pub edits_lost: bool,
}

impl Saved {
    /// The stored file: version, source and text (written when a file is read).
    fn file_json(&self) -> Value {
        json!({ "version": VERSION, "source": self.source, "text": self.text })
    }

    /// The stored edits: version, fixes, target and the policy set picked (written after each
    /// change, without the text). An older page ignores the `policy` it does not know.
    fn edits_json(&self) -> Value {
        json!({
            "version": VERSION,
            "fixes": self.fixes.iter().map(|(r, c, t)| json!([r, c, t])).collect::<Vec<_>>(),
            "target": self.target,
            "policy": self.policy,
        })
    }

    /// Reads the stored file and edits; `None` when the file itself cannot be read (another
    /// version, damage). Edits that cannot be read (or are missing) do not lose the file: it comes
    /// back without them, and [`Saved::edits_lost`] says so.
    fn from_json(file: &Value, edits: Option<&Value>) -> Option<Saved> {
        let file = versioned(file)?;
        let text = |o: &serde_json::Map<String, Value>, key: &str| {
            o.get(key).and_then(Value::as_str).map(str::to_owned)
        };
        let edits = edits.and_then(versioned).and_then(|edits| {
            let fixes = edits
                .get("fixes")?
                .as_array()?
                .iter()
                .map(|f| {
                    let f = f.as_array()?;
                    let index = |i: usize| f.get(i)?.as_u64().and_then(|v| usize::try_from(v).ok());
                    Some((index(0)?, index(1)?, f.get(2)?.as_str()?.to_owned()))
                })
                .collect::<Option<Vec<_>>>()?;
            Some((fixes, text(edits, "target")?, text(edits, "policy")))
        });
        let edits_lost = edits.is_none();
        let (fixes, target, policy) = edits.unwrap_or_default();
        Some(Saved {
            source: text(file, "source").unwrap_or_default(),
            text: text(file, "text")?,
            fixes,
            target,
            policy,
            edits_lost,
        })
    }
}

/// The object of a stored value of this format's version.
fn versioned(value: &Value) -> Option<&serde_json::Map<String, Value>> {
    let o = value.as_object()?;
    (o.get("version")?.as_u64()? == VERSION).then_some(o)
}

fn read(key: &str) -> Option<Value> {
    let text = LocalStorage::raw().get_item(key).ok()??;
    serde_json::from_str(&text).ok()
}

fn write(key: &str, value: &Value) -> bool {
    LocalStorage::raw()
        .set_item(key, &json_text(value, false))
        .is_ok()
}

/// The kept catalog, if there is a usable one.
pub fn load() -> Option<Saved> {
    if !available() {
        return None;
    }
    Saved::from_json(&read(KEY)?, read(EDITS_KEY).as_ref())
}

/// The kept file's text, whatever the rest of what is kept says (to download a catalog that is
/// not opened again).
pub fn load_text() -> Option<String> {
    if !available() {
        return None;
    }
    let raw = LocalStorage::raw().get_item(KEY).ok().flatten()?;
    Some(
        serde_json::from_str::<Value>(&raw)
            .ok()
            .and_then(|v| v.get("text").and_then(Value::as_str).map(str::to_owned))
            .unwrap_or(raw),
    )
}

/// Whether the last restoring of the kept catalog stopped the page (see [`RESTORING_KEY`]).
pub fn restoring_stopped() -> bool {
    available() && matches!(LocalStorage::raw().get_item(RESTORING_KEY), Ok(Some(_)))
}

/// Marks the kept catalog as being restored.
pub fn mark_restoring() {
    if available() {
        let _ = LocalStorage::raw().set_item(RESTORING_KEY, "1");
    }
}

/// Takes the mark of [`mark_restoring`] off: the catalog on screen is computed.
pub fn restored() {
    if available() {
        let _ = LocalStorage::raw().remove_item(RESTORING_KEY);
    }
}

/// Keeps `saved`, file and edits; `false` when it is too large or the browser refused (then
/// nothing is kept, so that a reload never shows an older catalog than the one on screen).
pub fn save(saved: &Saved) -> bool {
    keep_or_clear(
        available()
            && saved.text.len() <= MAX_CHARS
            && write(KEY, &saved.file_json())
            && write(EDITS_KEY, &saved.edits_json()),
    )
}

/// Keeps the edits of the catalog `save` kept (a fixed cell, the target): a few bytes, not the
/// whole file again.
pub fn save_edits(saved: &Saved) -> bool {
    keep_or_clear(available() && write(EDITS_KEY, &saved.edits_json()))
}

fn keep_or_clear(kept: bool) -> bool {
    if !kept {
        clear();
    }
    kept
}

/// Forgets the kept catalog.
pub fn clear() {
    if available() {
        let _ = LocalStorage::raw().remove_item(KEY);
        let _ = LocalStorage::raw().remove_item(EDITS_KEY);
        let _ = LocalStorage::raw().remove_item(RESTORING_KEY);
    }
}
