//! Verify connectivity: each reading from outputs shaped like Microsoft's documented examples.
//!
//! Sources of the pasted outputs (see the test names):
//! - [TROUBLE-ARP] `articles/expressroute/expressroute-troubleshooting-arp-resource-manager.md`
//!   (MicrosoftDocs/azure-docs @ 02e2e0f4e66b5494554283229832fcac8d9a906e): the ARP tables of
//!   the expected state (both entries, or On-Prem only), On-Prem "Incomplete", Microsoft only.
//! - [TROUBLE] `articles/expressroute/expressroute-troubleshooting-expressroute-overview.md`
//!   (@ 9c361f9f3b322f6bea09ce06b6904d98eda68a13): "Route Table Summary:" (Neighbor V AS UpDown
//!   StatePfxRcd, AS hidden as ####), "Route Table Info:" (Network NextHop LocPrf Weight Path,
//!   LocPrf blank, path hidden), "ARP Info:" and the empty tables of a peering that does not exist.
//! - [SPEC-2024-05] Azure/azure-rest-api-specs examples ExpressRouteCircuitARPTableList.json
//!   (2024-05-01), ExpressRouteCircuitRouteTableSummaryList.json and
//!   ExpressRouteCircuitRouteTableList.json (2023-09-01, the same bodies).

mod common;

use common::*;
use er_core::*;
use proptest::prelude::*;

// --- Documented outputs ---------------------------------------------------------------

/// [TROUBLE-ARP] "ARP table when a circuit is in operational state (expected state)".
const ARP_EXPECTED: &str = "Age InterfaceProperty IpAddress  MacAddress    
--- ----------------- ---------  ----------    
 10 On-Prem           65.0.0.1   ffff.eeee.dddd
  0 Microsoft         65.0.0.2   aaaa.bbbb.cccc
";

/// [TROUBLE-ARP] the expected state's second form: only the On-Prem entry.
const ARP_ON_PREM_ONLY: &str = "Age InterfaceProperty IpAddress  MacAddress    
--- ----------------- ---------  ----------    
 10 On-Prem           65.0.0.1   ffff.eeee.dddd
";

/// [TROUBLE-ARP] "ARP table when on-premises / connectivity provider side has problems".
const ARP_INCOMPLETE: &str = "Age InterfaceProperty IpAddress  MacAddress    
--- ----------------- ---------  ----------   
  0 On-Prem           65.0.0.1   Incomplete
  0 Microsoft         65.0.0.2   aaaa.bbbb.cccc
";

/// [TROUBLE-ARP] the same section's second form: only the Microsoft entry.
const ARP_MICROSOFT_ONLY: &str = "Age InterfaceProperty IpAddress  MacAddress    
--- ----------------- ---------  ----------    
  0 Microsoft         65.0.0.2   aaaa.bbbb.cccc
";

/// [TROUBLE] "Route Table Summary:" with the AS hidden.
const SUMMARY_CLASSIC: &str = "Route Table Summary:

        Neighbor                   V                  AS              UpDown         StatePfxRcd
        10.0.0.1                   4                ####                8w4d                  50
";

/// [SPEC-2024-05] ExpressRouteCircuitRouteTableSummaryList.json, the response body.
const SUMMARY_JSON_IDLE: &str = r#"{
  "value": [
    {
      "neighbor": "100.65.171.1",
      "v": 4,
      "as": 9583,
      "upDown": "never",
      "statePfxRcd": "Idle"
    }
  ]
}"#;

/// [TROUBLE] "Route Table Info:" (LocPrf blank, AS path hidden).
const ROUTES_CLASSIC: &str = "Route Table Info:

         Network             NextHop              LocPrf              Weight                Path
     10.1.0.0/16            10.0.0.1                                       0    #### ##### #####     
     10.2.0.0/16            10.0.0.1                                       0    #### ##### #####
";

/// [SPEC-2024-05] ExpressRouteCircuitARPTableList.json, the whole example file.
const ARP_REST_EXAMPLE: &str = r#"{
  "parameters": {
    "circuitName": "circuitName",
    "resourceGroupName": "rg1",
    "api-version": "2024-05-01",
    "subscriptionId": "subid",
    "peeringName": "peeringName",
    "devicePath": "devicePath"
  },
  "responses": {
    "200": {
      "body": {
        "value": [
          {
            "age": 0,
            "interface": "Microsoft",
            "ipAddress": "IPAddress",
            "macAddress": "macAddress"
          }
        ]
      }
    }
  }
}"#;

/// [SPEC-2024-05] ExpressRouteCircuitRouteTableList.json's body: every string empty.
const ROUTES_REST_BODY: &str =
    r#"{"value":[{"network":"","nextHop":"","locPrf":"","weight":0,"path":""}]}"#;

fn read(text: &str) -> PastedOutput {
    match read_paste(text) {
        Ok(p) => p,
        Err(e) => panic!("{e}\n{text}"),
    }
}

fn readings(text: &str, kind: PeeringType, path: DevicePath) -> Vec<Reading> {
    read_output(&read(text), kind, path, SkuTier::Standard)
}

fn only(rs: &[Reading], severity: Severity) -> Vec<&Reading> {
    rs.iter().filter(|r| r.severity == severity).collect()
}

// --- ARP --------------------------------------------------------------------------------

#[test]
fn trouble_arp_expected_state_is_fine_on_the_link_named() {
    let p = read(ARP_EXPECTED);
    assert_eq!(p.format, PasteFormat::PowerShellTable);
    let Table::Arp(entries) = &p.table else {
        panic!("not ARP")
    };
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].side, Some(ArpSide::OnPremises));
    assert_eq!(entries[0].age, Some(10));
    assert_eq!(entries[1].mac, Some(Mac::Known("aaaa.bbbb.cccc".into())));
    let rs = readings(
        ARP_EXPECTED,
        PeeringType::MicrosoftPeering,
        DevicePath::Primary,
    );
    assert_eq!(rs.len(), 1, "{rs:#?}");
    assert_eq!(rs[0].severity, Severity::Fine);
    assert!(rs[0]
        .title
        .starts_with("Primary link: both sides answer ARP"));
    assert_eq!(rs[0].source, "[TROUBLE-ARP]");
}

#[test]
fn trouble_arp_on_prem_only_is_documented_as_expected_not_a_fault() {
    let rs = readings(
        ARP_ON_PREM_ONLY,
        PeeringType::AzurePrivatePeering,
        DevicePath::Secondary,
    );
    assert!(only(&rs, Severity::Blocking).is_empty(), "{rs:#?}");
    let fine = only(&rs, Severity::Fine);
    assert_eq!(fine.len(), 1);
    assert!(fine[0].title.contains("Secondary link"));
    assert!(fine[0].title.contains("no entry for Microsoft's side"));
    assert!(fine[0].meaning.contains("only the on-premises interface"));
}

#[test]
fn trouble_arp_incomplete_on_prem_is_a_layer_2_problem_for_the_provider() {
    let rs = readings(
        ARP_INCOMPLETE,
        PeeringType::MicrosoftPeering,
        DevicePath::Secondary,
    );
    let blocking = only(&rs, Severity::Blocking);
    assert_eq!(blocking.len(), 1, "{rs:#?}");
    assert!(blocking[0].title.contains("Secondary link"));
    assert!(blocking[0].title.contains("Incomplete"));
    assert!(blocking[0].next_check.contains("connectivity provider"));
    assert!(blocking[0].next_check.contains("C-Tag"));
    assert!(only(&rs, Severity::Fine).is_empty());
}

#[test]
fn trouble_arp_microsoft_entry_only_means_no_entry_for_your_side() {
    let rs = readings(
        ARP_MICROSOFT_ONLY,
        PeeringType::AzurePrivatePeering,
        DevicePath::Primary,
    );
    let blocking = only(&rs, Severity::Blocking);
    assert_eq!(blocking.len(), 1, "{rs:#?}");
    assert!(blocking[0].title.contains("no ARP entry for your side"));
    assert!(blocking[0].next_check.contains("first address"));
}

#[test]
fn trouble_classic_empty_arp_info_is_microsoft_side_or_no_peering() {
    let rs = readings(
        "ARP Info:\n\t   \n",
        PeeringType::AzurePrivatePeering,
        DevicePath::Primary,
    );
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0].severity, Severity::Blocking);
    assert!(rs[0].meaning.contains("Microsoft's side"));
    assert!(rs[0].next_check.contains("support ticket with Microsoft"));
}

#[test]
fn trouble_arp_even_on_prem_address_is_a_warning() {
    let swapped = ARP_EXPECTED
        .replace("65.0.0.1 ", "SWAP")
        .replace("65.0.0.2 ", "65.0.0.1 ")
        .replace("SWAP", "65.0.0.2 ");
    let rs = readings(&swapped, PeeringType::MicrosoftPeering, DevicePath::Primary);
    assert!(only(&rs, Severity::Warning).iter().any(|r| r
        .title
        .contains("your side's address 65.0.0.2 ends in an even number")));
    assert!(only(&rs, Severity::Warning).iter().any(|r| r
        .title
        .contains("Microsoft's address 65.0.0.1 ends in an odd number")));
}

#[test]
fn spec_2024_05_arp_rest_example_reads_microsoft_entry_only() {
    let p = read(ARP_REST_EXAMPLE);
    assert_eq!(p.format, PasteFormat::Json);
    let Table::Arp(entries) = &p.table else {
        panic!("not ARP")
    };
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].side, Some(ArpSide::Microsoft));
    assert_eq!(entries[0].age, Some(0));
    let rs = read_output(
        &p,
        PeeringType::AzurePrivatePeering,
        DevicePath::Secondary,
        SkuTier::Standard,
    );
    assert!(only(&rs, Severity::Blocking)
        .iter()
        .any(|r| r.title == "Secondary link: no ARP entry for your side (On-Prem)"));
}

#[test]
fn powershell_convertto_json_arp_uses_interface_property() {
    let text = r#"[
  {"Age": 10, "InterfaceProperty": "On-Prem", "IpAddress": "10.0.0.5", "MacAddress": "ffff.eeee.dddd"},
  {"Age": 0, "InterfaceProperty": "Microsoft", "IpAddress": "10.0.0.6", "MacAddress": "aaaa.bbbb.cccc"}
]"#;
    let rs = readings(
        text,
        PeeringType::AzurePrivatePeering,
        DevicePath::Secondary,
    );
    assert_eq!(rs.len(), 1, "{rs:#?}");
    assert_eq!(rs[0].severity, Severity::Fine);
}

// --- Route table summary ----------------------------------------------------------------

#[test]
fn trouble_summary_established_with_hidden_as_reads_as_unknown() {
    let p = read(SUMMARY_CLASSIC);
    let Table::Summary(ns) = &p.table else {
        panic!("not a summary")
    };
    assert_eq!(ns[0].neighbor.as_deref(), Some("10.0.0.1"));
    assert_eq!(ns[0].version, Some(4));
    assert_eq!(ns[0].asn, None, "#### is hidden, not a number");
    assert_eq!(ns[0].state, Some(NeighborState::Established(50)));
    assert_eq!(p.warnings.len(), 1);
    assert_eq!(p.warnings[0].line, 4);
    let rs = read_output(
        &p,
        PeeringType::AzurePrivatePeering,
        DevicePath::Primary,
        SkuTier::Standard,
    );
    assert!(only(&rs, Severity::Fine)
        .iter()
        .any(|r| r.title.contains("established, 50 prefixes received")));
    assert!(only(&rs, Severity::Warning)
        .iter()
        .any(|r| r.title.contains("unknown (line 4)")));
}

#[test]
fn spec_2024_05_summary_example_idle_is_blocking_with_its_state() {
    let rs = readings(
        SUMMARY_JSON_IDLE,
        PeeringType::AzurePrivatePeering,
        DevicePath::Primary,
    );
    let blocking = only(&rs, Severity::Blocking);
    assert_eq!(blocking.len(), 1);
    assert_eq!(
        blocking[0].title,
        "Primary link: BGP neighbor 100.65.171.1 is not established (state Idle)"
    );
    assert!(blocking[0].meaning.contains("never been up"));
    assert!(blocking[0].next_check.contains("VLAN ID"));
    assert!(blocking[0].next_check.contains("MD5"));
}

#[test]
fn trouble_summary_active_state_in_powershell_list_format() {
    let text = "Neighbor    : 10.0.0.5\nV           : 4\nAsProperty  : 65020\nUpDown      : 00:00:12\nStatePfxRcd : Active\n";
    let p = read(text);
    assert_eq!(p.format, PasteFormat::PowerShellList);
    let rs = read_output(
        &p,
        PeeringType::AzurePrivatePeering,
        DevicePath::Secondary,
        SkuTier::Standard,
    );
    assert!(only(&rs, Severity::Blocking)
        .iter()
        .any(|r| r.title.contains("Secondary link") && r.title.contains("state Active")));
}

#[test]
fn trouble_summary_zero_prefixes_is_a_warning_naming_what_to_check() {
    let text = SUMMARY_CLASSIC.replace("50\n", "0\n");
    let rs = readings(&text, PeeringType::AzurePrivatePeering, DevicePath::Primary);
    let w: Vec<_> = only(&rs, Severity::Warning)
        .into_iter()
        .filter(|r| r.title.contains("sends no prefixes"))
        .collect();
    assert_eq!(w.len(), 1);
    assert!(w[0].next_check.contains("advertises"));
    let ms = readings(&text, PeeringType::MicrosoftPeering, DevicePath::Primary);
    assert!(ms.iter().any(|r| r.next_check.contains("route filter")));
}

#[test]
fn routing_limits_more_prefixes_than_the_limit_is_blocking() {
    for (kind, tier) in [
        (PeeringType::AzurePrivatePeering, SkuTier::Standard),
        (PeeringType::AzurePrivatePeering, SkuTier::Premium),
        (PeeringType::MicrosoftPeering, SkuTier::Standard),
    ] {
        let limit = u64::from(route_limit(tier, kind, IpFamily::V4));
        let over = format!(
            "Neighbor V AS UpDown StatePfxRcd\n10.0.0.1 4 65020 1d13h {}\n",
            limit + 1
        );
        let rs = read_output(&read(&over), kind, DevicePath::Primary, tier);
        assert!(
            only(&rs, Severity::Blocking)
                .iter()
                .any(|r| r.title.contains(&format!("more than the limit of {limit}"))),
            "{kind} {tier}: {rs:#?}"
        );
        let at = over.replace(&(limit + 1).to_string(), &limit.to_string());
        let rs = read_output(&read(&at), kind, DevicePath::Primary, tier);
        assert!(only(&rs, Severity::Blocking).is_empty());
    }
}

#[test]
fn trouble_empty_summary_means_no_bgp_neighbor() {
    let rs = readings(
        "Route Table Summary:\n",
        PeeringType::AzurePrivatePeering,
        DevicePath::Secondary,
    );
    assert_eq!(rs[0].severity, Severity::Blocking);
    assert_eq!(rs[0].title, "Secondary link: no BGP neighbor");
    // An empty JSON list cannot say which table it is: it is refused with its line (see
    // bad_json_gives_its_line_and_column), never read as a table it might not be.
}

// --- Route table ------------------------------------------------------------------------

#[test]
fn trouble_route_table_with_blank_locprf_and_hidden_path() {
    let p = read(ROUTES_CLASSIC);
    let Table::Routes(routes) = &p.table else {
        panic!("not routes")
    };
    assert_eq!(routes.len(), 2);
    assert_eq!(routes[0].network.as_deref(), Some("10.1.0.0/16"));
    assert_eq!(routes[0].next_hop.as_deref(), Some("10.0.0.1"));
    assert_eq!(routes[0].loc_prf, None);
    assert_eq!(routes[0].weight, Some(0));
    assert_eq!(routes[0].path, None, "the hidden path is unknown");
    assert_eq!(p.warnings.len(), 2);
    let rs = read_output(
        &p,
        PeeringType::AzurePrivatePeering,
        DevicePath::Primary,
        SkuTier::Standard,
    );
    assert!(rs.iter().any(|r| r.severity == Severity::Fine
        && r.title == "Primary link: 2 route(s) in Microsoft's table"));
}

#[test]
fn route_table_with_locprf_and_numeric_path() {
    let text = "Network      NextHop  LocPrf Weight Path\n-------      -------  ------ ------ ----\n10.10.0.0/16 10.0.0.1 100    0      65100\n";
    let Table::Routes(routes) = read(text).table else {
        panic!("not routes")
    };
    assert_eq!(routes[0].loc_prf.as_deref(), Some("100"));
    assert_eq!(routes[0].weight, Some(0));
    assert_eq!(routes[0].path.as_deref(), Some("65100"));
}

#[test]
fn spec_2024_05_route_table_example_invents_nothing() {
    let p = read(ROUTES_REST_BODY);
    let Table::Routes(routes) = &p.table else {
        panic!("not routes")
    };
    assert_eq!(routes[0].network, None);
    assert_eq!(routes[0].next_hop, None);
    assert_eq!(routes[0].weight, Some(0));
}

#[test]
fn trouble_classic_empty_route_table_is_a_warning() {
    let rs = readings(
        "Route Table Info:\n",
        PeeringType::AzurePrivatePeering,
        DevicePath::Primary,
    );
    assert_eq!(rs[0].severity, Severity::Warning);
    assert!(rs[0].title.contains("route table is empty"));
}

// --- Which peering and link -------------------------------------------------------------

#[test]
fn the_pasted_command_names_the_peering_and_link() {
    let text = format!(
        "PS C:\\> Get-AzExpressRouteCircuitARPTable -ResourceGroupName $RG -ExpressRouteCircuitName $Name -PeeringType MicrosoftPeering -DevicePath Secondary\n\n{ARP_INCOMPLETE}"
    );
    let p = read(&text);
    assert_eq!(p.peering, Some(PeeringType::MicrosoftPeering));
    assert_eq!(p.path, Some(DevicePath::Secondary));
    let rs = read_output(
        &p,
        PeeringType::AzurePrivatePeering,
        DevicePath::Primary,
        SkuTier::Standard,
    );
    assert!(rs.iter().all(
        |r| r.peering == PeeringType::MicrosoftPeering && r.path == Some(DevicePath::Secondary)
    ));

    let cli = format!("az network express-route list-route-tables-summary -g rg -n c --peering-name AzurePrivatePeering --path primary\n{SUMMARY_JSON_IDLE}");
    let p = read(&cli);
    assert_eq!(p.format, PasteFormat::Json);
    assert_eq!(p.peering, Some(PeeringType::AzurePrivatePeering));
    assert_eq!(p.path, Some(DevicePath::Primary));
}

// --- Both links --------------------------------------------------------------------------

#[test]
fn trouble_one_link_up_and_the_other_down_is_no_redundancy() {
    let up = read(SUMMARY_CLASSIC);
    let down = read(SUMMARY_JSON_IDLE);
    let rs = read_links(&[
        (PeeringType::AzurePrivatePeering, DevicePath::Primary, &up),
        (
            PeeringType::AzurePrivatePeering,
            DevicePath::Secondary,
            &down,
        ),
    ]);
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0].severity, Severity::Warning);
    assert_eq!(rs[0].path, None);
    assert!(rs[0]
        .title
        .contains("only the Primary link is up; the Secondary link is down"));
    assert!(rs[0].next_check.contains("Fix the Secondary link"));
    // Both up, or one link unknown: nothing to say.
    assert!(read_links(&[
        (PeeringType::AzurePrivatePeering, DevicePath::Primary, &up),
        (PeeringType::AzurePrivatePeering, DevicePath::Secondary, &up),
    ])
    .is_empty());
    assert!(read_links(&[(PeeringType::AzurePrivatePeering, DevicePath::Primary, &up)]).is_empty());
    // Layer 2 down on one link, BGP up on the other.
    let l2 = read(ARP_INCOMPLETE);
    let rs = read_links(&[
        (PeeringType::MicrosoftPeering, DevicePath::Primary, &l2),
        (PeeringType::MicrosoftPeering, DevicePath::Secondary, &up),
    ]);
    assert!(rs[0].title.contains("the Primary link is down"));
}

// --- Hidden values and errors -----------------------------------------------------------

#[test]
fn hidden_values_read_as_unknown_with_a_warning() {
    for hidden in ["****", "xxx", "<redacted>"] {
        let text = format!("Age InterfaceProperty IpAddress MacAddress\n10 On-Prem 10.0.0.1 {hidden}\n0 Microsoft 10.0.0.2 aaaa.bbbb.cccc\n");
        let p = read(&text);
        let Table::Arp(entries) = &p.table else {
            panic!("not ARP")
        };
        assert_eq!(entries[0].mac, None, "{hidden}");
        assert_eq!(p.warnings.len(), 1, "{hidden}");
        assert_eq!(p.warnings[0].line, 2);
        assert!(p.warnings[0].message.contains(hidden));
        // Nothing invented: no "both sides answer" when your side's MAC is unknown.
        let rs = read_output(
            &p,
            PeeringType::AzurePrivatePeering,
            DevicePath::Primary,
            SkuTier::Standard,
        );
        assert!(only(&rs, Severity::Fine).is_empty(), "{hidden}: {rs:#?}");
    }
}

#[test]
fn garbage_gives_a_located_error() {
    let e = read_paste("hello\nthis is not output\n").unwrap_err();
    assert_eq!((e.line, e.column), (1, 1));
    let e = read_paste("\n\n   nonsense here\n").unwrap_err();
    assert_eq!((e.line, e.column), (3, 4));
    let e = read_paste("").unwrap_err();
    assert_eq!(e.line, 1);
}

#[test]
fn bad_json_gives_its_line_and_column() {
    let e = read_paste("{\n  \"value\": [\n    {\"age\": 0,, }\n  ]\n}").unwrap_err();
    assert_eq!(e.line, 3);
    assert!(e.column > 1);
    let e = read_paste(r#"{"value": []}"#).unwrap_err();
    assert!(e.message.contains("no entry"));
    let e = read_paste(r#"{"name": "x"}"#).unwrap_err();
    assert_eq!(e.line, 1);
}

#[test]
fn a_bad_value_is_located_on_its_line_and_column() {
    let e = read_paste("Age InterfaceProperty IpAddress MacAddress\n10 On-Prem 10.0.0.1 aaaa.bbbb.cccc\nten Microsoft 10.0.0.2 aaaa.bbbb.cccc\n").unwrap_err();
    assert_eq!((e.line, e.column), (3, 1));
    let e = read_paste(
        "Age InterfaceProperty IpAddress MacAddress\n10 Elsewhere 10.0.0.1 aaaa.bbbb.cccc\n",
    )
    .unwrap_err();
    assert_eq!((e.line, e.column), (2, 4));
    let e = read_paste("Neighbor V AS UpDown StatePfxRcd\n10.0.0.1 4\n").unwrap_err();
    assert_eq!(e.line, 2);
}

// --- Commands ---------------------------------------------------------------------------

#[test]
fn trouble_commands_for_a_peering_and_link() {
    let c = with_private_peering(&provisioned(&new_circuit()));
    let cmds = verify_commands(&c, PeeringType::AzurePrivatePeering, DevicePath::Secondary);
    assert_eq!(cmds.len(), 3);
    let ps: Vec<&str> = cmds.iter().map(|p| p.powershell.as_str()).collect();
    let cli: Vec<&str> = cmds.iter().map(|p| p.cli.as_str()).collect();
    for (i, (cmdlet, az)) in [
        (
            "Get-AzExpressRouteCircuitARPTable ",
            "az network express-route list-arp-tables ",
        ),
        (
            "Get-AzExpressRouteCircuitRouteTableSummary ",
            "az network express-route list-route-tables-summary ",
        ),
        (
            "Get-AzExpressRouteCircuitRouteTable ",
            "az network express-route list-route-tables ",
        ),
    ]
    .iter()
    .enumerate()
    {
        assert!(ps[i].starts_with(cmdlet), "{}", ps[i]);
        assert!(ps[i].ends_with("-PeeringType AzurePrivatePeering -DevicePath Secondary"));
        assert!(ps[i].contains(&format!("-ExpressRouteCircuitName '{}'", c.name)));
        assert!(cli[i].starts_with(az), "{}", cli[i]);
        assert!(cli[i].ends_with("--peering-name AzurePrivatePeering --path secondary"));
    }
    assert_eq!(cmds[0].source, "[TROUBLE-ARP]");
    assert_eq!(cmds[1].source, "[TROUBLE]");
}

#[test]
fn commands_quote_hostile_names() {
    let mut c = new_circuit();
    c.name = "it's $(rm -rf /)".into();
    let cmds = verify_commands(&c, PeeringType::MicrosoftPeering, DevicePath::Primary);
    assert!(cmds[0].powershell.contains("'it''s $(rm -rf /)'"));
    assert!(cmds[0].cli.contains("'it'\\''s $(rm -rf /)'"));
}

// --- Fuzzed like the importer ------------------------------------------------------------

const SEEDS: &[&str] = &[
    ARP_EXPECTED,
    ARP_INCOMPLETE,
    SUMMARY_CLASSIC,
    SUMMARY_JSON_IDLE,
    ROUTES_CLASSIC,
    ARP_REST_EXAMPLE,
    ROUTES_REST_BODY,
    "Neighbor    : 10.0.0.5\nV           : 4\nAsProperty  : 65020\nUpDown      : 1d13h\nStatePfxRcd : 3\n",
];

fn mutate(seed: &str, edits: &[(usize, u8, char)]) -> String {
    let mut chars: Vec<char> = seed.chars().collect();
    for &(at, op, c) in edits {
        if chars.is_empty() {
            chars.push(c);
            continue;
        }
        let i = at % chars.len();
        match op % 4 {
            0 => chars[i] = c,
            1 => chars.insert(i, c),
            2 => {
                chars.remove(i);
            }
            _ => chars.truncate(i),
        }
    }
    chars.into_iter().collect()
}

fn check(text: &str) {
    if let Ok(p) = read_paste(text) {
        for kind in PeeringType::ALL {
            for path in DevicePath::ALL {
                for r in read_output(&p, *kind, path, SkuTier::Premium) {
                    assert!(!r.title.is_empty() && !r.next_check.is_empty());
                }
            }
        }
        let _ = read_links(&[(PeeringType::AzurePrivatePeering, DevicePath::Primary, &p)]);
    } else if let Err(e) = read_paste(text) {
        assert!(e.line >= 1 && e.column >= 1);
        assert!(e.line <= text.lines().count().max(1) + 1, "{e} in {text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

    #[test]
    fn mutated_documented_outputs_never_panic(
        seed in 0usize..8,
        edits in proptest::collection::vec(
            (any::<usize>(), any::<u8>(), prop_oneof![
                Just(' '), Just('\n'), Just('{'), Just('"'), Just(':'), Just('#'), Just('*'),
                Just('0'), Just('-'), Just('é'), Just('\u{1F600}'), any::<char>()
            ]),
            1..12,
        ),
    ) {
        check(&mutate(SEEDS[seed], &edits));
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        check(&text);
    }
}
