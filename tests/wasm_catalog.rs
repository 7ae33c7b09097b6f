//! The catalog page in headless Chromium: paste rows, read the table and the totals, sort and
//! filter, fix a bad cell in place; and the table's ordering logic on real engine results.
#![cfg(target_arch = "wasm32")]

use sellercalc::catalog::table::{self, Show, Sort, SortKey};
use sellercalc::catalog::CatalogPage;
use sellercalc_engine::catalog::{compute_row, read_csv, SkuResult};
use sellercalc_engine::{Decimal, ModelKind};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};

mod dom;

use dom::{click, find, fire, mount, sleep_ms, text};

wasm_bindgen_test_configure!(run_in_browser);

const FILE: &str = "name,unit cost,packaging,weight,category,price,supply price,monthly units
Desk lamp,40,2,800,lighting,25,60,100
Broken cost,abc,2,800,lighting,25,60,100
Phone case,3,0.5,40,phone_accessories,6.99,12,900
Yoga mat,30,1,900,sports,20,45,200
";

fn results() -> Vec<SkuResult> {
    let file = read_csv(FILE);
    file.rows
        .iter()
        .map(|row| {
            compute_row(
                &sellercalc_engine::ScenarioInput::new(),
                &file,
                row,
                Some(Decimal::from(15)),
            )
        })
        .collect()
}

fn names(results: &[SkuResult], order: &[u32]) -> Vec<String> {
    order
        .iter()
        .map(|&i| results[i as usize].name.clone())
        .collect()
}

#[wasm_bindgen_test]
fn sorting_puts_rows_without_the_figure_last_both_ways() {
    let r = results();
    let by_pop = Sort {
        key: SortKey::Profit(ModelKind::Pop),
        descending: true,
    };
    let order = table::order(&r, by_pop, "", Show::All);
    assert_eq!(order.len(), 4);
    // The row whose unit cost is not a number has no POP figure: last, whichever the direction.
    assert_eq!(
        names(&r, &order).last().map(String::as_str),
        Some("Broken cost")
    );
    let pop = |i: u32| {
        r[i as usize]
            .model(ModelKind::Pop)
            .map(|m| m.monthly_profit)
    };
    assert!(order.windows(2).take(2).all(|w| pop(w[0]) >= pop(w[1])));
    let ascending = table::order(&r, by_pop.clicked(by_pop.key), "", Show::All);
    assert_eq!(
        names(&r, &ascending).last().map(String::as_str),
        Some("Broken cost")
    );
    assert!(ascending.windows(2).take(2).all(|w| pop(w[0]) <= pop(w[1])));
}

#[wasm_bindgen_test]
fn filters_by_name_best_model_and_problems() {
    let r = results();
    let sort = Sort::default();
    assert_eq!(
        names(&r, &table::order(&r, sort, "  LAMP ", Show::All)),
        ["Desk lamp"]
    );
    assert_eq!(
        names(&r, &table::order(&r, sort, "", Show::Problems)),
        ["Broken cost"]
    );
    let all: usize = ModelKind::ALL
        .into_iter()
        .map(|k| table::order(&r, sort, "", Show::Best(k)).len())
        .sum();
    assert_eq!(
        all, 3,
        "each computed row has one best model; the broken one none"
    );
    assert_eq!(Show::from_value("semi"), Show::Best(ModelKind::Semi));
    assert_eq!(Show::from_value("nonsense"), Show::All);
    assert_eq!(table::pages(0), 1);
    assert_eq!(table::pages(50), 1);
    assert_eq!(table::pages(51), 2);
}

async fn settle() {
    sleep_ms(50).await;
}

async fn until_done(root: &Element) {
    for _ in 0..100 {
        if find(root, "[data-testid=\"catalog-done\"]").is_some() {
            return;
        }
        settle().await;
    }
    panic!("the catalog was not computed");
}

#[wasm_bindgen_test]
async fn pasted_rows_are_compared_and_a_bad_cell_is_fixed_in_place() {
    let root = mount();
    yew::Renderer::<CatalogPage>::with_root(root.clone()).render();
    settle().await;
    assert!(text(&root, "catalog-empty").contains("No products yet"));

    let area: HtmlTextAreaElement = find(&root, "#catalog-paste")
        .expect("the paste box")
        .dyn_into()
        .expect("a textarea");
    area.set_value(FILE);
    fire(&area, "input");
    click(&root, "catalog-compare-pasted");
    until_done(&root).await;
    assert_eq!(text(&root, "catalog-done"), "4 products compared.");
    assert_eq!(
        root.query_selector_all("[data-testid=\"catalog-row\"]")
            .expect("rows")
            .length(),
        4
    );
    assert!(text(&root, "catalog-bad-rows").contains("1 row needs a fix"));
    assert!(text(&root, "catalog-excluded").starts_with('1'));

    // Sorting by name puts "Broken cost" first.
    click(&root, "sort-name");
    settle().await;
    let first = find(&root, "[data-testid=\"catalog-row\"] th")
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(first.starts_with("Broken cost"), "{first}");

    // Fix the unit cost: the row joins the totals and leaves the list of problems.
    let input: HtmlInputElement = find(&root, "[data-testid=\"fix-3-1\"]")
        .expect("the cell's input")
        .dyn_into()
        .expect("an input");
    assert_eq!(input.value(), "abc");
    input.set_value("35");
    fire(&input, "change");
    settle().await;
    assert!(find(&root, "[data-testid=\"catalog-bad-rows\"]").is_none());
    assert!(find(&root, "[data-testid=\"catalog-excluded\"]").is_none());
    assert_eq!(
        text(&root, "catalog-status"),
        "Row 3 is fixed and included again."
    );
}
