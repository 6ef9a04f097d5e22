//! The state diagrams are generated from the core's transition table: every
//! (phase, action kind) pair is in the circuit table, every row agrees with
//! `apply`/`precondition` on the representative circuits, and every accepted,
//! state-changing row is drawn as an arrow (a transition missing from the
//! drawing fails here).

use er_core::*;

const MACHINES: [Machine; 4] = [
    Machine::Circuit,
    Machine::Bgp(PeeringType::AzurePrivatePeering),
    Machine::Bgp(PeeringType::MicrosoftPeering),
    Machine::Prefixes,
];

#[test]
fn circuit_table_has_every_phase_and_kind() {
    let rows = table(Machine::Circuit);
    for phase in CircuitPhase::ALL {
        for kind in ActionKind::ALL {
            assert!(
                rows.iter()
                    .any(|r| r.from == DiagramState::Phase(*phase) && r.trigger.kind == *kind),
                "({phase:?}, {kind:?}) missing from the table"
            );
        }
    }
}

#[test]
fn circuit_table_matches_apply_on_every_representative() {
    let rows = table(Machine::Circuit);
    let reps = circuit_representatives();
    // Every phase has a representative.
    for phase in CircuitPhase::ALL {
        assert!(reps.iter().any(|c| c.phase() == *phase), "{phase:?}");
    }
    for c in &reps {
        let from = DiagramState::Phase(c.phase());
        for kind in ActionKind::ALL {
            let pre = precondition(c, *kind);
            let action = sample_action(c, *kind).expect("sample action");
            let applied = apply(c, &action);
            let cell: Vec<&Row> = rows
                .iter()
                .filter(|r| r.from == from && r.trigger.kind == *kind)
                .collect();
            match (&pre, &applied) {
                (Ok(()), Ok(t)) => {
                    let to = DiagramState::Phase(t.circuit.phase());
                    assert!(
                        cell.iter().any(|r| r.outcome == Ok(to)),
                        "{from:?} --{kind:?}--> {to:?} not in the table"
                    );
                }
                (Err(r), _) => {
                    // precondition refuses => apply refuses too.
                    assert!(
                        applied.is_err(),
                        "{kind:?} in {from:?}: precondition refused but apply accepted"
                    );
                    assert!(
                        cell.iter().any(|row| row.outcome.as_ref().err() == Some(r)
                            || row.sometimes_refused.is_some()),
                        "{from:?} {kind:?}: refusal {r} not recorded"
                    );
                }
                (Ok(()), Err(_)) => {}
            }
        }
    }
}

#[test]
fn the_lifecycle_arrows_are_the_ones_apply_gives() {
    let d = Diagram::new(Machine::Circuit, false);
    let has = |from, to, kind| {
        d.edges.iter().any(|e| {
            e.from == DiagramState::Phase(from)
                && e.to == DiagramState::Phase(to)
                && e.triggers.iter().any(|t| t.kind == kind)
        })
    };
    use CircuitPhase as P;
    assert!(has(
        P::NotProvisioned,
        P::Provisioning,
        ActionKind::ProviderStartProvisioning
    ));
    assert!(has(
        P::NotProvisioned,
        P::Provisioning,
        ActionKind::ReEnable
    ));
    assert!(has(
        P::Provisioning,
        P::Provisioned,
        ActionKind::ProviderCompleteProvisioning
    ));
    assert!(has(
        P::Provisioned,
        P::Deprovisioning,
        ActionKind::ProviderDeprovision
    ));
    assert!(has(
        P::Provisioning,
        P::Deprovisioning,
        ActionKind::ProviderDeprovision
    ));
    assert!(has(
        P::Deprovisioning,
        P::NotProvisioned,
        ActionKind::ProviderCompleteDeprovisioning
    ));
    assert!(has(P::NotProvisioned, P::Deleting, ActionKind::Delete));
    assert!(has(P::Direct, P::Deleting, ActionKind::Delete));
    assert!(!has(P::Provisioned, P::Deleting, ActionKind::Delete));
    assert_eq!(
        d.edges.len(),
        7,
        "{:#?}",
        d.edges.iter().map(|e| (e.from, e.to)).collect::<Vec<_>>()
    );
    // Delete while Provisioned is refused with SC-08's reason.
    let row = d
        .rows
        .iter()
        .find(|r| {
            r.from == DiagramState::Phase(P::Provisioned) && r.trigger.kind == ActionKind::Delete
        })
        .unwrap();
    assert!(matches!(
        row.outcome,
        Err(Refusal::DeleteWhileProvisioned { .. })
    ));
}

#[test]
fn every_state_changing_row_is_an_arrow_and_every_arrow_is_a_row() {
    for m in MACHINES {
        for tall in [false, true] {
            let d = Diagram::new(m, tall);
            assert_eq!(d.rows, table(m));
            for row in d.rows.iter().filter(|r| r.is_arrow()) {
                let to = *row.outcome.as_ref().unwrap();
                assert!(
                    d.edges.iter().any(|e| e.from == row.from
                        && e.to == to
                        && e.triggers.contains(&row.trigger)),
                    "{m:?}: {:?} --{}--> {to:?} is not drawn",
                    row.from,
                    row.trigger.label
                );
            }
            for e in &d.edges {
                assert_ne!(e.from, e.to);
                for t in &e.triggers {
                    assert!(d
                        .rows
                        .iter()
                        .any(|r| r.from == e.from && r.outcome == Ok(e.to) && r.trigger == *t));
                }
            }
            // Every state has a node inside the drawing, no two on the same spot.
            assert_eq!(d.nodes.len(), m.states().len());
            for (i, n) in d.nodes.iter().enumerate() {
                assert!(n.x > 0 && n.x < d.width && n.y > 0 && n.y < d.height);
                for o in &d.nodes[i + 1..] {
                    assert!(
                        (n.x, n.y) != (o.x, o.y),
                        "{:?} and {:?} overlap",
                        n.state,
                        o.state
                    );
                }
            }
        }
    }
}

#[test]
fn prefix_and_bgp_machines_follow_validation() {
    let d = Diagram::new(Machine::Prefixes, false);
    let arrow = |from: Apps, to: Apps, short: &str| {
        d.edges.iter().any(|e| {
            e.from == DiagramState::Prefixes(from)
                && e.to == DiagramState::Prefixes(to)
                && e.triggers.iter().any(|t| t.short == short)
        })
    };
    use AdvertisedPublicPrefixesState as Apps;
    assert!(arrow(Apps::NotConfigured, Apps::Configuring, "add"));
    assert!(arrow(Apps::Configuring, Apps::Configured, "validated"));
    assert!(arrow(
        Apps::Configuring,
        Apps::ValidationNeeded,
        "validation needed"
    ));
    assert!(arrow(
        Apps::ValidationNeeded,
        Apps::Configured,
        "ticket resolved"
    ));
    assert!(arrow(Apps::Configured, Apps::NotConfigured, "remove"));
    assert!(!arrow(
        Apps::Configured,
        Apps::ValidationNeeded,
        "validation needed"
    ));

    let b = Diagram::new(Machine::Bgp(PeeringType::MicrosoftPeering), false);
    let ms = PeeringType::MicrosoftPeering;
    assert!(b.edges.iter().any(
        |e| e.from == DiagramState::Bgp(ms, Some(BgpState::NotEnabled))
            && e.to == DiagramState::Bgp(ms, Some(BgpState::Enabled))
            && e.triggers.iter().any(|t| t.short == "validated")
    ));
    assert!(b.edges.iter().any(|e| e.from == DiagramState::Bgp(ms, None)
        && e.to == DiagramState::Bgp(ms, Some(BgpState::NotEnabled))));
    let p = Diagram::new(Machine::Bgp(PeeringType::AzurePrivatePeering), false);
    let pp = PeeringType::AzurePrivatePeering;
    assert!(p.edges.iter().any(|e| e.from == DiagramState::Bgp(pp, None)
        && e.to == DiagramState::Bgp(pp, Some(BgpState::Enabled))));
}

#[test]
fn live_transitions_check_the_circuit_itself() {
    let c = create(
        &CreateCircuit {
            name: "c".into(),
            resource_group: "rg".into(),
            region: "West US".into(),
            provider: "Equinix".into(),
            peering_location: "Silicon Valley".into(),
            bandwidth_mbps: 200,
            ..CreateCircuit::default()
        },
        "a1410692-0000-4ceb-b94a-b90b94d398d1",
    )
    .unwrap();
    let c = apply(&c, &Action::ProviderStartProvisioning)
        .unwrap()
        .circuit;
    let c = apply(&c, &Action::ProviderCompleteProvisioning)
        .unwrap()
        .circuit;
    let d = Diagram::new(Machine::Circuit, false);
    let (current, live) = d.live(&c);
    assert_eq!(current, DiagramState::Phase(CircuitPhase::Provisioned));
    assert_eq!(live.len(), ActionKind::ALL.len());
    let delete = live
        .iter()
        .find(|l| l.trigger.kind == ActionKind::Delete)
        .unwrap();
    assert!(matches!(
        delete.result,
        Err(Refusal::DeleteWhileProvisioned { .. })
    ));
    assert_eq!(delete.to, Some(DiagramState::Phase(CircuitPhase::Deleting)));
    let deprov = live
        .iter()
        .find(|l| l.trigger.kind == ActionKind::ProviderDeprovision)
        .unwrap();
    assert_eq!(deprov.result, Ok(()));
    assert_eq!(
        deprov.to,
        Some(DiagramState::Phase(CircuitPhase::Deprovisioning))
    );
    assert!(delete.explain(current).meaning.contains("Refused"));
}
