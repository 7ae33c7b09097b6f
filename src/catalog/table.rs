//! Which products the catalog table shows, and in what order: filtering and sorting over the
//! computed rows, by index, so that 100,000 rows are never cloned. Pure logic, no DOM.

use std::cmp::Ordering;
use std::rc::Rc;

use sellercalc_engine::catalog::SkuResult;
use sellercalc_engine::{Decimal, ModelKind};

/// Rows per page of the table.
pub const PAGE_SIZE: usize = 50;

/// A column the table sorts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// The row number in the file.
    Row,
    /// The product's name.
    Name,
    /// A model's monthly profit.
    Profit(ModelKind),
    /// The best model, in the page's model order.
    Best,
    /// How much the best model earns over the next, a month.
    Ahead,
    /// A model's break-even price.
    BreakEven(ModelKind),
    /// A model's price for the target margin.
    Target(ModelKind),
    /// The supply price that matches POP (0) or semi-managed (1).
    Match(usize),
}

impl SortKey {
    /// A stable id for test hooks and element ids.
    pub fn id(self) -> String {
        match self {
            SortKey::Row => "row".to_owned(),
            SortKey::Name => "name".to_owned(),
            SortKey::Profit(k) => format!("profit-{}", k.id()),
            SortKey::Best => "best".to_owned(),
            SortKey::Ahead => "ahead".to_owned(),
            SortKey::BreakEven(k) => format!("break-even-{}", k.id()),
            SortKey::Target(k) => format!("target-{}", k.id()),
            SortKey::Match(i) => format!("match-{i}"),
        }
    }

    /// The order a first click sorts in: figures largest first, names and rows A→Z / 1→n.
    pub fn starts_descending(self) -> bool {
        !matches!(self, SortKey::Row | SortKey::Name | SortKey::Best)
    }
}

/// The table's sort.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    /// The column.
    pub key: SortKey,
    /// Largest (or Z, or the last row) first.
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            key: SortKey::Row,
            descending: false,
        }
    }
}

impl Sort {
    /// The sort after a click on `key`'s header: the other direction when it is already sorted
    /// by `key`, else `key` in its natural first direction.
    pub fn clicked(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort {
                key,
                descending: !self.descending,
            }
        } else {
            Sort {
                key,
                descending: key.starts_descending(),
            }
        }
    }
}

/// Which rows the table shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Show {
    /// Every row.
    #[default]
    All,
    /// The rows a model is best for.
    Best(ModelKind),
    /// The rows with a problem.
    Problems,
    /// The rows with a warning (an estimated supply price among them).
    Warnings,
}

impl Show {
    /// The `<select>` value.
    pub fn value(self) -> &'static str {
        match self {
            Show::All => "all",
            Show::Best(k) => k.id(),
            Show::Problems => "problems",
            Show::Warnings => "warnings",
        }
    }

    /// From a `<select>` value; anything unknown shows every row.
    pub fn from_value(value: &str) -> Show {
        match value {
            "problems" => Show::Problems,
            "warnings" => Show::Warnings,
            _ => ModelKind::ALL
                .into_iter()
                .find(|k| k.id() == value)
                .map_or(Show::All, Show::Best),
        }
    }
}

/// The figure a row is sorted by; `None` when the row has none (sorted last either way).
pub fn figure(result: &SkuResult, key: SortKey) -> Option<Decimal> {
    let model = |k: ModelKind| result.models[k.index()].as_ref();
    match key {
        SortKey::Row => Some(Decimal::from(result.line)),
        SortKey::Name => None,
        SortKey::Profit(k) => model(k).map(|m| m.monthly_profit),
        SortKey::Best => result.best.map(|k| Decimal::from(k.index())),
        SortKey::Ahead => result.advantage,
        SortKey::BreakEven(k) => model(k).and_then(|m| m.break_even_price),
        SortKey::Target(k) => model(k).and_then(|m| m.target_price),
        SortKey::Match(i) => result.indifference.get(i).copied().flatten(),
    }
}

/// Whether a row passes the filter: its name contains `needle` (already lower-cased; empty
/// matches all) and it is one `show` asks for.
pub fn matches(result: &SkuResult, needle: &str, show: Show) -> bool {
    let shown = match show {
        Show::All => true,
        Show::Best(k) => result.best == Some(k),
        Show::Problems => !result.ok(),
        Show::Warnings => !result.warnings.is_empty(),
    };
    shown && (needle.is_empty() || result.name.to_lowercase().contains(needle))
}

/// The indices of the rows to show, filtered and sorted; ties keep file order.
pub fn order(results: &[Rc<SkuResult>], sort: Sort, filter: &str, show: Show) -> Vec<u32> {
    let needle = filter.trim().to_lowercase();
    if sort == Sort::default() && needle.is_empty() && show == Show::All {
        // File order, every row: nothing to sort (100,000 rows would take a noticeable moment).
        return (0..results.len())
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
    }
    let mut rows: Vec<u32> = (0..results.len())
        .filter(|&i| matches(&results[i], &needle, show))
        .filter_map(|i| u32::try_from(i).ok())
        .collect();
    let directed = |ordering: Ordering| {
        if sort.descending {
            ordering.reverse()
        } else {
            ordering
        }
    };
    match sort.key {
        SortKey::Name => {
            let names: Vec<String> = results.iter().map(|r| r.name.to_lowercase()).collect();
            rows.sort_by(|&a, &b| directed(names[a as usize].cmp(&names[b as usize])));
        }
        key => rows.sort_by(|&a, &b| {
            match (
                figure(&results[a as usize], key),
                figure(&results[b as usize], key),
            ) {
                (Some(x), Some(y)) => directed(x.cmp(&y)),
                // Rows without the figure go last, whichever the direction.
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }),
    }
    rows
}

/// The page count for `rows` rows (at least 1).
pub fn pages(rows: usize) -> usize {
    rows.div_ceil(PAGE_SIZE).max(1)
}
