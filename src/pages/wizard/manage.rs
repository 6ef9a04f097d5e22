//! Changes to a live circuit (bandwidth, SKU, billing model) and its end of life: deprovision,
//! re-enable, delete. Every choice is offered; the core accepts or explains the refusal.

use er_core::{Action, ActionKind, Circuit, Port, SkuFamily, SkuTier, PROVIDER_BANDWIDTHS_MBPS};
use leptos::prelude::*;

use crate::components::circuit_page::{act, ActionButton, FeedbackCtx, SimActions};
use crate::components::{DeleteConfirmation, SelectField, StateInfoPanel};
use crate::store::use_store;

/// The page.
#[component]
pub fn ManagePage(id: String, circuit: Memo<Option<Circuit>>) -> impl IntoView {
    move || {
        circuit
            .get()
            .map(|c| view! { <ManageBody id=id.clone() circuit=c/> })
    }
}

#[component]
fn ManageBody(id: String, circuit: Circuit) -> impl IntoView {
    let store = use_store();
    let fb = expect_context::<FeedbackCtx>();
    let c = circuit;
    let bandwidth = RwSignal::new(c.bandwidth_mbps().to_string());
    let tier = RwSignal::new(c.sku.tier.to_string());
    let family = RwSignal::new(c.sku.family.to_string());
    let bw_options: Vec<(String, String)> = match &c.port {
        Port::Provider { .. } => PROVIDER_BANDWIDTHS_MBPS
            .iter()
            .map(|m| (m.to_string(), er_core::limits::bandwidth_text(*m)))
            .collect(),
        Port::Direct { .. } => er_core::direct_bandwidths(&c)
            .iter()
            .map(|g| {
                (
                    (g * 1000).to_string(),
                    er_core::limits::bandwidth_text(g * 1000),
                )
            })
            .collect(),
    };
    let no_error = Signal::derive(|| None::<String>);
    let (id_bw, id_tier, id_fam) = (id.clone(), id.clone(), id.clone());
    let provider_actions = (!c.is_direct()).then(|| {
        let sim = vec![
            (Action::ProviderDeprovision, "Provider deprovisions"),
            (
                Action::ProviderCompleteDeprovisioning,
                "Provider completes deprovisioning",
            ),
            (Action::ReEnable, "Re-enable the circuit"),
        ];
        view! {
            <section class="simulation" aria-labelledby="eol-sim-title">
                <h3 id="eol-sim-title">"Simulation: deprovisioning"</h3>
                <p>{er_core::DEPROVISIONING}</p>
                <SimActions id=id.clone() circuit=c.clone() actions=sim/>
            </section>
        }
    });
    let delete_info = er_core::precondition(&c, ActionKind::Delete);
    let direct = c.is_direct();
    view! {
        <h1>"Changes and end of life"</h1>
        <section class="card" aria-labelledby="changes-title">
            <h2 id="changes-title">"Change the circuit"</h2>
            <p>{er_core::explain_changes(&c)}</p>
            <div class="inline-form">
                <SelectField id="manage-bandwidth" label="Bandwidth" options=bw_options value=bandwidth error=no_error/>
                <button type="button" class="button secondary" on:click=move |_| {
                    if let Ok(mbps) = bandwidth.get_untracked().parse::<u32>() {
                        act(store, fb, &id_bw, Action::ChangeBandwidth { mbps }, "Change bandwidth");
                    }
                }>"Change bandwidth"</button>
            </div>
            <div class="inline-form">
                <SelectField id="manage-sku-tier" label="SKU" options=SkuTier::OFFERED.iter().map(|t| (t.to_string(), t.to_string())).collect() value=tier error=no_error/>
                <button type="button" class="button secondary" on:click=move |_| {
                    if let Ok(t) = tier.get_untracked().parse::<SkuTier>() {
                        act(store, fb, &id_tier, Action::ChangeTier { tier: t }, "Change SKU");
                    }
                }>"Change SKU"</button>
            </div>
            <div class="inline-form">
                <SelectField id="manage-sku-family" label="Billing model" options=er_core::SkuFamily::billing_model_options() value=family error=no_error/>
                <button type="button" class="button secondary" on:click=move |_| {
                    if let Ok(fam) = family.get_untracked().parse::<SkuFamily>() {
                        act(store, fb, &id_fam, Action::ChangeFamily { family: fam }, "Change billing model");
                    }
                }>"Change billing model"</button>
            </div>
            <div class="inline-form">
                <p>{er_core::explain_classic_operations(c.allow_classic_operations)}</p>
                <ActionButton id=id.clone() action=Action::SetAllowClassicOperations(!c.allow_classic_operations)
                    label=if c.allow_classic_operations { "Stop allowing classic operations" } else { "Allow classic operations" } class="secondary"/>
            </div>
        </section>
        <section class="card" aria-labelledby="eol-title">
            <h2 id="eol-title">{if direct { "End of life: delete" } else { "End of life: deprovision and delete" }}</h2>
            <p>{er_core::explain_end_of_life(&c)}</p>
            {(!direct).then(|| view! { <StateInfoPanel of="Provider status" info=er_core::explain_provider_state(c.service_provider_provisioning_state)/> })}
            {provider_actions}
            <h3>"Delete the circuit"</h3>
            {match delete_info {
                Ok(()) => view! {
                    <p>"The circuit can be deleted now. Deleting it stops billing and cannot be undone."</p>
                    <ConfirmDelete id=id.clone() name=c.name.clone()/>
                }.into_any(),
                // A refused delete is pressed straight away: the refusal is shown and kept in the timeline.
                Err(r) => view! {
                    <p class="hint">"Not possible now: "{r.to_string()}</p>
                    <ActionButton id=id.clone() action=Action::Delete label="Delete circuit" class="warning"/>
                }.into_any(),
            }}
            <crate::pages::wizard::commands::LifecycleCommands circuit=c.clone()/>
        </section>
        <p class="hint"><a href=crate::route::Route::Circuit { id: id.clone(), section: crate::route::Section::Timeline }.href()>"Share or export this circuit"</a>": a link that opens it in another browser, or its Azure JSON (on the timeline page)."</p>
    }
}

/// "Delete circuit" when the core allows it: asks once, because a delete cannot be undone.
#[component]
fn ConfirmDelete(id: String, name: String) -> impl IntoView {
    let store = use_store();
    let fb = expect_context::<FeedbackCtx>();
    let confirming = RwSignal::new(false);
    let on_confirm = Callback::new(move |()| {
        act(store, fb, &id, Action::Delete, "Delete circuit");
    });
    view! {
        <button type="button" class="button warning" aria-expanded=move || confirming.get().to_string() on:click=move |_| confirming.set(true)>"Delete circuit"</button>
        <DeleteConfirmation name=name open=confirming on_confirm=on_confirm/>
    }
}
