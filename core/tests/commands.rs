//! Commands: exact text of every generator, and quoting for both shells.
//! Expected texts follow domain.md §3 ([PS-CIRCUIT], [CLI-CIRCUIT], [PS-ROUTING],
//! [CLI-ROUTING], [PS-LINK], [CLI-LINK], [RESET]).

use er_core::commands::{self, ps_quote, sh_quote, CommandPair, Shell};
use er_core::{
    Authorization, AuthorizationUseStatus, Circuit, CircuitProvisioningState, PeeringConfig,
    PeeringInput, PeeringState, PeeringType, Port, ProvisioningState, RoutingModel,
    ServiceProviderProvisioningState, Sku, SkuFamily, SkuTier, VnetLink,
};

/// The SC-01 circuit: Equinix, Silicon Valley, 200 Mbps, Standard_MeteredData, West US.
fn sc01() -> Circuit {
    Circuit {
        name: "ExpressRouteARMCircuit".into(),
        resource_group: "ExpressRouteResourceGroup".into(),
        region: "West US".into(),
        subscription_id: String::new(),
        port: Port::Provider {
            service_provider_name: "Equinix".into(),
            peering_location: "Silicon Valley".into(),
            bandwidth_in_mbps: 200,
            routing_model: RoutingModel::Layer2,
        },
        sku: Sku {
            tier: SkuTier::Standard,
            family: SkuFamily::MeteredData,
        },
        service_key: "a1410692-0000-4ceb-b94a-b90b94d398d1".into(),
        service_provider_provisioning_state: ServiceProviderProvisioningState::NotProvisioned,
        circuit_provisioning_state: CircuitProvisioningState::Enabled,
        provisioning_state: ProvisioningState::Succeeded,
        allow_classic_operations: false,
        peerings: Vec::new(),
        authorizations: Vec::new(),
        vnet_links: Vec::new(),
        route_filter: None,
    }
}

/// A link to `vnet` in West US; `authorization` names the one it was made with, if any.
fn vnet_link(name: &str, vnet: &str, space: &str, authorization: Option<&str>) -> VnetLink {
    VnetLink {
        name: name.into(),
        vnet_name: vnet.into(),
        vnet_region: "West US".into(),
        address_spaces: vec![space.parse().expect("cidr")],
        authorization: authorization.map(str::to_string),
    }
}

/// The SC-01 circuit with a link in its own subscription, named `same`, and one from another
/// subscription, "other-sub", made with authorization "auth-1".
fn with_two_links(same: &str) -> Circuit {
    let mut c = sc01();
    c.vnet_links = vec![
        vnet_link(same, "vnet-a", "10.1.0.0/16", None),
        vnet_link("other-sub", "vnet-b", "10.2.0.0/16", Some("auth-1")),
    ];
    c
}

fn named(name: &str, rg: &str) -> Circuit {
    Circuit {
        name: name.into(),
        resource_group: rg.into(),
        ..sc01()
    }
}

fn config(kind: PeeringType, input: PeeringInput) -> PeeringConfig {
    PeeringConfig::parse(kind, &input)
        .expect("valid peering")
        .config
}

/// [PS-ROUTING] private peering example values.
fn private_cfg() -> PeeringConfig {
    config(
        PeeringType::AzurePrivatePeering,
        PeeringInput {
            peer_asn: "100".into(),
            primary_subnet: "10.0.0.0/30".into(),
            secondary_subnet: "10.0.0.4/30".into(),
            vlan_id: "200".into(),
            ..PeeringInput::default()
        },
    )
}

/// [PS-ROUTING] Microsoft peering example values.
fn microsoft_cfg() -> PeeringConfig {
    config(
        PeeringType::MicrosoftPeering,
        PeeringInput {
            peer_asn: "100".into(),
            primary_subnet: "123.0.0.0/30".into(),
            secondary_subnet: "123.0.0.4/30".into(),
            vlan_id: "300".into(),
            advertised_public_prefixes: "123.1.0.0/24".into(),
            customer_asn: "23".into(),
            routing_registry_name: "ARIN".into(),
            ..PeeringInput::default()
        },
    )
}

const GET: &str =
    "$ckt = Get-AzExpressRouteCircuit -Name 'ExpressRouteARMCircuit' -ResourceGroupName 'ExpressRouteResourceGroup'";
const SET: &str = "Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt";
const CHILD: &str =
    "--resource-group ExpressRouteResourceGroup --circuit-name ExpressRouteARMCircuit";

// ---------------------------------------------------------------------------------------
// Quoting

#[test]
fn ps_quote_doubles_single_quotes_and_leaves_the_rest_literal() {
    assert_eq!(ps_quote("West US"), "'West US'");
    assert_eq!(ps_quote("O'Brien"), "'O''Brien'");
    assert_eq!(ps_quote("a\"b"), "'a\"b'");
    assert_eq!(ps_quote("$env:PATH"), "'$env:PATH'");
    assert_eq!(ps_quote("a`b"), "'a`b'");
    assert_eq!(ps_quote("a;b"), "'a;b'");
    assert_eq!(ps_quote(""), "''");
    // PowerShell also ends single-quoted strings at typographic single quotes.
    assert_eq!(ps_quote("it\u{2019}s"), "'it\u{2019}\u{2019}s'");
}

#[test]
fn sh_quote_leaves_safe_tokens_bare_and_single_quotes_the_rest() {
    assert_eq!(sh_quote("200"), "200");
    assert_eq!(sh_quote("Standard"), "Standard");
    assert_eq!(sh_quote("10.0.0.0/30"), "10.0.0.0/30");
    assert_eq!(sh_quote("3FFE:FFFF:0:CD30::/126"), "3FFE:FFFF:0:CD30::/126");
    assert_eq!(sh_quote("West US"), "'West US'");
    assert_eq!(sh_quote("O'Brien"), "'O'\\''Brien'");
    assert_eq!(sh_quote("a\"b"), "'a\"b'");
    assert_eq!(sh_quote("$HOME"), "'$HOME'");
    assert_eq!(sh_quote("a`b`"), "'a`b`'");
    assert_eq!(sh_quote("a;rm -rf /"), "'a;rm -rf /'");
    assert_eq!(sh_quote("~"), "'~'");
    assert_eq!(sh_quote(""), "''");
}

/// Undoes POSIX shell quoting of one word (single quotes, and `\'` between them).
fn sh_unquote(word: &str) -> String {
    let mut out = String::new();
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                for d in chars.by_ref() {
                    if d == '\'' {
                        break;
                    }
                    out.push(d);
                }
            }
            '\\' => out.extend(chars.next()),
            _ => out.push(c),
        }
    }
    out
}

/// Undoes PowerShell single quoting.
fn ps_unquote(word: &str) -> String {
    let inner = &word[1..word.len() - 1];
    let mut out = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '\'' || c == '\u{2019}' {
            chars.next();
        }
    }
    out
}

#[test]
fn quoting_round_trips_awkward_names() {
    for s in [
        "My Circuit",
        "O'Brien's \"circuit\"",
        "$(rm -rf /)",
        "`whoami`",
        "a;b|c&d",
        "tab\tand\nnewline",
        "''",
        "\\",
        "ünïcödé",
    ] {
        assert_eq!(sh_unquote(&sh_quote(s)), s, "sh {s:?}");
        assert_eq!(ps_unquote(&ps_quote(s)), s, "ps {s:?}");
        // Quoted shell words never leave a quote open.
        assert_eq!(sh_quote(s).matches('\'').count() % 2, 0, "{s:?}");
    }
}

#[test]
fn awkward_names_are_quoted_in_every_command() {
    let c = named("O'Brien $HOME `x`; y", "rg \"one\"");
    let pair = commands::create_circuit(&c);
    assert!(pair.powershell.starts_with(
        "New-AzExpressRouteCircuit -Name 'O''Brien $HOME `x`; y' -ResourceGroupName 'rg \"one\"' "
    ));
    assert!(pair
        .cli
        .starts_with("az network express-route create --name 'O'\\''Brien $HOME `x`; y' --resource-group 'rg \"one\"' "));
    let del = commands::delete_circuit(&c);
    assert_eq!(
        del.cli,
        "az network express-route delete --name 'O'\\''Brien $HOME `x`; y' --resource-group 'rg \"one\"'"
    );
    assert_eq!(
        del.powershell,
        "Remove-AzExpressRouteCircuit -ResourceGroupName 'rg \"one\"' -Name 'O''Brien $HOME `x`; y'"
    );
}

// ---------------------------------------------------------------------------------------
// Step 1

#[test]
fn list_providers_ps_circuit_cli_circuit() {
    let p = commands::list_providers();
    assert_eq!(p.powershell, "Get-AzExpressRouteServiceProvider");
    assert_eq!(p.cli, "az network express-route list-service-providers");
    assert!(p.source.contains("[PS-CIRCUIT]"));
}

#[test]
fn create_circuit_sc01_ps_circuit() {
    let p = commands::create_circuit(&sc01());
    assert_eq!(
        p.powershell,
        "New-AzExpressRouteCircuit -Name 'ExpressRouteARMCircuit' -ResourceGroupName 'ExpressRouteResourceGroup' -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ServiceProviderName 'Equinix' -PeeringLocation 'Silicon Valley' -BandwidthInMbps 200"
    );
    assert_eq!(
        p.cli,
        "az network express-route create --name ExpressRouteARMCircuit --resource-group ExpressRouteResourceGroup --location 'West US' --provider Equinix --peering-location 'Silicon Valley' --bandwidth 200 --sku-tier Standard --sku-family MeteredData"
    );
    assert!(p.source.contains("[PS-CIRCUIT]") && p.source.contains("[CLI-CIRCUIT]"));
}

#[test]
fn create_circuit_with_classic_operations() {
    let c = Circuit {
        allow_classic_operations: true,
        ..sc01()
    };
    let p = commands::create_circuit(&c);
    assert!(p
        .powershell
        .ends_with("-BandwidthInMbps 200 -AllowClassicOperations $true"));
    assert!(p
        .cli
        .ends_with("--sku-family MeteredData --allow-classic-operations true"));
}

#[test]
fn create_circuit_on_direct_port() {
    let c = Circuit {
        name: "Contoso-Direct-ckt".into(),
        resource_group: "Contoso-Direct-rg".into(),
        port: Port::Direct {
            express_route_port: "Contoso-Direct".into(),
            bandwidth_in_gbps: 10,
            peering_location: String::new(),
            port_bandwidth_gbps: None,
        },
        ..sc01()
    };
    let p = commands::create_circuit(&c);
    assert_eq!(
        p.powershell,
        "$port = Get-AzExpressRoutePort -Name 'Contoso-Direct' -ResourceGroupName 'Contoso-Direct-rg'\nNew-AzExpressRouteCircuit -Name 'Contoso-Direct-ckt' -ResourceGroupName 'Contoso-Direct-rg' -Location 'West US' -SkuTier Standard -SkuFamily MeteredData -ExpressRoutePort $port -BandwidthInGbps 10"
    );
    assert_eq!(
        p.cli,
        "az network express-route create --name Contoso-Direct-ckt --resource-group Contoso-Direct-rg --location 'West US' --express-route-port Contoso-Direct --bandwidth 10 Gbps --sku-tier Standard --sku-family MeteredData"
    );
    // A port given as a resource ID is looked up by ID.
    let by_id = Circuit {
        port: Port::Direct {
            express_route_port:
                "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/expressRoutePorts/p"
                    .into(),
            bandwidth_in_gbps: 100,
            peering_location: String::new(),
            port_bandwidth_gbps: None,
        },
        ..c
    };
    assert!(commands::create_circuit(&by_id)
        .powershell
        .starts_with("$port = Get-AzExpressRoutePort -ResourceId '/subscriptions/s/"));
}

#[test]
fn select_subscription_only_when_known() {
    assert!(commands::select_subscription(&sc01()).is_none());
    let c = Circuit {
        subscription_id: "81ab786c-56eb-4a4d-bb5f-f60329772466".into(),
        ..sc01()
    };
    let p = commands::select_subscription(&c).expect("known subscription");
    assert_eq!(
        p.powershell,
        "Set-AzContext -Subscription '81ab786c-56eb-4a4d-bb5f-f60329772466'"
    );
    assert_eq!(
        p.cli,
        "az account set --subscription 81ab786c-56eb-4a4d-bb5f-f60329772466"
    );
}

// ---------------------------------------------------------------------------------------
// Steps 2 and 3

#[test]
fn show_circuit_service_key_and_states_ps_circuit() {
    let c = sc01();
    let show = commands::show_circuit(&c);
    assert_eq!(
        show.powershell,
        "Get-AzExpressRouteCircuit -Name 'ExpressRouteARMCircuit' -ResourceGroupName 'ExpressRouteResourceGroup'"
    );
    assert_eq!(
        show.cli,
        "az network express-route show --name ExpressRouteARMCircuit --resource-group ExpressRouteResourceGroup"
    );
    let key = commands::service_key(&c);
    assert_eq!(
        key.powershell,
        "(Get-AzExpressRouteCircuit -Name 'ExpressRouteARMCircuit' -ResourceGroupName 'ExpressRouteResourceGroup').ServiceKey"
    );
    assert_eq!(
        key.cli,
        "az network express-route show --name ExpressRouteARMCircuit --resource-group ExpressRouteResourceGroup --query serviceKey --output tsv"
    );
    let states = commands::check_states(&c);
    assert_eq!(
        states.powershell,
        "Get-AzExpressRouteCircuit -Name 'ExpressRouteARMCircuit' -ResourceGroupName 'ExpressRouteResourceGroup' | Select-Object Name, ServiceProviderProvisioningState, CircuitProvisioningState, ProvisioningState"
    );
    assert_eq!(
        states.cli,
        "az network express-route show --name ExpressRouteARMCircuit --resource-group ExpressRouteResourceGroup --query '{provider:serviceProviderProvisioningState, status:circuitProvisioningState, provisioning:provisioningState}'"
    );
}

// ---------------------------------------------------------------------------------------
// Step 4: peerings

#[test]
fn private_peering_ps_routing_cli_routing() {
    let p = commands::private_peering(&sc01(), &private_cfg());
    assert_eq!(
        p.powershell,
        format!("{GET}\nAdd-AzExpressRouteCircuitPeeringConfig -Name 'AzurePrivatePeering' -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 100 -PrimaryPeerAddressPrefix '10.0.0.0/30' -SecondaryPeerAddressPrefix '10.0.0.4/30' -VlanId 200\n{SET}")
    );
    assert_eq!(
        p.cli,
        format!("az network express-route peering create {CHILD} --peering-type AzurePrivatePeering --peer-asn 100 --primary-peer-subnet 10.0.0.0/30 --secondary-peer-subnet 10.0.0.4/30 --vlan-id 200")
    );
}

#[test]
fn private_peering_with_shared_key_and_ipv6() {
    let cfg = config(
        PeeringType::AzurePrivatePeering,
        PeeringInput {
            peer_asn: "65020".into(),
            primary_subnet: "192.168.17.16/30".into(),
            secondary_subnet: "192.168.17.20/30".into(),
            ipv6_primary: "3FFE:FFFF:0:CD30::/126".into(),
            ipv6_secondary: "3FFE:FFFF:0:CD30::4/126".into(),
            vlan_id: "100".into(),
            shared_key: "A1B2C3D4".into(),
            ..PeeringInput::default()
        },
    );
    let p = commands::private_peering(&sc01(), &cfg);
    assert_eq!(
        p.powershell,
        format!("{GET}\nAdd-AzExpressRouteCircuitPeeringConfig -Name 'AzurePrivatePeering' -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 65020 -PeerAddressType IPv4 -PrimaryPeerAddressPrefix '192.168.17.16/30' -SecondaryPeerAddressPrefix '192.168.17.20/30' -VlanId 100 -SharedKey 'A1B2C3D4'\nSet-AzExpressRouteCircuitPeeringConfig -Name 'AzurePrivatePeering' -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 65020 -PeerAddressType IPv6 -PrimaryPeerAddressPrefix '3ffe:ffff:0:cd30::/126' -SecondaryPeerAddressPrefix '3ffe:ffff:0:cd30::4/126' -VlanId 100 -SharedKey 'A1B2C3D4'\n{SET}")
    );
    assert_eq!(
        p.cli,
        format!("az network express-route peering create {CHILD} --peering-type AzurePrivatePeering --peer-asn 65020 --ip-version IPv4 --primary-peer-subnet 192.168.17.16/30 --secondary-peer-subnet 192.168.17.20/30 --vlan-id 100 --shared-key A1B2C3D4\naz network express-route peering update {CHILD} --name AzurePrivatePeering --ip-version IPv6 --primary-peer-subnet 3ffe:ffff:0:cd30::/126 --secondary-peer-subnet 3ffe:ffff:0:cd30::4/126")
    );
}

#[test]
fn private_peering_ipv6_only_uses_peer_address_type_ipv6() {
    let cfg = config(
        PeeringType::AzurePrivatePeering,
        PeeringInput {
            peer_asn: "100".into(),
            ipv6_primary: "3FFE:FFFF:0:CD30::/126".into(),
            ipv6_secondary: "3FFE:FFFF:0:CD30::4/126".into(),
            vlan_id: "200".into(),
            ..PeeringInput::default()
        },
    );
    let p = commands::private_peering(&sc01(), &cfg);
    assert_eq!(
        p.powershell,
        format!("{GET}\nAdd-AzExpressRouteCircuitPeeringConfig -Name 'AzurePrivatePeering' -ExpressRouteCircuit $ckt -PeeringType AzurePrivatePeering -PeerASN 100 -PeerAddressType IPv6 -PrimaryPeerAddressPrefix '3ffe:ffff:0:cd30::/126' -SecondaryPeerAddressPrefix '3ffe:ffff:0:cd30::4/126' -VlanId 200\n{SET}")
    );
    assert_eq!(
        p.cli,
        format!("az network express-route peering create {CHILD} --peering-type AzurePrivatePeering --peer-asn 100 --ip-version IPv6 --primary-peer-subnet 3ffe:ffff:0:cd30::/126 --secondary-peer-subnet 3ffe:ffff:0:cd30::4/126 --vlan-id 200")
    );
}

#[test]
fn microsoft_peering_ps_routing_cli_routing() {
    let p = commands::microsoft_peering(&sc01(), &microsoft_cfg());
    assert_eq!(
        p.powershell,
        format!("{GET}\nAdd-AzExpressRouteCircuitPeeringConfig -Name 'MicrosoftPeering' -ExpressRouteCircuit $ckt -PeeringType MicrosoftPeering -PeerASN 100 -PeerAddressType IPv4 -PrimaryPeerAddressPrefix '123.0.0.0/30' -SecondaryPeerAddressPrefix '123.0.0.4/30' -VlanId 300 -MicrosoftConfigAdvertisedPublicPrefixes '123.1.0.0/24' -MicrosoftConfigCustomerAsn 23 -MicrosoftConfigRoutingRegistryName 'ARIN'\n{SET}")
    );
    assert_eq!(
        p.cli,
        format!("az network express-route peering create {CHILD} --peering-type MicrosoftPeering --peer-asn 100 --primary-peer-subnet 123.0.0.0/30 --secondary-peer-subnet 123.0.0.4/30 --vlan-id 300 --advertised-public-prefixes 123.1.0.0/24 --customer-asn 23 --routing-registry-name ARIN")
    );
}

#[test]
fn microsoft_peering_dual_stack_puts_each_prefix_on_its_session() {
    let cfg = config(
        PeeringType::MicrosoftPeering,
        PeeringInput {
            peer_asn: "100".into(),
            primary_subnet: "123.0.0.0/30".into(),
            secondary_subnet: "123.0.0.4/30".into(),
            ipv6_primary: "2002:db00::/126".into(),
            ipv6_secondary: "2003:db00::/126".into(),
            vlan_id: "300".into(),
            advertised_public_prefixes: "123.1.0.0/24, 123.2.0.0/24 2002:db01::/48".into(),
            routing_registry_name: "RIPENCC".into(),
            shared_key: "abc123".into(),
            ..PeeringInput::default()
        },
    );
    let p = commands::microsoft_peering(&sc01(), &cfg);
    assert_eq!(
        p.powershell,
        format!("{GET}\nAdd-AzExpressRouteCircuitPeeringConfig -Name 'MicrosoftPeering' -ExpressRouteCircuit $ckt -PeeringType MicrosoftPeering -PeerASN 100 -PeerAddressType IPv4 -PrimaryPeerAddressPrefix '123.0.0.0/30' -SecondaryPeerAddressPrefix '123.0.0.4/30' -VlanId 300 -MicrosoftConfigAdvertisedPublicPrefixes '123.1.0.0/24','123.2.0.0/24' -MicrosoftConfigRoutingRegistryName 'RIPENCC' -SharedKey 'abc123'\nSet-AzExpressRouteCircuitPeeringConfig -Name 'MicrosoftPeering' -ExpressRouteCircuit $ckt -PeeringType MicrosoftPeering -PeerASN 100 -PeerAddressType IPv6 -PrimaryPeerAddressPrefix '2002:db00::/126' -SecondaryPeerAddressPrefix '2003:db00::/126' -VlanId 300 -MicrosoftConfigAdvertisedPublicPrefixes '2002:db01::/48' -MicrosoftConfigRoutingRegistryName 'RIPENCC' -SharedKey 'abc123'\n{SET}")
    );
    assert_eq!(
        p.cli,
        format!("az network express-route peering create {CHILD} --peering-type MicrosoftPeering --peer-asn 100 --ip-version IPv4 --primary-peer-subnet 123.0.0.0/30 --secondary-peer-subnet 123.0.0.4/30 --vlan-id 300 --shared-key abc123 --advertised-public-prefixes 123.1.0.0/24 123.2.0.0/24 --routing-registry-name RIPENCC\naz network express-route peering update {CHILD} --name MicrosoftPeering --ip-version IPv6 --primary-peer-subnet 2002:db00::/126 --secondary-peer-subnet 2003:db00::/126 --advertised-public-prefixes 2002:db01::/48 --routing-registry-name RIPENCC")
    );
}

#[test]
fn peering_template_quotes_placeholders() {
    let p = commands::peering_template(&sc01(), PeeringType::AzurePrivatePeering);
    assert!(p.title.contains("placeholders"));
    assert!(p
        .powershell
        .contains("-PeerASN '<your-ASN>' -PrimaryPeerAddressPrefix '<primary-/30>'"));
    assert!(p
        .cli
        .contains("--peer-asn '<your-ASN>' --primary-peer-subnet '<primary-/30>'"));
}

#[test]
fn show_and_remove_peering_ps_routing() {
    let c = sc01();
    let show = commands::show_peering(&c, PeeringType::MicrosoftPeering);
    assert_eq!(
        show.powershell,
        format!("{GET}\nGet-AzExpressRouteCircuitPeeringConfig -Name 'MicrosoftPeering' -ExpressRouteCircuit $ckt")
    );
    assert_eq!(
        show.cli,
        format!("az network express-route peering show {CHILD} --name MicrosoftPeering")
    );
    let rm = commands::remove_peering(&c, PeeringType::AzurePrivatePeering);
    assert_eq!(
        rm.powershell,
        format!("{GET}\nRemove-AzExpressRouteCircuitPeeringConfig -Name 'AzurePrivatePeering' -ExpressRouteCircuit $ckt\n{SET}")
    );
    assert_eq!(
        rm.cli,
        format!("az network express-route peering delete {CHILD} --name AzurePrivatePeering")
    );
}

#[test]
fn set_peering_state_finds_the_peering_by_name_reset() {
    let p = commands::set_peering_state(
        &sc01(),
        PeeringType::AzurePrivatePeering,
        PeeringState::Disabled,
    );
    assert_eq!(
        p.powershell,
        format!("{GET}\n($ckt.Peerings | Where-Object Name -eq 'AzurePrivatePeering').State = 'Disabled'\n{SET}")
    );
    assert_eq!(
        p.cli,
        format!("az network express-route peering update {CHILD} --name AzurePrivatePeering --set state=Disabled")
    );
    assert!(
        p.title.contains("generic --set"),
        "the title says the CLI line is not a documented flag"
    );
    assert_eq!(p.source, "[RESET]");
}

// ---------------------------------------------------------------------------------------
// Step 5: authorizations and links

#[test]
fn authorizations_ps_link_cli_link() {
    let c = sc01();
    let add = commands::add_authorization(&c, "MyAuthorization1");
    assert_eq!(
        add.powershell,
        format!("{GET}\nAdd-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $ckt -Name 'MyAuthorization1'\n{SET}\n{GET}\nGet-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $ckt -Name 'MyAuthorization1'")
    );
    assert_eq!(
        add.cli,
        format!("az network express-route auth create {CHILD} --name MyAuthorization1")
    );
    let rm = commands::remove_authorization(&c, "MyAuthorization1");
    assert_eq!(
        rm.powershell,
        format!("{GET}\nRemove-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $ckt -Name 'MyAuthorization1'\n{SET}")
    );
    assert_eq!(
        rm.cli,
        format!("az network express-route auth delete {CHILD} --name MyAuthorization1")
    );
    let list = commands::list_authorizations(&c);
    assert_eq!(
        list.cli,
        format!("az network express-route auth list {CHILD}")
    );
}

#[test]
fn link_vnet_same_subscription_ps_link_cli_link() {
    let p = commands::link_vnet_same_subscription(
        &sc01(),
        "ERConnection",
        "VNet1GW",
        "ExpressRouteResourceGroup",
        "East US",
    );
    assert_eq!(
        p.powershell,
        "$circuit = Get-AzExpressRouteCircuit -Name 'ExpressRouteARMCircuit' -ResourceGroupName 'ExpressRouteResourceGroup'\n$gw = Get-AzVirtualNetworkGateway -Name 'VNet1GW' -ResourceGroupName 'ExpressRouteResourceGroup'\nNew-AzVirtualNetworkGatewayConnection -Name 'ERConnection' -ResourceGroupName 'ExpressRouteResourceGroup' -Location 'East US' -VirtualNetworkGateway1 $gw -PeerId $circuit.Id -ConnectionType ExpressRoute"
    );
    assert_eq!(
        p.cli,
        "az network vpn-connection create --name ERConnection --resource-group ExpressRouteResourceGroup --location 'East US' --vnet-gateway1 VNet1GW --express-route-circuit2 ExpressRouteARMCircuit"
    );
    // Gateway in another resource group: the CLI needs the circuit's full ID.
    let other = commands::link_vnet_same_subscription(
        &sc01(),
        "ERConnection",
        "VNet1GW",
        "MyRG",
        "East US",
    );
    assert!(other.cli.ends_with("--express-route-circuit2 '/subscriptions/<subscription-id>/resourceGroups/ExpressRouteResourceGroup/providers/Microsoft.Network/expressRouteCircuits/ExpressRouteARMCircuit'"));
}

#[test]
fn link_vnet_with_authorization_uses_full_id_ps_link() {
    let c = Circuit {
        subscription_id: "81ab786c-56eb-4a4d-bb5f-f60329772466".into(),
        ..sc01()
    };
    let id = "/subscriptions/81ab786c-56eb-4a4d-bb5f-f60329772466/resourceGroups/ExpressRouteResourceGroup/providers/Microsoft.Network/expressRouteCircuits/ExpressRouteARMCircuit";
    assert_eq!(commands::circuit_resource_id(&c), id);
    let p = commands::link_vnet_with_authorization(
        &c,
        "ERConnection",
        "VNet1GW",
        "MyRG",
        "East US",
        "c2ba2b5a-0000-4f5f-9b5c-7c0e0a1e4a3d",
    );
    assert_eq!(
        p.powershell,
        format!("$gw = Get-AzVirtualNetworkGateway -Name 'VNet1GW' -ResourceGroupName 'MyRG'\nNew-AzVirtualNetworkGatewayConnection -Name 'ERConnection' -ResourceGroupName 'MyRG' -Location 'East US' -VirtualNetworkGateway1 $gw -PeerId '{id}' -ConnectionType ExpressRoute -AuthorizationKey 'c2ba2b5a-0000-4f5f-9b5c-7c0e0a1e4a3d'")
    );
    assert_eq!(
        p.cli,
        format!("az network vpn-connection create --name ERConnection --resource-group MyRG --location 'East US' --vnet-gateway1 VNet1GW --express-route-circuit2 {id} --authorization-key c2ba2b5a-0000-4f5f-9b5c-7c0e0a1e4a3d")
    );
    // Unknown subscription: a clear placeholder.
    let q = commands::link_vnet_with_authorization(&sc01(), "c", "g", "r", "l", "k");
    assert!(q
        .powershell
        .contains("-PeerId '/subscriptions/<subscription-id>/resourceGroups/"));
}

#[test]
fn unlink_vnet_ps_link() {
    let p = commands::unlink_vnet("MyConnection", "MyRG");
    assert_eq!(
        p.powershell,
        "Remove-AzVirtualNetworkGatewayConnection -Name 'MyConnection' -ResourceGroupName 'MyRG'"
    );
    assert_eq!(
        p.cli,
        "az network vpn-connection delete --name MyConnection --resource-group MyRG"
    );
}

/// A link made with an authorization key lives in the VNet's subscription and its gateway's
/// resource group (where `links_step` creates it), not in the circuit's. [PS-LINK]
#[test]
fn unlink_of_an_authorized_link_targets_the_vnets_side_ps_link() {
    let c = with_two_links("same-sub");
    let all = commands::lifecycle(&c);
    let same = all
        .iter()
        .find(|p| p.powershell.contains("'same-sub'"))
        .unwrap();
    assert!(same
        .powershell
        .ends_with(&format!("-ResourceGroupName '{}'", c.resource_group)));
    let other = all
        .iter()
        .find(|p| p.powershell.contains("'other-sub'"))
        .unwrap();
    assert!(
        other
            .powershell
            .ends_with("-ResourceGroupName '<gateway-resource-group>'"),
        "{}",
        other.powershell
    );
    assert!(
        other
            .cli
            .ends_with("--resource-group '<gateway-resource-group>'"),
        "{}",
        other.cli
    );
    assert!(
        other.title.contains("VNet's subscription"),
        "{}",
        other.title
    );
}

// ---------------------------------------------------------------------------------------
// Lifecycle

#[test]
fn change_bandwidth_ps_circuit() {
    let p = commands::change_bandwidth(&sc01(), 1000);
    assert_eq!(
        p.powershell,
        format!("{GET}\n$ckt.ServiceProviderProperties.BandwidthInMbps = 1000\n{SET}")
    );
    assert_eq!(
        p.cli,
        "az network express-route update --name ExpressRouteARMCircuit --resource-group ExpressRouteResourceGroup --bandwidth 1000"
    );
    let direct = Circuit {
        port: Port::Direct {
            express_route_port: "p".into(),
            bandwidth_in_gbps: 5,
            peering_location: String::new(),
            port_bandwidth_gbps: None,
        },
        ..sc01()
    };
    let d = commands::change_bandwidth(&direct, 10_000);
    assert!(d.powershell.contains("\n$ckt.BandwidthInGbps = 10\n"));
    assert!(d.cli.ends_with("--bandwidth 10 Gbps"));
    // Fractions of a Gbps are written in decimal, without trailing zeros.
    for (mbps, text) in [(500, "0.5"), (50, "0.05"), (2_500, "2.5"), (1_001, "1.001")] {
        let d = commands::change_bandwidth(&direct, mbps);
        assert!(
            d.cli.ends_with(&format!("--bandwidth {text} Gbps")),
            "{mbps}: {}",
            d.cli
        );
        assert!(d
            .powershell
            .contains(&format!("$ckt.BandwidthInGbps = {text}\n")));
    }
}

#[test]
fn change_sku_ps_circuit() {
    let p = commands::change_sku(&sc01(), SkuTier::Premium, SkuFamily::MeteredData);
    assert_eq!(
        p.powershell,
        format!("{GET}\n$ckt.Sku.Tier = 'Premium'\n$ckt.Sku.Family = 'MeteredData'\n$ckt.Sku.Name = 'Premium_MeteredData'\n{SET}")
    );
    assert_eq!(
        p.cli,
        "az network express-route update --name ExpressRouteARMCircuit --resource-group ExpressRouteResourceGroup --sku-tier Premium --sku-family MeteredData"
    );
}

#[test]
fn allow_classic_operations_ps_circuit() {
    let p = commands::set_allow_classic_operations(&sc01(), true);
    assert_eq!(
        p.powershell,
        format!("{GET}\n$ckt.AllowClassicOperations = $true\n{SET}")
    );
    assert_eq!(
        p.cli,
        "az network express-route update --name ExpressRouteARMCircuit --resource-group ExpressRouteResourceGroup --allow-classic-operations true"
    );
}

#[test]
fn delete_circuit_ps_circuit_cli_circuit() {
    let p = commands::delete_circuit(&sc01());
    assert_eq!(
        p.powershell,
        "Remove-AzExpressRouteCircuit -ResourceGroupName 'ExpressRouteResourceGroup' -Name 'ExpressRouteARMCircuit'"
    );
    assert_eq!(
        p.cli,
        "az network express-route delete --name ExpressRouteARMCircuit --resource-group ExpressRouteResourceGroup"
    );
    assert!(p.title.contains("deprovisioned"));
}

// ---------------------------------------------------------------------------------------
// Per step and lifecycle summaries

fn titles(v: &[CommandPair]) -> Vec<&str> {
    v.iter().map(|p| p.title.as_str()).collect()
}

#[test]
fn steps_cover_the_five_wizard_steps() {
    let c = sc01();
    let all = commands::steps(&c);
    assert_eq!(
        all.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        vec![1, 2, 3, 4, 5]
    );
    assert_eq!(
        all[0].1,
        vec![commands::list_providers(), commands::create_circuit(&c)]
    );
    assert_eq!(
        all[1].1,
        vec![commands::service_key(&c), commands::show_circuit(&c)]
    );
    assert_eq!(all[2].1, vec![commands::check_states(&c)]);
    // No peerings yet: templates for both peering types.
    assert_eq!(
        all[3].1,
        vec![
            commands::peering_template(&c, PeeringType::AzurePrivatePeering),
            commands::peering_template(&c, PeeringType::MicrosoftPeering)
        ]
    );
    assert_eq!(all[4].1.len(), 2, "{:?}", titles(&all[4].1));
    assert!(commands::for_step(&c, 6).is_empty());
}

#[test]
fn direct_circuit_has_no_provider_step_sc14() {
    let c = Circuit {
        port: Port::Direct {
            express_route_port: "p".into(),
            bandwidth_in_gbps: 10,
            peering_location: String::new(),
            port_bandwidth_gbps: None,
        },
        ..sc01()
    };
    assert!(commands::for_step(&c, 2).is_empty());
    assert!(
        !titles(&commands::for_step(&c, 1)).contains(&commands::list_providers().title.as_str())
    );
    // The wizard's links pass over the provider step. [WF]
    assert!(!er_core::steps::step_applies(&c, 2));
    assert_eq!(er_core::steps::next_wizard_step(&c, 1), Some(3));
    assert_eq!(er_core::steps::previous_wizard_step(&c, 3), Some(1));
    assert_eq!(er_core::steps::next_wizard_step(&c, 5), None);
    let provider = sc01();
    assert!(er_core::steps::step_applies(&provider, 2));
    assert!(!er_core::steps::step_applies(&provider, 6));
    assert_eq!(er_core::steps::next_wizard_step(&provider, 1), Some(2));
    assert_eq!(er_core::steps::previous_wizard_step(&provider, 3), Some(2));
    assert_eq!(er_core::steps::previous_wizard_step(&provider, 1), None);
    // Its status is usable on its own: no "once the provider status is Provisioned too".
    let status = er_core::explain_circuit_status(&c);
    assert!(
        !status.meaning.contains("provider status is Provisioned"),
        "{}",
        status.meaning
    );
    assert!(er_core::explain_circuit_status(&provider)
        .meaning
        .contains("Provisioned too"));
    assert!(!commands::change_bandwidth(&c, 100_000)
        .title
        .contains("provider"));
    assert!(commands::change_bandwidth(&provider, 500)
        .title
        .contains("provider must update"));
    // Step 3 and the lifecycle commands ask only for what a Direct circuit shows. [WF]
    let mut shown: Vec<CommandPair> = commands::for_step(&c, 3);
    shown.extend(commands::lifecycle(&c));
    assert!(shown
        .iter()
        .any(|p| p.cli.contains("circuitProvisioningState")));
    for p in &shown {
        assert!(
            !p.powershell.contains("ServiceProviderProvisioningState"),
            "{}",
            p.powershell
        );
        assert!(
            !p.cli.contains("serviceProviderProvisioningState"),
            "{}",
            p.cli
        );
        assert!(!p.title.contains("Provisioned and"), "{}", p.title);
    }
}

#[test]
fn routing_step_uses_configured_peerings_and_layer3_only_looks() {
    let mut c = sc01();
    c.service_provider_provisioning_state = ServiceProviderProvisioningState::Provisioned;
    let t = er_core::apply(
        &c,
        &er_core::Action::AddPeering {
            kind: PeeringType::AzurePrivatePeering,
            config: private_cfg(),
        },
    )
    .expect("peering added");
    let c = t.circuit;
    let step = commands::for_step(&c, 4);
    assert_eq!(step[0], commands::private_peering(&c, &private_cfg()));
    assert_eq!(
        step[1],
        commands::show_peering(&c, PeeringType::AzurePrivatePeering)
    );
    assert_eq!(
        step[2],
        commands::peering_template(&c, PeeringType::MicrosoftPeering)
    );

    let mut l3 = sc01();
    l3.port = Port::Provider {
        service_provider_name: "Equinix".into(),
        peering_location: "Silicon Valley".into(),
        bandwidth_in_mbps: 200,
        routing_model: RoutingModel::Layer3,
    };
    let step = commands::for_step(&l3, 4);
    assert_eq!(step.len(), 1);
    assert!(step[0]
        .powershell
        .contains("Get-AzExpressRouteCircuitPeeringConfig"));
    assert!(step[0].title.contains("provider configures routing"));
}

#[test]
fn links_step_uses_the_authorization_key_of_a_link() {
    let mut c = sc01();
    c.authorizations.push(Authorization {
        name: "auth1".into(),
        authorization_key: "c2ba2b5a-0000-4f5f-9b5c-7c0e0a1e4a3d".into(),
        authorization_use_status: AuthorizationUseStatus::InUse,
        connection: Some("conn1".into()),
    });
    c.vnet_links
        .push(vnet_link("conn1", "vnet1", "10.1.0.0/16", Some("auth1")));
    let step = commands::for_step(&c, 5);
    assert!(step[0]
        .cli
        .contains("--authorization-key c2ba2b5a-0000-4f5f-9b5c-7c0e0a1e4a3d"));
    assert!(step[0].cli.contains("--vnet-gateway1 '<gateway-of-vnet1>'"));
    // Then the link's optional weight and FastPath commands, and the authorizations last.
    assert_eq!(
        step[1],
        commands::set_routing_weight(&c, &c.vnet_links[0], 100)
    );
    assert_eq!(step[2], commands::enable_fastpath(&c, &c.vnet_links[0]));
    assert_eq!(step.last(), Some(&commands::list_authorizations(&c)));
    assert_eq!(step.len(), 4);
}

#[test]
fn lifecycle_lists_checks_changes_and_delete_last() {
    let c = sc01();
    let l = commands::lifecycle(&c);
    assert_eq!(l.first(), Some(&commands::check_states(&c)));
    assert_eq!(l.last(), Some(&commands::delete_circuit(&c)));
    assert!(
        l.contains(&commands::change_bandwidth(&c, 500)),
        "next bandwidth above 200"
    );
    assert!(l.contains(&commands::change_sku(
        &c,
        SkuTier::Premium,
        SkuFamily::MeteredData
    )));
    assert!(l.contains(&commands::change_sku(
        &c,
        SkuTier::Standard,
        SkuFamily::UnlimitedData
    )));
    assert!(l.contains(&commands::set_allow_classic_operations(&c, true)));
}

#[test]
fn every_generator_cites_a_source_and_commands_split_by_shell() {
    let c = sc01();
    let mut all: Vec<CommandPair> = commands::steps(&c)
        .into_iter()
        .flat_map(|(_, v)| v)
        .collect();
    all.extend(commands::lifecycle(&c));
    for p in &all {
        assert!(p.source.starts_with('['), "{}", p.title);
        let [ps, cli] = p.commands();
        assert_eq!(ps.shell, Shell::PowerShell);
        assert_eq!(cli.shell, Shell::AzureCli);
        assert_eq!(p.text(Shell::AzureCli), cli.text);
        assert!(
            cli.text.lines().all(|l| l.starts_with("az ")),
            "{}",
            cli.text
        );
    }
}

/// Connection weight and FastPath, as [PS-LINK] / [CLI-LINK] give them, for each link in step 5,
/// in the resource group the link's connection lives in.
#[test]
fn routing_weight_and_fastpath_per_link_ps_link_cli_link() {
    let c = with_two_links("ERConnection");
    let step5 = commands::for_step(&c, 5);
    let weight = step5
        .iter()
        .find(|p| {
            p.title
                .starts_with("Set the routing weight of connection ERConnection")
        })
        .expect("weight command");
    assert!(
        weight.title.contains("(0–32000, default 0)"),
        "{}",
        weight.title
    );
    assert_eq!(
        weight.powershell,
        format!(
            "$connection = Get-AzVirtualNetworkGatewayConnection -Name 'ERConnection' -ResourceGroupName '{}'\n$connection.RoutingWeight = 100\nSet-AzVirtualNetworkGatewayConnection -VirtualNetworkGatewayConnection $connection",
            c.resource_group
        )
    );
    assert_eq!(
        weight.cli,
        format!(
            "az network vpn-connection update --name ERConnection --resource-group {} --routing-weight 100",
            c.resource_group
        )
    );
    let fastpath = step5
        .iter()
        .find(|p| {
            p.title
                .starts_with("Turn on FastPath for connection ERConnection")
        })
        .expect("FastPath command");
    // [FASTPATH] [GATEWAY]: ErGwScale with at least 10 scale units supports FastPath too.
    assert!(fastpath
        .title
        .contains("Ultra Performance, ErGw3AZ, or ErGwScale gateway with at least 10 scale units"));
    assert!(fastpath
        .powershell
        .contains("$connection.ExpressRouteGatewayBypass = $true"));
    assert!(fastpath
        .cli
        .ends_with("--express-route-gateway-bypass true"));
    let other = step5
        .iter()
        .find(|p| {
            p.title
                .starts_with("Set the routing weight of connection other-sub")
        })
        .expect("weight command for the authorized link");
    assert!(other.title.ends_with("(run in the VNet's subscription)"));
    assert!(
        other
            .cli
            .contains("--resource-group '<gateway-resource-group>'"),
        "{}",
        other.cli
    );
}
