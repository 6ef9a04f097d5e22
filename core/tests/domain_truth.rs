//! Rules checked line by line against Microsoft's current documents, each test named after its
//! rule and citing its source key (docs/sources.md says where each key points).

use er_core::*;

mod common;
use common::*;

fn refusal(c: &Circuit, a: Action) -> Refusal {
    match apply(c, &a) {
        Ok(t) => panic!("{a:?} accepted: {:?}", t.notes),
        Err(r) => r,
    }
}

/// A provisioned circuit with private peering, at `location`, in resource region `region`.
fn at(location: &str, region: &str, tier: SkuTier, family: SkuFamily) -> Circuit {
    let f = CreateCircuit {
        region: region.into(),
        peering_location: location.into(),
        sku_tier: tier,
        sku_family: family,
        ..form()
    };
    with_private_peering(&provisioned(&create(&f, KEY).expect("valid form")))
}

// 1. [LOCATIONS] [PORTAL-CIRCUIT] [FAQ]: reach follows the peering location; the resource region
// plays no part. A West Europe circuit at Silicon Valley reaches West US, not North Europe.
#[test]
fn reach_follows_the_peering_location_not_the_resource_region_locations() {
    let c = at(
        "Silicon Valley",
        "West Europe",
        SkuTier::Standard,
        SkuFamily::MeteredData,
    );
    assert!(apply(&c, &link("us", "West US", "10.1.0.0/16", None)).is_ok());
    let r = refusal(&c, link("eu", "North Europe", "10.2.0.0/16", None));
    match &r {
        Refusal::OtherGeopoliticalRegion {
            location,
            vnet_geopolitical,
            ..
        } => {
            assert_eq!(location.name, "Silicon Valley");
            assert_eq!(location.geopolitical_region, "North America");
            assert_eq!(*vnet_geopolitical, "Europe");
        }
        other => panic!("{other:?}"),
    }
    assert!(r.to_string().contains("resource region plays no part"));
    assert!(r.remedy().contains("Premium"));
    assert!(r.source_key().contains("[LOCATIONS]"));
    // Premium reaches across geopolitical regions (the FAQ's West Europe VNet on a Silicon
    // Valley circuit).
    let p = at(
        "Silicon Valley",
        "West US",
        SkuTier::Premium,
        SkuFamily::MeteredData,
    );
    assert!(apply(&p, &link("eu", "West Europe", "10.2.0.0/16", None)).is_ok());
}

// 1. [LOCATIONS] [PS-CIRCUIT]: the Premium → Standard guard uses the same rule.
#[test]
fn premium_downgrade_checks_reach_from_the_peering_location_ps_circuit() {
    let p = at(
        "Silicon Valley",
        "West Europe",
        SkuTier::Premium,
        SkuFamily::MeteredData,
    );
    let us = step(&p, link("us", "West US", "10.1.0.0/16", None));
    assert!(apply(
        &us,
        &Action::ChangeTier {
            tier: SkuTier::Standard
        }
    )
    .is_ok());
    let eu = step(&us, link("eu", "North Europe", "10.2.0.0/16", None));
    match refusal(
        &eu,
        Action::ChangeTier {
            tier: SkuTier::Standard,
        },
    ) {
        Refusal::PremiumDowngradeBlocked {
            other_region_links, ..
        } => assert_eq!(other_region_links, vec!["eu".to_string()]),
        other => panic!("{other:?}"),
    }
}

// 1. [LOCATIONS]: Australia Central / Central 2 are "Australia Government", apart from Australia
// East / Southeast ("Oceania"); UAE is its own geopolitical region.
#[test]
fn australia_government_and_uae_are_their_own_geopolitical_regions_locations() {
    let canberra = at(
        "Canberra",
        "Australia Central",
        SkuTier::Standard,
        SkuFamily::MeteredData,
    );
    assert!(apply(
        &canberra,
        &link("ac2", "Australia Central 2", "10.1.0.0/16", None)
    )
    .is_ok());
    assert!(matches!(
        refusal(&canberra, link("ae", "Australia East", "10.2.0.0/16", None)),
        Refusal::OtherGeopoliticalRegion { .. }
    ));
    let dubai = at(
        "Dubai",
        "UAE North",
        SkuTier::Standard,
        SkuFamily::MeteredData,
    );
    assert!(apply(&dubai, &link("uae", "UAE Central", "10.1.0.0/16", None)).is_ok());
    assert!(matches!(
        refusal(&dubai, link("eu", "West Europe", "10.2.0.0/16", None)),
        Refusal::OtherGeopoliticalRegion { .. }
    ));
}

// 1. [LOCATIONS]: a location Microsoft's list does not have is a warning, never a refusal.
#[test]
fn unknown_peering_location_warns_instead_of_refusing_locations() {
    let c = at(
        "Atlantis",
        "West US",
        SkuTier::Standard,
        SkuFamily::MeteredData,
    );
    let t = apply(&c, &link("x", "Japan East", "10.1.0.0/16", None)).expect("accepted");
    assert!(t.warnings.iter().any(
        |w| matches!(w, Warning::PeeringLocationUnknown { location } if location == "Atlantis")
    ));
    let f = CreateCircuit {
        peering_location: "Atlantis".into(),
        provider: "Nobody Telecom".into(),
        region: "Mars North".into(),
        ..form()
    };
    let warnings = create_warnings(&f);
    for field in [Field::PeeringLocation, Field::Provider, Field::Region] {
        assert!(
            warnings
                .iter()
                .any(|(f, w)| *f == field && w.contains(catalog::CATALOG_READ)),
            "{field:?}: {warnings:?}"
        );
    }
    assert!(create(&f, KEY).is_ok());
    // A provider the list does not show at that location.
    let f = CreateCircuit {
        provider: "AARNet".into(),
        ..form()
    };
    assert!(create_warnings(&f).iter().any(
        |(f, w)| *f == Field::Provider && w.contains("does not show AARNet at Silicon Valley")
    ));
    assert!(create_warnings(&form()).is_empty());
}

// 2. [FAQ] [LOCATIONS]: ExpressRoute Local reaches only the regions local to its location.
#[test]
fn local_reaches_only_the_regions_local_to_its_peering_location_faq() {
    let c = at(
        "Silicon Valley",
        "West US",
        SkuTier::Local,
        SkuFamily::UnlimitedData,
    );
    assert!(apply(&c, &link("w", "West US", "10.1.0.0/16", None)).is_ok());
    match refusal(&c, link("w2", "West US 2", "10.2.0.0/16", None)) {
        Refusal::OutsideLocalRegions { location, .. } => {
            assert_eq!(location.local_azure_regions, &["West US"])
        }
        other => panic!("{other:?}"),
    }
}

// 2. [LOCATIONS] [FAQ]: Local is offered only where a local Azure region is listed.
#[test]
fn local_is_offered_only_at_a_location_with_a_local_region_locations() {
    let f = CreateCircuit {
        peering_location: "Atlanta".into(),
        provider: "Equinix".into(),
        sku_tier: SkuTier::Local,
        sku_family: SkuFamily::UnlimitedData,
        ..form()
    };
    let errs = create(&f, KEY).unwrap_err();
    assert!(has(&errs, Field::SkuTier, |r| matches!(
        r,
        Refusal::LocalNotOffered { peering_location } if *peering_location == "Atlanta"
    )));
    let ok = CreateCircuit {
        peering_location: "Amsterdam".into(),
        ..f
    };
    assert!(create(&ok, KEY).is_ok());
}

fn direct_form(port: u32, gbps: u32, family: SkuFamily) -> CreateCircuit {
    CreateCircuit {
        port_type: PortType::Direct,
        express_route_port: "port1".into(),
        port_bandwidth_gbps: port,
        bandwidth_gbps: gbps,
        sku_family: family,
        ..form()
    }
}

// 3. [ERDIRECT-HOWTO]: a circuit on a port is created MeteredData only; the documents differ on
// Unlimited afterwards, and the remedy says so.
#[test]
fn direct_circuit_is_created_metered_only_erdirect_howto() {
    let errs = create(&direct_form(100, 10, SkuFamily::UnlimitedData), KEY).unwrap_err();
    let e = errs
        .iter()
        .find(|e| e.field == Field::SkuFamily)
        .expect("family refused");
    assert_eq!(e.refusal, Refusal::DirectUnlimitedAtCreation);
    assert!(e.refusal.remedy().contains("Microsoft's documents differ"));
    assert!(create(&direct_form(100, 10, SkuFamily::MeteredData), KEY).is_ok());
}

// 3. [ERDIRECT-ABOUT]: circuit bandwidths depend on the port size.
#[test]
fn direct_bandwidths_follow_the_port_size_erdirect_about() {
    assert!(create(&direct_form(10, 10, SkuFamily::MeteredData), KEY).is_ok());
    let errs = create(&direct_form(10, 40, SkuFamily::MeteredData), KEY).unwrap_err();
    assert!(has(&errs, Field::Bandwidth, |r| matches!(
        r,
        Refusal::DirectBandwidthNotOffered { port_gbps: Some(10), offered, .. } if offered == &[1, 2, 5, 10]
    )));
    assert!(create(&direct_form(100, 1, SkuFamily::MeteredData), KEY).is_err());
    assert!(create(&direct_form(400, 200, SkuFamily::MeteredData), KEY).is_ok());
    let errs = create(&direct_form(40, 10, SkuFamily::MeteredData), KEY).unwrap_err();
    assert!(has(&errs, Field::PortBandwidth, |r| matches!(
        r,
        Refusal::DirectPortSizeInvalid { .. }
    )));
    // A bandwidth increase stays within the port's list.
    let c = create(&direct_form(10, 5, SkuFamily::MeteredData), KEY).expect("valid");
    assert!(apply(&c, &Action::ChangeBandwidth { mbps: 10_000 }).is_ok());
    assert!(matches!(
        refusal(&c, Action::ChangeBandwidth { mbps: 40_000 }),
        Refusal::DirectBandwidthNotOffered {
            port_gbps: Some(10),
            ..
        }
    ));
}

// 3. [FAQ] [ERDIRECT-HOWTO]: Direct is billed per port pair, and its links come before traffic.
#[test]
fn direct_billing_is_per_port_pair_and_enabled_is_not_usable_faq() {
    let c = create(&direct_form(100, 10, SkuFamily::MeteredData), KEY).expect("valid");
    let notes = creation_notes(&c).join(" ");
    assert!(!notes.contains("Billing starts now"), "{notes}");
    assert!(notes.contains("billed per port pair"), "{notes}");
    assert!(notes.contains("45 days"), "{notes}");
    assert!(notes.contains("Standard circuits on the port are included at no extra charge"));
    assert!(notes.contains("admin state"), "{notes}");
    let status = explain_circuit_status(&c);
    assert!(status.meaning.contains("does not mean traffic can flow"));
    assert!(status
        .next_steps
        .iter()
        .any(|s| s.contains("Letter of Authorization")));
    // A provider circuit still bills from creation.
    assert!(creation_notes(&new_circuit())[0].starts_with("Billing starts now"));
}

// 4. [PEERINGS]: "If you use customer ASN, you can set public ASN only."
#[test]
fn customer_asn_must_be_public_peerings() {
    let c = provisioned(&new_circuit());
    let input = PeeringInput {
        customer_asn: "65001".into(),
        ..microsoft_input()
    };
    let errs = peering_errors(&c, PeeringType::MicrosoftPeering, &input);
    assert!(has(&errs, Field::CustomerAsn, |r| matches!(
        r,
        Refusal::CustomerAsnNotPublic { asn: 65001 }
    )));
}

// 4. [CLI-ROUTING] [SPEC-2024-05]: the routing registry name is optional (Azure records NONE).
#[test]
fn routing_registry_name_is_optional_cli_routing() {
    let c = provisioned(&new_circuit());
    let input = PeeringInput {
        routing_registry_name: String::new(),
        customer_asn: String::new(),
        ..microsoft_input()
    };
    let v = validate_peering(&c, PeeringType::MicrosoftPeering, &input).expect("accepted");
    let c = step(
        &c,
        Action::AddPeering {
            kind: PeeringType::MicrosoftPeering,
            config: v.config,
        },
    );
    let p = c.peering(PeeringType::MicrosoftPeering).expect("added");
    assert_eq!(p.routing_registry_name(), "NONE");
}

// 4. [FAQ]: Microsoft 365 over ExpressRoute needs Premium and Microsoft 365's authorization.
#[test]
fn microsoft_365_needs_premium_and_authorization_faq() {
    for tier in [SkuTier::Standard, SkuTier::Local] {
        let s = microsoft_peering_purpose(tier);
        assert!(
            s.contains("Premium add-on") && s.contains("authorization from Microsoft 365"),
            "{s}"
        );
    }
    assert!(!microsoft_peering_purpose(SkuTier::Premium).contains("Premium add-on"));
    let c = provisioned(&new_circuit());
    assert!(next_step(&c)
        .next_steps
        .join(" ")
        .contains("Premium add-on"));
}

// 7. [PS-CIRCUIT] [CLI-CIRCUIT]: "All virtual networks, route filters, authorizations, and global
// reach associations must be unlinked from the ExpressRoute circuit" before it is deleted.
#[test]
fn delete_needs_every_association_removed_first_ps_circuit() {
    let c = step(
        &new_circuit(),
        Action::AddAuthorization {
            name: "spare".into(),
            key: AUTH_KEY_1.into(),
        },
    );
    let r = refusal(&c, Action::Delete);
    assert_eq!(
        r,
        Refusal::DeleteBlocked {
            attached: vec![Attached {
                kind: AttachedKind::Authorization,
                name: "spare".into(),
            }],
        }
    );
    assert!(r.to_string().contains("authorization spare"));
    assert!(r
        .remedy()
        .contains("Remove-AzExpressRouteCircuitAuthorization"));
    assert!(r.remedy().contains("az network express-route auth delete"));
    // A Global Reach connection read from a real circuit blocks it too.
    let mut g = with_private_peering(&provisioned(&new_circuit()));
    g.peerings[0].global_reach.push("to-london".into());
    let g = step(
        &step(&g, Action::ProviderDeprovision),
        Action::ProviderCompleteDeprovisioning,
    );
    let r = refusal(&g, Action::Delete);
    assert!(
        r.to_string().contains("Global Reach connection to-london"),
        "{r}"
    );
    assert!(r
        .remedy()
        .contains("Remove-AzExpressRouteCircuitConnectionConfig"));
    assert!(r
        .remedy()
        .contains("az network express-route peering connection delete"));
    assert_eq!(r.source_key(), "[PS-CIRCUIT] [CLI-CIRCUIT]");
    // With nothing attached, deletion is accepted.
    assert!(apply(&new_circuit(), &Action::Delete).is_ok());
}

// 6. [LIMITS]: the 1,000 / 100 limit is what the gateway advertises on one connection toward
// the circuit, peered VNets included; going over disconnects that connection.
#[test]
fn gateway_route_limit_is_per_connection_toward_the_circuit_limits() {
    let t = vnet_route_limits_text(SkuTier::Standard);
    assert!(t.contains("toward the circuit"), "{t}");
    assert!(t.contains("gateway transit"), "{t}");
    assert!(t.contains("that connection is disconnected"), "{t}");
}
