//! Routing input validation edge cases, limits and form validation.

mod common;

use common::*;
use er_core::*;

#[test]
fn asn_boundaries() {
    // [ROUTING] [PORTAL-ROUTING]: 65515..=65520 reserved; 65514 and 65521 fine.
    assert!(PeerAsn::parse("65514").is_ok());
    assert!(PeerAsn::parse("65521").is_ok());
    assert!(PeerAsn::parse(" 65020 ").is_ok());
    assert_eq!(
        PeerAsn::parse(""),
        Err(Refusal::Required { what: "Peer ASN" })
    );
    assert!(matches!(
        PeerAsn::parse("12.5"),
        Err(Refusal::NotANumber { .. })
    ));
    assert!(PeerAsn::parse("65020").unwrap().is_private());
    assert!(!PeerAsn::parse("100").unwrap().is_private());
    assert!(PeerAsn::parse("4200000000").unwrap().is_private());
    // Customer ASN is an int32 in the API.
    assert!(CustomerAsn::parse("2147483647").is_ok());
    assert!(matches!(
        CustomerAsn::parse("2147483648"),
        Err(Refusal::AsnOutOfRange {
            max: 2147483647,
            ..
        })
    ));
    assert_eq!(
        CustomerAsn::parse("12076"),
        Err(Refusal::AzurePublicAsn { asn: 12076 })
    );
}

#[test]
fn host_bits_suggest_the_network() {
    let r = LinkSubnet::parse("192.168.100.129/30", IpFamily::V4).unwrap_err();
    assert_eq!(
        r,
        Refusal::SubnetHostBitsSet {
            given: "192.168.100.129/30".into(),
            suggested: "192.168.100.128/30".into()
        }
    );
    assert_eq!(r.remedy(), "Use the network address 192.168.100.128/30.");
    let r = LinkPair::split("192.168.100.130/29", IpFamily::V4).unwrap_err();
    assert!(
        matches!(r, Refusal::SubnetHostBitsSet { ref suggested, .. } if suggested == "192.168.100.128/29")
    );
    let r = LinkSubnet::parse("3ffe:ffff:0:cd30::1/126", IpFamily::V6).unwrap_err();
    assert!(
        matches!(r, Refusal::SubnetHostBitsSet { ref suggested, .. } if suggested == "3ffe:ffff:0:cd30::/126")
    );
}

#[test]
fn split_29_gives_128_and_132() {
    // [ROUTING] worked example.
    let pair = LinkPair::split("192.168.100.128/29", IpFamily::V4).unwrap();
    assert_eq!(pair.primary().to_string(), "192.168.100.128/30");
    assert_eq!(pair.secondary().to_string(), "192.168.100.132/30");
    assert_eq!(
        pair.primary().customer_address().to_string(),
        "192.168.100.129"
    );
    assert_eq!(
        pair.primary().microsoft_address().to_string(),
        "192.168.100.130"
    );
    assert_eq!(
        pair.secondary().customer_address().to_string(),
        "192.168.100.133"
    );
    assert_eq!(
        pair.secondary().microsoft_address().to_string(),
        "192.168.100.134"
    );
}

#[test]
fn ipv6_126_pair_and_125_split() {
    let a = LinkSubnet::parse("3FFE:FFFF:0:CD30::/126", IpFamily::V6).unwrap();
    let b = LinkSubnet::parse("3FFE:FFFF:0:CD30::4/126", IpFamily::V6).unwrap();
    let pair = LinkPair::new(a, b).unwrap();
    assert_eq!(pair.family(), IpFamily::V6);
    assert_eq!(a.customer_address().to_string(), "3ffe:ffff:0:cd30::1");
    assert_eq!(a.microsoft_address().to_string(), "3ffe:ffff:0:cd30::2");
    let split = LinkPair::split("3FFE:FFFF:0:CD30::/125", IpFamily::V6).unwrap();
    assert_eq!(split, pair);
    assert!(matches!(
        LinkSubnet::parse("3FFE:FFFF:0:CD30::/64", IpFamily::V6),
        Err(Refusal::WrongPrefixLength { .. })
    ));
    assert!(matches!(
        LinkPair::split("3FFE:FFFF:0:CD30::/124", IpFamily::V6),
        Err(Refusal::WrongPrefixLength { .. })
    ));
}

#[test]
fn family_mismatch_and_garbage() {
    assert!(matches!(
        LinkSubnet::parse("3ffe::/126", IpFamily::V4),
        Err(Refusal::WrongAddressFamily { .. })
    ));
    assert!(matches!(
        LinkSubnet::parse("10.0.0.0/30", IpFamily::V6),
        Err(Refusal::WrongAddressFamily { .. })
    ));
    for bad in ["10.0.0.0", "10.0.0.0/33", "hello", "10.0.0/30"] {
        assert!(
            matches!(
                LinkSubnet::parse(bad, IpFamily::V4),
                Err(Refusal::SubnetInvalid { .. })
            ),
            "{bad}"
        );
    }
}

#[test]
fn all_field_errors_at_once() {
    let c = provisioned(&new_circuit());
    let input = PeeringInput {
        peer_asn: "65515".into(),
        primary_subnet: "10.0.0.1/30".into(),
        secondary_subnet: "10.0.0.4/31".into(),
        vlan_id: "0".into(),
        shared_key: "bad key!".into(),
        advertised_public_prefixes: "1.2.3.0/24".into(),
        ..PeeringInput::default()
    };
    let errs = peering_errors(&c, PeeringType::AzurePrivatePeering, &input);
    let fields: Vec<Field> = errs.iter().map(|e| e.field).collect();
    for f in [
        Field::PeerAsn,
        Field::PrimarySubnet,
        Field::SecondarySubnet,
        Field::VlanId,
        Field::SharedKey,
        Field::AdvertisedPublicPrefixes,
    ] {
        assert!(fields.contains(&f), "{f:?} missing from {fields:?}");
    }
    for e in &errs {
        assert!(!e.field.label().is_empty());
        assert!(e
            .field
            .id()
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
    }
}

#[test]
fn missing_secondary_and_missing_everything() {
    let c = provisioned(&new_circuit());
    let input = PeeringInput {
        secondary_subnet: String::new(),
        ..private_input()
    };
    let errs = peering_errors(&c, PeeringType::AzurePrivatePeering, &input);
    assert!(has(&errs, Field::SecondarySubnet, |r| matches!(
        r,
        Refusal::LinkSubnetMissing { .. }
    )));
    let input = PeeringInput {
        primary_subnet: String::new(),
        secondary_subnet: String::new(),
        ..private_input()
    };
    let errs = peering_errors(&c, PeeringType::AzurePrivatePeering, &input);
    assert!(has(&errs, Field::PrimarySubnet, |r| *r
        == Refusal::PeeringSubnetsMissing));
    // IPv6 only is fine.
    let input = PeeringInput {
        primary_subnet: String::new(),
        secondary_subnet: String::new(),
        ipv6_primary: "3FFE:FFFF:0:CD30::/125".into(),
        ..private_input()
    };
    assert!(validate_peering(&c, PeeringType::AzurePrivatePeering, &input).is_ok());
}

#[test]
fn vlan_unique_in_the_circuit() {
    let c = with_microsoft_peering(&provisioned(&new_circuit()));
    let input = PeeringInput {
        vlan_id: "300".into(),
        ..private_input()
    };
    let errs = peering_errors(&c, PeeringType::AzurePrivatePeering, &input);
    assert!(has(&errs, Field::VlanId, |r| *r
        == Refusal::VlanInUse {
            vlan: 300,
            by: PeeringType::MicrosoftPeering
        }));
    // Updating a peering keeps its own VLAN.
    let input = PeeringInput {
        peer_asn: "200".into(),
        ..microsoft_input()
    };
    assert!(validate_peering(&c, PeeringType::MicrosoftPeering, &input).is_ok());
}

#[test]
fn microsoft_peering_prefix_rules() {
    let c = provisioned(&new_circuit());
    // IPv6 prefix without an IPv6 session.
    let input = PeeringInput {
        advertised_public_prefixes: "123.1.0.0/24, 3FFE:FFFF:0:CD31::/120".into(),
        ..microsoft_input()
    };
    let errs = peering_errors(&c, PeeringType::MicrosoftPeering, &input);
    assert!(has(&errs, Field::AdvertisedPublicPrefixes, |r| matches!(
        r,
        Refusal::PrefixWithoutSession { family: "IPv6", .. }
    )));
    // Both sessions with both families: the Azure example.
    let input = PeeringInput {
        ipv6_primary: "3FFE:FFFF:0:CD30::/126".into(),
        ipv6_secondary: "3FFE:FFFF:0:CD30::4/126".into(),
        advertised_public_prefixes: "123.1.0.0/24\n3FFE:FFFF:0:CD31::/120".into(),
        ..microsoft_input()
    };
    let v = validate_peering(&c, PeeringType::MicrosoftPeering, &input).unwrap();
    assert_eq!(
        v.config
            .microsoft
            .as_ref()
            .unwrap()
            .advertised_public_prefixes
            .len(),
        2
    );
    assert!(v.warnings.contains(&Warning::AsymmetricRouting));
    assert!(v.warnings.contains(&Warning::RouteFilterRequired));
    // IPv6 session without IPv6 prefixes.
    let input = PeeringInput {
        ipv6_primary: "3FFE:FFFF:0:CD30::/125".into(),
        ..microsoft_input()
    };
    let errs = peering_errors(&c, PeeringType::MicrosoftPeering, &input);
    assert!(has(&errs, Field::AdvertisedPublicPrefixes, |r| matches!(
        r,
        Refusal::SessionWithoutPrefixes { family: "IPv6" }
    )));
    // Duplicates, host bits.
    let input = PeeringInput {
        advertised_public_prefixes: "123.1.0.0/24 123.1.0.0/24 123.2.0.1/24".into(),
        ..microsoft_input()
    };
    let errs = peering_errors(&c, PeeringType::MicrosoftPeering, &input);
    assert!(has(&errs, Field::AdvertisedPublicPrefixes, |r| matches!(
        r,
        Refusal::DuplicatePrefix { .. }
    )));
    assert!(has(&errs, Field::AdvertisedPublicPrefixes, |r| matches!(
        r,
        Refusal::SubnetHostBitsSet { .. }
    )));
    // Registry case is forgiven; private peering rejects Microsoft fields.
    let input = PeeringInput {
        routing_registry_name: "ripencc".into(),
        ..microsoft_input()
    };
    let v = validate_peering(&c, PeeringType::MicrosoftPeering, &input).unwrap();
    assert_eq!(
        v.config.microsoft.unwrap().routing_registry_name,
        Some(RegistryName::RipeNcc)
    );
    let errs = peering_errors(&c, PeeringType::AzurePrivatePeering, &microsoft_input());
    assert!(has(&errs, Field::CustomerAsn, |r| *r
        == Refusal::MicrosoftFieldsOnPrivatePeering));
    // Azure public peering is retired.
    let errs = peering_errors(&c, PeeringType::AzurePublicPeering, &private_input());
    assert!(has(&errs, Field::PeeringType, |r| *r
        == Refusal::RetiredPeeringType));
}

#[test]
fn public_address_ranges() {
    let public = |s: &str| is_public(&s.parse().unwrap());
    for p in [
        "123.0.0.0/30",
        "8.8.8.0/24",
        "3FFE:FFFF:0:CD30::/126",
        "2a01:111::/32",
    ] {
        assert!(public(p), "{p}");
    }
    for p in [
        "10.0.0.0/30",
        "172.16.5.0/24",
        "192.168.0.0/24",
        "100.64.0.0/30",
        "127.0.0.0/30",
        "169.254.1.0/30",
        "192.0.2.0/30",
        "224.0.0.0/30",
        "0.0.0.0/0",
        "fd00::/126",
        "fe80::/126",
        "2001:db8::/126",
    ] {
        assert!(!public(p), "{p}");
    }
}

#[test]
fn newtypes_validate_when_deserialized() {
    assert!(serde_json::from_str::<VlanId>("4095").is_err());
    assert!(serde_json::from_str::<VlanId>("100").is_ok());
    assert!(serde_json::from_str::<PeerAsn>("65515").is_err());
    assert!(serde_json::from_str::<LinkSubnet>("\"10.0.0.1/30\"").is_err());
    assert!(serde_json::from_str::<LinkSubnet>("\"10.0.0.0/30\"").is_ok());
    assert!(serde_json::from_str::<SharedKey>("\"a b\"").is_err());
    assert!(serde_json::from_str::<LinkPair>(
        r#"{"primary":"10.0.0.0/30","secondary":"10.0.0.0/30"}"#
    )
    .is_err());
    assert_eq!(
        format!("{:?}", SharedKey::parse("A1B2").unwrap()),
        "SharedKey(***)"
    );
}

#[test]
fn link_limits_table() {
    // [LIMITS]
    let premium = [
        (50, 20),
        (100, 25),
        (200, 25),
        (500, 40),
        (1000, 50),
        (2000, 60),
        (5000, 75),
        (10_000, 100),
        (40_000, 100),
        (100_000, 100),
    ];
    for (mbps, limit) in premium {
        assert_eq!(link_limit(SkuTier::Premium, mbps), limit, "{mbps}");
        assert_eq!(link_limit(SkuTier::Standard, mbps), 10);
        assert_eq!(link_limit(SkuTier::Local, mbps), 10);
    }
    assert_eq!(link_limit(SkuTier::Premium, 300), 25);
    assert_eq!(link_limit(SkuTier::Premium, 10), 20);
    assert_eq!(route_limits(SkuTier::Premium).private_ipv4, 10_000);
    assert_eq!(route_limits(SkuTier::Standard).private_ipv4, 4_000);
}

/// The [LIMITS] row "Routes advertised from VNet to gateway" (1,000 IPv4 / 100 IPv6, every tier)
/// had no number in the core.
#[test]
fn vnet_to_gateway_route_limits_limits() {
    for tier in SkuTier::ALL {
        let l = route_limits(*tier);
        assert_eq!(
            (l.vnet_to_gateway_ipv4, l.vnet_to_gateway_ipv6),
            (1_000, 100)
        );
        assert_eq!((l.private_ipv6, l.microsoft_per_session), (100, 200));
    }
}

/// [PS-ROUTING] "Specify your AS as Peer ASN, not customer ASN": a customer ASN on private
/// peering is refused, and the remedy says where the AS number goes.
#[test]
fn customer_asn_on_private_peering_points_to_peer_asn_ps_routing() {
    let c = provisioned(&new_circuit());
    let input = PeeringInput {
        customer_asn: "65020".into(),
        ..private_input()
    };
    let errs = peering_errors(&c, PeeringType::AzurePrivatePeering, &input);
    let e = errs
        .iter()
        .find(|e| e.field == Field::CustomerAsn)
        .expect("customer ASN flagged");
    assert_eq!(e.refusal, Refusal::MicrosoftFieldsOnPrivatePeering);
    assert!(e
        .refusal
        .remedy()
        .contains("as the Peer ASN, not as the customer ASN"));
    assert!(e.refusal.source_key().contains("[PS-ROUTING]"));
}

/// A prefix listed twice is refused with Azure PowerShell's words: each prefix has one
/// prefix validation entry ("PrefixInfo already exists"). [PS-PREFIX]
#[test]
fn duplicate_prefix_quotes_prefixinfo_already_exists_ps_prefix() {
    let c = provisioned(&new_circuit());
    let input = PeeringInput {
        advertised_public_prefixes: "123.1.0.0/24, 123.1.0.0/24".into(),
        ..microsoft_input()
    };
    let errs = peering_errors(&c, PeeringType::MicrosoftPeering, &input);
    let e = errs
        .iter()
        .find(|e| matches!(e.refusal, Refusal::DuplicatePrefix { .. }))
        .expect("duplicate refused");
    assert_eq!(e.field, Field::AdvertisedPublicPrefixes);
    assert!(e
        .refusal
        .to_string()
        .contains("\"PrefixInfo already exists\""));
    assert_eq!(e.refusal.source_key(), "[PS-PREFIX]");
}

#[test]
fn geopolitical_regions() {
    assert_eq!(geopolitical_area("West US"), geopolitical_area("eastus2"));
    assert_ne!(
        geopolitical_area("West US"),
        geopolitical_area("West Europe")
    );
    assert_eq!(geopolitical_area("Atlantis"), None);
    // Unknown region on a Standard circuit: accepted with a warning.
    let c = with_private_peering(&provisioned(&new_circuit()));
    let t = apply(&c, &link("x", "Atlantis", "10.9.0.0/16", None)).unwrap();
    assert!(t
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::GeopoliticalRegionUnknown { .. })));
}

#[test]
fn create_form_errors() {
    let f = CreateCircuit::default();
    let errs = create(&f, KEY).unwrap_err();
    let fields: Vec<Field> = errs.iter().map(|e| e.field).collect();
    for fld in [
        Field::Name,
        Field::ResourceGroup,
        Field::Region,
        Field::Provider,
        Field::PeeringLocation,
        Field::Bandwidth,
    ] {
        assert!(fields.contains(&fld), "{fld:?}");
    }
    for bad in ["-x", "x-", "a b", &"a".repeat(81)] {
        assert!(check_resource_name(bad).is_err(), "{bad}");
    }
    for good in ["a", "ExpressRouteARMCircuit", "er_1.x-y_", "1"] {
        assert!(check_resource_name(good).is_ok(), "{good}");
    }
    assert!(check_resource_group("rg.").is_err());
    assert!(check_resource_group("my-rg(1)").is_ok());
    assert!(is_guid("A1410692-0000-4ceb-b94a-b90b94d398d1"));
    assert!(!is_guid("a1410692-0000-4ceb-b94a-b90b94d398d"));
    let basic = CreateCircuit {
        sku_tier: SkuTier::Basic,
        ..form()
    };
    assert!(create(&basic, KEY)
        .unwrap_err()
        .iter()
        .any(|e| e.refusal == Refusal::BasicTierNotOffered));
    assert_eq!(Field::PeerAsn.label(), "Peer ASN");
    assert_eq!(Field::PeerAsn.id(), "peer-asn");
    assert_eq!(Field::SkuFamily.label(), "Billing model");
}

#[test]
fn vnet_link_form() {
    let input = VnetLinkInput {
        connection_name: "ERConnection".into(),
        vnet_name: "VNet1".into(),
        vnet_region: "East US".into(),
        address_spaces: "10.1.0.0/16, 10.2.0.0/16".into(),
        authorization_key: AUTH_KEY_1.to_uppercase(),
        other_subscription: true,
    };
    let req = validate_vnet_link(&input).unwrap();
    assert_eq!(req.address_spaces.len(), 2);
    assert_eq!(req.authorization_key.as_deref(), Some(AUTH_KEY_1));
    let errs = validate_vnet_link(&VnetLinkInput {
        address_spaces: "10.1.0.1/16".into(),
        authorization_key: "nope".into(),
        other_subscription: true,
        ..VnetLinkInput::default()
    })
    .unwrap_err();
    let fields: Vec<Field> = errs.iter().map(|e| e.field).collect();
    for f in [
        Field::ConnectionName,
        Field::VnetName,
        Field::VnetRegion,
        Field::VnetAddressSpace,
        Field::AuthorizationKey,
    ] {
        assert!(fields.contains(&f), "{f:?}");
    }
}

/// [PS-LINK]: a VNet in another subscription needs the circuit owner's authorization key; in the
/// circuit's own subscription a key typed by mistake is ignored.
#[test]
fn vnet_link_in_another_subscription_needs_an_authorization_key() {
    let base = VnetLinkInput {
        connection_name: "ERConnection".into(),
        vnet_name: "VNet1".into(),
        vnet_region: "East US".into(),
        address_spaces: "10.1.0.0/16".into(),
        ..VnetLinkInput::default()
    };
    let errs = validate_vnet_link(&VnetLinkInput {
        other_subscription: true,
        ..base.clone()
    })
    .unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].field, Field::AuthorizationKey);
    assert_eq!(errs[0].refusal, Refusal::AuthorizationKeyRequired);
    assert!(!errs[0].refusal.remedy().is_empty());
    let same = validate_vnet_link(&VnetLinkInput {
        authorization_key: "stale".into(),
        ..base
    })
    .unwrap();
    assert_eq!(same.authorization_key, None);
}

#[test]
fn saved_circuits_versioning() {
    let saved = SavedCircuits::new(vec![
        with_microsoft_peering(&provisioned(&new_circuit())),
        direct_circuit(),
    ]);
    let json = saved.to_json().unwrap();
    assert!(json.contains("\"schemaVersion\":1"));
    assert!(json.contains("\"advertisedPublicPrefixesState\":\"Configuring\""));
    assert_eq!(SavedCircuits::from_json(&json).unwrap(), saved);
    let newer = json.replacen("\"schemaVersion\":1", "\"schemaVersion\":99", 1);
    assert_eq!(
        SavedCircuits::from_json(&newer),
        Err(LoadError::NewerVersion {
            found: 99,
            supported: SCHEMA_VERSION
        })
    );
    assert!(matches!(
        SavedCircuits::from_json("{"),
        Err(LoadError::Invalid(_))
    ));
    // Unknown circuit status from an import survives a round trip.
    let mut c = new_circuit();
    c.circuit_provisioning_state = "Disabling".parse().unwrap();
    let back: Circuit = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
    assert_eq!(back, c);
    assert!(!back.is_usable());
}

#[test]
fn disabled_peering_and_bgp() {
    let c = with_private_peering(&provisioned(&new_circuit()));
    let t = apply(
        &c,
        &Action::SetPeeringState {
            kind: PeeringType::AzurePrivatePeering,
            state: PeeringState::Disabled,
        },
    )
    .unwrap();
    assert!(t.warnings.contains(&Warning::DisablingShutsBothSessions));
    let p = t.circuit.peering(PeeringType::AzurePrivatePeering).unwrap();
    assert_eq!(p.bgp_state(), BgpState::NotEnabled);
    assert_eq!(
        next_step(&t.circuit).title,
        "AzurePrivatePeering is disabled"
    );
}

/// The Microsoft peering warning carries [ROUTING]'s NAT rule as well as [WF]'s separate edge.
#[test]
fn asymmetric_routing_warning_states_the_nat_rule_wf_routing() {
    let text = Warning::AsymmetricRouting.to_string();
    assert!(text.contains("separate proxy/edge"), "{text}");
    assert!(text.contains("valid public IPv4 addresses (NAT)"), "{text}");
    assert!(
        text.contains(
            "NAT ranges that you do not advertise to the Internet, or a more specific range"
        ),
        "{text}"
    );
    assert_eq!(Warning::AsymmetricRouting.source_key(), "[WF] [ROUTING]");
}

/// [ROUTING]'s service communities, exactly: what a route filter on Microsoft peering selects.
#[test]
fn service_communities_are_routings_values() {
    assert_eq!(SERVICE_COMMUNITIES.len(), 10);
    assert!(SERVICE_COMMUNITIES.contains(&("Exchange Online", "12076:5010")));
    assert!(SERVICE_COMMUNITIES.contains(&("Azure Resource Manager", "12076:5070")));
    assert!(SERVICE_COMMUNITIES.contains(&("PSTN", "12076:5250")));
    assert!(SERVICE_COMMUNITIES
        .iter()
        .all(|(_, c)| c.starts_with("12076:") && c[6..].parse::<u16>().is_ok()));
    assert!(COMMUNITIES.contains("does not honor communities you send"));
}
