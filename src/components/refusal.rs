//! A refusal as one text: the core's reason, then what to do.

use er_core::Refusal;

/// The message shown for a refusal, both in the error summary and beside the field: the reason
/// followed by what to do.
pub fn refusal_text(r: &Refusal) -> String {
    let remedy = r.remedy();
    if remedy.is_empty() {
        r.to_string()
    } else {
        format!("{r} {remedy}")
    }
}
