//! Writes the language packs, `static/i18n/<lang>.json`, from the Rust tables (see
//! `sellercalc::i18n::packs`), and the texts of index.html's static notice for a stopped page. Run natively after changing any non-English string:
//!
//!     cargo run --bin i18n_packs
//!
//! A unit test fails while a pack is out of date.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use sellercalc::i18n::{packs, Lang};

    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("static/i18n");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("i18n_packs: cannot create {}: {e}", dir.display());
        std::process::exit(1);
    }
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let file = dir.join(format!("{}.json", lang.code()));
        match std::fs::write(&file, packs::to_json(lang)) {
            Ok(()) => println!("wrote {}", file.display()),
            Err(e) => {
                eprintln!("i18n_packs: cannot write {}: {e}", file.display());
                std::process::exit(1);
            }
        }
    }
    // index.html's static notice for a stopped page carries its own copy of its two texts.
    let index = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html");
    let updated = std::fs::read_to_string(&index)
        .ok()
        .and_then(|html| sellercalc::i18n::share::with_crash_texts(&html));
    match updated.map(|html| std::fs::write(&index, html)) {
        Some(Ok(())) => println!("wrote {} (the stopped notice's texts)", index.display()),
        _ => {
            eprintln!("i18n_packs: cannot update {}", index.display());
            std::process::exit(1);
        }
    }
}

/// Nothing to do in the browser: the packs are written natively.
#[cfg(target_arch = "wasm32")]
fn main() {}
