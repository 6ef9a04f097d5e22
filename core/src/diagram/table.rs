//! Each machine's table, found by applying every trigger to every representative circuit,
//! and the triggers open to one circuit now.

use super::samples::{
    circuit_representatives, peering_representatives, sample_action, sample_add_peering,
    sample_config, sample_signed_prefix, SAMPLE_PREFIX,
};
use super::{Diagram, DiagramState, Machine};
use crate::action::{Action, ActionKind, PrefixOutcome};
use crate::circuit::Circuit;
use crate::enums::{PeeringState, PeeringType, PrefixValidationState};
use crate::explain::StateInfo;
use crate::machine::{apply, precondition};
use crate::refusal::Refusal;

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

impl Diagram {
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

/// The triggers of a machine, with their actions built for circuit `c`.
fn triggers_for(machine: Machine, c: &Circuit) -> Vec<TriggerAction> {
    match machine {
        Machine::Circuit => ActionKind::ALL
            .iter()
            .map(|&kind| {
                let label = kind.label().into();
                trigger(kind, label, circuit_short(kind), sample_action(c, kind))
            })
            .collect(),
        Machine::Bgp(kind) => peering_triggers(kind, c, false),
        Machine::Prefixes => peering_triggers(PeeringType::MicrosoftPeering, c, true),
    }
}

/// The triggers of a peering's BGP machine (`prefixes_only`: of Microsoft peering's
/// prefixes machine, where enabling and disabling change nothing).
fn peering_triggers(kind: PeeringType, c: &Circuit, prefixes_only: bool) -> Vec<TriggerAction> {
    // Update with the circuit's own configuration changed (a new VLAN and, for
    // Microsoft peering, new prefixes): validation starts again.
    let update = sample_config(kind, true).map(|config| Action::UpdatePeering { kind, config });
    let mut out = vec![
        trigger(
            ActionKind::AddPeering,
            format!("Add {kind}"),
            "add",
            sample_add_peering(kind),
        ),
        trigger(
            ActionKind::UpdatePeering,
            format!("Update {kind} (changed settings)"),
            "update",
            update,
        ),
        trigger(
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
            out.push(trigger(
                ActionKind::SetPeeringState,
                format!("Set {kind} {state}"),
                short,
                Some(Action::SetPeeringState { kind, state }),
            ));
        }
    }
    if kind == PeeringType::MicrosoftPeering {
        out.extend(prefix_triggers(c));
    }
    out
}

/// Microsoft's answers on the advertised prefixes, and adding a prefix's signature.
fn prefix_triggers(c: &Circuit) -> Vec<TriggerAction> {
    let prefix = c
        .peering(PeeringType::MicrosoftPeering)
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
    let mut out: Vec<TriggerAction> = outcomes
        .into_iter()
        .map(|(outcome, short)| {
            trigger(
                ActionKind::SetPrefixValidation,
                format!("Microsoft: {}", outcome.label()),
                short,
                Some(Action::SetPrefixValidation { outcome }),
            )
        })
        .collect();
    out.push(trigger(
        ActionKind::AddPrefixValidationInfo,
        "Add a prefix's validation ID and signature".into(),
        "signed",
        Some(sample_signed_prefix(c)),
    ));
    out
}

fn trigger(
    kind: ActionKind,
    label: String,
    short: &'static str,
    action: Option<Action>,
) -> TriggerAction {
    TriggerAction {
        trigger: Trigger { kind, label, short },
        action,
    }
}

/// The machine's table, computed by applying every trigger to every representative
/// circuit. Rows are in (state, trigger) order; a (state, trigger) pair with several
/// accepted outcomes has one row each.
pub fn table(machine: Machine) -> Vec<Row> {
    let reps = match machine {
        Machine::Circuit => circuit_representatives(),
        Machine::Bgp(_) | Machine::Prefixes => peering_representatives(),
    };
    let mut cells = cells(machine, &reps);
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

/// What one trigger does from one state, over every representative circuit in that state.
struct Cell {
    from: DiagramState,
    trigger: Trigger,
    /// Every state it led to.
    targets: Vec<DiagramState>,
    /// The first refusal seen.
    refusal: Option<Refusal>,
}

/// Every (from, trigger) cell, in the order first met.
fn cells(machine: Machine, reps: &[Circuit]) -> Vec<Cell> {
    let mut cells: Vec<Cell> = Vec::new();
    for c in reps {
        let from = machine.state_of(c);
        for ta in triggers_for(machine, c) {
            let result = outcome(machine, c, from, &ta);
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
    cells
}

/// The state a trigger leads to from circuit `c` (in state `from`), or its refusal.
fn outcome(
    machine: Machine,
    c: &Circuit,
    from: DiagramState,
    ta: &TriggerAction,
) -> Result<DiagramState, Refusal> {
    match (machine, &ta.action) {
        // The circuit machine's refusals come from `precondition` (what the
        // UI shows before any input); `apply` decides the target.
        (Machine::Circuit, _) => precondition(c, ta.trigger.kind).and_then(|()| match &ta.action {
            Some(a) => apply(c, a).map(|t| machine.state_of(&t.circuit)),
            None => Ok(from),
        }),
        (_, Some(a)) => apply(c, a).map(|t| machine.state_of(&t.circuit)),
        (_, None) => precondition(c, ta.trigger.kind).map(|()| from),
    }
}
