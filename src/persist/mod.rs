//! Persistence: what is stored (`model`), its JSON (`codec`), the one localStorage adapter
//! (`storage`) and older schemas read into the current one (`migrate`). The reactive store that
//! uses them is `crate::store`, beside this folder.

pub mod codec;
pub mod migrate;
pub mod model;
pub mod storage;

#[cfg(any(test, fuzzing, feature = "fuzz"))]
pub mod fuzz;
