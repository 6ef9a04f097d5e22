//! The storage loader's fuzz body: compiled for cargo-fuzz (`--cfg fuzzing`, the `storage_decode`
//! target in `fuzz/`, which also turns on the `fuzz` feature) and for this crate's own tests, which
//! run it under proptest on every test run. It is not part of the app otherwise. (The importer's body is the core's:
//! `er_core::import::fuzz`.)

use crate::persist::model::AppData;
use crate::persist::storage::{self, Decoded};

/// Decodes any bytes as the stored envelope, with the app's real migration. Whatever the text,
/// the loader returns one of its four outcomes; readable current data re-encodes to the same data.
pub fn storage_decode_bytes(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match storage::decode::<AppData>(&text, crate::persist::migrate::migrate) {
        Decoded::Current(env) | Decoded::Migrated(env) => {
            assert_eq!(env.version, storage::VERSION);
            let again = storage::encode(env.version, env.revision, &env.data);
            match storage::decode::<AppData>(&again, crate::persist::migrate::migrate) {
                Decoded::Current(back) => assert_eq!(back.data, env.data),
                other => panic!("re-encoded data did not decode as current: {other:?}"),
            }
        }
        Decoded::Newer(v) => assert!(v > storage::VERSION),
        Decoded::Corrupt(why) => assert!(!why.is_empty()),
    }
}

// proptest does not build for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::storage_decode_bytes;
    use crate::persist::migrate::migrate;
    use crate::persist::model::tests::circuit;
    use crate::persist::model::{AppData, SavedCircuit};
    use crate::persist::storage::{decode, Decoded, Envelope, VERSION};
    use er_core::import::fuzz::{import_bytes, mutate};
    use proptest::prelude::*;

    /// A realistic stored envelope: two circuits, one with a timeline, a draft and a deletion.
    fn good_envelope() -> String {
        let mut data = AppData::default();
        let mut a = SavedCircuit::new("a1".into(), circuit("ER-Seattle"), 2, 1.0);
        a.act(&er_core::Action::ProviderStartProvisioning, "start", 2.0);
        a.act(&er_core::Action::Delete, "delete", 3.0);
        data.circuits.push(a);
        data.circuits.push(SavedCircuit::new(
            "b2".into(),
            circuit("ER-Amsterdam"),
            1,
            4.0,
        ));
        data.create_draft.insert("name".into(), "Half typed".into());
        data.remove("gone", 5.0);
        serde_json::to_string(&Envelope {
            version: VERSION,
            revision: 7,
            data,
        })
        .expect("serializes")
    }

    #[test]
    fn the_good_envelope_decodes_as_current_and_round_trips() {
        let text = good_envelope();
        match decode::<AppData>(&text, migrate) {
            Decoded::Current(env) => {
                assert_eq!(env.revision, 7);
                assert_eq!(env.data.circuits.len(), 2);
            }
            other => panic!("expected current data, got {other:?}"),
        }
        storage_decode_bytes(text.as_bytes());
    }

    #[test]
    fn schema_0_is_migrated_and_unknown_older_schemas_are_corrupt_not_lost() {
        let text = good_envelope();
        let v: serde_json::Value = serde_json::from_str(&text).expect("json");
        let v0 = serde_json::json!({"version": 0, "revision": 3, "data": v["data"]["circuits"]});
        match decode::<AppData>(&v0.to_string(), migrate) {
            Decoded::Migrated(env) => {
                assert_eq!(env.version, VERSION);
                assert_eq!(env.revision, 3);
                let names: Vec<_> = env
                    .data
                    .circuits
                    .iter()
                    .map(|c| c.circuit.name.as_str())
                    .collect();
                assert_eq!(names, ["ER-Seattle", "ER-Amsterdam"]);
            }
            other => panic!("expected a migration, got {other:?}"),
        }
        let v0_bad = r#"{"version":0,"revision":1,"data":{"not":"a list"}}"#;
        assert!(matches!(
            decode::<AppData>(v0_bad, migrate),
            Decoded::Corrupt(_)
        ));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn storage_decode_never_panics_on_arbitrary_bytes(data in proptest::collection::vec(any::<u8>(), 0..400)) {
            storage_decode_bytes(&data);
        }

        #[test]
        fn storage_decode_never_panics_on_json_like_text(text in "[\\[\\]{}\":,a-z0-9 .eE+-]{0,200}") {
            storage_decode_bytes(text.as_bytes());
        }

        #[test]
        fn storage_decode_never_panics_on_envelope_heads(
            version in prop_oneof![Just(0u64), Just(1), Just(2), Just(99), any::<u64>()],
            revision in prop_oneof![Just("0".to_string()), Just("-1".to_string()), Just("1e30".to_string()), Just("\"7\"".to_string()), any::<u64>().prop_map(|r| r.to_string())],
            data in prop_oneof![Just("{}".to_string()), Just("[]".to_string()), Just("null".to_string()), Just("{\"circuits\":[{}]}".to_string()), "\\PC{0,40}"],
        ) {
            storage_decode_bytes(format!(r#"{{"version":{version},"revision":{revision},"data":{data}}}"#).as_bytes());
        }

        #[test]
        fn storage_decode_never_panics_on_mutated_envelopes(
            at in 0usize..20_000,
            len in 0usize..60,
            insert in "\\PC{0,16}",
            truncate in proptest::option::of(0usize..20_000),
        ) {
            let mut text = mutate(&good_envelope(), at, len, &insert);
            if let Some(t) = truncate {
                let chars: Vec<char> = text.chars().collect();
                text = chars[..t % (chars.len() + 1)].iter().collect();
            }
            storage_decode_bytes(text.as_bytes());
        }

        // The importer is also given what people might paste by mistake: the app's own stored data.
        #[test]
        fn import_never_panics_on_mutated_stored_data(
            at in 0usize..20_000,
            len in 0usize..60,
            insert in "\\PC{0,16}",
        ) {
            import_bytes(mutate(&good_envelope(), at, len, &insert).as_bytes());
        }
    }
}
