//! Steps 1 (the created circuit), 2 (order connectivity from the provider, with the provider's side
//! simulated) and 3 (verify the provisioning state).

use crate::components::CopyButton;
use er_core::{Action, Circuit, Port};
use leptos::prelude::*;

use crate::components::circuit_page::{SimActions, StepLinks};
use crate::components::StateInfoPanel;

/// The service key in full with Copy (steps 1 and 2, where it is sent to the provider), or why it
/// is not known here (a circuit saved from a shared link, or imported from redacted output).
#[component]
fn ServiceKey(
    /// The key; empty when not known here.
    key: String,
) -> impl IntoView {
    if key.is_empty() {
        return view! {
            <span id="service-key" class="meta">"Not known here: it was left out of a shared link or redacted. The command “Get the service key to send to your provider” (step 2) reads it from Azure."</span>
        }
        .into_any();
    }
    view! { <code id="service-key">{key.clone()}</code>" "<CopyButton text=key what="service key"/> }.into_any()
}

/// Step 1 once the circuit exists: what was created, the service key, and that billing has started.
#[component]
pub fn CreatedStep(id: String, circuit: Memo<Option<Circuit>>) -> impl IntoView {
    move || {
        circuit.get().map(|c| {
            let mut rows = vec![
                ("Name", c.name.clone()),
                ("Resource group", c.resource_group.clone()),
                ("Region", c.region.clone()),
            ];
            match &c.port {
                Port::Provider { service_provider_name, peering_location, routing_model, .. } => {
                    rows.push(("Port type", "Provider".into()));
                    rows.push(("Provider", service_provider_name.clone()));
                    rows.push(("Peering location", peering_location.clone()));
                    rows.push(("Provider's routing model", routing_model.to_string()));
                }
                Port::Direct { express_route_port, .. } => {
                    rows.push(("Port type", "Direct".into()));
                    rows.push(("ExpressRoute port", express_route_port.clone()));
                }
            }
            rows.push(("Bandwidth", c.bandwidth_text()));
            rows.push(("SKU", c.sku.name()));
            let key = c.service_key.clone();
            view! {
                <h1>"Create the circuit"</h1>
                <div class="callout ok">
                    <p class="callout-title">"The circuit exists in Azure."</p>
                    {er_core::creation_notes(&c).into_iter().map(|n| view! { <p>{n}</p> }).collect_view()}
                </div>
                <h2>"Service key"</h2>
                <p class="service-key"><ServiceKey key=key/></p>
                <dl class="summary-list">
                    {rows.into_iter().map(|(k, v)| view! { <div class="summary-row"><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                </dl>
                <crate::pages::wizard::commands::CommandsFor circuit=c.clone() step=1/>
                <StepLinks id=id.clone() circuit=c.clone() step=1/>
            }
        })
    }
}

/// Step 2: what to send the provider, and the simulated provider controls.
#[component]
pub fn OrderStep(id: String, circuit: Memo<Option<Circuit>>) -> impl IntoView {
    move || {
        circuit.get().map(|c| {
            let id = id.clone();
            let Port::Provider { service_provider_name: provider, peering_location: location, routing_model, .. } = &c.port else {
                return view! {
                    <h1>"Order connectivity from the provider"</h1>
                    <div class="callout info">
                        <p class="callout-title">"No provider step for ExpressRoute Direct"</p>
                        <p>"This circuit is on an ExpressRoute Direct port, so there is no connectivity provider and no provider status. You configure routing yourself."</p>
                    </div>
                    <StepLinks id=id circuit=c.clone() step=2/>
                }
                .into_any();
            };
            let (provider, location) = (provider.clone(), location.clone());
            let info = er_core::explain_provider_state(c.service_provider_provisioning_state);
            let sim = vec![
                (Action::ProviderStartProvisioning, "Provider starts provisioning"),
                (Action::ProviderCompleteProvisioning, "Provider completes provisioning"),
                (Action::ProviderDeprovision, "Provider deprovisions"),
                (Action::ProviderCompleteDeprovisioning, "Provider completes deprovisioning"),
            ];
            view! {
                <h1>"Order connectivity from the provider"</h1>
                <p class="lead">{format!("Ordering is done with {provider}, not in Azure: contact them and give them the details below. How you order varies by provider.")}</p>
                <h2>"Send the provider"</h2>
                <dl class="summary-list">
                    <div class="summary-row"><dt>"Service key"</dt><dd><ServiceKey key=c.service_key.clone()/></dd></div>
                    <div class="summary-row"><dt>"Peering location"</dt><dd>{location}</dd></div>
                    <div class="summary-row"><dt>"Bandwidth"</dt><dd>{c.bandwidth_text()}</dd></div>
                    <div class="summary-row"><dt>"Routing"</dt><dd>{er_core::explain_routing_model(*routing_model).meaning}</dd></div>
                </dl>
                <h2>"Provider status now"</h2>
                <StateInfoPanel info=info/>
                <section class="simulation" aria-labelledby="sim-title">
                    <h2 id="sim-title">"Simulation: the provider's side"</h2>
                    <p>"In real life only the provider changes this state. For a rehearsal or a demo, play their part here; each button is checked against Azure's rules."</p>
                    <SimActions id=id.clone() circuit=c.clone() actions=sim/>
                </section>
                <crate::pages::wizard::commands::CommandsFor circuit=c.clone() step=2/>
                <StepLinks id=id circuit=c.clone() step=2/>
            }
            .into_any()
        })
    }
}

/// Step 3: both states, what each means now, and whether the circuit is usable.
#[component]
pub fn VerifyStep(id: String, circuit: Memo<Option<Circuit>>) -> impl IntoView {
    move || {
        circuit.get().map(|c| {
            let usable = c.is_usable();
            let direct = c.is_direct();
            let provider = (!direct)
                .then(|| view! { <StateInfoPanel of="Provider status" info=er_core::explain_provider_state(c.service_provider_provisioning_state)/> });
            view! {
                <h1>"Verify the provisioning state"</h1>
                <p class="lead">{if direct {
                    "An ExpressRoute Direct circuit has one state to check: the Status (circuitProvisioningState, Microsoft's side). There is no provider and no provider status. Enabled is the usable state."
                } else {
                    "Every circuit has two states: the provider status (ServiceProviderProvisioningState, the provider's side) and the Status (circuitProvisioningState, Microsoft's side). Provisioned and Enabled is the only usable state."
                }}</p>
                {if usable {
                    view! { <div class="callout ok"><p class="callout-title">"The circuit is usable."</p><p>{if direct { "Status is Enabled on this ExpressRoute Direct circuit: configure routing next." } else { "Provider status is Provisioned and Status is Enabled: configure routing next." }}</p></div> }.into_any()
                } else {
                    view! { <div class="callout warning"><p class="callout-title">"The circuit is not usable yet."</p><p>{if direct { "Enabled is the only state in which you can use it. See below for what the state means and what to do." } else { "Provisioned and Enabled is the only state in which you can use it. See below for what each state means and what to do." }}</p></div> }.into_any()
                }}
                {provider}
                <StateInfoPanel of="Status" info=er_core::explain_circuit_status(&c)/>
                <StateInfoPanel of="Provisioning state" info=er_core::explain_provisioning_state(c.provisioning_state)/>
                <crate::pages::wizard::commands::CommandsFor circuit=c.clone() step=3/>
                <StepLinks id=id.clone() circuit=c.clone() step=3/>
            }
        })
    }
}
