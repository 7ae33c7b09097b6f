//! Entry point of the catalog page (`catalog/index.html`), a separate Trunk build so that the
//! calculator's first load does not carry it.

fn main() {
    sellercalc::catalog::start();
}
