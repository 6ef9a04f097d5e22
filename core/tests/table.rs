//! The exhaustive (state × action) table: every pair is a transition or a
//! refusal with a non-empty reason, remedy and source key, and `precondition`
//! agrees with `apply` both ways: a kind it refuses is refused by `apply` for every
//! input with the same refusal, and a kind it allows has an input `apply` accepts.

mod common;

use common::*;
use er_core::*;

/// Representative actions of a kind (several inputs each, valid and invalid).
/// The match has no wildcard so a new kind must be given samples here.
fn samples(kind: ActionKind) -> Vec<Action> {
    let private = config(PeeringType::AzurePrivatePeering, &private_input());
    let private2 = config(
        PeeringType::AzurePrivatePeering,
        &PeeringInput {
            vlan_id: "101".into(),
            primary_subnet: "192.168.18.0/29".into(),
            secondary_subnet: String::new(),
            ..private_input()
        },
    );
    let microsoft = config(PeeringType::MicrosoftPeering, &microsoft_input());
    let kinds = PeeringType::ALL;
    match kind {
        ActionKind::ProviderStartProvisioning => vec![Action::ProviderStartProvisioning],
        ActionKind::ProviderCompleteProvisioning => vec![Action::ProviderCompleteProvisioning],
        ActionKind::ProviderDeprovision => vec![Action::ProviderDeprovision],
        ActionKind::ProviderCompleteDeprovisioning => vec![Action::ProviderCompleteDeprovisioning],
        ActionKind::ReEnable => vec![Action::ReEnable],
        ActionKind::Delete => vec![Action::Delete],
        ActionKind::AddPeering => kinds
            .iter()
            .flat_map(|k| {
                [private.clone(), microsoft.clone()]
                    .map(|config| Action::AddPeering { kind: *k, config })
            })
            .collect(),
        ActionKind::UpdatePeering => kinds
            .iter()
            .flat_map(|k| {
                [private2.clone(), microsoft.clone()]
                    .map(|config| Action::UpdatePeering { kind: *k, config })
            })
            .collect(),
        ActionKind::RemovePeering => kinds
            .iter()
            .map(|k| Action::RemovePeering { kind: *k })
            .collect(),
        ActionKind::SetPeeringState => kinds
            .iter()
            .flat_map(|k| {
                PeeringState::ALL.iter().map(|s| Action::SetPeeringState {
                    kind: *k,
                    state: *s,
                })
            })
            .collect(),
        ActionKind::SetPrefixValidation => {
            let mut v: Vec<Action> = [
                PrefixOutcome::Validated,
                PrefixOutcome::ValidationNeeded,
                PrefixOutcome::ManualValidationNeeded,
                PrefixOutcome::SupportTicketResolved,
            ]
            .into_iter()
            .map(|outcome| Action::SetPrefixValidation { outcome })
            .collect();
            for state in PrefixValidationState::ALL {
                v.push(Action::SetPrefixValidation {
                    outcome: PrefixOutcome::PrefixFailed {
                        prefix: "123.1.0.0/24".parse().unwrap(),
                        state: *state,
                    },
                });
            }
            v
        }
        ActionKind::AddPrefixValidationInfo => {
            let signed = |prefix: &str, id: &str, sig: &str| Action::AddPrefixValidationInfo {
                prefix: prefix.parse().unwrap(),
                validation_id: id.into(),
                signature: sig.into(),
            };
            vec![
                signed("123.1.0.0/24", SAMPLE_VALIDATION_ID, SAMPLE_SIGNATURE),
                signed("123.2.0.0/24", SAMPLE_VALIDATION_ID, SAMPLE_SIGNATURE),
                signed("123.1.0.0/24", "", SAMPLE_SIGNATURE),
                signed("123.1.0.0/24", SAMPLE_VALIDATION_ID, "  "),
            ]
        }
        ActionKind::AddAuthorization => vec![
            Action::AddAuthorization {
                name: "auth-new".into(),
                key: AUTH_KEY_2.into(),
            },
            Action::AddAuthorization {
                name: "auth1".into(),
                key: AUTH_KEY_1.into(),
            },
            Action::AddAuthorization {
                name: "-bad".into(),
                key: "nope".into(),
            },
        ],
        ActionKind::RemoveAuthorization => vec![
            Action::RemoveAuthorization {
                name: "auth1".into(),
            },
            Action::RemoveAuthorization {
                name: "nope".into(),
            },
        ],
        ActionKind::LinkVnet => vec![
            link("conn-new", "West US", "10.200.0.0/16", None),
            link("conn-auth", "West US", "10.201.0.0/16", Some(AUTH_KEY_1)),
            link("conn-eu", "West Europe", "10.202.0.0/16", None),
            link("conn-overlap", "West US", "192.168.0.0/16", None),
        ],
        ActionKind::UnlinkVnet => vec![
            Action::UnlinkVnet {
                name: "conn1".into(),
            },
            Action::UnlinkVnet {
                name: "nope".into(),
            },
        ],
        ActionKind::AddGlobalReach => {
            use er_core::global_reach::{sample_connection, sample_peer};
            let add = |peer, ipv4: &str| Action::AddGlobalReach {
                connection: sample_connection("gr-new", ipv4),
                peer,
                authorization_key: None,
            };
            vec![
                add(
                    sample_peer("office-dallas", "Dallas", SkuTier::Standard),
                    "10.254.0.0/29",
                ),
                add(
                    sample_peer("office-london", "London", SkuTier::Standard),
                    "10.254.0.0/29",
                ),
                add(
                    sample_peer("office-sv", "Silicon Valley", SkuTier::Premium),
                    "10.254.0.0/29",
                ),
                add(
                    sample_peer("office-dallas", "Dallas", SkuTier::Local),
                    "10.254.0.0/29",
                ),
                add(
                    sample_peer("office-dallas", "Dallas", SkuTier::Standard),
                    "10.1.0.0/29",
                ),
            ]
        }
        ActionKind::RemoveGlobalReach => vec![
            Action::RemoveGlobalReach { name: "gr1".into() },
            Action::RemoveGlobalReach {
                name: "nope".into(),
            },
        ],
        ActionKind::ChangeBandwidth => [50, 200, 300, 1000, 10_000, 40_000, 100_000]
            .into_iter()
            .map(|mbps| Action::ChangeBandwidth { mbps })
            .collect(),
        ActionKind::ChangeFamily => SkuFamily::ALL
            .iter()
            .map(|f| Action::ChangeFamily { family: *f })
            .collect(),
        ActionKind::ChangeTier => SkuTier::ALL
            .iter()
            .map(|t| Action::ChangeTier { tier: *t })
            .collect(),
        ActionKind::SetAllowClassicOperations => {
            vec![
                Action::SetAllowClassicOperations(true),
                Action::SetAllowClassicOperations(false),
            ]
        }
        ActionKind::CreateRouteFilter => {
            let with = |communities: &[&str]| {
                let mut f = sample_route_filter();
                if let Some(r) = f.rule.as_mut() {
                    r.communities = communities.iter().map(|c| (*c).to_string()).collect();
                }
                Action::CreateRouteFilter { filter: f }
            };
            vec![
                with(&["12076:5040"]),
                with(&["12076:5010"]),
                with(&["12076:50004"]),
                with(&[]),
            ]
        }
        ActionKind::AttachRouteFilter => [true, false]
            .map(|microsoft_365_authorized| Action::AttachRouteFilter {
                microsoft_365_authorized,
            })
            .to_vec(),
        ActionKind::DetachRouteFilter => vec![Action::DetachRouteFilter],
        ActionKind::RemoveRouteFilter => vec![Action::RemoveRouteFilter],
    }
}

/// Circuits in every phase, plain and "rich" (peerings, authorization, link).
fn circuits() -> Vec<(&'static str, Circuit)> {
    let np = new_circuit();
    let pg = step(&np, Action::ProviderStartProvisioning);
    let pd = step(&pg, Action::ProviderCompleteProvisioning);
    let dp = step(&pd, Action::ProviderDeprovision);
    let direct = direct_circuit();
    let deleting = step(&np, Action::Delete);
    let enrich = |c: &Circuit| {
        let c = with_microsoft_peering(&with_private_peering(c));
        let c = step(
            &c,
            Action::AddAuthorization {
                name: "auth1".into(),
                key: AUTH_KEY_1.into(),
            },
        );
        step(&c, link("conn1", "West US", "10.1.0.0/16", None))
    };
    let rich_pd = enrich(&pd);
    let rich_dp = step(&rich_pd, Action::ProviderDeprovision);
    let rich_np = step(&rich_dp, Action::ProviderCompleteDeprovisioning);
    let rich_pg = step(&rich_np, Action::ReEnable);
    let rich_direct = enrich(&direct);
    // [PS-CIRCUIT] [CLI-CIRCUIT]: links and authorizations go before the circuit.
    let unlinked = step(
        &rich_direct,
        Action::UnlinkVnet {
            name: "conn1".into(),
        },
    );
    let rich_deleting = step(
        &step(
            &unlinked,
            Action::RemoveAuthorization {
                name: "auth1".into(),
            },
        ),
        Action::Delete,
    );
    let layer3 = provisioned(&circuit_with(
        SkuTier::Premium,
        SkuFamily::UnlimitedData,
        10_000,
        RoutingModel::Layer3,
    ));
    let filtered = step(
        &rich_pd,
        Action::CreateRouteFilter {
            filter: sample_route_filter(),
        },
    );
    let attached = step(
        &filtered,
        Action::AttachRouteFilter {
            microsoft_365_authorized: false,
        },
    );
    let attached_np = step(
        &step(&attached, Action::ProviderDeprovision),
        Action::ProviderCompleteDeprovisioning,
    );
    let mut disabled = pd.clone();
    disabled.circuit_provisioning_state = CircuitProvisioningState::Disabled;
    vec![
        ("NotProvisioned", np),
        ("Provisioning", pg),
        ("Provisioned", pd),
        ("Deprovisioning", dp),
        ("Direct", direct),
        ("Deleting", deleting),
        ("rich Provisioned", rich_pd),
        ("rich Deprovisioning", rich_dp),
        ("rich NotProvisioned", rich_np),
        ("rich Provisioning", rich_pg),
        ("rich Direct", rich_direct),
        ("rich Deleting", rich_deleting),
        ("Layer 3 Provisioned", layer3),
        ("Provisioned, status Disabled", disabled),
        ("Provisioned, route filter created", filtered),
        ("Provisioned, route filter attached", attached),
        ("NotProvisioned, route filter attached", attached_np),
    ]
}

fn check_refusal(ctx: &str, r: &Refusal) {
    assert!(!r.to_string().trim().is_empty(), "{ctx}: empty reason");
    assert!(!r.remedy().trim().is_empty(), "{ctx}: empty remedy");
    assert!(r.source_key().starts_with('['), "{ctx}: no source key");
}

#[test]
fn every_state_action_pair_is_a_transition_or_an_explained_refusal() {
    let mut pairs = 0;
    let mut transitions = 0;
    for (name, c) in circuits() {
        for kind in ActionKind::ALL {
            let pre = precondition(&c, *kind);
            if let Err(r) = &pre {
                check_refusal(&format!("{name} × {kind:?} precondition"), r);
            }
            let mut any_ok = false;
            let mut refused = Vec::new();
            for a in samples(*kind) {
                pairs += 1;
                let ctx = format!("{name} × {a:?}");
                match apply(&c, &a) {
                    Ok(t) => {
                        transitions += 1;
                        any_ok = true;
                        assert!(
                            pre.is_ok(),
                            "{ctx}: apply accepted but precondition refused: {pre:?}"
                        );
                        assert_eq!(a.kind(), *kind);
                        assert_ne!(t.circuit, c, "{ctx}: a transition must change the circuit");
                        assert!(
                            !t.notes.is_empty(),
                            "{ctx}: a transition says what happened"
                        );
                        for w in &t.warnings {
                            assert!(!w.to_string().is_empty() && w.source_key().starts_with('['));
                        }
                    }
                    Err(r) => {
                        check_refusal(&ctx, &r);
                        // A kind the table refuses is refused whatever the input, with the
                        // table's own refusal.
                        if let Err(p) = &pre {
                            assert_eq!(&r, p, "{ctx}: apply and precondition disagree");
                        }
                        refused.push(r);
                    }
                }
                assert_eq!(can(&c, &a), apply(&c, &a).is_ok());
            }
            // A kind the table allows is possible: some sample of it goes through.
            assert!(
                pre.is_err() || any_ok,
                "{name} × {kind:?}: precondition allows it but apply refused every sample: {refused:?}"
            );
        }
    }
    assert!(pairs > 900, "{pairs} pairs");
    assert!(transitions > 100, "{transitions} transitions");
}

/// Availability of every action kind in every plain phase, as a readable table.
/// Columns follow `ActionKind::ALL`:
/// start, complete, deprovision, complete-deprov, re-enable, delete,
/// add/update/remove/state peering, prefix validation, prefix signature, add/remove authorization,
/// link/unlink, add/remove Global Reach, bandwidth, family, tier, classic,
/// create/attach/detach/delete route filter.
#[test]
fn availability_table_for_plain_circuits() {
    let expected = [
        ("NotProvisioned", "YnnnYYnnnnnnYnnnnnYYYYYnnn"),
        ("Provisioning", "nYYnnnnnnnnnYnnnnnYYYYYnnn"),
        ("Provisioned", "nnYnnnYnnnnnYnnnnnYYYYYnnn"),
        ("Deprovisioning", "nnnYnnnnnnnnnnnnnnnYYYYnnn"),
        ("Direct", "nnnnnYYnnnnnYnnnnnYYYYYnnn"),
        ("Deleting", "nnnnnnnnnnnnnnnnnnnnnnnnnn"),
    ];
    let circuits = circuits();
    for (name, row) in expected {
        let c = &circuits.iter().find(|(n, _)| *n == name).unwrap().1;
        let got: String = available_actions(c)
            .iter()
            .map(|a| if a.result.is_ok() { 'Y' } else { 'n' })
            .collect();
        assert_eq!(got, row, "{name}");
        for a in available_actions(c) {
            assert_eq!(a.label, a.action_kind.label());
        }
    }
}

#[test]
fn every_phase_is_covered_and_explained() {
    let phases: Vec<CircuitPhase> = circuits().iter().map(|(_, c)| c.phase()).collect();
    for p in CircuitPhase::ALL {
        assert!(phases.contains(p), "{p:?} not covered");
        let s = explain_phase(*p);
        assert!(!s.title.is_empty() && !s.meaning.is_empty() && s.source.starts_with('['));
    }
    assert_eq!(ActionKind::ALL.len(), 26);
}

#[test]
fn every_state_of_every_machine_is_explained() {
    let mut infos = Vec::new();
    infos.extend(
        ServiceProviderProvisioningState::ALL
            .iter()
            .map(|s| explain_provider_state(*s)),
    );
    infos.extend(
        CircuitProvisioningState::ALL
            .iter()
            .map(explain_circuit_state),
    );
    infos.push(explain_circuit_state(&CircuitProvisioningState::Other(
        "Disabling".into(),
    )));
    infos.extend(
        ProvisioningState::ALL
            .iter()
            .map(|s| explain_provisioning_state(*s)),
    );
    infos.extend(PeeringState::ALL.iter().map(|s| explain_peering_state(*s)));
    infos.extend(BgpState::ALL.iter().map(|s| explain_bgp_state(*s)));
    infos.extend(
        AdvertisedPublicPrefixesState::ALL
            .iter()
            .map(|s| explain_prefixes_state(*s)),
    );
    infos.extend(
        PrefixValidationState::ALL
            .iter()
            .map(|s| explain_prefix_validation(*s)),
    );
    infos.extend(
        AuthorizationUseStatus::ALL
            .iter()
            .map(|s| explain_authorization(*s)),
    );
    infos.extend(RoutingModel::ALL.iter().map(|s| explain_routing_model(*s)));
    for s in &infos {
        assert!(!s.title.is_empty(), "{s:?}");
        assert!(!s.meaning.is_empty(), "{s:?}");
        assert!(s.source.starts_with('['), "{s:?}");
    }
    // Failure values need the user to act.
    for s in PrefixValidationState::ALL.iter().filter(|s| s.is_failure()) {
        assert!(!explain_prefix_validation(*s).next_steps.is_empty(), "{s}");
    }
    for (_, c) in circuits() {
        assert!(!explain_circuit(&c).is_empty());
        let n = next_step(&c);
        assert!(!n.title.is_empty() && !n.meaning.is_empty());
    }
}

#[test]
fn enums_use_azure_spellings() {
    fn round<T>(all: &[T])
    where
        T: std::fmt::Display
            + std::str::FromStr
            + PartialEq
            + std::fmt::Debug
            + serde::Serialize
            + serde::de::DeserializeOwned,
        <T as std::str::FromStr>::Err: std::fmt::Debug,
    {
        for v in all {
            let s = v.to_string();
            assert_eq!(&s.parse::<T>().unwrap(), v);
            let json = serde_json::to_string(v).unwrap();
            assert_eq!(json, format!("\"{s}\""));
            // Stored data is read back from the exact spelling only.
            assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), v);
            if T::from_str("§").is_err() {
                let lower = format!("\"{}\"", s.to_lowercase());
                assert!(serde_json::from_str::<T>(&lower).is_err(), "{lower}");
                let padded = format!("\" {s}\"");
                assert!(serde_json::from_str::<T>(&padded).is_err(), "{padded}");
                assert!(serde_json::from_str::<T>("0").is_err());
            }
        }
    }
    round(ServiceProviderProvisioningState::ALL);
    round(ProvisioningState::ALL);
    round(SkuTier::ALL);
    round(SkuFamily::ALL);
    round(PeeringType::ALL);
    round(PeeringState::ALL);
    round(AdvertisedPublicPrefixesState::ALL);
    round(PrefixValidationState::ALL);
    round(AuthorizationUseStatus::ALL);
    round(BgpState::ALL);
    round(RegistryName::ALL);
    round(CircuitProvisioningState::ALL);
    assert_eq!(RoutingModel::Layer2.to_string(), "Layer 2");
    assert_eq!(
        "Layer 3".parse::<RoutingModel>().unwrap(),
        RoutingModel::Layer3
    );
    assert_eq!(PrefixValidationState::ALL.len(), 10);
    assert!("Provisioned "
        .parse::<ServiceProviderProvisioningState>()
        .is_ok());
    assert!("provisioned"
        .parse::<ServiceProviderProvisioningState>()
        .is_err());
}
