//! The input column: product, sales, market and one small group per model.

use yew::prelude::*;

use crate::components::field::{CheckboxField, NumberField, SelectField};
use crate::state::{Field, State};

/// Props of [`Inputs`].
#[derive(Properties, PartialEq)]
pub struct InputsProps {
    /// The page state.
    pub state: UseReducerHandle<State>,
    /// Called with every change.
    pub on_change: Callback<(Field, String)>,
}

/// Every scenario input, grouped the way a seller thinks about them.
#[function_component]
pub fn Inputs(props: &InputsProps) -> Html {
    let state = &props.state;
    let policy = state.policy();
    let cost = state.comparison.scenario.currency.cost.clone();
    let sale = state.comparison.scenario.currency.sale.clone();
    let on_change = props.on_change.clone();
    let error = |field: Field| {
        state
            .error(field.path())
            .map(|m| AttrValue::from(m.to_owned()))
    };
    let number = |field: Field,
                  label: String,
                  unit: Option<String>,
                  hint: Option<&str>,
                  placeholder: Option<String>| {
        html! {
            <NumberField
                {field}
                label={label}
                unit={unit.map(AttrValue::from)}
                hint={hint.map(|h| AttrValue::from(h.to_owned()))}
                placeholder={placeholder.map(AttrValue::from)}
                value={AttrValue::from(state.text(field).to_owned())}
                error={error(field)}
                on_change={on_change.clone()}
            />
        }
    };
    let categories: Vec<(AttrValue, AttrValue)> = policy
        .categories
        .iter()
        .map(|c| {
            (
                AttrValue::from(c.id.clone()),
                AttrValue::from(c.name.clone()),
            )
        })
        .collect();
    let destinations: Vec<(AttrValue, AttrValue)> = policy
        .destinations
        .iter()
        .map(|d| {
            (
                AttrValue::from(d.code.clone()),
                AttrValue::from(d.name.clone()),
            )
        })
        .collect();
    let currencies: Vec<(AttrValue, AttrValue)> = policy
        .currencies
        .iter()
        .map(|c| (AttrValue::from(c.clone()), AttrValue::from(c.clone())))
        .collect();
    let select =
        |field: Field, label: &str, options: Vec<(AttrValue, AttrValue)>, hint: Option<&str>| {
            html! {
                <SelectField {field} label={label.to_owned()} {options}
                    value={AttrValue::from(state.text(field).to_owned())}
                    hint={hint.map(|h| AttrValue::from(h.to_owned()))}
                    error={error(field)} on_change={on_change.clone()} />
            }
        };
    // A collapsed group says when a field inside it has a problem, so no error is hidden.
    let summary = |title: &str, explain: &str, fields: &[Field]| {
        let problems = fields
            .iter()
            .filter(|f| state.error(f.path()).is_some())
            .count();
        html! {
            <summary>
                { title.to_owned() }
                <span class="explain">{ format!(" · {explain}") }</span>
                if problems > 0 {
                    <span class="summary-problem">{ format!(" ⚠ {problems} to fix") }</span>
                }
            </summary>
        }
    };
    let rate_placeholder = format!(
        "{} (default)",
        sellercalc_engine::decimal::plain_text(state.comparison.rate)
    );
    let price = state.text(Field::Price).to_owned();
    let modes = vec![
        (
            AttrValue::from("warehouse"),
            AttrValue::from("Warehouse: stock in the Cainiao warehouse"),
        ),
        (
            AttrValue::from("jit"),
            AttrValue::from("JIT: ship each order to Cainiao when it comes in"),
        ),
    ];

    html! {
        <form class="inputs" aria-label="Your product and sales" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <fieldset>
                <legend>{ "Product" }</legend>
                { number(Field::UnitCost, "Unit cost".into(), Some(cost.clone()), None, None) }
                { number(Field::Packaging, "Packaging".into(), Some(cost.clone()), None, None) }
                { number(Field::WeightG, "Weight".into(), Some("g".into()), Some("Shipping weight of one packed unit."), None) }
                { select(Field::Category, "Category", categories, Some("Sets the commission rate.")) }
            </fieldset>
            <fieldset>
                <legend>{ "Sales" }</legend>
                { number(Field::Price, "Sale price".into(), Some(sale.clone()), Some("Your retail price on AliExpress."), None) }
                { number(Field::MonthlyUnits, "Units a month".into(), None, None, None) }
            </fieldset>
            <fieldset>
                <legend>{ "Market" }</legend>
                { select(Field::Destination, "Destination", destinations, Some("Where your buyers are; sets shipping rates.")) }
                { number(Field::ReturnRate, "Return rate".into(), Some("%".into()), Some("Share of orders refunded or returned."), None) }
            </fieldset>
            <details class="group">
                { summary("Currencies", &format!("{cost} costs, {sale} prices"), &[Field::CostCurrency, Field::SaleCurrency, Field::Rate]) }
                { select(Field::CostCurrency, "Cost currency", currencies.clone(), Some("Costs, supply price and every result.")) }
                { select(Field::SaleCurrency, "Sale currency", currencies, Some("Your retail prices on AliExpress.")) }
                { number(Field::Rate, format!("{cost} per {sale}"), None, Some("Leave empty for the default rate."), Some(rate_placeholder)) }
            </details>
            <details class="group">
                { summary("POP settings", "your own store: you ship and handle returns", &[Field::AdSpend, Field::AffiliateShare, Field::AffiliateRate]) }
                { number(Field::AdSpend, "Advertising".into(), Some("% of price".into()), None, None) }
                { number(Field::AffiliateShare, "Orders from affiliates".into(), Some("%".into()), None, None) }
                { number(Field::AffiliateRate, "Affiliate commission".into(), Some("%".into()), Some("You set 3%–50%; paid only on affiliate orders."), None) }
            </details>
            <details class="group">
                { summary("Semi-managed settings", "you set the price, the platform ships", &[Field::SemiPrice, Field::SemiMode]) }
                { number(Field::SemiPrice, "Sale price".into(), Some(sale), Some("Leave empty to use the POP price."), Some(price)) }
                { select(Field::SemiMode, "How goods reach buyers", modes, Some("Warehouse: your stock waits in a Cainiao warehouse. JIT (just in time): you send each order to Cainiao once it comes in.")) }
                <CheckboxField field={Field::SemiPopular} label="Popular product"
                    hint="Popular warehouse goods get 60% of their value paid in advance."
                    checked={state.text(Field::SemiPopular) == "true"} on_change={on_change.clone()} />
            </details>
            <details class="group">
                { summary("Fully managed settings", "the platform buys from you and does the rest", &[Field::SupplyPrice]) }
                { number(Field::SupplyPrice, "Supply price".into(), Some(cost), Some("What the platform pays you per unit sold."), None) }
            </details>
        </form>
    }
}
