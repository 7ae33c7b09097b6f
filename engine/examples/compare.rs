//! Prints the comparison for a scenario read from standard input as JSON (`{}` for the defaults).
//!
//! `echo '{"semi":{"mode":"jit"}}' | cargo run -p sellercalc-engine --example compare`

use std::io::Read;

fn main() {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("could not read standard input");
        std::process::exit(2);
    }
    let input: serde_json::Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        Err(e) => {
            eprintln!("not JSON: {e}");
            std::process::exit(2);
        }
    };
    let comparison = sellercalc_engine::compare(&input);
    match serde_json::to_string_pretty(&comparison) {
        Ok(json) => println!("{json}"),
        Err(e) => eprintln!("{e}"),
    }
}
