//! A circuit's provider status and Status as badges.

use crate::components::Badge;
use er_core::Circuit;
use leptos::prelude::*;

/// How a provider state badge is coloured.
pub fn provider_tone(c: &Circuit) -> &'static str {
    use er_core::ServiceProviderProvisioningState as S;
    match c.service_provider_provisioning_state {
        S::Provisioned => "ok",
        S::Provisioning | S::Deprovisioning => "wait",
        S::NotProvisioned => "neutral",
    }
}

/// How a Status badge is coloured.
pub fn status_tone(c: &Circuit) -> &'static str {
    if c.circuit_provisioning_state == er_core::CircuitProvisioningState::Enabled {
        "ok"
    } else {
        "bad"
    }
}

/// The two state badges of a circuit: provider state (not for Direct circuits) and Status.
#[component]
pub fn StateBadges(circuit: Circuit) -> impl IntoView {
    let provider = (!circuit.is_direct()).then(|| {
        view! {
            <Badge label="Provider status" value=circuit.service_provider_provisioning_state.to_string() tone=provider_tone(&circuit)/>
        }
    });
    view! {
        <span class="badges">
            {provider}
            <Badge label="Status" value=circuit.circuit_provisioning_state.as_str().to_string() tone=status_tone(&circuit)/>
        </span>
    }
}
