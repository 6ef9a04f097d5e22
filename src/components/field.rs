//! Form fields with a real `<label>`, an optional hint, and an inline error wired with
//! `aria-invalid` and `aria-describedby`. Values are never cleared by validation.

use leptos::prelude::*;

fn describedby(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if has_hint {
        ids.push(format!("{id}-hint"));
    }
    if has_error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

#[component]
fn FieldShell(
    id: String,
    label: String,
    hint: Option<String>,
    error: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_view = hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> });
    view! {
        <div class=move || if error.get().is_some() { "field field-error" } else { "field" }>
            <label for=id.clone()>{label}</label>
            {hint_view}
            {move || error.get().map(|e| view! {
                <p class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">"Error: "</span>{e}
                </p>
            })}
            {children()}
        </div>
    }
}

/// A single-line text input.
#[component]
pub fn TextField(
    /// The input's id (also its name); the error summary links to it.
    #[prop(into)]
    id: String,
    /// The visible label, in the Azure portal's words.
    #[prop(into)]
    label: String,
    /// Help shown under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The value, kept as typed.
    value: RwSignal<String>,
    /// The inline error, if validation failed.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// `inputmode` for on-screen keyboards ("numeric" for ASNs and VLANs).
    #[prop(optional, into)]
    inputmode: Option<String>,
    /// Extra CSS class for width.
    #[prop(optional, into)]
    width: Option<String>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional, into)]
    list: Option<String>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let input_id = id.clone();
    let db_id = id.clone();
    view! {
        <FieldShell id=id label=label hint=hint error=error>
            <input
                type="text"
                id=input_id.clone()
                name=input_id
                class=width.unwrap_or_else(|| "input".into())
                inputmode=inputmode
                list=list
                autocomplete="off"
                spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || describedby(&db_id, has_hint, error.get().is_some())
            />
        </FieldShell>
    }
}

/// A multi-line text input (lists of prefixes).
#[component]
pub fn TextAreaField(
    /// The textarea's id.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Help shown under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The value, kept as typed.
    value: RwSignal<String>,
    /// The inline error.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let input_id = id.clone();
    let db_id = id.clone();
    view! {
        <FieldShell id=id label=label hint=hint error=error>
            <textarea
                id=input_id.clone()
                name=input_id
                rows="3"
                spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || describedby(&db_id, has_hint, error.get().is_some())
            ></textarea>
        </FieldShell>
    }
}

/// A `<select>`; `options` are (value, text) pairs.
#[component]
pub fn SelectField(
    /// The select's id.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Help shown under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The options as (value, visible text).
    options: Vec<(String, String)>,
    /// The selected value.
    value: RwSignal<String>,
    /// The inline error.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    let input_id = id.clone();
    let db_id = id.clone();
    view! {
        <FieldShell id=id label=label hint=hint error=error>
            <select
                id=input_id.clone()
                name=input_id
                on:change=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || describedby(&db_id, has_hint, error.get().is_some())
            >
                {options
                    .into_iter()
                    .map(|(v, text)| {
                        let v2 = v.clone();
                        view! { <option value=v selected=move || value.get() == v2>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </FieldShell>
    }
}

/// A group of radio buttons in a `<fieldset>` with a `<legend>`; `options` are (value, text, hint).
#[component]
pub fn RadioGroup(
    /// Base id; each radio is `{id}-{value}`; the first radio is `{id}` so summaries can link to it.
    #[prop(into)]
    id: String,
    /// The legend.
    #[prop(into)]
    legend: String,
    /// The options as (value, visible text, hint).
    options: Vec<(String, String, String)>,
    /// The selected value.
    value: RwSignal<String>,
    /// The inline error.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let err_id2 = error_id.clone();
    view! {
        <div class=move || if error.get().is_some() { "field field-error" } else { "field" }>
            <fieldset
                class="radios"
                aria-describedby=move || error.get().is_some().then(|| err_id2.clone())
            >
                <legend>{legend}</legend>
                {move || error.get().map(|e| view! {
                    <p class="error-message" id=error_id.clone()>
                        <span class="visually-hidden">"Error: "</span>{e}
                    </p>
                })}
                {options
                    .into_iter()
                    .enumerate()
                    .map(|(i, (v, text, hint))| {
                        let rid = if i == 0 { id.clone() } else { format!("{id}-{v}") };
                        let hint_id = format!("{id}-{v}-hint");
                        let has_hint = !hint.is_empty();
                        let v_checked = v.clone();
                        let v_set = v.clone();
                        view! {
                            <div class="radio">
                                <input
                                    type="radio"
                                    id=rid.clone()
                                    name=id.clone()
                                    value=v
                                    prop:checked=move || value.get() == v_checked
                                    on:change=move |_| value.set(v_set.clone())
                                    aria-describedby=has_hint.then(|| hint_id.clone())
                                />
                                <label for=rid>{text}</label>
                                {has_hint.then(|| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </div>
    }
}

/// A checkbox with its label.
#[component]
pub fn CheckboxField(
    /// The checkbox's id.
    #[prop(into)]
    id: String,
    /// The label.
    #[prop(into)]
    label: String,
    /// Checked state, kept as "true"/"false" text like the other drafts.
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field checkbox">
            <input
                type="checkbox"
                id=id.clone()
                name=id.clone()
                prop:checked=move || value.get() == "true"
                on:change=move |ev| value.set(event_target_checked(&ev).to_string())
            />
            <label for=id>{label}</label>
        </div>
    }
}
