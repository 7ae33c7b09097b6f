//! Entry point of the page that Trunk builds.

fn main() {
    sellercalc::start();
}
