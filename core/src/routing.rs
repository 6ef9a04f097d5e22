//! Routing input: validated newtypes (they can only be built through their
//! validators, including when deserialized) and peering form validation.

use std::fmt;
use std::net::IpAddr;

use ipnet::IpNet;
use serde::{Deserialize, Serialize};

use crate::circuit::Circuit;
use crate::enums::{PeeringType, RegistryName};
use crate::form::{Field, FieldError};
use crate::limits::{
    AZURE_PUBLIC_ASNS, DOCUMENTATION_ASNS, MAX_CUSTOMER_ASN, MICROSOFT_PEERING_ROUTE_LIMIT,
    RESERVED_INTERNAL_ASNS,
};
use crate::refusal::Refusal;
use crate::warning::Warning;

/// IP address family of a BGP session or prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IpFamily {
    /// IPv4.
    V4,
    /// IPv6.
    V6,
}

impl IpFamily {
    /// "IPv4" or "IPv6" (the `PeerAddressType` spelling). [PS-ROUTING]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::V4 => "IPv4",
            Self::V6 => "IPv6",
        }
    }

    /// The family of a prefix.
    pub fn of(net: &IpNet) -> Self {
        match net {
            IpNet::V4(_) => Self::V4,
            IpNet::V6(_) => Self::V6,
        }
    }

    /// Prefix length of one link subnet: /30 or /126. [ROUTING]
    pub const fn link_len(self) -> u8 {
        match self {
            Self::V4 => 30,
            Self::V6 => 126,
        }
    }

    /// Prefix length of the block that is split into the two links: /29 or /125. [ROUTING]
    pub const fn split_len(self) -> u8 {
        match self {
            Self::V4 => 29,
            Self::V6 => 125,
        }
    }

    const fn length_rule(self) -> &'static str {
        match self {
            Self::V4 => {
                "each link needs a /30 subnet (or give one /29 in the primary field to be split)"
            }
            Self::V6 => {
                "each link needs a /126 subnet (or give one /125 in the primary field to be split)"
            }
        }
    }
}

impl fmt::Display for IpFamily {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// ---------------------------------------------------------------------------------------
// ASNs

fn parse_asn(given: &str, max: u32, what: &'static str) -> Result<u32, Refusal> {
    let t = given.trim();
    if t.is_empty() {
        return Err(Refusal::Required { what });
    }
    let digits = t.strip_prefix('-').unwrap_or(t);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(Refusal::NotANumber {
            what,
            given: given.to_string(),
        });
    }
    let out_of_range = || Refusal::AsnOutOfRange {
        given: t.to_string(),
        max,
    };
    if t.starts_with('-') {
        return Err(out_of_range());
    }
    // [SPEC-2024-05]: peerASN minimum 1, maximum 4294967295.
    let v: u64 = t.parse().map_err(|_| out_of_range())?;
    if v == 0 || v > u64::from(max) {
        return Err(out_of_range());
    }
    let asn = u32::try_from(v).map_err(|_| out_of_range())?;
    check_asn_not_microsoft(asn)?;
    Ok(asn)
}

fn check_asn_not_microsoft(asn: u32) -> Result<(), Refusal> {
    // SC-16 [ROUTING] [PORTAL-ROUTING]: 65515–65520 reserved for internal use.
    if RESERVED_INTERNAL_ASNS.contains(&asn) {
        return Err(Refusal::ReservedAsn { asn });
    }
    // SC-18 [RESERVED-ASN] [inferred]: Microsoft's own public ASNs.
    if AZURE_PUBLIC_ASNS.contains(&asn) {
        return Err(Refusal::AzurePublicAsn { asn });
    }
    Ok(())
}

/// True for private ASNs: 64512–65534 and 4200000000–4294967294 (RFC 6996).
pub fn is_private_asn(asn: u32) -> bool {
    (64512..=65534).contains(&asn) || (4_200_000_000..=4_294_967_294).contains(&asn)
}

/// The customer's BGP AS number on a peering (`peerASN`): 1–4294967295, not
/// 65515–65520 and not Microsoft's 8074/8075/12076. [SPEC-2024-05] [ROUTING] [RESERVED-ASN]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct PeerAsn(u32);

impl PeerAsn {
    /// Parses the typed value.
    pub fn parse(given: &str) -> Result<Self, Refusal> {
        parse_asn(given, u32::MAX, "Peer ASN").map(Self)
    }
    /// The number.
    pub const fn get(self) -> u32 {
        self.0
    }
    /// True for a private ASN (RFC 6996).
    pub fn is_private(self) -> bool {
        is_private_asn(self.0)
    }
}

impl TryFrom<u32> for PeerAsn {
    type Error = Refusal;
    fn try_from(v: u32) -> Result<Self, Refusal> {
        Self::parse(&v.to_string())
    }
}

impl From<PeerAsn> for u32 {
    fn from(v: PeerAsn) -> u32 {
        v.0
    }
}

impl fmt::Display for PeerAsn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Microsoft peering's customer ASN (`customerASN`, an int32 in the API): the AS
/// the advertised prefixes are registered to when it differs from the peer ASN.
/// [PS-ROUTING] [SPEC-2024-05] [PS-DOC-ADD-PEERING]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct CustomerAsn(u32);

impl CustomerAsn {
    /// Parses the typed value (1–2147483647).
    pub fn parse(given: &str) -> Result<Self, Refusal> {
        parse_asn(given, MAX_CUSTOMER_ASN, "Customer ASN").map(Self)
    }
    /// The number.
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<u32> for CustomerAsn {
    type Error = Refusal;
    fn try_from(v: u32) -> Result<Self, Refusal> {
        Self::parse(&v.to_string())
    }
}

impl From<CustomerAsn> for u32 {
    fn from(v: CustomerAsn) -> u32 {
        v.0
    }
}

// ---------------------------------------------------------------------------------------
// VLAN, shared key

/// An 802.1Q VLAN ID 1–4094, used on both links of a peering. The API does not
/// range-check `vlanId`; the range is **[inferred]** from 802.1Q (SC-28).
/// [PORTAL-ROUTING] [SPEC-2024-05] [TF-PEERING]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub struct VlanId(u16);

impl VlanId {
    /// Parses the typed value.
    pub fn parse(given: &str) -> Result<Self, Refusal> {
        let t = given.trim();
        if t.is_empty() {
            return Err(Refusal::Required { what: "VLAN ID" });
        }
        let digits = t.strip_prefix('-').unwrap_or(t);
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(Refusal::NotANumber {
                what: "VLAN ID",
                given: given.to_string(),
            });
        }
        match t.parse::<u64>() {
            Ok(v @ 1..=4094) => u16::try_from(v)
                .map(Self)
                .map_err(|_| Refusal::VlanOutOfRange {
                    given: t.to_string(),
                }),
            _ => Err(Refusal::VlanOutOfRange {
                given: t.to_string(),
            }),
        }
    }
    /// The number.
    pub const fn get(self) -> u16 {
        self.0
    }
}

impl TryFrom<u16> for VlanId {
    type Error = Refusal;
    fn try_from(v: u16) -> Result<Self, Refusal> {
        Self::parse(&v.to_string())
    }
}

impl From<VlanId> for u16 {
    fn from(v: VlanId) -> u16 {
        v.0
    }
}

impl fmt::Display for VlanId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The optional BGP MD5 key: 1–25 alphanumeric characters, no special
/// characters, the same on both sides. [PORTAL-ROUTING] [TF-PEERING]
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SharedKey(String);

impl SharedKey {
    /// Parses the typed value (not trimmed: a space is a special character).
    pub fn parse(given: &str) -> Result<Self, Refusal> {
        let length = given.chars().count();
        let has_special = !given.chars().all(|c| c.is_ascii_alphanumeric());
        if length == 0 || length > 25 || has_special {
            return Err(Refusal::SharedKeyInvalid {
                length,
                has_special,
            });
        }
        Ok(Self(given.to_string()))
    }
    /// The key.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SharedKey {
    // The key is a secret: never print it in logs. [TROUBLE]: keys are not displayed back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SharedKey(***)")
    }
}

impl TryFrom<String> for SharedKey {
    type Error = Refusal;
    fn try_from(v: String) -> Result<Self, Refusal> {
        Self::parse(&v)
    }
}

impl From<SharedKey> for String {
    fn from(v: SharedKey) -> String {
        v.0
    }
}

impl RegistryName {
    /// Parses a routing registry name, ignoring case ("ripencc" → RIPENCC). SC-30
    /// [AZ-CLI-PARAMS] [ROUTING]
    pub fn parse(given: &str) -> Result<Self, Refusal> {
        given
            .trim()
            .to_ascii_uppercase()
            .parse()
            .map_err(|_| Refusal::UnknownRegistry {
                given: given.trim().to_string(),
            })
    }
}

// ---------------------------------------------------------------------------------------
// Subnets

/// One link's subnet: a /30 (IPv4) or /126 (IPv6) with no host bits set. The
/// customer router uses the first usable address, Microsoft the second. [ROUTING]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LinkSubnet(IpNet);

impl LinkSubnet {
    /// Parses one link subnet of the given family.
    pub fn parse(given: &str, family: IpFamily) -> Result<Self, Refusal> {
        let net = parse_net(given)?;
        if IpFamily::of(&net) != family {
            return Err(Refusal::WrongAddressFamily {
                given: given.trim().to_string(),
                expected: match family {
                    IpFamily::V4 => "an IPv4 prefix",
                    IpFamily::V6 => "an IPv6 prefix",
                },
            });
        }
        if net.prefix_len() != family.link_len() {
            return Err(Refusal::WrongPrefixLength {
                given: given.trim().to_string(),
                expected: family.length_rule(),
            });
        }
        check_host_bits(given, net)?;
        Ok(Self(net))
    }

    /// The network.
    pub const fn net(&self) -> IpNet {
        self.0
    }

    /// The family.
    pub fn family(&self) -> IpFamily {
        IpFamily::of(&self.0)
    }

    /// The customer (or provider) router's address: first usable IP. [ROUTING]
    pub fn customer_address(&self) -> IpAddr {
        nth_address(&self.0, 1)
    }

    /// Microsoft's router address: second usable IP. [ROUTING]
    pub fn microsoft_address(&self) -> IpAddr {
        nth_address(&self.0, 2)
    }
}

fn nth_address(net: &IpNet, n: u8) -> IpAddr {
    match net {
        IpNet::V4(v4) => IpAddr::V4((u32::from(v4.network()) + u32::from(n)).into()),
        IpNet::V6(v6) => IpAddr::V6((u128::from(v6.network()) + u128::from(n)).into()),
    }
}

impl TryFrom<String> for LinkSubnet {
    type Error = Refusal;
    fn try_from(v: String) -> Result<Self, Refusal> {
        let family = if v.contains(':') {
            IpFamily::V6
        } else {
            IpFamily::V4
        };
        Self::parse(&v, family)
    }
}

impl From<LinkSubnet> for String {
    fn from(v: LinkSubnet) -> String {
        v.0.to_string()
    }
}

impl fmt::Display for LinkSubnet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

fn parse_net(given: &str) -> Result<IpNet, Refusal> {
    given
        .trim()
        .parse::<IpNet>()
        .map_err(|_| Refusal::SubnetInvalid {
            given: given.trim().to_string(),
        })
}

fn check_host_bits(given: &str, net: IpNet) -> Result<(), Refusal> {
    // STYLE: check host bits ourselves and offer the truncated network.
    if net != net.trunc() {
        return Err(Refusal::SubnetHostBitsSet {
            given: given.trim().to_string(),
            suggested: net.trunc().to_string(),
        });
    }
    Ok(())
}

/// The primary and secondary link subnets of one address family: two different
/// subnets of the same family. [ROUTING]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "LinkPairRaw")]
pub struct LinkPair {
    primary: LinkSubnet,
    secondary: LinkSubnet,
}

#[derive(Deserialize)]
struct LinkPairRaw {
    primary: LinkSubnet,
    secondary: LinkSubnet,
}

impl TryFrom<LinkPairRaw> for LinkPair {
    type Error = Refusal;
    fn try_from(r: LinkPairRaw) -> Result<Self, Refusal> {
        Self::new(r.primary, r.secondary)
    }
}

impl LinkPair {
    /// Pairs two link subnets: same family, different subnets (SC-21).
    pub fn new(primary: LinkSubnet, secondary: LinkSubnet) -> Result<Self, Refusal> {
        if primary.family() != secondary.family() {
            return Err(Refusal::WrongAddressFamily {
                given: secondary.to_string(),
                expected: "the same address family as the primary subnet",
            });
        }
        if primary == secondary {
            return Err(Refusal::SameSubnetBothLinks {
                subnet: primary.to_string(),
            });
        }
        Ok(Self { primary, secondary })
    }

    /// Splits a /29 (IPv4) or /125 (IPv6): first half primary, second half
    /// secondary. [ROUTING] (192.168.100.128/29 → .128/30 and .132/30)
    pub fn split(given: &str, family: IpFamily) -> Result<Self, Refusal> {
        let net = parse_net(given)?;
        if IpFamily::of(&net) != family {
            return Err(Refusal::WrongAddressFamily {
                given: given.trim().to_string(),
                expected: match family {
                    IpFamily::V4 => "an IPv4 prefix",
                    IpFamily::V6 => "an IPv6 prefix",
                },
            });
        }
        if net.prefix_len() != family.split_len() {
            return Err(Refusal::WrongPrefixLength {
                given: given.trim().to_string(),
                expected: family.length_rule(),
            });
        }
        check_host_bits(given, net)?;
        let halves: Vec<IpNet> = net
            .subnets(family.link_len())
            .map_err(|_| Refusal::SubnetInvalid {
                given: given.trim().to_string(),
            })?
            .collect();
        match halves.as_slice() {
            [a, b] => Self::new(LinkSubnet(*a), LinkSubnet(*b)),
            _ => Err(Refusal::SubnetInvalid {
                given: given.trim().to_string(),
            }),
        }
    }

    /// Primary link subnet.
    pub const fn primary(&self) -> LinkSubnet {
        self.primary
    }

    /// Secondary link subnet.
    pub const fn secondary(&self) -> LinkSubnet {
        self.secondary
    }

    /// The family.
    pub fn family(&self) -> IpFamily {
        self.primary.family()
    }
}

/// Reserved and private ranges that are not public addresses. SC-24
const NON_PUBLIC_V4: &[&str] = &[
    "0.0.0.0/8",
    "10.0.0.0/8",
    "100.64.0.0/10",
    "127.0.0.0/8",
    "169.254.0.0/16",
    "172.16.0.0/12",
    "192.0.0.0/24",
    "192.0.2.0/24",
    "192.168.0.0/16",
    "198.18.0.0/15",
    "198.51.100.0/24",
    "203.0.113.0/24",
    "224.0.0.0/3",
];

/// True when every address of `net` is public (globally routable unicast):
/// Microsoft peering subnets and advertised prefixes must be public IPs you
/// own. [WF] [ROUTING] [PS-ROUTING]
pub fn is_public(net: &IpNet) -> bool {
    match net {
        IpNet::V4(_) => !NON_PUBLIC_V4
            .iter()
            .filter_map(|s| s.parse::<IpNet>().ok())
            .any(|r| overlaps(&r, net)),
        IpNet::V6(_) => {
            let global: Option<IpNet> = "2000::/3".parse().ok();
            let doc: Option<IpNet> = "2001:db8::/32".parse().ok();
            global.is_some_and(|g| g.contains(net)) && !doc.is_some_and(|d| overlaps(&d, net))
        }
    }
}

/// True when two prefixes share an address.
pub fn overlaps(a: &IpNet, b: &IpNet) -> bool {
    a.contains(&b.network()) || b.contains(&a.network())
}

// ---------------------------------------------------------------------------------------
// Peering input and configuration

/// The peering form as typed (every field a string). [PORTAL-ROUTING]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PeeringInput {
    /// Peer ASN.
    pub peer_asn: String,
    /// IPv4 primary /30, or one /29 to be split (leave the secondary empty).
    pub primary_subnet: String,
    /// IPv4 secondary /30.
    pub secondary_subnet: String,
    /// IPv6 primary /126, or one /125 to be split.
    pub ipv6_primary: String,
    /// IPv6 secondary /126.
    pub ipv6_secondary: String,
    /// VLAN ID.
    pub vlan_id: String,
    /// Optional MD5 shared key.
    pub shared_key: String,
    /// Microsoft peering: advertised public prefixes, separated by commas, spaces or newlines.
    pub advertised_public_prefixes: String,
    /// Microsoft peering: optional customer ASN.
    pub customer_asn: String,
    /// Microsoft peering: routing registry name.
    pub routing_registry_name: String,
    /// Address spaces of VNets you plan to link (checked for overlap), separated like prefixes.
    pub planned_vnet_address_spaces: String,
}

/// Microsoft peering's `microsoftPeeringConfig`. [SPEC-2024-05]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MicrosoftConfig {
    /// Public prefixes to advertise (both families; each goes to its session).
    pub advertised_public_prefixes: Vec<IpNet>,
    /// The AS the prefixes are registered to, when not the peer ASN.
    pub customer_asn: Option<CustomerAsn>,
    /// The routing registry the prefixes are registered in. `None` is Azure's "NONE": an
    /// existing peering may have no registry (read back as "NONE" [CLI-ROUTING] [TF-PEERING]);
    /// the wizard asks for one when a Microsoft peering is added or changed (SC-31).
    #[serde(default)]
    pub routing_registry_name: Option<RegistryName>,
}

/// A validated peering configuration. Fields are public for reading; build one
/// with [`PeeringConfig::parse`] or [`validate_peering`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PeeringConfig {
    /// The customer's ASN.
    pub peer_asn: PeerAsn,
    /// IPv4 link subnets (`primaryPeerAddressPrefix`/`secondaryPeerAddressPrefix`).
    pub ipv4: Option<LinkPair>,
    /// IPv6 link subnets (`ipv6PeeringConfig`).
    pub ipv6: Option<LinkPair>,
    /// VLAN ID (both links).
    pub vlan_id: VlanId,
    /// Optional MD5 key.
    pub shared_key: Option<SharedKey>,
    /// Microsoft peering only.
    pub microsoft: Option<MicrosoftConfig>,
}

impl PeeringConfig {
    /// All link subnets with the form field each came from.
    pub fn subnets(&self) -> Vec<(Field, IpNet)> {
        let mut out = Vec::new();
        if let Some(p) = &self.ipv4 {
            out.push((Field::PrimarySubnet, p.primary().net()));
            out.push((Field::SecondarySubnet, p.secondary().net()));
        }
        if let Some(p) = &self.ipv6 {
            out.push((Field::Ipv6PrimarySubnet, p.primary().net()));
            out.push((Field::Ipv6SecondarySubnet, p.secondary().net()));
        }
        out
    }

    /// Validates the form for a peering type without looking at a circuit:
    /// every field error at once, and warnings on success.
    pub fn parse(
        kind: PeeringType,
        input: &PeeringInput,
    ) -> Result<ValidatedPeering, Vec<FieldError>> {
        let parsed = parse_internal(kind, input);
        match parsed.config {
            Some(config) if parsed.errors.is_empty() => Ok(ValidatedPeering {
                config,
                warnings: parsed.warnings,
            }),
            _ => Err(parsed.errors),
        }
    }

    /// The rules that depend on the peering type, as `apply` checks them:
    /// the first refusal, or the warnings.
    pub fn check_for(&self, kind: PeeringType) -> Result<Vec<Warning>, Refusal> {
        let subnets = self.subnets();
        let empty = Vec::new();
        let ms = self.microsoft.as_ref();
        let check = KindCheck {
            kind,
            peer_asn: Some(self.peer_asn),
            customer_asn: ms.and_then(|m| m.customer_asn),
            v4_session: self.ipv4.is_some(),
            v6_session: self.ipv6.is_some(),
            subnets: &subnets,
            prefixes: ms.map_or(&empty, |m| &m.advertised_public_prefixes),
            prefixes_given: ms.is_some_and(|m| !m.advertised_public_prefixes.is_empty()),
            // On private peering any Microsoft config is refused (reported on the registry).
            registry_given: match kind {
                PeeringType::MicrosoftPeering => {
                    ms.is_some_and(|m| m.routing_registry_name.is_some())
                }
                PeeringType::AzurePrivatePeering | PeeringType::AzurePublicPeering => ms.is_some(),
            },
            customer_asn_given: ms.is_some_and(|m| m.customer_asn.is_some()),
        };
        let (errors, warnings) = kind_rules(&check);
        match errors.into_iter().next() {
            Some(e) => Err(e.refusal),
            None => Ok(warnings),
        }
    }
}

/// A peering configuration that passed validation, with its warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidatedPeering {
    /// The configuration.
    pub config: PeeringConfig,
    /// Accepted, but the user must know (SC-32, asymmetric routing...).
    pub warnings: Vec<Warning>,
}

/// Validates the peering form against a circuit: field rules, peering-type
/// rules, and circuit rules (VLAN unique in the circuit, no overlap with VNet
/// address spaces or other peerings). Returns every field error at once.
///
/// It does not check whether the circuit is in a state that allows peering
/// changes: ask [`crate::precondition`] for that.
pub fn validate_peering(
    circuit: &Circuit,
    kind: PeeringType,
    input: &PeeringInput,
) -> Result<ValidatedPeering, Vec<FieldError>> {
    let mut parsed = parse_internal(kind, input);
    parsed.errors.extend(circuit_rules(
        circuit,
        kind,
        &parsed.subnets,
        parsed.vlan,
        &parsed.planned,
    ));
    match parsed.config {
        Some(config) if parsed.errors.is_empty() => Ok(ValidatedPeering {
            config,
            warnings: parsed.warnings,
        }),
        _ => Err(parsed.errors),
    }
}

struct Parsed {
    config: Option<PeeringConfig>,
    errors: Vec<FieldError>,
    warnings: Vec<Warning>,
    subnets: Vec<(Field, IpNet)>,
    vlan: Option<VlanId>,
    planned: Vec<IpNet>,
}

fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|t| !t.is_empty())
}

fn parse_pair(
    primary: &str,
    secondary: &str,
    family: IpFamily,
    fields: (Field, Field),
    errors: &mut Vec<FieldError>,
) -> Option<LinkPair> {
    let (pf, sf) = fields;
    let (p, s) = (primary.trim(), secondary.trim());
    let mut err = |field, refusal| errors.push(FieldError { field, refusal });
    let which_missing = |primary_missing: bool| match (family, primary_missing) {
        (IpFamily::V4, true) => "primary subnet",
        (IpFamily::V4, false) => "secondary subnet",
        (IpFamily::V6, true) => "IPv6 primary subnet",
        (IpFamily::V6, false) => "IPv6 secondary subnet",
    };
    match (p.is_empty(), s.is_empty()) {
        (true, true) => None,
        (false, true) => {
            // One block in the primary field: a /29 (/125) is split; a lone /30 (/126)
            // lacks its secondary. [ROUTING]
            let split_len = parse_net(p)
                .ok()
                .filter(|n| IpFamily::of(n) == family)
                .is_some_and(|n| n.prefix_len() == family.split_len());
            if split_len {
                LinkPair::split(p, family).map_err(|r| err(pf, r)).ok()
            } else {
                match LinkSubnet::parse(p, family) {
                    Ok(_) => err(
                        sf,
                        Refusal::LinkSubnetMissing {
                            which: which_missing(false),
                        },
                    ),
                    Err(r) => err(pf, r),
                }
                None
            }
        }
        (true, false) => {
            err(
                pf,
                Refusal::LinkSubnetMissing {
                    which: which_missing(true),
                },
            );
            if let Err(r) = LinkSubnet::parse(s, family) {
                err(sf, r);
            }
            None
        }
        (false, false) => {
            let a = LinkSubnet::parse(p, family).map_err(|r| err(pf, r)).ok();
            let b = LinkSubnet::parse(s, family).map_err(|r| err(sf, r)).ok();
            match (a, b) {
                (Some(a), Some(b)) => LinkPair::new(a, b).map_err(|r| err(sf, r)).ok(),
                _ => None,
            }
        }
    }
}

fn parse_internal(kind: PeeringType, input: &PeeringInput) -> Parsed {
    let mut errors = Vec::new();
    let peer_asn = PeerAsn::parse(&input.peer_asn)
        .map_err(|r| errors.push(FieldError::new(Field::PeerAsn, r)))
        .ok();
    let ipv4 = parse_pair(
        &input.primary_subnet,
        &input.secondary_subnet,
        IpFamily::V4,
        (Field::PrimarySubnet, Field::SecondarySubnet),
        &mut errors,
    );
    let ipv6 = parse_pair(
        &input.ipv6_primary,
        &input.ipv6_secondary,
        IpFamily::V6,
        (Field::Ipv6PrimarySubnet, Field::Ipv6SecondarySubnet),
        &mut errors,
    );
    let v4_session =
        !(input.primary_subnet.trim().is_empty() && input.secondary_subnet.trim().is_empty());
    let v6_session =
        !(input.ipv6_primary.trim().is_empty() && input.ipv6_secondary.trim().is_empty());
    if !v4_session && !v6_session {
        errors.push(FieldError::new(
            Field::PrimarySubnet,
            Refusal::PeeringSubnetsMissing,
        ));
    }
    let vlan = VlanId::parse(&input.vlan_id)
        .map_err(|r| errors.push(FieldError::new(Field::VlanId, r)))
        .ok();
    let shared_key = if input.shared_key.is_empty() {
        None
    } else {
        SharedKey::parse(&input.shared_key)
            .map_err(|r| errors.push(FieldError::new(Field::SharedKey, r)))
            .ok()
    };
    // Advertised prefixes: each a CIDR with no host bits, listed once. [PS-PREFIX]
    let mut prefixes: Vec<IpNet> = Vec::new();
    for token in split_list(&input.advertised_public_prefixes) {
        match parse_net(token).and_then(|n| check_host_bits(token, n).map(|()| n)) {
            Ok(n) if prefixes.contains(&n) => errors.push(FieldError::new(
                Field::AdvertisedPublicPrefixes,
                Refusal::DuplicatePrefix {
                    prefix: n.to_string(),
                },
            )),
            Ok(n) => prefixes.push(n),
            Err(r) => errors.push(FieldError::new(Field::AdvertisedPublicPrefixes, r)),
        }
    }
    let prefixes_given = !input.advertised_public_prefixes.trim().is_empty();
    let customer_asn_given = !input.customer_asn.trim().is_empty();
    let customer_asn = if customer_asn_given && kind == PeeringType::MicrosoftPeering {
        CustomerAsn::parse(&input.customer_asn)
            .map_err(|r| errors.push(FieldError::new(Field::CustomerAsn, r)))
            .ok()
    } else {
        None
    };
    // "NONE" is what Azure reports when no registry is set. [CLI-ROUTING]
    let registry_text = input.routing_registry_name.trim();
    let registry_given = !registry_text.is_empty() && !registry_text.eq_ignore_ascii_case("NONE");
    let registry = if registry_given && kind == PeeringType::MicrosoftPeering {
        RegistryName::parse(registry_text)
            .map_err(|r| errors.push(FieldError::new(Field::RoutingRegistryName, r)))
            .ok()
    } else {
        None
    };
    let mut planned = Vec::new();
    for token in split_list(&input.planned_vnet_address_spaces) {
        match parse_net(token) {
            Ok(n) => planned.push(n.trunc()),
            Err(r) => errors.push(FieldError::new(Field::VnetAddressSpace, r)),
        }
    }

    let mut subnets = Vec::new();
    if let Some(p) = &ipv4 {
        subnets.push((Field::PrimarySubnet, p.primary().net()));
        subnets.push((Field::SecondarySubnet, p.secondary().net()));
    }
    if let Some(p) = &ipv6 {
        subnets.push((Field::Ipv6PrimarySubnet, p.primary().net()));
        subnets.push((Field::Ipv6SecondarySubnet, p.secondary().net()));
    }
    let (kind_errors, warnings) = kind_rules(&KindCheck {
        kind,
        peer_asn,
        customer_asn,
        v4_session,
        v6_session,
        subnets: &subnets,
        prefixes: &prefixes,
        prefixes_given,
        registry_given,
        customer_asn_given,
    });
    errors.extend(kind_errors);

    let microsoft = (kind == PeeringType::MicrosoftPeering).then(|| MicrosoftConfig {
        advertised_public_prefixes: prefixes.clone(),
        customer_asn,
        routing_registry_name: registry,
    });
    let config = match (peer_asn, vlan) {
        (Some(peer_asn), Some(vlan_id)) if errors.is_empty() => Some(PeeringConfig {
            peer_asn,
            ipv4,
            ipv6,
            vlan_id,
            shared_key,
            microsoft,
        }),
        _ => None,
    };
    Parsed {
        config,
        errors,
        warnings,
        subnets,
        vlan,
        planned,
    }
}

struct KindCheck<'a> {
    kind: PeeringType,
    peer_asn: Option<PeerAsn>,
    customer_asn: Option<CustomerAsn>,
    v4_session: bool,
    v6_session: bool,
    subnets: &'a [(Field, IpNet)],
    prefixes: &'a [IpNet],
    prefixes_given: bool,
    registry_given: bool,
    customer_asn_given: bool,
}

fn kind_rules(k: &KindCheck<'_>) -> (Vec<FieldError>, Vec<Warning>) {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut err = |field, refusal| errors.push(FieldError { field, refusal });
    match k.kind {
        // [ROUTING]: Azure public peering is not available for new configuration.
        PeeringType::AzurePublicPeering => err(Field::PeeringType, Refusal::RetiredPeeringType),
        PeeringType::AzurePrivatePeering => {
            if k.prefixes_given {
                err(
                    Field::AdvertisedPublicPrefixes,
                    Refusal::MicrosoftFieldsOnPrivatePeering,
                );
            }
            if k.customer_asn_given {
                err(Field::CustomerAsn, Refusal::MicrosoftFieldsOnPrivatePeering);
            }
            if k.registry_given {
                err(
                    Field::RoutingRegistryName,
                    Refusal::MicrosoftFieldsOnPrivatePeering,
                );
            }
        }
        PeeringType::MicrosoftPeering => {
            // SC-31 [ISSUE-CLI1175] [TF-PEERING]
            if !k.prefixes_given {
                err(
                    Field::AdvertisedPublicPrefixes,
                    Refusal::MicrosoftPeeringConfigMissing,
                );
            }
            // The routing registry name is optional: the API defaults it to NONE, and
            // Microsoft's own CLI example creates Microsoft peering without it. [CLI-ROUTING]
            // [SPEC-2024-05]
            // [PEERINGS]: "If you use customer ASN, you can set public ASN only."
            if let Some(asn) = k.customer_asn.filter(|a| is_private_asn(a.get())) {
                err(
                    Field::CustomerAsn,
                    Refusal::CustomerAsnNotPublic { asn: asn.get() },
                );
            }
            // SC-24 [WF] [ROUTING]: public IPs only.
            for (field, net) in k.subnets {
                if !is_public(net) {
                    err(
                        *field,
                        Refusal::PrivateAddressOnMicrosoftPeering {
                            given: net.to_string(),
                        },
                    );
                }
            }
            for net in k.prefixes {
                if !is_public(net) {
                    err(
                        Field::AdvertisedPublicPrefixes,
                        Refusal::PrivateAddressOnMicrosoftPeering {
                            given: net.to_string(),
                        },
                    );
                }
            }
            // [PS-ROUTING]: IPv4 sessions need IPv4 prefixes, IPv6 sessions IPv6 ones.
            for (family, session) in [(IpFamily::V4, k.v4_session), (IpFamily::V6, k.v6_session)] {
                let of_family: Vec<&IpNet> = k
                    .prefixes
                    .iter()
                    .filter(|n| IpFamily::of(n) == family)
                    .collect();
                if !session {
                    if let Some(first) = of_family.first() {
                        err(
                            Field::AdvertisedPublicPrefixes,
                            Refusal::PrefixWithoutSession {
                                prefix: first.to_string(),
                                family: family.as_str(),
                            },
                        );
                    }
                } else if k.prefixes_given && of_family.is_empty() {
                    err(
                        Field::AdvertisedPublicPrefixes,
                        Refusal::SessionWithoutPrefixes {
                            family: family.as_str(),
                        },
                    );
                }
                // [LIMITS]: 200 prefixes per Microsoft peering session (SC-37).
                let limit = MICROSOFT_PEERING_ROUTE_LIMIT;
                if of_family.len() > limit as usize {
                    err(
                        Field::AdvertisedPublicPrefixes,
                        Refusal::TooManyPrefixes {
                            count: of_family.len(),
                            limit,
                        },
                    );
                }
            }
            // [ROUTING]: documentation ASNs not allowed in the path.
            if let Some(asn) = k.peer_asn.filter(|a| DOCUMENTATION_ASNS.contains(&a.get())) {
                err(Field::PeerAsn, Refusal::DocumentationAsn { asn: asn.get() });
            }
            if let Some(asn) = k
                .customer_asn
                .filter(|a| DOCUMENTATION_ASNS.contains(&a.get()))
            {
                err(
                    Field::CustomerAsn,
                    Refusal::DocumentationAsn { asn: asn.get() },
                );
            }
            // SC-32 [ROUTING]: private ASN accepted with a warning.
            if let Some(asn) = k.peer_asn.filter(|a| a.is_private()) {
                warnings.push(Warning::PrivateAsnOnMicrosoftPeering { asn: asn.get() });
            }
            warnings.push(Warning::AsymmetricRouting); // [WF]
            warnings.push(Warning::RouteFilterRequired); // [PS-ROUTING] [FAQ]
        }
    }
    (errors, warnings)
}

/// Rules against the rest of the circuit: VLAN unique in the circuit
/// [PORTAL-ROUTING] [PS-ROUTING]; subnets unique per peering [ROUTING]; no
/// overlap with linked or planned VNet address spaces (SC-23) [PS-ROUTING].
pub(crate) fn circuit_rules(
    c: &Circuit,
    kind: PeeringType,
    subnets: &[(Field, IpNet)],
    vlan: Option<VlanId>,
    planned: &[IpNet],
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for other in c.peerings.iter().filter(|p| p.peering_type != kind) {
        if Some(other.config.vlan_id) == vlan {
            errors.push(FieldError::new(
                Field::VlanId,
                Refusal::VlanInUse {
                    vlan: other.config.vlan_id.get(),
                    by: other.peering_type,
                },
            ));
        }
        for (field, net) in subnets {
            if other.config.subnets().iter().any(|(_, o)| overlaps(o, net)) {
                errors.push(FieldError::new(
                    *field,
                    Refusal::SubnetUsedByOtherPeering {
                        subnet: net.to_string(),
                        other: other.peering_type,
                    },
                ));
            }
        }
    }
    let linked = c.vnet_links.iter().flat_map(|l| {
        l.address_spaces
            .iter()
            .map(move |s| (l.vnet_name.as_str(), s))
    });
    let planned = planned.iter().map(|s| ("planned VNet", s));
    for (vnet, space) in linked.chain(planned) {
        for (field, net) in subnets {
            if overlaps(space, net) {
                errors.push(FieldError::new(
                    *field,
                    Refusal::OverlapsVnet {
                        subnet: net.to_string(),
                        vnet_space: space.to_string(),
                        vnet: vnet.to_string(),
                    },
                ));
            }
        }
    }
    errors
}
