//! Scripted scenarios for onboarding demos, played through [`apply`], and shared
//! links (a circuit, or a scenario at a step, as base64url JSON).
//!
//! A scenario is data: a create form, a fixed service key and a list of steps
//! (an [`Action`] and a short presenter line). Playing it is pure: every frame's
//! narration comes from the core's `explain_*` for the states that changed, or
//! from the refusal's reason and remedy.

use serde::{Deserialize, Serialize};

use crate::action::{Action, PrefixOutcome};
use crate::circuit::Circuit;
use crate::diagram::samples::{
    route_filter, sample_add_peering, sample_form, signed_prefix, OTHER_PREFIX, SAMPLE_PREFIX,
};
use crate::diagram::{sample_link, Machine};
use crate::enums::{PeeringType, PrefixValidationState, RoutingModel, SkuTier};
use crate::explain::StateInfo;
use crate::form::{create, CreateCircuit, FieldError};
use crate::machine::apply;
use crate::refusal::Refusal;
use crate::secrets::{redact, Secret};

/// One step of a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioStep {
    /// What happens.
    pub action: Action,
    /// What the presenter says before pressing Next.
    pub line: &'static str,
    /// True when the core is expected to refuse it (a place people get stuck).
    pub expect_refused: bool,
}

/// A scripted scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// URL name (`#/demos/<slug>`).
    pub slug: &'static str,
    /// Title.
    pub title: &'static str,
    /// One sentence: what it shows.
    pub summary: &'static str,
    /// The create form of the scratch circuit.
    pub form: CreateCircuit,
    /// The fixed service key (the core is pure: the caller supplies it).
    pub service_key: &'static str,
    /// The steps.
    pub steps: Vec<ScenarioStep>,
    /// The diagrams worth showing while it plays.
    pub machines: Vec<Machine>,
}

/// One played step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// The step's label ("Provider completes provisioning").
    pub label: String,
    /// The presenter line.
    pub line: &'static str,
    /// The circuit before the step.
    pub before: Circuit,
    /// The circuit after (equal to `before` when refused).
    pub after: Circuit,
    /// `Ok(notes and warnings)` when applied, or the refusal.
    pub result: Result<Vec<String>, Refusal>,
    /// What the step means, from the core's explanations.
    pub narration: Vec<StateInfo>,
}

/// A played scenario: the scratch circuit and every frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Playback {
    /// The circuit right after creation.
    pub start: Circuit,
    /// One frame per step.
    pub frames: Vec<Frame>,
}

impl Playback {
    /// The circuit after `step` steps (0: just created); clamped to the end.
    pub fn circuit_at(&self, step: usize) -> &Circuit {
        match step.min(self.frames.len()).checked_sub(1) {
            Some(i) => &self.frames[i].after,
            None => &self.start,
        }
    }
}

/// The label of an action, with the data that matters to a presenter.
pub fn action_label(a: &Action) -> String {
    match a {
        Action::AddPeering { kind, .. } => format!("Add {kind}"),
        Action::UpdatePeering { kind, .. } => format!("Update {kind}"),
        Action::RemovePeering { kind } => format!("Remove {kind}"),
        Action::SetPeeringState { kind, state } => format!("Set {kind} {state}"),
        Action::SetPrefixValidation { outcome } => match outcome {
            PrefixOutcome::PrefixFailed { prefix, state } => {
                format!("Microsoft: {prefix} {state}")
            }
            PrefixOutcome::Validated
            | PrefixOutcome::ValidationNeeded
            | PrefixOutcome::ManualValidationNeeded
            | PrefixOutcome::SupportTicketResolved => format!("Microsoft: {}", outcome.label()),
        },
        Action::AddPrefixValidationInfo { prefix, .. } => {
            format!("Add the validation ID and signature of {prefix}")
        }
        Action::AddAuthorization { name, .. } => format!("Add authorization {name}"),
        Action::RemoveAuthorization { name } => format!("Remove authorization {name}"),
        Action::LinkVnet { link } => format!("Link VNet {}", link.vnet_name),
        Action::UnlinkVnet { name } => format!("Unlink connection {name}"),
        Action::AddGlobalReach {
            connection, peer, ..
        } => {
            format!("Add Global Reach {} to {}", connection.name, peer.name)
        }
        Action::RemoveGlobalReach { name } => format!("Remove Global Reach {name}"),
        Action::ChangeBandwidth { mbps } => format!(
            "Change bandwidth to {}",
            crate::limits::bandwidth_text(*mbps)
        ),
        Action::ChangeFamily { family } => format!("Change billing model to {family}"),
        Action::ChangeTier { tier } => format!("Change tier to {tier}"),
        Action::SetAllowClassicOperations(v) => {
            format!(
                "Allow classic operations: {}",
                if *v { "on" } else { "off" }
            )
        }
        Action::CreateRouteFilter { filter } => format!("Create route filter {}", filter.name),
        Action::ProviderStartProvisioning
        | Action::ProviderCompleteProvisioning
        | Action::ProviderDeprovision
        | Action::ProviderCompleteDeprovisioning
        | Action::ReEnable
        | Action::Delete
        | Action::AttachRouteFilter { .. }
        | Action::DetachRouteFilter
        | Action::RemoveRouteFilter => a.kind().label().to_string(),
    }
}

/// The machines a step can move: the circuit, each peering's BGP state, and
/// Microsoft peering's prefixes state.
const NARRATED: [Machine; 4] = [
    Machine::Circuit,
    Machine::Bgp(PeeringType::AzurePrivatePeering),
    Machine::Bgp(PeeringType::MicrosoftPeering),
    Machine::Prefixes,
];

/// What a step means: the explanation of every machine state it changed (the
/// circuit's phase when none changed), or the refusal's reason and remedy.
pub fn narrate(before: &Circuit, after: &Result<Circuit, Refusal>) -> Vec<StateInfo> {
    match after {
        Err(r) => vec![StateInfo {
            title: "Refused".into(),
            meaning: r.to_string(),
            next_steps: vec![r.remedy()],
            source: r.source_key(),
        }],
        Ok(after) => {
            let mut out: Vec<StateInfo> = NARRATED
                .iter()
                .filter(|m| m.state_of(before) != m.state_of(after))
                .map(|m| {
                    let s = m.state_of(after);
                    let mut info = s.explain();
                    info.title = match m {
                        Machine::Circuit => format!("Now {}", s.title()),
                        Machine::Bgp(kind) => format!("{kind}: {}", s.title()),
                        Machine::Prefixes => format!("Advertised public prefixes: {}", s.title()),
                    };
                    info
                })
                .collect();
            // What Microsoft peering receives is no machine's state: say when it changes.
            // [ROUTE-FILTER]
            if crate::route_filter::receives(before) != crate::route_filter::receives(after)
                || before.route_filter != after.route_filter
            {
                out.extend(crate::route_filter::explain_receives(after));
            }
            if out.is_empty() {
                let s = Machine::Circuit.state_of(after);
                let mut info = s.explain();
                info.title = format!("Still {}", s.title());
                out.push(info);
            }
            out
        }
    }
}

impl Scenario {
    /// The scratch circuit the scenario starts from.
    pub fn start(&self) -> Result<Circuit, Vec<FieldError>> {
        create(&self.form, self.service_key)
    }

    /// Plays every step through [`apply`].
    pub fn play(&self) -> Result<Playback, Vec<FieldError>> {
        let start = self.start()?;
        let mut c = start.clone();
        let mut frames = Vec::with_capacity(self.steps.len());
        for s in &self.steps {
            let before = c.clone();
            let (after, result) = match apply(&c, &s.action) {
                Ok(t) => {
                    let mut notes = t.notes;
                    notes.extend(t.warnings.iter().map(ToString::to_string));
                    (t.circuit, Ok(notes))
                }
                Err(r) => (c.clone(), Err(r)),
            };
            let narration = narrate(
                &before,
                &match &result {
                    Ok(_) => Ok(after.clone()),
                    Err(r) => Err(r.clone()),
                },
            );
            frames.push(Frame {
                label: action_label(&s.action),
                line: s.line,
                before,
                after: after.clone(),
                result,
                narration,
            });
            c = after;
        }
        Ok(Playback { start, frames })
    }
}

fn s(action: Action, line: &'static str) -> ScenarioStep {
    ScenarioStep {
        action,
        line,
        expect_refused: false,
    }
}

fn refused(action: Action, line: &'static str) -> ScenarioStep {
    ScenarioStep {
        action,
        line,
        expect_refused: true,
    }
}

/// The demo's route filter, in the demo circuit's resource group and region, allowing `communities`.
fn demo_route_filter(communities: &[&str]) -> crate::route_filter::RouteFilter {
    route_filter("rf-microsoft", "allow-services", communities)
}

/// The built-in scenarios, in the order the demos page lists them.
pub fn scenarios() -> Vec<Scenario> {
    use Action as A;
    let (Some(add_private), Some(add_microsoft)) = (
        sample_add_peering(PeeringType::AzurePrivatePeering),
        sample_add_peering(PeeringType::MicrosoftPeering),
    ) else {
        // The sample inputs are fixed and valid (tests/scenario.rs checks it).
        return Vec::new();
    };
    let start = |line| s(A::ProviderStartProvisioning, line);
    // The sample Microsoft peering's prefix, and one it does not advertise (fixed, valid CIDRs).
    let (Ok(sample_prefix), Ok(not_advertised)) = (
        SAMPLE_PREFIX.parse::<ipnet::IpNet>(),
        OTHER_PREFIX.parse::<ipnet::IpNet>(),
    ) else {
        return Vec::new();
    };
    let complete = |line| s(A::ProviderCompleteProvisioning, line);
    // The diagrams of a Microsoft peering scenario.
    let microsoft_machines = || {
        vec![
            Machine::Circuit,
            Machine::Prefixes,
            Machine::Bgp(PeeringType::MicrosoftPeering),
        ]
    };
    // The London office's circuit, as the San Francisco circuit sees it. [GLOBAL-REACH]
    let gr_add = |peer: &str, tier, ipv4: &str| A::AddGlobalReach {
        connection: crate::global_reach::sample_connection("sf-to-london", ipv4),
        peer: crate::global_reach::sample_peer(peer, "London", tier),
        authorization_key: None,
    };
    vec![
        Scenario {
            slug: "happy-path",
            title: "The happy path (Layer 2 provider)",
            summary: "Create, provider provisions, add private peering, link a VNet.",
            form: sample_form("demo-happy-path", RoutingModel::Layer2),
            service_key: "00000000-0000-4000-8000-000000000001",
            steps: vec![
                start("The customer sent the service key to the provider; the provider starts provisioning."),
                complete("The provider finishes: the circuit is Provisioned and usable."),
                s(add_private.clone(), "With a Layer 2 provider, the customer configures Azure private peering."),
                s(A::LinkVnet { link: sample_link("conn-hub") }, "Finally, link a virtual network to the circuit."),
            ],
            machines: vec![Machine::Circuit, Machine::Bgp(PeeringType::AzurePrivatePeering)],
        },
        Scenario {
            slug: "layer3",
            title: "A Layer 3 provider",
            summary: "The provider manages routing: adding peerings yourself is refused.",
            form: sample_form("demo-layer3", RoutingModel::Layer3),
            service_key: "00000000-0000-4000-8000-000000000002",
            steps: vec![
                start("Same start: the provider picks up the service key."),
                complete("Provisioned. With a Layer 3 (IPVPN) provider, the provider configures routing."),
                refused(add_private.clone(), "What if the customer adds private peering anyway?"),
                s(A::LinkVnet { link: sample_link("conn-hub") }, "Linking a VNet is allowed, with a warning: the wizard cannot see the provider's peering."),
            ],
            machines: vec![Machine::Circuit],
        },
        Scenario {
            slug: "delete-refused",
            title: "Delete refused while Provisioned",
            summary: "Billing runs until deletion, but a provisioned circuit cannot be deleted.",
            form: sample_form("demo-delete", RoutingModel::Layer2),
            service_key: "00000000-0000-4000-8000-000000000003",
            steps: vec![
                start("The provider starts provisioning."),
                complete("Provisioned."),
                refused(A::Delete, "The customer no longer needs the circuit and presses Delete."),
                s(A::ProviderDeprovision, "The customer asks the provider to deprovision."),
                refused(A::Delete, "Impatient: Delete again while the provider is still deprovisioning."),
                s(A::ProviderCompleteDeprovisioning, "The provider is done: NotProvisioned."),
                s(A::Delete, "Now delete works, and billing stops."),
            ],
            machines: vec![Machine::Circuit],
        },
        Scenario {
            slug: "microsoft-validation",
            title: "Microsoft peering stuck in ValidationNeeded",
            summary: "Prefixes fail automatic validation; manual validation through a support ticket.",
            form: sample_form("demo-microsoft-peering", RoutingModel::Layer2),
            service_key: "00000000-0000-4000-8000-000000000004",
            steps: vec![
                start("The provider starts provisioning."),
                complete("Provisioned."),
                s(add_microsoft.clone(), "The customer adds Microsoft peering advertising 123.1.0.0/24 from AS 23."),
                s(A::SetPrefixValidation { outcome: PrefixOutcome::ValidationNeeded }, "The prefix is not registered to AS 23 in ARIN: automatic validation fails."),
                s(A::SetPrefixValidation { outcome: PrefixOutcome::ManualValidationNeeded }, "Microsoft asks for manual validation: the customer must prove ownership."),
                s(A::SetPrefixValidation { outcome: PrefixOutcome::SupportTicketResolved }, "Support validates the evidence: the prefixes are Configured and BGP comes up."),
            ],
            machines: microsoft_machines(),
        },
        Scenario {
            slug: "prefix-signature",
            title: "Prefix validation by signature",
            summary: "A prefix validated by its signed validation ID: it fails while the certificate is missing from the routing registry, then passes.",
            form: sample_form("demo-prefix-signature", RoutingModel::Layer2),
            service_key: "00000000-0000-4000-8000-000000000006",
            steps: vec![
                start("The provider starts provisioning."),
                complete("Provisioned."),
                s(add_microsoft.clone(), "The customer adds Microsoft peering advertising 123.1.0.0/24 from AS 23."),
                s(A::SetPrefixValidation { outcome: PrefixOutcome::ValidationNeeded }, "Automatic validation fails: Microsoft gives the prefix a validation ID to sign."),
                refused(signed_prefix(not_advertised), "The customer signs the wrong prefix: 123.2.0.0/24 is not advertised on this peering."),
                s(signed_prefix(sample_prefix), "The customer signs 123.1.0.0/24's validation ID with the private key and adds the ID and the signature."),
                s(A::SetPrefixValidation { outcome: PrefixOutcome::PrefixFailed { prefix: sample_prefix, state: PrefixValidationState::CertificateMissingInRoutingRegistry } }, "The registry record of the prefix has no certificate: Microsoft cannot check the signature."),
                refused(signed_prefix(sample_prefix), "Adding the same prefix's info again is refused: it already exists."),
                s(A::SetPrefixValidation { outcome: PrefixOutcome::Validated }, "The customer publishes the certificate in ARIN and submits the signature again: it verifies, the prefixes are Configured and BGP comes up."),
            ],
            machines: microsoft_machines(),
        },
        Scenario {
            slug: "global-reach",
            title: "Two offices joined by Global Reach",
            summary: "A San Francisco office on a Silicon Valley circuit and a London office on a London circuit reach each other through Global Reach: Premium on both, a /29 that nothing else uses.",
            form: sample_form("office-sf", RoutingModel::Layer2),
            service_key: "00000000-0000-4000-8000-000000000007",
            steps: vec![
                start("The San Francisco office's circuit, at Silicon Valley: the provider starts provisioning."),
                complete("Provisioned."),
                s(add_private.clone(), "Azure private peering: Global Reach joins the private peerings of two circuits."),
                refused(gr_add("office-london", SkuTier::Standard, "10.254.0.0/29"), "Connect it to the London office's circuit, at London. Silicon Valley is in North America and London in Europe."),
                s(A::ChangeTier { tier: SkuTier::Premium }, "Both circuits need Premium across geopolitical regions: the San Francisco circuit moves to Premium, and the London circuit's owner does the same."),
                refused(gr_add("office-london", SkuTier::Premium, "192.168.17.16/29"), "The customer offers 192.168.17.16/29 for the connection's tunnels."),
                s(gr_add("office-london", SkuTier::Premium, "10.254.0.0/29"), "A /29 that no VNet, peering or on-premises network uses: the offices are joined."),
            ],
            machines: vec![Machine::Circuit, Machine::Bgp(PeeringType::AzurePrivatePeering)],
        },
        Scenario {
            slug: "route-filter",
            title: "Microsoft peering with a route filter",
            summary: "Microsoft peering is up but receives no Microsoft prefixes until a route filter is attached; the filter selects services by their BGP communities.",
            form: sample_form("demo-route-filter", RoutingModel::Layer2),
            service_key: "00000000-0000-4000-8000-000000000008",
            steps: vec![
                start("The provider starts provisioning."),
                complete("Provisioned."),
                s(add_microsoft, "The customer adds Microsoft peering advertising 123.1.0.0/24 from AS 23."),
                s(A::SetPrefixValidation { outcome: PrefixOutcome::Validated }, "Microsoft validates the prefix: both BGP sessions come up, yet no Microsoft route arrives (configured after 1 August 2017)."),
                refused(A::AttachRouteFilter { microsoft_365_authorized: false }, "The customer tries to attach a route filter before creating one."),
                refused(A::CreateRouteFilter { filter: demo_route_filter(&["12076:5010", "12076:5040"]) }, "A filter with Exchange Online on this Standard circuit is refused: Microsoft 365 services need the Premium add-on."),
                s(A::CreateRouteFilter { filter: demo_route_filter(&["12076:5040", "12076:51006"]) }, "The customer creates the filter with one Allow rule: CRM Online and the West US region's Azure services."),
                s(A::AttachRouteFilter { microsoft_365_authorized: false }, "The filter is attached to Microsoft peering: Microsoft now advertises those services' prefixes."),
                refused(A::RemoveRouteFilter, "Deleting the filter while it is attached is refused."),
            ],
            machines: microsoft_machines(),
        },
        Scenario {
            slug: "deprovision-reenable",
            title: "Deprovision, re-enable, reprovision",
            summary: "The provider tears down; the customer orders again with the same service key.",
            form: sample_form("demo-reenable", RoutingModel::Layer2),
            service_key: "00000000-0000-4000-8000-000000000005",
            steps: vec![
                start("The provider starts provisioning."),
                complete("Provisioned."),
                s(add_private, "Private peering is configured."),
                s(A::ProviderDeprovision, "The provider deprovisions the circuit."),
                s(A::ProviderCompleteDeprovisioning, "NotProvisioned again, and Microsoft still bills."),
                s(A::ReEnable, "The customer re-enables: orders from the provider again with the same service key."),
                complete("Provisioned again."),
            ],
            machines: vec![Machine::Circuit, Machine::Bgp(PeeringType::AzurePrivatePeering)],
        },
    ]
}

/// A built-in scenario by slug.
pub fn scenario(slug: &str) -> Option<Scenario> {
    scenarios().into_iter().find(|s| s.slug == slug)
}

// ---------------------------------------------------------------------------------------
// shared links

/// Version of the shared-link payload.
pub const SHARE_VERSION: u32 = 1;
/// The longest payload accepted (characters of base64url).
pub const SHARE_MAX_LEN: usize = 64 * 1024;

/// What a shared link opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Shared {
    /// A circuit, as it is but for its credentials ([`crate::secrets`]).
    Circuit {
        /// The circuit (boxed: it is much larger than the other variant), redacted.
        circuit: Box<Circuit>,
        /// The credentials left out of the link, so that the page opening it can say so.
        #[serde(default)]
        withheld: Vec<Secret>,
    },
    /// A built-in scenario at a step.
    Scenario {
        /// Its slug.
        slug: String,
        /// Steps played (0: just created).
        step: usize,
    },
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    v: u32,
    #[serde(flatten)]
    shared: Shared,
}

/// Why a shared link cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    /// Empty or longer than [`SHARE_MAX_LEN`].
    #[error("The link is empty or too long to be a shared circuit.")]
    Length,
    /// Not base64url.
    #[error(
        "The link is damaged: it is not a valid encoded payload (was it cut off when copied?)."
    )]
    Encoding,
    /// Not the expected JSON.
    #[error("The link does not contain a circuit or a scenario this wizard can read: {0}")]
    Content(String),
    /// Written by a newer version.
    #[error("The link was made by a newer version of the wizard (payload version {0}).")]
    NewerVersion(u32),
    /// Names a scenario that does not exist.
    #[error("The link names a scenario that does not exist: '{0}'.")]
    UnknownScenario(String),
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn b64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            let idx = (n >> (18 - 6 * i)) & 63;
            out.push(char::from(ALPHABET[idx as usize]));
        }
    }
    out
}

fn b64_decode(s: &str) -> Option<Vec<u8>> {
    let s = s.trim_end_matches('=');
    if s.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes() {
        let v = ALPHABET.iter().position(|a| *a == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
        }
    }
    Some(out)
}

/// Encodes what a link shares as base64url JSON (no padding), for `#/share/<payload>`.
///
/// A link never carries a credential: it is forwarded in chats and tickets and stays in browser
/// history, so a circuit travels as [`redact`] gives it (the service key, authorization keys and
/// MD5 keys left out), with the list of what was left out. Everything else, every state included,
/// travels as it is.
pub fn encode_share(shared: &Shared) -> String {
    let shared = redact_shared(shared.clone());
    let envelope = Envelope {
        v: SHARE_VERSION,
        shared,
    };
    // Serializing these plain data types cannot fail; an empty payload would be
    // refused on decode with a clear message anyway.
    let json = serde_json::to_string(&envelope).unwrap_or_default();
    b64_encode(json.as_bytes())
}

/// Decodes a shared link's payload, refusing anything damaged, newer, or naming an
/// unknown scenario. A scenario step past the end is clamped to the end.
pub fn decode_share(payload: &str) -> Result<Shared, ShareError> {
    let payload = payload.trim();
    if payload.is_empty() || payload.len() > SHARE_MAX_LEN {
        return Err(ShareError::Length);
    }
    let bytes = b64_decode(payload).ok_or(ShareError::Encoding)?;
    let json = String::from_utf8(bytes).map_err(|_| ShareError::Encoding)?;
    #[derive(Deserialize)]
    struct Version {
        v: u32,
    }
    let version: Version =
        serde_json::from_str(&json).map_err(|e| ShareError::Content(e.to_string()))?;
    if version.v > SHARE_VERSION {
        return Err(ShareError::NewerVersion(version.v));
    }
    let envelope: Envelope =
        serde_json::from_str(&json).map_err(|e| ShareError::Content(e.to_string()))?;
    match envelope.shared {
        Shared::Scenario { slug, step } => {
            let sc = scenario(&slug).ok_or(ShareError::UnknownScenario(slug.clone()))?;
            Ok(Shared::Scenario {
                slug,
                step: step.min(sc.steps.len()),
            })
        }
        // A link made before links were redacted may carry keys: they are left out on opening.
        c @ Shared::Circuit { .. } => Ok(redact_shared(c)),
    }
}

/// Redacts a shared circuit, adding what it leaves out to what was already withheld.
fn redact_shared(shared: Shared) -> Shared {
    match shared {
        Shared::Circuit {
            circuit,
            mut withheld,
        } => {
            let r = redact(&circuit);
            for s in r.withheld {
                if !withheld.contains(&s) {
                    withheld.push(s);
                }
            }
            Shared::Circuit {
                circuit: Box::new(r.circuit),
                withheld,
            }
        }
        s @ Shared::Scenario { .. } => s,
    }
}

/// The link for a circuit: its payload for `#/share/<payload>`, and the credentials it leaves
/// out, for the share panel to name.
pub fn share_circuit(c: &Circuit) -> (String, Vec<Secret>) {
    let shared = redact_shared(Shared::Circuit {
        circuit: Box::new(c.clone()),
        withheld: Vec::new(),
    });
    let withheld = match &shared {
        Shared::Circuit { withheld, .. } => withheld.clone(),
        Shared::Scenario { .. } => Vec::new(),
    };
    (encode_share(&shared), withheld)
}
