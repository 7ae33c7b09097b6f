//! French, vous, with the page's French spacing: a no-break space (U+00A0) before `:` and `%`,
//! a narrow one (U+202F) before `?`; "seuil de rentabilité", "prix de fourniture", "marge".

use super::SolverTexts;

/// Every "What if" string in French.
pub const SOLVER: SolverTexts = SolverTexts {
    title: "Et si…\u{202f}?",
    intro: "Les prix qui atteignent un objectif, calculés exactement à partir des chiffres ci-dessus. Utilisez-en un pour remplir le prix et le voir dans les cartes.",
    target_label: "Marge visée",
    target_hint: "Le bénéfice, en part de ce que vous êtes payé.",
    margin_too_high: "Une marge doit être inférieure à 100\u{a0}%.",
    price_for_margin: "Prix pour une marge de {0}",
    supply_row: "{0} (prix de fourniture)",
    price_in: "{0}\u{a0}{1}",
    use_price: "Utiliser ce prix",
    use_price_for: "Utiliser ce prix\u{a0}: {0}",
    no_price: "Aucun prix ne donne cette marge\u{a0}: les frais prélevés en part du prix et la marge en prendraient la totalité.",
    same_as_title: "Prix de fourniture auquel Entièrement géré rapporte autant par mois",
    same_as: "Autant que {0} ({1} par mois)",
    same_as_none: "Aucun prix de fourniture ne fait rapporter à Entièrement géré autant que {0}.",
    same_as_note: "Au-dessus de ce prix de fourniture, Entièrement géré rapporte plus par mois\u{a0}; en dessous, moins.",
    table_caption: "Seuils de rentabilité et prix pour une marge de {0}, par modèle",

    price_caption: "Bénéfice si vos prix changent (par mois, {0})",
    price_axis: "Variation du prix propre à chaque modèle\u{a0}: prix de vente ou de fourniture",
    cost_caption: "Bénéfice si le coût unitaire change (par mois, {0})",
    cost_axis: "Coût unitaire ({0})",
    prices_now: "Vos prix actuels",
    cost_now: "Votre coût unitaire actuel",
    breaks_even: "Seuil de rentabilité",
    breaks_even_at_price: "{0} atteint le seuil de rentabilité à {1} ({2}).",
    breaks_even_at_cost: "{0} atteint le seuil de rentabilité pour un coût unitaire d’environ {1}.",
    no_crossing: "Aucune ligne ne passe par zéro sur cette plage.",
    missing_line: "{0}\u{a0}: corrigez les champs signalés pour voir cette ligne.",
    summary: "Bénéfice mensuel de {0} à {1}\u{a0}: {2}.",
    summary_item: "{0} de {1} à {2}",
    price_change: "Variation de prix",
    price_table_caption: "Bénéfice mensuel selon la variation de prix, en {0}",
    cost_table_caption: "Bénéfice mensuel selon le coût unitaire, en {0}",
    // What if says the truth (issue #16, item 8).
    same_as_always: "Entièrement géré rapporte plus que {0} à tout prix de fourniture, même à zéro.",
    same_as_never: "Entièrement géré rapporte moins que {0} à tout prix de fourniture.",
};
