//! Catalog mode: reading CSV files as sellers make them, computing every row exactly as the
//! calculator would, the portfolio sums and the results export.

mod common;

use common::{dec, money, with, with_assumption};
use proptest::prelude::*;
use rust_decimal::Decimal;
use sellercalc_engine::catalog::{
    compute_row, merged_scenario, optional_header, read_csv, results_csv, results_csv_header,
    results_csv_row, sample_csv, template_csv, warnings_text, CatalogFile, ColumnKind, FileProblem,
    PortfolioBuilder, SkuModel, SkuResult, SkuRow, MAIN_COLUMNS, OPTIONAL_INPUTS,
};
use sellercalc_engine::catalog::{CatalogReader, DecimalMark, MAX_ROWS};
use sellercalc_engine::{
    compare, stated_indifference_supply_price, target_margin_price, ErrorCode, Field, ModelKind,
    ScenarioInput,
};
use serde_json::{json, Value};

fn field(path: &str) -> ColumnKind {
    ColumnKind::Field(Field::parse(path))
}

/// The row's merged inputs as scenario JSON, from a base given as scenario JSON.
fn merged(base: &Value, file: &CatalogFile, row: &SkuRow) -> Value {
    merged_scenario(&ScenarioInput::from_json(base), file, row).to_json()
}

/// One row compared with a base given as scenario JSON.
fn compute(base: &Value, file: &CatalogFile, row: &SkuRow, target: Option<Decimal>) -> SkuResult {
    compute_row(&ScenarioInput::from_json(base), file, row, target)
}

fn cells(file: &CatalogFile) -> Vec<Vec<&str>> {
    file.rows
        .iter()
        .map(|r| r.cells.iter().map(String::as_str).collect())
        .collect()
}

fn missing_only(file: &CatalogFile) -> bool {
    file.problems
        .iter()
        .all(|p| matches!(p, FileProblem::MissingColumn { .. }))
}

// ---- Reading ----

#[test]
fn quotes_hold_delimiters_newlines_and_doubled_quotes() {
    let text = "Name,Unit cost,Price\n\"Mug, large\",25,12.99\n\"Two\nlines\",3,4\n\"Say \"\"hi\"\"\",1,2\n";
    let file = read_csv(text);
    assert_eq!(file.delimiter, b',');
    assert_eq!(
        cells(&file),
        vec![
            vec!["Mug, large", "25", "12.99"],
            vec!["Two\nlines", "3", "4"],
            vec!["Say \"hi\"", "1", "2"],
        ]
    );
    // The record spanning two lines keeps its first line; the next starts two lines later.
    let lines: Vec<usize> = file.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 3, 5]);
    assert!(missing_only(&file), "{:?}", file.problems);
}

#[test]
fn bom_crlf_and_blank_lines() {
    let text = "\u{feff}Name,Unit cost\r\n\r\nMug,25\r\n ,  \r\n\r\nLamp,40\r\n\r\n";
    let file = read_csv(text);
    assert_eq!(file.columns[0].header, "Name");
    assert_eq!(file.columns[0].kind, ColumnKind::Name);
    assert_eq!(cells(&file), vec![vec!["Mug", "25"], vec!["Lamp", "40"]]);
    // Blank lines count, as a spreadsheet shows them.
    assert_eq!(file.rows[0].line, 3);
    assert_eq!(file.rows[1].line, 6);
    // CR alone ends lines too.
    let file = read_csv("Name,Unit cost\rMug,25\rLamp,40");
    assert_eq!(cells(&file), vec![vec!["Mug", "25"], vec!["Lamp", "40"]]);
    assert_eq!(file.rows[1].line, 3);
}

#[test]
fn semicolons_with_decimal_commas() {
    let text = "Name;Unit cost;Price;Weight (g);Monthly units\nMug;25,50;12,99;1.234,5;1 200\n";
    let file = read_csv(text);
    assert_eq!(file.delimiter, b';');
    let row = &file.rows[0];
    let row_json = merged(&json!({}), &file, row);
    assert_eq!(row_json["product"]["unit_cost"], "25.50");
    assert_eq!(row_json["pop"]["price"], "12.99");
    assert_eq!(row_json["product"]["weight_g"], "1234.5");
    assert_eq!(row_json["monthly_units"], "1200");
    let result = compute(&json!({}), &file, row, None);
    assert!(result.ok(), "{:?}", result.errors);
    let direct = compare(&json!({
        "product": { "unit_cost": "25.5", "weight_g": "1234.5" },
        "pop": { "price": "12.99" },
        "monthly_units": "1200",
    }));
    assert_eq!(
        result.model(ModelKind::Pop).unwrap().monthly_profit,
        direct.pop.unwrap().monthly_profit
    );
}

#[test]
fn tabs_and_comma_grouping_in_quoted_cells() {
    let file = read_csv("Name\tPrice\tUnits\nMug\t12,99\t1,200\n");
    assert_eq!(file.delimiter, b'\t');
    // A tab file: a lone comma is a decimal comma.
    let row_json = merged(&json!({}), &file, &file.rows[0]);
    assert_eq!(row_json["pop"]["price"], "12.99");
    assert_eq!(row_json["monthly_units"], "1.200");
    // A file with decimal points: a quoted cell's comma groups thousands.
    let file = read_csv("Name,Price,Units\nMug,12.99,\"1,200\"\n");
    assert_eq!(file.decimal, DecimalMark::Point);
    let row_json = merged(&json!({}), &file, &file.rows[0]);
    assert_eq!(row_json["pop"]["price"], "12.99");
    assert_eq!(row_json["monthly_units"], "1200");
    let file = read_csv("Name,Price,Units\nMug,\"1,299.50\",\"12,345,678\"\n");
    let row_json = merged(&json!({}), &file, &file.rows[0]);
    assert_eq!(row_json["pop"]["price"], "1299.50");
    assert_eq!(row_json["monthly_units"], "12345678");
}

#[test]
fn numbers_follow_the_files_decimal_mark_and_say_when_it_is_not_known() {
    // Decimal commas in the file: `1.500` is one thousand five hundred (issue #16, item 12).
    let file = read_csv("Name;Price;Units\nMug;12,99;1.500\nLamp;€9,50;200\n");
    assert_eq!(file.decimal, DecimalMark::Comma);
    let row_json = merged(&json!({}), &file, &file.rows[0]);
    assert_eq!(row_json["pop"]["price"], "12.99");
    assert_eq!(row_json["monthly_units"], "1500");
    // Decimal points: `1.500` is one and a half (a fractional volume, warned on its row).
    let file = read_csv("Name,Price,Units\nMug,12.99,1.500\n");
    assert_eq!(file.decimal, DecimalMark::Point);
    assert_eq!(
        merged(&json!({}), &file, &file.rows[0])["monthly_units"],
        "1.500"
    );
    // Nothing decides it: the cell is an error at its column, with both readings.
    let file = read_csv("Name,Price,Units\nMug,13,1.500\n");
    assert_eq!(file.decimal, DecimalMark::Unknown);
    let result = compute(&json!({}), &file, &file.rows[0], None);
    let error = result
        .errors
        .iter()
        .find(|e| e.column == Some(2))
        .expect("an error at the Units column");
    assert_eq!(error.error.code(), ErrorCode::NotANumber);
    assert_eq!(
        error.error.english(),
        "Did you mean 1.5 or 1500? Write it the way you mean it: a dot for decimals, no thousands separators."
    );
    // Both kinds in one file decide nothing either.
    let file = read_csv("Name;Price;Units\nMug;12,99;1.500\nLamp;9.50;2\n");
    assert_eq!(file.decimal, DecimalMark::Unknown);
}

#[test]
fn unknown_duplicate_and_missing_columns() {
    let text = "SKU,Colour,Price,Retail price,Cost\nMug,red,12.99,99,25\n";
    let file = read_csv(text);
    assert_eq!(file.columns[1].kind, ColumnKind::Unknown);
    assert_eq!(file.columns[2].kind, field("pop.price"));
    // The later copy is ignored.
    assert_eq!(file.columns[3].kind, ColumnKind::Unknown);
    assert_eq!(file.column_of(&field("pop.price")), Some(2));
    assert_eq!(file.cell(&file.rows[0], &field("pop.price")), Some("12.99"));
    assert_eq!(
        file.problems,
        vec![
            FileProblem::UnknownColumn {
                column: 1,
                header: "Colour".into()
            },
            FileProblem::DuplicateColumn {
                column: 3,
                header: "Retail price".into()
            },
            FileProblem::MissingColumn {
                field: field("product.packaging")
            },
            FileProblem::MissingColumn {
                field: field("product.weight_g")
            },
            FileProblem::MissingColumn {
                field: field("product.category")
            },
            FileProblem::MissingColumn {
                field: field("full.supply_price")
            },
            FileProblem::MissingColumn {
                field: field("monthly_units")
            },
        ]
    );
    // Missing columns take the base's values, except the supply price: the calculator's is
    // another product's, so each row's is estimated from its own price.
    let base = json!({ "product": { "weight_g": "900", "category": "toys" }, "full": { "supply_price": "70" }, "monthly_units": "55" });
    let result = compute(&base, &file, &file.rows[0], None);
    assert!(result.supply_estimated);
    let direct = compare(&json!({
        "product": { "weight_g": "900", "category": "toys", "unit_cost": "25" },
        "monthly_units": "55",
        "pop": { "price": "12.99" },
    }));
    for kind in ModelKind::ALL {
        assert_eq!(
            result.model(kind).unwrap().monthly_profit,
            direct.model(kind).unwrap().monthly_profit
        );
    }
    assert_eq!(result.name, "Mug");
}

#[test]
fn malformed_rows_and_too_many_cells() {
    let text = "Name,Unit cost,Price\nMug,25,12.99\n\"Lamp,40,19.99\nBowl,10,5,extra\nCup,3,4,,\n";
    let file = read_csv(text);
    assert_eq!(
        cells(&file),
        vec![
            vec!["Mug", "25", "12.99"],
            vec!["\"Lamp", "40", "19.99"],
            vec!["Bowl", "10", "5"],
            vec!["Cup", "3", "4"],
        ]
    );
    let row_problems: Vec<&FileProblem> = file
        .problems
        .iter()
        .filter(|p| !matches!(p, FileProblem::MissingColumn { .. }))
        .collect();
    assert_eq!(row_problems.len(), 2, "{row_problems:?}");
    assert!(
        matches!(row_problems[0], FileProblem::Malformed { line: 3, message } if message.contains("never closed"))
    );
    // Only non-empty extra cells count.
    assert_eq!(row_problems[1], &FileProblem::TooManyCells { line: 4 });
    // Rows with fewer cells are padded.
    let file = read_csv("Name,Unit cost,Price\nMug\n");
    assert_eq!(cells(&file), vec![vec!["Mug", "", ""]]);
}

#[test]
fn empty_and_header_only_files() {
    assert_eq!(read_csv("").problems, vec![FileProblem::Empty]);
    assert_eq!(
        read_csv("\u{feff}\r\n\n").problems,
        vec![FileProblem::Empty]
    );
    let file = read_csv("Name,Unit cost,Packaging,Weight,Category,Price,Supply price,Units\n\n");
    assert_eq!(file.problems, vec![FileProblem::NoRows]);
    assert!(file.rows.is_empty());
}

#[test]
fn header_aliases_and_units() {
    let headers = [
        ("Product name", ColumnKind::Name),
        ("UNIT COST (CNY)", field("product.unit_cost")),
        ("packaging-cost", field("product.packaging")),
        ("Weight (g)", field("product.weight_g")),
        ("Weight (kg)", ColumnKind::Unknown),
        ("category", field("product.category")),
        ("Sale price (USD)", field("pop.price")),
        ("supply_price", field("full.supply_price")),
        ("Units per month", field("monthly_units")),
        ("semi.mode", field("semi.mode")),
        ("Semi price", field("semi.price")),
        ("pop.ad_spend_pct (%)", field("pop.ad_spend_pct")),
        // A bare trailing % is a unit, as "(%)" is.
        ("Semi ads %", field("semi.ad_spend_pct")),
        ("Semi affiliate share%", field("semi.affiliate_share_pct")),
        ("semi.affiliate_rate_pct", field("semi.affiliate_rate_pct")),
        ("Return rate %", field("return_rate_pct")),
        ("destination", field("destination")),
        ("currency.rate", field("currency.rate")),
        (
            "assumptions.postage.standard.us.300_2000g.per_kg",
            field("assumptions.postage.standard.US.300_2000g.per_kg"),
        ),
        // An id from before the weight bands: the band it meant.
        (
            "assumptions.postage.pop.us.per_kg",
            field("assumptions.postage.standard.US.0_150g.per_kg"),
        ),
        (
            "assumptions.commission.home",
            field("assumptions.commission.home"),
        ),
        ("assumptions.nope", ColumnKind::Unknown),
    ];
    let line: Vec<&str> = headers.iter().map(|(h, _)| *h).collect();
    let file = read_csv(&format!("{}\n", line.join(",")));
    for ((header, kind), column) in headers.iter().zip(&file.columns) {
        assert_eq!(&column.kind, kind, "{header}");
        assert_eq!(column.header, *header);
    }
    for (expected, header) in MAIN_COLUMNS {
        let file = read_csv(&format!("{header}\n"));
        assert_eq!(file.columns[0].kind, expected, "{header}");
    }
    // The header the page lists for each optional column reads back as that column.
    for input in OPTIONAL_INPUTS {
        let header = optional_header(input).expect("every optional input has a header");
        let file = read_csv(&format!("{header}\n"));
        assert_eq!(file.columns[0].kind, field(input.path()), "{header}");
    }
    assert_eq!(optional_header(sellercalc_engine::Input::UnitCost), None);
}

#[test]
fn estimates_and_warnings_per_row_and_in_the_portfolio() {
    let file = read_csv(
        "Name,Unit cost,Packaging,Weight (g),Category,Price,Supply price,Monthly units\n\
         Phone case,8,0.5,60,phone_accessories,4.99,,1000\n\
         Above retail,8,0.5,60,phone_accessories,4.99,50,1000\n\
         Half a mug,25,1.5,350,home,12.99,45,12.5\n\
         Estimated mug,25,1.5,350,home,12.99,,400\n",
    );
    assert!(file.problems.is_empty(), "{:?}", file.problems);
    let results: Vec<SkuResult> = file
        .rows
        .iter()
        .map(|row| compute(&json!({}), &file, row, None))
        .collect();
    let codes = |r: &SkuResult| -> Vec<&str> { r.warnings.iter().map(|w| w.kind.code()).collect() };
    assert_eq!(codes(&results[0]), ["estimated"]);
    assert_eq!(codes(&results[1]), ["supply_above_retail"]);
    assert_eq!(codes(&results[2]), ["fractional_volume"]);
    assert_eq!(codes(&results[3]), ["estimated"]);
    assert_eq!(
        results
            .iter()
            .map(|r| r.supply_estimated)
            .collect::<Vec<_>>(),
        [true, false, false, true]
    );
    // A warning never stops a row, and the fractional volume is used as given.
    assert!(results.iter().all(|r| r.ok() && r.included()));
    assert_eq!(
        results[2].model(ModelKind::Pop).unwrap().monthly_units,
        dec("12.5")
    );
    // Each row's "rests on an estimate" is the calculator's for the same scenario.
    for (row, result) in file.rows.iter().zip(&results) {
        let direct = compare(&merged(&json!({}), &file, row));
        let rests = direct.recommendation().unwrap().rests_on_estimate;
        assert_eq!(result.rests_on_estimate(), rests, "row {}", row.line);
    }
    // The phone case at its estimated supply price: fully managed is best, on the estimate.
    assert_eq!(results[0].best, Some(ModelKind::Full));
    assert!(results[0].rests_on_estimate());
    assert!(!results[1].rests_on_estimate());

    let mut builder = PortfolioBuilder::new(10);
    for (i, r) in results.iter().enumerate() {
        builder.add(i, r);
    }
    let portfolio = builder.finish();
    assert_eq!(portfolio.included, 4);
    assert_eq!(portfolio.estimated, 2);
    let best_estimated = results
        .iter()
        .filter(|r| r.supply_estimated && r.best == Some(ModelKind::Full))
        .count();
    assert!(best_estimated >= 1);
    assert_eq!(portfolio.best_estimated, best_estimated);
    // A driver's gain rests on an estimate when its row's supply price is estimated and one of
    // the two models it compares is fully managed.
    for kind in ModelKind::ALL {
        for driver in &portfolio.drivers[kind.index()] {
            let r = &results[driver.index];
            let expected =
                r.supply_estimated && (driver.best == ModelKind::Full || kind == ModelKind::Full);
            assert_eq!(driver.estimated, expected, "{} vs {kind:?}", driver.name);
        }
    }
    assert!(portfolio.drivers[ModelKind::Pop.index()]
        .iter()
        .any(|d| d.estimated && d.name == "Phone case"));

    // The export says so in plain English, in its last column.
    assert!(results_csv_header(None).ends_with(",Problems,Warnings\r\n"));
    assert!(warnings_text(&results[0]).starts_with("Estimated: CNY "));
    assert_eq!(
        warnings_text(&results[2]),
        "Units a month has a fraction; it is used as entered."
    );
    let csv = results_csv(&results, None);
    let read = read_csv(&csv);
    let last = |i: usize| read.rows[i].cells.last().unwrap().as_str();
    assert!(last(0).contains("of the retail price"), "{}", last(0));
    assert!(
        last(1).starts_with("The supply price CNY 50.00 is above"),
        "{}",
        last(1)
    );
    assert_eq!(last(2), warnings_text(&results[2]));
}

#[test]
fn text_fields_categories_and_flags() {
    let text = "Name,Category,Destination,Semi mode,Popular\nA,Phone accessories,us,JIT,no\nB,HOME & garden,FR,warehouse,1\n";
    let file = read_csv(text);
    let a = merged(&json!({}), &file, &file.rows[0]);
    assert_eq!(a["product"]["category"], "phone_accessories");
    assert_eq!(a["destination"], "us");
    assert_eq!(a["semi"]["mode"], "JIT");
    assert_eq!(a["semi"]["popular"], false);
    let b = merged(&json!({}), &file, &file.rows[1]);
    assert_eq!(b["product"]["category"], "home");
    assert_eq!(b["semi"]["popular"], true);
    for row in &file.rows {
        assert!(compute(&json!({}), &file, row, None).ok());
    }
}

#[test]
fn a_row_price_moves_the_semi_price_unless_given() {
    let base = json!({ "pop": { "price": "12.99" }, "semi": { "price": "11.50" } });
    let file = read_csv("Name,Price\nA,20\n");
    let row_json = merged(&base, &file, &file.rows[0]);
    assert!(row_json["semi"].get("price").is_none());
    let file = read_csv("Name,Price,Semi price\nA,20,18\nB,,\n");
    assert_eq!(merged(&base, &file, &file.rows[0])["semi"]["price"], "18");
    assert_eq!(merged(&base, &file, &file.rows[1]), base);
}

// ---- Rows ----

#[test]
fn bad_rows_name_their_row_column_and_code() {
    let text =
        "Name,Unit cost,Weight (g),Category,Price,Supply price,Units,assumptions.commission.home\n\
                Good,25,350,home,12.99,45,400,\n\
                Letters,abc,350,home,12.99,45,400,\n\
                Negative,25,-5,home,12.99,45,400,\n\
                Unknown category,25,350,furniture,12.99,45,400,\n\
                Zero price,25,350,home,0,45,400,\n\
                Big commission,25,350,home,12.99,45,400,150\n\
                ,25,350,home,12.99,45,400,\n";
    let file = read_csv(text);
    let base = json!({});
    let results: Vec<SkuResult> = file
        .rows
        .iter()
        .map(|row| compute(&base, &file, row, None))
        .collect();
    let expect = [
        (3, 1, ErrorCode::NotANumber),
        (4, 2, ErrorCode::Negative),
        (5, 3, ErrorCode::UnknownValue),
        (6, 4, ErrorCode::NotPositive),
        (7, 7, ErrorCode::TooLarge),
    ];
    assert!(results[0].ok() && results[0].included());
    for (result, (line, column, code)) in results[1..6].iter().zip(expect) {
        assert_eq!(result.line, line);
        assert_eq!(result.errors.len(), 1, "{:?}", result.errors);
        assert_eq!(result.errors[0].column, Some(column), "row {line}");
        assert_eq!(result.errors[0].error.code(), code, "row {line}");
        assert!(!result.included());
        assert_eq!(result.best, None);
    }
    // Models that do not depend on the bad field are still computed: a bad category or price
    // leaves fully managed; a bad unit cost blocks all three.
    assert!(results[1].models.iter().all(Option::is_none));
    assert!(results[3].model(ModelKind::Full).is_some());
    assert!(results[3].model(ModelKind::Pop).is_none());
    assert!(results[4].model(ModelKind::Full).is_some());
    assert!(
        results[4].model(ModelKind::Semi).is_none(),
        "semi follows the bad pop price"
    );
    // The nameless row keeps "" and is otherwise fine; the good rows match each other.
    assert_eq!(results[6].name, "");
    assert!(results[6].ok());
    assert_eq!(results[6].models, results[0].models);
    // An error in the base scenario has no column.
    let result = compute(
        &json!({ "return_rate_pct": "200" }),
        &file,
        &file.rows[0],
        None,
    );
    assert_eq!(result.errors.len(), 1);
    assert_eq!(result.errors[0].column, None);
    assert_eq!(result.errors[0].error.path(), "return_rate_pct");
}

#[test]
fn solvers_per_row() {
    let file = read_csv("Name,Unit cost,Price,Supply price\nMug,25,12.99,45\n");
    let base = json!({ "destination": "FR" });
    let target = Some(dec("15"));
    let result = compute(&base, &file, &file.rows[0], target);
    let direct = compare(
        &json!({ "destination": "FR", "product": { "unit_cost": "25" }, "pop": { "price": "12.99" }, "full": { "supply_price": "45" } }),
    );
    for kind in ModelKind::ALL {
        let m = result.model(kind).unwrap();
        let d = direct.model(kind).unwrap();
        assert_eq!(
            m.target_price,
            target_margin_price(&direct, kind, dec("15"))
        );
        assert!(m.target_price.is_some());
        assert_eq!(m.break_even_price, d.break_even_price);
        assert_eq!(m.break_even_decimals, d.break_even_decimals);
    }
    assert_eq!(
        result.indifference,
        [
            stated_indifference_supply_price(&direct, ModelKind::Pop),
            stated_indifference_supply_price(&direct, ModelKind::Semi)
        ]
    );
    let r = direct.recommendation().unwrap();
    assert_eq!(result.best, Some(r.best));
    assert_eq!(result.runner_up, Some(r.runner_up));
    assert_eq!(result.advantage, Some(r.monthly_advantage));
    assert_eq!(result.cost_currency, "CNY");
    assert_eq!(result.sale_currency, "USD");
    let none = compute(&base, &file, &file.rows[0], None);
    assert!(none
        .models
        .iter()
        .flatten()
        .all(|m| m.target_price.is_none()));
}

/// A deterministic catalog of `n` rows, varied across categories, weights, prices and currencies.
fn generated(n: usize) -> String {
    let categories = [
        "home",
        "Apparel",
        "phone_accessories",
        "Consumer electronics",
        "lighting",
        "beauty",
        "toys",
        "sports",
        "jewelry",
        "bags_shoes",
        "automotive",
        "other",
    ];
    let mut text = String::from(
        "Name,Unit cost,Packaging,Weight (g),Category,Price,Supply price,Monthly units,Semi mode,Destination\r\n",
    );
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let r = |k: u64, m: u64| (x >> k) % m;
        let cost = Decimal::new(100 + r(0, 20_000) as i64, 2);
        let price = Decimal::new(199 + r(8, 12_000) as i64, 2);
        let supply = Decimal::new(500 + r(16, 40_000) as i64, 2);
        let name = if i % 7 == 0 {
            format!("\"SKU {i}, \"\"special\"\"\"")
        } else {
            format!("SKU {i}")
        };
        text.push_str(&format!(
            "{name},{cost},{},{},{},{price},{supply},{},{},{}\r\n",
            Decimal::new(r(24, 300) as i64, 2),
            20 + r(32, 5_000),
            categories[r(40, 12) as usize],
            r(44, 3_000),
            if r(50, 2) == 0 { "warehouse" } else { "jit" },
            ["ES", "US", "FR", "KR", "BR"][r(52, 5) as usize],
        ));
    }
    text
}

#[test]
fn ten_thousand_rows_each_equal_to_a_direct_compare() {
    let text = generated(10_000);
    let file = read_csv(&text);
    assert!(file.problems.is_empty(), "{:?}", file.problems);
    assert_eq!(file.rows.len(), 10_000);
    let base =
        json!({ "currency": { "cost": "CNY", "sale": "USD" }, "pop": { "ad_spend_pct": "5" } });
    let mut builder = PortfolioBuilder::new(5);
    let mut sums = [Decimal::ZERO; 3];
    let mut best_sum = Decimal::ZERO;
    let mut results = Vec::new();
    for (i, row) in file.rows.iter().enumerate() {
        let result = compute(&base, &file, row, Some(dec("10")));
        assert!(result.ok(), "row {}: {:?}", row.line, result.errors);
        assert_eq!(result.line, i + 2);
        assert_eq!(result.name, file.rows[i].cells[0]);
        // The same figures as a direct compare of the scenario spelt out by hand.
        let c = |col: usize| row.cells[col].as_str();
        let mut scenario = base.clone();
        for (col, path) in [
            (1, "product.unit_cost"),
            (2, "product.packaging"),
            (3, "product.weight_g"),
            (5, "pop.price"),
            (6, "full.supply_price"),
            (7, "monthly_units"),
            (8, "semi.mode"),
            (9, "destination"),
        ] {
            scenario = with(&scenario, path, json!(c(col)));
        }
        let category = c(4).to_lowercase().replace(' ', "_");
        scenario = with(&scenario, "product.category", json!(category));
        let direct = compare(&scenario);
        assert!(direct.ok());
        for kind in ModelKind::ALL {
            let m = result.model(kind).unwrap();
            let d = direct.model(kind).unwrap();
            assert_eq!(m.monthly_profit, d.monthly_profit);
            assert_eq!(m.margin_pct, d.margin_pct);
            assert_eq!(m.break_even_price, d.break_even_price);
        }
        assert_eq!(result.best, direct.best());
        let profit = |k: usize| result.models[k].as_ref().unwrap().monthly_profit;
        for (k, sum) in sums.iter_mut().enumerate() {
            *sum += profit(k);
        }
        best_sum += (0..3).map(profit).max().unwrap();
        builder.add(i, &result);
        results.push(result);
    }
    let portfolio = builder.finish();
    assert_eq!(portfolio.included, 10_000);
    assert_eq!(portfolio.excluded, 0);
    assert_eq!(portfolio.totals, sums);
    assert_eq!(portfolio.best_per_sku, best_sum);
    assert!(portfolio.best_counts.iter().all(|&c| c > 0));
    // And the export has one line per row.
    let csv = results_csv(&results, Some(dec("10")));
    assert_eq!(
        csv.matches("\r\n").count(),
        10_001 + results.iter().filter(|r| r.name.contains('\n')).count()
    );
}

// ---- Export ----

fn sku(
    name: &str,
    profits: [&str; 3],
    errors: Vec<sellercalc_engine::catalog::CellError>,
) -> SkuResult {
    let model = |p: &str| SkuModel {
        monthly_profit: dec(p),
        profit_per_unit: dec("1.005"),
        margin_pct: dec("12.345"),
        monthly_units: dec("400"),
        break_even_price: Some(dec("10.504751")),
        break_even_decimals: 4,
        target_price: Some(dec("13.969464")),
        target_decimals: 4,
    };
    SkuResult {
        line: 2,
        name: name.to_owned(),
        models: profits.map(|p| Some(model(p))),
        best: Some(ModelKind::Semi),
        runner_up: Some(ModelKind::Full),
        advantage: Some(dec("0.125")),
        indifference: [Some(dec("39.1234567")), None],
        indifference_decimals: 5,
        errors,
        warnings: Vec::new(),
        supply_estimated: false,
        cost_currency: "CNY".into(),
        sale_currency: "USD".into(),
    }
}

#[test]
fn export_rounds_once_and_guards_formulas() {
    let header = results_csv_header(None);
    assert!(header.starts_with("Row,Name,POP monthly profit,"));
    assert!(header.ends_with(",Problems,Warnings\r\n"));
    assert!(!header.contains("margin,") || !header.contains("price for"));
    let with_target = results_csv_header(Some(dec("12.50")));
    assert!(with_target.contains(",POP price for 12.5% margin,"));
    assert_eq!(
        with_target.split(',').count(),
        header.split(',').count() + 3
    );

    let result = sku("=HYPERLINK(\"x\")", ["1.005", "-2.345", "100"], vec![]);
    let row = results_csv_row(&result, None);
    assert!(row.ends_with("\r\n"));
    assert!(row.starts_with("2,\"'=HYPERLINK(\"\"x\"\")\",1.01,-2.35,100.00,12.35,12.35,12.35,Semi-managed,0.13,CNY,USD,10.5048,10.5048,10.5048,39.12346,,,\r\n"), "{row}");
    let row = results_csv_row(&result, Some(dec("20")));
    assert!(
        row.contains(",10.5048,13.9695,13.9695,13.9695,39.12346,"),
        "{row}"
    );
    // Negative numbers are numbers, not formulas.
    assert!(!row.contains("'-2.35"));
    for name in ["+1 cable", "-cheap", "@home"] {
        let row = results_csv_row(&sku(name, ["1", "2", "3"], vec![]), None);
        assert!(row.starts_with(&format!("2,'{name},")), "{row}");
    }

    let all = results_csv(&[result.clone(), result], None);
    assert!(all.starts_with("\u{feff}Row,"));
    assert_eq!(all.matches("\r\n").count(), 3);
}

#[test]
fn export_reports_problems_in_plain_english() {
    let file = read_csv("Name,Unit cost,Category\nMug,abc,furniture\n");
    let result = compute(&json!({}), &file, &file.rows[0], None);
    let row = results_csv_row(&result, None);
    assert!(row.contains("Unit cost: Enter a number"), "{row}");
    assert!(row.contains("; Category: Unknown category"), "{row}");
    // Computed models are written, blocked ones are empty.
    assert!(row.starts_with("2,Mug,,,"), "{row}");
}

#[test]
fn export_round_trips_names_through_the_reader() {
    let names = [
        "Mug, large",
        "Say \"hi\"",
        "Two\nlines",
        "Plain",
        "Ünïcødé 杯子",
        "a;b\tc",
    ];
    let results: Vec<SkuResult> = names
        .iter()
        .map(|n| sku(n, ["1", "2", "3"], vec![]))
        .collect();
    let csv = results_csv(&results, Some(dec("5")));
    let file = read_csv(&csv);
    assert_eq!(file.delimiter, b',');
    assert_eq!(file.columns[1].kind, ColumnKind::Name);
    let read: Vec<&str> = file
        .rows
        .iter()
        .map(|r| file.cell(r, &ColumnKind::Name).unwrap())
        .collect();
    assert_eq!(read, names);
    // Every money cell has exactly two places.
    for row in &file.rows {
        for col in 2..8 {
            let cell = &row.cells[col];
            assert!(common::has_exact_decimals(cell, 2), "{cell}");
        }
        assert_eq!(row.cells[2], money(dec("1")));
    }
}

// ---- Template and sample ----

#[test]
fn template_and_sample_read_cleanly_and_compute() {
    let template = read_csv(template_csv());
    assert!(template.problems.is_empty(), "{:?}", template.problems);
    assert_eq!(template.rows.len(), 2);
    let headers: Vec<&str> = template.columns.iter().map(|c| c.header.as_str()).collect();
    let expected: Vec<&str> = MAIN_COLUMNS.iter().map(|(_, h)| *h).collect();
    assert_eq!(headers, expected);
    for row in &template.rows {
        assert!(compute(&json!({}), &template, row, None).ok());
    }

    let sample = read_csv(sample_csv());
    assert!(sample.problems.is_empty(), "{:?}", sample.problems);
    assert!((20..=35).contains(&sample.rows.len()));
    let mut best = [0; 3];
    let mut categories = std::collections::BTreeSet::new();
    for row in &sample.rows {
        let result = compute(&json!({}), &sample, row, Some(dec("10")));
        assert!(result.ok(), "row {}: {:?}", row.line, result.errors);
        assert!(result.included());
        assert!(!result.name.is_empty());
        best[ModelKind::ALL
            .iter()
            .position(|k| Some(*k) == result.best)
            .unwrap()] += 1;
        categories.insert(merged(&json!({}), &sample, row)["product"]["category"].to_string());
    }
    assert!(best.iter().all(|&n| n > 0), "best counts {best:?}");
    assert_eq!(
        categories.len(),
        common::scenarios::policy().categories.len()
    );
}

// ---- Portfolio ----

/// A result with these monthly profits (None: a bad row), ranked as the engine ranks.
fn result_with(line: usize, profits: Option<[i64; 3]>) -> SkuResult {
    let models = match profits {
        Some(p) => p.map(|cents| {
            Some(SkuModel {
                monthly_profit: Decimal::new(cents, 2),
                profit_per_unit: Decimal::ZERO,
                margin_pct: Decimal::ZERO,
                monthly_units: Decimal::ONE,
                break_even_price: None,
                break_even_decimals: 4,
                target_price: None,
                target_decimals: 4,
            })
        }),
        None => [None, None, None],
    };
    let best = profits.map(|p| {
        let mut ranked = ModelKind::ALL;
        ranked.sort_by_key(|k| {
            std::cmp::Reverse(p[ModelKind::ALL.iter().position(|x| x == k).unwrap()])
        });
        ranked[0]
    });
    SkuResult {
        line,
        name: format!("SKU {line}"),
        models,
        best,
        runner_up: None,
        advantage: None,
        indifference: [None, None],
        indifference_decimals: 4,
        errors: vec![],
        warnings: Vec::new(),
        supply_estimated: false,
        cost_currency: "CNY".into(),
        sale_currency: "USD".into(),
    }
}

/// Reads `text` in steps of `budget` bytes of work, checking that progress never goes back.
fn read_stepped(text: &str, budget: usize) -> CatalogFile {
    let mut reader = CatalogReader::new(text);
    let mut last = (0, 1);
    let mut steps = 0usize;
    while !reader.step(budget) {
        let now = reader.progress();
        assert!(
            now.0 >= last.0 || now.1 != last.1,
            "progress went back: {last:?} -> {now:?}"
        );
        assert!(now.0 <= now.1);
        last = now;
        steps += 1;
        assert!(steps <= 4 * text.len() + 16, "reading does not end");
    }
    reader.finish()
}

#[test]
fn stepped_reading_gives_the_same_file() {
    let texts = [
        "Name,Unit cost,Price\nMug,25,12.99\nLamp,40,\"19,50\"\n",
        "\u{feff}Name;Price\r\n\r\nMug;\"12,99\"\r\nLamp;\"multi\r\nline\"\r\n",
        "Name,Price\rMug,1\rLamp,2",
        // An unclosed quote in the middle, then rows that still read.
        "Name,Price\nMug,\"12\nLamp,3\nCup,4\n",
        "Name,Price\n\"a\"\"b\",1\n\"x\ny\",2\nBad,\"3\nLast,4",
        "",
        "\n\n",
    ];
    for text in texts {
        let whole = read_csv(text);
        for budget in [1, 2, 3, 5, 8, 13, 64, 4096] {
            assert_eq!(
                read_stepped(text, budget),
                whole,
                "budget {budget}: {text:?}"
            );
        }
    }
}

#[test]
fn a_file_over_the_row_limit_is_refused_whole() {
    let mut text = String::from("Name,Price\n");
    for i in 0..MAX_ROWS {
        text.push_str(&format!("SKU {i},{}\n", i % 50 + 1));
    }
    let file = read_csv(&text);
    assert_eq!(file.rows.len(), MAX_ROWS);
    assert!(!file
        .problems
        .iter()
        .any(|p| matches!(p, FileProblem::TooManyRows { .. })));
    // Blank lines do not count; one more product does.
    text.push_str("\n\n,,\n");
    assert_eq!(read_csv(&text).rows.len(), MAX_ROWS);
    text.push_str("One too many,5\n");
    let file = read_stepped(&text, 65_536);
    assert!(file.rows.is_empty());
    assert_eq!(
        file.problems,
        vec![FileProblem::TooManyRows { limit: MAX_ROWS }]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn reading_in_any_steps_reads_the_same(
        cells in prop::collection::vec(
            prop::collection::vec(prop::sample::select(vec![
                "", "a", "12.5", "\"", "\"q\"", "\"x,y\"", "\"line\nbreak\"", "\"open", "b\"c",
                " \t", "é", "名称", ",", "\r", "\r\n", "\n", ";",
            ]), 0..6),
            0..12,
        ),
        budget in 1usize..40,
    ) {
        let text: String = cells.iter().map(|row| row.concat() + "\n").collect();
        prop_assert_eq!(read_stepped(&text, budget), read_csv(&text));
    }

    #[test]
    fn portfolio_invariants(
        rows in prop::collection::vec(
            prop::option::weighted(0.9, prop::array::uniform3(-1_000_000i64..1_000_000)),
            0..60,
        ),
        top_n in 0usize..8,
    ) {
        let results: Vec<SkuResult> =
            rows.iter().enumerate().map(|(i, p)| result_with(i + 2, *p)).collect();
        let mut small = PortfolioBuilder::new(top_n);
        let mut all = PortfolioBuilder::new(rows.len());
        for (i, r) in results.iter().enumerate() {
            small.add(i, r);
            all.add(i, r);
        }
        let small = small.finish();
        let all = all.finish();
        let included = rows.iter().filter(|r| r.is_some()).count();
        prop_assert_eq!(all.included, included);
        prop_assert_eq!(all.excluded, rows.len() - included);
        prop_assert_eq!(all.best_counts.iter().sum::<usize>(), included);
        prop_assert_eq!(all.best_uniform.is_some(), included > 0);
        for k in 0..3 {
            prop_assert!(all.best_per_sku >= all.totals[k]);
            // Every positive gain is listed when top_n covers every row.
            let gains: Decimal = all.drivers[k].iter().map(|d| d.gain).sum();
            prop_assert_eq!(all.best_per_sku - all.totals[k], gains);
            for pair in all.drivers[k].windows(2) {
                prop_assert!(
                    pair[0].gain > pair[1].gain
                        || (pair[0].gain == pair[1].gain && pair[0].index < pair[1].index)
                );
            }
            prop_assert!(all.drivers[k].iter().all(|d| d.gain > Decimal::ZERO));
            // The bounded list is the head of the full one.
            prop_assert!(small.drivers[k].len() <= top_n);
            let n = small.drivers[k].len();
            prop_assert_eq!(&small.drivers[k][..], &all.drivers[k][..n]);
            prop_assert_eq!(n, top_n.min(all.drivers[k].len()));
        }
        if let Some(best) = all.best_uniform {
            let b = ModelKind::ALL.iter().position(|k| *k == best).unwrap();
            for k in 0..3 {
                prop_assert!(all.totals[b] > all.totals[k] || (all.totals[b] == all.totals[k] && b <= k));
            }
        }
        prop_assert_eq!(small.totals, all.totals);
    }

    #[test]
    fn real_rows_keep_the_invariants(scenarios in prop::collection::vec(common::scenarios::valid(), 1..12)) {
        // Each generated scenario becomes one row of a catalog, every field a column.
        let mut text = String::from("Name,Unit cost,Packaging,Weight (g),Category,Price,Supply price,Monthly units,Destination,Semi mode,Popular,assumptions.choice.traffic_uplift\n");
        for (i, s) in scenarios.iter().enumerate() {
            text.push_str(&format!(
                "Row {i},{},{},{},{},{},{},{},{},{},{},{}\n",
                s.unit_cost, s.packaging, s.weight_g, s.category, s.pop.0,
                s.supply.clone().unwrap_or_default(), s.units,
                s.destination, if s.jit { "jit" } else { "warehouse" }, s.popular,
                s.uplift.clone().unwrap_or_default(),
            ));
        }
        let file = read_csv(&text);
        prop_assert!(file.problems.is_empty(), "{:?}", file.problems);
        let mut builder = PortfolioBuilder::new(scenarios.len());
        for (i, (row, s)) in file.rows.iter().zip(&scenarios).enumerate() {
            let result = compute(&json!({}), &file, row, None);
            let mut direct = s.clone();
            direct.cost = "CNY".into();
            direct.sale = "USD".into();
            direct.rate = None;
            direct.semi_price = None;
            direct.semi_marketing = None;
            direct.sides = None;
            direct.shipping = None;
            direct.shipping_charge = None;
            direct.mix = None;
            direct.return_rate = "4".into();
            direct.pop = (s.pop.0.clone(), "8".into(), "20".into(), "5".into());
            direct.as_numbers = false;
            let mut json = direct.json();
            if s.uplift.is_none() {
                json.as_object_mut().unwrap().remove("assumptions");
            }
            let expected = compare(&json);
            for kind in ModelKind::ALL {
                prop_assert_eq!(
                    result.model(kind).map(|m| m.monthly_profit),
                    expected.model(kind).map(|m| m.monthly_profit)
                );
            }
            builder.add(i, &result);
        }
        let portfolio = builder.finish();
        for k in 0..3 {
            prop_assert!(portfolio.best_per_sku >= portfolio.totals[k]);
            let gains: Decimal = portfolio.drivers[k].iter().map(|d| d.gain).sum();
            prop_assert_eq!(portfolio.best_per_sku - portfolio.totals[k], gains);
        }
    }
}

#[test]
fn overrides_reach_assumptions_with_dotted_ids() {
    let file = read_csv(
        "Name,assumptions.postage.standard.ES.300_2000g.per_kg,Return rate (%)\nA,100,10%\n",
    );
    let base = json!({});
    let result = compute(&base, &file, &file.rows[0], None);
    assert!(result.ok(), "{:?}", result.errors);
    let expected = compare(&with(
        &with_assumption(&base, "postage.standard.ES.300_2000g.per_kg", json!("100")),
        "return_rate_pct",
        json!("10"),
    ));
    assert_eq!(
        result.model(ModelKind::Pop).unwrap().monthly_profit,
        expected.pop.unwrap().monthly_profit
    );
    // The override prices the default 350 g parcel: without it, the profit differs.
    let plain = compare(&with(&base, "return_rate_pct", json!("10")));
    assert_ne!(
        result.model(ModelKind::Pop).unwrap().monthly_profit,
        plain.pop.unwrap().monthly_profit
    );
    let _: Value = base;
}

#[test]
fn nothing_panics_on_odd_input() {
    for text in [
        "\"",
        "\"\"\"",
        ",,,\n,,,",
        "a\n\"b",
        "Name\n\"",
        "\u{feff}",
        "Name;Price\n\"x;\"\"\n",
        "Name,Price\n\u{a0}\u{202f},%\n",
        "Price\n1,2,3,4,5,6\n",
        "Price\n\"-\"\n",
    ] {
        let file = read_csv(text);
        for row in &file.rows {
            let result = compute(&json!([]), &file, row, Some(dec("-50")));
            let _ = results_csv_row(&result, Some(dec("-50")));
        }
    }
}

/// A `destinations` column (issue #15, item 6): each row's market mix, `ES:60|US:40`, read with the
/// calculator's grammar and errors; a row's mix replaces the calculator's market and a row's
/// market the calculator's mix; bad cells are named by row and column; each good row's figures
/// are exactly those of the same scenario compared directly.
#[test]
fn a_destinations_column_sets_each_rows_market_mix() {
    let text = "Name;Unit cost;Weight (g);Category;Price;Units;Markets\n\
                Mix;25;350;home;12,99;400;ES:60|US:40\n\
                Decimal shares;25;350;home;12,99;400;ES:62,5|FR:37,5\n\
                One code;25;350;home;12,99;400;us\n\
                Calculator's;25;350;home;12,99;400;\n\
                Short;25;350;home;12,99;400;ES:60|US:30\n\
                Unknown;25;350;home;12,99;400;ES:50|XX:50\n\
                Twice;25;350;home;12,99;400;ES:50|ES:50\n\
                No share;25;350;home;12,99;400;ES:60|US\n\
                Letters;25;350;home;12,99;400;ES:sixty|US:40\n";
    let file = read_csv(text);
    assert_eq!(file.columns[6].kind, field("destinations"));
    assert!(missing_only(&file), "{:?}", file.problems);
    let base = json!({ "destination": "FR" });
    let result = |i: usize| compute(&base, &file, &file.rows[i], None);
    let direct = |scenario: Value| {
        let scenario = with(
            &with(&scenario, "product.unit_cost", json!("25")),
            "pop.price",
            json!("12.99"),
        );
        let scenario = with(
            &with(&scenario, "product.weight_g", json!("350")),
            "monthly_units",
            json!("400"),
        );
        compare(&with(&scenario, "product.category", json!("home")))
    };
    let mix = |markets: &[(&str, &str)]| json!({ "destinations": markets.iter().map(|(id, share)| json!({ "id": id, "share_pct": share })).collect::<Vec<_>>() });
    let cases = [
        (0, mix(&[("ES", "60"), ("US", "40")])),
        (1, mix(&[("ES", "62.5"), ("FR", "37.5")])),
        (2, json!({ "destination": "US" })),
        (3, json!({ "destination": "FR" })),
    ];
    for (i, scenario) in cases {
        let row = result(i);
        assert!(row.ok(), "row {}: {:?}", row.line, row.errors);
        let expected = direct(scenario);
        for kind in ModelKind::ALL {
            let m = expected.model(kind).expect("computed");
            let got = row.model(kind).expect("computed");
            assert_eq!(
                got.monthly_profit,
                m.monthly_profit,
                "row {} {}",
                row.line,
                kind.id()
            );
        }
    }
    // By hand (docs/model.md, Example 4): POP's 60/40 Spain/US monthly profit is −2.095936.
    assert_eq!(
        result(0).model(ModelKind::Pop).map(|m| m.monthly_profit),
        Some(dec("-2.095936"))
    );
    // A base mix is replaced by a row's one market, and kept for a row without one.
    let mixed_base = mix(&[("ES", "50"), ("US", "50")]);
    assert!(compute(&mixed_base, &file, &file.rows[2], None).ok());
    let kept = compute(&mixed_base, &file, &file.rows[3], None);
    assert_eq!(
        kept.model(ModelKind::Pop).map(|m| m.monthly_profit),
        direct(mixed_base.clone())
            .model(ModelKind::Pop)
            .map(|m| m.monthly_profit)
    );
    // Bad cells: the error at the mix's column, with the calculator's codes and fields.
    let bad = [
        (4, "destinations", ErrorCode::Inconsistent),
        (5, "destinations[1].id", ErrorCode::UnknownValue),
        (6, "destinations[1].id", ErrorCode::Inconsistent),
        (7, "destinations[1].share_pct", ErrorCode::Required),
        (8, "destinations[0].share_pct", ErrorCode::NotANumber),
    ];
    for (i, path, code) in bad {
        let row = result(i);
        assert_eq!(row.errors.len(), 1, "row {}: {:?}", row.line, row.errors);
        assert_eq!(row.errors[0].column, Some(6), "row {}", row.line);
        assert_eq!(row.errors[0].error.path(), path, "row {}", row.line);
        assert_eq!(row.errors[0].error.code(), code, "row {}", row.line);
        assert!(!row.included());
    }
    // A row with both a market and a mix: the calculator's error, at the destination's column.
    let both = read_csv("Name,Destination,destinations\nBoth,ES,ES:60|US:40\n");
    let row = compute(&json!({}), &both, &both.rows[0], None);
    assert_eq!(row.errors.len(), 1, "{:?}", row.errors);
    assert_eq!(row.errors[0].column, Some(1));
    assert_eq!(row.errors[0].error.path(), "destination");
    // Bounded: a huge cell is one error, not a huge list.
    let huge = format!("Name,destinations\nHuge,{}\n", "ES:1|".repeat(400));
    let huge = read_csv(&huge);
    let row = compute(&json!({}), &huge, &huge.rows[0], None);
    assert_eq!(row.errors.len(), 1, "{:?}", row.errors);
    assert_eq!(row.errors[0].error.code(), ErrorCode::TooLong);
}
