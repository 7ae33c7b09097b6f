//! The link format, the storage format and the CSV export, in a real browser (they use its URI
//! encoding): round trips, version and check-code handling, and untrusted input.
#![cfg(target_arch = "wasm32")]

use sellercalc::export::{self, csv_cell, Column};
use sellercalc::share::{self, checksum, decode, encode, Outcome, Presentation, Unreadable};
use sellercalc::state::{scenario_input, Snapshot};
use sellercalc::storage::{self, Autosave, ReadError};
use sellercalc_engine::Input;
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// A scenario with awkward text in it: spaces, separators, percent signs and non-ASCII.
fn awkward() -> Snapshot {
    let mut s = Snapshot::defaults();
    s.form.insert(Input::UnitCost, "31.5".into());
    s.form.insert(Input::Price, " 19,90 & =+%25 ".into());
    s.form.insert(Input::Category, "lighting".into());
    s.form.insert(Input::Destination, "KR".into());
    s.form.insert(Input::SemiPopular, "false".into());
    s.form.insert(Input::SemiMode, "jit".into());
    s.form.insert(Input::Rate, "７.1".into());
    s.form.insert(Input::MonthlyUnits, String::new());
    s.assumptions
        .insert("commission.lighting".into(), "6.5".into());
    s.assumptions
        .insert("payment.conversion_fee".into(), "1,5".into());
    s
}

fn reopen(snapshot: &Snapshot, presentation: &Presentation) -> share::Link {
    let query = share::query_string(&encode(snapshot, presentation));
    decode(&share::parse_query(&format!("?{query}")).expect("a readable query"))
}

#[wasm_bindgen_test]
fn fields_sort_in_form_order_which_the_check_code_relies_on() {
    assert!(Input::ALL.windows(2).all(|w| w[0] < w[1]));
}

#[wasm_bindgen_test]
fn fnv1a_matches_its_reference_values() {
    assert_eq!(checksum(""), "811c9dc5");
    assert_eq!(checksum("a"), "e40c292c");
    assert_eq!(checksum("foobar"), "bf9cf968");
}

#[wasm_bindgen_test]
fn a_link_gives_back_exactly_the_scenario_and_presentation() {
    let presentation = Presentation {
        embed: true,
        lang: Some("pt-BR".into()),
        // The note that a rate sheet of the sender's own was used (issue #15, item 2).
        rates: true,
    };
    let link = reopen(&awkward(), &presentation);
    assert_eq!(link.outcome, Outcome::Scenario(awkward()));
    assert_eq!(link.presentation, presentation);
    assert!(link.ignored.is_empty(), "{:?}", link.ignored);
}

#[wasm_bindgen_test]
fn the_default_scenario_is_an_empty_link_and_only_changes_are_written() {
    assert!(encode(&Snapshot::defaults(), &Presentation::default()).is_empty());
    let mut s = Snapshot::defaults();
    s.form.insert(Input::MonthlyUnits, "500".into());
    let written = encode(&s, &Presentation::default());
    let keys: Vec<&str> = written.iter().map(|(k, _)| k.as_str()).collect();
    // A link with a scenario names the fees it was made with (issue #18).
    assert_eq!(keys, ["v", "units", "policy", "c"]);
    assert_eq!(
        written[3].1,
        checksum("v=2&units=500&policy=aliexpress-2025-08")
    );
}

/// Issue #18: a link or a save keeps the policy set it was made with; version 1 had only
/// aliexpress-2024; an id this page does not know is kept (the engine then says so), and a
/// changed set is caught by the check code.
#[wasm_bindgen_test]
fn links_and_saves_keep_their_policy_set() {
    let mut older = Snapshot::defaults();
    older.policy = "aliexpress-2025-02".into();
    // The default scenario on older fees is a scenario of its own.
    let link = reopen(&older, &Presentation::default());
    assert_eq!(link.outcome, Outcome::Scenario(older.clone()));
    let mut changed = older.clone();
    changed.form.insert(Input::MonthlyUnits, "500".into());
    assert_eq!(
        reopen(&changed, &Presentation::default()).outcome,
        Outcome::Scenario(changed.clone())
    );
    // Another set under the same check code is refused.
    let mut written = encode(&changed, &Presentation::default());
    for pair in &mut written {
        if pair.0 == "policy" {
            pair.1 = "aliexpress-2024".into();
        }
    }
    assert_eq!(
        decode(&written).outcome,
        Outcome::Unreadable(Unreadable::Checksum)
    );
    // Version 1 links were made with the only set there was.
    let check = checksum("v=1&units=500");
    let Outcome::Scenario(v1) =
        decode(&pairs(&[("v", "1"), ("units", "500"), ("c", &check)])).outcome
    else {
        panic!("a scenario");
    };
    assert_eq!(v1.policy, "aliexpress-2024");
    // A set from a newer SellerCalc is kept as named; a malformed id makes the link unreadable.
    let mut future = Snapshot::defaults();
    future.policy = "aliexpress-2027-01".into();
    assert_eq!(
        reopen(&future, &Presentation::default()).outcome,
        Outcome::Scenario(future.clone())
    );
    let bad = decode(&pairs(&[("units", "500"), ("policy", "<script>")]));
    assert_eq!(bad.outcome, Outcome::Unreadable(Unreadable::Malformed));
    // Stored: written with the set, read back with it; version 1 storage is on aliexpress-2024.
    let stored = storage::snapshot_to_json(&changed);
    assert_eq!(stored["policy"], "aliexpress-2025-02");
    assert_eq!(storage::snapshot_from_json(&stored, 2), Some(changed));
    let old = json!({ "form": { "monthly_units": "500" } });
    assert_eq!(
        storage::snapshot_from_json(&old, 1).map(|s| s.policy),
        Some("aliexpress-2024".to_owned())
    );
}

/// Issue #14, item 6: in version 1, `cost=31.5%26price=19.90` (one value holding a `&`) passed
/// the check code of `cost=31.5&price=19.90`, which covered the unencoded text.
#[wasm_bindgen_test]
fn a_boundary_moved_into_a_value_is_caught_by_the_version_2_check_code() {
    let mut s = Snapshot::defaults();
    s.form.insert(Input::UnitCost, "31.5".into());
    s.form.insert(Input::Price, "19.90".into());
    let honest = encode(&s, &Presentation::default());
    assert_eq!(
        honest,
        pairs(&[
            ("v", "2"),
            ("cost", "31.5"),
            ("price", "19.90"),
            ("policy", "aliexpress-2025-08"),
            (
                "c",
                &checksum("v=2&cost=31.5&price=19.90&policy=aliexpress-2025-08")
            ),
        ])
    );
    let check = honest[4].1.clone();
    let tampered = format!("?v=2&cost=31.5%26price=19.90&policy=aliexpress-2025-08&c={check}");
    let read = decode(&share::parse_query(&tampered).expect("a readable query"));
    assert_eq!(read.outcome, Outcome::Unreadable(Unreadable::Checksum));
    // The same trick on a version-1 link still passes, as it always did: version 1 is read as
    // it was, and the page writes version 2.
    let v1_check = checksum("v=1&cost=31.5&price=19.90");
    let v1 = format!("?v=1&cost=31.5%26price=19.90&c={v1_check}");
    let read = decode(&share::parse_query(&v1).expect("a readable query"));
    assert!(matches!(read.outcome, Outcome::Scenario(_)));
}

/// A link passed through a chat app or a help centre may come back encoded another way (`+` for
/// a space, lower-case hex, characters left unescaped) and with tracking parameters: it opens.
#[wasm_bindgen_test]
fn a_re_encoded_link_still_opens() {
    let written = encode(&awkward(), &Presentation::default());
    let ours = share::query_string(&written);
    let rewritten = ours
        .replace("%20", "+")
        .replace("%2C", "%2c")
        .replace("%3D", "=")
        .replace("%EF%BC%97", "%ef%bc%97");
    assert_ne!(rewritten, ours);
    for query in [
        rewritten.clone(),
        format!("utm_source=chat&{rewritten}&fbclid=abc"),
        format!("{rewritten}&embed=1"),
    ] {
        let read = decode(&share::parse_query(&query).expect("a readable query"));
        assert_eq!(read.outcome, Outcome::Scenario(awkward()), "{query}");
    }
}

#[wasm_bindgen_test]
fn the_canonical_encoding_is_rfc_3986_and_unambiguous() {
    let text = |list: &[(&str, &str)]| share::canonical_v2(&pairs(list));
    assert_eq!(text(&[("v", "2"), ("cost", "31.5")]), "v=2&cost=31.5");
    assert_eq!(
        text(&[("cost", "31.5&price=19.90")]),
        "cost=31.5%26price%3D19.90"
    );
    assert_eq!(
        text(&[("price", " 19,90 +%25 !'()*~")]),
        "price=%2019%2C90%20%2B%2525%20%21%27%28%29%2A~"
    );
    assert_eq!(text(&[("rate", "７.1")]), "rate=%EF%BC%97.1");
    assert_ne!(
        text(&[("a", "b&c=d")]),
        text(&[("a", "b"), ("c", "d")]),
        "a value cannot pass for two pairs"
    );
}

/// A version-1 link holds only what differs from version 1's defaults (semi-managed "popular"
/// ticked, a supply price of 45.00): it is read on top of those, whatever today's defaults are.
#[wasm_bindgen_test]
fn version_1_links_are_read_on_version_1_defaults() {
    let check = checksum("v=1&units=500");
    let read = decode(&pairs(&[("v", "1"), ("units", "500"), ("c", &check)]));
    let mut expected = Snapshot::v1_defaults();
    expected.form.insert(Input::MonthlyUnits, "500".into());
    assert_eq!(read.outcome, Outcome::Scenario(expected.clone()));
    assert_eq!(expected.form[&Input::SemiPopular], "true");
    assert_eq!(expected.form[&Input::SupplyPrice], "45.00");
    assert_eq!(expected.form[&Input::UnitCost], "25.00");
    // Its check code is still checked.
    let changed = decode(&pairs(&[("v", "1"), ("units", "501"), ("c", &check)]));
    assert_eq!(changed.outcome, Outcome::Unreadable(Unreadable::Checksum));
    // A prefill link with v=1 and no check code takes version 1's defaults too; one without v
    // takes the page's own.
    let prefill = decode(&pairs(&[("v", "1"), ("units", "500")]));
    assert_eq!(prefill.outcome, Outcome::Scenario(expected));
    let Outcome::Scenario(bare) = decode(&pairs(&[("units", "500")])).outcome else {
        panic!("a scenario");
    };
    assert_eq!(
        bare.form[&Input::SupplyPrice],
        Snapshot::defaults().form[&Input::SupplyPrice]
    );
}

/// Issue #14, item 5: a 125-character price was written to the link and the autosave, then
/// refused when read back (limit 100), so a reload restored nothing. The page now writes at most
/// what it reads: the text is cut to 100 characters (still too long for a number, so its field
/// shows the error), and everything else comes back.
#[wasm_bindgen_test]
fn an_over_long_input_is_written_as_the_page_can_read_it_back() {
    use sellercalc::i18n::Lang;
    use sellercalc::state::{Action, State, MAX_INPUT_CHARS};
    use yew::Reducible;

    let long = "1".repeat(125);
    let state = std::rc::Rc::new(State::new())
        .reduce(Action::Set(Input::Price, long.clone()))
        .reduce(Action::Set(Input::MonthlyUnits, "250".into()))
        .reduce(Action::SetAssumption(
            "commission.home".into(),
            "7".repeat(130),
        ));
    assert_eq!(
        state.text(Input::Price),
        long,
        "the page keeps what was typed"
    );
    let snapshot = state.snapshot();
    assert_eq!(snapshot.form[&Input::Price], "1".repeat(MAX_INPUT_CHARS));
    assert_eq!(
        snapshot.assumptions["commission.home"].len(),
        MAX_INPUT_CHARS
    );

    let link = reopen(&snapshot, &Presentation::default());
    assert_eq!(link.outcome, Outcome::Scenario(snapshot.clone()));
    let saved = Autosave {
        current: snapshot.clone(),
        pinned: None,
    };
    let stored = storage::autosave_from_json(&storage::autosave_to_json(&saved));
    assert_eq!(stored, Ok(saved));

    let restored = State::restored(snapshot, None, Lang::En);
    assert_eq!(restored.text(Input::MonthlyUnits), "250");
    let error = restored
        .error(&sellercalc_engine::Field::Input(Input::Price))
        .expect("an error at the price");
    assert_eq!(error.code(), sellercalc_engine::ErrorCode::TooLong);
}

#[wasm_bindgen_test]
fn a_changed_or_added_value_is_caught_by_the_check_code() {
    let mut written = encode(&awkward(), &Presentation::default());
    let at = written.iter().position(|(k, _)| k == "cost").expect("cost");
    written[at].1 = "3.15".into();
    assert_eq!(
        decode(&written).outcome,
        Outcome::Unreadable(Unreadable::Checksum)
    );

    let mut added = encode(&awkward(), &Presentation::default());
    added.insert(1, ("supply".into(), "1".into()));
    assert_eq!(
        decode(&added).outcome,
        Outcome::Unreadable(Unreadable::Checksum)
    );

    // Presentation and tracking parameters are outside the check.
    let mut decorated = encode(&awkward(), &Presentation::default());
    decorated.push(("embed".into(), "1".into()));
    decorated.push(("utm_source".into(), "newsletter".into()));
    assert_eq!(decode(&decorated).outcome, Outcome::Scenario(awkward()));
}

#[wasm_bindgen_test]
fn versions_and_garbled_links_are_refused() {
    let refused = |list: &[(&str, &str)]| decode(&pairs(list)).outcome;
    assert_eq!(
        refused(&[("v", "3"), ("cost", "1")]),
        Outcome::Unreadable(Unreadable::Version("3".into()))
    );
    assert_eq!(
        refused(&[("cost", "1"), ("cost", "2")]),
        Outcome::Unreadable(Unreadable::Malformed)
    );
    assert_eq!(
        refused(&[("cost", "1"), ("c", "0badc0de")]),
        Outcome::Unreadable(Unreadable::Malformed),
        "a check code needs a version"
    );
    assert_eq!(
        refused(&[("v", "1"), ("cost", "1"), ("c", "xyz")]),
        Outcome::Unreadable(Unreadable::Malformed)
    );
    let long = "9".repeat(101);
    assert_eq!(
        refused(&[("cost", &long)]),
        Outcome::Unreadable(Unreadable::Malformed)
    );
    assert_eq!(share::parse_query("?cost=%E0%A4%A"), None);
}

#[wasm_bindgen_test]
fn prefill_links_need_no_check_code_and_unknown_names_are_reported() {
    let link = decode(&pairs(&[
        ("cost", "18"),
        ("price", "14.99"),
        ("units", "600"),
        ("category", "apparel"),
        ("destination", "FR"),
        ("lang", "es"),
        ("colour", "red"),
        ("a.no.such.value", "1"),
        ("popular", "maybe"),
        ("fbclid", "x"),
    ]));
    let Outcome::Scenario(s) = link.outcome else {
        panic!("a scenario");
    };
    assert_eq!(s.form[&Input::UnitCost], "18");
    assert_eq!(s.form[&Input::Destination], "FR");
    assert_eq!(
        s.form[&Input::SemiPopular],
        "false",
        "a bad checkbox value keeps the default"
    );
    assert_eq!(link.presentation.lang.as_deref(), Some("es"));
    assert_eq!(link.ignored, ["colour", "a.no.such.value", "popular"]);

    let bad_lang = decode(&pairs(&[("lang", "<script>")]));
    assert_eq!(bad_lang.presentation.lang, None);
    assert_eq!(bad_lang.ignored, ["lang"]);
    assert_eq!(bad_lang.outcome, Outcome::Empty);
}

#[wasm_bindgen_test]
fn stored_inputs_round_trip_and_bad_content_is_refused() {
    let saved = Autosave {
        current: awkward(),
        pinned: Some(Snapshot::defaults()),
    };
    let json = storage::autosave_to_json(&saved);
    assert_eq!(json["version"], 2);
    assert_eq!(storage::autosave_from_json(&json), Ok(saved));

    for bad in [
        json!("text"),
        json!({ "version": 2 }),
        json!({ "version": 2, "current": { "form": { "pop.price": 12.99 } } }),
        json!({ "version": "2", "current": { "form": {} } }),
        json!({ "version": 0, "current": { "form": {} } }),
    ] {
        assert_eq!(
            storage::autosave_from_json(&bad),
            Err(ReadError::Corrupt),
            "{bad}"
        );
    }
    assert_eq!(
        storage::autosave_from_json(&json!({ "version": 3 })),
        Err(ReadError::Newer)
    );
}

/// Version 1 is still read, on version 1's defaults: an input it left out takes the default it
/// had then.
#[wasm_bindgen_test]
fn version_1_storage_is_read_on_version_1_defaults() {
    let v1 =
        json!({ "version": 1, "current": { "form": { "monthly_units": "500" } }, "pinned": null });
    let read = storage::autosave_from_json(&v1).expect("readable");
    let mut expected = Snapshot::v1_defaults();
    expected.form.insert(Input::MonthlyUnits, "500".into());
    assert_eq!(read.current, expected);

    let text = r#"{"version":1,"scenarios":[{"id":"s1","name":"Old","inputs":{"form":{}}}]}"#;
    let library = storage::library_from_text(text).expect("readable");
    assert_eq!(library.scenarios[0].snapshot, Snapshot::v1_defaults());
    // Rewritten as version 2, in full, so that it no longer depends on any defaults.
    let again = storage::library_from_text(&storage::library_text(&library)).expect("readable");
    assert!(storage::library_text(&library).starts_with(r#"{"version":2,"#));
    assert_eq!(again.scenarios[0].snapshot, Snapshot::v1_defaults());
}

/// Issue #14, item 7: entries that could not be read were counted, then dropped by the next save.
/// They are kept exactly as stored (spacing, numbers beyond 64 bits, brackets inside strings),
/// and so is every entry the page read, unless the user changed it.
#[wasm_bindgen_test]
fn saved_scenarios_keep_what_they_cannot_read() {
    let good = storage::SavedScenario {
        id: "s1".into(),
        name: "Phone case".into(),
        saved_at: "2024-05-01T10:00:00.000Z".into(),
        snapshot: awkward(),
        stored: None,
    };
    let unreadable = [
        r#"{"id":"s2","name":"   ","inputs":{"form":{}}}"#,
        r#"{"id":"s1","name":"Same id","inputs":{"form":{}}}"#,
        "42",
        r#"{"id":"s3","name":"Spaced", "inputs":{"form":{"pop.price":12.99}},  "z":[1.0, 18446744073709551616, "]"]}"#,
    ];
    let mut text = storage::library_text(&storage::Library {
        scenarios: vec![good.clone()],
        ..Default::default()
    });
    text.truncate(text.len() - 2);
    for raw in unreadable {
        text.push(',');
        text.push_str(raw);
    }
    text.push_str("]}");
    let library = storage::library_from_text(&text).expect("readable");
    assert_eq!(library.scenarios.len(), 1);
    assert_eq!(library.scenarios[0].snapshot, awkward());
    let kept: Vec<&str> = library.unreadable.iter().map(|r| &**r).collect();
    assert_eq!(kept, unreadable);
    // Written back as it was read, and a change touches only its own entry.
    assert_eq!(storage::library_text(&library), text);
    let mut renamed = library.clone();
    renamed.scenarios[0].name = "Case".into();
    renamed.scenarios[0].stored = None;
    let written = storage::library_text(&renamed);
    for raw in unreadable {
        assert!(written.contains(raw), "{raw} is kept");
    }
    assert_eq!(
        storage::library_from_text(&written)
            .expect("readable")
            .scenarios[0]
            .name,
        "Case"
    );

    assert_eq!(storage::clean_name("  a \n  b\t"), Some("a b".to_owned()));
    assert_eq!(storage::clean_name(" \n "), None);
    assert_eq!(
        storage::clean_name(&"x".repeat(200)).map(|n| n.chars().count()),
        Some(storage::MAX_NAME_CHARS)
    );
    // What cannot be read as a whole is refused as a whole (and the page keeps it, unwritten):
    // not JSON, not this shape, an old version, a number JSON cannot hold anywhere in it.
    for bad in [
        "garbage",
        r#"{"version":2,"scenarios":"no"}"#,
        r#"{"version":0,"scenarios":[]}"#,
        r#"{"version":2,"scenarios":[{"id":"s1","name":"Huge","inputs":{"form":{"pop.price":1e400}}}]}"#,
    ] {
        assert_eq!(
            storage::library_from_text(bad),
            Err(ReadError::Corrupt),
            "{bad}"
        );
    }
    assert_eq!(
        storage::library_from_text(r#"{"version":3,"scenarios":"any shape"}"#),
        Err(ReadError::Newer)
    );
}

/// Issue #14, item 7: 10,000 stored scenarios were all listed although saving caps at 100. The
/// list shows 100; the others are kept, and only deleted on the user's word.
#[wasm_bindgen_test]
fn beyond_the_cap_scenarios_are_kept_not_shown() {
    let entries: Vec<String> = (0..10_000)
        .map(|i| format!(r#"{{"id":"s{i}","name":"Scenario {i}","inputs":{{"form":{{}}}}}}"#))
        .collect();
    let text = format!(
        r#"{{"version":2,"scenarios":[{},"junk"]}}"#,
        entries.join(",")
    );
    let library = storage::library_from_text(&text).expect("readable");
    assert_eq!(library.shown().len(), storage::MAX_SCENARIOS);
    assert_eq!(library.hidden().len(), 10_000 - storage::MAX_SCENARIOS);
    assert_eq!(library.shown()[0].name, "Scenario 0");
    assert!(library.has_unshown());
    assert_eq!(storage::library_text(&library), text);

    let unshown = storage::library_from_text(&library.unshown_text()).expect("readable");
    assert_eq!(unshown.scenarios.len(), 9_900);
    assert_eq!(unshown.unreadable.len(), 1);
    assert_eq!(unshown.scenarios[0].name, "Scenario 100");

    // Deleting what was not shown keeps what was, and a scenario added since (by another tab).
    let mut since = library.clone();
    since.scenarios.insert(
        0,
        storage::SavedScenario {
            id: "new".into(),
            name: "New".into(),
            saved_at: String::new(),
            snapshot: Snapshot::defaults(),
            stored: None,
        },
    );
    let left = since.without_unshown(&library);
    assert_eq!(left.scenarios.len(), storage::MAX_SCENARIOS + 1);
    assert!(left.unreadable.is_empty());
    assert_eq!(left.hidden().len(), 1, "the newest pushes one past the cap");
}

#[wasm_bindgen_test]
fn csv_cells_are_quoted_and_formulas_defused_but_numbers_stay_numbers() {
    assert_eq!(csv_cell("12.99"), "12.99");
    assert_eq!(csv_cell("-1.00"), "-1.00");
    assert_eq!(csv_cell("-7"), "-7");
    assert_eq!(csv_cell("=1+2"), "'=1+2");
    assert_eq!(csv_cell("+33 6 12"), "'+33 6 12");
    assert_eq!(csv_cell("-x"), "'-x");
    assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv_cell("a,b"), "\"a,b\"");
    assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
    assert_eq!(csv_cell("=A1,\"x\""), "\"'=A1,\"\"x\"\"\"");
}

#[wasm_bindgen_test]
fn the_csv_holds_every_line_item_with_the_engines_amounts() {
    let snapshot = Snapshot::defaults();
    let comparison = sellercalc_engine::compare_input(&scenario_input(
        &snapshot.form,
        &snapshot.assumptions,
        &snapshot.policy,
        sellercalc::i18n::Lang::En,
    ));
    let report = serde_json::to_value(&comparison).expect("serializes");
    let text = export::csv(&[Column {
        name: "current",
        snapshot: &snapshot,
        comparison: &comparison,
        link: "https://example.com/".into(),
    }]);
    assert!(text.starts_with("\u{feff}scenario,model,kind,key,label,value,unit,rule\r\n"));
    for model in ["pop", "semi", "full"] {
        for item in report["models"][model]["line_items"]
            .as_array()
            .expect("items")
        {
            let key = item["key"].as_str().unwrap_or_default();
            let amount = item["amount"].as_str().unwrap_or_default();
            let start = format!("current,{model},line_item,{key},");
            let line = text
                .lines()
                .find(|l| l.starts_with(&start))
                .unwrap_or_else(|| panic!("{start}"));
            assert!(line.contains(&format!(",{amount},CNY,")), "{line}");
        }
    }
    assert!(text.contains(&format!(
        "current,pop,figure,monthly_profit,Monthly profit,{},CNY,",
        report["models"]["pop"]["monthly_profit"]
            .as_str()
            .unwrap_or_default()
    )));
}
