//! Reading one resource (any JSON shape, keys matched case-insensitively) into
//! the core's [`Circuit`], with warnings and unknown values.

use std::fmt::Display;

use ipnet::IpNet;
use serde_json::Value;

use super::export::EXTENSION_KEY;
use super::json::resource_type;
use super::{
    DirectPort, Fact, Found, ImportWarning, ImportedKind, ImportedPeering, ImportedResource,
    OtherResource, ParentCircuit, PeeringGap, PortLink, UnknownField, UnknownReason,
};
use crate::circuit::{Authorization, Circuit, Peering, Port, PrefixInfo, Sku, VnetLink};
use crate::enums::{
    AdvertisedPublicPrefixesState as Apps, AuthorizationUseStatus, CircuitProvisioningState,
    LinkAdminState, PeeringState, PeeringType, PortEncapsulation, PrefixValidationState,
    ProvisioningState, RegistryName, RoutingModel, ServiceProviderProvisioningState as Sp,
    SkuFamily, SkuTier,
};
use crate::global_reach::GlobalReachConnection;
use crate::limits::{AZURE_ASN, PROVIDER_BANDWIDTHS_MBPS};
use crate::routing::{
    CustomerAsn, IpFamily, LinkPair, LinkSubnet, MicrosoftConfig, PeerAsn, PeeringConfig,
    SharedKey, VlanId,
};

// ---------------------------------------------------------------------------------------
// Case-insensitive lookup

/// A key of an object, ignoring case: (the key as written, its value). `null` is absent.
pub(crate) fn get<'a>(v: &'a Value, key: &str) -> Option<(&'a str, &'a Value)> {
    let Value::Object(map) = v else {
        return None;
    };
    map.get_key_value(key)
        .or_else(|| map.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)))
        .filter(|(_, v)| !v.is_null())
        .map(|(k, v)| (k.as_str(), v))
}

/// A key of a resource: at the top (CLI / PowerShell shapes) or under
/// `properties` (REST shape). Returns the path relative to the resource.
pub(crate) fn get_prop<'a>(v: &'a Value, key: &str) -> Option<(String, &'a Value)> {
    if let Some((k, found)) = get(v, key) {
        return Some((k.to_string(), found));
    }
    let (p, props) = get(v, "properties")?;
    get(props, key).map(|(k, found)| (format!("{p}.{k}"), found))
}

/// A nested object: an object, or a string holding JSON (PowerShell's `*Text`
/// properties and one-line list values).
fn as_object(v: &Value) -> Option<Value> {
    match v {
        Value::Object(_) | Value::Array(_) => Some(v.clone()),
        Value::String(s) => {
            let t = s.trim();
            if t.starts_with('{') || t.starts_with('[') {
                serde_json::from_str(t).ok()
            } else {
                None
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => None,
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null | Value::Object(_) | Value::Array(_) => None,
    }
}

/// A value someone hid before sharing: `*****`, `####`, `&&&&`, a trailing `##`
/// (`123##`), `xxxx` (alone or as a part: `10.0.xxx.0/30`, `65xxx`), `<your-key>`,
/// `{subscription-id}`, "REDACTED" in any case.
pub(crate) fn is_redacted(s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() {
        return false;
    }
    let run = |mask: char| {
        t.chars()
            .fold((0usize, 0usize), |(best, cur), c| {
                let cur = if c == mask { cur + 1 } else { 0 };
                (best.max(cur), cur)
            })
            .0
    };
    let wrapped =
        |open: char, close: char| t.len() >= 2 && t.starts_with(open) && t.ends_with(close);
    // A part of the value (between punctuation) made of x's, after digits or not.
    let masked_part = t.split(|c: char| !c.is_ascii_alphanumeric()).any(|part| {
        let xs = part.trim_start_matches(|c: char| c.is_ascii_digit());
        part.len() >= 3 && xs.len() >= 2 && xs.chars().all(|c| c == 'x' || c == 'X')
    });
    run('*') >= 3
        || run('#') >= 3
        || run('&') >= 3
        || t.ends_with("##")
        || t.ends_with("**")
        || wrapped('<', '>')
        || wrapped('{', '}')
        || masked_part
        || t.to_ascii_lowercase().contains("redacted")
}

fn parse_ci<T: Copy + Display>(all: &[T], s: &str) -> Option<T> {
    let t = s.trim();
    all.iter()
        .copied()
        .find(|v| v.to_string() == t)
        .or_else(|| {
            all.iter()
                .copied()
                .find(|v| v.to_string().eq_ignore_ascii_case(t))
        })
}

fn join(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_string()
    } else if key.starts_with('[') {
        format!("{base}{key}")
    } else {
        format!("{base}.{key}")
    }
}

/// A string of the wizard's own export extension.
fn ext_str(ext: Option<&Value>, key: &str) -> Option<String> {
    ext.and_then(|e| get(e, key))
        .and_then(|(_, x)| x.as_str().map(str::to_string))
}

/// The parts of a resource ID.
#[derive(Default)]
struct ResourceId {
    subscription: Option<String>,
    resource_group: Option<String>,
    circuit: Option<String>,
    port: Option<String>,
}

fn parse_id(id: &str) -> ResourceId {
    let parts: Vec<&str> = id.split('/').collect();
    let after = |name: &str| {
        parts
            .iter()
            .position(|p| p.eq_ignore_ascii_case(name))
            .and_then(|i| parts.get(i + 1))
            .filter(|s| !s.is_empty())
            .map(|s| (*s).to_string())
    };
    ResourceId {
        subscription: after("subscriptions"),
        resource_group: after("resourceGroups"),
        circuit: after("expressRouteCircuits"),
        port: after("expressRoutePorts"),
    }
}

// ---------------------------------------------------------------------------------------
// The reader

pub(crate) struct Reader {
    pub warnings: Vec<ImportWarning>,
    pub unknowns: Vec<UnknownField>,
    /// What identifies the resource, as read (unknown where it could not be).
    pub facts: Vec<Fact>,
    /// For a lone peering / authorization: missing circuit fields are assumed
    /// quietly (one summary warning says so).
    quiet: bool,
}

impl Reader {
    pub fn new() -> Self {
        Self {
            warnings: Vec::new(),
            unknowns: Vec::new(),
            facts: Vec::new(),
            quiet: false,
        }
    }

    fn fact(&mut self, label: &str, value: Option<String>) {
        self.facts.push(Fact {
            label: label.to_string(),
            value: value.filter(|v| !v.is_empty()),
        });
    }

    fn warn(&mut self, field: &str, message: impl Into<String>) {
        self.warnings.push(ImportWarning {
            field: field.to_string(),
            message: message.into(),
        });
    }

    fn unknown(&mut self, field: &str, value: &str, used_instead: impl Into<String>) {
        let reason = if is_redacted(value) {
            UnknownReason::Redacted
        } else {
            UnknownReason::UnknownValue
        };
        self.unknown_as(field, value, used_instead, reason);
    }

    fn malformed(&mut self, field: &str, value: &str, used_instead: impl Into<String>) {
        self.unknown_as(field, value, used_instead, UnknownReason::Malformed);
    }

    fn unknown_as(
        &mut self,
        field: &str,
        value: &str,
        used_instead: impl Into<String>,
        reason: UnknownReason,
    ) {
        self.unknowns.push(UnknownField {
            field: field.to_string(),
            value: value.to_string(),
            used_instead: used_instead.into(),
            reason,
        });
    }

    fn missing(&mut self, field: &str, what: &str, used: impl Display) {
        if !self.quiet {
            self.warn(
                field,
                format!("{what} is missing; shown as {used} — check it in Azure."),
            );
        }
    }

    /// A string property; redacted values warn and read as `None`.
    fn string(&mut self, v: &Value, base: &str, key: &str) -> Option<(String, String)> {
        let (k, found) = get_prop(v, key)?;
        let path = join(base, &k);
        let s = text_of(found)?;
        if s.is_empty() {
            return None;
        }
        if is_redacted(&s) {
            self.warn(
                &path,
                format!("the value '{s}' was redacted before sharing; shown as unknown."),
            );
            self.unknown(&path, &s, "unknown (redacted)");
            return None;
        }
        Some((path, s))
    }

    fn number(&mut self, v: &Value, base: &str, key: &str) -> Option<(String, u64)> {
        let (k, found) = get_prop(v, key)?;
        let path = join(base, &k);
        let parsed = match found {
            Value::Number(n) => n.as_u64().or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f < 1e19)
                    .map(|f| f as u64)
            }),
            _ => text_of(found).and_then(|s| s.parse::<u64>().ok()),
        };
        let raw = text_of(found).unwrap_or_else(|| found.to_string());
        if raw.is_empty() {
            return None;
        }
        match parsed {
            Some(n) => Some((path, n)),
            None => {
                if is_redacted(&raw) {
                    self.warn(
                        &path,
                        format!("the value '{raw}' was redacted before sharing; shown as unknown."),
                    );
                    self.unknown(&path, &raw, "unknown (redacted)");
                } else {
                    self.warn(
                        &path,
                        format!("'{raw}' is not a whole number; shown as unknown."),
                    );
                    self.malformed(&path, &raw, "unknown (malformed)");
                }
                None
            }
        }
    }

    /// An Azure enum value; unknown values are recorded and `default` is used.
    fn enumeration<T: Copy + Display>(
        &mut self,
        v: &Value,
        base: &str,
        key: &str,
        all: &[T],
        default: T,
        what: &str,
    ) -> T {
        match self.string(v, base, key) {
            Some((path, s)) => match parse_ci(all, &s) {
                Some(x) => x,
                None => {
                    self.warn(&path, format!("'{s}' is not a {what} value the wizard knows; shown as unknown (the wizard treats it as {default})."));
                    self.unknown(&path, &s, default.to_string());
                    default
                }
            },
            None => {
                if get_prop(v, key).is_none() {
                    self.missing(&join(base, key), what, default);
                }
                default
            }
        }
    }

    /// The resource's ARM `provisioningState` (Succeeded where it is missing or unknown).
    fn provisioning_state(&mut self, v: &Value, base: &str) -> ProvisioningState {
        self.enumeration(
            v,
            base,
            "provisioningState",
            ProvisioningState::ALL,
            ProvisioningState::Succeeded,
            "provisioning state",
        )
    }

    fn boolean(&mut self, v: &Value, base: &str, key: &str) -> bool {
        match get_prop(v, key) {
            Some((_, Value::Bool(b))) => *b,
            Some((k, found)) => match text_of(found).map(|s| s.to_ascii_lowercase()).as_deref() {
                Some("true") => true,
                Some("false") | Some("") | None => false,
                Some(other) => {
                    let path = join(base, &k);
                    self.warn(
                        &path,
                        format!("'{other}' is not true or false; shown as false."),
                    );
                    false
                }
            },
            None => false,
        }
    }

    /// Reads the resource found in the input.
    pub fn read(&mut self, f: &Found) -> (ImportedResource, Vec<ImportedPeering>) {
        let base = f.path.as_str();
        let v = &f.value;
        // The wizard's own export is complete by construction: an empty value
        // there is the circuit's real value, not a gap to warn about.
        self.quiet = f.format == super::ImportFormat::WizardExport;
        match f.kind {
            ImportedKind::Circuit => {
                let (c, peerings) = self.circuit(v, base, Sp::NotProvisioned);
                (ImportedResource::Circuit(c), peerings)
            }
            ImportedKind::PeeringOnly => {
                self.quiet = true;
                let parent = self.parent(v, base);
                let peerings: Vec<ImportedPeering> =
                    self.peering(v, base).map(|(p, _)| p).into_iter().collect();
                if let Some(p) = peerings.first() {
                    self.fact("Peering", Some(p.peering_type.to_string()));
                }
                self.fact("Circuit", parent.name.clone());
                self.fact("Resource group", parent.resource_group.clone());
                self.warn(base_or_top(base), "This is a peering, not a whole circuit: it is read alone. The circuit it belongs to is named from the peering's resource ID; that circuit's provider status, Status, SKU, bandwidth and provider are not in this paste, so none is shown. Paste the circuit itself (`az network express-route show` or `Get-AzExpressRouteCircuit`) to see them.");
                (ImportedResource::Peering { parent }, peerings)
            }
            ImportedKind::AuthorizationOnly => {
                self.quiet = true;
                let parent = self.parent(v, base);
                let authorization = self.authorization(v, base, 0);
                self.fact("Authorization", Some(authorization.name.clone()));
                self.fact("Circuit", parent.name.clone());
                self.fact("Resource group", parent.resource_group.clone());
                self.warn(base_or_top(base), "This is an authorization, not a whole circuit: it is read alone. The circuit it belongs to is named from the authorization's resource ID; that circuit's states, SKU, bandwidth and provider are not in this paste, so none is shown. Paste the circuit itself to see them.");
                (
                    ImportedResource::Authorization {
                        parent,
                        authorization,
                    },
                    Vec::new(),
                )
            }
            ImportedKind::DirectPort => (
                ImportedResource::DirectPort(self.direct_port(v, base)),
                Vec::new(),
            ),
            ImportedKind::RouteFilter => (
                ImportedResource::RouteFilter(self.route_filter(v, base)),
                Vec::new(),
            ),
            ImportedKind::Other => (ImportedResource::Other(self.other(v, base)), Vec::new()),
        }
    }

    /// For a child resource: the circuit it belongs to, from its resource ID only.
    fn parent(&mut self, v: &Value, base: &str) -> ParentCircuit {
        let id = get(v, "id").and_then(|(_, id)| id.as_str().map(str::to_string));
        let parsed = id.as_deref().map(parse_id).unwrap_or_default();
        let keep = |s: Option<String>| s.filter(|n| !is_redacted(n));
        let parent = ParentCircuit {
            name: keep(parsed.circuit),
            resource_group: keep(parsed.resource_group),
            subscription_id: keep(parsed.subscription),
        };
        if parent.name.is_none() {
            self.warn(
                &join(base, "id"),
                "the circuit's name is not in this input (no readable resource ID); it is shown as unknown.",
            );
        }
        parent
    }

    /// A resource the wizard does not model: named by its type, with what to paste instead.
    fn other(&mut self, v: &Value, base: &str) -> OtherResource {
        let resource_type = resource_type(v).unwrap_or_else(|| "an unknown resource".into());
        let name = self.string(v, base, "name").map(|(_, n)| n);
        let (what, paste_instead) = describe_type(&resource_type);
        self.fact("Resource type", Some(resource_type.clone()));
        self.fact("Name", name.clone());
        OtherResource {
            resource_type,
            name,
            what: what.to_string(),
            paste_instead: paste_instead.to_string(),
        }
    }

    /// An optional Azure enum value: unknown values are recorded and read as `None`.
    fn opt_enum<T: Copy + Display>(
        &mut self,
        v: &Value,
        base: &str,
        key: &str,
        all: &[T],
        what: &str,
    ) -> Option<T> {
        let (path, s) = self.string(v, base, key)?;
        let parsed = parse_ci(all, &s);
        if parsed.is_none() {
            self.warn(
                &path,
                format!("'{s}' is not a {what} value the wizard knows; shown as unknown."),
            );
            self.unknown(&path, &s, "unknown");
        }
        parsed
    }

    /// A route filter, its rules and the circuits it is attached to. [SPEC-ROUTE-FILTER]
    fn route_filter(&mut self, v: &Value, base: &str) -> super::ImportedRouteFilter {
        let id = get(v, "id")
            .and_then(|(_, id)| id.as_str().map(parse_id))
            .unwrap_or_default();
        let keep = |s: Option<String>| s.filter(|n| !is_redacted(n));
        let name = keep(self.string(v, base, "name").map(|(_, n)| n));
        let resource_group = keep(
            self.string(v, base, "resourceGroupName")
                .or_else(|| self.string(v, base, "resourceGroup"))
                .map(|(_, g)| g)
                .or(id.resource_group),
        );
        let region = self.string(v, base, "location").map(|(_, l)| l);
        let provisioning_state = self.opt_enum(
            v,
            base,
            "provisioningState",
            ProvisioningState::ALL,
            "provisioning state",
        );
        let rules = self.route_filter_rules(v, base);
        let circuits = self.route_filter_circuits(v, base);
        self.fact("Route filter", name.clone());
        self.fact("Resource group", resource_group.clone());
        self.fact("Region", region.clone());
        self.fact(
            "Allowed communities",
            Some(
                rules
                    .iter()
                    .flat_map(|r| r.communities.iter().cloned())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        );
        self.fact("Attached to", Some(circuits.join(", ")));
        super::ImportedRouteFilter {
            name,
            resource_group,
            region,
            provisioning_state,
            rules,
            circuits,
        }
    }

    /// A route filter's rules: name, access and the communities allowed.
    fn route_filter_rules(&mut self, v: &Value, base: &str) -> Vec<super::ImportedRouteFilterRule> {
        let Some((path, items)) = self.list(v, base, "rules") else {
            return Vec::new();
        };
        let mut rules = Vec::new();
        for (i, r) in items.iter().enumerate() {
            let rb = format!("{path}[{i}]");
            rules.push(super::ImportedRouteFilterRule {
                name: self
                    .string(r, &rb, "name")
                    .map(|(_, n)| n)
                    .unwrap_or_default(),
                access: self.string(r, &rb, "access").map(|(_, a)| a),
                communities: communities(r),
            });
        }
        rules
    }

    /// The circuits whose Microsoft peering (IPv4 or IPv6) the filter is attached to, each once.
    fn route_filter_circuits(&mut self, v: &Value, base: &str) -> Vec<String> {
        let mut circuits = Vec::new();
        for key in ["peerings", "ipv6Peerings"] {
            let Some((_, items)) = self.list(v, base, key) else {
                continue;
            };
            for p in items {
                if let Some(c) = get(&p, "id")
                    .and_then(|(_, id)| id.as_str().map(parse_id))
                    .and_then(|id| id.circuit)
                {
                    if !circuits.contains(&c) {
                        circuits.push(c);
                    }
                }
            }
        }
        circuits
    }

    /// An ExpressRoute Direct port and its links. [SPEC-PORT] [EX-PORT-GET]
    fn direct_port(&mut self, v: &Value, base: &str) -> DirectPort {
        let id = get(v, "id")
            .and_then(|(_, id)| id.as_str().map(parse_id))
            .unwrap_or_default();
        let name = self.string(v, base, "name").map(|(_, s)| s);
        let resource_group = self
            .string(v, base, "resourceGroup")
            .or_else(|| self.string(v, base, "resourceGroupName"))
            .map(|(_, s)| s)
            .or_else(|| id.resource_group.filter(|s| !is_redacted(s)));
        let region = self.string(v, base, "location").map(|(_, s)| s);
        let peering_location = self.string(v, base, "peeringLocation").map(|(_, s)| s);
        let bandwidth_in_gbps = self.port_gbps(v, base);
        let provisioned_bandwidth_in_gbps = get_prop(v, "provisionedBandwidthInGbps")
            .and_then(|(_, x)| text_of(x))
            .filter(|s| !s.is_empty() && !is_redacted(s));
        let encapsulation = self.opt_enum(
            v,
            base,
            "encapsulation",
            PortEncapsulation::ALL,
            "port encapsulation",
        );
        let billing_type = self.string(v, base, "billingType").map(|(_, s)| s);
        let provisioning_state = self.opt_enum(
            v,
            base,
            "provisioningState",
            ProvisioningState::ALL,
            "provisioning state",
        );
        let allocation_date = self.string(v, base, "allocationDate").map(|(_, s)| s);
        let port = DirectPort {
            name,
            resource_group,
            region,
            peering_location,
            bandwidth_in_gbps,
            provisioned_bandwidth_in_gbps,
            encapsulation,
            billing_type,
            provisioning_state,
            allocation_date,
            links: self.port_links(v, base),
            circuits: self.port_circuits(v, base),
        };
        self.port_facts(&port);
        port
    }

    /// The port's `bandwidthInGbps` (per link): `None`, said, when it is not a bandwidth.
    fn port_gbps(&mut self, v: &Value, base: &str) -> Option<u32> {
        self.number(v, base, "bandwidthInGbps").and_then(|(p, n)| {
            let n32 = u32::try_from(n).ok().filter(|n| *n > 0);
            if n32.is_none() {
                self.warn(
                    &p,
                    format!("{n} Gbps is not a port bandwidth; shown as unknown."),
                );
                self.malformed(&p, &n.to_string(), "unknown");
            }
            n32
        })
    }

    /// The port's two links, each with its admin state and where its cross-connect goes.
    fn port_links(&mut self, v: &Value, base: &str) -> Vec<PortLink> {
        let Some((path, items)) = self.list(v, base, "links") else {
            self.warn(
                &join(base, "links"),
                "the port's links are not in this paste; their admin states are unknown.",
            );
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .map(|(i, item)| self.port_link(item, &format!("{path}[{i}]"), i))
            .collect()
    }

    fn port_link(&mut self, item: &Value, lp: &str, i: usize) -> PortLink {
        let link_name = self
            .string(item, lp, "name")
            .map_or_else(|| format!("link{}", i + 1), |(_, s)| s);
        let admin_state = self.opt_enum(
            item,
            lp,
            "adminState",
            LinkAdminState::ALL,
            "link admin state",
        );
        if admin_state.is_none() && get_prop(item, "adminState").is_none() {
            self.warn(
                &join(lp, "adminState"),
                format!("{link_name} has no adminState in the paste; it is shown as unknown."),
            );
        }
        let provisioning_state = self.opt_enum(
            item,
            lp,
            "provisioningState",
            ProvisioningState::ALL,
            "provisioning state",
        );
        let mut text = |k: &str| self.string(item, lp, k).map(|(_, s)| s);
        PortLink {
            name: link_name,
            admin_state,
            provisioning_state,
            router_name: text("routerName"),
            interface_name: text("interfaceName"),
            patch_panel_id: text("patchPanelId"),
            rack_id: text("rackId"),
            connector_type: text("connectorType"),
        }
    }

    /// The circuits on the port, by name (their ids where no name can be read from them).
    fn port_circuits(&mut self, v: &Value, base: &str) -> Vec<String> {
        self.list(v, base, "circuits")
            .map(|(_, items)| {
                items
                    .iter()
                    .filter_map(|c| {
                        get(c, "id").and_then(|(_, id)| id.as_str().map(str::to_string))
                    })
                    .map(|id| parse_id(&id).circuit.unwrap_or(id))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// What identifies the port, as read.
    fn port_facts(&mut self, p: &DirectPort) {
        self.fact("ExpressRoute Direct port", p.name.clone());
        self.fact("Peering location", p.peering_location.clone());
        self.fact(
            "Port bandwidth",
            p.bandwidth_in_gbps.map(|g| format!("{g} Gbps per link")),
        );
        self.fact("Encapsulation", p.encapsulation.map(|e| e.to_string()));
        self.fact(
            "Provisioned bandwidth",
            p.provisioned_bandwidth_in_gbps
                .clone()
                .map(|g| format!("{g} Gbps")),
        );
        self.fact("Region", p.region.clone());
        self.fact("Resource group", p.resource_group.clone());
    }

    /// A whole circuit: every value the model needs, read or assumed (each assumption said),
    /// and its peerings as read.
    fn circuit(
        &mut self,
        v: &Value,
        base: &str,
        default_provider_state: Sp,
    ) -> (Circuit, Vec<ImportedPeering>) {
        let ext = get(v, EXTENSION_KEY).map(|(_, e)| e.clone());
        let ext = ext.as_ref();
        let name = self.circuit_name(v, base);
        let id = self.resource_id(v, base, ext);
        let subscription_id = ext_str(ext, "subscriptionId")
            .or_else(|| id.subscription.clone().filter(|s| !is_redacted(s)))
            .unwrap_or_default();
        let resource_group = self.resource_group(v, base, ext, &id);
        let tell = get_prop(v, "location").is_none();
        let region = self.string_or_empty(v, base, "location", "The region (location)", tell);

        let sku = self.sku(v, base);
        let routing_model = self.routing_model(v, ext);
        let port = self.port(v, base, routing_model);
        self.fact(
            "SKU",
            get(v, "sku")
                .filter(|(_, s)| as_object(s).is_some_and(|o| o.is_object()))
                .map(|_| sku.name()),
        );
        self.fact("Region", Some(region.clone()));
        self.fact("Resource group", Some(resource_group.clone()));

        let tell = get_prop(v, "serviceKey").is_none();
        let service_key = self.string_or_empty(v, base, "serviceKey", "The service key", tell);
        let (sp_state, circuit_state, provisioning_state) =
            self.circuit_states(v, base, &port, default_provider_state);
        let allow_classic_operations = self.boolean(v, base, "allowClassicOperations");
        let (mut peerings, read_peerings) = self.circuit_peerings(v, base);
        let authorizations = self.circuit_authorizations(v, base);
        let vnet_links = self.extension_vnet_links(ext);
        let route_filter = self.extension_route_filter(ext, &mut peerings);
        (
            Circuit {
                name,
                resource_group,
                region,
                subscription_id,
                port,
                sku,
                service_key,
                service_provider_provisioning_state: sp_state,
                circuit_provisioning_state: circuit_state,
                provisioning_state,
                allow_classic_operations,
                peerings,
                authorizations,
                vnet_links,
                route_filter,
            },
            read_peerings,
        )
    }

    /// The circuit's name, or 'imported-circuit'.
    fn circuit_name(&mut self, v: &Value, base: &str) -> String {
        match self.string(v, base, "name") {
            Some((_, n)) => n,
            None => {
                // A redacted name was said already; only a name that is not there is missing.
                if !self.quiet && get_prop(v, "name").is_none() {
                    self.missing(
                        &join(base, "name"),
                        "The circuit name",
                        "'imported-circuit'",
                    );
                }
                "imported-circuit".to_string()
            }
        }
    }

    /// The parts of the circuit's resource ID; a redacted subscription or resource group is
    /// said when nothing else in the paste gives it.
    fn resource_id(&mut self, v: &Value, base: &str, ext: Option<&Value>) -> ResourceId {
        let Some((k, Value::String(s))) = get(v, "id") else {
            return ResourceId::default();
        };
        let parsed = parse_id(s);
        if parsed.subscription.as_deref().is_some_and(is_redacted)
            && ext_str(ext, "subscriptionId").is_none()
        {
            let path = join(base, k);
            self.warn(&path, "the subscription id in the resource ID was redacted; shown as unknown (commands use <subscription-id>).");
        }
        if parsed.resource_group.as_deref().is_some_and(is_redacted)
            && get_prop(v, "resourceGroup").is_none()
            && get_prop(v, "resourceGroupName").is_none()
        {
            let path = join(base, k);
            self.warn(
                &path,
                "the resource group in the resource ID was redacted; shown as unknown.",
            );
        }
        parsed
    }

    /// The resource group: the wizard's own export, `resourceGroup` (CLI),
    /// `resourceGroupName` (PowerShell), else the resource ID.
    fn resource_group(
        &mut self,
        v: &Value,
        base: &str,
        ext: Option<&Value>,
        id: &ResourceId,
    ) -> String {
        ext_str(ext, "resourceGroup")
            .or_else(|| self.string(v, base, "resourceGroup").map(|(_, s)| s))
            .or_else(|| self.string(v, base, "resourceGroupName").map(|(_, s)| s))
            .or_else(|| id.resource_group.clone().filter(|s| !is_redacted(s)))
            .unwrap_or_else(|| {
                if get_prop(v, "resourceGroup").is_none()
                    && get_prop(v, "resourceGroupName").is_none()
                    && id.resource_group.is_none()
                {
                    self.missing(&join(base, "id"), "The resource group", "empty");
                }
                String::new()
            })
    }

    /// A string the circuit needs, or empty; `tell`: its absence is said (a redacted value
    /// was said already).
    fn string_or_empty(
        &mut self,
        v: &Value,
        base: &str,
        key: &str,
        what: &str,
        tell: bool,
    ) -> String {
        self.string(v, base, key)
            .map(|(_, s)| s)
            .unwrap_or_else(|| {
                if tell {
                    self.missing(&join(base, key), what, "empty");
                }
                String::new()
            })
    }

    /// Layer 2 or Layer 3: Azure does not record it, only the wizard's own export does.
    fn routing_model(&mut self, v: &Value, ext: Option<&Value>) -> RoutingModel {
        match ext_str(ext, "routingModel") {
            Some(s) => s.parse().unwrap_or(RoutingModel::Layer2),
            None => {
                if !self.quiet && !self.is_direct(v) {
                    self.warn("routingModel", "Azure does not record whether your provider works at Layer 2 or Layer 3; the wizard assumed Layer 2 (you configure routing). Change it if your provider manages routing for you.");
                }
                RoutingModel::Layer2
            }
        }
    }

    /// The provider's state, the circuit's Status and the resource's provisioning state.
    fn circuit_states(
        &mut self,
        v: &Value,
        base: &str,
        port: &Port,
        default_provider_state: Sp,
    ) -> (Sp, CircuitProvisioningState, ProvisioningState) {
        let sp_state = if matches!(port, Port::Direct { .. })
            && get_prop(v, "serviceProviderProvisioningState").is_none()
        {
            // SC-14: not shown for ExpressRoute Direct circuits.
            Sp::NotProvisioned
        } else {
            self.enumeration(
                v,
                base,
                "serviceProviderProvisioningState",
                Sp::ALL,
                default_provider_state,
                "provider state (ServiceProviderProvisioningState)",
            )
        };
        let circuit_state = self.circuit_status(v, base);
        let provisioning_state = self.provisioning_state(v, base);
        (sp_state, circuit_state, provisioning_state)
    }

    /// The circuit's Status (CircuitProvisioningState): a value the wizard does not know is
    /// shown as it is, and treated as not enabled.
    fn circuit_status(&mut self, v: &Value, base: &str) -> CircuitProvisioningState {
        match self.string(v, base, "circuitProvisioningState") {
            Some((path, s)) => {
                let parsed: CircuitProvisioningState = s
                    .parse()
                    .unwrap_or(CircuitProvisioningState::Other(s.clone()));
                if let CircuitProvisioningState::Other(other) = &parsed {
                    self.warn(&path, format!("'{other}' is not a circuit status the wizard knows; it is shown as it is, and the circuit is treated as not enabled."));
                    self.unknown(&path, other, other.clone());
                }
                parsed
            }
            None => {
                if get_prop(v, "circuitProvisioningState").is_none() {
                    self.missing(
                        &join(base, "circuitProvisioningState"),
                        "The circuit status (CircuitProvisioningState)",
                        "Enabled",
                    );
                }
                CircuitProvisioningState::Enabled
            }
        }
    }

    /// The circuit's peerings, one of each type: as read, and those the model can hold.
    fn circuit_peerings(&mut self, v: &Value, base: &str) -> (Vec<Peering>, Vec<ImportedPeering>) {
        let mut peerings: Vec<Peering> = Vec::new();
        let mut read_peerings: Vec<ImportedPeering> = Vec::new();
        let Some((path, list)) = self.list(v, base, "peerings") else {
            return (peerings, read_peerings);
        };
        for (i, item) in list.iter().enumerate() {
            let p_path = format!("{path}[{i}]");
            let Some((read, model)) = self.peering(item, &p_path) else {
                continue;
            };
            if read_peerings
                .iter()
                .any(|q| q.peering_type == read.peering_type)
            {
                self.warn(
                    &p_path,
                    format!(
                        "a second {} was listed; only the first is kept.",
                        read.peering_type
                    ),
                );
            } else {
                read_peerings.push(read);
                peerings.extend(model);
            }
        }
        (peerings, read_peerings)
    }

    fn circuit_authorizations(&mut self, v: &Value, base: &str) -> Vec<Authorization> {
        let Some((path, list)) = self.list(v, base, "authorizations") else {
            return Vec::new();
        };
        list.iter()
            .enumerate()
            .map(|(i, item)| self.authorization(item, &format!("{path}[{i}]"), i))
            .collect()
    }

    /// The VNet links the wizard's own export keeps (Azure lists them on the connections).
    fn extension_vnet_links(&mut self, ext: Option<&Value>) -> Vec<VnetLink> {
        ext.and_then(|e| get(e, "vnetLinks"))
            .map(|(_, links)| {
                serde_json::from_value::<Vec<VnetLink>>(links.clone()).unwrap_or_else(|e| {
                    self.warn(
                        &format!("{EXTENSION_KEY}.vnetLinks"),
                        format!("the VNet links could not be read ({e}); left out."),
                    );
                    Vec::new()
                })
            })
            .unwrap_or_default()
    }

    /// The route filter the wizard's own export keeps with the circuit.
    fn extension_route_filter(
        &mut self,
        ext: Option<&Value>,
        peerings: &mut [Peering],
    ) -> Option<crate::route_filter::RouteFilter> {
        let (_, f) = ext.and_then(|e| get(e, "routeFilter"))?;
        let filter = serde_json::from_value::<crate::route_filter::RouteFilter>(f.clone())
            .map_err(|e| {
                self.warn(
                    &format!("{EXTENSION_KEY}.routeFilter"),
                    format!("the route filter could not be read ({e}); left out."),
                );
            })
            .ok()?;
        // A reference to the wizard's own filter is kept by name, as the wizard keeps it.
        let own = format!(
            "/resourceGroups/{}/providers/Microsoft.Network/routeFilters/{}",
            filter.resource_group, filter.name
        )
        .to_ascii_lowercase();
        for p in peerings.iter_mut() {
            if let Some(r) = &p.route_filter {
                if r.to_ascii_lowercase().ends_with(&own) {
                    p.route_filter = Some(filter.name.clone());
                }
            }
        }
        Some(filter)
    }

    fn is_direct(&self, v: &Value) -> bool {
        get_prop(v, "expressRoutePort").is_some_and(|(_, p)| !p.as_str().is_some_and(str::is_empty))
    }

    /// A list property (`peerings`, `authorizations`); PowerShell JSON cut off by
    /// its depth limit falls back to the `*Text` property holding the full JSON.
    fn list(&mut self, v: &Value, base: &str, key: &str) -> Option<(String, Vec<Value>)> {
        let (k, found) = get_prop(v, key)?;
        let path = join(base, &k);
        let items = match as_object(found) {
            Some(Value::Array(items)) => items,
            Some(obj @ Value::Object(_)) => vec![obj],
            _ => {
                if let Some(s) = text_of(found).filter(|s| !s.is_empty() && s != "{}") {
                    self.warn(&path, format!("'{s}' lists {key} without their details (not as JSON); they are left out. Export with `ConvertTo-Json -Depth 10` to include them."));
                }
                return None;
            }
        };
        // ConvertTo-Json's default depth turns nested objects into type names.
        if items
            .iter()
            .any(|i| !i.is_object() && as_object(i).is_none())
        {
            let text_key = format!("{key}Text");
            if let Some(Value::Array(full_items)) =
                get_prop(v, &text_key).and_then(|(_, t)| as_object(t))
            {
                return Some((join(base, &text_key), full_items));
            }
            self.warn(&path, format!("some {key} were cut off by ConvertTo-Json's depth limit and are left out; run `ConvertTo-Json -Depth 10`."));
        }
        let items = items
            .iter()
            .filter_map(as_object)
            .filter(Value::is_object)
            .collect();
        Some((path, items))
    }

    fn sku(&mut self, v: &Value, base: &str) -> Sku {
        let default = Sku {
            tier: SkuTier::Standard,
            family: SkuFamily::MeteredData,
        };
        let Some((k, sku_raw)) = get(v, "sku") else {
            self.missing(&join(base, "sku"), "The SKU", default.name());
            return default;
        };
        let path = join(base, k);
        let Some(sku) = as_object(sku_raw).filter(Value::is_object) else {
            self.warn(
                &path,
                "the SKU is not in a readable form; shown as Standard_MeteredData.",
            );
            self.malformed(&path, &sku_raw.to_string(), default.name());
            return default;
        };
        // Tier and family from their fields, or else from the name "<Tier>_<Family>".
        let name = self.string(&sku, &path, "name").map(|(_, s)| s);
        let (name_tier, name_family) = name
            .as_deref()
            .and_then(|n| n.split_once('_'))
            .map_or((None, None), |(t, f)| {
                (parse_ci(SkuTier::ALL, t), parse_ci(SkuFamily::ALL, f))
            });
        let tier = self.sku_part(&sku, &path, "tier", SkuTier::ALL, name_tier, default.tier);
        let family = self.sku_part(
            &sku,
            &path,
            "family",
            SkuFamily::ALL,
            name_family,
            default.family,
        );
        let sku = Sku { tier, family };
        if let Some(n) = name {
            if !n.eq_ignore_ascii_case(&sku.name()) {
                self.warn(&join(&path, "name"), format!("the SKU name '{n}' does not match tier {tier} and family {family}; the tier and family are used."));
            }
        }
        sku
    }

    /// The SKU's tier or family: its own field, else what the SKU's name says, else `default`.
    fn sku_part<T: Copy + Display>(
        &mut self,
        sku: &Value,
        path: &str,
        key: &str,
        all: &[T],
        from_name: Option<T>,
        default: T,
    ) -> T {
        if get(sku, key).is_some() {
            let what = format!("SKU {key}");
            self.enumeration(sku, path, key, all, from_name.unwrap_or(default), &what)
        } else {
            from_name.unwrap_or_else(|| {
                self.missing(&join(path, key), &format!("The SKU {key}"), default);
                default
            })
        }
    }

    fn port(&mut self, v: &Value, base: &str, routing_model: RoutingModel) -> Port {
        match get_prop(v, "expressRoutePort").filter(|_| self.is_direct(v)) {
            Some((k, p)) => self.direct_port_of_circuit(v, base, &join(base, &k), p),
            None => self.provider_properties(v, base, routing_model),
        }
    }

    /// An ExpressRoute Direct circuit's port (named by its id) and bandwidth in whole Gbps.
    fn direct_port_of_circuit(&mut self, v: &Value, base: &str, path: &str, p: &Value) -> Port {
        let port = match p {
            Value::String(s) => s.clone(),
            _ => get(p, "id")
                .and_then(|(_, id)| text_of(id))
                .unwrap_or_else(|| {
                    self.warn(
                        path,
                        "the ExpressRoute Direct port has no id; shown as unknown.",
                    );
                    String::new()
                }),
        };
        let gbps = self.circuit_gbps(v, base);
        let port_name = parse_id(&port)
            .port
            .or_else(|| (!port.is_empty()).then(|| port.clone()))
            .filter(|p| !is_redacted(p));
        self.fact("ExpressRoute Direct port", port_name);
        self.fact("Bandwidth", gbps.map(|g| format!("{g} Gbps")));
        Port::Direct {
            express_route_port: port,
            // The circuit model keeps 10 Gbps in place of a value it cannot read.
            bandwidth_in_gbps: gbps.unwrap_or(10),
            // A circuit's JSON names its port, not the port's location or size.
            peering_location: String::new(),
            port_bandwidth_gbps: None,
        }
    }

    /// A Direct circuit's `bandwidthInGbps`: `None` (said) when it is not there or not a
    /// whole number of Gbps.
    fn circuit_gbps(&mut self, v: &Value, base: &str) -> Option<u32> {
        let Some((gk, g)) = get_prop(v, "bandwidthInGbps") else {
            self.missing(
                &join(base, "bandwidthInGbps"),
                "The bandwidth (bandwidthInGbps)",
                "10 Gbps",
            );
            return None;
        };
        let gpath = join(base, &gk);
        match g
            .as_f64()
            .or_else(|| text_of(g).and_then(|s| s.parse().ok()))
        {
            Some(f) if f >= 1.0 && f.fract() == 0.0 && f <= f64::from(u32::MAX) => Some(f as u32),
            _ => {
                let raw = text_of(g).unwrap_or_default();
                if is_redacted(&raw) {
                    self.warn(&gpath, format!("the value '{raw}' was redacted before sharing; shown as unknown (the circuit model keeps 10 Gbps in its place)."));
                    self.unknown_as(&gpath, &raw, "10", UnknownReason::Redacted);
                } else {
                    self.warn(&gpath, format!("'{raw}' Gbps cannot be shown (whole Gbps only); shown as 10 Gbps — check it in Azure."));
                    self.malformed(&gpath, &raw, "10");
                }
                None
            }
        }
    }

    /// A provider circuit's `serviceProviderProperties`: the provider, the peering location
    /// and the bandwidth in Mbps.
    fn provider_properties(&mut self, v: &Value, base: &str, routing_model: RoutingModel) -> Port {
        let props = get_prop(v, "serviceProviderProperties")
            .and_then(|(k, p)| as_object(p).map(|o| (join(base, &k), o)));
        let (path, props) = match props {
            Some((path, p)) if p.is_object() => (path, p),
            _ => {
                self.missing(
                    &join(base, "serviceProviderProperties"),
                    "The provider, peering location and bandwidth (serviceProviderProperties)",
                    "no provider, 50 Mbps",
                );
                (join(base, "serviceProviderProperties"), Value::Null)
            }
        };
        // Each is said missing only when the properties themselves are there.
        let tell = |key: &str| props.is_object() && get(&props, key).is_none();
        let (tell_provider, tell_location) = (tell("serviceProviderName"), tell("peeringLocation"));
        let provider = self.string_or_empty(
            &props,
            &path,
            "serviceProviderName",
            "The provider name",
            tell_provider,
        );
        let location = self.string_or_empty(
            &props,
            &path,
            "peeringLocation",
            "The peering location",
            tell_location,
        );
        let smallest = PROVIDER_BANDWIDTHS_MBPS.first().copied().unwrap_or(50);
        let mut mbps_read = false;
        let mbps = match self.number(&props, &path, "bandwidthInMbps") {
            Some((bpath, n)) => u32::try_from(n).ok().filter(|n| *n > 0).inspect(|_| mbps_read = true).unwrap_or_else(|| {
                self.warn(&bpath, format!("{n} Mbps is not a possible bandwidth; shown as {smallest} Mbps — check it in Azure."));
                self.malformed(&bpath, &n.to_string(), smallest.to_string());
                smallest
            }),
            None => {
                if tell("bandwidthInMbps") {
                    self.missing(&join(&path, "bandwidthInMbps"), "The bandwidth", format!("{smallest} Mbps"));
                }
                smallest
            }
        };
        self.fact("Provider", Some(provider.clone()));
        self.fact("Peering location", Some(location.clone()));
        self.fact(
            "Bandwidth",
            mbps_read.then(|| crate::limits::bandwidth_text(mbps)),
        );
        Port::Provider {
            service_provider_name: provider,
            peering_location: location,
            bandwidth_in_mbps: mbps,
            routing_model,
        }
    }

    /// A peering: always read as given (an unreadable peer ASN or VLAN ID is a gap, the
    /// peering is kept), and in the circuit model too when every required value is known.
    fn peering(&mut self, v: &Value, base: &str) -> Option<(ImportedPeering, Option<Peering>)> {
        let (kind, state, provisioning_state) = self.peering_identity(v, base)?;
        let azure_asn = self
            .number(v, base, "azureASN")
            .and_then(|(_, n)| u32::try_from(n).ok())
            .unwrap_or(AZURE_ASN);
        let last_modified_by = self
            .string(v, base, "lastModifiedBy")
            .map(|(_, s)| s)
            .unwrap_or_default();
        let (global_reach, peer_global_reach) = self.global_reach_connections(v, base);
        let bgp = self.bgp_fields(v, base, kind);
        let subnets = self.link_subnets(v, base, kind, state);
        let microsoft = self.microsoft_peering_config(v, base, kind, subnets.ipv6_config.as_ref());
        let read = PeeringRead {
            kind,
            state,
            provisioning_state,
            azure_asn,
            last_modified_by,
            global_reach,
            peer_global_reach,
            bgp,
            subnets,
            microsoft,
            route_filter: route_filter_reference(v),
        };
        Some((read.imported(base), read.into_model()))
    }

    /// The peering's type, its state and its provisioning state; `None` (said) when the type
    /// is not one the wizard knows.
    fn peering_identity(
        &mut self,
        v: &Value,
        base: &str,
    ) -> Option<(PeeringType, PeeringState, ProvisioningState)> {
        // Type from peeringType, else from the name (they are the same). [EX-PEERING-GET]
        let typed = self.string(v, base, "peeringType");
        let named = self.string(v, base, "name");
        let kind = typed
            .as_ref()
            .and_then(|(_, s)| parse_ci(PeeringType::ALL, s))
            .or_else(|| {
                named
                    .as_ref()
                    .and_then(|(_, s)| parse_ci(PeeringType::ALL, s))
            });
        let Some(kind) = kind else {
            let (path, raw) = typed
                .or(named)
                .unwrap_or_else(|| (join(base, "peeringType"), String::new()));
            self.warn(&path, format!("'{raw}' is not a peering type the wizard knows; this peering is shown as unknown and left out of the circuit."));
            self.unknown(&path, &raw, "left out");
            return None;
        };
        if let Some((path, raw)) = typed.filter(|(_, s)| parse_ci(PeeringType::ALL, s).is_none()) {
            self.warn(
                &path,
                format!(
                    "'{raw}' is not a peering type value; read as {kind} from the peering's name."
                ),
            );
            self.unknown(&path, &raw, kind.to_string());
        }
        let state = self.enumeration(
            v,
            base,
            "state",
            PeeringState::ALL,
            PeeringState::Enabled,
            "peering state",
        );
        let provisioning_state = self.provisioning_state(v, base);
        Some((kind, state, provisioning_state))
    }

    /// Global Reach connections (ExpressRouteCircuitConnection) made on this circuit, and
    /// those other circuits made to it (PeerExpressRouteCircuitConnection), with their
    /// address prefixes and the other circuit. [SPEC-2024-05] [GR-CLI] [LIMITS]
    fn global_reach_connections(
        &mut self,
        v: &Value,
        base: &str,
    ) -> (Vec<GlobalReachConnection>, Vec<GlobalReachConnection>) {
        let made_here = self
            .list(v, base, "connections")
            .map(|(_, items)| read_global_reach(&items, "peerExpressRouteCircuitPeering"))
            .unwrap_or_default();
        let made_there = self
            .list(v, base, "peerExpressRouteCircuitConnections")
            .map(|(_, items)| read_global_reach(&items, "expressRouteCircuitPeering"))
            .unwrap_or_default();
        (made_here, made_there)
    }

    /// The peer ASN and the VLAN ID, without which the peering is not in the circuit model
    /// (each a gap when it cannot be used), and the MD5 shared key.
    fn bgp_fields(&mut self, v: &Value, base: &str, kind: PeeringType) -> BgpFields {
        let mut gaps: Vec<PeeringGap> = Vec::new();
        let peer_asn = self
            .required_number(v, base, "peerASN", "peer ASN", kind, &mut gaps)
            .and_then(|(path, n)| {
                let why = match u32::try_from(n).ok().map(PeerAsn::try_from) {
                    Some(Ok(a)) => return Some(a),
                    Some(Err(r)) => format!("peer ASN {n} cannot be used: {r}; it is shown as unknown and {kind} is kept."),
                    None => format!("peer ASN {n} is out of range (1–4294967295); it is shown as unknown and {kind} is kept."),
                };
                self.unusable(path, n, "peer ASN", why, &mut gaps);
                None
            });
        let vlan = self
            .required_number(v, base, "vlanId", "VLAN ID", kind, &mut gaps)
            .and_then(|(path, n)| match u16::try_from(n).ok().map(VlanId::try_from) {
                Some(Ok(x)) => Some(x),
                _ => {
                    let why = format!("VLAN ID {n} is not a valid 802.1Q VLAN ID (1–4094); it is shown as unknown and {kind} is kept.");
                    self.unusable(path, n, "VLAN ID", why, &mut gaps);
                    None
                }
            });
        let shared_key =
            self.string(v, base, "sharedKey")
                .and_then(|(path, s)| match SharedKey::parse(&s) {
                    Ok(k) => Some(k),
                    Err(r) => {
                        self.warn(
                            &path,
                            format!("the shared key cannot be used ({r}); left out."),
                        );
                        None
                    }
                });
        BgpFields {
            peer_asn,
            vlan,
            shared_key,
            gaps,
        }
    }

    /// A number the peering needs, read but unusable: said once, and a gap.
    fn unusable(
        &mut self,
        path: String,
        n: u64,
        label: &'static str,
        why: String,
        gaps: &mut Vec<PeeringGap>,
    ) {
        self.warn(&path, why);
        self.malformed(&path, &n.to_string(), "unknown");
        gaps.push(PeeringGap {
            field: path,
            label,
            value: Some(n.to_string()),
        });
    }

    /// The link subnets, IPv4 and IPv6; the IPv6 session's own state is compared with the
    /// peering's (the wizard keeps one state per peering).
    fn link_subnets(
        &mut self,
        v: &Value,
        base: &str,
        kind: PeeringType,
        state: PeeringState,
    ) -> LinkSubnets {
        let ipv4 = self.pair(v, base, IpFamily::V4);
        let ipv6_config = get_prop(v, "ipv6PeeringConfig").and_then(|(k, c)| {
            as_object(c)
                .filter(Value::is_object)
                .map(|c| (join(base, &k), c))
        });
        let ipv6 = ipv6_config
            .as_ref()
            .and_then(|(path, c)| self.pair(c, path, IpFamily::V6));
        if let Some((path, c)) = &ipv6_config {
            let v6_state =
                self.enumeration(c, path, "state", PeeringState::ALL, state, "peering state");
            if v6_state != state && ipv6.is_some() {
                self.warn(&join(path, "state"), format!("the IPv6 session is {v6_state} while the peering is {state}; the wizard keeps one state per peering and shows {state}."));
            }
        }
        if ipv4.is_none() && ipv6.is_none() {
            self.warn(
                base_or_top(base),
                format!("{kind} has no readable link subnets (IPv4 or IPv6)."),
            );
        }
        LinkSubnets {
            ipv4,
            ipv6,
            ipv6_config,
        }
    }

    /// Microsoft peering config, IPv4 then IPv6. [SPEC-2024-05] [SPEC-2024-10] The prefixes
    /// state is read on any peering; the prefixes, their validation, the customer ASN and the
    /// routing registry on Microsoft peering only.
    fn microsoft_peering_config(
        &mut self,
        v: &Value,
        base: &str,
        kind: PeeringType,
        ipv6_config: Option<&(String, Value)>,
    ) -> MicrosoftRead {
        let mut configs: Vec<(String, Value)> = Vec::new();
        if let Some((k, c)) = get_prop(v, "microsoftPeeringConfig") {
            if let Some(o) = as_object(c).filter(Value::is_object) {
                configs.push((join(base, &k), o));
            }
        }
        if let Some((path, c)) = ipv6_config {
            if let Some((k, m)) = get(c, "microsoftPeeringConfig") {
                if let Some(o) = as_object(m).filter(Value::is_object) {
                    configs.push((join(path, k), o));
                }
            }
        }
        let mut ms = MicrosoftRead::default();
        for (path, cfg) in &configs {
            if get(cfg, "advertisedPublicPrefixesState").is_some() {
                let s = self.enumeration(
                    cfg,
                    path,
                    "advertisedPublicPrefixesState",
                    Apps::ALL,
                    Apps::NotConfigured,
                    "advertised public prefixes state",
                );
                ms.apps = Some(ms.apps.map_or(s, |prev| worse(prev, s)));
            }
            if kind != PeeringType::MicrosoftPeering {
                continue;
            }
            self.advertised_prefixes(cfg, path, &mut ms.prefixes);
            self.prefix_validations(cfg, path, &mut ms.prefix_info);
            if ms.customer_asn.is_none() {
                ms.customer_asn = self.customer_asn(cfg, path);
            }
            if ms.registry.is_none() {
                self.routing_registry(cfg, path, &mut ms);
            }
        }
        ms
    }

    /// Microsoft peering's advertised public prefixes, each once; a value that is not a
    /// prefix is said and left out.
    fn advertised_prefixes(&mut self, cfg: &Value, path: &str, prefixes: &mut Vec<IpNet>) {
        let Some((k, list)) = get(cfg, "advertisedPublicPrefixes") else {
            return;
        };
        let lpath = join(path, k);
        for (i, item) in items_of(list).iter().enumerate() {
            let raw = text_of(item).unwrap_or_default();
            if raw.is_empty() {
                continue;
            }
            match raw.parse::<IpNet>() {
                Ok(n) if !prefixes.contains(&n) => prefixes.push(n),
                Ok(_) => {}
                Err(_) => {
                    let ipath = format!("{lpath}[{i}]");
                    self.warn(
                        &ipath,
                        format!("'{raw}' is not an IP prefix; shown as unknown and left out."),
                    );
                    self.malformed(&ipath, &raw, "left out");
                }
            }
        }
    }

    /// Each prefix's validation (`advertisedPublicPrefixInfo`): kept when both its prefix and
    /// its validation state are readable.
    fn prefix_validations(&mut self, cfg: &Value, path: &str, out: &mut Vec<PrefixInfo>) {
        let Some((k, list)) = get(cfg, "advertisedPublicPrefixInfo") else {
            return;
        };
        let lpath = join(path, k);
        for (i, item) in items_of(list).iter().enumerate() {
            let ipath = format!("{lpath}[{i}]");
            let prefix = self.string(item, &ipath, "prefix").and_then(|(p, s)| {
                s.parse::<IpNet>().ok().or_else(|| {
                    self.warn(
                        &p,
                        format!("'{s}' is not an IP prefix; its validation state is left out."),
                    );
                    self.malformed(&p, &s, "left out");
                    None
                })
            });
            let state = self.string(item, &ipath, "validationState").and_then(|(p, s)| {
                parse_ci(PrefixValidationState::ALL, &s).or_else(|| {
                    self.warn(&p, format!("'{s}' is not a prefix validation state the wizard knows; shown as unknown."));
                    self.unknown(&p, &s, "left out");
                    None
                })
            });
            // The validation ID and signature are public by design (the signature
            // proves ownership and grants nothing), so they are kept. [SPEC-2024-10]
            let validation_id = self.string(item, &ipath, "validationId").map(|(_, s)| s);
            let signature = self.string(item, &ipath, "signature").map(|(_, s)| s);
            if let (Some(prefix), Some(validation_state)) = (prefix, state) {
                out.push(PrefixInfo {
                    prefix,
                    validation_state,
                    validation_id,
                    signature,
                });
            }
        }
    }

    /// Microsoft peering's customer ASN: 0 is none; one that cannot be used is said and
    /// left out.
    fn customer_asn(&mut self, cfg: &Value, path: &str) -> Option<CustomerAsn> {
        let (p, n) = self.number(cfg, path, "customerASN")?;
        if n == 0 {
            return None;
        }
        match u32::try_from(n).ok().map(CustomerAsn::try_from) {
            Some(Ok(a)) => Some(a),
            _ => {
                self.warn(
                    &p,
                    format!("customer ASN {n} cannot be used; shown as unknown and left out."),
                );
                self.malformed(&p, &n.to_string(), "left out");
                None
            }
        }
    }

    /// The routing registry, kept as written, and as a registry name when Microsoft accepts
    /// it. Said for each config that has it (IPv4 and IPv6 may both).
    fn routing_registry(&mut self, cfg: &Value, path: &str, ms: &mut MicrosoftRead) {
        let Some((p, s)) = self.string(cfg, path, "routingRegistryName") else {
            return;
        };
        ms.registry_raw.get_or_insert_with(|| s.clone());
        if s.eq_ignore_ascii_case("NONE") {
            // [CLI-ROUTING]: "NONE" when unset.
            return;
        }
        match RegistryName::parse(&s) {
            Ok(r) => ms.registry = Some(r),
            Err(_) => {
                self.warn(&p, format!("routing registry '{s}' is not one Microsoft accepts (ARIN, APNIC, AFRINIC, LACNIC, RIPENCC, RADB, ALTDB, LEVEL3); it is left out and the advertised prefixes are kept."));
                self.unknown(&p, &s, "left out");
            }
        }
    }

    /// A number a peering needs (`peerASN`, `vlanId`): a gap with one warning when it
    /// is not there, redacted or not a number.
    fn required_number(
        &mut self,
        v: &Value,
        base: &str,
        key: &str,
        label: &'static str,
        kind: PeeringType,
        gaps: &mut Vec<PeeringGap>,
    ) -> Option<(String, u64)> {
        let raw = get_prop(v, key)
            .map(|(k, x)| (join(base, &k), text_of(x).unwrap_or_else(|| x.to_string())));
        match raw {
            Some((_, r)) if !r.trim().is_empty() => {
                let read = self.number(v, base, key);
                if read.is_none() {
                    // `number` said why (redacted, or not a whole number), once.
                    if let Some((path, r)) = get_prop(v, key).map(|(k, _)| (join(base, &k), r)) {
                        gaps.push(PeeringGap {
                            field: path,
                            label,
                            value: Some(r),
                        });
                    }
                }
                read
            }
            other => {
                let path = other.map_or_else(|| join(base, key), |(p, _)| p);
                self.warn(
                    &path,
                    format!("{kind} has no {label} in the paste; it is shown as unknown and the peering is kept."),
                );
                gaps.push(PeeringGap {
                    field: path,
                    label,
                    value: None,
                });
                None
            }
        }
    }

    fn pair(&mut self, v: &Value, base: &str, family: IpFamily) -> Option<LinkPair> {
        let p = self.string(v, base, "primaryPeerAddressPrefix");
        let s = self.string(v, base, "secondaryPeerAddressPrefix");
        let (p, s) = match (p, s) {
            (None, None) => return None,
            (Some(p), Some(s)) => (p, s),
            (Some((path, _)), None) | (None, Some((path, _))) => {
                self.warn(&path, format!("only one {family} link subnet is given; the {family} subnets are left out."));
                return None;
            }
        };
        let parse = |(path, raw): &(String, String)| {
            LinkSubnet::parse(raw, family).map_err(|r| (path.clone(), raw.clone(), r))
        };
        let result = match (parse(&p), parse(&s)) {
            (Ok(a), Ok(b)) => LinkPair::new(a, b).map_err(|r| (s.0.clone(), s.1.clone(), r)),
            (Err(e), _) | (_, Err(e)) => Err(e),
        };
        match result {
            Ok(pair) => Some(pair),
            Err((path, raw, r)) => {
                self.warn(&path, format!("'{raw}' cannot be used as a {family} link subnet ({r}); the {family} subnets are shown as unknown and left out."));
                self.malformed(&path, &raw, "left out");
                None
            }
        }
    }

    fn authorization(&mut self, v: &Value, base: &str, index: usize) -> Authorization {
        let name = self
            .string(v, base, "name")
            .map(|(_, s)| s)
            .unwrap_or_else(|| {
                let n = format!("authorization-{}", index + 1);
                self.warn(
                    &join(base, "name"),
                    format!("the authorization has no name; shown as '{n}'."),
                );
                n
            });
        let authorization_key = self
            .string(v, base, "authorizationKey")
            .map(|(_, s)| s)
            .unwrap_or_default();
        let status = self.enumeration(
            v,
            base,
            "authorizationUseStatus",
            AuthorizationUseStatus::ALL,
            AuthorizationUseStatus::Available,
            "authorization use status",
        );
        let connection = self.string(v, base, "connectionResourceUri").map(|(_, s)| {
            if s.starts_with('/') {
                s.rsplit('/')
                    .find(|p| !p.is_empty())
                    .unwrap_or(&s)
                    .to_string()
            } else {
                s
            }
        });
        Authorization {
            name,
            authorization_key,
            authorization_use_status: status,
            connection,
        }
    }
}

/// The peer ASN and VLAN ID a peering needs (`None` where unusable, with its gap) and its MD5
/// shared key.
struct BgpFields {
    peer_asn: Option<PeerAsn>,
    vlan: Option<VlanId>,
    shared_key: Option<SharedKey>,
    gaps: Vec<PeeringGap>,
}

/// A peering's link subnets, and its IPv6 config (with its path), which also holds the IPv6
/// Microsoft peering config.
struct LinkSubnets {
    ipv4: Option<LinkPair>,
    ipv6: Option<LinkPair>,
    ipv6_config: Option<(String, Value)>,
}

/// What Microsoft peering's configs (IPv4 and IPv6) say, together.
#[derive(Default)]
struct MicrosoftRead {
    /// The prefixes state that needs action, of the two sessions'.
    apps: Option<Apps>,
    prefixes: Vec<IpNet>,
    prefix_info: Vec<PrefixInfo>,
    customer_asn: Option<CustomerAsn>,
    registry: Option<RegistryName>,
    /// The registry as written ("NONE" included).
    registry_raw: Option<String>,
}

impl MicrosoftRead {
    /// The circuit model's Microsoft peering config.
    fn config(&self, kind: PeeringType) -> Option<MicrosoftConfig> {
        match (kind, self.registry) {
            (PeeringType::MicrosoftPeering, Some(r)) => Some(MicrosoftConfig {
                advertised_public_prefixes: self.prefixes.clone(),
                customer_asn: self.customer_asn,
                routing_registry_name: Some(r),
            }),
            (PeeringType::MicrosoftPeering, None) => {
                // "NONE" (or no value) is a peering without a registry [CLI-ROUTING]: its
                // prefixes and customer ASN are kept as they are. A registry name the wizard
                // does not know was said above and is kept out, never the prefixes with it.
                (!self.prefixes.is_empty() || self.customer_asn.is_some()).then(|| {
                    MicrosoftConfig {
                        advertised_public_prefixes: self.prefixes.clone(),
                        customer_asn: self.customer_asn,
                        routing_registry_name: None,
                    }
                })
            }
            (PeeringType::AzurePrivatePeering | PeeringType::AzurePublicPeering, _) => None,
        }
    }
}

/// Everything read of one peering, to be shown as read and, when its peer ASN and VLAN ID
/// are known, kept in the circuit model.
struct PeeringRead {
    kind: PeeringType,
    state: PeeringState,
    provisioning_state: ProvisioningState,
    azure_asn: u32,
    last_modified_by: String,
    global_reach: Vec<GlobalReachConnection>,
    peer_global_reach: Vec<GlobalReachConnection>,
    bgp: BgpFields,
    subnets: LinkSubnets,
    microsoft: MicrosoftRead,
    route_filter: Option<String>,
}

impl PeeringRead {
    /// The peering as read, gaps included.
    fn imported(&self, base: &str) -> ImportedPeering {
        let kind = self.kind;
        let microsoft = self.microsoft.config(kind);
        ImportedPeering {
            path: base.to_string(),
            peering_type: kind,
            state: self.state,
            provisioning_state: self.provisioning_state,
            vlan_id: self.bgp.vlan.map(VlanId::get),
            peer_asn: self.bgp.peer_asn.map(PeerAsn::get),
            ipv4_subnets: self
                .subnets
                .ipv4
                .map(|p| (p.primary().to_string(), p.secondary().to_string())),
            advertised_public_prefixes_state: (kind == PeeringType::MicrosoftPeering)
                .then(|| self.microsoft.apps.unwrap_or(Apps::NotConfigured)),
            advertised_public_prefixes: microsoft
                .as_ref()
                .map(|m| m.advertised_public_prefixes.clone())
                .unwrap_or_default(),
            routing_registry_name: self.microsoft.registry_raw.clone(),
            customer_asn: microsoft
                .as_ref()
                .and_then(|m| m.customer_asn)
                .map(CustomerAsn::get),
            prefix_info: self.microsoft.prefix_info.clone(),
            in_circuit: self.bgp.peer_asn.is_some() && self.bgp.vlan.is_some(),
            gaps: self.bgp.gaps.clone(),
        }
    }

    /// The peering in the circuit model: `None` without a usable peer ASN and VLAN ID.
    fn into_model(self) -> Option<Peering> {
        let (Some(peer_asn), Some(vlan_id)) = (self.bgp.peer_asn, self.bgp.vlan) else {
            return None;
        };
        Some(Peering {
            peer_global_reach: self.peer_global_reach,
            peering_type: self.kind,
            state: self.state,
            azure_asn: self.azure_asn,
            provisioning_state: self.provisioning_state,
            config: PeeringConfig {
                peer_asn,
                ipv4: self.subnets.ipv4,
                ipv6: self.subnets.ipv6,
                vlan_id,
                shared_key: self.bgp.shared_key,
                microsoft: self.microsoft.config(self.kind),
            },
            advertised_public_prefixes_state: self.microsoft.apps.unwrap_or(Apps::NotConfigured),
            prefix_info: self.microsoft.prefix_info,
            last_modified_by: self.last_modified_by,
            global_reach: self.global_reach,
            route_filter: self.route_filter,
        })
    }
}

/// The items of a list value (an array, or a string holding one).
fn items_of(list: &Value) -> Vec<Value> {
    as_object(list)
        .and_then(|l| l.as_array().cloned())
        .unwrap_or_default()
}

/// A route filter rule's communities: a list, or one text with commas or spaces between them.
fn communities(rule: &Value) -> Vec<String> {
    get_prop(rule, "communities")
        .and_then(|(_, c)| as_object(c).or_else(|| Some(c.clone())))
        .map(|c| match c {
            Value::Array(items) => items.iter().filter_map(text_of).collect(),
            other => text_of(&other)
                .map(|t| {
                    t.split([',', ' '])
                        .filter(|x| !x.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default(),
        })
        .unwrap_or_default()
}

/// Of two prefixes states (IPv4 and IPv6 sessions), the one that needs action.
fn worse(a: Apps, b: Apps) -> Apps {
    // NotConfigured on one session usually means that family is not used.
    let rank = |s: Apps| match s {
        Apps::ValidationNeeded => 3,
        Apps::Configuring => 2,
        Apps::Configured => 1,
        Apps::NotConfigured => 0,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// What a resource type is, and what to paste instead. [SPEC-2024-05] [SPEC-NET]
fn describe_type(resource_type: &str) -> (&'static str, &'static str) {
    const CIRCUIT: &str = "Paste the ExpressRoute circuit instead: `az network express-route show --resource-group <group> --name <circuit>`, or `Get-AzExpressRouteCircuit -ResourceGroupName <group> -Name <circuit>`.";
    let t = resource_type.to_ascii_lowercase();
    let kind = t.rsplit('/').next().unwrap_or("");
    match kind {
        "connections" => ("a connection (the link between a virtual network gateway and a circuit)", "Paste the ExpressRoute circuit instead: `az network express-route show --resource-group <group> --name <circuit>`, or `Get-AzExpressRouteCircuit -ResourceGroupName <group> -Name <circuit>`. The wizard follows a circuit's virtual network links on its step 5."),
        "virtualnetworkgateways" => ("a virtual network gateway (the ExpressRoute gateway of a virtual network)", CIRCUIT),
        "routefilters" => ("a route filter (it selects the BGP communities a Microsoft peering receives)", "Paste the ExpressRoute circuit instead: `az network express-route show --resource-group <group> --name <circuit>`, or `Get-AzExpressRouteCircuit -ResourceGroupName <group> -Name <circuit>`. A route filter is attached to the circuit's Microsoft peering, which shows it."),
        "expressroutegateways" => ("an ExpressRoute gateway of Virtual WAN", CIRCUIT),
        "expressrouteconnections" => ("an ExpressRoute connection of Virtual WAN", CIRCUIT),
        "expressroutecrossconnections" => ("an ExpressRoute cross-connection (the connectivity provider's side of a circuit)", CIRCUIT),
        "expressrouteportslocations" => ("an ExpressRoute Direct location", "Paste the ExpressRoute Direct port (`Get-AzExpressRoutePort`, `az network express-route port show`) or a circuit instead."),
        "authorizations" if t.contains("expressrouteports") => ("an authorization of an ExpressRoute Direct port (its key lets a circuit in another subscription be created on the port)", "Paste the ExpressRoute Direct port (`Get-AzExpressRoutePort`) or the circuit instead."),
        "links" if t.contains("expressrouteports") => ("one link of an ExpressRoute Direct port", "Paste the whole port instead: `Get-AzExpressRoutePort -ResourceGroupName <group> -Name <port>` or `az network express-route port show`."),
        "expressrouteserviceproviders" => ("an ExpressRoute connectivity provider (its peering locations and bandwidths)", CIRCUIT),
        "virtualnetworks" => ("a virtual network", CIRCUIT),
        _ => ("a resource the wizard does not read", CIRCUIT),
    }
}

fn base_or_top(base: &str) -> &str {
    if base.is_empty() {
        "(top level)"
    } else {
        base
    }
}

/// Global Reach connections as Azure lists them (CLI, REST or PowerShell's JSON): the name, the
/// other circuit (from `other_peering`, its peering's resource id), `addressPrefix`,
/// `ipv6CircuitConnectionConfig.addressPrefix` and `circuitConnectionStatus`. A value that is
/// missing, redacted or not a prefix is left unknown. [SPEC-2024-05] [GR-CLI]
fn read_global_reach(items: &[Value], other_peering: &str) -> Vec<GlobalReachConnection> {
    use crate::global_reach::CircuitConnectionStatus;
    let text = |item: &Value, key: &str| {
        get_prop(item, key)
            .and_then(|(_, v)| text_of(v))
            .filter(|s| !s.is_empty() && !is_redacted(s))
    };
    let prefix = |s: Option<String>| s.and_then(|s| s.parse::<ipnet::IpNet>().ok());
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let name = text(item, "name")
                .or_else(|| text(item, "connectionName"))
                .unwrap_or_else(|| format!("connection {}", i + 1));
            let peer_id = get_prop(item, other_peering)
                .and_then(|(_, p)| as_object(p))
                .and_then(|p| get(&p, "id").and_then(|(_, id)| text_of(id)))
                .or_else(|| get_prop(item, other_peering).and_then(|(_, p)| text_of(p)))
                .unwrap_or_default();
            let circuit_id = peer_id
                .split("/peerings/")
                .next()
                .unwrap_or_default()
                .to_string();
            let ipv6 = get_prop(item, "ipv6CircuitConnectionConfig")
                .and_then(|(_, c)| as_object(c))
                .and_then(|c| get(&c, "addressPrefix").and_then(|(_, p)| text_of(p)));
            GlobalReachConnection {
                name,
                peer_circuit_id: if is_redacted(&circuit_id) {
                    String::new()
                } else {
                    circuit_id
                },
                address_prefix: prefix(text(item, "addressPrefix")),
                ipv6_address_prefix: prefix(ipv6.filter(|s| !is_redacted(s))),
                authorized: text(item, "authorizationKey").is_some()
                    || text(item, "authResourceGuid").is_some(),
                status: text(item, "circuitConnectionStatus")
                    .and_then(|s| CircuitConnectionStatus::parse(&s)),
            }
        })
        .collect()
}

/// A peering's `routeFilter` reference (`{"id": "/subscriptions/…/routeFilters/name"}`, or the
/// id alone): `None` when there is none. [SPEC-2024-05] [ROUTE-FILTER]
fn route_filter_reference(v: &Value) -> Option<String> {
    let (_, rf) = get_prop(v, "routeFilter")?;
    rf.as_str()
        .or_else(|| get(rf, "id").and_then(|(_, id)| id.as_str()))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}
