//! The diagnosis of an imported circuit, in plain words from the core's
//! explanations (`explain_*`, [`next_step`], [`precondition`]).

use crate::action::ActionKind;
use crate::circuit::{Circuit, CircuitPhase};
use crate::enums::{
    AdvertisedPublicPrefixesState as Apps, BgpState, CircuitProvisioningState, PeeringState,
    PeeringType, ProvisioningState, RoutingModel, SkuTier,
};
use crate::explain::{
    explain_authorization, explain_circuit_state, explain_phase, explain_prefix_validation,
    explain_prefixes_state, explain_provisioning_state, explain_routing_model, next_step,
    StateInfo,
};
use crate::machine::precondition;

use super::{UnknownField, UnknownReason};

/// What is blocking, what is fine, and the next step — each a plain sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diagnosis {
    /// What stops the circuit (or part of it) from working or from being
    /// changed, with what to do about it.
    pub blocking: Vec<String>,
    /// What is working.
    pub fine: Vec<String>,
    /// Facts worth knowing that are neither (billing, who configures routing).
    pub notes: Vec<String>,
    /// The one next thing to do.
    pub next_step: String,
}

fn sentence(prefix: &str, s: &StateInfo) -> String {
    let mut out = if prefix.is_empty() {
        format!("{}: {}", s.title, s.meaning)
    } else {
        format!("{prefix} {}: {}", s.title, s.meaning)
    };
    if !s.next_steps.is_empty() {
        out.push(' ');
        out.push_str(&s.next_steps.join(" "));
    }
    out.push_str(&format!(" {}", s.source));
    out
}

/// Diagnoses a circuit. `unknown` lists values the import could not read (they
/// are reported as blocking: the wizard cannot judge them).
pub fn diagnose(c: &Circuit, unknown: &[UnknownField]) -> Diagnosis {
    let mut d = Diagnosis::default();
    let phase = c.phase();

    // Microsoft's side and the ARM resource.
    match c.circuit_provisioning_state {
        CircuitProvisioningState::Enabled => d.fine.push(sentence(
            "Status",
            &explain_circuit_state(&c.circuit_provisioning_state),
        )),
        CircuitProvisioningState::Disabled | CircuitProvisioningState::Other(_) => {
            d.blocking.push(sentence(
                "Status",
                &explain_circuit_state(&c.circuit_provisioning_state),
            ));
        }
    }
    match c.provisioning_state {
        ProvisioningState::Succeeded => {}
        ProvisioningState::Updating | ProvisioningState::Deleting | ProvisioningState::Failed => {
            d.blocking.push(sentence(
                "Provisioning state",
                &explain_provisioning_state(c.provisioning_state),
            ));
        }
    }

    // The provider's side (not for Direct, SC-14).
    let phase_info = explain_phase(phase);
    match phase {
        CircuitPhase::Provisioned | CircuitPhase::Direct => d.fine.push(sentence(
            if phase == CircuitPhase::Direct {
                ""
            } else {
                "Provider status"
            },
            &phase_info,
        )),
        CircuitPhase::NotProvisioned
        | CircuitPhase::Provisioning
        | CircuitPhase::Deprovisioning => {
            d.blocking.push(sentence("Provider status", &phase_info));
        }
        CircuitPhase::Deleting => {}
    }
    if c.is_usable() {
        d.fine.push("The circuit is usable: the provider status is Provisioned (or it is an ExpressRoute Direct circuit) and the status is Enabled. [WF] [TROUBLE]".to_string());
    }

    // Deleting is refused while the provider has the circuit. [WF] [ISSUE-DELETE]
    if phase != CircuitPhase::Deleting {
        if let Err(r) = precondition(c, ActionKind::Delete) {
            d.blocking.push(format!(
                "Cannot be deleted yet: {r} {} {}",
                r.remedy(),
                r.source_key()
            ));
        }
    }
    d.notes.push(format!("{} [WF] [PS-CIRCUIT]", c.billing()));

    if !c.is_direct() {
        let model = explain_routing_model(c.routing_model());
        d.notes.push(sentence("Routing model", &model));
    }

    // Peerings.
    if c.peerings.is_empty()
        && matches!(phase, CircuitPhase::Provisioned | CircuitPhase::Direct)
        && c.routing_model() == RoutingModel::Layer2
    {
        d.blocking.push("No peering is configured, so no traffic can flow yet: add Azure private peering to reach your VNets, and/or Microsoft peering for Microsoft 365 and Azure public services. [WF]".to_string());
    }
    for p in &c.peerings {
        let kind = p.peering_type;
        if p.state == PeeringState::Disabled {
            d.blocking.push(format!("{kind} is Disabled: both its BGP sessions are shut down. Enable it to use it. [RESET]"));
        }
        if p.provisioning_state != ProvisioningState::Succeeded {
            d.blocking.push(sentence(
                &format!("{kind} provisioning state"),
                &explain_provisioning_state(p.provisioning_state),
            ));
        }
        if kind == PeeringType::MicrosoftPeering {
            let s = explain_prefixes_state(p.advertised_public_prefixes_state);
            match p.advertised_public_prefixes_state {
                Apps::Configured => d
                    .fine
                    .push(sentence("MicrosoftPeering advertised public prefixes", &s)),
                Apps::NotConfigured | Apps::Configuring | Apps::ValidationNeeded => {
                    d.blocking
                        .push(sentence("MicrosoftPeering advertised public prefixes", &s));
                }
            }
            for i in &p.prefix_info {
                let v = explain_prefix_validation(i.validation_state);
                if i.validation_state.is_failure() {
                    d.blocking
                        .push(sentence(&format!("Prefix {}", i.prefix), &v));
                } else {
                    d.fine.push(sentence(&format!("Prefix {}", i.prefix), &v));
                }
            }
        }
        if p.bgp_state() == BgpState::Enabled
            && p.provisioning_state == ProvisioningState::Succeeded
        {
            d.fine.push(format!(
                "{kind} is Enabled and its BGP sessions can come up. [WF]"
            ));
        }
    }

    // [FAQ]: ExpressRoute Local has no Global Reach, so a Local circuit listing Global Reach
    // connections does not add up.
    let global_reach: Vec<&str> = c
        .peerings
        .iter()
        .flat_map(|p| p.global_reach.iter().map(String::as_str))
        .collect();
    if c.sku.tier == SkuTier::Local && !global_reach.is_empty() {
        d.blocking.push(format!(
            "This is a Local circuit, and ExpressRoute Local does not support Global Reach, yet it lists Global Reach connections ({}). Check the SKU and those connections in the Azure portal. [FAQ]",
            global_reach.join(", ")
        ));
    }

    for a in &c.authorizations {
        d.fine.push(sentence(
            &format!("Authorization {}", a.name),
            &explain_authorization(a.authorization_use_status),
        ));
    }

    for u in unknown {
        match u.reason {
            UnknownReason::Redacted => d.notes.push(format!(
                "{} was redacted before sharing ('{}'); it is shown as unknown.",
                u.field, u.value
            )),
            UnknownReason::Malformed | UnknownReason::UnknownValue => d.blocking.push(format!(
                "{} is '{}', which the wizard cannot read (shown as unknown; used instead: {}). Check it in the Azure portal.",
                u.field, u.value, u.used_instead
            )),
        }
    }

    let next = next_step(c);
    let what = next
        .next_steps
        .first()
        .cloned()
        .unwrap_or_else(|| next.meaning.clone());
    d.next_step = format!("{}: {what}", next.title);
    d
}
