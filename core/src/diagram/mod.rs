//! The state machines as data, for the state diagrams of the onboarding demos.
//!
//! Nothing here lists a transition by hand: every row of every table is found by
//! calling [`apply`](crate::machine::apply) on *representative circuits* (one or more per state, bare and
//! configured) with a sample action of each kind, and reading the state after.
//! The only hand-written parts are the representatives, the sample inputs and
//! where each state is drawn. A change to `apply` therefore changes the diagram,
//! and `tests/diagram.rs` checks that every accepted, state-changing row is an
//! arrow and every (phase, kind) pair is in the table.
//!
//! `table.rs` derives each machine's table from `apply`, `samples.rs` holds the
//! representative circuits and sample inputs (the scripted demos use them too), and
//! `svg.rs` lays the table out as boxes and arrows.

use crate::circuit::{Circuit, CircuitPhase};
use crate::enums::{AdvertisedPublicPrefixesState as Apps, BgpState, PeeringType};
use crate::explain::{explain_bgp_state, explain_phase, explain_prefixes_state, StateInfo};

pub(crate) mod samples;
mod svg;
mod table;

pub use samples::{
    circuit_representatives, peering_representatives, sample_action, sample_link,
    sample_microsoft_input, sample_private_input, sample_route_filter, sample_signed_prefix,
    SAMPLE_SIGNATURE, SAMPLE_VALIDATION_ID,
};
pub use svg::{Diagram, Edge, Node, Segment, NODE_H, NODE_W};
pub use table::{table, LiveTransition, Row, Trigger};

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
