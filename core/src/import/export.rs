//! One circuit as Azure-shaped JSON: the REST resource shape
//! (`Microsoft.Network/expressRouteCircuits`) with Azure's enum spellings.
//! [SPEC-2024-05] [SPEC-2024-10] [EX-CIRCUIT-GET] [EX-PEERING-GET] [EX-AUTH-GET]

use serde_json::{json, Map, Value};

use crate::circuit::{Circuit, Peering, Port};
use crate::commands::circuit_resource_id;
use crate::enums::PeeringType;
use crate::routing::LinkPair;

/// The extension key carrying what the REST shape has no field for: the
/// provider's routing model (Layer 2/3), the VNet links (in Azure they are
/// separate connection resources), and the subscription and resource group
/// (so a circuit without a subscription id still round-trips). Azure tools
/// ignore it; [`super::import`] reads it back.
pub const EXTENSION_KEY: &str = "x-erWizard";

/// The circuit as pretty-printed Azure-shaped JSON; see [`export_azure_value`].
pub fn export_azure_json(c: &Circuit) -> String {
    // Serializing a `Value` cannot fail (its map keys are strings).
    serde_json::to_string_pretty(&export_azure_value(c)).unwrap_or_default()
}

/// The circuit in the REST resource shape: `name`, `id`, `type`, `location`,
/// `sku` {name, tier, family}, `properties` {states, `serviceKey`,
/// `serviceProviderProperties` or `expressRoutePort` + `bandwidthInGbps`,
/// `allowClassicOperations`, `peerings`, `authorizations`}, plus
/// [`EXTENSION_KEY`].
///
/// Peerings carry `sharedKey` when one is set (it is the user's own data and
/// the backup must restore it). IPv4 advertised prefixes and their per-prefix
/// states go in `microsoftPeeringConfig`, IPv6 ones in
/// `ipv6PeeringConfig.microsoftPeeringConfig`, so importing the export gives back
/// the prefixes with the IPv4 ones first.
///
/// [`super::import`] of this JSON gives back the same circuit.
pub fn export_azure_value(c: &Circuit) -> Value {
    let mut props = Map::new();
    props.insert(
        "provisioningState".into(),
        json!(c.provisioning_state.as_str()),
    );
    props.insert(
        "circuitProvisioningState".into(),
        json!(c.circuit_provisioning_state.as_str()),
    );
    props.insert(
        "serviceProviderProvisioningState".into(),
        json!(c.service_provider_provisioning_state.as_str()),
    );
    props.insert("serviceKey".into(), json!(c.service_key));
    props.insert(
        "allowClassicOperations".into(),
        json!(c.allow_classic_operations),
    );
    let routing_model = match &c.port {
        Port::Provider {
            service_provider_name,
            peering_location,
            bandwidth_in_mbps,
            routing_model,
        } => {
            props.insert(
                "serviceProviderProperties".into(),
                json!({
                    "serviceProviderName": service_provider_name,
                    "peeringLocation": peering_location,
                    "bandwidthInMbps": bandwidth_in_mbps,
                }),
            );
            Some(*routing_model)
        }
        Port::Direct {
            express_route_port,
            bandwidth_in_gbps,
            ..
        } => {
            props.insert(
                "expressRoutePort".into(),
                json!({ "id": express_route_port }),
            );
            props.insert("bandwidthInGbps".into(), json!(bandwidth_in_gbps));
            None
        }
    };
    props.insert(
        "peerings".into(),
        Value::Array(c.peerings.iter().map(|p| peering(c, p)).collect()),
    );
    props.insert(
        "authorizations".into(),
        Value::Array(
            c.authorizations
                .iter()
                .map(|a| {
                    let mut ap = Map::new();
                    ap.insert("authorizationKey".into(), json!(a.authorization_key));
                    ap.insert(
                        "authorizationUseStatus".into(),
                        json!(a.authorization_use_status.as_str()),
                    );
                    if let Some(conn) = &a.connection {
                        ap.insert("connectionResourceUri".into(), json!(conn));
                    }
                    ap.insert("provisioningState".into(), json!("Succeeded"));
                    json!({
                        "name": a.name,
                        "id": format!("{}/authorizations/{}", circuit_resource_id(c), a.name),
                        "type": "Microsoft.Network/expressRouteCircuits/authorizations",
                        "properties": ap,
                    })
                })
                .collect(),
        ),
    );
    let mut ext = Map::new();
    ext.insert("subscriptionId".into(), json!(c.subscription_id));
    ext.insert("resourceGroup".into(), json!(c.resource_group));
    if let Some(m) = routing_model {
        // Serialized as Layer2 / Layer3; `FromStr` reads both spellings.
        ext.insert("routingModel".into(), json!(format!("{m:?}")));
    }
    ext.insert(
        "vnetLinks".into(),
        serde_json::to_value(&c.vnet_links).unwrap_or(Value::Array(Vec::new())),
    );
    if let Some(f) = &c.route_filter {
        // The route filter is a resource of its own: the circuit names it by id only
        // (`routeFilter`), so the wizard keeps the filter itself here. [ROUTE-FILTER]
        if let Ok(v) = serde_json::to_value(f) {
            ext.insert("routeFilter".into(), v);
        }
    }

    let mut out = Map::new();
    out.insert("name".into(), json!(c.name));
    out.insert("id".into(), json!(circuit_resource_id(c)));
    out.insert(
        "type".into(),
        json!("Microsoft.Network/expressRouteCircuits"),
    );
    out.insert("location".into(), json!(c.region));
    out.insert(
        "sku".into(),
        json!({ "name": c.sku.name(), "tier": c.sku.tier.as_str(), "family": c.sku.family.as_str() }),
    );
    out.insert("properties".into(), Value::Object(props));
    out.insert(EXTENSION_KEY.into(), Value::Object(ext));
    Value::Object(out)
}

fn pair_into(map: &mut Map<String, Value>, pair: &LinkPair) {
    map.insert(
        "primaryPeerAddressPrefix".into(),
        json!(pair.primary().to_string()),
    );
    map.insert(
        "secondaryPeerAddressPrefix".into(),
        json!(pair.secondary().to_string()),
    );
}

/// A `microsoftPeeringConfig` for one address family.
fn ms_config(p: &Peering, v6: bool) -> Value {
    let is_family = |n: &ipnet::IpNet| matches!(n, ipnet::IpNet::V6(_)) == v6;
    let ms = p.config.microsoft.as_ref();
    let prefixes: Vec<String> = ms
        .map(|m| {
            m.advertised_public_prefixes
                .iter()
                .filter(|n| is_family(n))
                .map(ToString::to_string)
                .collect()
        })
        .unwrap_or_default();
    let mut cfg = Map::new();
    cfg.insert("advertisedPublicPrefixes".into(), json!(prefixes));
    cfg.insert("advertisedCommunities".into(), json!([]));
    cfg.insert(
        "advertisedPublicPrefixesState".into(),
        json!(p.advertised_public_prefixes_state.as_str()),
    );
    cfg.insert(
        "customerASN".into(),
        json!(ms.and_then(|m| m.customer_asn).map_or(0, |a| a.get())),
    );
    cfg.insert("legacyMode".into(), json!(0));
    cfg.insert(
        "routingRegistryName".into(),
        json!(p.routing_registry_name()),
    );
    let info: Vec<Value> = p
        .prefix_info
        .iter()
        .filter(|i| is_family(&i.prefix))
        .map(|i| {
            let mut o = Map::new();
            o.insert("prefix".into(), json!(i.prefix.to_string()));
            // Written only when added, as Azure returns them [SPEC-2024-10].
            if let Some(id) = &i.validation_id {
                o.insert("validationId".into(), json!(id));
            }
            if let Some(sig) = &i.signature {
                o.insert("signature".into(), json!(sig));
            }
            o.insert("validationState".into(), json!(i.validation_state.as_str()));
            Value::Object(o)
        })
        .collect();
    if !info.is_empty() {
        cfg.insert("advertisedPublicPrefixInfo".into(), Value::Array(info));
    }
    Value::Object(cfg)
}

fn peering(c: &Circuit, p: &Peering) -> Value {
    let mut props = Map::new();
    props.insert(
        "provisioningState".into(),
        json!(p.provisioning_state.as_str()),
    );
    props.insert("peeringType".into(), json!(p.peering_type.as_str()));
    props.insert("azureASN".into(), json!(p.azure_asn));
    props.insert("peerASN".into(), json!(p.config.peer_asn.get()));
    if let Some(pair) = &p.config.ipv4 {
        pair_into(&mut props, pair);
    }
    props.insert("state".into(), json!(p.state.as_str()));
    props.insert("vlanId".into(), json!(p.config.vlan_id.get()));
    if let Some(k) = &p.config.shared_key {
        props.insert("sharedKey".into(), json!(k.as_str()));
    }
    props.insert("lastModifiedBy".into(), json!(p.last_modified_by));
    // Global Reach, both sides, as the REST body lists them. [SPEC-2024-05]
    for (key, list, other, kind) in [
        (
            "connections",
            &p.global_reach,
            "peerExpressRouteCircuitPeering",
            "connections",
        ),
        (
            "peerExpressRouteCircuitConnections",
            &p.peer_global_reach,
            "expressRouteCircuitPeering",
            "peerConnections",
        ),
    ] {
        if list.is_empty() {
            continue;
        }
        let items = list
            .iter()
            .map(|g| {
                let mut props = serde_json::Map::new();
                if let Some(v4) = g.address_prefix {
                    props.insert("addressPrefix".into(), json!(v4.to_string()));
                }
                if let Some(v6) = g.ipv6_address_prefix {
                    props.insert("ipv6CircuitConnectionConfig".into(), json!({ "addressPrefix": v6.to_string() }));
                }
                if !g.peer_circuit_id.is_empty() {
                    props.insert(other.into(), json!({ "id": crate::global_reach::private_peering_id(&g.peer_circuit_id) }));
                }
                if let Some(s) = g.status {
                    props.insert("circuitConnectionStatus".into(), json!(s.as_str()));
                }
                json!({
                    "name": g.name,
                    "type": format!("Microsoft.Network/expressRouteCircuits/peerings/{kind}"),
                    "properties": Value::Object(props),
                })
            })
            .collect();
        props.insert(key.into(), Value::Array(items));
    }
    if let Some(reference) = &p.route_filter {
        props.insert(
            "routeFilter".into(),
            json!({ "id": route_filter_id(c, reference) }),
        );
    }
    let microsoft = p.peering_type == PeeringType::MicrosoftPeering;
    // [CLI-ROUTING]: private peering reads back a config with NotConfigured / NONE.
    props.insert("microsoftPeeringConfig".into(), ms_config(p, false));
    let has_v6_ms = microsoft
        && (p.config.microsoft.as_ref().is_some_and(|m| {
            m.advertised_public_prefixes
                .iter()
                .any(|n| matches!(n, ipnet::IpNet::V6(_)))
        }) || p
            .prefix_info
            .iter()
            .any(|i| matches!(i.prefix, ipnet::IpNet::V6(_))));
    if p.config.ipv6.is_some() || has_v6_ms {
        let mut v6 = Map::new();
        if let Some(pair) = &p.config.ipv6 {
            pair_into(&mut v6, pair);
        }
        v6.insert("state".into(), json!(p.state.as_str()));
        if microsoft {
            v6.insert("microsoftPeeringConfig".into(), ms_config(p, true));
        }
        props.insert("ipv6PeeringConfig".into(), Value::Object(v6));
    }
    json!({
        "name": p.peering_type.as_str(),
        "id": format!("{}/peerings/{}", circuit_resource_id(c), p.peering_type),
        "type": "Microsoft.Network/expressRouteCircuits/peerings",
        "properties": props,
    })
}

/// A peering's `routeFilter` id: kept as read when it is one, otherwise built from the name and
/// the resource group of the circuit's own filter (or the circuit's). [SPEC-2024-05]
fn route_filter_id(c: &Circuit, reference: &str) -> String {
    if reference.contains('/') {
        return reference.to_string();
    }
    match &c.route_filter {
        Some(f) if f.name.eq_ignore_ascii_case(reference) => {
            crate::commands::route_filter_resource_id(c, f)
        }
        _ => crate::commands::route_filter_resource_id(
            c,
            &crate::route_filter::RouteFilter {
                name: reference.to_string(),
                resource_group: c.resource_group.clone(),
                region: c.region.clone(),
                rule: None,
            },
        ),
    }
}
