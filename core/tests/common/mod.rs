//! Shared builders for the core's integration tests.
#![allow(dead_code)]

use er_core::*;

pub const KEY: &str = "a1410692-0000-4ceb-b94a-b90b94d398d1";
pub const AUTH_KEY_1: &str = "11111111-2222-4333-8444-555555555555";
pub const AUTH_KEY_2: &str = "66666666-7777-4888-9999-aaaaaaaaaaaa";

/// The SC-01 create form.
pub fn form() -> CreateCircuit {
    CreateCircuit {
        name: "ExpressRouteARMCircuit".into(),
        resource_group: "ExpressRouteResourceGroup".into(),
        region: "West US".into(),
        provider: "Equinix".into(),
        peering_location: "Silicon Valley".into(),
        bandwidth_mbps: 200,
        sku_tier: SkuTier::Standard,
        sku_family: SkuFamily::MeteredData,
        ..CreateCircuit::default()
    }
}

pub fn new_circuit() -> Circuit {
    create(&form(), KEY).expect("SC-01 form is valid")
}

pub fn circuit_with(tier: SkuTier, family: SkuFamily, mbps: u32, model: RoutingModel) -> Circuit {
    let f = CreateCircuit {
        sku_tier: tier,
        sku_family: family,
        bandwidth_mbps: mbps,
        routing_model: model,
        ..form()
    };
    create(&f, KEY).expect("valid form")
}

pub fn direct_circuit() -> Circuit {
    let f = CreateCircuit {
        port_type: PortType::Direct,
        express_route_port: "erdirect-port1".into(),
        bandwidth_gbps: 10,
        port_bandwidth_gbps: 100,
        peering_location: "Silicon Valley".into(),
        ..form()
    };
    create(&f, KEY).expect("valid direct form")
}

pub fn step(c: &Circuit, a: Action) -> Circuit {
    match apply(c, &a) {
        Ok(t) => t.circuit,
        Err(r) => panic!("{a:?} refused: {r}"),
    }
}

pub fn provisioned(c: &Circuit) -> Circuit {
    let c = step(c, Action::ProviderStartProvisioning);
    step(&c, Action::ProviderCompleteProvisioning)
}

pub fn private_input() -> PeeringInput {
    PeeringInput {
        peer_asn: "65020".into(),
        primary_subnet: "192.168.17.16/30".into(),
        secondary_subnet: "192.168.17.20/30".into(),
        vlan_id: "100".into(),
        ..PeeringInput::default()
    }
}

pub fn microsoft_input() -> PeeringInput {
    PeeringInput {
        peer_asn: "100".into(),
        primary_subnet: "123.0.0.0/30".into(),
        secondary_subnet: "123.0.0.4/30".into(),
        vlan_id: "300".into(),
        advertised_public_prefixes: "123.1.0.0/24".into(),
        customer_asn: "23".into(),
        routing_registry_name: "ARIN".into(),
        ..PeeringInput::default()
    }
}

pub fn config(kind: PeeringType, input: &PeeringInput) -> PeeringConfig {
    match PeeringConfig::parse(kind, input) {
        Ok(v) => v.config,
        Err(e) => panic!("input refused: {e:?}"),
    }
}

pub fn with_private_peering(c: &Circuit) -> Circuit {
    step(
        c,
        Action::AddPeering {
            kind: PeeringType::AzurePrivatePeering,
            config: config(PeeringType::AzurePrivatePeering, &private_input()),
        },
    )
}

pub fn with_microsoft_peering(c: &Circuit) -> Circuit {
    step(
        c,
        Action::AddPeering {
            kind: PeeringType::MicrosoftPeering,
            config: config(PeeringType::MicrosoftPeering, &microsoft_input()),
        },
    )
}

pub fn link(name: &str, region: &str, space: &str, key: Option<&str>) -> Action {
    Action::LinkVnet {
        link: VnetLinkRequest {
            connection_name: name.into(),
            vnet_name: format!("{name}-vnet"),
            vnet_region: region.into(),
            address_spaces: vec![space.parse().expect("test prefix")],
            authorization_key: key.map(str::to_string),
        },
    }
}

/// Field errors of a refused peering input.
pub fn peering_errors(c: &Circuit, kind: PeeringType, input: &PeeringInput) -> Vec<FieldError> {
    match validate_peering(c, kind, input) {
        Ok(v) => panic!("expected refusal, got {:?}", v.config),
        Err(e) => e,
    }
}

pub fn has(errors: &[FieldError], field: Field, pred: impl Fn(&Refusal) -> bool) -> bool {
    errors.iter().any(|e| e.field == field && pred(&e.refusal))
}
