//! Credentials never travel by accident: the one list of what is secret, the redacted copy, and
//! share links that carry none of it (issue: an authorization key and the service key were in
//! clear in `#/share/…` links).

mod common;

use common::*;
use er_core::*;

const MD5_PRIVATE: &str = "PrivMd5Key42";
const MD5_MICROSOFT: &str = "MsftMd5Key77";

/// A provisioned circuit with every kind of credential: the service key, two authorization
/// keys (one in use by a link) and an MD5 key on each peering.
fn circuit_with_every_credential() -> Circuit {
    let c = provisioned(&new_circuit());
    let private = PeeringInput {
        shared_key: MD5_PRIVATE.into(),
        ..private_input()
    };
    let microsoft = PeeringInput {
        shared_key: MD5_MICROSOFT.into(),
        ..microsoft_input()
    };
    let c = step(
        &c,
        Action::AddPeering {
            kind: PeeringType::AzurePrivatePeering,
            config: config(PeeringType::AzurePrivatePeering, &private),
        },
    );
    let c = step(
        &c,
        Action::AddPeering {
            kind: PeeringType::MicrosoftPeering,
            config: config(PeeringType::MicrosoftPeering, &microsoft),
        },
    );
    let c = step(
        &c,
        Action::AddAuthorization {
            name: "MyAuthorization1".into(),
            key: AUTH_KEY_1.into(),
        },
    );
    let c = step(
        &c,
        Action::AddAuthorization {
            name: "MyAuthorization2".into(),
            key: AUTH_KEY_2.into(),
        },
    );
    step(
        &c,
        link("Other", "West US", "10.2.0.0/16", Some(AUTH_KEY_1)),
    )
}

fn every_value() -> [&'static str; 5] {
    [KEY, AUTH_KEY_1, AUTH_KEY_2, MD5_PRIVATE, MD5_MICROSOFT]
}

/// Decodes a link payload the way anyone holding the link could: base64url, then JSON text.
fn payload_text(payload: &str) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let (mut acc, mut bits, mut out) = (0u32, 0u32, Vec::new());
    for c in payload.bytes() {
        let v = A.iter().position(|a| *a == c).expect("base64url") as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
        }
    }
    String::from_utf8(out).expect("UTF-8 JSON")
}

#[test]
fn the_list_of_secrets_names_every_credential_of_the_circuit() {
    let c = circuit_with_every_credential();
    let found = secrets(&c);
    assert_eq!(
        found,
        vec![
            (Secret::ServiceKey, KEY.to_string()),
            (
                Secret::AuthorizationKey {
                    name: "MyAuthorization1".into()
                },
                AUTH_KEY_1.to_string()
            ),
            (
                Secret::AuthorizationKey {
                    name: "MyAuthorization2".into()
                },
                AUTH_KEY_2.to_string()
            ),
            (
                Secret::SharedKey {
                    peering: PeeringType::AzurePrivatePeering
                },
                MD5_PRIVATE.to_string()
            ),
            (
                Secret::SharedKey {
                    peering: PeeringType::MicrosoftPeering
                },
                MD5_MICROSOFT.to_string()
            ),
        ]
    );
    // Every value in the list is somewhere in the circuit's own serialized form.
    let json = serde_json::to_string(&c).expect("serializes");
    for v in every_value() {
        assert!(json.contains(v), "{v} is in the circuit");
    }
}

#[test]
fn the_redacted_copy_is_exactly_the_circuit_minus_its_credentials() {
    let c = circuit_with_every_credential();
    let r = redact(&c);
    let mut expected = c.clone();
    expected.service_key = String::new();
    for a in &mut expected.authorizations {
        a.authorization_key = String::new();
    }
    for p in &mut expected.peerings {
        p.config.shared_key = None;
    }
    assert_eq!(r.circuit, expected);
    assert_eq!(
        r.withheld,
        secrets(&c).into_iter().map(|(s, _)| s).collect::<Vec<_>>()
    );
    assert!(secrets(&r.circuit).is_empty(), "nothing secret is left");
    let json = serde_json::to_string(&r.circuit).expect("serializes");
    for v in every_value() {
        assert!(!json.contains(v), "{v} is left out");
    }
    // Redacting again changes nothing and leaves nothing more out.
    let again = redact(&r.circuit);
    assert_eq!(again.circuit, r.circuit);
    assert!(again.withheld.is_empty());
    // Still the same circuit for every explanation and every action.
    assert_eq!(explain_circuit(&r.circuit), explain_circuit(&c));
    assert_eq!(r.circuit.phase(), c.phase());
    let back = SavedCircuits::from_json(
        &SavedCircuits::new(vec![r.circuit.clone()])
            .to_json()
            .expect("serializes"),
    )
    .expect("the redacted copy is stored and read back");
    assert_eq!(back.circuits, vec![r.circuit]);
}

#[test]
fn a_share_link_decoded_contains_no_credential_and_says_what_it_left_out() {
    let c = circuit_with_every_credential();
    let (payload, withheld) = share_circuit(&c);
    let text = payload_text(&payload);
    for v in every_value() {
        assert!(!text.contains(v), "{v} is not in the link: {text}");
        assert!(!payload.contains(v));
    }
    // And none is there in any case, or as a base64 of the value on its own.
    let lower = text.to_ascii_lowercase();
    for v in every_value() {
        assert!(!lower.contains(&v.to_ascii_lowercase()));
    }
    assert_eq!(withheld, redact(&c).withheld);
    assert_eq!(withheld.len(), 5);
    let Ok(Shared::Circuit {
        circuit,
        withheld: opened_withheld,
    }) = decode_share(&payload)
    else {
        panic!("the link opens a circuit");
    };
    assert_eq!(*circuit, redact(&c).circuit);
    assert_eq!(opened_withheld, withheld);
    // Whatever a caller hands encode_share, the credentials are left out.
    let direct = encode_share(&Shared::Circuit {
        circuit: Box::new(c.clone()),
        withheld: Vec::new(),
    });
    assert_eq!(direct, payload);
}

/// A link made before links were redacted carries keys in clear: opening it leaves them out.
#[test]
fn an_older_link_with_keys_in_clear_opens_without_them() {
    let c = circuit_with_every_credential();
    let json = serde_json::json!({ "v": 1, "kind": "circuit", "circuit": c });
    let payload = base64url(json.to_string().as_bytes());
    assert!(payload_text(&payload).contains(AUTH_KEY_1));
    let Ok(Shared::Circuit { circuit, withheld }) = decode_share(&payload) else {
        panic!("the older link still opens");
    };
    assert_eq!(*circuit, redact(&c).circuit);
    assert_eq!(withheld, redact(&c).withheld);
}

#[test]
fn commands_use_a_marked_placeholder_for_a_key_left_out() {
    let c = redact(&circuit_with_every_credential()).circuit;
    let text: String = commands::for_step(&c, 5)
        .iter()
        .map(|p| format!("{}\n{}\n", p.powershell, p.cli))
        .collect();
    assert!(
        text.contains("-AuthorizationKey '<authorization-key-not-shared>'"),
        "{text}"
    );
    assert!(text.contains("--authorization-key '<authorization-key-not-shared>'"));
}

#[test]
fn the_count_of_credentials_is_told_before_a_download() {
    let c = circuit_with_every_credential();
    let n = SecretCount::of([&c]);
    assert_eq!(
        n.describe(),
        "the service key, 2 authorization keys and 2 MD5 shared keys"
    );
    // A circuit and its undo history hold the same keys: counted once.
    let before = provisioned(&new_circuit());
    let with_one = step(
        &before,
        Action::AddAuthorization {
            name: "A".into(),
            key: AUTH_KEY_1.into(),
        },
    );
    assert_eq!(
        SecretCount::of([&with_one, &before]).describe(),
        "the service key and 1 authorization key"
    );
    let other = create(&form(), "b1410692-0000-4ceb-b94a-b90b94d398d2").expect("valid");
    assert_eq!(
        SecretCount::of([&with_one, &other]).describe(),
        "2 service keys and 1 authorization key"
    );
    assert!(SecretCount::of([&redact(&c).circuit]).is_empty());
    assert_eq!(SecretCount::of([&redact(&c).circuit]).describe(), "no keys");
}

#[test]
fn notices_never_carry_the_service_key() {
    let c = new_circuit();
    assert!(!creation_notes(&c).join(" ").contains(KEY));
    let gone = step(
        &step(&provisioned(&c), Action::ProviderDeprovision),
        Action::ProviderCompleteDeprovisioning,
    );
    let t = apply(&gone, &Action::ReEnable).expect("re-enable is possible");
    assert!(!t.notes.join(" ").contains(KEY), "{:?}", t.notes);
}

#[test]
fn a_key_is_shortened_to_its_ends() {
    assert_eq!(shorten(AUTH_KEY_1), "1111…5555");
    assert_eq!(shorten("short"), "…");
    assert_eq!(Secret::ServiceKey.label(), "Service key");
    assert_eq!(
        Secret::SharedKey {
            peering: PeeringType::MicrosoftPeering
        }
        .label(),
        "MD5 shared key of Microsoft peering"
    );
}

fn base64url(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for ch in bytes.chunks(3) {
        let b = [ch[0], *ch.get(1).unwrap_or(&0), *ch.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=ch.len() {
            out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}
