//! The resiliency choice, the rules of a Maximum resiliency pair and the resiliency review, each
//! test named after its rule and citing its source key (docs/sources.md says where each points):
//! [PORTAL-CIRCUIT] the portal's resiliency choice at creation (ms.date 08/05/2024 version),
//! [RESILIENCY] "Design and architect ExpressRoute for resiliency", [METRO] ExpressRoute Metro,
//! [PORTAL-LINK] the VNet connection's Maximum resiliency, [RESET] a Disabled peering.

use er_core::design_demo::{design_demo, design_demos, DemoStepKind};
use er_core::resiliency::*;
use er_core::*;

mod common;
use common::*;

fn at(name: &str, provider: &str, location: &str) -> Circuit {
    let f = CreateCircuit {
        name: name.into(),
        provider: provider.into(),
        peering_location: location.into(),
        ..form()
    };
    with_private_peering(&provisioned(&create(&f, KEY).expect("valid form")))
}

fn link(c: &Circuit, connection: &str, vnet: &str) -> Circuit {
    let a = Action::LinkVnet {
        link: VnetLinkRequest {
            connection_name: connection.into(),
            vnet_name: vnet.into(),
            vnet_region: "West US".into(),
            address_spaces: vec!["10.50.0.0/16".parse().expect("cidr")],
            authorization_key: None,
        },
    };
    apply(c, &a).expect("link accepted").circuit
}

fn member<'a>(id: &'a str, c: &'a Circuit, pair: Option<&'a str>) -> Member<'a> {
    Member {
        id,
        circuit: c,
        resiliency: Some(if pair.is_some() {
            Resiliency::Maximum
        } else {
            Resiliency::Standard
        }),
        pair,
    }
}

fn rules(fs: &[Finding]) -> Vec<(Rule, String)> {
    fs.iter().map(|f| (f.rule, f.circuit.clone())).collect()
}

// ---- the choice ------------------------------------------------------------------------

// [PORTAL-CIRCUIT]: three options in the portal's order and words; Maximum is recommended.
#[test]
fn portal_circuit_choice_has_three_options_with_the_portals_labels() {
    let labels: Vec<&str> = Resiliency::ALL.iter().map(|r| r.option().label).collect();
    assert_eq!(
        labels,
        [
            "Maximum Resiliency (Recommended)",
            "High Resiliency",
            "Standard Resiliency"
        ]
    );
    assert_eq!(Resiliency::Maximum.circuits(), 2);
    assert_eq!(Resiliency::High.circuits(), 1);
    assert_eq!(Resiliency::Standard.circuits(), 1);
    for r in Resiliency::ALL {
        let o = r.option();
        assert!(!o.protects.is_empty() && !o.cost.is_empty(), "{r}");
        assert_eq!(r.as_str().parse::<Resiliency>(), Ok(*r));
    }
}

// [PORTAL-CIRCUIT] [RESILIENCY]: two circuits are billed twice; High is priced as Standard.
#[test]
fn resiliency_costs_two_circuits_billed_twice_and_high_priced_as_standard() {
    assert!(Resiliency::Maximum
        .option()
        .cost
        .contains("billed separately"));
    assert!(Resiliency::High
        .option()
        .cost
        .contains("same as Standard resiliency"));
    assert!(Resiliency::Standard
        .option()
        .protects
        .contains("does not protect against location wide outages"));
}

// [METRO]: High resiliency offers only Metro peering locations, and refuses another.
#[test]
fn metro_high_resiliency_offers_and_accepts_only_metro_locations() {
    let metros = metro_locations();
    assert!(!metros.is_empty());
    assert!(metros.iter().all(|l| l.metro && l.name.ends_with("Metro")));
    assert!(metros.iter().any(|l| l.name == "Amsterdam Metro"));
    let req = CreateCircuit {
        peering_location: "Silicon Valley".into(),
        ..form()
    };
    let errs = check_choice(Resiliency::High, &req);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].field, Field::PeeringLocation);
    assert!(matches!(
        errs[0].refusal,
        Refusal::NotMetroLocation {
            peering_location: "Silicon Valley"
        }
    ));
    assert_eq!(errs[0].refusal.source_key(), "[METRO] [PORTAL-CIRCUIT]");
    let metro = CreateCircuit {
        peering_location: "Silicon Valley Metro".into(),
        provider: "Megaport".into(),
        ..form()
    };
    assert!(check_choice(Resiliency::High, &metro).is_empty());
    // Standard and Maximum take any location; a name not in the catalog is only a warning.
    assert!(check_choice(Resiliency::Standard, &req).is_empty());
    let unknown = CreateCircuit {
        peering_location: "Atlantis".into(),
        ..form()
    };
    assert!(check_choice(Resiliency::High, &unknown).is_empty());
}

// [METRO]: "City Metro" has the sites "City" and "City2": the naming convention the review
// reads, checked against every Metro location of the catalog.
#[test]
fn metro_naming_convention_matches_the_catalogs_sites() {
    for l in metro_locations() {
        assert!(is_metro_name(l.name), "{}", l.name);
        for site in l.metro_peering_locations {
            assert!(same_site(l.name, site), "{} / {site}", l.name);
        }
    }
    assert!(!is_metro_name("Metro") && !is_metro_name("Silicon Valley"));
}

// Each rule's first link is the document its first source key stands for.
#[test]
fn every_rules_guidance_link_is_its_first_sources_address() {
    for r in Rule::ALL {
        let key = r
            .source()
            .trim_start_matches('[')
            .split(']')
            .next()
            .expect("a key");
        let (title, url) = r.guidance();
        let listed = SOURCES.iter().find(|s| s.0 == key).expect("listed");
        assert_eq!((listed.1, listed.3), (title, url), "{key}");
    }
}

// ---- the pair --------------------------------------------------------------------------

// [PORTAL-CIRCUIT] [RESILIENCY]: the second circuit is at a different peering location.
#[test]
fn portal_circuit_pair_refuses_the_same_peering_location() {
    let second = SecondCircuit {
        name: "ckt-2".into(),
        region: "West US".into(),
        provider: "Equinix".into(),
        peering_location: "silicon valley".into(),
        ..SecondCircuit::default()
    };
    let errs = validate_second(&form(), &second, KEY).expect_err("same site refused");
    assert!(errs.iter().any(|e| e.field == Field::PeeringLocation
        && matches!(&e.refusal, Refusal::PairSameSite { peering_location } if peering_location == "silicon valley")));
    assert_eq!(
        Refusal::PairSameSite {
            peering_location: String::new()
        }
        .source_key(),
        "[PORTAL-CIRCUIT] [RESILIENCY]"
    );
}

// [METRO]: a Metro location and one of its sites share a site.
#[test]
fn metro_a_metro_location_shares_a_site_with_its_sites() {
    assert!(same_site("Amsterdam Metro", "Amsterdam2"));
    assert!(same_site("Amsterdam", "Amsterdam Metro"));
    assert!(!same_site("Amsterdam", "Amsterdam2"));
    assert!(!same_site("Silicon Valley", "Los Angeles"));
    assert!(!same_site("", ""));
}

// [PORTAL-CIRCUIT] [RESILIENCY] [LOCATIONS]: second locations are in the same cloud, never the
// first's site, those of the same geopolitical region first, then those the provider serves.
#[test]
fn resiliency_second_locations_prefer_the_same_geopolitical_region_and_provider() {
    let offered = second_locations("Silicon Valley", "Equinix");
    assert!(offered
        .iter()
        .all(|s| !same_site(s.location.name, "Silicon Valley")));
    assert!(offered
        .iter()
        .all(|s| s.location.cloud == catalog::Cloud::Commercial));
    let first = offered[0];
    assert!(first.same_geopolitical_region && first.provider_listed);
    assert_eq!(first.location.geopolitical_region, "North America");
    // Ordered: same region before others, provider listed before not, within the region.
    let keys: Vec<(bool, bool)> = offered
        .iter()
        .map(|s| (!s.same_geopolitical_region, !s.provider_listed))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

// [PORTAL-CIRCUIT]: the second circuit takes the first's SKU, bandwidth and group; a valid
// second circuit at another location passes, a different provider is allowed.
#[test]
fn portal_circuit_pair_second_circuit_takes_the_first_circuits_configuration() {
    let second = SecondCircuit {
        name: "ckt-la".into(),
        region: "West US".into(),
        provider: "Megaport".into(),
        peering_location: "Los Angeles".into(),
        ..SecondCircuit::default()
    };
    let req = validate_second(&form(), &second, KEY).expect("valid pair");
    assert_eq!(req.bandwidth_mbps, form().bandwidth_mbps);
    assert_eq!(req.sku_tier, form().sku_tier);
    assert_eq!(req.resource_group, form().resource_group);
    assert_eq!(req.provider, "Megaport");
    assert!(pair_warnings(&form(), &second).is_empty());
    // The second circuit's own fields are checked like the first's.
    let bad = SecondCircuit {
        name: String::new(),
        ..second.clone()
    };
    let errs = validate_second(&form(), &bad, KEY).expect_err("name required");
    assert!(errs.iter().any(|e| e.field == Field::Name));
}

// [RESILIENCY] [LOCATIONS]: another geopolitical region and the same provider are said, not refused.
#[test]
fn resiliency_pair_warns_on_another_geopolitical_region_and_the_same_provider() {
    let second = SecondCircuit {
        name: "ckt-ams".into(),
        region: "West Europe".into(),
        provider: "Equinix".into(),
        peering_location: "Amsterdam".into(),
        ..SecondCircuit::default()
    };
    assert!(validate_second(&form(), &second, KEY).is_ok());
    let w = pair_warnings(&form(), &second);
    assert_eq!(w.len(), 2, "{w:#?}");
    assert!(w[0].contains("North America") && w[0].contains("Europe"));
    assert!(w[1].contains("Both circuits use Equinix"));
}

// [PS-CIRCUIT] [CLI-CIRCUIT]: the pair's commands are New-AzExpressRouteCircuit and
// az network express-route create twice, with the two peering locations.
#[test]
fn ps_circuit_cli_circuit_pair_commands_create_both_circuits() {
    let a = create(&form(), KEY).expect("first");
    let b = create(
        &CreateCircuit {
            name: "ExpressRouteARMCircuit2".into(),
            provider: "Megaport".into(),
            peering_location: "Los Angeles".into(),
            ..form()
        },
        KEY,
    )
    .expect("second");
    let p = pair_commands(&a, &b);
    assert_eq!(
        p.powershell,
        "New-AzExpressRouteCircuit -Name 'ExpressRouteARMCircuit' -ResourceGroupName 'ExpressRouteResourceGroup' -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName 'Equinix' -PeeringLocation 'Silicon Valley' -BandwidthInMbps 200\n\
New-AzExpressRouteCircuit -Name 'ExpressRouteARMCircuit2' -ResourceGroupName 'ExpressRouteResourceGroup' -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName 'Megaport' -PeeringLocation 'Los Angeles' -BandwidthInMbps 200"
    );
    assert_eq!(
        p.cli,
        "az network express-route create --name ExpressRouteARMCircuit --resource-group ExpressRouteResourceGroup --location 'West US' --provider Equinix --peering-location 'Silicon Valley' --bandwidth 200 --sku-tier Standard --sku-family MeteredData\n\
az network express-route create --name ExpressRouteARMCircuit2 --resource-group ExpressRouteResourceGroup --location 'West US' --provider Megaport --peering-location 'Los Angeles' --bandwidth 200 --sku-tier Standard --sku-family MeteredData"
    );
    assert!(p.title.contains("each is billed from its own service key"));
    assert_eq!(p.source, "[PS-CIRCUIT] [CLI-CIRCUIT] [PORTAL-CIRCUIT]");
}

// ---- the review ------------------------------------------------------------------------

// [RESILIENCY] [PORTAL-LINK]: a VNet linked to one circuit only is a single point of failure.
#[test]
fn resiliency_portal_link_vnet_through_one_circuit_is_a_single_point_of_failure() {
    let a = link(
        &at("ckt-a", "Equinix", "Silicon Valley"),
        "conn-a",
        "hub-vnet",
    );
    let fs = review(&[member("a", &a, None)]);
    assert_eq!(rules(&fs), [(Rule::SinglePathVnet, "a".to_string())]);
    let f = &fs[0];
    assert_eq!(f.source, "[RESILIENCY] [PORTAL-LINK]");
    assert!(f
        .title
        .contains("hub-vnet reaches on-premises through ckt-a only"));
    assert!(f.why().contains("Silicon Valley"));
    assert!(f
        .what_to_do()
        .contains("second circuit at a different peering location"));
    assert_eq!(f.key(), "single-path-vnet:hubvnet/westus");
    // Linked to a second circuit at another location: nothing to say.
    let b = link(
        &at("ckt-b", "Megaport", "Los Angeles"),
        "conn-b",
        "hub-vnet",
    );
    assert!(review(&[member("a", &a, None), member("b", &b, None)]).is_empty());
}

// [RESILIENCY] [METRO]: through one Metro circuit the VNet is still single-circuit, said so.
#[test]
fn resiliency_metro_vnet_through_one_metro_circuit_names_the_metro() {
    let m = link(
        &at("ckt-m", "Megaport", "Silicon Valley Metro"),
        "conn-m",
        "hub-vnet",
    );
    let fs = review(&[Member {
        id: "m",
        circuit: &m,
        resiliency: Some(Resiliency::High),
        pair: None,
    }]);
    assert_eq!(fs.len(), 1);
    assert!(fs[0].why().contains("ExpressRoute Metro circuit"));
}

// [RESILIENCY] [PORTAL-CIRCUIT]: two circuits at the same peering location for one VNet have no
// site diversity.
#[test]
fn resiliency_portal_circuit_two_circuits_at_one_location_have_no_site_diversity() {
    let a = link(
        &at("ckt-a", "Equinix", "Silicon Valley"),
        "conn-a",
        "hub-vnet",
    );
    let b = link(
        &at("ckt-b", "Megaport", "Silicon Valley"),
        "conn-b",
        "hub-vnet",
    );
    let fs = review(&[member("a", &a, None), member("b", &b, None)]);
    assert_eq!(
        rules(&fs),
        [
            (Rule::NoSiteDiversity, "a".to_string()),
            (Rule::NoSiteDiversity, "b".to_string())
        ]
    );
    assert_eq!(fs[0].source, "[RESILIENCY] [PORTAL-CIRCUIT]");
    assert!(fs[0]
        .title
        .contains("Every circuit linked to hub-vnet is at Silicon Valley"));
    // A pair at one site is said too, on both circuits.
    let (a, b) = (
        at("ckt-a", "Equinix", "Silicon Valley"),
        at("ckt-b", "Megaport", "Silicon Valley"),
    );
    let fs = review(&[member("a", &a, Some("b")), member("b", &b, Some("a"))]);
    assert_eq!(
        rules(&fs),
        [
            (Rule::NoSiteDiversity, "a".to_string()),
            (Rule::NoSiteDiversity, "b".to_string())
        ]
    );
}

// [RESET] [ROUTING] [RESILIENCY]: a Disabled peering has both of its BGP sessions down.
#[test]
fn reset_routing_a_disabled_peering_has_both_sessions_down() {
    let a = at("ckt-a", "Equinix", "Silicon Valley");
    let off = apply(
        &a,
        &Action::SetPeeringState {
            kind: PeeringType::AzurePrivatePeering,
            state: PeeringState::Disabled,
        },
    )
    .expect("disable")
    .circuit;
    let fs = review(&[member("a", &off, None)]);
    assert_eq!(rules(&fs), [(Rule::PeeringDisabled, "a".to_string())]);
    assert_eq!(fs[0].source, "[RESET] [ROUTING] [RESILIENCY]");
    assert!(fs[0].why().contains("both of its BGP sessions"));
    assert_eq!(fs[0].key(), "peering-disabled:AzurePrivatePeering");
    // What the saved data cannot say is said.
    assert!(NOT_KNOWN.contains("whether each link's BGP session is up"));
    assert!(review(&[member("a", &a, None)]).is_empty());
}

// [RESILIENCY] [PORTAL-LINK]: the second circuit of a pair without private peering.
#[test]
fn resiliency_portal_link_pair_without_private_peering_on_the_second_circuit() {
    let a = at("ckt-a", "Equinix", "Silicon Valley");
    let b = provisioned(
        &create(
            &CreateCircuit {
                name: "ckt-b".into(),
                provider: "Megaport".into(),
                peering_location: "Los Angeles".into(),
                ..form()
            },
            KEY,
        )
        .expect("valid"),
    );
    let fs = review(&[member("a", &a, Some("b")), member("b", &b, Some("a"))]);
    assert_eq!(rules(&fs), [(Rule::PairNoPrivatePeering, "b".to_string())]);
    assert_eq!(fs[0].source, "[RESILIENCY] [PORTAL-LINK]");
    assert!(fs[0]
        .what_to_do()
        .contains("Configure Azure private peering on ckt-b"));
    // A pair link that points one way only is not a pair.
    assert!(review(&[member("a", &a, Some("b")), member("b", &b, None)]).is_empty());
}

// [RESILIENCY] [PORTAL-LINK]: a pair whose VNet links differ, shown on the circuit lacking it.
#[test]
fn resiliency_portal_link_pair_whose_vnet_links_differ() {
    let a = link(
        &at("ckt-a", "Equinix", "Silicon Valley"),
        "conn-a",
        "hub-vnet",
    );
    let b = at("ckt-b", "Megaport", "Los Angeles");
    let fs = review(&[member("a", &a, Some("b")), member("b", &b, Some("a"))]);
    assert_eq!(rules(&fs), [(Rule::PairVnetsDiffer, "b".to_string())]);
    assert!(fs[0]
        .title
        .contains("hub-vnet is linked to ckt-a but not to ckt-b"));
    let b = link(&b, "conn-b", "hub-vnet");
    assert!(review(&[member("a", &a, Some("b")), member("b", &b, Some("a"))]).is_empty());
}

// A dismissed finding stays dismissed for its circuit only.
#[test]
fn resiliency_a_dismissed_finding_is_left_out_for_its_circuit() {
    let a = link(
        &at("ckt-a", "Equinix", "Silicon Valley"),
        "conn-a",
        "hub-vnet",
    );
    let fs = review(&[member("a", &a, None)]);
    let key = fs[0].key();
    let dismissed = vec![key];
    let none: Vec<String> = Vec::new();
    assert!(open_findings(fs.clone(), |id| if id == "a" { &dismissed } else { &none }).is_empty());
    assert_eq!(open_findings(fs, |_| &none).len(), 1);
}

// ---- the demos -------------------------------------------------------------------------

#[test]
fn resiliency_maximum_resiliency_demo_ends_with_nothing_to_review() {
    let d = design_demo("maximum-resiliency").expect("demo");
    assert_eq!(d.forms.len(), 2);
    assert!(!same_site(
        &d.forms[0].peering_location,
        &d.forms[1].peering_location
    ));
    let p = d.play().expect("plays");
    assert_eq!(p.frames.len(), 8);
    assert!(
        p.frames.iter().all(|f| f.result.is_ok()),
        "every step applies"
    );
    // After the hub VNet is linked to the first circuit only: both pair findings, on the second.
    let mid = &p.frames[5];
    let mut r = rules(&mid.findings);
    r.sort_by_key(|(rule, _)| rule.slug());
    assert_eq!(
        r,
        [
            (Rule::PairNoPrivatePeering, "second".to_string()),
            (Rule::PairVnetsDiffer, "second".to_string())
        ]
    );
    let end = p.frames.last().expect("frames");
    assert!(end.findings.is_empty(), "{:#?}", end.findings);
    assert!(end
        .circuits
        .iter()
        .all(|c| c.is_usable() && c.vnet_links.len() == 1));
}

// [TROUBLE-ARP] [TROUBLE]: the secondary link's ARP table without the customer's entry, its
// neighbor Idle, one link up and the other down, then both links established.
#[test]
fn trouble_arp_secondary_link_down_demo_reads_each_output() {
    let d = design_demo("secondary-link-down").expect("demo");
    let p = d.play().expect("plays");
    assert_eq!(p.frames.len(), 9);
    let titles = |i: usize| -> Vec<(Severity, String)> {
        p.frames[i]
            .readings
            .iter()
            .map(|r| (r.severity, r.title.clone()))
            .collect()
    };
    assert!(
        titles(3).iter().all(|(s, _)| *s == Severity::Fine),
        "{:#?}",
        titles(3)
    );
    let secondary_arp = titles(4);
    assert!(secondary_arp.iter().any(|(s, t)| *s == Severity::Blocking
        && t.contains("Secondary link: no ARP entry for your side")));
    assert!(
        titles(5)
            .iter()
            .any(|(s, t)| *s == Severity::Blocking && t.contains("Idle")),
        "{:#?}",
        titles(5)
    );
    // One link up, the other down: no redundancy.
    assert!(
        p.frames[6]
            .readings
            .iter()
            .any(|r| r.path.is_none() && r.severity == Severity::Warning),
        "{:#?}",
        p.frames[6].readings
    );
    // The fixed ARP table reads fine; both links stay a warning until the summary is read again.
    let fixed = &p.frames[7].readings;
    assert!(fixed
        .iter()
        .filter(|r| r.path.is_some())
        .all(|r| r.severity == Severity::Fine));
    assert!(fixed
        .iter()
        .any(|r| r.path.is_none() && r.severity == Severity::Warning));
    assert!(
        p.frames[8]
            .readings
            .iter()
            .all(|r| r.severity == Severity::Fine),
        "{:#?}",
        p.frames[8].readings
    );
    assert!(p.frames[3..]
        .iter()
        .all(|f| f.output.is_some() && f.narration.is_empty()));
}

#[test]
fn design_demo_slugs_are_distinct_from_scenarios_and_every_read_step_parses() {
    let scenario_slugs: Vec<&str> = scenarios().iter().map(|s| s.slug).collect();
    for d in design_demos() {
        assert!(!scenario_slugs.contains(&d.slug), "{}", d.slug);
        for s in &d.steps {
            if let DemoStepKind::Read { output, .. } = s.kind {
                assert!(read_paste(output).is_ok(), "{output}");
            }
        }
    }
}
