//! Signed prefix validation of Microsoft peering (api-version 2024-10-01+): adding a prefix's
//! validation ID and signature as Azure PowerShell's
//! `Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig` does, with its refusals, what each
//! per-prefix state asks of you, and the commands. Each test names the rule and its source key.

mod common;

use common::*;
use er_core::commands::{self, CLI_HAS_NO_PREFIX_VALIDATION};
use er_core::*;

fn prefix(s: &str) -> ipnet::IpNet {
    s.parse().expect("cidr")
}

fn signed(p: &str) -> Action {
    Action::AddPrefixValidationInfo {
        prefix: prefix(p),
        validation_id: SAMPLE_VALIDATION_ID.into(),
        signature: SAMPLE_SIGNATURE.into(),
    }
}

/// Provisioned, with Microsoft peering advertising 123.1.0.0/24 from AS 23, and automatic
/// validation failed.
fn validation_needed() -> Circuit {
    step(
        &with_microsoft_peering(&provisioned(&new_circuit())),
        Action::SetPrefixValidation {
            outcome: PrefixOutcome::ValidationNeeded,
        },
    )
}

fn info_of(c: &Circuit, p: &str) -> PrefixInfo {
    c.peering(PeeringType::MicrosoftPeering)
        .and_then(|m| m.prefix_info.iter().find(|i| i.prefix == prefix(p)))
        .cloned()
        .expect("prefix info")
}

/// [PS-PREFIX]: "Microsoft peering is not configured on the circuit".
#[test]
fn ps_prefix_refuses_a_circuit_without_microsoft_peering() {
    let c = with_private_peering(&provisioned(&new_circuit()));
    let r = apply(&c, &signed("123.1.0.0/24")).unwrap_err();
    assert_eq!(r, Refusal::MicrosoftPeeringNotConfigured);
    assert_eq!(
        r.to_string(),
        "Microsoft peering is not configured on the circuit."
    );
    assert_eq!(r.source_key(), "[PS-PREFIX]");
    assert_eq!(
        precondition(&c, ActionKind::AddPrefixValidationInfo),
        Err(Refusal::MicrosoftPeeringNotConfigured)
    );
}

/// [PS-PREFIX]: "Prefix {p} is not part of advertised public prefixes".
#[test]
fn ps_prefix_refuses_a_prefix_not_among_the_advertised_public_prefixes() {
    let c = validation_needed();
    let r = apply(&c, &signed("123.2.0.0/24")).unwrap_err();
    assert_eq!(
        r.to_string(),
        "Prefix 123.2.0.0/24 is not part of advertised public prefixes."
    );
    assert_eq!(r.source_key(), "[PS-PREFIX]");
    assert!(r.remedy().contains("advertised public prefixes"));
}

/// [PS-PREFIX]: a second entry for the same prefix is refused with "PrefixInfo already exists";
/// the remedy names the cmdlets that replace or remove it.
#[test]
fn ps_prefix_refuses_validation_info_that_already_exists() {
    let once = step(&validation_needed(), signed("123.1.0.0/24"));
    let r = apply(&once, &signed("123.1.0.0/24")).unwrap_err();
    assert_eq!(
        r,
        Refusal::PrefixInfoAlreadyExists {
            prefix: "123.1.0.0/24".into()
        }
    );
    assert!(r.to_string().starts_with("PrefixInfo already exists"));
    assert_eq!(r.source_key(), "[PS-PREFIX]");
    assert!(r
        .remedy()
        .contains("Set-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig"));
    assert!(r
        .remedy()
        .contains("Remove-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig"));
    // Every advertised prefix has its info: the kind itself is refused, with the same reason.
    assert_eq!(
        precondition(&once, ActionKind::AddPrefixValidationInfo),
        Err(r)
    );
}

/// [SPEC-2024-10]: the signature is of the validation ID; without either there is nothing to
/// check (PowerShell's parameters are [ValidateNotNullOrEmpty]) [PS-PREFIX].
#[test]
fn spec_2024_10_signed_validation_needs_the_validation_id_and_the_signature() {
    let c = validation_needed();
    for (id, sig, what) in [
        ("", SAMPLE_SIGNATURE, "validation ID"),
        ("  ", SAMPLE_SIGNATURE, "validation ID"),
        (SAMPLE_VALIDATION_ID, "", "signature"),
    ] {
        let r = apply(
            &c,
            &Action::AddPrefixValidationInfo {
                prefix: prefix("123.1.0.0/24"),
                validation_id: id.into(),
                signature: sig.into(),
            },
        )
        .unwrap_err();
        assert_eq!(r, Refusal::ValidationInfoMissing { what });
        assert!(r.source_key().contains("[SPEC-2024-10]"));
    }
}

/// [PS-PREFIX] [SPEC-2024-10]: the info is kept on the prefix, and Microsoft checks it: the
/// prefix and the prefixes state are Configuring, so BGP waits.
#[test]
fn ps_prefix_adding_validation_info_keeps_it_and_starts_the_check() {
    let t = apply(&validation_needed(), &signed("123.1.0.0/24")).unwrap();
    let info = info_of(&t.circuit, "123.1.0.0/24");
    assert_eq!(info.validation_id.as_deref(), Some(SAMPLE_VALIDATION_ID));
    assert_eq!(info.signature.as_deref(), Some(SAMPLE_SIGNATURE));
    assert_eq!(info.validation_state, PrefixValidationState::Configuring);
    let p = t.circuit.peering(PeeringType::MicrosoftPeering).unwrap();
    assert_eq!(
        p.advertised_public_prefixes_state,
        AdvertisedPublicPrefixesState::Configuring
    );
    assert_eq!(p.bgp_state(), BgpState::NotEnabled);
    assert!(t.notes.join(" ").contains("certificate"));
}

/// [WF] SC-06 and [PS-CIRCUIT] SC-07: it changes the Microsoft peering, so it follows the peering
/// rules — Provisioned (or Direct) only, and not on a Layer 3 provider's circuit.
#[test]
fn wf_adding_validation_info_follows_the_peering_rules() {
    let mut deprovisioning = validation_needed();
    deprovisioning = step(&deprovisioning, Action::ProviderDeprovision);
    assert!(matches!(
        apply(&deprovisioning, &signed("123.1.0.0/24")),
        Err(Refusal::PeeringNeedsProvisioned { .. })
    ));
    let mut layer3 = validation_needed();
    layer3.port = Port::Provider {
        service_provider_name: "Equinix".into(),
        peering_location: "Silicon Valley".into(),
        bandwidth_in_mbps: 200,
        routing_model: RoutingModel::Layer3,
    };
    assert_eq!(
        apply(&layer3, &signed("123.1.0.0/24")),
        Err(Refusal::Layer3ProviderManagesRouting)
    );
}

/// [SPEC-2024-10] [PS-PREFIX]: ValidationNeeded leads with the signed process; the support
/// ticket stays as the fallback for manual validation [WF].
#[test]
fn spec_2024_10_validation_needed_leads_with_the_signed_process() {
    for info in [
        explain_prefixes_state(AdvertisedPublicPrefixesState::ValidationNeeded),
        explain_prefix_validation(PrefixValidationState::ValidationNeeded),
    ] {
        let first = &info.next_steps[0];
        assert!(first.contains("validation ID"), "{first}");
        assert!(first.contains("Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig"));
        assert!(first.contains("openssl"));
        let rest = info.next_steps[1..].join(" ");
        assert!(rest.contains("support ticket"), "{rest}");
        assert!(info.source.contains("[PS-PREFIX]"));
    }
}

/// [SPEC-2024-10]: each failure state says what to do — publish the certificate, re-sign, check
/// the ASN — and how to have the prefix checked again [PS-PREFIX].
#[test]
fn spec_2024_10_each_failure_state_says_what_to_do() {
    use PrefixValidationState as V;
    let steps = |s| explain_prefix_validation(s).next_steps.join(" ");
    assert!(steps(V::CertificateMissingInRoutingRegistry).contains(
        "Publish the certificate of the key that signed the validation ID in the routing registry"
    ));
    assert!(steps(V::InvalidSignatureEncoding).contains("base64-encoded, as one line"));
    assert!(steps(V::SignatureVerificationFailed).contains("Sign this prefix's own validation ID"));
    assert!(steps(V::AsnValidationFailed).contains("Check the ASN"));
    for s in [
        V::ValidationFailed,
        V::AsnValidationFailed,
        V::CertificateMissingInRoutingRegistry,
        V::InvalidSignatureEncoding,
        V::SignatureVerificationFailed,
    ] {
        assert!(
            steps(s).contains("Set-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig"),
            "{s}"
        );
    }
    // Manual validation keeps Microsoft's own words [WF].
    assert!(steps(V::ManualValidationNeeded).contains("open a support ticket"));
}

/// [PS-PREFIX]: the cmdlet, its parameters and `Set-AzExpressRouteCircuit`, quoted for PowerShell.
#[test]
fn ps_prefix_add_command_text() {
    let c = validation_needed();
    let pair = commands::add_prefix_validation(
        &c,
        &prefix("123.1.0.0/24"),
        SAMPLE_VALIDATION_ID,
        "c2ln+/==",
    );
    assert_eq!(
        pair.powershell,
        format!(
            "$ckt = Get-AzExpressRouteCircuit -Name 'ExpressRouteARMCircuit' -ResourceGroupName 'ExpressRouteResourceGroup'\n\
             Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix '123.1.0.0/24' -ValidationId '{SAMPLE_VALIDATION_ID}' -Signature 'c2ln+/=='\n\
             Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt"
        )
    );
    let v6 = commands::add_prefix_validation(&c, &prefix("2001:db8::/48"), "id", "sig");
    assert!(v6
        .powershell
        .contains("-PeerAddressType IPv6 -Prefix '2001:db8::/48'"));
}

/// [AZ-CLI-PARAMS]: the Azure CLI has no argument for a prefix's validation info; the CLI text
/// says so rather than inventing one.
#[test]
fn az_cli_params_no_cli_equivalent_is_said() {
    let c = validation_needed();
    let pair = commands::add_prefix_validation(&c, &prefix("123.1.0.0/24"), "id", "sig");
    assert_eq!(pair.cli, CLI_HAS_NO_PREFIX_VALIDATION);
    assert!(pair.cli.starts_with("# The Azure CLI has no command"));
    assert!(pair.cli.lines().all(|l| l.starts_with('#')));
    assert!(pair.title.contains("Azure PowerShell only"));
}

/// [COMMIT-PREFIXVALID]: the validation ID is saved without a trailing newline, signed with
/// `openssl dgst -sha256 -sign`, and the signature encoded with `openssl base64`.
#[test]
fn commit_prefixvalid_openssl_signing_text() {
    let pair = commands::sign_validation_id(&prefix("123.1.0.0/24"), SAMPLE_VALIDATION_ID);
    let openssl = "openssl dgst -sha256 -sign privkey.pem -out signature.txt validationId.txt\n\
                   openssl base64 -in signature.txt";
    assert_eq!(
        pair.powershell,
        format!(
            "Set-Content -Path validationId.txt -Value '{SAMPLE_VALIDATION_ID}' -NoNewline\n{openssl}"
        )
    );
    // The ID holds `|`: bash must get it quoted.
    assert_eq!(
        pair.cli,
        format!("printf '%s' '{SAMPLE_VALIDATION_ID}' > validationId.txt\n{openssl}")
    );
}

/// [PS-PREFIX]: step 4 offers the signed process for a failed prefix: Add before any info,
/// Set (replace) once info exists.
#[test]
fn ps_prefix_step_4_offers_add_then_set() {
    let c = validation_needed();
    let titles = |c: &Circuit| -> Vec<String> {
        commands::for_step(c, 4)
            .into_iter()
            .map(|p| p.title)
            .collect()
    };
    let t = titles(&c);
    assert!(t
        .iter()
        .any(|t| t.starts_with("Sign the validation ID of 123.1.0.0/24")));
    assert!(t
        .iter()
        .any(|t| t.starts_with("Add the validation ID and signature of 123.1.0.0/24")));
    let pair = commands::prefix_validation(&c)
        .into_iter()
        .find(|p| p.title.starts_with("Add"))
        .unwrap();
    assert!(pair.powershell.contains(
        "-ValidationId '<validation-id-of-123.1.0.0/24>' -Signature '<base64-signature>'"
    ));

    let failed = step(
        &step(&c, signed("123.1.0.0/24")),
        Action::SetPrefixValidation {
            outcome: PrefixOutcome::PrefixFailed {
                prefix: prefix("123.1.0.0/24"),
                state: PrefixValidationState::CertificateMissingInRoutingRegistry,
            },
        },
    );
    let t = titles(&failed);
    assert!(t
        .iter()
        .any(|t| t.starts_with("Replace the validation ID and signature of 123.1.0.0/24")));
    assert!(!t.iter().any(|t| t.starts_with("Add the validation ID")));
    let set = commands::prefix_validation(&failed)
        .into_iter()
        .find(|p| p.title.starts_with("Replace"))
        .unwrap();
    assert!(set.powershell.contains(&format!(
        "Set-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType IPv4 -Prefix '123.1.0.0/24' -ValidationId '{SAMPLE_VALIDATION_ID}'"
    )));
    // Validated: nothing left to sign.
    let ok = step(
        &failed,
        Action::SetPrefixValidation {
            outcome: PrefixOutcome::Validated,
        },
    );
    assert!(commands::prefix_validation(&ok).is_empty());
}

/// The "Prefix validation by signature" demo: one prefix fails on a missing certificate, then
/// passes; the refusals on the way are PowerShell's. [PS-PREFIX] [SPEC-2024-10]
#[test]
fn demo_prefix_signature_fails_on_missing_certificate_then_passes() {
    let sc = scenario("prefix-signature").expect("scenario");
    assert_eq!(sc.title, "Prefix validation by signature");
    let p = sc.play().expect("plays");
    for (f, s) in p.frames.iter().zip(&sc.steps) {
        assert_eq!(f.result.is_err(), s.expect_refused, "{}", f.label);
    }
    let refusals: Vec<String> = p
        .frames
        .iter()
        .filter_map(|f| f.result.as_ref().err().map(ToString::to_string))
        .collect();
    assert_eq!(refusals.len(), 2);
    assert!(refusals[0].contains("is not part of advertised public prefixes"));
    assert!(refusals[1].starts_with("PrefixInfo already exists"));
    let missing = p
        .frames
        .iter()
        .find(|f| {
            f.after
                .peering(PeeringType::MicrosoftPeering)
                .is_some_and(|m| {
                    m.prefix_info.iter().any(|i| {
                        i.validation_state
                            == PrefixValidationState::CertificateMissingInRoutingRegistry
                    })
                })
        })
        .expect("a frame with the certificate missing");
    assert!(missing
        .result
        .as_ref()
        .unwrap()
        .join(" ")
        .contains("routing registry"));
    let end = p.circuit_at(p.frames.len());
    let ms = end.peering(PeeringType::MicrosoftPeering).unwrap();
    assert_eq!(
        ms.advertised_public_prefixes_state,
        AdvertisedPublicPrefixesState::Configured
    );
    assert_eq!(ms.bgp_state(), BgpState::Enabled);
    assert_eq!(
        info_of(end, "123.1.0.0/24").signature.as_deref(),
        Some(SAMPLE_SIGNATURE)
    );
}

/// [SPEC-2024-10]: `validationId` and `signature` are read from Azure's JSON and written back;
/// data saved before they existed still reads (serde defaults).
#[test]
fn spec_2024_10_validation_info_round_trips_and_old_data_reads() {
    let old: PrefixInfo =
        serde_json::from_str(r#"{"prefix":"123.1.0.0/24","validationState":"ValidationNeeded"}"#)
            .expect("old data reads");
    assert_eq!(old.validation_id, None);
    assert_eq!(old.signature, None);
    assert!(!old.has_validation_info());

    let c = step(&validation_needed(), signed("123.1.0.0/24"));
    let json = serde_json::to_string(&c).unwrap();
    let back: Circuit = serde_json::from_str(&json).unwrap();
    assert_eq!(back, c);
}

/// The prefixes diagram is computed from the machine, so the signed step shows as an arrow from
/// ValidationNeeded back to Configuring. [SPEC-2024-10] [PS-PREFIX]
#[test]
fn spec_2024_10_prefixes_diagram_has_the_signed_arrow() {
    use AdvertisedPublicPrefixesState as Apps;
    let d = Diagram::new(Machine::Prefixes, false);
    assert!(d.edges.iter().any(|e| {
        e.from == DiagramState::Prefixes(Apps::ValidationNeeded)
            && e.to == DiagramState::Prefixes(Apps::Configuring)
            && e.triggers.iter().any(|t| t.short == "signed")
    }));
}

/// [SPEC-2024-10]: exported as Azure JSON, a prefix's `validationId` and `signature` sit in
/// `advertisedPublicPrefixInfo` and import back unchanged.
#[test]
fn spec_2024_10_validation_info_exports_and_imports() {
    let c = step(&validation_needed(), signed("123.1.0.0/24"));
    let json = export_azure_json(&c);
    assert!(json.contains(r#""validationId": "Azure-SKEY|7c44c70b-9c62-4a89-a6b2-d281b6ce7a49|123.1.0.0/24|ASN-23""#), "{json}");
    let found = import(&json).expect("imports");
    let back = found[0].circuit().expect("a circuit");
    let info = info_of(back, "123.1.0.0/24");
    assert_eq!(info.validation_id.as_deref(), Some(SAMPLE_VALIDATION_ID));
    assert_eq!(info.signature.as_deref(), Some(SAMPLE_SIGNATURE));
    assert_eq!(info.validation_state, PrefixValidationState::Configuring);
}
