//! The same document changed in another tab: say so, and let the user choose which version
//! stays, instead of one tab silently overwriting the other.

use yew::prelude::*;

use crate::i18n::{Lang, T};

#[derive(Properties, PartialEq)]
pub struct ConflictBannerProps {
    /// Take the other tab's version.
    pub on_load: Callback<()>,
    /// Keep this tab's version (and write it over the other's).
    pub on_keep: Callback<()>,
}

#[function_component]
pub fn ConflictBanner(props: &ConflictBannerProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let (load, keep) = (props.on_load.clone(), props.on_keep.clone());
    html! {
        <div class="conflict" role="alert" data-testid="conflict">
            {T::Conflict.text(lang)}
            <button type="button" data-testid="conflict-load" onclick={Callback::from(move |_| load.emit(()))}>{T::ConflictLoad.text(lang)}</button>
            <button type="button" data-testid="conflict-keep" onclick={Callback::from(move |_| keep.emit(()))}>{T::ConflictKeep.text(lang)}</button>
        </div>
    }
}
