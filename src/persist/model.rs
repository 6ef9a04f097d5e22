//! The app's data (what is persisted) and the pure operations on it: applying a core action with its
//! timeline entry and undo snapshot, and merging two tabs' copies without losing either's work.

use std::collections::BTreeMap;

use er_core::resiliency::Resiliency;
use er_core::{Action, Circuit, Refusal};
use serde::{Deserialize, Serialize};

/// A transition's notes, then its warnings.
fn notes_and_warnings(t: &er_core::Transition) -> Vec<String> {
    let mut notes = t.notes.clone();
    notes.extend(t.warnings.iter().map(|w| w.to_string()));
    notes
}

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
    /// The resiliency chosen when it was created here (`None`: older data, imports).
    #[serde(default)]
    pub resiliency: Option<Resiliency>,
    /// The other circuit of its Maximum resiliency pair, by local id.
    #[serde(default)]
    pub pair: Option<String>,
    /// Resiliency review findings dismissed on purpose for this circuit, by key.
    #[serde(default)]
    pub dismissed: Vec<String>,
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

/// The result of [`SavedCircuit::act`] (and, with the delete refusal alone, of
/// [`SavedCircuit::act_delete`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome<R = Refusal> {
    /// Applied; the circuit still exists.
    Applied { notes: Vec<String> },
    /// Applied and the circuit is deleted: the caller removes it.
    Deleted { notes: Vec<String> },
    /// Refused by the core, with the reason.
    Refused(R),
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
            resiliency: None,
            pair: None,
            dismissed: Vec::new(),
        }
    }

    /// Asks the core to apply `action`; records the attempt in the timeline either way and keeps
    /// the previous circuit for undo when it is applied.
    pub fn act(&mut self, action: &Action, label: &str, now: f64) -> Outcome {
        self.act_with(
            |c| er_core::apply(c, action),
            notes_and_warnings,
            label,
            now,
        )
    }

    /// Deletes the circuit, as `act(&Action::Delete, …)` does, through the core's delete alone
    /// ([`er_core::apply_delete`]) so "Your circuits" does not carry every transition.
    pub fn act_delete(&mut self, label: &str, now: f64) -> Outcome<er_core::DeleteRefusal> {
        // Deleting gives notes and never a warning: the warnings' texts stay off the first load.
        self.act_with(er_core::apply_delete, |t| t.notes.clone(), label, now)
    }

    fn act_with<R: std::fmt::Display>(
        &mut self,
        apply: impl FnOnce(&Circuit) -> Result<er_core::Transition, R>,
        notes_of: impl FnOnce(&er_core::Transition) -> Vec<String>,
        label: &str,
        now: f64,
    ) -> Outcome<R> {
        self.updated = now;
        match apply(&self.circuit) {
            Ok(t) => {
                let notes = notes_of(&t);
                let deleted = t.circuit.provisioning_state == er_core::ProvisioningState::Deleting;
                self.record(t.circuit, label, notes.clone(), now);
                if deleted {
                    Outcome::Deleted { notes }
                } else {
                    Outcome::Applied { notes }
                }
            }
            Err(refusal) => {
                self.record_refusal(label, &refusal, now);
                Outcome::Refused(refusal)
            }
        }
    }

    /// Records a change the core made to this circuit as part of an operation on two circuits
    /// (Global Reach): the new circuit, with its timeline entry and undo snapshot, as [`act`]
    /// does for one circuit.
    ///
    /// [`act`]: SavedCircuit::act
    pub fn record(&mut self, circuit: Circuit, label: &str, notes: Vec<String>, now: f64) {
        let before = state_summary(&self.circuit);
        self.updated = now;
        let previous = std::mem::replace(&mut self.circuit, circuit);
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
            notes,
        });
    }

    /// Records a refused operation (on this circuit, or on two circuits) in its timeline.
    pub fn record_refusal(&mut self, label: &str, refusal: &impl std::fmt::Display, now: f64) {
        self.timeline.push(TimelineEntry {
            at: now,
            action: label.to_string(),
            before: state_summary(&self.circuit),
            after: None,
            refusal: Some(refusal.to_string()),
            notes: Vec::new(),
        });
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

/// What restoring a backup would do: circuits it adds, and circuits that exist here too but differ.
#[derive(Clone, Debug, PartialEq)]
pub struct RestorePlan {
    /// Circuits only the backup has: they are added.
    pub added: Vec<SavedCircuit>,
    /// Circuits identical here and in the backup: nothing to do.
    pub unchanged: usize,
    /// (this browser's, the backup's) copies of a circuit that differ: the person chooses.
    pub conflicts: Vec<(SavedCircuit, SavedCircuit)>,
}

/// How to settle one conflict of a restore.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Keep this browser's copy.
    KeepMine,
    /// Replace it with the backup's copy.
    UseBackup,
    /// Keep this browser's copy and add the backup's as a separate circuit.
    KeepBoth,
}

impl AppData {
    /// Compares a backup with this data. Nothing here is ever dropped by a restore.
    pub fn restore_plan(&self, backup: &AppData) -> RestorePlan {
        let mut plan = RestorePlan {
            added: Vec::new(),
            unchanged: 0,
            conflicts: Vec::new(),
        };
        for theirs in &backup.circuits {
            match self.get(&theirs.id) {
                None => plan.added.push(theirs.clone()),
                Some(mine) if mine == theirs => plan.unchanged += 1,
                Some(mine) => plan.conflicts.push((mine.clone(), theirs.clone())),
            }
        }
        plan
    }

    /// Applies a restore plan with one resolution per conflict (missing ones keep this browser's
    /// copy). `new_id` makes ids for "keep both" copies.
    pub fn apply_restore(
        &mut self,
        plan: &RestorePlan,
        resolutions: &[Resolution],
        mut new_id: impl FnMut() -> String,
        now: f64,
    ) {
        for c in &plan.added {
            self.deleted.remove(&c.id);
            self.circuits.push(c.clone());
        }
        for (i, (_, theirs)) in plan.conflicts.iter().enumerate() {
            match resolutions.get(i).copied().unwrap_or(Resolution::KeepMine) {
                Resolution::KeepMine => {}
                Resolution::UseBackup => {
                    if let Some(mine) = self.get_mut(&theirs.id) {
                        *mine = theirs.clone();
                        mine.updated = now;
                    }
                }
                Resolution::KeepBoth => {
                    let mut copy = theirs.clone();
                    copy.id = new_id();
                    copy.updated = now;
                    copy.circuit.name = format!("{} (restored)", copy.circuit.name);
                    self.circuits.push(copy);
                }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A valid Provider-port circuit as `er_core::create` makes it (Equinix, Silicon Valley,
    /// 200 Mbps); also the storage fuzz properties' sample.
    pub(crate) fn circuit(name: &str) -> Circuit {
        let req = er_core::CreateCircuit {
            name: name.into(),
            resource_group: "rg".into(),
            region: "West US".into(),
            provider: "Equinix".into(),
            peering_location: "Silicon Valley".into(),
            bandwidth_mbps: 200,
            ..Default::default()
        };
        er_core::create(&req, "a1410692-0000-4ceb-b94a-b90b94d398d1").expect("valid request")
    }

    fn saved(id: &str, name: &str, updated: f64) -> SavedCircuit {
        SavedCircuit::new(id.into(), circuit(name), 1, updated)
    }

    #[test]
    fn act_records_applied_and_refused_actions_and_undo_is_exact() {
        let mut s = saved("a", "c1", 1.0);
        let before = s.circuit.clone();
        assert!(matches!(
            s.act(&Action::ProviderStartProvisioning, "start", 2.0),
            Outcome::Applied { .. }
        ));
        assert!(matches!(
            s.act(&Action::Delete, "delete", 3.0),
            Outcome::Refused(_)
        ));
        assert_eq!(s.timeline.len(), 2);
        assert!(s.timeline[1].refusal.is_some() && s.timeline[1].after.is_none());
        assert!(s.undo(4.0));
        assert_eq!(s.circuit, before);
        assert!(!s.undo(5.0));
    }

    // Pins the undo history limit: past HISTORY_LIMIT snapshots the OLDEST is dropped, so undo
    // walks back through the latest HISTORY_LIMIT states in order (dropping the newest instead,
    // or keeping more, fails here).
    #[test]
    fn undo_history_keeps_the_newest_snapshots_up_to_the_limit() {
        let cycle = [
            Action::ProviderStartProvisioning,
            Action::ProviderDeprovision,
            Action::ProviderCompleteDeprovisioning,
        ];
        let mut s = saved("a", "c1", 0.0);
        // The circuit before each action, oldest first.
        let mut before = Vec::new();
        let steps = HISTORY_LIMIT + 5;
        for i in 0..steps {
            before.push(s.circuit.clone());
            let outcome = s.act(&cycle[i % cycle.len()], "step", i as f64);
            assert!(
                matches!(outcome, Outcome::Applied { .. }),
                "step {i}: {outcome:?}"
            );
        }
        assert_eq!(s.history.len(), HISTORY_LIMIT);
        for back in 1..=HISTORY_LIMIT {
            assert!(s.undo(1000.0 + back as f64), "undo {back}");
            assert_eq!(s.circuit, before[steps - back], "undo {back}");
        }
        assert!(!s.undo(2000.0), "nothing older than the limit is kept");
        assert_eq!(s.circuit, before[steps - HISTORY_LIMIT]);
    }

    #[test]
    fn merge_keeps_both_sides_and_the_newer_copy() {
        let mut ours = AppData::default();
        ours.circuits.push(saved("a", "mine-old", 1.0));
        ours.circuits.push(saved("b", "only-ours", 1.0));
        let mut theirs = AppData::default();
        theirs.circuits.push(saved("a", "theirs-new", 2.0));
        theirs.circuits.push(saved("c", "only-theirs", 1.0));
        let m = ours.merge(&theirs);
        let names: Vec<_> = m.circuits.iter().map(|c| c.circuit.name.as_str()).collect();
        assert_eq!(names, ["theirs-new", "only-ours", "only-theirs"]);
    }

    #[test]
    fn merge_does_not_bring_back_a_circuit_deleted_in_the_other_tab() {
        let mut ours = AppData::default();
        ours.circuits.push(saved("a", "stale", 1.0));
        let mut theirs = AppData::default();
        theirs.remove("a", 5.0);
        assert!(ours.merge(&theirs).circuits.is_empty());
        // A change made after the deletion wins.
        ours.circuits[0].updated = 9.0;
        assert_eq!(ours.merge(&theirs).circuits.len(), 1);
    }

    #[test]
    fn restore_never_loses_a_circuit_and_asks_about_conflicts() {
        let mut here = AppData::default();
        here.circuits.push(saved("a", "same", 1.0));
        here.circuits.push(saved("b", "mine", 1.0));
        let mut backup = AppData::default();
        backup.circuits.push(saved("a", "same", 1.0));
        backup.circuits.push(saved("b", "backup", 2.0));
        backup.circuits.push(saved("c", "new", 1.0));
        let plan = here.restore_plan(&backup);
        assert_eq!(plan.unchanged, 1);
        assert_eq!(plan.added.len(), 1);
        assert_eq!(plan.conflicts.len(), 1);
        let mut n = 0;
        here.apply_restore(
            &plan,
            &[Resolution::KeepBoth],
            || {
                n += 1;
                format!("new{n}")
            },
            3.0,
        );
        let names: Vec<_> = here
            .circuits
            .iter()
            .map(|c| c.circuit.name.as_str())
            .collect();
        assert_eq!(names, ["same", "mine", "new", "backup (restored)"]);
    }
}
