//! Every language has every string (the compiler checks that), with the same placeholders as
//! English. The engine's and the policies' English words are the engine's and the policy sets'
//! own (there is no copy to keep equal); every other language translates every rule, value,
//! note and source of every built-in set.

use std::collections::BTreeSet;

use sellercalc_engine::rule::{english_template, RULE_IDS};
use sellercalc_engine::{
    compare, ModelKind, ParsedScenario, PolicySet, RuleArg, DEFAULT_POLICY_ID,
};
use serde_json::json;

use super::*;

/// The `{n}` indices a template uses.
fn placeholders(template: &str) -> BTreeSet<usize> {
    let mut found = BTreeSet::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}') {
            if let Ok(index) = rest[..close].parse() {
                found.insert(index);
            }
        }
    }
    found
}

fn policy() -> &'static PolicySet {
    PolicySet::find(DEFAULT_POLICY_ID).expect("the default policy is built in")
}

/// Every language's table has English's keys in English's order, no empty string, no stray
/// space (except in keys `spaced` allows) and English's `{n}` placeholders.
pub(super) fn assert_like_english<K: AsRef<str> + PartialEq + std::fmt::Debug>(
    table: impl Fn(Lang) -> Vec<(K, &'static str)>,
    spaced: impl Fn(&str) -> bool,
) {
    let english = table(Lang::En);
    for lang in Lang::ALL {
        let entries = table(lang);
        assert_eq!(entries.len(), english.len());
        for ((key, text), (english_key, english_text)) in entries.iter().zip(&english) {
            let key = key.as_ref();
            assert_eq!(key, english_key.as_ref());
            assert!(!text.is_empty(), "{lang:?} {key} is empty");
            if !spaced(key) {
                assert_eq!(text.trim(), *text, "{lang:?} {key} has stray spaces");
            }
            assert_eq!(
                placeholders(text),
                placeholders(english_text),
                "{lang:?} {key}: {text}"
            );
            assert!(
                !text.contains("{}") && text.matches('{').count() == text.matches('}').count(),
                "{lang:?} {key} has a broken placeholder: {text}"
            );
        }
    }
}

#[test]
fn every_string_is_filled_in_and_has_englishs_placeholders() {
    assert_like_english(
        |lang| texts(lang).entries(),
        |key| key.ends_with("separator"),
    );
}

#[test]
fn every_rule_has_a_template_in_every_language_with_the_engines_placeholders() {
    let ids: BTreeSet<&str> = RULE_IDS.iter().copied().collect();
    let keys: BTreeSet<&str> = RuleTexts::KEYS.iter().copied().collect();
    assert_eq!(ids, keys, "the rule table and RULE_IDS differ");
    assert!(
        engine_texts(Lang::En).is_none(),
        "English is the engine's own"
    );
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let engine = engine_texts(lang).expect("a translation");
        for id in RULE_IDS {
            let template = engine.rules.rule_template(id).unwrap();
            let english = english_template(id).unwrap();
            assert_eq!(
                placeholders(template),
                placeholders(english),
                "{lang:?} {id}"
            );
        }
        for (key, text) in engine.entries() {
            assert!(!text.is_empty(), "{lang:?} {key} is empty");
            assert_eq!(text.trim(), text, "{lang:?} {key} has stray spaces");
        }
    }
}

#[test]
fn english_rules_are_the_engines_words() {
    let rule = sellercalc_engine::Rule::new("commission.full", vec![]);
    assert_eq!(
        rule_text(Lang::En, &rule, |_| String::new()),
        english_template("commission.full").unwrap()
    );
}

/// Every model's result for scenarios that between them produce every line item and rule.
fn results() -> Vec<sellercalc_engine::ModelResult> {
    let scenarios = [
        json!({}),
        json!({ "semi": { "mode": "jit" }, "currency": { "cost": "USD", "sale": "USD" } }),
        json!({ "semi": { "popular": true }, "full": { "supply_price": "45" }, "return_rate_pct": "0" }),
        json!({ "pop": { "early_payout": true } }),
        // A large parcel, priced by the half kilo; bulky parcels, priced by their volume.
        json!({ "product": { "weight_g": "2100" } }),
        json!({ "product": { "dimensions_cm": { "length": "30", "width": "20", "height": "20" } } }),
        json!({ "product": { "weight_g": "1200",
                             "dimensions_cm": { "length": "41", "width": "30", "height": "20" } } }),
        // Shipping the buyer pays for, with one currency and with two; Super Economy Global.
        json!({ "pop": { "shipping_charge": "2", "shipping": "economy" }, "destination": "US" }),
        json!({ "pop": { "shipping_charge": "2" }, "currency": { "cost": "USD", "sale": "USD" } }),
        // A mix of markets: their postage and days differ.
        json!({ "destinations": [{ "id": "ES", "share_pct": "60" }, { "id": "US", "share_pct": "40" }],
                "semi": { "mode": "jit" } }),
    ];
    scenarios
        .iter()
        .flat_map(|scenario| {
            let comparison = compare(scenario);
            assert!(comparison.ok(), "{scenario}");
            ModelKind::ALL
                .into_iter()
                .filter_map(|kind| comparison.model(kind).cloned())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn english_line_item_labels_are_the_engines_and_every_key_has_a_label_and_a_reason() {
    let mut rule_ids = BTreeSet::new();
    for result in results() {
        rule_ids_in(&result.revenue_rule, &mut rule_ids);
        rule_ids_in(&result.cash.rule, &mut rule_ids);
        for item in &result.line_items {
            rule_ids_in(&item.rule, &mut rule_ids);
            assert_eq!(texts(Lang::En).line_item(item), item.label, "{}", item.key);
            for lang in Lang::ALL {
                let t = texts(lang);
                assert!(
                    t.line_items.label(item.key, item.rule.id).is_some(),
                    "{lang:?} {}",
                    item.key
                );
                assert!(t.reasons.get(item.key).is_some(), "{lang:?} {}", item.key);
            }
        }
    }
    // The scenarios above exercise every rule, so nothing here goes untested.
    let all: BTreeSet<&str> = RULE_IDS.iter().copied().collect();
    assert_eq!(rule_ids, all);
}

#[test]
fn rules_read_in_every_language_without_leftover_placeholders() {
    /// A rule in `lang`, the rules it holds worded too.
    fn words(lang: Lang, rule: &sellercalc_engine::Rule) -> String {
        rule_text(lang, rule, |arg| match arg {
            RuleArg::Money { amount, currency } => format!("{currency} {amount}"),
            RuleArg::Percent { value } => format!("{value}%"),
            RuleArg::Number { value } => value.to_string(),
            RuleArg::Name {
                kind, id, english, ..
            } => name_arg(lang, kind, id, english),
            RuleArg::Rules { rules } => {
                let parts: Vec<String> = rules.iter().map(|r| words(lang, r)).collect();
                crate::i18n::sentences(&parts)
            }
        })
    }
    for result in results() {
        for lang in Lang::ALL {
            let rules = result
                .line_items
                .iter()
                .map(|i| &i.rule)
                .chain([&result.revenue_rule, &result.cash.rule]);
            for rule in rules {
                let text = words(lang, rule);
                assert!(placeholders(&text).is_empty(), "{lang:?}: {text}");
            }
        }
    }
}

/// A rule's id and the ids of the rules it holds, at any depth.
fn rule_ids_in(rule: &sellercalc_engine::Rule, ids: &mut BTreeSet<&'static str>) {
    ids.insert(rule.id);
    for arg in &rule.args {
        if let RuleArg::Rules { rules } = arg {
            for inner in rules {
                rule_ids_in(inner, ids);
            }
        }
    }
}

#[test]
fn english_policy_labels_and_notes_are_the_policy_files_and_every_language_covers_every_value() {
    for p in PolicySet::builtin() {
        let category = |id: &str| p.category(id).map_or(id, |c| c.name.as_str()).to_owned();
        let destination = |code: &str| {
            p.destination(code)
                .map_or(code, |d| d.name.as_str())
                .to_owned()
        };
        for value in &p.values {
            assert_eq!(
                value_label(Lang::En, value, category, destination),
                value.label
            );
            assert_eq!(value_note(Lang::En, value), value.note);
            for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
                let label = value_label_by_id(lang, &value.id, &value.unit, category, destination);
                assert!(label.is_some(), "{lang:?} {} {}", p.id, value.id);
                assert!(
                    value_note_by_id(lang, &value.id, value.note_key.as_deref()).is_some(),
                    "{lang:?} {} {}",
                    p.id,
                    value.id
                );
            }
        }
    }
}

#[test]
fn categories_sources_and_presets_match_the_policy_and_the_preset_list() {
    let p = policy();
    let ids: Vec<&str> = p.categories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, CategoryTexts::KEYS);
    for c in &p.categories {
        assert_eq!(texts(Lang::En).categories.get(&c.id), Some(c.name.as_str()));
    }
    let sources: BTreeSet<&str> = PolicySet::builtin()
        .iter()
        .flat_map(|set| set.sources.keys().map(String::as_str))
        .collect();
    assert_eq!(sources, SourceTexts::KEYS.iter().copied().collect());
    for set in PolicySet::builtin() {
        for (id, text) in &set.sources {
            assert_eq!(source_text(Lang::En, set, id), text, "{id}");
        }
    }
    let presets: Vec<&str> = crate::presets::PRESETS.iter().map(|p| p.id).collect();
    assert_eq!(presets, PresetTexts::KEYS);
    for preset in crate::presets::PRESETS {
        assert_eq!(texts(Lang::En).presets.get(preset.id), Some(preset.name));
    }
}

#[test]
fn units_read_in_each_language() {
    let en = texts(Lang::En);
    assert_eq!(value_unit(en, "CNY/kg"), "CNY/kg");
    assert_eq!(value_unit(en, "CNY/parcel"), "CNY/parcel");
    assert_eq!(value_unit(en, "days"), "days");
    assert_eq!(value_unit(en, "%"), "%");
    assert_eq!(value_unit(texts(Lang::Ko), "days"), "일");
}

#[test]
fn assumption_groups_have_titles_by_slug() {
    for slug in [
        "commission",
        "postage-pop",
        "postage-choice",
        "first-mile",
        "warehouse",
        "advance-traffic",
        "returns",
        "timing",
        "payment",
        "exchange-rates",
        "other",
    ] {
        for lang in Lang::ALL {
            assert!(texts(lang).assumptions.group(slug).is_some(), "{slug}");
        }
    }
}

#[test]
fn tags_match_the_languages_the_page_speaks() {
    for (tag, lang) in [
        ("en", Lang::En),
        ("en-GB", Lang::En),
        ("zh", Lang::ZhCn),
        ("zh-CN", Lang::ZhCn),
        ("zh-Hans", Lang::ZhCn),
        ("zh-Hans-CN", Lang::ZhCn),
        ("zh_cn", Lang::ZhCn),
        ("ZH-hans", Lang::ZhCn),
        ("es", Lang::Es),
        ("es-MX", Lang::Es),
        ("ko", Lang::Ko),
        ("ko-KR", Lang::Ko),
        ("pt", Lang::PtBr),
        ("pt-BR", Lang::PtBr),
        ("pt-PT", Lang::PtBr),
        ("fr", Lang::Fr),
        ("fr-CA", Lang::Fr),
        (" FR ", Lang::Fr),
    ] {
        assert_eq!(Lang::from_tag(tag), Some(lang), "{tag}");
    }
    for tag in ["", "de", "de-DE", "english", "-", "x-klingon"] {
        assert_eq!(Lang::from_tag(tag), None, "{tag}");
    }
    for lang in Lang::ALL {
        assert_eq!(Lang::from_tag(lang.code()), Some(lang));
        assert!(!lang.native_name().is_empty());
    }
}

#[test]
fn negotiation_prefers_the_url_then_the_stored_choice_then_the_browser() {
    let browser = vec!["de-DE".to_owned(), "ko-KR".to_owned(), "en".to_owned()];
    assert_eq!(negotiate(Some("zh-CN"), Some("fr"), &browser), Lang::ZhCn);
    assert_eq!(negotiate(None, Some("fr"), &browser), Lang::Fr);
    assert_eq!(negotiate(None, None, &browser), Lang::Ko);
    assert_eq!(negotiate(Some("de"), Some("pt-BR"), &browser), Lang::PtBr);
    assert_eq!(negotiate(Some("xx"), Some("yy"), &browser), Lang::Ko);
    assert_eq!(negotiate(None, None, &["de".to_owned()]), Lang::En);
    assert_eq!(negotiate(None, None, &[]), Lang::En);
}

#[test]
fn reads_lang_from_a_query_string() {
    assert_eq!(lang_param("?lang=ko"), Some("ko"));
    assert_eq!(lang_param("?units=400&lang=zh-CN&x=1"), Some("zh-CN"));
    assert_eq!(lang_param("lang=fr"), Some("fr"));
    assert_eq!(lang_param("?language=fr"), None);
    assert_eq!(lang_param("?lang="), None);
    assert_eq!(lang_param(""), None);
}

#[test]
fn error_messages_fill_every_placeholder_in_every_language() {
    let cases = [
        json!({ "product": { "unit_cost": "" } }),
        json!({ "product": { "unit_cost": "-1" } }),
        json!({ "pop": { "price": "0" } }),
        json!({ "return_rate_pct": "150" }),
        json!({ "product": { "unit_cost": "2000000000" } }),
        json!({ "currency": { "cost": "USD", "sale": "USD", "rate": "2" } }),
        json!({ "product": { "unit_cost": "1.000000000000000000001" } }),
    ];
    let plain = |s: &str| s.to_owned();
    for case in cases {
        let parsed = ParsedScenario::from_json(&case);
        assert_eq!(parsed.errors.len(), 1, "{case}");
        let error = &parsed.errors[0];
        for lang in Lang::ALL {
            let text = error_message(texts(lang), error, plain);
            assert!(placeholders(&text).is_empty(), "{lang:?}: {text}");
        }
    }
    let not_a_number = &ParsedScenario::from_json(&json!({ "monthly_units": "abc" })).errors[0];
    assert_eq!(
        error_message(texts(Lang::En), not_a_number, plain),
        "Enter a number, such as 25 or 12.99."
    );
    let decimal_comma = |s: &str| s.replace('.', ",");
    assert!(error_message(texts(Lang::Fr), not_a_number, decimal_comma).contains("12,99"));
}

#[test]
fn number_issues_become_messages_with_formatted_suggestions() {
    let en = texts(Lang::En);
    let comma = |s: &str| s.replace('.', ",");
    let ambiguous = NumberIssue::Ambiguous {
        suggestions: vec!["1.234".to_owned(), "1234".to_owned()],
    };
    assert_eq!(
        number_issue_message(en, &ambiguous, comma),
        "Did you mean 1,234 or 1234? Type it the way you mean it."
    );
    let one = NumberIssue::Ambiguous {
        suggestions: vec!["12.5".to_owned()],
    };
    assert_eq!(
        number_issue_message(en, &one, str::to_owned),
        "Did you mean 12.5? Type it that way to be sure."
    );
    assert_eq!(
        number_issue_message(en, &NumberIssue::Empty, str::to_owned),
        "Enter a number."
    );
    assert_eq!(read_number(Lang::Fr, "1 234,50"), Ok("1234.50".to_owned()));
    assert_eq!(read_number(Lang::Es, "1.234"), Ok("1234".to_owned()));
    assert_eq!(read_number(Lang::Ko, "1,234.5"), Ok("1234.5".to_owned()));
}

#[test]
fn templates_fill_and_split() {
    let en = texts(Lang::En);
    assert_eq!(around(en.card.you_keep), ("You keep ", " of every sale"));
    assert_eq!(around("no value"), ("no value", ""));
    assert_eq!(en.days("1", true), "1 day");
    assert_eq!(en.days("12", false), "12 days");
    assert_eq!(en.assumptions.problems("2", false), "2 problems");
    assert_eq!(
        en.reason("commission", "Commission"),
        "mostly from lower commission"
    );
    assert_eq!(en.reason("new_fee", "New fee"), "mostly from lower new fee");
    assert_eq!(en.model_name(ModelKind::Semi), "Semi-managed");
    assert_eq!(en.model_in_sentence(ModelKind::Full), "fully managed");
    assert_eq!(
        en.cost_group(sellercalc_engine::CostGroup::PlatformFees),
        "Platform fees"
    );
    assert_eq!(texts(Lang::ZhCn).model_name(ModelKind::Semi), "半托管");
    assert_eq!(texts(Lang::ZhCn).model_name(ModelKind::Full), "全托管");
}

#[test]
fn separators_default_to_what_intl_uses() {
    assert_eq!(Lang::Fr.separators().group, '\u{202f}');
    assert_eq!(Lang::PtBr.separators().decimal, ',');
    assert_eq!(separators(Lang::Ko), Lang::Ko.separators());
}

#[test]
fn a_policy_values_limit_keeps_its_number_and_unit() {
    let parsed = ParsedScenario::from_json(&json!({ "assumptions": { "commission.home": "120" } }));
    assert_eq!(parsed.errors.len(), 1);
    let error = &parsed.errors[0];
    let plain = |s: &str| s.to_owned();
    assert_eq!(
        error_message(texts(Lang::En), error, plain),
        "Too large: this field takes at most 100%."
    );
    let days =
        ParsedScenario::from_json(&json!({ "assumptions": { "days.pop.delivery": "99999" } }));
    let text = error_message(texts(Lang::Ko), &days.errors[0], plain);
    assert!(text.contains("3650일"), "{text}");
}

#[test]
fn sentences_run_together_the_way_each_script_writes_them() {
    assert_eq!(sentences(&["One.", "", "Two."]), "One. Two.");
    assert_eq!(sentences(&["一。", "二。"]), "一。二。");
    assert_eq!(sentences::<&str>(&[]), "");
    assert_eq!(destination_name(Lang::En, "TR", "Türkiye"), "Türkiye");
    assert_eq!(
        name_arg(Lang::En, "destination", "KR", "South Korea"),
        "South Korea"
    );
}

/// Issue #15: a logistics service's limits and markets are worded by the page in every language,
/// naming the service (a proper name), its model and the limit, or the market in that language.
#[test]
fn logistics_errors_name_the_service_the_limit_and_the_market() {
    let plain = |s: &str| s.to_owned();
    let cases = [
        (
            json!({ "product": { "weight_g": "31000" } }),
            "product.weight_g",
            "Over the limit of AliExpress Standard (POP): it takes parcels up to 30000\u{a0}g.",
        ),
        (
            json!({ "destination": "US", "pop": { "shipping": "economy" },
                    "product": { "weight_g": "350",
                                 "dimensions_cm": { "length": "40", "width": "30", "height": "20" } } }),
            "product.dimensions_cm.length",
            "By volume this parcel weighs more than Super Economy Global (POP) takes: up to 2000\u{a0}g.",
        ),
        (
            json!({ "pop": { "shipping": "economy" } }),
            "pop.shipping",
            "Super Economy Global has no rates for Spain: choose another shipping line, or another market.",
        ),
    ];
    for (scenario, path, english) in cases {
        let parsed = ParsedScenario::from_json(&scenario);
        let comparison = compare(&scenario);
        let error = parsed
            .errors
            .iter()
            .chain(comparison.errors.iter())
            .find(|e| e.path() == path)
            .unwrap_or_else(|| panic!("an error at {path} for {scenario}"));
        assert_eq!(error_message(texts(Lang::En), error, plain), english);
        for lang in Lang::ALL {
            let text = error_message(texts(lang), error, plain);
            assert!(placeholders(&text).is_empty(), "{lang:?}: {text}");
            if lang != Lang::En {
                assert_ne!(text, english, "{lang:?} is translated");
            }
            let name = if path == "product.weight_g" {
                "AliExpress Standard"
            } else {
                "Super Economy Global"
            };
            assert!(text.contains(name), "{lang:?}: {text}");
        }
    }
    // (The market's name in the reader's language comes from Intl in the browser: checked end to
    // end, tests/e2e/logistics.test.mjs.)
}

/// A mix's errors on the page (issue #15): an empty mix asks for a market rather than a number,
/// and a market listed twice names the first by its place, not by an API path.
#[test]
fn mix_errors_speak_of_markets_not_numbers_or_paths() {
    let plain = |s: &str| s.to_owned();
    let message = |lang: Lang, scenario: serde_json::Value| {
        let parsed = ParsedScenario::from_json(&scenario);
        assert_eq!(parsed.errors.len(), 1, "{scenario}: {:?}", parsed.errors);
        error_message(texts(lang), &parsed.errors[0], plain)
    };
    let empty = json!({ "destinations": [] });
    assert_eq!(message(Lang::En, empty.clone()), "Add at least one market.");
    let twice = json!({ "destinations": [{ "id": "ES", "share_pct": "50" }, { "id": "ES", "share_pct": "50" }] });
    assert_eq!(
        message(Lang::En, twice.clone()),
        "ES is already in the mix, as market 1."
    );
    let no_code = json!({ "destinations": [{ "share_pct": "100" }] });
    assert_eq!(message(Lang::En, no_code.clone()), "Choose a market.");
    for lang in Lang::ALL {
        for case in [&empty, &twice, &no_code] {
            let text = message(lang, case.clone());
            assert!(!text.contains("destinations"), "{lang:?}: {text}");
            assert!(placeholders(&text).is_empty(), "{lang:?}: {text}");
            assert_ne!(text, texts(lang).errors.required, "{lang:?}");
        }
    }
}
