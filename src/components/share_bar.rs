//! The share bar: copy the scenario's link, save it, pin it for an A/B comparison, export it and
//! print it. Also the one-line link that an embedded calculator shows instead of the bar.

use js_sys::Reflect;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Clipboard, HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::components::notice::Message;
use crate::export::{self, Column};
use crate::share::{self, Presentation};
use crate::state::{Action, State};

/// Every sentence the bar shows.
mod text {
    pub const COPY: &str = "Copy link";
    pub const COPIED: &str = "Link copied: anyone who opens it sees these figures.";
    pub const COPY_BY_HAND: &str =
        "This browser blocks copying here: the link is selected, press Ctrl+C (⌘C) to copy it.";
    pub const LINK_LABEL: &str = "Link to this scenario";
    pub const SAVE: &str = "Save…";
    pub const PIN: &str = "Pin as A";
    pub const REPIN: &str = "Replace A";
    pub const PIN_HINT: &str =
        "Keeps these figures as scenario A: then change any input to compare.";
    pub const CSV: &str = "Export CSV";
    pub const JSON: &str = "Export JSON";
    pub const PRINT: &str = "Print";
    pub const TOOLS: &str = "Share, save and compare";
    pub const PRINT_LINK: &str = "Open these figures again: ";
    pub const EMBED_TITLE: &str = "SellerCalc: which way of selling on AliExpress earns you more?";
    pub const EMBED_NOTE: &str = "Figures are estimates. ";
    pub const EMBED_OPEN: &str = "Open this scenario in SellerCalc";
    pub const NEW_TAB: &str = " (opens in a new tab)";
}

/// Props of [`ShareBar`].
#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    /// The page state.
    pub state: UseReducerHandle<State>,
    /// How the page is shown; copied links keep its language.
    pub presentation: Presentation,
    /// Whether saving scenarios is possible.
    pub can_save: bool,
    /// Shows a notice.
    pub on_message: Callback<Message>,
}

#[derive(Clone, Copy, PartialEq)]
enum CopyStatus {
    Idle,
    Copied,
    ByHand,
}

/// `navigator.clipboard`, where the browser offers it (secure pages only).
fn clipboard() -> Option<Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let clipboard = Reflect::get(&navigator, &"clipboard".into()).ok()?;
    (!clipboard.is_undefined() && !clipboard.is_null()).then(|| clipboard.unchecked_into())
}

/// The link for sharing: the scenario and language, never the embed layout.
fn share_link(state: &State, presentation: &Presentation) -> String {
    let presentation = Presentation {
        embed: false,
        lang: presentation.lang.clone(),
    };
    share::link(&state.snapshot(), &presentation)
}

/// Buttons for the scenario as a whole, above the results.
#[function_component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let state = &props.state;
    let link = share_link(state, &props.presentation);
    let status = use_state(|| CopyStatus::Idle);
    let link_ref = use_node_ref();
    {
        // A changed scenario has a new link: the old "copied" no longer holds.
        let status = status.clone();
        use_effect_with(link.clone(), move |_| status.set(CopyStatus::Idle));
    }
    {
        let link_ref = link_ref.clone();
        use_effect_with(*status, move |status| {
            if *status == CopyStatus::ByHand {
                if let Some(input) = link_ref.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }

    let on_copy = {
        let link = link.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(clipboard) = clipboard() else {
                status.set(CopyStatus::ByHand);
                return;
            };
            let promise = clipboard.write_text(&link);
            let status = status.clone();
            yew::platform::spawn_local(async move {
                status.set(match JsFuture::from(promise).await {
                    Ok(_) => CopyStatus::Copied,
                    Err(_) => CopyStatus::ByHand,
                });
            });
        })
    };
    let on_save = Callback::from(|_: MouseEvent| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        // Focusing the name field scrolls it into view, no further than needed.
        if let Some(panel) = document.get_element_by_id("saved-scenarios") {
            let _ = panel.set_attribute("open", "");
        }
        if let Some(input) = document
            .get_element_by_id("save-name")
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = input.focus();
        }
    });
    let on_pin = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Pin))
    };
    let export = |csv: bool| {
        let state = state.clone();
        let presentation = props.presentation.clone();
        let on_message = props.on_message.clone();
        Callback::from(move |_: MouseEvent| {
            let current = state.snapshot();
            let current_link = share_link(&state, &presentation);
            let pinned_presentation = Presentation {
                embed: false,
                lang: presentation.lang.clone(),
            };
            let mut columns = Vec::new();
            if let Some(pinned) = &state.pinned {
                columns.push(Column {
                    name: "A",
                    snapshot: &pinned.snapshot,
                    comparison: &pinned.comparison,
                    link: share::link(&pinned.snapshot, &pinned_presentation),
                });
            }
            columns.push(Column {
                name: if state.pinned.is_some() {
                    "B"
                } else {
                    "current"
                },
                snapshot: &current,
                comparison: &state.comparison,
                link: current_link,
            });
            let done = if csv {
                export::download(
                    export::CSV_FILE,
                    "text/csv;charset=utf-8",
                    &export::csv(&columns),
                )
            } else {
                export::download(
                    export::JSON_FILE,
                    "application/json",
                    &export::json(&columns),
                )
            };
            if !done {
                on_message.emit(Message::DownloadFailed);
            }
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let pinned = state.pinned.is_some();

    html! {
        <section class="share-bar" aria-label={text::TOOLS} data-testid="share-bar">
            <div class="share-buttons">
                <button type="button" class="tool primary" data-testid="copy-link" onclick={on_copy}>
                    { text::COPY }
                </button>
                if props.can_save {
                    <button type="button" class="tool" data-testid="save-open" onclick={on_save}>{ text::SAVE }</button>
                }
                <button type="button" class="tool" data-testid="pin" onclick={on_pin}
                    aria-describedby="pin-hint">
                    { if pinned { text::REPIN } else { text::PIN } }
                </button>
                <button type="button" class="tool" data-testid="export-csv" onclick={export(true)}>{ text::CSV }</button>
                <button type="button" class="tool" data-testid="export-json" onclick={export(false)}>{ text::JSON }</button>
                <button type="button" class="tool" data-testid="print" onclick={on_print}>{ text::PRINT }</button>
            </div>
            <p class="visually-hidden" id="pin-hint">{ text::PIN_HINT }</p>
            <div class="copy-status" aria-live="polite" data-testid="copy-status">
                if *status == CopyStatus::Copied {
                    <p class="copied"><span aria-hidden="true">{ "✓ " }</span>{ text::COPIED }</p>
                }
                if *status == CopyStatus::ByHand {
                    <p>{ text::COPY_BY_HAND }</p>
                }
            </div>
            if *status == CopyStatus::ByHand {
                <input ref={link_ref} type="text" class="share-link" readonly=true value={link.clone()}
                    aria-label={text::LINK_LABEL} data-testid="share-link" />
            }
            <p class="print-only print-link">{ text::PRINT_LINK }<span class="url">{ link }</span></p>
        </section>
    }
}

/// In embed mode, in place of the footer: that figures are estimates, and a link to the full
/// calculator with this scenario. (Plain functions, not components: each component costs the
/// page a few kilobytes of Yew machinery.)
pub fn embed_link(state: &State, presentation: &Presentation) -> Html {
    let link = share_link(state, presentation);
    html! {
        <footer class="embed-link" data-testid="embed-link">
            { text::EMBED_NOTE }
            <a href={link} target="_blank" rel="noopener">
                { text::EMBED_OPEN }<span aria-hidden="true">{ " ↗" }</span>
                <span class="visually-hidden">{ text::NEW_TAB }</span>
            </a>
        </footer>
    }
}

/// In embed mode, in place of the header: the page's title, for screen readers only.
pub fn embed_title() -> Html {
    html! { <h1 class="visually-hidden">{ text::EMBED_TITLE }</h1> }
}
