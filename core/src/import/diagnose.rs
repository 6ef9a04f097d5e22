//! The diagnosis of an imported circuit, in plain words from the core's
//! explanations (`explain_*`, [`next_step`], [`precondition`]).

use crate::action::ActionKind;
use crate::circuit::{Circuit, CircuitPhase, Peering};
use crate::enums::{
    AdvertisedPublicPrefixesState as Apps, CircuitProvisioningState, LinkAdminState, PeeringState,
    PeeringType, PortEncapsulation, ProvisioningState, RoutingModel, SkuTier,
};
use crate::explain::{
    explain_authorization, explain_circuit_state, explain_phase, explain_prefix_validation,
    explain_prefixes_state, explain_provisioning_state, explain_routing_model, next_step,
    StateInfo,
};
use crate::machine::precondition;
use crate::routing::{is_private_asn, is_public};

use super::{
    DirectPort, ImportedPeering, ImportedResource, OtherResource, ParentCircuit, UnknownField,
    UnknownReason,
};

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
    let peerings: Vec<ImportedPeering> = c.peerings.iter().map(as_read).collect();
    diagnose_circuit(c, &peerings, unknown)
}

/// Diagnoses whatever was imported: only what the paste contains is presented as fact.
pub(crate) fn diagnose_import(
    resource: &ImportedResource,
    peerings: &[ImportedPeering],
    unknown: &[UnknownField],
) -> Diagnosis {
    match resource {
        ImportedResource::Circuit(c) => diagnose_circuit(c, peerings, unknown),
        ImportedResource::Peering { parent } => diagnose_peering_alone(parent, peerings, unknown),
        ImportedResource::Authorization {
            parent,
            authorization,
        } => {
            let mut d = Diagnosis::default();
            let info = explain_authorization(authorization.authorization_use_status);
            d.fine.push(sentence(
                &format!("Authorization {}", authorization.name),
                &info,
            ));
            d.notes.push(format!("This paste is only an authorization of {}: that circuit's provider status, Status, SKU, bandwidth and provider are not in it, so none is shown. Paste the circuit itself to see them. [SPEC-2024-05]", circuit_name(parent)));
            unknown_findings(&mut d, unknown, &[]);
            d.next_step = format!(
                "{}: {}",
                info.title,
                info.next_steps.first().cloned().unwrap_or(info.meaning)
            );
            d
        }
        ImportedResource::DirectPort(p) => diagnose_port(p, unknown),
        ImportedResource::RouteFilter(f) => diagnose_route_filter(f, unknown),
        ImportedResource::Other(o) => diagnose_other(o),
    }
}

/// A model peering as read (nothing unknown).
fn as_read(p: &Peering) -> ImportedPeering {
    let ms = p.config.microsoft.as_ref();
    ImportedPeering {
        path: String::new(),
        peering_type: p.peering_type,
        state: p.state,
        provisioning_state: p.provisioning_state,
        vlan_id: Some(p.config.vlan_id.get()),
        peer_asn: Some(p.config.peer_asn.get()),
        ipv4_subnets: p
            .config
            .ipv4
            .map(|x| (x.primary().to_string(), x.secondary().to_string())),
        advertised_public_prefixes_state: (p.peering_type == PeeringType::MicrosoftPeering)
            .then_some(p.advertised_public_prefixes_state),
        advertised_public_prefixes: ms
            .map(|m| m.advertised_public_prefixes.clone())
            .unwrap_or_default(),
        routing_registry_name: ms
            .and_then(|m| m.routing_registry_name)
            .map(|r| r.to_string()),
        customer_asn: ms.and_then(|m| m.customer_asn).map(|a| a.get()),
        prefix_info: p.prefix_info.clone(),
        gaps: Vec::new(),
        in_circuit: true,
    }
}

fn circuit_name(parent: &ParentCircuit) -> String {
    parent.name.as_ref().map_or_else(
        || "a circuit whose name is not in the paste".to_string(),
        |n| format!("circuit {n}"),
    )
}

fn diagnose_circuit(
    c: &Circuit,
    peerings: &[ImportedPeering],
    unknown: &[UnknownField],
) -> Diagnosis {
    let mut d = Diagnosis::default();
    circuit_state_findings(&mut d, c);
    lifecycle_findings(&mut d, c);
    circuit_peering_findings(&mut d, c, peerings);
    global_reach_findings(&mut d, c);
    for a in &c.authorizations {
        d.fine.push(sentence(
            &format!("Authorization {}", a.name),
            &explain_authorization(a.authorization_use_status),
        ));
    }
    unknown_findings(&mut d, unknown, peerings);
    d.next_step = circuit_next_step(c, peerings);
    d
}

/// Microsoft's side and the ARM resource, then the provider's side (not for Direct, SC-14).
fn circuit_state_findings(d: &mut Diagnosis, c: &Circuit) {
    let status = explain_circuit_state(&c.circuit_provisioning_state);
    match c.circuit_provisioning_state {
        CircuitProvisioningState::Enabled => d.fine.push(sentence("Status", &status)),
        CircuitProvisioningState::Disabled | CircuitProvisioningState::Other(_) => {
            d.blocking.push(sentence("Status", &status));
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
    let phase = c.phase();
    let phase_info = explain_phase(phase);
    match phase {
        CircuitPhase::Provisioned => d.fine.push(sentence("Provider status", &phase_info)),
        CircuitPhase::Direct => d.fine.push(sentence("", &phase_info)),
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
}

/// Whether it can be deleted, what it costs and who configures its routing.
fn lifecycle_findings(d: &mut Diagnosis, c: &Circuit) {
    // Deleting is refused while the provider has the circuit. [WF] [ISSUE-DELETE]
    if c.phase() != CircuitPhase::Deleting {
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
}

/// Peerings: every peering in the paste, whole or with values that could not be read, and
/// what Microsoft peering receives.
fn circuit_peering_findings(d: &mut Diagnosis, c: &Circuit, peerings: &[ImportedPeering]) {
    if peerings.is_empty()
        && matches!(c.phase(), CircuitPhase::Provisioned | CircuitPhase::Direct)
        && c.routing_model() == RoutingModel::Layer2
    {
        d.blocking.push("No peering is configured, so no traffic can flow yet: add Azure private peering to reach your VNets, and/or Microsoft peering for Microsoft 365 and Azure public services. [WF]".to_string());
    }
    peering_findings(d, peerings, true);
    // [ROUTE-FILTER]: Microsoft peering receives nothing without a route filter.
    if let Some(info) = crate::route_filter::explain_receives(c) {
        let line = format!(
            "Microsoft peering — {}: {} {}",
            info.title, info.meaning, info.source
        );
        if info.title == crate::route_filter::NO_ROUTE_FILTER_TITLE {
            d.blocking.push(line);
        } else {
            d.fine.push(line);
        }
    }
}

/// Global Reach: a Local circuit cannot have it, and each connection is named.
fn global_reach_findings(d: &mut Diagnosis, c: &Circuit) {
    // [FAQ]: ExpressRoute Local has no Global Reach, so a Local circuit listing Global Reach
    // connections does not add up.
    let global_reach: Vec<&str> = c
        .peerings
        .iter()
        .flat_map(|p| p.global_reach.iter().map(|g| g.name.as_str()))
        .collect();
    if c.sku.tier == SkuTier::Local && !global_reach.is_empty() {
        d.blocking.push(format!(
            "This is a Local circuit, and ExpressRoute Local does not support Global Reach, yet it lists Global Reach connections ({}). Check the SKU and those connections in the Azure portal. [FAQ]",
            global_reach.join(", ")
        ));
    }
    // Each Global Reach connection, made here or by the other circuit, with its subnets and
    // status. [SPEC-2024-05] [GR-PS]
    for p in &c.peerings {
        let made_here = p.global_reach.iter().map(|g| (g, true));
        let made_there = p.peer_global_reach.iter().map(|g| (g, false));
        for (g, here) in made_here.chain(made_there) {
            d.fine.push(global_reach_line(g, here));
        }
    }
}

/// One Global Reach connection: the other circuit, its subnets and its status. [GR-PS]
fn global_reach_line(g: &crate::global_reach::GlobalReachConnection, here: bool) -> String {
    let other = match g.peer_circuit_name() {
        "" => "a circuit not named in the paste".to_string(),
        n => format!("circuit {n}"),
    };
    let subnets: Vec<String> = [g.address_prefix, g.ipv6_address_prefix]
        .into_iter()
        .flatten()
        .map(|n| n.to_string())
        .collect();
    format!(
        "Global Reach {}: {} {other}, subnet {}, status {}. [GR-PS]",
        g.name,
        if here {
            "connects this circuit's private peering to"
        } else {
            "made on"
        },
        if subnets.is_empty() {
            "not shown".to_string()
        } else {
            subnets.join(" and ")
        },
        g.status.map_or("not shown", |s| s.as_str()),
    )
}

/// The next step: values to find first, then Microsoft peering's validation, else the
/// core's own next step.
fn circuit_next_step(c: &Circuit, peerings: &[ImportedPeering]) -> String {
    let gapped: Vec<&ImportedPeering> = peerings.iter().filter(|p| !p.gaps.is_empty()).collect();
    if c.is_usable() && !gapped.is_empty() {
        gap_next_step(&gapped)
    } else if let Some(ms) = peerings.iter().find(|p| {
        p.peering_type == PeeringType::MicrosoftPeering
            && p.advertised_public_prefixes_state == Some(Apps::ValidationNeeded)
    }) {
        if c.is_usable() && c.routing_model() == RoutingModel::Layer2 {
            ms_next_step(ms)
        } else {
            core_next_step(c)
        }
    } else {
        core_next_step(c)
    }
}

fn core_next_step(c: &Circuit) -> String {
    let next = next_step(c);
    let what = next
        .next_steps
        .first()
        .cloned()
        .unwrap_or_else(|| next.meaning.clone());
    format!("{}: {what}", next.title)
}

/// Values that could not be read: redacted ones are noted, the others block (the wizard
/// cannot judge them). A peering's gaps are said once, with the peering.
fn unknown_findings(d: &mut Diagnosis, unknown: &[UnknownField], peerings: &[ImportedPeering]) {
    for u in unknown {
        if peerings
            .iter()
            .any(|p| p.gaps.iter().any(|g| g.field == u.field))
        {
            continue;
        }
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
}

/// "the peer ASN ('123##') and the VLAN ID ('xxx')".
fn gap_list(p: &ImportedPeering) -> String {
    let items: Vec<String> = p
        .gaps
        .iter()
        .map(|g| match &g.value {
            Some(v) => format!("the {} ('{v}')", g.label),
            None => format!("the {} (not in the paste)", g.label),
        })
        .collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn gap_next_step(gapped: &[&ImportedPeering]) -> String {
    let what: Vec<String> = gapped
        .iter()
        .map(|p| format!("{} of {}", gap_list(p), p.peering_type))
        .collect();
    format!(
        "Find the values that could not be read: {}. Read them in the Azure portal (the circuit's Peerings) or with `Get-AzExpressRouteCircuitPeeringConfig` / `az network express-route peering show`, then paste the output again with them.",
        what.join("; ")
    )
}

/// What the paste says about each peering.
fn peering_findings(d: &mut Diagnosis, peerings: &[ImportedPeering], in_circuit: bool) {
    for p in peerings {
        let kind = p.peering_type;
        if !p.gaps.is_empty() {
            let n = p.gaps.len();
            let mut line = format!(
                "{kind} is in the paste, but {} could not be read: the peering is kept with {} unknown, and the wizard cannot check {} until {} known.",
                gap_list(p),
                if n == 1 { "that value" } else { "those values" },
                if n == 1 { "it" } else { "them" },
                if n == 1 { "it is" } else { "they are" },
            );
            if in_circuit {
                line.push_str(" Saving keeps the circuit without this peering; add it on step 4 with the real values.");
            }
            line.push_str(" [SPEC-2024-05]");
            d.blocking.push(line);
        }
        if p.state == PeeringState::Disabled {
            d.blocking.push(format!("{kind} is Disabled: both its BGP sessions are shut down. Enable it to use it. [RESET]"));
        }
        if p.provisioning_state != ProvisioningState::Succeeded {
            d.blocking.push(sentence(
                &format!("{kind} provisioning state"),
                &explain_provisioning_state(p.provisioning_state),
            ));
        }
        if let Some(state) = p.advertised_public_prefixes_state {
            prefixes_findings(d, p, state);
        }
        let prefixes_ok = p
            .advertised_public_prefixes_state
            .is_none_or(|s| s == Apps::Configured);
        if p.gaps.is_empty()
            && p.state == PeeringState::Enabled
            && prefixes_ok
            && p.provisioning_state == ProvisioningState::Succeeded
        {
            d.fine.push(format!(
                "{kind} is Enabled and its BGP sessions can come up. [WF]"
            ));
        }
    }
}

/// Microsoft peering's advertised public prefixes, and each prefix's validation.
fn prefixes_findings(d: &mut Diagnosis, p: &ImportedPeering, state: Apps) {
    let s = explain_prefixes_state(state);
    match state {
        Apps::Configured => d
            .fine
            .push(sentence("MicrosoftPeering advertised public prefixes", &s)),
        Apps::ValidationNeeded => d.blocking.push(validation_needed(p)),
        Apps::NotConfigured | Apps::Configuring => {
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

/// Why Microsoft peering prefixes may need validation, as far as the paste shows.
fn validation_causes(p: &ImportedPeering) -> Vec<String> {
    let mut causes = Vec::new();
    let registry = p.routing_registry_name.as_deref();
    if registry.is_none_or(|r| r.eq_ignore_ascii_case("NONE")) {
        causes.push(format!(
            "the routing registry is {}: Microsoft checks that the prefixes are registered to your ASN in a routing registry (ARIN, APNIC, AFRINIC, LACNIC, RIPENCC, RADB or ALTDB), and this peering names none [ROUTING] [PS-ROUTING]",
            registry.unwrap_or("not set")
        ));
    }
    let asn_private =
        p.peer_asn.is_some_and(is_private_asn) && p.customer_asn.is_none_or(is_private_asn);
    if let (true, Some(asn)) = (asn_private, p.peer_asn) {
        causes.push(format!(
            "peer ASN {asn} is a private AS number: Microsoft peering accepts one, but its prefixes then need manual validation [ROUTING]"
        ));
    }
    let not_public: Vec<String> = p
        .advertised_public_prefixes
        .iter()
        .filter(|n| !is_public(n))
        .map(ToString::to_string)
        .collect();
    if !not_public.is_empty() {
        causes.push(format!(
            "{} {} not public: Microsoft peering accepts only public prefixes that you own [WF] [PS-ROUTING]",
            not_public.join(", "),
            if not_public.len() == 1 { "is" } else { "are" }
        ));
    }
    causes
}

/// The documented path since api-version 2024-10-01, then the support ticket.
const VALIDATION_ID_PATH: &str = "Since API version 2024-10-01 each advertised prefix can be validated on its own: Azure gives it a validation ID (`advertisedPublicPrefixInfo`); sign that ID with the private key whose certificate is in your routing registry (with openssl) and set the signature with `Set-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -Prefix <prefix> -ValidationId <id> -Signature <signature>`, then `Set-AzExpressRouteCircuit`. [SPEC-2024-10] [COMMIT-PREFIXVALID] [PS-PREFIX]";
const TICKET: &str = "If that is not possible, collect documents showing the prefixes (and the ASN) are assigned to your organisation by the registry owner. Open a support ticket with Microsoft support with that evidence. [WF] [PS-ROUTING] [CLI-ROUTING] [PORTAL-ROUTING]";

fn validation_needed(p: &ImportedPeering) -> String {
    let s = explain_prefixes_state(Apps::ValidationNeeded);
    let mut out = format!(
        "MicrosoftPeering advertised public prefixes {}: {}",
        s.title, s.meaning
    );
    let causes = validation_causes(p);
    if !causes.is_empty() {
        out.push_str(" Likely causes in this paste: ");
        out.push_str(
            &causes
                .iter()
                .enumerate()
                .map(|(i, c)| format!("({}) {c}", i + 1))
                .collect::<Vec<_>>()
                .join("; "),
        );
        out.push_str(". Correct these first, then update the peering.");
    }
    out.push(' ');
    out.push_str(VALIDATION_ID_PATH);
    out.push(' ');
    out.push_str(TICKET);
    out
}

fn ms_next_step(p: &ImportedPeering) -> String {
    let what = match validation_causes(p).first() {
        Some(cause) => format!("correct the likely cause first: {cause}."),
        None => {
            format!("validate each prefix with its validation ID. {VALIDATION_ID_PATH} {TICKET}")
        }
    };
    format!("Microsoft peering prefixes: ValidationNeeded: {what}")
}

/// A peering pasted alone: its own states only.
fn diagnose_peering_alone(
    parent: &ParentCircuit,
    peerings: &[ImportedPeering],
    unknown: &[UnknownField],
) -> Diagnosis {
    let mut d = Diagnosis::default();
    let kind = peerings
        .first()
        .map_or("peering".to_string(), |p| p.peering_type.to_string());
    d.notes.push(format!("This paste is only the {kind} of {}: that circuit's provider status, Status, SKU, bandwidth and provider are not in it, so none is shown. Paste the circuit itself to see them. [SPEC-2024-05]", circuit_name(parent)));
    peering_findings(&mut d, peerings, false);
    unknown_findings(&mut d, unknown, peerings);
    let gapped: Vec<&ImportedPeering> = peerings.iter().filter(|p| !p.gaps.is_empty()).collect();
    d.next_step = if !gapped.is_empty() {
        gap_next_step(&gapped)
    } else if let Some(p) = peerings.first() {
        match (p.peering_type, p.advertised_public_prefixes_state, p.state) {
            (_, _, PeeringState::Disabled) => format!("{} is disabled: enable it (set its state to Enabled) to bring its BGP sessions up. [RESET]", p.peering_type),
            (PeeringType::MicrosoftPeering, Some(Apps::ValidationNeeded), _) => ms_next_step(p),
            (PeeringType::MicrosoftPeering, Some(Apps::Configured), _) => "Ready: Microsoft peering is Enabled and its advertised prefixes are validated. [WF]".to_string(),
            (PeeringType::MicrosoftPeering, Some(s), _) => {
                let i = explain_prefixes_state(s);
                format!("Microsoft peering prefixes: {}: {}", i.title, i.next_steps.first().cloned().unwrap_or(i.meaning))
            }
            _ => "Link virtual networks: private peering is Enabled; this paste does not show whether virtual networks are linked. Link a VNet in the same subscription, or create an authorization for a VNet in another subscription. [WF] [PS-LINK]".to_string(),
        }
    } else {
        "Paste the circuit itself to see its state.".to_string()
    };
    d
}

/// An ExpressRoute Direct port: what its links' states mean and what comes before any
/// traffic. [ERDIRECT-HOWTO] [ERDIRECT-ABOUT] [FAQ]
fn diagnose_port(p: &DirectPort, unknown: &[UnknownField]) -> Diagnosis {
    let mut d = Diagnosis::default();
    d.notes.push("This is an ExpressRoute Direct port (a pair of physical ports, link1 the primary and link2 the secondary, at an ExpressRoute Direct location), not a circuit: it has no service key and no provider. Circuits are created on it. [ERDIRECT-ABOUT] [ERDIRECT-HOWTO]".to_string());
    match p.provisioning_state {
        Some(ProvisioningState::Succeeded) | None => {}
        Some(s) => d.blocking.push(sentence(
            "Port provisioning state",
            &explain_provisioning_state(s),
        )),
    }
    let links = LinkStates::of(p);
    link_findings(&mut d, p, &links);
    port_notes(&mut d, p);
    if p.circuits.is_empty() {
        d.notes
            .push("No circuit is on this port yet. [SPEC-PORT]".to_string());
    } else {
        d.fine.push(format!(
            "{} circuit{} on this port: {}. Paste each circuit's own output (`Get-AzExpressRouteCircuit`) to follow it here. [SPEC-PORT]",
            p.circuits.len(),
            if p.circuits.len() == 1 { " is" } else { "s are" },
            p.circuits.join(", ")
        ));
    }
    unknown_findings(&mut d, unknown, &[]);
    d.next_step = port_next_step(p, &links);
    d
}

/// A port's links by admin state, each named with its role ("link1 (primary)").
struct LinkStates {
    disabled: Vec<String>,
    enabled: Vec<String>,
    unknown: Vec<String>,
}

impl LinkStates {
    fn of(p: &DirectPort) -> Self {
        let named = |state: Option<LinkAdminState>| -> Vec<String> {
            p.links
                .iter()
                .filter(|l| l.admin_state == state)
                .map(|l| {
                    let role = match l.name.as_str() {
                        "link1" => " (primary)",
                        "link2" => " (secondary)",
                        _ => "",
                    };
                    format!("{}{role}", l.name)
                })
                .collect()
        };
        LinkStates {
            disabled: named(Some(LinkAdminState::Disabled)),
            enabled: named(Some(LinkAdminState::Enabled)),
            unknown: named(None),
        }
    }
}

/// What the links' admin and provisioning states mean, and where each cross-connect goes
/// while one is not enabled. [ERDIRECT-HOWTO] [ERDIRECT-ABOUT] [SPEC-PORT]
fn link_findings(d: &mut Diagnosis, p: &DirectPort, links: &LinkStates) {
    let LinkStates {
        disabled,
        enabled,
        unknown,
    } = links;
    let is_are = |v: &[String]| if v.len() == 1 { "is" } else { "are" };
    if !disabled.is_empty() && enabled.is_empty() {
        d.blocking.push(format!(
            "Both links, {}, are Disabled, as a new port's links are: no traffic can pass on this port yet. Before any traffic come the Letter of Authorization (LOA) for the colocation provider, the cross-connects it makes to both Microsoft routers, and then setting each link's adminState to Enabled (the Layer 1 test of each cross-connect); only then create circuits on the port. [ERDIRECT-HOWTO]",
            disabled.join(" and ")
        ));
    } else if !disabled.is_empty() {
        d.blocking.push(format!(
            "{} {} Disabled while {} {} Enabled: the port runs on one link only, without the redundant pair. Once the cross-connect of {} is in place, set {} adminState to Enabled (`$ERDirect.Links[n].AdminState = \"Enabled\"`, `Set-AzExpressRoutePort -ExpressRoutePort $ERDirect`). [ERDIRECT-HOWTO] [ERDIRECT-ABOUT]",
            disabled.join(", "),
            is_are(disabled),
            enabled.join(", "),
            is_are(enabled),
            disabled.join(", "),
            if disabled.len() == 1 { "its" } else { "their" },
        ));
    } else if !enabled.is_empty() && unknown.is_empty() {
        d.fine.push(format!(
            "Both links, {}, are Enabled: the cross-connects have passed their Layer 1 test. [ERDIRECT-HOWTO]",
            enabled.join(" and ")
        ));
    }
    if !unknown.is_empty() {
        d.blocking.push(format!(
            "The admin state of {} is not in the paste (or could not be read): check it with `Get-AzExpressRoutePort`. [SPEC-PORT]",
            unknown.join(", ")
        ));
    }
    if p.links.is_empty() {
        d.blocking.push("The paste does not list the port's links, so their admin states are unknown: paste the whole output of `Get-AzExpressRoutePort` or `az network express-route port show`. [SPEC-PORT]".to_string());
    }
    let where_to = cross_connects(p);
    if !where_to.is_empty() && !disabled.is_empty() {
        d.notes.push(format!(
            "Where each cross-connect goes, as the port lists it: {}. [SPEC-PORT]",
            where_to.join("; ")
        ));
    }
    for l in &p.links {
        match l.provisioning_state {
            Some(ProvisioningState::Succeeded) | None => {}
            Some(s) => d.blocking.push(sentence(
                &format!("{} provisioning state", l.name),
                &explain_provisioning_state(s),
            )),
        }
    }
}

/// Where the cross-connect of each link not enabled goes, as the port lists it.
fn cross_connects(p: &DirectPort) -> Vec<String> {
    p.links
        .iter()
        .filter(|l| l.admin_state != Some(LinkAdminState::Enabled))
        .filter_map(|l| {
            let parts: Vec<String> = [
                l.router_name.as_ref().map(|r| format!("router {r}")),
                l.interface_name.as_ref().map(|i| format!("interface {i}")),
                l.patch_panel_id
                    .as_ref()
                    .map(|x| format!("patch panel {x}")),
                l.rack_id.as_ref().map(|x| format!("rack {x}")),
                l.connector_type.as_ref().map(|x| format!("{x} connector")),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!parts.is_empty()).then(|| format!("{}: {}", l.name, parts.join(", ")))
        })
        .collect()
}

/// The port's billing and its encapsulation. [FAQ] [ERDIRECT-ABOUT] [ERDIRECT-HOWTO]
fn port_notes(d: &mut Diagnosis, p: &DirectPort) {
    d.notes.push(format!(
        "Billing for the port pair starts 45 days after the port was created{}, or as soon as one or both links are enabled, whichever comes first; it stops when the port is deleted and the cross-connects are removed. [FAQ]",
        p.allocation_date
            .as_ref()
            .map(|a| format!(" (allocated {a})"))
            .unwrap_or_default()
    ));
    match p.encapsulation {
        Some(PortEncapsulation::QinQ) => d.notes.push("Encapsulation QinQ: Azure gives each circuit on the port its own outer tag (S-Tag); a peering's VLAN (C-Tag) must be unique within its circuit only. The encapsulation cannot be changed after the port is created. [ERDIRECT-ABOUT] [ERDIRECT-HOWTO]".to_string()),
        Some(PortEncapsulation::Dot1Q) => d.notes.push("Encapsulation Dot1Q: each peering's VLAN (C-Tag) must be unique across every circuit and peering on the port. The encapsulation cannot be changed after the port is created. [ERDIRECT-ABOUT] [ERDIRECT-HOWTO]".to_string()),
        None => {}
    }
}

/// The LOA and the cross-connects, before the links can be enabled. [ERDIRECT-HOWTO]
const LOA: &str = "generate the Letter of Authorization (LOA) for the port (`New-AzExpressRoutePortLOA -ExpressRoutePort $ERDirect -CustomerName <your company>`, or Generate Letter of Authorization on the port's overview in the portal) and give it to the colocation provider, who makes the cross-connects from your equipment to both Microsoft routers";
/// Enabling each link: the Layer 1 test of its cross-connect. [ERDIRECT-HOWTO]
const ENABLE_LINKS: &str = "then set each link's adminState to Enabled (`$ERDirect.Links[0].AdminState = \"Enabled\"` and `Set-AzExpressRoutePort -ExpressRoutePort $ERDirect`, then the same for Links[1]): this is the Layer 1 test that each cross-connect is patched into the right router, primary and secondary";

/// The port's next step: its links first, then a circuit on it.
fn port_next_step(p: &DirectPort, links: &LinkStates) -> String {
    let sizes = match p.bandwidth_in_gbps {
        Some(100) => " (on a 100-Gbps port: 5, 10, 40 or 100 Gbps, up to 200 Gbps in all)",
        Some(10) => " (on a 10-Gbps port: 1, 2, 5 or 10 Gbps, up to 20 Gbps in all)",
        _ => "",
    };
    if p.links.is_empty() || !links.unknown.is_empty() {
        "Check the links: paste the whole output of `Get-AzExpressRoutePort` (or `az network express-route port show`) with each link's adminState. [SPEC-PORT]".to_string()
    } else if links.enabled.is_empty() {
        format!("Generate the LOA and order the cross-connects: {LOA}; {ENABLE_LINKS}. [ERDIRECT-HOWTO]")
    } else if !links.disabled.is_empty() {
        format!(
            "Enable {} once its cross-connect is in place. [ERDIRECT-HOWTO]",
            links.disabled.join(", ")
        )
    } else if p.circuits.is_empty() {
        format!("Create a circuit on the port{sizes}: `New-AzExpressRouteCircuit -Name <name> -ResourceGroupName <group> -Location <region> -ExpressRoutePort $ERDirect -BandwidthInGbps <Gbps> -SkuTier Standard -SkuFamily MeteredData`. [ERDIRECT-HOWTO] [ERDIRECT-ABOUT]")
    } else {
        "Follow each circuit on the port: paste its own output (`Get-AzExpressRouteCircuit`) here. [ERDIRECT-HOWTO]".to_string()
    }
}

/// A resource the wizard does not read.
fn diagnose_other(o: &OtherResource) -> Diagnosis {
    Diagnosis {
        notes: vec![format!(
            "This is {}, of type {}, not an ExpressRoute circuit: the wizard names it and does not read it.",
            o.what, o.resource_type
        )],
        next_step: o.paste_instead.clone(),
        ..Diagnosis::default()
    }
}

/// A route filter read alone: what its rule selects, by service name, and whether it is
/// attached anywhere. [ROUTE-FILTER] [ROUTING] [SPEC-ROUTE-FILTER]
fn diagnose_route_filter(f: &super::ImportedRouteFilter, unknown: &[UnknownField]) -> Diagnosis {
    use crate::route_filter::community;
    let mut d = Diagnosis::default();
    let name = f.name.clone().unwrap_or_else(|| "this route filter".into());
    match f.rules.as_slice() {
        [] => d.blocking.push(format!("{name} has no rule, so it allows nothing: a Microsoft peering it is attached to receives no prefixes. Add one rule of type Allow with the services' BGP community values (Add-AzRouteFilterRuleConfig then Set-AzRouteFilter, or az network route-filter rule create). [ROUTE-FILTER]")),
        [_, _, ..] => d.blocking.push(format!("{name} has {} rules; Microsoft documents that \"a route filter can have only one rule, and the rule must be of type 'Allow'\". [ROUTE-FILTER]", f.rules.len())),
        [_] => {}
    }
    for r in &f.rules {
        match r.access.as_deref() {
            Some(a) if a.eq_ignore_ascii_case("Allow") => {}
            Some(a) => d.blocking.push(format!("Rule {} has access {a}: the rule of a route filter must be of type 'Allow' (it lists the services to receive). [ROUTE-FILTER]", r.name)),
            None => d.notes.push(format!("Rule {}'s access is not in the paste. [SPEC-ROUTE-FILTER]", r.name)),
        }
        let mut known = Vec::new();
        for v in &r.communities {
            match community(v) {
                Some(c) => known.push(format!("{} ({v})", c.name)),
                None => d.blocking.push(format!("Rule {} allows {v}, which is not a BGP community of Microsoft peering in Microsoft's table: no service's prefixes carry it. [ROUTING]", r.name)),
            }
        }
        if !known.is_empty() {
            d.fine.push(format!(
                "Rule {} allows {}. [ROUTING]",
                r.name,
                known.join(", ")
            ));
        }
        let m365: Vec<String> = r
            .communities
            .iter()
            .filter_map(|v| community(v))
            .filter(|c| c.microsoft_365)
            .map(|c| c.name)
            .collect();
        if !m365.is_empty() {
            d.notes.push(format!("{} {} Microsoft 365: attaching the filter fails unless Microsoft has authorized you to use Microsoft 365 through ExpressRoute, and Microsoft 365 services require the Premium add-on on the circuit. [ROUTE-FILTER] [FAQ]", m365.join(", "), if m365.len() == 1 { "is" } else { "are" }));
        }
    }
    if f.circuits.is_empty() {
        d.notes.push(format!("{name} is attached to no circuit's Microsoft peering: it selects nothing until it is attached. [ROUTE-FILTER]"));
    } else {
        d.fine.push(format!(
            "Attached to the Microsoft peering of {}. [SPEC-ROUTE-FILTER]",
            f.circuits.join(", ")
        ));
    }
    unknown_findings(&mut d, unknown, &[]);
    d.next_step = if !d.blocking.is_empty() {
        "Fix the rule as said above, then save the filter (Set-AzRouteFilter, or az network route-filter rule update).".into()
    } else if f.circuits.is_empty() {
        "Attach it to a circuit's Microsoft peering (Set-AzExpressRouteCircuitPeeringConfig -RouteFilter, or az network express-route peering update --route-filter).".into()
    } else {
        "Nothing to do: the Microsoft peering it is attached to receives these services' prefixes."
            .into()
    };
    d
}
