//! The state machine: [`apply`], [`precondition`], [`can`], [`available_actions`].
//!
//! [`precondition`] is the transition table: one exhaustive match on
//! `(CircuitPhase, ActionKind)` with no wildcard arm, so a new phase or action forces a
//! decision for every pair. [`apply`] is that table for the action's kind, then the action's
//! handler (its input's checks and the change), so the two cannot disagree.

use crate::action::{
    Action, ActionAvailability, ActionKind, PrefixOutcome, Transition, VnetLinkRequest,
};
use crate::circuit::{Authorization, Circuit, CircuitPhase, Peering, Port, PrefixInfo, VnetLink};
use crate::delete_refusal::DeleteRefusal;
use crate::enums::{
    AdvertisedPublicPrefixesState as Apps, AuthorizationUseStatus, CircuitProvisioningState,
    PeeringState, PeeringType, PrefixValidationState, ProvisioningState, RoutingModel,
    ServiceProviderProvisioningState as Sp, SkuFamily, SkuTier,
};
use crate::explain::{explain_prefix_validation, explain_prefixes_state};
use crate::form::{check_resource_name, is_guid};
use crate::limits::{
    geopolitical_area, link_limit, links_only_in_own_geopolitical_region,
    too_many_links_to_downgrade, AZURE_ASN, DIRECT_BANDWIDTHS_GBPS, MAX_AUTHORIZATIONS,
    MAX_VNET_ADDRESS_SPACES_AT_LINK, PROVIDER_BANDWIDTHS_MBPS,
};
use crate::refusal::Refusal;
use crate::route_filter;
use crate::routing::{circuit_rules, overlaps, PeeringConfig};
use crate::warning::Warning;

fn conflict(kind: ActionKind, provider_state: Sp, needs: Sp) -> Refusal {
    Refusal::ProviderStateConflict {
        action: kind.label(),
        provider_state,
        needs,
    }
}

fn ok<E>(circuit: Circuit, notes: Vec<String>) -> Result<Transition, E> {
    Ok(Transition {
        circuit,
        warnings: Vec::new(),
        notes,
    })
}

/// Applies an action to a circuit. Pure: returns the new circuit (with warnings
/// and notes) or the refusal; the input circuit is never changed.
///
/// The state decides first: [`precondition`] (the transition table) for the action's kind, so a
/// kind it refuses is refused here with the same refusal, whatever the input. Then the action's
/// handler checks the input against the circuit and makes the change.
pub fn apply(c: &Circuit, a: &Action) -> Result<Transition, Refusal> {
    precondition(c, a.kind())?;
    handle(c, a)
}

/// What an action does once [`precondition`] allows its kind: its input's checks and the change.
/// Every action has one handler; the state was decided by the table.
fn handle(c: &Circuit, a: &Action) -> Result<Transition, Refusal> {
    use Action as A;
    match a {
        // ---- provider lifecycle [WF] --------------------------------------------------
        // SC-04
        A::ProviderStartProvisioning => provider_step(
            c,
            Sp::Provisioning,
            vec![format!(
                "The provider has started provisioning the circuit ({}). Routing stays locked until the provider status is Provisioned.",
                states(c, Sp::Provisioning)
            )],
        ),
        // SC-05
        A::ProviderCompleteProvisioning => {
            // [WF]: Provisioned *and* Enabled is the only usable state; a circuit status that
            // is not Enabled needs Microsoft Support [TROUBLE], so say so rather than "usable".
            let notes = if c.circuit_provisioning_state == CircuitProvisioningState::Enabled {
                vec![
                    "The provider has completed provisioning (Provisioned/Enabled): the circuit is usable.".to_string(),
                    match c.routing_model() {
                        RoutingModel::Layer2 => format!("Configure routing next: Azure private peering for VNets, {}.", crate::explain::microsoft_peering_purpose(c.sku.tier)),
                        RoutingModel::Layer3 => "Your provider manages Layer 3: it configures the peerings. Refresh the peerings to see what it configured.".into(),
                    },
                ]
            } else {
                vec![format!(
                    "The provider has completed provisioning ({}), but the circuit status is not Enabled, so the circuit cannot be used or configured yet: open a support ticket with Microsoft Support.",
                    states(c, Sp::Provisioned)
                )]
            };
            provider_step(c, Sp::Provisioned, notes)
        }
        // SC-10, first step: Deprovisioning is the transient API value [SPEC-2024-05] [inferred].
        A::ProviderDeprovision => provider_step(
            c,
            Sp::Deprovisioning,
            vec!["The provider is deprovisioning the circuit. Microsoft continues to bill the circuit until you delete it.".into()],
        ),
        // SC-10, second step [WF]: NotProvisioned/Enabled.
        A::ProviderCompleteDeprovisioning => provider_step(
            c,
            Sp::NotProvisioned,
            vec![
                format!(
                    "The provider has deprovisioned the circuit ({}).",
                    states(c, Sp::NotProvisioned)
                ),
                "Microsoft still bills the circuit until the circuit resource is deleted: re-enable it by ordering from the provider again, or delete it.".into(),
            ],
        ),
        // [WF] "You can choose to re-enable it": the customer orders from the provider
        // again with the same service key; modelled as the provider picking it up.
        A::ReEnable => provider_step(
            c,
            Sp::Provisioning,
            vec![format!(
                // The key itself stays out of notes: they are shown as notices and kept in the
                // timeline ([`crate::secrets`]).
                "Re-enabled: the provider provisions the circuit again with the same service key ({}). Billing never stopped.",
                states(c, Sp::Provisioning)
            )],
        ),
        // ---- delete [WF] [ISSUE-DELETE] ------------------------------------------------------
        A::Delete => apply_delete(c).map_err(Refusal::from),
        // ---- peerings [WF] SC-06 ------------------------------------------------------------
        A::AddPeering { kind, config } => add_peering(c, *kind, config),
        A::UpdatePeering { kind, config } => update_peering(c, *kind, config),
        A::RemovePeering { kind } => remove_peering(c, *kind),
        A::SetPeeringState { kind, state } => set_peering_state(c, *kind, *state),
        // The customer's half of the signed prefix validation [PS-PREFIX] [SPEC-2024-10].
        A::AddPrefixValidationInfo {
            prefix,
            validation_id,
            signature,
        } => add_prefix_validation_info(c, prefix, validation_id, signature),
        // Microsoft's prefix validation (an external event).
        A::SetPrefixValidation { outcome } => prefix_validation(c, outcome),
        // ---- authorizations [PS-LINK] ----------------------------------------------------
        A::AddAuthorization { name, key } => add_authorization(c, name, key),
        A::RemoveAuthorization { name } => remove_authorization(c, name),
        // ---- VNet links [PS-LINK] [LIMITS] ---------------------------------------------
        A::LinkVnet { link } => link_vnet(c, link),
        A::UnlinkVnet { name } => unlink_vnet(c, name),
        // ---- Global Reach [GR-PS] [GR-CLI] -----------------------------------------------
        A::AddGlobalReach {
            connection,
            peer,
            authorization_key,
        } => crate::global_reach::add_global_reach(c, connection, peer, authorization_key.as_deref()),
        A::RemoveGlobalReach { name } => crate::global_reach::remove_global_reach(c, name),
        // ---- circuit changes [PS-CIRCUIT] ----------------------------------------------
        A::ChangeBandwidth { mbps } => change_bandwidth(c, *mbps),
        A::ChangeFamily { family } => change_family(c, *family),
        A::ChangeTier { tier } => change_tier(c, *tier),
        A::SetAllowClassicOperations(value) => set_allow_classic(c, *value),
        // ---- route filters [ROUTE-FILTER] --------------------------------------------------
        A::CreateRouteFilter { filter } => route_filter::create(c, filter),
        A::AttachRouteFilter {
            microsoft_365_authorized,
        } => route_filter::attach(c, *microsoft_365_authorized),
        A::DetachRouteFilter => route_filter::detach(c),
        A::RemoveRouteFilter => route_filter::remove(c),
    }
}

/// Deletes the circuit: exactly `apply(c, &Action::Delete)`, which calls it. Kept apart so a page
/// that only deletes ("Your circuits") does not carry every other transition. [WF] [ISSUE-DELETE]
pub fn apply_delete(c: &Circuit) -> Result<Transition, DeleteRefusal> {
    use CircuitPhase as P;
    match c.phase() {
        // A circuit being deleted accepts nothing. [SPEC-NET]
        P::Deleting => Err(DeleteRefusal::CircuitDeleting),
        P::NotProvisioned | P::Direct => delete(c),
        // SC-08, SC-09
        P::Provisioning | P::Provisioned => Err(DeleteRefusal::WhileProvisioned {
            provider_state: c.service_provider_provisioning_state,
        }),
        P::Deprovisioning => Err(DeleteRefusal::WhileDeprovisioning),
    }
}

/// True when [`apply`] would accept the action.
pub fn can(c: &Circuit, a: &Action) -> bool {
    apply(c, a).is_ok()
}

/// Every action kind with whether it is available now (decided from the
/// circuit's state only) and, if not, the refusal.
pub fn available_actions(c: &Circuit) -> Vec<ActionAvailability> {
    ActionKind::ALL
        .iter()
        .map(|&kind| ActionAvailability {
            action_kind: kind,
            label: kind.label(),
            result: precondition(c, kind),
        })
        .collect()
}

/// The transition table: whether an action of this kind can happen in the circuit's current
/// state, before any input is given. One exhaustive match on `(CircuitPhase, ActionKind)` with no
/// wildcard arm, so a new phase or action forces a decision for every pair. [`apply`] asks it
/// first: when it refuses, `apply` refuses every action of the kind with the same refusal; when it
/// accepts, `apply` may still refuse a particular input.
pub fn precondition(c: &Circuit, kind: ActionKind) -> Result<(), Refusal> {
    use ActionKind as K;
    use CircuitPhase as P;
    let sp = c.service_provider_provisioning_state;
    match (c.phase(), kind) {
        // ---- a circuit being deleted accepts nothing [SPEC-NET] -------------------------
        (
            P::Deleting,
            K::ProviderStartProvisioning
            | K::ProviderCompleteProvisioning
            | K::ProviderDeprovision
            | K::ProviderCompleteDeprovisioning
            | K::ReEnable
            | K::AddPeering
            | K::UpdatePeering
            | K::RemovePeering
            | K::SetPeeringState
            | K::SetPrefixValidation
            | K::AddPrefixValidationInfo
            | K::AddAuthorization
            | K::RemoveAuthorization
            | K::LinkVnet
            | K::UnlinkVnet
            | K::AddGlobalReach
            | K::RemoveGlobalReach
            | K::ChangeBandwidth
            | K::ChangeFamily
            | K::ChangeTier
            | K::SetAllowClassicOperations
            | K::CreateRouteFilter
            | K::AttachRouteFilter
            | K::DetachRouteFilter
            | K::RemoveRouteFilter,
        ) => Err(Refusal::CircuitDeleting),

        // ---- ExpressRoute Direct has no provider state (SC-14) [WF] ----------------------
        (
            P::Direct,
            K::ProviderStartProvisioning
            | K::ProviderCompleteProvisioning
            | K::ProviderDeprovision
            | K::ProviderCompleteDeprovisioning
            | K::ReEnable,
        ) => Err(Refusal::NoProviderOnDirect),

        // ---- provider lifecycle [WF]: each event from its one provider state --------------
        // SC-04; re-enabling ([WF] "you can choose to re-enable it") is ordering again.
        (P::NotProvisioned, K::ProviderStartProvisioning | K::ReEnable) => Ok(()),
        (
            P::Provisioning | P::Provisioned | P::Deprovisioning,
            K::ProviderStartProvisioning | K::ReEnable,
        ) => Err(conflict(kind, sp, Sp::NotProvisioned)),
        // SC-05
        (P::Provisioning, K::ProviderCompleteProvisioning) => Ok(()),
        (
            P::NotProvisioned | P::Provisioned | P::Deprovisioning,
            K::ProviderCompleteProvisioning,
        ) => Err(conflict(kind, sp, Sp::Provisioning)),
        // SC-10, first step: Deprovisioning is the transient API value [SPEC-2024-05] [inferred].
        (P::Provisioning | P::Provisioned, K::ProviderDeprovision) => Ok(()),
        (P::NotProvisioned | P::Deprovisioning, K::ProviderDeprovision) => {
            Err(conflict(kind, sp, Sp::Provisioned))
        }
        // SC-10, second step [WF].
        (P::Deprovisioning, K::ProviderCompleteDeprovisioning) => Ok(()),
        (
            P::NotProvisioned | P::Provisioning | P::Provisioned,
            K::ProviderCompleteDeprovisioning,
        ) => Err(conflict(kind, sp, Sp::Deprovisioning)),

        // ---- delete [WF] [ISSUE-DELETE]: apply_delete's rule in every phase (it takes no input)
        (
            P::NotProvisioned
            | P::Provisioning
            | P::Provisioned
            | P::Deprovisioning
            | P::Direct
            | P::Deleting,
            K::Delete,
        ) => apply_delete(c).map(|_| ()).map_err(Refusal::from),

        // ---- peerings: only when Provisioned (or Direct) [WF] SC-06 ----------------------
        // Attaching a route filter changes the Microsoft peering too [ROUTE-FILTER].
        (
            P::NotProvisioned | P::Provisioning | P::Deprovisioning,
            K::AddPeering
            | K::UpdatePeering
            | K::RemovePeering
            | K::SetPeeringState
            | K::AddPrefixValidationInfo
            | K::AttachRouteFilter,
        ) => Err(Refusal::PeeringNeedsProvisioned { provider_state: sp }),
        (P::Provisioned | P::Direct, K::AddPeering) => {
            peering_gate(c).and_then(|()| peering_room(c))
        }
        (P::Provisioned | P::Direct, K::UpdatePeering | K::RemovePeering | K::SetPeeringState) => {
            peering_gate(c).and_then(|()| any_peering(c))
        }
        // The customer's half of the signed prefix validation changes the Microsoft peering
        // (Set-AzExpressRouteCircuit), so it follows the peering rules [PS-PREFIX] [SPEC-2024-10].
        (P::Provisioned | P::Direct, K::AddPrefixValidationInfo) => {
            peering_gate(c).and_then(|()| prefix_info_open(c))
        }

        // ---- Microsoft's prefix validation (an external event) ---------------------------
        (
            P::NotProvisioned | P::Provisioning | P::Provisioned | P::Deprovisioning | P::Direct,
            K::SetPrefixValidation,
        ) => prefix_validation_pending(c, kind),

        // ---- authorizations [PS-LINK] ----------------------------------------------------
        (P::NotProvisioned | P::Provisioning | P::Provisioned | P::Direct, K::AddAuthorization) => {
            authorization_room(c)
        }
        // The provider must apply a bandwidth change; it cannot while tearing down.
        (P::Deprovisioning, K::AddAuthorization | K::ChangeBandwidth) => {
            Err(Refusal::ChangeWhileDeprovisioning { what: kind.label() })
        }
        (
            P::NotProvisioned | P::Provisioning | P::Provisioned | P::Deprovisioning | P::Direct,
            K::RemoveAuthorization,
        ) => {
            if c.authorizations.is_empty() {
                Err(Refusal::NoAuthorizations)
            } else {
                Ok(())
            }
        }

        // ---- VNet links [PS-LINK] [LIMITS] ---------------------------------------------
        (P::Provisioned | P::Direct, K::LinkVnet) => link_gate(c).map(|_| ()),
        (P::NotProvisioned | P::Provisioning | P::Deprovisioning, K::LinkVnet) => {
            Err(Refusal::LinkNeedsProvisioned { provider_state: sp })
        }
        (
            P::NotProvisioned | P::Provisioning | P::Provisioned | P::Deprovisioning | P::Direct,
            K::UnlinkVnet,
        ) => {
            if c.vnet_links.is_empty() {
                Err(Refusal::NoLinks)
            } else {
                Ok(())
            }
        }

        // ---- Global Reach [GR-PS] [GR-CLI]: both circuits provisioned, with private peering
        (P::Provisioned | P::Direct, K::AddGlobalReach) => crate::global_reach::add_gate(c),
        (P::NotProvisioned | P::Provisioning | P::Deprovisioning, K::AddGlobalReach) => {
            Err(crate::global_reach::GlobalReachRefusal::NotProvisioned {
                circuit: c.name.clone(),
            }
            .into())
        }
        (
            P::NotProvisioned | P::Provisioning | P::Provisioned | P::Deprovisioning | P::Direct,
            K::RemoveGlobalReach,
        ) => crate::global_reach::remove_gate(c),

        // ---- circuit changes [PS-CIRCUIT] ----------------------------------------------
        (P::NotProvisioned | P::Provisioning | P::Provisioned | P::Direct, K::ChangeBandwidth) => {
            if higher_bandwidths(c).is_empty() {
                Err(Refusal::NoHigherBandwidth {
                    mbps: c.bandwidth_mbps(),
                })
            } else {
                Ok(())
            }
        }
        // SC-39c: UnlimitedData is the end of the road.
        (
            P::NotProvisioned | P::Provisioning | P::Provisioned | P::Deprovisioning | P::Direct,
            K::ChangeFamily,
        ) => match c.sku.family {
            SkuFamily::MeteredData => Ok(()),
            SkuFamily::UnlimitedData => Err(Refusal::UnlimitedToMetered),
        },
        (
            P::NotProvisioned | P::Provisioning | P::Provisioned | P::Deprovisioning | P::Direct,
            K::ChangeTier | K::SetAllowClassicOperations,
        ) => Ok(()),

        // ---- route filters [ROUTE-FILTER]: the filter is a resource of its own; attaching
        // changes the Microsoft peering (above), detaching and deleting do not need it.
        (
            P::NotProvisioned | P::Provisioning | P::Provisioned | P::Deprovisioning | P::Direct,
            K::CreateRouteFilter,
        ) => route_filter::can_create(c),
        (P::Provisioned | P::Direct, K::AttachRouteFilter) => route_filter::can_attach(c),
        (
            P::NotProvisioned | P::Provisioning | P::Provisioned | P::Deprovisioning | P::Direct,
            K::DetachRouteFilter,
        ) => route_filter::can_detach(c),
        (
            P::NotProvisioned | P::Provisioning | P::Provisioned | P::Deprovisioning | P::Direct,
            K::RemoveRouteFilter,
        ) => route_filter::can_remove(c),
    }
}

/// Room for another peering: private or Microsoft peering is still missing.
fn peering_room(c: &Circuit) -> Result<(), Refusal> {
    let missing = [
        PeeringType::AzurePrivatePeering,
        PeeringType::MicrosoftPeering,
    ]
    .into_iter()
    .any(|k| c.peering(k).is_none());
    if missing {
        Ok(())
    } else {
        Err(Refusal::PeeringExists {
            kind: PeeringType::MicrosoftPeering,
        })
    }
}

/// Some peering to change.
fn any_peering(c: &Circuit) -> Result<(), Refusal> {
    if c.peerings.is_empty() {
        Err(Refusal::NoPeerings)
    } else {
        Ok(())
    }
}

/// A Microsoft peering with an advertised prefix still without its validation info: otherwise
/// any input would get "PrefixInfo already exists". [PS-PREFIX]
fn prefix_info_open(c: &Circuit) -> Result<(), Refusal> {
    let p = c
        .peering(PeeringType::MicrosoftPeering)
        .ok_or(Refusal::MicrosoftPeeringNotConfigured)?;
    let advertised = p
        .config
        .microsoft
        .as_ref()
        .map_or(&[][..], |m| &m.advertised_public_prefixes[..]);
    let open = advertised.iter().any(|a| {
        !p.prefix_info
            .iter()
            .any(|i| i.prefix == *a && i.has_validation_info())
    });
    match advertised.first() {
        Some(first) if !open => Err(Refusal::PrefixInfoAlreadyExists {
            prefix: first.to_string(),
        }),
        Some(_) => Ok(()),
        None => Err(Refusal::MicrosoftPeeringConfigMissing),
    }
}

/// Microsoft is validating the Microsoft peering's prefixes (Configuring or ValidationNeeded).
fn prefix_validation_pending(c: &Circuit, kind: ActionKind) -> Result<(), Refusal> {
    let p = c
        .peering(PeeringType::MicrosoftPeering)
        .ok_or(Refusal::MicrosoftPeeringNotConfigured)?;
    match p.advertised_public_prefixes_state {
        Apps::Configuring | Apps::ValidationNeeded => Ok(()),
        state @ (Apps::NotConfigured | Apps::Configured) => {
            Err(Refusal::PrefixValidationNotPending {
                outcome: kind.label(),
                state,
            })
        }
    }
}

/// Higher bandwidths (Mbps) the circuit could move to.
pub fn higher_bandwidths(c: &Circuit) -> Vec<u32> {
    let current = c.bandwidth_mbps();
    match &c.port {
        Port::Provider { .. } => PROVIDER_BANDWIDTHS_MBPS
            .iter()
            .copied()
            .filter(|b| *b > current)
            .collect(),
        Port::Direct { .. } => direct_bandwidths(c)
            .iter()
            .map(|g| g * 1000)
            .filter(|b| *b > current)
            .collect(),
    }
}

/// The circuit bandwidths (Gbps) a Direct circuit's port carries: its port size's list when the
/// size is known, otherwise every Direct bandwidth. [ERDIRECT-ABOUT]
pub fn direct_bandwidths(c: &Circuit) -> &'static [u32] {
    match &c.port {
        Port::Direct {
            port_bandwidth_gbps: Some(p),
            ..
        } => crate::catalog::direct_circuit_bandwidths(*p).unwrap_or(DIRECT_BANDWIDTHS_GBPS),
        Port::Direct { .. } | Port::Provider { .. } => DIRECT_BANDWIDTHS_GBPS,
    }
}

// ---------------------------------------------------------------------------------------
// handlers

/// "Provider state/Status" as the docs write the pair ("Provisioning/Enabled"), with the
/// circuit's real status: an imported circuit may not be Enabled. [WF] [TROUBLE]
fn states(c: &Circuit, provider_state: Sp) -> String {
    format!("{provider_state}/{}", c.circuit_provisioning_state)
}

fn provider_step(c: &Circuit, to: Sp, notes: Vec<String>) -> Result<Transition, Refusal> {
    let mut next = c.clone();
    next.service_provider_provisioning_state = to;
    next.provisioning_state = ProvisioningState::Succeeded;
    ok(next, notes)
}

fn delete_blockers(c: &Circuit) -> Result<(), DeleteRefusal> {
    // [PS-CIRCUIT] [CLI-CIRCUIT]: "All virtual networks, route filters, authorizations, and
    // global reach associations must be unlinked from the ExpressRoute circuit." Peerings
    // themselves are deleted with the circuit.
    use crate::refusal::{Attached, AttachedKind};
    let named = |kind, name: &String| Attached {
        kind,
        name: name.clone(),
    };
    let attached: Vec<Attached> = c
        .vnet_links
        .iter()
        .map(|l| named(AttachedKind::VnetConnection, &l.name))
        .chain(
            c.authorizations
                .iter()
                .map(|a| named(AttachedKind::Authorization, &a.name)),
        )
        .chain(
            c.peerings
                .iter()
                .flat_map(|p| p.global_reach.iter())
                .map(|g| named(AttachedKind::GlobalReach, &g.name)),
        )
        // A connection another circuit made to this one blocks it too; it is removed there.
        .chain(
            c.peerings
                .iter()
                .flat_map(|p| p.peer_global_reach.iter())
                .map(|g| Attached {
                    kind: AttachedKind::GlobalReach,
                    name: match g.peer_circuit_name() {
                        "" => g.name.clone(),
                        made_on => format!("{} (made on circuit {made_on})", g.name),
                    },
                }),
        )
        .chain(c.peerings.iter().filter_map(|p| {
            p.route_filter.as_ref().map(|r| Attached {
                kind: AttachedKind::RouteFilter,
                name: crate::route_filter::reference_name(r).to_string(),
            })
        }))
        .collect();
    if attached.is_empty() {
        Ok(())
    } else {
        Err(DeleteRefusal::Blocked { attached })
    }
}

fn delete(c: &Circuit) -> Result<Transition, DeleteRefusal> {
    delete_blockers(c)?;
    let mut next = c.clone();
    // SC-13 [SPEC-NET]: provisioningState Deleting; the caller removes the circuit.
    next.provisioning_state = ProvisioningState::Deleting;
    let mut notes = vec![
        "Deletion accepted (provisioningState Deleting). Billing stops when the circuit is removed.".to_string(),
    ];
    if !c.peerings.is_empty() {
        notes.push("Its peerings are deleted with it.".into());
    }
    ok(next, notes)
}

/// Circuit status and routing model checks shared by every peering change.
fn peering_gate(c: &Circuit) -> Result<(), Refusal> {
    if c.circuit_provisioning_state != CircuitProvisioningState::Enabled {
        return Err(Refusal::CircuitNotEnabled {
            status: c.circuit_provisioning_state.to_string(),
        });
    }
    // SC-07 [PS-CIRCUIT] [TROUBLE-2017]: refuse rather than warn, because adding or
    // changing peerings on a provider-managed circuit overwrites the provider's settings.
    match c.routing_model() {
        RoutingModel::Layer2 => Ok(()),
        RoutingModel::Layer3 => Err(Refusal::Layer3ProviderManagesRouting),
    }
}

fn first_error(errors: Vec<crate::form::FieldError>) -> Result<(), Refusal> {
    match errors.into_iter().next() {
        Some(e) => Err(e.refusal),
        None => Ok(()),
    }
}

fn peering_notes(kind: PeeringType, config: &PeeringConfig) -> Vec<String> {
    let mut notes = Vec::new();
    for (label, pair) in [("IPv4", config.ipv4), ("IPv6", config.ipv6)] {
        if let Some(pair) = pair {
            // [ROUTING]: customer uses the first usable IP, Microsoft the second.
            notes.push(format!(
                "{label}: primary link {} — your router {}, Microsoft {}; secondary link {} — your router {}, Microsoft {}. Both links use VLAN {}.",
                pair.primary(),
                pair.primary().customer_address(),
                pair.primary().microsoft_address(),
                pair.secondary(),
                pair.secondary().customer_address(),
                pair.secondary().microsoft_address(),
                config.vlan_id
            ));
        }
    }
    notes.push(format!(
        "Microsoft's side uses AS {AZURE_ASN}; configure both BGP sessions (primary and secondary) for the SLA."
    ));
    if config.shared_key.is_some() {
        notes.push(
            "Configure the same MD5 shared key on your router; Azure will not display it again."
                .into(),
        );
    }
    if kind == PeeringType::MicrosoftPeering {
        notes.push(explain_prefixes_state(Apps::Configuring).meaning);
    }
    notes
}

fn add_peering(
    c: &Circuit,
    kind: PeeringType,
    config: &PeeringConfig,
) -> Result<Transition, Refusal> {
    if kind == PeeringType::AzurePublicPeering {
        return Err(Refusal::RetiredPeeringType);
    }
    if c.peering(kind).is_some() {
        return Err(Refusal::PeeringExists { kind });
    }
    let warnings = config.check_for(kind)?;
    first_error(circuit_rules(
        c,
        kind,
        &config.subnets(),
        Some(config.vlan_id),
        &[],
    ))?;
    let mut next = c.clone();
    next.peerings.push(new_peering(kind, config.clone()));
    next.provisioning_state = ProvisioningState::Succeeded;
    Ok(Transition {
        circuit: next,
        warnings,
        notes: peering_notes(kind, config),
    })
}

fn new_peering(kind: PeeringType, config: PeeringConfig) -> Peering {
    let (apps, prefix_info) = match (&config.microsoft, kind) {
        (Some(ms), PeeringType::MicrosoftPeering) => (
            Apps::Configuring,
            ms.advertised_public_prefixes
                .iter()
                .map(|p| PrefixInfo::new(*p, PrefixValidationState::Configuring))
                .collect(),
        ),
        _ => (Apps::NotConfigured, Vec::new()),
    };
    Peering {
        peering_type: kind,
        state: PeeringState::Enabled,
        azure_asn: AZURE_ASN,
        provisioning_state: ProvisioningState::Succeeded,
        config,
        advertised_public_prefixes_state: apps,
        prefix_info,
        last_modified_by: "Customer".into(),
        global_reach: Vec::new(),
        peer_global_reach: Vec::new(),
        route_filter: None,
    }
}

fn update_peering(
    c: &Circuit,
    kind: PeeringType,
    config: &PeeringConfig,
) -> Result<Transition, Refusal> {
    if kind == PeeringType::AzurePublicPeering {
        return Err(Refusal::RetiredPeeringType);
    }
    let old = c.peering(kind).ok_or(Refusal::PeeringNotFound { kind })?;
    if old.config == *config {
        return Err(Refusal::PeeringUnchanged { kind });
    }
    let warnings = config.check_for(kind)?;
    first_error(circuit_rules(
        c,
        kind,
        &config.subnets(),
        Some(config.vlan_id),
        &[],
    ))?;
    let mut updated = new_peering(kind, config.clone());
    updated.state = old.state;
    // A Microsoft peering whose prefixes, customer ASN and registry are unchanged keeps its
    // validation; any change starts validation again. [WF] [PS-ROUTING]
    if old.config.microsoft == config.microsoft {
        updated.advertised_public_prefixes_state = old.advertised_public_prefixes_state;
        updated.prefix_info = old.prefix_info.clone();
    }
    let mut next = c.clone();
    for p in &mut next.peerings {
        if p.peering_type == kind {
            *p = updated.clone();
        }
    }
    next.provisioning_state = ProvisioningState::Succeeded;
    Ok(Transition {
        circuit: next,
        warnings,
        notes: peering_notes(kind, config),
    })
}

fn remove_peering(c: &Circuit, kind: PeeringType) -> Result<Transition, Refusal> {
    if c.peering(kind).is_none() {
        return Err(Refusal::PeeringNotFound { kind });
    }
    let mut next = c.clone();
    next.peerings.retain(|p| p.peering_type != kind);
    next.provisioning_state = ProvisioningState::Succeeded;
    let mut notes = vec![format!("{kind} removed; its BGP sessions are gone.")];
    if kind == PeeringType::AzurePrivatePeering && !c.vnet_links.is_empty() {
        notes.push("Linked virtual networks have no path to on-premises until private peering is configured again.".into());
    }
    ok(next, notes)
}

fn set_peering_state(
    c: &Circuit,
    kind: PeeringType,
    state: PeeringState,
) -> Result<Transition, Refusal> {
    let current = c.peering(kind).ok_or(Refusal::PeeringNotFound { kind })?;
    if current.state == state {
        return Err(Refusal::PeeringStateUnchanged { kind, state });
    }
    let mut next = c.clone();
    for p in &mut next.peerings {
        if p.peering_type == kind {
            p.state = state;
        }
    }
    next.provisioning_state = ProvisioningState::Succeeded;
    let warnings = match state {
        PeeringState::Disabled => vec![Warning::DisablingShutsBothSessions], // [RESET]
        PeeringState::Enabled => Vec::new(),
    };
    Ok(Transition {
        circuit: next,
        warnings,
        notes: vec![format!("{kind} is now {state}.")],
    })
}

fn prefix_validation(c: &Circuit, outcome: &PrefixOutcome) -> Result<Transition, Refusal> {
    let p = c
        .peering(PeeringType::MicrosoftPeering)
        .ok_or(Refusal::MicrosoftPeeringNotConfigured)?;
    let state = p.advertised_public_prefixes_state;
    let not_pending = || Refusal::PrefixValidationNotPending {
        outcome: outcome.label(),
        state,
    };
    let pending = matches!(state, Apps::Configuring | Apps::ValidationNeeded);
    // (new prefixes state, per-prefix state for all, or one prefix's state)
    let (apps, all, one): (
        Apps,
        Option<PrefixValidationState>,
        Option<(ipnet::IpNet, PrefixValidationState)>,
    ) = match outcome {
        // SC-34
        PrefixOutcome::Validated if pending => (
            Apps::Configured,
            Some(PrefixValidationState::Configured),
            None,
        ),
        // SC-33
        PrefixOutcome::ValidationNeeded if state == Apps::Configuring => (
            Apps::ValidationNeeded,
            Some(PrefixValidationState::ValidationNeeded),
            None,
        ),
        // SC-35: no manual value in the prefixes-state enum [SPEC-2024-05].
        PrefixOutcome::ManualValidationNeeded if pending => (
            Apps::ValidationNeeded,
            Some(PrefixValidationState::ManualValidationNeeded),
            None,
        ),
        PrefixOutcome::SupportTicketResolved if state == Apps::ValidationNeeded => (
            Apps::Configured,
            Some(PrefixValidationState::Configured),
            None,
        ),
        PrefixOutcome::PrefixFailed {
            prefix,
            state: failure,
        } => {
            if !failure.is_failure() {
                return Err(Refusal::NotAFailureState { state: *failure });
            }
            if !p.prefix_info.iter().any(|i| i.prefix == *prefix) {
                return Err(Refusal::PrefixNotAdvertised {
                    prefix: prefix.to_string(),
                });
            }
            if !pending {
                return Err(not_pending());
            }
            (Apps::ValidationNeeded, None, Some((*prefix, *failure)))
        }
        PrefixOutcome::Validated
        | PrefixOutcome::ValidationNeeded
        | PrefixOutcome::ManualValidationNeeded
        | PrefixOutcome::SupportTicketResolved => return Err(not_pending()),
    };
    let mut next = c.clone();
    for peering in &mut next.peerings {
        if peering.peering_type == PeeringType::MicrosoftPeering {
            peering.advertised_public_prefixes_state = apps;
            for info in &mut peering.prefix_info {
                if let Some(s) = all {
                    info.validation_state = s;
                }
                if let Some((prefix, s)) = one {
                    if info.prefix == prefix {
                        info.validation_state = s;
                    }
                }
            }
        }
    }
    let mut notes = vec![explain_prefixes_state(apps).meaning];
    if let Some(s) = all.or(one.map(|(_, s)| s)) {
        if s.is_failure() {
            notes.extend(explain_prefix_validation(s).next_steps);
        }
    }
    ok(next, notes)
}

/// Adds a prefix's validation ID and signature, as
/// `Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig` then `Set-AzExpressRouteCircuit` do,
/// with the cmdlet's refusals in its order: no Microsoft peering, a prefix that is not advertised,
/// info that already exists. Microsoft then checks the signature against the certificate in the
/// routing registry, so the prefix (and the prefixes state) is Configuring again.
/// [PS-PREFIX] [SPEC-2024-10]
fn add_prefix_validation_info(
    c: &Circuit,
    prefix: &ipnet::IpNet,
    validation_id: &str,
    signature: &str,
) -> Result<Transition, Refusal> {
    let (validation_id, signature) = (validation_id.trim(), signature.trim());
    if validation_id.is_empty() {
        return Err(Refusal::ValidationInfoMissing {
            what: "validation ID",
        });
    }
    if signature.is_empty() {
        return Err(Refusal::ValidationInfoMissing { what: "signature" });
    }
    let p = c
        .peering(PeeringType::MicrosoftPeering)
        .ok_or(Refusal::MicrosoftPeeringNotConfigured)?;
    let advertised = p
        .config
        .microsoft
        .as_ref()
        .is_some_and(|m| m.advertised_public_prefixes.contains(prefix));
    if !advertised {
        return Err(Refusal::PrefixNotAdvertised {
            prefix: prefix.to_string(),
        });
    }
    if p.prefix_info
        .iter()
        .any(|i| i.prefix == *prefix && i.has_validation_info())
    {
        return Err(Refusal::PrefixInfoAlreadyExists {
            prefix: prefix.to_string(),
        });
    }
    let mut next = c.clone();
    for peering in &mut next.peerings {
        if peering.peering_type != PeeringType::MicrosoftPeering {
            continue;
        }
        let info = match peering.prefix_info.iter().position(|i| i.prefix == *prefix) {
            Some(i) => &mut peering.prefix_info[i],
            None => {
                peering
                    .prefix_info
                    .push(PrefixInfo::new(*prefix, PrefixValidationState::Configuring));
                let last = peering.prefix_info.len() - 1;
                &mut peering.prefix_info[last]
            }
        };
        info.validation_id = Some(validation_id.to_string());
        info.signature = Some(signature.to_string());
        info.validation_state = PrefixValidationState::Configuring;
        peering.advertised_public_prefixes_state = Apps::Configuring;
    }
    ok(
        next,
        vec![
            format!("The validation ID and signature of {prefix} are added to Microsoft peering."),
            "Microsoft checks the signature against the certificate in the routing registry record of the prefix; the BGP session comes up once the advertised public prefixes are Configured.".into(),
        ],
    )
}

fn authorization_room(c: &Circuit) -> Result<(), Refusal> {
    // [PS-DOC-ADD-AUTH]: as many as 10 authorizations per circuit.
    if c.authorizations.len() >= MAX_AUTHORIZATIONS {
        Err(Refusal::AuthorizationLimit {
            limit: MAX_AUTHORIZATIONS,
        })
    } else {
        Ok(())
    }
}

fn add_authorization(c: &Circuit, name: &str, key: &str) -> Result<Transition, Refusal> {
    check_resource_name(name)?;
    if c.authorization(name).is_some() {
        return Err(Refusal::AuthorizationNameTaken { name: name.into() });
    }
    if !is_guid(key) {
        return Err(Refusal::KeyNotGuid {
            what: "authorization key",
            given: key.into(),
        });
    }
    let key = key.to_ascii_lowercase();
    if c.authorizations.iter().any(|a| a.authorization_key == key) {
        return Err(Refusal::AuthorizationKeyTaken);
    }
    let mut next = c.clone();
    next.authorizations.push(Authorization {
        name: name.into(),
        authorization_key: key,
        authorization_use_status: AuthorizationUseStatus::Available,
        connection: None,
    });
    next.provisioning_state = ProvisioningState::Succeeded;
    ok(
        next,
        vec!["Give the authorization key and the circuit's resource ID to the owner of the VNet in the other subscription; the key is valid for one connection.".into()],
    )
}

fn remove_authorization(c: &Circuit, name: &str) -> Result<Transition, Refusal> {
    let auth = c
        .authorization(name)
        .ok_or_else(|| Refusal::AuthorizationNotFound { name: name.into() })?;
    let mut next = c.clone();
    let mut warnings = Vec::new();
    // [PS-LINK]: revoking an authorization deletes the connections that used it.
    if let Some(link) = &auth.connection {
        warnings.push(Warning::AuthorizationRevokedDeletesLink {
            name: name.into(),
            link: link.clone(),
        });
    }
    next.vnet_links
        .retain(|l| l.authorization.as_deref() != Some(name));
    next.authorizations.retain(|a| a.name != name);
    next.provisioning_state = ProvisioningState::Succeeded;
    Ok(Transition {
        circuit: next,
        warnings,
        notes: vec![format!("Authorization '{name}' deleted.")],
    })
}

/// Checks before any VNet link: circuit enabled, room under the limit, private
/// peering present (warning only on Layer 3 circuits).
fn link_gate(c: &Circuit) -> Result<Vec<Warning>, Refusal> {
    if c.circuit_provisioning_state != CircuitProvisioningState::Enabled {
        return Err(Refusal::CircuitNotEnabled {
            status: c.circuit_provisioning_state.to_string(),
        });
    }
    // SC-38 [LIMITS]
    let limit = c.link_limit();
    if c.links_used() >= limit as usize {
        // Premium's limit grows with bandwidth, but not at every step (100 and 200 Mbps both
        // allow 25): name the first bandwidth that actually allows more. [LIMITS]
        let more_links_at = (c.sku.tier == SkuTier::Premium)
            .then(|| {
                higher_bandwidths(c)
                    .into_iter()
                    .find(|mbps| link_limit(SkuTier::Premium, *mbps) > limit)
            })
            .flatten();
        return Err(Refusal::LinkLimitReached {
            limit,
            tier: c.sku.tier,
            bandwidth_mbps: c.bandwidth_mbps(),
            more_links_at,
        });
    }
    // [WF] step 4 before step 5: VNets connect through private peering.
    match (
        c.peering(PeeringType::AzurePrivatePeering),
        c.routing_model(),
    ) {
        (Some(_), _) => Ok(Vec::new()),
        (None, RoutingModel::Layer3) => Ok(vec![Warning::Layer3PrivatePeeringUnknown]),
        (None, RoutingModel::Layer2) => Err(Refusal::LinkNeedsPrivatePeering),
    }
}

/// Whether the circuit reaches a VNet in `vnet_region`: decided by the circuit's *peering
/// location*, never its resource region. Standard reaches the regions of the location's
/// geopolitical region, Local only the location's local regions, Premium every region.
/// `Err` when Microsoft's lists say no; a warning when the location or region is not in them.
/// [LOCATIONS] [PS-LINK] [CLI-LINK] [FAQ]
pub fn reach_check(c: &Circuit, vnet_region: &str) -> Result<Option<Warning>, Refusal> {
    if !links_only_in_own_geopolitical_region(c.sku.tier) {
        return Ok(None);
    }
    let unknown_location = || {
        Ok(Some(Warning::PeeringLocationUnknown {
            location: c.peering_location().unwrap_or_default().to_string(),
        }))
    };
    let Some(location) = c
        .peering_location()
        .and_then(crate::catalog::peering_location)
    else {
        return unknown_location();
    };
    if c.sku.tier == SkuTier::Local {
        let key = crate::catalog::name_key(vnet_region);
        return if location
            .local_azure_regions
            .iter()
            .any(|r| crate::catalog::name_key(r) == key)
        {
            Ok(None)
        } else {
            Err(Refusal::OutsideLocalRegions {
                vnet_region: vnet_region.into(),
                location,
            })
        };
    }
    match geopolitical_area(vnet_region) {
        Some(g) if g == location.geopolitical_region => Ok(None),
        Some(g) => Err(Refusal::OtherGeopoliticalRegion {
            vnet_region: vnet_region.into(),
            vnet_geopolitical: g,
            location,
            tier: c.sku.tier,
        }),
        None => Ok(Some(Warning::GeopoliticalRegionUnknown {
            region: vnet_region.into(),
        })),
    }
}

fn link_vnet(c: &Circuit, link: &VnetLinkRequest) -> Result<Transition, Refusal> {
    let mut warnings = link_gate(c)?;
    check_resource_name(&link.connection_name)?;
    if c.vnet_link(&link.connection_name).is_some() {
        return Err(Refusal::LinkNameTaken {
            name: link.connection_name.clone(),
        });
    }
    if link.vnet_name.trim().is_empty() {
        return Err(Refusal::Required {
            what: "Virtual network",
        });
    }
    if link.address_spaces.len() > MAX_VNET_ADDRESS_SPACES_AT_LINK {
        return Err(Refusal::TooManyAddressSpaces {
            count: link.address_spaces.len(),
            limit: MAX_VNET_ADDRESS_SPACES_AT_LINK,
        });
    }
    // SC-23 [PS-ROUTING]: peering subnets must stay outside VNet address spaces.
    for p in &c.peerings {
        for (_, net) in p.config.subnets() {
            if let Some(space) = link.address_spaces.iter().find(|s| overlaps(s, &net)) {
                return Err(Refusal::OverlapsVnet {
                    subnet: net.to_string(),
                    vnet_space: space.to_string(),
                    vnet: link.vnet_name.clone(),
                });
            }
        }
    }
    warnings.extend(reach_check(c, &link.vnet_region)?);
    let mut next = c.clone();
    let mut authorization = None;
    let mut notes = Vec::new();
    if let Some(key) = &link.authorization_key {
        // SC-38 [PS-LINK]: one connection per authorization.
        let key = key.to_ascii_lowercase();
        let auth = next
            .authorizations
            .iter_mut()
            .find(|a| a.authorization_key == key)
            .ok_or(Refusal::AuthorizationKeyNotFound)?;
        if auth.authorization_use_status == AuthorizationUseStatus::InUse {
            return Err(Refusal::AuthorizationInUse {
                name: auth.name.clone(),
            });
        }
        auth.authorization_use_status = AuthorizationUseStatus::InUse;
        auth.connection = Some(link.connection_name.clone());
        authorization = Some(auth.name.clone());
        notes.push(format!(
            "Authorization '{}' is now InUse by connection '{}'.",
            auth.name, link.connection_name
        ));
    }
    next.vnet_links.push(VnetLink {
        name: link.connection_name.clone(),
        vnet_name: link.vnet_name.clone(),
        vnet_region: link.vnet_region.clone(),
        address_spaces: link.address_spaces.clone(),
        authorization,
    });
    next.provisioning_state = ProvisioningState::Succeeded;
    notes.push(format!(
        "Virtual network '{}' linked ({} of {} links used).",
        link.vnet_name,
        next.links_used(),
        next.link_limit()
    ));
    Ok(Transition {
        circuit: next,
        warnings,
        notes,
    })
}

fn unlink_vnet(c: &Circuit, name: &str) -> Result<Transition, Refusal> {
    let link = c
        .vnet_link(name)
        .ok_or_else(|| Refusal::LinkNotFound { name: name.into() })?;
    let mut next = c.clone();
    let mut notes = vec![format!("Connection '{name}' deleted.")];
    if let Some(auth_name) = &link.authorization {
        // [PS-LINK]: releasing an authorization = deleting its connection.
        for a in &mut next.authorizations {
            if &a.name == auth_name {
                a.authorization_use_status = AuthorizationUseStatus::Available;
                a.connection = None;
            }
        }
        notes.push(format!("Authorization '{auth_name}' is Available again."));
    }
    next.vnet_links.retain(|l| l.name != name);
    next.provisioning_state = ProvisioningState::Succeeded;
    ok(next, notes)
}

fn change_bandwidth(c: &Circuit, mbps: u32) -> Result<Transition, Refusal> {
    let current = c.bandwidth_mbps();
    if mbps == current {
        return Err(Refusal::BandwidthUnchanged { mbps });
    }
    // SC-39b [PS-CIRCUIT] [TF-CIRCUIT]
    if mbps < current {
        return Err(Refusal::BandwidthDecrease {
            from: current,
            to: mbps,
            direct: c.is_direct(),
        });
    }
    let mut next = c.clone();
    let mut notes = Vec::new();
    match &mut next.port {
        Port::Provider {
            bandwidth_in_mbps, ..
        } => {
            if !PROVIDER_BANDWIDTHS_MBPS.contains(&mbps) {
                return Err(Refusal::BandwidthNotOffered {
                    given: mbps,
                    offered: PROVIDER_BANDWIDTHS_MBPS.to_vec(),
                });
            }
            *bandwidth_in_mbps = mbps;
            notes.push("Bandwidth increased without downtime (if the port has capacity). The provider must update its side too; billing follows the new bandwidth.".into());
        }
        Port::Direct {
            bandwidth_in_gbps, ..
        } => {
            let gbps = mbps / 1000;
            let offered = direct_bandwidths(c);
            if !mbps.is_multiple_of(1000) || !offered.contains(&gbps) {
                return Err(Refusal::DirectBandwidthNotOffered {
                    given_gbps: gbps,
                    offered: offered.to_vec(),
                    port_gbps: match &c.port {
                        Port::Direct {
                            port_bandwidth_gbps,
                            ..
                        } => *port_bandwidth_gbps,
                        Port::Provider { .. } => None,
                    },
                });
            }
            *bandwidth_in_gbps = gbps;
            notes.push("Bandwidth increased (the Direct port must have the capacity); billing follows the new bandwidth.".into());
        }
    }
    next.provisioning_state = ProvisioningState::Succeeded;
    ok(next, notes)
}

fn change_family(c: &Circuit, family: SkuFamily) -> Result<Transition, Refusal> {
    match (c.sku.family, family) {
        (SkuFamily::MeteredData, SkuFamily::UnlimitedData) => {
            let mut next = c.clone();
            next.sku.family = family;
            next.provisioning_state = ProvisioningState::Succeeded;
            ok(
                next,
                vec!["Billing model changed to UnlimitedData without downtime; it cannot be changed back to MeteredData.".into()],
            )
        }
        // SC-39c [PS-CIRCUIT]
        (SkuFamily::UnlimitedData, SkuFamily::MeteredData) => Err(Refusal::UnlimitedToMetered),
        (SkuFamily::MeteredData, SkuFamily::MeteredData)
        | (SkuFamily::UnlimitedData, SkuFamily::UnlimitedData) => {
            Err(Refusal::FamilyUnchanged { family })
        }
    }
}

fn change_tier(c: &Circuit, tier: SkuTier) -> Result<Transition, Refusal> {
    let from = c.sku.tier;
    if from == tier {
        return Err(Refusal::TierUnchanged { tier });
    }
    let mut warnings = Vec::new();
    let note = match tier {
        SkuTier::Basic => return Err(Refusal::BasicTierNotOffered),
        // SC-39e [PORTAL-CIRCUIT]: PowerShell/CLI only.
        SkuTier::Local => return Err(Refusal::LocalTierNotInPortal { from }),
        SkuTier::Premium => {
            "Premium enabled without downtime; premium billing starts now.".to_string()
        }
        SkuTier::Standard => {
            if from == SkuTier::Premium {
                let limit = link_limit(SkuTier::Standard, c.bandwidth_mbps());
                // Reach follows the peering location: what a Standard circuit there would refuse.
                let as_standard = Circuit {
                    sku: crate::circuit::Sku {
                        tier: SkuTier::Standard,
                        ..c.sku
                    },
                    ..c.clone()
                };
                let other_region_links: Vec<String> = c
                    .vnet_links
                    .iter()
                    .filter(|l| reach_check(&as_standard, &l.vnet_region).is_err())
                    .map(|l| l.name.clone())
                    .collect();
                if too_many_links_to_downgrade(c.links_used(), limit)
                    || !other_region_links.is_empty()
                {
                    return Err(Refusal::PremiumDowngradeBlocked {
                        to: tier,
                        links: c.links_used(),
                        limit,
                        other_region_links,
                    });
                }
                warnings.push(Warning::PrivateRouteLimitAfterDowngrade);
                "Premium disabled; premium billing stops.".to_string()
            } else {
                format!("SKU tier changed from {from} to Standard.")
            }
        }
    };
    let mut next = c.clone();
    next.sku.tier = tier;
    next.provisioning_state = ProvisioningState::Succeeded;
    Ok(Transition {
        circuit: next,
        warnings,
        notes: vec![note],
    })
}

fn set_allow_classic(c: &Circuit, value: bool) -> Result<Transition, Refusal> {
    if c.allow_classic_operations == value {
        return Err(Refusal::ClassicOperationsUnchanged { value });
    }
    let mut next = c.clone();
    next.allow_classic_operations = value;
    next.provisioning_state = ProvisioningState::Succeeded;
    ok(
        next,
        vec![format!(
            "Allow classic operations is now {}.",
            if value { "on" } else { "off" }
        )],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // apply_delete is the delete rule apply uses: the same answer for every representative
    // circuit (each phase, Direct, with and without what blocks deletion). [WF] [ISSUE-DELETE]
    #[test]
    fn apply_delete_answers_exactly_as_apply_does_wf() {
        let circuits = crate::diagram::circuit_representatives();
        assert!(circuits.len() > 5);
        let mut deleted = 0;
        for c in circuits {
            let via_apply = apply(&c, &Action::Delete);
            let alone = apply_delete(&c);
            // The same refusal, with the same words, remedy and source.
            if let (Err(d), Err(r)) = (&alone, &via_apply) {
                assert_eq!(d.to_string(), r.to_string(), "{}", c.name);
                assert_eq!(d.remedy(), r.remedy(), "{}", c.name);
                assert_eq!(d.source_key(), r.source_key(), "{}", c.name);
            }
            assert_eq!(alone.map_err(Refusal::from), via_apply, "{}", c.name);
            deleted += usize::from(via_apply.is_ok());
        }
        assert!(deleted > 0, "some representative can be deleted");
    }
}
