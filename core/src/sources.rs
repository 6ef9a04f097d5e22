//! Where each source key leads: the document a rule comes from, with a title a person can read
//! and the address to open it.
//!
//! Rules cite their sources as keys in square brackets (`[WF]`, `[PS-LINK]`), in doc comments and
//! in the `source` strings the UI shows. [`SOURCES`] resolves every key to a title, a publisher
//! and an https address; `docs/sources.md` lists the same keys with the date and version read,
//! and a test keeps the two and the code in step. `[inferred]` (optionally `[inferred: why]`)
//! marks a rule the sources imply but do not state: it is no document, so it has no entry here.

/// Who publishes a source, shown after its title: "… (Microsoft Learn)".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publisher {
    /// learn.microsoft.com, the published ExpressRoute and cmdlet documentation.
    Learn,
    /// An earlier version of a Microsoft Learn article, in MicrosoftDocs/azure-docs on GitHub.
    DocsHistory,
    /// Azure/azure-rest-api-specs on GitHub.
    RestSpec,
    /// Azure/azure-powershell on GitHub.
    PowerShellSource,
    /// Azure/azure-cli on GitHub.
    CliSource,
    /// hashicorp/terraform-provider-azurerm on GitHub.
    Terraform,
    /// An issue on GitHub.
    GitHubIssue,
    /// Amazon Web Services documentation.
    Aws,
    /// Google Cloud documentation.
    GoogleCloud,
    /// Oracle Cloud Infrastructure documentation.
    Oracle,
}

impl Publisher {
    /// The label shown after a source's title.
    pub fn label(self) -> &'static str {
        match self {
            Self::Learn => "Microsoft Learn",
            Self::DocsHistory => "Microsoft Learn source on GitHub",
            Self::RestSpec => "Azure REST API spec",
            Self::PowerShellSource => "Azure PowerShell source",
            Self::CliSource => "Azure CLI source",
            Self::Terraform => "Terraform AzureRM provider source",
            Self::GitHubIssue => "GitHub issue",
            Self::Aws => "AWS documentation",
            Self::GoogleCloud => "Google Cloud documentation",
            Self::Oracle => "Oracle Cloud documentation",
        }
    }
}

use Publisher::*;

/// Every source key: (key without brackets, title, publisher, https address). Sorted by key.
/// `docs/sources.md` lists the same keys and addresses, with the version read.
pub static SOURCES: &[(&str, &str, Publisher, &str)] = &[
    ("AWS-BGP", "Direct Connect API reference: BGPPeer", Aws, "https://docs.aws.amazon.com/directconnect/latest/APIReference/API_BGPPeer.html"),
    ("AWS-CONN", "Direct Connect API reference: ConfirmConnection", Aws, "https://docs.aws.amazon.com/goto/WebAPI/directconnect-2012-10-25/ConfirmConnection"),
    ("AWS-VIF", "SDK for Kotlin: Direct Connect VirtualInterfaceState", Aws, "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/directconnect/aws.sdk.kotlin.services.directconnect.model/-virtual-interface/virtual-interface-state.html"),
    ("AZ-CLI-PARAMS", "Azure CLI network command module, _params.py", CliSource, "https://github.com/Azure/azure-cli/blob/dev/src/azure-cli/azure/cli/command_modules/network/_params.py"),
    ("BGP-COMMUNITIES", "ExpressRoute routing requirements: BGP communities", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-routing#bgp"),
    ("CLI-CIRCUIT", "Create and modify an ExpressRoute circuit using the Azure CLI", Learn, "https://learn.microsoft.com/azure/expressroute/howto-circuit-cli"),
    ("CLI-LINK", "Connect a virtual network to an ExpressRoute circuit using the Azure CLI", Learn, "https://learn.microsoft.com/azure/expressroute/howto-linkvnet-cli"),
    ("CLI-ROUTING", "Create and modify peering for an ExpressRoute circuit using the Azure CLI", Learn, "https://learn.microsoft.com/azure/expressroute/howto-routing-cli"),
    ("COMMIT-PREFIXVALID", "Microsoft peering prefix validation, the July 2025 change to the ExpressRoute docs", DocsHistory, "https://github.com/MicrosoftDocs/azure-docs/commit/f0ce9ca1901e62452c0046105f7949741dbaab6d"),
    ("ERDIRECT-ABOUT", "About ExpressRoute Direct", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-erdirect-about"),
    ("ERDIRECT-HOWTO", "How to configure ExpressRoute Direct", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-howto-erdirect"),
    ("EX-AUTH-GET", "REST API example: get a circuit authorization (2024-05-01)", RestSpec, "https://github.com/Azure/azure-rest-api-specs/blob/118093527e37893ae10b10d2e08291b6bdd7cf8d/specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/ExpressRouteCircuitAuthorizationGet.json"),
    ("EX-CIRCUIT-CREATE", "REST API example: create a circuit (2024-05-01)", RestSpec, "https://github.com/Azure/azure-rest-api-specs/blob/c93887028b4d26ea3c19a1c5be394b4f69e636c3/specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/examples/ExpressRouteCircuitCreate.json"),
    ("EX-CIRCUIT-GET", "REST API example: get a circuit (2024-10-01)", RestSpec, "https://github.com/Azure/azure-rest-api-specs/blob/32a84cd2ed0ca6574a11b0274a7a85d2dec85177/specification/network/resource-manager/Microsoft.Network/stable/2024-10-01/examples/ExpressRouteCircuitGet.json"),
    ("EX-PEERING-GET", "REST API example: get a circuit peering (2024-10-01)", RestSpec, "https://github.com/Azure/azure-rest-api-specs/blob/f20bd4dcd77dfb3d68670c9d701d91d4d77dbc7b/specification/network/resource-manager/Microsoft.Network/stable/2024-10-01/examples/ExpressRouteCircuitPeeringGet.json"),
    ("EX-PORT-GET", "REST API example: get an ExpressRoute Direct port (2024-10-01)", RestSpec, "https://github.com/Azure/azure-rest-api-specs/blob/442a946791d1d267f8d7d1ed1a3275a2d0460793/specification/network/resource-manager/Microsoft.Network/stable/2024-10-01/examples/ExpressRoutePortGet.json"),
    ("FAQ", "ExpressRoute FAQ", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-faqs"),
    ("FAQ-SPEEDS", "ExpressRoute FAQ: What connection speeds are supported by ExpressRoute?", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-faqs#what-connection-speeds-are-supported-by-expressroute"),
    ("FASTPATH", "About ExpressRoute FastPath", Learn, "https://learn.microsoft.com/azure/expressroute/about-fastpath"),
    ("GATEWAY", "About ExpressRoute virtual network gateways", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-about-virtual-network-gateways"),
    ("GCP-OPSTATUS", "Compute Engine Python client: InterconnectAttachment.OperationalStatus", GoogleCloud, "https://docs.cloud.google.com/python/docs/reference/compute/1.37.0/google.cloud.compute_v1.types.InterconnectAttachment.OperationalStatus"),
    ("GCP-STATE", "Compute Engine .NET client: InterconnectAttachment.Types.State", GoogleCloud, "https://docs.cloud.google.com/dotnet/docs/reference/Google.Cloud.Compute.V1/latest/Google.Cloud.Compute.V1.InterconnectAttachment.Types.State"),
    ("GLOBAL-REACH", "ExpressRoute Global Reach", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-global-reach"),
    ("GR-CLI", "Configure ExpressRoute Global Reach by using the Azure CLI", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-howto-set-global-reach-cli"),
    ("GR-FAQ", "ExpressRoute FAQ: Global Reach", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-faqs#globalreach"),
    ("GR-PORTAL", "Configure ExpressRoute Global Reach using the Azure portal", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-howto-set-global-reach-portal"),
    ("GR-PS", "Configure ExpressRoute Global Reach (Azure PowerShell)", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-howto-set-global-reach"),
    ("ISSUE-CLI1175", "Azure CLI issue 1175: Microsoft peering without its configuration", GitHubIssue, "https://github.com/Azure/azure-cli/issues/1175"),
    ("ISSUE-CLI1574", "Azure CLI issue 1574: a reused VLAN ID on a second peering", GitHubIssue, "https://github.com/Azure/azure-cli/issues/1574"),
    ("ISSUE-DELETE", "oci-azure-interconnect issue 8: deleting a circuit the provider still has", GitHubIssue, "https://github.com/oracle-quickstart/oci-azure-interconnect/issues/8"),
    ("ISSUE-TF3022", "Terraform AzureRM issue 3022: peering needs the provider status Provisioned", GitHubIssue, "https://github.com/hashicorp/terraform-provider-azurerm/issues/3022"),
    ("LIMITS", "Azure subscription and service limits: ExpressRoute limits", Learn, "https://learn.microsoft.com/azure/azure-resource-manager/management/azure-subscription-service-limits#expressroute-limits"),
    ("LOCATIONS", "Locations and connectivity providers for ExpressRoute", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-locations-providers"),
    ("METRO", "About ExpressRoute Metro", Learn, "https://learn.microsoft.com/azure/expressroute/metro"),
    ("OCI-VC", "OCI .NET SDK: VirtualCircuit.LifecycleStateEnum", Oracle, "https://docs.oracle.com/en-us/iaas/tools/dotnet/latest/api/Oci.CoreService.Models.VirtualCircuit.LifecycleStateEnum.html"),
    ("OCI-VC-TS", "OCI TypeScript SDK: VirtualCircuit", Oracle, "https://docs.oracle.com/en-us/iaas/tools/typescript/2.5.2/modules/_core_lib_model_virtual_circuit_.virtualcircuit.html"),
    ("PEERINGS", "ExpressRoute circuits and peering", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-circuit-peerings"),
    ("PORTAL-2016", "Create and modify an ExpressRoute circuit in the Azure portal, the 2016 version", DocsHistory, "https://github.com/MicrosoftDocs/azure-docs/blob/000093c1f59905b7252e2ff86efb6475761a6684/articles/expressroute/expressroute-howto-circuit-portal-resource-manager.md"),
    ("PORTAL-CIRCUIT", "Create and modify an ExpressRoute circuit in the Azure portal", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-howto-circuit-portal-resource-manager"),
    ("PORTAL-LINK", "Link a virtual network to ExpressRoute circuits in the Azure portal", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-howto-linkvnet-portal-resource-manager"),
    ("PORTAL-ROUTING", "Create and modify peering for an ExpressRoute circuit in the Azure portal", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-howto-routing-portal-resource-manager"),
    ("PS-CIRCUIT", "Create and modify an ExpressRoute circuit using PowerShell", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-howto-circuit-arm"),
    ("PS-DOC-ADD-AUTH", "Add-AzExpressRouteCircuitAuthorization", Learn, "https://learn.microsoft.com/powershell/module/az.network/add-azexpressroutecircuitauthorization"),
    ("PS-DOC-ADD-PEERING", "Add-AzExpressRouteCircuitPeeringConfig", Learn, "https://learn.microsoft.com/powershell/module/az.network/add-azexpressroutecircuitpeeringconfig"),
    ("PS-DOC-NEW-CIRCUIT", "New-AzExpressRouteCircuit", Learn, "https://learn.microsoft.com/powershell/module/az.network/new-azexpressroutecircuit"),
    ("PS-GR-ADD", "Add-AzExpressRouteCircuitConnectionConfig (Az.Network)", Learn, "https://learn.microsoft.com/powershell/module/az.network/add-azexpressroutecircuitconnectionconfig"),
    ("PS-LINK", "Connect a virtual network to an ExpressRoute circuit using PowerShell", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-howto-linkvnet-arm"),
    ("PS-PREFIX", "Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig", PowerShellSource, "https://github.com/Azure/azure-powershell/blob/main/src/Network/Network/ExpressRouteCircuit/Peering/PrefixConfig/AddAzureExpressRouteCircuitMicrosoftPeeringPrefixConfig.cs"),
    ("PS-ROUTE-FILTER-RULE", "Add-AzRouteFilterRuleConfig", PowerShellSource, "https://github.com/Azure/azure-powershell/blob/1d88fb13a1f1c3964c48aeb3e09d2d2d9ae2c749/src/Network/Network/RouteFilter/RouteFilterRule/AddAzureRouteFilterRuleConfigCommand.cs"),
    ("PS-ROUTING", "Create and modify peering for an ExpressRoute circuit using PowerShell", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-howto-routing-arm"),
    ("RESERVED-ASN", "Prepend routes by using route maps for Azure Route Server (reserved ASNs)", Learn, "https://learn.microsoft.com/azure/route-server/route-maps-scenario-prepend-routes"),
    ("RESET", "Reset ExpressRoute circuit peerings using PowerShell", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-howto-reset-peering"),
    ("RESILIENCY", "Design and architect ExpressRoute for resiliency", Learn, "https://learn.microsoft.com/azure/expressroute/design-architecture-for-resiliency"),
    ("ROUTE-FILTER", "Configure route filters for Microsoft peering using PowerShell", Learn, "https://learn.microsoft.com/azure/expressroute/how-to-routefilter-powershell"),
    ("ROUTE-FILTER-CLI", "Configure route filters for Microsoft peering using the Azure CLI", Learn, "https://learn.microsoft.com/azure/expressroute/how-to-routefilter-cli"),
    ("ROUTE-FILTER-PORTAL", "Configure route filters for Microsoft peering in the Azure portal", Learn, "https://learn.microsoft.com/azure/expressroute/how-to-routefilter-portal"),
    ("ROUTING", "ExpressRoute routing requirements", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-routing"),
    ("SPEC-2024-05", "expressRouteCircuit.json, API version 2024-05-01", RestSpec, "https://github.com/Azure/azure-rest-api-specs/blob/037e1fc203498a35f0aa35b9ac469d34aabb385f/specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/expressRouteCircuit.json"),
    ("SPEC-2024-10", "expressRouteCircuit.json, API version 2024-10-01", RestSpec, "https://github.com/Azure/azure-rest-api-specs/blob/b85c970dd1a0e695d218cf03fcceb8af3b8cf15c/specification/network/resource-manager/Microsoft.Network/stable/2024-10-01/expressRouteCircuit.json"),
    ("SPEC-2025-03", "expressRouteCircuit.json, API version 2025-03-01", RestSpec, "https://github.com/Azure/azure-rest-api-specs/blob/07f6ceac40fa310372fa31eda52441da610eeba1/specification/network/resource-manager/Microsoft.Network/stable/2025-03-01/expressRouteCircuit.json"),
    ("SPEC-NET", "network.json (common definitions), API version 2024-05-01", RestSpec, "https://github.com/Azure/azure-rest-api-specs/blob/ea83a2a3e90ca3f0420e9d0ef55a811523541aba/specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/network.json"),
    ("SPEC-PORT", "expressRoutePort.json, API version 2024-05-01", RestSpec, "https://github.com/Azure/azure-rest-api-specs/blob/f6085cf4f70d8a12e223dbfa1b53a9cf8103cf65/specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/expressRoutePort.json"),
    ("SPEC-ROUTE-FILTER", "routeFilter.json, API version 2024-05-01", RestSpec, "https://github.com/Azure/azure-rest-api-specs/blob/132b90d1f06386034a6c2b34e903dbd3b03f9806/specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/routeFilter.json"),
    ("TF-CIRCUIT", "azurerm_express_route_circuit resource", Terraform, "https://github.com/hashicorp/terraform-provider-azurerm/blob/61d350c7e3ee8d6b60949ad7a7168a3c30fe267f/internal/services/network/express_route_circuit_resource.go"),
    ("TF-PEERING", "azurerm_express_route_circuit_peering resource", Terraform, "https://github.com/hashicorp/terraform-provider-azurerm/blob/main/internal/services/network/express_route_circuit_peering_resource.go"),
    ("TF-PEERING-DOC", "azurerm_express_route_circuit_peering documentation", Terraform, "https://github.com/hashicorp/terraform-provider-azurerm/blob/057c7cf3c7d88effcb72164c431ee153098095e3/website/docs/r/express_route_circuit_peering.html.markdown"),
    ("TROUBLE", "Verify ExpressRoute connectivity", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-troubleshooting-expressroute-overview"),
    ("TROUBLE-2017", "Verify ExpressRoute connectivity, the 2017 version", DocsHistory, "https://github.com/MicrosoftDocs/azure-docs/blob/005731b1d970c46527921efc09e523aae64c720e/articles/expressroute/expressroute-troubleshooting-expressroute-overview.md"),
    ("TROUBLE-ARP", "Getting ARP tables in the Resource Manager deployment model", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-troubleshooting-arp-resource-manager"),
    ("WF", "ExpressRoute workflows for circuit provisioning and circuit states", Learn, "https://learn.microsoft.com/azure/expressroute/expressroute-workflows"),
];

/// One citation in a source string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Citation<'a> {
    /// A document: its key, title, publisher and https address.
    Document {
        /// The key without brackets ("WF").
        key: &'static str,
        /// The document's title.
        title: &'static str,
        /// Who publishes it.
        publisher: Publisher,
        /// Where to read it.
        url: &'static str,
    },
    /// `[inferred]` or `[inferred: why]`: the sources imply the rule but do not state it.
    /// Holds the explanation ("Azure resource naming rules"), empty when none is given.
    Inferred(&'a str),
    /// A bracketed key that [`SOURCES`] does not list (a test keeps the code free of these).
    Unlisted(&'a str),
}

impl Citation<'_> {
    /// The sentence shown for an [`Citation::Inferred`] marker, `None` for other citations.
    pub fn inferred_note(&self) -> Option<String> {
        match self {
            Citation::Inferred("") => Some("Inferred, not stated by Microsoft.".into()),
            Citation::Inferred(why) => Some(format!("Inferred ({why}), not stated by Microsoft.")),
            _ => None,
        }
    }
}

/// The entry for a key (without brackets).
pub fn source(key: &str) -> Option<Citation<'static>> {
    SOURCES
        .iter()
        .find(|(k, ..)| *k == key)
        .map(|&(key, title, publisher, url)| Citation::Document {
            key,
            title,
            publisher,
            url,
        })
}

/// The citations of a source string such as `"[PS-LINK] [CLI-LINK] [inferred]"` or
/// `"[PORTAL-CIRCUIT] [inferred: Azure resource naming rules]"`, in order. Text outside
/// brackets is ignored.
pub fn citations(text: &str) -> Vec<Citation<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(']') else { break };
        let inner = after[..close].trim();
        rest = &after[close + 1..];
        if let Some(why) = inner.strip_prefix("inferred") {
            out.push(Citation::Inferred(why.trim_start_matches(':').trim()));
        } else {
            out.push(source(inner).unwrap_or(Citation::Unlisted(inner)));
        }
    }
    out
}

/// Splits a sentence that ends with its sources ("… and the status is Enabled. [WF] [TROUBLE]")
/// into the sentence and the source string. Only bracketed keys and `[inferred…]` markers at
/// the very end count; the source string is empty when there are none.
pub fn split_cited(text: &str) -> (&str, &str) {
    let mut body = text.trim_end();
    while body.ends_with(']') {
        let Some(open) = body.rfind('[') else { break };
        let inner = &body[open + 1..body.len() - 1];
        if !(is_key(inner) || inner.starts_with("inferred")) {
            break;
        }
        body = body[..open].trim_end();
    }
    let cited = text[body.len()..].trim();
    (body, cited)
}

/// Whether `s` looks like a source key: an upper-case letter, then upper-case letters, digits
/// and dashes.
pub fn is_key(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && s.len() > 1
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};

    #[test]
    fn parses_keys_and_inferred_markers() {
        let c = citations("[PORTAL-CIRCUIT] [inferred: Azure resource naming rules]");
        assert!(matches!(
            c[0],
            Citation::Document {
                key: "PORTAL-CIRCUIT",
                publisher: Publisher::Learn,
                ..
            }
        ));
        assert_eq!(c[1], Citation::Inferred("Azure resource naming rules"));
        assert_eq!(
            c[1].inferred_note().as_deref(),
            Some("Inferred (Azure resource naming rules), not stated by Microsoft.")
        );
        let c = citations("[PS-LINK] [CLI-LINK] [inferred]");
        assert_eq!(c.len(), 3);
        assert_eq!(c[2], Citation::Inferred(""));
        assert_eq!(
            c[2].inferred_note().as_deref(),
            Some("Inferred, not stated by Microsoft.")
        );
        assert_eq!(
            citations("[inferred analogy]"),
            vec![Citation::Inferred("analogy")]
        );
        let unlisted = format!("[{}]", "NO-SUCH-KEY");
        assert_eq!(
            citations(&unlisted),
            vec![Citation::Unlisted("NO-SUCH-KEY")]
        );
        assert!(citations("no keys here").is_empty());
    }

    #[test]
    fn splits_a_sentence_from_its_trailing_sources() {
        assert_eq!(
            split_cited("The circuit is usable. [WF] [TROUBLE]"),
            ("The circuit is usable.", "[WF] [TROUBLE]")
        );
        assert_eq!(
            split_cited("Billing stops. [SPEC-2024-05] [WF] [inferred: transient state]"),
            (
                "Billing stops.",
                "[SPEC-2024-05] [WF] [inferred: transient state]"
            )
        );
        // Brackets that are not keys stay in the sentence.
        assert_eq!(split_cited("Values [a, b]"), ("Values [a, b]", ""));
        assert_eq!(split_cited("No source."), ("No source.", ""));
    }

    #[test]
    fn every_entry_has_a_title_and_an_https_address_and_keys_are_sorted_and_unique() {
        for pair in SOURCES.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        for (key, title, _, url) in SOURCES {
            assert!(is_key(key), "{key}");
            assert!(!title.is_empty() && !title.contains('['), "{key}: {title}");
            assert!(
                url.starts_with("https://") && !url.contains(char::is_whitespace),
                "{key}: {url}"
            );
        }
    }

    fn repo_root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("readable source directory") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// Every bracketed key in `text` (code, string literals and comments alike).
    fn keys_in(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('[') {
            rest = &rest[open + 1..];
            let end = rest
                .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'))
                .unwrap_or(rest.len());
            if rest[end..].starts_with(']') && is_key(&rest[..end]) {
                out.push(&rest[..end]);
            }
        }
        out
    }

    /// `docs/sources.md`'s table: key → address.
    fn documented() -> BTreeMap<String, String> {
        let doc = std::fs::read_to_string(repo_root().join("docs/sources.md"))
            .expect("docs/sources.md exists");
        let mut out = BTreeMap::new();
        for line in doc.lines() {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            // | `[key]` | title | publisher | <address> | read |
            if cells.len() < 6 {
                continue;
            }
            let Some(key) = cells[1]
                .strip_prefix("`[")
                .and_then(|k| k.strip_suffix("]`"))
            else {
                continue;
            };
            let url = cells[4].trim_start_matches('<').trim_end_matches('>');
            assert!(
                out.insert(key.to_string(), url.to_string()).is_none(),
                "{key} listed twice in docs/sources.md"
            );
        }
        out
    }

    #[test]
    fn every_key_the_code_cites_is_listed_here_and_in_docs_sources_md() {
        let root = repo_root();
        let mut files = Vec::new();
        rust_files(&root.join("core/src"), &mut files);
        rust_files(&root.join("src"), &mut files);
        assert!(files.len() > 30, "found only {} files", files.len());
        let doc = documented();
        let mut missing = Vec::new();
        for file in &files {
            let text = std::fs::read_to_string(file).expect("readable file");
            for key in keys_in(&text) {
                if source(key).is_none() || !doc.contains_key(key) {
                    missing.push(format!("[{key}] in {}", file.display()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "cited but not listed in core/src/sources.rs and docs/sources.md: {missing:#?}"
        );
    }

    #[test]
    fn docs_sources_md_and_the_table_agree() {
        let doc = documented();
        let table: BTreeMap<String, String> = SOURCES
            .iter()
            .map(|(k, _, _, url)| (k.to_string(), url.to_string()))
            .collect();
        assert_eq!(doc, table);
    }
}
