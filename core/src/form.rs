//! Form fields, field errors, and circuit creation from the create form.

use serde::{Deserialize, Serialize};

use crate::catalog;
use crate::circuit::{Circuit, Port, Sku};
use crate::enums::{
    CircuitProvisioningState, PortType, ProvisioningState, RoutingModel,
    ServiceProviderProvisioningState, SkuFamily, SkuTier,
};
use crate::limits::PROVIDER_BANDWIDTHS_MBPS;
use crate::refusal::Refusal;

/// A form field the wizard shows; errors point at one so the error summary can
/// link to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    /// Circuit name.
    Name,
    /// Resource group.
    ResourceGroup,
    /// Region (resource location).
    Region,
    /// Port type (Provider / Direct).
    PortType,
    /// Connectivity provider.
    Provider,
    /// Peering location.
    PeeringLocation,
    /// Bandwidth.
    Bandwidth,
    /// ExpressRoute Direct port.
    ExpressRoutePort,
    /// The ExpressRoute Direct port's own bandwidth (10, 100 or 400 Gbps).
    PortBandwidth,
    /// SKU tier.
    SkuTier,
    /// SKU family (billing model).
    SkuFamily,
    /// Service key (supplied by the caller at creation).
    ServiceKey,
    /// Peering type.
    PeeringType,
    /// Peer ASN.
    PeerAsn,
    /// IPv4 primary subnet.
    PrimarySubnet,
    /// IPv4 secondary subnet.
    SecondarySubnet,
    /// IPv6 primary subnet.
    Ipv6PrimarySubnet,
    /// IPv6 secondary subnet.
    Ipv6SecondarySubnet,
    /// VLAN ID.
    VlanId,
    /// Shared (MD5) key.
    SharedKey,
    /// Microsoft peering advertised public prefixes.
    AdvertisedPublicPrefixes,
    /// Microsoft peering customer ASN.
    CustomerAsn,
    /// Microsoft peering routing registry name.
    RoutingRegistryName,
    /// Authorization name.
    AuthorizationName,
    /// Authorization key.
    AuthorizationKey,
    /// VNet connection name.
    ConnectionName,
    /// Virtual network name.
    VnetName,
    /// Virtual network region.
    VnetRegion,
    /// Virtual network address space(s).
    VnetAddressSpace,
    /// Route filter name.
    RouteFilterName,
    /// Route filter resource group.
    RouteFilterResourceGroup,
    /// Route filter region.
    RouteFilterRegion,
    /// Route filter rule name.
    RouteFilterRuleName,
    /// The services (BGP communities) the route filter rule allows.
    RouteFilterCommunities,
    /// The advertised public prefix whose validation info is added.
    Prefix,
    /// The prefix's validation ID, as Microsoft gives it.
    ValidationId,
    /// The signature of the validation ID.
    Signature,
    /// Global Reach name.
    GlobalReachName,
    /// The other circuit of a Global Reach connection.
    GlobalReachPeer,
    /// Global Reach IPv4 subnet.
    GlobalReachIpv4Subnet,
    /// Global Reach IPv6 subnet.
    GlobalReachIpv6Subnet,
}

impl Field {
    /// Every field.
    pub const ALL: &'static [Self] = &[
        Self::Name,
        Self::ResourceGroup,
        Self::Region,
        Self::PortType,
        Self::Provider,
        Self::PeeringLocation,
        Self::Bandwidth,
        Self::ExpressRoutePort,
        Self::PortBandwidth,
        Self::SkuTier,
        Self::SkuFamily,
        Self::ServiceKey,
        Self::PeeringType,
        Self::PeerAsn,
        Self::PrimarySubnet,
        Self::SecondarySubnet,
        Self::Ipv6PrimarySubnet,
        Self::Ipv6SecondarySubnet,
        Self::VlanId,
        Self::SharedKey,
        Self::AdvertisedPublicPrefixes,
        Self::CustomerAsn,
        Self::RoutingRegistryName,
        Self::AuthorizationName,
        Self::AuthorizationKey,
        Self::ConnectionName,
        Self::VnetName,
        Self::VnetRegion,
        Self::VnetAddressSpace,
        Self::RouteFilterName,
        Self::RouteFilterResourceGroup,
        Self::RouteFilterRegion,
        Self::RouteFilterRuleName,
        Self::RouteFilterCommunities,
        Self::Prefix,
        Self::ValidationId,
        Self::Signature,
        Self::GlobalReachName,
        Self::GlobalReachPeer,
        Self::GlobalReachIpv4Subnet,
        Self::GlobalReachIpv6Subnet,
    ];

    /// The label the Azure portal uses for the field. [PORTAL-CIRCUIT] [PORTAL-ROUTING]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Name => "Name",
            Self::ResourceGroup => "Resource group",
            Self::Region => "Region",
            Self::PortType => "Port type",
            Self::Provider => "Provider",
            Self::PeeringLocation => "Peering location",
            Self::Bandwidth => "Bandwidth",
            Self::ExpressRoutePort => "ExpressRoute port",
            Self::PortBandwidth => "Port bandwidth",
            Self::SkuTier => "SKU",
            Self::SkuFamily => "Billing model",
            Self::ServiceKey => "Service key",
            Self::PeeringType => "Peering type",
            Self::PeerAsn => "Peer ASN",
            Self::PrimarySubnet => "Primary subnet",
            Self::SecondarySubnet => "Secondary subnet",
            Self::Ipv6PrimarySubnet => "IPv6 primary subnet",
            Self::Ipv6SecondarySubnet => "IPv6 secondary subnet",
            Self::VlanId => "VLAN ID",
            Self::SharedKey => "Shared key",
            Self::AdvertisedPublicPrefixes => "Advertised public prefixes",
            Self::CustomerAsn => "Customer ASN",
            Self::RoutingRegistryName => "Routing registry name",
            Self::AuthorizationName => "Authorization name",
            Self::AuthorizationKey => "Authorization key",
            Self::ConnectionName => "Connection name",
            Self::VnetName => "Virtual network",
            Self::VnetRegion => "Virtual network region",
            Self::VnetAddressSpace => "Address space",
            Self::RouteFilterName => "Name",
            Self::RouteFilterResourceGroup => "Resource group",
            Self::RouteFilterRegion => "Region",
            Self::RouteFilterRuleName => "Rule name",
            Self::RouteFilterCommunities => "Allowed service communities",
            Self::Prefix => "Prefix",
            Self::ValidationId => "Validation ID",
            Self::Signature => "Signature",
            Self::GlobalReachName => "Global Reach name",
            Self::GlobalReachPeer => "ExpressRoute circuit",
            Self::GlobalReachIpv4Subnet => "Global Reach IPv4 subnet",
            Self::GlobalReachIpv6Subnet => "Global Reach IPv6 subnet",
        }
    }

    /// A kebab-case HTML id for the field's input ("peer-asn").
    pub const fn id(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::ResourceGroup => "resource-group",
            Self::Region => "region",
            Self::PortType => "port-type",
            Self::Provider => "provider",
            Self::PeeringLocation => "peering-location",
            Self::Bandwidth => "bandwidth",
            Self::ExpressRoutePort => "express-route-port",
            Self::PortBandwidth => "port-bandwidth",
            Self::SkuTier => "sku-tier",
            Self::SkuFamily => "sku-family",
            Self::ServiceKey => "service-key",
            Self::PeeringType => "peering-type",
            Self::PeerAsn => "peer-asn",
            Self::PrimarySubnet => "primary-subnet",
            Self::SecondarySubnet => "secondary-subnet",
            Self::Ipv6PrimarySubnet => "ipv6-primary-subnet",
            Self::Ipv6SecondarySubnet => "ipv6-secondary-subnet",
            Self::VlanId => "vlan-id",
            Self::SharedKey => "shared-key",
            Self::AdvertisedPublicPrefixes => "advertised-public-prefixes",
            Self::CustomerAsn => "customer-asn",
            Self::RoutingRegistryName => "routing-registry-name",
            Self::AuthorizationName => "authorization-name",
            Self::AuthorizationKey => "authorization-key",
            Self::ConnectionName => "connection-name",
            Self::VnetName => "vnet-name",
            Self::VnetRegion => "vnet-region",
            Self::VnetAddressSpace => "vnet-address-space",
            Self::RouteFilterName => "route-filter-name",
            Self::RouteFilterResourceGroup => "route-filter-resource-group",
            Self::RouteFilterRegion => "route-filter-region",
            Self::RouteFilterRuleName => "route-filter-rule-name",
            Self::RouteFilterCommunities => "route-filter-communities",
            Self::Prefix => "prefix",
            Self::ValidationId => "validation-id",
            Self::Signature => "signature",
            Self::GlobalReachName => "gr-name",
            Self::GlobalReachPeer => "gr-peer",
            Self::GlobalReachIpv4Subnet => "gr-ipv4",
            Self::GlobalReachIpv6Subnet => "gr-ipv6",
        }
    }

    /// The field whose label a refusal names (`Refusal::Required { what }` and the like carry
    /// the label they were given); letter case aside, as a sentence may lower it ("the
    /// signature"). The first field with that label when several share it ("Name").
    pub fn with_label(label: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|f| f.label().eq_ignore_ascii_case(label))
    }
}

/// One field's error, for an error summary that links to the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field.
    pub field: Field,
    /// Why it is refused (reason, remedy, source key).
    pub refusal: Refusal,
}

impl FieldError {
    /// Builds a field error.
    pub fn new(field: Field, refusal: Refusal) -> Self {
        Self { field, refusal }
    }
}

/// Checks an Azure resource name (circuit, authorization, connection):
/// 1–80 characters of letters, digits, underscore, period and hyphen, starting
/// with a letter or digit and ending with a letter, digit or underscore.
/// **[inferred]** from Azure's Microsoft.Network naming rules (not in domain.md).
pub fn check_resource_name(name: &str) -> Result<(), Refusal> {
    let bad = |rule| {
        Err(Refusal::ResourceNameInvalid {
            given: name.to_string(),
            rule,
        })
    };
    if name.is_empty() {
        return Err(Refusal::Required { what: "Name" });
    }
    if name.chars().count() > 80 {
        return bad("it must be 1 to 80 characters long");
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
    {
        return bad("only letters, digits, underscores, periods and hyphens are allowed");
    }
    let first_ok = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    if !first_ok {
        return bad("it must start with a letter or digit");
    }
    let last_ok = name
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    if !last_ok {
        return bad("it must end with a letter, digit or underscore");
    }
    Ok(())
}

/// Checks a resource group name: 1–90 characters of letters, digits,
/// underscore, period, hyphen and parentheses, not ending with a period.
/// **[inferred]** from Azure's resource group naming rules.
pub fn check_resource_group(name: &str) -> Result<(), Refusal> {
    let bad = |rule| {
        Err(Refusal::ResourceGroupInvalid {
            given: name.to_string(),
            rule,
        })
    };
    if name.is_empty() {
        return Err(Refusal::Required {
            what: "Resource group",
        });
    }
    if name.chars().count() > 90 {
        return bad("it must be 1 to 90 characters long");
    }
    if !name
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '(' | ')'))
    {
        return bad(
            "only letters, digits, underscores, periods, hyphens and parentheses are allowed",
        );
    }
    if name.ends_with('.') {
        return bad("it must not end with a period");
    }
    Ok(())
}

/// True when `s` is a GUID in 8-4-4-4-12 hexadecimal form (service and
/// authorization keys). [EX-CIRCUIT-GET] [PS-LINK]
pub fn is_guid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.chars().all(|c| c.is_ascii_hexdigit()))
}

/// The create form as the user filled it in (Basics + Configuration tabs).
/// [PORTAL-CIRCUIT]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateCircuit {
    /// Circuit name.
    pub name: String,
    /// Resource group.
    pub resource_group: String,
    /// Region (resource location), e.g. "West US".
    pub region: String,
    /// Subscription id (may be empty).
    pub subscription_id: String,
    /// Provider or Direct.
    pub port_type: PortType,
    /// Provider circuits: service provider name.
    pub provider: String,
    /// Provider circuits: peering location (not the same as the region).
    pub peering_location: String,
    /// Provider circuits: bandwidth in Mbps.
    pub bandwidth_mbps: u32,
    /// Provider circuits: who configures routing.
    pub routing_model: RoutingModel,
    /// Direct circuits: the ExpressRoute port (name or resource id).
    pub express_route_port: String,
    /// Direct circuits: bandwidth in Gbps.
    pub bandwidth_gbps: u32,
    /// Direct circuits: the port's own bandwidth, 10, 100 or 400 Gbps.
    #[serde(default)]
    pub port_bandwidth_gbps: u32,
    /// SKU tier.
    pub sku_tier: SkuTier,
    /// SKU family (billing model).
    pub sku_family: SkuFamily,
    /// Allow classic operations.
    pub allow_classic_operations: bool,
}

impl Default for CreateCircuit {
    fn default() -> Self {
        Self {
            name: String::new(),
            resource_group: String::new(),
            region: String::new(),
            subscription_id: String::new(),
            port_type: PortType::Provider,
            provider: String::new(),
            peering_location: String::new(),
            bandwidth_mbps: 0,
            routing_model: RoutingModel::Layer2,
            express_route_port: String::new(),
            bandwidth_gbps: 0,
            port_bandwidth_gbps: 0,
            sku_tier: SkuTier::Standard,
            sku_family: SkuFamily::MeteredData,
            allow_classic_operations: false,
        }
    }
}

/// Creates a circuit from the form, with the service key the caller generated
/// (the core is pure, so it does not make GUIDs). Returns every field error at
/// once.
///
/// The new circuit is `provisioningState` Succeeded, `circuitProvisioningState`
/// Enabled and (provider circuits) `serviceProviderProvisioningState`
/// NotProvisioned; billing starts now. [EX-CIRCUIT-CREATE] [WF] [PS-CIRCUIT]
pub fn create(req: &CreateCircuit, service_key: &str) -> Result<Circuit, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut push = |field, r: Result<(), Refusal>| {
        if let Err(refusal) = r {
            errors.push(FieldError { field, refusal });
        }
    };
    let required = |what: &'static str, s: &str| {
        if s.trim().is_empty() {
            Err(Refusal::Required { what })
        } else {
            Ok(())
        }
    };
    push(Field::Name, check_resource_name(req.name.trim()));
    push(
        Field::ResourceGroup,
        check_resource_group(req.resource_group.trim()),
    );
    push(Field::Region, required("Region", &req.region));
    match req.port_type {
        PortType::Provider => {
            push(Field::Provider, required("Provider", &req.provider));
            push(
                Field::PeeringLocation,
                required("Peering location", &req.peering_location),
            );
            // SC-03 [CLI-CIRCUIT] [PS-CIRCUIT] [FAQ-SPEEDS]
            push(
                Field::Bandwidth,
                if PROVIDER_BANDWIDTHS_MBPS.contains(&req.bandwidth_mbps) {
                    Ok(())
                } else {
                    Err(Refusal::BandwidthNotOffered {
                        given: req.bandwidth_mbps,
                        offered: PROVIDER_BANDWIDTHS_MBPS.to_vec(),
                    })
                },
            );
        }
        PortType::Direct => {
            push(
                Field::ExpressRoutePort,
                required("ExpressRoute port", &req.express_route_port),
            );
            // [ERDIRECT-ABOUT]: the port's size bounds the circuit bandwidths.
            match catalog::direct_circuit_bandwidths(req.port_bandwidth_gbps) {
                None => push(
                    Field::PortBandwidth,
                    Err(Refusal::DirectPortSizeInvalid {
                        given_gbps: req.port_bandwidth_gbps,
                        offered: catalog::direct_port_sizes(),
                    }),
                ),
                Some(offered) if !offered.contains(&req.bandwidth_gbps) => push(
                    Field::Bandwidth,
                    Err(Refusal::DirectBandwidthNotOffered {
                        given_gbps: req.bandwidth_gbps,
                        offered: offered.to_vec(),
                        port_gbps: Some(req.port_bandwidth_gbps),
                    }),
                ),
                Some(_) => {}
            }
            // [ERDIRECT-HOWTO]: "SkuFamily can only be MeteredData at creation".
            if req.sku_family == SkuFamily::UnlimitedData && req.sku_tier != SkuTier::Local {
                push(Field::SkuFamily, Err(Refusal::DirectUnlimitedAtCreation));
            }
        }
    }
    // [LOCATIONS] [FAQ]: Local only where the locations page lists a local Azure region. A
    // location the catalog does not know is a warning (create_warnings), never a refusal.
    if req.sku_tier == SkuTier::Local {
        if let Some(l) = catalog::peering_location(&req.peering_location) {
            if l.local_azure_regions.is_empty() {
                push(
                    Field::SkuTier,
                    Err(Refusal::LocalNotOffered {
                        peering_location: l.name,
                    }),
                );
            }
        }
    }
    push(
        Field::SkuTier,
        match req.sku_tier {
            SkuTier::Basic => Err(Refusal::BasicTierNotOffered), // [PORTAL-CIRCUIT]
            SkuTier::Local | SkuTier::Standard | SkuTier::Premium => Ok(()),
        },
    );
    // SC-02: a Local circuit is always UnlimitedData. [PS-CIRCUIT] [CLI-CIRCUIT]. On a Direct
    // port that meets "MeteredData only at creation" [ERDIRECT-HOWTO]: one refusal says both.
    push(
        Field::SkuFamily,
        match (req.sku_tier, req.sku_family, req.port_type) {
            (SkuTier::Local, _, PortType::Direct) => Err(Refusal::DirectUnlimitedAtCreation),
            (SkuTier::Local, SkuFamily::MeteredData, _) => Err(Refusal::LocalRequiresUnlimited),
            _ => Ok(()),
        },
    );
    push(
        Field::ServiceKey,
        if is_guid(service_key) {
            Ok(())
        } else {
            Err(Refusal::KeyNotGuid {
                what: "service key",
                given: service_key.to_string(),
            })
        },
    );
    if !errors.is_empty() {
        return Err(errors);
    }
    let port = match req.port_type {
        PortType::Provider => Port::Provider {
            service_provider_name: req.provider.trim().to_string(),
            peering_location: req.peering_location.trim().to_string(),
            bandwidth_in_mbps: req.bandwidth_mbps,
            routing_model: req.routing_model,
        },
        PortType::Direct => Port::Direct {
            express_route_port: req.express_route_port.trim().to_string(),
            bandwidth_in_gbps: req.bandwidth_gbps,
            peering_location: req.peering_location.trim().to_string(),
            port_bandwidth_gbps: Some(req.port_bandwidth_gbps),
        },
    };
    Ok(Circuit {
        name: req.name.trim().to_string(),
        resource_group: req.resource_group.trim().to_string(),
        region: req.region.trim().to_string(),
        subscription_id: req.subscription_id.trim().to_string(),
        port,
        sku: Sku {
            tier: req.sku_tier,
            family: req.sku_family,
        },
        service_key: service_key.to_ascii_lowercase(),
        // [WF]: NotProvisioned/Enabled at creation. Direct circuits carry the
        // field too but it is never shown or used for them (SC-14).
        service_provider_provisioning_state: ServiceProviderProvisioningState::NotProvisioned,
        circuit_provisioning_state: CircuitProvisioningState::Enabled,
        provisioning_state: ProvisioningState::Succeeded,
        allow_classic_operations: req.allow_classic_operations,
        peerings: Vec::new(),
        authorizations: Vec::new(),
        vnet_links: Vec::new(),
        route_filter: None,
    })
}

/// What the wizard tells the user right after creation (SC-01): billing starts
/// now, and (provider circuits) send the service key to the provider. An ExpressRoute Direct
/// circuit is billed differently: the port pair is billed, from 45 days after the port was
/// created or when a link is enabled, whichever is first; Standard circuits on it cost nothing
/// more, Premium is an add-on, egress is billed per circuit. [WF] [PS-CIRCUIT] [FAQ] [ERDIRECT-HOWTO]
pub fn creation_notes(c: &Circuit) -> Vec<String> {
    match &c.port {
        Port::Provider {
            service_provider_name,
            ..
        } => vec![
            // The key itself is shown once, with Copy, beside these notes: never inside a notice.
            "Billing starts now: the service key has been issued, and Microsoft bills the circuit until it is deleted.".to_string(),
            format!(
                "Send the service key to {service_provider_name} and order connectivity; the provider status will move from NotProvisioned to Provisioning and then Provisioned."
            ),
        ],
        Port::Direct { .. } => vec![
            DIRECT_BILLING.to_string(),
            "This circuit is on an ExpressRoute Direct port: there is no provider step. Before any traffic flows, the port's two links must be patched (the Letter of Authorization and the cross-connects) and both links' admin state set to Enabled; then configure routing.".to_string(),
        ],
    }
}

/// How ExpressRoute Direct is billed, in Microsoft's words. [FAQ] [ERDIRECT-HOWTO]
pub const DIRECT_BILLING: &str = "ExpressRoute Direct is billed per port pair, at a fixed amount: from 45 days after the ExpressRoute Direct port was created, or from when one or both of its links are enabled, whichever comes first. Standard circuits on the port are included at no extra charge, Premium has an add-on charge, and egress is billed per circuit by the peering location's zone.";

/// What the catalog cannot confirm about the create form: a provider, peering location or
/// region not in Microsoft's lists (as of the date they were read), a provider not listed at
/// that location, a Direct port at a location without ExpressRoute Direct. Never a refusal:
/// the lists change, so typing is always allowed. [LOCATIONS]
pub fn create_warnings(req: &CreateCircuit) -> Vec<(Field, String)> {
    let mut out = Vec::new();
    let as_of = catalog::CATALOG_READ;
    let region = req.region.trim();
    if !region.is_empty() && catalog::region_geopolitical(region).is_none() {
        out.push((Field::Region, format!("'{region}' is not an Azure region in Microsoft's ExpressRoute list as of {as_of}: check the spelling (for example West US).")));
    }
    let location = req.peering_location.trim();
    let known = catalog::peering_location(location);
    if !location.is_empty() && known.is_none() {
        out.push((Field::PeeringLocation, format!("'{location}' is not in Microsoft's list of peering locations as of {as_of}: check the spelling, or the wizard cannot tell which Azure regions the circuit reaches.")));
    }
    let provider = req.provider.trim();
    match req.port_type {
        PortType::Provider => {
            if !provider.is_empty() && catalog::locations_of(provider).is_empty() {
                out.push((Field::Provider, format!("'{provider}' is not in Microsoft's list of providers as of {as_of}: check the name against Get-AzExpressRouteServiceProvider.")));
            } else if let Some(l) =
                known.filter(|l| !provider.is_empty() && !catalog::offers(l, provider))
            {
                out.push((Field::Provider, format!("Microsoft's list as of {as_of} does not show {provider} at {}: check with the provider, or choose a location where it is listed.", l.name)));
            }
        }
        PortType::Direct => {
            if let Some(l) = known.filter(|l| !l.express_route_direct) {
                out.push((
                    Field::PeeringLocation,
                    format!(
                        "Microsoft's list as of {as_of} shows no ExpressRoute Direct at {}.",
                        l.name
                    ),
                ));
            }
        }
    }
    out
}
