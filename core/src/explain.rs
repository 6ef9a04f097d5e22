//! Plain-words explanations of every state of every machine, for the UI to render.

use crate::circuit::{Circuit, CircuitPhase, Port};
use crate::enums::{
    AdvertisedPublicPrefixesState as Apps, AuthorizationUseStatus, BgpState,
    CircuitProvisioningState, PeeringState, PeeringType, PrefixValidationState, ProvisioningState,
    RoutingModel, ServiceProviderProvisioningState as Sp, SkuTier,
};
use crate::limits::{links_only_in_own_geopolitical_region, route_limits};
use crate::refusal::Refusal;
use crate::routing::IpFamily;

/// What a state means and what to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateInfo {
    /// Short title (the Azure spelling of the state, or a short phrase).
    pub title: String,
    /// What the state means, in plain words.
    pub meaning: String,
    /// What to do next (may be empty when nothing is needed).
    pub next_steps: Vec<String>,
    /// The source key(s), listed in `docs/sources.md`.
    pub source: &'static str,
}

fn info(
    title: impl Into<String>,
    meaning: impl Into<String>,
    next: &[&str],
    source: &'static str,
) -> StateInfo {
    StateInfo {
        title: title.into(),
        meaning: meaning.into(),
        next_steps: next.iter().map(|s| (*s).to_string()).collect(),
        source,
    }
}

/// The provider state (`serviceProviderProvisioningState`) of a partner
/// circuit. Not shown for ExpressRoute Direct (see [`explain_phase`]). [WF]
pub fn explain_provider_state(state: Sp) -> StateInfo {
    match state {
        Sp::NotProvisioned => info(
            "NotProvisioned",
            "The connectivity provider has not provisioned the circuit. This is the state right after creation, and again after the provider deprovisions it. Microsoft bills the circuit anyway.",
            &[
                "Send the service key to your connectivity provider and order connectivity.",
                "If the provider says it is done but the status stays Not provisioned, contact the provider.",
                "If you no longer need the circuit, delete it: billing stops only at deletion.",
            ],
            "[WF] [TROUBLE] [PS-CIRCUIT]",
        ),
        Sp::Provisioning => info(
            "Provisioning",
            "The provider has your service key and is provisioning its side of the circuit. Routing cannot be configured yet, and the circuit cannot be deleted.",
            &["Wait for the provider to finish, or ask the provider for a date."],
            "[WF]",
        ),
        Sp::Provisioned => info(
            "Provisioned",
            "The provider has finished. With status Enabled, this is the only state in which the circuit can be used.",
            &[
                "Layer 2 provider: configure Azure private peering and/or Microsoft peering.",
                "Layer 3 provider: the provider configures routing; refresh to see its peerings.",
                "To delete the circuit, ask the provider to deprovision it first.",
            ],
            "[WF] [PS-CIRCUIT]",
        ),
        Sp::Deprovisioning => info(
            "Deprovisioning",
            "The provider is tearing down its side of the circuit. The circuit cannot be deleted until the provider status is NotProvisioned; Microsoft keeps billing until deletion.",
            &["Wait for the provider to finish, then re-enable or delete the circuit."],
            "[SPEC-2024-05] [WF] [inferred: transient state]",
        ),
    }
}

/// Microsoft's side ("Status", `circuitProvisioningState`). [WF] [TROUBLE]
pub fn explain_circuit_state(state: &CircuitProvisioningState) -> StateInfo {
    match state {
        CircuitProvisioningState::Enabled => info(
            "Enabled",
            "Microsoft has enabled the circuit; it was set at creation. The circuit is usable once the provider status is Provisioned too.",
            &[],
            "[WF]",
        ),
        CircuitProvisioningState::Disabled => info(
            "Not enabled",
            "Microsoft's side of the circuit is not enabled, so the circuit cannot carry traffic or be configured.",
            &["Open a support ticket with Microsoft Support."],
            "[TROUBLE]",
        ),
        CircuitProvisioningState::Other(s) => StateInfo {
            title: s.clone(),
            meaning: format!("Azure reported the circuit status '{s}', which is not Enabled, so the circuit is not usable."),
            next_steps: vec!["Open a support ticket with Microsoft Support.".into()],
            source: "[SPEC-2024-05] [TROUBLE]",
        },
    }
}

/// The ARM resource state (`provisioningState`). [SPEC-NET]
pub fn explain_provisioning_state(state: ProvisioningState) -> StateInfo {
    match state {
        ProvisioningState::Succeeded => info("Succeeded", "The last change to the resource succeeded.", &[], "[SPEC-NET]"),
        ProvisioningState::Updating => info(
            "Updating",
            "Azure is applying a change to the resource.",
            &["Wait for the change to finish, then refresh."],
            "[SPEC-NET]",
        ),
        ProvisioningState::Deleting => info(
            "Deleting",
            "Azure is deleting the resource. Billing stops when the circuit is removed.",
            &["Nothing to do; the circuit disappears from the list when deletion completes."],
            "[SPEC-NET] [PS-CIRCUIT]",
        ),
        ProvisioningState::Failed => info(
            "Failed",
            "The last change to the resource failed; the resource keeps its previous configuration.",
            &["Check the settings and apply the change again."],
            "[SPEC-NET]",
        ),
    }
}

/// The machine's phase (covers ExpressRoute Direct, which has no provider state). [WF]
pub fn explain_phase(phase: CircuitPhase) -> StateInfo {
    match phase {
        CircuitPhase::NotProvisioned => explain_provider_state(Sp::NotProvisioned),
        CircuitPhase::Provisioning => explain_provider_state(Sp::Provisioning),
        CircuitPhase::Provisioned => explain_provider_state(Sp::Provisioned),
        CircuitPhase::Deprovisioning => explain_provider_state(Sp::Deprovisioning),
        CircuitPhase::Direct => info(
            "ExpressRoute Direct",
            "The circuit is on your own ExpressRoute Direct port: there is no connectivity provider, and the provider status does not apply.",
            &["Configure routing yourself: Azure private peering and/or Microsoft peering."],
            "[WF] [SPEC-2024-05]",
        ),
        CircuitPhase::Deleting => explain_provisioning_state(ProvisioningState::Deleting),
    }
}

/// The peering's administrative state. [RESET]
pub fn explain_peering_state(state: PeeringState) -> StateInfo {
    match state {
        PeeringState::Enabled => info(
            "Enabled",
            "The peering is enabled (the default): its primary and secondary BGP sessions may come up.",
            &[],
            "[RESET]",
        ),
        PeeringState::Disabled => info(
            "Disabled",
            "The peering is disabled: both its primary and secondary BGP sessions are shut down.",
            &["Enable the peering to bring the BGP sessions back."],
            "[RESET]",
        ),
    }
}

/// The BGP provisioning state (derived; see [`BgpState`]). [WF]
pub fn explain_bgp_state(state: BgpState) -> StateInfo {
    match state {
        BgpState::Enabled => info(
            "BGP enabled",
            "The BGP sessions are enabled on the Microsoft edge, so the peering can be used once your router's sessions are up.",
            &["Check that both BGP sessions (primary and secondary) are established on your router."],
            "[WF]",
        ),
        BgpState::NotEnabled => info(
            "BGP not enabled",
            "The BGP sessions are not enabled on the Microsoft edge, so the peering cannot be used: either the peering is disabled, or (Microsoft peering) the advertised public prefixes are not yet Configured.",
            &[
                "Enable the peering if it is disabled.",
                "For Microsoft peering, check the advertised public prefixes state.",
            ],
            "[WF]",
        ),
    }
}

/// The Microsoft peering advertised public prefixes state. [WF] [SPEC-2024-05]
pub fn explain_prefixes_state(state: Apps) -> StateInfo {
    match state {
        Apps::NotConfigured => info(
            "NotConfigured",
            "No advertised public prefixes are configured (private peering always reads back this value).",
            &["For Microsoft peering, configure the public prefixes you will advertise."],
            "[CLI-ROUTING] [SPEC-2024-05]",
        ),
        Apps::Configuring => info(
            "Configuring",
            "Microsoft is checking that the advertised public prefixes and the peer (or customer) ASN are assigned to you in a routing registry. The BGP session comes up only once the state is Configured.",
            &["Wait for validation to finish."],
            "[WF] [PS-ROUTING]",
        ),
        Apps::Configured => info(
            "Configured",
            "The advertised public prefixes are validated: the BGP session can come up and routing can work end to end.",
            &[],
            "[WF]",
        ),
        Apps::ValidationNeeded => info(
            "ValidationNeeded",
            "The BGP session is not enabled: the advertised prefixes didn't match the AS number in any routing registry.",
            &[
                SIGNED_PROCESS,
                "If the prefixes cannot be validated by signature, ask for manual validation: collect documents showing the prefixes (and the ASN) are assigned to your organisation by the registry owner.",
                "Open a support ticket with Microsoft support with that evidence.",
            ],
            "[WF] [PS-ROUTING] [CLI-ROUTING] [PORTAL-ROUTING] [SPEC-2024-10] [PS-PREFIX]",
        ),
    }
}

/// The signed validation of a prefix, the first remedy of ValidationNeeded: the validation ID
/// Microsoft gives for each prefix, signed with the private key whose certificate is in the
/// prefix's routing registry record. [SPEC-2024-10] [PS-PREFIX] [COMMIT-PREFIXVALID]
pub const SIGNED_PROCESS: &str = "Validate each prefix by signature: publish your organisation's certificate in the routing registry record of the prefix, sign the prefix's validation ID with the matching private key (openssl), and add the validation ID and signature to the prefix (Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig, then Set-AzExpressRouteCircuit).";

/// How to replace a prefix's signature once signed again. [PS-PREFIX]
const RESUBMIT: &str = "Replace the prefix's validation ID and signature with Set-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig, then Set-AzExpressRouteCircuit, so Microsoft checks it again.";

/// Per-prefix validation state (api-version 2024-10-01+); each failure value has
/// its own explanation (SC-35). [SPEC-2024-10] [WF] [COMMIT-PREFIXVALID]
pub fn explain_prefix_validation(state: PrefixValidationState) -> StateInfo {
    use PrefixValidationState as V;
    match state {
        V::NotConfigured => info("NotConfigured", "This prefix has no validation configured yet.", &[], "[SPEC-2024-10]"),
        V::Configuring => info(
            "Configuring",
            "Microsoft is validating this prefix.",
            &["Wait for validation to finish."],
            "[SPEC-2024-10]",
        ),
        V::Configured => info("Configured", "This prefix is validated.", &[], "[SPEC-2024-10]"),
        V::ValidationNeeded => info(
            "ValidationNeeded",
            "Automatic validation of this prefix failed: it didn't match the AS number in any routing registry.",
            &[
                "Sign this prefix's validation ID with the private key whose certificate is in the routing registry record of the prefix (openssl), and add the validation ID and signature to the prefix (Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig, then Set-AzExpressRouteCircuit).",
                "If it cannot be validated by signature, open a support ticket with Microsoft support for manual validation, with evidence that you own the prefix and the AS number.",
            ],
            "[SPEC-2024-10] [PS-PREFIX] [WF]",
        ),
        V::ValidationFailed => info(
            "ValidationFailed",
            "Validation of this prefix failed outright.",
            &[
                "Check the prefix, the ASN and the routing registry record (with its certificate), and correct them.",
                RESUBMIT,
            ],
            "[SPEC-2024-10] [PS-PREFIX]",
        ),
        V::ManualValidationNeeded => info(
            "ManualValidationNeeded",
            "This prefix needs manual validation by Microsoft.",
            &["You must open a support ticket with Microsoft support and provide evidence that you own the IP addresses and the associated AS number."],
            "[SPEC-2024-10] [WF]",
        ),
        V::AsnValidationFailed => info(
            "AsnValidationFailed",
            "The AS number did not validate for this prefix: the registry does not show the prefix as originated by your peer or customer ASN.",
            &[
                "Check the ASN: fix the route object in the registry so it names your peer ASN, or set the customer ASN to the AS the prefix is registered to.",
                RESUBMIT,
            ],
            "[SPEC-2024-10] [PS-ROUTING] [PS-PREFIX]",
        ),
        V::CertificateMissingInRoutingRegistry => info(
            "CertificateMissingInRoutingRegistry",
            "The routing registry has no certificate for the prefix's owner, so Microsoft cannot check the signature of the validation ID.",
            &[
                "Publish the certificate of the key that signed the validation ID in the routing registry record of the prefix.",
                RESUBMIT,
            ],
            "[SPEC-2024-10] [PS-PREFIX] [COMMIT-PREFIXVALID]",
        ),
        V::InvalidSignatureEncoding => info(
            "InvalidSignatureEncoding",
            "The signature given for this prefix is not correctly encoded.",
            &[
                "Sign the validation ID again with your private key (openssl) and give the signature base64-encoded, as one line with no spaces or line breaks.",
                RESUBMIT,
            ],
            "[SPEC-2024-10] [PS-PREFIX]",
        ),
        V::SignatureVerificationFailed => info(
            "SignatureVerificationFailed",
            "The signature does not verify: it was not made from this prefix's validation ID with the key whose certificate is in the registry.",
            &[
                "Sign this prefix's own validation ID, exactly as given (saved with no trailing newline), with the private key matching the certificate in the registry.",
                RESUBMIT,
            ],
            "[SPEC-2024-10] [PS-PREFIX]",
        ),
    }
}

/// An authorization's use status. [PS-LINK]
pub fn explain_authorization(state: AuthorizationUseStatus) -> StateInfo {
    match state {
        AuthorizationUseStatus::Available => info(
            "Available",
            "The authorization key has not been used yet; one VNet in another subscription can use it to connect.",
            &["Give the key and the circuit's resource ID to the VNet owner."],
            "[PS-LINK] [EX-AUTH-GET]",
        ),
        AuthorizationUseStatus::InUse => info(
            "InUse",
            "A connection uses this authorization; it is valid for that one connection only. Deleting the authorization deletes that connection.",
            &["For another VNet, create another authorization."],
            "[PS-LINK]",
        ),
    }
}

/// The provider's routing model. [PS-CIRCUIT] [PS-ROUTING]
pub fn explain_routing_model(model: RoutingModel) -> StateInfo {
    match model {
        RoutingModel::Layer2 => info(
            "Layer 2",
            "Your provider offers Layer 2 connectivity: you configure the peerings (BGP) yourself once the circuit is Provisioned.",
            &[],
            "[WF] [PS-ROUTING]",
        ),
        RoutingModel::Layer3 => info(
            "Layer 3",
            "Your provider manages Layer 3 (IPVPN): it configures routing for the circuit. Adding peerings yourself overwrites its settings and breaks routing.",
            &["Ask the provider for routing changes; refresh to see its peerings."],
            "[PS-CIRCUIT] [TROUBLE-2017]",
        ),
    }
}

/// The link-region rule of a circuit's tier, in words, when it has one. [PS-LINK] [CLI-LINK]
pub fn link_region_rule(tier: SkuTier) -> Option<String> {
    links_only_in_own_geopolitical_region(tier).then(|| {
        format!("A {tier} circuit links only VNets in the same geopolitical region as the circuit; Premium lifts that rule.")
    })
}

/// The most routes one BGP session of a `kind` peering accepts for `family` on a `tier`
/// circuit (SC-37). [ROUTING] [LIMITS]
pub fn route_limit(tier: SkuTier, kind: PeeringType, family: IpFamily) -> u32 {
    let limits = route_limits(tier);
    match (kind, family) {
        (PeeringType::MicrosoftPeering, IpFamily::V4 | IpFamily::V6) => {
            limits.microsoft_per_session
        }
        (PeeringType::AzurePrivatePeering | PeeringType::AzurePublicPeering, IpFamily::V4) => {
            limits.private_ipv4
        }
        (PeeringType::AzurePrivatePeering | PeeringType::AzurePublicPeering, IpFamily::V6) => {
            limits.private_ipv6
        }
    }
}

/// "4,000", "10,000": route counts as the docs write them.
fn grouped(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// The route limits of a `kind` peering on a `tier` circuit, in one sentence for its card
/// (SC-37). [ROUTING] [LIMITS]
pub fn route_limits_text(tier: SkuTier, kind: PeeringType) -> String {
    let v4 = grouped(route_limit(tier, kind, IpFamily::V4));
    let v6 = grouped(route_limit(tier, kind, IpFamily::V6));
    if kind == PeeringType::MicrosoftPeering {
        return format!(
            "Microsoft peering accepts up to {v4} routes per BGP session, IPv4 and IPv6 alike. If you advertise more, Microsoft drops that BGP session."
        );
    }
    // Premium raises only the private peering IPv4 limit. [LIMITS]
    let premium = if tier == SkuTier::Premium {
        String::new()
    } else {
        format!(
            " ({} with Premium)",
            grouped(route_limit(SkuTier::Premium, kind, IpFamily::V4))
        )
    };
    let name = match kind {
        PeeringType::AzurePublicPeering => "Azure public peering",
        _ => "Azure private peering",
    };
    format!(
        "{name} on a {tier} circuit accepts up to {v4} IPv4 routes{premium} and {v6} IPv6 routes. If you advertise more, Microsoft drops the BGP session."
    )
}

/// How many routes the VNet's ExpressRoute gateway may advertise toward the circuit on one
/// connection, in one sentence for the link step: the VNet's address spaces and those of VNets
/// peered to it through gateway transit count; going over disconnects that connection. [LIMITS]
pub fn vnet_route_limits_text(tier: SkuTier) -> String {
    let l = route_limits(tier);
    format!(
        "On each connection, the VNet's ExpressRoute gateway advertises at most {} IPv4 and {} IPv6 routes toward the circuit, counting the VNet's address spaces and those of VNets peered to it through gateway transit. If it advertises more, that connection is disconnected.",
        grouped(l.vnet_to_gateway_ipv4),
        grouped(l.vnet_to_gateway_ipv6)
    )
}

/// What Microsoft peering is for on a circuit of this tier, as a phrase: Azure public services,
/// and Microsoft 365 only with the Premium add-on and Microsoft 365's own authorization. [FAQ]
/// [BGP-COMMUNITIES]
pub fn microsoft_peering_purpose(tier: SkuTier) -> &'static str {
    match tier {
        SkuTier::Premium => "Microsoft peering for Azure public services and, once Microsoft 365 has authorized you, Microsoft 365",
        SkuTier::Standard | SkuTier::Local | SkuTier::Basic => "Microsoft peering for Azure public services (Microsoft 365 over ExpressRoute also needs the Premium add-on and authorization from Microsoft 365)",
    }
}

/// What happens when more routes than the limit are advertised on a peering
/// (SC-37): `None` when `advertised` is within the limit. [ROUTING] [LIMITS]
pub fn explain_route_limit(
    tier: SkuTier,
    kind: PeeringType,
    family: IpFamily,
    advertised: u32,
) -> Option<StateInfo> {
    let limit = route_limit(tier, kind, family);
    let private = PeeringType::AzurePrivatePeering;
    let premium_v4 = grouped(route_limit(SkuTier::Premium, private, IpFamily::V4));
    (advertised > limit).then(|| StateInfo {
        title: "Route limit exceeded".into(),
        meaning: format!(
            "{} {family} routes advertised on {kind} exceed the limit of {}, so the BGP session is dropped. Limits: private peering {} IPv4 routes ({premium_v4} with Premium) and {} IPv6 routes; Microsoft peering {} routes per BGP session.",
            grouped(advertised),
            grouped(limit),
            grouped(route_limit(SkuTier::Standard, private, IpFamily::V4)),
            grouped(route_limit(SkuTier::Standard, private, IpFamily::V6)),
            grouped(route_limit(SkuTier::Standard, PeeringType::MicrosoftPeering, IpFamily::V4)),
        ),
        next_steps: {
            let mut steps = vec![format!(
                "Summarise or filter your routes to {} or fewer.",
                grouped(limit)
            )];
            // Premium raises only the private peering IPv4 limit (4,000 → 10,000). [LIMITS]
            if kind != PeeringType::MicrosoftPeering
                && family == IpFamily::V4
                && tier != SkuTier::Premium
            {
                steps.push(format!(
                    "For more private peering IPv4 routes, upgrade to Premium ({premium_v4})."
                ));
            }
            steps
        },
        source: "[ROUTING] [LIMITS]",
    })
}

/// A route count as typed ("4001", "4,001"), checked against the peering's limit (SC-37):
/// "Route limit exceeded" as [`explain_route_limit`] words it, or that the session stays up.
/// A count that is not a number is refused. [ROUTING] [LIMITS]
pub fn check_route_count(
    tier: SkuTier,
    kind: PeeringType,
    family: IpFamily,
    given: &str,
) -> Result<StateInfo, Refusal> {
    const WHAT: &str = "Number of routes";
    let digits: String = given.trim().chars().filter(|c| *c != ',').collect();
    if digits.is_empty() {
        return Err(Refusal::Required { what: WHAT });
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(Refusal::NotANumber {
            what: WHAT,
            given: given.to_string(),
        });
    }
    // More digits than a u32 holds is over every limit.
    let advertised = digits.parse::<u32>().unwrap_or(u32::MAX);
    let limit = route_limit(tier, kind, family);
    Ok(
        explain_route_limit(tier, kind, family, advertised).unwrap_or_else(|| StateInfo {
            title: "Within the route limit".into(),
            meaning: format!(
                "{} {family} {} within the limit of {} per BGP session on {kind}: the session stays up.",
                grouped(advertised),
                if advertised == 1 { "route is" } else { "routes are" },
                grouped(limit)
            ),
            next_steps: Vec::new(),
            source: "[ROUTING] [LIMITS]",
        }),
    )
}

/// The Changes page's summary: what changes without downtime on this circuit, and what needs a
/// new circuit. [PS-CIRCUIT] [CLI-CIRCUIT] [PORTAL-CIRCUIT]
pub fn explain_changes(c: &Circuit) -> String {
    let bandwidth = if c.is_direct() {
        "if the ExpressRoute Direct port has capacity"
    } else {
        "if the port has capacity; the provider must then update their side"
    };
    format!(
        "Without downtime you can increase the bandwidth ({bandwidth}), move from Metered to Unlimited, move between Standard and Premium, and allow or stop classic operations. Bandwidth never goes down and Unlimited never goes back to Metered: those need a new circuit."
    )
}

/// Billing and deletion at the end of this circuit's life. [WF] [PS-CIRCUIT] [ISSUE-DELETE]
pub fn explain_end_of_life(c: &Circuit) -> &'static str {
    if c.is_direct() {
        "Microsoft bills the circuit until the circuit resource is deleted. An ExpressRoute Direct circuit has no provider to deprovision it: delete it once its virtual networks are unlinked."
    } else {
        "Microsoft bills the circuit until the circuit resource is deleted, even after the provider has deprovisioned it. A circuit cannot be deleted while the provider status is Provisioning or Provisioned: the provider must deprovision it first."
    }
}

/// What deprovisioning asks of the provider, and what follows. [WF] (SC-10)
pub const DEPROVISIONING: &str = "Ask your provider to deprovision the circuit; they move the provider status back to NotProvisioned. Then you can delete it, or re-enable it by ordering connectivity again.";

/// Whether classic operations are allowed, and what the setting is. The setting and that it
/// changes without downtime: [SPEC-2024-05] [PORTAL-CIRCUIT] [PS-CIRCUIT]; what it is for
/// (the classic deployment model) is [inferred] from its name.
pub fn explain_classic_operations(allowed: bool) -> &'static str {
    if allowed {
        "Classic operations are allowed (allowClassicOperations): the circuit can also be used from the classic deployment model. The setting can be turned off without downtime."
    } else {
        "Classic operations are not allowed (allowClassicOperations is false): the circuit is used from Azure Resource Manager only. The setting can be turned on without downtime."
    }
}

/// How Microsoft tags the routes it advertises, for the Microsoft peering card. [ROUTING]
pub const COMMUNITIES: &str = "Microsoft tags the routes it advertises with BGP communities: a regional community per Azure region (for example East US: 12076:50004 on private peering, 12076:51004 on Microsoft peering) and, on Microsoft peering, a community per service. A route filter selects services by these values. Microsoft does not honor communities you send to it.";

/// This circuit's status explained: as [`explain_circuit_state`], except that an ExpressRoute
/// Direct circuit has no provider status to wait for (SC-14 [WF]); its traffic waits on the
/// port instead: the port's links start with admin state Disabled, and the Letter of
/// Authorization, the cross-connects and enabling both links come first. [ERDIRECT-HOWTO]
pub fn explain_circuit_status(c: &Circuit) -> StateInfo {
    match (&c.circuit_provisioning_state, c.is_direct()) {
        (CircuitProvisioningState::Enabled, true) => info(
            "Enabled",
            "Microsoft has enabled the circuit; it was set at creation. An ExpressRoute Direct circuit has no provider status, but Enabled alone does not mean traffic can flow: that needs the ExpressRoute Direct port ready.",
            &[
                "Download the port's Letter of Authorization (LOA) and have the colocation provider patch the cross-connects to both links.",
                "Set both links' admin state to Enabled (they start Disabled; billing of the port pair starts when a link is enabled, or 45 days after the port was created, whichever comes first).",
                "Then configure routing on the circuit.",
            ],
            "[WF] [ERDIRECT-HOWTO] [FAQ]",
        ),
        (state, _) => explain_circuit_state(state),
    }
}

/// Every state of the circuit explained, for a details page: phase (the provider
/// state, or "ExpressRoute Direct" — SC-14), circuit status, resource state,
/// billing, and for each peering its state, BGP and prefixes state.
pub fn explain_circuit(c: &Circuit) -> Vec<StateInfo> {
    let mut out = vec![
        explain_phase(c.phase()),
        explain_circuit_status(c),
        explain_provisioning_state(c.provisioning_state),
    ];
    if let Port::Provider { routing_model, .. } = &c.port {
        out.push(explain_routing_model(*routing_model));
    }
    out.push(StateInfo {
        title: "Billing".into(),
        meaning: c.billing(),
        next_steps: Vec::new(),
        source: "[WF] [PS-CIRCUIT]",
    });
    for p in &c.peerings {
        let mut s = explain_peering_state(p.state);
        s.title = format!("{}: {}", p.peering_type, s.title);
        out.push(s);
        let mut b = explain_bgp_state(p.bgp_state());
        b.title = format!("{}: {}", p.peering_type, b.title);
        out.push(b);
        if p.peering_type == PeeringType::MicrosoftPeering {
            let mut a = explain_prefixes_state(p.advertised_public_prefixes_state);
            a.title = format!("{}: advertised public prefixes {}", p.peering_type, a.title);
            out.push(a);
            for i in p
                .prefix_info
                .iter()
                .filter(|i| i.validation_state.is_failure())
            {
                let mut v = explain_prefix_validation(i.validation_state);
                v.title = format!("{}: {}", i.prefix, v.title);
                out.push(v);
            }
            out.extend(crate::route_filter::explain_receives(c));
        }
    }
    for a in &c.authorizations {
        let mut s = explain_authorization(a.authorization_use_status);
        s.title = format!("Authorization {}: {}", a.name, s.title);
        out.push(s);
    }
    out
}

/// The one next thing to do with the circuit, for a circuit list.
pub fn next_step(c: &Circuit) -> StateInfo {
    if c.provisioning_state == ProvisioningState::Deleting {
        return explain_provisioning_state(ProvisioningState::Deleting);
    }
    if c.circuit_provisioning_state != CircuitProvisioningState::Enabled {
        return explain_circuit_state(&c.circuit_provisioning_state);
    }
    match c.phase() {
        CircuitPhase::NotProvisioned => {
            let mut s = explain_provider_state(Sp::NotProvisioned);
            s.title = "Send the service key to the provider".into();
            s
        }
        CircuitPhase::Provisioning => {
            let mut s = explain_provider_state(Sp::Provisioning);
            s.title = "Waiting for the provider".into();
            s
        }
        CircuitPhase::Deprovisioning => {
            let mut s = explain_provider_state(Sp::Deprovisioning);
            s.title = "Waiting for the provider to deprovision".into();
            s
        }
        CircuitPhase::Deleting => explain_provisioning_state(ProvisioningState::Deleting),
        CircuitPhase::Provisioned | CircuitPhase::Direct => {
            if c.routing_model() == RoutingModel::Layer3 {
                // The provider configures the peering; the route filter is still the
                // customer's to attach. [ROUTE-FILTER]
                if let Some(s) = crate::route_filter::blocking_item(c) {
                    return s;
                }
                let mut s = explain_routing_model(RoutingModel::Layer3);
                s.title = "Ready: the provider configures routing".into();
                return s;
            }
            if c.peerings.is_empty() {
                let next = format!(
                    "Add Azure private peering to reach your VNets, and/or {}.",
                    microsoft_peering_purpose(c.sku.tier)
                );
                return info(
                    "Configure routing",
                    "The circuit is usable; no peering is configured yet.",
                    &[next.as_str()],
                    "[WF] [FAQ]",
                );
            }
            if let Some(p) = c.peering(PeeringType::MicrosoftPeering) {
                if p.advertised_public_prefixes_state != Apps::Configured {
                    let mut s = explain_prefixes_state(p.advertised_public_prefixes_state);
                    s.title = format!("Microsoft peering prefixes: {}", s.title);
                    return s;
                }
            }
            // [ROUTE-FILTER]: no route filter, no Microsoft prefixes.
            if let Some(s) = crate::route_filter::blocking_item(c) {
                return s;
            }
            if let Some(p) = c
                .peerings
                .iter()
                .find(|p| p.state == PeeringState::Disabled)
            {
                let mut s = explain_peering_state(PeeringState::Disabled);
                s.title = format!("{} is disabled", p.peering_type);
                return s;
            }
            if c.peering(PeeringType::AzurePrivatePeering).is_some() && c.vnet_links.is_empty() {
                return info(
                    "Link virtual networks",
                    "Private peering is configured; no virtual network is linked yet.",
                    &["Link a VNet in the same subscription, or create an authorization for a VNet in another subscription."],
                    "[WF] [PS-LINK]",
                );
            }
            info(
                "Ready",
                "The circuit is usable and routing is configured.",
                &[],
                "[WF]",
            )
        }
    }
}
