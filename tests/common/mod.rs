//! Builders shared by the app's integration tests.

/// A valid Provider-port circuit as `er_core::create` makes it (Equinix, Silicon Valley, 200 Mbps).
pub fn circuit(name: &str) -> er_core::Circuit {
    let req = er_core::CreateCircuit {
        name: name.into(),
        resource_group: "rg".into(),
        region: "West US".into(),
        provider: "Equinix".into(),
        peering_location: "Silicon Valley".into(),
        bandwidth_mbps: 200,
        ..Default::default()
    };
    er_core::create(&req, "a1410692-0000-4ceb-b94a-b90b94d398d1").expect("valid request")
}
