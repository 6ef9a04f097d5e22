//! Numbers from the limits pages: bandwidths, link limits, authorizations,
//! route limits, reserved ASNs and the region → geopolitical area map.

use crate::circuit::{Circuit, Port};
use crate::enums::SkuTier;

/// A bandwidth as the portal writes it: "200 Mbps", "1 Gbps", "1500 Mbps" (whole Gbps only).
pub fn bandwidth_text(mbps: u32) -> String {
    if mbps >= 1000 && mbps.is_multiple_of(1000) {
        format!("{} Gbps", mbps / 1000)
    } else {
        format!("{mbps} Mbps")
    }
}

/// Bandwidths (Mbps) offered for provider circuits. [FAQ-SPEEDS] [CLI-CIRCUIT]
///
/// A real provider offers a subset per peering location (`bandwidthsOffered`);
/// the wizard has no provider catalogue, so it offers the full list. [PS-CIRCUIT]
pub const PROVIDER_BANDWIDTHS_MBPS: &[u32] = &[50, 100, 200, 500, 1000, 2000, 5000, 10000];

/// Every circuit bandwidth (Gbps) some ExpressRoute Direct port size carries: 1, 2, 5, 10 on a
/// 10 Gbps port; 5, 10, 40, 100 on 100 Gbps; up to 200 and 400 on 400 Gbps. [ERDIRECT-ABOUT]
/// A circuit whose port size is known is held to that port's list
/// ([`crate::catalog::direct_circuit_bandwidths`]).
pub const DIRECT_BANDWIDTHS_GBPS: &[u32] = &[1, 2, 5, 10, 40, 100, 200, 400];

/// At most this many authorizations per circuit. [PS-DOC-ADD-AUTH]
pub const MAX_AUTHORIZATIONS: usize = 10;

/// A new VNet connection is refused when the VNet advertises more address
/// spaces than this. [PS-LINK]
pub const MAX_VNET_ADDRESS_SPACES_AT_LINK: usize = 200;

/// Microsoft's ASN, used on every peering (`azureASN`). [ROUTING] [EX-PEERING-GET]
pub const AZURE_ASN: u32 = 12076;

/// ASNs reserved by Microsoft for internal use; refused as peer ASN. [ROUTING] [PORTAL-ROUTING]
pub const RESERVED_INTERNAL_ASNS: std::ops::RangeInclusive<u32> = 65515..=65520;

/// Azure's public ASNs 8074, 8075, 12076; refusing them as a peer ASN is
/// **[inferred]** from [RESERVED-ASN] (SC-18).
pub const AZURE_PUBLIC_ASNS: &[u32] = &[8074, 8075, 12076];

/// IANA documentation ASNs, not allowed in the AS path on Microsoft peering. [ROUTING]
pub const DOCUMENTATION_ASNS: std::ops::RangeInclusive<u32> = 64496..=64511;

/// Largest customer ASN: the API field `customerASN` is an int32. [SPEC-2024-05] [PS-DOC-ADD-PEERING]
pub const MAX_CUSTOMER_ASN: u32 = i32::MAX as u32;

/// Prefixes that can be advertised on one Microsoft peering BGP session. [LIMITS]
pub const MICROSOFT_PEERING_ROUTE_LIMIT: u32 = 200;

/// Whether `links` linked VNets block a Premium → Standard downgrade whose link limit is
/// `limit`: the downgrade fails unless linked VNets are "less than 10", the Standard
/// limit. [PS-CIRCUIT] [CLI-CIRCUIT]
pub fn too_many_links_to_downgrade(links: usize, limit: u32) -> bool {
    links >= limit as usize
}

/// VNet links a circuit allows: Local/Standard 10 at every bandwidth; Premium by
/// bandwidth (20 at 50 Mbps up to 100 at 10 Gbps and above). Global Reach
/// connections count against this limit. [LIMITS]
///
/// A bandwidth that is not a row of the table uses the largest row not above it
/// (below 50 Mbps: the 50 Mbps row).
pub fn link_limit(tier: SkuTier, bandwidth_mbps: u32) -> u32 {
    match tier {
        // [LIMITS]: Local has Standard's resource limits [FAQ]; Basic is not in the table
        // and is treated like Standard ([inferred]).
        SkuTier::Local | SkuTier::Standard | SkuTier::Basic => 10,
        SkuTier::Premium => {
            const PREMIUM: &[(u32, u32)] = &[
                (50, 20),
                (100, 25),
                (200, 25),
                (500, 40),
                (1000, 50),
                (2000, 60),
                (5000, 75),
                (10000, 100),
                (40000, 100),
                (100000, 100),
            ];
            PREMIUM
                .iter()
                .rev()
                .find(|(bw, _)| *bw <= bandwidth_mbps)
                .map_or(20, |(_, limit)| *limit)
        }
    }
}

/// Whether a tier links only VNets in the circuit's own geopolitical region: Standard and Local
/// do ([PS-LINK] [CLI-LINK]), Basic is treated like Standard ([inferred]), Premium links any.
pub fn links_only_in_own_geopolitical_region(tier: SkuTier) -> bool {
    match tier {
        SkuTier::Premium => false,
        SkuTier::Standard | SkuTier::Local | SkuTier::Basic => true,
    }
}

/// Route limits of one circuit tier. [ROUTING] [LIMITS]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteLimits {
    /// IPv4 routes the customer may advertise on private peering.
    pub private_ipv4: u32,
    /// IPv6 routes the customer may advertise on private peering.
    pub private_ipv6: u32,
    /// Routes per BGP session on Microsoft peering (IPv4 and IPv6 alike).
    pub microsoft_per_session: u32,
    /// IPv4 routes advertised from a VNet to its ExpressRoute gateway (every tier).
    pub vnet_to_gateway_ipv4: u32,
    /// IPv6 routes advertised from a VNet to its ExpressRoute gateway (every tier).
    pub vnet_to_gateway_ipv6: u32,
}

/// Route limits for a tier: private IPv4 4,000 (Premium 10,000), private IPv6 100,
/// Microsoft peering 200 per session; from a VNet to the gateway 1,000 IPv4 / 100 IPv6.
/// Exceeding a limit drops the BGP session. [ROUTING] [LIMITS]
pub fn route_limits(tier: SkuTier) -> RouteLimits {
    RouteLimits {
        private_ipv4: match tier {
            SkuTier::Premium => 10_000,
            SkuTier::Local | SkuTier::Standard | SkuTier::Basic => 4_000,
        },
        private_ipv6: 100,
        microsoft_per_session: MICROSOFT_PEERING_ROUTE_LIMIT,
        vnet_to_gateway_ipv4: 1_000,
        vnet_to_gateway_ipv6: 100,
    }
}

/// The geopolitical region of an Azure region ("West Europe" or "westeurope"), from Microsoft's
/// ExpressRoute locations page; `None` when unknown. [LOCATIONS] See [`crate::catalog`].
pub fn geopolitical_area(region: &str) -> Option<&'static str> {
    crate::catalog::region_geopolitical(region)
}

/// The BGP community values Microsoft tags Microsoft peering routes with, per service: what a
/// route filter selects. Microsoft does not honor communities sent to it. [ROUTING]
pub const SERVICE_COMMUNITIES: &[(&str, &str)] = &[
    ("Exchange Online", "12076:5010"),
    ("SharePoint Online", "12076:5020"),
    ("Skype for Business", "12076:5030"),
    ("CRM Online", "12076:5040"),
    ("Azure Global Services", "12076:5050"),
    ("Azure Active Directory", "12076:5060"),
    ("Azure Resource Manager", "12076:5070"),
    ("Other Office 365", "12076:5100"),
    ("Defender for Identity", "12076:5220"),
    ("PSTN", "12076:5250"),
];

/// Circuits per subscription (a default that Azure support can raise). [LIMITS]
pub const MAX_CIRCUITS_PER_SUBSCRIPTION: usize = 50;

/// Circuits per region per subscription (Azure Resource Manager). [LIMITS]
pub const MAX_CIRCUITS_PER_REGION_PER_SUBSCRIPTION: usize = 10;

/// Circuits in the same peering location that can link to one VNet. [LIMITS]
pub const MAX_CIRCUITS_PER_PEERING_LOCATION_PER_VNET: usize = 4;

/// The limits that span circuits, checked over every circuit kept in the wizard: circuits per
/// subscription, per region and subscription, and circuits in one peering location linked to one
/// VNet. [LIMITS] A circuit without a subscription ID is left out of the subscription counts; a
/// VNet is told apart by its name and region ([inferred]: the wizard does not know its
/// subscription). Each warning says what is over and what to do.
pub fn limits_across_circuits(circuits: &[&Circuit]) -> Vec<String> {
    // (key, the words before and after the count, count), in order of first appearance. A few
    // dozen circuits at most, so a linear search keeps this small in the page.
    type Tally = Vec<(String, (String, String), usize)>;
    fn add(tally: &mut Tally, key: String, before: String, after: String) {
        match tally.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, n)) => *n += 1,
            None => tally.push((key, (before, after), 1)),
        }
    }
    let key = |s: &str| s.trim().to_ascii_lowercase();
    let (mut per_sub, mut per_region, mut per_vnet) = (Tally::new(), Tally::new(), Tally::new());
    for c in circuits {
        let sub = c.subscription_id.trim();
        if !sub.is_empty() {
            let has = format!("Subscription {sub} has ");
            add(&mut per_sub, key(sub), has.clone(), " circuits here".into());
            let region = format!(" circuits in region {}", c.region.trim());
            add(
                &mut per_region,
                format!("{}\n{}", key(sub), key(&c.region)),
                has,
                region,
            );
        }
        let Port::Provider {
            peering_location, ..
        } = &c.port
        else {
            continue;
        };
        // One count per circuit, however many of its links reach the VNet.
        let mut seen: Vec<String> = Vec::new();
        for l in &c.vnet_links {
            let vnet = [&l.vnet_name, &l.vnet_region, peering_location]
                .map(|s| key(s))
                .join("\n");
            if !seen.contains(&vnet) {
                seen.push(vnet.clone());
                let before = format!("VNet {} is linked to ", l.vnet_name.trim());
                let after = format!(" circuits in peering location {}", peering_location.trim());
                add(&mut per_vnet, vnet, before, after);
            }
        }
    }
    let limits = [
        (per_sub, MAX_CIRCUITS_PER_SUBSCRIPTION, format!("; a subscription holds {MAX_CIRCUITS_PER_SUBSCRIPTION} by default. Ask Azure support to raise the limit before you create more, or use another subscription.")),
        (per_region, MAX_CIRCUITS_PER_REGION_PER_SUBSCRIPTION, format!("; a subscription holds at most {MAX_CIRCUITS_PER_REGION_PER_SUBSCRIPTION} circuits per region. Put the others in another region or subscription.")),
        (per_vnet, MAX_CIRCUITS_PER_PEERING_LOCATION_PER_VNET, format!("; at most {MAX_CIRCUITS_PER_PEERING_LOCATION_PER_VNET} circuits in the same peering location can link to one VNet. Unlink it from the extra circuits, or link circuits in other peering locations.")),
    ];
    let mut out = Vec::new();
    for (tally, limit, rule) in limits {
        for (_, (before, after), n) in tally {
            if n > limit {
                out.push(format!("{before}{n}{after}{rule}"));
            }
        }
    }
    out
}
