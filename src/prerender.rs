//! The calculator's first screen rendered at build time (issue #17): what a first-time visitor
//! sees (the default scenario, in English), written into `dist/index.html` by
//! `src/bin/prerender.rs`, so that the figures are on screen and readable before any wasm has
//! loaded.
//!
//! It is a picture of the page, not the page: the app never hydrates it (hydration panics when
//! the page differs, and with `panic = "abort"` that would be a dead page). [`crate::start`]
//! builds the app's first screen in an element outside the document and puts it in the
//! picture's place in one step, so the swap cannot be seen. Until then it is `inert` (nothing
//! in it can be typed into and lost), and its ids and `data-testid`s carry a `pre-` prefix, so
//! that nothing looking for the app's elements finds the picture's instead. A visitor whose page
//! will not be the default one (a link, an autosave, an embed, another language) never sees it:
//! index.html's first script hides it before the first paint.

use std::rc::Rc;

use yew::ServerRenderer;

use crate::app::{App, AppProps};
use crate::i18n::Lang;
use crate::session::Session;

/// The element of index.html the picture goes into, and that [`crate::start`] removes.
pub const ROOT_ID: &str = "prerendered";

/// Attributes that hold an element id, or a space-separated list of them.
const ID_ATTRIBUTES: &[&str] = &[
    "id",
    "for",
    "list",
    "form",
    "headers",
    "aria-controls",
    "aria-describedby",
    "aria-details",
    "aria-errormessage",
    "aria-labelledby",
    "aria-owns",
    "aria-activedescendant",
];

/// What a first-time visitor's page starts from: the default scenario, storage available and
/// empty, the address bar following the inputs.
pub fn first_visit() -> Session {
    Session {
        persist: true,
        autosave: true,
        library_writable: true,
        sync_url: true,
        ..Session::default()
    }
}

/// The app's first render for a first-time visitor in English, as HTML: the same markup as the
/// app's own first render, before anything built after the first paint.
pub fn first_screen() -> String {
    let renderer = ServerRenderer::<App>::with_props(|| AppProps {
        session: Rc::new(first_visit()),
        lang: Some(Lang::En),
        ..AppProps::default()
    })
    .hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// `html` (Yew's output: every attribute value double-quoted and escaped) with every id and id
/// reference prefixed `pre-` and every `data-testid` renamed `data-pre-testid`.
pub fn picture(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = tag_end(rest);
        out.push_str(&rename(&rest[..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The length of the tag at the start of `text`, up to and including its `>`, skipping `>`s in
/// quoted attribute values.
fn tag_end(text: &str) -> usize {
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '>' if !quoted => return i + 1,
            _ => {}
        }
    }
    text.len()
}

/// One tag with its id attributes prefixed and its test id renamed.
fn rename(tag: &str) -> String {
    let mut out = String::with_capacity(tag.len() + 16);
    let mut rest = tag;
    // ` name="value"`: rewrite the name or the value; everything else is copied.
    while let Some(eq) = rest.find("=\"") {
        let name_start = rest[..eq].rfind([' ', '\n', '\t']).map_or(0, |i| i + 1);
        let name = &rest[name_start..eq];
        let value_end = rest[eq + 2..].find('"').map_or(rest.len(), |i| eq + 2 + i);
        let value = &rest[eq + 2..value_end];
        out.push_str(&rest[..name_start]);
        if name == "data-testid" {
            out.push_str(&format!("data-pre-testid=\"{value}\""));
        } else if ID_ATTRIBUTES.contains(&name) {
            let ids: Vec<String> = value
                .split(' ')
                .map(|id| {
                    if id.is_empty() {
                        String::new()
                    } else {
                        format!("pre-{id}")
                    }
                })
                .collect();
            out.push_str(&format!("{name}=\"{}\"", ids.join(" ")));
        } else {
            out.push_str(&rest[name_start..(value_end + 1).min(rest.len())]);
        }
        rest = &rest[(value_end + 1).min(rest.len())..];
    }
    out.push_str(rest);
    out
}

/// `index` (the built index.html) with `page` inside its `<div id="prerendered">`; `None` when
/// it has no such element, or it is not empty.
pub fn insert(index: &str, page: &str) -> Option<String> {
    // Trunk's minifier may drop the quotes: `<div id=prerendered inert></div>`.
    let open = [
        format!("<div id=\"{ROOT_ID}\""),
        format!("<div id={ROOT_ID} "),
        format!("<div id={ROOT_ID}>"),
    ]
    .iter()
    .find_map(|tag| index.find(tag.as_str()))?;
    let inside = open + index[open..].find('>')? + 1;
    if !index[inside..].starts_with("</div>") {
        return None;
    }
    Some(format!("{}{page}{}", &index[..inside], &index[inside..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_references_and_test_ids_are_renamed_and_nothing_else() {
        let html = r#"<label for="in-a">A &gt; "b"</label><input id="in-a" aria-describedby="in-a-hint in-a-error" value="x > y" data-testid="a"/><p class="id">id="no"</p>"#;
        assert_eq!(
            picture(html),
            r#"<label for="pre-in-a">A &gt; "b"</label><input id="pre-in-a" aria-describedby="pre-in-a-hint pre-in-a-error" value="x > y" data-pre-testid="a"/><p class="id">id="no"</p>"#
        );
    }

    #[test]
    fn the_page_goes_into_the_empty_root_minified_or_not() {
        for index in [
            r#"<body><noscript>x</noscript><div id="prerendered" inert></div></body>"#,
            "<body><noscript>x</noscript><div id=prerendered inert></div></body>",
        ] {
            let out = insert(index, "<p>page</p>").unwrap();
            assert!(out.contains("inert><p>page</p></div></body>"), "{out}");
        }
        assert_eq!(insert("<body></body>", "<p/>"), None);
        assert_eq!(
            insert(r#"<div id="prerendered"><p>old</p></div>"#, "<p/>"),
            None
        );
    }

    #[test]
    fn the_first_screen_shows_the_default_scenario_with_english_figures() {
        let page = first_screen();
        for expected in [
            "data-testid=\"pop-monthly-profit\"",
            "data-testid=\"semi-monthly-profit\"",
            "data-testid=\"full-monthly-profit\"",
            "data-testid=\"comparison\"",
        ] {
            assert!(page.contains(expected), "{expected} missing");
        }
        assert!(page.contains('¥'), "money is written with its symbol");
        // Each model's monthly profit is written as Intl writes English money (`¥2,223.98`), not
        // in the native fallback's form (`2223.98 CNY`).
        for model in ["pop", "semi", "full"] {
            let marker = format!("data-testid=\"{model}-monthly-profit\"");
            let at = page.find(&marker).expect("the profit is on the page") + marker.len();
            // The first text after the element's tags (the amount is wrapped in spans).
            let mut text = &page[at..];
            loop {
                text = &text[text.find('>').map_or(text.len(), |i| i + 1)..];
                if !text.starts_with('<') {
                    break;
                }
            }
            assert!(
                text.starts_with('¥') || text.starts_with("-¥"),
                "{model}: {}",
                &text[..text.len().min(40)]
            );
        }
        assert!(!page.contains("<!--"), "not hydratable: no markers");
    }

    #[test]
    fn the_hiding_script_knows_the_languages_and_the_storage_keys() {
        // index.html's first script decides, before the first paint, whether the picture is the
        // visitor's page: it must read the same keys and know the same languages as the app.
        let index = include_str!("../index.html");
        let langs = index
            .split("/* prerender:langs */")
            .nth(1)
            .and_then(|rest| rest.split("/* /prerender:langs */").next())
            .expect("index.html lists the languages between prerender:langs markers");
        let primary: Vec<String> = Lang::ALL
            .iter()
            .map(|l| {
                let code = l.code();
                format!(
                    "\"{}\"",
                    code.split('-').next().unwrap_or(code).to_lowercase()
                )
            })
            .collect();
        assert_eq!(langs, format!("[{}]", primary.join(",")));
        assert!(index.contains(&format!("'{}'", crate::storage::AUTOSAVE_KEY)));
        assert!(index.contains(&format!("'{}'", crate::rate_sheet::STORAGE_KEY)));
        assert!(index.contains(&format!("'{}'", crate::i18n::STORAGE_KEY)));
    }
}
