//! Browser tests of the persistence adapter, run by wasm-bindgen-test in headless Chromium.
#![cfg(target_arch = "wasm32")]

use er_wizard::persist::storage::{self, StorageError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The page's localStorage, as the app's own accessor reaches it.
fn local() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

fn reset() {
    local().clear().unwrap();
}

fn no_migration(v: u32, _: &str) -> Result<Vec<String>, String> {
    Err(format!("no migration from {v}"))
}

#[wasm_bindgen_test]
fn missing_key_loads_as_none() {
    reset();
    assert_eq!(storage::load::<Vec<String>>(no_migration), Ok(None));
}

#[wasm_bindgen_test]
fn save_then_load_round_trips_and_counts_revisions() {
    reset();
    let data = vec!["ER-Seattle".to_string()];
    let rev = storage::save(&data, 0).expect("first save");
    assert_eq!(rev, 1);
    let loaded = storage::load::<Vec<String>>(no_migration).unwrap().unwrap();
    assert_eq!(loaded.envelope.data, data);
    assert_eq!(loaded.envelope.revision, 1);
}

#[wasm_bindgen_test]
fn stale_revision_is_refused_not_overwritten() {
    reset();
    storage::save(&vec!["a".to_string()], 0).unwrap();
    storage::save(&vec!["b".to_string()], 1).unwrap();
    // A tab that still believes revision 1 is current must not overwrite "b".
    let err = storage::save(&vec!["stale".to_string()], 1).unwrap_err();
    assert_eq!(err, StorageError::Conflict { stored_revision: 2 });
    let loaded = storage::load::<Vec<String>>(no_migration).unwrap().unwrap();
    assert_eq!(loaded.envelope.data, vec!["b".to_string()]);
}

#[wasm_bindgen_test]
fn backups_are_listed_in_key_order_and_nothing_else() {
    reset();
    for k in ["c", "a", "d", "b"] {
        local()
            .set_item(&format!("{}{k}", storage::BACKUP_PREFIX), "x")
            .unwrap();
    }
    local().set_item("er-wizard:data", "{}").unwrap();
    local().set_item("other", "y").unwrap();
    let expected: Vec<String> = ["a", "b", "c", "d"]
        .iter()
        .map(|k| format!("{}{k}", storage::BACKUP_PREFIX))
        .collect();
    assert_eq!(storage::backups(), expected);
    reset();
}

#[wasm_bindgen_test]
fn corrupt_data_is_backed_up_and_left_in_place() {
    reset();
    local()
        .set_item(storage::KEY, "{\"version\":1,\"rev")
        .unwrap();
    let err = storage::load::<Vec<String>>(no_migration).unwrap_err();
    let StorageError::Corrupt { backup_key, .. } = err else {
        panic!("expected Corrupt, got {err:?}");
    };
    assert_eq!(
        storage::read_raw(&backup_key).unwrap().as_deref(),
        Some("{\"version\":1,\"rev")
    );
    assert_eq!(storage::backups(), vec![backup_key.clone()]);

    // Loading the same unreadable text again (a reload, a second tab) keeps the one copy.
    let again = storage::load::<Vec<String>>(no_migration).unwrap_err();
    assert!(matches!(&again, StorageError::Corrupt { backup_key: k, .. } if *k == backup_key));
    assert_eq!(storage::backups(), vec![backup_key.clone()]);

    // Different unreadable text gets a copy of its own; the first is kept.
    local()
        .set_item(storage::KEY, "{\"version\":1,\"revision\":2,\"da")
        .unwrap();
    let StorageError::Corrupt {
        backup_key: other, ..
    } = storage::load::<Vec<String>>(no_migration).unwrap_err()
    else {
        panic!("expected Corrupt");
    };
    assert_ne!(other, backup_key);
    assert_eq!(storage::backups().len(), 2);
}

#[wasm_bindgen_test]
fn newer_version_is_backed_up() {
    reset();
    let text = "{\"version\":999,\"revision\":3,\"data\":{}}";
    local().set_item(storage::KEY, text).unwrap();
    let err = storage::load::<Vec<String>>(no_migration).unwrap_err();
    let StorageError::NewerVersion { found, backup_key } = err else {
        panic!("expected NewerVersion, got {err:?}");
    };
    assert_eq!(found, 999);
    assert_eq!(
        storage::read_raw(&backup_key).unwrap().as_deref(),
        Some(text)
    );
}

/// In the browser the codec reads numbers with the browser's parser (to keep Rust's float
/// parser and its table off the first load): it must give exactly the `f64` Rust's parser gives,
/// the hard cases included, and still refuse what overflows.
#[wasm_bindgen_test]
fn numbers_read_in_the_browser_are_the_same_f64_rust_reads() {
    use er_wizard::persist::codec;
    let cases: [(&str, f64); 12] = [
        ("1764000000000.0", 1764000000000.0),
        ("1764000000000", 1764000000000.0),
        ("1764000000000.5", 1764000000000.5),
        ("0.1", 0.1),
        ("-0.0", -0.0),
        ("1.5e3", 1.5e3),
        ("2E-3", 2e-3),
        ("9007199254740993", 9007199254740993.0),
        ("2.2250738585072014e-308", 2.2250738585072014e-308),
        ("4.9e-324", 4.9e-324),
        ("1.7976931348623157e308", 1.7976931348623157e308),
        (
            "123456789012345678901234567890.123456789",
            123456789012345678901234567890.123456789,
        ),
    ];
    for (text, want) in cases {
        let got: f64 = codec::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(got.to_bits(), want.to_bits(), "{text}");
    }
    for text in ["1e400", "-1e400"] {
        assert!(codec::from_str::<f64>(text).is_err(), "{text} is refused");
    }
}

/// Replaces `Storage.prototype[method]` with one that throws `thrown` (a JS expression), runs
/// `body`, then puts the original back.
fn with_storage_method_throwing(method: &str, thrown: &str, body: impl FnOnce()) {
    use wasm_bindgen::JsValue;
    let proto = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Storage"))
        .and_then(|s| js_sys::Reflect::get(&s, &JsValue::from_str("prototype")))
        .expect("Storage.prototype");
    let name = JsValue::from_str(method);
    let original = js_sys::Reflect::get(&proto, &name).expect("original method");
    let throwing = js_sys::Function::new_no_args(&format!("throw {thrown};"));
    js_sys::Reflect::set(&proto, &name, &throwing).expect("install the fault");
    body();
    js_sys::Reflect::set(&proto, &name, &original).expect("restore the method");
}

/// Calls `f` from JavaScript and says whether it threw (gloo signals failure by throwing, which
/// Rust cannot catch itself).
fn throws(f: impl FnOnce() + 'static) -> bool {
    use wasm_bindgen::prelude::*;
    let closure = Closure::once_into_js(f);
    let function: js_sys::Function = closure.unchecked_into();
    function.call0(&JsValue::NULL).is_err()
}

// gloo-storage is the adapter's raw access only. Its typed `set` would change what is stored: it
// writes a text as a JSON string, so the envelope would no longer be the object older data is.
#[wasm_bindgen_test]
fn gloo_typed_set_would_re_encode_the_stored_text_so_the_adapter_writes_raw() {
    use gloo_storage::Storage as _;
    reset();
    let text = r#"{"version":1,"revision":1,"data":["a"]}"#;
    gloo_storage::LocalStorage::set("er-wizard:probe", text).unwrap();
    let stored = local().get_item("er-wizard:probe").unwrap().unwrap();
    assert_ne!(
        stored, text,
        "gloo's set stores a JSON string, not the text"
    );
    assert_eq!(stored, serde_json::to_string(text).unwrap());
    // The adapter stores exactly the envelope's text.
    storage::save(&vec!["a".to_string()], 0).unwrap();
    assert_eq!(
        storage::read_raw(storage::KEY).unwrap().as_deref(),
        Some(text)
    );
}

// gloo's typed `get` throws when `getItem` throws (its "unreachable" expectation); the adapter
// returns Unavailable instead, so a storage whose every call throws never aborts the app.
#[wasm_bindgen_test]
fn a_throwing_get_item_is_an_error_value_here_where_gloo_get_would_throw() {
    reset();
    with_storage_method_throwing(
        "getItem",
        "new DOMException('The operation is insecure.', 'SecurityError')",
        || {
            let gloo_threw = throws(|| {
                use gloo_storage::Storage as _;
                let _ = gloo_storage::LocalStorage::get::<String>(storage::KEY);
            });
            assert!(gloo_threw, "gloo's get throws when getItem throws");
            match storage::load::<Vec<String>>(no_migration) {
                Err(StorageError::Unavailable(why)) => {
                    assert!(why.contains("SecurityError"), "{why}")
                }
                other => panic!("expected Unavailable, got {other:?}"),
            }
        },
    );
}

#[wasm_bindgen_test]
fn a_full_storage_is_quota_exceeded_and_any_other_thrown_value_is_a_write_error() {
    reset();
    with_storage_method_throwing(
        "setItem",
        "new DOMException('The quota has been exceeded.', 'QuotaExceededError')",
        || {
            assert_eq!(
                storage::save(&vec!["a".to_string()], 0),
                Err(StorageError::QuotaExceeded)
            )
        },
    );
    with_storage_method_throwing(
        "setItem",
        "new DOMException('disk I/O error', 'UnknownError')",
        || {
            assert_eq!(
                storage::save(&vec!["a".to_string()], 0),
                Err(StorageError::Write("UnknownError: disk I/O error".into()))
            )
        },
    );
    // Not an Error at all: kept as its text, not a panic.
    with_storage_method_throwing("setItem", "'refused'", || {
        assert_eq!(
            storage::save(&vec!["a".to_string()], 0),
            Err(StorageError::Write("refused".into()))
        )
    });
    assert_eq!(
        storage::read_raw(storage::KEY),
        Ok(None),
        "nothing was written"
    );
}
