//! Refusals name the form field they concern (`Refusal::field`), so the wizard marks that input
//! instead of guessing: a validator's field error and its refusal name the same field, and
//! `apply`'s refusals of one input name that input; refusals of the state name none.

mod common;

use common::*;
use er_core::global_reach::validate_global_reach;
use er_core::*;

/// A refusal reported on `field` that names a field names that one (or one with its label: the
/// create form's Name and the route filter's share it).
fn agrees(field: Field, r: &Refusal) -> bool {
    match r.field() {
        Some(named) => {
            assert!(
                named == field || named.label() == field.label(),
                "{r:?} names {named:?} but is reported on {field:?}"
            );
            true
        }
        None => false,
    }
}

#[test]
fn every_validator_field_error_agrees_with_the_field_its_refusal_names() {
    let mut named = 0;
    let mut check = |errors: Vec<FieldError>| {
        assert!(!errors.is_empty());
        for e in errors {
            named += usize::from(agrees(e.field, &e.refusal));
        }
    };
    // The create form: empty, then typed wrong.
    check(create(&CreateCircuit::default(), KEY).unwrap_err());
    check(
        create(
            &CreateCircuit {
                name: "-bad".into(),
                resource_group: "bad.".into(),
                bandwidth_mbps: 123,
                sku_tier: SkuTier::Basic,
                ..form()
            },
            "not-a-guid",
        )
        .unwrap_err(),
    );
    // Peering forms, every field typed wrong.
    let c = provisioned(&new_circuit());
    let wrong = PeeringInput {
        peer_asn: "65515".into(),
        primary_subnet: "192.168.17.17/30".into(),
        secondary_subnet: "10.0.0.0/31".into(),
        ipv6_primary: "nope".into(),
        ipv6_secondary: "10.0.0.0/30".into(),
        vlan_id: "4095".into(),
        shared_key: "abc!".into(),
        advertised_public_prefixes: "123.1.0.0/24, 123.1.0.0/24".into(),
        customer_asn: "65001".into(),
        routing_registry_name: "NOPE".into(),
        planned_vnet_address_spaces: String::new(),
    };
    for kind in [
        PeeringType::AzurePrivatePeering,
        PeeringType::MicrosoftPeering,
    ] {
        check(peering_errors(&c, kind, &wrong));
        check(peering_errors(&c, kind, &PeeringInput::default()));
    }
    // The VNet link form.
    for other_subscription in [false, true] {
        check(
            validate_vnet_link(&VnetLinkInput {
                connection_name: "-bad".into(),
                address_spaces: "10.0.0.1/16".into(),
                authorization_key: "nope".into(),
                other_subscription,
                ..VnetLinkInput::default()
            })
            .unwrap_err(),
        );
    }
    // The route filter form, empty.
    let pd = with_microsoft_peering(&c);
    check(validate_route_filter(&pd, &RouteFilterInput::default()).unwrap_err());
    // The Add Global Reach form, every field typed wrong.
    let gr = validate_global_reach(&GlobalReachInput {
        name: String::new(),
        ipv4_subnet: "10.0.0.0/30".into(),
        ipv6_subnet: "fd00::/126".into(),
        authorization_key: "nope".into(),
    })
    .unwrap_err();
    check(
        gr.into_iter()
            .map(|(f, refusal)| FieldError::new(f.into(), refusal))
            .collect(),
    );
    assert!(named >= 12, "only {named} refusals named their field");
}

fn refused(c: &Circuit, a: Action) -> Refusal {
    match apply(c, &a) {
        Ok(_) => panic!("{a:?} accepted"),
        Err(r) => r,
    }
}

#[test]
fn a_refused_input_names_its_field_and_a_refused_state_names_none() {
    let c = with_microsoft_peering(&with_private_peering(&provisioned(&new_circuit())));
    let c = step(
        &c,
        Action::AddAuthorization {
            name: "auth1".into(),
            key: AUTH_KEY_1.into(),
        },
    );
    let c = step(&c, link("conn1", "West US", "10.1.0.0/16", None));
    let cases = [
        (
            refused(&c, link("conn1", "West US", "10.2.0.0/16", None)),
            Some(Field::ConnectionName),
        ),
        // [LOCATIONS]: a Standard circuit in North America reaches no European region.
        (
            refused(&c, link("conn-eu", "West Europe", "10.3.0.0/16", None)),
            Some(Field::VnetRegion),
        ),
        (
            refused(
                &c,
                link("conn2", "West US", "10.4.0.0/16", Some(AUTH_KEY_2)),
            ),
            Some(Field::AuthorizationKey),
        ),
        (
            refused(
                &c,
                Action::AddAuthorization {
                    name: "auth1".into(),
                    key: AUTH_KEY_2.into(),
                },
            ),
            Some(Field::AuthorizationName),
        ),
        (
            refused(
                &c,
                Action::AddPrefixValidationInfo {
                    prefix: "123.1.0.0/24".parse().unwrap(),
                    validation_id: "id".into(),
                    signature: " ".into(),
                },
            ),
            Some(Field::Signature),
        ),
        (
            refused(
                &c,
                Action::AddPrefixValidationInfo {
                    prefix: "123.1.0.0/24".parse().unwrap(),
                    validation_id: String::new(),
                    signature: "c2ln".into(),
                },
            ),
            Some(Field::ValidationId),
        ),
        (
            refused(
                &c,
                Action::AddPrefixValidationInfo {
                    prefix: "123.9.0.0/24".parse().unwrap(),
                    validation_id: "id".into(),
                    signature: "c2ln".into(),
                },
            ),
            Some(Field::Prefix),
        ),
        (
            refused(&c, Action::ChangeBandwidth { mbps: 50 }),
            Some(Field::Bandwidth),
        ),
        (
            refused(
                &c,
                Action::ChangeTier {
                    tier: SkuTier::Local,
                },
            ),
            Some(Field::SkuTier),
        ),
        // The state, not an input: nothing to mark.
        (
            refused(&new_circuit(), link("x", "West US", "10.5.0.0/16", None)),
            None,
        ),
        (
            refused(&new_circuit(), Action::UnlinkVnet { name: "x".into() }),
            None,
        ),
        (
            refused(&step(&new_circuit(), Action::Delete), Action::ReEnable),
            None,
        ),
    ];
    for (r, field) in cases {
        assert_eq!(r.field(), field, "{r:?}");
    }
    // Global Reach, behind its trait object: the subnet of the family that overlaps.
    let overlaps = |subnet: &str| -> Refusal {
        GlobalReachRefusal::Overlaps {
            subnet: subnet.parse().unwrap(),
            other: subnet.parse().unwrap(),
            what: "a peering subnet".into(),
        }
        .into()
    };
    assert_eq!(
        overlaps("10.0.0.0/29").field(),
        Some(Field::GlobalReachIpv4Subnet)
    );
    assert_eq!(
        overlaps("fd00::/125").field(),
        Some(Field::GlobalReachIpv6Subnet)
    );
    assert_eq!(
        Field::from(GlobalReachField::AuthorizationKey),
        Field::AuthorizationKey
    );
}

#[test]
fn every_field_has_a_label_and_its_own_id() {
    let mut ids = std::collections::HashSet::new();
    for f in Field::ALL {
        assert!(!f.label().is_empty(), "{f:?}");
        assert!(ids.insert(f.id()), "{f:?}: id {} used twice", f.id());
        assert_eq!(
            Field::with_label(f.label()).map(Field::label),
            Some(f.label())
        );
    }
}
