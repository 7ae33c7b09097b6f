//! The catalog as a whole: what it earns a month if every SKU were sold one way, if each SKU
//! were sold its best way, and which SKUs make the difference. Built row by row in bounded memory.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use rust_decimal::Decimal;

use super::compute::SkuResult;
use crate::scenario::ModelKind;

/// A SKU that gains most from leaving one model for its best one.
#[derive(Clone, Debug, PartialEq)]
pub struct Driver {
    /// The index passed to [`PortfolioBuilder::add`].
    pub index: usize,
    /// Its row number in the file.
    pub line: usize,
    /// Its name (may be empty).
    pub name: String,
    /// Its best model.
    pub best: ModelKind,
    /// Best monthly profit − this model's monthly profit (cost currency), more than 0.
    pub gain: Decimal,
    /// Whether the gain rests on the estimated supply price: the SKU gave none and one of the
    /// two models compared is fully managed.
    pub estimated: bool,
}

/// Portfolio totals over the included SKUs (those with all three models computed).
#[derive(Clone, Debug, PartialEq)]
pub struct Portfolio {
    /// Rows with all three models computed.
    pub included: usize,
    /// The other rows (bad rows), left out of every figure.
    pub excluded: usize,
    /// Included rows whose fully managed figures rest on the estimated supply price (the row
    /// gave none).
    pub estimated: usize,
    /// Included rows whose best model is fully managed at an estimated supply price: the part
    /// of [`Portfolio::best_per_sku`] that rests on estimates.
    pub best_estimated: usize,
    /// Monthly profit if every included SKU were sold as POP / semi-managed / fully managed.
    pub totals: [Decimal; 3],
    /// The sum of each included SKU's best model's monthly profit.
    pub best_per_sku: Decimal,
    /// How many SKUs each model is best for.
    pub best_counts: [usize; 3],
    /// The model with the highest total (ties: POP, semi-managed, fully managed); `None` when
    /// nothing was included.
    pub best_uniform: Option<ModelKind>,
    /// For each model k: up to `top_n` SKUs with the largest positive gain (best profit − k's
    /// profit), largest first, ties by index.
    pub drivers: [Vec<Driver>; 3],
}

/// A driver in a heap whose top is the one to drop first: the smallest gain, then the largest
/// index.
#[derive(Debug)]
struct Ranked(Driver);

impl Ranked {
    /// Ascending order of preference: `a < b` when `a` ranks before `b` in the list.
    fn key_cmp(&self, other: &Self) -> Ordering {
        other
            .0
            .gain
            .cmp(&self.0.gain)
            .then(self.0.index.cmp(&other.0.index))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.key_cmp(other) == Ordering::Equal
    }
}
impl Eq for Ranked {}
impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ranked {
    /// Max-heap order: the greatest is the worst-ranked driver.
    fn cmp(&self, other: &Self) -> Ordering {
        self.key_cmp(other)
    }
}

/// Builds a [`Portfolio`] from results added one at a time. Keeps only `top_n` drivers per model,
/// so memory does not grow with the number of rows.
#[derive(Debug)]
pub struct PortfolioBuilder {
    top_n: usize,
    included: usize,
    excluded: usize,
    estimated: usize,
    best_estimated: usize,
    totals: [Decimal; 3],
    best_per_sku: Decimal,
    best_counts: [usize; 3],
    drivers: [BinaryHeap<Ranked>; 3],
}

impl PortfolioBuilder {
    /// A builder keeping the `top_n` largest gains per model.
    pub fn new(top_n: usize) -> Self {
        PortfolioBuilder {
            top_n,
            included: 0,
            excluded: 0,
            estimated: 0,
            best_estimated: 0,
            totals: [Decimal::ZERO; 3],
            best_per_sku: Decimal::ZERO,
            best_counts: [0; 3],
            drivers: [BinaryHeap::new(), BinaryHeap::new(), BinaryHeap::new()],
        }
    }

    /// Adds one row's result; `index` identifies it in [`Driver::index`] (usually its position in
    /// the file's rows). Sums saturate at the largest decimal instead of overflowing.
    pub fn add(&mut self, index_in_file: usize, result: &SkuResult) {
        let profits = [ModelKind::Pop, ModelKind::Semi, ModelKind::Full]
            .map(|kind| result.model(kind).map(|m| m.monthly_profit));
        let [Some(pop), Some(semi), Some(full)] = profits else {
            self.excluded += 1;
            return;
        };
        let profits = [pop, semi, full];
        // The result's own ranking when it has one; otherwise the same rule (ties: POP, semi,
        // full).
        let best = result.best.unwrap_or_else(|| {
            let mut best = ModelKind::Pop;
            for kind in ModelKind::ALL {
                if profits[kind.index()] > profits[best.index()] {
                    best = kind;
                }
            }
            best
        });
        let best_profit = profits[best.index()];
        self.included += 1;
        if result.supply_estimated {
            self.estimated += 1;
            if best == ModelKind::Full {
                self.best_estimated += 1;
            }
        }
        self.best_counts[best.index()] += 1;
        self.best_per_sku = self.best_per_sku.saturating_add(best_profit);
        for kind in ModelKind::ALL {
            let k = kind.index();
            self.totals[k] = self.totals[k].saturating_add(profits[k]);
            let gain = best_profit.saturating_sub(profits[k]);
            if gain <= Decimal::ZERO || self.top_n == 0 {
                continue;
            }
            let heap = &mut self.drivers[k];
            if heap.len() == self.top_n {
                // Full: replace the worst only if this one ranks before it.
                let worse = heap.peek().is_some_and(|worst| {
                    gain > worst.0.gain || (gain == worst.0.gain && index_in_file < worst.0.index)
                });
                if !worse {
                    continue;
                }
                heap.pop();
            }
            heap.push(Ranked(Driver {
                index: index_in_file,
                line: result.line,
                name: result.name.clone(),
                best,
                gain,
                estimated: result.supply_estimated
                    && (best == ModelKind::Full || kind == ModelKind::Full),
            }));
        }
    }

    /// The portfolio.
    pub fn finish(self) -> Portfolio {
        let mut best_uniform = None;
        if self.included > 0 {
            let mut best = ModelKind::Pop;
            for kind in ModelKind::ALL {
                if self.totals[kind.index()] > self.totals[best.index()] {
                    best = kind;
                }
            }
            best_uniform = Some(best);
        }
        let drivers = self.drivers.map(|heap| {
            // Ascending heap order is best-ranked first.
            heap.into_sorted_vec().into_iter().map(|r| r.0).collect()
        });
        Portfolio {
            included: self.included,
            excluded: self.excluded,
            estimated: self.estimated,
            best_estimated: self.best_estimated,
            totals: self.totals,
            best_per_sku: self.best_per_sku,
            best_counts: self.best_counts,
            best_uniform,
            drivers,
        }
    }
}
