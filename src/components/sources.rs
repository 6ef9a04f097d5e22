//! "Source: …" lines: the core's source keys as links to the documents they stand for.

use er_core::{citations, split_cited, Citation};
use leptos::prelude::*;

/// "Source: <title (publisher)>, …" for a source string such as `"[WF] [PS-LINK] [inferred]"`:
/// each key a link to its document, an `[inferred…]` marker a sentence saying so.
#[component]
pub fn Sources(
    /// The core's source string.
    #[prop(into)]
    cited: String,
) -> impl IntoView {
    let all = citations(&cited);
    let mut links = Vec::new();
    let mut notes = Vec::new();
    for c in &all {
        match *c {
            Citation::Document {
                title,
                publisher,
                url,
                ..
            } => links.push((format!("{title} ({})", publisher.label()), url)),
            // A key missing from the table (a test keeps the code free of them): its name only.
            Citation::Unlisted(key) => links.push((key.to_string(), "")),
            Citation::Inferred(_) => notes.extend(c.inferred_note()),
        }
    }
    let count = links.len();
    view! {
        <p class="source">
            {if count > 1 { "Sources: " } else { "Source: " }}
            {links.into_iter().enumerate().map(|(i, (text, url))| {
                let sep = if i + 1 < count { ", " } else if notes.is_empty() { "" } else { ". " };
                let link = if url.is_empty() {
                    view! { <span>{text}</span> }.into_any()
                } else {
                    view! { <a href=url rel="noopener noreferrer">{text}</a> }.into_any()
                };
                view! { {link}{sep} }
            }).collect_view()}
            {notes.join(" ")}
        </p>
    }
}

/// A sentence that ends with its source keys, as the import diagnosis words it: the sentence,
/// then its sources as links.
#[component]
pub fn CitedText(
    /// The sentence with its trailing source keys.
    #[prop(into)]
    text: String,
) -> impl IntoView {
    let (body, cited) = split_cited(&text);
    let sources = (!cited.is_empty()).then(|| view! { <Sources cited=cited.to_string()/> });
    view! { {body.to_string()}{sources} }
}
