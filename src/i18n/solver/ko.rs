//! Korean, polite 합니다 style as in the page's own table: 손익분기, 공급가, 이익률.

use super::SolverTexts;

/// Every "What if" string in Korean.
pub const SOLVER: SolverTexts = SolverTexts {
    title: "만약에…",
    intro: "위 수치로 목표를 맞추는 가격을 정확히 계산합니다. 가격을 적용하면 입력란에 채워지고 카드에서 결과를 볼 수 있습니다.",
    target_label: "목표 이익률",
    target_hint: "받는 금액 중 이익이 차지하는 비율입니다.",
    margin_too_high: "이익률은 100% 미만이어야 합니다.",
    price_for_margin: "이익률 {0}에 필요한 가격",
    supply_row: "{0} (공급가)",
    price_in: "{0} {1}",
    use_price: "이 가격 적용",
    use_price_for: "이 가격 적용: {0}",
    no_price: "이 이익률을 내는 가격은 없습니다. 가격에 비례해 부과되는 수수료와 이익률을 합하면 가격 전부가 됩니다.",
    same_as_title: "완전위탁의 월 이익이 같아지는 공급가",
    same_as: "{0}와(과) 같은 이익 (월 {1})",
    same_as_none: "어떤 공급가로도 완전위탁이 {0}만큼 벌 수 없습니다.",
    same_as_note: "공급가가 이보다 높으면 완전위탁의 월 이익이 더 많고, 낮으면 더 적습니다.",
    table_caption: "방식별 손익분기 가격과 이익률 {0}에 필요한 가격",

    price_caption: "가격이 바뀔 때의 이익 (월, {0})",
    price_axis: "방식별 가격의 변동: 판매가 또는 공급가",
    cost_caption: "개당 원가가 바뀔 때의 이익 (월, {0})",
    cost_axis: "개당 원가 ({0})",
    prices_now: "현재 가격",
    cost_now: "현재 개당 원가",
    breaks_even: "손익분기점",
    breaks_even_at_price: "{0}: {1}에서 손익분기 ({2}).",
    breaks_even_at_cost: "{0}: 개당 원가 약 {1}에서 손익분기.",
    no_crossing: "이 범위에서 0을 지나는 선은 없습니다.",
    missing_line: "{0}: 표시된 항목을 수정하면 이 선이 나옵니다.",
    summary: "{0}부터 {1}까지의 월 이익: {2}.",
    summary_item: "{0} {1}에서 {2}",
    price_change: "가격 변동",
    price_table_caption: "가격 변동별 월 이익, 단위 {0}",
    cost_table_caption: "개당 원가별 월 이익, 단위 {0}",
    // What if says the truth (issue #16, item 8).
    same_as_always: "완전위탁은 공급가가 0이더라도 어떤 공급가에서나 {0}보다 더 많이 법니다.",
    same_as_never: "완전위탁은 어떤 공급가에서도 {0}보다 적게 법니다.",
};
