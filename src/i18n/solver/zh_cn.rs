//! Simplified Chinese: 保本价, 供货价 and 利润率 as on the cards; full-width punctuation.

use super::SolverTexts;

/// Every "What if" string in Simplified Chinese.
pub const SOLVER: SolverTexts = SolverTexts {
    title: "假如……",
    intro:
        "根据上面的数字精确算出达到目标所需的价格。点击“使用此价格”即可填入，并在卡片中查看结果。",
    target_label: "目标利润率",
    target_hint: "利润占您所得收入的比例。",
    margin_too_high: "利润率必须低于 100%。",
    price_for_margin: "利润率 {0} 所需价格",
    supply_row: "{0}（供货价）",
    price_in: "{0} {1}",
    use_price: "使用此价格",
    use_price_for: "使用此价格：{0}",
    no_price: "任何价格都达不到这个利润率：按售价比例收取的费用加上利润率会占满整个价格。",
    same_as_title: "全托管每月赚得一样多时的供货价",
    same_as: "与{0}一样多（每月 {1}）",
    same_as_none: "没有任何供货价能让全托管赚得和{0}一样多。",
    same_as_note: "供货价高于此价格时，全托管每月赚得更多；低于此价格时，赚得更少。",
    table_caption: "各模式的保本价，以及利润率 {0} 所需的价格",

    price_caption: "价格变动时的利润（每月，{0}）",
    price_axis: "各模式自身价格的变动：售价或供货价",
    cost_caption: "单件成本变动时的利润（每月，{0}）",
    cost_axis: "单件成本（{0}）",
    prices_now: "您当前的价格",
    cost_now: "您当前的单件成本",
    breaks_even: "保本点",
    breaks_even_at_price: "{0}在 {1} 时保本（{2}）。",
    breaks_even_at_cost: "{0}在单件成本约为 {1} 时保本。",
    no_crossing: "在此范围内，没有任何线穿过零。",
    missing_line: "{0}：请修正标出的字段，查看这条线。",
    summary: "月利润，从 {0} 到 {1}：{2}。",
    summary_item: "{0}从 {1} 到 {2}",
    price_change: "价格变动",
    price_table_caption: "不同价格变动下的月利润，单位：{0}",
    cost_table_caption: "不同单件成本下的月利润，单位：{0}",
    // What if says the truth (issue #16, item 8).
    same_as_always: "无论供货价多少（即使为零），全托管每月都比{0}赚得多。",
    same_as_never: "无论供货价多少，全托管每月都比{0}赚得少。",
};
