//! Several markets (issue #15, item 6): the destination drop-down, or a row per market with its
//! share of the units sold, and a button to add a market. The whole mix is the destination
//! field's one text (`ES:60|US:40`, see `crate::markets`).

use sellercalc_engine::{Comparison, Field, Input, MarketPart};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::field::error_at;
use crate::components::Same;
use crate::i18n::{fill_all, texts, use_locale};
use crate::markets::{clean_share, compose, parse};

/// Props of [`Markets`].
#[derive(Properties, PartialEq)]
pub struct MarketsProps {
    /// The destination field's text: one market, or the mix (`ES:60|US:40`).
    pub destination: AttrValue,
    /// The comparison, for the errors at the markets and their shares.
    pub comparison: Same<Comparison>,
    /// The markets, `(code, name)`, in the policy's order.
    pub options: Vec<(AttrValue, AttrValue)>,
    /// The one-market drop-down, shown when the mix has one market.
    pub single: Html,
    /// Called with the destination field's new text.
    pub on_change: Callback<(Input, String)>,
}

/// The markets sold to: one drop-down, or one row per market with its share.
#[function_component]
pub fn Markets(props: &MarketsProps) -> Html {
    let locale = use_locale();
    let words = &texts(locale.lang).inputs;
    let markets = parse(&props.destination);
    let send = {
        let on_change = props.on_change.clone();
        move |markets: &[(String, String)]| on_change.emit((Input::Destination, compose(markets)))
    };
    let unused = props
        .options
        .iter()
        .map(|(code, _)| code.to_string())
        .find(|code| !markets.iter().any(|(c, _)| c == code));
    let add = unused.map(|code| {
        let markets = markets.clone();
        let send = send.clone();
        Callback::from(move |_: MouseEvent| {
            let mut markets = markets.clone();
            if let [(_, share)] = markets.as_mut_slice() {
                // From one market to two: half each, to be changed.
                *share = "50".to_owned();
                markets.push((code.clone(), "50".to_owned()));
            } else {
                markets.push((code.clone(), String::new()));
            }
            send(&markets);
        })
    });
    let errors = &props.comparison.errors;
    let name_of = |code: &str| {
        props
            .options
            .iter()
            .find(|(c, _)| c == code)
            .map_or_else(|| code.to_owned(), |(_, name)| name.to_string())
    };
    let rows = markets.iter().enumerate().map(|(i, (code, share))| {
        let id = format!("in-destinations-{i}");
        let on_market = {
            let (markets, send) = (markets.clone(), send.clone());
            Callback::from(move |e: Event| {
                let select: HtmlSelectElement = e.target_unchecked_into();
                let mut markets = markets.clone();
                markets[i].0 = select.value();
                send(&markets);
            })
        };
        let on_share = {
            let (markets, send) = (markets.clone(), send.clone());
            Callback::from(move |e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                let mut markets = markets.clone();
                markets[i].1 = clean_share(&input.value());
                send(&markets);
            })
        };
        let on_remove = {
            let (markets, send) = (markets.clone(), send.clone());
            Callback::from(move |_: MouseEvent| {
                let mut markets = markets.clone();
                markets.remove(i);
                send(&markets);
            })
        };
        let at = |part| error_at(&locale, errors, &Field::Market { index: i, part });
        let error = at(Some(MarketPart::Id))
            .or_else(|| at(Some(MarketPart::Share)))
            .or_else(|| at(None));
        let name = name_of(code);
        html! {
            <div class={classes!("market-row", error.is_some().then_some("invalid"))}>
                <select id={format!("{id}-id")} aria-label={fill_all(words.market_of, &[&(i + 1).to_string()])}
                    aria-invalid={error.is_some().then_some("true")} onchange={on_market}>
                    { for props.options.iter().map(|(value, text)| html! {
                        <option value={value.clone()} selected={value.as_str() == code.as_str()}>{ text }</option>
                    }) }
                </select>
                <input id={format!("{id}-share-pct")} type="text" inputmode="decimal" autocomplete="off"
                    aria-label={fill_all(words.share_of, &[&name])} value={share.clone()}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={error.is_some().then(|| format!("{id}-error"))} oninput={on_share} />
                <span class="unit" aria-hidden="true">{ "%" }</span>
                <button type="button" class="remove-market" aria-label={fill_all(words.remove_market, &[&name])}
                    onclick={on_remove}>{ "×" }</button>
                if let Some(error) = error {
                    <p class="error" id={format!("{id}-error")} role="alert">{ error }</p>
                }
            </div>
        }
    });
    let mix_error = error_at(&locale, errors, &Field::Destinations);
    html! {
        <div class="markets" data-testid="markets">
            if markets.len() > 1 {
                <p class="markets-title">{ words.markets }</p>
                { for rows }
                if let Some(error) = mix_error {
                    <p class="error" id="in-destinations-error" role="alert">{ error }</p>
                } else {
                    <p class="hint">{ words.hint_markets }</p>
                }
            } else {
                { props.single.clone() }
            }
            if let Some(add) = add {
                <button type="button" class="add-market" data-testid="add-market" onclick={add}>{ words.add_market }</button>
            }
        </div>
    }
}
