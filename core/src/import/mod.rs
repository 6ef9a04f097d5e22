//! Import a real circuit from what people have, diagnose it, and export one
//! circuit back in Azure's shape.
//!
//! Accepted input (detected from the text):
//! - JSON: `az network express-route show` (camelCase, flattened properties),
//!   `az network express-route list` (an array), a REST GET body (`properties`
//!   object), a REST list body (`{"value": [...]}`), the REST spec example
//!   wrapper (`responses."200".body`), PowerShell `Get-AzExpressRouteCircuit |
//!   ConvertTo-Json` (PascalCase), and this wizard's [`export_azure_json`].
//! - PowerShell's default list output (`Name : Value` lines with JSON blocks for
//!   `Sku`, `ServiceProviderProperties`, `Peerings`…), indented or not.
//!
//! A peering or an authorization on its own (e.g. the spec examples
//! `ExpressRouteCircuitPeeringGet.json`, `ExpressRouteCircuitAuthorizationGet.json`)
//! is read alone ([`ImportedResource::Peering`], [`ImportedResource::Authorization`]):
//! the circuit it belongs to is named from its resource ID, and none of that
//! circuit's states is presented, because the paste does not contain them.
//!
//! A resource that is not a circuit is recognised by its `type` (or, for
//! PowerShell's list output, by its resource ID and fields): an ExpressRoute Direct
//! port (`Get-AzExpressRoutePort`, `az network express-route port show`, the REST
//! body) is read as a port with its links ([`ImportedResource::DirectPort`]); a route
//! filter (`Get-AzRouteFilter`, `az network route-filter show`, the REST body) is read
//! with its rules and the circuits it is attached to ([`ImportedResource::RouteFilter`]);
//! connections, gateways and other resources are named, with what to paste instead
//! ([`ImportedResource::Other`]).
//!
//! Keys are matched case-insensitively; unknown fields are ignored; unknown
//! enum values are kept in [`Imported::unknown_values`] and reported in the
//! warnings and the diagnosis; redacted (`*****`, `####`, `&&&&`, `123##`, `xxxx`,
//! `<...>`, `{...}`, "REDACTED") and malformed values are shown as unknown with
//! one warning each, and the rest still imports. A peering whose peer ASN or
//! VLAN ID cannot be read is kept ([`Imported::peerings`]) with those values
//! unknown; it is left out of the circuit model only, which cannot hold an
//! unknown value. Invalid text gives an [`ImportError`] with line and column, and
//! nothing is imported.

mod diagnose;
mod export;
#[cfg(any(test, fuzzing, feature = "fuzz"))]
pub mod fuzz;
mod json;
mod port;
mod powershell;
mod read;

use std::fmt;

use ipnet::IpNet;

use crate::circuit::{Authorization, Circuit, PrefixInfo};
use crate::enums::{AdvertisedPublicPrefixesState, PeeringState, PeeringType, ProvisioningState};

pub use diagnose::{diagnose, Diagnosis};
pub use export::{export_azure_json, export_azure_value, EXTENSION_KEY};
pub use port::{DirectPort, PortLink};

/// Where the imported text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportFormat {
    /// `az network express-route show` / `list` JSON (flattened properties).
    AzureCli,
    /// A REST API body (`properties` object), GET or list.
    RestApi,
    /// A REST spec example file (`responses."200".body`).
    RestExample,
    /// PowerShell `ConvertTo-Json` output (PascalCase keys).
    PowerShellJson,
    /// PowerShell's default list output (`Name : Value` lines).
    PowerShellList,
    /// This wizard's own export ([`export_azure_json`]).
    WizardExport,
}

impl ImportFormat {
    /// A short label for the UI.
    pub const fn label(self) -> &'static str {
        match self {
            Self::AzureCli => "Azure CLI JSON",
            Self::RestApi => "REST API JSON",
            Self::RestExample => "REST API example",
            Self::PowerShellJson => "PowerShell JSON",
            Self::PowerShellList => "PowerShell output",
            Self::WizardExport => "Wizard export",
        }
    }
}

/// What the input described.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportedKind {
    /// A whole circuit.
    Circuit,
    /// Only a peering, read alone.
    PeeringOnly,
    /// Only an authorization, read alone.
    AuthorizationOnly,
    /// An ExpressRoute Direct port (`Microsoft.Network/expressRoutePorts`).
    DirectPort,
    /// A route filter (`Microsoft.Network/routeFilters`) with its rule.
    RouteFilter,
    /// Another resource (a connection, a gateway…): named, not read.
    Other,
}

/// The circuit a peering or an authorization belongs to, as far as its resource
/// ID tells; `None` where the ID does not say (or says it redacted).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParentCircuit {
    /// The circuit's name.
    pub name: Option<String>,
    /// Its resource group.
    pub resource_group: Option<String>,
    /// Its subscription.
    pub subscription_id: Option<String>,
}

/// A resource that the wizard does not model, named by its `type`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherResource {
    /// The `type` as given (e.g. `Microsoft.Network/connections`), or from the resource ID.
    pub resource_type: String,
    /// Its name, when the paste has one.
    pub name: Option<String>,
    /// What it is, in plain words ("a connection between a virtual network gateway and a circuit").
    pub what: String,
    /// What to paste instead to see a circuit here.
    pub paste_instead: String,
}

/// What was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportedResource {
    /// A whole circuit at its real state. Peerings that could not be read whole are
    /// not in it; every peering read is in [`Imported::peerings`].
    Circuit(Circuit),
    /// A peering alone (in [`Imported::peerings`]).
    Peering {
        /// The circuit it belongs to, from its resource ID.
        parent: ParentCircuit,
    },
    /// An authorization alone.
    Authorization {
        /// The circuit it belongs to, from its resource ID.
        parent: ParentCircuit,
        /// The authorization.
        authorization: Authorization,
    },
    /// An ExpressRoute Direct port.
    DirectPort(DirectPort),
    /// A route filter, with its rule and the peerings it is attached to.
    RouteFilter(ImportedRouteFilter),
    /// A resource the wizard does not model.
    Other(OtherResource),
}

/// A route filter as the paste gives it (`Get-AzRouteFilter`, its `ConvertTo-Json`,
/// `az network route-filter show`, a REST body). Values are `None` where the paste does not
/// have them. [SPEC-ROUTE-FILTER] [ROUTE-FILTER]
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportedRouteFilter {
    /// Its name.
    pub name: Option<String>,
    /// Its resource group.
    pub resource_group: Option<String>,
    /// Its region (`location`).
    pub region: Option<String>,
    /// `provisioningState` of the filter resource.
    pub provisioning_state: Option<ProvisioningState>,
    /// `rules` (Microsoft documents one, of type Allow).
    pub rules: Vec<ImportedRouteFilterRule>,
    /// `peerings` and `ipv6Peerings`: the circuits whose Microsoft peering it is attached to,
    /// by name (from the peerings' IDs).
    pub circuits: Vec<String>,
}

/// One rule of an imported route filter. [SPEC-ROUTE-FILTER]
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportedRouteFilterRule {
    /// `name`.
    pub name: String,
    /// `access` as given (Allow or Deny).
    pub access: Option<String>,
    /// `communities`, as given.
    pub communities: Vec<String>,
}

/// A peering as the paste gives it, whole or not. [SPEC-2024-05]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedPeering {
    /// Where it is in the input (`peerings[0]`, or "" for a peering alone).
    pub path: String,
    /// `peeringType`.
    pub peering_type: PeeringType,
    /// `state`.
    pub state: PeeringState,
    /// `provisioningState`.
    pub provisioning_state: ProvisioningState,
    /// `vlanId`, when it could be read and is a VLAN ID (1–4094).
    pub vlan_id: Option<u16>,
    /// `peerASN`, when it could be read and can be used.
    pub peer_asn: Option<u32>,
    /// The IPv4 link subnets (primary, secondary), when they could be read.
    pub ipv4_subnets: Option<(String, String)>,
    /// `advertisedPublicPrefixesState` (Microsoft peering).
    pub advertised_public_prefixes_state: Option<AdvertisedPublicPrefixesState>,
    /// The advertised public prefixes that could be read (Microsoft peering).
    pub advertised_public_prefixes: Vec<IpNet>,
    /// `routingRegistryName` as given ("NONE" included).
    pub routing_registry_name: Option<String>,
    /// `customerASN`, when set (not 0).
    pub customer_asn: Option<u32>,
    /// Per-prefix validation (api-version 2024-10-01+).
    pub prefix_info: Vec<PrefixInfo>,
    /// The required values that could not be read or used: the peering is kept,
    /// these are unknown.
    pub gaps: Vec<PeeringGap>,
    /// True when the peering is in the circuit model (every required value read).
    pub in_circuit: bool,
}

/// A required value of a peering that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeeringGap {
    /// Where (as in [`ImportWarning::field`]).
    pub field: String,
    /// Which value, in words ("peer ASN", "VLAN ID").
    pub label: &'static str,
    /// The value as given; `None` when the paste does not have it.
    pub value: Option<String>,
}

/// One fact that identifies what was imported ("Provider": "Equinix"); `value` is
/// `None` when the paste does not have it or it could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// What it is.
    pub label: String,
    /// Its value, or `None` for unknown.
    pub value: Option<String>,
}

/// Something the user should know about the imported data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportWarning {
    /// Where: a JSON path (`properties.peerings[0].properties.peerASN`) or a
    /// PowerShell name (`ServiceKey`).
    pub field: String,
    /// What happened, in plain words.
    pub message: String,
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// A value the wizard could not read into its model: an enum value it does not
/// know, a redacted or a malformed value. It is shown as unknown, not dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField {
    /// Where (as in [`ImportWarning::field`]).
    pub field: String,
    /// The value as given.
    pub value: String,
    /// What the wizard uses in its place (e.g. "NotProvisioned", "left out").
    pub used_instead: String,
    /// Why it could not be read.
    pub reason: UnknownReason,
}

/// Why a value could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnknownReason {
    /// Hidden before sharing (`*****`, `####`, `<...>`).
    Redacted,
    /// Not in the form Azure uses (not a number, not a prefix, out of range…).
    Malformed,
    /// A value the wizard does not know (e.g. a new enum value).
    UnknownValue,
}

/// One imported resource with what was learnt while reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// What was read: a circuit, a peering or authorization alone, a Direct port…
    pub resource: ImportedResource,
    /// Every peering read (of a circuit, or the peering alone), whole or with gaps.
    pub peerings: Vec<ImportedPeering>,
    /// What identifies it: provider, peering location, bandwidth, SKU, region…
    pub facts: Vec<Fact>,
    /// The detected input format (the UI marks the circuit "imported").
    pub format: ImportFormat,
    /// Redacted, malformed, missing or unknown values, and assumptions made.
    pub warnings: Vec<ImportWarning>,
    /// Values shown as unknown (also in `warnings` and in the diagnosis).
    pub unknown_values: Vec<UnknownField>,
    /// What is blocking, what is fine, and the next step.
    pub diagnosis: Diagnosis,
}

impl Imported {
    /// Which kind of resource this is.
    pub fn kind(&self) -> ImportedKind {
        match &self.resource {
            ImportedResource::Circuit(_) => ImportedKind::Circuit,
            ImportedResource::Peering { .. } => ImportedKind::PeeringOnly,
            ImportedResource::Authorization { .. } => ImportedKind::AuthorizationOnly,
            ImportedResource::DirectPort(_) => ImportedKind::DirectPort,
            ImportedResource::RouteFilter(_) => ImportedKind::RouteFilter,
            ImportedResource::Other(_) => ImportedKind::Other,
        }
    }

    /// The circuit, when a whole circuit was imported (the only thing that can be saved).
    pub fn circuit(&self) -> Option<&Circuit> {
        match &self.resource {
            ImportedResource::Circuit(c) => Some(c),
            ImportedResource::Peering { .. }
            | ImportedResource::Authorization { .. }
            | ImportedResource::DirectPort(_)
            | ImportedResource::RouteFilter(_)
            | ImportedResource::Other(_) => None,
        }
    }

    /// A name to show for it.
    pub fn title(&self) -> String {
        let or = |n: &Option<String>, what: &str| n.clone().unwrap_or_else(|| what.to_string());
        match &self.resource {
            ImportedResource::Circuit(c) => c.name.clone(),
            ImportedResource::Peering { parent } => {
                let kind = self
                    .peerings
                    .first()
                    .map_or("Peering".to_string(), |p| p.peering_type.to_string());
                format!("{kind} of {}", or(&parent.name, "an unnamed circuit"))
            }
            ImportedResource::Authorization {
                parent,
                authorization,
            } => format!(
                "Authorization {} of {}",
                authorization.name,
                or(&parent.name, "an unnamed circuit")
            ),
            ImportedResource::DirectPort(p) => or(&p.name, "ExpressRoute Direct port"),
            ImportedResource::RouteFilter(f) => {
                format!("Route filter {}", or(&f.name, "(name not in the paste)"))
            }
            ImportedResource::Other(o) => or(&o.name, &o.resource_type),
        }
    }
}

/// Why the text could not be imported. Nothing is imported when this is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What was expected there.
    pub expected: String,
    /// What is wrong.
    pub message: String,
}

impl ImportError {
    fn new(
        line: usize,
        column: usize,
        expected: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            line: line.max(1),
            column: column.max(1),
            expected: expected.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {} (expected {})",
            self.line, self.column, self.message, self.expected
        )
    }
}

impl std::error::Error for ImportError {}

/// What the input could be, for error messages.
const EXPECTED_INPUT: &str = "JSON from `az network express-route show`/`list`, the REST API or `ConvertTo-Json`, or PowerShell `Get-AzExpressRouteCircuit` output (`Name : Value` lines)";

/// Reads every circuit in the text. See the module documentation for the
/// accepted formats. Never panics; on error nothing is imported.
pub fn import(text: &str) -> Result<Vec<Imported>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some((first_line, first_col, first)) = first_non_space(text) else {
        return Err(ImportError::new(1, 1, EXPECTED_INPUT, "the text is empty"));
    };
    let found = if first == '{' || first == '[' {
        json::find(text)?
    } else {
        powershell::find(text, (first_line, first_col))?
    };
    Ok(found
        .into_iter()
        .map(|f| {
            let mut reader = read::Reader::new();
            let (resource, peerings) = reader.read(&f);
            let diagnosis = diagnose::diagnose_import(&resource, &peerings, &reader.unknowns);
            Imported {
                resource,
                peerings,
                facts: reader.facts,
                format: f.format,
                warnings: reader.warnings,
                unknown_values: reader.unknowns,
                diagnosis,
            }
        })
        .collect())
}

/// 1-based line and column of the first non-whitespace character.
fn first_non_space(text: &str) -> Option<(usize, usize, char)> {
    for (i, line) in text.lines().enumerate() {
        if let Some((col, c)) = line.chars().enumerate().find(|(_, c)| !c.is_whitespace()) {
            return Some((i + 1, col + 1, c));
        }
    }
    None
}

/// What the format finders hand to the reader.
pub(crate) struct Found {
    /// The resource (circuit, peering or authorization) as JSON.
    pub value: serde_json::Value,
    /// Its path in the input, for warnings ("" for the top level).
    pub path: String,
    /// The detected format.
    pub format: ImportFormat,
    /// What the resource is.
    pub kind: ImportedKind,
}
