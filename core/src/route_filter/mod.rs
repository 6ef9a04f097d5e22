//! Route filters for Microsoft peering: the resource (`Microsoft.Network/routeFilters`), its one
//! rule, and the BGP communities it selects from.
//!
//! Microsoft peering configured on or after 1 August 2017 receives no prefixes until a route
//! filter is attached to it; the filter is "essentially an allowed list of all the BGP community
//! values", with one rule of type Allow ([ROUTE-FILTER] [ROUTE-FILTER-CLI]). The filter is a
//! resource of its own (name, resource group, region) that may serve several circuits; this
//! model keeps it with the circuit that uses it ([`crate::Circuit::route_filter`]) and records
//! on the Microsoft peering which filter is attached ([`crate::Peering::route_filter`]).
//!
//! The community table (`data.rs`) is Microsoft's BGP community table of the routing page
//! ([ROUTING]), generated from `core/data/locations/bgp-communities.json` by
//! `core/tests/communities.rs`.

// Generated with one row per line; rustfmt would re-wrap it and break the comparison.
#[rustfmt::skip]
mod data;

use serde::{Deserialize, Serialize};

use crate::circuit::Circuit;
use crate::enums::{PeeringType, SkuTier};
use crate::form::{check_resource_group, check_resource_name, Field, FieldError};
use crate::refusal::Refusal;

pub use data::{
    COMMUNITIES_READ, KNOWN, MICROSOFT_365, NATIONAL, PRIVATE_PEERING, REGIONS, SERVICES,
};

/// A service community of Microsoft peering. [ROUTING]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceCommunity {
    /// The service as the routing page names it ("Exchange Online").
    pub service: &'static str,
    /// Its BGP community value ("12076:5010").
    pub community: &'static str,
    /// A Microsoft 365 service, marked "(2) Authorization required from Microsoft" on the routing
    /// page: it needs Microsoft's authorization [ROUTE-FILTER] and the Premium add-on [FAQ].
    pub microsoft_365: bool,
    /// The page's footnotes for the service, when it has any.
    pub note: Option<&'static str>,
}

/// The regional communities of one Azure region. [ROUTING]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionalCommunities {
    /// The Azure region ("East US").
    pub region: &'static str,
    /// The page's group row ("North America", "Asia Pacific").
    pub geography: &'static str,
    /// "Regional BGP community (Microsoft peering)": the region's Azure services.
    pub microsoft_peering: &'static str,
    /// "Regional BGP community (private peering)": tags VNet routes on private peering only.
    pub private_peering: &'static str,
    /// "Storage BGP community".
    pub storage: &'static str,
    /// "SQL BGP community".
    pub sql: &'static str,
    /// "Azure Cosmos DB BGP community".
    pub cosmos_db: &'static str,
    /// "Backup BGP community".
    pub backup: &'static str,
}

/// A community of a national cloud (US Government, China). [ROUTING]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NationalCommunity {
    /// The region or service.
    pub name: &'static str,
    /// "US Government" or "China".
    pub cloud: &'static str,
    /// The community value.
    pub community: &'static str,
    /// A regional community (else a service community).
    pub region: bool,
}

/// One community a route filter can select, with what it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Community {
    /// The value ("12076:5010").
    pub value: &'static str,
    /// What it selects, in words ("Exchange Online", "Azure Storage in East US").
    pub name: String,
    /// The group the picker shows it in ("Services", "North America", "US Government cloud").
    pub group: String,
    /// A Microsoft 365 service (authorization from Microsoft and Premium needed).
    pub microsoft_365: bool,
    /// The routing page's footnote, when there is one.
    pub note: Option<&'static str>,
    /// In the global commercial cloud (national clouds' communities are listed apart).
    pub commercial: bool,
}

/// The group name of the service communities.
pub const SERVICES_GROUP: &str = "Services";

fn service(s: &ServiceCommunity) -> Community {
    Community {
        value: s.community,
        name: s.service.to_string(),
        group: SERVICES_GROUP.to_string(),
        microsoft_365: s.microsoft_365,
        note: s.note,
        commercial: true,
    }
}

fn regional(r: &RegionalCommunities) -> [Community; 5] {
    let c = |value: &'static str, name: String| Community {
        value,
        name,
        group: r.geography.to_string(),
        microsoft_365: false,
        note: None,
        commercial: true,
    };
    [
        c(r.microsoft_peering, format!("Azure {}", r.region)),
        c(r.storage, format!("Azure Storage in {}", r.region)),
        c(r.sql, format!("Azure SQL in {}", r.region)),
        c(r.cosmos_db, format!("Azure Cosmos DB in {}", r.region)),
        c(r.backup, format!("Azure Backup in {}", r.region)),
    ]
}

/// Every community of the commercial cloud a route filter selects on Microsoft peering, in the
/// routing page's order: the services, then each region's Microsoft peering, Storage, SQL, Azure
/// Cosmos DB and Backup communities, grouped by the page's group rows. [ROUTING]
pub fn offered_communities() -> Vec<Community> {
    SERVICES
        .iter()
        .map(service)
        .chain(REGIONS.iter().flat_map(regional))
        .collect()
}

/// The community of that value, commercial or national cloud; `None` when the routing page does
/// not list it for Microsoft peering (a private peering community is not one). [ROUTING]
pub fn community(value: &str) -> Option<Community> {
    let value = value.trim();
    if let Some(s) = SERVICES.iter().find(|s| s.community == value) {
        return Some(service(s));
    }
    if let Some(c) = REGIONS.iter().flat_map(regional).find(|c| c.value == value) {
        return Some(c);
    }
    NATIONAL
        .iter()
        .find(|n| n.community == value)
        .map(|n| Community {
            value: n.community,
            name: if n.region {
                format!("Azure {}", n.name)
            } else {
                n.name.to_string()
            },
            group: format!("{} cloud", n.cloud),
            microsoft_365: false,
            note: None,
            commercial: false,
        })
}

/// `routeFilterRuleType`: the only value the API has. [SPEC-ROUTE-FILTER]
pub const RULE_TYPE: &str = "Community";
/// `access` of the rule: a route filter's one rule must be of type Allow. [ROUTE-FILTER]
pub const RULE_ACCESS: &str = "Allow";

/// The route filter's one rule: Allow, on BGP communities. [ROUTE-FILTER] [SPEC-ROUTE-FILTER]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RouteFilterRule {
    /// The rule's name.
    pub name: String,
    /// `communities`: the BGP community values it allows ("12076:5010"), in the order given.
    pub communities: Vec<String>,
}

/// A route filter (`Microsoft.Network/routeFilters`): a resource of its own, in a resource group
/// and a region, with at most one rule. [ROUTE-FILTER] [SPEC-ROUTE-FILTER]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RouteFilter {
    /// Resource name.
    pub name: String,
    /// Resource group.
    pub resource_group: String,
    /// Region (`location`, required by the API).
    pub region: String,
    /// The one rule; `None` for a filter created without one (it allows nothing).
    pub rule: Option<RouteFilterRule>,
}

impl RouteFilter {
    /// The communities the filter allows (none without a rule).
    pub fn communities(&self) -> &[String] {
        self.rule.as_ref().map_or(&[][..], |r| &r.communities[..])
    }

    /// The Microsoft 365 services it selects, by name. [ROUTING]
    pub fn microsoft_365_services(&self) -> Vec<String> {
        // The compact list, not the whole table: this runs in the state machine. [ROUTING]
        self.communities()
            .iter()
            .filter_map(|v| MICROSOFT_365.iter().find(|(c, _)| *c == v.trim()))
            .map(|(_, name)| (*name).to_string())
            .collect()
    }
}

/// The route filter form as typed (portal labels: Name, Resource group, Region; the rule's name
/// and the services picked).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RouteFilterInput {
    /// Name.
    pub name: String,
    /// Resource group.
    pub resource_group: String,
    /// Region.
    pub region: String,
    /// The rule's name.
    pub rule_name: String,
    /// The community values picked.
    pub communities: Vec<String>,
}

/// Why a route filter is refused: reason (`Display`), [`RouteFilterRefusal::remedy`] and
/// [`RouteFilterRefusal::source_key`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RouteFilterRefusal {
    /// A value that is not in Microsoft's community table for Microsoft peering. [ROUTING]
    #[error("{value} is not a BGP community of Microsoft peering{}.", private_hint(.value))]
    CommunityUnknown {
        /// The value given.
        value: String,
    },
    /// The rule selects nothing. [ROUTE-FILTER]
    #[error("The rule selects no service: a route filter with no community allows no prefix, so Microsoft peering would still receive nothing.")]
    NoCommunities,
    /// The same value twice.
    #[error("{value} is selected twice.")]
    DuplicateCommunity {
        /// The value.
        value: String,
    },
    /// Microsoft 365 services on a circuit without Premium. [FAQ]
    #[error("{} need{} the ExpressRoute Premium add-on, and this circuit is {tier}: \"Microsoft 365 services require premium add-on to be enabled.\"", list(.services), if .services.len() == 1 { "s" } else { "" })]
    NeedsPremium {
        /// The Microsoft 365 services selected.
        services: Vec<String>,
        /// The circuit's tier.
        tier: SkuTier,
    },
    /// Microsoft 365 services without Microsoft's authorization: attaching fails. [ROUTE-FILTER]
    #[error("{} need{} Microsoft's authorization to use Microsoft 365 through ExpressRoute: \"To attach route filters with Microsoft 365 services, you must have authorization to consume Microsoft 365 services through ExpressRoute. If you aren't authorized to consume Microsoft 365 services through ExpressRoute, the operation to attach route filters fails.\"", list(.services), if .services.len() == 1 { "s" } else { "" })]
    NeedsMicrosoft365Authorization {
        /// The Microsoft 365 services selected.
        services: Vec<String>,
    },
    /// Attaching needs a Microsoft peering. [ROUTE-FILTER] [TF-PEERING]
    #[error("This circuit has no Microsoft peering: a route filter is attached to a circuit's Microsoft peering.")]
    NoMicrosoftPeering,
    /// Nothing to attach. [ROUTE-FILTER]
    #[error("There is no route filter to attach: create one first.")]
    NoRouteFilter,
    /// The circuit already keeps a filter. [ROUTE-FILTER]
    #[error("This circuit already uses route filter '{name}'.")]
    RouteFilterExists {
        /// The filter kept.
        name: String,
    },
    /// Microsoft peering already has this filter.
    #[error("Route filter '{name}' is already attached to Microsoft peering.")]
    AlreadyAttached {
        /// The filter.
        name: String,
    },
    /// Nothing attached to detach.
    #[error("No route filter is attached to Microsoft peering.")]
    NotAttached,
    /// A filter is deleted only when attached to no circuit. [ROUTE-FILTER]
    #[error("Route filter '{name}' is still attached to this circuit's Microsoft peering: \"You can only delete a route filter if it isn't attached to any circuit.\"")]
    StillAttached {
        /// The filter.
        name: String,
    },
}

fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// For a private peering community, says so: it tags VNet routes, not Microsoft peering's.
fn private_hint(value: &str) -> String {
    if number(value).is_some_and(|n| PRIVATE_PEERING.binary_search(&n).is_ok()) {
        format!(" ({value} is a regional private peering community: it tags your virtual networks' routes on private peering, which a route filter does not select)")
    } else {
        String::new()
    }
}

/// The number after `12076:` (Microsoft's ASN) of a community value.
fn number(value: &str) -> Option<u32> {
    value.trim().strip_prefix("12076:")?.parse().ok()
}

/// Whether the value is a Microsoft peering community of Microsoft's table, by the compact list
/// (the state machine runs on every page; the full table stays with the wizard). [ROUTING]
pub fn is_known(value: &str) -> bool {
    number(value).is_some_and(|n| KNOWN.binary_search(&n).is_ok())
}

impl RouteFilterRefusal {
    /// What to do next, in plain words.
    pub fn remedy(&self) -> String {
        match self {
            Self::CommunityUnknown { .. } => "Pick services by name from Microsoft's list (the routing page's BGP community table; Get-AzBgpServiceCommunity or az network route-filter rule list-service-communities lists the latest values).".into(),
            Self::NoCommunities => "Pick at least one service the peering should receive.".into(),
            Self::DuplicateCommunity { .. } => "Select each service once.".into(),
            Self::NeedsPremium { .. } => "Enable the Premium add-on on the circuit (change the SKU tier to Premium), or leave the Microsoft 365 services out of the rule.".into(),
            Self::NeedsMicrosoft365Authorization { .. } => "Get authorized by Microsoft 365 to use ExpressRoute first (see \"Azure ExpressRoute for Microsoft 365\"), then confirm it here, or leave the Microsoft 365 services out of the rule.".into(),
            Self::NoMicrosoftPeering => "Add Microsoft peering to the circuit first, then attach the route filter.".into(),
            Self::NoRouteFilter => "Create a route filter with a rule that allows the services you need.".into(),
            Self::RouteFilterExists { .. } => "Attach that filter, or remove it (detach it first) before creating another.".into(),
            Self::AlreadyAttached { .. } => "Nothing to do: the peering receives the filter's services. To change them, change the filter's rule.".into(),
            Self::NotAttached => "Nothing to detach.".into(),
            Self::StillAttached { .. } => "Detach the filter from Microsoft peering first (the peering then receives no prefixes), then delete it.".into(),
        }
    }

    /// The source key(s) of the rule, listed in `docs/sources.md`.
    pub fn source_key(&self) -> &'static str {
        match self {
            Self::CommunityUnknown { .. } => "[ROUTING]",
            Self::NoCommunities => "[ROUTE-FILTER] [SPEC-ROUTE-FILTER]",
            Self::DuplicateCommunity { .. } => "[SPEC-ROUTE-FILTER] [inferred]",
            Self::NeedsPremium { .. } => "[FAQ] [ROUTING]",
            Self::NeedsMicrosoft365Authorization { .. } => "[ROUTE-FILTER] [ROUTING]",
            Self::NoMicrosoftPeering => "[ROUTE-FILTER] [ROUTE-FILTER-CLI] [TF-PEERING]",
            Self::NoRouteFilter | Self::RouteFilterExists { .. } => "[ROUTE-FILTER]",
            Self::AlreadyAttached { .. } | Self::NotAttached => "[ROUTE-FILTER] [ROUTE-FILTER-CLI]",
            Self::StillAttached { .. } => "[ROUTE-FILTER] [ROUTE-FILTER-CLI]",
        }
    }
}

crate::refusal::refusal_detail!(RouteFilterRefusal);

impl RouteFilterRefusal {
    /// The field of the route filter form it concerns, if one ([`Refusal::field`]).
    pub fn field(&self) -> Option<Field> {
        match self {
            Self::CommunityUnknown { .. }
            | Self::NoCommunities
            | Self::DuplicateCommunity { .. }
            | Self::NeedsPremium { .. } => Some(Field::RouteFilterCommunities),
            Self::NeedsMicrosoft365Authorization { .. }
            | Self::NoMicrosoftPeering
            | Self::NoRouteFilter
            | Self::RouteFilterExists { .. }
            | Self::AlreadyAttached { .. }
            | Self::NotAttached
            | Self::StillAttached { .. } => None,
        }
    }
}

impl From<RouteFilterRefusal> for Refusal {
    fn from(r: RouteFilterRefusal) -> Self {
        Refusal::RouteFilter(crate::refusal::Detail::new(r))
    }
}

/// Checks the communities of a rule: each in Microsoft's table, none twice, at least one.
pub fn check_communities(values: &[String]) -> Result<(), RouteFilterRefusal> {
    if values.is_empty() {
        return Err(RouteFilterRefusal::NoCommunities);
    }
    for (i, v) in values.iter().enumerate() {
        if !is_known(v) {
            return Err(RouteFilterRefusal::CommunityUnknown {
                value: v.trim().to_string(),
            });
        }
        if values[..i].iter().any(|w| w.trim() == v.trim()) {
            return Err(RouteFilterRefusal::DuplicateCommunity {
                value: v.trim().to_string(),
            });
        }
    }
    Ok(())
}

/// The circuit's side of a filter: Microsoft 365 services need the Premium add-on. [FAQ]
pub fn check_for_circuit(c: &Circuit, filter: &RouteFilter) -> Result<(), RouteFilterRefusal> {
    let services = filter.microsoft_365_services();
    if !services.is_empty() && c.sku.tier != SkuTier::Premium {
        return Err(RouteFilterRefusal::NeedsPremium {
            services,
            tier: c.sku.tier,
        });
    }
    Ok(())
}

/// Parses the route filter form for circuit `c`: every field error at once. Names follow the
/// resource naming rules; the region is required by the API; the rule's communities must be in
/// Microsoft's table, and Microsoft 365 services need a Premium circuit.
pub fn validate_route_filter(
    c: &Circuit,
    input: &RouteFilterInput,
) -> Result<RouteFilter, Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = input.name.trim();
    if let Err(r) = check_resource_name(name) {
        errors.push(FieldError::new(Field::RouteFilterName, r));
    }
    let rg = input.resource_group.trim();
    if let Err(r) = check_resource_group(rg) {
        errors.push(FieldError::new(Field::RouteFilterResourceGroup, r));
    }
    let region = input.region.trim();
    if region.is_empty() {
        errors.push(FieldError::new(
            Field::RouteFilterRegion,
            Refusal::Required { what: "Region" },
        ));
    }
    let rule_name = input.rule_name.trim();
    if let Err(r) = check_resource_name(rule_name) {
        let r = match r {
            Refusal::Required { .. } => Refusal::Required { what: "Rule name" },
            other => other,
        };
        errors.push(FieldError::new(Field::RouteFilterRuleName, r));
    }
    let communities: Vec<String> = input
        .communities
        .iter()
        .map(|v| v.trim().to_string())
        .collect();
    let filter = RouteFilter {
        name: name.to_string(),
        resource_group: rg.to_string(),
        region: region.to_string(),
        rule: Some(RouteFilterRule {
            name: rule_name.to_string(),
            communities,
        }),
    };
    if let Err(r) =
        check_communities(filter.communities()).and_then(|()| check_for_circuit(c, &filter))
    {
        errors.push(FieldError::new(Field::RouteFilterCommunities, r.into()));
    }
    if errors.is_empty() {
        Ok(filter)
    } else {
        Err(errors)
    }
}

/// The name of a filter reference: the last segment of a resource id, or the name itself.
pub fn reference_name(reference: &str) -> &str {
    reference
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(reference)
}

/// What the circuit's Microsoft peering receives from Microsoft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Receives {
    /// No Microsoft peering.
    NoMicrosoftPeering,
    /// No route filter attached: no prefixes. [ROUTE-FILTER]
    Nothing,
    /// A filter is attached whose rule is not known here (imported by reference).
    UnknownFilter {
        /// The filter's name.
        name: String,
    },
    /// The attached filter's communities (unknown values are kept as given).
    Services {
        /// The filter's name.
        name: String,
        /// What each allowed community selects (`None`: not in Microsoft's table).
        communities: Vec<(String, Option<Community>)>,
    },
}

/// What the circuit's Microsoft peering receives, from its attached route filter. [ROUTE-FILTER]
pub fn receives(c: &Circuit) -> Receives {
    let Some(p) = c.peering(PeeringType::MicrosoftPeering) else {
        return Receives::NoMicrosoftPeering;
    };
    let Some(reference) = p.route_filter.as_deref() else {
        return Receives::Nothing;
    };
    let name = reference_name(reference).to_string();
    match c
        .route_filter
        .as_ref()
        .filter(|f| f.name.eq_ignore_ascii_case(&name))
    {
        Some(f) => Receives::Services {
            name,
            communities: f
                .communities()
                .iter()
                .map(|v| (v.clone(), community(v)))
                .collect(),
        },
        None => Receives::UnknownFilter { name },
    }
}

// ---- the circuit actions (called by `crate::apply` and `crate::precondition`) -------------

use crate::action::Transition;
use crate::enums::AdvertisedPublicPrefixesState;

fn attached_name(c: &Circuit) -> Option<String> {
    c.peering(PeeringType::MicrosoftPeering)
        .and_then(|p| p.route_filter.as_deref())
        .map(|r| reference_name(r).to_string())
}

/// The values, as the notes of the state machine give them (the names are the wizard's: the
/// table stays out of the state machine).
fn described(values: &[String]) -> String {
    list(values)
}

/// Whether a route filter can be created for this circuit now. [ROUTE-FILTER]
pub fn can_create(c: &Circuit) -> Result<(), Refusal> {
    match &c.route_filter {
        Some(f) => Err(RouteFilterRefusal::RouteFilterExists {
            name: f.name.clone(),
        }
        .into()),
        None => Ok(()),
    }
}

/// Creates the route filter (checked again here, as `apply` is given a value). [ROUTE-FILTER]
pub fn create(c: &Circuit, filter: &RouteFilter) -> Result<Transition, Refusal> {
    can_create(c)?;
    check_resource_name(&filter.name)?;
    check_resource_group(&filter.resource_group)?;
    if filter.region.trim().is_empty() {
        return Err(Refusal::Required { what: "Region" });
    }
    if let Some(rule) = &filter.rule {
        check_resource_name(&rule.name)?;
        check_communities(&rule.communities)?;
    }
    check_for_circuit(c, filter)?;
    let mut next = c.clone();
    next.route_filter = Some(filter.clone());
    let allows = if filter.communities().is_empty() {
        "with no rule yet: it allows nothing".to_string()
    } else {
        format!("allowing {}", described(filter.communities()))
    };
    Ok(Transition {
        circuit: next,
        warnings: Vec::new(),
        notes: vec![format!(
            "Route filter '{}' created in {} ({}), {allows}. Attach it to Microsoft peering: until then the peering receives no prefixes.",
            filter.name, filter.resource_group, filter.region
        )],
    })
}

/// Whether the circuit's route filter can be attached now (before the authorization answer).
pub fn can_attach(c: &Circuit) -> Result<(), Refusal> {
    if c.peering(PeeringType::MicrosoftPeering).is_none() {
        return Err(RouteFilterRefusal::NoMicrosoftPeering.into());
    }
    let filter = c
        .route_filter
        .as_ref()
        .ok_or(RouteFilterRefusal::NoRouteFilter)?;
    if let Some(name) = attached_name(c) {
        return Err(RouteFilterRefusal::AlreadyAttached { name }.into());
    }
    check_for_circuit(c, filter)?;
    Ok(())
}

/// Attaches the circuit's route filter to Microsoft peering. [ROUTE-FILTER]
pub fn attach(c: &Circuit, microsoft_365_authorized: bool) -> Result<Transition, Refusal> {
    can_attach(c)?;
    let Some(filter) = c.route_filter.clone() else {
        return Err(RouteFilterRefusal::NoRouteFilter.into());
    };
    let services = filter.microsoft_365_services();
    if !services.is_empty() && !microsoft_365_authorized {
        return Err(RouteFilterRefusal::NeedsMicrosoft365Authorization { services }.into());
    }
    let mut next = c.clone();
    let mut notes = Vec::new();
    if let Some(p) = next
        .peerings
        .iter_mut()
        .find(|p| p.peering_type == PeeringType::MicrosoftPeering)
    {
        p.route_filter = Some(filter.name.clone());
        notes.push(if filter.communities().is_empty() {
            format!("Route filter '{}' is attached, but it has no rule: Microsoft peering still receives no prefixes until the filter allows some services.", filter.name)
        } else {
            format!(
                "Route filter '{}' is attached to Microsoft peering: Microsoft advertises the prefixes carrying {} to your network.",
                filter.name,
                described(filter.communities())
            )
        });
        if p.advertised_public_prefixes_state != AdvertisedPublicPrefixesState::Configured {
            notes.push(format!(
                "The BGP sessions come up once your advertised public prefixes are validated (now {}).",
                p.advertised_public_prefixes_state
            ));
        }
    }
    Ok(Transition {
        circuit: next,
        warnings: Vec::new(),
        notes,
    })
}

/// Whether a route filter is attached to detach. [ROUTE-FILTER]
pub fn can_detach(c: &Circuit) -> Result<(), Refusal> {
    attached_name(c)
        .map(|_| ())
        .ok_or_else(|| RouteFilterRefusal::NotAttached.into())
}

/// Detaches the route filter: "no prefixes are advertised through the BGP session". [ROUTE-FILTER]
pub fn detach(c: &Circuit) -> Result<Transition, Refusal> {
    can_detach(c)?;
    let mut next = c.clone();
    let mut name = String::new();
    if let Some(p) = next
        .peerings
        .iter_mut()
        .find(|p| p.peering_type == PeeringType::MicrosoftPeering)
    {
        name = p
            .route_filter
            .take()
            .map(|r| reference_name(&r).to_string())
            .unwrap_or_default();
    }
    Ok(Transition {
        circuit: next,
        warnings: Vec::new(),
        notes: vec![format!(
            "Route filter '{name}' is detached: no prefixes are advertised through Microsoft peering's BGP sessions until a route filter is attached again."
        )],
    })
}

/// Whether the route filter can be deleted: only when attached to no circuit. [ROUTE-FILTER]
pub fn can_remove(c: &Circuit) -> Result<(), Refusal> {
    let filter = c
        .route_filter
        .as_ref()
        .ok_or(RouteFilterRefusal::NoRouteFilter)?;
    if attached_name(c).is_some_and(|n| n.eq_ignore_ascii_case(&filter.name)) {
        return Err(RouteFilterRefusal::StillAttached {
            name: filter.name.clone(),
        }
        .into());
    }
    Ok(())
}

/// Deletes the route filter resource. [ROUTE-FILTER]
pub fn remove(c: &Circuit) -> Result<Transition, Refusal> {
    can_remove(c)?;
    let mut next = c.clone();
    let name = next.route_filter.take().map(|f| f.name).unwrap_or_default();
    Ok(Transition {
        circuit: next,
        warnings: Vec::new(),
        notes: vec![format!("Route filter '{name}' is deleted.")],
    })
}

/// The blocking item alone, without reading the community table (for [`crate::next_step`], which
/// the first page shows): `Some` while Microsoft peering has no route filter. [ROUTE-FILTER]
pub fn blocking_item(c: &Circuit) -> Option<crate::explain::StateInfo> {
    let p = c.peering(PeeringType::MicrosoftPeering)?;
    if p.route_filter.is_some() {
        return None;
    }
    Some(nothing_info(c))
}

fn nothing_info(c: &Circuit) -> crate::explain::StateInfo {
    let steps = |s: &[&str]| s.iter().map(|x| (*x).to_string()).collect();
    crate::explain::StateInfo {
        title: NO_ROUTE_FILTER_TITLE.into(),
        meaning: match &c.route_filter {
            None => "Microsoft peering configured on or after 1 August 2017 receives no prefixes until a route filter is attached to it: the BGP sessions come up, but Microsoft advertises no route to your network. A route filter is an allowed list of BGP community values, one per service or Azure region.".into(),
            Some(f) => format!("Route filter '{}' exists but is not attached to Microsoft peering, so Microsoft advertises no route to your network.", f.name),
        },
        next_steps: match &c.route_filter {
            None => steps(&["Create a route filter with one Allow rule that lists the services you want (their BGP community values).", "Attach it to Microsoft peering."]),
            Some(_) => steps(&["Attach the route filter to Microsoft peering."]),
        },
        source: "[ROUTE-FILTER] [ROUTE-FILTER-CLI] [FAQ]",
    }
}

/// The blocking item of a Microsoft peering with no route filter.
pub const NO_ROUTE_FILTER_TITLE: &str = "Receives no Microsoft prefixes yet: attach a route filter";

/// What the circuit's Microsoft peering receives, explained: blocking while no route filter is
/// attached ("No routes are advertised to your network. To enable route advertisements to your
/// network, you must associate a route filter."). `None` without Microsoft peering.
/// [ROUTE-FILTER]
pub fn explain_receives(c: &Circuit) -> Option<crate::explain::StateInfo> {
    use crate::explain::StateInfo;
    let steps = |s: &[&str]| s.iter().map(|x| (*x).to_string()).collect();
    Some(match receives(c) {
        Receives::NoMicrosoftPeering => return None,
        Receives::Nothing => nothing_info(c),
        Receives::UnknownFilter { name } => StateInfo {
            title: format!("Receives the services of route filter {name}"),
            meaning: format!("Route filter '{name}' is attached to Microsoft peering; its rule is not known here, so which services it receives is not known either."),
            next_steps: steps(&["Paste the filter (Get-AzRouteFilter, or az network route-filter show) into Import to see its rule."]),
            source: "[ROUTE-FILTER] [SPEC-2024-05]",
        },
        Receives::Services { name, communities } => {
            let names: Vec<String> = communities
                .iter()
                .map(|(v, c)| match c {
                    Some(c) => format!("{} ({v})", c.name),
                    None => format!("{v} (not in Microsoft's table)"),
                })
                .collect();
            StateInfo {
                title: if names.is_empty() {
                    format!("Route filter {name} allows nothing yet")
                } else {
                    format!("Receives {}", list(&names))
                },
                meaning: format!("Route filter '{name}' is attached to Microsoft peering: Microsoft advertises to your network the prefixes that carry the communities its rule allows, over the BGP sessions once they are up."),
                next_steps: Vec::new(),
                source: "[ROUTE-FILTER] [ROUTING]",
            }
        }
    })
}
