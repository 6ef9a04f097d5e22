//! The bodies of the fuzz targets in `fuzz/` (cargo-fuzz, nightly), kept here as plain functions so
//! the stable test command runs them too: `tests/fuzz_props.rs` feeds them arbitrary and mutated
//! inputs with proptest. Each checks the invariants that must hold for any input, and panics
//! (which the fuzzer reports) when one does not.

use crate::state::AppData;
use crate::storage::{self, Decoded};

/// Imports any bytes read as text (lossily, so every byte string is tried). The importer must
/// return circuits or an error with a position, never panic.
pub fn import_bytes(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match er_core::import(&text) {
        Ok(found) => {
            for imported in found {
                // What was imported must export and be diagnosable without panicking either.
                if let Some(c) = imported.circuit() {
                    let _ = er_core::export_azure_json(c);
                }
                let _ = imported.title();
            }
        }
        Err(e) => assert!(
            e.line >= 1 && e.column >= 1,
            "error without a position: {e:?}"
        ),
    }
}

/// Decodes any bytes as the stored envelope, with the app's real migration. Whatever the text,
/// the loader returns one of its four outcomes; readable current data re-encodes to the same data.
pub fn storage_decode_bytes(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match storage::decode::<AppData>(&text, crate::store::migrate) {
        Decoded::Current(env) | Decoded::Migrated(env) => {
            assert_eq!(env.version, storage::VERSION);
            let again = storage::encode(env.version, env.revision, &env.data);
            match storage::decode::<AppData>(&again, crate::store::migrate) {
                Decoded::Current(back) => assert_eq!(back.data, env.data),
                other => panic!("re-encoded data did not decode as current: {other:?}"),
            }
        }
        Decoded::Newer(v) => assert!(v > storage::VERSION),
        Decoded::Corrupt(why) => assert!(!why.is_empty()),
    }
}
