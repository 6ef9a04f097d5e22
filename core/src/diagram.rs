//! The state machines as data, for the state diagrams of the onboarding demos.
//!
//! Nothing here lists a transition by hand: every row of every table is found by
//! calling [`apply`] on *representative circuits* (one or more per state, bare and
//! configured) with a sample action of each kind, and reading the state after.
//! The only hand-written parts are the representatives, the sample inputs and
//! where each state is drawn. A change to `apply` therefore changes the diagram,
//! and `tests/diagram.rs` checks that every accepted, state-changing row is an
//! arrow and every (phase, kind) pair is in the table.

use crate::action::{Action, ActionKind, PrefixOutcome, VnetLinkRequest};
use crate::circuit::{Circuit, CircuitPhase};
use crate::enums::{
    AdvertisedPublicPrefixesState as Apps, BgpState, PeeringState, PeeringType,
    PrefixValidationState, RoutingModel, SkuFamily, SkuTier,
};
use crate::explain::{explain_bgp_state, explain_phase, explain_prefixes_state, StateInfo};
use crate::form::{create, CreateCircuit};
use crate::machine::{apply, higher_bandwidths, precondition};
use crate::refusal::Refusal;
use crate::routing::{PeeringConfig, PeeringInput};
use crate::PortType;

/// Which machine a diagram shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Machine {
    /// The circuit's phase: the provider state, ExpressRoute Direct, or Deleting.
    Circuit,
    /// The derived BGP state of one peering ("No peering" when it is absent). [WF]
    Bgp(PeeringType),
    /// Microsoft peering's advertised public prefixes state. [WF] [SPEC-2024-05]
    Prefixes,
}

impl Machine {
    /// A heading for the diagram.
    pub fn title(self) -> String {
        match self {
            Machine::Circuit => "Circuit and provider states".into(),
            Machine::Bgp(kind) => format!("{kind}: BGP states"),
            Machine::Prefixes => "MicrosoftPeering: advertised public prefixes states".into(),
        }
    }

    /// A short id usable in HTML ids.
    pub fn id(self) -> String {
        match self {
            Machine::Circuit => "circuit".into(),
            Machine::Bgp(kind) => format!("bgp-{kind}"),
            Machine::Prefixes => "prefixes".into(),
        }
    }

    /// The states of the machine, in drawing order.
    pub fn states(self) -> Vec<DiagramState> {
        match self {
            Machine::Circuit => CircuitPhase::ALL
                .iter()
                .map(|p| DiagramState::Phase(*p))
                .collect(),
            Machine::Bgp(kind) => [None, Some(BgpState::NotEnabled), Some(BgpState::Enabled)]
                .into_iter()
                .map(|s| DiagramState::Bgp(kind, s))
                .collect(),
            Machine::Prefixes => Apps::ALL
                .iter()
                .map(|s| DiagramState::Prefixes(*s))
                .collect(),
        }
    }

    /// The state of this machine that a circuit is in.
    pub fn state_of(self, c: &Circuit) -> DiagramState {
        match self {
            Machine::Circuit => DiagramState::Phase(c.phase()),
            Machine::Bgp(kind) => DiagramState::Bgp(kind, c.peering(kind).map(|p| p.bgp_state())),
            Machine::Prefixes => DiagramState::Prefixes(
                c.peering(PeeringType::MicrosoftPeering)
                    .map_or(Apps::NotConfigured, |p| p.advertised_public_prefixes_state),
            ),
        }
    }
}

/// A state of one of the machines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiagramState {
    /// A circuit phase.
    Phase(CircuitPhase),
    /// The BGP state of a peering; `None` when the peering is not configured.
    Bgp(PeeringType, Option<BgpState>),
    /// Microsoft peering's advertised public prefixes state (NotConfigured when absent).
    Prefixes(Apps),
}

impl DiagramState {
    /// The state's name as drawn: the Azure spelling where there is one.
    pub fn title(self) -> String {
        match self {
            DiagramState::Phase(CircuitPhase::Direct) => "Direct".into(),
            DiagramState::Phase(p) => format!("{p:?}"),
            DiagramState::Bgp(_, None) => "No peering".into(),
            DiagramState::Bgp(_, Some(BgpState::Enabled)) => "BGP Enabled".into(),
            DiagramState::Bgp(_, Some(BgpState::NotEnabled)) => "BGP NotEnabled".into(),
            DiagramState::Prefixes(s) => s.to_string(),
        }
    }

    /// What the state means, from the core's `explain_*`.
    pub fn explain(self) -> StateInfo {
        match self {
            DiagramState::Phase(p) => explain_phase(p),
            DiagramState::Bgp(kind, None) => StateInfo {
                title: "No peering".into(),
                meaning: format!("{kind} is not configured on the circuit, so it has no BGP sessions."),
                next_steps: vec![
                    "Add the peering once the circuit is Provisioned (Layer 2 provider or ExpressRoute Direct).".into(),
                ],
                source: "[WF]",
            },
            DiagramState::Bgp(_, Some(s)) => explain_bgp_state(s),
            DiagramState::Prefixes(s) => explain_prefixes_state(s),
        }
    }

    /// A short id usable in HTML ids.
    pub fn id(self) -> String {
        match self {
            DiagramState::Phase(p) => format!("{p:?}"),
            DiagramState::Bgp(_, None) => "none".into(),
            DiagramState::Bgp(_, Some(s)) => s.to_string(),
            DiagramState::Prefixes(s) => s.to_string(),
        }
    }
}

/// What makes a transition happen: an action kind with a sample action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    /// The action kind.
    pub kind: ActionKind,
    /// A label ("Provider completes provisioning", "Microsoft: Prefixes validated").
    pub label: String,
    /// A short label drawn on the arrow.
    pub short: &'static str,
}

/// One row of a machine's table: from a state, a trigger, and what `apply` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The state before.
    pub from: DiagramState,
    /// The trigger.
    pub trigger: Trigger,
    /// The state after, or the refusal when refused in every representative of `from`.
    pub outcome: Result<DiagramState, Refusal>,
    /// When accepted on some representative circuits and refused on others: the
    /// refusal seen (the transition depends on more than the state).
    pub sometimes_refused: Option<Refusal>,
}

impl Row {
    /// True for an accepted row that changes the state (an arrow in the diagram).
    pub fn is_arrow(&self) -> bool {
        matches!(self.outcome, Ok(to) if to != self.from)
    }

    /// The row in words, for the accessible list and the explanation panel.
    pub fn explain(&self) -> StateInfo {
        explain_transition(
            self.from,
            &self.trigger,
            self.outcome.as_ref().ok().copied(),
            self.outcome.as_ref().err(),
            self.sometimes_refused.as_ref(),
        )
    }
}

fn explain_transition(
    from: DiagramState,
    trigger: &Trigger,
    to: Option<DiagramState>,
    refused: Option<&Refusal>,
    sometimes: Option<&Refusal>,
) -> StateInfo {
    let mut next_steps = Vec::new();
    let (meaning, source) = match (refused, to) {
        (Some(r), _) => {
            next_steps.push(r.remedy());
            (format!("Refused in {}: {r}", from.title()), r.source_key())
        }
        (None, Some(to)) if to == from => (
            format!(
                "Accepted in {}; the state stays {}.",
                from.title(),
                to.title()
            ),
            to.explain().source,
        ),
        (None, Some(to)) => {
            let info = to.explain();
            next_steps.extend(info.next_steps);
            (
                format!("{} → {}. {}", from.title(), to.title(), info.meaning),
                info.source,
            )
        }
        (None, None) => (format!("From {}.", from.title()), "[WF]"),
    };
    let mut meaning = meaning;
    if let Some(r) = sometimes {
        meaning.push_str(&format!(
            " It can still be refused, depending on the circuit: {r}"
        ));
    }
    StateInfo {
        title: trigger.label.clone(),
        meaning,
        next_steps,
        source,
    }
}

/// A state drawn as a box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The state.
    pub state: DiagramState,
    /// Centre x.
    pub x: i32,
    /// Centre y.
    pub y: i32,
}

/// A line between two boxes, ending at their borders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Start x.
    pub x1: i32,
    /// Start y.
    pub y1: i32,
    /// End x (the arrow head).
    pub x2: i32,
    /// End y.
    pub y2: i32,
    /// Label x.
    pub lx: i32,
    /// Label y.
    pub ly: i32,
    /// The label's SVG `text-anchor` ("start", "middle" or "end"): labels extend away
    /// from their line, so parallel arrows' labels do not overlap.
    pub anchor: &'static str,
}

/// An arrow: every accepted trigger from one state to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// From.
    pub from: DiagramState,
    /// To.
    pub to: DiagramState,
    /// The triggers, in table order.
    pub triggers: Vec<Trigger>,
    /// Where it is drawn.
    pub segment: Segment,
}

impl Edge {
    /// The arrow's label: the triggers' short labels, one per line.
    pub fn label_lines(&self) -> Vec<&'static str> {
        let mut shorts: Vec<&'static str> = Vec::new();
        for t in &self.triggers {
            if !shorts.contains(&t.short) {
                shorts.push(t.short);
            }
        }
        shorts
    }
}

/// A trigger from the circuit's current state, checked against that circuit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveTransition {
    /// The trigger.
    pub trigger: Trigger,
    /// Where it leads (for a refused trigger: where it leads from states that allow it).
    pub to: Option<DiagramState>,
    /// `Ok` when the circuit allows it now; otherwise why not.
    pub result: Result<(), Refusal>,
}

impl LiveTransition {
    /// The transition in words.
    pub fn explain(&self, from: DiagramState) -> StateInfo {
        explain_transition(
            from,
            &self.trigger,
            self.to,
            self.result.as_ref().err(),
            None,
        )
    }
}

/// Box size and spacing of the drawing, in SVG user units.
pub const NODE_W: i32 = 150;
/// Box height.
pub const NODE_H: i32 = 44;
const CELL_W: i32 = 230;
const CELL_H: i32 = 150;
const MARGIN: i32 = 20;
/// Room at the sides for arrow labels.
const MARGIN_X: i32 = 60;

/// A machine's table and its drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagram {
    /// The machine.
    pub machine: Machine,
    /// Drawn with rows and columns swapped (narrow screens).
    pub tall: bool,
    /// Drawing width.
    pub width: i32,
    /// Drawing height.
    pub height: i32,
    /// Every state.
    pub nodes: Vec<Node>,
    /// Every state-changing accepted transition, grouped by (from, to).
    pub edges: Vec<Edge>,
    /// The full table.
    pub rows: Vec<Row>,
}

/// Grid cell (column, row) where a state is drawn.
fn cell(state: DiagramState) -> (i32, i32) {
    match state {
        DiagramState::Phase(p) => match p {
            CircuitPhase::Deleting => (0, 0),
            CircuitPhase::NotProvisioned => (1, 0),
            CircuitPhase::Provisioning => (2, 0),
            CircuitPhase::Direct => (0, 1),
            CircuitPhase::Deprovisioning => (1, 1),
            CircuitPhase::Provisioned => (2, 1),
        },
        DiagramState::Bgp(_, None) => (0, 0),
        DiagramState::Bgp(_, Some(BgpState::Enabled)) => (2, 0),
        DiagramState::Bgp(_, Some(BgpState::NotEnabled)) => (1, 1),
        DiagramState::Prefixes(s) => match s {
            Apps::NotConfigured => (0, 1),
            Apps::Configuring => (1, 0),
            Apps::ValidationNeeded => (1, 2),
            Apps::Configured => (2, 1),
        },
    }
}

impl Diagram {
    /// Computes the machine's table and lays it out (`tall`: columns become rows).
    pub fn new(machine: Machine, tall: bool) -> Diagram {
        let rows = table(machine);
        let place = |s: DiagramState| {
            let (c, r) = cell(s);
            let (c, r) = if tall { (r, c) } else { (c, r) };
            (
                MARGIN + NODE_W / 2 + c * CELL_W,
                MARGIN + NODE_H / 2 + r * CELL_H,
            )
        };
        let nodes: Vec<Node> = machine
            .states()
            .into_iter()
            .map(|state| {
                let (x, y) = place(state);
                Node { state, x, y }
            })
            .collect();
        let width = nodes.iter().map(|n| n.x).max().unwrap_or(0) + NODE_W / 2 + MARGIN_X;
        let height = nodes.iter().map(|n| n.y).max().unwrap_or(0) + NODE_H / 2 + MARGIN;
        let mut groups: Vec<(DiagramState, DiagramState, Vec<Trigger>)> = Vec::new();
        for row in rows.iter().filter(|r| r.is_arrow()) {
            let Ok(to) = row.outcome else { continue };
            match groups
                .iter_mut()
                .find(|(f, t, _)| *f == row.from && *t == to)
            {
                Some((_, _, triggers)) => triggers.push(row.trigger.clone()),
                None => groups.push((row.from, to, vec![row.trigger.clone()])),
            }
        }
        let mut diagram = Diagram {
            machine,
            tall,
            width,
            height,
            nodes,
            edges: Vec::new(),
            rows,
        };
        let edges = groups
            .iter()
            .map(|(from, to, triggers)| Edge {
                from: *from,
                to: *to,
                triggers: triggers.clone(),
                segment: diagram.segment(*from, *to),
            })
            .collect();
        diagram.edges = edges;
        diagram
    }

    /// The node of a state.
    pub fn node(&self, s: DiagramState) -> Option<&Node> {
        self.nodes.iter().find(|n| n.state == s)
    }

    /// The line from one box to another, clipped to the box borders. Arrows in both
    /// directions between two boxes are drawn side by side, not on top of each other.
    pub fn segment(&self, from: DiagramState, to: DiagramState) -> Segment {
        let (Some(a), Some(b)) = (self.node(from), self.node(to)) else {
            return Segment {
                x1: 0,
                y1: 0,
                x2: 0,
                y2: 0,
                lx: 0,
                ly: 0,
                anchor: "middle",
            };
        };
        let (dx, dy) = ((b.x - a.x) as f64, (b.y - a.y) as f64);
        let len = (dx * dx + dy * dy).sqrt().max(1.0);
        // Unit normal, pointing to the right of the direction of travel: the two
        // directions of a pair get opposite offsets.
        let (nx, ny) = (-dy / len, dx / len);
        let offset = 9.0;
        let (ox, oy) = (nx * offset, ny * offset);
        // How far along the line the box border is (from the centre).
        let clip = |dx: f64, dy: f64| {
            let hw = f64::from(NODE_W) / 2.0 + 4.0;
            let hh = f64::from(NODE_H) / 2.0 + 4.0;
            let tx = if dx.abs() < 1e-9 {
                f64::INFINITY
            } else {
                hw / dx.abs()
            };
            let ty = if dy.abs() < 1e-9 {
                f64::INFINITY
            } else {
                hh / dy.abs()
            };
            tx.min(ty)
        };
        let t = clip(dx, dy);
        let (ax, ay) = (f64::from(a.x) + ox, f64::from(a.y) + oy);
        let (bx, by) = (f64::from(b.x) + ox, f64::from(b.y) + oy);
        let x1 = ax + dx * t;
        let y1 = ay + dy * t;
        let x2 = bx - dx * t;
        let y2 = by - dy * t;
        // Labels sit 40% of the way along, so the two arrows of a pair (and arrows
        // crossing in the middle) keep their labels apart.
        let (mx, my) = (x1 + (x2 - x1) * 0.4, y1 + (y2 - y1) * 0.4);
        let label_offset = 12.0;
        let anchor = if nx > 0.3 {
            "start"
        } else if nx < -0.3 {
            "end"
        } else {
            "middle"
        };
        Segment {
            x1: x1.round() as i32,
            y1: y1.round() as i32,
            x2: x2.round() as i32,
            y2: y2.round() as i32,
            lx: (mx + nx * label_offset).round() as i32,
            ly: (my + ny * label_offset).round() as i32,
            anchor,
        }
    }

    /// Every trigger from the circuit's current state in this machine, checked
    /// against the circuit itself: the circuit machine asks [`precondition`], the
    /// peering machines [`apply`] the trigger's action built for this circuit.
    pub fn live(&self, c: &Circuit) -> (DiagramState, Vec<LiveTransition>) {
        let current = self.machine.state_of(c);
        let mut out: Vec<LiveTransition> = Vec::new();
        for t in triggers_for(self.machine, c) {
            if out.iter().any(|l| l.trigger.label == t.trigger.label) {
                continue;
            }
            let result = match self.machine {
                Machine::Circuit => precondition(c, t.trigger.kind),
                Machine::Bgp(_) | Machine::Prefixes => match &t.action {
                    Some(a) => apply(c, a).map(|_| ()),
                    None => precondition(c, t.trigger.kind),
                },
            };
            let to = match (&result, &t.action) {
                (Ok(()), Some(a)) => apply(c, a)
                    .ok()
                    .map(|tr| self.machine.state_of(&tr.circuit)),
                _ => None,
            }
            .or_else(|| self.usual_target(current, &t.trigger.label));
            out.push(LiveTransition {
                trigger: t.trigger,
                to,
                result,
            });
        }
        (current, out)
    }

    /// Where a trigger leads: from `from` if the table has it, else from any state.
    fn usual_target(&self, from: DiagramState, label: &str) -> Option<DiagramState> {
        let accepted = |r: &&Row| r.trigger.label == label && r.outcome.is_ok();
        self.rows
            .iter()
            .filter(accepted)
            .find(|r| r.from == from)
            .or_else(|| self.rows.iter().filter(accepted).find(|r| r.is_arrow()))
            .and_then(|r| r.outcome.as_ref().ok().copied())
    }
}

// ---------------------------------------------------------------------------------------
// representative circuits and sample actions

/// The fixed service key of the representative circuits.
const KEY: &str = "00000000-0000-4000-8000-00000000d1a9";
const AUTH_KEY: &str = "00000000-0000-4000-8000-0000000a0701";
const SAMPLE_PREFIX: &str = "123.1.0.0/24";

/// The validation ID of Azure PowerShell's own example for 123.1.0.0/24 from AS 23 (the sample
/// Microsoft peering's prefix and customer ASN). [PS-PREFIX]
pub const SAMPLE_VALIDATION_ID: &str =
    "Azure-SKEY|7c44c70b-9c62-4a89-a6b2-d281b6ce7a49|123.1.0.0/24|ASN-23";

/// The signature of Azure PowerShell's own example (base64, one line). [PS-PREFIX]
pub const SAMPLE_SIGNATURE: &str = "XxGp/5JtCJTrxSsOCeK+icaekDy18U4jZjrcHMAlN5cOTweH9XjZ7yfcLd4YegTPbGWiaKsX3Agvjk5q2hZ4fOGn+wHhL3SCNtoX6kF8/ukPVfw2cvZ7YS7otyCS7aR7g8kbugBhLDpB+g9SSChQT+/eR3QWgbC8m0C8RVGJo31gwDcXHsQ44hmnqs+OWcLI32FIVCoQeCOzmaGc4GVlZayFRvF/CiCm7g0k01+ipmVJQIkcdDArZZsfJuiXTiYNxLD57CEtuheX7knAj2AnceOJXaPpkS4f1i2Z8oVWC9YrqLWH5FCiIPU7PSh43YnDi/Pab3tT49EU3+PGZvWXCA==";

/// A sample route filter as Microsoft's Azure CLI steps make it: `MyRouteFilter` with rule `CRM`
/// allowing 12076:5040 (CRM Online, no authorization needed). [ROUTE-FILTER-CLI]
pub fn sample_route_filter() -> crate::route_filter::RouteFilter {
    crate::route_filter::RouteFilter {
        name: "MyRouteFilter".into(),
        resource_group: "demo-rg".into(),
        region: "West US".into(),
        rule: Some(crate::route_filter::RouteFilterRule {
            name: "CRM".into(),
            communities: vec!["12076:5040".into()],
        }),
    }
}

/// Adding the sample validation info to Microsoft peering's first prefix without any (or the
/// sample prefix when there is none).
pub fn sample_signed_prefix(c: &Circuit) -> Action {
    let prefix = c
        .peering(PeeringType::MicrosoftPeering)
        .and_then(|p| {
            p.prefix_info
                .iter()
                .find(|i| !i.has_validation_info())
                .or_else(|| p.prefix_info.first())
                .map(|i| i.prefix)
        })
        .or_else(|| SAMPLE_PREFIX.parse().ok())
        .unwrap_or_default();
    Action::AddPrefixValidationInfo {
        prefix,
        validation_id: SAMPLE_VALIDATION_ID.into(),
        signature: SAMPLE_SIGNATURE.into(),
    }
}

fn form(model: RoutingModel) -> CreateCircuit {
    CreateCircuit {
        name: "demo-circuit".into(),
        resource_group: "demo-rg".into(),
        region: "West US".into(),
        provider: "Equinix".into(),
        peering_location: "Silicon Valley".into(),
        bandwidth_mbps: 200,
        routing_model: model,
        sku_tier: SkuTier::Standard,
        sku_family: SkuFamily::MeteredData,
        ..CreateCircuit::default()
    }
}

/// A sample private peering configuration (SC-15's addresses).
pub fn sample_private_input() -> PeeringInput {
    PeeringInput {
        peer_asn: "65020".into(),
        primary_subnet: "192.168.17.16/30".into(),
        secondary_subnet: "192.168.17.20/30".into(),
        vlan_id: "100".into(),
        ..PeeringInput::default()
    }
}

/// A sample Microsoft peering configuration (SC-33's prefix, ASN and registry).
pub fn sample_microsoft_input() -> PeeringInput {
    PeeringInput {
        peer_asn: "100".into(),
        primary_subnet: "123.0.0.0/30".into(),
        secondary_subnet: "123.0.0.4/30".into(),
        vlan_id: "300".into(),
        advertised_public_prefixes: SAMPLE_PREFIX.into(),
        customer_asn: "23".into(),
        routing_registry_name: "ARIN".into(),
        ..PeeringInput::default()
    }
}

fn sample_config(kind: PeeringType, changed: bool) -> Option<PeeringConfig> {
    let input = match (kind, changed) {
        (PeeringType::MicrosoftPeering, false) => sample_microsoft_input(),
        (PeeringType::MicrosoftPeering, true) => PeeringInput {
            vlan_id: "301".into(),
            advertised_public_prefixes: "123.2.0.0/24".into(),
            ..sample_microsoft_input()
        },
        (PeeringType::AzurePrivatePeering | PeeringType::AzurePublicPeering, false) => {
            sample_private_input()
        }
        (PeeringType::AzurePrivatePeering | PeeringType::AzurePublicPeering, true) => {
            PeeringInput {
                vlan_id: "101".into(),
                ..sample_private_input()
            }
        }
    };
    // Public peering is retired: parse its sample as private peering, so `apply`
    // gives its own refusal rather than the parser's.
    let parse_as = match kind {
        PeeringType::AzurePublicPeering => PeeringType::AzurePrivatePeering,
        k => k,
    };
    PeeringConfig::parse(parse_as, &input)
        .ok()
        .map(|v| v.config)
}

/// A sample VNet link request (10.50.0.0/16 in West US, same subscription).
pub fn sample_link(name: &str) -> VnetLinkRequest {
    VnetLinkRequest {
        connection_name: name.into(),
        vnet_name: format!("{name}-vnet"),
        vnet_region: "West US".into(),
        address_spaces: "10.50.0.0/16".parse().ok().into_iter().collect(),
        authorization_key: None,
    }
}

fn step(c: &Circuit, a: Action) -> Option<Circuit> {
    apply(c, &a).ok().map(|t| t.circuit)
}

/// Representative circuits of the circuit machine: for every phase, a bare circuit
/// and one with a private peering, a Microsoft peering being validated, an
/// authorization and a VNet link (so state-dependent refusals show up too).
pub fn circuit_representatives() -> Vec<Circuit> {
    let mut out = Vec::new();
    for model in RoutingModel::ALL {
        let Ok(bare) = create(&form(*model), KEY) else {
            continue;
        };
        let configured = |c: &Circuit| -> Option<Circuit> {
            let mut c = c.clone();
            for kind in [
                PeeringType::AzurePrivatePeering,
                PeeringType::MicrosoftPeering,
            ] {
                if let Some(config) = sample_config(kind, false) {
                    c = step(&c, Action::AddPeering { kind, config }).unwrap_or(c);
                }
            }
            let c = step(
                &c,
                Action::AddAuthorization {
                    name: "auth1".into(),
                    key: AUTH_KEY.into(),
                },
            )?;
            let c = step(
                &c,
                Action::LinkVnet {
                    link: sample_link("conn1"),
                },
            )?;
            step(
                &c,
                Action::CreateRouteFilter {
                    filter: sample_route_filter(),
                },
            )
        };
        let provisioning = step(&bare, Action::ProviderStartProvisioning);
        let provisioned = provisioning.and_then(|c| step(&c, Action::ProviderCompleteProvisioning));
        let rich = provisioned.as_ref().and_then(configured);
        let deprov = |c: &Circuit| step(c, Action::ProviderDeprovision);
        let after = |c: &Circuit| step(c, Action::ProviderCompleteDeprovisioning);
        let reenabled = |c: &Circuit| step(c, Action::ReEnable);
        let rich_deprov = rich.as_ref().and_then(deprov);
        let rich_np = rich_deprov.as_ref().and_then(after);
        let rich_provisioning = rich_np.as_ref().and_then(reenabled);
        let deleting = step(&bare, Action::Delete);
        out.extend(
            [
                Some(bare.clone()),
                provisioning_of(&bare),
                provisioned.clone(),
                provisioned.as_ref().and_then(deprov),
                deleting,
                rich,
                rich_deprov,
                rich_np,
                rich_provisioning,
            ]
            .into_iter()
            .flatten(),
        );
    }
    let direct_form = CreateCircuit {
        port_type: PortType::Direct,
        express_route_port: "erdirect-port1".into(),
        bandwidth_gbps: 10,
        port_bandwidth_gbps: 100,
        ..form(RoutingModel::Layer2)
    };
    if let Ok(direct) = create(&direct_form, KEY) {
        let mut rich = direct.clone();
        if let Some(config) = sample_config(PeeringType::AzurePrivatePeering, false) {
            rich = step(
                &rich,
                Action::AddPeering {
                    kind: PeeringType::AzurePrivatePeering,
                    config,
                },
            )
            .unwrap_or(rich);
        }
        let rich = step(
            &rich,
            Action::LinkVnet {
                link: sample_link("conn1"),
            },
        )
        .unwrap_or(rich);
        out.push(direct);
        out.push(rich);
    }
    out
}

fn provisioning_of(c: &Circuit) -> Option<Circuit> {
    step(c, Action::ProviderStartProvisioning)
}

/// Representative circuits of the peering machines: a Provisioned Layer 2 circuit
/// with no peering, with private peering enabled or disabled, and with Microsoft
/// peering in every prefixes state, enabled or disabled.
pub fn peering_representatives() -> Vec<Circuit> {
    let Some(base) = create(&form(RoutingModel::Layer2), KEY)
        .ok()
        .and_then(|c| step(&c, Action::ProviderStartProvisioning))
        .and_then(|c| step(&c, Action::ProviderCompleteProvisioning))
    else {
        return Vec::new();
    };
    let mut out = vec![base.clone()];
    let add = |c: &Circuit, kind| {
        sample_config(kind, false).and_then(|config| step(c, Action::AddPeering { kind, config }))
    };
    let disable = |c: &Circuit, kind| {
        step(
            c,
            Action::SetPeeringState {
                kind,
                state: PeeringState::Disabled,
            },
        )
    };
    let validate = |c: &Circuit, outcome| step(c, Action::SetPrefixValidation { outcome });
    if let Some(p) = add(&base, PeeringType::AzurePrivatePeering) {
        out.extend(disable(&p, PeeringType::AzurePrivatePeering));
        out.push(p);
    }
    if let Some(m) = add(&base, PeeringType::MicrosoftPeering) {
        let ms = PeeringType::MicrosoftPeering;
        let variants = [
            Some(m.clone()),
            validate(&m, PrefixOutcome::ValidationNeeded),
            validate(&m, PrefixOutcome::ManualValidationNeeded),
            validate(&m, PrefixOutcome::Validated),
        ];
        for v in variants.into_iter().flatten() {
            out.extend(disable(&v, ms));
            out.push(v);
        }
    }
    out
}

/// A trigger with the action that makes it happen on a given circuit (`None`:
/// only the kind can be checked).
struct TriggerAction {
    trigger: Trigger,
    action: Option<Action>,
}

fn circuit_short(kind: ActionKind) -> &'static str {
    match kind {
        ActionKind::ProviderStartProvisioning => "start",
        ActionKind::ProviderCompleteProvisioning => "complete",
        ActionKind::ProviderDeprovision => "deprovision",
        ActionKind::ProviderCompleteDeprovisioning => "deprovisioned",
        ActionKind::ReEnable => "re-enable",
        ActionKind::Delete => "delete",
        ActionKind::AddPeering => "add peering",
        ActionKind::UpdatePeering => "update peering",
        ActionKind::RemovePeering => "remove peering",
        ActionKind::SetPeeringState => "enable/disable",
        ActionKind::SetPrefixValidation => "prefix validation",
        ActionKind::AddPrefixValidationInfo => "prefix signature",
        ActionKind::AddAuthorization => "add authorization",
        ActionKind::RemoveAuthorization => "remove authorization",
        ActionKind::LinkVnet => "link VNet",
        ActionKind::UnlinkVnet => "unlink VNet",
        ActionKind::AddGlobalReach => "add Global Reach",
        ActionKind::RemoveGlobalReach => "remove Global Reach",
        ActionKind::ChangeBandwidth => "bandwidth",
        ActionKind::ChangeFamily => "billing model",
        ActionKind::ChangeTier => "tier",
        ActionKind::SetAllowClassicOperations => "classic operations",
        ActionKind::CreateRouteFilter => "create route filter",
        ActionKind::AttachRouteFilter => "attach route filter",
        ActionKind::DetachRouteFilter => "detach route filter",
        ActionKind::RemoveRouteFilter => "delete route filter",
    }
}

/// A sample action of `kind` suited to circuit `c` (uses its peerings, links and
/// authorizations where the action names one).
pub fn sample_action(c: &Circuit, kind: ActionKind) -> Option<Action> {
    let first_peering = c
        .peerings
        .first()
        .map_or(PeeringType::AzurePrivatePeering, |p| p.peering_type);
    Some(match kind {
        ActionKind::ProviderStartProvisioning => Action::ProviderStartProvisioning,
        ActionKind::ProviderCompleteProvisioning => Action::ProviderCompleteProvisioning,
        ActionKind::ProviderDeprovision => Action::ProviderDeprovision,
        ActionKind::ProviderCompleteDeprovisioning => Action::ProviderCompleteDeprovisioning,
        ActionKind::ReEnable => Action::ReEnable,
        ActionKind::Delete => Action::Delete,
        ActionKind::AddPeering => {
            let kind = [
                PeeringType::AzurePrivatePeering,
                PeeringType::MicrosoftPeering,
            ]
            .into_iter()
            .find(|k| c.peering(*k).is_none())
            .unwrap_or(PeeringType::AzurePrivatePeering);
            Action::AddPeering {
                kind,
                config: sample_config(kind, false)?,
            }
        }
        ActionKind::UpdatePeering => Action::UpdatePeering {
            kind: first_peering,
            config: sample_config(first_peering, true)?,
        },
        ActionKind::RemovePeering => Action::RemovePeering {
            kind: first_peering,
        },
        ActionKind::SetPeeringState => {
            let state = match c.peerings.first().map(|p| p.state) {
                Some(PeeringState::Enabled) | None => PeeringState::Disabled,
                Some(PeeringState::Disabled) => PeeringState::Enabled,
            };
            Action::SetPeeringState {
                kind: first_peering,
                state,
            }
        }
        ActionKind::SetPrefixValidation => Action::SetPrefixValidation {
            outcome: PrefixOutcome::Validated,
        },
        ActionKind::AddPrefixValidationInfo => sample_signed_prefix(c),
        ActionKind::AddAuthorization => Action::AddAuthorization {
            name: format!("auth{}", c.authorizations.len() + 2),
            key: format!(
                "00000000-0000-4000-8000-{:012x}",
                c.authorizations.len() + 0xa0702
            ),
        },
        ActionKind::RemoveAuthorization => Action::RemoveAuthorization {
            name: c
                .authorizations
                .first()
                .map_or_else(|| "auth1".into(), |a| a.name.clone()),
        },
        ActionKind::LinkVnet => Action::LinkVnet {
            link: sample_link(&format!("conn{}", c.vnet_links.len() + 2)),
        },
        ActionKind::UnlinkVnet => Action::UnlinkVnet {
            name: c
                .vnet_links
                .first()
                .map_or_else(|| "conn1".into(), |l| l.name.clone()),
        },
        ActionKind::AddGlobalReach => crate::global_reach::sample_add(c),
        ActionKind::RemoveGlobalReach => Action::RemoveGlobalReach {
            name: c
                .peerings
                .iter()
                .flat_map(|p| p.global_reach.iter())
                .next()
                .map_or_else(|| "gr1".into(), |g| g.name.clone()),
        },
        ActionKind::ChangeBandwidth => Action::ChangeBandwidth {
            mbps: higher_bandwidths(c)
                .first()
                .copied()
                .unwrap_or(c.bandwidth_mbps().saturating_mul(2)),
        },
        ActionKind::ChangeFamily => Action::ChangeFamily {
            family: SkuFamily::UnlimitedData,
        },
        ActionKind::ChangeTier => Action::ChangeTier {
            tier: match c.sku.tier {
                SkuTier::Premium => SkuTier::Standard,
                SkuTier::Standard | SkuTier::Local | SkuTier::Basic => SkuTier::Premium,
            },
        },
        ActionKind::SetAllowClassicOperations => {
            Action::SetAllowClassicOperations(!c.allow_classic_operations)
        }
        ActionKind::CreateRouteFilter => Action::CreateRouteFilter {
            filter: sample_route_filter(),
        },
        ActionKind::AttachRouteFilter => Action::AttachRouteFilter {
            microsoft_365_authorized: false,
        },
        ActionKind::DetachRouteFilter => Action::DetachRouteFilter,
        ActionKind::RemoveRouteFilter => Action::RemoveRouteFilter,
    })
}

/// The triggers of a machine, with their actions built for circuit `c`.
fn triggers_for(machine: Machine, c: &Circuit) -> Vec<TriggerAction> {
    match machine {
        Machine::Circuit => ActionKind::ALL
            .iter()
            .map(|&kind| TriggerAction {
                trigger: Trigger {
                    kind,
                    label: kind.label().into(),
                    short: circuit_short(kind),
                },
                action: sample_action(c, kind),
            })
            .collect(),
        Machine::Bgp(kind) => peering_triggers(kind, c, false),
        Machine::Prefixes => peering_triggers(PeeringType::MicrosoftPeering, c, true),
    }
}

fn peering_triggers(kind: PeeringType, c: &Circuit, prefixes_only: bool) -> Vec<TriggerAction> {
    let t =
        |k: ActionKind, label: String, short: &'static str, action: Option<Action>| TriggerAction {
            trigger: Trigger {
                kind: k,
                label,
                short,
            },
            action,
        };
    // Update with the circuit's own configuration changed (a new VLAN and, for
    // Microsoft peering, new prefixes): validation starts again.
    let update = sample_config(kind, true).map(|config| Action::UpdatePeering { kind, config });
    let mut out = vec![
        t(
            ActionKind::AddPeering,
            format!("Add {kind}"),
            "add",
            sample_config(kind, false).map(|config| Action::AddPeering { kind, config }),
        ),
        t(
            ActionKind::UpdatePeering,
            format!("Update {kind} (changed settings)"),
            "update",
            update,
        ),
        t(
            ActionKind::RemovePeering,
            format!("Remove {kind}"),
            "remove",
            Some(Action::RemovePeering { kind }),
        ),
    ];
    if !prefixes_only {
        for (state, short) in [
            (PeeringState::Disabled, "disable"),
            (PeeringState::Enabled, "enable"),
        ] {
            out.push(t(
                ActionKind::SetPeeringState,
                format!("Set {kind} {state}"),
                short,
                Some(Action::SetPeeringState { kind, state }),
            ));
        }
    }
    if kind == PeeringType::MicrosoftPeering {
        let prefix = c
            .peering(kind)
            .and_then(|p| p.prefix_info.first().map(|i| i.prefix))
            .or_else(|| SAMPLE_PREFIX.parse().ok());
        let mut outcomes = vec![
            (PrefixOutcome::Validated, "validated"),
            (PrefixOutcome::ValidationNeeded, "validation needed"),
            (PrefixOutcome::ManualValidationNeeded, "manual validation"),
            (PrefixOutcome::SupportTicketResolved, "ticket resolved"),
        ];
        if let Some(prefix) = prefix {
            outcomes.push((
                PrefixOutcome::PrefixFailed {
                    prefix,
                    state: PrefixValidationState::ValidationFailed,
                },
                "prefix failed",
            ));
        }
        for (outcome, short) in outcomes {
            out.push(t(
                ActionKind::SetPrefixValidation,
                format!("Microsoft: {}", outcome.label()),
                short,
                Some(Action::SetPrefixValidation { outcome }),
            ));
        }
        out.push(t(
            ActionKind::AddPrefixValidationInfo,
            "Add a prefix's validation ID and signature".into(),
            "signed",
            Some(sample_signed_prefix(c)),
        ));
    }
    out
}

/// The machine's table, computed by applying every trigger to every representative
/// circuit. Rows are in (state, trigger) order; a (state, trigger) pair with several
/// accepted outcomes has one row each.
pub fn table(machine: Machine) -> Vec<Row> {
    let reps = match machine {
        Machine::Circuit => circuit_representatives(),
        Machine::Bgp(_) | Machine::Prefixes => peering_representatives(),
    };
    // (from, trigger) -> accepted targets and the first refusal.
    struct Cell {
        from: DiagramState,
        trigger: Trigger,
        targets: Vec<DiagramState>,
        refusal: Option<Refusal>,
    }
    let mut cells: Vec<Cell> = Vec::new();
    for c in &reps {
        let from = machine.state_of(c);
        for ta in triggers_for(machine, c) {
            let result = match (machine, &ta.action) {
                // The circuit machine's refusals come from `precondition` (what the
                // UI shows before any input); `apply` decides the target.
                (Machine::Circuit, _) => {
                    precondition(c, ta.trigger.kind).and_then(|()| match &ta.action {
                        Some(a) => apply(c, a).map(|t| machine.state_of(&t.circuit)),
                        None => Ok(from),
                    })
                }
                (_, Some(a)) => apply(c, a).map(|t| machine.state_of(&t.circuit)),
                (_, None) => precondition(c, ta.trigger.kind).map(|()| from),
            };
            let idx = match cells
                .iter()
                .position(|x| x.from == from && x.trigger.label == ta.trigger.label)
            {
                Some(i) => i,
                None => {
                    cells.push(Cell {
                        from,
                        trigger: ta.trigger.clone(),
                        targets: Vec::new(),
                        refusal: None,
                    });
                    cells.len() - 1
                }
            };
            let cell = &mut cells[idx];
            match result {
                Ok(to) => {
                    if !cell.targets.contains(&to) {
                        cell.targets.push(to);
                    }
                }
                Err(r) => {
                    if cell.refusal.is_none() {
                        cell.refusal = Some(r);
                    }
                }
            }
        }
    }
    let order = machine.states();
    let pos = |s: &DiagramState| order.iter().position(|x| x == s).unwrap_or(usize::MAX);
    cells.sort_by_key(|c| pos(&c.from));
    let mut rows = Vec::new();
    for cell in cells {
        if cell.targets.is_empty() {
            if let Some(r) = cell.refusal {
                rows.push(Row {
                    from: cell.from,
                    trigger: cell.trigger,
                    outcome: Err(r),
                    sometimes_refused: None,
                });
            }
        } else {
            for to in cell.targets {
                rows.push(Row {
                    from: cell.from,
                    trigger: cell.trigger.clone(),
                    outcome: Ok(to),
                    sometimes_refused: cell.refusal.clone(),
                });
            }
        }
    }
    rows
}
