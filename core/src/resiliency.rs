//! Resiliency by design: the Azure portal's resiliency choice at creation (Maximum, High,
//! Standard), the rules of a Maximum resiliency pair (two circuits at two peering locations),
//! the commands that create both circuits, and a resiliency review of saved circuits.
//!
//! Sources: Microsoft's "Design and architect ExpressRoute for resiliency" ([RESILIENCY]), the
//! portal quickstart that opens circuit creation with the choice ([PORTAL-CIRCUIT]), ExpressRoute
//! Metro ([METRO]), the portal's VNet connection with its own Maximum resiliency option
//! ([PORTAL-LINK]), and the routing requirements' redundant BGP sessions ([ROUTING]).
//!
//! What the saved data can and cannot say is stated in [`NOT_KNOWN`]: a saved peering always
//! has both links' subnets (Azure and the wizard require both), so "only one BGP session
//! configured" cannot be stored; whether a link is *up* is read from pasted outputs by
//! [`crate::verify`], never saved.

use serde::{Deserialize, Serialize};

use crate::catalog::{self, Cloud, PeeringLocation};
use crate::circuit::Circuit;
use crate::commands::{create_circuit, CommandPair};
use crate::enums::{PeeringState, PeeringType, PortType};
use crate::form::{create, CreateCircuit, Field, FieldError};
use crate::refusal::Refusal;

/// The portal's resiliency choice at creation. Spelled as Azure's SDKs spell the circuit's
/// resiliency level (`Maximum`, `High`, `Standard`). [PORTAL-CIRCUIT] [RESILIENCY]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Resiliency {
    /// Two circuits at two different peering locations (the portal's recommended choice).
    Maximum,
    /// One ExpressRoute Metro circuit over two sites of one metropolitan area.
    High,
    /// One circuit with its two links at one peering location.
    Standard,
}

/// One option of the choice, as the create page explains it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResiliencyOption {
    /// The portal's label ("Maximum Resiliency (Recommended)").
    pub label: &'static str,
    /// What it is, in the portal's words.
    pub what: &'static str,
    /// What it protects against, and what it does not.
    pub protects: &'static str,
    /// What it costs.
    pub cost: &'static str,
    /// Source keys.
    pub source: &'static str,
}

impl Resiliency {
    /// Every option, in the portal's order.
    pub const ALL: &'static [Self] = &[Self::Maximum, Self::High, Self::Standard];

    /// "Maximum", "High", "Standard".
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Maximum => "Maximum",
            Self::High => "High",
            Self::Standard => "Standard",
        }
    }

    /// The option explained: the portal's wording, what it protects against and its cost.
    /// [PORTAL-CIRCUIT] [RESILIENCY] [METRO]
    pub fn option(self) -> ResiliencyOption {
        match self {
            Self::Maximum => ResiliencyOption {
                label: "Maximum Resiliency (Recommended)",
                what: "Two ExpressRoute circuits with local redundancy in two different ExpressRoute edge locations.",
                protects: "Protects against a whole peering location going down (site, power, provider equipment there) and against the failure of one circuit: Microsoft calls it maximum protection against location wide outages, strongly recommended for all critical and production workloads.",
                cost: "Two circuits, billed separately: each is billed from its own service key until it is deleted, so the port fees are paid twice (and the provider usually bills two connections).",
                source: "[PORTAL-CIRCUIT] [RESILIENCY]",
            },
            Self::High => ResiliencyOption {
                label: "High Resiliency",
                what: "One ExpressRoute Metro circuit whose two links land at two sites in the same metropolitan area.",
                protects: "Protects against the loss of one site of the metro. It does not protect against the loss of the circuit itself or of the whole metro: one circuit, one metropolitan area.",
                cost: "Priced the same as Standard resiliency (one circuit); only Metro peering locations and the providers there offer it.",
                source: "[PORTAL-CIRCUIT] [RESILIENCY] [METRO]",
            },
            Self::Standard => ResiliencyOption {
                label: "Standard Resiliency",
                what: "One ExpressRoute circuit with local redundancy (two links, active-active) at a single ExpressRoute location.",
                protects: "Protects against the failure of one link or one Microsoft edge router. It does not protect against location wide outages: suitable for non-critical and non-production workloads.",
                cost: "One circuit.",
                source: "[PORTAL-CIRCUIT] [RESILIENCY]",
            },
        }
    }

    /// How many circuits the choice creates.
    pub const fn circuits(self) -> usize {
        match self {
            Self::Maximum => 2,
            Self::High | Self::Standard => 1,
        }
    }
}

impl std::fmt::Display for Resiliency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Resiliency {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Self::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or(())
    }
}

// ---------------------------------------------------------------------------------------
// High resiliency: Metro locations only

/// The ExpressRoute Metro peering locations, the only ones High resiliency offers. [METRO]
pub fn metro_locations() -> Vec<&'static PeeringLocation> {
    catalog::PEERING_LOCATIONS
        .iter()
        .filter(|l| l.metro)
        .collect()
}

// ---------------------------------------------------------------------------------------
// Maximum resiliency: the second circuit

/// What the second circuit of a pair takes of its own; the rest (subscription, resource group,
/// port type, bandwidth, SKU, billing model, routing model, classic operations) is the first
/// circuit's. The portal asks for the same information for the second circuit. [PORTAL-CIRCUIT]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SecondCircuit {
    /// Its name.
    pub name: String,
    /// Its region (the resource's location).
    pub region: String,
    /// Its provider (a different one is allowed).
    pub provider: String,
    /// Its peering location: must differ from the first's.
    pub peering_location: String,
    /// Its ExpressRoute Direct port (Direct pairs: a second port at the second location).
    pub express_route_port: String,
}

/// The create request of the second circuit.
pub fn second_request(first: &CreateCircuit, second: &SecondCircuit) -> CreateCircuit {
    CreateCircuit {
        name: second.name.clone(),
        region: second.region.clone(),
        provider: second.provider.clone(),
        peering_location: second.peering_location.clone(),
        express_route_port: second.express_route_port.clone(),
        ..first.clone()
    }
}

/// A name as the review compares it: ASCII letters and digits, lower-cased; any other ASCII
/// character (space, hyphen, period) left out; a non-ASCII character kept as it is. Peering
/// location and region names are ASCII, as Azure's VNet names are (letters, digits, underscores,
/// periods and hyphens). Not `catalog::name_key`, whose Unicode case tables would put about
/// 14 KB on the first page, where the review runs.
fn site_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || !c.is_ascii())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// True when a peering location is an ExpressRoute Metro location: Microsoft names them
/// "<City> Metro". [METRO]
pub fn is_metro_name(name: &str) -> bool {
    let k = site_key(name);
    k.len() > "metro".len() && k.ends_with("metro")
}

/// True when two peering locations share a site: the same location, or a Metro location and one
/// of its sites. Microsoft's naming convention says which: the two sites of "Amsterdam Metro" are
/// "Amsterdam" and "Amsterdam2" ([METRO]; `tests/resiliency.rs` checks it against the catalog).
/// Read from the names alone, so that the review on the first page carries no catalog.
pub fn same_site(a: &str, b: &str) -> bool {
    let (ka, kb) = (site_key(a), site_key(b));
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    if ka == kb {
        return true;
    }
    // A Metro location's sites: its city, and the city with a 2.
    let sites = |k: &str| -> Vec<String> {
        match k.strip_suffix("metro") {
            Some(city) if !city.is_empty() => vec![city.to_string(), format!("{city}2")],
            _ => vec![k.to_string()],
        }
    };
    let (sa, sb) = (sites(&ka), sites(&kb));
    sa.iter().any(|s| sb.contains(s))
}

/// A peering location offered for the second circuit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecondLocation {
    /// The location.
    pub location: &'static PeeringLocation,
    /// In the first location's geopolitical region (ideal: the circuits reach the same regions).
    pub same_geopolitical_region: bool,
    /// The given provider is listed there.
    pub provider_listed: bool,
}

/// Peering locations for the second circuit: in the first location's cloud, not sharing a site
/// with it, those in the same geopolitical region first, then those where `provider` is listed.
/// [PORTAL-CIRCUIT] [RESILIENCY] [LOCATIONS]
pub fn second_locations(first_location: &str, provider: &str) -> Vec<SecondLocation> {
    let first = catalog::peering_location(first_location);
    let cloud = first.map_or(Cloud::Commercial, |l| l.cloud);
    let mut out: Vec<SecondLocation> = catalog::PEERING_LOCATIONS
        .iter()
        .filter(|l| l.cloud == cloud && !same_site(l.name, first_location))
        .map(|l| SecondLocation {
            location: l,
            same_geopolitical_region: first
                .is_some_and(|f| f.geopolitical_region == l.geopolitical_region),
            provider_listed: !provider.trim().is_empty() && catalog::offers(l, provider),
        })
        .collect();
    // Stable: keeps Microsoft's order within each group.
    out.sort_by_key(|s| (!s.same_geopolitical_region, !s.provider_listed));
    out
}

/// Refusals of the choice on the first (or only) circuit: High resiliency needs a Metro
/// peering location. A location the catalog does not know is only a warning
/// ([`crate::create_warnings`]). [METRO] [PORTAL-CIRCUIT]
pub fn check_choice(choice: Resiliency, req: &CreateCircuit) -> Vec<FieldError> {
    let mut out = Vec::new();
    if choice == Resiliency::High {
        if let Some(l) = catalog::peering_location(&req.peering_location) {
            if !l.metro {
                out.push(FieldError::new(
                    Field::PeeringLocation,
                    Refusal::NotMetroLocation {
                        peering_location: l.name,
                    },
                ));
            }
        }
    }
    out
}

/// Validates the second circuit of a pair: every refusal `create` gives, and a peering location
/// that shares a site with the first's. Returns its create request.
/// [PORTAL-CIRCUIT] [RESILIENCY]
pub fn validate_second(
    first: &CreateCircuit,
    second: &SecondCircuit,
    service_key: &str,
) -> Result<CreateCircuit, Vec<FieldError>> {
    let req = second_request(first, second);
    let mut errors = create(&req, service_key).err().unwrap_or_default();
    let location = req.peering_location.trim();
    if !location.is_empty() && same_site(location, &first.peering_location) {
        errors.push(FieldError::new(
            Field::PeeringLocation,
            Refusal::PairSameSite {
                peering_location: location.to_string(),
            },
        ));
    }
    if errors.is_empty() {
        Ok(req)
    } else {
        Err(errors)
    }
}

/// What the pair's locations cannot confirm: never a refusal, always said. [RESILIENCY]
/// [LOCATIONS]
pub fn pair_warnings(first: &CreateCircuit, second: &SecondCircuit) -> Vec<String> {
    let mut out = Vec::new();
    let (a, b) = (
        catalog::peering_location(&first.peering_location),
        catalog::peering_location(&second.peering_location),
    );
    if let (Some(a), Some(b)) = (a, b) {
        if a.geopolitical_region != b.geopolitical_region {
            out.push(format!(
                "{} is in {} and {} in {}: a Standard circuit reaches only the Azure regions of its peering location's geopolitical region, so the two circuits do not reach the same regions. A second location in {} keeps them interchangeable; otherwise choose Premium.",
                a.name, a.geopolitical_region, b.name, b.geopolitical_region, a.geopolitical_region
            ));
        }
    }
    if first.port_type == PortType::Provider
        && !first.provider.trim().is_empty()
        && catalog::name_key(&first.provider) == catalog::name_key(&second.provider)
    {
        out.push(format!(
            "Both circuits use {}: the locations are diverse, the provider is not. A different provider for the second circuit also protects against an outage of the provider's network.",
            first.provider.trim()
        ));
    }
    out
}

/// The commands that create both circuits of a pair: New-AzExpressRouteCircuit (and
/// `az network express-route create`) twice, with the two peering locations.
/// [PS-CIRCUIT] [CLI-CIRCUIT] [PORTAL-CIRCUIT]
pub fn pair_commands(first: &Circuit, second: &Circuit) -> CommandPair {
    let (a, b) = (create_circuit(first), create_circuit(second));
    CommandPair {
        title: format!(
            "Create both circuits of the pair ({} and {}; each is billed from its own service key)",
            first.name, second.name
        ),
        powershell: format!("{}\n{}", a.powershell, b.powershell),
        cli: format!("{}\n{}", a.cli, b.cli),
        source: "[PS-CIRCUIT] [CLI-CIRCUIT] [PORTAL-CIRCUIT]",
    }
}

// ---------------------------------------------------------------------------------------
// The review

/// What the saved data cannot say, shown with the review.
pub const NOT_KNOWN: &str = "From what is saved the review cannot know: whether each link's BGP session is up (a saved peering always holds both links' subnets, as Azure requires; paste the route table summary of each link in Verify connectivity to know), whether a link of an ExpressRoute Direct port is disabled (its admin state is not saved), circuits and VNets that are not saved in this browser, your own and your provider's redundancy, or a VPN kept as a backup.";

/// One saved circuit as the review sees it.
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    /// Its local id.
    pub id: &'a str,
    /// The circuit.
    pub circuit: &'a Circuit,
    /// The resiliency chosen at creation (`None`: not recorded, e.g. imported).
    pub resiliency: Option<Resiliency>,
    /// The other circuit of its Maximum resiliency pair, by local id.
    pub pair: Option<&'a str>,
}

/// The rule behind a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// A VNet reaches on-premises through this circuit only.
    SinglePathVnet,
    /// Two circuits at the same peering location (or sharing a site) serve the same VNet or pair.
    NoSiteDiversity,
    /// A peering is Disabled: both its BGP sessions are shut down.
    PeeringDisabled,
    /// The partner circuit has private peering, this one has none.
    PairNoPrivatePeering,
    /// A VNet is linked to one circuit of the pair and not to the other.
    PairVnetsDiffer,
}

impl Rule {
    /// Every rule.
    pub const ALL: &'static [Self] = &[
        Self::SinglePathVnet,
        Self::NoSiteDiversity,
        Self::PeeringDisabled,
        Self::PairNoPrivatePeering,
        Self::PairVnetsDiffer,
    ];

    /// A stable name, used in dismissal keys.
    pub const fn slug(self) -> &'static str {
        match self {
            Self::SinglePathVnet => "single-path-vnet",
            Self::NoSiteDiversity => "no-site-diversity",
            Self::PeeringDisabled => "peering-disabled",
            Self::PairNoPrivatePeering => "pair-no-private-peering",
            Self::PairVnetsDiffer => "pair-vnets-differ",
        }
    }

    /// The document each finding of the rule links to first (title, address): the same as
    /// [`crate::sources::SOURCES`] lists for its key (a test checks it). Only this link is
    /// shown on "Your circuits", whose page carries no table of sources.
    pub const fn guidance(self) -> (&'static str, &'static str) {
        match self {
            Self::SinglePathVnet
            | Self::NoSiteDiversity
            | Self::PairNoPrivatePeering
            | Self::PairVnetsDiffer => (
                "Design and architect ExpressRoute for resiliency",
                "https://learn.microsoft.com/azure/expressroute/design-architecture-for-resiliency",
            ),
            Self::PeeringDisabled => (
                "Reset ExpressRoute circuit peerings using PowerShell",
                "https://learn.microsoft.com/azure/expressroute/expressroute-howto-reset-peering",
            ),
        }
    }

    /// The rule's source keys.
    pub const fn source(self) -> &'static str {
        match self {
            Self::SinglePathVnet => "[RESILIENCY] [PORTAL-LINK]",
            Self::NoSiteDiversity => "[RESILIENCY] [PORTAL-CIRCUIT]",
            Self::PeeringDisabled => "[RESET] [ROUTING] [RESILIENCY]",
            Self::PairNoPrivatePeering => "[RESILIENCY] [PORTAL-LINK]",
            Self::PairVnetsDiffer => "[RESILIENCY] [PORTAL-LINK]",
        }
    }
}

/// One finding of the review, shown on the circuit it asks to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule.
    pub rule: Rule,
    /// The circuit it is shown on (local id).
    pub circuit: String,
    /// What it is about (a VNet, a peering, the other circuit): with the rule, the dismissal key.
    pub subject: String,
    /// One line.
    pub title: String,
    /// Source keys.
    pub source: &'static str,
    /// The names [`Finding::why`] and [`Finding::what_to_do`] are written with.
    pub about: About,
}

/// What a finding is about, by name: its circuit, the other circuit (of its pair, or another one
/// linked to the same VNet), the VNet or peering, the peering location.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct About {
    /// The circuit the finding is shown on.
    pub circuit: String,
    /// The other circuit of its pair, when the finding is about the pair.
    pub pair: Option<String>,
    /// The VNet, or the peering type for a Disabled peering.
    pub subject: String,
    /// The peering location of the circuit the finding was found on.
    pub here: String,
    /// Every circuit linked to the VNet (several circuits at one site).
    pub circuits: Vec<String>,
}

impl Finding {
    /// The key a dismissal is remembered by, for this circuit: `<rule>:<subject>`.
    pub fn key(&self) -> String {
        format!("{}:{}", self.rule.slug(), self.subject)
    }

    /// Why it matters. Written here, not by [`review`], so that "Your circuits", which lists
    /// the titles only, does not carry these words.
    pub fn why(&self) -> String {
        let a = &self.about;
        let (name, subject, here) = (&a.circuit, &a.subject, &a.here);
        let other = a.pair.as_deref().unwrap_or("");
        match self.rule {
            Rule::PeeringDisabled => "A Disabled peering shuts down both of its BGP sessions, on the primary and the secondary link: nothing crosses this peering of the circuit, and the redundancy of its two links is gone. Microsoft requires a redundant pair of BGP sessions on every circuit.".into(),
            Rule::PairNoPrivatePeering => "Traffic to your VNets can fail over only to a circuit that carries private peering: until this one has it, the pair protects nothing and the other circuit's location is a single point of failure.".into(),
            Rule::NoSiteDiversity if a.pair.is_some() => "Maximum resiliency puts the two circuits at two different peering locations; at one site, an outage of that location takes both circuits down.".into(),
            Rule::NoSiteDiversity => format!("{} reach {subject} from one peering location: a second circuit there protects against a circuit's failure, not against an outage of the location.", a.circuits.join(" and ")),
            // Found on the pair's other circuit, shown on this one, which lacks the link.
            Rule::PairVnetsDiffer => format!("A pair protects only what both circuits carry: if {other} or its peering location fails, {subject} loses its path to on-premises."),
            Rule::SinglePathVnet if is_metro_name(here) => format!("{name} is an ExpressRoute Metro circuit: its two links are at two sites of {here}, which protects against the loss of one site, but the circuit and the metro remain single points of failure for {subject}."),
            Rule::SinglePathVnet => format!("Both links of {name} are at {}: an outage of that location, or of the circuit, cuts {subject} off from on-premises. Microsoft calls this least resilient and not recommended for business or mission-critical workloads.", if here.is_empty() { "one peering location" } else { here }),
        }
    }

    /// What to do (as [`Finding::why`], written on demand).
    pub fn what_to_do(&self) -> String {
        let a = &self.about;
        let (name, subject) = (&a.circuit, &a.subject);
        match self.rule {
            Rule::PeeringDisabled => format!("If it was disabled for a test or maintenance, enable it again (Set {subject} Enabled on step 4); if not, find out who disabled it."),
            Rule::PairNoPrivatePeering => format!("Configure Azure private peering on {name} (step 4), then link the same VNets to it."),
            Rule::NoSiteDiversity if a.pair.is_some() => "Move one circuit of the pair to another peering location, ideally in the same geopolitical region: create a circuit there, move the links and peerings, then delete the old one.".into(),
            Rule::NoSiteDiversity => format!("Link {subject} to a circuit at a different peering location."),
            Rule::PairVnetsDiffer => format!("Link {subject} to {name} too (step 5), so its gateway has two connections to two circuits at two locations."),
            Rule::SinglePathVnet => format!("For maximum resiliency, link {subject} to a second circuit at a different peering location (the portal's connection offers this as Maximum resiliency), or dismiss this finding if the workload is not critical."),
        }
    }
}

fn vnet_key(name: &str, region: &str) -> String {
    format!("{}/{}", site_key(name), site_key(region))
}

/// The review of saved circuits, each finding on the circuit it asks to change, in the order of
/// `members`. Deleting circuits are left out (they carry nothing any more).
pub fn review(members: &[Member<'_>]) -> Vec<Finding> {
    use crate::enums::ProvisioningState;
    let live: Vec<&Member> = members
        .iter()
        .filter(|m| m.circuit.provisioning_state != ProvisioningState::Deleting)
        .collect();
    let by_id = |id: &str| live.iter().find(|m| m.id == id).copied();
    let partner = |m: &Member| m.pair.and_then(by_id).filter(|p| p.pair == Some(m.id));
    // Which circuits link each VNet (by name and region).
    let links_of = |key: &str| -> Vec<&Member> {
        live.iter()
            .filter(|m| {
                m.circuit
                    .vnet_links
                    .iter()
                    .any(|l| vnet_key(&l.vnet_name, &l.vnet_region) == key)
            })
            .copied()
            .collect()
    };
    let mut out = Vec::new();
    for m in &live {
        let c = m.circuit;
        let here = c.peering_location().unwrap_or("");
        let other = partner(m);
        // A peering Disabled: both its sessions are down. [RESET]
        for p in &c.peerings {
            if p.state == PeeringState::Disabled {
                out.push(Finding {
                    rule: Rule::PeeringDisabled,
                    circuit: m.id.to_string(),
                    subject: p.peering_type.as_str().to_string(),
                    title: format!("{} of {} is Disabled", p.peering_type, c.name),
                    source: Rule::PeeringDisabled.source(),
                    about: About {
                        circuit: c.name.clone(),
                        subject: p.peering_type.to_string(),
                        ..About::default()
                    },
                });
            }
        }
        // The partner has private peering and this circuit has none.
        if let Some(o) = other {
            if o.circuit
                .peering(PeeringType::AzurePrivatePeering)
                .is_some()
                && c.peering(PeeringType::AzurePrivatePeering).is_none()
            {
                out.push(Finding {
                    rule: Rule::PairNoPrivatePeering,
                    circuit: m.id.to_string(),
                    subject: o.id.to_string(),
                    title: format!(
                        "{} has no private peering; {}, the other circuit of its pair, has",
                        c.name, o.circuit.name
                    ),
                    source: Rule::PairNoPrivatePeering.source(),
                    about: About {
                        circuit: c.name.clone(),
                        pair: Some(o.circuit.name.clone()),
                        ..About::default()
                    },
                });
            }
            // Same site within a pair.
            if !here.is_empty() && same_site(here, o.circuit.peering_location().unwrap_or("")) {
                out.push(Finding {
                    rule: Rule::NoSiteDiversity,
                    circuit: m.id.to_string(),
                    subject: o.id.to_string(),
                    title: format!(
                        "{} and {}, a pair, are both at {here}",
                        c.name, o.circuit.name
                    ),
                    source: Rule::NoSiteDiversity.source(),
                    about: About {
                        circuit: c.name.clone(),
                        pair: Some(o.circuit.name.clone()),
                        here: here.to_string(),
                        ..About::default()
                    },
                });
            }
        }
        for l in &c.vnet_links {
            let key = vnet_key(&l.vnet_name, &l.vnet_region);
            let circuits = links_of(&key);
            if let Some(o) = other {
                if !circuits.iter().any(|x| x.id == o.id) {
                    // The pair's other circuit should carry the same VNet: shown on the one that lacks it.
                    out.push(Finding {
                        rule: Rule::PairVnetsDiffer,
                        circuit: o.id.to_string(),
                        subject: key.clone(),
                        title: format!(
                            "{} is linked to {} but not to {}, the other circuit of its pair",
                            l.vnet_name, c.name, o.circuit.name
                        ),
                        source: Rule::PairVnetsDiffer.source(),
                        // Shown on the other circuit: its pair is the one that has the link.
                        about: About {
                            circuit: o.circuit.name.clone(),
                            pair: Some(c.name.clone()),
                            subject: l.vnet_name.clone(),
                            ..About::default()
                        },
                    });
                }
                continue;
            }
            if circuits.len() == 1 {
                out.push(Finding {
                    rule: Rule::SinglePathVnet,
                    circuit: m.id.to_string(),
                    subject: key.clone(),
                    title: format!(
                        "{} reaches on-premises through {} only",
                        l.vnet_name, c.name
                    ),
                    about: About {
                        circuit: c.name.clone(),
                        subject: l.vnet_name.clone(),
                        here: here.to_string(),
                        ..About::default()
                    },
                    source: Rule::SinglePathVnet.source(),
                });
            } else {
                // Several circuits, not a pair: do they share a site?
                let diverse = circuits
                    .iter()
                    .any(|x| !same_site(x.circuit.peering_location().unwrap_or(""), here));
                if !diverse && !here.is_empty() {
                    let names: Vec<&str> =
                        circuits.iter().map(|x| x.circuit.name.as_str()).collect();
                    out.push(Finding {
                        rule: Rule::NoSiteDiversity,
                        circuit: m.id.to_string(),
                        subject: key.clone(),
                        title: format!("Every circuit linked to {} is at {here}", l.vnet_name),
                        source: Rule::NoSiteDiversity.source(),
                        about: About {
                            circuit: c.name.clone(),
                            subject: l.vnet_name.clone(),
                            here: here.to_string(),
                            circuits: names.iter().map(|n| n.to_string()).collect(),
                            ..About::default()
                        },
                    });
                }
            }
        }
    }
    out
}

/// The review without what was dismissed: `dismissed(circuit id)` gives that circuit's keys.
pub fn open_findings<'a>(
    findings: Vec<Finding>,
    dismissed: impl Fn(&str) -> &'a [String],
) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|f| !dismissed(&f.circuit).contains(&f.key()))
        .collect()
}

/// The one-line resiliency of a circuit, for its card.
pub fn describe(m: &Member<'_>, partner_name: Option<&str>) -> String {
    let here = m
        .circuit
        .peering_location()
        .unwrap_or("its peering location");
    match (m.resiliency, partner_name) {
        (Some(Resiliency::Maximum), Some(p)) => {
            format!("Maximum resiliency: paired with {p}.")
        }
        (Some(Resiliency::Maximum), None) => {
            "Maximum resiliency was chosen, but the other circuit of the pair is not saved here."
                .into()
        }
        (Some(Resiliency::High), _) => format!("High resiliency: ExpressRoute Metro at {here}."),
        (Some(Resiliency::Standard), _) => format!("Standard resiliency: one circuit at {here}."),
        (None, _) => "Resiliency not recorded (an imported circuit, a copy of a demo, or one created before the choice was offered).".into(),
    }
}
