//! Older stored schemas, read into the current one.

use crate::persist::model::{AppData, SavedCircuit};

/// Turns an older schema's `data` (its JSON text) into the current [`AppData`].
///
/// Schema 0 (the first prototype) stored `data` as the bare list of circuits, before the create
/// form's draft and the record of deletions were kept; its circuits have the same shape, and the
/// fields added since then (drafts, timeline, history, imported) default to empty.
pub fn migrate(version: u32, data: &str) -> Result<AppData, String> {
    match version {
        0 => crate::persist::codec::from_str::<Vec<SavedCircuit>>(data)
            .map(|circuits| AppData {
                circuits,
                ..AppData::default()
            })
            .map_err(|e| e.to_string()),
        _ => Err(format!(
            "schema {version} is not known to this version of the app"
        )),
    }
}
