//! Browser tests of the store's two-tab merge, run by wasm-bindgen-test in headless Chromium.
//! The second tab is played by writing localStorage directly, as another tab's save does, and
//! calling the store's handler with the text written, as the browser's `storage` event would.
#![cfg(target_arch = "wasm32")]

use er_wizard::persist::model::{AppData, SavedCircuit};
use er_wizard::persist::storage::{self, Envelope, VERSION};
use er_wizard::store::Store;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;

/// The page's localStorage, as the app's own accessor reaches it.
fn local() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

fn saved(id: &str, name: &str, updated: f64) -> SavedCircuit {
    SavedCircuit::new(id.into(), common::circuit(name), 2, updated)
}

/// The text another tab's save of `data` under `revision` writes.
fn envelope_text(data: &AppData, revision: u64) -> String {
    serde_json::to_string(&Envelope {
        version: VERSION,
        revision,
        data,
    })
    .unwrap()
}

/// Writes `data` under `revision` as another tab would, and returns the text written.
fn other_tab_writes(data: &AppData, revision: u64) -> String {
    let text = envelope_text(data, revision);
    local().set_item(storage::KEY, &text).unwrap();
    text
}

fn stored() -> Envelope<AppData> {
    serde_json::from_str(&local().get_item(storage::KEY).unwrap().unwrap()).unwrap()
}

fn names(d: &AppData) -> Vec<String> {
    d.circuits.iter().map(|c| c.circuit.name.clone()).collect()
}

#[wasm_bindgen_test]
fn a_delete_in_the_other_tab_is_kept_when_both_tabs_wrote_the_same_revision() {
    local().clear().unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let store = Store::init();
        // Both tabs hold Alpha and Delta at revision 1.
        store.update(|d| {
            d.circuits.push(saved("alpha", "Alpha", 1.0));
            d.circuits.push(saved("delta", "Delta", 1.0));
        });
        assert_eq!(stored().revision, 1);
        // This tab saves a change (revision 2) ...
        store.update(|d| d.get_mut("alpha").unwrap().step = 3);
        assert_eq!(stored().revision, 2);
        // ... while the other tab, which also read revision 1, deletes Delta and writes revision 2
        // over it: the two checks and writes interleaved.
        let mut theirs = stored().data;
        theirs.get_mut("alpha").unwrap().step = 2;
        theirs.remove("delta", 5.0);
        let written = other_tab_writes(&theirs, 2);

        store.on_other_tab_saved(Some(written));

        // The delete stands, this tab's data shows it, and the merge was saved as revision 3.
        assert_eq!(store.data.with_untracked(names), ["Alpha"]);
        let after = stored();
        assert_eq!(after.revision, 3);
        assert_eq!(names(&after.data), ["Alpha"]);
        assert!(after.data.deleted.contains_key("delta"));
    });
}

#[wasm_bindgen_test]
fn an_event_for_a_write_that_is_no_longer_stored_changes_nothing() {
    local().clear().unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let store = Store::init();
        store.update(|d| d.circuits.push(saved("alpha", "Alpha", 1.0)));
        let before = local().get_item(storage::KEY).unwrap();
        // An older write of the other tab, already replaced by this tab's save (same revision).
        let mut old = AppData::default();
        old.circuits.push(saved("ghost", "Ghost", 0.5));
        let old_text = envelope_text(&old, 1);

        store.on_other_tab_saved(Some(old_text));

        assert_eq!(store.data.with_untracked(names), ["Alpha"]);
        assert_eq!(local().get_item(storage::KEY).unwrap(), before);
    });
}

#[wasm_bindgen_test]
fn a_newer_revision_from_the_other_tab_is_merged_without_saving_again() {
    local().clear().unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let store = Store::init();
        store.update(|d| d.circuits.push(saved("alpha", "Alpha", 1.0)));
        let mut theirs = stored().data;
        theirs.circuits.push(saved("bravo", "Bravo", 2.0));
        let written = other_tab_writes(&theirs, 2);

        store.on_other_tab_saved(Some(written.clone()));

        assert_eq!(store.data.with_untracked(names), ["Alpha", "Bravo"]);
        assert_eq!(local().get_item(storage::KEY).unwrap(), Some(written));
    });
}
