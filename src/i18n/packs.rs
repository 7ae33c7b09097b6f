//! Language packs: the non-English strings of the calculator, loaded when a visitor needs them.
//!
//! The Rust tables (`en.rs`, `fr.rs`…, and those of `share/` and `solver/`) stay the source of
//! truth: a language that leaves a string out still does not compile. But only English is
//! compiled into the shipped wasm (issue #7: the five other languages were about 30 KB of every
//! visitor's first load). The others are written as JSON, `static/i18n/<lang>.json`, by
//! `cargo run --bin i18n_packs`, copied by Trunk to `dist/i18n/`, and fetched once, before the
//! first render or when the visitor switches language. A unit test fails when a pack no longer
//! matches its tables. Until a pack is loaded the page shows the language it has; when a pack
//! cannot be loaded, the page stays in that language and says so.
//!
//! Format: `{"version": 1, "lang": "fr", "strings": {"texts.header.tagline": "…",
//! "share.copy": "…", "solver.…": "…", "catalog.…": "…"}}`, keys sorted. The catalog page's
//! strings are in the same pack; only the catalog page reads them (see `Lang::catalog`).

use std::cell::RefCell;

use serde_json::Value;

use super::share::ShareTexts;
use super::solver::SolverTexts;
use super::{EngineTexts, Lang, Texts};

/// The packs' format version.
pub const VERSION: u64 = 1;

/// One language's tables, built from its pack.
#[derive(Debug)]
pub struct Pack {
    /// The page's strings.
    pub texts: &'static Texts,
    /// Sharing, saving, comparing and embedding.
    pub share: &'static ShareTexts,
    /// The "What if" tools.
    pub solver: &'static SolverTexts,
    /// The engine's and the policies' words.
    pub engine: &'static EngineTexts,
    /// Every string of the pack by key, for the tables only one page needs, built from it when
    /// that page first asks (the catalog's: see `Lang::catalog`), so that the other page's wasm
    /// does not carry their reading.
    pub strings: &'static serde_json::Map<String, Value>,
}

thread_local! {
    static LOADED: RefCell<Vec<(Lang, &'static Pack)>> = const { RefCell::new(Vec::new()) };
}

/// The pack of `lang`, once loaded.
pub fn loaded(lang: Lang) -> Option<&'static Pack> {
    LOADED.with(|l| l.borrow().iter().find(|(l, _)| *l == lang).map(|(_, p)| *p))
}

/// Whether the page can show `lang` now: English and the languages compiled in (native code and
/// tests) always; the others once their pack is loaded.
pub fn available(lang: Lang) -> bool {
    lang == Lang::En || cfg!(any(test, not(target_arch = "wasm32"))) || loaded(lang).is_some()
}

/// The language the page shows when `lang` is asked for: `lang` once it is available, else
/// English (its pack could not be fetched).
pub fn shown(lang: Lang) -> Lang {
    if available(lang) {
        lang
    } else {
        Lang::En
    }
}

/// The pack's file, relative to the calculator's page.
pub fn path(lang: Lang) -> String {
    format!("i18n/{}.json", lang.code())
}

/// Reads a pack; `None` for another version, another language or a missing string. The strings
/// live as long as the page (one pack per language, loaded once).
pub fn from_json(lang: Lang, text: &str) -> Option<Pack> {
    let value: Value = serde_json::from_str(text).ok()?;
    if value.get("version")?.as_u64()? != VERSION || value.get("lang")?.as_str()? != lang.code() {
        return None;
    }
    // Kept for the page's life: the tables' strings are borrowed from it.
    let value: &'static Value = Box::leak(Box::new(value));
    let strings = value.get("strings")?.as_object()?;
    let get = |prefix: &'static str| {
        move |key: &str| -> Option<&'static str> {
            strings.get(&format!("{prefix}.{key}"))?.as_str()
        }
    };
    Some(Pack {
        texts: Box::leak(Box::new(Texts::from_pack(&get("texts"))?)),
        share: Box::leak(Box::new(ShareTexts::from_pack(&get("share"))?)),
        solver: Box::leak(Box::new(SolverTexts::from_pack(&get("solver"))?)),
        engine: Box::leak(Box::new(EngineTexts::from_pack(&get("engine"))?)),
        strings,
    })
}

/// Makes `pack` the strings of `lang`.
pub fn install(lang: Lang, pack: Pack) {
    let pack: &'static Pack = Box::leak(Box::new(pack));
    LOADED.with(|l| l.borrow_mut().push((lang, pack)));
}

/// Fetches and installs the pack of `lang` from `base` (`""` on the calculator's page, `"../"` on
/// the catalog's), unless the page can already show it. `false` when it could not be loaded: the
/// page then stays in the language it shows.
#[cfg(target_arch = "wasm32")]
pub async fn load(lang: Lang, base: &str) -> bool {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    if available(lang) {
        return true;
    }
    let Some(window) = web_sys::window() else {
        return false;
    };
    let url = format!("{base}{}", path(lang));
    let Ok(response) = JsFuture::from(window.fetch_with_str(&url)).await else {
        return false;
    };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else {
        return false;
    };
    if !response.ok() {
        return false;
    }
    let Ok(text) = response.text() else {
        return false;
    };
    let Some(text) = JsFuture::from(text).await.ok().and_then(|t| t.as_string()) else {
        return false;
    };
    // Another load may have finished meanwhile.
    if loaded(lang).is_some() {
        return true;
    }
    match from_json(lang, &text) {
        Some(pack) => {
            install(lang, pack);
            true
        }
        None => false,
    }
}

/// Runs `then` once the page can show `lang`, or once it is known that it cannot: at once when it
/// can already, else after fetching its pack from `base`. `then` is told which: `false` when the
/// pack could not be had (offline, say), and the page must then stay in a language it has. The
/// page never waits for nothing, and a failed fetch is not retried on its own.
pub fn when_available(lang: Lang, base: &str, then: impl FnOnce(bool) + 'static) {
    if available(lang) {
        return then(true);
    }
    #[cfg(target_arch = "wasm32")]
    {
        let base = base.to_owned();
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = load(lang, &base).await;
            then(loaded);
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = base;
        then(true);
    }
}

/// The pack of `lang`, from the compiled tables (native code and tests only).
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn to_json(lang: Lang) -> String {
    use std::collections::BTreeMap;

    let t = super::texts(lang);
    let mut strings: BTreeMap<String, &str> = BTreeMap::new();
    for (key, text) in t.entries() {
        strings.insert(format!("texts.{key}"), text);
    }
    for (key, text) in super::share::share_texts(lang).entries() {
        strings.insert(format!("share.{key}"), text);
    }
    for (key, text) in super::solver::solver_texts(lang).entries() {
        strings.insert(format!("solver.{key}"), text);
    }
    for (key, text) in lang.catalog().entries() {
        strings.insert(format!("catalog.{key}"), text);
    }
    for (key, text) in super::engine_texts(lang)
        .map(|e| e.entries())
        .unwrap_or_default()
    {
        strings.insert(format!("engine.{key}"), text);
    }
    let pack = serde_json::json!({
        "version": VERSION,
        "lang": lang.code(),
        "strings": strings,
    });
    let mut text = serde_json::to_string_pretty(&pack).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed pack of `lang`.
    fn committed(lang: Lang) -> &'static str {
        match lang {
            Lang::En => "",
            Lang::ZhCn => include_str!("../../static/i18n/zh-CN.json"),
            Lang::Es => include_str!("../../static/i18n/es.json"),
            Lang::Ko => include_str!("../../static/i18n/ko.json"),
            Lang::PtBr => include_str!("../../static/i18n/pt-BR.json"),
            Lang::Fr => include_str!("../../static/i18n/fr.json"),
        }
    }

    #[test]
    fn every_pack_matches_its_tables() {
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            assert!(
                committed(lang) == to_json(lang),
                "static/i18n/{}.json is out of date: run `cargo run --bin i18n_packs`",
                lang.code()
            );
        }
    }

    #[test]
    fn a_pack_gives_back_every_string() {
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let pack = from_json(lang, committed(lang)).expect("the pack reads");
            assert_eq!(pack.texts.entries(), super::super::texts(lang).entries());
            assert_eq!(
                pack.share.entries(),
                super::super::share::share_texts(lang).entries()
            );
            assert_eq!(
                pack.solver.entries(),
                super::super::solver::solver_texts(lang).entries()
            );
        }
    }

    #[test]
    fn a_wrong_or_incomplete_pack_is_refused() {
        let fr = committed(Lang::Fr);
        assert!(from_json(Lang::Es, fr).is_none(), "another language");
        assert!(from_json(Lang::Fr, &fr.replace("\"version\": 1", "\"version\": 2")).is_none());
        let mut value: Value = serde_json::from_str(fr).expect("json");
        value["strings"]
            .as_object_mut()
            .expect("strings")
            .remove("texts.header.tagline");
        assert!(from_json(Lang::Fr, &value.to_string()).is_none());
        assert!(from_json(Lang::Fr, "not json").is_none());
    }
}
