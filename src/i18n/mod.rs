//! The page in six languages: which one the user gets, every string in each, and the helpers that
//! turn the engine's keys (rule ids, line-item keys, error codes, policy value ids) into words.
//!
//! Each language is one file with one `TEXTS` constant of type [`Texts`]; leaving a string out is a
//! compile error, so that is the missing-key test. Templates mark values `{0}`, `{1}`… and are
//! filled with [`fill`]. Country and currency names are not translated here: the browser names
//! them through `Intl.DisplayNames` ([`region_name`], [`currency_name`]). Numbers are formatted by
//! `Intl` and read back forgivingly by [`parse`]. The page's language and the currency its amounts
//! are shown in travel together as one value, the [`Locale`], which the page provides to its
//! components ([`use_locale`]) and which every figure is written with.
//!
//! ```
//! use sellercalc::i18n::{fill, negotiate, texts, Lang};
//!
//! let lang = negotiate(Some("zh-Hans"), Some("fr"), &["es-ES".to_owned()]);
//! assert_eq!(lang, Lang::ZhCn);
//! let line = fill(texts(Lang::En).card.you_keep, |i| (i == 0).then(|| "¥11.30".to_owned()));
//! assert_eq!(line, "You keep ¥11.30 of every sale");
//! ```

pub mod catalog;
mod en;
#[cfg(any(test, not(target_arch = "wasm32")))]
mod es;
#[cfg(any(test, not(target_arch = "wasm32")))]
mod fr;
mod intl;
#[cfg(any(test, not(target_arch = "wasm32")))]
mod ko;
mod locale;
pub mod packs;
pub mod parse;
#[cfg(any(test, not(target_arch = "wasm32")))]
mod pt_br;
pub mod share;
pub mod solver;
mod texts;
#[cfg(any(test, not(target_arch = "wasm32")))]
mod zh_cn;

use sellercalc_engine::decimal::{parse_decimal, plain_text, ParseError, MAX_NUMBER_CHARS};
use sellercalc_engine::{
    Conflict, Decimal, Field, FieldError, Input, MarketPart, ModelKind, PolicySet, PolicyValue,
    Problem, Rule, RuleArg, Unit, Warning, WarningKind,
};

pub use intl::{
    and_list, currency_name, navigator_languages, region_name, separators, set_document_lang,
    store_lang, stored_lang, url_lang,
};
pub use locale::{use_lang, use_locale, Conversion, Locale};
pub use parse::{normalize_number, NumberIssue, Separators};
pub use sellercalc_engine::rule::fill;

/// A template with one value, `{0}`.
pub fn fill_one(template: &str, value: &str) -> String {
    fill(template, |i| (i == 0).then(|| value.to_owned()))
}

/// A template with its values `{0}`, `{1}`… in order.
pub fn fill_all<S: AsRef<str>>(template: &str, values: &[S]) -> String {
    fill(template, |i| values.get(i).map(|v| v.as_ref().to_owned()))
}
pub use texts::*;

/// A language the page speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese (mainland China).
    ZhCn,
    /// Spanish (Spain).
    Es,
    /// Korean.
    Ko,
    /// Brazilian Portuguese.
    PtBr,
    /// French.
    Fr,
}

/// Where the user's choice of language is kept in `localStorage`.
pub const STORAGE_KEY: &str = "sellercalc.lang";

impl Lang {
    /// Every language, in the switcher's order.
    pub const ALL: [Lang; 6] = [
        Lang::En,
        Lang::ZhCn,
        Lang::Es,
        Lang::Ko,
        Lang::PtBr,
        Lang::Fr,
    ];

    /// The BCP 47 tag: for `?lang=`, `<html lang>`, storage and `Intl`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
            Lang::Es => "es",
            Lang::Ko => "ko",
            Lang::PtBr => "pt-BR",
            Lang::Fr => "fr",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "简体中文",
            Lang::Es => "Español",
            Lang::Ko => "한국어",
            Lang::PtBr => "Português (Brasil)",
            Lang::Fr => "Français",
        }
    }

    /// The language that best serves a BCP 47 tag, by its primary language subtag, ignoring case
    /// and accepting `_` for `-`: `zh`, `zh-Hans-CN` and also `zh-TW` get Simplified Chinese, any
    /// `pt` gets Brazilian Portuguese, `es-MX` gets Spanish. `None` for a language the page lacks.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Some(match primary.as_str() {
            "en" => Lang::En,
            "zh" => Lang::ZhCn,
            "es" => Lang::Es,
            "ko" => Lang::Ko,
            "pt" => Lang::PtBr,
            "fr" => Lang::Fr,
            _ => return None,
        })
    }

    /// Every string in this language.
    pub fn texts(self) -> &'static Texts {
        texts(self)
    }

    /// The decimal and group separators `Intl.NumberFormat` uses for this language, for native
    /// code and tests; in the browser, [`separators`] asks `Intl` itself.
    pub fn separators(self) -> Separators {
        match self {
            Lang::En | Lang::ZhCn | Lang::Ko => Separators {
                decimal: '.',
                group: ',',
            },
            Lang::Es | Lang::PtBr => Separators {
                decimal: ',',
                group: '.',
            },
            Lang::Fr => Separators {
                decimal: ',',
                group: '\u{202f}',
            },
        }
    }
}

/// The language a page starts in, on both pages: `asked` (the link's `?lang=`), then the visitor's
/// earlier choice unless `remembered` is false (an embed does not take it), then the browser's
/// languages (see [`negotiate`]).
pub fn starting_lang(asked: Option<&str>, remembered: bool) -> Lang {
    let stored = if remembered { stored_lang() } else { None };
    negotiate(asked, stored.as_deref(), &navigator_languages())
}

/// The language to show: `?lang=` first (embeds rely on it), then the user's stored choice, then
/// the first of the browser's languages the page speaks, else English. Values the page does not
/// know are skipped, so `?lang=de` falls through to the next source.
pub fn negotiate(url_lang: Option<&str>, stored: Option<&str>, navigator: &[String]) -> Lang {
    url_lang
        .and_then(Lang::from_tag)
        .or_else(|| stored.and_then(Lang::from_tag))
        .or_else(|| navigator.iter().find_map(|tag| Lang::from_tag(tag)))
        .unwrap_or_default()
}

/// The value of `lang` in a query string such as `?units=400&lang=ko`.
pub fn lang_param(query: &str) -> Option<&str> {
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .filter(|value| !value.is_empty())
}

/// Every string in `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    by_lang!(lang, TEXTS, texts)
}

/// Splits a template around its `{0}`, for pages that wrap the value in markup:
/// `("You keep ", " of every sale")`. Without a `{0}`, the whole template comes first.
pub fn around(template: &str) -> (&str, &str) {
    template.split_once("{0}").unwrap_or((template, ""))
}

/// The engine's and the policies' words in `lang`; `None` in English, whose words are the
/// engine's and the policy set's own. Natively every language is compiled in; in the shipped
/// wasm the others come from their loaded pack.
pub fn engine_texts(lang: Lang) -> Option<&'static EngineTexts> {
    match lang {
        Lang::En => None,
        #[cfg(any(test, not(target_arch = "wasm32")))]
        Lang::ZhCn => Some(&zh_cn::ENGINE),
        #[cfg(any(test, not(target_arch = "wasm32")))]
        Lang::Es => Some(&es::ENGINE),
        #[cfg(any(test, not(target_arch = "wasm32")))]
        Lang::Ko => Some(&ko::ENGINE),
        #[cfg(any(test, not(target_arch = "wasm32")))]
        Lang::PtBr => Some(&pt_br::ENGINE),
        #[cfg(any(test, not(target_arch = "wasm32")))]
        Lang::Fr => Some(&fr::ENGINE),
        #[cfg(all(not(test), target_arch = "wasm32"))]
        _ => packs::loaded(lang).map(|p| p.engine),
    }
}

/// A rule in `lang`; `arg` words each argument (money and numbers through `Intl`, names through
/// [`name_arg`]). English, and a rule id a language lacks, is the engine's own wording.
pub fn rule_text(lang: Lang, rule: &Rule, arg: impl Fn(&RuleArg) -> String) -> String {
    let template = engine_texts(lang)
        .and_then(|e| e.rules.rule_template(rule.id))
        .or_else(|| sellercalc_engine::rule::english_template(rule.id))
        .unwrap_or(rule.id);
    fill(template, |i| rule.args.get(i).map(&arg))
}

/// A policy set's description of source `key` in `lang`: the set's own words in English (and
/// where a language lacks the source).
pub fn source_text<'a>(lang: Lang, set: &'a PolicySet, key: &str) -> &'a str {
    engine_texts(lang)
        .and_then(|e| e.sources.get(key))
        .or_else(|| set.sources.get(key).map(String::as_str))
        .unwrap_or("")
}

/// The words for a [`RuleArg::Name`]: a category from the table, a destination through
/// [`destination_name`], a currency as its code, a logistics service or a weight band as the
/// policy writes it (a proper name; a range of numbers).
pub fn name_arg(lang: Lang, kind: &str, id: &str, english: &str) -> String {
    match kind {
        "category" => texts(lang).categories.get(id).unwrap_or(english).to_owned(),
        "destination" => destination_name(lang, id, english),
        "service" | "band" => english.to_owned(),
        _ => id.to_owned(),
    }
}

/// A destination's name: the policy file's own (`english`) in English, so English matches the
/// policy word for word; otherwise the browser's name for the ISO code through
/// `Intl.DisplayNames` ([`region_name`]).
pub fn destination_name(lang: Lang, code: &str, english: &str) -> String {
    if lang == Lang::En && !english.is_empty() {
        english.to_owned()
    } else {
        region_name(lang, code)
    }
}

/// Sentences run together as the language writes them: a space after a sentence that ends in
/// Latin punctuation, none after Chinese full-width punctuation (`。`, `！`, `？`, `：`). Empty
/// parts are left out.
pub fn sentences<S: AsRef<str>>(parts: &[S]) -> String {
    let mut out = String::new();
    for part in parts.iter().map(AsRef::as_ref).filter(|p| !p.is_empty()) {
        out.push_str(sentence_gap(&out));
        out.push_str(part);
    }
    out
}

/// What goes between `previous` and the sentence after it: a space, or nothing after Chinese
/// full-width punctuation or when there is nothing before.
pub fn sentence_gap(previous: &str) -> &'static str {
    if previous.is_empty() || previous.ends_with(['。', '！', '？', '：']) {
        ""
    } else {
        " "
    }
}

/// A category's name; the policy's English name (`english`) for an id the table lacks.
pub fn category_name<'a>(texts: &Texts, id: &str, english: &'a str) -> &'a str {
    texts.categories.get(id).unwrap_or(english)
}

fn model_of(id: &str) -> Option<ModelKind> {
    ModelKind::ALL.into_iter().find(|kind| kind.id() == id)
}

/// A policy value's label in `lang` (not English: see [`value_label`]), or `None` for an id no
/// pattern covers. `policy_currency` is the policy's own currency (CNY), which exchange-rate
/// labels name.
pub fn value_label_by_id(
    lang: Lang,
    id: &str,
    policy_currency: &str,
    category_name: impl Fn(&str) -> String,
    destination_name: impl Fn(&str) -> String,
) -> Option<String> {
    let texts = texts(lang);
    let l = &engine_texts(lang)?.value_labels;
    let with = |template: &str, values: &[String]| fill(template, |i| values.get(i).cloned());
    let parts: Vec<&str> = id.split('.').collect();
    let text = match parts.as_slice() {
        ["commission", category] => return Some(with(l.commission, &[category_name(category)])),
        ["postage", service, destination, band, unit] => {
            let template = match (*service, *unit) {
                ("standard" | "economy", "per_kg") => l.postage_pop_per_kg,
                ("standard" | "economy", "per_parcel") => l.postage_pop_per_parcel,
                ("choice", "per_kg") => l.postage_choice_per_kg,
                ("choice", "per_parcel") => l.postage_choice_per_parcel,
                _ => return None,
            };
            // The service and the band are proper names and numbers, the same in every language.
            let place = match *service {
                "choice" => format!("{} ({})", destination_name(destination), band_name(band)?),
                _ => format!(
                    "{} ({}, {})",
                    destination_name(destination),
                    service_name(service)?,
                    band_name(band)?
                ),
            };
            return Some(with(template, &[place]));
        }
        ["logistics", service, what] => {
            let template = match *what {
                "volumetric_divisor" => l.volumetric_divisor,
                "max_side_cm" => l.max_side,
                _ => return None,
            };
            return Some(with(template, &[service_name(service)?.to_owned()]));
        }
        ["returns", model, what] => {
            let template = match *what {
                "refund_borne" => l.refund_borne,
                "return_shipping" => l.return_shipping,
                "unsellable" => l.unsellable,
                "commission_back" => l.commission_back,
                "affiliate_back" => l.affiliate_back,
                "conversion_back" => l.conversion_back,
                _ => return None,
            };
            let name = texts.model_in_sentence(model_of(model)?);
            return Some(with(template, &[name.to_owned()]));
        }
        ["cash", model, "postage_deducted"] => {
            let name = texts.model_in_sentence(model_of(model)?);
            return Some(with(l.postage_deducted, &[name.to_owned()]));
        }
        ["fx", currency] => {
            return Some(with(
                l.fx,
                &[policy_currency.to_owned(), (*currency).to_owned()],
            ))
        }
        ["semi", "warehouse_commission_waiver"] => l.semi_warehouse_waiver,
        ["semi", "jit_commission_waiver"] => l.semi_jit_waiver,
        ["service_fee", "rate"] => l.service_fee,
        ["semi", "warehouse_service_fee_waiver"] => l.service_fee_waiver_warehouse,
        ["semi", "jit_service_fee_waiver"] => l.service_fee_waiver_jit,
        ["payment", "conversion_fee"] => l.conversion_fee,
        ["vat", destination, "rate"] => {
            return Some(with(l.vat_rate, &[destination_name(destination)]))
        }
        ["vat", "eu_threshold"] => l.vat_eu_threshold,
        ["vat", "gb_threshold"] => l.vat_gb_threshold,
        ["first_mile", "pop", "per_kg"] => l.first_mile_pop_per_kg,
        ["first_mile", "pop", "per_parcel"] => l.first_mile_pop_per_parcel,
        ["first_mile", "cainiao_bulk", "per_kg"] => l.first_mile_cainiao_bulk_per_kg,
        ["first_mile", "cainiao_bulk", "per_parcel"] => l.first_mile_cainiao_bulk_per_parcel,
        ["first_mile", "semi_jit", "per_kg"] => l.first_mile_semi_jit_per_kg,
        ["first_mile", "semi_jit", "per_parcel"] => l.first_mile_semi_jit_per_parcel,
        ["warehouse", "pickup_fee"] => l.warehouse_pickup_fee,
        ["warehouse", "operation_fee"] => l.warehouse_operation_fee,
        ["warehouse", "rent"] => l.warehouse_rent,
        ["warehouse", "fee_waiver"] => l.warehouse_fee_waiver,
        ["semi", "advance_payment"] => l.advance_payment,
        ["semi", "advance_base"] => l.advance_base,
        ["choice", "traffic_uplift"] => l.traffic_uplift,
        ["full", "supply_share"] => l.supply_share,
        ["days", "pop", "stock"] => l.days_pop_stock,
        ["days", "pop", "delivery"] => l.days_pop_delivery,
        ["days", "pop", "confirmation"] => l.days_pop_confirmation,
        ["days", "pop", "payout"] => l.days_pop_payout,
        ["days", "pop", "early_payout"] => l.days_pop_early_payout,
        ["days", "semi_jit", "stock"] => l.days_semi_jit_stock,
        ["days", "semi_jit", "delivery"] => l.days_semi_jit_delivery,
        ["days", "semi_warehouse", "stock"] => l.days_semi_warehouse_stock,
        ["days", "semi_warehouse", "delivery"] => l.days_semi_warehouse_delivery,
        ["days", "semi", "payout"] => l.days_semi_payout,
        ["days", "semi", "advance"] => l.days_semi_advance,
        ["days", "full", "stock"] => l.days_full_stock,
        ["days", "full", "delivery"] => l.days_full_delivery,
        ["days", "full", "payout"] => l.days_full_payout,
        ["days", "semi_warehouse", "delivery_five_day"] => l.days_semi_warehouse_delivery_five_day,
        ["days", "full", "delivery_five_day"] => l.days_full_delivery_five_day,
        _ => return None,
    };
    Some(text.to_owned())
}

/// A logistics service's name, a proper name in every language.
fn service_name(id: &str) -> Option<&'static str> {
    Some(match id {
        "standard" => "AliExpress Standard",
        "economy" => "Super Economy Global",
        "choice" => "Cainiao (Choice)",
        _ => return None,
    })
}

/// A weight band's range from its id: `300_2000g` is 300–2000 g, `2_30kg` is 2–30 kg.
fn band_name(id: &str) -> Option<String> {
    let (from, to) = id.split_once('_')?;
    let (to, unit) = match to.strip_suffix("kg") {
        Some(to) => (to, "kg"),
        None => (to.strip_suffix('g')?, "g"),
    };
    Some(format!("{from}–{to} {unit}"))
}

/// A policy value's label in `lang`: the policy file's own in English, and for an id no pattern
/// covers. The exchange-rate labels name the value's own unit (the policy currency).
pub fn value_label(
    lang: Lang,
    value: &PolicyValue,
    category_name: impl Fn(&str) -> String,
    destination_name: impl Fn(&str) -> String,
) -> String {
    value_label_by_id(
        lang,
        &value.id,
        &value.unit,
        category_name,
        destination_name,
    )
    .unwrap_or_else(|| value.label.clone())
}

/// A policy value's note in `lang` (not English: see [`value_note`]), or `None` for a value no
/// pattern covers. `note_key` names the note a value's file chose where one id has several
/// (a category's commission: listed in the 2024 table, assumed, split in 2025, changed in August
/// 2025).
pub fn value_note_by_id(lang: Lang, id: &str, note_key: Option<&str>) -> Option<&'static str> {
    let n = &engine_texts(lang)?.value_notes;
    if let Some(key) = note_key {
        return Some(match key {
            "commission_listed" => n.commission_listed,
            "commission_assumed" => n.commission_assumed,
            "commission_split_listed" => n.commission_split_listed,
            "commission_split_assumed" => n.commission_split_assumed,
            "commission_changed" => n.commission_changed,
            "commission_home_2024" => n.commission_home_2024,
            "commission_electronics_2024" => n.commission_electronics_2024,
            "commission_phones_2024" => n.commission_phones_2024,
            "commission_shoes_2024" => n.commission_shoes_2024,
            "commission_split_mixed" => n.commission_split_mixed,
            "service_fee_none" => n.service_fee_none,
            "service_fee" => n.service_fee,
            "postage_band_assumed" => n.postage_band_assumed,
            "postage_economy" => n.postage_economy,
            _ => return None,
        });
    }
    let parts: Vec<&str> = id.split('.').collect();
    Some(match parts.as_slice() {
        ["commission", _] => n.commission_assumed,
        ["semi", "warehouse_commission_waiver"] => n.semi_warehouse_waiver,
        ["semi", "jit_commission_waiver"] => n.semi_jit_waiver,
        ["semi", "warehouse_service_fee_waiver" | "jit_service_fee_waiver"] => n.service_fee_waiver,
        ["payment", "conversion_fee"] => n.conversion_fee,
        ["vat", _, "rate"] => n.vat_rate,
        ["vat", "eu_threshold" | "gb_threshold"] => n.vat_threshold,
        ["postage", "standard", _, "0_150g", "per_kg"] => n.postage_pop_per_kg,
        ["postage", "standard", _, "0_150g", "per_parcel"] => n.postage_pop_per_parcel,
        ["postage", "choice", _, _, _] => n.postage_choice,
        ["logistics", _, "volumetric_divisor"] => n.volumetric_divisor,
        ["logistics", _, "max_side_cm"] => n.max_side,
        ["first_mile", "pop", "per_kg"] => n.first_mile_pop_per_kg,
        ["first_mile", "pop", "per_parcel"] => n.first_mile_pop_per_parcel,
        ["first_mile", "cainiao_bulk", "per_kg"] => n.first_mile_cainiao_bulk_per_kg,
        ["first_mile", "cainiao_bulk", "per_parcel"] => n.first_mile_cainiao_bulk_per_parcel,
        ["first_mile", "semi_jit", "per_kg"] => n.first_mile_semi_jit_per_kg,
        ["first_mile", "semi_jit", "per_parcel"] => n.first_mile_semi_jit_per_parcel,
        ["warehouse", "pickup_fee"] => n.warehouse_pickup_fee,
        ["warehouse", "operation_fee"] => n.warehouse_operation_fee,
        ["warehouse", "rent"] => n.warehouse_rent,
        ["warehouse", "fee_waiver"] => n.warehouse_fee_waiver,
        ["semi", "advance_payment"] => n.advance_payment,
        ["semi", "advance_base"] => n.advance_base,
        ["choice", "traffic_uplift"] => n.traffic_uplift,
        ["full", "supply_share"] => n.supply_share,
        ["cash", "pop", "postage_deducted"] => n.postage_deducted_pop,
        ["cash", "semi", "postage_deducted"] => n.postage_deducted_semi,
        ["returns", _, "commission_back"] => n.commission_back,
        ["returns", _, "affiliate_back"] => n.affiliate_back,
        ["returns", _, "conversion_back"] => n.conversion_back,
        ["returns", "pop", _] => n.returns_pop,
        ["returns", "semi", _] => n.returns_semi,
        ["returns", "full", _] => n.returns_full,
        ["days", "pop", "stock"] => n.days_pop_stock,
        ["days", "pop", "delivery"] => n.days_pop_delivery,
        ["days", "pop", "confirmation"] => n.days_pop_confirmation,
        ["days", "pop", "payout"] => n.days_pop_payout,
        ["days", "pop", "early_payout"] => n.days_pop_early_payout,
        ["days", "semi_jit", "stock"] => n.days_semi_jit_stock,
        ["days", "semi_jit", "delivery"] => n.days_semi_jit_delivery,
        ["days", "semi_warehouse", "stock"] => n.days_semi_warehouse_stock,
        ["days", "semi_warehouse", "delivery"] => n.days_semi_warehouse_delivery,
        ["days", "semi" | "full", "payout"] => n.days_choice_payout,
        ["days", "semi", "advance"] => n.days_semi_advance,
        ["days", "full", "stock"] => n.days_full_stock,
        ["days", "full", "delivery"] => n.days_full_delivery,
        ["days", _, "delivery_five_day"] => n.days_five_day,
        ["fx", _] => n.fx,
        _ => return None,
    })
}

/// A policy value's note in `lang`: the policy file's own in English, and for a value no pattern
/// covers.
pub fn value_note(lang: Lang, value: &PolicyValue) -> &str {
    value_note_by_id(lang, &value.id, value.note_key.as_deref()).unwrap_or(&value.note)
}

/// A policy value's unit (`%`, `days`, `CNY`, `CNY/kg`, `CNY/parcel`, `CNY/unit`) in `texts`'
/// language.
pub fn value_unit(texts: &Texts, unit: &str) -> String {
    let a = &texts.assumptions;
    let per =
        |template: &str, currency: &str| fill(template, |i| (i == 0).then(|| currency.to_owned()));
    match unit.split_once('/') {
        Some((currency, "kg")) => per(a.unit_per_kg, currency),
        Some((currency, "parcel")) => per(a.unit_per_parcel, currency),
        Some((currency, "unit")) => per(a.unit_per_unit, currency),
        _ if unit == "days" => a.unit_days.to_owned(),
        _ => unit.to_owned(),
    }
}

/// An input's name in `lang`, as the page labels it, for the A/B comparison; exports use the
/// English one. Two inputs whose on-page label says less (the exchange rate's names its
/// currencies; the semi-managed price sits in its group) have a name of their own.
pub fn input_label(lang: Lang, input: Input) -> &'static str {
    let i = &texts(lang).inputs;
    let s = share::share_texts(lang);
    match input {
        Input::CostCurrency => i.cost_currency,
        Input::SaleCurrency => i.sale_currency,
        Input::Rate => s.exchange_rate,
        Input::UnitCost => i.unit_cost,
        Input::Packaging => i.packaging,
        Input::WeightG => i.weight,
        Input::Category => i.category,
        Input::Price => i.sale_price,
        Input::MonthlyUnits => i.monthly_units,
        Input::Destination => i.destination,
        Input::ReturnRate => i.return_rate,
        Input::AdSpend => i.advertising,
        Input::AffiliateShare => i.affiliate_share,
        Input::AffiliateRate => i.affiliate_rate,
        Input::EarlyPayout => i.early_payout,
        Input::SemiPrice => s.semi_price,
        Input::SemiAdSpend => s.semi_advertising,
        Input::SemiAffiliateShare => s.semi_affiliate_share,
        Input::SemiAffiliateRate => s.semi_affiliate_rate,
        Input::SemiMode => i.semi_mode,
        Input::SemiPopular => i.popular,
        Input::SupplyPrice => i.supply_price,
        // The page does not offer the parcel's sides yet (issue #15, the page's part): their
        // names are the engine's paths' words until it does.
        Input::Length => "Length",
        Input::Width => "Width",
        Input::Height => "Height",
        Input::PopShipping => "Shipping line",
        Input::ShippingCharge => "Shipping paid by the buyer",
    }
}

/// The unit text of a policy value's unit (`CNY/kg`), in the policy's currency, for
/// [`value_unit`].
fn policy_unit_text(unit: Unit) -> Option<String> {
    let currency = &sellercalc_engine::PolicySet::default_set().currency;
    let per = match unit {
        Unit::PolicyMoney => "",
        Unit::PolicyMoneyPerKg => "/kg",
        Unit::PolicyMoneyPerParcel => "/parcel",
        Unit::PolicyMoneyPerUnit => "/unit",
        _ => return None,
    };
    Some(format!("{currency}{per}"))
}

/// An engine warning in `texts`' language, from its kind and arguments; `money` writes an amount
/// in a currency and `percent` a percentage for the locale.
pub fn warning_message(
    texts: &Texts,
    warning: &Warning,
    money: impl Fn(Decimal, &str) -> String,
    percent: impl Fn(Decimal) -> String,
) -> String {
    let w = &texts.warnings;
    match &warning.kind {
        WarningKind::SupplyAboveRetail {
            supply,
            retail,
            currency,
        } => fill_all(
            w.supply_above_retail,
            &[&money(*supply, currency), &money(*retail, currency)],
        ),
        WarningKind::FractionalVolume => w.fractional_volume.to_owned(),
        WarningKind::EstimatedSupplyPrice {
            estimate,
            share_pct,
            currency,
        } => fill_all(
            w.estimated,
            &[&money(*estimate, currency), &percent(*share_pct)],
        ),
    }
}

/// An engine error in `texts`' language, from its problem and the problem's arguments. `number`
/// formats a canonical decimal text ("12.99", "1000000000") for the locale.
pub fn error_message(texts: &Texts, error: &FieldError, number: impl Fn(&str) -> String) -> String {
    let e = &texts.errors;
    let with = |template: &str, value: String| fill(template, |i| (i == 0).then(|| value.clone()));
    match &error.problem {
        // Issue #15: a mix with no market, a market of a mix without its code.
        Problem::Required if error.field == Field::Destinations => e.mix_empty.to_owned(),
        Problem::Required
            if matches!(
                error.field,
                Field::Market {
                    part: Some(MarketPart::Id) | None,
                    ..
                }
            ) =>
        {
            e.market_required.to_owned()
        }
        Problem::Required | Problem::NoDefaultRate => e.required.to_owned(),
        Problem::NotANumber => {
            let examples = [number("25"), number("12.99")];
            fill(e.not_a_number, |i| examples.get(i).cloned())
        }
        Problem::TooLong { max_chars } => with(e.too_long, number(&max_chars.to_string())),
        Problem::TooManyDigits { .. } => e.too_large_to_calculate.to_owned(),
        Problem::TooPrecise { places } => with(e.too_precise, number(&places.to_string())),
        Problem::Ambiguous { readings } => {
            let readings = readings.map(|r| number(&r.normalize().to_string()));
            fill(e.ambiguous_two, |i| readings.get(i).cloned())
        }
        Problem::WrongType { .. } => e.wrong_type.to_owned(),
        Problem::Negative => e.negative.to_owned(),
        Problem::NotPositive => e.not_positive.to_owned(),
        Problem::TooLarge { max, unit } => {
            let input_percent = matches!(error.field, Field::Input(_)) && *unit == Unit::Percent;
            if input_percent && *max == Decimal::ONE_HUNDRED {
                return e.too_large_percent.to_owned();
            }
            let limit = plain_text(*max);
            let shown = number(&limit);
            let stated = match (unit, &error.field) {
                (_, Field::Input(_)) => shown,
                (Unit::Percent, _) => with(e.percent_limit, shown),
                (Unit::Days, _) => texts.days(&shown, *max == Decimal::ONE),
                (unit, _) => match policy_unit_text(*unit) {
                    Some(text) => format!("{shown} {}", value_unit(texts, &text)),
                    None => shown,
                },
            };
            with(e.too_large, stated)
        }
        Problem::TooMany { max } => with(e.too_large, number(&max.to_string())),
        // Issue #15: the service (a proper name) with its model, and the limit with its unit.
        Problem::AboveServiceLimit {
            name,
            model,
            max,
            unit,
            ..
        } => {
            let line = format!("{name} ({})", texts.model_name(*model));
            let (template, unit) = match (unit, &error.field) {
                (Unit::Centimetres, _) => (e.above_side_limit, texts.inputs.centimetres),
                (_, Field::Input(Input::WeightG)) => (e.above_weight_limit, texts.inputs.grams),
                _ => (e.above_volume_limit, texts.inputs.grams),
            };
            let limit = format!("{}\u{a0}{unit}", number(&plain_text(*max)));
            fill_all(template, &[line, limit])
        }
        Problem::UnknownValue { .. } | Problem::MissingPolicyValue => e.unknown_value.to_owned(),
        Problem::UnknownField | Problem::UnknownPolicyValue { .. } => e.unknown_field.to_owned(),
        Problem::Inconsistent(Conflict::RateWithOneCurrency) => e.inconsistent_rate.to_owned(),
        Problem::Inconsistent(Conflict::DestinationAndMix) => e.destination_and_mix.to_owned(),
        Problem::Inconsistent(Conflict::DuplicateMarket { market, first }) => fill_all(
            e.duplicate_market,
            &[market.clone(), number(&(first + 1).to_string())],
        ),
        Problem::Inconsistent(Conflict::SharesNotHundred { total }) => {
            with(e.shares_not_hundred, number(&plain_text(*total)))
        }
        Problem::Inconsistent(Conflict::LineMissesMarket {
            name,
            market,
            market_name,
            ..
        }) => fill_all(
            e.line_misses_market,
            &[
                name.clone(),
                destination_name(lang_of(texts), market, market_name),
            ],
        ),
        Problem::Overflow { .. } => e.overflow.to_owned(),
        Problem::BeyondCents { .. } => e.beyond_cents.to_owned(),
        // Only the JavaScript API meets it (a JS value over its budget): no field on a page can.
        Problem::TooComplex { .. } => e.wrong_type.to_owned(),
    }
}

/// The language of a table of texts (a market's name in an error is written by language).
fn lang_of(texts: &Texts) -> Lang {
    Lang::ALL
        .into_iter()
        .find(|lang| std::ptr::eq(self::texts(*lang), texts))
        .unwrap_or(Lang::En)
}

/// Reads what the user typed in `lang` into a decimal, as the engine takes it: the problem if it
/// does not read as one number ([`read_number`] explains an ambiguous one better: the page shows
/// that first). Bounded: a text longer than any number is refused before it is read.
pub fn read_decimal(lang: Lang, text: &str) -> Result<Decimal, Problem> {
    if text.chars().count() > MAX_NUMBER_CHARS {
        return Err(Problem::TooLong {
            max_chars: MAX_NUMBER_CHARS,
        });
    }
    match read_number(lang, text) {
        Ok(canonical) => parse_decimal(&canonical).map_err(ParseError::problem),
        Err(NumberIssue::Empty) => Err(Problem::Required),
        Err(_) => Err(Problem::NotANumber),
    }
}

/// What to tell the user about a number the page could not read. `number` formats a canonical
/// decimal text for the locale, so a suggestion reads the way the user should type it.
pub fn number_issue_message(
    texts: &Texts,
    issue: &NumberIssue,
    number: impl Fn(&str) -> String,
) -> String {
    let e = &texts.errors;
    match issue {
        NumberIssue::Empty => e.required.to_owned(),
        NumberIssue::NotANumber => {
            let examples = [number("25"), number("12.99")];
            fill(e.not_a_number, |i| examples.get(i).cloned())
        }
        NumberIssue::Ambiguous { suggestions } => {
            let shown: Vec<String> = suggestions.iter().take(2).map(|s| number(s)).collect();
            let template = if shown.len() > 1 {
                e.ambiguous_two
            } else {
                e.ambiguous_one
            };
            fill(template, |i| shown.get(i).cloned())
        }
    }
}

/// `text` in lower case. In the browser this asks JavaScript, which already carries Unicode's
/// case tables; Rust's `str::to_lowercase` would add about 17 KB of them to the wasm.
pub fn lower(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::JsString::from(text).to_lower_case().into()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_lowercase()
    }
}

/// `text` with its first letter in upper case (see [`lower`] for why through JavaScript).
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    #[cfg(target_arch = "wasm32")]
    let first: String = js_sys::JsString::from(first.to_string())
        .to_upper_case()
        .into();
    #[cfg(not(target_arch = "wasm32"))]
    let first: String = first.to_uppercase().collect();
    first + chars.as_str()
}

/// Reads what the user typed in `lang`'s number format into the engine's canonical decimal text,
/// with the separators the browser's `Intl` uses for `lang`.
pub fn read_number(lang: Lang, text: &str) -> Result<String, NumberIssue> {
    if text.chars().count() > MAX_NUMBER_CHARS {
        return Err(NumberIssue::NotANumber);
    }
    let seps = separators(lang);
    normalize_number(text, seps.decimal, seps.group)
}

#[cfg(test)]
mod tests;
