//! Form state shared by every wizard form: one signal per field, kept as typed and written back to
//! a draft so a reload or the back link restores it, plus the errors of the last Continue.

use crate::components::refusal_text;
use std::collections::BTreeMap;

use er_core::{FieldError, Refusal};
use leptos::prelude::*;

use crate::components::error_summary::Problem;

/// The fields of one form, their drafts and their errors. Cheap to copy.
#[derive(Clone, Copy)]
pub struct FormState {
    prefix: &'static str,
    fields: StoredValue<Vec<(String, RwSignal<String>)>>,
    errors: RwSignal<Vec<Problem>>,
}

/// The saved drafts of one form of a circuit (keys `<prefix>/<field>`), by field.
pub fn drafts_for(id: &str, prefix: &str) -> BTreeMap<String, String> {
    let p = format!("{prefix}/");
    let mut out = BTreeMap::new();
    crate::store::use_store().data.with_untracked(|d| {
        if let Some(c) = d.get(id) {
            for (k, v) in &c.drafts {
                if let Some(field) = k.strip_prefix(&p) {
                    out.insert(field.to_string(), v.clone());
                }
            }
        }
    });
    out
}

/// Writes a field of one form of a circuit to its drafts as it is typed (debounced).
pub fn draft_saver(id: String, prefix: &'static str) -> impl Fn(String, String) + Clone + 'static {
    let store = crate::store::use_store();
    move |k, v| {
        let key = format!("{prefix}/{k}");
        store.update_debounced(|d| {
            if let Some(c) = d.get_mut(&id) {
                c.drafts.insert(key, v);
            }
        })
    }
}

/// Forgets the drafts of one form of a circuit, once what they held is saved.
pub fn clear_drafts(store: crate::store::Store, id: &str, prefix: &str) {
    let p = format!("{prefix}/");
    store.update_circuit(id, |c| c.drafts.retain(|k, _| !k.starts_with(&p)));
}

impl FormState {
    /// A form whose html ids are `{prefix}-{key}`. `defaults` gives every key and its starting
    /// value; `draft` overrides it with what was typed before; `save` is called with (key, value)
    /// whenever a field changes.
    pub fn new(
        prefix: &'static str,
        defaults: &[(&str, &str)],
        draft: &BTreeMap<String, String>,
        save: impl Fn(String, String) + Clone + 'static,
    ) -> FormState {
        let fields: Vec<(String, RwSignal<String>)> = defaults
            .iter()
            .map(|(k, d)| {
                let v = draft.get(*k).cloned().unwrap_or_else(|| d.to_string());
                (k.to_string(), RwSignal::new(v))
            })
            .collect();
        for (k, sig) in &fields {
            let (k, sig, save) = (k.clone(), *sig, save.clone());
            // Every change is saved, a change back to the starting value too (otherwise the
            // draft would keep the value before it); only the effect's first run, which reads
            // the starting value, saves nothing.
            Effect::new(move |first_run_done: Option<()>| {
                let v = sig.get();
                if first_run_done.is_some() {
                    save(k.clone(), v);
                }
            });
        }
        FormState {
            prefix,
            fields: StoredValue::new(fields),
            errors: RwSignal::new(Vec::new()),
        }
    }

    /// The html id of a field.
    pub fn id(&self, key: &str) -> String {
        format!("{}-{key}", self.prefix)
    }

    /// A field's signal. Panics on a key that was not declared: that is a programming error
    /// caught by the first render of the form.
    pub fn sig(&self, key: &str) -> RwSignal<String> {
        self.fields
            .with_value(|f| f.iter().find(|(k, _)| k == key).map(|(_, s)| *s))
            .unwrap_or_else(|| panic!("form field {key} is not declared"))
    }

    /// A field's current value, without tracking.
    pub fn value(&self, key: &str) -> String {
        self.sig(key).get_untracked()
    }

    /// The inline error of a field.
    pub fn error(&self, key: &str) -> Signal<Option<String>> {
        let id = self.id(key);
        let errors = self.errors;
        Signal::derive(move || {
            errors.with(|e| {
                e.iter()
                    .find(|p| p.field_id == id)
                    .map(|p| p.message.clone())
            })
        })
    }

    /// The problems for the error summary.
    pub fn problems(&self) -> Signal<Vec<Problem>> {
        self.errors.into()
    }

    /// Shows the core's field errors (or clears them with an empty list).
    pub fn set_errors(&self, errs: &[FieldError]) {
        let prefix = self.prefix;
        self.errors.set(
            errs.iter()
                .map(|e| Problem {
                    field_id: format!("{prefix}-{}", e.field.id()),
                    message: refusal_text(&e.refusal),
                })
                .collect(),
        );
    }

    /// Shows the core's field errors, each on the field key given with it (a form that holds
    /// two circuits' fields: the second circuit's errors go to its own fields).
    pub fn set_keyed_errors(&self, errs: &[(String, FieldError)]) {
        let prefix = self.prefix;
        self.errors.set(
            errs.iter()
                .map(|(key, e)| Problem {
                    field_id: format!("{prefix}-{key}"),
                    message: refusal_text(&e.refusal),
                })
                .collect(),
        );
    }

    /// Shows one problem on a field (used when a whole action is refused).
    pub fn set_problem(&self, key: &str, message: String) {
        self.errors.set(vec![Problem {
            field_id: self.id(key),
            message,
        }]);
    }

    /// Shows a refused action on the input the refusal concerns ([`Refusal::field`], whose
    /// [`er_core::Field::id`] is the key) when this form has that input; a refusal of the whole
    /// request, or of an input this form does not have, is shown on `whole`, the field that
    /// stands for the request.
    pub fn set_refusal(&self, r: &Refusal, whole: &str) {
        let key = r
            .field()
            .map(|f| f.id())
            .filter(|k| {
                self.fields
                    .with_value(|f| f.iter().any(|(key, _)| key == k))
            })
            .unwrap_or(whole);
        self.set_problem(key, refusal_text(r));
    }

    /// Shows problems on several fields by key, in order (errors found outside [`FieldError`]).
    pub fn set_field_problems(&self, problems: Vec<(&str, String)>) {
        self.errors.set(
            problems
                .into_iter()
                .map(|(key, message)| Problem {
                    field_id: self.id(key),
                    message,
                })
                .collect(),
        );
    }

    /// Every field's current value.
    pub fn values(&self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        self.fields.with_value(|f| {
            for (k, s) in f {
                out.insert(k.clone(), s.get_untracked());
            }
        });
        out
    }
}
