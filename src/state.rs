//! The app's data (what is persisted) and the pure operations on it: applying a core action with its
//! timeline entry and undo snapshot, and merging two tabs' copies without losing either's work.

use std::collections::BTreeMap;

use er_core::{Action, Circuit, Refusal};
use serde::{Deserialize, Serialize};

/// How many undo snapshots each circuit keeps.
pub const HISTORY_LIMIT: usize = 100;

/// Everything the app stores.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AppData {
    /// Every saved circuit, in creation order.
    pub circuits: Vec<SavedCircuit>,
    /// What was typed in the create form and not yet submitted, by field id.
    #[serde(default)]
    pub create_draft: BTreeMap<String, String>,
    /// Circuits deleted here, by id, with the time: keeps another tab's stale copy from bringing
    /// a deleted circuit back when the two are merged.
    #[serde(default)]
    pub deleted: BTreeMap<String, f64>,
}

/// One circuit with where its wizard was left, its timeline and undo history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedCircuit {
    /// Local id (not an Azure resource id).
    pub id: String,
    /// The circuit as the core models it.
    pub circuit: Circuit,
    /// The wizard step (1–5) the person was last on.
    pub step: u8,
    /// Time of the last change, ms since the epoch; the newer copy wins a merge.
    pub updated: f64,
    /// Form fields typed on this circuit's steps and not yet submitted, by form and field id.
    #[serde(default)]
    pub drafts: BTreeMap<String, String>,
    /// Every action taken or refused, oldest first.
    #[serde(default)]
    pub timeline: Vec<TimelineEntry>,
    /// The circuit before each applied action, for undo (newest last).
    #[serde(default)]
    pub history: Vec<Circuit>,
    /// Set for circuits made by importing a real circuit's output.
    #[serde(default)]
    pub imported: bool,
}

/// One line of a circuit's timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// When, ms since the epoch.
    pub at: f64,
    /// What was tried, in words.
    pub action: String,
    /// The circuit's states before, in Azure's spelling.
    pub before: String,
    /// The states after; `None` when the action was refused.
    pub after: Option<String>,
    /// The refusal shown, when refused.
    pub refusal: Option<String>,
    /// Notes the core attached (billing, warnings).
    #[serde(default)]
    pub notes: Vec<String>,
}

/// The one-line state summary used in the timeline: provider state (when the circuit has one),
/// Status, and each peering's state.
pub fn state_summary(c: &Circuit) -> String {
    let mut parts = Vec::new();
    if !c.is_direct() {
        parts.push(format!(
            "ServiceProviderProvisioningState {}",
            c.service_provider_provisioning_state
        ));
    }
    parts.push(format!("Status {}", c.circuit_provisioning_state.as_str()));
    for p in &c.peerings {
        parts.push(format!("{} {}", p.peering_type, p.state));
    }
    if !c.vnet_links.is_empty() {
        parts.push(format!("{} VNet link(s)", c.vnet_links.len()));
    }
    parts.join(" · ")
}

/// The result of [`SavedCircuit::act`].
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Applied; the circuit still exists.
    Applied { notes: Vec<String> },
    /// Applied and the circuit is deleted: the caller removes it.
    Deleted { notes: Vec<String> },
    /// Refused by the core, with the reason.
    Refused(Refusal),
}

impl SavedCircuit {
    /// A new saved circuit at step `step`.
    pub fn new(id: String, circuit: Circuit, step: u8, now: f64) -> Self {
        SavedCircuit {
            id,
            circuit,
            step,
            updated: now,
            drafts: BTreeMap::new(),
            timeline: Vec::new(),
            history: Vec::new(),
            imported: false,
        }
    }

    /// Asks the core to apply `action`; records the attempt in the timeline either way and keeps
    /// the previous circuit for undo when it is applied.
    pub fn act(&mut self, action: &Action, label: &str, now: f64) -> Outcome {
        let before = state_summary(&self.circuit);
        self.updated = now;
        match er_core::apply(&self.circuit, action) {
            Ok(t) => {
                let mut notes = t.notes.clone();
                notes.extend(t.warnings.iter().map(|w| w.to_string()));
                let deleted = t.circuit.provisioning_state == er_core::ProvisioningState::Deleting;
                let previous = std::mem::replace(&mut self.circuit, t.circuit);
                self.history.push(previous);
                if self.history.len() > HISTORY_LIMIT {
                    self.history.remove(0);
                }
                self.timeline.push(TimelineEntry {
                    at: now,
                    action: label.to_string(),
                    before,
                    after: Some(state_summary(&self.circuit)),
                    refusal: None,
                    notes: notes.clone(),
                });
                if deleted {
                    Outcome::Deleted { notes }
                } else {
                    Outcome::Applied { notes }
                }
            }
            Err(refusal) => {
                self.timeline.push(TimelineEntry {
                    at: now,
                    action: label.to_string(),
                    before,
                    after: None,
                    refusal: Some(refusal.to_string()),
                    notes: Vec::new(),
                });
                Outcome::Refused(refusal)
            }
        }
    }

    /// Undoes the last applied action exactly (the core's states are values). Returns false when
    /// there is nothing to undo.
    pub fn undo(&mut self, now: f64) -> bool {
        let Some(previous) = self.history.pop() else {
            return false;
        };
        let before = state_summary(&self.circuit);
        self.circuit = previous;
        self.updated = now;
        self.timeline.push(TimelineEntry {
            at: now,
            action: "Undo".to_string(),
            before,
            after: Some(state_summary(&self.circuit)),
            refusal: None,
            notes: Vec::new(),
        });
        true
    }
}

impl AppData {
    /// The circuit with this id.
    pub fn get(&self, id: &str) -> Option<&SavedCircuit> {
        self.circuits.iter().find(|c| c.id == id)
    }

    /// The circuit with this id, mutably.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut SavedCircuit> {
        self.circuits.iter_mut().find(|c| c.id == id)
    }

    /// Removes a circuit and remembers that it was deleted.
    pub fn remove(&mut self, id: &str, now: f64) {
        self.circuits.retain(|c| c.id != id);
        self.deleted.insert(id.to_string(), now);
    }

    /// Merges another copy (another tab's, or a restored backup) into this one without losing
    /// work: circuits only one side has are kept; for a circuit both have, the newer copy wins; a
    /// circuit deleted on either side after its last change stays deleted. The create-form draft
    /// of `self` is kept when it has text.
    pub fn merge(&self, other: &AppData) -> AppData {
        let mut deleted = self.deleted.clone();
        for (id, at) in &other.deleted {
            let e = deleted.entry(id.clone()).or_insert(*at);
            if *at > *e {
                *e = *at;
            }
        }
        let mut circuits: Vec<SavedCircuit> = Vec::new();
        for c in self.circuits.iter().chain(other.circuits.iter()) {
            if deleted.get(&c.id).is_some_and(|at| *at >= c.updated) {
                continue;
            }
            match circuits.iter_mut().find(|x| x.id == c.id) {
                Some(existing) if c.updated > existing.updated => *existing = c.clone(),
                Some(_) => {}
                None => circuits.push(c.clone()),
            }
        }
        let create_draft = if self.create_draft.values().any(|v| !v.is_empty()) {
            self.create_draft.clone()
        } else {
            other.create_draft.clone()
        };
        AppData {
            circuits,
            create_draft,
            deleted,
        }
    }
}
