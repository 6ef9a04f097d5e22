//! ExpressRoute Global Reach: a connection between the Azure private peerings of two circuits, so
//! the on-premises networks behind them reach each other over Microsoft's network. [GLOBAL-REACH]
//!
//! It is a two-circuit operation. Azure keeps it on the circuit where it was made, as a child of
//! that circuit's private peering (`connections`, an ExpressRouteCircuitConnection), and shows
//! the other circuit a read-only `peerExpressRouteCircuitConnections` entry. [SPEC-2024-05]
//! Here the circuit where it is made applies [`Action::AddGlobalReach`] with the other circuit's
//! facts ([`GlobalReachPeer`]) passed in, so every rule about both circuits is checked in one
//! place; [`connect`] then records the peer's side on the other circuit. [`disconnect`] undoes
//! both. Each side is stored on its circuit's private peering, so each circuit shows it.
//!
//! Rules and where they come from:
//! - both circuits Provisioned (or Direct) and Enabled, with Azure private peering [GR-PS]
//!   [PS-GR-ADD] (`ExpressRoutePrivatePeeringNotFound`);
//! - not on ExpressRoute Local [FAQ] ("ExpressRoute Global Reach isn't available on Local");
//! - both peering locations in a country where Global Reach is offered: the catalog's
//!   `global_reach` [GLOBAL-REACH]; a location the catalog does not know, or knows without an
//!   answer, gives a warning, never a refusal;
//! - not two circuits at the same peering location [GR-FAQ] [GR-PS];
//! - across geopolitical regions, Premium on both circuits [GR-FAQ] [GLOBAL-REACH];
//! - a connection name not already on the peering [PS-GR-ADD] (`ExpressRouteCircuitConnectionAlreadyAdded`);
//! - a /29 IPv4 subnet, optionally a /125 IPv6 subnet [GR-PS] [GR-PORTAL] [SPEC-2024-05], that
//!   overlaps no peering subnet and no linked VNet address space of either circuit, nor another
//!   Global Reach subnet [GR-PORTAL] ("Don't use the addresses in this subnet in your Azure
//!   virtual networks, private peering subnet, or on-premises network"); the on-premises ranges
//!   are not known here, and neither are the address spaces of VNets linked outside the wizard;
//! - it counts against the link limit of both circuits [LIMITS] (the limits page says Global
//!   Reach connections count against a circuit's limit; that the peer's side counts too is
//!   [inferred]);
//! - a circuit in another subscription needs an authorization key from that circuit's owner
//!   [GR-PS] [GR-CLI] [GR-PORTAL];
//! - a circuit with a Global Reach connection, on either side, cannot be deleted until it is
//!   removed [PS-CIRCUIT] [CLI-CIRCUIT]; it is removed on the circuit where it was made [GR-PS].

use std::fmt;

use ipnet::IpNet;
use serde::{Deserialize, Serialize};

use crate::action::{Action, Transition};
use crate::catalog::peering_location;
use crate::circuit::Circuit;
use crate::commands::{
    circuit_resource_id, cli_child, ps_get, ps_quote, sh_quote, CommandPair, PS_SET,
};
use crate::enums::{PeeringType, SkuTier};
use crate::form::{check_resource_name, is_guid};
use crate::refusal::Refusal;
use crate::routing::overlaps;
use crate::secrets::SecretKind;
use crate::warning::Warning;

/// `circuitConnectionStatus`: whether the two circuits' on-premises networks are connected.
/// [SPEC-2024-05] [GR-PS]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CircuitConnectionStatus {
    /// Connected.
    Connected,
    /// Connecting.
    Connecting,
    /// Disconnected.
    Disconnected,
}

impl CircuitConnectionStatus {
    /// Every value.
    pub const ALL: &'static [Self] = &[Self::Connected, Self::Connecting, Self::Disconnected];

    /// Azure's spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Connected => "Connected",
            Self::Connecting => "Connecting",
            Self::Disconnected => "Disconnected",
        }
    }

    /// Reads Azure's spelling (case-insensitive).
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|v| v.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl fmt::Display for CircuitConnectionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One Global Reach connection as a circuit's private peering holds it: on the circuit where it
/// was made (`connections`), or on the other circuit (`peerExpressRouteCircuitConnections`).
/// Data saved before these were kept in full held only the name: it reads as a connection with
/// nothing else known. [SPEC-2024-05]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GlobalReachConnection {
    /// The connection's name.
    pub name: String,
    /// The other circuit's resource id ("" when not known). On the side where it was made this
    /// is the circuit of `peerExpressRouteCircuitPeering`; on the peer's side, the circuit that
    /// made it.
    pub peer_circuit_id: String,
    /// `addressPrefix`: the /29 IPv4 block Microsoft takes the tunnel addresses from.
    pub address_prefix: Option<IpNet>,
    /// `ipv6CircuitConnectionConfig.addressPrefix`: the /125 IPv6 block, when IPv6 is enabled.
    pub ipv6_address_prefix: Option<IpNet>,
    /// Made with an authorization key from the other circuit's owner (the key is not kept: it
    /// was redeemed by this connection).
    pub authorized: bool,
    /// `circuitConnectionStatus`, when known.
    pub status: Option<CircuitConnectionStatus>,
}

impl GlobalReachConnection {
    /// A connection of which only the name is known.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            peer_circuit_id: String::new(),
            address_prefix: None,
            ipv6_address_prefix: None,
            authorized: false,
            status: None,
        }
    }

    /// The other circuit's name, from its resource id ("" when not known).
    pub fn peer_circuit_name(&self) -> &str {
        circuit_name_of(&self.peer_circuit_id)
    }
}

impl From<&str> for GlobalReachConnection {
    fn from(name: &str) -> Self {
        Self::named(name)
    }
}

impl From<String> for GlobalReachConnection {
    fn from(name: String) -> Self {
        Self::named(name)
    }
}

impl<'de> Deserialize<'de> for GlobalReachConnection {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Full {
            name: String,
            #[serde(default)]
            peer_circuit_id: String,
            #[serde(default)]
            address_prefix: Option<IpNet>,
            #[serde(default)]
            ipv6_address_prefix: Option<IpNet>,
            #[serde(default)]
            authorized: bool,
            #[serde(default)]
            status: Option<CircuitConnectionStatus>,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Name(String),
            Full(Full),
        }
        Ok(match Stored::deserialize(d)? {
            Stored::Name(name) => Self::named(name),
            Stored::Full(f) => Self {
                name: f.name,
                peer_circuit_id: f.peer_circuit_id,
                address_prefix: f.address_prefix,
                ipv6_address_prefix: f.ipv6_address_prefix,
                authorized: f.authorized,
                status: f.status,
            },
        })
    }
}

/// The circuit name at the end of a circuit (or peering) resource id.
pub fn circuit_name_of(id: &str) -> &str {
    let mut parts = id.split('/');
    while let Some(p) = parts.next() {
        if p.eq_ignore_ascii_case("expressRouteCircuits") {
            return parts.next().unwrap_or_default();
        }
    }
    ""
}

/// What one circuit must know of the other to check a Global Reach connection: the facts
/// [`Action::AddGlobalReach`] carries. Built from a saved circuit by [`GlobalReachPeer::of`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GlobalReachPeer {
    /// Its name.
    pub name: String,
    /// Its resource id (with a placeholder when its subscription is not known).
    pub resource_id: String,
    /// Its subscription id ("" when not known).
    pub subscription_id: String,
    /// Its SKU tier.
    pub tier: SkuTier,
    /// Its peering location ("" when not known).
    pub peering_location: String,
    /// Provisioned (or Direct) and Enabled.
    pub usable: bool,
    /// Azure private peering is configured.
    pub has_private_peering: bool,
    /// Links it uses (VNets and Global Reach connections).
    pub links_used: u32,
    /// Links it allows.
    pub link_limit: u32,
    /// Every address block it already uses, with what uses it.
    pub used_subnets: Vec<(IpNet, String)>,
    /// Names of the Global Reach connections on it, both sides.
    pub connections: Vec<String>,
}

impl GlobalReachPeer {
    /// The facts of a saved circuit.
    pub fn of(c: &Circuit) -> Self {
        Self {
            name: c.name.clone(),
            resource_id: circuit_resource_id(c),
            subscription_id: c.subscription_id.trim().to_string(),
            tier: c.sku.tier,
            peering_location: c.peering_location().unwrap_or_default().to_string(),
            usable: c.is_usable(),
            has_private_peering: c.peering(PeeringType::AzurePrivatePeering).is_some(),
            links_used: u32::try_from(c.links_used()).unwrap_or(u32::MAX),
            link_limit: c.link_limit(),
            used_subnets: used_subnets(c),
            connections: all_connections(c).map(|g| g.name.clone()).collect(),
        }
    }
}

/// Every address block a circuit uses: its peerings' subnets, its linked VNets' address spaces
/// and its Global Reach subnets (both sides). [GR-PORTAL]
pub fn used_subnets(c: &Circuit) -> Vec<(IpNet, String)> {
    let mut out = Vec::new();
    for p in &c.peerings {
        for (label, net) in p.config.subnets() {
            out.push((
                net,
                format!("{} {} of circuit {}", p.peering_type, label.label(), c.name),
            ));
        }
    }
    for l in &c.vnet_links {
        for s in &l.address_spaces {
            out.push((
                *s,
                format!(
                    "virtual network {} linked to circuit {}",
                    l.vnet_name, c.name
                ),
            ));
        }
    }
    for g in all_connections(c) {
        for net in [g.address_prefix, g.ipv6_address_prefix]
            .into_iter()
            .flatten()
        {
            out.push((
                net,
                format!("Global Reach connection {} of circuit {}", g.name, c.name),
            ));
        }
    }
    out
}

/// The circuit's Global Reach connections: those made on it, then those made on other circuits.
pub fn all_connections(c: &Circuit) -> impl Iterator<Item = &GlobalReachConnection> {
    c.peerings
        .iter()
        .flat_map(|p| p.global_reach.iter().chain(p.peer_global_reach.iter()))
}

/// Why a Global Reach connection is refused. Shown through [`Refusal::GlobalReach`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GlobalReachRefusal {
    /// A circuit cannot be connected to itself.
    #[error(
        "A Global Reach connection joins two different circuits; {circuit} was chosen as both."
    )]
    SameCircuit {
        /// The circuit.
        circuit: String,
    },
    /// Either circuit is not provisioned and enabled. [GR-PS]
    #[error("Circuit {circuit} is not Provisioned and Enabled: Global Reach connects circuits that are in a provisioned state.")]
    NotProvisioned {
        /// The circuit.
        circuit: String,
    },
    /// Either circuit has no private peering. [GR-PS] [PS-GR-ADD]
    #[error("Circuit {circuit} has no Azure private peering: Global Reach connects the private peerings of two circuits.")]
    NoPrivatePeering {
        /// The circuit.
        circuit: String,
    },
    /// ExpressRoute Local has no Global Reach. [FAQ]
    #[error("Circuit {circuit} is an ExpressRoute Local circuit, and Global Reach isn't available on Local.")]
    Local {
        /// The circuit.
        circuit: String,
    },
    /// The peering location is not in a country where Global Reach is offered. [GLOBAL-REACH]
    #[error("Circuit {circuit} is at {location}, which is not in a country or region where Microsoft offers Global Reach.")]
    NotOffered {
        /// The circuit.
        circuit: String,
        /// Its peering location.
        location: String,
    },
    /// Both circuits at one peering location. [GR-FAQ]
    #[error("Both circuits are at the peering location {location}: Global Reach connects circuits created at different peering locations.")]
    SameLocation {
        /// The location.
        location: String,
    },
    /// Across geopolitical regions both circuits need Premium. [GR-FAQ] [GLOBAL-REACH]
    #[error("The circuits are in different geopolitical regions ({a_region} and {b_region}), so both need ExpressRoute Premium; {} {} not Premium.", .not_premium.join(" and "), if .not_premium.len() == 1 { "is" } else { "are" })]
    NeedsPremium {
        /// Geopolitical region of the circuit where it is made.
        a_region: String,
        /// Geopolitical region of the other circuit.
        b_region: String,
        /// The circuits without Premium.
        not_premium: Vec<String>,
    },
    /// A circuit's links are all used. [LIMITS]
    #[error("Circuit {circuit} already uses all {limit} of its links (linked virtual networks and Global Reach connections count alike).")]
    LinkLimit {
        /// The circuit.
        circuit: String,
        /// Its limit.
        limit: u32,
    },
    /// The name is taken on this peering. [PS-GR-ADD]
    #[error("Private peering already has a Global Reach connection named {name}.")]
    NameTaken {
        /// The name.
        name: String,
    },
    /// Not a /29 (IPv4) or /125 (IPv6). [GR-PS] [SPEC-2024-05]
    #[error("{given} is not a /{want} {family} subnet: the Global Reach {family} subnet must be a /{want}.")]
    WrongLength {
        /// What was typed.
        given: String,
        /// IPv4 or IPv6.
        family: &'static str,
        /// 29 or 125.
        want: u8,
    },
    /// The subnet overlaps something either circuit uses. [GR-PORTAL]
    #[error("Global Reach subnet {subnet} overlaps {other} ({what}); Microsoft takes the tunnel addresses from this subnet, so it must not be used by your virtual networks, peering subnets or on-premises network.")]
    Overlaps {
        /// The Global Reach subnet.
        subnet: IpNet,
        /// The block it overlaps.
        other: IpNet,
        /// What uses that block.
        what: String,
    },
    /// No such connection.
    #[error("Circuit {circuit} has no Global Reach connection named {name}.")]
    NotFound {
        /// The circuit.
        circuit: String,
        /// The name.
        name: String,
    },
    /// The connection was made on the other circuit: it is removed there. [GR-PS]
    #[error("Global Reach connection {name} was made on circuit {made_on}; it is removed on the circuit where it was made.")]
    RemoveWhereMade {
        /// The connection.
        name: String,
        /// The circuit where it was made.
        made_on: String,
    },
}

impl GlobalReachRefusal {
    /// What to do next.
    pub fn remedy(&self) -> String {
        match self {
            Self::SameCircuit { .. } => "Choose the other circuit in the ExpressRoute circuit list.".into(),
            Self::NotProvisioned { circuit } => format!("Wait until circuit {circuit} is Provisioned and Enabled (steps 2 and 3 of its wizard), then add Global Reach."),
            Self::NoPrivatePeering { circuit } => format!("Configure Azure private peering on circuit {circuit} first (step 4 of its wizard)."),
            Self::Local { circuit } => format!("Change circuit {circuit} to Standard or Premium (Azure PowerShell or the Azure CLI), or connect two other circuits."),
            Self::NotOffered { .. } => "Use circuits at peering locations in the countries and regions listed on the Global Reach page.".into(),
            Self::SameLocation { .. } => "Connect circuits at different peering locations; in a metro with more than one peering location, circuits at different ones can be connected.".into(),
            Self::NeedsPremium { not_premium, .. } => format!("Enable ExpressRoute Premium on {} (a change without downtime; Premium is billed on top of the circuit).", not_premium.join(" and ")),
            Self::LinkLimit { circuit, .. } => format!("Unlink a virtual network or remove a Global Reach connection on circuit {circuit}, or raise its limit with Premium or more bandwidth."),
            Self::NameTaken { .. } => "Choose another Global Reach name.".into(),
            Self::WrongLength { family: "IPv4", .. } => "Give a /29 IPv4 subnet such as 10.0.0.0/29 that nothing else uses.".into(),
            Self::WrongLength { .. } => "Give a /125 IPv6 subnet such as fd00:1::/125, or leave the IPv6 subnet empty.".into(),
            Self::Overlaps { .. } => "Pick a subnet that no virtual network, peering or on-premises network uses.".into(),
            Self::NotFound { .. } => "Nothing to remove.".into(),
            Self::RemoveWhereMade { made_on, .. } => format!("Open circuit {made_on} and remove it there (Remove-AzExpressRouteCircuitConnectionConfig, or az network express-route peering connection delete)."),
        }
    }

    /// The source key(s) of the rule.
    pub fn source_key(&self) -> &'static str {
        match self {
            Self::SameCircuit { .. } => "[GR-PS] [GR-CLI]",
            Self::NotProvisioned { .. } => "[GR-PS] [GR-CLI] [WF]",
            Self::NoPrivatePeering { .. } => "[GR-PS] [PS-GR-ADD]",
            Self::Local { .. } => "[FAQ]",
            Self::NotOffered { .. } => "[GLOBAL-REACH] [LOCATIONS]",
            Self::SameLocation { .. } => "[GR-FAQ] [GR-PS]",
            Self::NeedsPremium { .. } => "[GR-FAQ] [GLOBAL-REACH] [LOCATIONS]",
            Self::LinkLimit { .. } => "[LIMITS] [inferred]",
            Self::NameTaken { .. } => "[PS-GR-ADD]",
            Self::WrongLength { .. } => "[GR-PS] [GR-PORTAL] [SPEC-2024-05]",
            Self::Overlaps { .. } => "[GR-PORTAL] [GR-PS]",
            Self::NotFound { .. } => "[GR-PS]",
            Self::RemoveWhereMade { .. } => "[GR-PS] [GR-CLI]",
        }
    }
}

impl GlobalReachRefusal {
    /// The field of the Add Global Reach form it concerns, if one ([`Refusal::field`]); the
    /// rules on either circuit concern the whole request.
    pub fn field(&self) -> Option<crate::form::Field> {
        use crate::form::Field;
        match self {
            Self::SameCircuit { .. } => Some(Field::GlobalReachPeer),
            Self::NameTaken { .. } => Some(Field::GlobalReachName),
            Self::WrongLength { family: "IPv4", .. } => Some(Field::GlobalReachIpv4Subnet),
            Self::WrongLength { .. } => Some(Field::GlobalReachIpv6Subnet),
            Self::Overlaps { subnet, .. } if subnet.addr().is_ipv6() => {
                Some(Field::GlobalReachIpv6Subnet)
            }
            Self::Overlaps { .. } => Some(Field::GlobalReachIpv4Subnet),
            Self::NotProvisioned { .. }
            | Self::NoPrivatePeering { .. }
            | Self::Local { .. }
            | Self::NotOffered { .. }
            | Self::SameLocation { .. }
            | Self::NeedsPremium { .. }
            | Self::LinkLimit { .. }
            | Self::NotFound { .. }
            | Self::RemoveWhereMade { .. } => None,
        }
    }
}

impl From<GlobalReachField> for crate::form::Field {
    fn from(f: GlobalReachField) -> Self {
        match f {
            GlobalReachField::Name => Self::GlobalReachName,
            GlobalReachField::Peer => Self::GlobalReachPeer,
            GlobalReachField::Ipv4Subnet => Self::GlobalReachIpv4Subnet,
            GlobalReachField::Ipv6Subnet => Self::GlobalReachIpv6Subnet,
            GlobalReachField::AuthorizationKey => Self::AuthorizationKey,
        }
    }
}

fn refuse<T>(r: GlobalReachRefusal) -> Result<T, Refusal> {
    Err(r.into())
}

crate::refusal::refusal_detail!(GlobalReachRefusal);

impl From<GlobalReachRefusal> for Refusal {
    fn from(r: GlobalReachRefusal) -> Self {
        Refusal::GlobalReach(crate::refusal::Detail::new(r))
    }
}

impl Refusal {
    /// The Global Reach rule this refusal is, if it is one.
    pub fn global_reach(&self) -> Option<&GlobalReachRefusal> {
        match self {
            Refusal::GlobalReach(r) => r.downcast_ref(),
            _ => None,
        }
    }
}

/// The Add Global Reach form as typed, with the Azure portal's labels. [GR-PORTAL]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GlobalReachInput {
    /// "Global Reach name".
    pub name: String,
    /// "Global Reach IPv4 subnet".
    pub ipv4_subnet: String,
    /// "Global Reach IPv6 subnet" (optional).
    pub ipv6_subnet: String,
    /// "Authorization Key" (when the other circuit is in another subscription).
    pub authorization_key: String,
}

/// The fields of the Add Global Reach form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GlobalReachField {
    /// Global Reach name.
    Name,
    /// ExpressRoute circuit (the other circuit).
    Peer,
    /// Global Reach IPv4 subnet.
    Ipv4Subnet,
    /// Global Reach IPv6 subnet.
    Ipv6Subnet,
    /// Authorization Key.
    AuthorizationKey,
}

impl GlobalReachField {
    /// The Azure portal's label. [GR-PORTAL]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Name => "Global Reach name",
            Self::Peer => "ExpressRoute circuit",
            Self::Ipv4Subnet => "Global Reach IPv4 subnet",
            Self::Ipv6Subnet => "Global Reach IPv6 subnet",
            Self::AuthorizationKey => "Authorization Key",
        }
    }

    /// The form field's id.
    pub const fn id(self) -> &'static str {
        match self {
            Self::Name => "gr-name",
            Self::Peer => "gr-peer",
            Self::Ipv4Subnet => "gr-ipv4",
            Self::Ipv6Subnet => "gr-ipv6",
            Self::AuthorizationKey => "gr-authorization-key",
        }
    }
}

fn parse_subnet(
    given: &str,
    v6: bool,
    field: GlobalReachField,
    errors: &mut Vec<(GlobalReachField, Refusal)>,
) -> Option<IpNet> {
    let (family, want) = if v6 { ("IPv6", 125) } else { ("IPv4", 29) };
    let wrong = || {
        Refusal::from(GlobalReachRefusal::WrongLength {
            given: given.to_string(),
            family,
            want,
        })
    };
    match given.parse::<IpNet>() {
        Ok(n) if matches!(n, IpNet::V6(_)) != v6 || n.prefix_len() != want => {
            errors.push((field, wrong()));
            None
        }
        Ok(n) if n != n.trunc() => {
            errors.push((
                field,
                Refusal::SubnetHostBitsSet {
                    given: given.to_string(),
                    suggested: n.trunc().to_string(),
                },
            ));
            None
        }
        Ok(n) => Some(n),
        Err(_) => {
            errors.push((field, wrong()));
            None
        }
    }
}

/// A checked Add Global Reach form: the connection to make and the authorization key to redeem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlobalReachRequest {
    /// The connection (its peer is filled in by [`Action::AddGlobalReach`]).
    pub connection: GlobalReachConnection,
    /// The authorization key, for a circuit in another subscription.
    pub authorization_key: Option<String>,
}

/// Checks the form's fields, every error at once. The rules about the two circuits are checked
/// by [`crate::apply`] on [`Action::AddGlobalReach`].
pub fn validate_global_reach(
    input: &GlobalReachInput,
) -> Result<GlobalReachRequest, Vec<(GlobalReachField, Refusal)>> {
    let mut errors = Vec::new();
    let name = input.name.trim();
    if name.is_empty() {
        errors.push((
            GlobalReachField::Name,
            Refusal::Required {
                what: "Global Reach name",
            },
        ));
    } else if let Err(r) = check_resource_name(name) {
        errors.push((GlobalReachField::Name, r));
    }
    let v4 = input.ipv4_subnet.trim();
    let ipv4 = if v4.is_empty() {
        errors.push((
            GlobalReachField::Ipv4Subnet,
            Refusal::Required {
                what: "Global Reach IPv4 subnet",
            },
        ));
        None
    } else {
        parse_subnet(v4, false, GlobalReachField::Ipv4Subnet, &mut errors)
    };
    let v6 = input.ipv6_subnet.trim();
    let ipv6 = if v6.is_empty() {
        None
    } else {
        parse_subnet(v6, true, GlobalReachField::Ipv6Subnet, &mut errors)
    };
    let key = input.authorization_key.trim();
    if !key.is_empty() && !is_guid(key) {
        errors.push((
            GlobalReachField::AuthorizationKey,
            Refusal::KeyNotGuid {
                what: "Authorization Key",
                given: key.to_string(),
            },
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(GlobalReachRequest {
        connection: GlobalReachConnection {
            name: name.to_string(),
            peer_circuit_id: String::new(),
            address_prefix: ipv4,
            ipv6_address_prefix: ipv6,
            authorized: !key.is_empty(),
            status: None,
        },
        authorization_key: (!key.is_empty()).then(|| key.to_string()),
    })
}

/// What the two circuits' peering locations say, for the location and Premium rules.
struct Place {
    location: String,
    known: Option<&'static crate::catalog::PeeringLocation>,
}

fn place(location: &str) -> Place {
    Place {
        location: location.trim().to_string(),
        known: (!location.trim().is_empty())
            .then(|| peering_location(location))
            .flatten(),
    }
}

/// The circuit where the connection is made: every rule about both circuits. [`crate::apply`]
/// calls this for [`Action::AddGlobalReach`] when the circuit is Provisioned or Direct.
pub(crate) fn add_global_reach(
    c: &Circuit,
    connection: &GlobalReachConnection,
    peer: &GlobalReachPeer,
    authorization_key: Option<&str>,
) -> Result<Transition, Refusal> {
    use GlobalReachRefusal as R;
    let me = GlobalReachPeer::of(c);
    if me.resource_id == peer.resource_id {
        return refuse(R::SameCircuit {
            circuit: c.name.clone(),
        });
    }
    for side in [&me, peer] {
        if !side.usable {
            return refuse(R::NotProvisioned {
                circuit: side.name.clone(),
            });
        }
    }
    for side in [&me, peer] {
        if !side.has_private_peering {
            return refuse(R::NoPrivatePeering {
                circuit: side.name.clone(),
            });
        }
    }
    for side in [&me, peer] {
        if side.tier == SkuTier::Local {
            return refuse(R::Local {
                circuit: side.name.clone(),
            });
        }
    }
    let mut warnings = Vec::new();
    let places = [place(&me.peering_location), place(&peer.peering_location)];
    for (side, p) in [&me, peer].into_iter().zip(&places) {
        match p.known.map(|l| l.global_reach) {
            Some(Some(false)) => {
                return refuse(R::NotOffered {
                    circuit: side.name.clone(),
                    location: p.location.clone(),
                })
            }
            Some(Some(true)) => {}
            Some(None) | None => warnings.push(Warning::GlobalReachUnverified {
                message: format!(
                    "Microsoft's Global Reach list does not say whether {} (peering location of circuit {}) offers Global Reach: check the Global Reach page before relying on it.",
                    if p.location.is_empty() { "the location" } else { &p.location },
                    side.name
                ),
                sources: "[GLOBAL-REACH] [LOCATIONS]",
            }),
        }
    }
    if let (Some(a), Some(b)) = (places[0].known, places[1].known) {
        if std::ptr::eq(a, b) {
            return refuse(R::SameLocation {
                location: a.name.to_string(),
            });
        }
        if a.geopolitical_region != b.geopolitical_region {
            let not_premium: Vec<String> = [&me, peer]
                .iter()
                .filter(|s| s.tier != SkuTier::Premium)
                .map(|s| s.name.clone())
                .collect();
            if !not_premium.is_empty() {
                return refuse(R::NeedsPremium {
                    a_region: a.geopolitical_region.to_string(),
                    b_region: b.geopolitical_region.to_string(),
                    not_premium,
                });
            }
        }
    } else if !places[0].location.is_empty()
        && crate::catalog::name_key(&places[0].location)
            == crate::catalog::name_key(&places[1].location)
    {
        return refuse(R::SameLocation {
            location: places[0].location.clone(),
        });
    } else if me.tier != SkuTier::Premium || peer.tier != SkuTier::Premium {
        warnings.push(Warning::GlobalReachUnverified {
            message: "The wizard cannot tell whether the two circuits are in the same geopolitical region: if they are not, both need ExpressRoute Premium.".into(),
            sources: "[GR-FAQ] [LOCATIONS]",
        });
    }
    for side in [&me, peer] {
        if side.links_used >= side.link_limit {
            return refuse(R::LinkLimit {
                circuit: side.name.clone(),
                limit: side.link_limit,
            });
        }
    }
    if me
        .connections
        .iter()
        .any(|n| n.eq_ignore_ascii_case(&connection.name))
    {
        return refuse(R::NameTaken {
            name: connection.name.clone(),
        });
    }
    let used = me.used_subnets.iter().chain(&peer.used_subnets);
    for net in [connection.address_prefix, connection.ipv6_address_prefix]
        .into_iter()
        .flatten()
    {
        if let Some((other, what)) = used.clone().find(|(o, _)| overlaps(o, &net)) {
            return refuse(R::Overlaps {
                subnet: net,
                other: *other,
                what: what.clone(),
            });
        }
    }
    let other_subscription = !me.subscription_id.is_empty()
        && !peer.subscription_id.is_empty()
        && !me
            .subscription_id
            .eq_ignore_ascii_case(&peer.subscription_id);
    if other_subscription && authorization_key.is_none() {
        return Err(Refusal::AuthorizationKeyRequired);
    }
    let mut next = c.clone();
    let made = GlobalReachConnection {
        peer_circuit_id: peer.resource_id.clone(),
        authorized: authorization_key.is_some(),
        // The CLI's output after create shows "Connected". [GR-CLI]
        status: Some(CircuitConnectionStatus::Connected),
        ..connection.clone()
    };
    if let Some(p) = next
        .peerings
        .iter_mut()
        .find(|p| p.peering_type == PeeringType::AzurePrivatePeering)
    {
        p.global_reach.push(made);
    }
    Ok(Transition {
        circuit: next,
        warnings,
        notes: notes(&c.name, &peer.name),
    })
}

fn notes(a: &str, b: &str) -> Vec<String> {
    vec![
        format!("The on-premises networks behind {a} and {b} now reach each other over Microsoft's network. Traffic between them is capped by the smaller circuit's bandwidth. [GR-FAQ]"),
        "Global Reach is billed as an add-on on each circuit, and its traffic at an egress rate at the source and an ingress rate at the destination. [GR-FAQ]".into(),
        "It is not transitive: to join a third office, connect its circuit to each of the others. [GR-FAQ]".into(),
    ]
}

/// Removes a Global Reach connection on the circuit where it was made. [GR-PS] [GR-CLI]
pub(crate) fn remove_global_reach(c: &Circuit, name: &str) -> Result<Transition, Refusal> {
    let mut next = c.clone();
    let private = next
        .peerings
        .iter_mut()
        .find(|p| p.peering_type == PeeringType::AzurePrivatePeering);
    if let Some(p) = private {
        if let Some(i) = p.global_reach.iter().position(|g| g.name == name) {
            let gone = p.global_reach.remove(i);
            let other = gone.peer_circuit_name().to_string();
            return Ok(Transition {
                circuit: next,
                warnings: Vec::new(),
                notes: vec![format!(
                    "The on-premises networks behind {} and {} no longer reach each other through these circuits. [GR-PS]",
                    c.name,
                    if other.is_empty() { "the other circuit" } else { &other }
                )],
            });
        }
        if let Some(g) = p.peer_global_reach.iter().find(|g| g.name == name) {
            return refuse(GlobalReachRefusal::RemoveWhereMade {
                name: name.to_string(),
                made_on: g.peer_circuit_name().to_string(),
            });
        }
    }
    refuse(GlobalReachRefusal::NotFound {
        circuit: c.name.clone(),
        name: name.to_string(),
    })
}

/// Both circuits after a Global Reach connection: the one where it is made (through
/// [`crate::apply`]) and the other, which shows it as a peer connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlobalReachPair {
    /// The circuit where it was made, with warnings and notes.
    pub made_on: Transition,
    /// The other circuit.
    pub peer: Circuit,
}

/// Connects the private peerings of `a` (where it is made) and `b`.
pub fn connect(
    a: &Circuit,
    b: &Circuit,
    request: &GlobalReachRequest,
) -> Result<GlobalReachPair, Refusal> {
    let made_on = crate::machine::apply(
        a,
        &Action::AddGlobalReach {
            connection: request.connection.clone(),
            peer: GlobalReachPeer::of(b),
            authorization_key: request.authorization_key.clone(),
        },
    )?;
    let mut peer = b.clone();
    if let Some(p) = peer
        .peerings
        .iter_mut()
        .find(|p| p.peering_type == PeeringType::AzurePrivatePeering)
    {
        let made = made_on
            .circuit
            .peering(PeeringType::AzurePrivatePeering)
            .and_then(|p| {
                p.global_reach
                    .iter()
                    .find(|g| g.name == request.connection.name)
            });
        if let Some(made) = made {
            p.peer_global_reach.push(GlobalReachConnection {
                peer_circuit_id: circuit_resource_id(a),
                ..made.clone()
            });
        }
        // The authorization redeemed is in use from now on. [GR-PS] [PS-LINK]
        if let Some(key) = &request.authorization_key {
            if let Some(auth) = peer
                .authorizations
                .iter_mut()
                .find(|x| &x.authorization_key == key)
            {
                auth.authorization_use_status = crate::enums::AuthorizationUseStatus::InUse;
                auth.connection = Some(request.connection.name.clone());
            }
        }
    }
    Ok(GlobalReachPair { made_on, peer })
}

/// Removes connection `name` from `a` (where it was made) and its peer side from `b`, when `b`
/// is the circuit it joins.
pub fn disconnect(
    a: &Circuit,
    b: Option<&Circuit>,
    name: &str,
) -> Result<(Transition, Option<Circuit>), Refusal> {
    let a_id = circuit_resource_id(a);
    let made_on = crate::machine::apply(
        a,
        &Action::RemoveGlobalReach {
            name: name.to_string(),
        },
    )?;
    let peer = b.map(|b| {
        let mut b = b.clone();
        for p in &mut b.peerings {
            p.peer_global_reach.retain(|g| {
                !(g.name == name && (g.peer_circuit_id == a_id || g.peer_circuit_id.is_empty()))
            });
        }
        for auth in &mut b.authorizations {
            if auth.connection.as_deref() == Some(name) {
                auth.authorization_use_status = crate::enums::AuthorizationUseStatus::Available;
                auth.connection = None;
            }
        }
        b
    });
    Ok((made_on, peer))
}

/// Whether `a` and `b` could be offered Global Reach: both have private peering and they are
/// different circuits. The full rules are checked on Add.
pub fn can_offer(a: &Circuit, b: &Circuit) -> bool {
    circuit_resource_id(a) != circuit_resource_id(b)
        && a.peering(PeeringType::AzurePrivatePeering).is_some()
        && b.peering(PeeringType::AzurePrivatePeering).is_some()
}

// ---------------------------------------------------------------------------------------
// Commands

/// The private peering's resource id of a circuit, as `-PeerExpressRouteCircuitPeering` takes it.
/// [GR-PS]
pub fn private_peering_id(circuit_id: &str) -> String {
    format!("{circuit_id}/peerings/AzurePrivatePeering")
}

/// Adds the connection on `c` (the circuit where it is made) to the circuit `peer_id`:
/// `Add-AzExpressRouteCircuitConnectionConfig` then `Set-AzExpressRouteCircuit`, and
/// `az network express-route peering connection create` (with `ipv6-config set` for IPv6).
/// A key redeemed earlier is not kept: its placeholder stands in for it. [GR-PS] [GR-CLI]
pub fn add_command(
    c: &Circuit,
    g: &GlobalReachConnection,
    authorization_key: Option<&str>,
) -> CommandPair {
    let key = authorization_key.map(str::to_string).or_else(|| {
        g.authorized
            .then(|| SecretKind::AuthorizationKey.placeholder().to_string())
    });
    let peer_peering = private_peering_id(&g.peer_circuit_id);
    let v4 = g.address_prefix.map(|n| n.to_string()).unwrap_or_default();
    let mut ps = format!(
        "{}\nAdd-AzExpressRouteCircuitConnectionConfig -Name {} -ExpressRouteCircuit $ckt -PeerExpressRouteCircuitPeering {} -AddressPrefix {}",
        ps_get(c),
        ps_quote(&g.name),
        ps_quote(&peer_peering),
        ps_quote(&v4)
    );
    if let Some(k) = &key {
        ps.push_str(&format!(" -AuthorizationKey {}", ps_quote(k)));
    }
    if let Some(v6) = g.ipv6_address_prefix {
        ps.push_str(&format!(
            "\nSet-AzExpressRouteCircuitConnectionConfig -Name {} -ExpressRouteCircuit $ckt -PeerExpressRouteCircuitPeering {} -AddressPrefix {} -AddressPrefixType IPv6",
            ps_quote(&g.name),
            ps_quote(&peer_peering),
            ps_quote(&v6.to_string())
        ));
    }
    ps.push('\n');
    ps.push_str(PS_SET);
    let mut cli = format!(
        "az network express-route peering connection create {} --peering-name AzurePrivatePeering --name {} --peer-circuit {} --address-prefix {}",
        cli_child(c),
        sh_quote(&g.name),
        sh_quote(&g.peer_circuit_id),
        sh_quote(&v4)
    );
    if let Some(k) = &key {
        cli.push_str(&format!(" --authorization-key {}", sh_quote(k)));
    }
    if let Some(v6) = g.ipv6_address_prefix {
        cli.push_str(&format!(
            "\naz network express-route peering connection ipv6-config set {} --peering-name AzurePrivatePeering --name {} --address-prefix {}",
            cli_child(c),
            sh_quote(&g.name),
            sh_quote(&v6.to_string())
        ));
    }
    let other = g.peer_circuit_name();
    CommandPair::new(
        format!(
            "Add Global Reach {} to circuit {}",
            g.name,
            if other.is_empty() { "?" } else { other }
        ),
        ps,
        cli,
        "[GR-PS] [GR-CLI] [PS-GR-ADD]",
    )
}

/// Removes the connection, on the circuit where it was made: `Remove-AzExpressRouteCircuitConnectionConfig`
/// then `Set-AzExpressRouteCircuit`, and `az network express-route peering connection delete`.
/// [GR-PS] [GR-CLI]
pub fn remove_command(c: &Circuit, name: &str) -> CommandPair {
    CommandPair::new(
        format!("Remove Global Reach {name}"),
        format!(
            "{}\nRemove-AzExpressRouteCircuitConnectionConfig -Name {} -ExpressRouteCircuit $ckt\n{PS_SET}",
            ps_get(c),
            ps_quote(name)
        ),
        format!(
            "az network express-route peering connection delete {} --peering-name AzurePrivatePeering --name {}",
            cli_child(c),
            sh_quote(name)
        ),
        "[GR-PS] [GR-CLI]",
    )
}

/// Shows the connection and its `circuitConnectionStatus`. [GR-PS] [GR-CLI]
pub fn show_command(c: &Circuit, name: &str) -> CommandPair {
    CommandPair::new(
        format!("Show Global Reach {name} and its CircuitConnectionStatus"),
        format!(
            "{}\nGet-AzExpressRouteCircuitConnectionConfig -Name {} -ExpressRouteCircuit $ckt",
            ps_get(c),
            ps_quote(name)
        ),
        format!(
            "az network express-route peering connection show {} --peering-name AzurePrivatePeering --name {}",
            cli_child(c),
            sh_quote(name)
        ),
        "[GR-PS] [GR-CLI]",
    )
}

/// This circuit's own side of the Add Global Reach rules, for [`crate::precondition`]: what
/// refuses it whatever the other circuit is.
pub(crate) fn add_gate(c: &Circuit) -> Result<(), Refusal> {
    use GlobalReachRefusal as R;
    let me = GlobalReachPeer::of(c);
    if !me.usable {
        return refuse(R::NotProvisioned { circuit: me.name });
    }
    if !me.has_private_peering {
        return refuse(R::NoPrivatePeering { circuit: me.name });
    }
    if me.tier == SkuTier::Local {
        return refuse(R::Local { circuit: me.name });
    }
    if let Some(l) = peering_location(&me.peering_location) {
        if l.global_reach == Some(false) {
            return refuse(R::NotOffered {
                circuit: me.name,
                location: l.name.to_string(),
            });
        }
    }
    if me.links_used >= me.link_limit {
        return refuse(R::LinkLimit {
            circuit: me.name,
            limit: me.link_limit,
        });
    }
    Ok(())
}

/// For [`crate::precondition`]: a Global Reach connection made on this circuit exists. Without
/// one, a connection another circuit made to this one is removed there [GR-PS]; otherwise there is
/// none to remove.
pub(crate) fn remove_gate(c: &Circuit) -> Result<(), Refusal> {
    if c.peerings.iter().any(|p| !p.global_reach.is_empty()) {
        return Ok(());
    }
    match c.peerings.iter().flat_map(|p| &p.peer_global_reach).next() {
        Some(g) => refuse(GlobalReachRefusal::RemoveWhereMade {
            name: g.name.clone(),
            made_on: g.peer_circuit_name().to_string(),
        }),
        None => refuse(GlobalReachRefusal::NotFound {
            circuit: c.name.clone(),
            name: "(none)".into(),
        }),
    }
}

// ---------------------------------------------------------------------------------------
// Samples: the diagrams and the demo

/// A Standard circuit at Dallas with private peering, provisioned: the other office of the
/// FAQ's example ("a private data center in Texas connected to ExpressRoute in Dallas"). [GR-FAQ]
pub fn sample_peer(name: &str, location: &str, tier: SkuTier) -> GlobalReachPeer {
    let peering = |s: &str| s.parse::<IpNet>().ok();
    GlobalReachPeer {
        name: name.to_string(),
        resource_id: format!(
            "/subscriptions/{}/resourceGroups/demo-rg/providers/Microsoft.Network/expressRouteCircuits/{name}",
            crate::commands::SUBSCRIPTION_PLACEHOLDER
        ),
        subscription_id: String::new(),
        tier,
        peering_location: location.to_string(),
        usable: true,
        has_private_peering: true,
        links_used: 0,
        link_limit: crate::limits::link_limit(tier, 1000),
        used_subnets: ["192.168.20.0/30", "192.168.20.4/30"]
            .into_iter()
            .filter_map(|s| peering(s).map(|n| (n, format!("AzurePrivatePeering subnet of circuit {name}"))))
            .collect(),
        connections: Vec::new(),
    }
}

/// A sample connection with this /29.
pub fn sample_connection(name: &str, ipv4: &str) -> GlobalReachConnection {
    GlobalReachConnection {
        address_prefix: ipv4.parse().ok(),
        ..GlobalReachConnection::named(name)
    }
}

/// The diagrams' sample Add Global Reach on circuit `c`: to a Dallas circuit, or a London one when
/// `c` is itself at Dallas.
pub fn sample_add(c: &Circuit) -> Action {
    let at_dallas = c
        .peering_location()
        .is_some_and(|l| crate::catalog::name_key(l) == "dallas");
    let peer = if at_dallas {
        sample_peer("office-london", "London", c.sku.tier)
    } else {
        sample_peer("office-dallas", "Dallas", c.sku.tier)
    };
    Action::AddGlobalReach {
        connection: sample_connection(
            &format!("gr{}", all_connections(c).count() + 1),
            &format!("10.254.{}.0/29", all_connections(c).count()),
        ),
        peer,
        authorization_key: None,
    }
}
