//! One test per acceptance scenario in shared/reference/scenarios.md.

mod common;

use common::*;
use er_core::*;

fn refusal(c: &Circuit, a: Action) -> Refusal {
    match apply(c, &a) {
        Ok(t) => panic!("{a:?} accepted: {:?}", t.notes),
        Err(r) => r,
    }
}

#[test]
fn sc_01_create_happy_path() {
    let c = new_circuit();
    assert_eq!(c.provisioning_state, ProvisioningState::Succeeded);
    assert_eq!(
        c.circuit_provisioning_state,
        CircuitProvisioningState::Enabled
    );
    assert_eq!(
        c.service_provider_provisioning_state,
        ServiceProviderProvisioningState::NotProvisioned
    );
    assert!(is_guid(&c.service_key));
    assert_eq!(c.sku.name(), "Standard_MeteredData");
    let notes = creation_notes(&c).join(" ");
    assert!(notes.contains("Billing starts now"), "{notes}");
    assert!(notes.contains("Send the service key to Equinix"), "{notes}");
    // The caller's key must be a GUID.
    let errs = create(&form(), "not-a-guid").unwrap_err();
    assert!(errs.iter().any(|e| e.field == Field::ServiceKey));
    // Azure spelling on the wire.
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["serviceProviderProvisioningState"], "NotProvisioned");
    assert_eq!(json["circuitProvisioningState"], "Enabled");
}

#[test]
fn sc_02_local_metered_rejected() {
    let f = CreateCircuit {
        sku_tier: SkuTier::Local,
        sku_family: SkuFamily::MeteredData,
        ..form()
    };
    let errs = create(&f, KEY).unwrap_err();
    let e = errs
        .iter()
        .find(|e| e.refusal == Refusal::LocalRequiresUnlimited)
        .expect("Local+Metered refused");
    assert_eq!(e.field, Field::SkuFamily);
    assert!(e
        .refusal
        .to_string()
        .contains("A Local circuit is UnlimitedData only"));
    assert!(e.refusal.remedy().contains("UnlimitedData"));
    assert_eq!(e.refusal.source_key(), "[CLI-CIRCUIT] [PS-CIRCUIT]");
    let ok = CreateCircuit {
        sku_family: SkuFamily::UnlimitedData,
        ..f
    };
    assert_eq!(create(&ok, KEY).unwrap().sku.name(), "Local_UnlimitedData");
}

#[test]
fn sc_03_bandwidth_not_offered() {
    let f = CreateCircuit {
        provider: "AARNet".into(),
        peering_location: "Melbourne".into(),
        bandwidth_mbps: 300,
        ..form()
    };
    let errs = create(&f, KEY).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].field, Field::Bandwidth);
    match &errs[0].refusal {
        Refusal::BandwidthNotOffered { given, offered } => {
            assert_eq!(*given, 300);
            assert_eq!(offered, &vec![50, 100, 200, 500, 1000, 2000, 5000, 10000]);
        }
        other => panic!("{other:?}"),
    }
    assert!(errs[0].refusal.remedy().contains("offered bandwidths"));
    for mbps in PROVIDER_BANDWIDTHS_MBPS {
        let f = CreateCircuit {
            bandwidth_mbps: *mbps,
            ..form()
        };
        assert!(create(&f, KEY).is_ok());
    }
}

#[test]
fn sc_04_provider_starts_provisioning() {
    let c = new_circuit();
    let t = apply(&c, &Action::ProviderStartProvisioning).unwrap();
    assert_eq!(
        t.circuit.service_provider_provisioning_state,
        ServiceProviderProvisioningState::Provisioning
    );
    assert_eq!(
        t.circuit.circuit_provisioning_state,
        CircuitProvisioningState::Enabled
    );
    // Routing step still locked.
    assert!(matches!(
        precondition(&t.circuit, ActionKind::AddPeering),
        Err(Refusal::PeeringNeedsProvisioned { .. })
    ));
}

#[test]
fn sc_05_provider_completes_provisioning() {
    let c = step(&new_circuit(), Action::ProviderStartProvisioning);
    let t = apply(&c, &Action::ProviderCompleteProvisioning).unwrap();
    assert_eq!(
        t.circuit.service_provider_provisioning_state,
        ServiceProviderProvisioningState::Provisioned
    );
    assert!(t.circuit.is_usable());
    assert_eq!(precondition(&t.circuit, ActionKind::AddPeering), Ok(()));
    // Direct circuits are usable without a provider.
    assert_eq!(
        precondition(&direct_circuit(), ActionKind::AddPeering),
        Ok(())
    );
}

#[test]
fn sc_06_routing_before_provisioning() {
    for c in [
        new_circuit(),
        step(&new_circuit(), Action::ProviderStartProvisioning),
    ] {
        let a = Action::AddPeering {
            kind: PeeringType::AzurePrivatePeering,
            config: config(PeeringType::AzurePrivatePeering, &private_input()),
        };
        let r = refusal(&c, a);
        assert!(
            matches!(r, Refusal::PeeringNeedsProvisioned { provider_state } if provider_state == c.service_provider_provisioning_state)
        );
        assert!(r
            .to_string()
            .contains("The ExpressRoute circuit must be in a Provisioned state in order to configure peering."));
        assert!(r
            .to_string()
            .contains(c.service_provider_provisioning_state.as_str()));
        assert!(r.remedy().contains("Contact your connectivity provider"));
        assert!(r.source_key().contains("[WF]"));
    }
}

#[test]
fn sc_07_layer3_provider_manages_routing() {
    let c = provisioned(&circuit_with(
        SkuTier::Standard,
        SkuFamily::MeteredData,
        200,
        RoutingModel::Layer3,
    ));
    let a = Action::AddPeering {
        kind: PeeringType::AzurePrivatePeering,
        config: config(PeeringType::AzurePrivatePeering, &private_input()),
    };
    let r = refusal(&c, a);
    assert_eq!(r, Refusal::Layer3ProviderManagesRouting);
    assert!(r
        .to_string()
        .contains("overwrites the provider's settings and breaks routing"));
    assert!(r.remedy().contains("refresh"));
    assert_eq!(
        precondition(&c, ActionKind::AddPeering),
        Err(Refusal::Layer3ProviderManagesRouting)
    );
}

#[test]
fn sc_08_delete_while_provisioned() {
    let c = provisioned(&new_circuit());
    let r = refusal(&c, Action::Delete);
    assert_eq!(
        r,
        Refusal::DeleteWhileProvisioned {
            provider_state: ServiceProviderProvisioningState::Provisioned
        }
    );
    let text = r.to_string();
    assert!(text.contains("A circuit cannot be deleted when the ServiceProviderProvisioningState is Provisioning or Provisioned"));
    assert!(text.contains(
        "The connectivity provider needs to deprovision the circuit before it can be deleted."
    ));
    assert!(text.contains("ConflictError"));
    assert!(text.contains("The specified dedicated circuit is not in Deprovisioned state. Please initiate the deprovisioning process with your service provider."));
    assert!(text.contains("billing continues until deletion"));
    assert_eq!(
        r.arm_error(),
        Some((ARM_DELETE_CONFLICT_CODE, ARM_DELETE_CONFLICT_MESSAGE))
    );
    assert_eq!(ARM_DELETE_CONFLICT_CODE, "ConflictError");
    // State unchanged: apply is pure, and the circuit is still Provisioned.
    assert_eq!(c.phase(), CircuitPhase::Provisioned);
}

#[test]
fn sc_09_delete_while_provisioning() {
    let c = step(&new_circuit(), Action::ProviderStartProvisioning);
    let r = refusal(&c, Action::Delete);
    assert_eq!(
        r,
        Refusal::DeleteWhileProvisioned {
            provider_state: ServiceProviderProvisioningState::Provisioning
        }
    );
    assert!(r.to_string().contains("billing continues until deletion"));
}

#[test]
fn sc_10_provider_deprovisions() {
    let c = provisioned(&new_circuit());
    let t = apply(&c, &Action::ProviderDeprovision).unwrap();
    assert_eq!(
        t.circuit.service_provider_provisioning_state,
        ServiceProviderProvisioningState::Deprovisioning
    );
    // Still cannot delete while the provider is deprovisioning.
    assert!(matches!(
        apply(&t.circuit, &Action::Delete),
        Err(Refusal::DeleteWhileDeprovisioning)
    ));
    let t = apply(&t.circuit, &Action::ProviderCompleteDeprovisioning).unwrap();
    assert_eq!(
        t.circuit.service_provider_provisioning_state,
        ServiceProviderProvisioningState::NotProvisioned
    );
    assert_eq!(
        t.circuit.circuit_provisioning_state,
        CircuitProvisioningState::Enabled
    );
    let notes = t.notes.join(" ");
    assert!(
        notes.contains("Microsoft still bills the circuit until the circuit resource is deleted")
    );
    assert!(notes.contains("re-enable"));
    assert!(notes.contains("delete"));
    // Both offers are available.
    assert!(can(&t.circuit, &Action::ReEnable));
    assert!(can(&t.circuit, &Action::Delete));
    let re = apply(&t.circuit, &Action::ReEnable).unwrap();
    assert_eq!(
        re.circuit.service_provider_provisioning_state,
        ServiceProviderProvisioningState::Provisioning
    );
    assert_eq!(re.circuit.service_key, c.service_key);
}

/// Regression: the provider-event notes always said "…/Enabled" and "the circuit is usable",
/// even for a circuit whose status is not Enabled. [WF]: only Provisioned *and* Enabled is
/// usable; a status that is not Enabled needs Microsoft Support [TROUBLE].
#[test]
fn provider_notes_use_the_real_circuit_status_wf_trouble() {
    let mut c = new_circuit();
    c.circuit_provisioning_state = CircuitProvisioningState::Disabled;
    let t = apply(&c, &Action::ProviderStartProvisioning).unwrap();
    let notes = t.notes.join(" ");
    assert!(notes.contains("(Provisioning/Disabled)"), "{notes}");
    let t = apply(&t.circuit, &Action::ProviderCompleteProvisioning).unwrap();
    assert!(!t.circuit.is_usable());
    let notes = t.notes.join(" ");
    assert!(notes.contains("(Provisioned/Disabled)"), "{notes}");
    assert!(!notes.contains("the circuit is usable"), "{notes}");
    assert!(notes.contains("Microsoft Support"), "{notes}");
    assert!(!notes.contains("Configure routing next"), "{notes}");
    // The usual case keeps the documented pairs.
    let t = apply(
        &step(&new_circuit(), Action::ProviderStartProvisioning),
        &Action::ProviderCompleteProvisioning,
    )
    .unwrap();
    assert!(t.notes[0].contains("(Provisioned/Enabled): the circuit is usable"));
    let d = step(&t.circuit, Action::ProviderDeprovision);
    let t = apply(&d, &Action::ProviderCompleteDeprovisioning).unwrap();
    assert!(t.notes[0].contains("(NotProvisioned/Enabled)"));
    let t = apply(&t.circuit, &Action::ReEnable).unwrap();
    assert!(t.notes[0].contains("(Provisioning/Enabled)"));
}

/// A peering that is not configured: Azure PowerShell's words are quoted. [TROUBLE]
#[test]
fn missing_peering_quotes_sequence_contains_no_matching_element_trouble() {
    let c = with_private_peering(&provisioned(&new_circuit()));
    for a in [
        Action::RemovePeering {
            kind: PeeringType::MicrosoftPeering,
        },
        Action::SetPeeringState {
            kind: PeeringType::MicrosoftPeering,
            state: PeeringState::Disabled,
        },
    ] {
        let r = refusal(&c, a);
        assert_eq!(
            r,
            Refusal::PeeringNotFound {
                kind: PeeringType::MicrosoftPeering
            }
        );
        assert!(r.to_string().contains(
            "Get-AzExpressRouteCircuitPeeringConfig: \"Sequence contains no matching element\""
        ));
        assert!(r.source_key().contains("[TROUBLE]"));
    }
}

#[test]
fn sc_13_delete_succeeds() {
    let c = new_circuit();
    let t = apply(&c, &Action::Delete).unwrap();
    assert_eq!(t.circuit.provisioning_state, ProvisioningState::Deleting);
    assert_eq!(t.circuit.phase(), CircuitPhase::Deleting);
    assert!(t.notes.join(" ").contains("Billing stops"));
    // Nothing else can happen to a deleting circuit.
    assert_eq!(
        apply(&t.circuit, &Action::ProviderStartProvisioning),
        Err(Refusal::CircuitDeleting)
    );
    assert_eq!(next_step(&t.circuit).title, "Deleting");
    // With associations (a VNet link) delete is refused until they are gone.
    let p = with_private_peering(&provisioned(&new_circuit()));
    let p = step(&p, link("conn1", "West US", "10.1.0.0/16", None));
    let p = step(&p, Action::ProviderDeprovision);
    let p = step(&p, Action::ProviderCompleteDeprovisioning);
    assert!(matches!(
        apply(&p, &Action::Delete),
        Err(Refusal::DeleteBlocked { .. })
    ));
    let p = step(
        &p,
        Action::UnlinkVnet {
            name: "conn1".into(),
        },
    );
    assert!(can(&p, &Action::Delete));
}

#[test]
fn sc_14_direct_has_no_provider_step() {
    let c = direct_circuit();
    assert!(c.is_direct());
    assert_eq!(c.phase(), CircuitPhase::Direct);
    assert!(c.is_usable());
    assert_eq!(c.bandwidth_mbps(), 10_000);
    // Status shows no provider state.
    let infos = explain_circuit(&c);
    assert_eq!(infos[0].title, "ExpressRoute Direct");
    for s in ServiceProviderProvisioningState::ALL {
        assert!(infos.iter().all(|i| i.title != s.as_str()), "{s} shown");
    }
    // The "order from provider" step is skipped.
    for kind in [
        ActionKind::ProviderStartProvisioning,
        ActionKind::ProviderCompleteProvisioning,
        ActionKind::ProviderDeprovision,
        ActionKind::ProviderCompleteDeprovisioning,
        ActionKind::ReEnable,
    ] {
        assert_eq!(precondition(&c, kind), Err(Refusal::NoProviderOnDirect));
    }
    assert!(!creation_notes(&c)
        .join(" ")
        .contains("Send the service key"));
    // Routing is configured by the customer.
    let c = with_private_peering(&c);
    assert!(c.peering(PeeringType::AzurePrivatePeering).is_some());
    // Direct bandwidths: 40/100 Gbps are Direct only.
    let f = CreateCircuit {
        port_type: PortType::Direct,
        express_route_port: "p".into(),
        bandwidth_gbps: 3,
        port_bandwidth_gbps: 10,
        ..form()
    };
    assert!(create(&f, KEY)
        .unwrap_err()
        .iter()
        .any(|e| matches!(e.refusal, Refusal::DirectBandwidthNotOffered { .. })));
}

#[test]
fn sc_15_valid_private_peering() {
    let c = provisioned(&new_circuit());
    let v = validate_peering(&c, PeeringType::AzurePrivatePeering, &private_input()).unwrap();
    assert!(v.warnings.is_empty());
    let t = apply(
        &c,
        &Action::AddPeering {
            kind: PeeringType::AzurePrivatePeering,
            config: v.config,
        },
    )
    .unwrap();
    let p = t.circuit.peering(PeeringType::AzurePrivatePeering).unwrap();
    assert_eq!(p.state, PeeringState::Enabled);
    assert_eq!(p.azure_asn, 12076);
    assert_eq!(p.provisioning_state, ProvisioningState::Succeeded);
    assert_eq!(
        p.advertised_public_prefixes_state,
        AdvertisedPublicPrefixesState::NotConfigured
    );
    assert_eq!(p.routing_registry_name(), "NONE");
    assert_eq!(p.bgp_state(), BgpState::Enabled);
    let pair = p.config.ipv4.unwrap();
    assert_eq!(
        pair.primary().customer_address().to_string(),
        "192.168.17.17"
    );
    assert_eq!(
        pair.primary().microsoft_address().to_string(),
        "192.168.17.18"
    );
    assert_eq!(
        pair.secondary().customer_address().to_string(),
        "192.168.17.21"
    );
    assert_eq!(
        pair.secondary().microsoft_address().to_string(),
        "192.168.17.22"
    );
    let notes = t.notes.join(" ");
    assert!(
        notes.contains("your router 192.168.17.17, Microsoft 192.168.17.18"),
        "{notes}"
    );
    assert!(
        notes.contains("your router 192.168.17.21, Microsoft 192.168.17.22"),
        "{notes}"
    );
}

#[test]
fn sc_16_reserved_private_asn() {
    for asn in 65515..=65520u32 {
        let r = PeerAsn::parse(&asn.to_string()).unwrap_err();
        assert_eq!(r, Refusal::ReservedAsn { asn });
        assert!(r
            .to_string()
            .contains("ASNs 65515 to 65520 are reserved by Microsoft for internal use."));
    }
    assert_eq!(PeerAsn::parse("65514").unwrap().get(), 65514);
    assert_eq!(PeerAsn::parse("65521").unwrap().get(), 65521);
    let c = provisioned(&new_circuit());
    let input = PeeringInput {
        peer_asn: "65515".into(),
        ..private_input()
    };
    let errs = peering_errors(&c, PeeringType::AzurePrivatePeering, &input);
    assert!(has(&errs, Field::PeerAsn, |r| matches!(
        r,
        Refusal::ReservedAsn { asn: 65515 }
    )));
}

#[test]
fn sc_17_asn_out_of_range() {
    for given in ["0", "4294967296", "-1", "99999999999999999999999"] {
        let r = PeerAsn::parse(given).unwrap_err();
        assert!(
            matches!(r, Refusal::AsnOutOfRange { max: u32::MAX, .. }),
            "{given}: {r:?}"
        );
        assert!(r.to_string().contains("between 1 and 4294967295"));
    }
    assert_eq!(PeerAsn::parse("1").unwrap().get(), 1);
    assert_eq!(PeerAsn::parse("4294967295").unwrap().get(), u32::MAX);
    assert!(matches!(
        PeerAsn::parse("AS65020"),
        Err(Refusal::NotANumber { .. })
    ));
}

#[test]
fn sc_18_microsoft_asn_as_peer_asn() {
    for asn in [12076u32, 8074, 8075] {
        let r = PeerAsn::parse(&asn.to_string()).unwrap_err();
        assert_eq!(r, Refusal::AzurePublicAsn { asn });
        assert!(r
            .to_string()
            .contains("used or reserved by Microsoft Azure"));
        assert!(r.source_key().contains("[inferred]"));
    }
}

#[test]
fn sc_20_wrong_prefix_length() {
    let c = provisioned(&new_circuit());
    let input = PeeringInput {
        primary_subnet: "10.0.0.0/29".into(),
        secondary_subnet: "10.0.0.8/30".into(),
        ..private_input()
    };
    let errs = peering_errors(&c, PeeringType::AzurePrivatePeering, &input);
    assert!(has(&errs, Field::PrimarySubnet, |r| matches!(
        r,
        Refusal::WrongPrefixLength { .. }
    )));
    let input = PeeringInput {
        primary_subnet: "10.0.0.0/31".into(),
        secondary_subnet: "10.0.0.4/30".into(),
        ..private_input()
    };
    let errs = peering_errors(&c, PeeringType::AzurePrivatePeering, &input);
    let e = errs
        .iter()
        .find(|e| e.field == Field::PrimarySubnet)
        .unwrap();
    assert!(matches!(e.refusal, Refusal::WrongPrefixLength { .. }));
    assert!(e.refusal.to_string().contains("/30"));
    assert!(e.refusal.remedy().contains("/29"));
    // One /29 alone is split.
    let input = PeeringInput {
        primary_subnet: "10.0.0.0/29".into(),
        secondary_subnet: String::new(),
        ..private_input()
    };
    let v = validate_peering(&c, PeeringType::AzurePrivatePeering, &input).unwrap();
    let pair = v.config.ipv4.unwrap();
    assert_eq!(pair.primary().to_string(), "10.0.0.0/30");
    assert_eq!(pair.secondary().to_string(), "10.0.0.4/30");
}

#[test]
fn sc_21_same_subnet_both_links() {
    let c = provisioned(&new_circuit());
    let input = PeeringInput {
        primary_subnet: "10.0.0.0/30".into(),
        secondary_subnet: "10.0.0.0/30".into(),
        ..private_input()
    };
    let errs = peering_errors(&c, PeeringType::AzurePrivatePeering, &input);
    let e = errs
        .iter()
        .find(|e| matches!(e.refusal, Refusal::SameSubnetBothLinks { .. }))
        .unwrap();
    assert_eq!(e.field, Field::SecondarySubnet);
    assert!(e.refusal.remedy().contains("two different subnets"));
}

#[test]
fn sc_23_peering_subnet_overlaps_vnet() {
    let c = provisioned(&new_circuit());
    // Planned VNet.
    let input = PeeringInput {
        primary_subnet: "10.0.0.0/30".into(),
        secondary_subnet: "10.0.0.4/30".into(),
        planned_vnet_address_spaces: "10.0.0.0/16".into(),
        ..private_input()
    };
    let errs = peering_errors(&c, PeeringType::AzurePrivatePeering, &input);
    let e = errs
        .iter()
        .find(|e| e.field == Field::PrimarySubnet)
        .expect("primary flagged");
    assert!(
        matches!(&e.refusal, Refusal::OverlapsVnet { vnet_space, .. } if vnet_space == "10.0.0.0/16")
    );
    assert!(e
        .refusal
        .to_string()
        .contains("must not be part of any address space reserved for virtual networks"));
    // Linked VNet: updating private peering into its space is refused by apply.
    let c = with_private_peering(&c);
    let c = step(&c, link("conn1", "West US", "10.0.0.0/16", None));
    let cfg = config(
        PeeringType::AzurePrivatePeering,
        &PeeringInput {
            primary_subnet: "10.0.0.0/30".into(),
            secondary_subnet: "10.0.0.4/30".into(),
            ..private_input()
        },
    );
    let r = refusal(
        &c,
        Action::UpdatePeering {
            kind: PeeringType::AzurePrivatePeering,
            config: cfg,
        },
    );
    assert!(matches!(r, Refusal::OverlapsVnet { .. }));
    // And linking a VNet that overlaps the peering subnets is refused.
    let r = refusal(&c, link("conn2", "West US", "192.168.0.0/16", None));
    assert!(matches!(r, Refusal::OverlapsVnet { .. }));
}

#[test]
fn sc_24_private_ip_on_microsoft_peering() {
    let c = provisioned(&new_circuit());
    let input = PeeringInput {
        primary_subnet: "10.0.0.0/30".into(),
        secondary_subnet: "10.0.0.4/30".into(),
        ..microsoft_input()
    };
    let errs = peering_errors(&c, PeeringType::MicrosoftPeering, &input);
    assert!(has(&errs, Field::PrimarySubnet, |r| matches!(
        r,
        Refusal::PrivateAddressOnMicrosoftPeering { .. }
    )));
    let input = PeeringInput {
        advertised_public_prefixes: "192.168.0.0/24".into(),
        ..microsoft_input()
    };
    let errs = peering_errors(&c, PeeringType::MicrosoftPeering, &input);
    let e = errs
        .iter()
        .find(|e| e.field == Field::AdvertisedPublicPrefixes)
        .unwrap();
    assert!(e
        .refusal
        .to_string()
        .contains("must be public IPs you own, registered in an RIR/IRR"));
}

#[test]
fn sc_26_ipv6_peering_subnets() {
    let c = provisioned(&new_circuit());
    let input = PeeringInput {
        ipv6_primary: "3FFE:FFFF:0:CD30::/126".into(),
        ipv6_secondary: "3FFE:FFFF:0:CD30::4/126".into(),
        ..private_input()
    };
    let v = validate_peering(&c, PeeringType::AzurePrivatePeering, &input).unwrap();
    let v6 = v.config.ipv6.unwrap();
    assert_eq!(v6.primary().to_string(), "3ffe:ffff:0:cd30::/126");
    let c = step(
        &c,
        Action::AddPeering {
            kind: PeeringType::AzurePrivatePeering,
            config: v.config.clone(),
        },
    );
    assert_eq!(
        c.peering(PeeringType::AzurePrivatePeering).unwrap().state,
        PeeringState::Enabled
    );
    let input = PeeringInput {
        ipv6_primary: "3FFE:FFFF:0:CD30::/64".into(),
        ipv6_secondary: "3FFE:FFFF:0:CD31::/64".into(),
        ..private_input()
    };
    let errs = peering_errors(&c, PeeringType::AzurePrivatePeering, &input);
    assert!(has(&errs, Field::Ipv6PrimarySubnet, |r| matches!(
        r,
        Refusal::WrongPrefixLength { .. }
    ) && r
        .to_string()
        .contains("/126")));
}

#[test]
fn sc_28_vlan_out_of_range() {
    for given in ["0", "4095", "5000"] {
        let r = VlanId::parse(given).unwrap_err();
        assert_eq!(
            r,
            Refusal::VlanOutOfRange {
                given: given.into()
            }
        );
        assert!(r.to_string().contains("1 to 4094"));
        assert!(r
            .remedy()
            .contains("same VLAN ID is used on the primary and secondary links"));
        assert!(r.source_key().contains("[inferred]"));
    }
    assert_eq!(VlanId::parse("1").unwrap().get(), 1);
    assert_eq!(VlanId::parse("4094").unwrap().get(), 4094);
}

#[test]
fn sc_29_shared_key_invalid() {
    let long = "A".repeat(26);
    for given in [long.as_str(), "abc!123"] {
        let r = SharedKey::parse(given).unwrap_err();
        assert!(matches!(r, Refusal::SharedKeyInvalid { .. }));
        assert!(r.to_string().contains(
            "maximum of 25 alphanumeric characters; special characters aren't supported"
        ));
        assert!(r.remedy().contains("same key on both sides"));
    }
    assert_eq!(SharedKey::parse("A1B2C3D4").unwrap().as_str(), "A1B2C3D4");
    assert!(SharedKey::parse(&"A".repeat(25)).is_ok());
}

#[test]
fn sc_30_routing_registry_name() {
    let r = RegistryName::parse("FOO").unwrap_err();
    assert_eq!(
        r,
        Refusal::UnknownRegistry {
            given: "FOO".into()
        }
    );
    assert!(r
        .to_string()
        .contains("ARIN, APNIC, AFRINIC, LACNIC, RIPENCC, RADB, ALTDB, LEVEL3"));
    let names: Vec<&str> = RegistryName::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(
        names,
        ["ARIN", "APNIC", "AFRINIC", "LACNIC", "RIPENCC", "RADB", "ALTDB", "LEVEL3"]
    );
    for n in names {
        assert_eq!(RegistryName::parse(n).unwrap().as_str(), n);
    }
    let c = provisioned(&new_circuit());
    let input = PeeringInput {
        routing_registry_name: "FOO".into(),
        ..microsoft_input()
    };
    let errs = peering_errors(&c, PeeringType::MicrosoftPeering, &input);
    assert!(has(&errs, Field::RoutingRegistryName, |r| matches!(
        r,
        Refusal::UnknownRegistry { .. }
    )));
}

#[test]
fn sc_31_microsoft_peering_without_config() {
    let c = provisioned(&new_circuit());
    let input = PeeringInput {
        advertised_public_prefixes: String::new(),
        customer_asn: String::new(),
        routing_registry_name: String::new(),
        ..microsoft_input()
    };
    let errs = peering_errors(&c, PeeringType::MicrosoftPeering, &input);
    let e = errs
        .iter()
        .find(|e| e.refusal == Refusal::MicrosoftPeeringConfigMissing)
        .unwrap();
    let text = e.refusal.to_string();
    assert!(text.contains("Microsoft Peering Config is not specified"));
    assert!(text.contains("`microsoft_peering_config` must be specified when config for Ipv4 and `peering_type` is set to `MicrosoftPeering`"));
    // A private-peering config used as Microsoft peering is refused by apply too.
    let cfg = config(PeeringType::AzurePrivatePeering, &private_input());
    let r = refusal(
        &c,
        Action::AddPeering {
            kind: PeeringType::MicrosoftPeering,
            config: cfg,
        },
    );
    assert_eq!(r, Refusal::MicrosoftPeeringConfigMissing);
}

#[test]
fn sc_32_private_asn_on_microsoft_peering() {
    let c = provisioned(&new_circuit());
    let input = PeeringInput {
        peer_asn: "65010".into(),
        ..microsoft_input()
    };
    let v = validate_peering(&c, PeeringType::MicrosoftPeering, &input).unwrap();
    let w = v
        .warnings
        .iter()
        .find(|w| matches!(w, Warning::PrivateAsnOnMicrosoftPeering { asn: 65010 }))
        .expect("private ASN warning");
    let text = w.to_string();
    assert!(text.contains("requires manual validation"));
    assert!(text.contains("removes private ASNs from the AS PATH"));
    assert!(text.contains("64496–64511"));
    assert!(v.warnings.contains(&Warning::AsymmetricRouting));
    let t = apply(
        &c,
        &Action::AddPeering {
            kind: PeeringType::MicrosoftPeering,
            config: v.config,
        },
    )
    .unwrap();
    assert!(t
        .warnings
        .contains(&Warning::PrivateAsnOnMicrosoftPeering { asn: 65010 }));
    // Documentation ASNs are refused on Microsoft peering.
    let input = PeeringInput {
        peer_asn: "64500".into(),
        ..microsoft_input()
    };
    let errs = peering_errors(&c, PeeringType::MicrosoftPeering, &input);
    assert!(has(&errs, Field::PeerAsn, |r| matches!(
        r,
        Refusal::DocumentationAsn { asn: 64500 }
    )));
}

#[test]
fn sc_33_validation_needed() {
    let c = with_microsoft_peering(&provisioned(&new_circuit()));
    let p = c.peering(PeeringType::MicrosoftPeering).unwrap();
    assert_eq!(
        p.advertised_public_prefixes_state,
        AdvertisedPublicPrefixesState::Configuring
    );
    assert_eq!(
        p.config
            .microsoft
            .as_ref()
            .unwrap()
            .customer_asn
            .unwrap()
            .get(),
        23
    );
    let t = apply(
        &c,
        &Action::SetPrefixValidation {
            outcome: PrefixOutcome::ValidationNeeded,
        },
    )
    .unwrap();
    let p = t.circuit.peering(PeeringType::MicrosoftPeering).unwrap();
    assert_eq!(
        p.advertised_public_prefixes_state,
        AdvertisedPublicPrefixesState::ValidationNeeded
    );
    assert_eq!(p.bgp_state(), BgpState::NotEnabled);
    let info = explain_prefixes_state(AdvertisedPublicPrefixesState::ValidationNeeded);
    assert!(info
        .meaning
        .contains("prefixes didn't match the AS number in any routing registry"));
    let steps = info.next_steps.join(" ");
    assert!(steps.contains("documents showing the prefixes"));
    assert!(steps.contains("support ticket"));
    assert!(t.notes.join(" ").contains("didn't match the AS number"));
    assert_eq!(next_step(&t.circuit).meaning, info.meaning);
}

#[test]
fn sc_34_validation_completes() {
    let base = with_microsoft_peering(&provisioned(&new_circuit()));
    let needed = step(
        &base,
        Action::SetPrefixValidation {
            outcome: PrefixOutcome::ValidationNeeded,
        },
    );
    for c in [base, needed] {
        let t = apply(
            &c,
            &Action::SetPrefixValidation {
                outcome: PrefixOutcome::Validated,
            },
        )
        .unwrap();
        let p = t.circuit.peering(PeeringType::MicrosoftPeering).unwrap();
        assert_eq!(
            p.advertised_public_prefixes_state,
            AdvertisedPublicPrefixesState::Configured
        );
        assert_eq!(p.bgp_state(), BgpState::Enabled);
        assert!(
            explain_prefixes_state(AdvertisedPublicPrefixesState::Configured)
                .meaning
                .contains("end to end")
        );
    }
}

#[test]
fn sc_35_manual_validation() {
    let c = with_microsoft_peering(&provisioned(&new_circuit()));
    let t = apply(
        &c,
        &Action::SetPrefixValidation {
            outcome: PrefixOutcome::ManualValidationNeeded,
        },
    )
    .unwrap();
    let p = t.circuit.peering(PeeringType::MicrosoftPeering).unwrap();
    assert_eq!(
        p.prefix_info[0].validation_state,
        PrefixValidationState::ManualValidationNeeded
    );
    // The prefixes-state enum has no manual value.
    assert_eq!(
        p.advertised_public_prefixes_state,
        AdvertisedPublicPrefixesState::ValidationNeeded
    );
    let info = explain_prefix_validation(PrefixValidationState::ManualValidationNeeded);
    assert!(info.next_steps.join(" ").contains("open a support ticket with Microsoft support and provide evidence that you own the IP addresses and the associated AS number"));
    // Each failure value has a distinct explanation.
    let failures = [
        PrefixValidationState::ValidationFailed,
        PrefixValidationState::ManualValidationNeeded,
        PrefixValidationState::AsnValidationFailed,
        PrefixValidationState::CertificateMissingInRoutingRegistry,
        PrefixValidationState::InvalidSignatureEncoding,
        PrefixValidationState::SignatureVerificationFailed,
    ];
    let meanings: std::collections::HashSet<String> = failures
        .iter()
        .map(|s| explain_prefix_validation(*s).meaning)
        .collect();
    assert_eq!(meanings.len(), failures.len());
    // A per-prefix failure is recorded on that prefix.
    let t = apply(
        &c,
        &Action::SetPrefixValidation {
            outcome: PrefixOutcome::PrefixFailed {
                prefix: "123.1.0.0/24".parse().unwrap(),
                state: PrefixValidationState::SignatureVerificationFailed,
            },
        },
    )
    .unwrap();
    let p = t.circuit.peering(PeeringType::MicrosoftPeering).unwrap();
    assert_eq!(
        p.prefix_info[0].validation_state,
        PrefixValidationState::SignatureVerificationFailed
    );
    // Support ticket resolved → Configured.
    let done = step(
        &t.circuit,
        Action::SetPrefixValidation {
            outcome: PrefixOutcome::SupportTicketResolved,
        },
    );
    assert_eq!(
        done.peering(PeeringType::MicrosoftPeering)
            .unwrap()
            .advertised_public_prefixes_state,
        AdvertisedPublicPrefixesState::Configured
    );
    // Unknown prefix → the PowerShell error text.
    let r = refusal(
        &c,
        Action::SetPrefixValidation {
            outcome: PrefixOutcome::PrefixFailed {
                prefix: "8.8.8.0/24".parse().unwrap(),
                state: PrefixValidationState::ValidationFailed,
            },
        },
    );
    assert_eq!(
        r.to_string(),
        "Prefix 8.8.8.0/24 is not part of advertised public prefixes."
    );
}

/// SC-37 in the wizard: each peering card states its limits, and a route count typed there is
/// checked against them ("4,001" drops a Standard private peering's session; 4,000 does not).
#[test]
fn sc_37_wizard_states_the_limits_and_checks_a_route_count() {
    use PeeringType::{AzurePrivatePeering as Private, MicrosoftPeering as Microsoft};
    let text = route_limits_text(SkuTier::Standard, Private);
    assert!(
        text.contains("4,000 IPv4 routes (10,000 with Premium) and 100 IPv6 routes"),
        "{text}"
    );
    let premium = route_limits_text(SkuTier::Premium, Private);
    assert!(
        premium.contains("10,000 IPv4 routes and 100 IPv6"),
        "{premium}"
    );
    assert!(!premium.contains("with Premium"), "{premium}");
    assert!(route_limits_text(SkuTier::Standard, Microsoft).contains("200 routes per BGP session"));

    let dropped = check_route_count(SkuTier::Standard, Private, IpFamily::V4, " 4,001 ").unwrap();
    assert_eq!(dropped.title, "Route limit exceeded");
    assert!(
        dropped.meaning.contains("the BGP session is dropped"),
        "{}",
        dropped.meaning
    );
    assert!(dropped
        .next_steps
        .iter()
        .any(|s| s.contains("Premium (10,000)")));
    assert!(dropped.meaning.ends_with("Limits: private peering 4,000 IPv4 routes (10,000 with Premium) and 100 IPv6 routes; Microsoft peering 200 routes per BGP session."), "{}", dropped.meaning);
    let up = check_route_count(SkuTier::Standard, Private, IpFamily::V4, "4000").unwrap();
    assert_eq!(up.title, "Within the route limit");
    assert!(
        up.meaning
            .contains("4,000 IPv4 routes are within the limit of 4,000"),
        "{}",
        up.meaning
    );
    // Each limit: one over drops the session, at the limit it stays up; past u32 is over every
    // limit, not an error.
    for (tier, kind, family, count, title) in [
        (
            SkuTier::Premium,
            Private,
            IpFamily::V4,
            "10001",
            "Route limit exceeded",
        ),
        (
            SkuTier::Standard,
            Private,
            IpFamily::V6,
            "101",
            "Route limit exceeded",
        ),
        (
            SkuTier::Premium,
            Microsoft,
            IpFamily::V4,
            "201",
            "Route limit exceeded",
        ),
        (
            SkuTier::Standard,
            Microsoft,
            IpFamily::V4,
            "200",
            "Within the route limit",
        ),
        (
            SkuTier::Premium,
            Private,
            IpFamily::V4,
            "99999999999",
            "Route limit exceeded",
        ),
    ] {
        let info = check_route_count(tier, kind, family, count).unwrap();
        assert_eq!(info.title, title, "{tier} {kind} {family} {count}");
    }
    for bad in ["", "  ", "lots", "-5", "4.5"] {
        let r = check_route_count(SkuTier::Standard, Private, IpFamily::V4, bad).unwrap_err();
        assert!(!r.remedy().is_empty(), "{bad:?}: {r}");
    }
    assert_eq!(
        vnet_route_limits_text(SkuTier::Standard),
        "On each connection, the VNet's ExpressRoute gateway advertises at most 1,000 IPv4 and 100 IPv6 routes toward the circuit, counting the VNet's address spaces and those of VNets peered to it through gateway transit. If it advertises more, that connection is disconnected."
    );
}

#[test]
fn sc_37_prefix_limit_exceeded() {
    let s = explain_route_limit(
        SkuTier::Standard,
        PeeringType::AzurePrivatePeering,
        IpFamily::V4,
        4001,
    )
    .expect("over the limit");
    assert!(s.meaning.contains("BGP session is dropped"));
    assert!(s.meaning.contains("4,000"));
    assert!(s.meaning.contains("10,000 with Premium"));
    assert!(s.meaning.contains("100 IPv6"));
    assert!(s.meaning.contains("200 routes per BGP session"));
    let premium = |s: &StateInfo| {
        s.next_steps
            .iter()
            .any(|n| n.contains("upgrade to Premium"))
    };
    assert!(
        premium(&s),
        "Standard private IPv4 is told Premium raises it"
    );
    // [LIMITS] Premium raises only private peering IPv4: no Premium advice elsewhere.
    for (tier, kind, family, n) in [
        (
            SkuTier::Premium,
            PeeringType::AzurePrivatePeering,
            IpFamily::V4,
            10_001,
        ),
        (
            SkuTier::Standard,
            PeeringType::AzurePrivatePeering,
            IpFamily::V6,
            101,
        ),
        (
            SkuTier::Standard,
            PeeringType::MicrosoftPeering,
            IpFamily::V4,
            201,
        ),
        (
            SkuTier::Standard,
            PeeringType::MicrosoftPeering,
            IpFamily::V6,
            201,
        ),
    ] {
        let s = explain_route_limit(tier, kind, family, n).expect("over the limit");
        assert!(!premium(&s), "{tier} {kind} {family}: {:?}", s.next_steps);
    }
    assert!(explain_route_limit(
        SkuTier::Standard,
        PeeringType::AzurePrivatePeering,
        IpFamily::V4,
        4000
    )
    .is_none());
    assert!(explain_route_limit(
        SkuTier::Premium,
        PeeringType::AzurePrivatePeering,
        IpFamily::V4,
        4001
    )
    .is_none());
    assert!(explain_route_limit(
        SkuTier::Premium,
        PeeringType::AzurePrivatePeering,
        IpFamily::V4,
        10_001
    )
    .is_some());
    assert!(explain_route_limit(
        SkuTier::Standard,
        PeeringType::AzurePrivatePeering,
        IpFamily::V6,
        101
    )
    .is_some());
    assert!(explain_route_limit(
        SkuTier::Premium,
        PeeringType::MicrosoftPeering,
        IpFamily::V4,
        201
    )
    .is_some());
    assert!(explain_route_limit(
        SkuTier::Premium,
        PeeringType::MicrosoftPeering,
        IpFamily::V4,
        200
    )
    .is_none());
    // Configuring more than 200 prefixes on a Microsoft peering session is refused up front.
    let c = provisioned(&new_circuit());
    let prefixes: Vec<String> = (0..201)
        .map(|i| format!("123.{}.{}.0/24", 100 + i / 256, i % 256))
        .collect();
    let input = PeeringInput {
        advertised_public_prefixes: prefixes.join(","),
        ..microsoft_input()
    };
    let errs = peering_errors(&c, PeeringType::MicrosoftPeering, &input);
    assert!(has(&errs, Field::AdvertisedPublicPrefixes, |r| matches!(
        r,
        Refusal::TooManyPrefixes {
            count: 201,
            limit: 200
        }
    )));
}

/// A Premium circuit at its link limit is pointed at the first bandwidth that allows more
/// links (100 → 200 Mbps keeps 25, so 500 Mbps), and at none when no change allows more. [LIMITS]
#[test]
fn sc_38_premium_link_limit_names_the_bandwidth_that_allows_more_limits() {
    let full = |mbps: u32, links: u32| {
        let mut c = with_private_peering(&provisioned(&circuit_with(
            SkuTier::Premium,
            SkuFamily::MeteredData,
            mbps,
            RoutingModel::Layer2,
        )));
        for i in 0..links {
            c = step(
                &c,
                link(
                    &format!("conn{i}"),
                    "East US",
                    &format!("10.{}.{}.0/24", i / 200 + 1, i % 200),
                    None,
                ),
            );
        }
        refusal(&c, link("one-more", "East US", "10.250.0.0/24", None))
    };
    match full(100, 25) {
        r @ Refusal::LinkLimitReached {
            limit: 25,
            more_links_at: Some(500),
            ..
        } => assert!(
            r.remedy()
                .contains("to 500 Mbps: Premium allows 40 links there"),
            "{}",
            r.remedy()
        ),
        other => panic!("{other:?}"),
    }
    match full(10_000, 100) {
        r @ Refusal::LinkLimitReached {
            limit: 100,
            more_links_at: None,
            ..
        } => assert!(!r.remedy().contains("increase"), "{}", r.remedy()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn sc_38_vnet_link_limit_and_authorization() {
    let mut c = with_private_peering(&provisioned(&circuit_with(
        SkuTier::Standard,
        SkuFamily::MeteredData,
        1000,
        RoutingModel::Layer2,
    )));
    for i in 0..10 {
        c = step(
            &c,
            link(
                &format!("conn{i}"),
                "East US",
                &format!("10.{}.0.0/16", i + 1),
                None,
            ),
        );
    }
    let r = refusal(&c, link("conn10", "East US", "10.99.0.0/16", None));
    assert_eq!(
        r,
        Refusal::LinkLimitReached {
            limit: 10,
            tier: SkuTier::Standard,
            bandwidth_mbps: 1000,
            more_links_at: None,
        }
    );
    assert!(
        r.remedy()
            .contains("a Premium circuit at 1 Gbps allows 50 links"),
        "{}",
        r.remedy()
    );
    assert!(r.to_string().contains("Global Reach"));
    assert_eq!(link_limit(SkuTier::Premium, 1000), 50);
    assert_eq!(link_limit(SkuTier::Local, 1000), 10);
    // Premium 1 Gbps allows 50.
    let p = step(
        &c,
        Action::ChangeTier {
            tier: SkuTier::Premium,
        },
    );
    assert_eq!(p.link_limit(), 50);
    assert!(can(&p, &link("conn10", "East US", "10.99.0.0/16", None)));

    // Cross-subscription authorization.
    let c = with_private_peering(&provisioned(&new_circuit()));
    let c = step(
        &c,
        Action::AddAuthorization {
            name: "MyAuthorization1".into(),
            key: AUTH_KEY_1.into(),
        },
    );
    assert_eq!(
        c.authorization("MyAuthorization1")
            .unwrap()
            .authorization_use_status,
        AuthorizationUseStatus::Available
    );
    let c = step(
        &c,
        link("other-sub", "West US", "10.50.0.0/16", Some(AUTH_KEY_1)),
    );
    assert_eq!(
        c.authorization("MyAuthorization1")
            .unwrap()
            .authorization_use_status,
        AuthorizationUseStatus::InUse
    );
    let r = refusal(
        &c,
        link("other-sub-2", "West US", "10.51.0.0/16", Some(AUTH_KEY_1)),
    );
    assert!(matches!(r, Refusal::AuthorizationInUse { .. }));
    assert!(r
        .to_string()
        .contains("An authorization is valid for only one connection"));
    // Deleting the authorization removes the links of that subscription.
    let t = apply(
        &c,
        &Action::RemoveAuthorization {
            name: "MyAuthorization1".into(),
        },
    )
    .unwrap();
    assert!(t.circuit.vnet_link("other-sub").is_none());
    assert!(t
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::AuthorizationRevokedDeletesLink { .. })));
    // Up to 10 authorizations.
    let mut c = new_circuit();
    for i in 0..10 {
        c = step(
            &c,
            Action::AddAuthorization {
                name: format!("auth{i}"),
                key: format!("00000000-0000-4000-8000-0000000000{i:02}"),
            },
        );
    }
    assert_eq!(
        apply(
            &c,
            &Action::AddAuthorization {
                name: "auth10".into(),
                key: AUTH_KEY_2.into()
            }
        ),
        Err(Refusal::AuthorizationLimit { limit: 10 })
    );
    // Standard: same geopolitical region only.
    let c = with_private_peering(&provisioned(&new_circuit()));
    let r = refusal(&c, link("eu", "West Europe", "10.60.0.0/16", None));
    assert!(matches!(r, Refusal::OtherGeopoliticalRegion { .. }));
}

#[test]
fn sc_39_upgrade_downgrade_rules() {
    let c = provisioned(&circuit_with(
        SkuTier::Standard,
        SkuFamily::UnlimitedData,
        1000,
        RoutingModel::Layer2,
    ));
    // (a) 1,000 → 2,000: accepted; the provider must update its side.
    let t = apply(&c, &Action::ChangeBandwidth { mbps: 2000 }).unwrap();
    assert_eq!(t.circuit.bandwidth_mbps(), 2000);
    assert!(t.notes.join(" ").contains("provider must update its side"));
    // (b) 1,000 → 500: refused.
    let r = refusal(&c, Action::ChangeBandwidth { mbps: 500 });
    assert_eq!(
        r,
        Refusal::BandwidthDecrease {
            from: 1000,
            to: 500,
            direct: false,
        }
    );
    assert!(r.to_string().contains("deprovisioned and a new circuit"));
    assert!(r.remedy().contains("Ask the provider to deprovision"));
    // SC-14 [WF]: an ExpressRoute Direct circuit has no provider to ask.
    let direct = direct_circuit();
    let r = refusal(&direct, Action::ChangeBandwidth { mbps: 1000 });
    assert!(
        matches!(r, Refusal::BandwidthDecrease { direct: true, .. }),
        "{r:?}"
    );
    assert!(r.to_string().contains("deleted and a new circuit"), "{r}");
    assert!(
        !r.remedy().contains("provider to deprovision this"),
        "{}",
        r.remedy()
    );
    assert!(r.remedy().contains("Delete this circuit"), "{}", r.remedy());
    // (c) Unlimited → Metered: refused.
    let r = refusal(
        &c,
        Action::ChangeFamily {
            family: SkuFamily::MeteredData,
        },
    );
    assert_eq!(r, Refusal::UnlimitedToMetered);
    // (d) → Premium: accepted, premium billing starts.
    let t = apply(
        &c,
        &Action::ChangeTier {
            tier: SkuTier::Premium,
        },
    )
    .unwrap();
    assert_eq!(t.circuit.sku.name(), "Premium_UnlimitedData");
    assert!(t.notes.join(" ").contains("premium billing starts"));
    // (e) → Local in the portal: refused, PowerShell/CLI only.
    let r = refusal(
        &c,
        Action::ChangeTier {
            tier: SkuTier::Local,
        },
    );
    assert_eq!(
        r,
        Refusal::LocalTierNotInPortal {
            from: SkuTier::Standard
        }
    );
    assert!(r.remedy().contains("PowerShell"));
    // Metered → Unlimited is fine.
    let m = new_circuit();
    assert!(can(
        &m,
        &Action::ChangeFamily {
            family: SkuFamily::UnlimitedData
        }
    ));
    // Premium → Standard guarded by links in other geopolitical regions.
    let p = with_private_peering(&step(
        &c,
        Action::ChangeTier {
            tier: SkuTier::Premium,
        },
    ));
    let p = step(&p, link("eu", "West Europe", "10.60.0.0/16", None));
    let r = refusal(
        &p,
        Action::ChangeTier {
            tier: SkuTier::Standard,
        },
    );
    assert!(
        matches!(r, Refusal::PremiumDowngradeBlocked { ref other_region_links, .. } if other_region_links == &vec!["eu".to_string()])
    );
    // Only what blocks is named: one link is fine, the other region is not.
    assert!(!r.to_string().contains("fewer than"), "{r}");
    assert!(
        r.to_string().contains("other geopolitical regions (eu)"),
        "{r}"
    );
    assert!(
        r.remedy()
            .starts_with("Unlink the VNets in other geopolitical regions (eu)"),
        "{}",
        r.remedy()
    );
    let p = step(&p, Action::UnlinkVnet { name: "eu".into() });
    let t = apply(
        &p,
        &Action::ChangeTier {
            tier: SkuTier::Standard,
        },
    )
    .unwrap();
    assert!(t
        .warnings
        .contains(&Warning::PrivateRouteLimitAfterDowngrade));
}

/// [PS-CIRCUIT] [CLI-CIRCUIT]: Premium → Standard fails unless the linked VNets are
/// "less than 10": nine links downgrade, ten are refused with the remedy to unlink.
#[test]
fn sc_39_premium_to_standard_needs_fewer_than_10_links_ps_circuit() {
    let c = provisioned(&circuit_with(
        SkuTier::Premium,
        SkuFamily::UnlimitedData,
        1000,
        RoutingModel::Layer2,
    ));
    let mut p = with_private_peering(&c);
    let region = p.region.clone();
    for i in 0..9 {
        p = step(
            &p,
            link(
                &format!("v{i}"),
                &region,
                &format!("10.{}.0.0/16", 100 + i),
                None,
            ),
        );
    }
    let down = Action::ChangeTier {
        tier: SkuTier::Standard,
    };
    assert_eq!(
        apply(&p, &down).unwrap().circuit.sku.tier,
        SkuTier::Standard
    );
    let p = step(&p, link("v9", &region, "10.120.0.0/16", None));
    let r = refusal(&p, down);
    assert!(
        matches!(
            r,
            Refusal::PremiumDowngradeBlocked {
                links: 10,
                limit: 10,
                ..
            }
        ),
        "{r:?}"
    );
    assert!(r.to_string().contains("fewer than 10"), "{r}");
    assert!(
        r.remedy().contains("fewer than 10 remain"),
        "{}",
        r.remedy()
    );
}

/// Remedies point the right way for the circuit at hand: a Premium circuit at its link limit
/// needs more bandwidth, not Premium [LIMITS]; every failure value `is_failure` accepts is
/// listed [SPEC-2024-10]; a circuit being deprovisioned is not "completing provisioning" [WF].
#[test]
fn remedies_fit_the_circuit_limits_spec_2024_10_wf() {
    let premium = Refusal::LinkLimitReached {
        limit: 20,
        tier: SkuTier::Premium,
        bandwidth_mbps: 50,
        more_links_at: Some(100),
    };
    assert!(
        !premium.remedy().contains("upgrade to Premium"),
        "{}",
        premium.remedy()
    );
    assert!(premium
        .remedy()
        .contains("increase the circuit's bandwidth to 100 Mbps: Premium allows 25 links there"));
    let standard = Refusal::LinkLimitReached {
        limit: 10,
        tier: SkuTier::Standard,
        bandwidth_mbps: 50,
        more_links_at: None,
    };
    assert!(standard.remedy().contains("Premium"));
    let listed = Refusal::NotAFailureState {
        state: PrefixValidationState::Configured,
    }
    .remedy();
    for s in PrefixValidationState::ALL.iter().filter(|s| s.is_failure()) {
        assert!(
            listed.contains(&format!("{s},"))
                || listed.contains(&format!("{s} "))
                || listed.ends_with(&format!("{s}.")),
            "{s} missing from: {listed}"
        );
    }
    let down = Refusal::PeeringNeedsProvisioned {
        provider_state: ServiceProviderProvisioningState::Deprovisioning,
    }
    .remedy();
    assert!(!down.contains("complete provisioning"), "{down}");
    assert!(down.contains("NotProvisioned"));
}

/// The region rule the link step shows comes from the same place the machine checks it:
/// Standard, Local and Basic link only in their geopolitical region, Premium anywhere.
/// [PS-LINK] [CLI-LINK]
#[test]
fn link_region_rule_words_match_the_machine_ps_link() {
    for tier in SkuTier::ALL.iter().copied() {
        let rule = link_region_rule(tier);
        assert_eq!(rule.is_some(), tier != SkuTier::Premium, "{tier}");
        if let Some(r) = rule {
            assert!(
                r.starts_with(&format!("A {tier} circuit links only VNets")),
                "{r}"
            );
        }
    }
    let c = with_private_peering(&provisioned(&circuit_with(
        SkuTier::Standard,
        SkuFamily::MeteredData,
        1000,
        RoutingModel::Layer2,
    )));
    assert!(matches!(
        refusal(&c, link("far", "Japan East", "10.9.0.0/16", None)),
        Refusal::OtherGeopoliticalRegion { .. }
    ));
}

/// The Changes page's texts come from the core and follow the circuit: the provider's part only
/// for a provider circuit, the delete rule of SC-08 / SC-09, and classic operations both ways.
#[test]
fn changes_and_end_of_life_texts_follow_the_circuit_ps_circuit_wf() {
    let c = new_circuit();
    let changes = explain_changes(&c);
    assert!(
        changes.contains("the provider must then update their side"),
        "{changes}"
    );
    assert!(changes.contains("Bandwidth never goes down and Unlimited never goes back to Metered"));
    assert!(explain_end_of_life(&c)
        .contains("cannot be deleted while the provider status is Provisioning or Provisioned"));
    let d = direct_circuit();
    assert!(explain_changes(&d).contains("ExpressRoute Direct port has capacity"));
    assert!(!explain_end_of_life(&d).contains("Provisioning or Provisioned"));
    assert!(explain_classic_operations(true).starts_with("Classic operations are allowed"));
    assert!(explain_classic_operations(false).starts_with("Classic operations are not allowed"));
    let allowed = apply(&c, &Action::SetAllowClassicOperations(true)).expect("allowed");
    assert!(allowed.circuit.allow_classic_operations);
}

/// [LIMITS] across circuits: 50 per subscription, 10 per region per subscription, 4 circuits of one
/// peering location linked to one VNet. At each limit nothing is said; one over, a warning.
#[test]
fn limits_across_circuits_limits() {
    let make = |sub: &str, region: &str| {
        let mut c = new_circuit();
        c.subscription_id = sub.into();
        c.region = region.into();
        c
    };
    // 10 in West US: fine; an 11th (region and subscription written differently): over.
    let mut fleet: Vec<Circuit> = (0..10).map(|_| make("sub-a", "West US")).collect();
    assert!(limits_across_circuits(&fleet.iter().collect::<Vec<_>>()).is_empty());
    fleet.push(make(" SUB-A ", "west us"));
    let w = limits_across_circuits(&fleet.iter().collect::<Vec<_>>());
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("11 circuits in region West US"), "{}", w[0]);
    assert!(w[0].contains("at most 10 circuits per region"), "{}", w[0]);
    // No subscription ID: not counted.
    let unknown: Vec<Circuit> = (0..60).map(|_| make("", "West US")).collect();
    assert!(limits_across_circuits(&unknown.iter().collect::<Vec<_>>()).is_empty());
    // 50 per subscription over ten regions (5 each, so no region is over).
    let at_limit: Vec<Circuit> = (0..50)
        .map(|i| make("sub-b", &format!("region-{}", i % 10)))
        .collect();
    assert!(limits_across_circuits(&at_limit.iter().collect::<Vec<_>>()).is_empty());
    let mut over = at_limit.clone();
    over.push(make("sub-b", "region-x"));
    let w = limits_across_circuits(&over.iter().collect::<Vec<_>>());
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].contains("51 circuits here") && w[0].contains("Ask Azure support"),
        "{}",
        w[0]
    );

    // One VNet linked from 4 circuits in Silicon Valley: fine; a 5th: over. Two links of one
    // circuit to the same VNet count once; a circuit in another peering location does not count.
    let linked = |location: &str, links: &[&str]| {
        let mut c = new_circuit();
        if let Port::Provider {
            peering_location, ..
        } = &mut c.port
        {
            *peering_location = location.into();
        }
        c.vnet_links = links
            .iter()
            .enumerate()
            .map(|(i, vnet)| VnetLink {
                name: format!("conn-{i}"),
                vnet_name: (*vnet).into(),
                vnet_region: "West US".into(),
                address_spaces: vec!["10.1.0.0/16".parse().unwrap()],
                authorization: None,
            })
            .collect();
        c
    };
    let mut sv: Vec<Circuit> = (0..3)
        .map(|_| linked("Silicon Valley", &["VNet1"]))
        .collect();
    sv.push(linked("Silicon Valley", &["VNet1", "vnet1"]));
    sv.push(linked("Seattle", &["VNet1"]));
    assert!(limits_across_circuits(&sv.iter().collect::<Vec<_>>()).is_empty());
    sv.push(linked("silicon valley", &["VNet1"]));
    let w = limits_across_circuits(&sv.iter().collect::<Vec<_>>());
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].starts_with("VNet VNet1 is linked to 5 circuits in peering location Silicon Valley"),
        "{}",
        w[0]
    );
    assert!(w[0].contains("at most 4 circuits"), "{}", w[0]);
}
