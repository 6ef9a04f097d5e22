//! Demos of a design rather than one circuit: steps that act on either circuit of a Maximum
//! resiliency pair, and steps that read what a verify command printed ([`crate::verify`]), each
//! frame with the resiliency review of the circuits ([`crate::resiliency::review`]).
//!
//! Like [`crate::scenario`], a demo is data and playing it is pure: actions go through
//! [`apply`], outputs through [`read_paste`] / [`read_output`] / [`read_links`].

use crate::action::{Action, VnetLinkRequest};
use crate::circuit::Circuit;
use crate::diagram::samples::sample_form;
use crate::diagram::{sample_private_input, Machine};
use crate::enums::{PeeringType, RoutingModel};
use crate::explain::StateInfo;
use crate::form::{create, CreateCircuit, FieldError};
use crate::machine::apply;
use crate::refusal::Refusal;
use crate::resiliency::{review, Finding, Member, Resiliency};
use crate::routing::{PeeringConfig, PeeringInput};
use crate::scenario::{action_label, narrate};
use crate::verify::{read_links, read_output, read_paste, DevicePath, PastedOutput, Reading};

/// What a step does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DemoStepKind {
    /// An action on one of the demo's circuits (by index).
    Act {
        /// Which circuit.
        circuit: usize,
        /// The action (boxed: an action is far larger than a reading).
        action: Box<Action>,
    },
    /// What a verify command printed for one circuit, peering and link, read as Verify
    /// connectivity reads it.
    Read {
        /// Which circuit.
        circuit: usize,
        /// The peering.
        peering: PeeringType,
        /// The link.
        path: DevicePath,
        /// The output, shaped like Microsoft's documented examples.
        output: &'static str,
    },
}

/// One step of a design demo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoStep {
    /// What happens.
    pub kind: DemoStepKind,
    /// What the presenter says.
    pub line: &'static str,
}

/// A demo over one or two circuits.
#[derive(Debug, Clone, PartialEq)]
pub struct DesignDemo {
    /// URL name (`#/demos/<slug>`), distinct from every [`crate::scenario`] slug.
    pub slug: &'static str,
    /// Title.
    pub title: &'static str,
    /// One sentence: what it shows.
    pub summary: &'static str,
    /// The resiliency chosen at creation.
    pub resiliency: Resiliency,
    /// The create forms: one circuit, or the two of a pair.
    pub forms: Vec<CreateCircuit>,
    /// The steps.
    pub steps: Vec<DemoStep>,
    /// The diagrams worth showing (for the first circuit).
    pub machines: Vec<Machine>,
}

/// One played step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoFrame {
    /// The step's label ("demo-er-sv: Provider starts provisioning").
    pub label: String,
    /// The presenter line.
    pub line: &'static str,
    /// Which circuit the step is about.
    pub circuit: usize,
    /// Every circuit after the step.
    pub circuits: Vec<Circuit>,
    /// `Ok(notes)` when applied (or read), or the refusal.
    pub result: Result<Vec<String>, Refusal>,
    /// What an action means, from the core's explanations (empty for a read).
    pub narration: Vec<StateInfo>,
    /// The output read, for a read step.
    pub output: Option<&'static str>,
    /// What the output means, then what both links together mean so far.
    pub readings: Vec<Reading>,
    /// The resiliency review of the circuits after the step.
    pub findings: Vec<Finding>,
}

/// A played design demo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesignPlayback {
    /// The circuits right after creation.
    pub start: Vec<Circuit>,
    /// The review right after creation.
    pub start_findings: Vec<Finding>,
    /// One frame per step.
    pub frames: Vec<DemoFrame>,
}

impl DesignPlayback {
    /// The circuits after `step` steps (0: just created); clamped to the end.
    pub fn circuits_at(&self, step: usize) -> &[Circuit] {
        match step.min(self.frames.len()).checked_sub(1) {
            Some(i) => &self.frames[i].circuits,
            None => &self.start,
        }
    }
}

/// The local ids the demo's circuits are reviewed under.
pub const DEMO_IDS: [&str; 2] = ["first", "second"];

fn review_of(circuits: &[Circuit], resiliency: Resiliency) -> Vec<Finding> {
    let members: Vec<Member> = circuits
        .iter()
        .enumerate()
        .map(|(i, c)| Member {
            id: DEMO_IDS[i.min(1)],
            circuit: c,
            resiliency: Some(resiliency),
            pair: (circuits.len() == 2).then_some(DEMO_IDS[1 - i.min(1)]),
        })
        .collect();
    review(&members)
}

impl DesignDemo {
    /// Plays every step.
    pub fn play(&self) -> Result<DesignPlayback, Vec<FieldError>> {
        let mut circuits = Vec::with_capacity(self.forms.len());
        for (i, f) in self.forms.iter().enumerate() {
            circuits.push(create(
                f,
                &format!("00000000-0000-4000-8000-00000000010{i}"),
            )?);
        }
        let start = circuits.clone();
        let start_findings = review_of(&circuits, self.resiliency);
        let mut pasted: Vec<(usize, PeeringType, DevicePath, PastedOutput)> = Vec::new();
        let mut frames = Vec::with_capacity(self.steps.len());
        for s in &self.steps {
            let frame = match &s.kind {
                DemoStepKind::Act { circuit, action } => {
                    let i = (*circuit).min(circuits.len().saturating_sub(1));
                    let before = circuits[i].clone();
                    let (result, after) = match apply(&before, action) {
                        Ok(t) => {
                            let mut notes = t.notes;
                            notes.extend(t.warnings.iter().map(ToString::to_string));
                            (Ok(notes), Ok(t.circuit))
                        }
                        Err(r) => (Err(r.clone()), Err(r)),
                    };
                    let narration = narrate(&before, &after);
                    if let Ok(c) = after {
                        circuits[i] = c;
                    }
                    DemoFrame {
                        label: format!("{}: {}", before.name, action_label(action)),
                        line: s.line,
                        circuit: i,
                        circuits: circuits.clone(),
                        result,
                        narration,
                        output: None,
                        readings: Vec::new(),
                        findings: review_of(&circuits, self.resiliency),
                    }
                }
                DemoStepKind::Read {
                    circuit,
                    peering,
                    path,
                    output,
                } => {
                    let i = (*circuit).min(circuits.len().saturating_sub(1));
                    let c = &circuits[i];
                    let (label, result, readings) = match read_paste(output) {
                        Ok(p) => {
                            let label = format!(
                                "{}: read the {} of the {path} link",
                                c.name,
                                p.table.kind().label()
                            );
                            let mut readings = read_output(&p, *peering, *path, c.sku.tier);
                            pasted.retain(|(j, k, d, q)| {
                                !(*j == i
                                    && k == peering
                                    && d == path
                                    && q.table.kind() == p.table.kind())
                            });
                            pasted.push((i, *peering, *path, p));
                            let refs: Vec<(PeeringType, DevicePath, &PastedOutput)> = pasted
                                .iter()
                                .filter(|(j, ..)| *j == i)
                                .map(|(_, k, d, q)| (*k, *d, q))
                                .collect();
                            readings.extend(read_links(&refs));
                            (label, Ok(Vec::new()), readings)
                        }
                        Err(e) => (
                            format!("{}: an output that cannot be read", c.name),
                            Ok(vec![e.to_string()]),
                            Vec::new(),
                        ),
                    };
                    DemoFrame {
                        label,
                        line: s.line,
                        circuit: i,
                        circuits: circuits.clone(),
                        result,
                        narration: Vec::new(),
                        output: Some(output),
                        readings,
                        findings: review_of(&circuits, self.resiliency),
                    }
                }
            };
            frames.push(frame);
        }
        Ok(DesignPlayback {
            start,
            start_findings,
            frames,
        })
    }
}

/// A demo circuit's create form: the sample circuits' form at another place.
fn form(name: &str, region: &str, provider: &str, location: &str) -> CreateCircuit {
    CreateCircuit {
        region: region.into(),
        provider: provider.into(),
        peering_location: location.into(),
        ..sample_form(name, RoutingModel::Layer2)
    }
}

fn act(circuit: usize, action: Action, line: &'static str) -> DemoStep {
    DemoStep {
        kind: DemoStepKind::Act {
            circuit,
            action: Box::new(action),
        },
        line,
    }
}

fn read(path: DevicePath, output: &'static str, line: &'static str) -> DemoStep {
    DemoStep {
        kind: DemoStepKind::Read {
            circuit: 0,
            peering: PeeringType::AzurePrivatePeering,
            path,
            output,
        },
        line,
    }
}

fn private_peering(input: &PeeringInput) -> Option<Action> {
    PeeringConfig::parse(PeeringType::AzurePrivatePeering, input)
        .ok()
        .map(|v| Action::AddPeering {
            kind: PeeringType::AzurePrivatePeering,
            config: v.config,
        })
}

fn hub_link(connection: &str) -> Action {
    Action::LinkVnet {
        link: VnetLinkRequest {
            connection_name: connection.into(),
            vnet_name: "hub-vnet".into(),
            vnet_region: "West US".into(),
            address_spaces: "10.50.0.0/16".parse().ok().into_iter().collect(),
            authorization_key: None,
        },
    }
}

/// [TROUBLE-ARP] "ARP table when a circuit is in operational state", with the primary link's
/// addresses of the sample private peering (192.168.17.16/30: on-premises .17, Microsoft .18).
pub const ARP_PRIMARY_UP: &str = "Age InterfaceProperty IpAddress      MacAddress
--- ----------------- ---------      ----------
 10 On-Prem           192.168.17.17  ffff.eeee.dddd
  0 Microsoft         192.168.17.18  aaaa.bbbb.cccc
";

/// [TROUBLE-ARP] "ARP table when on-premises / connectivity provider side has problems" (only
/// the Microsoft entry), with the secondary link's addresses (192.168.17.20/30).
pub const ARP_SECONDARY_MICROSOFT_ONLY: &str = "Age InterfaceProperty IpAddress      MacAddress
--- ----------------- ---------      ----------
  0 Microsoft         192.168.17.22  aaaa.bbbb.cccd
";

/// The secondary link's ARP table once the provider has fixed it (the operational form).
pub const ARP_SECONDARY_UP: &str = "Age InterfaceProperty IpAddress      MacAddress
--- ----------------- ---------      ----------
 10 On-Prem           192.168.17.21  ffff.eeee.ddde
  0 Microsoft         192.168.17.22  aaaa.bbbb.cccd
";

/// [TROUBLE] "Route Table Summary:", a neighbor in Idle (no session), secondary link.
pub const SUMMARY_SECONDARY_IDLE: &str = "Route Table Summary:

        Neighbor                   V                  AS              UpDown         StatePfxRcd
        192.168.17.21              4               65020               never                Idle
";

/// [TROUBLE] "Route Table Summary:", the neighbor established with 50 prefixes, primary link.
pub const SUMMARY_PRIMARY_UP: &str = "Route Table Summary:

        Neighbor                   V                  AS              UpDown         StatePfxRcd
        192.168.17.17              4               65020                8w4d                  50
";

/// The secondary link's summary once its session is up.
pub const SUMMARY_SECONDARY_UP: &str = "Route Table Summary:

        Neighbor                   V                  AS              UpDown         StatePfxRcd
        192.168.17.21              4               65020            00:02:10                  50
";

/// The built-in design demos, in the order the demos page lists them.
pub fn design_demos() -> Vec<DesignDemo> {
    let Some(private_a) = private_peering(&sample_private_input()) else {
        // The sample input is fixed and valid (tests/scenario.rs checks it).
        return Vec::new();
    };
    let Some(private_b) = private_peering(&PeeringInput {
        primary_subnet: "192.168.18.16/30".into(),
        secondary_subnet: "192.168.18.20/30".into(),
        vlan_id: "200".into(),
        ..sample_private_input()
    }) else {
        return Vec::new();
    };
    vec![
        DesignDemo {
            slug: "maximum-resiliency",
            title: "Maximum resiliency: two circuits, one design",
            summary: "Two circuits at two peering locations created as a pair, walked through provisioning, private peering and the same VNet, with the resiliency review after each step.",
            resiliency: Resiliency::Maximum,
            forms: vec![
                form("demo-er-silicon-valley", "West US", "Equinix", "Silicon Valley"),
                form("demo-er-los-angeles", "West US", "Megaport", "Los Angeles"),
            ],
            steps: vec![
                act(0, Action::ProviderStartProvisioning, "Both service keys go to the providers. Equinix starts on the Silicon Valley circuit."),
                act(0, Action::ProviderCompleteProvisioning, "The Silicon Valley circuit is Provisioned."),
                act(1, Action::ProviderStartProvisioning, "Megaport starts on the Los Angeles circuit: another provider at another location."),
                act(1, Action::ProviderCompleteProvisioning, "Both circuits are Provisioned; both have been billed since their service keys were issued."),
                act(0, private_a.clone(), "Private peering on the Silicon Valley circuit."),
                act(0, hub_link("conn-hub-sv"), "The hub VNet is linked to the Silicon Valley circuit. The review: the other circuit has neither private peering nor the VNet, so the pair protects nothing yet."),
                act(1, private_b, "Private peering on the Los Angeles circuit, with its own /30 subnets and VLAN."),
                act(1, hub_link("conn-hub-la"), "The hub VNet is linked to the Los Angeles circuit too: two connections, two circuits, two locations. Nothing left to review."),
            ],
            machines: vec![Machine::Circuit, Machine::Bgp(PeeringType::AzurePrivatePeering)],
        },
        DesignDemo {
            slug: "secondary-link-down",
            title: "Secondary link down: reading the ARP table",
            summary: "Private peering is configured, but the secondary link's ARP table has no entry for the customer's side: what the ARP tables and route table summaries of both links say, and what to check.",
            resiliency: Resiliency::Standard,
            forms: vec![form("demo-secondary-down", "West US", "Equinix", "Silicon Valley")],
            steps: vec![
                act(0, Action::ProviderStartProvisioning, "The provider starts provisioning."),
                act(0, Action::ProviderCompleteProvisioning, "Provisioned."),
                act(0, private_a, "Private peering is configured: both /30 subnets, so both BGP sessions exist in Azure. The portal says Enabled — but is traffic flowing on both links?"),
                read(DevicePath::Primary, ARP_PRIMARY_UP, "Get-AzExpressRouteCircuitARPTable -DevicePath Primary: both entries are there."),
                read(DevicePath::Secondary, ARP_SECONDARY_MICROSOFT_ONLY, "The same for the secondary link: only Microsoft's entry. The customer's side does not answer ARP."),
                read(DevicePath::Secondary, SUMMARY_SECONDARY_IDLE, "The secondary link's route table summary: the neighbor is Idle, no BGP session."),
                read(DevicePath::Primary, SUMMARY_PRIMARY_UP, "The primary link's summary: established, 50 prefixes. One link up, the other down: the circuit runs without redundancy."),
                read(DevicePath::Secondary, ARP_SECONDARY_UP, "The provider finds the secondary cross-connect on the wrong VLAN and fixes it: both entries now."),
                read(DevicePath::Secondary, SUMMARY_SECONDARY_UP, "The secondary session comes up: both links established, redundancy restored."),
            ],
            machines: vec![Machine::Circuit, Machine::Bgp(PeeringType::AzurePrivatePeering)],
        },
    ]
}

/// A built-in design demo by slug.
pub fn design_demo(slug: &str) -> Option<DesignDemo> {
    design_demos().into_iter().find(|d| d.slug == slug)
}
