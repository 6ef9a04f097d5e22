//! Import, diagnosis and export: every file in shared/reference/azure-examples/,
//! inputs of our own in each format (including broken ones), export → import
//! round trips, and a no-panic property over arbitrary and mutated inputs.

use er_core::commands;
use er_core::{
    export_azure_json, import, AdvertisedPublicPrefixesState, AuthorizationUseStatus, Circuit,
    CircuitProvisioningState, ImportFormat, ImportedKind, ImportedResource, PeeringState,
    PeeringType, Port, PrefixValidationState, ProvisioningState, RegistryName, RoutingModel,
    ServiceProviderProvisioningState as Sp, SkuFamily, SkuTier, UnknownReason,
};

// A copy of shared/reference/azure-examples/, kept in the repository so a fresh clone tests it.
const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/azure-examples");

fn example(name: &str) -> String {
    let path = format!("{EXAMPLES}/{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn one(text: &str) -> er_core::Imported {
    let mut v = import(text).unwrap_or_else(|e| panic!("import failed: {e}"));
    assert_eq!(v.len(), 1);
    v.remove(0)
}

fn cir(i: &er_core::Imported) -> &Circuit {
    i.circuit()
        .unwrap_or_else(|| panic!("not a circuit: {:?}", i.kind()))
}

/// The 200 body of a peering example inside a provisioned circuit, as `az network
/// express-route show` lists a circuit's peerings (the example alone is read alone).
fn circuit_with(peering_example: &str) -> String {
    let doc: serde_json::Value = serde_json::from_str(peering_example).expect("json");
    let body = doc["responses"]["200"]["body"].clone();
    serde_json::json!({
        "name": "circuitName",
        "id": "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/expressRouteCircuits/circuitName",
        "type": "Microsoft.Network/expressRouteCircuits",
        "location": "westus",
        "sku": { "name": "Standard_MeteredData", "tier": "Standard", "family": "MeteredData" },
        "properties": {
            "serviceProviderProvisioningState": "Provisioned",
            "circuitProvisioningState": "Enabled",
            "provisioningState": "Succeeded",
            "serviceKey": "a1410692-0000-4ceb-b94a-b90b94d398d1",
            "serviceProviderProperties": { "serviceProviderName": "Equinix", "peeringLocation": "Silicon Valley", "bandwidthInMbps": 200 },
            "peerings": [body]
        }
    })
    .to_string()
}

fn any_contains(list: &[String], needle: &str) -> bool {
    list.iter().any(|s| s.contains(needle))
}

fn print(i: &er_core::Imported) -> String {
    format!(
        "{:#?}\n{:#?}\n{:#?}",
        i.warnings, i.unknown_values, i.diagnosis
    )
}

// ---------------------------------------------------------------------------------------
// azure-examples/

#[test]
fn example_circuit_get_not_provisioned_ex_circuit_get() {
    let i = one(&example("ExpressRouteCircuitGet.json"));
    assert_eq!(i.format, ImportFormat::RestExample);
    assert_eq!(i.kind(), ImportedKind::Circuit);
    let c = cir(&i);
    assert_eq!(c.name, "circuitName");
    assert_eq!(c.resource_group, "rg1");
    assert_eq!(c.subscription_id, "subid");
    assert_eq!(c.region, "westus");
    assert_eq!(c.service_key, "a1410692-0000-4ceb-b94a-b90b94d398d1");
    assert_eq!(c.service_provider_provisioning_state, Sp::NotProvisioned);
    assert_eq!(
        c.circuit_provisioning_state,
        CircuitProvisioningState::Enabled
    );
    assert_eq!(c.provisioning_state, ProvisioningState::Succeeded);
    assert_eq!(
        (c.sku.tier, c.sku.family),
        (SkuTier::Standard, SkuFamily::MeteredData)
    );
    assert_eq!(
        c.port,
        Port::Provider {
            service_provider_name: "providerName".into(),
            peering_location: "peeringLocation".into(),
            bandwidth_in_mbps: 200,
            routing_model: RoutingModel::Layer2,
        }
    );
    assert!(c.peerings.is_empty() && c.authorizations.is_empty());
    assert!(i.unknown_values.is_empty(), "{}", print(&i));
    // Only the routing model is assumed (Azure does not record it).
    assert_eq!(i.warnings.len(), 1, "{}", print(&i));
    assert_eq!(i.warnings[0].field, "routingModel");
    // Diagnosis: provider has not provisioned → send the service key.
    let d = &i.diagnosis;
    assert!(
        any_contains(&d.blocking, "Provider status NotProvisioned"),
        "{d:#?}"
    );
    assert!(any_contains(&d.fine, "Status Enabled"), "{d:#?}");
    assert!(
        d.next_step
            .starts_with("Send the service key to the provider"),
        "{d:#?}"
    );
}

#[test]
fn example_circuit_create_reads_the_200_body_ex_circuit_create() {
    let i = one(&example("ExpressRouteCircuitCreate.json"));
    assert_eq!(i.format, ImportFormat::RestExample);
    let c = cir(&i);
    assert_eq!(c.region, "Brazil South");
    assert!(
        matches!(&c.port, Port::Provider { service_provider_name, peering_location, bandwidth_in_mbps: 200, .. }
        if service_provider_name == "Equinix" && peering_location == "Silicon Valley")
    );
    assert_eq!(c.service_provider_provisioning_state, Sp::NotProvisioned);
    assert!(i.diagnosis.next_step.starts_with("Send the service key"));
    // NotProvisioned + no peerings: delete is possible, so it is not listed as blocked.
    assert!(
        !any_contains(&i.diagnosis.blocking, "Cannot be deleted"),
        "{:#?}",
        i.diagnosis
    );
}

#[test]
fn example_peering_get_microsoft_validation_needed_ex_peering_get_sc33() {
    // Alone, the example is read alone: its own values, no circuit around it.
    let i = one(&example("ExpressRouteCircuitPeeringGet.json"));
    assert_eq!(i.kind(), ImportedKind::PeeringOnly);
    assert_eq!(i.format, ImportFormat::RestExample);
    assert!(i.circuit().is_none());
    match &i.resource {
        ImportedResource::Peering { parent } => assert_eq!(
            (
                parent.name.as_deref(),
                parent.resource_group.as_deref(),
                parent.subscription_id.as_deref()
            ),
            (Some("circuitName"), Some("rg1"), Some("subid"))
        ),
        other => panic!("{other:?}"),
    }
    let read = &i.peerings[0];
    assert_eq!(read.peering_type, PeeringType::MicrosoftPeering);
    assert_eq!((read.peer_asn, read.vlan_id), (Some(100), Some(300)));
    assert_eq!(
        read.advertised_public_prefixes_state,
        Some(AdvertisedPublicPrefixesState::ValidationNeeded)
    );
    assert_eq!(read.routing_registry_name.as_deref(), Some("ARIN"));
    assert!(read.gaps.is_empty() && read.in_circuit);
    // It says it is only a peering.
    assert!(
        i.warnings.iter().any(|w| w
            .message
            .starts_with("This is a peering, not a whole circuit")),
        "{}",
        print(&i)
    );
    // Diagnosis: BGP not enabled, prefixes didn't match a registry → validation ID, then a ticket.
    let d = &i.diagnosis;
    assert!(any_contains(&d.blocking, "MicrosoftPeering advertised public prefixes ValidationNeeded: The BGP session is not enabled"), "{d:#?}");
    assert!(any_contains(&d.blocking, "Open a support ticket"), "{d:#?}");
    assert!(
        d.next_step
            .contains("Microsoft peering prefixes: ValidationNeeded"),
        "{d:#?}"
    );

    // The same peering in a circuit reads into the circuit model whole.
    let i = one(&circuit_with(&example(
        "ExpressRouteCircuitPeeringGet.json",
    )));
    let c = cir(&i);
    assert_eq!(c.service_provider_provisioning_state, Sp::Provisioned);
    let p = c
        .peering(PeeringType::MicrosoftPeering)
        .expect("Microsoft peering imported");
    assert_eq!(p.state, PeeringState::Enabled);
    assert_eq!(p.azure_asn, 12076);
    assert_eq!(p.config.peer_asn.get(), 100);
    assert_eq!(p.config.vlan_id.get(), 300);
    assert_eq!(
        p.config.ipv4.expect("ipv4").primary().to_string(),
        "123.0.0.0/30"
    );
    assert_eq!(
        p.config.ipv6.expect("ipv6").secondary().to_string(),
        "3ffe:ffff:0:cd30::4/126"
    );
    assert_eq!(
        p.advertised_public_prefixes_state,
        AdvertisedPublicPrefixesState::ValidationNeeded
    );
    let ms = p.config.microsoft.as_ref().expect("microsoft config");
    assert_eq!(
        ms.advertised_public_prefixes
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        vec!["123.1.0.0/24", "3ffe:ffff:0:cd31::/120"]
    );
    assert_eq!(ms.customer_asn.map(|a| a.get()), Some(23));
    assert_eq!(ms.routing_registry_name, Some(RegistryName::Arin));
    assert_eq!(p.last_modified_by, "Customer");
    let d = &i.diagnosis;
    assert!(
        d.next_step
            .contains("Microsoft peering prefixes: ValidationNeeded"),
        "{d:#?}"
    );
    // Provisioned: deletion needs the provider to deprovision first. [WF]
    assert!(any_contains(&d.blocking, "Cannot be deleted yet"), "{d:#?}");
}

#[test]
fn example_peering_create_private_dual_stack_ex_peering_create() {
    let i = one(&example("ExpressRouteCircuitPeeringCreate.json"));
    assert_eq!(i.kind(), ImportedKind::PeeringOnly);
    let read = &i.peerings[0];
    assert_eq!(read.peering_type, PeeringType::AzurePrivatePeering);
    assert_eq!((read.peer_asn, read.vlan_id), (Some(200), Some(200)));
    assert_eq!(
        read.ipv4_subnets,
        Some(("192.168.16.252/30".into(), "192.168.18.252/30".into()))
    );
    assert_eq!(read.advertised_public_prefixes_state, None);
    let d = &i.diagnosis;
    assert!(
        any_contains(&d.fine, "AzurePrivatePeering is Enabled"),
        "{d:#?}"
    );
    assert!(d.next_step.starts_with("Link virtual networks"), "{d:#?}");

    let i = one(&circuit_with(&example(
        "ExpressRouteCircuitPeeringCreate.json",
    )));
    let p = cir(&i)
        .peering(PeeringType::AzurePrivatePeering)
        .expect("private peering");
    assert_eq!(p.config.peer_asn.get(), 200);
    assert_eq!(p.config.vlan_id.get(), 200);
    assert_eq!(
        p.config.ipv4.expect("v4").primary().to_string(),
        "192.168.16.252/30"
    );
    assert_eq!(
        p.config.ipv4.expect("v4").secondary().to_string(),
        "192.168.18.252/30"
    );
    assert!(p.config.ipv6.is_some());
    assert!(p.config.microsoft.is_none());
    assert_eq!(
        p.advertised_public_prefixes_state,
        AdvertisedPublicPrefixesState::NotConfigured
    );
    assert!(i.diagnosis.next_step.starts_with("Link virtual networks"));
}

#[test]
fn example_authorization_get_available_ex_auth_get() {
    let i = one(&example("ExpressRouteCircuitAuthorizationGet.json"));
    assert_eq!(i.kind(), ImportedKind::AuthorizationOnly);
    let ImportedResource::Authorization {
        parent,
        authorization: a,
    } = &i.resource
    else {
        panic!("{:?}", i.resource)
    };
    assert_eq!(parent.name.as_deref(), Some("circuitName"));
    assert_eq!(a.name, "MyAuthorization1");
    assert_eq!(a.authorization_key, "authKey");
    assert_eq!(
        a.authorization_use_status,
        AuthorizationUseStatus::Available
    );
    assert!(i.warnings.iter().any(|w| w
        .message
        .starts_with("This is an authorization, not a whole circuit")));
    assert!(
        any_contains(
            &i.diagnosis.fine,
            "Authorization MyAuthorization1 Available"
        ),
        "{:#?}",
        i.diagnosis
    );
}

#[test]
fn example_powershell_list_not_provisioned_with_redactions_ps_circuit() {
    let i = one(&example(
        "docs-Get-AzExpressRouteCircuit-NotProvisioned.txt",
    ));
    assert_eq!(i.format, ImportFormat::PowerShellList);
    assert_eq!(i.kind(), ImportedKind::Circuit);
    let c = cir(&i);
    assert_eq!(c.name, "ExpressRouteARMCircuit");
    assert_eq!(c.resource_group, "ExpressRouteResourceGroup");
    assert_eq!(c.region, "westus");
    assert_eq!(c.subscription_id, "", "redacted subscription is unknown");
    assert_eq!(c.service_key, "", "redacted service key is unknown");
    assert_eq!(c.sku.name(), "Standard_MeteredData");
    assert!(
        matches!(&c.port, Port::Provider { service_provider_name, bandwidth_in_mbps: 200, .. } if service_provider_name == "Equinix")
    );
    assert_eq!(c.service_provider_provisioning_state, Sp::NotProvisioned);
    assert_eq!(
        c.circuit_provisioning_state,
        CircuitProvisioningState::Enabled
    );
    // The redacted service key is shown as unknown with a warning.
    assert!(
        i.warnings
            .iter()
            .any(|w| w.field == "ServiceKey" && w.message.contains("redacted")),
        "{}",
        print(&i)
    );
    assert!(
        i.warnings
            .iter()
            .any(|w| w.field == "Id" && w.message.contains("subscription id")),
        "{}",
        print(&i)
    );
    assert!(i
        .unknown_values
        .iter()
        .any(|u| u.field == "ServiceKey" && u.reason == UnknownReason::Redacted));
    let d = &i.diagnosis;
    assert!(any_contains(&d.blocking, "Provider status NotProvisioned"));
    assert!(any_contains(&d.notes, "ServiceKey was redacted"), "{d:#?}");
    assert!(d.next_step.starts_with("Send the service key"));
}

#[test]
fn every_example_file_imports() {
    let mut n = 0;
    for entry in std::fs::read_dir(EXAMPLES).expect("examples dir") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("readable");
        let v = import(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!v.is_empty());
        assert!(!v[0].diagnosis.next_step.is_empty());
        n += 1;
    }
    assert!(n >= 6);
}

// ---------------------------------------------------------------------------------------
// Our own inputs, one per format

const CLI_SHOW: &str = r#"{
  "allowClassicOperations": false,
  "authorizations": [
    { "authorizationKey": "c2ba2b5a-0000-4f5f-9b5c-7c0e0a1e4a3d", "authorizationUseStatus": "InUse",
      "connectionResourceUri": "/subscriptions/x/resourceGroups/y/providers/Microsoft.Network/connections/ERConnection",
      "name": "auth1", "provisioningState": "Succeeded" }
  ],
  "circuitProvisioningState": "Enabled",
  "etag": "W/\"1262c492-ffef-4a63-95a8-a6002736b8c4\"",
  "id": "/subscriptions/81ab786c-56eb-4a4d-bb5f-f60329772466/resourceGroups/ExpressRouteResourceGroup/providers/Microsoft.Network/expressRouteCircuits/MyCircuit",
  "location": "westus",
  "name": "MyCircuit",
  "peerings": [
    { "azureAsn": 12076, "name": "AzurePrivatePeering", "peerAsn": 65020, "peeringType": "AzurePrivatePeering",
      "primaryPeerAddressPrefix": "192.168.17.16/30", "secondaryPeerAddressPrefix": "192.168.17.20/30",
      "provisioningState": "Succeeded", "state": "Enabled", "vlanId": 100, "lastModifiedBy": "Customer",
      "microsoftPeeringConfig": { "advertisedPublicPrefixes": [], "advertisedPublicPrefixesState": "NotConfigured",
        "customerASN": 0, "legacyMode": 0, "routingRegistryName": "NONE" } }
  ],
  "provisioningState": "Succeeded",
  "resourceGroup": "ExpressRouteResourceGroup",
  "serviceKey": "1d05cf70-1db5-419f-ad86-1ca62c3c125b",
  "serviceProviderNotes": null,
  "serviceProviderProperties": { "bandwidthInMbps": 200, "peeringLocation": "Silicon Valley", "serviceProviderName": "Equinix" },
  "serviceProviderProvisioningState": "Provisioned",
  "sku": { "family": "UnlimitedData", "name": "Standard_UnlimitedData", "tier": "Standard" },
  "tags": null,
  "type": "Microsoft.Network/expressRouteCircuits"
}"#;

#[test]
fn azure_cli_show_provisioned_cli_circuit() {
    let i = one(CLI_SHOW);
    assert_eq!(i.format, ImportFormat::AzureCli);
    let c = cir(&i);
    assert_eq!(c.subscription_id, "81ab786c-56eb-4a4d-bb5f-f60329772466");
    assert_eq!(c.service_provider_provisioning_state, Sp::Provisioned);
    assert_eq!(c.sku.family, SkuFamily::UnlimitedData);
    let p = c
        .peering(PeeringType::AzurePrivatePeering)
        .expect("private");
    assert_eq!(p.config.peer_asn.get(), 65020);
    assert!(p.config.microsoft.is_none());
    let a = &c.authorizations[0];
    assert_eq!(a.authorization_use_status, AuthorizationUseStatus::InUse);
    assert_eq!(a.connection.as_deref(), Some("ERConnection"));
    assert!(i.unknown_values.is_empty(), "{}", print(&i));
    let d = &i.diagnosis;
    assert!(any_contains(&d.fine, "The circuit is usable"), "{d:#?}");
    assert!(any_contains(&d.blocking, "Cannot be deleted yet"), "{d:#?}");
    assert!(any_contains(&d.notes, "Billing is running"), "{d:#?}");
    // Commands for the imported circuit use its real subscription.
    assert!(commands::circuit_resource_id(c).starts_with("/subscriptions/81ab786c-"));
}

#[test]
fn azure_cli_list_imports_every_circuit() {
    let list = format!("[{CLI_SHOW}, {}]", CLI_SHOW.replace("MyCircuit", "Second"));
    let v = import(&list).expect("list");
    assert_eq!(v.len(), 2);
    assert_eq!(cir(&v[1]).name, "Second");
    assert!(v.iter().all(|i| i.format == ImportFormat::AzureCli));
}

#[test]
fn rest_get_body_and_rest_list() {
    let body = example("ExpressRouteCircuitGet.json");
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    let get = v["responses"]["200"]["body"].to_string();
    let i = one(&get);
    assert_eq!(i.format, ImportFormat::RestApi);
    assert_eq!(cir(&i).name, "circuitName");
    let list = format!("{{\"value\": [{get}, {get}]}}");
    assert_eq!(import(&list).expect("list").len(), 2);
}

const PS_JSON: &str = r#"{
    "Name":  "ExpressRouteARMCircuit",
    "ResourceGroupName":  "ExpressRouteResourceGroup",
    "Location":  "westus",
    "Id":  "/subscriptions/81ab786c-56eb-4a4d-bb5f-f60329772466/resourceGroups/ExpressRouteResourceGroup/providers/Microsoft.Network/expressRouteCircuits/ExpressRouteARMCircuit",
    "Sku":  { "Name": "Premium_MeteredData", "Tier": "Premium", "Family": "MeteredData" },
    "CircuitProvisioningState":  "Enabled",
    "ServiceProviderProvisioningState":  "Provisioned",
    "ServiceProviderProperties":  { "ServiceProviderName": "Equinix", "PeeringLocation": "Silicon Valley", "BandwidthInMbps": 1000 },
    "ServiceKey":  "1d05cf70-1db5-419f-ad86-1ca62c3c125b",
    "AllowClassicOperations":  true,
    "ProvisioningState":  "Succeeded",
    "Peerings":  [
        {
            "Name":  "MicrosoftPeering",
            "PeeringType":  "MicrosoftPeering",
            "State":  "Enabled",
            "AzureASN":  12076,
            "PeerASN":  100,
            "PrimaryPeerAddressPrefix":  "123.0.0.0/30",
            "SecondaryPeerAddressPrefix":  "123.0.0.4/30",
            "VlanId":  300,
            "MicrosoftPeeringConfig":  {
                "AdvertisedPublicPrefixes":  [ "123.1.0.0/24", "123.2.0.0/24" ],
                "AdvertisedPublicPrefixesState":  "Configured",
                "CustomerASN":  23,
                "RoutingRegistryName":  "ARIN",
                "AdvertisedPublicPrefixInfo": [
                    { "Prefix": "123.1.0.0/24", "ValidationState": "Configured" },
                    { "Prefix": "123.2.0.0/24", "ValidationState": "ManualValidationNeeded" }
                ]
            },
            "ProvisioningState":  "Succeeded",
            "LastModifiedBy":  "Customer"
        }
    ],
    "Authorizations":  [ ]
}"#;

#[test]
fn powershell_convertto_json_premium_with_prefix_info_sc35() {
    let i = one(PS_JSON);
    assert_eq!(i.format, ImportFormat::PowerShellJson);
    let c = cir(&i);
    assert_eq!(c.sku.tier, SkuTier::Premium);
    assert!(c.allow_classic_operations);
    assert_eq!(c.bandwidth_mbps(), 1000);
    let p = c.peering(PeeringType::MicrosoftPeering).expect("ms");
    assert_eq!(
        p.advertised_public_prefixes_state,
        AdvertisedPublicPrefixesState::Configured
    );
    assert_eq!(p.prefix_info.len(), 2);
    assert_eq!(
        p.prefix_info[1].validation_state,
        PrefixValidationState::ManualValidationNeeded
    );
    let d = &i.diagnosis;
    assert!(
        any_contains(&d.blocking, "Prefix 123.2.0.0/24 ManualValidationNeeded"),
        "{d:#?}"
    );
    assert!(
        any_contains(
            &d.blocking,
            "provide evidence that you own the IP addresses"
        ),
        "{d:#?}"
    );
    assert!(
        any_contains(&d.fine, "Prefix 123.1.0.0/24 Configured"),
        "{d:#?}"
    );
}

#[test]
fn powershell_json_cut_by_depth_uses_the_text_property() {
    // Windows PowerShell's ConvertTo-Json default depth turns nested objects into type names.
    let text = r#"{ "Name": "c1", "ResourceGroupName": "rg",
        "Sku": { "Name": "Standard_MeteredData", "Tier": "Standard", "Family": "MeteredData" },
        "ServiceProviderProvisioningState": "Provisioned", "CircuitProvisioningState": "Enabled",
        "ServiceProviderProperties": { "ServiceProviderName": "Equinix", "PeeringLocation": "London", "BandwidthInMbps": 50 },
        "Peerings": [ "Microsoft.Azure.Commands.Network.Models.PSPeering" ],
        "PeeringsText": "[ { \"Name\": \"AzurePrivatePeering\", \"PeeringType\": \"AzurePrivatePeering\", \"PeerASN\": 65001, \"VlanId\": 10, \"PrimaryPeerAddressPrefix\": \"10.0.0.0/30\", \"SecondaryPeerAddressPrefix\": \"10.0.0.4/30\", \"State\": \"Enabled\" } ]"
    }"#;
    let i = one(text);
    assert!(
        cir(&i).peering(PeeringType::AzurePrivatePeering).is_some(),
        "{}",
        print(&i)
    );
}

const PS_LIST_PROVISIONED: &str = "
PS C:\\> Get-AzExpressRouteCircuit -Name \"My Circuit\" -ResourceGroupName \"rg\"

    Name                             : My Circuit
    ResourceGroupName                : rg
    Location                         : westeurope
    Id                               : /subscriptions/81ab786c-56eb-4a4d-bb5f-f60329772466/resourceGroups/rg/providers/Mic
                                       rosoft.Network/expressRouteCircuits/My Circuit
    Etag                             : W/\"########\"
    ProvisioningState                : Succeeded
    Sku                              : {
                                         \"Name\": \"Premium_UnlimitedData\",
                                         \"Tier\": \"Premium\",
                                         \"Family\": \"UnlimitedData\"
                                       }
    CircuitProvisioningState         : Enabled
    ServiceProviderProvisioningState : Provisioned
    ServiceProviderNotes             :
    ServiceProviderProperties        : {
                                         \"ServiceProviderName\": \"Equinix\",
                                         \"PeeringLocation\": \"Amsterdam\",
                                         \"BandwidthInMbps\": 500
                                       }
    ServiceKey                       : 1d05cf70-1db5-419f-ad86-1ca62c3c125b
    Peerings                         : [
                                         {
                                           \"Name\": \"AzurePrivatePeering\",
                                           \"PeeringType\": \"AzurePrivatePeering\",
                                           \"AzureASN\": 12076,
                                           \"PeerASN\": 65020,
                                           \"PrimaryPeerAddressPrefix\": \"192.168.17.16/30\",
                                           \"SecondaryPeerAddressPrefix\": \"192.168.17.20/30\",
                                           \"State\": \"Disabled\",
                                           \"VlanId\": 100,
                                           \"ProvisioningState\": \"Succeeded\"
                                         }
                                       ]
    Authorizations                   : []
    AllowClassicOperations           : False
";

#[test]
fn powershell_list_indented_with_wrapped_id_and_peerings() {
    let i = one(PS_LIST_PROVISIONED);
    assert_eq!(i.format, ImportFormat::PowerShellList);
    let c = cir(&i);
    assert_eq!(c.name, "My Circuit");
    assert_eq!(c.subscription_id, "81ab786c-56eb-4a4d-bb5f-f60329772466");
    assert_eq!(c.sku.name(), "Premium_UnlimitedData");
    assert_eq!(c.service_provider_provisioning_state, Sp::Provisioned);
    let p = c
        .peering(PeeringType::AzurePrivatePeering)
        .expect("private peering");
    assert_eq!(p.state, PeeringState::Disabled);
    assert!(
        any_contains(&i.diagnosis.blocking, "AzurePrivatePeering is Disabled"),
        "{:#?}",
        i.diagnosis
    );
    assert!(
        i.diagnosis
            .next_step
            .contains("AzurePrivatePeering is disabled"),
        "{:#?}",
        i.diagnosis
    );
}

#[test]
fn powershell_list_with_two_circuits() {
    let text = format!(
        "{}\n{}",
        example("docs-Get-AzExpressRouteCircuit-NotProvisioned.txt"),
        example("docs-Get-AzExpressRouteCircuit-NotProvisioned.txt")
            .replace("ExpressRouteARMCircuit", "Second")
    );
    let v = import(&text).expect("two");
    assert_eq!(v.len(), 2);
    assert_eq!(cir(&v[1]).name, "Second");
}

// ---------------------------------------------------------------------------------------
// Unknown, redacted and malformed values

#[test]
fn unknown_enum_values_are_shown_not_dropped() {
    let text = CLI_SHOW
        .replace(
            "\"serviceProviderProvisioningState\": \"Provisioned\"",
            "\"serviceProviderProvisioningState\": \"Suspended\"",
        )
        .replace(
            "\"circuitProvisioningState\": \"Enabled\"",
            "\"circuitProvisioningState\": \"Disabling\"",
        )
        .replace("\"tier\": \"Standard\"", "\"tier\": \"Ultra\"");
    let i = one(&text);
    let fields: Vec<(&str, &str)> = i
        .unknown_values
        .iter()
        .map(|u| (u.field.as_str(), u.value.as_str()))
        .collect();
    assert!(
        fields.contains(&("serviceProviderProvisioningState", "Suspended")),
        "{fields:?}"
    );
    assert!(
        fields.contains(&("circuitProvisioningState", "Disabling")),
        "{fields:?}"
    );
    assert!(fields.contains(&("sku.tier", "Ultra")), "{fields:?}");
    assert_eq!(
        cir(&i).circuit_provisioning_state,
        CircuitProvisioningState::Other("Disabling".into())
    );
    assert!(i
        .warnings
        .iter()
        .any(|w| w.message.contains("'Suspended'") && w.message.contains("shown as unknown")));
    assert!(any_contains(
        &i.diagnosis.blocking,
        "serviceProviderProvisioningState is 'Suspended'"
    ));
    assert!(
        any_contains(&i.diagnosis.blocking, "Status Disabling"),
        "{:#?}",
        i.diagnosis
    );
}

#[test]
fn malformed_and_redacted_values_warn_and_the_rest_imports() {
    let text = CLI_SHOW
        .replace("\"bandwidthInMbps\": 200", "\"bandwidthInMbps\": \"lots\"")
        .replace("\"vlanId\": 100", "\"vlanId\": 5000")
        .replace("1d05cf70-1db5-419f-ad86-1ca62c3c125b", "<service-key>")
        .replace("c2ba2b5a-0000-4f5f-9b5c-7c0e0a1e4a3d", "****");
    let i = one(&text);
    let c = cir(&i);
    assert_eq!(c.name, "MyCircuit");
    assert_eq!(
        c.bandwidth_mbps(),
        50,
        "missing bandwidth uses the smallest, with a warning"
    );
    assert!(
        c.peerings.is_empty(),
        "VLAN 5000 cannot be represented: peering shown as unknown"
    );
    assert_eq!(c.service_key, "");
    assert_eq!(c.authorizations[0].authorization_key, "");
    let reasons: Vec<(String, UnknownReason)> = i
        .unknown_values
        .iter()
        .map(|u| (u.field.clone(), u.reason))
        .collect();
    assert!(
        reasons.contains(&(
            "serviceProviderProperties.bandwidthInMbps".into(),
            UnknownReason::Malformed
        )),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&("peerings[0].vlanId".into(), UnknownReason::Malformed)),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&("serviceKey".into(), UnknownReason::Redacted)),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&(
            "authorizations[0].authorizationKey".into(),
            UnknownReason::Redacted
        )),
        "{reasons:?}"
    );
    assert!(i
        .warnings
        .iter()
        .any(|w| w.field == "peerings[0].vlanId" && w.message.contains("VLAN ID 5000")));
}

#[test]
fn unknown_fields_are_ignored_and_missing_ones_defaulted_with_warnings() {
    let i =
        one(r#"{"name": "x", "sku": {"name": "Local_UnlimitedData"}, "somethingNew": {"a": 1}}"#);
    assert_eq!(cir(&i).sku.tier, SkuTier::Local);
    assert_eq!(cir(&i).sku.family, SkuFamily::UnlimitedData);
    assert!(
        i.warnings
            .iter()
            .any(|w| w.message.contains("bandwidth")
                || w.message.contains("serviceProviderProperties")),
        "{}",
        print(&i)
    );
    assert!(i.warnings.iter().any(|w| w.field == "serviceKey"));
}

#[test]
fn peering_type_from_the_cli_doc_sample_is_unknown_but_named() {
    // [CLI-ROUTING] shows "AzureMicrosoftPeering", which is not an API value.
    let text = r#"{"name": "c", "serviceProviderProvisioningState": "Provisioned", "peerings": [
        {"name": "AzureMicrosoftPeering", "peeringType": "AzureMicrosoftPeering", "peerAsn": 100, "vlanId": 300}]}"#;
    let i = one(text);
    assert!(cir(&i).peerings.is_empty());
    assert!(i
        .unknown_values
        .iter()
        .any(|u| u.value == "AzureMicrosoftPeering"));
}

// ---------------------------------------------------------------------------------------
// Errors: where and what

#[test]
fn broken_json_reports_line_and_column() {
    let e = import("{\n  \"name\": \"x\",\n  \"sku\": {\n}").unwrap_err();
    assert_eq!(e.line, 4);
    assert!(e.column >= 1);
    assert!(e.expected.contains("rest of the JSON"), "{e}");
    let e = import("{\n  \"name\": \"x\" \"sku\": 1\n}").unwrap_err();
    assert_eq!((e.line, e.column), (2, 15), "{e}");
    assert!(
        e.to_string()
            .starts_with("line 2, column 15: this is not valid JSON"),
        "{e}"
    );
}

#[test]
fn json_that_is_not_a_circuit_says_which_item() {
    let e =
        import("[\n  {\"name\": \"a\", \"sku\": {\"tier\": \"Standard\"}},\n  {\"hello\": 1}\n]")
            .unwrap_err();
    assert_eq!((e.line, e.column), (3, 3), "{e}");
    assert!(e.message.contains("item 2"), "{e}");
    assert!(import("[]").is_err());
    assert!(import("42").is_err());
    assert!(import("{\"foo\": 1}").is_err());
    let e = import("{\"responses\": {\"404\": {}}}").unwrap_err();
    assert!(e.message.contains("no 200"), "{e}");
}

#[test]
fn empty_and_garbage_text_are_errors() {
    let e = import("   \n  ").unwrap_err();
    assert_eq!((e.line, e.column), (1, 1));
    assert!(e.message.contains("empty"));
    let e = import("hello world\nthis is not it").unwrap_err();
    assert_eq!((e.line, e.column), (1, 1), "{e}");
    assert!(e.message.contains("not a `Name : Value` pair"), "{e}");
}

#[test]
fn powershell_list_errors_point_into_the_block() {
    let broken = example("docs-Get-AzExpressRouteCircuit-NotProvisioned.txt")
        .replace("\"Tier\": \"Standard\",", "\"Tier\": \"Standard\" oops,");
    let e = import(&broken).unwrap_err();
    assert_eq!(e.line, 9, "{e}");
    assert!(e.message.contains("JSON block of Sku"), "{e}");
    let unclosed = "Name : x\nSku  : {\n  \"Name\": \"Standard_MeteredData\"\n";
    let e = import(unclosed).unwrap_err();
    assert_eq!((e.line, e.column), (2, 8), "{e}");
    assert!(e.message.contains("never closed"));
    let stray = "Name : x\nServiceProviderProvisioningState : Provisioned\n!!!\n";
    let e = import(stray).unwrap_err();
    assert_eq!((e.line, e.column), (3, 1), "{e}");
    let not_circuit = "Name : myvnet\nAddressSpace : 10.0.0.0/16\n";
    let e = import(not_circuit).unwrap_err();
    assert!(e.message.contains("not an ExpressRoute circuit"), "{e}");
}

// ---------------------------------------------------------------------------------------
// Export → import round trips

fn base() -> Circuit {
    cir(&one(CLI_SHOW)).clone()
}

fn round_trip(c: &Circuit) {
    let json = export_azure_json(c);
    let back = one(&json);
    assert_eq!(back.format, ImportFormat::WizardExport);
    assert_eq!(cir(&back), c, "{json}");
    assert!(back.warnings.is_empty(), "{json}\n{}", print(&back));
    assert!(back.unknown_values.is_empty());
}

#[test]
fn export_is_azure_shaped() {
    let v: serde_json::Value = serde_json::from_str(&export_azure_json(&base())).expect("json");
    assert_eq!(v["type"], "Microsoft.Network/expressRouteCircuits");
    assert_eq!(v["sku"]["name"], "Standard_UnlimitedData");
    assert_eq!(
        v["properties"]["serviceProviderProvisioningState"],
        "Provisioned"
    );
    assert_eq!(
        v["properties"]["serviceProviderProperties"]["bandwidthInMbps"],
        200
    );
    assert_eq!(
        v["properties"]["peerings"][0]["properties"]["peeringType"],
        "AzurePrivatePeering"
    );
    assert_eq!(
        v["properties"]["peerings"][0]["properties"]["microsoftPeeringConfig"]
            ["routingRegistryName"],
        "NONE"
    );
    assert_eq!(
        v["properties"]["authorizations"][0]["properties"]["authorizationUseStatus"],
        "InUse"
    );
}

#[test]
fn round_trip_imported_circuits_and_examples() {
    round_trip(&base());
    round_trip(cir(&one(PS_JSON)));
    round_trip(cir(&one(PS_LIST_PROVISIONED)));
    round_trip(cir(&one(&example("ExpressRouteCircuitGet.json"))));
}

#[test]
fn round_trip_microsoft_validation_needed_dual_stack() {
    let mut c = cir(&one(&circuit_with(&example(
        "ExpressRouteCircuitPeeringGet.json",
    ))))
    .clone();
    c.port = Port::Provider {
        service_provider_name: "Equinix".into(),
        peering_location: "Silicon Valley".into(),
        bandwidth_in_mbps: 1000,
        routing_model: RoutingModel::Layer3,
    };
    c.subscription_id = String::new();
    c.peerings[0].prefix_info = vec![er_core::PrefixInfo {
        prefix: "3ffe:ffff:0:cd31::/120".parse().expect("cidr"),
        validation_state: PrefixValidationState::SignatureVerificationFailed,
        validation_id: None,
        signature: None,
    }];
    c.peerings[0].config.shared_key = Some(er_core::SharedKey::parse("Key123").expect("key"));
    round_trip(&c);
}

#[test]
fn round_trip_direct_deleting_with_links() {
    let mut c = base();
    c.port = Port::Direct {
        express_route_port:
            "/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/expressRoutePorts/p"
                .into(),
        bandwidth_in_gbps: 100,
        peering_location: String::new(),
        port_bandwidth_gbps: None,
    };
    c.provisioning_state = ProvisioningState::Deleting;
    c.circuit_provisioning_state = CircuitProvisioningState::Other("Disabling".into());
    c.vnet_links.push(er_core::VnetLink {
        name: "ERConnection".into(),
        vnet_name: "vnet1".into(),
        vnet_region: "westus".into(),
        address_spaces: vec!["10.1.0.0/16".parse().expect("cidr")],
        authorization: Some("auth1".into()),
    });
    let json = export_azure_json(&c);
    let back = one(&json);
    assert_eq!(cir(&back), &c);
    // The non-standard status is reported again, as it should be.
    assert_eq!(back.unknown_values.len(), 1);
}

// ---------------------------------------------------------------------------------------
// Robustness: never panics; errors carry a position

mod props {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str) {
        if let Err(e) = import(text) {
            assert!(e.line >= 1 && e.column >= 1, "{e:?}");
            assert!(!e.expected.is_empty() && !e.message.is_empty());
        }
    }

    fn seeds() -> Vec<String> {
        let mut s: Vec<String> = std::fs::read_dir(EXAMPLES)
            .expect("examples")
            .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("text"))
            .collect();
        s.extend([
            CLI_SHOW.to_string(),
            PS_JSON.to_string(),
            PS_LIST_PROVISIONED.to_string(),
            export_azure_json(&base()),
        ]);
        s
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1500))]

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
            check(&text);
        }

        #[test]
        fn json_like_text_never_panics(text in "[\\[\\]{}\":,a-zA-Z0-9 \n*#<>.-]{0,200}") {
            check(&text);
        }

        #[test]
        fn mutated_examples_never_panic(
            seed in 0usize..10,
            cut in 0usize..4000,
            len in 0usize..40,
            insert in "\\PC{0,12}",
        ) {
            let seeds = seeds();
            let base = &seeds[seed % seeds.len()];
            let chars: Vec<char> = base.chars().collect();
            let at = cut % (chars.len() + 1);
            let end = (at + len).min(chars.len());
            let mutated: String = chars[..at].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(chars[end..].iter()).collect();
            check(&mutated);
        }
    }
}

/// A Microsoft peering read back with `routingRegistryName: "NONE"` (no registry set,
/// [CLI-ROUTING] [TF-PEERING]) keeps its prefixes and customer ASN; it exports as "NONE" again
/// and its commands leave the registry flag out. A registry name Microsoft does not accept is
/// said and shown as unknown, and the prefixes still stay.
#[test]
fn microsoft_peering_without_registry_keeps_its_prefixes_cli_routing() {
    let text = example("ExpressRouteCircuitPeeringGet.json").replace("\"ARIN\"", "\"NONE\"");
    let i = one(&circuit_with(&text));
    let p = cir(&i)
        .peering(PeeringType::MicrosoftPeering)
        .expect("microsoft peering");
    let ms = p.config.microsoft.as_ref().expect("microsoft config kept");
    assert_eq!(ms.advertised_public_prefixes.len(), 2);
    assert_eq!(ms.customer_asn.map(|a| a.get()), Some(23));
    assert_eq!(ms.routing_registry_name, None);
    assert_eq!(p.routing_registry_name(), "NONE");
    assert!(i.unknown_values.is_empty(), "{}", print(&i));
    let pair = commands::microsoft_peering(cir(&i), &p.config);
    assert!(pair
        .powershell
        .contains("-MicrosoftConfigAdvertisedPublicPrefixes"));
    assert!(
        !pair.powershell.contains("RoutingRegistryName"),
        "{}",
        pair.powershell
    );
    assert!(
        !pair.cli.contains("--routing-registry-name"),
        "{}",
        pair.cli
    );
    round_trip(cir(&i));

    let odd = example("ExpressRouteCircuitPeeringGet.json").replace("\"ARIN\"", "\"MYREG\"");
    let i = one(&circuit_with(&odd));
    let ms = cir(&i)
        .peering(PeeringType::MicrosoftPeering)
        .and_then(|p| p.config.microsoft.clone())
        .expect("microsoft config kept");
    assert_eq!(ms.advertised_public_prefixes.len(), 2);
    assert_eq!(ms.routing_registry_name, None);
    // Both the IPv4 and the IPv6 config name it: both are said.
    assert_eq!(
        i.unknown_values
            .iter()
            .filter(|u| u.value == "MYREG")
            .count(),
        2,
        "{}",
        print(&i)
    );
    assert!(i
        .warnings
        .iter()
        .any(|w| w.message.contains("'MYREG'") && w.message.contains("kept")));
}

/// [FAQ]: ExpressRoute Local has no Global Reach. An imported Local circuit that lists Global
/// Reach connections does not add up, and the diagnosis says so.
#[test]
fn local_circuit_with_global_reach_is_flagged_faq() {
    let mut v: serde_json::Value = serde_json::from_str(CLI_SHOW).expect("json");
    v["peerings"][0]["connections"] = serde_json::json!([{ "name": "gr-to-london" }]);
    let standard = one(&v.to_string());
    assert!(!any_contains(&standard.diagnosis.blocking, "Global Reach"));
    v["sku"] = serde_json::json!({ "name": "Local_UnlimitedData", "tier": "Local", "family": "UnlimitedData" });
    let local = one(&v.to_string());
    assert_eq!(cir(&local).sku.tier, SkuTier::Local);
    assert!(
        any_contains(
            &local.diagnosis.blocking,
            "ExpressRoute Local does not support Global Reach, yet it lists Global Reach connections (gr-to-london)"
        ),
        "{}",
        print(&local)
    );
}

/// Global Reach connections on the private peering are read (by name), count against the VNet
/// link limit, and survive export → import. [SPEC-2024-05] [LIMITS]
#[test]
fn global_reach_connections_count_against_the_link_limit_limits() {
    let mut v: serde_json::Value = serde_json::from_str(CLI_SHOW).expect("json");
    v["peerings"][0]["connections"] = serde_json::json!([
        { "name": "gr-to-london", "type": "Microsoft.Network/expressRouteCircuits/peerings/connections" },
        { "name": "gr-to-tokyo" }
    ]);
    let c = cir(&one(&v.to_string())).clone();
    let p = c
        .peering(PeeringType::AzurePrivatePeering)
        .expect("private");
    let names: Vec<&str> = p.global_reach.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["gr-to-london", "gr-to-tokyo"]);
    assert_eq!(c.links_used(), c.vnet_links.len() + 2);
    round_trip(&c);
    // A Standard circuit allows 10: with 2 Global Reach connections, the 9th VNet is refused.
    let mut c = c;
    c.vnet_links = (0..8)
        .map(|i| er_core::VnetLink {
            name: format!("conn{i}"),
            vnet_name: format!("vnet{i}"),
            vnet_region: c.region.clone(),
            address_spaces: vec![format!("10.{}.0.0/16", i + 100).parse().unwrap()],
            authorization: None,
        })
        .collect();
    let r = er_core::precondition(&c, er_core::ActionKind::LinkVnet).unwrap_err();
    assert!(
        matches!(r, er_core::Refusal::LinkLimitReached { limit: 10, .. }),
        "{r:?}"
    );
    assert!(r.to_string().contains("Global Reach"));
    // Premium → Standard needs fewer than 10 links, Global Reach included. [PS-CIRCUIT]
    c.sku.tier = SkuTier::Premium;
    let r = er_core::apply(
        &c,
        &er_core::Action::ChangeTier {
            tier: SkuTier::Standard,
        },
    )
    .unwrap_err();
    assert!(
        matches!(
            r,
            er_core::Refusal::PremiumDowngradeBlocked { links: 10, .. }
        ),
        "{r:?}"
    );
}

// ---------------------------------------------------------------------------------------
// What people really paste: redacted values, lone child resources, ports and other resources.

const PASTES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pastes");

fn paste(name: &str) -> String {
    let path = format!("{PASTES}/{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn diagnosis_text(i: &er_core::Imported) -> String {
    let d = &i.diagnosis;
    [&d.blocking, &d.fine, &d.notes]
        .iter()
        .flat_map(|l| l.iter())
        .chain(std::iter::once(&d.next_step))
        .cloned()
        .collect::<Vec<_>>()
        .join("\n")
}

/// Regression: a peering whose peer ASN was redacted to `123##` and whose VLAN ID became
/// `xxx` silently disappeared, and the diagnosis then said "No peering is configured" about
/// the very peering that was pasted. The peering is kept, those two values are unknown, and
/// the page says which fields could not be read. The fields are required ones of the peering
/// resource [SPEC-2024-05]; the paste is `az network express-route show` output [CLI-CIRCUIT]
/// redacted in place (unquoted, as people do).
#[test]
fn redacted_required_value_keeps_the_peering_spec_2024_05() {
    let i = one(&paste("cli-show-redacted.json"));
    assert_eq!(i.kind(), ImportedKind::Circuit);
    let private = i
        .peerings
        .iter()
        .find(|p| p.peering_type == PeeringType::AzurePrivatePeering)
        .expect("the private peering is kept");
    assert_eq!((private.peer_asn, private.vlan_id), (None, None));
    assert_eq!(private.state, PeeringState::Enabled);
    assert_eq!(
        private.ipv4_subnets,
        Some(("172.16.40.0/30".into(), "172.16.40.4/30".into()))
    );
    let gaps: Vec<(&str, &str, Option<&str>)> = private
        .gaps
        .iter()
        .map(|g| (g.field.as_str(), g.label, g.value.as_deref()))
        .collect();
    assert_eq!(
        gaps,
        vec![
            ("peerings[0].peerAsn", "peer ASN", Some("123##")),
            ("peerings[0].vlanId", "VLAN ID", Some("xxx"))
        ]
    );
    assert!(!private.in_circuit);
    // The circuit model cannot hold an unknown VLAN: the peering is not in it, and that is said.
    assert!(cir(&i).peering(PeeringType::AzurePrivatePeering).is_none());
    let d = &i.diagnosis;
    assert!(
        !any_contains(&d.blocking, "No peering is configured"),
        "{d:#?}"
    );
    assert!(
        any_contains(&d.blocking, "AzurePrivatePeering is in the paste, but the peer ASN ('123##') and the VLAN ID ('xxx') could not be read"),
        "{d:#?}"
    );
    assert!(
        d.next_step
            .starts_with("Find the values that could not be read"),
        "{d:#?}"
    );
    // Each redacted value is one warning, at its field.
    for field in ["peerings[0].peerAsn", "peerings[0].vlanId", "serviceKey"] {
        let n = i.warnings.iter().filter(|w| w.field == field).count();
        assert_eq!(n, 1, "{field}: {}", print(&i));
    }
    assert!(i
        .unknown_values
        .iter()
        .any(|u| u.field == "peerings[0].vlanId" && u.reason == UnknownReason::Redacted));
}

/// Placeholders people use when they redact — `****`, `####`, `&&&&`, a trailing `##`,
/// `xxxx`, `<...>`, `{...}`, REDACTED in any case — each become unknown with exactly one
/// warning, never "missing" or "not a number" besides. Microsoft's own docs redact this
/// way: `**************` and `<subscriptionID>` [PS-CIRCUIT] [ERDIRECT-HOWTO].
#[test]
fn redaction_placeholders_become_unknown_with_one_warning_ps_circuit() {
    let placeholders = [
        "****",
        "####",
        "&&&&",
        "123##",
        "xxxx",
        "XXXX",
        "<peer-asn>",
        "{peerAsn}",
        "REDACTED",
        "redacted",
        "[Redacted]",
    ];
    for ph in placeholders {
        for quoted in [true, false] {
            if !quoted && (ph.starts_with('{') || ph.starts_with('[')) {
                continue; // braces and brackets are JSON's own: unquoted, that is not a value
            }
            let value = if quoted {
                format!("\"{ph}\"")
            } else {
                ph.to_string()
            };
            let text = CLI_SHOW
                .replace("\"peerAsn\": 65020", &format!("\"peerAsn\": {value}"))
                .replace(
                    "\"location\": \"westus\"",
                    &format!("\"location\": {value}"),
                );
            let i = one(&text);
            for field in ["peerings[0].peerAsn", "location"] {
                let warnings: Vec<&str> = i
                    .warnings
                    .iter()
                    .filter(|w| w.field == field)
                    .map(|w| w.message.as_str())
                    .collect();
                assert_eq!(warnings.len(), 1, "{ph} at {field}: {warnings:?}");
                assert!(warnings[0].contains("redacted"), "{ph}: {warnings:?}");
                assert!(
                    i.unknown_values
                        .iter()
                        .any(|u| u.field == field && u.reason == UnknownReason::Redacted),
                    "{ph} at {field}"
                );
            }
            assert!(
                !i.warnings.iter().any(|w| w.message.contains("missing")),
                "{ph}: {}",
                print(&i)
            );
            let p = &i.peerings[0];
            assert_eq!(p.peer_asn, None, "{ph}");
            assert_eq!(p.vlan_id, Some(100), "{ph}");
        }
    }
    // Ordinary values are not mistaken for placeholders.
    let i = one(CLI_SHOW);
    assert!(i.unknown_values.is_empty(), "{}", print(&i));
}

/// A peering pasted alone is read alone: none of its circuit's states (provider status,
/// Status, SKU, bandwidth, provider, billing, whether it can be deleted) is presented,
/// because the paste does not contain them [WF] [EX-PEERING-GET]. The same for an
/// authorization [EX-AUTH-GET].
#[test]
fn lone_peering_or_authorization_presents_no_circuit_state_wf() {
    for f in [
        "ExpressRouteCircuitPeeringGet.json",
        "ExpressRouteCircuitPeeringCreate.json",
        "ExpressRouteCircuitAuthorizationGet.json",
    ] {
        let i = one(&example(f));
        assert!(i.circuit().is_none(), "{f}");
        let text = diagnosis_text(&i);
        for invented in [
            "Provider status",
            "Status Enabled",
            "Cannot be deleted",
            "Billing",
            "Routing model",
            "Standard_MeteredData",
            "50 Mbps",
        ] {
            assert!(!text.contains(invented), "{f}: {invented} in {text}");
        }
        let labels: Vec<&str> = i.facts.iter().map(|f| f.label.as_str()).collect();
        for absent in ["SKU", "Bandwidth", "Provider"] {
            assert!(!labels.contains(&absent), "{f}: {labels:?}");
        }
        assert!(
            i.facts
                .iter()
                .any(|x| x.label == "Circuit" && x.value.as_deref() == Some("circuitName")),
            "{f}"
        );
        assert!(
            any_contains(&i.diagnosis.notes, "not in it, so none is shown"),
            "{f}"
        );
    }
}

/// The result shows what identifies the circuit: provider, peering location, bandwidth,
/// SKU, region, and each peering with its VLAN and peer ASN [SPEC-2024-05] [CLI-CIRCUIT];
/// what the paste does not have (or had redacted) is unknown, not invented.
#[test]
fn result_shows_what_identifies_the_circuit_cli_circuit() {
    let i = one(CLI_SHOW);
    let facts: Vec<(&str, Option<&str>)> = i
        .facts
        .iter()
        .map(|f| (f.label.as_str(), f.value.as_deref()))
        .collect();
    for expected in [
        ("Provider", Some("Equinix")),
        ("Peering location", Some("Silicon Valley")),
        ("Bandwidth", Some("200 Mbps")),
        ("SKU", Some("Standard_UnlimitedData")),
        ("Region", Some("westus")),
    ] {
        assert!(facts.contains(&expected), "{expected:?} in {facts:?}");
    }
    let p = &i.peerings[0];
    assert_eq!(
        (p.peering_type, p.vlan_id, p.peer_asn),
        (PeeringType::AzurePrivatePeering, Some(100), Some(65020))
    );
    // Missing bandwidth: the model keeps its smallest value, the result says unknown.
    let i = one(&CLI_SHOW.replace("\"bandwidthInMbps\": 200, ", ""));
    assert!(i
        .facts
        .iter()
        .any(|f| f.label == "Bandwidth" && f.value.is_none()));
    let i = one(&CLI_SHOW.replace("\"Equinix\"", "\"<provider>\""));
    assert!(i
        .facts
        .iter()
        .any(|f| f.label == "Provider" && f.value.is_none()));
}

/// A Microsoft peering in ValidationNeeded: the diagnosis names the likely causes visible in
/// the paste — routing registry NONE [ROUTING] [PS-ROUTING], a private peer ASN (manual
/// validation, [ROUTING]), prefixes that are not public [WF] [PS-ROUTING] — then the
/// documented per-prefix path with the validation ID (api-version 2024-10-01,
/// [SPEC-2024-10] [COMMIT-PREFIXVALID] [PS-PREFIX]), and only then the support ticket.
#[test]
fn microsoft_validation_needed_names_causes_before_the_ticket_routing_spec_2024_10() {
    let i = one(&paste("cli-show-redacted.json"));
    let line = i
        .diagnosis
        .blocking
        .iter()
        .find(|b| b.starts_with("MicrosoftPeering advertised public prefixes ValidationNeeded"))
        .unwrap_or_else(|| panic!("{:#?}", i.diagnosis));
    let at = |needle: &str| {
        line.find(needle)
            .unwrap_or_else(|| panic!("{needle} not in {line}"))
    };
    let registry = at("the routing registry is NONE");
    let asn = at("peer ASN 65001 is a private AS number");
    let prefixes = at("10.20.0.0/24, 198.51.100.0/24 are not public");
    let validation_id = at("validation ID");
    let ticket = at("Open a support ticket");
    assert!(registry < validation_id && asn < validation_id && prefixes < validation_id);
    assert!(validation_id < ticket, "{line}");
    assert!(line.contains("Set-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig"));
    assert!(
        i.diagnosis
            .next_step
            .contains("the routing registry is NONE")
            || i.diagnosis.next_step.starts_with("Find the values"),
        "{:#?}",
        i.diagnosis
    );
    // With a registry, a public ASN and public prefixes, no cause is invented.
    let i = one(&circuit_with(&example(
        "ExpressRouteCircuitPeeringGet.json",
    )));
    let line = i
        .diagnosis
        .blocking
        .iter()
        .find(|b| b.starts_with("MicrosoftPeering advertised public prefixes ValidationNeeded"))
        .expect("validation needed");
    assert!(!line.contains("Likely causes"), "{line}");
    assert!(
        i.diagnosis.next_step.contains("validation ID"),
        "{:#?}",
        i.diagnosis
    );
}

/// An ExpressRoute Direct port is read as a port, from the REST example [EX-PORT-GET]
/// [SPEC-PORT]: its links with their adminState, the bandwidth, peering location and
/// encapsulation. Both links start Disabled, and the diagnosis says what comes before any
/// traffic: the LOA, the cross-connects, then enabling both links [ERDIRECT-HOWTO]. It is
/// never told to send a service key to a provider: a port has neither [ERDIRECT-ABOUT].
#[test]
fn direct_port_is_read_as_a_port_ex_port_get_erdirect_howto() {
    let i = one(&paste("ExpressRoutePortGet.json"));
    assert_eq!(i.kind(), ImportedKind::DirectPort);
    assert!(i.circuit().is_none());
    let ImportedResource::DirectPort(p) = &i.resource else {
        panic!("{:?}", i.resource)
    };
    assert_eq!(p.name.as_deref(), Some("portName"));
    assert_eq!(p.peering_location.as_deref(), Some("peeringLocationName"));
    assert_eq!(p.bandwidth_in_gbps, Some(100));
    assert_eq!(p.encapsulation, Some(er_core::PortEncapsulation::QinQ));
    assert_eq!(p.provisioning_state, Some(ProvisioningState::Succeeded));
    assert_eq!(p.links.len(), 2);
    for (l, router) in p.links.iter().zip(["router1", "router2"]) {
        assert_eq!(l.admin_state, Some(er_core::LinkAdminState::Disabled));
        assert_eq!(l.router_name.as_deref(), Some(router));
        assert_eq!(l.provisioning_state, Some(ProvisioningState::Succeeded));
    }
    let text = diagnosis_text(&i);
    assert!(
        !text.to_lowercase().contains("service key to the provider"),
        "{text}"
    );
    let d = &i.diagnosis;
    let both = d
        .blocking
        .iter()
        .find(|b| b.starts_with("Both links, link1 (primary) and link2 (secondary), are Disabled"))
        .unwrap_or_else(|| panic!("{d:#?}"));
    let loa = both.find("Letter of Authorization").expect("LOA");
    let cross = both.find("cross-connects").expect("cross-connects");
    let enable = both.find("adminState to Enabled").expect("enable");
    assert!(loa < cross && cross < enable, "{both}");
    assert!(both.contains("[ERDIRECT-HOWTO]"));
    assert!(d.next_step.starts_with("Generate the LOA"), "{d:#?}");
    assert!(any_contains(&d.notes, "45 days"), "{d:#?}");
    assert!(any_contains(&d.notes, "Encapsulation QinQ"), "{d:#?}");
    let facts: Vec<(&str, Option<&str>)> = i
        .facts
        .iter()
        .map(|f| (f.label.as_str(), f.value.as_deref()))
        .collect();
    assert!(facts.contains(&("Peering location", Some("peeringLocationName"))));
    assert!(facts.contains(&("Port bandwidth", Some("100 Gbps per link"))));

    // Once both links are Enabled: the Layer 1 test passed; create circuits on the port.
    let enabled = one(&paste("ExpressRoutePortGet.json").replace("\"Disabled\"", "\"Enabled\""));
    assert!(any_contains(
        &enabled.diagnosis.fine,
        "are Enabled: the cross-connects have passed"
    ));
    assert!(
        enabled
            .diagnosis
            .next_step
            .starts_with("Create a circuit on the port"),
        "{:#?}",
        enabled.diagnosis
    );
    // One link up: said, with the one to enable.
    let one_up = one(&paste("ExpressRoutePortGet.json").replacen("\"Disabled\"", "\"Enabled\"", 1));
    assert!(any_contains(
        &one_up.diagnosis.blocking,
        "link2 (secondary) is Disabled while link1 (primary) is Enabled"
    ));
}

/// `Get-AzExpressRoutePort` output as the docs print it [ERDIRECT-HOWTO], with Format-List
/// wrapping the resource ID and even each link's "Id" string inside the Links block, is read
/// as the same port.
#[test]
fn direct_port_powershell_output_erdirect_howto() {
    let i = one(&paste("docs-Get-AzExpressRoutePort-Disabled.txt"));
    assert_eq!(i.format, ImportFormat::PowerShellList);
    assert_eq!(i.kind(), ImportedKind::DirectPort);
    let ImportedResource::DirectPort(p) = &i.resource else {
        panic!("{:?}", i.resource)
    };
    assert_eq!(p.name.as_deref(), Some("Contoso-Direct"));
    assert_eq!(p.resource_group.as_deref(), Some("Contoso-Direct-rg"));
    assert_eq!(p.peering_location.as_deref(), Some("Equinix-Seattle-SE2"));
    assert_eq!(p.bandwidth_in_gbps, Some(100));
    assert_eq!(p.encapsulation, Some(er_core::PortEncapsulation::QinQ));
    let links: Vec<(&str, Option<er_core::LinkAdminState>, Option<&str>)> = p
        .links
        .iter()
        .map(|l| (l.name.as_str(), l.admin_state, l.router_name.as_deref()))
        .collect();
    assert_eq!(
        links,
        vec![
            (
                "link1",
                Some(er_core::LinkAdminState::Disabled),
                Some("tst-09xgmr-cis-1")
            ),
            (
                "link2",
                Some(er_core::LinkAdminState::Disabled),
                Some("tst-09xgmr-cis-2")
            ),
        ]
    );
    assert!(i.diagnosis.next_step.starts_with("Generate the LOA"));
    assert!(any_contains(
        &i.diagnosis.notes,
        "allocated Saturday, September 1, 2018"
    ));
}

/// A connection and a virtual network gateway are recognised by their `type` [SPEC-NET] and
/// named, with what to paste instead (a route filter is read: see tests/route_filter.rs); none is read as a circuit with
/// invented values (a connection has an `authorizationKey`, a gateway a `sku`).
#[test]
fn other_resources_are_named_with_what_to_paste_spec_net() {
    for (f, t, what) in [
        (
            "cli-connection-show.json",
            "Microsoft.Network/connections",
            "a connection",
        ),
        (
            "cli-vnet-gateway-show.json",
            "Microsoft.Network/virtualNetworkGateways",
            "a virtual network gateway",
        ),
    ] {
        let i = one(&paste(f));
        assert_eq!(i.kind(), ImportedKind::Other, "{f}");
        let ImportedResource::Other(o) = &i.resource else {
            panic!("{f}")
        };
        assert_eq!(o.resource_type, t);
        assert!(o.what.starts_with(what), "{f}: {}", o.what);
        assert!(
            i.diagnosis.next_step.contains("express-route show"),
            "{f}: {:#?}",
            i.diagnosis
        );
        assert!(i.diagnosis.blocking.is_empty(), "{f}: {:#?}", i.diagnosis);
        assert!(any_contains(&i.diagnosis.notes, &format!("This is {what}")));
    }
}

#[test]
fn every_paste_fixture_imports() {
    let mut n = 0;
    for entry in std::fs::read_dir(PASTES).expect("pastes dir") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("readable");
        let v = import(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(!v[0].diagnosis.next_step.is_empty());
        n += 1;
    }
    assert!(n >= 6);
}
