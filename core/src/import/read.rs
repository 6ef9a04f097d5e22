//! Reading one resource (any JSON shape, keys matched case-insensitively) into
//! the core's [`Circuit`], with warnings and unknown values.

use std::fmt::Display;

use ipnet::IpNet;
use serde_json::Value;

use super::export::EXTENSION_KEY;
use super::{Found, ImportWarning, ImportedKind, UnknownField, UnknownReason};
use crate::circuit::{Authorization, Circuit, Peering, Port, PrefixInfo, Sku, VnetLink};
use crate::enums::{
    AdvertisedPublicPrefixesState as Apps, AuthorizationUseStatus, CircuitProvisioningState,
    PeeringState, PeeringType, PrefixValidationState, ProvisioningState, RegistryName,
    RoutingModel, ServiceProviderProvisioningState as Sp, SkuFamily, SkuTier,
};
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

/// A value someone hid before sharing: `*****`, `####`, `<your-key>`, "REDACTED".
pub(crate) fn is_redacted(s: &str) -> bool {
    let t = s.trim();
    t.contains("***")
        || t.contains("###")
        || (t.len() >= 2 && t.starts_with('<') && t.ends_with('>'))
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

/// The parts of a resource ID.
#[derive(Default)]
struct ResourceId {
    subscription: Option<String>,
    resource_group: Option<String>,
    circuit: Option<String>,
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
    }
}

// ---------------------------------------------------------------------------------------
// The reader

pub(crate) struct Reader {
    pub warnings: Vec<ImportWarning>,
    pub unknowns: Vec<UnknownField>,
    /// For a lone peering / authorization: missing circuit fields are assumed
    /// quietly (one summary warning says so).
    quiet: bool,
}

impl Reader {
    pub fn new() -> Self {
        Self {
            warnings: Vec::new(),
            unknowns: Vec::new(),
            quiet: false,
        }
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
    pub fn read(&mut self, f: &Found) -> (Circuit, ImportedKind) {
        let base = f.path.as_str();
        let v = &f.value;
        // The wizard's own export is complete by construction: an empty value
        // there is the circuit's real value, not a gap to warn about.
        self.quiet = f.format == super::ImportFormat::WizardExport;
        match f.kind {
            ImportedKind::Circuit => (
                self.circuit(v, base, Sp::NotProvisioned),
                ImportedKind::Circuit,
            ),
            ImportedKind::PeeringOnly => {
                self.quiet = true;
                // [WF]: peering needs a Provisioned circuit, so one with a peering was Provisioned.
                let mut c = self.parent_circuit(v, base, Sp::Provisioned);
                if let Some(p) = self.peering(v, base) {
                    c.peerings.push(p);
                }
                self.warn(base_or_top(base), "This is a peering, not a whole circuit: the circuit around it comes from the peering's resource ID. Its SKU, bandwidth and provider are not in this input (shown as Standard_MeteredData, 50 Mbps, no provider); its provider state is shown as Provisioned because a peering can only exist on a provisioned circuit. Import the circuit itself for its real state.");
                (c, ImportedKind::PeeringOnly)
            }
            ImportedKind::AuthorizationOnly => {
                self.quiet = true;
                let mut c = self.parent_circuit(v, base, Sp::NotProvisioned);
                if let Some(a) = self.authorization(v, base, 0) {
                    c.authorizations.push(a);
                }
                self.warn(base_or_top(base), "This is an authorization, not a whole circuit: the circuit around it comes from the authorization's resource ID. Its states, SKU, bandwidth and provider are not in this input (shown as NotProvisioned, Standard_MeteredData, 50 Mbps, no provider). Import the circuit itself for its real state.");
                (c, ImportedKind::AuthorizationOnly)
            }
        }
    }

    /// For a child resource: the circuit's own fields are not in the input, so
    /// the circuit is read from the child's resource ID only (name, group,
    /// subscription) and everything else is assumed quietly.
    fn parent_circuit(&mut self, v: &Value, base: &str, provider_state: Sp) -> Circuit {
        let id = get(v, "id").and_then(|(_, id)| id.as_str().map(str::to_string));
        let parsed = id.as_deref().map(parse_id).unwrap_or_default();
        let mut shell = serde_json::Map::new();
        if let Some(id) = id {
            shell.insert("id".into(), Value::String(id));
        }
        match parsed.circuit.filter(|n| !is_redacted(n)) {
            Some(name) => {
                shell.insert("name".into(), Value::String(name));
            }
            None => self.warn(
                &join(base, "id"),
                "the circuit's name is not in this input; shown as 'imported-circuit'.",
            ),
        }
        self.circuit(&Value::Object(shell), base, provider_state)
    }

    fn circuit(&mut self, v: &Value, base: &str, default_provider_state: Sp) -> Circuit {
        let ext = get(v, EXTENSION_KEY).map(|(_, e)| e.clone());
        let ext_str = |k: &str| {
            ext.as_ref()
                .and_then(|e| get(e, k))
                .and_then(|(_, x)| x.as_str().map(str::to_string))
        };

        let name = match self.string(v, base, "name") {
            Some((_, n)) => n,
            None => {
                if !self.quiet {
                    self.missing(
                        &join(base, "name"),
                        "The circuit name",
                        "'imported-circuit'",
                    );
                }
                "imported-circuit".to_string()
            }
        };
        let id = match get(v, "id") {
            Some((k, Value::String(s))) => {
                let parsed = parse_id(s);
                if parsed.subscription.as_deref().is_some_and(is_redacted)
                    && ext_str("subscriptionId").is_none()
                {
                    let path = join(base, k);
                    self.warn(&path, "the subscription id in the resource ID was redacted; shown as unknown (commands use <subscription-id>).");
                }
                parsed
            }
            _ => ResourceId::default(),
        };
        let subscription_id = ext_str("subscriptionId")
            .or_else(|| id.subscription.clone().filter(|s| !is_redacted(s)))
            .unwrap_or_default();
        let resource_group = ext_str("resourceGroup")
            .or_else(|| self.string(v, base, "resourceGroup").map(|(_, s)| s))
            .or_else(|| self.string(v, base, "resourceGroupName").map(|(_, s)| s))
            .or_else(|| id.resource_group.clone().filter(|s| !is_redacted(s)))
            .unwrap_or_else(|| {
                self.missing(&join(base, "id"), "The resource group", "empty");
                String::new()
            });
        let region = self
            .string(v, base, "location")
            .map(|(_, s)| s)
            .unwrap_or_else(|| {
                self.missing(&join(base, "location"), "The region (location)", "empty");
                String::new()
            });

        let sku = self.sku(v, base);
        let routing_model = match ext_str("routingModel") {
            Some(s) => s.parse().unwrap_or(RoutingModel::Layer2),
            None => {
                if !self.quiet && !self.is_direct(v) {
                    self.warn("routingModel", "Azure does not record whether your provider works at Layer 2 or Layer 3; the wizard assumed Layer 2 (you configure routing). Change it if your provider manages routing for you.");
                }
                RoutingModel::Layer2
            }
        };
        let port = self.port(v, base, routing_model);

        let service_key = self
            .string(v, base, "serviceKey")
            .map(|(_, s)| s)
            .unwrap_or_else(|| {
                if get_prop(v, "serviceKey").is_none() {
                    self.missing(&join(base, "serviceKey"), "The service key", "empty");
                }
                String::new()
            });
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
        let circuit_state = match self.string(v, base, "circuitProvisioningState") {
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
        };
        let provisioning_state = self.enumeration(
            v,
            base,
            "provisioningState",
            ProvisioningState::ALL,
            ProvisioningState::Succeeded,
            "provisioning state",
        );
        let allow_classic_operations = self.boolean(v, base, "allowClassicOperations");

        let mut peerings: Vec<Peering> = Vec::new();
        let mut authorizations = Vec::new();
        if let Some((path, list)) = self.list(v, base, "peerings") {
            for (i, item) in list.iter().enumerate() {
                let p_path = format!("{path}[{i}]");
                if let Some(p) = self.peering(item, &p_path) {
                    if peerings.iter().any(|q| q.peering_type == p.peering_type) {
                        self.warn(
                            &p_path,
                            format!(
                                "a second {} was listed; only the first is kept.",
                                p.peering_type
                            ),
                        );
                    } else {
                        peerings.push(p);
                    }
                }
            }
        }
        if let Some((path, list)) = self.list(v, base, "authorizations") {
            for (i, item) in list.iter().enumerate() {
                if let Some(a) = self.authorization(item, &format!("{path}[{i}]"), i) {
                    authorizations.push(a);
                }
            }
        }
        let vnet_links = ext
            .as_ref()
            .and_then(|e| get(e, "vnetLinks"))
            .map(|(_, links)| {
                serde_json::from_value::<Vec<VnetLink>>(links.clone()).unwrap_or_else(|e| {
                    self.warn(
                        &format!("{EXTENSION_KEY}.vnetLinks"),
                        format!("the VNet links could not be read ({e}); left out."),
                    );
                    Vec::new()
                })
            })
            .unwrap_or_default();

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
        }
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
        let tier = if get(&sku, "tier").is_some() {
            self.enumeration(
                &sku,
                &path,
                "tier",
                SkuTier::ALL,
                name_tier.unwrap_or(default.tier),
                "SKU tier",
            )
        } else {
            name_tier.unwrap_or_else(|| {
                self.missing(&join(&path, "tier"), "The SKU tier", default.tier);
                default.tier
            })
        };
        let family = if get(&sku, "family").is_some() {
            self.enumeration(
                &sku,
                &path,
                "family",
                SkuFamily::ALL,
                name_family.unwrap_or(default.family),
                "SKU family",
            )
        } else {
            name_family.unwrap_or_else(|| {
                self.missing(&join(&path, "family"), "The SKU family", default.family);
                default.family
            })
        };
        let sku = Sku { tier, family };
        if let Some(n) = name {
            if !n.eq_ignore_ascii_case(&sku.name()) {
                self.warn(&join(&path, "name"), format!("the SKU name '{n}' does not match tier {tier} and family {family}; the tier and family are used."));
            }
        }
        sku
    }

    fn port(&mut self, v: &Value, base: &str, routing_model: RoutingModel) -> Port {
        if let Some((k, p)) = get_prop(v, "expressRoutePort").filter(|_| self.is_direct(v)) {
            let path = join(base, &k);
            let port = match p {
                Value::String(s) => s.clone(),
                _ => get(p, "id")
                    .and_then(|(_, id)| text_of(id))
                    .unwrap_or_else(|| {
                        self.warn(
                            &path,
                            "the ExpressRoute Direct port has no id; shown as unknown.",
                        );
                        String::new()
                    }),
            };
            let gbps = match get_prop(v, "bandwidthInGbps") {
                Some((gk, g)) => {
                    let gpath = join(base, &gk);
                    match g
                        .as_f64()
                        .or_else(|| text_of(g).and_then(|s| s.parse().ok()))
                    {
                        Some(f) if f >= 1.0 && f.fract() == 0.0 && f <= f64::from(u32::MAX) => {
                            f as u32
                        }
                        _ => {
                            let raw = text_of(g).unwrap_or_default();
                            self.warn(&gpath, format!("'{raw}' Gbps cannot be shown (whole Gbps only); shown as 10 Gbps — check it in Azure."));
                            self.malformed(&gpath, &raw, "10");
                            10
                        }
                    }
                }
                None => {
                    self.missing(
                        &join(base, "bandwidthInGbps"),
                        "The bandwidth (bandwidthInGbps)",
                        "10 Gbps",
                    );
                    10
                }
            };
            return Port::Direct {
                express_route_port: port,
                bandwidth_in_gbps: gbps,
                // A circuit's JSON names its port, not the port's location or size.
                peering_location: String::new(),
                port_bandwidth_gbps: None,
            };
        }
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
        let provider = self
            .string(&props, &path, "serviceProviderName")
            .map(|(_, s)| s)
            .unwrap_or_else(|| {
                if props.is_object() {
                    self.missing(
                        &join(&path, "serviceProviderName"),
                        "The provider name",
                        "empty",
                    );
                }
                String::new()
            });
        let location = self
            .string(&props, &path, "peeringLocation")
            .map(|(_, s)| s)
            .unwrap_or_else(|| {
                if props.is_object() {
                    self.missing(
                        &join(&path, "peeringLocation"),
                        "The peering location",
                        "empty",
                    );
                }
                String::new()
            });
        let smallest = PROVIDER_BANDWIDTHS_MBPS.first().copied().unwrap_or(50);
        let mbps = match self.number(&props, &path, "bandwidthInMbps") {
            Some((bpath, n)) => u32::try_from(n).ok().filter(|n| *n > 0).unwrap_or_else(|| {
                self.warn(&bpath, format!("{n} Mbps is not a possible bandwidth; shown as {smallest} Mbps — check it in Azure."));
                self.malformed(&bpath, &n.to_string(), smallest.to_string());
                smallest
            }),
            None => {
                if props.is_object() && get(&props, "bandwidthInMbps").is_none() {
                    self.missing(&join(&path, "bandwidthInMbps"), "The bandwidth", format!("{smallest} Mbps"));
                }
                smallest
            }
        };
        Port::Provider {
            service_provider_name: provider,
            peering_location: location,
            bandwidth_in_mbps: mbps,
            routing_model,
        }
    }

    fn peering(&mut self, v: &Value, base: &str) -> Option<Peering> {
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
        let provisioning_state = self.enumeration(
            v,
            base,
            "provisioningState",
            ProvisioningState::ALL,
            ProvisioningState::Succeeded,
            "provisioning state",
        );
        let azure_asn = self
            .number(v, base, "azureASN")
            .and_then(|(_, n)| u32::try_from(n).ok())
            .unwrap_or(AZURE_ASN);
        let last_modified_by = self
            .string(v, base, "lastModifiedBy")
            .map(|(_, s)| s)
            .unwrap_or_default();
        // Global Reach connections (ExpressRouteCircuitConnection): only their names are kept,
        // to count them against the link limit. [SPEC-2024-05] [LIMITS]
        let global_reach = self
            .list(v, base, "connections")
            .map(|(_, items)| {
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        get(item, "name")
                            .and_then(|(_, n)| n.as_str().map(str::to_string))
                            .unwrap_or_else(|| format!("connection {}", i + 1))
                    })
                    .collect()
            })
            .unwrap_or_default();

        let peer_asn = match self.number(v, base, "peerASN") {
            Some((path, n)) => match u32::try_from(n).ok().map(PeerAsn::try_from) {
                Some(Ok(a)) => Some(a),
                Some(Err(r)) => {
                    self.warn(&path, format!("peer ASN {n} cannot be used: {r}; {kind} is shown as unknown and left out of the circuit."));
                    self.malformed(&path, &n.to_string(), "left out");
                    None
                }
                None => {
                    self.warn(
                        &path,
                        format!("peer ASN {n} is out of range; {kind} is left out of the circuit."),
                    );
                    self.malformed(&path, &n.to_string(), "left out");
                    None
                }
            },
            None => {
                if get_prop(v, "peerASN").is_none() {
                    self.warn(
                        &join(base, "peerASN"),
                        format!("{kind} has no peer ASN; it is left out of the circuit."),
                    );
                }
                None
            }
        };
        let vlan = match self.number(v, base, "vlanId") {
            Some((path, n)) => match u16::try_from(n).ok().map(VlanId::try_from) {
                Some(Ok(x)) => Some(x),
                _ => {
                    self.warn(&path, format!("VLAN ID {n} is not a valid 802.1Q VLAN ID (1–4094); {kind} is shown as unknown and left out of the circuit."));
                    self.malformed(&path, &n.to_string(), "left out");
                    None
                }
            },
            None => {
                if get_prop(v, "vlanId").is_none() {
                    self.warn(
                        &join(base, "vlanId"),
                        format!("{kind} has no VLAN ID; it is left out of the circuit."),
                    );
                }
                None
            }
        };
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
        let ipv4 = self.pair(v, base, IpFamily::V4);
        let v6cfg = get_prop(v, "ipv6PeeringConfig").and_then(|(k, c)| {
            as_object(c)
                .filter(Value::is_object)
                .map(|c| (join(base, &k), c))
        });
        let ipv6 = v6cfg
            .as_ref()
            .and_then(|(path, c)| self.pair(c, path, IpFamily::V6));
        if let Some((path, c)) = &v6cfg {
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

        // Microsoft peering config, IPv4 then IPv6. [SPEC-2024-05] [SPEC-2024-10]
        let mut configs: Vec<(String, Value)> = Vec::new();
        if let Some((k, c)) = get_prop(v, "microsoftPeeringConfig") {
            if let Some(o) = as_object(c).filter(Value::is_object) {
                configs.push((join(base, &k), o));
            }
        }
        if let Some((path, c)) = &v6cfg {
            if let Some((k, m)) = get(c, "microsoftPeeringConfig") {
                if let Some(o) = as_object(m).filter(Value::is_object) {
                    configs.push((join(path, k), o));
                }
            }
        }
        let mut apps: Option<Apps> = None;
        let mut prefixes: Vec<IpNet> = Vec::new();
        let mut prefix_info: Vec<PrefixInfo> = Vec::new();
        let mut customer_asn: Option<CustomerAsn> = None;
        let mut registry: Option<RegistryName> = None;
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
                apps = Some(match apps {
                    None => s,
                    Some(prev) => worse(prev, s),
                });
            }
            if kind != PeeringType::MicrosoftPeering {
                continue;
            }
            if let Some((k, list)) = get(cfg, "advertisedPublicPrefixes") {
                let lpath = join(path, k);
                for (i, item) in as_object(list)
                    .and_then(|l| l.as_array().cloned())
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                {
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
                                format!(
                                    "'{raw}' is not an IP prefix; shown as unknown and left out."
                                ),
                            );
                            self.malformed(&ipath, &raw, "left out");
                        }
                    }
                }
            }
            if let Some((k, list)) = get(cfg, "advertisedPublicPrefixInfo") {
                let lpath = join(path, k);
                for (i, item) in as_object(list)
                    .and_then(|l| l.as_array().cloned())
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                {
                    let ipath = format!("{lpath}[{i}]");
                    let prefix = self.string(item, &ipath, "prefix").and_then(|(p, s)| {
                        s.parse::<IpNet>().ok().or_else(|| {
                            self.warn(
                                &p,
                                format!(
                                    "'{s}' is not an IP prefix; its validation state is left out."
                                ),
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
                    if let (Some(prefix), Some(validation_state)) = (prefix, state) {
                        prefix_info.push(PrefixInfo {
                            prefix,
                            validation_state,
                        });
                    }
                }
            }
            if customer_asn.is_none() {
                if let Some((p, n)) = self.number(cfg, path, "customerASN") {
                    if n > 0 {
                        match u32::try_from(n).ok().map(CustomerAsn::try_from) {
                            Some(Ok(a)) => customer_asn = Some(a),
                            _ => {
                                self.warn(&p, format!("customer ASN {n} cannot be used; shown as unknown and left out."));
                                self.malformed(&p, &n.to_string(), "left out");
                            }
                        }
                    }
                }
            }
            if registry.is_none() {
                if let Some((p, s)) = self.string(cfg, path, "routingRegistryName") {
                    if s.eq_ignore_ascii_case("NONE") {
                        // [CLI-ROUTING]: "NONE" when unset.
                    } else {
                        match RegistryName::parse(&s) {
                            Ok(r) => registry = Some(r),
                            // Said for each config that has it (IPv4 and IPv6 may both); only
                            // Microsoft peering uses a registry.
                            Err(_) if kind == PeeringType::MicrosoftPeering => {
                                self.warn(&p, format!("routing registry '{s}' is not one Microsoft accepts (ARIN, APNIC, AFRINIC, LACNIC, RIPENCC, RADB, ALTDB, LEVEL3); it is left out and the advertised prefixes are kept."));
                                self.unknown(&p, &s, "left out");
                            }
                            Err(_) => {}
                        }
                    }
                }
            }
        }
        let microsoft = match (kind, registry) {
            (PeeringType::MicrosoftPeering, Some(r)) => Some(MicrosoftConfig {
                advertised_public_prefixes: prefixes,
                customer_asn,
                routing_registry_name: Some(r),
            }),
            (PeeringType::MicrosoftPeering, None) => {
                // "NONE" (or no value) is a peering without a registry [CLI-ROUTING]: its
                // prefixes and customer ASN are kept as they are. A registry name the wizard
                // does not know was said above and is kept out, never the prefixes with it.
                (!prefixes.is_empty() || customer_asn.is_some()).then_some(MicrosoftConfig {
                    advertised_public_prefixes: prefixes,
                    customer_asn,
                    routing_registry_name: None,
                })
            }
            (PeeringType::AzurePrivatePeering | PeeringType::AzurePublicPeering, _) => None,
        };
        let (peer_asn, vlan_id) = (peer_asn?, vlan?);
        Some(Peering {
            peering_type: kind,
            state,
            azure_asn,
            provisioning_state,
            config: PeeringConfig {
                peer_asn,
                ipv4,
                ipv6,
                vlan_id,
                shared_key,
                microsoft,
            },
            advertised_public_prefixes_state: apps.unwrap_or(Apps::NotConfigured),
            prefix_info,
            last_modified_by,
            global_reach,
        })
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

    fn authorization(&mut self, v: &Value, base: &str, index: usize) -> Option<Authorization> {
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
        Some(Authorization {
            name,
            authorization_key,
            authorization_use_status: status,
            connection,
        })
    }
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

fn base_or_top(base: &str) -> &str {
    if base.is_empty() {
        "(top level)"
    } else {
        base
    }
}
