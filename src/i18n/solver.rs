//! The strings of the "What if" tools, in every language: the solver panel (break-even prices,
//! the price for a target margin, the supply price that earns as much as another model) and the
//! two sensitivity charts (profit against price and against unit cost).
//!
//! Built like [`ShareTexts`](super::share::ShareTexts): one [`SolverTexts`] constant per language
//! in `solver/`, a language that leaves a string out does not compile, and templates mark values
//! `{0}`, `{1}`… for [`fill`](super::fill). Words the page already has (model names, "Break-even
//! price", "Supply price", "now") come from [`Texts`](super::Texts) and are not repeated here.

mod en;
#[cfg(any(test, not(target_arch = "wasm32")))]
mod es;
#[cfg(any(test, not(target_arch = "wasm32")))]
mod fr;
#[cfg(any(test, not(target_arch = "wasm32")))]
mod ko;
#[cfg(any(test, not(target_arch = "wasm32")))]
mod pt_br;
#[cfg(any(test, not(target_arch = "wasm32")))]
mod zh_cn;

use super::texts::{by_lang, text_table};
use super::Lang;

text_table! {
    /// The solver panel and the sensitivity charts.
    SolverTexts {
        // The solver panel.
        /// The section's heading.
        title,
        /// Under the heading.
        intro,
        /// The target-margin field's label.
        target_label,
        /// Under the target-margin field.
        target_hint,
        /// A target margin of 100% or more.
        margin_too_high,
        /// Column heading: {0} the target margin ("15%").
        price_for_margin,
        /// Row heading of fully managed, whose prices are supply prices: {0} the model's name.
        supply_row,
        /// A price with the currency it is in: {0} the number, {1} the currency code.
        price_in,
        /// The button beside a solved price.
        use_price,
        /// The same button's accessible name: {0} the input it fills ("Sale price").
        use_price_for,
        /// In the target column when no price gives the margin.
        no_price,
        /// Heading of the supply prices that earn as much as another model.
        same_as_title,
        /// {0} the other model, in a sentence; {1} its monthly profit.
        same_as,
        /// When there is no such supply price: {0} the other model, in a sentence.
        same_as_none,
        /// Under the supply prices.
        same_as_note,
        /// The table's caption: {0} the target margin.
        table_caption,

        // The sensitivity charts.
        /// {0} the currency the profits are shown in.
        price_caption,
        /// Under the x axis of the price chart.
        price_axis,
        /// {0} the currency the profits are shown in.
        cost_caption,
        /// Under the x axis of the cost chart: {0} the cost currency.
        cost_axis,
        /// Legend: the dashed line at today's prices.
        prices_now,
        /// Legend: the dashed line at today's unit cost.
        cost_now,
        /// Legend: the marks where a line crosses zero.
        breaks_even,
        /// A mark on the price chart: {0} the model, {1} the price change, {2} the price.
        breaks_even_at_price,
        /// A mark on the cost chart: {0} the model, {1} the unit cost.
        breaks_even_at_cost,
        /// Under a chart where no line crosses zero.
        no_crossing,
        /// A model the chart cannot draw: {0} the model.
        missing_line,
        /// The chart's description: {0} the first x value, {1} the last, {2} the lines.
        summary,
        /// One line in the description: {0} the model, {1} the first profit, {2} the last.
        summary_item,
        /// Data table column: the price change.
        price_change,
        /// Data table caption: {0} the currency.
        price_table_caption,
        /// Data table caption: {0} the currency.
        cost_table_caption,

        // What if says the truth (issue #16, item 8).
        /// No supply price equals the other model because fully managed earns more at every
        /// one, even at zero: {0} the other model, in a sentence.
        same_as_always,
        /// No supply price equals the other model because fully managed earns less at every
        /// one a seller can enter: {0} the other model, in a sentence.
        same_as_never,
    }
}

/// Every "What if" string in `lang`.
pub fn solver_texts(lang: Lang) -> &'static SolverTexts {
    by_lang!(lang, SOLVER, solver)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_filled_in_and_has_englishs_placeholders() {
        crate::i18n::tests::assert_like_english(|lang| solver_texts(lang).entries(), |_| false);
    }
}
