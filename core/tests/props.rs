//! Random action sequences (proptest, 10,000 cases) checking the machine's
//! invariants after every step.

mod common;

use common::*;
use er_core::*;
use proptest::prelude::*;

fn starters() -> Vec<Circuit> {
    let mut out = Vec::new();
    for (tier, family) in [
        (SkuTier::Local, SkuFamily::UnlimitedData),
        (SkuTier::Standard, SkuFamily::MeteredData),
        (SkuTier::Standard, SkuFamily::UnlimitedData),
        (SkuTier::Premium, SkuFamily::MeteredData),
    ] {
        for mbps in [50, 1000, 10_000] {
            out.push(circuit_with(tier, family, mbps, RoutingModel::Layer2));
        }
    }
    out.push(circuit_with(
        SkuTier::Premium,
        SkuFamily::UnlimitedData,
        1000,
        RoutingModel::Layer3,
    ));
    out.push(direct_circuit());
    // Start some circuits already provisioned so short sequences reach routing.
    let more: Vec<Circuit> = out.iter().take(6).map(provisioned).collect();
    out.extend(more);
    // Near the link limits: Standard with 9 links, Premium with 11 (too many for Standard).
    for (tier, count) in [(SkuTier::Standard, 9), (SkuTier::Premium, 11)] {
        let mut c = with_private_peering(&provisioned(&circuit_with(
            tier,
            SkuFamily::MeteredData,
            1000,
            RoutingModel::Layer2,
        )));
        for i in 0..count {
            c = step(
                &c,
                link(
                    &format!("pre{i}"),
                    "West US",
                    &format!("10.{}.0.0/16", 150 + i),
                    None,
                ),
            );
        }
        out.push(c);
    }
    out
}

fn pool() -> Vec<Action> {
    use PeeringType::{
        AzurePrivatePeering as Private, AzurePublicPeering as Public, MicrosoftPeering as Ms,
    };
    let private = config(Private, &private_input());
    let private_v6_key = config(
        Private,
        &PeeringInput {
            ipv6_primary: "3FFE:FFFF:0:CD30::/125".into(),
            shared_key: "A1B2C3D4".into(),
            vlan_id: "101".into(),
            ..private_input()
        },
    );
    // Uses Microsoft peering's VLAN 300: must be refused while Microsoft peering exists.
    let private_vlan_clash = config(
        Private,
        &PeeringInput {
            vlan_id: "300".into(),
            ..private_input()
        },
    );
    // Public /29 overlapping Microsoft peering's subnets.
    let private_subnet_clash = config(
        Private,
        &PeeringInput {
            primary_subnet: "123.0.0.0/29".into(),
            secondary_subnet: String::new(),
            vlan_id: "102".into(),
            ..private_input()
        },
    );
    let microsoft = config(Ms, &microsoft_input());
    let microsoft2 = config(
        Ms,
        &PeeringInput {
            peer_asn: "65010".into(),
            advertised_public_prefixes: "123.1.0.0/24, 123.2.0.0/24".into(),
            ..microsoft_input()
        },
    );
    let mut v = vec![
        Action::ProviderStartProvisioning,
        Action::ProviderCompleteProvisioning,
        Action::ProviderDeprovision,
        Action::ProviderCompleteDeprovisioning,
        Action::ReEnable,
        Action::Delete,
    ];
    for (kind, config) in [
        (Private, private.clone()),
        (Private, private_v6_key.clone()),
        (Private, private_vlan_clash.clone()),
        (Private, private_subnet_clash.clone()),
        (Ms, microsoft.clone()),
        (Ms, microsoft2.clone()),
        (Public, private.clone()),
        (Ms, private.clone()),
    ] {
        v.push(Action::AddPeering {
            kind,
            config: config.clone(),
        });
        v.push(Action::UpdatePeering { kind, config });
    }
    for kind in [Private, Ms, Public] {
        v.push(Action::RemovePeering { kind });
        for state in PeeringState::ALL {
            v.push(Action::SetPeeringState {
                kind,
                state: *state,
            });
        }
    }
    for outcome in [
        PrefixOutcome::Validated,
        PrefixOutcome::ValidationNeeded,
        PrefixOutcome::ManualValidationNeeded,
        PrefixOutcome::SupportTicketResolved,
        PrefixOutcome::PrefixFailed {
            prefix: "123.1.0.0/24".parse().unwrap(),
            state: PrefixValidationState::AsnValidationFailed,
        },
        PrefixOutcome::PrefixFailed {
            prefix: "123.2.0.0/24".parse().unwrap(),
            state: PrefixValidationState::Configured,
        },
    ] {
        v.push(Action::SetPrefixValidation { outcome });
    }
    for (name, key) in [
        ("auth1", AUTH_KEY_1),
        ("auth2", AUTH_KEY_2),
        ("auth1", AUTH_KEY_2),
    ] {
        v.push(Action::AddAuthorization {
            name: name.into(),
            key: key.into(),
        });
    }
    for name in ["auth1", "auth2"] {
        v.push(Action::RemoveAuthorization { name: name.into() });
    }
    for i in 0..11 {
        v.push(link(
            &format!("conn{i}"),
            "West US",
            &format!("10.{}.0.0/16", i + 1),
            None,
        ));
    }
    v.push(link("conn-east", "East US", "10.100.0.0/16", None));
    v.push(link("conn-eu", "West Europe", "10.101.0.0/16", None));
    v.push(link("conn-overlap", "West US", "192.168.0.0/16", None));
    v.push(link(
        "conn-a1",
        "West US",
        "10.102.0.0/16",
        Some(AUTH_KEY_1),
    ));
    v.push(link(
        "conn-a1b",
        "West US",
        "10.103.0.0/16",
        Some(AUTH_KEY_1),
    ));
    v.push(link(
        "conn-a2",
        "West US",
        "10.104.0.0/16",
        Some(AUTH_KEY_2),
    ));
    for name in ["conn0", "conn1", "conn-eu", "conn-a1", "conn-a2"] {
        v.push(Action::UnlinkVnet { name: name.into() });
    }
    for mbps in [100, 500, 2000, 10_000, 40_000] {
        v.push(Action::ChangeBandwidth { mbps });
    }
    for family in SkuFamily::ALL {
        v.push(Action::ChangeFamily { family: *family });
    }
    for tier in SkuTier::ALL {
        v.push(Action::ChangeTier { tier: *tier });
    }
    v.push(Action::SetAllowClassicOperations(true));
    v.push(Action::SetAllowClassicOperations(false));
    v
}

/// What a customer configures on a peering (not Microsoft's validation states).
fn peering_projection(c: &Circuit) -> Vec<(PeeringType, PeeringState, PeeringConfig)> {
    c.peerings
        .iter()
        .map(|p| (p.peering_type, p.state, p.config.clone()))
        .collect()
}

fn check_invariants(
    prev: &Circuit,
    action: &Action,
    result: &Result<Transition, Refusal>,
) -> Result<(), TestCaseError> {
    let prev_phase = prev.phase();
    // precondition refuses ⇒ apply refuses.
    if precondition(prev, action.kind()).is_err() {
        prop_assert!(
            result.is_err(),
            "precondition refused but apply accepted {action:?}"
        );
    }
    let next = match result {
        Err(r) => {
            prop_assert!(!r.to_string().is_empty() && !r.remedy().is_empty());
            prop_assert!(r.source_key().starts_with('['));
            return Ok(());
        }
        Ok(t) => &t.circuit,
    };
    // Never deleted while Provisioning/Provisioned. [WF]
    if next.phase() == CircuitPhase::Deleting && prev_phase != CircuitPhase::Deleting {
        prop_assert!(
            matches!(
                prev_phase,
                CircuitPhase::NotProvisioned | CircuitPhase::Direct
            ),
            "deleted from {prev_phase:?}"
        );
        prop_assert!(prev.vnet_links.is_empty());
    }
    // No peering added or changed unless Provisioned (or Direct). [WF]
    if peering_projection(prev) != peering_projection(next) {
        prop_assert!(
            matches!(prev_phase, CircuitPhase::Provisioned | CircuitPhase::Direct),
            "peerings changed in {prev_phase:?} by {action:?}"
        );
        prop_assert_eq!(prev.routing_model(), RoutingModel::Layer2);
    }
    prop_assert!(next
        .peerings
        .iter()
        .all(|p| p.peering_type != PeeringType::AzurePublicPeering));
    Ok(())
}

fn check_state(c: &Circuit) -> Result<(), TestCaseError> {
    // VLAN IDs unique; one peering per type. [PORTAL-ROUTING]
    let mut vlans: Vec<u16> = c.peerings.iter().map(|p| p.config.vlan_id.get()).collect();
    let n = vlans.len();
    vlans.sort_unstable();
    vlans.dedup();
    prop_assert_eq!(vlans.len(), n, "VLAN reused");
    let mut kinds: Vec<PeeringType> = c.peerings.iter().map(|p| p.peering_type).collect();
    kinds.sort();
    kinds.dedup();
    prop_assert_eq!(kinds.len(), n, "two peerings of a type");
    // Links within the SKU limit. [LIMITS]
    prop_assert!(c.vnet_links.len() <= c.link_limit() as usize);
    prop_assert!(c.authorizations.len() <= MAX_AUTHORIZATIONS);
    // Every InUse authorization has exactly one link, every Available none. [PS-LINK]
    for a in &c.authorizations {
        let users: Vec<&VnetLink> = c
            .vnet_links
            .iter()
            .filter(|l| l.authorization.as_deref() == Some(a.name.as_str()))
            .collect();
        match a.authorization_use_status {
            AuthorizationUseStatus::InUse => {
                prop_assert_eq!(users.len(), 1);
                prop_assert_eq!(a.connection.as_deref(), Some(users[0].name.as_str()));
            }
            AuthorizationUseStatus::Available => {
                prop_assert!(users.is_empty());
                prop_assert!(a.connection.is_none());
            }
        }
    }
    for l in &c.vnet_links {
        if let Some(name) = &l.authorization {
            prop_assert!(
                c.authorization(name).is_some(),
                "link uses a missing authorization"
            );
        }
    }
    // Local stays UnlimitedData. [PS-CIRCUIT]
    if c.sku.tier == SkuTier::Local {
        prop_assert_eq!(c.sku.family, SkuFamily::UnlimitedData);
    }
    // Serde round-trip is identity.
    let json = serde_json::to_string(c).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back: Circuit =
        serde_json::from_str(&json).map_err(|e| TestCaseError::fail(format!("{e}: {json}")))?;
    prop_assert_eq!(&back, c);
    // explain is non-empty for every reachable state.
    let infos = explain_circuit(c);
    prop_assert!(!infos.is_empty());
    for i in infos.iter().chain(std::iter::once(&next_step(c))) {
        prop_assert!(!i.title.is_empty() && !i.meaning.is_empty() && i.source.starts_with('['));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn random_action_sequences_keep_invariants(
        start in 0usize..22,
        steps in proptest::collection::vec(0usize..1000, 1..24),
    ) {
        thread_local! {
            static STARTERS: Vec<Circuit> = starters();
            static POOL: Vec<Action> = pool();
        }
        let mut c = STARTERS.with(|s| s[start % s.len()].clone());
        check_state(&c)?;
        for i in steps {
            let action = POOL.with(|p| p[i % p.len()].clone());
            let result = apply(&c, &action);
            check_invariants(&c, &action, &result)?;
            if let Ok(t) = result {
                c = t.circuit;
                check_state(&c)?;
            }
        }
        let saved = SavedCircuits::new(vec![c]);
        let json = saved.to_json().map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(SavedCircuits::from_json(&json).map_err(|e| TestCaseError::fail(e.to_string()))?, saved);
    }
}

#[test]
fn pool_and_starters_are_nontrivial() {
    assert!(pool().len() > 60);
    assert_eq!(starters().len(), 22);
}

/// The random walks really reach the interesting states and refusals (so the
/// property test is not vacuous). Deterministic: a small LCG over the same pool.
#[test]
fn random_walks_reach_interesting_states() {
    let starters = starters();
    let pool = pool();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(seed >> 33).unwrap() % n
    };
    let mut phases = std::collections::HashSet::new();
    let mut refusals = std::collections::HashSet::new();
    let (mut configured, mut in_use, mut full) = (false, false, false);
    for _ in 0..3000 {
        let mut c = starters[next(starters.len())].clone();
        for _ in 0..40 {
            let a = &pool[next(pool.len())];
            match apply(&c, a) {
                Ok(t) => c = t.circuit,
                Err(r) => {
                    refusals.insert(std::mem::discriminant(&r));
                    if matches!(r, Refusal::LinkLimitReached { .. }) {
                        full = true;
                    }
                }
            }
            phases.insert(c.phase());
            configured |= c.peering(PeeringType::MicrosoftPeering).is_some_and(|p| {
                p.advertised_public_prefixes_state == AdvertisedPublicPrefixesState::Configured
            });
            in_use |= c
                .authorizations
                .iter()
                .any(|a| a.authorization_use_status == AuthorizationUseStatus::InUse);
        }
    }
    assert_eq!(phases.len(), CircuitPhase::ALL.len(), "{phases:?}");
    assert!(configured, "Microsoft peering never Configured");
    assert!(in_use, "no authorization ever InUse");
    assert!(full, "link limit never reached");
    for r in [
        Refusal::VlanInUse {
            vlan: 0,
            by: PeeringType::MicrosoftPeering,
        },
        Refusal::SubnetUsedByOtherPeering {
            subnet: String::new(),
            other: PeeringType::MicrosoftPeering,
        },
        Refusal::DeleteWhileProvisioned {
            provider_state: ServiceProviderProvisioningState::Provisioned,
        },
        Refusal::AuthorizationInUse {
            name: String::new(),
        },
        Refusal::OtherGeopoliticalRegion {
            vnet_region: String::new(),
            vnet_geopolitical: "",
            location: &er_core::catalog::PEERING_LOCATIONS[0],
            tier: SkuTier::Standard,
        },
        Refusal::OutsideLocalRegions {
            vnet_region: String::new(),
            location: &er_core::catalog::PEERING_LOCATIONS[0],
        },
        Refusal::Layer3ProviderManagesRouting,
        Refusal::PremiumDowngradeBlocked {
            to: SkuTier::Standard,
            links: 0,
            limit: 0,
            other_region_links: Vec::new(),
        },
    ] {
        assert!(
            refusals.contains(&std::mem::discriminant(&r)),
            "never refused with {r:?}"
        );
    }
}
