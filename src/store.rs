//! The app-wide store: one signal with the app's data, kept in localStorage through
//! [`crate::persist::storage`]. Transitions are saved at once, typing is debounced (about 300 ms) and flushed
//! when the page is hidden; another tab's saves are merged in, never overwritten.

use crate::persist::migrate::migrate;
use std::time::Duration;

use leptos::prelude::*;

use crate::persist::model::{AppData, SavedCircuit};
use crate::persist::storage::{self, StorageError};

/// A message shown in the notices area at the top of every screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Unique id, for dismissing.
    pub id: u64,
    /// "warning" or "info".
    pub kind: &'static str,
    /// The text.
    pub text: String,
}

/// The store handed down through context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Store {
    /// The app's data.
    pub data: RwSignal<AppData>,
    /// The stored revision this tab's data is based on.
    revision: RwSignal<u64>,
    /// Whether saving works (false: in-memory only, with a visible warning).
    pub persistent: RwSignal<bool>,
    /// Notices about storage and merges.
    pub notices: RwSignal<Vec<Notice>>,
    /// A pending debounced save.
    pending: RwSignal<Option<TimeoutHandle>>,
    /// A migration backup key to drop once the migrated data has been saved.
    migration_backup: RwSignal<Option<String>>,
}

/// How `window.name` starts when it holds what one page of the app hands the next.
const CARRY: &str = "er-wizard:carry\n";

/// Milliseconds since the epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// The store from context.
pub fn use_store() -> Store {
    expect_context::<Store>()
}

impl Store {
    /// Loads the stored data (or starts empty, telling the person why) and starts listening for
    /// other tabs' changes and for the page being hidden.
    pub fn init() -> Store {
        let store = Store {
            data: RwSignal::new(AppData::default()),
            revision: RwSignal::new(0),
            persistent: RwSignal::new(true),
            notices: RwSignal::new(Vec::new()),
            pending: RwSignal::new(None),
            migration_backup: RwSignal::new(None),
        };
        match storage::load::<AppData>(migrate) {
            Ok(Some(loaded)) => {
                store.revision.set(loaded.envelope.revision);
                store.data.set(loaded.envelope.data);
                if let Some(key) = loaded.migrated_from_backup {
                    store.migration_backup.set(Some(key.clone()));
                    store.save_now();
                    // The backup is dropped only once the migrated data is saved.
                    let kept = store.migration_backup.get_untracked().is_some();
                    store.notify(
                        "info",
                        if kept {
                            format!("Your circuits were saved by an earlier version of this app and were upgraded. The upgrade could not be saved yet, so the original is kept unchanged under \"{key}\".")
                        } else {
                            "Your circuits were saved by an earlier version of this app and were upgraded to this version's format.".to_string()
                        },
                    );
                }
            }
            Ok(None) => {}
            Err(e @ StorageError::Unavailable(_)) => {
                store.persistent.set(false);
                store.notify("warning", e.to_string());
            }
            Err(e @ (StorageError::Corrupt { .. } | StorageError::NewerVersion { .. })) => {
                // Corrupt or newer data was copied to a backup key; saving over the main key is
                // safe now, and the person is told where the original is.
                store.notify("warning", e.to_string());
                store.revision.set(storage::stored_revision().unwrap_or(0));
            }
            Err(e) => {
                // The stored data needed a backup (unreadable, newer or older) and the backup
                // could not be written, usually because storage is full. Saving now would
                // replace the only copy, so saving stays off and the original is left alone.
                store.persistent.set(false);
                store.notify(
                    "warning",
                    format!("The saved data needs to be copied before this version can use it, and the copy could not be written ({e}). It was left unchanged and saving is off, so nothing overwrites it: free some browser storage for this page and reload."),
                );
            }
        }
        store.take_carried();
        store.listen();
        store
    }

    /// Hands this page's notices to the next page of the app this tab loads (a deletion's
    /// "billing for it stops" is shown where the person lands) and, when saving is off, the
    /// circuits too, which live in this tab's memory only. They go in `window.name`, which a
    /// tab keeps across its own navigations even when the browser refuses all storage; it is set
    /// only as the app opens another of its pages, and [`Store::init`] clears it on arrival.
    pub fn carry(&self) {
        let mut text = String::from(CARRY);
        self.notices.with_untracked(|n| {
            for x in n {
                text.push_str(&format!("n\t{}\t{}\n", x.kind, x.text.replace('\n', " ")));
            }
        });
        if !self.persistent.get_untracked() {
            // The codec's JSON is one line: newlines in strings are escaped.
            let data = self.data.with_untracked(crate::persist::codec::to_string);
            text.push_str(&format!("d\t{data}\n"));
        }
        if let Some(w) = web_sys::window() {
            let _ = w.set_name(&text);
        }
    }

    /// Takes what the previous page carried (see [`Store::carry`]): its notices, and its
    /// circuits if this page cannot save either.
    fn take_carried(&self) {
        let Some(w) = web_sys::window() else { return };
        let name = w.name().unwrap_or_default();
        let Some(carried) = name.strip_prefix(CARRY) else {
            return;
        };
        let _ = w.set_name("");
        for line in carried.lines() {
            match line.split_once('\t') {
                Some(("n", notice)) => match notice.split_once('\t') {
                    Some(("warning", text)) => self.notify("warning", text.to_string()),
                    Some((_, text)) => self.notify("info", text.to_string()),
                    None => {}
                },
                Some(("d", json)) if !self.persistent.get_untracked() => {
                    if let Ok(data) = crate::persist::codec::from_str::<AppData>(json) {
                        self.data.set(data);
                    }
                }
                _ => {}
            }
        }
    }

    /// Adds a notice.
    pub fn notify(&self, kind: &'static str, text: String) {
        self.notices.update(|n| {
            let id = n.iter().map(|x| x.id).max().unwrap_or(0) + 1;
            if !n.iter().any(|x| x.text == text) {
                n.push(Notice { id, kind, text });
            }
        });
    }

    /// Changes the data and saves at once (use for transitions and other discrete changes).
    pub fn update(&self, f: impl FnOnce(&mut AppData)) {
        self.data.update(f);
        self.save_now();
    }

    /// Changes the data and saves after a short pause (use for typing).
    pub fn update_debounced(&self, f: impl FnOnce(&mut AppData)) {
        self.data.update(f);
        if let Some(h) = self.pending.get_untracked() {
            h.clear();
        }
        let this = *self;
        let handle =
            set_timeout_with_handle(move || this.save_now(), Duration::from_millis(300)).ok();
        self.pending.set(handle);
    }

    /// Changes one circuit and saves at once.
    pub fn update_circuit(&self, id: &str, f: impl FnOnce(&mut SavedCircuit)) {
        self.update(|d| {
            if let Some(c) = d.get_mut(id) {
                f(c);
            }
        });
    }

    /// Saves now; on a conflict with another tab, merges its data in and saves the merge.
    pub fn save_now(&self) {
        if let Some(h) = self.pending.get_untracked() {
            h.clear();
            self.pending.set(None);
        }
        if !self.persistent.get_untracked() {
            return;
        }
        let result = self
            .data
            .with_untracked(|d| storage::save(d, self.revision.get_untracked()));
        match result {
            Ok(rev) => {
                self.revision.set(rev);
                if let Some(key) = self.migration_backup.get_untracked() {
                    storage::drop_backup(&key);
                    self.migration_backup.set(None);
                }
            }
            Err(StorageError::Conflict { .. }) => {
                if self.merge_from_storage() {
                    let again = self
                        .data
                        .with_untracked(|d| storage::save(d, self.revision.get_untracked()));
                    match again {
                        Ok(rev) => self.revision.set(rev),
                        Err(e) => self.notify("warning", e.to_string()),
                    }
                }
            }
            Err(e @ StorageError::Unavailable(_)) => {
                self.persistent.set(false);
                self.notify("warning", e.to_string());
            }
            Err(e) => self.notify("warning", e.to_string()),
        }
    }

    /// Reads what another tab saved and merges it into this tab's data. Returns false when the
    /// stored data could not be read (it is then left alone).
    fn merge_from_storage(&self) -> bool {
        match storage::load::<AppData>(migrate) {
            Ok(Some(loaded)) => {
                let theirs = loaded.envelope.data;
                let changed = self.data.with_untracked(|ours| *ours != theirs);
                if changed {
                    self.data.update(|ours| *ours = ours.merge(&theirs));
                }
                self.revision.set(loaded.envelope.revision);
                true
            }
            Ok(None) => {
                self.revision.set(0);
                true
            }
            Err(e) => {
                self.notify("warning", e.to_string());
                false
            }
        }
    }

    /// Handles another tab's save (`storage` events fire only in the other tabs), given the text
    /// it wrote. Public so that the browser tests can play a second tab.
    pub fn on_other_tab_saved(&self, written: Option<String>) {
        let text = storage::read_raw(storage::KEY).ok().flatten();
        let stored = text.as_deref().and_then(storage::revision_of);
        let ours = self.revision.get_untracked();
        // Two tabs that both saw revision N can both write N + 1: each tab's check and write are
        // not one step across processes. The tab whose write was replaced sees the other's text
        // stored under its own revision number; without this it would take the numbers as equal
        // and drop its change (a circuit deleted there came back). It merges and saves again.
        let collided = stored == Some(ours) && written.is_some() && text == written;
        if stored.is_some_and(|r| r != ours) || collided {
            let had_pending = self.pending.get_untracked().is_some();
            if self.merge_from_storage() && (had_pending || collided) {
                self.save_now();
            }
        }
    }

    fn listen(&self) {
        let this = *self;
        // Another tab saved: merge its data in now, so both tabs show the same circuits.
        let _ = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() == Some(storage::KEY) {
                this.on_other_tab_saved(ev.new_value());
            }
        });
        // Back (or forward) to a page the browser kept in its back/forward cache: the page is
        // shown as it was left, and another of the app's pages has likely saved since (a
        // provider state moved on, a circuit deleted). Merge what is stored, as for another tab.
        let _ = window_event_listener(leptos::ev::pageshow, move |ev| {
            if ev.persisted() {
                // Nothing known was written: merge only if the stored revision moved on.
                this.on_other_tab_saved(None);
            }
        });
        // Flush typing that has not been saved yet when the page is hidden or closed.
        let _ = window_event_listener(leptos::ev::pagehide, move |_| {
            if this.pending.get_untracked().is_some() {
                this.save_now();
            }
        });
        let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .map(|d| d.hidden())
                .unwrap_or(false);
            if hidden && this.pending.get_untracked().is_some() {
                this.save_now();
            }
        });
    }
}
