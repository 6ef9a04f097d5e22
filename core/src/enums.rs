//! Azure enums with their exact REST spellings.
//!
//! Every enum here serializes, displays and parses with the spelling the
//! Microsoft.Network REST API uses ([SPEC-2024-05], [SPEC-2024-10], [SPEC-NET]),
//! so the UI never invents its own names for states.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A string that is not one of an enum's Azure spellings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{given}' is not a valid {type_name}")]
pub struct UnknownValue {
    /// The Rust name of the enum that was being parsed.
    pub type_name: &'static str,
    /// What was given.
    pub given: String,
}

/// Declares a fieldless enum whose serde name, `Display` and `FromStr` are the
/// Azure spelling, with an `ALL` constant listing every value.
macro_rules! azure_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $spelling:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in the order the API lists them.
            pub const ALL: &'static [Self] = &[ $( Self::$variant ),+ ];

            /// Every Azure spelling, in the order of `ALL`.
            const SPELLINGS: &'static [&'static str] = &[ $( $spelling ),+ ];

            /// The exact Azure spelling.
            pub const fn as_str(self) -> &'static str {
                match self { $( Self::$variant => $spelling ),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        // Hand-written rather than derived: serialized as the exact spelling, read back only from
        // the exact spelling (as the derive did, with its error message), through one small
        // string match instead of a visitor per enum (README "Performance").
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                match Self::SPELLINGS.iter().position(|v| *v == s) {
                    Some(i) => Ok(Self::ALL[i]),
                    None => Err(serde::de::Error::unknown_variant(&s, Self::SPELLINGS)),
                }
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let t = s.trim();
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == t)
                    .ok_or_else(|| UnknownValue { type_name: stringify!($name), given: s.to_string() })
            }
        }
    };
}

azure_enum! {
    /// The connectivity provider's side of a partner circuit
    /// (`serviceProviderProvisioningState`). [SPEC-2024-05] [WF]
    ///
    /// The docs list only the first three values; `Deprovisioning` exists in the
    /// API enum and is modelled as the transient state between `Provisioned` and
    /// `NotProvisioned` while the provider tears its side down ([inferred], SC-10).
    ServiceProviderProvisioningState {
        /// The provider has not provisioned the circuit (state at creation).
        NotProvisioned => "NotProvisioned",
        /// The provider is provisioning the circuit.
        Provisioning => "Provisioning",
        /// The provider has finished; the circuit is usable.
        Provisioned => "Provisioned",
        /// The provider is deprovisioning the circuit.
        Deprovisioning => "Deprovisioning",
    }
}

azure_enum! {
    /// The ARM resource state (`provisioningState`) shared by circuits, peerings,
    /// authorizations and connections. [SPEC-NET]
    ProvisioningState {
        /// The last operation succeeded.
        Succeeded => "Succeeded",
        /// An operation is in progress.
        Updating => "Updating",
        /// The resource is being deleted.
        Deleting => "Deleting",
        /// The last operation failed.
        Failed => "Failed",
    }
}

azure_enum! {
    /// SKU tier (`ExpressRouteCircuitSkuTier`). [SPEC-2024-05]
    ///
    /// `Basic` is in the API enum but is not offered for new circuits; the
    /// portal offers Local, Standard and Premium. [PORTAL-CIRCUIT]
    SkuTier {
        /// Standard: VNets in the same geopolitical region, 10 links.
        Standard => "Standard",
        /// Premium: global VNet access and more links.
        Premium => "Premium",
        /// Basic: in the API enum only; not offered. Known for imported circuits.
        Basic => "Basic",
        /// Local: one or two Azure regions near the peering location; UnlimitedData only.
        Local => "Local",
    }
}

impl SkuTier {
    /// Tiers a user may choose for a new circuit (Basic is not offered). [PORTAL-CIRCUIT]
    pub const OFFERED: &'static [Self] = &[Self::Local, Self::Standard, Self::Premium];
}

azure_enum! {
    /// SKU family (`ExpressRouteCircuitSkuFamily`), shown in the portal as
    /// "Billing model". [SPEC-2024-05] [PORTAL-CIRCUIT]
    SkuFamily {
        /// Unlimited data: outbound transfer included.
        UnlimitedData => "UnlimitedData",
        /// Metered data: outbound transfer billed per GB.
        MeteredData => "MeteredData",
    }
}

impl SkuFamily {
    /// The portal's name for it in "Billing model": "Metered" or "Unlimited". [PORTAL-CIRCUIT]
    pub const fn portal_label(self) -> &'static str {
        match self {
            Self::UnlimitedData => "Unlimited",
            Self::MeteredData => "Metered",
        }
    }

    /// "Billing model" options as the portal orders them (Metered first), value and label.
    pub fn billing_model_options() -> Vec<(String, String)> {
        [Self::MeteredData, Self::UnlimitedData]
            .iter()
            .map(|f| (f.as_str().to_string(), f.portal_label().to_string()))
            .collect()
    }
}

azure_enum! {
    /// Peering type (`ExpressRoutePeeringType`); the peering's resource name is the
    /// same string. [SPEC-2024-05] [EX-PEERING-GET]
    PeeringType {
        /// Azure public peering: retired, known only for imported circuits. [ROUTING]
        AzurePublicPeering => "AzurePublicPeering",
        /// Azure private peering: reaches virtual networks.
        AzurePrivatePeering => "AzurePrivatePeering",
        /// Microsoft peering: reaches Microsoft 365 and Azure PaaS public endpoints.
        MicrosoftPeering => "MicrosoftPeering",
    }
}

azure_enum! {
    /// Administrative state of a peering (`ExpressRoutePeeringState`). [SPEC-2024-05] [RESET]
    PeeringState {
        /// Both BGP sessions shut down.
        Disabled => "Disabled",
        /// BGP sessions allowed (the default).
        Enabled => "Enabled",
    }
}

azure_enum! {
    /// Microsoft peering advertised public prefixes state
    /// (`advertisedPublicPrefixesState`). There is no "manual validation" value in
    /// this enum. [SPEC-2024-05] [SPEC-2024-10]
    AdvertisedPublicPrefixesState {
        /// No prefixes configured (private peering reads back this value). [CLI-ROUTING]
        NotConfigured => "NotConfigured",
        /// Microsoft is checking the prefixes against routing registries.
        Configuring => "Configuring",
        /// Prefixes validated; BGP can come up.
        Configured => "Configured",
        /// Automatic validation failed; BGP not enabled. [WF]
        ValidationNeeded => "ValidationNeeded",
    }
}

azure_enum! {
    /// Per-prefix validation state (`AdvertisedPublicPrefixPropertiesValidationState`,
    /// api-version 2024-10-01 and later). [SPEC-2024-10]
    PrefixValidationState {
        /// Not configured.
        NotConfigured => "NotConfigured",
        /// Validation in progress.
        Configuring => "Configuring",
        /// Validated.
        Configured => "Configured",
        /// Automatic validation failed; evidence needed.
        ValidationNeeded => "ValidationNeeded",
        /// Validation failed.
        ValidationFailed => "ValidationFailed",
        /// Manual validation by Microsoft support needed. [WF]
        ManualValidationNeeded => "ManualValidationNeeded",
        /// The ASN did not validate against the prefix.
        AsnValidationFailed => "AsnValidationFailed",
        /// No certificate for the prefix owner in the routing registry.
        CertificateMissingInRoutingRegistry => "CertificateMissingInRoutingRegistry",
        /// The signature is not correctly encoded.
        InvalidSignatureEncoding => "InvalidSignatureEncoding",
        /// The signature does not verify against the validation ID.
        SignatureVerificationFailed => "SignatureVerificationFailed",
    }
}

impl PrefixValidationState {
    /// True for the values that report a failed validation (everything that needs
    /// the customer to act). [SPEC-2024-10]
    pub const fn is_failure(self) -> bool {
        matches!(
            self,
            Self::ValidationNeeded
                | Self::ValidationFailed
                | Self::ManualValidationNeeded
                | Self::AsnValidationFailed
                | Self::CertificateMissingInRoutingRegistry
                | Self::InvalidSignatureEncoding
                | Self::SignatureVerificationFailed
        )
    }
}

azure_enum! {
    /// Whether an authorization's key has been used by a connection
    /// (`AuthorizationUseStatus`). [SPEC-2024-05] [EX-AUTH-GET]
    AuthorizationUseStatus {
        /// Not yet used by a connection.
        Available => "Available",
        /// Used by exactly one connection. [PS-LINK]
        InUse => "InUse",
    }
}

azure_enum! {
    /// BGP provisioning state of a peering on the Microsoft edge, as the docs
    /// describe it. [WF]
    ///
    /// The REST API has no field for it, so it is *derived*: `Enabled` when the
    /// peering `state` is Enabled and, for Microsoft peering, the advertised
    /// public prefixes state is `Configured`; otherwise `NotEnabled`. See
    /// [`crate::Peering::bgp_state`].
    BgpState {
        /// The BGP sessions are enabled on the Microsoft edge.
        Enabled => "Enabled",
        /// The BGP sessions are not enabled (peering disabled or prefixes not validated).
        NotEnabled => "NotEnabled",
    }
}

azure_enum! {
    /// Registries Microsoft accepts for `routingRegistryName` on Microsoft peering.
    /// The API field is a free string; the docs list the first seven and the Azure
    /// CLI adds `LEVEL3`. [ROUTING] [AZ-CLI-PARAMS]
    RegistryName {
        /// American Registry for Internet Numbers.
        Arin => "ARIN",
        /// Asia-Pacific Network Information Centre.
        Apnic => "APNIC",
        /// African Network Information Centre.
        Afrinic => "AFRINIC",
        /// Latin America and Caribbean Network Information Centre.
        Lacnic => "LACNIC",
        /// RIPE Network Coordination Centre.
        RipeNcc => "RIPENCC",
        /// Routing Assets Database.
        Radb => "RADB",
        /// Alternative Database.
        Altdb => "ALTDB",
        /// Level 3 routing registry.
        Level3 => "LEVEL3",
    }
}

azure_enum! {
    /// How the circuit is connected: through a connectivity provider or on an
    /// ExpressRoute Direct port ("Port type" in the portal). [PORTAL-CIRCUIT]
    PortType {
        /// Through a connectivity provider (service key handed to the provider).
        Provider => "Provider",
        /// On an ExpressRoute Direct port (`expressRoutePort` + `bandwidthInGbps`).
        Direct => "Direct",
    }
}

/// The provider's service model: who configures BGP routing. [PS-CIRCUIT] [PS-ROUTING]
///
/// Not an API field (the API does not say which model a provider uses); the
/// user picks it when creating the circuit. Serialized as `Layer2`/`Layer3`,
/// displayed as "Layer 2"/"Layer 3".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RoutingModel {
    /// The provider offers Layer 2 only: the customer configures peerings.
    Layer2,
    /// The provider manages Layer 3 (IPVPN): the provider configures peerings.
    Layer3,
}

impl RoutingModel {
    /// Both models.
    pub const ALL: &'static [Self] = &[Self::Layer2, Self::Layer3];

    /// "Layer 2" or "Layer 3".
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Layer2 => "Layer 2",
            Self::Layer3 => "Layer 3",
        }
    }

    /// The name it is stored and submitted under: "Layer2" or "Layer3" (its serde name).
    pub const fn key(self) -> &'static str {
        match self {
            Self::Layer2 => "Layer2",
            Self::Layer3 => "Layer3",
        }
    }
}

impl fmt::Display for RoutingModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RoutingModel {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "Layer 2" | "Layer2" => Ok(Self::Layer2),
            "Layer 3" | "Layer3" => Ok(Self::Layer3),
            _ => Err(UnknownValue {
                type_name: "RoutingModel",
                given: s.to_string(),
            }),
        }
    }
}

/// Microsoft's side of the circuit (`circuitProvisioningState`, shown as
/// "Status"/"Circuit status"). Set to `Enabled` at creation. [WF]
///
/// The API field is a free string [SPEC-2024-05]; values other than `Enabled`
/// and `Disabled` from imported circuits are kept in `Other`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CircuitProvisioningState {
    /// Microsoft has enabled the circuit.
    Enabled,
    /// Not enabled ("Not enabled" in the portal → contact Microsoft Support). [TROUBLE]
    Disabled,
    /// Any other value read from an imported circuit, kept verbatim.
    Other(String),
}

impl CircuitProvisioningState {
    /// The two known values (`Other` holds anything else).
    pub const ALL: &'static [Self] = &[Self::Enabled, Self::Disabled];

    /// The Azure spelling (or the verbatim imported value).
    pub fn as_str(&self) -> &str {
        match self {
            Self::Enabled => "Enabled",
            Self::Disabled => "Disabled",
            Self::Other(s) => s,
        }
    }
}

impl fmt::Display for CircuitProvisioningState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CircuitProvisioningState {
    type Err = UnknownValue;
    /// Never fails: unknown values become `Other`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "Enabled" => Self::Enabled,
            "Disabled" => Self::Disabled,
            other => Self::Other(other.to_string()),
        })
    }
}

impl Serialize for CircuitProvisioningState {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CircuitProvisioningState {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        // from_str is infallible for this type (unknown values become Other).
        Ok(s.parse().unwrap_or(Self::Other(s)))
    }
}

azure_enum! {
    /// The admin state of one link of an ExpressRoute Direct port
    /// (`ExpressRouteLinkAdminState`). A new port's links are Disabled; enabling
    /// them is the Layer 1 test of the cross-connects. [SPEC-PORT] [EX-PORT-GET]
    /// [ERDIRECT-HOWTO]
    LinkAdminState {
        /// The link is turned up.
        Enabled => "Enabled",
        /// The link is turned down (the state a new port starts in).
        Disabled => "Disabled",
    }
}

azure_enum! {
    /// The encapsulation of an ExpressRoute Direct port
    /// (`ExpressRoutePortsEncapsulation`); it cannot be changed after the port is
    /// created. [SPEC-PORT] [ERDIRECT-HOWTO] [ERDIRECT-ABOUT]
    PortEncapsulation {
        /// One 802.1Q tag: a peering's VLAN must be unique across the whole port.
        Dot1Q => "Dot1Q",
        /// Two tags: Azure gives each circuit its own S-Tag; a peering's VLAN
        /// (C-Tag) must be unique within its circuit.
        QinQ => "QinQ",
    }
}
