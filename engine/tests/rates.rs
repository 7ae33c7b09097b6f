//! The seller's own rate sheet (issue #15, item 2): read with the catalog's CSV reader, validated
//! row by row (bad rows named by row and column), applied as typed data: a row replaces exactly
//! the band it names, every other band keeps the policy's rate and says so.

mod common;

use common::{dec, model};
use proptest::prelude::*;
use sellercalc_engine::catalog::FileProblem;
use sellercalc_engine::rates::{
    read_rate_sheet, sheet_template, RateSource, SheetColumn, SheetError, SheetProblem,
};
use sellercalc_engine::{compare_input, ErrorCode, ModelKind, PolicySet, ScenarioInput};
use serde_json::json;

fn policy() -> &'static PolicySet {
    PolicySet::default_set()
}

/// The postage line of `kind` for a scenario, with a sheet applied.
#[track_caller]
fn postage(scenario: serde_json::Value, sheet: &str, kind: ModelKind) -> rust_decimal::Decimal {
    let file = read_rate_sheet(sheet, policy());
    assert!(file.ok(), "{:?}", file.errors);
    let mut input = ScenarioInput::from_json(&scenario);
    file.sheet.apply(&mut input);
    let comparison = compare_input(&input);
    model(&comparison, kind)
        .item("last_mile")
        .map(|i| i.amount)
        .expect("a postage line")
}

/// (row, column, code) of each problem.
fn cells(errors: &[SheetError]) -> Vec<(Option<usize>, Option<usize>, String)> {
    errors
        .iter()
        .map(|e| {
            let what = match &e.problem {
                SheetProblem::Cell(p) => format!("{:?}", p.code()),
                SheetProblem::Duplicate { first_line } => format!("duplicate of {first_line}"),
                other => format!("{other:?}"),
            };
            (e.line, e.column, what)
        })
        .collect()
}

#[test]
fn the_template_is_the_policys_rates_and_reads_back_unchanged() {
    let template = sheet_template(policy());
    assert!(template.starts_with("Market,Service,Weight band,Per kg (CNY),Per parcel (CNY)\r\n"));
    // AliExpress Standard to Spain, 300–2000 g: the 0–150 g rate, assumed (docs/model.md).
    assert!(
        template.contains("\r\nES,standard,300_2000g,64.67,19.26\r\n"),
        "{template}"
    );
    let file = read_rate_sheet(&template, policy());
    assert!(file.ok(), "{:?}", file.errors);
    let expected: usize = policy()
        .services
        .iter()
        .map(|s| {
            policy()
                .destinations
                .iter()
                .filter(|d| policy().reaches(s, &d.code))
                .count()
                * s.bands.len()
        })
        .sum();
    assert_eq!(file.sheet.rates.len(), expected);
    // Applying the policy's own rates changes no figure.
    let scenario = json!({ "destinations": [{ "id": "ES", "share_pct": "60" }, { "id": "US", "share_pct": "40" }] });
    let plain = compare_input(&ScenarioInput::from_json(&scenario));
    let mut input = ScenarioInput::from_json(&scenario);
    file.sheet.apply(&mut input);
    let with_sheet = compare_input(&input);
    for kind in ModelKind::ALL {
        assert_eq!(
            model(&plain, kind).line_items,
            model(&with_sheet, kind).line_items
        );
    }
}

/// By hand: the default 350 g mug to Spain is in the 300–2000 g band; a sheet row for that band at
/// 50 CNY/kg + 10 CNY a parcel prices it 0.35 × 50 + 10 = 27.50 (instead of 41.8945); a 100 g
/// parcel, in the 0–150 g band the sheet does not name, keeps the policy's 0.1 × 64.67 + 19.26 =
/// 25.727; Cainiao's rates and other markets are untouched.
#[test]
fn a_row_replaces_exactly_the_band_it_names() {
    let sheet = "Market,Service,Weight band,Per kg (CNY),Per parcel (CNY)\nSpain,AliExpress Standard,300–2000 g,50,10\n";
    let mug = json!({ "destination": "ES" });
    assert_eq!(postage(mug.clone(), sheet, ModelKind::Pop), dec("27.50"));
    assert_eq!(postage(mug, sheet, ModelKind::Semi), dec("41.8945"));
    let light = json!({ "destination": "ES", "product": { "weight_g": "100" } });
    assert_eq!(postage(light, sheet, ModelKind::Pop), dec("25.727"));
    let us = json!({ "destination": "US" });
    assert_eq!(postage(us, sheet, ModelKind::Pop), dec("55.8075"));
    // Which bands are the sheet's and which keep the policy's, to say so on the page.
    let file = read_rate_sheet(sheet, policy());
    assert_eq!(
        file.sheet.source("standard", "ES", "300_2000g"),
        RateSource::Sheet { line: 2 }
    );
    assert_eq!(
        file.sheet.source("standard", "ES", "0_150g"),
        RateSource::Policy
    );
    assert_eq!(
        file.sheet.missing_bands(policy(), "standard", "ES"),
        ["0_150g", "150_300g", "2_30kg"]
    );
    assert_eq!(
        file.sheet.overrides(),
        [
            ("postage.standard.ES.300_2000g.per_kg".to_owned(), dec("50")),
            (
                "postage.standard.ES.300_2000g.per_parcel".to_owned(),
                dec("10")
            ),
        ]
    );
    // A rate the seller typed in the calculator still wins over the sheet: 0.35 × 50 + 0.
    let mut input = ScenarioInput::from_json(&json!({
        "destination": "ES",
        "assumptions": { "postage.standard.ES.300_2000g.per_parcel": "0" },
    }));
    file.sheet.apply(&mut input);
    let typed = compare_input(&input);
    assert_eq!(
        model(&typed, ModelKind::Pop)
            .item("last_mile")
            .map(|i| i.amount),
        Some(dec("17.50"))
    );
}

/// A semicolon file with decimal commas, ids in any case and the band written as its id:
/// 0.35 × 50.5 + 10.25 = 27.925.
#[test]
fn a_semicolon_sheet_with_decimal_commas() {
    let sheet = "market;service;band;per kg;per parcel\r\nes;STANDARD;300_2000g;50,5;10,25\r\n";
    assert_eq!(
        postage(json!({ "destination": "ES" }), sheet, ModelKind::Pop),
        dec("27.925")
    );
}

/// Each bad row is named by its row and column, with the engine's codes; the good rows are kept.
#[test]
fn bad_rows_are_named_by_row_and_column() {
    let sheet = "Market,Service,Weight band,Per kg,Per parcel\n\
                 ES,standard,300-2000 g,50,10\n\
                 Atlantis,standard,300-2000 g,50,10\n\
                 ES,pigeon,300-2000 g,50,10\n\
                 ES,standard,5-6 kg,50,10\n\
                 ES,standard,0-150 g,fifty,10\n\
                 ES,standard,150-300 g,-1,10\n\
                 ES,standard,2-30 kg,50,\n\
                 ES,standard,300_2000g,40,9\n\
                 ES,economy,0-100 g,1,1\n\
                 FR,standard,0-150 g,1.500,2000000\n";
    let file = read_rate_sheet(sheet, policy());
    assert_eq!(
        cells(&file.errors),
        [
            (Some(3), Some(0), "UnknownValue".to_owned()),
            (Some(4), Some(1), "UnknownValue".to_owned()),
            (Some(5), Some(2), "UnknownValue".to_owned()),
            (Some(6), Some(3), "NotANumber".to_owned()),
            (Some(7), Some(3), "Negative".to_owned()),
            (Some(8), Some(4), "Required".to_owned()),
            (Some(9), Some(2), "duplicate of 2".to_owned()),
            // Super Economy Global has no rates for Spain: the market is unknown for it.
            (Some(10), Some(0), "UnknownValue".to_owned()),
            // 1.500 reads two ways in a file that does not say its decimal mark; per parcel
            // above the policy value's largest (1,000,000).
            (Some(11), Some(3), "NotANumber".to_owned()),
            (Some(11), Some(4), "TooLarge".to_owned()),
        ]
    );
    assert_eq!(file.sheet.rates.len(), 1);
    assert_eq!(file.sheet.rates[0].line, 2);
    let ambiguous = &file.errors[8].problem;
    assert!(
        matches!(ambiguous, SheetProblem::Cell(p) if p.code() == ErrorCode::NotANumber),
        "{ambiguous:?}"
    );
    // A sheet without a needed column says which.
    let missing = read_rate_sheet(
        "Market,Service,Per kg,Per parcel\nES,standard,1,1\n",
        policy(),
    );
    assert_eq!(
        missing
            .errors
            .iter()
            .map(|e| e.problem.clone())
            .collect::<Vec<_>>(),
        [SheetProblem::MissingColumn(SheetColumn::Band)]
    );
    // An empty text, as the catalog reader says.
    let empty = read_rate_sheet("", policy());
    assert!(matches!(
        empty.errors.as_slice(),
        [SheetError {
            problem: SheetProblem::File(FileProblem::Empty),
            ..
        }]
    ));
}

/// Bounded: a huge text or too many rows is refused whole.
#[test]
fn huge_sheets_are_refused_whole() {
    let huge = "x".repeat(1_000_001);
    let file = read_rate_sheet(&huge, policy());
    assert_eq!(file.errors.len(), 1);
    assert_eq!(file.errors[0].problem, SheetProblem::TooLarge);
    let mut many = String::from("Market,Service,Weight band,Per kg,Per parcel\n");
    for _ in 0..5_001 {
        many.push_str("ES,standard,0-150 g,1,1\n");
    }
    let file = read_rate_sheet(&many, policy());
    assert_eq!(file.errors.len(), 1);
    assert_eq!(file.errors[0].problem, SheetProblem::TooLarge);
    assert!(file.sheet.rates.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever the text, reading never panics, every row named is a row of the text, and the
    /// rates kept are valid and each band once.
    #[test]
    fn any_text_reads_without_panic(rows in prop::collection::vec(
        (
            prop::sample::select(vec!["ES", "us", "Spain", "XX", "", "\"FR\""]),
            prop::sample::select(vec!["standard", "economy", "choice", "AliExpress Standard", "?", ""]),
            prop::sample::select(vec!["0-150 g", "300_2000g", "2–30 kg", "9 kg", ""]),
            "[-0-9.,a]{0,6}",
            "[-0-9.,]{0,6}",
        ),
        0..12,
    ), delimiter in prop::sample::select(vec![",", ";", "\t"])) {
        let mut text = ["Market", "Service", "Weight band", "Per kg", "Per parcel"].join(delimiter);
        for (m, s, b, k, p) in &rows {
            text.push('\n');
            text.push_str(&[*m, *s, *b, k.as_str(), p.as_str()].join(delimiter));
        }
        let file = read_rate_sheet(&text, policy());
        let last = rows.len() + 1;
        for error in &file.errors {
            prop_assert!(error.line.is_none_or(|l| (2..=last).contains(&l)), "{error:?}");
            prop_assert!(error.column.is_none_or(|c| c < 5), "{error:?}");
        }
        let mut keys = Vec::new();
        for rate in &file.sheet.rates {
            prop_assert!(rate.per_kg >= rust_decimal::Decimal::ZERO && rate.per_parcel >= rust_decimal::Decimal::ZERO);
            let key = (rate.service.clone(), rate.market.clone(), rate.band.clone());
            prop_assert!(!keys.contains(&key));
            keys.push(key);
        }
        // Applying whatever was kept still compares without a panic.
        let mut input = ScenarioInput::from_json(&json!({}));
        file.sheet.apply(&mut input);
        let _ = compare_input(&input);
    }
}

#[test]
fn rates_in_another_currency_or_percent_are_refused_not_read_as_cny() {
    // A card priced in USD read as CNY would be about 7× too low: "$500" is not 500 CNY.
    let sheet = "Market,Service,Weight band,Per kg (CNY),Per parcel (CNY)\n\
                 ES,standard,300_2000g,$500,10\n\
                 ES,standard,150_300g,50,€10\n\
                 ES,standard,0_150g,50%,10\n\
                 ES,standard,2_30kg,¥50,10\n";
    let file = read_rate_sheet(sheet, policy());
    assert_eq!(
        cells(&file.errors),
        [
            (Some(2), Some(3), "NotANumber".to_owned()),
            (Some(3), Some(4), "NotANumber".to_owned()),
            (Some(4), Some(3), "NotANumber".to_owned()),
        ]
    );
    // The yuan's own sign is the sheet's currency: read.
    assert_eq!(file.sheet.rates.len(), 1);
}
