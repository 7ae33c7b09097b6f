//! What only the browser knows: country and currency names (`Intl.DisplayNames`), list wording
//! (`Intl.ListFormat`), number separators (`Intl.NumberFormat`), the browser's languages, `?lang=`
//! and the stored choice.
//!
//! Every `Intl` constructor is looked up and called through `Reflect`, so a browser without one
//! (or a sandboxed iframe without `localStorage`) gets a fallback instead of an exception. Off the
//! web (native tests) the same functions return their fallbacks without touching JavaScript.

pub use browser::*;

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    use crate::format::english;
    use crate::i18n::{lang_param, Lang, Separators, STORAGE_KEY};

    thread_local! {
        /// `Intl` objects by language and purpose; `None` when the browser lacks the constructor.
        static INTL: RefCell<HashMap<(Lang, &'static str), Option<JsValue>>> =
            RefCell::new(HashMap::new());
        static SEPARATORS: RefCell<HashMap<Lang, Separators>> = RefCell::new(HashMap::new());
    }

    /// `new Intl[constructor]([lang], options)`, or `None`.
    fn construct(constructor: &str, lang: Lang, options: &[(&str, &str)]) -> Option<JsValue> {
        let intl = Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
        let class: Function = Reflect::get(&intl, &JsValue::from_str(constructor))
            .ok()?
            .dyn_into()
            .ok()?;
        let settings = Object::new();
        for (key, value) in options {
            Reflect::set(
                &settings,
                &JsValue::from_str(key),
                &JsValue::from_str(value),
            )
            .ok()?;
        }
        let locales = Array::of1(&JsValue::from_str(lang.code()));
        Reflect::construct(&class, &Array::of2(&locales, &settings)).ok()
    }

    /// The cached `Intl` object for `lang` and `purpose`, made by `make` the first time.
    fn cached(
        lang: Lang,
        purpose: &'static str,
        make: impl FnOnce() -> Option<JsValue>,
    ) -> Option<JsValue> {
        INTL.with(|cache| {
            cache
                .borrow_mut()
                .entry((lang, purpose))
                .or_insert_with(make)
                .clone()
        })
    }

    /// `object[method](...args)`, or `None` when it is missing or throws.
    fn call(object: &JsValue, method: &str, args: &Array) -> Option<JsValue> {
        let function: Function = Reflect::get(object, &JsValue::from_str(method))
            .ok()?
            .dyn_into()
            .ok()?;
        function.apply(object, args).ok()
    }

    fn display_name(lang: Lang, kind: &'static str, code: &str) -> String {
        cached(lang, kind, || {
            construct(
                "DisplayNames",
                lang,
                &[("type", kind), ("fallback", "code")],
            )
        })
        .and_then(|names| call(&names, "of", &Array::of1(&JsValue::from_str(code))))
        .and_then(|name| name.as_string())
        .unwrap_or_else(|| code.to_owned())
    }

    /// A country's name in `lang` from its ISO 3166 code (`ES` → "Spain", "西班牙", "스페인"),
    /// through `Intl.DisplayNames`; the code itself when the browser cannot name it.
    pub fn region_name(lang: Lang, code: &str) -> String {
        display_name(lang, "region", code)
    }

    /// A currency's name in `lang` from its ISO 4217 code (`CNY` → "Chinese Yuan", "人民币"),
    /// through `Intl.DisplayNames` (English from [`english`]'s table, as `Intl` names them); the
    /// code itself when the browser cannot name it.
    pub fn currency_name(lang: Lang, code: &str) -> String {
        if lang == Lang::En {
            if let Some(name) = english::currency_name(code) {
                return name.to_owned();
            }
        }
        display_name(lang, "currency", code)
    }

    /// "a, b and c" in `lang`, through `Intl.ListFormat` (English through [`english`], which
    /// writes it the same); joined with commas without it.
    pub fn and_list(lang: Lang, items: &[String]) -> String {
        if lang == Lang::En {
            return english::and_list(items);
        }
        let list: Array = items.iter().map(|s| JsValue::from_str(s)).collect();
        cached(lang, "and", || {
            construct(
                "ListFormat",
                lang,
                &[("type", "conjunction"), ("style", "long")],
            )
        })
        .and_then(|format| call(&format, "format", &Array::of1(&list)))
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| items.join(", "))
    }

    fn separators_from_intl(lang: Lang) -> Option<Separators> {
        let format = construct("NumberFormat", lang, &[])?;
        let parts: Array = call(
            &format,
            "formatToParts",
            &Array::of1(&JsValue::from_f64(1_234_567.5)),
        )?
        .dyn_into()
        .ok()?;
        let part = |kind: &str| {
            parts.iter().find_map(|part| {
                let type_ = Reflect::get(&part, &JsValue::from_str("type")).ok()?;
                if type_.as_string()? != kind {
                    return None;
                }
                Reflect::get(&part, &JsValue::from_str("value"))
                    .ok()?
                    .as_string()?
                    .chars()
                    .next()
            })
        };
        Some(Separators {
            decimal: part("decimal")?,
            group: part("group")?,
        })
    }

    /// The decimal and group separators the browser's `Intl.NumberFormat` uses for `lang`, for
    /// reading typed numbers; [`Lang::separators`] when `Intl` cannot say. English's are known
    /// (`format::english` writes `en` figures without `Intl`, `tests/wasm_english.rs` holds them
    /// to it): asking `Intl` would load the locale's data in the app's first render, about a
    /// third of that task (issue #17, lever 2).
    pub fn separators(lang: Lang) -> Separators {
        if lang == Lang::En {
            return lang.separators();
        }
        SEPARATORS.with(|cache| {
            *cache
                .borrow_mut()
                .entry(lang)
                .or_insert_with(|| separators_from_intl(lang).unwrap_or(lang.separators()))
        })
    }

    /// The browser's preferred languages (`navigator.languages`, else `navigator.language`).
    pub fn navigator_languages() -> Vec<String> {
        let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
            return Vec::new();
        };
        let listed: Vec<String> = navigator
            .languages()
            .iter()
            .filter_map(|tag| tag.as_string())
            .collect();
        if listed.is_empty() {
            navigator.language().into_iter().collect()
        } else {
            listed
        }
    }

    fn window_property(name: &str) -> Option<JsValue> {
        let window = web_sys::window()?;
        Reflect::get(window.as_ref(), &JsValue::from_str(name))
            .ok()
            .filter(|value| !value.is_undefined() && !value.is_null())
    }

    /// The page URL's `?lang=` value.
    pub fn url_lang() -> Option<String> {
        let location = window_property("location")?;
        let search = Reflect::get(&location, &JsValue::from_str("search"))
            .ok()?
            .as_string()?;
        lang_param(&search).map(str::to_owned)
    }

    /// The language the user chose earlier on this device, if storage is available.
    pub fn stored_lang() -> Option<String> {
        let storage = window_property("localStorage")?;
        call(
            &storage,
            "getItem",
            &Array::of1(&JsValue::from_str(STORAGE_KEY)),
        )?
        .as_string()
    }

    /// Remembers the user's choice of language on this device; does nothing where storage is
    /// unavailable (private browsing, sandboxed embeds).
    pub fn store_lang(lang: Lang) {
        if let Some(storage) = window_property("localStorage") {
            let args = Array::of2(
                &JsValue::from_str(STORAGE_KEY),
                &JsValue::from_str(lang.code()),
            );
            let _ = call(&storage, "setItem", &args);
        }
    }

    /// Says the page's language on `<html lang>`, for screen readers, hyphenation and fonts.
    pub fn set_document_lang(lang: Lang) {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            // Only when it changes: setting it, even to the same value, makes the browser
            // restyle the whole page (`:lang()`), the prerendered picture too (issue #17).
            if root.get_attribute("lang").as_deref() != Some(lang.code()) {
                let _ = root.set_attribute("lang", lang.code());
            }
        }
    }
}

/// Native fallbacks: the same API without a browser, for tests, tools and the prerender. English
/// is written as in the browser ([`english`]).
#[cfg(not(target_arch = "wasm32"))]
mod browser {
    use crate::format::english;
    use crate::i18n::{Lang, Separators};

    /// A country's name: natively, its code.
    pub fn region_name(_lang: Lang, code: &str) -> String {
        code.to_owned()
    }

    /// A currency's name: natively, its English name, else its code.
    pub fn currency_name(lang: Lang, code: &str) -> String {
        match english::currency_name(code) {
            Some(name) if lang == Lang::En => name.to_owned(),
            _ => code.to_owned(),
        }
    }

    /// A list: natively, as English writes it, else joined with commas.
    pub fn and_list(lang: Lang, items: &[String]) -> String {
        if lang == Lang::En {
            english::and_list(items)
        } else {
            items.join(", ")
        }
    }

    /// The separators: natively, [`Lang::separators`].
    pub fn separators(lang: Lang) -> Separators {
        lang.separators()
    }

    /// The browser's languages: natively, none.
    pub fn navigator_languages() -> Vec<String> {
        Vec::new()
    }

    /// `?lang=`: natively, none.
    pub fn url_lang() -> Option<String> {
        None
    }

    /// The stored choice: natively, none.
    pub fn stored_lang() -> Option<String> {
        None
    }

    /// Remembering the choice: natively, nothing.
    pub fn store_lang(_lang: Lang) {}

    /// No document natively.
    pub fn set_document_lang(_lang: Lang) {}
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    use super::*;
    use crate::i18n::Lang;

    // The page runs in browsers, so these check the browser's `Intl`, like the other wasm tests.
    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn intl_separators_match_the_native_table() {
        for lang in Lang::ALL {
            assert_eq!(separators(lang), lang.separators(), "{lang:?}");
        }
    }

    #[wasm_bindgen_test]
    fn intl_names_regions_and_currencies() {
        assert_eq!(region_name(Lang::ZhCn, "ES"), "西班牙");
        assert_eq!(region_name(Lang::Ko, "KR"), "대한민국");
        assert_eq!(currency_name(Lang::En, "EUR"), "Euro");
        assert_eq!(
            and_list(Lang::Es, &["POP".to_owned(), "Semigestionado".to_owned()]),
            "POP y Semigestionado"
        );
    }
}
