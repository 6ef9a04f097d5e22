//! The importer's fuzz body and the input mutator the fuzz properties share: compiled for
//! cargo-fuzz (`--cfg fuzzing`, the `import` target in `fuzz/`), for this crate's tests (which run
//! the body under proptest on every test run) and with the `fuzz` feature, which the app's tests
//! turn on. It is not part of the library otherwise.

use super::import;
use crate::import::export_azure_json;

/// Imports any bytes read as text (lossily, so every byte string is tried). The importer must
/// return circuits or an error with a position, never panic; what it returns must export and
/// be described without panicking either.
pub fn import_bytes(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match import(&text) {
        Ok(found) => {
            for imported in found {
                if let Some(c) = imported.circuit() {
                    let _ = export_azure_json(c);
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

/// Replaces `len` characters at `at` (both taken modulo the text) with `insert`.
pub fn mutate(base: &str, at: usize, len: usize, insert: &str) -> String {
    let chars: Vec<char> = base.chars().collect();
    let at = at % (chars.len() + 1);
    let end = (at + len).min(chars.len());
    chars[..at]
        .iter()
        .copied()
        .chain(insert.chars())
        .chain(chars[end..].iter().copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{import_bytes, mutate};
    use proptest::prelude::*;

    /// The real Azure output the importer is tested on (REST examples, a PowerShell paste).
    fn seeds() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/azure-examples");
        std::fs::read_dir(dir)
            .expect("examples")
            .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("text"))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn import_never_panics_on_arbitrary_bytes(data in proptest::collection::vec(any::<u8>(), 0..400)) {
            import_bytes(&data);
        }

        #[test]
        fn import_never_panics_on_mutated_real_output(
            seed in 0usize..64,
            at in 0usize..20_000,
            len in 0usize..60,
            insert in prop_oneof!["\\PC{0,16}", Just("<script>window.__xss=1</script>".to_string()), Just("\u{0}".to_string()), Just("\"\\u0000\"".to_string()), Just("1e999".to_string())],
        ) {
            let seeds = seeds();
            import_bytes(mutate(&seeds[seed % seeds.len()], at, len, &insert).as_bytes());
        }
    }
}
