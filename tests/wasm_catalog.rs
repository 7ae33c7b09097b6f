//! The catalog page in headless Chromium: paste rows, read the table and the totals, sort and
//! filter, fix a bad cell in place; estimated supply prices, warnings and the set of fees the
//! calculator uses; and the table's ordering logic on real engine results.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use sellercalc::catalog::table::{self, Show, Sort, SortKey};
use sellercalc::catalog::{saved, CatalogPage};
use sellercalc::i18n::{packs, Lang, STORAGE_KEY};
use sellercalc::storage::{AUTOSAVE_KEY, FORMAT_VERSION};
use sellercalc_engine::catalog::{compute_row, read_csv, SkuResult};
use sellercalc_engine::decimal::money_text;
use sellercalc_engine::{Decimal, ModelKind, ScenarioInput};
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

fn results() -> Vec<Rc<SkuResult>> {
    let file = read_csv(FILE);
    file.rows
        .iter()
        .map(|row| {
            Rc::new(compute_row(
                &sellercalc_engine::ScenarioInput::new(),
                &file,
                row,
                Some(Decimal::from(15)),
            ))
        })
        .collect()
}

fn names(results: &[Rc<SkuResult>], order: &[u32]) -> Vec<String> {
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

#[wasm_bindgen_test]
fn the_warnings_filter_shows_rows_with_a_warning() {
    let file = read_csv(ESTIMATES);
    let r: Vec<Rc<SkuResult>> = file
        .rows
        .iter()
        .map(|row| Rc::new(compute_row(&ScenarioInput::new(), &file, row, None)))
        .collect();
    assert_eq!(
        names(&r, &table::order(&r, Sort::default(), "", Show::Warnings)),
        ["Phone case", "Ceramic mug"]
    );
    assert_eq!(Show::from_value("warnings"), Show::Warnings);
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
    forget();
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

/// A row without a supply price (estimated: fully managed is best on the estimate), a row with a
/// fractional monthly volume, and a row with nothing to say.
const ESTIMATES: &str = "name,unit cost,packaging,weight,category,price,supply price,monthly units
Phone case,8,0.5,60,phone_accessories,4.99,,1000
Ceramic mug,25,1.5,350,home,12.99,45,12.5
Desk lamp,40,2,800,lighting,25,60,100
";

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

/// Forgets what an earlier test kept: the catalog, the calculator's autosave, the language.
fn forget() {
    saved::clear();
    let storage = local_storage();
    let _ = storage.remove_item(AUTOSAVE_KEY);
    let _ = storage.remove_item(STORAGE_KEY);
}

/// Mounts the catalog page and compares `csv` pasted into it.
async fn catalog_with(csv: &str) -> Element {
    let root = mount();
    yew::Renderer::<CatalogPage>::with_root(root.clone()).render();
    settle().await;
    let area: HtmlTextAreaElement = find(&root, "#catalog-paste")
        .expect("the paste box")
        .dyn_into()
        .expect("a textarea");
    area.set_value(csv);
    fire(&area, "input");
    click(&root, "catalog-compare-pasted");
    until_done(&root).await;
    root
}

/// The table row of the product called `name`.
fn row(root: &Element, name: &str) -> Element {
    let rows = root
        .query_selector_all("[data-testid=\"catalog-row\"]")
        .expect("rows");
    (0..rows.length())
        .filter_map(|i| rows.item(i)?.dyn_into::<Element>().ok())
        .find(|tr| {
            tr.query_selector("th")
                .ok()
                .flatten()
                .and_then(|th| th.first_child())
                .and_then(|n| n.text_content())
                .is_some_and(|t| t.trim() == name)
        })
        .unwrap_or_else(|| panic!("no row {name}"))
}

/// The texts of a row's warnings, and of its cells (after the name).
fn warnings_and_cells(tr: &Element) -> (Vec<String>, Vec<String>) {
    let all = |selector: &str| {
        let list = tr.query_selector_all(selector).expect("a selector");
        (0..list.length())
            .filter_map(|i| list.item(i)?.text_content())
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
    };
    (all("[data-testid=\"row-warnings\"] li"), all("td"))
}

/// "¥1,234.56" or "-¥1,234.56" (with anything after it) as the engine writes money: "1234.56".
fn plain_money(text: &str) -> String {
    let negative = text.trim_start().starts_with(['-', '−']);
    let digits: String = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if negative {
        format!("-{digits}")
    } else {
        digits
    }
}

#[wasm_bindgen_test]
async fn estimated_supply_prices_and_warnings_are_marked_on_the_rows_and_in_the_totals() {
    forget();
    let root = catalog_with(ESTIMATES).await;
    let (warnings, cells) = warnings_and_cells(&row(&root, "Phone case"));
    assert_eq!(
        warnings,
        ["⚠ Warning: Supply price estimated: ¥17.96, 50% of the retail price."]
    );
    // Row, POP, semi-managed, fully managed, the best way, its lead: fully managed rests on the
    // estimate, and so do the best way and the lead (fully managed is best).
    assert!(!cells[1].contains("est."), "{cells:?}");
    assert!(!cells[2].contains("est."), "{cells:?}");
    assert!(
        cells[3].ends_with("est.Estimated: enter the price AliExpress offers you."),
        "{cells:?}"
    );
    assert!(cells[4].starts_with("★ Fully managed est."), "{cells:?}");
    assert!(cells[5].contains("est."), "{cells:?}");
    let mark = find(&row(&root, "Phone case"), "td .est").expect("the mark");
    assert_eq!(
        mark.get_attribute("title").as_deref(),
        Some("Estimated: enter the price AliExpress offers you.")
    );

    let (warnings, cells) = warnings_and_cells(&row(&root, "Ceramic mug"));
    assert_eq!(
        warnings,
        ["⚠ Warning: Monthly units has a fraction: it is used as entered."]
    );
    assert!(cells.iter().all(|c| !c.contains("est.")), "{cells:?}");
    let (warnings, _) = warnings_and_cells(&row(&root, "Desk lamp"));
    assert!(warnings.is_empty());

    assert!(text(&root, "catalog-estimated").starts_with(
        "⚠ 1 of 3 products have no supply price, so their fully managed figures, marked “est.”"
    ));
    assert!(text(&root, "catalog-estimated")
        .ends_with("Fully managed comes out best for 1 of them, on that estimate: check their supply prices before you decide."));
    assert!(text(&root, "total-full").contains("1 of 3 at an estimated supply price"));
    assert!(!text(&root, "total-pop").contains("est."));
    assert_eq!(
        text(&root, "catalog-policy"),
        "AliExpress fees as of Aug 1, 2025"
    );
    forget();
}

#[wasm_bindgen_test]
async fn the_estimate_and_the_warnings_read_in_chinese() {
    forget();
    let pack = packs::from_json(Lang::ZhCn, include_str!("../static/i18n/zh-CN.json"))
        .expect("the Chinese pack");
    packs::install(Lang::ZhCn, pack);
    local_storage()
        .set_item(STORAGE_KEY, "zh-CN")
        .expect("stored");
    let root = catalog_with(ESTIMATES).await;
    let (warnings, cells) = warnings_and_cells(&row(&root, "Phone case"));
    assert_eq!(
        warnings,
        ["⚠ 注意：供货价为估算值：¥17.96，即零售价的50%。"]
    );
    assert!(
        cells[3].ends_with("估算估算值：请填写速卖通给您的报价。"),
        "{cells:?}"
    );
    let (warnings, _) = warnings_and_cells(&row(&root, "Ceramic mug"));
    assert_eq!(warnings, ["⚠ 注意：月销量含小数：按输入值计算。"]);
    assert!(text(&root, "catalog-estimated").starts_with(
        "⚠ 3个商品中有1个没有供货价，全托管对它们使用估算值（零售价的一定比例），并标注“估算”。"
    ));
    assert_eq!(
        text(&root, "catalog-policy"),
        "速卖通费用（2025年8月1日 起）"
    );
    forget();
}

#[wasm_bindgen_test]
async fn the_catalog_uses_the_set_of_fees_the_calculator_uses() {
    forget();
    // The calculator's scenario, as it keeps it in this browser, names the 2024 fees.
    let autosave = format!(
        r#"{{"version":{FORMAT_VERSION},"saved_at":"2026-12-01T00:00:00Z","current":{{"form":{{}},"assumptions":{{}},"policy":"aliexpress-2024"}},"pinned":null}}"#
    );
    local_storage()
        .set_item(AUTOSAVE_KEY, &autosave)
        .expect("stored");
    let lamp = "name,unit cost,packaging,weight,category,price,supply price,monthly units
Desk lamp,40,2,800,lighting,25,60,100
";
    let root = catalog_with(lamp).await;
    assert_eq!(
        text(&root, "catalog-policy"),
        "These figures use AliExpress's fees as of Jan 1, 2024; the newest are as of Aug 1, 2025."
    );
    let select: web_sys::HtmlSelectElement = find(&root, "#catalog-policy")
        .expect("the fees selector")
        .dyn_into()
        .expect("a select");
    assert_eq!(select.value(), "aliexpress-2024");
    // The row's figures are the engine's under the 2024 set, which differ from the newest's.
    let file = read_csv(lamp);
    let under = |policy: &str| {
        let mut base = ScenarioInput::new();
        base.policy = Some(Ok(policy.to_owned()));
        let result = compute_row(&base, &file, &file.rows[0], None);
        ModelKind::ALL.map(|k| money_text(result.model(k).expect("computed").monthly_profit))
    };
    let (_, cells) = warnings_and_cells(&row(&root, "Desk lamp"));
    let shown: Vec<String> = cells[1..4].iter().map(|c| plain_money(c)).collect();
    assert_eq!(shown, under("aliexpress-2024"));
    assert_ne!(under("aliexpress-2024"), under("aliexpress-2025-08"));

    // Picking the newest set on the catalog page computes the rows again under it.
    select.set_value("aliexpress-2025-08");
    fire(&select, "change");
    until_done(&root).await;
    settle().await;
    assert_eq!(
        text(&root, "catalog-policy-note"),
        "The calculator uses the fees as of Jan 1, 2024."
    );
    let (_, cells) = warnings_and_cells(&row(&root, "Desk lamp"));
    let shown: Vec<String> = cells[1..4].iter().map(|c| plain_money(c)).collect();
    assert_eq!(shown, under("aliexpress-2025-08"));
    forget();
}
