//! The circuit and its child resources, as the wizard stores them.

use std::fmt;

use ipnet::IpNet;
use serde::{Deserialize, Serialize};

use crate::enums::{
    AdvertisedPublicPrefixesState, AuthorizationUseStatus, BgpState, CircuitProvisioningState,
    PeeringState, PeeringType, PrefixValidationState, ProvisioningState, RegistryName,
    RoutingModel, ServiceProviderProvisioningState, SkuFamily, SkuTier,
};
use crate::global_reach::GlobalReachConnection;
use crate::limits::link_limit;
use crate::routing::PeeringConfig;

/// Version of the serialized form; bump it when the stored shape changes.
pub const SCHEMA_VERSION: u32 = 1;

/// The circuit SKU: tier and family; `name()` is `<Tier>_<Family>`.
/// [SPEC-2024-05] [EX-CIRCUIT-GET] [TF-CIRCUIT]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sku {
    /// Tier.
    pub tier: SkuTier,
    /// Family (billing model).
    pub family: SkuFamily,
}

impl Sku {
    /// The SKU name, e.g. "Standard_MeteredData".
    pub fn name(&self) -> String {
        format!("{}_{}", self.tier, self.family)
    }
}

impl fmt::Display for Sku {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}_{}", self.tier, self.family)
    }
}

/// How the circuit is connected. Provider-only data lives in `Provider`;
/// Direct circuits have no provider state. [SPEC-2024-05] [TF-CIRCUIT]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "portType",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Port {
    /// Through a connectivity provider (`serviceProviderProperties`).
    Provider {
        /// `serviceProviderName`.
        service_provider_name: String,
        /// `peeringLocation`.
        peering_location: String,
        /// `bandwidthInMbps`.
        bandwidth_in_mbps: u32,
        /// Layer 2 or Layer 3 provider (not an API field).
        routing_model: RoutingModel,
    },
    /// On an ExpressRoute Direct port (`expressRoutePort` + `bandwidthInGbps`).
    Direct {
        /// The port's name or resource id.
        express_route_port: String,
        /// `bandwidthInGbps` (whole Gbps; the API allows a number).
        bandwidth_in_gbps: u32,
        /// The port's peering location (`peeringLocation` of the ExpressRoutePort); empty when
        /// not known. It decides what the circuit reaches, as for a provider circuit. [SPEC-PORT]
        #[serde(default)]
        peering_location: String,
        /// The port's own bandwidth, 10, 100 or 400 Gbps (`bandwidthInGbps` of the
        /// ExpressRoutePort), when known: it bounds the circuit bandwidths. [ERDIRECT-ABOUT]
        #[serde(default)]
        port_bandwidth_gbps: Option<u32>,
    },
}

impl Port {
    /// The bandwidth in Mbps (Direct: Gbps × 1000).
    pub fn bandwidth_mbps(&self) -> u32 {
        match self {
            Port::Provider {
                bandwidth_in_mbps, ..
            } => *bandwidth_in_mbps,
            Port::Direct {
                bandwidth_in_gbps, ..
            } => bandwidth_in_gbps.saturating_mul(1000),
        }
    }
}

/// Where the circuit is in its life, the state side of the exhaustive
/// `(state, action)` match in [`crate::apply`].
///
/// Derived from the circuit: `Deleting` when `provisioningState` is Deleting;
/// `Direct` for an enabled-or-not ExpressRoute Direct circuit (no provider
/// state, SC-14); otherwise the `serviceProviderProvisioningState`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CircuitPhase {
    /// Provider circuit, NotProvisioned.
    NotProvisioned,
    /// Provider circuit, Provisioning.
    Provisioning,
    /// Provider circuit, Provisioned.
    Provisioned,
    /// Provider circuit, Deprovisioning (transient, [inferred]).
    Deprovisioning,
    /// ExpressRoute Direct circuit.
    Direct,
    /// The circuit is being deleted.
    Deleting,
}

impl CircuitPhase {
    /// Every phase.
    pub const ALL: &'static [Self] = &[
        Self::NotProvisioned,
        Self::Provisioning,
        Self::Provisioned,
        Self::Deprovisioning,
        Self::Direct,
        Self::Deleting,
    ];
}

/// Per-prefix validation (`advertisedPublicPrefixInfo`, api-version 2024-10-01+). [SPEC-2024-10]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrefixInfo {
    /// The advertised prefix.
    pub prefix: IpNet,
    /// Its validation state.
    pub validation_state: PrefixValidationState,
    /// `validationId`: "Validation string that contains circuit peering info", the text the
    /// prefix's owner signs. `None` until the customer adds the prefix's validation info.
    /// (Older saved data has no such field: it reads as `None`.) [SPEC-2024-10] [PS-PREFIX]
    #[serde(default)]
    pub validation_id: Option<String>,
    /// `signature`: the validation ID signed with the private key whose certificate is in the
    /// routing registry, base64-encoded. Public by design: it proves ownership, it grants no
    /// access. [SPEC-2024-10] [PS-PREFIX]
    #[serde(default)]
    pub signature: Option<String>,
}

impl PrefixInfo {
    /// A prefix with no validation info yet, in `state`.
    pub fn new(prefix: IpNet, validation_state: PrefixValidationState) -> Self {
        Self {
            prefix,
            validation_state,
            validation_id: None,
            signature: None,
        }
    }

    /// True once a validation ID or a signature has been added for this prefix: Azure
    /// PowerShell then refuses another with "PrefixInfo already exists". [PS-PREFIX]
    pub fn has_validation_info(&self) -> bool {
        self.validation_id.is_some() || self.signature.is_some()
    }
}

/// A peering of the circuit. Its resource name equals its type. [EX-PEERING-GET]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Peering {
    /// `peeringType` (also the resource name).
    pub peering_type: PeeringType,
    /// `state`: Enabled by default; Disabled shuts down both BGP sessions. [RESET]
    /// The IPv6 session shares this state in this model.
    pub state: PeeringState,
    /// `azureASN`: always 12076. [ROUTING]
    pub azure_asn: u32,
    /// `provisioningState` of the peering resource.
    pub provisioning_state: ProvisioningState,
    /// The validated addressing, ASN, VLAN, key and Microsoft config.
    pub config: PeeringConfig,
    /// `advertisedPublicPrefixesState`: NotConfigured for private peering. [CLI-ROUTING]
    pub advertised_public_prefixes_state: AdvertisedPublicPrefixesState,
    /// Per-prefix validation (Microsoft peering only).
    pub prefix_info: Vec<PrefixInfo>,
    /// `lastModifiedBy`: "Customer" for peerings made in the wizard. [EX-PEERING-GET]
    pub last_modified_by: String,
    /// `connections`: the Global Reach connections made on this circuit's private peering (data
    /// saved when only their names were kept reads each name as a connection with nothing else
    /// known). They count against the link limit. [SPEC-2024-05] [LIMITS] [GR-PS]
    #[serde(default)]
    pub global_reach: Vec<GlobalReachConnection>,
    /// `peerExpressRouteCircuitConnections`: Global Reach connections another circuit made to
    /// this one (read-only in Azure; removed on the circuit that made them). Older data has
    /// none. [SPEC-2024-05] [GR-PS]
    #[serde(default)]
    pub peer_global_reach: Vec<GlobalReachConnection>,
    /// `routeFilter`: the route filter attached to this (Microsoft) peering, by name or resource
    /// id. Without one, Microsoft peering configured on or after 1 August 2017 receives no
    /// prefixes. Older saved data has none. [ROUTE-FILTER] [SPEC-2024-05]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_filter: Option<String>,
}

impl Peering {
    /// The BGP provisioning state, derived: Enabled when the peering is Enabled
    /// and (Microsoft peering) the advertised public prefixes are Configured. [WF]
    pub fn bgp_state(&self) -> BgpState {
        let prefixes_ok = match self.peering_type {
            PeeringType::MicrosoftPeering => {
                self.advertised_public_prefixes_state == AdvertisedPublicPrefixesState::Configured
            }
            PeeringType::AzurePrivatePeering | PeeringType::AzurePublicPeering => true,
        };
        if self.state == PeeringState::Enabled && prefixes_ok {
            BgpState::Enabled
        } else {
            BgpState::NotEnabled
        }
    }

    /// `routingRegistryName` as Azure reports it: "NONE" when unset. [CLI-ROUTING] [TF-PEERING]
    pub fn routing_registry_name(&self) -> &'static str {
        self.config
            .microsoft
            .as_ref()
            .and_then(|m| m.routing_registry_name)
            .map_or("NONE", RegistryName::as_str)
    }
}

/// An authorization on the circuit: a key that lets one connection from
/// another subscription link a VNet. [SPEC-2024-05] [PS-LINK]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Authorization {
    /// Name.
    pub name: String,
    /// `authorizationKey` (a GUID).
    pub authorization_key: String,
    /// `authorizationUseStatus`.
    pub authorization_use_status: AuthorizationUseStatus,
    /// The connection using it, when InUse (`connectionResourceUri`, here its name).
    pub connection: Option<String>,
}

/// A virtual network linked to the circuit (a gateway connection). [PS-LINK]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VnetLink {
    /// Connection name.
    pub name: String,
    /// Virtual network name.
    pub vnet_name: String,
    /// Virtual network region.
    pub vnet_region: String,
    /// Address spaces of the VNet (checked against peering subnets).
    pub address_spaces: Vec<IpNet>,
    /// The authorization used, for a VNet in another subscription.
    pub authorization: Option<String>,
}

/// An ExpressRoute circuit (`Microsoft.Network/expressRouteCircuits`) as the
/// wizard keeps it. [SPEC-2024-05]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Circuit {
    /// Resource name.
    pub name: String,
    /// Resource group.
    pub resource_group: String,
    /// Region (`location`).
    pub region: String,
    /// Subscription id (may be empty).
    pub subscription_id: String,
    /// Provider or Direct port.
    pub port: Port,
    /// SKU.
    pub sku: Sku,
    /// `serviceKey`, issued at creation; billing starts then. [WF]
    pub service_key: String,
    /// Provider side (`serviceProviderProvisioningState`). Not shown or used for Direct circuits.
    pub service_provider_provisioning_state: ServiceProviderProvisioningState,
    /// Microsoft side ("Status", `circuitProvisioningState`). [WF]
    pub circuit_provisioning_state: CircuitProvisioningState,
    /// ARM `provisioningState`; Deleting once delete was accepted.
    pub provisioning_state: ProvisioningState,
    /// `allowClassicOperations`.
    pub allow_classic_operations: bool,
    /// Peerings (at most one per type).
    pub peerings: Vec<Peering>,
    /// Authorizations (at most 10).
    pub authorizations: Vec<Authorization>,
    /// Linked VNets.
    pub vnet_links: Vec<VnetLink>,
    /// The route filter this circuit's Microsoft peering uses (a resource of its own, kept here
    /// with the circuit that uses it; it may serve other circuits too). Older saved data has
    /// none. [ROUTE-FILTER]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_filter: Option<crate::route_filter::RouteFilter>,
}

impl Circuit {
    /// True for an ExpressRoute Direct circuit.
    pub fn is_direct(&self) -> bool {
        matches!(self.port, Port::Direct { .. })
    }

    /// The bandwidth as shown: "200 Mbps", "1 Gbps", or "10 Gbps (Direct)".
    pub fn bandwidth_text(&self) -> String {
        match &self.port {
            Port::Provider {
                bandwidth_in_mbps, ..
            } => crate::limits::bandwidth_text(*bandwidth_in_mbps),
            Port::Direct {
                bandwidth_in_gbps, ..
            } => format!("{bandwidth_in_gbps} Gbps (Direct)"),
        }
    }

    /// The routing model (Direct circuits: the customer routes, like Layer 2).
    pub fn routing_model(&self) -> RoutingModel {
        match &self.port {
            Port::Provider { routing_model, .. } => *routing_model,
            Port::Direct { .. } => RoutingModel::Layer2,
        }
    }

    /// The phase used by the state machine.
    pub fn phase(&self) -> CircuitPhase {
        if self.provisioning_state == ProvisioningState::Deleting {
            return CircuitPhase::Deleting;
        }
        if self.is_direct() {
            return CircuitPhase::Direct;
        }
        match self.service_provider_provisioning_state {
            ServiceProviderProvisioningState::NotProvisioned => CircuitPhase::NotProvisioned,
            ServiceProviderProvisioningState::Provisioning => CircuitPhase::Provisioning,
            ServiceProviderProvisioningState::Provisioned => CircuitPhase::Provisioned,
            ServiceProviderProvisioningState::Deprovisioning => CircuitPhase::Deprovisioning,
        }
    }

    /// True when the circuit can carry traffic: Provisioned + Enabled (or
    /// Direct + Enabled), and not being deleted. [WF] [TROUBLE]
    pub fn is_usable(&self) -> bool {
        self.circuit_provisioning_state == CircuitProvisioningState::Enabled
            && matches!(
                self.phase(),
                CircuitPhase::Provisioned | CircuitPhase::Direct
            )
    }

    /// The peering location: the provider circuit's, or the Direct port's (`None` when empty).
    pub fn peering_location(&self) -> Option<&str> {
        let location = match &self.port {
            Port::Provider {
                peering_location, ..
            }
            | Port::Direct {
                peering_location, ..
            } => peering_location.trim(),
        };
        (!location.is_empty()).then_some(location)
    }

    /// Bandwidth in Mbps.
    pub fn bandwidth_mbps(&self) -> u32 {
        self.port.bandwidth_mbps()
    }

    /// How many VNet links the circuit allows. [LIMITS]
    pub fn link_limit(&self) -> u32 {
        link_limit(self.sku.tier, self.bandwidth_mbps())
    }

    /// The peering of a type, if configured.
    pub fn peering(&self, kind: PeeringType) -> Option<&Peering> {
        self.peerings.iter().find(|p| p.peering_type == kind)
    }

    /// What counts against the link limit: the linked VNets and the Global Reach connections,
    /// those made here and those other circuits made to this one. [LIMITS] [inferred: the peer's
    /// side counts too]
    pub fn links_used(&self) -> usize {
        self.vnet_links.len()
            + self
                .peerings
                .iter()
                .map(|p| p.global_reach.len() + p.peer_global_reach.len())
                .sum::<usize>()
    }

    /// An authorization by name.
    pub fn authorization(&self, name: &str) -> Option<&Authorization> {
        self.authorizations.iter().find(|a| a.name == name)
    }

    /// A VNet link by connection name.
    pub fn vnet_link(&self, name: &str) -> Option<&VnetLink> {
        self.vnet_links.iter().find(|l| l.name == name)
    }

    /// True while Microsoft bills the circuit: from the service key's issue
    /// until the circuit is deleted, whatever the provider state. [WF] [PS-CIRCUIT]
    pub fn billing_active(&self) -> bool {
        // A Deleting circuit is still billed until ARM removes it.
        true
    }

    /// A sentence about billing for the circuit's current state. [WF] [PS-CIRCUIT]
    pub fn billing(&self) -> String {
        match self.phase() {
            CircuitPhase::Deleting => "Billing stops once the deletion completes.".to_string(),
            CircuitPhase::NotProvisioned
            | CircuitPhase::Provisioning
            | CircuitPhase::Provisioned
            | CircuitPhase::Deprovisioning
            | CircuitPhase::Direct => format!(
                "Billing is running ({}): it started when the service key was issued and continues until the circuit is deleted, even when the provider has not provisioned or has deprovisioned it.",
                self.sku.name()
            ),
        }
    }
}

/// What the UI stores: circuits with the schema version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedCircuits {
    /// [`SCHEMA_VERSION`] at the time of writing.
    pub schema_version: u32,
    /// The circuits.
    pub circuits: Vec<Circuit>,
}

/// Why stored data could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// Not valid JSON for this schema.
    #[error("the stored circuits could not be read: {0}")]
    Invalid(String),
    /// Written by a newer version of the wizard.
    #[error("the stored circuits were written by a newer version (schema {found}, this version reads {supported})")]
    NewerVersion {
        /// The stored version.
        found: u32,
        /// [`SCHEMA_VERSION`].
        supported: u32,
    },
}

impl SavedCircuits {
    /// Wraps circuits with the current schema version.
    pub fn new(circuits: Vec<Circuit>) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            circuits,
        }
    }

    /// Serializes to JSON.
    pub fn to_json(&self) -> Result<String, LoadError> {
        serde_json::to_string(self).map_err(|e| LoadError::Invalid(e.to_string()))
    }

    /// Reads JSON written by this or an older schema version.
    pub fn from_json(s: &str) -> Result<Self, LoadError> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Header {
            schema_version: u32,
        }
        let header: Header =
            serde_json::from_str(s).map_err(|e| LoadError::Invalid(e.to_string()))?;
        if header.schema_version > SCHEMA_VERSION {
            return Err(LoadError::NewerVersion {
                found: header.schema_version,
                supported: SCHEMA_VERSION,
            });
        }
        serde_json::from_str(s).map_err(|e| LoadError::Invalid(e.to_string()))
    }
}
