//! The smallest Yew page: what any Yew page costs to start, for comparing zipin against.
use yew::prelude::*;

#[function_component]
fn Hello() -> Html {
    html! { <p id="hello" data-testid="total-score">{"你好"}</p> }
}

fn main() {
    yew::Renderer::<Hello>::new().render();
}
