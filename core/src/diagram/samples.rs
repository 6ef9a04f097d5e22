//! The representative circuits the tables are computed on, and the sample inputs and
//! actions they are built with (the scripted demos in `scenario.rs` use the same ones).

use crate::action::{Action, ActionKind, PrefixOutcome, VnetLinkRequest};
use crate::circuit::Circuit;
use crate::enums::{PeeringState, PeeringType, RoutingModel, SkuFamily, SkuTier};
use crate::form::{create, CreateCircuit};
use crate::machine::{apply, higher_bandwidths};
use crate::route_filter::{RouteFilter, RouteFilterRule};
use crate::routing::{PeeringConfig, PeeringInput};
use crate::PortType;

/// The fixed service key of the representative circuits.
const KEY: &str = "00000000-0000-4000-8000-00000000d1a9";
const AUTH_KEY: &str = "00000000-0000-4000-8000-0000000a0701";
/// The sample Microsoft peering's advertised prefix.
pub(crate) const SAMPLE_PREFIX: &str = "123.1.0.0/24";
/// The prefix its changed configuration advertises instead (one it does not advertise at first).
pub(crate) const OTHER_PREFIX: &str = "123.2.0.0/24";

/// The validation ID of Azure PowerShell's own example for 123.1.0.0/24 from AS 23 (the sample
/// Microsoft peering's prefix and customer ASN). [PS-PREFIX]
pub const SAMPLE_VALIDATION_ID: &str =
    "Azure-SKEY|7c44c70b-9c62-4a89-a6b2-d281b6ce7a49|123.1.0.0/24|ASN-23";

/// The signature of Azure PowerShell's own example (base64, one line). [PS-PREFIX]
pub const SAMPLE_SIGNATURE: &str = "XxGp/5JtCJTrxSsOCeK+icaekDy18U4jZjrcHMAlN5cOTweH9XjZ7yfcLd4YegTPbGWiaKsX3Agvjk5q2hZ4fOGn+wHhL3SCNtoX6kF8/ukPVfw2cvZ7YS7otyCS7aR7g8kbugBhLDpB+g9SSChQT+/eR3QWgbC8m0C8RVGJo31gwDcXHsQ44hmnqs+OWcLI32FIVCoQeCOzmaGc4GVlZayFRvF/CiCm7g0k01+ipmVJQIkcdDArZZsfJuiXTiYNxLD57CEtuheX7knAj2AnceOJXaPpkS4f1i2Z8oVWC9YrqLWH5FCiIPU7PSh43YnDi/Pab3tT49EU3+PGZvWXCA==";

/// A sample route filter as Microsoft's Azure CLI steps make it: `MyRouteFilter` with rule `CRM`
/// allowing 12076:5040 (CRM Online, no authorization needed). [ROUTE-FILTER-CLI]
pub fn sample_route_filter() -> RouteFilter {
    route_filter("MyRouteFilter", "CRM", &["12076:5040"])
}

/// A route filter in the sample circuits' resource group and region, whose one rule allows
/// `communities`.
pub(crate) fn route_filter(name: &str, rule: &str, communities: &[&str]) -> RouteFilter {
    RouteFilter {
        name: name.into(),
        resource_group: "demo-rg".into(),
        region: "West US".into(),
        rule: Some(RouteFilterRule {
            name: rule.into(),
            communities: communities.iter().map(|c| (*c).to_string()).collect(),
        }),
    }
}

/// Adding the sample validation info to Microsoft peering's first prefix without any (or the
/// sample prefix when there is none).
pub fn sample_signed_prefix(c: &Circuit) -> Action {
    let prefix = c
        .peering(PeeringType::MicrosoftPeering)
        .and_then(|p| {
            p.prefix_info
                .iter()
                .find(|i| !i.has_validation_info())
                .or_else(|| p.prefix_info.first())
                .map(|i| i.prefix)
        })
        .or_else(|| SAMPLE_PREFIX.parse().ok())
        .unwrap_or_default();
    signed_prefix(prefix)
}

/// Adding Azure PowerShell's example validation ID and signature to `prefix`. [PS-PREFIX]
pub(crate) fn signed_prefix(prefix: ipnet::IpNet) -> Action {
    Action::AddPrefixValidationInfo {
        prefix,
        validation_id: SAMPLE_VALIDATION_ID.into(),
        signature: SAMPLE_SIGNATURE.into(),
    }
}

/// The create form of a sample circuit: Standard, MeteredData, 200 Mbps through Equinix at
/// Silicon Valley, in West US.
pub(crate) fn sample_form(name: &str, model: RoutingModel) -> CreateCircuit {
    CreateCircuit {
        name: name.into(),
        resource_group: "demo-rg".into(),
        region: "West US".into(),
        provider: "Equinix".into(),
        peering_location: "Silicon Valley".into(),
        bandwidth_mbps: 200,
        routing_model: model,
        sku_tier: SkuTier::Standard,
        sku_family: SkuFamily::MeteredData,
        ..CreateCircuit::default()
    }
}

/// A sample private peering configuration (SC-15's addresses).
pub fn sample_private_input() -> PeeringInput {
    PeeringInput {
        peer_asn: "65020".into(),
        primary_subnet: "192.168.17.16/30".into(),
        secondary_subnet: "192.168.17.20/30".into(),
        vlan_id: "100".into(),
        ..PeeringInput::default()
    }
}

/// A sample Microsoft peering configuration (SC-33's prefix, ASN and registry).
pub fn sample_microsoft_input() -> PeeringInput {
    PeeringInput {
        peer_asn: "100".into(),
        primary_subnet: "123.0.0.0/30".into(),
        secondary_subnet: "123.0.0.4/30".into(),
        vlan_id: "300".into(),
        advertised_public_prefixes: SAMPLE_PREFIX.into(),
        customer_asn: "23".into(),
        routing_registry_name: "ARIN".into(),
        ..PeeringInput::default()
    }
}

/// A sample configuration of `kind` (`changed`: another VLAN and, on Microsoft peering,
/// another prefix).
pub(crate) fn sample_config(kind: PeeringType, changed: bool) -> Option<PeeringConfig> {
    let input = match (kind, changed) {
        (PeeringType::MicrosoftPeering, false) => sample_microsoft_input(),
        (PeeringType::MicrosoftPeering, true) => PeeringInput {
            vlan_id: "301".into(),
            advertised_public_prefixes: OTHER_PREFIX.into(),
            ..sample_microsoft_input()
        },
        (PeeringType::AzurePrivatePeering | PeeringType::AzurePublicPeering, false) => {
            sample_private_input()
        }
        (PeeringType::AzurePrivatePeering | PeeringType::AzurePublicPeering, true) => {
            PeeringInput {
                vlan_id: "101".into(),
                ..sample_private_input()
            }
        }
    };
    // Public peering is retired: parse its sample as private peering, so `apply`
    // gives its own refusal rather than the parser's.
    let parse_as = match kind {
        PeeringType::AzurePublicPeering => PeeringType::AzurePrivatePeering,
        k => k,
    };
    PeeringConfig::parse(parse_as, &input)
        .ok()
        .map(|v| v.config)
}

/// Adding the sample configuration of `kind`.
pub(crate) fn sample_add_peering(kind: PeeringType) -> Option<Action> {
    sample_config(kind, false).map(|config| Action::AddPeering { kind, config })
}

/// A sample VNet link request (10.50.0.0/16 in West US, same subscription).
pub fn sample_link(name: &str) -> VnetLinkRequest {
    VnetLinkRequest {
        connection_name: name.into(),
        vnet_name: format!("{name}-vnet"),
        vnet_region: "West US".into(),
        address_spaces: "10.50.0.0/16".parse().ok().into_iter().collect(),
        authorization_key: None,
    }
}

fn step(c: &Circuit, a: Action) -> Option<Circuit> {
    apply(c, &a).ok().map(|t| t.circuit)
}

/// Representative circuits of the circuit machine: for every phase, a bare circuit
/// and one with a private peering, a Microsoft peering being validated, an
/// authorization and a VNet link (so state-dependent refusals show up too).
pub fn circuit_representatives() -> Vec<Circuit> {
    let mut out: Vec<Circuit> = RoutingModel::ALL
        .iter()
        .flat_map(|model| provider_representatives(*model))
        .collect();
    out.extend(direct_representatives());
    out
}

/// A provider circuit of `model` in every phase, bare and configured.
fn provider_representatives(model: RoutingModel) -> Vec<Circuit> {
    let Ok(bare) = create(&sample_form("demo-circuit", model), KEY) else {
        return Vec::new();
    };
    let provisioning = step(&bare, Action::ProviderStartProvisioning);
    let provisioned = provisioning.and_then(|c| step(&c, Action::ProviderCompleteProvisioning));
    let rich = provisioned.as_ref().and_then(configured);
    let deprov = |c: &Circuit| step(c, Action::ProviderDeprovision);
    let after = |c: &Circuit| step(c, Action::ProviderCompleteDeprovisioning);
    let reenabled = |c: &Circuit| step(c, Action::ReEnable);
    let rich_deprov = rich.as_ref().and_then(deprov);
    let rich_np = rich_deprov.as_ref().and_then(after);
    let rich_provisioning = rich_np.as_ref().and_then(reenabled);
    let deleting = step(&bare, Action::Delete);
    [
        Some(bare.clone()),
        provisioning_of(&bare),
        provisioned.clone(),
        provisioned.as_ref().and_then(deprov),
        deleting,
        rich,
        rich_deprov,
        rich_np,
        rich_provisioning,
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// `c` with private and Microsoft peering (where it takes them), an authorization, a VNet
/// link and a route filter.
fn configured(c: &Circuit) -> Option<Circuit> {
    let mut c = c.clone();
    for kind in [
        PeeringType::AzurePrivatePeering,
        PeeringType::MicrosoftPeering,
    ] {
        if let Some(add) = sample_add_peering(kind) {
            c = step(&c, add).unwrap_or(c);
        }
    }
    let c = step(
        &c,
        Action::AddAuthorization {
            name: "auth1".into(),
            key: AUTH_KEY.into(),
        },
    )?;
    let c = step(
        &c,
        Action::LinkVnet {
            link: sample_link("conn1"),
        },
    )?;
    step(
        &c,
        Action::CreateRouteFilter {
            filter: sample_route_filter(),
        },
    )
}

/// An ExpressRoute Direct circuit, bare and with private peering and a VNet link.
fn direct_representatives() -> Vec<Circuit> {
    let direct_form = CreateCircuit {
        port_type: PortType::Direct,
        express_route_port: "erdirect-port1".into(),
        bandwidth_gbps: 10,
        port_bandwidth_gbps: 100,
        ..sample_form("demo-circuit", RoutingModel::Layer2)
    };
    let Ok(direct) = create(&direct_form, KEY) else {
        return Vec::new();
    };
    let mut rich = direct.clone();
    if let Some(add) = sample_add_peering(PeeringType::AzurePrivatePeering) {
        rich = step(&rich, add).unwrap_or(rich);
    }
    let rich = step(
        &rich,
        Action::LinkVnet {
            link: sample_link("conn1"),
        },
    )
    .unwrap_or(rich);
    vec![direct, rich]
}

fn provisioning_of(c: &Circuit) -> Option<Circuit> {
    step(c, Action::ProviderStartProvisioning)
}

/// Representative circuits of the peering machines: a Provisioned Layer 2 circuit
/// with no peering, with private peering enabled or disabled, and with Microsoft
/// peering in every prefixes state, enabled or disabled.
pub fn peering_representatives() -> Vec<Circuit> {
    let Some(base) = create(&sample_form("demo-circuit", RoutingModel::Layer2), KEY)
        .ok()
        .and_then(|c| step(&c, Action::ProviderStartProvisioning))
        .and_then(|c| step(&c, Action::ProviderCompleteProvisioning))
    else {
        return Vec::new();
    };
    let mut out = vec![base.clone()];
    let add = |c: &Circuit, kind| sample_add_peering(kind).and_then(|a| step(c, a));
    let disable = |c: &Circuit, kind| {
        step(
            c,
            Action::SetPeeringState {
                kind,
                state: PeeringState::Disabled,
            },
        )
    };
    let validate = |c: &Circuit, outcome| step(c, Action::SetPrefixValidation { outcome });
    if let Some(p) = add(&base, PeeringType::AzurePrivatePeering) {
        out.extend(disable(&p, PeeringType::AzurePrivatePeering));
        out.push(p);
    }
    if let Some(m) = add(&base, PeeringType::MicrosoftPeering) {
        let ms = PeeringType::MicrosoftPeering;
        let variants = [
            Some(m.clone()),
            validate(&m, PrefixOutcome::ValidationNeeded),
            validate(&m, PrefixOutcome::ManualValidationNeeded),
            validate(&m, PrefixOutcome::Validated),
        ];
        for v in variants.into_iter().flatten() {
            out.extend(disable(&v, ms));
            out.push(v);
        }
    }
    out
}

/// A sample action of `kind` suited to circuit `c` (uses its peerings, links and
/// authorizations where the action names one).
pub fn sample_action(c: &Circuit, kind: ActionKind) -> Option<Action> {
    let first_peering = c
        .peerings
        .first()
        .map_or(PeeringType::AzurePrivatePeering, |p| p.peering_type);
    Some(match kind {
        ActionKind::ProviderStartProvisioning => Action::ProviderStartProvisioning,
        ActionKind::ProviderCompleteProvisioning => Action::ProviderCompleteProvisioning,
        ActionKind::ProviderDeprovision => Action::ProviderDeprovision,
        ActionKind::ProviderCompleteDeprovisioning => Action::ProviderCompleteDeprovisioning,
        ActionKind::ReEnable => Action::ReEnable,
        ActionKind::Delete => Action::Delete,
        ActionKind::AddPeering => {
            let kind = [
                PeeringType::AzurePrivatePeering,
                PeeringType::MicrosoftPeering,
            ]
            .into_iter()
            .find(|k| c.peering(*k).is_none())
            .unwrap_or(PeeringType::AzurePrivatePeering);
            sample_add_peering(kind)?
        }
        ActionKind::UpdatePeering => Action::UpdatePeering {
            kind: first_peering,
            config: sample_config(first_peering, true)?,
        },
        ActionKind::RemovePeering => Action::RemovePeering {
            kind: first_peering,
        },
        ActionKind::SetPeeringState => {
            let state = match c.peerings.first().map(|p| p.state) {
                Some(PeeringState::Enabled) | None => PeeringState::Disabled,
                Some(PeeringState::Disabled) => PeeringState::Enabled,
            };
            Action::SetPeeringState {
                kind: first_peering,
                state,
            }
        }
        ActionKind::SetPrefixValidation => Action::SetPrefixValidation {
            outcome: PrefixOutcome::Validated,
        },
        ActionKind::AddPrefixValidationInfo => sample_signed_prefix(c),
        ActionKind::AddAuthorization => Action::AddAuthorization {
            name: format!("auth{}", c.authorizations.len() + 2),
            key: format!(
                "00000000-0000-4000-8000-{:012x}",
                c.authorizations.len() + 0xa0702
            ),
        },
        ActionKind::RemoveAuthorization => Action::RemoveAuthorization {
            name: c
                .authorizations
                .first()
                .map_or_else(|| "auth1".into(), |a| a.name.clone()),
        },
        ActionKind::LinkVnet => Action::LinkVnet {
            link: sample_link(&format!("conn{}", c.vnet_links.len() + 2)),
        },
        ActionKind::UnlinkVnet => Action::UnlinkVnet {
            name: c
                .vnet_links
                .first()
                .map_or_else(|| "conn1".into(), |l| l.name.clone()),
        },
        ActionKind::AddGlobalReach => crate::global_reach::sample_add(c),
        ActionKind::RemoveGlobalReach => Action::RemoveGlobalReach {
            name: c
                .peerings
                .iter()
                .flat_map(|p| p.global_reach.iter())
                .next()
                .map_or_else(|| "gr1".into(), |g| g.name.clone()),
        },
        ActionKind::ChangeBandwidth => Action::ChangeBandwidth {
            mbps: higher_bandwidths(c)
                .first()
                .copied()
                .unwrap_or(c.bandwidth_mbps().saturating_mul(2)),
        },
        ActionKind::ChangeFamily => Action::ChangeFamily {
            family: SkuFamily::UnlimitedData,
        },
        ActionKind::ChangeTier => Action::ChangeTier {
            tier: match c.sku.tier {
                SkuTier::Premium => SkuTier::Standard,
                SkuTier::Standard | SkuTier::Local | SkuTier::Basic => SkuTier::Premium,
            },
        },
        ActionKind::SetAllowClassicOperations => {
            Action::SetAllowClassicOperations(!c.allow_classic_operations)
        }
        ActionKind::CreateRouteFilter => Action::CreateRouteFilter {
            filter: sample_route_filter(),
        },
        ActionKind::AttachRouteFilter => Action::AttachRouteFilter {
            microsoft_365_authorized: false,
        },
        ActionKind::DetachRouteFilter => Action::DetachRouteFilter,
        ActionKind::RemoveRouteFilter => Action::RemoveRouteFilter,
    })
}
