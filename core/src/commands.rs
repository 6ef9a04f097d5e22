//! The real Az PowerShell and Azure CLI commands for every wizard step and
//! lifecycle action, filled in with the circuit's values.
//!
//! Cmdlet and flag names are exactly those of domain.md §3; every generator
//! cites its source key in [`CommandPair::source`]. Values are quoted for
//! their shell ([`ps_quote`], [`sh_quote`]) so a name with a space, a quote,
//! `$`, a backtick or `;` still gives a correct command. Fixed tokens (enum
//! values such as `Standard`, numbers) are written bare, as the docs do.

use std::fmt;

use crate::circuit::{Circuit, Port, VnetLink};
use crate::enums::{PeeringState, PeeringType, RoutingModel, SkuFamily, SkuTier};
use crate::machine::higher_bandwidths;
use crate::route_filter::RouteFilter;
use crate::routing::{LinkPair, PeeringConfig};
use crate::secrets::SecretKind;
use crate::steps::STEPS;

/// Shown where the subscription id is not known.
pub const SUBSCRIPTION_PLACEHOLDER: &str = "<subscription-id>";

/// Which shell a command is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shell {
    /// Azure PowerShell (the Az module).
    PowerShell,
    /// Azure CLI (`az`), for bash or another POSIX shell.
    AzureCli,
}

impl Shell {
    /// "Azure PowerShell" or "Azure CLI".
    pub const fn label(self) -> &'static str {
        match self {
            Self::PowerShell => "Azure PowerShell",
            Self::AzureCli => "Azure CLI",
        }
    }
}

impl fmt::Display for Shell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One command (possibly several lines) for one shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// The shell it runs in.
    pub shell: Shell,
    /// What it does.
    pub title: String,
    /// The full text to copy; lines are separated by `\n`.
    pub text: String,
}

/// The same task in Az PowerShell and in the Azure CLI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandPair {
    /// What it does, in plain words.
    pub title: String,
    /// Az PowerShell text (lines separated by `\n`).
    pub powershell: String,
    /// Azure CLI text (lines separated by `\n`).
    pub cli: String,
    /// The source key(s) the commands come from (see `docs/sources.md`).
    pub source: &'static str,
}

impl CommandPair {
    pub(crate) fn new(
        title: impl Into<String>,
        powershell: impl Into<String>,
        cli: impl Into<String>,
        source: &'static str,
    ) -> Self {
        Self {
            title: title.into(),
            powershell: powershell.into(),
            cli: cli.into(),
            source,
        }
    }

    /// Both commands as [`Command`]s: PowerShell first, then the CLI.
    pub fn commands(&self) -> [Command; 2] {
        [
            Command {
                shell: Shell::PowerShell,
                title: self.title.clone(),
                text: self.powershell.clone(),
            },
            Command {
                shell: Shell::AzureCli,
                title: self.title.clone(),
                text: self.cli.clone(),
            },
        ]
    }

    /// The text for one shell.
    pub fn text(&self, shell: Shell) -> &str {
        match shell {
            Shell::PowerShell => &self.powershell,
            Shell::AzureCli => &self.cli,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Quoting

/// PowerShell treats these as single quotes too, so each must be doubled inside
/// a single-quoted string (PowerShell language spec, "single-quote-character").
fn is_ps_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}')
}

/// A PowerShell single-quoted string: nothing inside is expanded (`$`, backtick,
/// `"` are literal); each single-quote character is doubled.
pub fn ps_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        if is_ps_single_quote(c) {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// True for a token bash passes through unchanged without quotes.
fn sh_safe(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, '_' | '-' | '.' | '/' | ':' | ',' | '@' | '%' | '+' | '=')
        })
}

/// A POSIX shell word: safe tokens (`200`, `Standard`, `10.0.0.0/30`) are left
/// bare; anything else is single-quoted with `'` written as `'\''`.
pub fn sh_quote(s: &str) -> String {
    if sh_safe(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        if c == '\'' {
            out.push_str("'\\''");
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

/// A number bare, or a placeholder quoted (so the command stays well-formed).
fn ps_num(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
        s.to_string()
    } else {
        ps_quote(s)
    }
}

/// Several PowerShell strings as an array argument: `'a','b'`.
fn ps_list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| ps_quote(s))
        .collect::<Vec<_>>()
        .join(",")
}

/// Several CLI words, space-separated (the CLI takes `nargs='+'`).
fn sh_list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| sh_quote(s))
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------
// Building blocks

/// The circuit's full resource ID, used by `-PeerId` and `--express-route-circuit2`
/// for a VNet in another subscription. [PS-LINK] [CLI-LINK]
pub fn circuit_resource_id(c: &Circuit) -> String {
    let sub = if c.subscription_id.trim().is_empty() {
        SUBSCRIPTION_PLACEHOLDER
    } else {
        c.subscription_id.trim()
    };
    format!(
        "/subscriptions/{sub}/resourceGroups/{}/providers/Microsoft.Network/expressRouteCircuits/{}",
        c.resource_group, c.name
    )
}

/// `$ckt = Get-AzExpressRouteCircuit -Name … -ResourceGroupName …` [PS-CIRCUIT]
pub(crate) fn ps_get(c: &Circuit) -> String {
    format!(
        "$ckt = Get-AzExpressRouteCircuit -Name {} -ResourceGroupName {}",
        ps_quote(&c.name),
        ps_quote(&c.resource_group)
    )
}

pub(crate) const PS_SET: &str = "Set-AzExpressRouteCircuit -ExpressRouteCircuit $ckt";

/// `--name … --resource-group …` for `az network express-route`.
fn cli_circuit(c: &Circuit) -> String {
    format!(
        "--name {} --resource-group {}",
        sh_quote(&c.name),
        sh_quote(&c.resource_group)
    )
}

/// `--resource-group … --circuit-name …` for the circuit's child resources.
pub(crate) fn cli_child(c: &Circuit) -> String {
    format!(
        "--resource-group {} --circuit-name {}",
        sh_quote(&c.resource_group),
        sh_quote(&c.name)
    )
}

/// Mbps as Gbps in decimal ("0.05", "1", "2.5"), by integer arithmetic: no float formatting.
fn gbps_text(mbps: u32) -> String {
    let (whole, frac) = (mbps / 1000, mbps % 1000);
    if frac == 0 {
        whole.to_string()
    } else {
        let digits = format!("{frac:03}");
        format!("{whole}.{}", digits.trim_end_matches('0'))
    }
}

// ---------------------------------------------------------------------------------------
// Step 1: providers and creation

/// Lists providers, their peering locations and offered bandwidths. [PS-CIRCUIT] [CLI-CIRCUIT]
pub fn list_providers() -> CommandPair {
    CommandPair::new(
        "List connectivity providers, their peering locations and bandwidths",
        "Get-AzExpressRouteServiceProvider",
        "az network express-route list-service-providers",
        "[PS-CIRCUIT] [CLI-CIRCUIT]",
    )
}

/// Selects the circuit's subscription, when it is known.
pub fn select_subscription(c: &Circuit) -> Option<CommandPair> {
    let sub = c.subscription_id.trim();
    (!sub.is_empty()).then(|| {
        CommandPair::new(
            "Select the subscription",
            format!("Set-AzContext -Subscription {}", ps_quote(sub)),
            format!("az account set --subscription {}", sh_quote(sub)),
            "[CLI-ROUTING]",
        )
    })
}

/// Creates the circuit (provider or ExpressRoute Direct). Billing starts when
/// the service key is issued. [PS-CIRCUIT] [CLI-CIRCUIT] [PS-DOC-NEW-CIRCUIT]
pub fn create_circuit(c: &Circuit) -> CommandPair {
    let classic_ps = if c.allow_classic_operations {
        " -AllowClassicOperations $true"
    } else {
        ""
    };
    let classic_cli = if c.allow_classic_operations {
        " --allow-classic-operations true"
    } else {
        ""
    };
    match &c.port {
        Port::Provider {
            service_provider_name,
            peering_location,
            bandwidth_in_mbps,
            ..
        } => CommandPair::new(
            "Create the circuit (billing starts when the service key is issued)",
            format!(
                "New-AzExpressRouteCircuit -Name {} -ResourceGroupName {} -Location {} -SkuTier {} -SkuFamily {} -ServiceProviderName {} -PeeringLocation {} -BandwidthInMbps {}{classic_ps}",
                ps_quote(&c.name),
                ps_quote(&c.resource_group),
                ps_quote(&c.region),
                c.sku.tier,
                c.sku.family,
                ps_quote(service_provider_name),
                ps_quote(peering_location),
                bandwidth_in_mbps
            ),
            format!(
                "az network express-route create {} --location {} --provider {} --peering-location {} --bandwidth {} --sku-tier {} --sku-family {}{classic_cli}",
                cli_circuit(c),
                sh_quote(&c.region),
                sh_quote(service_provider_name),
                sh_quote(peering_location),
                bandwidth_in_mbps,
                c.sku.tier,
                c.sku.family
            ),
            "[PS-CIRCUIT] [CLI-CIRCUIT] [PS-DOC-NEW-CIRCUIT]",
        ),
        Port::Direct {
            express_route_port,
            bandwidth_in_gbps,
            ..
        } => {
            // The port is stored as a name or a resource ID; look it up either way.
            let get_port = if express_route_port.starts_with("/subscriptions/") {
                format!(
                    "$port = Get-AzExpressRoutePort -ResourceId {}",
                    ps_quote(express_route_port)
                )
            } else {
                format!(
                    "$port = Get-AzExpressRoutePort -Name {} -ResourceGroupName {}",
                    ps_quote(express_route_port),
                    ps_quote(&c.resource_group)
                )
            };
            CommandPair::new(
                "Create the circuit on the ExpressRoute Direct port (billing starts now)",
                format!(
                    "{get_port}\nNew-AzExpressRouteCircuit -Name {} -ResourceGroupName {} -Location {} -SkuTier {} -SkuFamily {} -ExpressRoutePort $port -BandwidthInGbps {}{classic_ps}",
                    ps_quote(&c.name),
                    ps_quote(&c.resource_group),
                    ps_quote(&c.region),
                    c.sku.tier,
                    c.sku.family,
                    bandwidth_in_gbps
                ),
                format!(
                    "az network express-route create {} --location {} --express-route-port {} --bandwidth {} Gbps --sku-tier {} --sku-family {}{classic_cli}",
                    cli_circuit(c),
                    sh_quote(&c.region),
                    sh_quote(express_route_port),
                    bandwidth_in_gbps,
                    c.sku.tier,
                    c.sku.family
                ),
                "[PS-DOC-NEW-CIRCUIT] [SPEC-2024-05]",
            )
        }
    }
}

// ---------------------------------------------------------------------------------------
// Steps 2 and 3: service key and states

/// Shows the whole circuit (service key, provider state, status). [PS-CIRCUIT] [CLI-CIRCUIT]
pub fn show_circuit(c: &Circuit) -> CommandPair {
    CommandPair::new(
        "Show the circuit",
        format!(
            "Get-AzExpressRouteCircuit -Name {} -ResourceGroupName {}",
            ps_quote(&c.name),
            ps_quote(&c.resource_group)
        ),
        format!("az network express-route show {}", cli_circuit(c)),
        "[PS-CIRCUIT] [CLI-CIRCUIT]",
    )
}

/// Prints the service key to send to the provider. [PS-CIRCUIT] [CLI-CIRCUIT] [WF]
pub fn service_key(c: &Circuit) -> CommandPair {
    CommandPair::new(
        "Get the service key to send to your provider",
        format!(
            "(Get-AzExpressRouteCircuit -Name {} -ResourceGroupName {}).ServiceKey",
            ps_quote(&c.name),
            ps_quote(&c.resource_group)
        ),
        format!(
            "az network express-route show {} --query serviceKey --output tsv",
            cli_circuit(c)
        ),
        "[PS-CIRCUIT] [CLI-CIRCUIT] [WF]",
    )
}

/// Shows the provider state and the circuit status: the circuit is usable when
/// they read Provisioned and Enabled. [PS-CIRCUIT] [CLI-CIRCUIT] [WF]
///
/// An ExpressRoute Direct circuit has no provider state to show (SC-14 [WF]): only
/// its status and ARM state are asked for.
pub fn check_states(c: &Circuit) -> CommandPair {
    let (title, ps_fields, cli_query) = if c.is_direct() {
        (
            "Check the circuit status (usable when Enabled)",
            "Name, CircuitProvisioningState, ProvisioningState",
            "{status:circuitProvisioningState, provisioning:provisioningState}",
        )
    } else {
        (
            "Check the provider state and the circuit status (usable when Provisioned and Enabled)",
            "Name, ServiceProviderProvisioningState, CircuitProvisioningState, ProvisioningState",
            "{provider:serviceProviderProvisioningState, status:circuitProvisioningState, provisioning:provisioningState}",
        )
    };
    CommandPair::new(
        title,
        format!(
            "Get-AzExpressRouteCircuit -Name {} -ResourceGroupName {} | Select-Object {ps_fields}",
            ps_quote(&c.name),
            ps_quote(&c.resource_group)
        ),
        format!(
            "az network express-route show {} --query {}",
            cli_circuit(c),
            sh_quote(cli_query)
        ),
        "[PS-CIRCUIT] [CLI-CIRCUIT] [WF]",
    )
}

// ---------------------------------------------------------------------------------------
// Step 4: peerings

/// Peering values as text, so real values and placeholders share one generator.
struct PeeringArgs {
    kind: PeeringType,
    peer_asn: String,
    v4: Option<(String, String)>,
    v6: Option<(String, String)>,
    vlan: String,
    shared_key: Option<String>,
    microsoft: Option<MicrosoftArgs>,
}

struct MicrosoftArgs {
    v4_prefixes: Vec<String>,
    v6_prefixes: Vec<String>,
    customer_asn: Option<String>,
    /// `None` when the peering has no registry ("NONE"): the flag is left out.
    registry: Option<String>,
}

fn pair_text(p: &LinkPair) -> (String, String) {
    (p.primary().to_string(), p.secondary().to_string())
}

impl PeeringArgs {
    fn from_config(kind: PeeringType, cfg: &PeeringConfig) -> Self {
        let microsoft = match kind {
            PeeringType::MicrosoftPeering => cfg.microsoft.as_ref().map(|m| {
                let (v4, v6): (Vec<&ipnet::IpNet>, Vec<&ipnet::IpNet>) = m
                    .advertised_public_prefixes
                    .iter()
                    .partition(|n| matches!(n, ipnet::IpNet::V4(_)));
                MicrosoftArgs {
                    v4_prefixes: v4.iter().map(ToString::to_string).collect(),
                    v6_prefixes: v6.iter().map(ToString::to_string).collect(),
                    customer_asn: m.customer_asn.map(|a| a.get().to_string()),
                    registry: m.routing_registry_name.map(|r| r.to_string()),
                }
            }),
            PeeringType::AzurePrivatePeering | PeeringType::AzurePublicPeering => None,
        };
        Self {
            kind,
            peer_asn: cfg.peer_asn.get().to_string(),
            v4: cfg.ipv4.as_ref().map(pair_text),
            v6: cfg.ipv6.as_ref().map(pair_text),
            vlan: cfg.vlan_id.get().to_string(),
            shared_key: cfg.shared_key.as_ref().map(|k| k.as_str().to_string()),
            microsoft,
        }
    }

    /// Placeholders for a peering not configured yet.
    fn template(kind: PeeringType) -> Self {
        let microsoft = (kind == PeeringType::MicrosoftPeering).then(|| MicrosoftArgs {
            v4_prefixes: vec!["<your-public-prefix>".to_string()],
            v6_prefixes: Vec::new(),
            customer_asn: None,
            registry: Some("<ARIN|APNIC|AFRINIC|LACNIC|RIPENCC|RADB|ALTDB|LEVEL3>".to_string()),
        });
        Self {
            kind,
            peer_asn: "<your-ASN>".to_string(),
            v4: Some(("<primary-/30>".to_string(), "<secondary-/30>".to_string())),
            v6: None,
            vlan: "<VLAN-ID>".to_string(),
            shared_key: None,
            microsoft,
        }
    }

    fn is_microsoft(&self) -> bool {
        self.kind == PeeringType::MicrosoftPeering
    }

    /// The families to configure, IPv4 first: (label, subnets, prefixes).
    fn families(&self) -> Vec<(&'static str, &(String, String), Vec<String>)> {
        let mut out = Vec::new();
        if let Some(p) = &self.v4 {
            let prefixes = self
                .microsoft
                .as_ref()
                .map_or_else(Vec::new, |m| m.v4_prefixes.clone());
            out.push(("IPv4", p, prefixes));
        }
        if let Some(p) = &self.v6 {
            let prefixes = self
                .microsoft
                .as_ref()
                .map_or_else(Vec::new, |m| m.v6_prefixes.clone());
            out.push(("IPv6", p, prefixes));
        }
        out
    }

    /// [PS-ROUTING]: `Add-AzExpressRouteCircuitPeeringConfig` for the first
    /// family, `Set-AzExpressRouteCircuitPeeringConfig -PeerAddressType IPv6` to
    /// add the second, then `Set-AzExpressRouteCircuit`.
    fn powershell(&self, c: &Circuit) -> String {
        let mut lines = vec![ps_get(c)];
        lines.extend(self.powershell_lines(false, ""));
        lines.push(PS_SET.to_string());
        lines.join("\n")
    }

    /// The peering config lines: `Add-` for the first family (`Set-` for all when `set_only`),
    /// each followed by `extra` (e.g. ` -RouteFilter $routefilter`).
    fn powershell_lines(&self, set_only: bool, extra: &str) -> Vec<String> {
        let mut lines = Vec::new();
        let kind = self.kind.as_str();
        let show_family = self.is_microsoft() || self.v6.is_some();
        for (i, (family, (primary, secondary), prefixes)) in self.families().into_iter().enumerate()
        {
            let cmdlet = if i == 0 && !set_only {
                "Add-AzExpressRouteCircuitPeeringConfig"
            } else {
                "Set-AzExpressRouteCircuitPeeringConfig"
            };
            let mut line = format!(
                "{cmdlet} -Name {} -ExpressRouteCircuit $ckt -PeeringType {kind} -PeerASN {}",
                ps_quote(kind),
                ps_num(&self.peer_asn)
            );
            if show_family {
                line.push_str(&format!(" -PeerAddressType {family}"));
            }
            line.push_str(&format!(
                " -PrimaryPeerAddressPrefix {} -SecondaryPeerAddressPrefix {} -VlanId {}",
                ps_quote(primary),
                ps_quote(secondary),
                ps_num(&self.vlan)
            ));
            if let Some(m) = &self.microsoft {
                if !prefixes.is_empty() {
                    line.push_str(&format!(
                        " -MicrosoftConfigAdvertisedPublicPrefixes {}",
                        ps_list(&prefixes)
                    ));
                }
                if let Some(asn) = &m.customer_asn {
                    line.push_str(&format!(" -MicrosoftConfigCustomerAsn {}", ps_num(asn)));
                }
                if let Some(r) = &m.registry {
                    line.push_str(&format!(
                        " -MicrosoftConfigRoutingRegistryName {}",
                        ps_quote(r)
                    ));
                }
            }
            if let Some(k) = &self.shared_key {
                line.push_str(&format!(" -SharedKey {}", ps_quote(k)));
            }
            line.push_str(extra);
            lines.push(line);
        }
        lines
    }

    /// [CLI-ROUTING] [AZ-CLI-PARAMS]: `peering create` for the first family,
    /// `peering update --ip-version IPv6` to add the second.
    fn cli(&self, c: &Circuit) -> String {
        let kind = self.kind.as_str();
        let show_family = self.v6.is_some();
        let mut lines = Vec::new();
        for (i, (family, (primary, secondary), prefixes)) in self.families().into_iter().enumerate()
        {
            let mut line = if i == 0 {
                format!(
                    "az network express-route peering create {} --peering-type {kind} --peer-asn {}",
                    cli_child(c),
                    sh_quote(&self.peer_asn)
                )
            } else {
                format!(
                    "az network express-route peering update {} --name {kind}",
                    cli_child(c)
                )
            };
            if show_family {
                line.push_str(&format!(" --ip-version {family}"));
            }
            line.push_str(&format!(
                " --primary-peer-subnet {} --secondary-peer-subnet {}",
                sh_quote(primary),
                sh_quote(secondary)
            ));
            if i == 0 {
                line.push_str(&format!(" --vlan-id {}", sh_quote(&self.vlan)));
                if let Some(k) = &self.shared_key {
                    line.push_str(&format!(" --shared-key {}", sh_quote(k)));
                }
            }
            if let Some(m) = &self.microsoft {
                if !prefixes.is_empty() {
                    line.push_str(&format!(
                        " --advertised-public-prefixes {}",
                        sh_list(&prefixes)
                    ));
                }
                if let Some(asn) = &m.customer_asn {
                    line.push_str(&format!(" --customer-asn {}", sh_quote(asn)));
                }
                if let Some(r) = &m.registry {
                    line.push_str(&format!(" --routing-registry-name {}", sh_quote(r)));
                }
            }
            lines.push(line);
        }
        lines.join("\n")
    }
}

fn peering_pair(c: &Circuit, args: &PeeringArgs, title: String) -> CommandPair {
    CommandPair::new(
        title,
        args.powershell(c),
        args.cli(c),
        "[PS-ROUTING] [CLI-ROUTING] [AZ-CLI-PARAMS]",
    )
}

/// Configures Azure private peering with the validated values (IPv4, IPv6 or
/// both; optional MD5 shared key). [PS-ROUTING] [CLI-ROUTING] [AZ-CLI-PARAMS]
pub fn private_peering(c: &Circuit, cfg: &PeeringConfig) -> CommandPair {
    peering(c, PeeringType::AzurePrivatePeering, cfg)
}

/// Configures Microsoft peering with the validated values: subnets, advertised
/// public prefixes (IPv4 ones on the IPv4 session, IPv6 ones on the IPv6
/// session), customer ASN and routing registry. [PS-ROUTING] [CLI-ROUTING] [AZ-CLI-PARAMS]
pub fn microsoft_peering(c: &Circuit, cfg: &PeeringConfig) -> CommandPair {
    peering(c, PeeringType::MicrosoftPeering, cfg)
}

/// Configures a peering of any type with the validated values.
/// [PS-ROUTING] [CLI-ROUTING] [AZ-CLI-PARAMS]
pub fn peering(c: &Circuit, kind: PeeringType, cfg: &PeeringConfig) -> CommandPair {
    let args = PeeringArgs::from_config(kind, cfg);
    peering_pair(c, &args, format!("Configure {kind}"))
}

/// A peering command with placeholders (`<your-ASN>`, `<primary-/30>`…) to
/// replace before running. [PS-ROUTING] [CLI-ROUTING]
pub fn peering_template(c: &Circuit, kind: PeeringType) -> CommandPair {
    let args = PeeringArgs::template(kind);
    peering_pair(
        c,
        &args,
        format!("Configure {kind} (replace the <placeholders> with your values)"),
    )
}

/// Shows a peering's configuration and states (for Microsoft peering, the
/// AdvertisedPublicPrefixesState). [PS-ROUTING] [CLI-ROUTING]
pub fn show_peering(c: &Circuit, kind: PeeringType) -> CommandPair {
    CommandPair::new(
        format!("Show {kind}"),
        format!(
            "{}\nGet-AzExpressRouteCircuitPeeringConfig -Name {} -ExpressRouteCircuit $ckt",
            ps_get(c),
            ps_quote(kind.as_str())
        ),
        format!(
            "az network express-route peering show {} --name {kind}",
            cli_child(c)
        ),
        "[PS-ROUTING] [CLI-ROUTING]",
    )
}

/// Deletes a peering. [PS-ROUTING] [CLI-ROUTING]
pub fn remove_peering(c: &Circuit, kind: PeeringType) -> CommandPair {
    CommandPair::new(
        format!("Delete {kind}"),
        format!(
            "{}\nRemove-AzExpressRouteCircuitPeeringConfig -Name {} -ExpressRouteCircuit $ckt\n{PS_SET}",
            ps_get(c),
            ps_quote(kind.as_str())
        ),
        format!(
            "az network express-route peering delete {} --name {kind}",
            cli_child(c)
        ),
        "[PS-ROUTING] [CLI-ROUTING]",
    )
}

/// Enables or disables a peering (disabling shuts down both BGP sessions).
/// The peering is found by name, not by index. [RESET]
///
/// The docs give no dedicated CLI flag for the peering state, so the CLI text
/// uses the generic update argument `--set state=…`; the title says so.
pub fn set_peering_state(c: &Circuit, kind: PeeringType, state: PeeringState) -> CommandPair {
    let verb = match state {
        PeeringState::Enabled => "Enable",
        PeeringState::Disabled => "Disable (shuts down both BGP sessions)",
    };
    CommandPair::new(
        format!(
            "{verb} {kind} — the Azure CLI has no documented flag for this; its line uses the generic --set, check it with --help"
        ),
        format!(
            "{}\n($ckt.Peerings | Where-Object Name -eq {}).State = {}\n{PS_SET}",
            ps_get(c),
            ps_quote(kind.as_str()),
            ps_quote(state.as_str())
        ),
        format!(
            "az network express-route peering update {} --name {kind} --set state={state}",
            cli_child(c)
        ),
        "[RESET]",
    )
}

// ---------------------------------------------------------------------------------------
// Step 4: signed validation of Microsoft peering prefixes [PS-PREFIX] [SPEC-2024-10]

/// What the Azure CLI offers for a prefix's validation ID and signature: nothing. Its
/// `az network express-route peering` commands have no argument for `advertisedPublicPrefixInfo`
/// (api-version 2024-10-01+), so the CLI text says so instead of inventing a command.
/// [AZ-CLI-PARAMS] [SPEC-2024-10]
pub const CLI_HAS_NO_PREFIX_VALIDATION: &str = "# The Azure CLI has no command for a prefix's validation ID and signature:\n# az network express-route peering has no argument for them. Use Azure PowerShell\n# (Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig) or the REST API, api-version 2024-10-01 or later.";

/// The placeholder for a prefix's validation ID not known here (Microsoft gives it per prefix).
pub fn validation_id_placeholder(prefix: &ipnet::IpNet) -> String {
    format!("<validation-id-of-{prefix}>")
}

/// Signs a prefix's validation ID: save it with no trailing newline, sign it with the private
/// key whose certificate is in the routing registry (`openssl dgst -sha256 -sign`), then encode
/// the signature in base64 (`openssl base64`) and give it as one line. `privkey.pem` is the
/// private key's file. [SPEC-2024-10] [COMMIT-PREFIXVALID]
///
/// The openssl lines are those of Microsoft's prefix validation steps; the "PowerShell" text
/// writes the file with `Set-Content -NoNewline`, the other with `printf`, for a POSIX shell.
pub fn sign_validation_id(prefix: &ipnet::IpNet, validation_id: &str) -> CommandPair {
    let openssl = "openssl dgst -sha256 -sign privkey.pem -out signature.txt validationId.txt\nopenssl base64 -in signature.txt";
    CommandPair::new(
        format!(
            "Sign the validation ID of {prefix} with the private key whose certificate is in your routing registry (openssl); give the base64 output as one line"
        ),
        format!(
            "Set-Content -Path validationId.txt -Value {} -NoNewline\n{openssl}",
            ps_quote(validation_id)
        ),
        format!("printf '%s' {} > validationId.txt\n{openssl}", sh_quote(validation_id)),
        "[SPEC-2024-10] [COMMIT-PREFIXVALID]",
    )
}

/// `-PeerAddressType` of a prefix: IPv4 or IPv6. [PS-PREFIX]
fn peer_address_type(prefix: &ipnet::IpNet) -> &'static str {
    match prefix {
        ipnet::IpNet::V4(_) => "IPv4",
        ipnet::IpNet::V6(_) => "IPv6",
    }
}

/// Adds a prefix's validation ID and signature to Microsoft peering, then saves the circuit.
/// The Azure CLI has no equivalent ([`CLI_HAS_NO_PREFIX_VALIDATION`]). [PS-PREFIX]
pub fn add_prefix_validation(
    c: &Circuit,
    prefix: &ipnet::IpNet,
    validation_id: &str,
    signature: &str,
) -> CommandPair {
    prefix_validation_config(
        c,
        format!("Add the validation ID and signature of {prefix} to Microsoft peering (Azure PowerShell only)"),
        "Add",
        prefix,
        validation_id,
        signature,
    )
}

/// Replaces a prefix's validation ID and signature (after signing again, or once the
/// certificate is in the registry), then saves the circuit so Microsoft checks it again.
/// [PS-PREFIX]
pub fn set_prefix_validation(
    c: &Circuit,
    prefix: &ipnet::IpNet,
    validation_id: &str,
    signature: &str,
) -> CommandPair {
    prefix_validation_config(
        c,
        format!("Replace the validation ID and signature of {prefix} (Azure PowerShell only)"),
        "Set",
        prefix,
        validation_id,
        signature,
    )
}

/// `<verb>-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig` with the prefix's validation ID
/// and signature, between reading and saving the circuit. [PS-PREFIX]
fn prefix_validation_config(
    c: &Circuit,
    title: String,
    verb: &str,
    prefix: &ipnet::IpNet,
    validation_id: &str,
    signature: &str,
) -> CommandPair {
    CommandPair::new(
        title,
        format!(
            "{}\n{verb}-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig -ExpressRouteCircuit $ckt -PeerAddressType {} -Prefix {} -ValidationId {} -Signature {}\n{PS_SET}",
            ps_get(c),
            peer_address_type(prefix),
            ps_quote(&prefix.to_string()),
            ps_quote(validation_id),
            ps_quote(signature)
        ),
        CLI_HAS_NO_PREFIX_VALIDATION,
        "[PS-PREFIX] [AZ-CLI-PARAMS]",
    )
}

/// The signed validation of every Microsoft peering prefix whose validation failed: sign its
/// validation ID, then add the validation ID and signature — or, when they were added
/// already, replace them.
pub fn prefix_validation(c: &Circuit) -> Vec<CommandPair> {
    let Some(p) = c.peering(PeeringType::MicrosoftPeering) else {
        return Vec::new();
    };
    p.prefix_info
        .iter()
        .filter(|i| i.validation_state.is_failure())
        .flat_map(|i| {
            let id = i
                .validation_id
                .clone()
                .unwrap_or_else(|| validation_id_placeholder(&i.prefix));
            let submit = if i.has_validation_info() {
                set_prefix_validation(c, &i.prefix, &id, "<base64-signature>")
            } else {
                add_prefix_validation(c, &i.prefix, &id, "<base64-signature>")
            };
            [sign_validation_id(&i.prefix, &id), submit]
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Step 5: authorizations and VNet links

/// Creates an authorization; its key is active once the circuit is saved, and
/// is printed by the last line. [PS-LINK] [PS-DOC-ADD-AUTH] [CLI-LINK]
pub fn add_authorization(c: &Circuit, name: &str) -> CommandPair {
    CommandPair::new(
        format!("Create authorization {name} (its key lets one VNet in another subscription connect)"),
        format!(
            "{}\nAdd-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $ckt -Name {}\n{PS_SET}\n$ckt = Get-AzExpressRouteCircuit -Name {} -ResourceGroupName {}\nGet-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $ckt -Name {}",
            ps_get(c),
            ps_quote(name),
            ps_quote(&c.name),
            ps_quote(&c.resource_group),
            ps_quote(name)
        ),
        format!(
            "az network express-route auth create {} --name {}",
            cli_child(c),
            sh_quote(name)
        ),
        "[PS-LINK] [PS-DOC-ADD-AUTH] [CLI-LINK]",
    )
}

/// Lists the circuit's authorizations with their keys and use status. [PS-LINK] [CLI-LINK]
pub fn list_authorizations(c: &Circuit) -> CommandPair {
    CommandPair::new(
        "List authorizations, their keys and use status",
        format!(
            "{}\nGet-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $ckt",
            ps_get(c)
        ),
        format!("az network express-route auth list {}", cli_child(c)),
        "[PS-LINK] [CLI-LINK]",
    )
}

/// Deletes an authorization (this deletes the connection that used it). [PS-LINK] [CLI-LINK]
pub fn remove_authorization(c: &Circuit, name: &str) -> CommandPair {
    CommandPair::new(
        format!("Delete authorization {name} (deletes the connection that uses it)"),
        format!(
            "{}\nRemove-AzExpressRouteCircuitAuthorization -ExpressRouteCircuit $ckt -Name {}\n{PS_SET}",
            ps_get(c),
            ps_quote(name)
        ),
        format!(
            "az network express-route auth delete {} --name {}",
            cli_child(c),
            sh_quote(name)
        ),
        "[PS-LINK] [CLI-LINK]",
    )
}

/// Links a VNet (through its ExpressRoute gateway) in the circuit's own
/// subscription. [PS-LINK] [CLI-LINK]
pub fn link_vnet_same_subscription(
    c: &Circuit,
    connection_name: &str,
    gateway_name: &str,
    gateway_resource_group: &str,
    location: &str,
) -> CommandPair {
    // The CLI resolves a bare circuit name in the connection's resource group.
    let circuit_ref = if gateway_resource_group == c.resource_group {
        c.name.clone()
    } else {
        circuit_resource_id(c)
    };
    CommandPair::new(
        format!("Link the VNet of gateway {gateway_name} (connection {connection_name})"),
        format!(
            "$circuit = Get-AzExpressRouteCircuit -Name {} -ResourceGroupName {}\n$gw = Get-AzVirtualNetworkGateway -Name {} -ResourceGroupName {}\nNew-AzVirtualNetworkGatewayConnection -Name {} -ResourceGroupName {} -Location {} -VirtualNetworkGateway1 $gw -PeerId $circuit.Id -ConnectionType ExpressRoute",
            ps_quote(&c.name),
            ps_quote(&c.resource_group),
            ps_quote(gateway_name),
            ps_quote(gateway_resource_group),
            ps_quote(connection_name),
            ps_quote(gateway_resource_group),
            ps_quote(location)
        ),
        format!(
            "az network vpn-connection create --name {} --resource-group {} --location {} --vnet-gateway1 {} --express-route-circuit2 {}",
            sh_quote(connection_name),
            sh_quote(gateway_resource_group),
            sh_quote(location),
            sh_quote(gateway_name),
            sh_quote(&circuit_ref)
        ),
        "[PS-LINK] [CLI-LINK]",
    )
}

/// Links a VNet in another subscription with an authorization key; `-PeerId`
/// / `--express-route-circuit2` is the circuit's full resource ID. Run it in the
/// VNet's subscription. [PS-LINK] [CLI-LINK]
pub fn link_vnet_with_authorization(
    c: &Circuit,
    connection_name: &str,
    gateway_name: &str,
    gateway_resource_group: &str,
    location: &str,
    authorization_key: &str,
) -> CommandPair {
    let id = circuit_resource_id(c);
    CommandPair::new(
        format!(
            "Link the VNet of gateway {gateway_name} from another subscription with an authorization key (run in the VNet's subscription)"
        ),
        format!(
            "$gw = Get-AzVirtualNetworkGateway -Name {} -ResourceGroupName {}\nNew-AzVirtualNetworkGatewayConnection -Name {} -ResourceGroupName {} -Location {} -VirtualNetworkGateway1 $gw -PeerId {} -ConnectionType ExpressRoute -AuthorizationKey {}",
            ps_quote(gateway_name),
            ps_quote(gateway_resource_group),
            ps_quote(connection_name),
            ps_quote(gateway_resource_group),
            ps_quote(location),
            ps_quote(&id),
            ps_quote(authorization_key)
        ),
        format!(
            "az network vpn-connection create --name {} --resource-group {} --location {} --vnet-gateway1 {} --express-route-circuit2 {} --authorization-key {}",
            sh_quote(connection_name),
            sh_quote(gateway_resource_group),
            sh_quote(location),
            sh_quote(gateway_name),
            sh_quote(&id),
            sh_quote(authorization_key)
        ),
        "[PS-LINK] [CLI-LINK]",
    )
}

/// The default routing weight of a connection, and the highest. [PS-LINK]
pub const ROUTING_WEIGHT_RANGE: std::ops::RangeInclusive<u32> = 0..=32_000;

/// The resource group a link's connection lives in: the circuit's for a link in its own
/// subscription, the gateway's (in the VNet's subscription) for one made with an authorization
/// key, as [`links_step`] creates it. [PS-LINK]
fn connection_group(c: &Circuit, link: &VnetLink) -> (String, &'static str) {
    match link.authorization {
        Some(_) => (
            "<gateway-resource-group>".to_string(),
            " (run in the VNet's subscription)",
        ),
        None => (c.resource_group.clone(), ""),
    }
}

/// Changes one property of a link's connection: PowerShell reads the connection, sets
/// `$connection.<property>` and saves it; the CLI updates it with one argument. [PS-LINK] [CLI-LINK]
fn update_connection(
    c: &Circuit,
    link: &VnetLink,
    title: String,
    ps_property: &str,
    cli_argument: &str,
) -> CommandPair {
    let (group, run_in) = connection_group(c, link);
    CommandPair::new(
        format!("{title}{run_in}"),
        format!(
            "$connection = Get-AzVirtualNetworkGatewayConnection -Name {} -ResourceGroupName {}\n$connection.{ps_property}\nSet-AzVirtualNetworkGatewayConnection -VirtualNetworkGatewayConnection $connection",
            ps_quote(&link.name),
            ps_quote(&group)
        ),
        format!(
            "az network vpn-connection update --name {} --resource-group {} {cli_argument}",
            sh_quote(&link.name),
            sh_quote(&group)
        ),
        "[PS-LINK] [CLI-LINK]",
    )
}

/// Sets a connection's routing weight, which prefers one circuit over another when a VNet is
/// linked to several (0–32000, default 0). [PS-LINK] [CLI-LINK]
pub fn set_routing_weight(c: &Circuit, link: &VnetLink, weight: u32) -> CommandPair {
    update_connection(
        c,
        link,
        format!(
            "Set the routing weight of connection {} to {weight} ({}–{}, default {})",
            link.name,
            ROUTING_WEIGHT_RANGE.start(),
            ROUTING_WEIGHT_RANGE.end(),
            ROUTING_WEIGHT_RANGE.start()
        ),
        &format!("RoutingWeight = {weight}"),
        &format!("--routing-weight {weight}"),
    )
}

/// Turns on FastPath for a connection: traffic bypasses the gateway. The gateway must be
/// Ultra Performance, ErGw3AZ, or ErGwScale with at least 10 scale units. [PS-LINK] [CLI-LINK]
/// [FASTPATH] [GATEWAY]
pub fn enable_fastpath(c: &Circuit, link: &VnetLink) -> CommandPair {
    update_connection(
        c,
        link,
        format!(
            "Turn on FastPath for connection {} (needs an Ultra Performance, ErGw3AZ, or ErGwScale gateway with at least 10 scale units)",
            link.name
        ),
        "ExpressRouteGatewayBypass = $true",
        "--express-route-gateway-bypass true",
    )
}

/// Unlinks a VNet: deletes its connection. [PS-LINK] [CLI-LINK]
pub fn unlink_vnet(connection_name: &str, resource_group: &str) -> CommandPair {
    CommandPair::new(
        format!("Unlink: delete connection {connection_name}"),
        format!(
            "Remove-AzVirtualNetworkGatewayConnection -Name {} -ResourceGroupName {}",
            ps_quote(connection_name),
            ps_quote(resource_group)
        ),
        format!(
            "az network vpn-connection delete --name {} --resource-group {}",
            sh_quote(connection_name),
            sh_quote(resource_group)
        ),
        "[PS-LINK] [CLI-LINK]",
    )
}

/// Unlinks one of the circuit's links. A link made with an authorization key is a connection
/// in the VNet's own subscription and its gateway's resource group, as [`links_step`] creates
/// it, so that is where it is deleted (releasing the authorization). [PS-LINK]
pub fn unlink_link(c: &Circuit, link: &VnetLink) -> CommandPair {
    let (group, run_in) = connection_group(c, link);
    let mut p = unlink_vnet(&link.name, &group);
    p.title.push_str(run_in);
    p
}

// ---------------------------------------------------------------------------------------
// Lifecycle: changes and deletion

/// Increases the bandwidth (decreases are not supported: deprovision and create
/// a new circuit). Direct circuits take Gbps. [PS-CIRCUIT] [CLI-CIRCUIT]
pub fn change_bandwidth(c: &Circuit, mbps: u32) -> CommandPair {
    // A Direct circuit has no provider to update its side.
    let (ps_line, cli_arg, shown, then) = match &c.port {
        Port::Provider { .. } => (
            format!("$ckt.ServiceProviderProperties.BandwidthInMbps = {mbps}"),
            format!("--bandwidth {mbps}"),
            crate::limits::bandwidth_text(mbps),
            " (then the provider must update its side)",
        ),
        Port::Direct { .. } => {
            let g = gbps_text(mbps);
            (
                format!("$ckt.BandwidthInGbps = {g}"),
                format!("--bandwidth {g} Gbps"),
                format!("{g} Gbps"),
                "",
            )
        }
    };
    CommandPair::new(
        format!("Increase the bandwidth to {shown}{then}"),
        format!("{}\n{ps_line}\n{PS_SET}", ps_get(c)),
        format!(
            "az network express-route update {} {cli_arg}",
            cli_circuit(c)
        ),
        "[PS-CIRCUIT] [CLI-CIRCUIT]",
    )
}

/// Changes the SKU tier and/or family (`Sku.Name` is `<Tier>_<Family>`).
/// Premium → Standard and Unlimited → Metered have conditions or are refused:
/// ask the state machine first. [PS-CIRCUIT] [CLI-CIRCUIT]
pub fn change_sku(c: &Circuit, tier: SkuTier, family: SkuFamily) -> CommandPair {
    CommandPair::new(
        format!("Change the SKU to {tier}_{family}"),
        format!(
            "{}\n$ckt.Sku.Tier = {}\n$ckt.Sku.Family = {}\n$ckt.Sku.Name = {}\n{PS_SET}",
            ps_get(c),
            ps_quote(tier.as_str()),
            ps_quote(family.as_str()),
            ps_quote(&format!("{tier}_{family}"))
        ),
        format!(
            "az network express-route update {} --sku-tier {tier} --sku-family {family}",
            cli_circuit(c)
        ),
        "[PS-CIRCUIT] [CLI-CIRCUIT]",
    )
}

/// Turns Allow classic operations on or off. [PS-CIRCUIT] [PORTAL-CIRCUIT]
pub fn set_allow_classic_operations(c: &Circuit, allow: bool) -> CommandPair {
    CommandPair::new(
        format!(
            "{} classic operations",
            if allow { "Allow" } else { "Disallow" }
        ),
        format!(
            "{}\n$ckt.AllowClassicOperations = ${allow}\n{PS_SET}",
            ps_get(c)
        ),
        format!(
            "az network express-route update {} --allow-classic-operations {allow}",
            cli_circuit(c)
        ),
        "[PS-CIRCUIT] [PORTAL-CIRCUIT]",
    )
}

/// Deletes the circuit. Azure refuses while the provider state is Provisioning
/// or Provisioned (`ConflictError`); billing stops at deletion. [PS-CIRCUIT] [CLI-CIRCUIT] [WF]
pub fn delete_circuit(c: &Circuit) -> CommandPair {
    let title = if c.is_direct() {
        "Delete the circuit (billing stops once it is deleted)".to_string()
    } else {
        "Delete the circuit — only after the provider has deprovisioned it (ServiceProviderProvisioningState NotProvisioned); billing stops once it is deleted".to_string()
    };
    CommandPair::new(
        title,
        format!(
            "Remove-AzExpressRouteCircuit -ResourceGroupName {} -Name {}",
            ps_quote(&c.resource_group),
            ps_quote(&c.name)
        ),
        format!("az network express-route delete {}", cli_circuit(c)),
        "[PS-CIRCUIT] [CLI-CIRCUIT] [WF] [ISSUE-DELETE]",
    )
}

// ---------------------------------------------------------------------------------------
// Per step and lifecycle summaries

/// The commands for one wizard step (1–5; see [`crate::steps::STEPS`]). Unknown steps and the
/// provider step of an ExpressRoute Direct circuit (SC-14) give none.
pub fn for_step(c: &Circuit, step: u8) -> Vec<CommandPair> {
    match step {
        1 => {
            let mut out: Vec<CommandPair> = select_subscription(c).into_iter().collect();
            if !c.is_direct() {
                out.push(list_providers());
            }
            out.push(create_circuit(c));
            out
        }
        2 if c.is_direct() => Vec::new(),
        2 => vec![service_key(c), show_circuit(c)],
        3 => vec![check_states(c)],
        4 => routing_step(c),
        5 => links_step(c),
        _ => Vec::new(),
    }
}

fn routing_step(c: &Circuit) -> Vec<CommandPair> {
    if c.routing_model() == RoutingModel::Layer3 {
        // [PS-CIRCUIT] [TROUBLE-2017]: the provider configures routing; only look.
        let mut out = vec![show_peering(c, PeeringType::AzurePrivatePeering)];
        out[0].title = format!(
            "{} (your provider configures routing: look, do not add peerings)",
            out[0].title
        );
        if c.peering(PeeringType::MicrosoftPeering).is_some() {
            out.push(show_peering(c, PeeringType::MicrosoftPeering));
        }
        return out;
    }
    let mut out = Vec::new();
    for kind in [
        PeeringType::AzurePrivatePeering,
        PeeringType::MicrosoftPeering,
    ] {
        match c.peering(kind) {
            Some(p) => {
                out.push(peering(c, kind, &p.config));
                out.push(show_peering(c, kind));
                if kind == PeeringType::MicrosoftPeering {
                    out.extend(prefix_validation(c));
                    out.extend(route_filter_step(c));
                }
            }
            None => out.push(peering_template(c, kind)),
        }
    }
    out
}

fn links_step(c: &Circuit) -> Vec<CommandPair> {
    let mut out = Vec::new();
    for link in &c.vnet_links {
        let gateway = format!("<gateway-of-{}>", link.vnet_name);
        let key = link
            .authorization
            .as_ref()
            .and_then(|name| c.authorization(name))
            .map(|a| {
                // A key left out of a shared link or redacted in imported output.
                if a.authorization_key.is_empty() {
                    SecretKind::AuthorizationKey.placeholder().to_string()
                } else {
                    a.authorization_key.clone()
                }
            });
        match key {
            Some(key) => out.push(link_vnet_with_authorization(
                c,
                &link.name,
                &gateway,
                "<gateway-resource-group>",
                &link.vnet_region,
                &key,
            )),
            None => out.push(link_vnet_same_subscription(
                c,
                &link.name,
                &gateway,
                &c.resource_group,
                &link.vnet_region,
            )),
        }
        // Optional, once linked: prefer this circuit ([PS-LINK]'s example weight), FastPath.
        out.push(set_routing_weight(c, link, 100));
        out.push(enable_fastpath(c, link));
    }
    if c.vnet_links.is_empty() {
        out.push(link_vnet_same_subscription(
            c,
            "<connection-name>",
            "<gateway-name>",
            &c.resource_group,
            &c.region,
        ));
    }
    if c.authorizations.is_empty() {
        out.push(add_authorization(c, "<authorization-name>"));
    } else {
        out.push(list_authorizations(c));
    }
    out
}

/// Every step with its commands, in order.
pub fn steps(c: &Circuit) -> Vec<(u8, Vec<CommandPair>)> {
    STEPS.iter().map(|(n, _)| (*n, for_step(c, *n))).collect()
}

/// Lifecycle commands: check the states (has the provider deprovisioned?), the
/// changes the circuit can still take (next bandwidth, SKU, billing model,
/// classic operations), and delete. Whether each is allowed now is the state
/// machine's answer (`available_actions`), not this list's. [PS-CIRCUIT] [WF]
pub fn lifecycle(c: &Circuit) -> Vec<CommandPair> {
    let mut out = vec![check_states(c)];
    if let Some(next) = higher_bandwidths(c).first() {
        out.push(change_bandwidth(c, *next));
    }
    match c.sku.tier {
        SkuTier::Premium => out.push(change_sku(c, SkuTier::Standard, c.sku.family)),
        SkuTier::Standard | SkuTier::Local | SkuTier::Basic => {
            out.push(change_sku(c, SkuTier::Premium, c.sku.family));
        }
    }
    if c.sku.family == SkuFamily::MeteredData {
        out.push(change_sku(c, c.sku.tier, SkuFamily::UnlimitedData));
    }
    out.push(set_allow_classic_operations(c, !c.allow_classic_operations));
    for p in &c.peerings {
        let to = match p.state {
            PeeringState::Enabled => PeeringState::Disabled,
            PeeringState::Disabled => PeeringState::Enabled,
        };
        out.push(set_peering_state(c, p.peering_type, to));
    }
    for l in &c.vnet_links {
        out.push(unlink_link(c, l));
    }
    for a in &c.authorizations {
        out.push(remove_authorization(c, &a.name));
    }
    out.push(delete_circuit(c));
    out
}

// ---------------------------------------------------------------------------------------
// Step 4: the route filter of Microsoft peering

/// The route filter's full resource ID (for `--route-filter` when the filter is in another
/// resource group than the circuit). [ROUTE-FILTER-CLI]
pub fn route_filter_resource_id(c: &Circuit, f: &RouteFilter) -> String {
    let sub = if c.subscription_id.trim().is_empty() {
        SUBSCRIPTION_PLACEHOLDER
    } else {
        c.subscription_id.trim()
    };
    format!(
        "/subscriptions/{sub}/resourceGroups/{}/providers/Microsoft.Network/routeFilters/{}",
        f.resource_group, f.name
    )
}

fn ps_get_route_filter(f: &RouteFilter) -> String {
    format!(
        "$routefilter = Get-AzRouteFilter -Name {} -ResourceGroupName {}",
        ps_quote(&f.name),
        ps_quote(&f.resource_group)
    )
}

/// Lists the BGP community values of the services Microsoft peering offers. [ROUTE-FILTER]
/// [ROUTE-FILTER-CLI]
pub fn list_service_communities() -> CommandPair {
    CommandPair::new(
        "List the BGP community values and prefixes of the services Microsoft peering offers",
        "Get-AzBgpServiceCommunity",
        "az network route-filter rule list-service-communities",
        "[ROUTE-FILTER] [ROUTE-FILTER-CLI]",
    )
}

/// Creates the route filter, then its one rule (Allow, on communities), and saves it.
/// `New-AzRouteFilter` creates only the resource; the rule is added with
/// `Add-AzRouteFilterRuleConfig` and saved with `Set-AzRouteFilter`. [ROUTE-FILTER]
/// [PS-ROUTE-FILTER-RULE] [ROUTE-FILTER-CLI]
pub fn create_route_filter(f: &RouteFilter) -> CommandPair {
    let mut ps = vec![format!(
        "New-AzRouteFilter -Name {} -ResourceGroupName {} -Location {}",
        ps_quote(&f.name),
        ps_quote(&f.resource_group),
        ps_quote(&f.region)
    )];
    let mut cli = vec![format!(
        "az network route-filter create --name {} --resource-group {} --location {}",
        sh_quote(&f.name),
        sh_quote(&f.resource_group),
        sh_quote(&f.region)
    )];
    if let Some(rule) = &f.rule {
        ps.push(ps_get_route_filter(f));
        ps.push(format!(
            "Add-AzRouteFilterRuleConfig -RouteFilter $routefilter -Name {} -Access {} -RouteFilterRuleType {} -CommunityList {}",
            ps_quote(&rule.name),
            crate::route_filter::RULE_ACCESS,
            crate::route_filter::RULE_TYPE,
            ps_list(&rule.communities)
        ));
        ps.push("Set-AzRouteFilter -RouteFilter $routefilter".into());
        cli.push(format!(
            "az network route-filter rule create --filter-name {} --name {} --communities {} --access {} --resource-group {}",
            sh_quote(&f.name),
            sh_quote(&rule.name),
            sh_list(&rule.communities),
            crate::route_filter::RULE_ACCESS,
            sh_quote(&f.resource_group)
        ));
    }
    CommandPair::new(
        format!("Create route filter {} and its rule", f.name),
        ps.join("\n"),
        cli.join("\n"),
        "[ROUTE-FILTER] [PS-ROUTE-FILTER-RULE] [ROUTE-FILTER-CLI]",
    )
}

/// Attaches the route filter to Microsoft peering: `Set-AzExpressRouteCircuitPeeringConfig`
/// with the peering's own values and `-RouteFilter`, then `Set-AzExpressRouteCircuit`; the CLI
/// updates the peering with `--route-filter` (the filter's name, or its ID when it is in another
/// resource group). [ROUTE-FILTER] [ROUTE-FILTER-CLI] [PS-ROUTING]
pub fn attach_route_filter(c: &Circuit, f: &RouteFilter) -> CommandPair {
    let kind = PeeringType::MicrosoftPeering;
    let args = c.peering(kind).map_or_else(
        || PeeringArgs::template(kind),
        |p| PeeringArgs::from_config(kind, &p.config),
    );
    let mut ps = vec![ps_get(c), ps_get_route_filter(f)];
    ps.extend(args.powershell_lines(true, " -RouteFilter $routefilter"));
    ps.push(PS_SET.to_string());
    let reference = if f.resource_group.eq_ignore_ascii_case(&c.resource_group) {
        f.name.clone()
    } else {
        route_filter_resource_id(c, f)
    };
    CommandPair::new(
        format!("Attach route filter {} to {kind}", f.name),
        ps.join("\n"),
        format!(
            "az network express-route peering update {} --name {kind} --route-filter {}",
            cli_child(c),
            sh_quote(&reference)
        ),
        "[ROUTE-FILTER] [ROUTE-FILTER-CLI] [PS-ROUTING]",
    )
}

/// Detaches the route filter: no prefixes are advertised afterwards. [ROUTE-FILTER]
/// [ROUTE-FILTER-CLI]
pub fn detach_route_filter(c: &Circuit) -> CommandPair {
    let kind = PeeringType::MicrosoftPeering;
    CommandPair::new(
        format!("Detach the route filter from {kind} (it then receives no prefixes)"),
        format!(
            "{}\n($ckt.Peerings | Where-Object Name -eq {}).RouteFilter = $null\n{PS_SET}",
            ps_get(c),
            ps_quote(kind.as_str())
        ),
        format!(
            "az network express-route peering update {} --name {kind} --remove routeFilter",
            cli_child(c)
        ),
        "[ROUTE-FILTER] [ROUTE-FILTER-CLI]",
    )
}

/// Shows the route filter and its rule. [ROUTE-FILTER] [ROUTE-FILTER-CLI]
pub fn show_route_filter(f: &RouteFilter) -> CommandPair {
    CommandPair::new(
        format!("Show route filter {} and its rule", f.name),
        format!("{}\n$routefilter.Rules[0]", ps_get_route_filter(f)),
        format!(
            "az network route-filter show --resource-group {} --name {}",
            sh_quote(&f.resource_group),
            sh_quote(&f.name)
        ),
        "[ROUTE-FILTER] [ROUTE-FILTER-CLI]",
    )
}

/// Deletes the route filter (only possible when it is attached to no circuit). [ROUTE-FILTER]
/// [ROUTE-FILTER-CLI]
pub fn remove_route_filter(f: &RouteFilter) -> CommandPair {
    CommandPair::new(
        format!(
            "Delete route filter {} (detach it from every circuit first)",
            f.name
        ),
        format!(
            "Remove-AzRouteFilter -Name {} -ResourceGroupName {}",
            ps_quote(&f.name),
            ps_quote(&f.resource_group)
        ),
        format!(
            "az network route-filter delete --name {} --resource-group {}",
            sh_quote(&f.name),
            sh_quote(&f.resource_group)
        ),
        "[ROUTE-FILTER] [ROUTE-FILTER-CLI]",
    )
}

/// The route filter commands of step 4 for the circuit's state: list the communities, create
/// the filter, attach it; once attached, show and detach it. [ROUTE-FILTER]
pub fn route_filter_step(c: &Circuit) -> Vec<CommandPair> {
    let attached = c
        .peering(PeeringType::MicrosoftPeering)
        .is_some_and(|p| p.route_filter.is_some());
    match &c.route_filter {
        None => vec![list_service_communities()],
        Some(f) if attached => vec![show_route_filter(f), detach_route_filter(c)],
        Some(f) => vec![create_route_filter(f), attach_route_filter(c, f)],
    }
}
