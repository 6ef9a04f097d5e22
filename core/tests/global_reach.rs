//! Global Reach between two circuits: each rule named after itself, with the source it comes from
//! (keys in `docs/sources.md`). Both circuits are built through the core's own actions.

mod common;

use common::*;
use er_core::global_reach::{
    add_command, connect, disconnect, remove_command, validate_global_reach,
};
use er_core::*;

/// A provisioned circuit of `tier` at `location`, with Azure private peering on `subnet` (a /29
/// split into the two links).
fn office(name: &str, location: &str, tier: SkuTier, subnet: &str) -> Circuit {
    let f = CreateCircuit {
        name: name.into(),
        peering_location: location.into(),
        sku_tier: tier,
        sku_family: if tier == SkuTier::Local {
            SkuFamily::UnlimitedData
        } else {
            SkuFamily::MeteredData
        },
        subscription_id: "00000000-1111-2222-3333-444444444444".into(),
        ..form()
    };
    let c = provisioned(&create(&f, KEY).expect("valid form"));
    step(
        &c,
        Action::AddPeering {
            kind: PeeringType::AzurePrivatePeering,
            config: config(
                PeeringType::AzurePrivatePeering,
                &PeeringInput {
                    primary_subnet: subnet.into(),
                    secondary_subnet: String::new(),
                    ..private_input()
                },
            ),
        },
    )
}

fn request(name: &str, ipv4: &str, ipv6: &str, key: &str) -> GlobalReachRequest {
    validate_global_reach(&GlobalReachInput {
        name: name.into(),
        ipv4_subnet: ipv4.into(),
        ipv6_subnet: ipv6.into(),
        authorization_key: key.into(),
    })
    .expect("valid form")
}

fn sv() -> Circuit {
    office(
        "office-sf",
        "Silicon Valley",
        SkuTier::Standard,
        "192.168.10.0/29",
    )
}

fn dallas() -> Circuit {
    office(
        "office-dallas",
        "Dallas",
        SkuTier::Standard,
        "192.168.20.0/29",
    )
}

fn refusal(a: &Circuit, b: &Circuit, r: &GlobalReachRequest) -> GlobalReachRefusal {
    match connect(a, b, r) {
        Err(Refusal::GlobalReach(g)) => g
            .downcast_ref::<GlobalReachRefusal>()
            .expect("a Global Reach refusal")
            .clone(),
        other => panic!("expected a Global Reach refusal, got {other:?}"),
    }
}

fn assert_explained(r: &Refusal) {
    assert!(!r.to_string().is_empty());
    assert!(!r.remedy().is_empty());
    assert!(r.source_key().starts_with('['));
}

/// [GR-FAQ] "If your ExpressRoute circuits are in the same geopolitical region, you don't need
/// ExpressRoute Premium": Silicon Valley and Dallas (North America), both Standard, connect, and
/// each circuit shows the connection: where it was made, and as a peer connection on the other.
#[test]
fn same_geopolitical_region_connects_without_premium_and_both_circuits_show_it_gr_faq() {
    let (a, b) = (sv(), dallas());
    let pair = connect(&a, &b, &request("sf-dallas", "10.254.0.0/29", "", "")).expect("connects");
    let made = &pair
        .made_on
        .circuit
        .peering(PeeringType::AzurePrivatePeering)
        .unwrap()
        .global_reach;
    assert_eq!(made.len(), 1);
    assert_eq!(made[0].name, "sf-dallas");
    assert_eq!(made[0].peer_circuit_name(), "office-dallas");
    assert_eq!(
        made[0].address_prefix,
        Some("10.254.0.0/29".parse().unwrap())
    );
    assert_eq!(made[0].status, Some(CircuitConnectionStatus::Connected));
    let peer = &pair
        .peer
        .peering(PeeringType::AzurePrivatePeering)
        .unwrap()
        .peer_global_reach;
    assert_eq!(peer.len(), 1);
    assert_eq!(peer[0].peer_circuit_name(), "office-sf");
    assert!(pair
        .made_on
        .notes
        .iter()
        .any(|n| n.contains("smaller circuit")));
}

/// [GR-FAQ] "If two ExpressRoute circuits are in different geopolitical regions, you need
/// ExpressRoute Premium for both circuits" [GLOBAL-REACH].
#[test]
fn different_geopolitical_regions_need_premium_on_both_circuits_gr_faq() {
    let london = office(
        "office-london",
        "London",
        SkuTier::Standard,
        "192.168.30.0/29",
    );
    let r = request("sf-london", "10.254.0.0/29", "", "");
    match refusal(&sv(), &london, &r) {
        GlobalReachRefusal::NeedsPremium {
            not_premium,
            a_region,
            b_region,
        } => {
            assert_eq!(not_premium, ["office-sf", "office-london"]);
            assert_eq!(
                (a_region.as_str(), b_region.as_str()),
                ("North America", "Europe")
            );
        }
        other => panic!("{other:?}"),
    }
    let sf_premium = step(
        &sv(),
        Action::ChangeTier {
            tier: SkuTier::Premium,
        },
    );
    match refusal(&sf_premium, &london, &r) {
        GlobalReachRefusal::NeedsPremium { not_premium, .. } => {
            assert_eq!(not_premium, ["office-london"])
        }
        other => panic!("{other:?}"),
    }
    let london_premium = step(
        &london,
        Action::ChangeTier {
            tier: SkuTier::Premium,
        },
    );
    assert!(connect(&sf_premium, &london_premium, &r).is_ok());
    let e = connect(&sv(), &london, &r).unwrap_err();
    assert_eq!(e.source_key(), "[GR-FAQ] [GLOBAL-REACH] [LOCATIONS]");
    assert!(e
        .remedy()
        .contains("Enable ExpressRoute Premium on office-sf and office-london"));
}

/// [FAQ] "ExpressRoute Global Reach isn't available on Local", on either side.
#[test]
fn refused_on_a_local_circuit_faq() {
    let local = office("office-local", "London", SkuTier::Local, "192.168.40.0/29");
    let r = request("gr", "10.254.0.0/29", "", "");
    assert!(
        matches!(refusal(&local, &sv(), &r), GlobalReachRefusal::Local { circuit } if circuit == "office-local")
    );
    assert!(
        matches!(refusal(&sv(), &local, &r), GlobalReachRefusal::Local { circuit } if circuit == "office-local")
    );
    let e = precondition(&local, ActionKind::AddGlobalReach).unwrap_err();
    assert_eq!(e.source_key(), "[FAQ]");
}

/// [GLOBAL-REACH]: circuits must be at peering locations in the listed countries; the catalog
/// says Dubai (United Arab Emirates) is not one.
#[test]
fn refused_where_the_peering_location_does_not_offer_global_reach_global_reach() {
    let dubai = office("office-dubai", "Dubai", SkuTier::Premium, "192.168.50.0/29");
    let r = request("gr", "10.254.0.0/29", "", "");
    match refusal(&sv(), &dubai, &r) {
        GlobalReachRefusal::NotOffered { circuit, location } => {
            assert_eq!(
                (circuit.as_str(), location.as_str()),
                ("office-dubai", "Dubai")
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(precondition(&dubai, ActionKind::AddGlobalReach).is_err());
}

/// [GLOBAL-REACH] [LOCATIONS]: a location the catalog does not know, or knows without an
/// answer (Rio de Janeiro), is a warning, never a refusal.
#[test]
fn unknown_availability_is_a_warning_not_a_refusal_global_reach() {
    let rio = office(
        "office-rio",
        "Rio de Janeiro",
        SkuTier::Premium,
        "192.168.60.0/29",
    );
    let sf = step(
        &sv(),
        Action::ChangeTier {
            tier: SkuTier::Premium,
        },
    );
    let pair = connect(&sf, &rio, &request("gr", "10.254.0.0/29", "", "")).expect("accepted");
    assert!(pair
        .made_on
        .warnings
        .iter()
        .any(|w| w.to_string().contains("Rio de Janeiro")
            && w.source_key() == "[GLOBAL-REACH] [LOCATIONS]"));
    let nowhere = office("office-x", "Atlantis", SkuTier::Standard, "192.168.70.0/29");
    let pair = connect(&sv(), &nowhere, &request("gr", "10.254.0.0/29", "", "")).expect("accepted");
    assert!(pair
        .made_on
        .warnings
        .iter()
        .any(|w| w.to_string().contains("Atlantis")));
    assert!(pair
        .made_on
        .warnings
        .iter()
        .any(|w| w.to_string().contains("both need ExpressRoute Premium")));
}

/// [GR-FAQ] "Can I enable ExpressRoute Global Reach between two ExpressRoute circuits at the
/// same peering location? No."
#[test]
fn refused_between_two_circuits_at_the_same_peering_location_gr_faq() {
    let other_sv = office(
        "office-sv2",
        "Silicon Valley",
        SkuTier::Standard,
        "192.168.80.0/29",
    );
    let g = refusal(&sv(), &other_sv, &request("gr", "10.254.0.0/29", "", ""));
    assert!(
        matches!(g, GlobalReachRefusal::SameLocation { ref location } if location == "Silicon Valley")
    );
    assert_eq!(g.source_key(), "[GR-FAQ] [GR-PS]");
}

/// [GR-PS] "Azure private peering is configured on your ExpressRoute circuits", and
/// [PS-GR-ADD] refuses a circuit without AzurePrivatePeering.
#[test]
fn both_circuits_need_private_peering_gr_ps() {
    let bare = provisioned(
        &create(
            &CreateCircuit {
                name: "bare".into(),
                peering_location: "Dallas".into(),
                ..form()
            },
            KEY,
        )
        .unwrap(),
    );
    let r = request("gr", "10.254.0.0/29", "", "");
    assert!(
        matches!(refusal(&sv(), &bare, &r), GlobalReachRefusal::NoPrivatePeering { circuit } if circuit == "bare")
    );
    assert!(
        matches!(refusal(&bare, &sv(), &r), GlobalReachRefusal::NoPrivatePeering { circuit } if circuit == "bare")
    );
    assert!(!global_reach::can_offer(&bare, &sv()));
    assert!(global_reach::can_offer(&sv(), &dallas()));
}

/// [GR-PS] "Your ExpressRoute circuits are in a provisioned state."
#[test]
fn both_circuits_must_be_provisioned_gr_ps() {
    let np = new_circuit();
    let r = apply(
        &np,
        &Action::AddGlobalReach {
            connection: GlobalReachConnection::named("gr"),
            peer: GlobalReachPeer::of(&dallas()),
            authorization_key: None,
        },
    )
    .unwrap_err();
    assert!(matches!(
        r.global_reach(),
        Some(GlobalReachRefusal::NotProvisioned { .. })
    ));
    assert_explained(&r);
    let mut down = dallas();
    down.service_provider_provisioning_state = ServiceProviderProvisioningState::Deprovisioning;
    assert!(matches!(
        refusal(&sv(), &down, &request("gr", "10.254.0.0/29", "", "")),
        GlobalReachRefusal::NotProvisioned { circuit } if circuit == "office-dallas"
    ));
}

/// [GR-PS] [GR-PORTAL] [SPEC-2024-05]: a /29 IPv4 subnet, and an optional /125 IPv6 one; host
/// bits set get the truncated value as a suggestion.
#[test]
fn the_subnet_is_a_29_and_the_ipv6_subnet_a_125_gr_ps() {
    let bad = |v4: &str, v6: &str| {
        validate_global_reach(&GlobalReachInput {
            name: "gr".into(),
            ipv4_subnet: v4.into(),
            ipv6_subnet: v6.into(),
            authorization_key: String::new(),
        })
        .unwrap_err()
    };
    let e = bad("10.0.0.0/30", "");
    assert_eq!(e[0].0, GlobalReachField::Ipv4Subnet);
    assert!(e[0].1.to_string().contains("must be a /29"));
    assert!(
        matches!(bad("10.0.0.1/29", "")[0].1, Refusal::SubnetHostBitsSet { ref suggested, .. } if suggested == "10.0.0.0/29")
    );
    assert!(matches!(
        bad("", "")[0].1,
        Refusal::Required {
            what: "Global Reach IPv4 subnet"
        }
    ));
    let e = bad("10.0.0.0/29", "fd00::/126");
    assert_eq!(e[0].0, GlobalReachField::Ipv6Subnet);
    assert!(e[0].1.to_string().contains("/125 IPv6"));
    assert_eq!(bad("fd00::/125", "")[0].0, GlobalReachField::Ipv4Subnet);
    let ok = request("gr", "10.0.0.0/29", "fd00:1::/125", "");
    assert_eq!(
        ok.connection.ipv6_address_prefix,
        Some("fd00:1::/125".parse().unwrap())
    );
    assert_eq!(
        GlobalReachField::Ipv4Subnet.label(),
        "Global Reach IPv4 subnet"
    );
}

/// [GR-PORTAL] "Don't use the addresses in this subnet in your Azure virtual networks, private
/// peering subnet, or on-premises network": checked against both circuits' peering subnets,
/// their linked VNets' address spaces and their other Global Reach subnets.
#[test]
fn the_subnet_overlaps_no_peering_subnet_or_linked_vnet_of_either_circuit_gr_portal() {
    let a = step(&sv(), link("hub", "West US", "10.10.0.0/16", None));
    let b = dallas();
    let overlap =
        |a: &Circuit, b: &Circuit, v4: &str| match refusal(a, b, &request("gr", v4, "", "")) {
            GlobalReachRefusal::Overlaps { what, .. } => what,
            other => panic!("{other:?}"),
        };
    assert!(overlap(&a, &b, "192.168.10.0/29").contains("AzurePrivatePeering"));
    assert!(overlap(&a, &b, "192.168.20.0/29").contains("office-dallas"));
    assert!(overlap(&a, &b, "10.10.5.0/29")
        .contains("virtual network hub-vnet linked to circuit office-sf"));
    let joined = connect(&a, &b, &request("gr1", "10.254.0.0/29", "", "")).unwrap();
    let third = office(
        "office-ny",
        "New York",
        SkuTier::Standard,
        "192.168.90.0/29",
    );
    assert!(overlap(&joined.made_on.circuit, &third, "10.254.0.0/29")
        .contains("Global Reach connection gr1"));
}

/// [LIMITS] "Global Reach connections count against the limit of virtual network connections
/// per ExpressRoute Circuit"; the peer's side counts on the peer too ([inferred]).
#[test]
fn each_connection_counts_against_both_circuits_link_limit_limits() {
    let (a, b) = (sv(), dallas());
    let pair = connect(&a, &b, &request("gr", "10.254.0.0/29", "", "")).unwrap();
    assert_eq!(pair.made_on.circuit.links_used(), 1);
    assert_eq!(pair.peer.links_used(), 1);
    // Fill the peer up to its limit of 10: the next connection is refused for the peer.
    let mut full = pair.peer.clone();
    for i in 0..9 {
        full = step(
            &full,
            link(
                &format!("c{i}"),
                "West US",
                &format!("10.{}.0.0/16", 100 + i),
                None,
            ),
        );
    }
    assert_eq!(full.links_used(), 10);
    let other = office(
        "office-ny",
        "New York",
        SkuTier::Standard,
        "192.168.90.0/29",
    );
    match refusal(&other, &full, &request("gr2", "10.254.1.0/29", "", "")) {
        GlobalReachRefusal::LinkLimit { circuit, limit } => {
            assert_eq!((circuit.as_str(), limit), ("office-dallas", 10))
        }
        g => panic!("{g:?}"),
    }
    // And a VNet link is refused on it as well.
    assert!(apply(&full, &link("c10", "West US", "10.120.0.0/16", None)).is_err());
}

/// [PS-CIRCUIT] [CLI-CIRCUIT] "global reach associations must be unlinked": on either side.
#[test]
fn a_circuit_with_a_global_reach_connection_cannot_be_deleted_ps_circuit() {
    let pair = connect(&sv(), &dallas(), &request("gr", "10.254.0.0/29", "", "")).unwrap();
    for c in [&pair.made_on.circuit, &pair.peer] {
        let mut c = c.clone();
        c.service_provider_provisioning_state = ServiceProviderProvisioningState::NotProvisioned;
        let r = apply(&c, &Action::Delete).unwrap_err();
        assert!(matches!(r, Refusal::DeleteBlocked { .. }), "{r}");
        assert!(r.to_string().contains("Global Reach connection gr"), "{r}");
    }
    let mut peer = pair.peer.clone();
    peer.service_provider_provisioning_state = ServiceProviderProvisioningState::NotProvisioned;
    assert!(apply(&peer, &Action::Delete)
        .unwrap_err()
        .to_string()
        .contains("gr (made on circuit office-sf)"));
    // Once removed, both sides are gone and delete is blocked no more by it.
    let (a, b) = disconnect(&pair.made_on.circuit, Some(&pair.peer), "gr").unwrap();
    assert!(a.circuit.peerings.iter().all(|p| p.global_reach.is_empty()));
    assert!(b
        .unwrap()
        .peerings
        .iter()
        .all(|p| p.peer_global_reach.is_empty()));
}

/// [GR-PS] "run the following commands against the circuit where the configuration was made".
#[test]
fn removed_on_the_circuit_where_it_was_made_gr_ps() {
    let pair = connect(&sv(), &dallas(), &request("gr", "10.254.0.0/29", "", "")).unwrap();
    let r = apply(&pair.peer, &Action::RemoveGlobalReach { name: "gr".into() }).unwrap_err();
    assert!(
        matches!(r.global_reach(), Some(GlobalReachRefusal::RemoveWhereMade { made_on, .. }) if made_on == "office-sf")
    );
    assert_explained(&r);
    let r = apply(
        &pair.made_on.circuit,
        &Action::RemoveGlobalReach {
            name: "nope".into(),
        },
    )
    .unwrap_err();
    assert!(matches!(
        r.global_reach(),
        Some(GlobalReachRefusal::NotFound { .. })
    ));
}

/// [PS-GR-ADD]: `ExpressRouteCircuitConnectionAlreadyAdded` for a name already on the peering.
#[test]
fn a_connection_name_is_used_once_per_peering_ps_gr_add() {
    let pair = connect(&sv(), &dallas(), &request("gr", "10.254.0.0/29", "", "")).unwrap();
    let ny = office(
        "office-ny",
        "New York",
        SkuTier::Standard,
        "192.168.90.0/29",
    );
    assert!(matches!(
        refusal(
            &pair.made_on.circuit,
            &ny,
            &request("gr", "10.254.1.0/29", "", "")
        ),
        GlobalReachRefusal::NameTaken { .. }
    ));
}

/// [GR-PS] [GR-CLI] [GR-PORTAL]: a circuit in another subscription needs an authorization key
/// from its owner; the key is a GUID, and the peer's authorization is then in use.
#[test]
fn another_subscription_needs_an_authorization_key_gr_ps() {
    let a = sv();
    let mut b = dallas();
    b.subscription_id = "99999999-1111-2222-3333-444444444444".into();
    b = step(
        &b,
        Action::AddAuthorization {
            name: "for-sf".into(),
            key: AUTH_KEY_1.into(),
        },
    );
    let r = connect(&a, &b, &request("gr", "10.254.0.0/29", "", "")).unwrap_err();
    assert_eq!(r, Refusal::AuthorizationKeyRequired);
    let bad = validate_global_reach(&GlobalReachInput {
        name: "gr".into(),
        ipv4_subnet: "10.254.0.0/29".into(),
        authorization_key: "not-a-guid".into(),
        ..GlobalReachInput::default()
    })
    .unwrap_err();
    assert_eq!(bad[0].0, GlobalReachField::AuthorizationKey);
    let pair = connect(&a, &b, &request("gr", "10.254.0.0/29", "", AUTH_KEY_1)).unwrap();
    let made = &pair.made_on.circuit.peerings[0].global_reach[0];
    assert!(made.authorized);
    assert_eq!(
        pair.peer
            .authorization("for-sf")
            .unwrap()
            .authorization_use_status,
        AuthorizationUseStatus::InUse
    );
    // The key is not stored on the connection: it is redeemed and never shown back.
    assert!(!format!("{:?}", pair.made_on.circuit.peerings).contains(AUTH_KEY_1));
}

/// The commands, exactly: [GR-PS] `Add-AzExpressRouteCircuitConnectionConfig` then
/// `Set-AzExpressRouteCircuit` (IPv6 by `-AddressPrefixType IPv6`), and [GR-CLI]
/// `az network express-route peering connection create` / `delete`.
#[test]
fn add_and_remove_commands_are_microsofts_gr_ps_gr_cli() {
    let pair = connect(
        &sv(),
        &dallas(),
        &request("sf-dallas", "10.254.0.0/29", "fd00:1::/125", ""),
    )
    .unwrap();
    let c = &pair.made_on.circuit;
    let g = &c.peerings[0].global_reach[0];
    let add = add_command(c, g, None);
    let peer = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/ExpressRouteResourceGroup/providers/Microsoft.Network/expressRouteCircuits/office-dallas";
    assert_eq!(
        add.powershell,
        format!("$ckt = Get-AzExpressRouteCircuit -Name 'office-sf' -ResourceGroupName 'ExpressRouteResourceGroup'\nAdd-AzExpressRouteCircuitConnectionConfig -Name 'sf-dallas' -ExpressRouteCircuit $ckt -PeerExpressRouteCircuitPeering '{peer}/peerings/AzurePrivatePeering' -AddressPrefix '10.254.0.0/29'\nSet-AzExpressRouteCircuitConnectionConfig -Name 'sf-dallas' -ExpressRouteCircuit $ckt -PeerExpressRouteCircuitPeering '{peer}/peerings/AzurePrivatePeering' -AddressPrefix 'fd00:1::/125' -AddressPrefixType IPv6\nSet-AzExpressRouteCircuit -ExpressRouteCircuit $ckt")
    );
    assert_eq!(
        add.cli,
        format!("az network express-route peering connection create --resource-group ExpressRouteResourceGroup --circuit-name office-sf --peering-name AzurePrivatePeering --name sf-dallas --peer-circuit {peer} --address-prefix 10.254.0.0/29\naz network express-route peering connection ipv6-config set --resource-group ExpressRouteResourceGroup --circuit-name office-sf --peering-name AzurePrivatePeering --name sf-dallas --address-prefix fd00:1::/125")
    );
    let with_key = add_command(c, g, Some(AUTH_KEY_1));
    assert!(with_key.powershell.contains(&format!(
        "-AddressPrefix '10.254.0.0/29' -AuthorizationKey '{AUTH_KEY_1}'"
    )));
    assert!(with_key.cli.contains(&format!(
        "--address-prefix 10.254.0.0/29 --authorization-key {AUTH_KEY_1}"
    )));
    let rm = remove_command(c, "sf-dallas");
    assert_eq!(rm.powershell, "$ckt = Get-AzExpressRouteCircuit -Name 'office-sf' -ResourceGroupName 'ExpressRouteResourceGroup'\nRemove-AzExpressRouteCircuitConnectionConfig -Name 'sf-dallas' -ExpressRouteCircuit $ckt\nSet-AzExpressRouteCircuit -ExpressRouteCircuit $ckt");
    assert_eq!(rm.cli, "az network express-route peering connection delete --resource-group ExpressRouteResourceGroup --circuit-name office-sf --peering-name AzurePrivatePeering --name sf-dallas");
    for k in [add.source, rm.source] {
        for key in k.split_whitespace() {
            assert!(
                SOURCES.iter().any(|(s, ..)| format!("[{s}]") == key),
                "{key}"
            );
        }
    }
}

/// The demo "Two offices joined by Global Reach" plays to its end: refused without Premium,
/// refused on an overlapping subnet, then joined.
#[test]
fn the_global_reach_demo_plays_to_the_offices_joined() {
    let sc = scenario("global-reach").expect("scenario");
    assert_eq!(sc.title, "Two offices joined by Global Reach");
    let p = sc.play().expect("plays");
    let refusals: Vec<String> = p
        .frames
        .iter()
        .filter_map(|f| f.result.as_ref().err().map(ToString::to_string))
        .collect();
    assert_eq!(refusals.len(), 2);
    assert!(refusals[0].contains("both need ExpressRoute Premium"));
    assert!(refusals[1].contains("overlaps 192.168.17.16/30"));
    let end = p.circuit_at(sc.steps.len());
    assert_eq!(end.peerings[0].global_reach[0].name, "sf-to-london");
    assert_eq!(end.sku.tier, SkuTier::Premium);
}

/// Import: a private peering's `connections` and `peerExpressRouteCircuitConnections` are read
/// with their address prefix and the other circuit ([SPEC-2024-05], the output shape of
/// [GR-CLI]), and exported back the same.
#[test]
fn import_reads_global_reach_connections_with_prefix_and_peer_circuit_gr_cli() {
    let pair = connect(
        &sv(),
        &dallas(),
        &request("sf-dallas", "10.254.0.0/29", "fd00:1::/125", ""),
    )
    .unwrap();
    for c in [&pair.made_on.circuit, &pair.peer] {
        let json = export_azure_json(c);
        let back = import(&json).expect("imports");
        let got = back[0].circuit().expect("a circuit").clone();
        let (p, q) = (
            got.peering(PeeringType::AzurePrivatePeering).unwrap(),
            c.peering(PeeringType::AzurePrivatePeering).unwrap(),
        );
        assert_eq!(p.global_reach, q.global_reach);
        assert_eq!(p.peer_global_reach, q.peer_global_reach);
    }
}

/// Import of `az network express-route show` output (the [GR-CLI] connection shape under the
/// private peering) names each connection, its other circuit, subnet and status.
#[test]
fn import_shows_each_connection_with_its_peer_and_subnet_gr_cli() {
    let text = r#"{"name":"office-sf","resourceGroup":"rg","location":"westus",
      "id":"/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/office-sf",
      "sku":{"name":"Premium_MeteredData","tier":"Premium","family":"MeteredData"},
      "serviceProviderProperties":{"serviceProviderName":"Equinix","peeringLocation":"Silicon Valley","bandwidthInMbps":200},
      "serviceProviderProvisioningState":"Provisioned","circuitProvisioningState":"Enabled","provisioningState":"Succeeded",
      "serviceKey":"a1410692-0000-4ceb-b94a-b90b94d398d1",
      "peerings":[{"name":"AzurePrivatePeering","peeringType":"AzurePrivatePeering","state":"Enabled","azureASN":12076,"peerASN":65020,
        "primaryPeerAddressPrefix":"192.168.10.0/30","secondaryPeerAddressPrefix":"192.168.10.4/30","vlanId":100,"provisioningState":"Succeeded",
        "connections":[{"name":"sf-to-london","addressPrefix":"10.254.0.0/29","circuitConnectionStatus":"Connected","authorizationKey":null,
          "expressRouteCircuitPeering":{"id":"/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/office-sf/peerings/AzurePrivatePeering"},
          "peerExpressRouteCircuitPeering":{"id":"/subscriptions/s2/resourceGroups/rg2/providers/Microsoft.Network/expressRouteCircuits/office-london/peerings/AzurePrivatePeering"},
          "provisioningState":"Succeeded","type":"Microsoft.Network/expressRouteCircuits/peerings/connections"}],
        "peerExpressRouteCircuitConnections":[{"name":"ny-to-sf","connectionName":"ny-to-sf","addressPrefix":"10.254.1.0/29","circuitConnectionStatus":"Disconnected",
          "expressRouteCircuitPeering":{"id":"/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/office-ny/peerings/AzurePrivatePeering"}}]}]}"#;
    let got = import(text).expect("imports");
    let c = got[0].circuit().expect("a circuit");
    let p = c
        .peering(PeeringType::AzurePrivatePeering)
        .expect("private");
    assert_eq!(p.global_reach[0].peer_circuit_name(), "office-london");
    assert_eq!(
        p.global_reach[0].address_prefix,
        Some("10.254.0.0/29".parse().unwrap())
    );
    assert_eq!(p.peer_global_reach[0].peer_circuit_name(), "office-ny");
    assert_eq!(
        p.peer_global_reach[0].status,
        Some(CircuitConnectionStatus::Disconnected)
    );
    assert_eq!(c.links_used(), 2);
    let d = &got[0].diagnosis;
    assert!(d.fine.iter().any(|f| f == "Global Reach sf-to-london: connects this circuit's private peering to circuit office-london, subnet 10.254.0.0/29, status Connected. [GR-PS]"), "{:?}", d.fine);
    assert!(d
        .fine
        .iter()
        .any(|f| f.starts_with("Global Reach ny-to-sf: made on circuit office-ny")));
}

/// [GR-PS]: on the circuit that only shows the other circuit's connection, Remove Global Reach
/// is not possible, and the table says so with apply's reason (remove it where it was made).
#[test]
fn the_table_refuses_removal_where_the_connection_was_not_made_gr_ps() {
    let pair = connect(&sv(), &dallas(), &request("gr", "10.254.0.0/29", "", "")).unwrap();
    let r = precondition(&pair.peer, ActionKind::RemoveGlobalReach).unwrap_err();
    assert!(
        matches!(r.global_reach(), Some(GlobalReachRefusal::RemoveWhereMade { made_on, .. }) if made_on == "office-sf")
    );
    let removed = apply(&pair.peer, &Action::RemoveGlobalReach { name: "gr".into() });
    assert_eq!(removed.map(|_| ()), Err(r));
    assert!(precondition(&pair.made_on.circuit, ActionKind::RemoveGlobalReach).is_ok());
}
