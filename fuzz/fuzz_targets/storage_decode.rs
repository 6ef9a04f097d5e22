//! Fuzzes the storage loader: any stored text must decode to a value or an error, never a panic.
//! Run: `cargo +nightly fuzz run storage_decode -- -max_total_time=600`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    er_wizard::persist::fuzz::storage_decode_bytes(data);
});
