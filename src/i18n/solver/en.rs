//! English: the reference wording (the end-to-end tests read it).

use super::SolverTexts;

/// Every "What if" string in English.
pub const SOLVER: SolverTexts = SolverTexts {
    title: "What if…",
    intro: "The prices that meet a target, worked out exactly from the figures above. Use one to fill in the price and see it in the cards.",
    target_label: "Target margin",
    target_hint: "Profit as a share of what you are paid.",
    margin_too_high: "A margin must be less than 100%.",
    price_for_margin: "Price for a {0} margin",
    supply_row: "{0} (supply price)",
    price_in: "{0} {1}",
    use_price: "Use this price",
    use_price_for: "Use this price: {0}",
    no_price: "No price gives this margin: the fees charged as a share of the price and the margin would take all of it.",
    same_as_title: "Supply price at which fully managed earns as much a month",
    same_as: "As much as {0} ({1} a month)",
    same_as_none: "No supply price makes fully managed earn as much as {0}.",
    same_as_note: "Above this supply price fully managed earns more a month; below it, less.",
    table_caption: "Break-even prices and the prices for a {0} margin, per model",

    price_caption: "Profit if your prices change (a month, {0})",
    price_axis: "Change to each model's own price: sale price, or supply price",
    cost_caption: "Profit if the unit cost changes (a month, {0})",
    cost_axis: "Unit cost ({0})",
    prices_now: "Your prices now",
    cost_now: "Your unit cost now",
    breaks_even: "Breaks even",
    breaks_even_at_price: "{0} breaks even at {1} ({2}).",
    breaks_even_at_cost: "{0} breaks even at a unit cost of about {1}.",
    no_crossing: "No line crosses zero in this range.",
    missing_line: "{0}: fix the highlighted fields to see this line.",
    summary: "Monthly profit from {0} to {1}: {2}.",
    summary_item: "{0} {1} to {2}",
    price_change: "Price change",
    price_table_caption: "Monthly profit by change in price, in {0}",
    cost_table_caption: "Monthly profit by unit cost, in {0}",
    // What if says the truth (issue #16, item 8).
    same_as_always: "Fully managed earns more than {0} at every supply price, even at zero.",
    same_as_never: "Fully managed earns less than {0} at every supply price.",
};
