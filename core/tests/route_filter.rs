//! Route filters of Microsoft peering: the filter resource with its one Allow rule, the BGP
//! communities it selects, attaching and detaching it, the commands, and reading it from pasted
//! output. Each test names the rule and its source key.

mod common;

use common::*;
use er_core::commands;
use er_core::route_filter::{self, community, offered_communities};
use er_core::*;

fn filter(communities: &[&str]) -> RouteFilter {
    RouteFilter {
        name: "rf-microsoft".into(),
        resource_group: "ER-Prod-RG".into(),
        region: "West US".into(),
        rule: Some(RouteFilterRule {
            name: "allow-services".into(),
            communities: communities.iter().map(|c| (*c).to_string()).collect(),
        }),
    }
}

fn create(communities: &[&str]) -> Action {
    Action::CreateRouteFilter {
        filter: filter(communities),
    }
}

const ATTACH: Action = Action::AttachRouteFilter {
    microsoft_365_authorized: false,
};
const ATTACH_AUTHORIZED: Action = Action::AttachRouteFilter {
    microsoft_365_authorized: true,
};

/// Provisioned, with Microsoft peering (123.1.0.0/24 from AS 23) validated.
fn microsoft() -> Circuit {
    step(
        &with_microsoft_peering(&provisioned(&new_circuit())),
        Action::SetPrefixValidation {
            outcome: PrefixOutcome::Validated,
        },
    )
}

fn premium(c: &Circuit) -> Circuit {
    step(
        c,
        Action::ChangeTier {
            tier: SkuTier::Premium,
        },
    )
}

fn rf_refusal(r: &Refusal) -> &RouteFilterRefusal {
    match r {
        Refusal::RouteFilter(x) => x.downcast_ref().expect("a route filter refusal"),
        other => panic!("not a route filter refusal: {other:?}"),
    }
}

fn check_explained(r: &Refusal) {
    assert!(!r.to_string().is_empty());
    assert!(!r.remedy().is_empty());
    assert!(r.source_key().starts_with('['), "{}", r.source_key());
}

// ---- the community table [ROUTING] ---------------------------------------------------------

/// [ROUTING]: the service communities and each region's Microsoft peering, Storage, SQL, Azure
/// Cosmos DB and Backup communities, grouped as the page groups them.
#[test]
fn routing_offers_services_then_regions_by_group() {
    let all = offered_communities();
    assert_eq!(all.len(), 10 + 42 * 5);
    assert_eq!(all[0].value, "12076:5010");
    assert_eq!(all[0].name, "Exchange Online");
    assert_eq!(all[0].group, route_filter::SERVICES_GROUP);
    let east = community("12076:51004").expect("East US");
    assert_eq!(
        (east.name.as_str(), east.group.as_str()),
        ("Azure East US", "North America")
    );
    assert_eq!(
        community("12076:52004").expect("storage").name,
        "Azure Storage in East US"
    );
    assert_eq!(community("12076:5040").expect("CRM").name, "CRM Online");
    assert!(community("12076:5250").is_some_and(|c| !c.microsoft_365));
    // National clouds' values exist, apart.
    assert!(community("12076:51106").is_some_and(|c| !c.commercial));
}

/// [ROUTING]: a value not in the table is refused, and a private peering community is named
/// as one: it tags VNet routes, which a route filter does not select.
#[test]
fn routing_refuses_a_community_that_does_not_exist() {
    let c = microsoft();
    for bad in ["12076:9999", "65000:1", "not-a-community"] {
        let r = apply(&c, &create(&[bad])).unwrap_err();
        assert_eq!(
            rf_refusal(&r),
            &RouteFilterRefusal::CommunityUnknown { value: bad.into() }
        );
        assert_eq!(r.source_key(), "[ROUTING]");
        check_explained(&r);
    }
    let r = apply(&c, &create(&["12076:50004"])).unwrap_err();
    assert_eq!(
        r.to_string(),
        "12076:50004 is not a BGP community of Microsoft peering (12076:50004 is a regional private peering community: it tags your virtual networks' routes on private peering, which a route filter does not select)."
    );
    // The form says it on the services field.
    let input = RouteFilterInput {
        name: "rf".into(),
        resource_group: "rg".into(),
        region: "West US".into(),
        rule_name: "allow".into(),
        communities: vec!["12076:9999".into()],
    };
    let errors = validate_route_filter(&c, &input).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, Field::RouteFilterCommunities);
}

/// [ROUTE-FILTER]: the rule is "an allowed list of all the BGP community values": one with none
/// lets nothing through, so the form asks for at least one service.
#[test]
fn route_filter_rule_needs_at_least_one_community() {
    let r = apply(&microsoft(), &create(&[])).unwrap_err();
    assert_eq!(rf_refusal(&r), &RouteFilterRefusal::NoCommunities);
    check_explained(&r);
}

/// The form: portal labels, every field error at once. [ROUTE-FILTER-PORTAL]
#[test]
fn route_filter_form_reports_every_field_at_once() {
    let errors = validate_route_filter(&microsoft(), &RouteFilterInput::default()).unwrap_err();
    let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        [
            Field::RouteFilterName,
            Field::RouteFilterResourceGroup,
            Field::RouteFilterRegion,
            Field::RouteFilterRuleName,
            Field::RouteFilterCommunities,
        ]
    );
    assert_eq!(
        fields.iter().map(|f| f.label()).collect::<Vec<_>>(),
        [
            "Name",
            "Resource group",
            "Region",
            "Rule name",
            "Allowed service communities"
        ]
    );
    for e in &errors {
        check_explained(&e.refusal);
    }
}

// ---- Microsoft 365: Premium and Microsoft's authorization ------------------------------------

/// [FAQ]: "Microsoft 365 services require premium add-on to be enabled." The services marked
/// (2) on the routing page are refused on a Standard circuit.
#[test]
fn faq_microsoft_365_services_need_premium() {
    let c = microsoft();
    let r = apply(&c, &create(&["12076:5010", "12076:5100"])).unwrap_err();
    assert_eq!(
        rf_refusal(&r),
        &RouteFilterRefusal::NeedsPremium {
            services: vec![
                "Exchange Online".into(),
                "Other Office 365 Online services".into()
            ],
            tier: SkuTier::Standard,
        }
    );
    assert_eq!(
        r.to_string(),
        "Exchange Online and Other Office 365 Online services need the ExpressRoute Premium add-on, and this circuit is Standard: \"Microsoft 365 services require premium add-on to be enabled.\""
    );
    assert_eq!(r.source_key(), "[FAQ] [ROUTING]");
    check_explained(&r);
    // Dynamics (CRM Online) and Azure services need neither.
    assert!(apply(&c, &create(&["12076:5040", "12076:51004"])).is_ok());
    // On Premium the filter is created.
    assert!(apply(&premium(&c), &create(&["12076:5010"])).is_ok());
}

/// [ROUTE-FILTER]: "If you aren't authorized to consume Microsoft 365 services through
/// ExpressRoute, the operation to attach route filters fails." The API cannot tell, so the
/// customer confirms it; without that, attaching is refused with the document's words.
#[test]
fn route_filter_attaching_microsoft_365_needs_microsofts_authorization() {
    let c = step(
        &premium(&microsoft()),
        create(&["12076:5020", "12076:5040"]),
    );
    let r = apply(&c, &ATTACH).unwrap_err();
    assert_eq!(
        rf_refusal(&r),
        &RouteFilterRefusal::NeedsMicrosoft365Authorization {
            services: vec!["SharePoint Online".into()]
        }
    );
    assert_eq!(
        r.to_string(),
        "SharePoint Online needs Microsoft's authorization to use Microsoft 365 through ExpressRoute: \"To attach route filters with Microsoft 365 services, you must have authorization to consume Microsoft 365 services through ExpressRoute. If you aren't authorized to consume Microsoft 365 services through ExpressRoute, the operation to attach route filters fails.\""
    );
    assert_eq!(r.source_key(), "[ROUTE-FILTER] [ROUTING]");
    check_explained(&r);
    // The precondition cannot know the answer: it lets the form ask.
    assert_eq!(precondition(&c, ActionKind::AttachRouteFilter), Ok(()));
    let t = apply(&c, &ATTACH_AUTHORIZED).expect("attached once authorized");
    assert_eq!(
        t.circuit
            .peering(PeeringType::MicrosoftPeering)
            .and_then(|p| p.route_filter.clone()),
        Some("rf-microsoft".into())
    );
}

/// [FAQ]: a filter with Microsoft 365 services (say, imported) is not attached to a Standard
/// circuit either.
#[test]
fn faq_attaching_microsoft_365_to_a_standard_circuit_is_refused() {
    let mut c = microsoft();
    c.route_filter = Some(filter(&["12076:5030"]));
    let r = precondition(&c, ActionKind::AttachRouteFilter).unwrap_err();
    assert!(matches!(
        rf_refusal(&r),
        RouteFilterRefusal::NeedsPremium { .. }
    ));
    assert_eq!(apply(&c, &ATTACH_AUTHORIZED).unwrap_err(), r);
}

// ---- attaching, detaching, deleting ---------------------------------------------------------

/// [ROUTE-FILTER]: Microsoft peering configured on or after 1 August 2017 "will not have any
/// prefixes advertised until a route filter is attached": the blocking item and next step.
#[test]
fn route_filter_microsoft_peering_without_filter_receives_nothing() {
    let c = microsoft();
    assert_eq!(route_filter::receives(&c), Receives::Nothing);
    let next = next_step(&c);
    assert_eq!(
        next.title,
        "Receives no Microsoft prefixes yet: attach a route filter"
    );
    assert_eq!(next.source, "[ROUTE-FILTER] [ROUTE-FILTER-CLI] [FAQ]");
    assert!(explain_circuit(&c)
        .iter()
        .any(|s| s.title == route_filter::NO_ROUTE_FILTER_TITLE));
    // A Layer 3 provider configures the peering; the filter is still the customer's.
    let mut l3 = c.clone();
    if let Port::Provider { routing_model, .. } = &mut l3.port {
        *routing_model = RoutingModel::Layer3;
    }
    assert_eq!(next_step(&l3).title, route_filter::NO_ROUTE_FILTER_TITLE);
    // Without Microsoft peering there is nothing to say.
    assert_eq!(
        route_filter::explain_receives(&with_private_peering(&provisioned(&new_circuit()))),
        None
    );
}

/// [ROUTE-FILTER] [ROUTE-FILTER-CLI]: a route filter is attached to a circuit's Microsoft
/// peering; a circuit with none is refused.
#[test]
fn route_filter_attaching_needs_microsoft_peering() {
    let c = step(
        &with_private_peering(&provisioned(&new_circuit())),
        create(&["12076:5040"]),
    );
    let r = apply(&c, &ATTACH).unwrap_err();
    assert_eq!(rf_refusal(&r), &RouteFilterRefusal::NoMicrosoftPeering);
    assert_eq!(
        precondition(&c, ActionKind::AttachRouteFilter),
        Err(r.clone())
    );
    check_explained(&r);
    // And nothing to attach before a filter exists.
    let r = apply(&microsoft(), &ATTACH).unwrap_err();
    assert_eq!(rf_refusal(&r), &RouteFilterRefusal::NoRouteFilter);
    // Peerings exist only once Provisioned. [WF]
    let np = step(&new_circuit(), create(&["12076:5040"]));
    assert!(matches!(
        apply(&np, &ATTACH),
        Err(Refusal::PeeringNeedsProvisioned { .. })
    ));
}

/// [ROUTE-FILTER]: attached, Microsoft advertises the prefixes of the filter's communities; the
/// peering's card says which services it receives.
#[test]
fn route_filter_attached_the_peering_receives_its_services() {
    let c = step(&microsoft(), create(&["12076:5040", "12076:51006"]));
    assert_eq!(next_step(&c).title, route_filter::NO_ROUTE_FILTER_TITLE);
    let t = apply(&c, &ATTACH).expect("attached");
    // The notes give the values (the community table stays out of the state machine, which the
    // first page loads); the card names them.
    assert!(
        t.notes[0].contains("the prefixes carrying 12076:5040 and 12076:51006"),
        "{:?}",
        t.notes
    );
    let info = route_filter::explain_receives(&t.circuit).expect("info");
    assert_eq!(
        info.title,
        "Receives CRM Online (12076:5040) and Azure West US (12076:51006)"
    );
    assert_ne!(
        next_step(&t.circuit).title,
        route_filter::NO_ROUTE_FILTER_TITLE
    );
    // Attaching twice says so.
    let r = apply(&t.circuit, &ATTACH).unwrap_err();
    assert_eq!(
        rf_refusal(&r),
        &RouteFilterRefusal::AlreadyAttached {
            name: "rf-microsoft".into()
        }
    );
}

/// [ROUTE-FILTER]: "Once a route filter is detached from the ExpressRoute circuit, no prefixes
/// are advertised through the BGP session."
#[test]
fn route_filter_detached_no_prefixes_are_advertised() {
    let c = step(&step(&microsoft(), create(&["12076:5040"])), ATTACH);
    let t = apply(&c, &Action::DetachRouteFilter).expect("detached");
    assert_eq!(route_filter::receives(&t.circuit), Receives::Nothing);
    assert!(t.notes[0].contains("no prefixes are advertised"));
    let r = apply(&t.circuit, &Action::DetachRouteFilter).unwrap_err();
    assert_eq!(rf_refusal(&r), &RouteFilterRefusal::NotAttached);
}

/// [ROUTE-FILTER]: "You can only delete a route filter if it isn't attached to any circuit."
#[test]
fn route_filter_still_attached_cannot_be_deleted() {
    let c = step(&step(&microsoft(), create(&["12076:5040"])), ATTACH);
    let r = apply(&c, &Action::RemoveRouteFilter).unwrap_err();
    assert_eq!(
        rf_refusal(&r),
        &RouteFilterRefusal::StillAttached {
            name: "rf-microsoft".into()
        }
    );
    assert_eq!(
        precondition(&c, ActionKind::RemoveRouteFilter),
        Err(r.clone())
    );
    check_explained(&r);
    let detached = step(&c, Action::DetachRouteFilter);
    let t = apply(&detached, &Action::RemoveRouteFilter).expect("deleted");
    assert_eq!(t.circuit.route_filter, None);
}

/// [PS-CIRCUIT] [CLI-CIRCUIT]: "All virtual networks, route filters, authorizations, and global
/// reach associations must be unlinked" before the circuit is deleted.
#[test]
fn ps_circuit_an_attached_route_filter_blocks_deleting_the_circuit() {
    let c = step(&step(&microsoft(), create(&["12076:5040"])), ATTACH);
    let gone = step(
        &step(&c, Action::ProviderDeprovision),
        Action::ProviderCompleteDeprovisioning,
    );
    let r = apply(&gone, &Action::Delete).unwrap_err();
    assert!(r.to_string().contains("route filter rf-microsoft"), "{r}");
    assert!(
        r.remedy().contains("--remove routeFilter"),
        "{}",
        r.remedy()
    );
    let detached = step(&gone, Action::DetachRouteFilter);
    assert!(apply(&detached, &Action::Delete).is_ok());
}

/// A circuit keeps one route filter: a second is refused until the first is deleted.
/// [ROUTE-FILTER]
#[test]
fn route_filter_one_per_circuit() {
    let c = step(&microsoft(), create(&["12076:5040"]));
    let r = apply(&c, &create(&["12076:5050"])).unwrap_err();
    assert_eq!(
        rf_refusal(&r),
        &RouteFilterRefusal::RouteFilterExists {
            name: "rf-microsoft".into()
        }
    );
}

// ---- commands (exact text) ------------------------------------------------------------------

/// [ROUTE-FILTER] [PS-ROUTE-FILTER-RULE] [ROUTE-FILTER-CLI]: New-AzRouteFilter creates the
/// resource only; the rule is added with Add-AzRouteFilterRuleConfig and saved with
/// Set-AzRouteFilter; the CLI creates the filter, then the rule.
#[test]
fn route_filter_create_commands_exact_text() {
    let p = commands::create_route_filter(&filter(&["12076:5040", "12076:51006"]));
    assert_eq!(
        p.powershell,
        "New-AzRouteFilter -Name 'rf-microsoft' -ResourceGroupName 'ER-Prod-RG' -Location 'West US'\n\
         $routefilter = Get-AzRouteFilter -Name 'rf-microsoft' -ResourceGroupName 'ER-Prod-RG'\n\
         Add-AzRouteFilterRuleConfig -RouteFilter $routefilter -Name 'allow-services' -Access Allow -RouteFilterRuleType Community -CommunityList '12076:5040','12076:51006'\n\
         Set-AzRouteFilter -RouteFilter $routefilter"
    );
    assert_eq!(
        p.cli,
        "az network route-filter create --name rf-microsoft --resource-group ER-Prod-RG --location 'West US'\n\
         az network route-filter rule create --filter-name rf-microsoft --name allow-services --communities 12076:5040 12076:51006 --access Allow --resource-group ER-Prod-RG"
    );
    assert_eq!(
        p.source,
        "[ROUTE-FILTER] [PS-ROUTE-FILTER-RULE] [ROUTE-FILTER-CLI]"
    );
}

/// [ROUTE-FILTER] [ROUTE-FILTER-CLI] [PS-ROUTING]: attach with Set-AzExpressRouteCircuitPeeringConfig
/// -RouteFilter (the peering's own values kept) then Set-AzExpressRouteCircuit; the CLI names the
/// filter, or gives its ID when it is in another resource group.
#[test]
fn route_filter_attach_and_detach_commands_exact_text() {
    let c = microsoft();
    let mut same_rg = filter(&["12076:5040"]);
    same_rg.resource_group = c.resource_group.clone();
    let p = commands::attach_route_filter(&c, &same_rg);
    assert_eq!(
        p.powershell,
        format!(
            "$ckt = Get-AzExpressRouteCircuit -Name 'ExpressRouteARMCircuit' -ResourceGroupName '{rg}'\n\
             $routefilter = Get-AzRouteFilter -Name 'rf-microsoft' -ResourceGroupName '{rg}'\n\
             Set-AzExpressRouteCircuitPeeringConfig -Name 'MicrosoftPeering' -ExpressRouteCircuit $ckt -PeeringType MicrosoftPeering -PeerASN 100 -PeerAddressType IPv4 -PrimaryPeerAddressPrefix '123.0.0.0/30' -SecondaryPeerAddressPrefix '123.0.0.4/30' -VlanId 300 -MicrosoftConfigAdvertisedPublicPrefixes '123.1.0.0/24' -MicrosoftConfigCustomerAsn 23 -MicrosoftConfigRoutingRegistryName 'ARIN' -RouteFilter $routefilter\n\
             Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt",
            rg = c.resource_group
        )
    );
    assert_eq!(
        p.cli,
        format!(
            "az network express-route peering update --resource-group {rg} --circuit-name ExpressRouteARMCircuit --name MicrosoftPeering --route-filter rf-microsoft",
            rg = c.resource_group
        )
    );
    let other_rg = commands::attach_route_filter(&c, &filter(&["12076:5040"]));
    assert!(other_rg.cli.ends_with(
        "--route-filter '/subscriptions/<subscription-id>/resourceGroups/ER-Prod-RG/providers/Microsoft.Network/routeFilters/rf-microsoft'"
    ), "{}", other_rg.cli);
    let d = commands::detach_route_filter(&c);
    assert!(d.powershell.contains("($ckt.Peerings | Where-Object Name -eq 'MicrosoftPeering').RouteFilter = $null\nSet-AzExpressRouteCircuit -ExpressRouteCircuit $ckt"));
    assert!(
        d.cli
            .ends_with("--name MicrosoftPeering --remove routeFilter"),
        "{}",
        d.cli
    );
    let r = commands::remove_route_filter(&filter(&[]));
    assert_eq!(
        r.powershell,
        "Remove-AzRouteFilter -Name 'rf-microsoft' -ResourceGroupName 'ER-Prod-RG'"
    );
    assert_eq!(
        r.cli,
        "az network route-filter delete --name rf-microsoft --resource-group ER-Prod-RG"
    );
}

/// Step 4's commands follow the filter: the communities list first, then create and attach,
/// then show and detach once attached. [ROUTE-FILTER]
#[test]
fn route_filter_step_4_commands_follow_the_filter() {
    let titles = |c: &Circuit| -> Vec<String> {
        commands::for_step(c, 4)
            .into_iter()
            .map(|p| p.title)
            .collect()
    };
    let c = microsoft();
    assert!(titles(&c)
        .iter()
        .any(|t| t.starts_with("List the BGP community values")));
    let created = step(&c, create(&["12076:5040"]));
    assert!(titles(&created).contains(&"Create route filter rf-microsoft and its rule".to_string()));
    assert!(titles(&created)
        .contains(&"Attach route filter rf-microsoft to MicrosoftPeering".to_string()));
    let attached = step(&created, ATTACH);
    assert!(titles(&attached)
        .iter()
        .any(|t| t.starts_with("Detach the route filter")));
}

// ---- import ---------------------------------------------------------------------------------

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/azure-examples");
const PASTES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pastes");

fn read(dir: &str, name: &str) -> Imported {
    let text = std::fs::read_to_string(format!("{dir}/{name}")).expect("fixture");
    let mut v = import(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(v.len(), 1);
    v.remove(0)
}

fn filter_of(i: &Imported) -> &ImportedRouteFilter {
    match &i.resource {
        ImportedResource::RouteFilter(f) => f,
        other => panic!("not a route filter: {other:?}"),
    }
}

/// [SPEC-ROUTE-FILTER]: the REST example RouteFilterGet.json is read: its rule (Allow,
/// 12076:5030 and 12076:5040) by service name, and that it is attached to nothing.
#[test]
fn spec_route_filter_rest_example_is_read() {
    let i = read(EXAMPLES, "RouteFilterGet.json");
    assert_eq!(i.kind(), ImportedKind::RouteFilter);
    let f = filter_of(&i);
    assert_eq!(f.name.as_deref(), Some("filterName"));
    assert_eq!(f.resource_group.as_deref(), Some("rg1"));
    assert_eq!(f.region.as_deref(), Some("West US"));
    assert_eq!(f.rules.len(), 1);
    assert_eq!(f.rules[0].access.as_deref(), Some("Allow"));
    assert_eq!(f.rules[0].communities, ["12076:5030", "12076:5040"]);
    assert!(f.circuits.is_empty());
    let d = &i.diagnosis;
    assert!(
        d.fine
            .iter()
            .any(|s| s.contains("Skype For Business Online (12076:5030), CRM Online (12076:5040)")),
        "{d:#?}"
    );
    assert!(
        d.notes
            .iter()
            .any(|s| s.contains("Skype For Business Online is Microsoft 365")),
        "{d:#?}"
    );
    assert!(
        d.notes.iter().any(|s| s.contains("attached to no circuit")),
        "{d:#?}"
    );
    assert!(d.next_step.starts_with("Attach it"), "{d:#?}");
}

/// [ROUTE-FILTER-CLI]: `az network route-filter show` JSON is read.
#[test]
fn route_filter_cli_show_is_read() {
    let i = read(PASTES, "cli-route-filter-show.json");
    let f = filter_of(&i);
    assert_eq!(f.name.as_deref(), Some("MyRouteFilter"));
    assert_eq!(f.resource_group.as_deref(), Some("ER-Prod-RG"));
    assert_eq!(f.rules[0].communities, ["12076:5010", "12076:5020"]);
    assert!(i.diagnosis.blocking.is_empty(), "{:#?}", i.diagnosis);
}

/// [ROUTE-FILTER]: Get-AzRouteFilter's list output is read, from Azure PowerShell's own example
/// (no rule: it allows nothing, which is blocking) and with a rule and a peering.
#[test]
fn route_filter_get_azroutefilter_output_is_read() {
    let i = read(EXAMPLES, "docs-Get-AzRouteFilter.txt");
    assert_eq!(i.format, ImportFormat::PowerShellList);
    let f = filter_of(&i);
    assert_eq!(f.name.as_deref(), Some("RouteFilter01"));
    assert_eq!(f.resource_group.as_deref(), Some("ResourceGroup01"));
    assert!(f.rules.is_empty());
    assert!(
        i.diagnosis
            .blocking
            .iter()
            .any(|s| s.contains("has no rule, so it allows nothing")),
        "{:#?}",
        i.diagnosis
    );

    let i = read(PASTES, "ps-Get-AzRouteFilter-attached.txt");
    let f = filter_of(&i);
    assert_eq!(f.rules[0].name, "allow-services");
    assert_eq!(f.rules[0].communities, ["12076:5040", "12076:51002"]);
    assert_eq!(f.circuits, ["er-amsterdam"]);
    assert!(
        i.diagnosis
            .fine
            .iter()
            .any(|s| s.contains("CRM Online (12076:5040), Azure West Europe (12076:51002)")),
        "{:#?}",
        i.diagnosis
    );
    assert!(i.diagnosis.fine.iter().any(|s| s.contains("er-amsterdam")));
}

/// [SPEC-2024-05]: a circuit's Microsoft peering names its filter by `routeFilter.id`; the
/// diagnosis says when it has none (it receives no prefixes).
#[test]
fn spec_peering_route_filter_reference_is_read_and_its_absence_is_blocking() {
    let c = step(&step(&microsoft(), create(&["12076:5040"])), ATTACH);
    // A real circuit names the filter by id only: the exported circuit without the wizard's
    // own copy of the filter.
    let mut v = export_azure_value(&c);
    if let Some(o) = v.as_object_mut() {
        o.remove("x-erWizard");
    }
    let json = serde_json::to_string(&v).expect("json");
    assert!(json.contains("\"routeFilter\":{\"id\":\"/subscriptions/<subscription-id>/resourceGroups/ER-Prod-RG/providers/Microsoft.Network/routeFilters/rf-microsoft\"}"), "{json}");
    let i = import(&json).expect("imports").remove(0);
    let read = i.circuit().expect("circuit");
    assert_eq!(
        route_filter::receives(read),
        Receives::UnknownFilter {
            name: "rf-microsoft".into()
        }
    );
    assert!(!i
        .diagnosis
        .blocking
        .iter()
        .any(|s| s.contains("Receives no Microsoft prefixes")));
    // The wizard's own export keeps the filter itself, and reads back the same circuit.
    let back = import(&export_azure_json(&c)).expect("imports").remove(0);
    assert_eq!(back.circuit(), Some(&c));
    // Without a filter: blocking.
    let none = import(&export_azure_json(&microsoft()))
        .expect("imports")
        .remove(0);
    assert!(
        none.diagnosis
            .blocking
            .iter()
            .any(|s| s.contains("Receives no Microsoft prefixes yet: attach a route filter")),
        "{:#?}",
        none.diagnosis
    );
}

/// The demo plays from a configured peering to routes received. [ROUTE-FILTER]
#[test]
fn route_filter_demo_ends_with_the_services_received() {
    let sc = scenarios()
        .into_iter()
        .find(|s| s.slug == "route-filter")
        .expect("demo");
    assert_eq!(sc.title, "Microsoft peering with a route filter");
    let p = sc.play().expect("plays");
    let end = p.circuit_at(usize::MAX);
    assert_eq!(
        route_filter::explain_receives(end).map(|s| s.title),
        Some("Receives CRM Online (12076:5040) and Azure West US (12076:51006)".into())
    );
    let attach = &p.frames[7];
    assert!(
        attach
            .narration
            .iter()
            .any(|n| n.title.starts_with("Receives CRM Online")),
        "{:#?}",
        attach.narration
    );
}
