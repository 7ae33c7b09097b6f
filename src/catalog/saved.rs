//! The catalog the user last opened, kept in `localStorage` so that a reload does not lose it: the
//! file's text as read, the cells fixed since, and the target margin as typed. Files larger than
//! [`MAX_CHARS`] are not kept (browsers allow about 5 MB per site, shared with the calculator).

use gloo_storage::{LocalStorage, Storage};
use serde_json::{json, Value};

use crate::storage::{available, json_text};

/// Where the catalog is kept.
pub const KEY: &str = "sellercalc:catalog";
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
}

impl Saved {
    /// The stored form.
    pub fn to_json(&self) -> Value {
        json!({
            "version": VERSION,
            "source": self.source,
            "text": self.text,
            "fixes": self.fixes.iter().map(|(r, c, t)| json!([r, c, t])).collect::<Vec<_>>(),
            "target": self.target,
        })
    }

    /// Reads the stored form; `None` for anything else (another version, damage).
    pub fn from_json(value: &Value) -> Option<Saved> {
        let o = value.as_object()?;
        if o.get("version")?.as_u64()? != VERSION {
            return None;
        }
        let text = |key: &str| o.get(key).and_then(Value::as_str).map(str::to_owned);
        let fixes = o
            .get("fixes")?
            .as_array()?
            .iter()
            .map(|f| {
                let f = f.as_array()?;
                let index = |i: usize| f.get(i)?.as_u64().and_then(|v| usize::try_from(v).ok());
                Some((index(0)?, index(1)?, f.get(2)?.as_str()?.to_owned()))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Saved {
            source: text("source")?,
            text: text("text")?,
            fixes,
            target: text("target")?,
        })
    }
}

/// The kept catalog, if there is a usable one.
pub fn load() -> Option<Saved> {
    if !available() {
        return None;
    }
    let text = LocalStorage::raw().get_item(KEY).ok()??;
    serde_json::from_str(&text)
        .ok()
        .and_then(|v| Saved::from_json(&v))
}

/// Keeps `saved`; `false` when it is too large or the browser refused (then nothing is kept, so
/// that a reload never shows an older catalog than the one on screen).
pub fn save(saved: &Saved) -> bool {
    if !available() {
        return false;
    }
    let kept = saved.text.len() <= MAX_CHARS
        && LocalStorage::raw()
            .set_item(KEY, &json_text(&saved.to_json(), false))
            .is_ok();
    if !kept {
        clear();
    }
    kept
}

/// Forgets the kept catalog.
pub fn clear() {
    if available() {
        let _ = LocalStorage::raw().remove_item(KEY);
    }
}
