//! The seller's own rate sheet in this browser (issue #15, item 2): the one in use, read by the
//! engine ([`sellercalc_engine::rates`]) and applied to every comparison the page makes
//! ([`crate::state::scenario_input`]); kept in local storage with the day it was loaded, and never
//! dropped unread: a stored sheet that cannot be read is kept, and the page says so.

use std::cell::RefCell;
use std::rc::Rc;

use sellercalc_engine::rates::{read_rate_sheet, RateSheet};
use sellercalc_engine::PolicySet;
use serde_json::{json, Value};

use crate::storage;

/// Where the sheet is kept.
pub const STORAGE_KEY: &str = "sellercalc:rate-sheet";

/// The stored format's version.
const VERSION: u64 = 1;

/// The template's file name.
pub const TEMPLATE_FILE: &str = "sellercalc-rate-sheet-template.csv";

/// A rate sheet in use: its rates, the day it was loaded (`YYYY-MM-DD`) and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The rates.
    pub sheet: RateSheet,
    /// The day it was loaded, `YYYY-MM-DD`.
    pub loaded_on: String,
    /// The file's text, as loaded (what is stored).
    pub text: String,
}

/// What local storage holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    /// Nothing.
    None,
    /// A sheet that reads.
    Sheet(Loaded),
    /// Something that cannot be read as a sheet: kept, unchanged.
    Unreadable,
}

thread_local! {
    static ACTIVE: RefCell<Option<Rc<Loaded>>> = const { RefCell::new(None) };
}

/// The sheet in use, if any.
pub fn active() -> Option<Rc<Loaded>> {
    ACTIVE.with(|a| a.borrow().clone())
}

/// Puts `loaded` in use (or none).
pub fn set_active(loaded: Option<Loaded>) {
    ACTIVE.with(|a| *a.borrow_mut() = loaded.map(Rc::new));
}

/// A stored sheet's text read back: its rates when the text is a sheet without a problem.
pub fn from_stored_text(text: &str) -> Stored {
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return Stored::Unreadable;
    };
    let version = value.get("version").and_then(Value::as_u64);
    let loaded_on = value.get("loaded_on").and_then(Value::as_str);
    let sheet_text = value.get("text").and_then(Value::as_str);
    match (version, loaded_on, sheet_text) {
        (Some(VERSION), Some(day), Some(sheet_text)) if day.len() <= 10 => {
            let file = read_rate_sheet(sheet_text, PolicySet::default_set());
            if file.ok() && !file.sheet.rates.is_empty() {
                Stored::Sheet(Loaded {
                    sheet: file.sheet,
                    loaded_on: day.to_owned(),
                    text: sheet_text.to_owned(),
                })
            } else {
                Stored::Unreadable
            }
        }
        _ => Stored::Unreadable,
    }
}

/// The stored text of `loaded`.
pub fn stored_text(loaded: &Loaded) -> String {
    json!({ "version": VERSION, "loaded_on": loaded.loaded_on, "text": loaded.text }).to_string()
}

/// What local storage holds under [`STORAGE_KEY`].
pub fn load() -> Stored {
    match storage::stored_text(STORAGE_KEY) {
        Some(text) => from_stored_text(&text),
        None => Stored::None,
    }
}

/// Keeps `loaded`; `false` when the browser refused.
pub fn save(loaded: &Loaded) -> bool {
    storage::write_raw(STORAGE_KEY, &stored_text(loaded))
}

/// Forgets the stored sheet; `false` when the browser refused.
pub fn forget() -> bool {
    storage::remove(STORAGE_KEY)
}

/// Today, `YYYY-MM-DD` (the browser's clock).
pub fn today() -> String {
    let iso = storage::now();
    iso.chars().take(10).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_sheet_reads_back_and_anything_else_is_unreadable() {
        let text = "Market,Service,Weight band,Per kg,Per parcel\nES,standard,300-2000 g,50,10\n";
        let file = read_rate_sheet(text, PolicySet::default_set());
        let loaded = Loaded {
            sheet: file.sheet,
            loaded_on: "2026-12-05".to_owned(),
            text: text.to_owned(),
        };
        assert_eq!(
            from_stored_text(&stored_text(&loaded)),
            Stored::Sheet(loaded.clone())
        );
        for bad in [
            "not json",
            "{}",
            r#"{"version":2,"loaded_on":"2026-12-05","text":"x"}"#,
            r#"{"version":1,"loaded_on":"2026-12-05","text":"Market\nES"}"#,
        ] {
            assert_eq!(from_stored_text(bad), Stored::Unreadable, "{bad}");
        }
    }
}
