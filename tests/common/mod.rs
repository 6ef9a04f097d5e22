//! Builders shared by the app's integration tests. Each test crate uses part of this module.
#![allow(dead_code)]

/// The real Azure examples the importer is tested on.
pub const EXAMPLES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/core/tests/fixtures/azure-examples"
);

// Used by some of the test crates that share this module.
#[allow(unused_imports)]
pub use er_core::import::fuzz::mutate;

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
