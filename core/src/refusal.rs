//! Why an action or an input is refused: reason (`Display`), remedy and source key.

use crate::catalog::PeeringLocation;
use crate::delete_refusal as del;
use crate::enums::{
    AdvertisedPublicPrefixesState, PeeringState, PeeringType, PrefixValidationState,
    ServiceProviderProvisioningState, SkuFamily, SkuTier,
};
use crate::form::Field;
use crate::limits::{link_limit, too_many_links_to_downgrade};

fn list<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// What blocks a Premium downgrade: too many links, links to other geopolitical regions, or both.
fn downgrade_blockers(
    to: SkuTier,
    links: usize,
    limit: u32,
    other_region_links: &[String],
) -> String {
    let mut parts = Vec::new();
    if too_many_links_to_downgrade(links, limit) {
        parts.push(format!(
            "it has {links} virtual network links, and {to} needs fewer than {limit}"
        ));
    }
    if !other_region_links.is_empty() {
        parts.push(format!(
            "it links VNets in other geopolitical regions ({})",
            list(other_region_links)
        ));
    }
    parts.join(", and ")
}

/// What keeps a circuit from being deleted. [PS-CIRCUIT] [CLI-CIRCUIT]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachedKind {
    /// A virtual network connection.
    VnetConnection,
    /// An authorization.
    Authorization,
    /// A Global Reach connection.
    GlobalReach,
    /// A route filter attached to Microsoft peering.
    RouteFilter,
}

impl AttachedKind {
    /// The kind in words, and the commands that remove one (PowerShell, Azure CLI).
    pub const fn describe(self) -> (&'static str, &'static str) {
        match self {
            Self::VnetConnection => ("virtual network connection", "Remove-AzVirtualNetworkGatewayConnection, or az network vpn-connection delete"),
            Self::Authorization => ("authorization", "Remove-AzExpressRouteCircuitAuthorization then Set-AzExpressRouteCircuit, or az network express-route auth delete"),
            Self::GlobalReach => ("Global Reach connection", "Remove-AzExpressRouteCircuitConnectionConfig then Set-AzExpressRouteCircuit, or az network express-route peering connection delete"),
            Self::RouteFilter => ("route filter", "$ckt.Peerings[0].RouteFilter = $null then Set-AzExpressRouteCircuit, or az network express-route peering update --remove routeFilter"),
        }
    }
}

/// One thing still attached to a circuit, by kind and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attached {
    /// Its kind.
    pub kind: AttachedKind,
    /// Its name.
    pub name: String,
}

fn mbps_list(items: &[u32]) -> String {
    items
        .iter()
        .map(|v| crate::limits::bandwidth_text(*v))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The exact ARM error Azure returns when a circuit that is not deprovisioned is
/// deleted. [ISSUE-DELETE]
pub const ARM_DELETE_CONFLICT_CODE: &str = "ConflictError";
/// The message of [`ARM_DELETE_CONFLICT_CODE`]. [ISSUE-DELETE]
pub const ARM_DELETE_CONFLICT_MESSAGE: &str = "The specified dedicated circuit is not in Deprovisioned state. Please initiate the deprovisioning process with your service provider.";

/// A refused action or input. The `Display` text is the reason in a network
/// engineer's words; [`Refusal::remedy`] says what to do next and
/// [`Refusal::source_key`] names the rule's source (`docs/sources.md`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    // ---- creation and form fields -------------------------------------------------------
    /// A resource name breaks Azure's naming rules.
    #[error("'{given}' is not a valid Azure resource name: {rule}.")]
    ResourceNameInvalid {
        /// What was typed.
        given: String,
        /// The rule it breaks.
        rule: &'static str,
    },
    /// A resource group name breaks Azure's naming rules.
    #[error("'{given}' is not a valid resource group name: {rule}.")]
    ResourceGroupInvalid {
        /// What was typed.
        given: String,
        /// The rule it breaks.
        rule: &'static str,
    },
    /// A required field is empty.
    #[error("{what} is required.")]
    Required {
        /// The field's label.
        what: &'static str,
    },
    /// A value that must be a whole number is not one.
    #[error("{what} must be a whole number; '{given}' is not.")]
    NotANumber {
        /// The field's label.
        what: &'static str,
        /// What was typed.
        given: String,
    },
    /// Bandwidth not in the offered list (SC-03).
    #[error("{} is not a bandwidth the provider offers at this peering location.", crate::limits::bandwidth_text(*.given))]
    BandwidthNotOffered {
        /// The requested bandwidth in Mbps.
        given: u32,
        /// The offered bandwidths in Mbps.
        offered: Vec<u32>,
    },
    /// ExpressRoute Direct circuit bandwidth not accepted on the port. [ERDIRECT-ABOUT]
    #[error("{given_gbps} Gbps is not a circuit bandwidth {}.", .port_gbps.map_or("on an ExpressRoute Direct port".to_string(), |p| format!("on a {p} Gbps ExpressRoute Direct port")))]
    DirectBandwidthNotOffered {
        /// The requested bandwidth in Gbps.
        given_gbps: u32,
        /// Accepted bandwidths in Gbps.
        offered: Vec<u32>,
        /// The port's own bandwidth (10, 100 or 400 Gbps), when known.
        port_gbps: Option<u32>,
    },
    /// The ExpressRoute Direct port's size is not one Microsoft offers. [ERDIRECT-ABOUT]
    #[error(
        "{given_gbps} Gbps is not an ExpressRoute Direct port size; ports are 10, 100 or 400 Gbps."
    )]
    DirectPortSizeInvalid {
        /// What was given.
        given_gbps: u32,
        /// The sizes offered.
        offered: Vec<u32>,
    },
    /// A circuit on an ExpressRoute Direct port is created MeteredData. [ERDIRECT-HOWTO]
    #[error("A circuit on an ExpressRoute Direct port is created with the MeteredData billing model only; UnlimitedData is not available at creation.")]
    DirectUnlimitedAtCreation,
    /// Local SKU at a peering location that has no local Azure region. [LOCATIONS] [FAQ]
    #[error("ExpressRoute Local is not offered at {peering_location}: Microsoft's locations page lists no local Azure region there.")]
    LocalNotOffered {
        /// The peering location (from the catalog).
        peering_location: &'static str,
    },
    /// High resiliency at a peering location that is not an ExpressRoute Metro location.
    /// [METRO] [PORTAL-CIRCUIT]
    #[error("High resiliency is ExpressRoute Metro, and {peering_location} is not a Metro peering location: its two links would land at one site.")]
    NotMetroLocation {
        /// The peering location (from the catalog).
        peering_location: &'static str,
    },
    /// The second circuit of a Maximum resiliency pair shares a site with the first.
    /// [PORTAL-CIRCUIT] [RESILIENCY]
    #[error("The second circuit's peering location, {peering_location}, is the first circuit's site: Maximum resiliency puts the two circuits at two different peering locations.")]
    PairSameSite {
        /// The second circuit's peering location, as typed.
        peering_location: String,
    },
    /// Local tier with MeteredData (SC-02).
    #[error("A Local circuit is UnlimitedData only: the MeteredData billing model is not available with the Local SKU.")]
    LocalRequiresUnlimited,
    /// The Basic tier exists in the API enum but is not offered.
    #[error("The Basic SKU tier is not offered for ExpressRoute circuits; choose Local, Standard or Premium.")]
    BasicTierNotOffered,
    /// A VNet in another subscription was given no authorization key.
    #[error("A virtual network in another subscription can only link to the circuit with an authorization key from the circuit owner.")]
    AuthorizationKeyRequired,
    /// A key that must be a GUID is not one.
    #[error("The {what} '{given}' is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).")]
    KeyNotGuid {
        /// Which key.
        what: &'static str,
        /// What was given.
        given: String,
    },

    // ---- circuit lifecycle ---------------------------------------------------------------
    /// The circuit is being deleted; nothing else can happen to it.
    #[error("{}", del::DELETING_REASON)]
    CircuitDeleting,
    /// Microsoft's side of the circuit is not Enabled.
    #[error("The circuit status (circuitProvisioningState) is '{status}', not Enabled, so the circuit cannot be used or configured.")]
    CircuitNotEnabled {
        /// The current circuit status.
        status: String,
    },
    /// Provider events do not apply to ExpressRoute Direct (SC-14).
    #[error("This circuit is on an ExpressRoute Direct port: there is no connectivity provider and ServiceProviderProvisioningState does not apply.")]
    NoProviderOnDirect,
    /// A provider-state action in the wrong provider state.
    #[error("'{action}' needs the provider status to be {needs}, but it is {provider_state}.")]
    ProviderStateConflict {
        /// The action's label.
        action: &'static str,
        /// The current provider state.
        provider_state: ServiceProviderProvisioningState,
        /// The state the action starts from.
        needs: ServiceProviderProvisioningState,
    },
    /// Delete refused while Provisioning/Provisioned (SC-08, SC-09).
    #[error("{}", del::while_provisioned_reason(*.provider_state))]
    DeleteWhileProvisioned {
        /// The current provider state.
        provider_state: ServiceProviderProvisioningState,
    },
    /// Delete refused while the provider is still deprovisioning.
    #[error("{}", del::while_deprovisioning_reason())]
    DeleteWhileDeprovisioning,
    /// Delete refused while anything is still attached to the circuit: virtual network
    /// connections, authorizations, Global Reach connections. [PS-CIRCUIT] [CLI-CIRCUIT]
    #[error("{}", del::blocked_reason(.attached))]
    DeleteBlocked {
        /// What is still attached, by kind and name.
        attached: Vec<Attached>,
    },
    /// A change that needs the provider while the provider is deprovisioning.
    #[error("The provider is deprovisioning the circuit, so '{what}' cannot be done now.")]
    ChangeWhileDeprovisioning {
        /// The action's label.
        what: &'static str,
    },

    // ---- peerings ----------------------------------------------------------------------
    /// Peering change before the provider has provisioned (SC-06).
    #[error("The ExpressRoute circuit must be in a Provisioned state in order to configure peering. The provider status is {provider_state}.")]
    PeeringNeedsProvisioned {
        /// The current provider state.
        provider_state: ServiceProviderProvisioningState,
    },
    /// Layer 3 provider manages routing (SC-07).
    #[error("Your connectivity provider manages Layer 3 routing for this circuit and configures the peerings itself. Adding or changing peerings yourself overwrites the provider's settings and breaks routing.")]
    Layer3ProviderManagesRouting,
    /// Azure public peering cannot be created or changed.
    #[error("Azure public peering is retired and not available for new configuration.")]
    RetiredPeeringType,
    /// The peering already exists.
    #[error("The circuit already has {kind}; there is only one peering of each type.")]
    PeeringExists {
        /// The peering type.
        kind: PeeringType,
    },
    /// The peering does not exist; Azure PowerShell's wording for it is quoted. [TROUBLE]
    #[error("The circuit has no {kind} (Get-AzExpressRouteCircuitPeeringConfig: \"Sequence contains no matching element\").")]
    PeeringNotFound {
        /// The peering type.
        kind: PeeringType,
    },
    /// No peering at all.
    #[error("The circuit has no peerings yet.")]
    NoPeerings,
    /// Update with the configuration the peering already has.
    #[error("{kind} already has exactly this configuration.")]
    PeeringUnchanged {
        /// The peering type.
        kind: PeeringType,
    },
    /// Peering already in the requested state.
    #[error("{kind} is already {state}.")]
    PeeringStateUnchanged {
        /// The peering type.
        kind: PeeringType,
        /// Its current state.
        state: PeeringState,
    },

    // ---- routing input -----------------------------------------------------------------
    /// ASN outside 1..=max (SC-17).
    #[error(
        "'{given}' is out of range: an ASN must be between 1 and {max} (2-byte or 4-byte ASN)."
    )]
    AsnOutOfRange {
        /// What was typed.
        given: String,
        /// The largest accepted value.
        max: u32,
    },
    /// ASN 65515–65520 (SC-16).
    #[error(
        "ASN {asn} cannot be used: ASNs 65515 to 65520 are reserved by Microsoft for internal use."
    )]
    ReservedAsn {
        /// The ASN.
        asn: u32,
    },
    /// 12076/8074/8075 as peer ASN (SC-18).
    #[error("ASN {asn} is used or reserved by Microsoft Azure (12076 is Microsoft's ASN on every peering; 8074 and 8075 are reserved); it cannot be your AS number.")]
    AzurePublicAsn {
        /// The ASN.
        asn: u32,
    },
    /// 64496–64511 on Microsoft peering.
    #[error("ASN {asn} is in the IANA documentation range 64496–64511, which is not allowed in the AS path on Microsoft peering.")]
    DocumentationAsn {
        /// The ASN.
        asn: u32,
    },
    /// Not a CIDR prefix.
    #[error("'{given}' is not an IP prefix in CIDR notation (for example 192.168.100.128/30).")]
    SubnetInvalid {
        /// What was typed.
        given: String,
    },
    /// Host bits set.
    #[error("'{given}' has host bits set; the network address of that prefix is {suggested}.")]
    SubnetHostBitsSet {
        /// What was typed.
        given: String,
        /// The truncated network.
        suggested: String,
    },
    /// Wrong prefix length for a link (SC-20, SC-26).
    #[error("'{given}' has the wrong length: {expected}.")]
    WrongPrefixLength {
        /// What was typed.
        given: String,
        /// What is expected.
        expected: &'static str,
    },
    /// IPv6 in an IPv4 field or the other way round.
    #[error("'{given}' is the wrong address family here: expected {expected}.")]
    WrongAddressFamily {
        /// What was typed.
        given: String,
        /// The expected family.
        expected: &'static str,
    },
    /// One of the pair missing.
    #[error("The {which} is missing: primary and secondary subnets are required together.")]
    LinkSubnetMissing {
        /// "primary subnet" or "secondary subnet" (with family).
        which: &'static str,
    },
    /// Neither IPv4 nor IPv6 subnets.
    #[error("No peering subnets given: a peering needs two /30 (IPv4) or two /126 (IPv6) subnets, or both.")]
    PeeringSubnetsMissing,
    /// Same subnet for both links (SC-21).
    #[error("The primary and secondary links both use {subnet}; each link needs its own subnet.")]
    SameSubnetBothLinks {
        /// The repeated subnet.
        subnet: String,
    },
    /// Peering subnet overlaps a VNet (SC-23).
    #[error("Peering subnet {subnet} overlaps the address space {vnet_space} of virtual network '{vnet}'; peering subnets must not be part of any address space reserved for virtual networks.")]
    OverlapsVnet {
        /// The peering subnet.
        subnet: String,
        /// The overlapping VNet address space.
        vnet_space: String,
        /// The VNet name (or "planned VNet").
        vnet: String,
    },
    /// Subnet already used by another peering of the circuit.
    #[error(
        "Subnet {subnet} overlaps a subnet of {other}; each peering needs its own unique subnets."
    )]
    SubnetUsedByOtherPeering {
        /// The subnet.
        subnet: String,
        /// The other peering.
        other: PeeringType,
    },
    /// Private/reserved address on Microsoft peering (SC-24).
    #[error("'{given}' is not a public address range. Microsoft peering subnets and advertised prefixes must be public IPs you own, registered in an RIR/IRR.")]
    PrivateAddressOnMicrosoftPeering {
        /// The subnet or prefix.
        given: String,
    },
    /// VLAN outside 1–4094 (SC-28).
    #[error("VLAN ID '{given}' is not valid: use an 802.1Q VLAN ID from 1 to 4094.")]
    VlanOutOfRange {
        /// What was typed.
        given: String,
    },
    /// VLAN used by another peering.
    #[error("VLAN ID {vlan} is already used by {by} on this circuit; no other peering in the circuit may use the same VLAN ID.")]
    VlanInUse {
        /// The VLAN.
        vlan: u16,
        /// The peering that uses it.
        by: PeeringType,
    },
    /// Shared key too long or special characters (SC-29).
    #[error("The shared key can be a maximum of 25 alphanumeric characters; special characters aren't supported (given: {length} characters{}).", if *.has_special { ", with special characters" } else { "" })]
    SharedKeyInvalid {
        /// Its length.
        length: usize,
        /// Whether it has a non-alphanumeric character.
        has_special: bool,
    },
    /// Microsoft peering: a customer ASN that is not public. [PEERINGS]
    #[error("Customer ASN {asn} is a private AS number: if you use a customer ASN on Microsoft peering, it can only be a public ASN.")]
    CustomerAsnNotPublic {
        /// The ASN.
        asn: u32,
    },
    /// Routing registry not in the accepted list (SC-30).
    #[error("'{given}' is not an accepted routing registry. Allowed values: ARIN, APNIC, AFRINIC, LACNIC, RIPENCC, RADB, ALTDB, LEVEL3.")]
    UnknownRegistry {
        /// What was typed.
        given: String,
    },
    /// Microsoft peering without its config (SC-31).
    #[error("Microsoft Peering Config is not specified: Microsoft peering needs advertised public prefixes (`microsoft_peering_config` must be specified when config for Ipv4 and `peering_type` is set to `MicrosoftPeering`).")]
    MicrosoftPeeringConfigMissing,
    /// Microsoft-only fields on private peering.
    #[error("Advertised public prefixes, customer ASN and routing registry apply to Microsoft peering only.")]
    MicrosoftFieldsOnPrivatePeering,
    /// Prefix family without a session of that family.
    #[error(
        "Advertised prefix {prefix} is {family}, but the peering has no {family} BGP session."
    )]
    PrefixWithoutSession {
        /// The prefix.
        prefix: String,
        /// "IPv4" or "IPv6".
        family: &'static str,
    },
    /// Session without prefixes of its family.
    #[error("The {family} BGP session has no {family} advertised public prefixes; each session needs prefixes of its own address family.")]
    SessionWithoutPrefixes {
        /// "IPv4" or "IPv6".
        family: &'static str,
    },
    /// Too many advertised prefixes for one session (SC-37).
    #[error("{count} advertised prefixes exceed the Microsoft peering limit of {limit} per BGP session; over the limit the BGP session is dropped.")]
    TooManyPrefixes {
        /// How many were given.
        count: usize,
        /// The limit.
        limit: u32,
    },
    /// A prefix given twice: each prefix has one prefix validation entry, so Azure PowerShell
    /// refuses a second one with "PrefixInfo already exists". [PS-PREFIX]
    #[error("Prefix {prefix} is listed more than once (Azure PowerShell: \"PrefixInfo already exists\").")]
    DuplicatePrefix {
        /// The prefix.
        prefix: String,
    },

    // ---- prefix validation -------------------------------------------------------------
    /// No Microsoft peering to validate. [PS-PREFIX]
    #[error("Microsoft peering is not configured on the circuit.")]
    MicrosoftPeeringNotConfigured,
    /// The prefix is not advertised. [PS-PREFIX]
    #[error("Prefix {prefix} is not part of advertised public prefixes.")]
    PrefixNotAdvertised {
        /// The prefix.
        prefix: String,
    },
    /// Validation info was already added for this prefix: Azure PowerShell's
    /// `Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig` refuses a second entry with exactly
    /// "PrefixInfo already exists". [PS-PREFIX]
    #[error(
        "PrefixInfo already exists: prefix {prefix} already has a validation ID and signature."
    )]
    PrefixInfoAlreadyExists {
        /// The prefix.
        prefix: String,
    },
    /// The signed validation of a prefix needs its validation ID and the signature of that ID.
    /// (Azure PowerShell takes both as optional, non-empty values; Microsoft can check nothing
    /// without them.) [SPEC-2024-10] [PS-PREFIX]
    #[error("The {what} is missing: the signed validation of a prefix needs the validation ID and its signature.")]
    ValidationInfoMissing {
        /// "validation ID" or "signature".
        what: &'static str,
    },
    /// The validation outcome does not fit the current prefixes state.
    #[error("'{outcome}' cannot happen while the advertised public prefixes state is {state}.")]
    PrefixValidationNotPending {
        /// The outcome's label.
        outcome: &'static str,
        /// The current state.
        state: AdvertisedPublicPrefixesState,
    },
    /// A per-prefix failure outcome carrying a non-failure state.
    #[error("{state} is not a validation failure value.")]
    NotAFailureState {
        /// The state given.
        state: PrefixValidationState,
    },

    // ---- authorizations ----------------------------------------------------------------
    /// More than 10 authorizations.
    #[error("The circuit already has {limit} authorizations, the most a circuit can have.")]
    AuthorizationLimit {
        /// The limit (10).
        limit: usize,
    },
    /// Authorization name taken.
    #[error("An authorization named '{name}' already exists on this circuit.")]
    AuthorizationNameTaken {
        /// The name.
        name: String,
    },
    /// Authorization key taken.
    #[error("That authorization key is already used by another authorization of this circuit.")]
    AuthorizationKeyTaken,
    /// No such authorization.
    #[error("The circuit has no authorization named '{name}'.")]
    AuthorizationNotFound {
        /// The name.
        name: String,
    },
    /// No authorizations at all.
    #[error("The circuit has no authorizations.")]
    NoAuthorizations,

    // ---- VNet links --------------------------------------------------------------------
    /// Link before the circuit is usable.
    #[error("A virtual network can be linked only when the circuit is Provisioned and Enabled; the provider status is {provider_state}.")]
    LinkNeedsProvisioned {
        /// The current provider state.
        provider_state: ServiceProviderProvisioningState,
    },
    /// Link without private peering.
    #[error("Virtual networks connect through Azure private peering, which is not configured on this circuit.")]
    LinkNeedsPrivatePeering,
    /// Too many links (SC-38).
    #[error("The circuit already uses all {limit} of its links, the limit for a {tier} circuit at {} (linked virtual networks and Global Reach connections count alike).", crate::limits::bandwidth_text(*.bandwidth_mbps))]
    LinkLimitReached {
        /// The limit.
        limit: u32,
        /// The SKU tier.
        tier: SkuTier,
        /// The bandwidth in Mbps.
        bandwidth_mbps: u32,
        /// Premium: the lowest bandwidth this circuit can change to that allows more links.
        more_links_at: Option<u32>,
    },
    /// Standard: a VNet outside the geopolitical region of the circuit's peering location.
    /// [LOCATIONS] [PS-LINK] [FAQ]
    #[error("Virtual network region '{vnet_region}' is in {vnet_geopolitical}, but the circuit's peering location {} is in {}. A {tier} circuit reaches only the Azure regions of its peering location's geopolitical region (the circuit's own resource region plays no part).", .location.name, .location.geopolitical_region)]
    OtherGeopoliticalRegion {
        /// The VNet's region.
        vnet_region: String,
        /// The VNet region's geopolitical region (from the catalog).
        vnet_geopolitical: &'static str,
        /// The circuit's peering location (from the catalog).
        location: &'static PeeringLocation,
        /// The tier.
        tier: SkuTier,
    },
    /// Local: a VNet outside the regions local to the circuit's peering location. [FAQ] [LOCATIONS]
    #[error("Virtual network region '{vnet_region}' is not local to {}. An ExpressRoute Local circuit reaches only the Azure regions local to its peering location: {}.", .location.name, list(.location.local_azure_regions))]
    OutsideLocalRegions {
        /// The VNet's region.
        vnet_region: String,
        /// The circuit's peering location (from the catalog).
        location: &'static PeeringLocation,
    },
    /// Authorization already used (SC-38).
    #[error("Authorization '{name}' is already in use. An authorization is valid for only one connection.")]
    AuthorizationInUse {
        /// The authorization's name.
        name: String,
    },
    /// Unknown authorization key.
    #[error("The authorization key does not match any authorization of this circuit.")]
    AuthorizationKeyNotFound,
    /// Connection name taken.
    #[error("A connection named '{name}' already exists on this circuit.")]
    LinkNameTaken {
        /// The name.
        name: String,
    },
    /// No such connection.
    #[error("The circuit has no connection named '{name}'.")]
    LinkNotFound {
        /// The name.
        name: String,
    },
    /// No links at all.
    #[error("The circuit has no virtual network connections.")]
    NoLinks,
    /// VNet advertises too many address spaces.
    #[error("The virtual network advertises {count} address spaces; a new ExpressRoute connection needs {limit} or fewer.")]
    TooManyAddressSpaces {
        /// How many.
        count: usize,
        /// The limit (200).
        limit: usize,
    },

    // ---- circuit changes ---------------------------------------------------------------
    /// Bandwidth decrease (SC-39b).
    #[error("Bandwidth cannot be decreased from {} to {}: a downgrade needs the circuit to be {} and a new circuit created.", crate::limits::bandwidth_text(*.from), crate::limits::bandwidth_text(*.to), if *.direct { "deleted" } else { "deprovisioned" })]
    BandwidthDecrease {
        /// Current bandwidth, Mbps.
        from: u32,
        /// Requested bandwidth, Mbps.
        to: u32,
        /// An ExpressRoute Direct circuit: no provider to deprovision it (SC-14).
        direct: bool,
    },
    /// Same bandwidth.
    #[error("The circuit is already {}.", crate::limits::bandwidth_text(*.mbps))]
    BandwidthUnchanged {
        /// Current bandwidth, Mbps.
        mbps: u32,
    },
    /// Already at the highest bandwidth.
    #[error("The circuit is already at the highest bandwidth offered ({}); bandwidth can only be increased.", crate::limits::bandwidth_text(*.mbps))]
    NoHigherBandwidth {
        /// Current bandwidth, Mbps.
        mbps: u32,
    },
    /// Unlimited → Metered (SC-39c).
    #[error("The billing model cannot be changed from UnlimitedData to MeteredData.")]
    UnlimitedToMetered,
    /// Same family.
    #[error("The billing model is already {family}.")]
    FamilyUnchanged {
        /// Current family.
        family: SkuFamily,
    },
    /// Same tier.
    #[error("The SKU tier is already {tier}.")]
    TierUnchanged {
        /// Current tier.
        tier: SkuTier,
    },
    /// → Local in the portal (SC-39e).
    #[error("A {from} circuit cannot be changed to Local in the portal or this wizard; that change is supported only with Azure PowerShell or the Azure CLI.")]
    LocalTierNotInPortal {
        /// The current tier.
        from: SkuTier,
    },
    /// Premium → Standard guard.
    #[error("The circuit cannot move from Premium to {to}: {}.", downgrade_blockers(*.to, *.links, *.limit, .other_region_links))]
    PremiumDowngradeBlocked {
        /// The tier requested.
        to: SkuTier,
        /// Current number of links.
        links: usize,
        /// The limit after the change.
        limit: u32,
        /// Links to VNets outside the circuit's geopolitical region.
        other_region_links: Vec<String>,
    },
    /// A Global Reach rule (two circuits), with its own remedy and source. [GLOBAL-REACH]
    #[error("{0}")]
    GlobalReach(Detail),
    /// Allow classic operations already set.
    #[error("Allow classic operations is already {}.", if *.value { "on" } else { "off" })]
    ClassicOperationsUnchanged {
        /// Current value.
        value: bool,
    },

    // ---- route filters -----------------------------------------------------------------
    /// A route filter refusal (its reason, remedy and source are its own).
    #[error("{0}")]
    RouteFilter(Detail),
}

/// The reason, remedy and source of a refusal that a feature with rules of its own gives (Global
/// Reach, route filters; see [`Refusal::GlobalReach`], [`Refusal::RouteFilter`]).
pub trait RefusalDetail: std::fmt::Debug + std::fmt::Display + Send + Sync + 'static {
    /// What to do next, in plain words.
    fn remedy(&self) -> String;
    /// The source key(s) of the rule.
    fn source_key(&self) -> &'static str;
    /// The form field it concerns, if one ([`Refusal::field`]).
    fn field(&self) -> Option<Field>;
    /// A boxed copy (for `Clone`).
    fn clone_box(&self) -> Box<dyn RefusalDetail>;
    /// Equality with another detail of any type (for `PartialEq`).
    fn eq_dyn(&self, other: &dyn RefusalDetail) -> bool;
    /// The concrete value, to read it back ([`Detail::downcast_ref`]).
    fn as_any(&self) -> &dyn std::any::Any;
}

/// A feature's refusal behind a trait object. Its messages are compiled only into a bundle that
/// can make one: "Your circuits", which only deletes, does not carry every Global Reach and route
/// filter message. Compared, cloned and shown like the other refusals.
#[derive(Debug)]
pub struct Detail(Box<dyn RefusalDetail>);

impl Detail {
    /// Wraps a feature's refusal.
    pub fn new(detail: impl RefusalDetail) -> Self {
        Detail(Box::new(detail))
    }

    /// The feature's refusal, if it is a `T`.
    pub fn downcast_ref<T: 'static>(&self) -> Option<&T> {
        self.0.as_any().downcast_ref()
    }

    /// What to do next.
    pub fn remedy(&self) -> String {
        self.0.remedy()
    }

    /// The source key(s) of the rule.
    pub fn source_key(&self) -> &'static str {
        self.0.source_key()
    }

    /// The form field it concerns, if one.
    pub fn field(&self) -> Option<Field> {
        self.0.field()
    }
}

impl Clone for Detail {
    fn clone(&self) -> Self {
        Detail(self.0.clone_box())
    }
}

impl PartialEq for Detail {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_dyn(&*other.0)
    }
}

impl Eq for Detail {}

impl std::fmt::Display for Detail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Implements [`RefusalDetail`] for a refusal type with inherent `remedy`, `source_key` and
/// `field`.
macro_rules! refusal_detail {
    ($ty:ty) => {
        impl $crate::refusal::RefusalDetail for $ty {
            fn remedy(&self) -> String {
                <$ty>::remedy(self)
            }
            fn source_key(&self) -> &'static str {
                <$ty>::source_key(self)
            }
            fn field(&self) -> Option<$crate::form::Field> {
                <$ty>::field(self)
            }
            fn clone_box(&self) -> Box<dyn $crate::refusal::RefusalDetail> {
                Box::new(self.clone())
            }
            fn eq_dyn(&self, other: &dyn $crate::refusal::RefusalDetail) -> bool {
                other.as_any().downcast_ref::<$ty>() == Some(self)
            }
            fn as_any(&self) -> &dyn std::any::Any {
                self
            }
        }
    };
}
pub(crate) use refusal_detail;

impl Refusal {
    /// What to do next, in plain words.
    pub fn remedy(&self) -> String {
        use Refusal::*;
        match self {
            ResourceNameInvalid { .. } => "Use 1–80 letters, digits, underscores, periods or hyphens, starting with a letter or digit and ending with a letter, digit or underscore.".into(),
            ResourceGroupInvalid { .. } => "Use 1–90 letters, digits, underscores, periods, hyphens or parentheses, not ending with a period.".into(),
            Required { what } => format!("Enter the {}.", what.to_ascii_lowercase()),
            NotANumber { what, .. } => format!("Enter the {} as digits only.", what.to_ascii_lowercase()),
            BandwidthNotOffered { offered, .. } => format!("Choose one of the provider's offered bandwidths at that peering location: {}.", mbps_list(offered)),
            DirectBandwidthNotOffered { offered, port_gbps: Some(p), .. } => format!("Choose one of the bandwidths a {p} Gbps port carries: {} Gbps; a larger circuit needs a larger port.", list(offered)),
            DirectBandwidthNotOffered { offered, port_gbps: None, .. } => format!("Choose one of: {} Gbps.", list(offered)),
            DirectPortSizeInvalid { offered, .. } => format!("Choose the size of your ExpressRoute Direct port: {} Gbps.", list(offered)),
            DirectUnlimitedAtCreation => "Create the circuit with MeteredData, then change the billing model to UnlimitedData afterwards (the change cannot be undone). Microsoft's documents differ here: the portal steps say Unlimited isn't supported on ExpressRoute Direct, the PowerShell steps say to update to Unlimited after creation. For a Local circuit on the port, create it as Standard MeteredData and change the SKU afterwards.".into(),
            LocalNotOffered { .. } => "Choose Standard or Premium, or a peering location that lists a local Azure region (Local reaches only the one or two regions in or near the same metro).".into(),
            NotMetroLocation { .. } => "Choose a Metro peering location (for example Amsterdam Metro) with a provider listed there, or choose Standard resiliency for a circuit at one site.".into(),
            PairSameSite { .. } => "Choose another peering location for the second circuit, ideally in the same geopolitical region so that both circuits reach the same Azure regions.".into(),
            LocalRequiresUnlimited => "Switch the billing model to UnlimitedData, or choose the Standard or Premium tier to keep MeteredData.".into(),
            BasicTierNotOffered => "Choose Local, Standard or Premium.".into(),
            AuthorizationKeyRequired => "Ask the circuit owner to add an authorization on the circuit and send you its key, then enter it here. Each key is valid for one connection.".into(),
            KeyNotGuid { .. } => "Copy the key exactly as Azure shows it, a GUID such as a1410692-0000-4ceb-b94a-b90b94d398d1.".into(),
            CircuitDeleting => del::DELETING_REMEDY.into(),
            CircuitNotEnabled { .. } => "Open a support ticket with Microsoft Support: only Microsoft can enable the circuit.".into(),
            NoProviderOnDirect => "On ExpressRoute Direct you configure routing yourself as soon as the circuit exists; skip the provider step.".into(),
            ProviderStateConflict { provider_state, .. } => match provider_state {
                ServiceProviderProvisioningState::NotProvisioned => "Send the service key to your connectivity provider and ask them to provision the circuit.".into(),
                ServiceProviderProvisioningState::Provisioning => "Wait for the provider to finish provisioning, or contact the provider.".into(),
                ServiceProviderProvisioningState::Provisioned => "The circuit is already provisioned; nothing to do on the provider side.".into(),
                ServiceProviderProvisioningState::Deprovisioning => "Wait for the provider to finish deprovisioning; then re-enable or delete the circuit.".into(),
            },
            DeleteWhileProvisioned { .. } => del::WHILE_PROVISIONED_REMEDY.into(),
            DeleteWhileDeprovisioning => del::WHILE_DEPROVISIONING_REMEDY.into(),
            DeleteBlocked { attached } => del::blocked_remedy(attached),
            ChangeWhileDeprovisioning { .. } => "Wait until the provider status is NotProvisioned, then make the change (or ask the provider to provision the circuit again).".into(),
            PeeringNeedsProvisioned { provider_state } => match provider_state {
                ServiceProviderProvisioningState::Deprovisioning => "The provider is tearing the circuit down: wait until the provider status is NotProvisioned, then ask the provider to provision it again before configuring peering.".into(),
                _ => "Contact your connectivity provider to complete provisioning; configure peering once the provider status is Provisioned.".into(),
            },
            Layer3ProviderManagesRouting => "Ask your provider to configure or change the peering, and use refresh on the Peerings blade to see the provider-configured peerings.".into(),
            RetiredPeeringType => "Use Microsoft peering for Microsoft public services, and private peering for virtual networks.".into(),
            PeeringExists { .. } => "Update the existing peering instead of adding another.".into(),
            PeeringNotFound { kind } => format!("Add {kind} first."),
            NoPeerings => "Add a peering first.".into(),
            PeeringStateUnchanged { .. } | PeeringUnchanged { .. } => "Nothing to change.".into(),
            AsnOutOfRange { max, .. } => format!("Enter your AS number as a whole number from 1 to {max}."),
            ReservedAsn { .. } => "Use another ASN; for private peering any private ASN except 65515–65520 works (65514 and 65521 are fine).".into(),
            AzurePublicAsn { .. } => "Enter your own AS number (the one your prefixes and BGP sessions use).".into(),
            DocumentationAsn { .. } => "Use the public ASN your prefixes are registered to.".into(),
            SubnetInvalid { .. } => "Type an IPv4 prefix such as 192.168.100.128/30, or an IPv6 prefix such as 3FFE:FFFF:0:CD30::/126.".into(),
            SubnetHostBitsSet { suggested, .. } => format!("Use the network address {suggested}."),
            WrongPrefixLength { .. } => "Give a /30 (IPv4) or /126 (IPv6) for each link, or one /29 (/125) in the primary field to be split: first half primary, second half secondary.".into(),
            WrongAddressFamily { .. } => "Put IPv4 subnets in the IPv4 fields and IPv6 subnets in the IPv6 fields.".into(),
            LinkSubnetMissing { .. } => "Give both subnets, or one /29 (/125) in the primary field to be split into the two links.".into(),
            PeeringSubnetsMissing => "Enter a primary and secondary /30 subnet (or one /29), and/or a primary and secondary /126 (or one /125).".into(),
            SameSubnetBothLinks { .. } => "Use two different subnets: the first /30 of a /29 for the primary link, the second /30 for the secondary.".into(),
            OverlapsVnet { .. } => "Pick peering subnets outside every VNet address space (and outside ranges reserved for Azure).".into(),
            SubnetUsedByOtherPeering { .. } => "Use a different subnet for this peering.".into(),
            PrivateAddressOnMicrosoftPeering { .. } => "Use public IP ranges assigned to you (or your provider) and recorded in a routing registry.".into(),
            VlanOutOfRange { .. } => "Enter a VLAN ID from 1 to 4094; the same VLAN ID is used on the primary and secondary links.".into(),
            VlanInUse { .. } => "Choose a VLAN ID that no other peering of this circuit uses.".into(),
            SharedKeyInvalid { .. } => "Use up to 25 letters and digits, and configure the same key on both sides of the BGP session (e.g. A1B2C3D4).".into(),
            UnknownRegistry { .. } => "Choose ARIN, APNIC, AFRINIC, LACNIC, RIPENCC, RADB, ALTDB or LEVEL3. If your prefixes are in none of them, open a support case for manual validation.".into(),
            MicrosoftPeeringConfigMissing => "Enter the advertised public prefixes (and, optionally, the routing registry they are registered in).".into(),
            MicrosoftFieldsOnPrivatePeering => "Leave those fields empty for private peering; give your AS number as the Peer ASN, not as the customer ASN.".into(),
            PrefixWithoutSession { family, .. } => format!("Add {family} peering subnets, or remove the {family} prefixes."),
            SessionWithoutPrefixes { family } => format!("Add the {family} public prefixes you will advertise on that session."),
            TooManyPrefixes { limit, .. } => format!("Aggregate the prefixes to {limit} or fewer per session."),
            DuplicatePrefix { .. } => "List each prefix once.".into(),
            MicrosoftPeeringNotConfigured => "Add Microsoft peering first.".into(),
            PrefixNotAdvertised { .. } => "Pick one of the peering's advertised public prefixes, or add the prefix to the advertised public prefixes first.".into(),
            PrefixInfoAlreadyExists { .. } => "To replace the validation ID and signature (after signing again), use Set-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig with the same -Prefix; to start over, Remove-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig, then add it again.".into(),
            ValidationInfoMissing { what: "signature" } => "Sign the validation ID with the private key whose certificate is in your routing registry (openssl), and paste the base64 signature as one line.".into(),
            ValidationInfoMissing { .. } => "Copy the prefix's validation ID from the Microsoft peering in the Azure portal or the API, exactly as given.".into(),
            PrefixValidationNotPending { .. } => "Wait for Microsoft to evaluate the prefixes, or update the peering's prefixes to start validation again.".into(),
            NotAFailureState { .. } => "Report one of ValidationNeeded, ValidationFailed, ManualValidationNeeded, AsnValidationFailed, CertificateMissingInRoutingRegistry, InvalidSignatureEncoding or SignatureVerificationFailed.".into(),
            AuthorizationLimit { .. } => "Remove an authorization that is no longer needed.".into(),
            AuthorizationNameTaken { .. } => "Choose another name.".into(),
            AuthorizationKeyTaken => "Use the key Azure generates for the new authorization.".into(),
            AuthorizationNotFound { .. } | NoAuthorizations => "Create an authorization first.".into(),
            LinkNeedsProvisioned { .. } => "Wait until the provider status is Provisioned, configure private peering, then link the VNet.".into(),
            LinkNeedsPrivatePeering => "Configure Azure private peering first.".into(),
            LinkLimitReached { tier: SkuTier::Premium, more_links_at: Some(mbps), .. } => format!(
                "Unlink a VNet, or increase the circuit's bandwidth to {}: Premium allows {} links there.",
                crate::limits::bandwidth_text(*mbps),
                link_limit(SkuTier::Premium, *mbps)
            ),
            LinkLimitReached { tier: SkuTier::Premium, limit, bandwidth_mbps, .. } => format!(
                "Unlink a VNet you no longer need: {limit} is the most a Premium circuit allows at {} and at every bandwidth this circuit can change to. Use another circuit for more virtual networks.",
                crate::limits::bandwidth_text(*bandwidth_mbps)
            ),
            LinkLimitReached { bandwidth_mbps, .. } => format!(
                "Unlink a VNet, or upgrade to Premium: a Premium circuit at {} allows {} links.",
                crate::limits::bandwidth_text(*bandwidth_mbps),
                link_limit(SkuTier::Premium, *bandwidth_mbps)
            ),
            OtherGeopoliticalRegion { location: PeeringLocation { geopolitical_region: geopolitical, .. }, .. } => format!("Upgrade the circuit to Premium (which reaches every geopolitical region), link a VNet in a region of {geopolitical}, or use a circuit at a peering location in the VNet's geopolitical region."),
            OutsideLocalRegions { location, .. } => format!("Link a VNet in {}, or change the circuit to Standard or Premium to reach more regions.", list(location.local_azure_regions)),
            CustomerAsnNotPublic { .. } => "Leave Customer ASN empty when the prefixes are registered to your peer ASN; use it only for the public ASN the advertised prefixes are registered to.".into(),
            AuthorizationInUse { .. } => "Ask the circuit owner for a new authorization: each authorization key can be used by one connection.".into(),
            AuthorizationKeyNotFound => "Ask the circuit owner for a valid authorization key.".into(),
            LinkNameTaken { .. } => "Choose another connection name.".into(),
            LinkNotFound { .. } | NoLinks => "Nothing to unlink.".into(),
            TooManyAddressSpaces { .. } => "Reduce the address spaces advertised from the VNet and its peered VNets to 200 or fewer, link, then add more (up to 1,000).".into(),
            BandwidthDecrease { direct: false, .. } => "Ask the provider to deprovision this circuit and create a new circuit with the lower bandwidth.".into(),
            BandwidthDecrease { direct: true, .. } => "Delete this circuit and create a new one on the ExpressRoute Direct port at the lower bandwidth (an ExpressRoute Direct circuit has no provider to deprovision it).".into(),
            BandwidthUnchanged { .. } | FamilyUnchanged { .. } | TierUnchanged { .. } | ClassicOperationsUnchanged { .. } => "Nothing to change.".into(),
            NoHigherBandwidth { .. } => "Create an additional circuit if you need more capacity.".into(),
            UnlimitedToMetered => "Keep UnlimitedData, or create a new MeteredData circuit.".into(),
            GlobalReach(r) => r.remedy(),
            LocalTierNotInPortal { .. } => "Use Azure PowerShell or the Azure CLI (az network express-route update --sku-tier Local) to change to Local; the billing model must be UnlimitedData.".into(),
            PremiumDowngradeBlocked { links, limit, other_region_links, .. } => {
                let mut steps = Vec::new();
                if too_many_links_to_downgrade(*links, *limit) {
                    steps.push(format!("unlink VNets so fewer than {limit} remain"));
                }
                if !other_region_links.is_empty() {
                    steps.push(format!("unlink the VNets in other geopolitical regions ({})", list(other_region_links)));
                }
                let mut first = steps.join(" and ");
                if let Some(c) = first.get_mut(..1) {
                    c.make_ascii_uppercase();
                }
                format!("{first}; make sure private peering advertises fewer than 4,000 routes. Premium billing continues until the change succeeds.")
            }
            RouteFilter(r) => r.remedy(),
        }
    }

    /// The source key(s) of the rule, listed in `docs/sources.md`.
    pub fn source_key(&self) -> &'static str {
        use Refusal::*;
        match self {
            ResourceNameInvalid { .. } | ResourceGroupInvalid { .. } => {
                "[PORTAL-CIRCUIT] [inferred: Azure resource naming rules]"
            }
            Required { .. } | NotANumber { .. } => "[PORTAL-CIRCUIT]",
            BandwidthNotOffered { .. } => "[CLI-CIRCUIT] [PS-CIRCUIT] [FAQ-SPEEDS]",
            DirectBandwidthNotOffered { .. } | DirectPortSizeInvalid { .. } => "[ERDIRECT-ABOUT]",
            DirectUnlimitedAtCreation => "[ERDIRECT-HOWTO]",
            LocalNotOffered { .. } => "[LOCATIONS] [FAQ]",
            NotMetroLocation { .. } => "[METRO] [PORTAL-CIRCUIT]",
            PairSameSite { .. } => "[PORTAL-CIRCUIT] [RESILIENCY]",
            LocalRequiresUnlimited => "[CLI-CIRCUIT] [PS-CIRCUIT]",
            BasicTierNotOffered => "[PORTAL-CIRCUIT] [SPEC-2024-05]",
            AuthorizationKeyRequired => "[PS-LINK] [CLI-LINK]",
            KeyNotGuid { .. } => "[EX-CIRCUIT-GET] [PS-LINK]",
            CircuitDeleting => del::DELETING_SOURCE,
            CircuitNotEnabled { .. } => "[TROUBLE] [WF]",
            NoProviderOnDirect => "[WF] [SPEC-2024-05]",
            ProviderStateConflict { .. } => "[WF]",
            DeleteWhileProvisioned { .. } => del::WHILE_PROVISIONED_SOURCE,
            DeleteWhileDeprovisioning => del::WHILE_DEPROVISIONING_SOURCE,
            DeleteBlocked { .. } => del::BLOCKED_SOURCE,
            // Deprovisioning itself is [inferred] (SC-10), and so is what it blocks.
            ChangeWhileDeprovisioning { .. } => "[WF] [SPEC-2024-05] [inferred]",
            PeeringNeedsProvisioned { .. } => "[WF] [PS-ROUTING] [ISSUE-TF3022]",
            Layer3ProviderManagesRouting => "[PS-CIRCUIT] [TROUBLE-2017] [TROUBLE]",
            RetiredPeeringType => "[ROUTING]",
            PeeringExists { .. } | PeeringNotFound { .. } | NoPeerings => {
                "[TF-PEERING-DOC] [TROUBLE]"
            }
            PeeringStateUnchanged { .. } => "[RESET]",
            PeeringUnchanged { .. } => "[PS-ROUTING]",
            AsnOutOfRange { .. } => "[SPEC-2024-05] [ROUTING] [PS-DOC-ADD-PEERING]",
            ReservedAsn { .. } => "[ROUTING] [PORTAL-ROUTING]",
            AzurePublicAsn { .. } => "[ROUTING] [RESERVED-ASN] [inferred]",
            DocumentationAsn { .. } => "[ROUTING]",
            SubnetInvalid { .. } | SubnetHostBitsSet { .. } | WrongAddressFamily { .. } => {
                "[ROUTING] [PS-ROUTING]"
            }
            WrongPrefixLength { .. } => "[ROUTING] [PS-ROUTING] [WF]",
            LinkSubnetMissing { .. } | PeeringSubnetsMissing => "[TF-PEERING] [PS-ROUTING]",
            SameSubnetBothLinks { .. } => "[ROUTING]",
            OverlapsVnet { .. } => "[PS-ROUTING] [ROUTING]",
            SubnetUsedByOtherPeering { .. } => "[ROUTING]",
            PrivateAddressOnMicrosoftPeering { .. } => "[WF] [ROUTING] [PS-ROUTING]",
            VlanOutOfRange { .. } => "[PORTAL-ROUTING] [SPEC-2024-05] [TF-PEERING] [inferred]",
            VlanInUse { .. } => "[PORTAL-ROUTING] [PS-ROUTING] [ISSUE-CLI1574]",
            SharedKeyInvalid { .. } => "[PORTAL-ROUTING] [TF-PEERING]",
            UnknownRegistry { .. } => "[AZ-CLI-PARAMS] [ROUTING]",
            MicrosoftPeeringConfigMissing => "[ISSUE-CLI1175] [TF-PEERING]",
            // [PS-ROUTING]: "Specify your AS as Peer ASN, not customer ASN".
            MicrosoftFieldsOnPrivatePeering => "[SPEC-2024-05] [TF-PEERING] [PS-ROUTING]",
            PrefixWithoutSession { .. } | SessionWithoutPrefixes { .. } => "[PS-ROUTING]",
            TooManyPrefixes { .. } => "[LIMITS] [ROUTING]",
            DuplicatePrefix { .. } => "[PS-PREFIX]",
            MicrosoftPeeringNotConfigured
            | PrefixNotAdvertised { .. }
            | PrefixInfoAlreadyExists { .. } => "[PS-PREFIX]",
            ValidationInfoMissing { .. } => "[SPEC-2024-10] [PS-PREFIX]",
            PrefixValidationNotPending { .. } => "[WF] [SPEC-2024-05]",
            NotAFailureState { .. } => "[SPEC-2024-10]",
            AuthorizationLimit { .. } => "[PS-DOC-ADD-AUTH]",
            AuthorizationNameTaken { .. }
            | AuthorizationKeyTaken
            | AuthorizationNotFound { .. }
            | NoAuthorizations => "[PS-LINK] [SPEC-2024-05]",
            LinkNeedsProvisioned { .. } => "[WF]",
            LinkNeedsPrivatePeering => "[WF] [PS-LINK]",
            LinkLimitReached { .. } => "[LIMITS]",
            OtherGeopoliticalRegion { .. } => "[LOCATIONS] [PS-LINK] [FAQ]",
            OutsideLocalRegions { .. } => "[FAQ] [LOCATIONS]",
            CustomerAsnNotPublic { .. } => "[PEERINGS]",
            AuthorizationInUse { .. } | AuthorizationKeyNotFound => "[PS-LINK]",
            LinkNameTaken { .. } | LinkNotFound { .. } | NoLinks => "[PS-LINK]",
            TooManyAddressSpaces { .. } => "[PS-LINK]",
            BandwidthDecrease { .. } => "[PS-CIRCUIT] [TF-CIRCUIT]",
            BandwidthUnchanged { .. } | NoHigherBandwidth { .. } => "[PS-CIRCUIT]",
            UnlimitedToMetered => "[PS-CIRCUIT] [PORTAL-CIRCUIT]",
            FamilyUnchanged { .. } | TierUnchanged { .. } | ClassicOperationsUnchanged { .. } => {
                "[PORTAL-CIRCUIT]"
            }
            LocalTierNotInPortal { .. } => "[PORTAL-CIRCUIT]",
            PremiumDowngradeBlocked { .. } => "[PS-CIRCUIT] [CLI-CIRCUIT]",
            GlobalReach(r) => r.source_key(),
            RouteFilter(r) => r.source_key(),
        }
    }

    /// The ARM error (code, message) Azure would return for this refusal, when
    /// one is documented.
    pub fn arm_error(&self) -> Option<(&'static str, &'static str)> {
        match self {
            Refusal::DeleteWhileProvisioned { .. } | Refusal::DeleteWhileDeprovisioning => {
                Some((ARM_DELETE_CONFLICT_CODE, ARM_DELETE_CONFLICT_MESSAGE))
            }
            _ => None,
        }
    }
}

impl Refusal {
    /// The form field the refusal concerns, when it concerns one input rather than the whole
    /// action, with the Azure portal's label ([`Field::label`]): the wizard marks that input
    /// (`aria-invalid`, the message linked by `aria-describedby`). `None` for a refusal of the
    /// circuit's state or of the whole request, and for an input rule that several fields share
    /// (an ASN, a subnet), which the validators report as a [`crate::FieldError`] with its field.
    /// One exhaustive match, so a new refusal says which field it concerns.
    pub fn field(&self) -> Option<Field> {
        use Refusal::*;
        match self {
            // The label of the field they were given for.
            Required { what }
            | NotANumber { what, .. }
            | KeyNotGuid { what, .. }
            | ValidationInfoMissing { what } => Field::with_label(what),
            BandwidthNotOffered { .. }
            | DirectBandwidthNotOffered { .. }
            | BandwidthDecrease { .. }
            | BandwidthUnchanged { .. } => Some(Field::Bandwidth),
            DirectPortSizeInvalid { .. } => Some(Field::PortBandwidth),
            NotMetroLocation { .. } | PairSameSite { .. } => Some(Field::PeeringLocation),
            DirectUnlimitedAtCreation | LocalRequiresUnlimited | FamilyUnchanged { .. } => {
                Some(Field::SkuFamily)
            }
            LocalNotOffered { .. }
            | BasicTierNotOffered
            | TierUnchanged { .. }
            | LocalTierNotInPortal { .. } => Some(Field::SkuTier),
            AuthorizationKeyRequired | AuthorizationInUse { .. } | AuthorizationKeyNotFound => {
                Some(Field::AuthorizationKey)
            }
            RetiredPeeringType => Some(Field::PeeringType),
            VlanOutOfRange { .. } | VlanInUse { .. } => Some(Field::VlanId),
            SharedKeyInvalid { .. } => Some(Field::SharedKey),
            CustomerAsnNotPublic { .. } => Some(Field::CustomerAsn),
            UnknownRegistry { .. } => Some(Field::RoutingRegistryName),
            MicrosoftPeeringConfigMissing
            | PrefixWithoutSession { .. }
            | SessionWithoutPrefixes { .. }
            | TooManyPrefixes { .. }
            | DuplicatePrefix { .. } => Some(Field::AdvertisedPublicPrefixes),
            PrefixNotAdvertised { .. } | PrefixInfoAlreadyExists { .. } => Some(Field::Prefix),
            AuthorizationNameTaken { .. } => Some(Field::AuthorizationName),
            LinkNameTaken { .. } => Some(Field::ConnectionName),
            OtherGeopoliticalRegion { .. } | OutsideLocalRegions { .. } => Some(Field::VnetRegion),
            TooManyAddressSpaces { .. } => Some(Field::VnetAddressSpace),
            GlobalReach(d) | RouteFilter(d) => d.field(),
            // Shared by several fields: reported with their field by the validators.
            ResourceNameInvalid { .. }
            | ResourceGroupInvalid { .. }
            | AsnOutOfRange { .. }
            | ReservedAsn { .. }
            | AzurePublicAsn { .. }
            | DocumentationAsn { .. }
            | SubnetInvalid { .. }
            | SubnetHostBitsSet { .. }
            | WrongPrefixLength { .. }
            | WrongAddressFamily { .. }
            | LinkSubnetMissing { .. }
            | PeeringSubnetsMissing
            | SameSubnetBothLinks { .. }
            | OverlapsVnet { .. }
            | SubnetUsedByOtherPeering { .. }
            | PrivateAddressOnMicrosoftPeering { .. }
            | MicrosoftFieldsOnPrivatePeering => None,
            // The circuit's state or the whole request.
            CircuitDeleting
            | CircuitNotEnabled { .. }
            | Layer3ProviderManagesRouting
            | NoProviderOnDirect
            | ProviderStateConflict { .. }
            | DeleteWhileProvisioned { .. }
            | DeleteWhileDeprovisioning
            | DeleteBlocked { .. }
            | ChangeWhileDeprovisioning { .. }
            | PeeringNeedsProvisioned { .. }
            | PeeringExists { .. }
            | PeeringNotFound { .. }
            | NoPeerings
            | PeeringUnchanged { .. }
            | PeeringStateUnchanged { .. }
            | MicrosoftPeeringNotConfigured
            | PrefixValidationNotPending { .. }
            | NotAFailureState { .. }
            | AuthorizationLimit { .. }
            | AuthorizationKeyTaken
            | AuthorizationNotFound { .. }
            | NoAuthorizations
            | LinkNeedsProvisioned { .. }
            | LinkNeedsPrivatePeering
            | LinkLimitReached { .. }
            | LinkNotFound { .. }
            | NoLinks
            | NoHigherBandwidth { .. }
            | UnlimitedToMetered
            | PremiumDowngradeBlocked { .. }
            | ClassicOperationsUnchanged { .. } => None,
        }
    }
}
