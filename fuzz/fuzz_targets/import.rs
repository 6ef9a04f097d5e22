//! Fuzzes the importer: any bytes, read as text, must never panic.
//! Run: `cargo +nightly fuzz run import -- -max_total_time=600` (README "Security and reliability").
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    er_core::import::fuzz::import_bytes(data);
});
