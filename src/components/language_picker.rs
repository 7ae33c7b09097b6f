//! The language picker of both pages.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::page_header::controlled_select;
use crate::i18n::{packs, texts, Lang};

/// Props of [`LanguagePicker`].
#[derive(Properties, PartialEq)]
pub struct LanguagePickerProps {
    /// The page's language.
    pub lang: Lang,
    /// Where the page is relative to the calculator, to fetch language packs from: `""` on the
    /// calculator, `"../"` on the catalog.
    pub base: &'static str,
    /// Called with a language chosen once the page can show it.
    pub on_lang: Callback<Lang>,
    /// Called with a language chosen whose strings could not be fetched.
    pub on_unavailable: Callback<Lang>,
}

/// A `<select>` of the page's languages that shows the page's language. A language that comes as
/// a pack shows as chosen while its pack is fetched; if it cannot be had, the picker shows the
/// page's language again, which did not change.
#[function_component]
pub fn LanguagePicker(props: &LanguagePickerProps) -> Html {
    let fetching = use_state_eq(|| None::<Lang>);
    let shown = fetching.unwrap_or(props.lang);
    let onchange = {
        let fetching = fetching.clone();
        let base = props.base;
        let (on_lang, on_unavailable) = (props.on_lang.clone(), props.on_unavailable.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let Some(chosen) = Lang::ALL.into_iter().find(|l| l.code() == select.value()) else {
                return;
            };
            if packs::available(chosen) {
                return on_lang.emit(chosen);
            }
            fetching.set(Some(chosen));
            let (fetching, on_lang, on_unavailable) =
                (fetching.clone(), on_lang.clone(), on_unavailable.clone());
            packs::when_available(chosen, base, move |loaded| {
                fetching.set(None);
                if loaded {
                    on_lang.emit(chosen);
                } else {
                    on_unavailable.emit(chosen);
                }
            });
        })
    };
    // The options' `selected` attribute makes the first choice; `controlled_select` keeps it.
    let options = html! {
        { for Lang::ALL.into_iter().map(|l| html! {
            <option value={l.code()} lang={l.code()} selected={l == shown}>{ l.native_name() }</option>
        }) }
    };
    html! {
        <>
            <label for="language" class="visually-hidden">{ texts(props.lang).header.language }</label>
            { controlled_select("language", shown.code(), onchange, options) }
        </>
    }
}
