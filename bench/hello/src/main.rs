//! The floor for scripts/bench.sh: a minimal Yew 0.23 app. It renders a greeting and one text
//! input that updates it, so the benchmark can time "keystroke to updated text" and memory after
//! 1,000 edits on the floor too, not only the first load.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[function_component]
fn App() -> Html {
    let name = use_state(|| "world".to_owned());
    let oninput = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            name.set(input.value());
        })
    };
    html! {
        <main>
            <h1 data-testid="hello">{ "Hello, " }{ (*name).clone() }{ "!" }</h1>
            <input id="in-hello" type="text" value={(*name).clone()} {oninput} />
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
