//! Spanish (Spain), tú, as in the page's own table: "precio de equilibrio", "precio de
//! suministro", "margen".

use super::SolverTexts;

/// Every "What if" string in Spanish.
pub const SOLVER: SolverTexts = SolverTexts {
    title: "¿Y si…?",
    intro: "Los precios que cumplen un objetivo, calculados con exactitud a partir de las cifras de arriba. Usa uno para rellenar el precio y verlo en las tarjetas.",
    target_label: "Margen objetivo",
    target_hint: "El beneficio como parte de lo que te pagan.",
    margin_too_high: "El margen debe ser inferior al 100 %.",
    price_for_margin: "Precio para un margen del {0}",
    supply_row: "{0} (precio de suministro)",
    price_in: "{0} {1}",
    use_price: "Usar este precio",
    use_price_for: "Usar este precio: {0}",
    no_price: "Ningún precio da este margen: las comisiones que se cobran como parte del precio y el margen se lo llevarían todo.",
    same_as_title: "Precio de suministro con el que Totalmente gestionado gana lo mismo al mes",
    same_as: "Lo mismo que {0} ({1} al mes)",
    same_as_none: "Ningún precio de suministro hace que Totalmente gestionado gane lo mismo que {0}.",
    same_as_note: "Por encima de este precio de suministro, Totalmente gestionado gana más al mes; por debajo, menos.",
    table_caption: "Precios de equilibrio y precios para un margen del {0}, por modelo",

    price_caption: "Beneficio si cambian tus precios (al mes, {0})",
    price_axis: "Cambio en el precio propio de cada modelo: precio de venta o de suministro",
    cost_caption: "Beneficio si cambia el coste unitario (al mes, {0})",
    cost_axis: "Coste unitario ({0})",
    prices_now: "Tus precios actuales",
    cost_now: "Tu coste unitario actual",
    breaks_even: "Punto de equilibrio",
    breaks_even_at_price: "{0} alcanza el equilibrio con {1} ({2}).",
    breaks_even_at_cost: "{0} alcanza el equilibrio con un coste unitario de unos {1}.",
    no_crossing: "Ninguna línea cruza el cero en este rango.",
    missing_line: "{0}: corrige los campos marcados para ver esta línea.",
    summary: "Beneficio mensual de {0} a {1}: {2}.",
    summary_item: "{0} de {1} a {2}",
    price_change: "Cambio de precio",
    price_table_caption: "Beneficio mensual según el cambio de precio, en {0}",
    cost_table_caption: "Beneficio mensual según el coste unitario, en {0}",
    // What if says the truth (issue #16, item 8).
    same_as_always: "Totalmente gestionado gana más que {0} con cualquier precio de suministro, incluso con cero.",
    same_as_never: "Totalmente gestionado gana menos que {0} con cualquier precio de suministro.",
};
