//! Brazilian Portuguese, você, as in the page's own table: "preço de equilíbrio", "preço de
//! fornecimento", "margem".

use super::SolverTexts;

/// Every "What if" string in Brazilian Portuguese.
pub const SOLVER: SolverTexts = SolverTexts {
    title: "E se…?",
    intro: "Os preços que atingem uma meta, calculados com exatidão a partir dos números acima. Use um para preencher o preço e vê-lo nos cartões.",
    target_label: "Margem desejada",
    target_hint: "O lucro como parte do que você recebe.",
    margin_too_high: "A margem deve ser menor que 100%.",
    price_for_margin: "Preço para uma margem de {0}",
    supply_row: "{0} (preço de fornecimento)",
    price_in: "{0} {1}",
    use_price: "Usar este preço",
    use_price_for: "Usar este preço: {0}",
    no_price: "Nenhum preço dá esta margem: as taxas cobradas como parte do preço e a margem ficariam com o preço inteiro.",
    same_as_title: "Preço de fornecimento com que o Totalmente gerenciado lucra o mesmo por mês",
    same_as: "O mesmo que {0} ({1} por mês)",
    same_as_none: "Nenhum preço de fornecimento faz o Totalmente gerenciado lucrar o mesmo que {0}.",
    same_as_note: "Acima deste preço de fornecimento, o Totalmente gerenciado lucra mais por mês; abaixo, menos.",
    table_caption: "Preços de equilíbrio e preços para uma margem de {0}, por modelo",

    price_caption: "Lucro se os seus preços mudarem (por mês, {0})",
    price_axis: "Mudança no preço de cada modelo: preço de venda ou de fornecimento",
    cost_caption: "Lucro se o custo unitário mudar (por mês, {0})",
    cost_axis: "Custo unitário ({0})",
    prices_now: "Seus preços atuais",
    cost_now: "Seu custo unitário atual",
    breaks_even: "Ponto de equilíbrio",
    breaks_even_at_price: "{0} chega ao equilíbrio em {1} ({2}).",
    breaks_even_at_cost: "{0} chega ao equilíbrio com um custo unitário de cerca de {1}.",
    no_crossing: "Nenhuma linha cruza o zero neste intervalo.",
    missing_line: "{0}: corrija os campos destacados para ver esta linha.",
    summary: "Lucro mensal de {0} a {1}: {2}.",
    summary_item: "{0} de {1} a {2}",
    price_change: "Mudança de preço",
    price_table_caption: "Lucro mensal por mudança de preço, em {0}",
    cost_table_caption: "Lucro mensal por custo unitário, em {0}",
    // What if says the truth (issue #16, item 8).
    same_as_always: "O Totalmente gerenciado lucra mais que {0} com qualquer preço de fornecimento, mesmo zero.",
    same_as_never: "O Totalmente gerenciado lucra menos que {0} com qualquer preço de fornecimento.",
};
