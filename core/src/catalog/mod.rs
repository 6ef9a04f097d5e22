//! Microsoft's table of ExpressRoute peering locations, the Azure regions by geopolitical region and
//! the ExpressRoute Direct port sizes, compiled in from `core/data/locations/*.json` ([LOCATIONS],
//! [ERDIRECT-ABOUT]). `data.rs` is generated from those files by `core/tests/catalog.rs`
//! (`ER_UPDATE_CATALOG=1 cargo test -p er-core --test catalog`), which otherwise fails when the
//! table and the JSON differ: updating the data is one file and one test run.
//!
//! The catalog decides what a circuit can reach: a Standard circuit reaches the Azure regions of
//! its *peering location's* geopolitical region (the resource's own region plays no part), a Local
//! circuit only the one or two regions local to its peering location, Premium every region.

// Generated with one row per line; rustfmt would re-wrap it and break the comparison.
#[rustfmt::skip]
mod data;

pub use data::{AZURE_REGIONS, CATALOG_READ, DIRECT_PORTS, PEERING_LOCATIONS};

/// The cloud a peering location belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cloud {
    /// Global commercial Azure.
    Commercial,
    /// US Government cloud.
    UsGovernment,
    /// Azure in China (21Vianet).
    China,
}

/// One peering location as Microsoft's locations page lists it. [LOCATIONS] [METRO]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeeringLocation {
    /// The name exactly as the docs spell it ("Silicon Valley", "Amsterdam Metro").
    pub name: &'static str,
    /// Which cloud's table lists it (names repeat across clouds).
    pub cloud: Cloud,
    /// Geopolitical region as the docs name it ("North America", "Australia Government").
    pub geopolitical_region: &'static str,
    /// Pricing zone 1–4 (national clouds have none).
    pub zone: Option<u8>,
    /// The Azure regions an ExpressRoute Local circuit here reaches (none: Local not offered).
    pub local_azure_regions: &'static [&'static str],
    /// Whether ExpressRoute Direct ports are offered here.
    pub express_route_direct: bool,
    /// An ExpressRoute Metro location (one circuit over two sites of a metro).
    pub metro: bool,
    /// For a Metro location, its sites' peering locations.
    pub metro_peering_locations: &'static [&'static str],
    /// Whether Global Reach is offered here: `None` when the docs do not say. [GLOBAL-REACH]
    pub global_reach: Option<bool>,
    /// Connectivity providers listed here, in the docs' order.
    pub providers: &'static [&'static str],
}

/// Names compared as Azure compares them in practice: case, spaces and punctuation ignored
/// ("West US 2" = "westus2", "AT&T NetBond" = "AT&T Netbond").
pub fn name_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn same(a: &str, b: &str) -> bool {
    let mut x = a
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    let mut y = b
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (p, q) if p == q => {}
            _ => return false,
        }
    }
}

/// The peering location of that name in the commercial cloud's table first (names repeat in the
/// national clouds' tables), then in the others.
pub fn peering_location(name: &str) -> Option<&'static PeeringLocation> {
    let name = name.trim();
    PEERING_LOCATIONS
        .iter()
        .filter(|l| same(l.name, name))
        .min_by_key(|l| l.cloud != Cloud::Commercial)
}

/// Whether `provider` is listed at `location`.
pub fn offers(location: &PeeringLocation, provider: &str) -> bool {
    location.providers.iter().any(|p| same(p, provider))
}

/// Every provider name the catalog lists (each spelling once, in first-seen order).
pub fn providers() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for l in PEERING_LOCATIONS {
        for p in l.providers {
            if !out.iter().any(|q| same(q, p)) {
                out.push(p);
            }
        }
    }
    out
}

/// The peering locations where `provider` is listed (every location when it is empty).
pub fn locations_of(provider: &str) -> Vec<&'static PeeringLocation> {
    let provider = provider.trim();
    PEERING_LOCATIONS
        .iter()
        .filter(|l| provider.is_empty() || offers(l, provider))
        .collect()
}

/// The providers listed at `location` (every provider when it is empty or unknown).
pub fn providers_at(location: &str) -> Vec<&'static str> {
    match peering_location(location) {
        Some(l) if !location.trim().is_empty() => l.providers.to_vec(),
        _ => providers(),
    }
}

/// The geopolitical region of an Azure region, by display name ("West Europe") or programmatic
/// name ("westeurope"). From the geopolitical-region table; a region that table does not list but
/// that is the local region of a peering location takes that location's geopolitical region
/// ([LOCATIONS]: the table is older than the location tables, so newer regions such as Spain
/// Central are only in the latter; [inferred]). The table spells India's regions "India West";
/// the Local column "West India": both are accepted.
pub fn region_geopolitical(region: &str) -> Option<&'static str> {
    let region = region.trim();
    if region.is_empty() {
        return None;
    }
    let india = |r: &str| {
        // "West India" ↔ "India West"
        let k = name_key(r);
        k.strip_prefix("india")
            .map(|rest| format!("{rest}india"))
            .unwrap_or(k)
    };
    let key = india(region);
    AZURE_REGIONS
        .iter()
        .find(|(r, _, _)| india(r) == key)
        .map(|(_, g, _)| *g)
        .or_else(|| {
            PEERING_LOCATIONS
                .iter()
                .find(|l| l.local_azure_regions.iter().any(|r| india(r) == key))
                .map(|l| l.geopolitical_region)
        })
}

/// Whether `region` is a national-cloud region (US Government, China).
pub fn is_national_cloud_region(region: &str) -> bool {
    let key = name_key(region);
    AZURE_REGIONS
        .iter()
        .any(|(r, _, national)| *national && name_key(r) == key)
}

/// Every Azure region the catalog knows, for suggestions (the geopolitical table's regions, then
/// local regions it does not list).
pub fn azure_regions() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = AZURE_REGIONS.iter().map(|(r, _, _)| *r).collect();
    for l in PEERING_LOCATIONS {
        for r in l.local_azure_regions {
            if region_geopolitical(r).is_some() && !out.iter().any(|q| same(q, r)) {
                out.push(r);
            }
        }
    }
    out
}

/// The circuit bandwidths (Gbps) an ExpressRoute Direct port of `port_gbps` carries: 10 Gbps →
/// 1, 2, 5, 10; 100 Gbps → 5, 10, 40, 100; 400 Gbps → 5, 10, 40, 100, 200, 400. [ERDIRECT-ABOUT]
pub fn direct_circuit_bandwidths(port_gbps: u32) -> Option<&'static [u32]> {
    DIRECT_PORTS
        .iter()
        .find(|(p, _)| *p == port_gbps)
        .map(|(_, b)| *b)
}

/// The port sizes (Gbps) of ExpressRoute Direct. [ERDIRECT-ABOUT]
pub fn direct_port_sizes() -> Vec<u32> {
    DIRECT_PORTS.iter().map(|(p, _)| *p).collect()
}

/// The Azure regions a circuit at `location` reaches on `tier`, as Microsoft states it:
/// `Reach::AnyRegion` for Premium; Standard the regions of the location's geopolitical region;
/// Local only the location's local regions. [FAQ] [LOCATIONS]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// Premium: every region (across geopolitical regions).
    AnyRegion,
    /// Standard: the regions of one geopolitical region.
    Geopolitical(&'static str),
    /// Local: only these regions.
    LocalRegions(&'static [&'static str]),
}
