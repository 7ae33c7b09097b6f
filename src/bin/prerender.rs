//! Writes the calculator's first screen, rendered with Yew's `ServerRenderer`, into a built
//! index.html (`sellercalc::prerender`). Trunk runs it after every build (scripts/post-build.sh):
//!
//!     cargo run --bin prerender -- dist/index.html

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use sellercalc::prerender;

    let Some(file) = std::env::args().nth(1) else {
        eprintln!("usage: prerender <index.html>");
        std::process::exit(2);
    };
    let fail = |why: String| -> ! {
        eprintln!("prerender: {why}");
        std::process::exit(1);
    };
    let index = std::fs::read_to_string(&file).unwrap_or_else(|e| fail(format!("{file}: {e}")));
    let page = prerender::picture(&prerender::first_screen());
    let Some(out) = prerender::insert(&index, &page) else {
        fail(format!(
            "{file} has no empty <div id=\"{}\"> to prerender into",
            prerender::ROOT_ID
        ));
    };
    std::fs::write(&file, out).unwrap_or_else(|e| fail(format!("{file}: {e}")));
    println!(
        "prerender: the first screen ({} bytes of HTML) written into {file}",
        page.len()
    );
}

// The page itself is the wasm; this tool runs natively only.
#[cfg(target_arch = "wasm32")]
fn main() {}
