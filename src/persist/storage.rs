//! The one persistence adapter: a namespaced, versioned localStorage key. The raw access is
//! gloo-storage's `LocalStorage` handle, reached only after web-sys has said storage is there (its
//! `raw()` throws when the getter throws `SecurityError` or storage is missing); a failed write is
//! read with gloo's `JsError`. gloo-storage's typed `get`/`set`/`delete`/`length` are not used:
//! they throw when a storage call throws, and `set` re-encodes a text as a JSON string, which would
//! change what is stored (tests/storage.rs pins both).
//!
//! Rules it keeps (STYLE.md "Persistence adapter"):
//! - a missing key is `Ok(None)`, never an error;
//! - unreadable or newer-version data is copied under a backup key before anything else happens,
//!   and the caller is told, so it is never silently replaced;
//! - storage that is disabled or throws is reported as [`StorageError::Unavailable`] instead of
//!   panicking (every access goes through one checked accessor);
//! - every save carries a revision; a save whose expected revision no longer matches what is stored
//!   (another tab saved meanwhile) is refused with [`StorageError::Conflict`] so the caller can merge.

use serde::{Deserialize, Serialize};

use crate::persist::codec::{self, Json};

/// The key the app's data lives under.
pub const KEY: &str = "er-wizard:data";
/// Prefix of the keys that keep data the app could not read.
pub const BACKUP_PREFIX: &str = "er-wizard:backup:";
/// The schema version this build writes.
pub const VERSION: u32 = 1;

/// What is stored under [`KEY`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// Schema version of `data`.
    pub version: u32,
    /// Incremented by every successful save; used to detect a save from a stale tab.
    pub revision: u64,
    /// The app's data.
    pub data: T,
}

/// Why storage could not be read or written. Every variant is shown to the person.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// localStorage is disabled or throws (private mode, blocked cookies, `SecurityError`).
    Unavailable(String),
    /// The stored text is not readable; it was copied to `backup_key`.
    Corrupt { detail: String, backup_key: String },
    /// The stored data is from a newer version of the app; it was copied to `backup_key`.
    NewerVersion { found: u32, backup_key: String },
    /// The browser refused the write because storage is full.
    QuotaExceeded,
    /// Another tab saved since this tab last loaded.
    Conflict { stored_revision: u64 },
    /// Any other write failure.
    Write(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable(why) => write!(
                f,
                "This browser does not let the page use local storage ({why}). Your circuits are kept in this tab only and are lost when it closes: export them before you leave."
            ),
            StorageError::Corrupt { detail, backup_key } => write!(
                f,
                "The saved data could not be read ({detail}). It was kept unchanged under \"{backup_key}\" and the app started empty."
            ),
            StorageError::NewerVersion { found, backup_key } => write!(
                f,
                "The saved data was written by a newer version of this app (schema {found}, this one reads {VERSION}). It was kept unchanged under \"{backup_key}\"; open the newer version to use it."
            ),
            StorageError::QuotaExceeded => write!(
                f,
                "The browser's storage for this page is full, so the last change was not saved. Your work stays in this tab: export it, or delete circuits you no longer need."
            ),
            StorageError::Conflict { .. } => write!(
                f,
                "Another tab changed your circuits. Its changes were loaded and merged with this tab's."
            ),
            StorageError::Write(why) => write!(f, "The last change could not be saved ({why})."),
        }
    }
}

/// Checks that `window.localStorage` exists and answers.
pub fn available() -> Result<(), StorageError> {
    raw()?
        .length()
        .map(|_| ())
        .map_err(|e| StorageError::Unavailable(js_text(&e)))
}

/// `window.localStorage`, or why it cannot be had. The getter throws `SecurityError` when storage
/// is disabled; every access here goes through this, which asks web-sys first (an error value, not
/// an exception) and only then takes gloo's handle, so a missing or denied storage never aborts
/// the app.
fn raw() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(<gloo_storage::LocalStorage as gloo_storage::Storage>::raw()),
        Ok(None) => Err(StorageError::Unavailable("local storage is missing".into())),
        Err(e) => Err(StorageError::Unavailable(js_text(&e))),
    }
}

/// The outcome of reading a stored envelope's text: used by [`load`] and testable natively.
#[derive(Debug, PartialEq)]
pub enum Decoded<T> {
    /// Current version, read as is.
    Current(Envelope<T>),
    /// An older version that `migrate` turned into the current shape.
    Migrated(Envelope<T>),
    /// Written by a newer version of the app.
    Newer(u32),
    /// Not readable; the string says why.
    Corrupt(String),
}

/// Decodes stored text. `migrate(version, data)` turns an older schema's `data` (its JSON text)
/// into the current one. The current schema is read straight from the text into `T`, in one pass
/// over the envelope and one over its data.
pub fn decode<T: Json>(text: &str, migrate: impl Fn(u32, &str) -> Result<T, String>) -> Decoded<T> {
    let (version, revision, data) = match head(text) {
        Ok((version, revision, data)) => (version, revision.unwrap_or(0), data),
        Err(e) => return Decoded::Corrupt(e),
    };
    if version > VERSION {
        return Decoded::Newer(version);
    }
    if version < VERSION {
        return match migrate(version, data) {
            Ok(data) => Decoded::Migrated(Envelope {
                version: VERSION,
                revision,
                data,
            }),
            Err(e) => Decoded::Corrupt(format!("migration from schema {version} failed: {e}")),
        };
    }
    match codec::from_str(data) {
        Ok(data) => Decoded::Current(Envelope {
            version: VERSION,
            revision,
            data,
        }),
        Err(e) => Decoded::Corrupt(e),
    }
}

/// The envelope's version, revision (if given) and the text of its data.
fn head(text: &str) -> Result<(u32, Option<u64>, &str), String> {
    let mut r = codec::Reader::new(text);
    let (mut version, mut revision, mut data) = (None, None, None);
    r.object(&mut |r, k| {
        let seen = match k {
            "version" => version.replace(u32::read(r)?).is_some(),
            "revision" => revision.replace(u64::read(r)?).is_some(),
            "data" => data.replace(r.raw()?).is_some(),
            _ => return r.skip(),
        };
        if seen {
            return r.error(&format!("duplicate field `{k}`"));
        }
        Ok(())
    })?;
    r.end()?;
    match (version, data) {
        (Some(v), Some(d)) => Ok((v, revision, d)),
        (None, _) => r.error("missing field `version`"),
        (_, None) => r.error("missing field `data`"),
    }
}

/// What [`load`] found.
#[derive(Debug, PartialEq)]
pub struct Loaded<T> {
    /// The data, current-version.
    pub envelope: Envelope<T>,
    /// Set when the data was migrated from an older schema; the original text is kept under this key.
    pub migrated_from_backup: Option<String>,
}

/// Reads the app's data. `Ok(None)` when nothing was saved yet.
pub fn load<T: Json>(
    migrate: impl Fn(u32, &str) -> Result<T, String>,
) -> Result<Option<Loaded<T>>, StorageError> {
    available()?;
    let Some(text) = read_raw(KEY)? else {
        return Ok(None);
    };
    match decode(&text, migrate) {
        Decoded::Current(envelope) => Ok(Some(Loaded {
            envelope,
            migrated_from_backup: None,
        })),
        Decoded::Migrated(envelope) => {
            // The original stays under a backup key until the migrated data has been saved.
            let backup_key = keep_backup(&text)?;
            Ok(Some(Loaded {
                envelope,
                migrated_from_backup: Some(backup_key),
            }))
        }
        Decoded::Newer(found) => Err(StorageError::NewerVersion {
            found,
            backup_key: keep_backup(&text)?,
        }),
        Decoded::Corrupt(detail) => Err(StorageError::Corrupt {
            detail,
            backup_key: keep_backup(&text)?,
        }),
    }
}

/// The revision currently stored, if the stored data is readable at all.
pub fn stored_revision() -> Option<u64> {
    revision_of(&read_raw(KEY).ok()??)
}

/// The revision in a stored text, if the text is readable at all.
pub fn revision_of(text: &str) -> Option<u64> {
    head(text).ok().and_then(|(_, revision, _)| revision)
}

/// Saves `data` if the stored revision is still `expected_revision` (or nothing is stored).
/// Returns the new revision.
pub fn save<T: Json>(data: &T, expected_revision: u64) -> Result<u64, StorageError> {
    available()?;
    if let Some(stored) = stored_revision() {
        if stored != expected_revision {
            return Err(StorageError::Conflict {
                stored_revision: stored,
            });
        }
    }
    let revision = expected_revision + 1;
    write_raw(KEY, &encode(VERSION, revision, data))?;
    Ok(revision)
}

/// The stored text of an envelope: `{"version":…,"revision":…,"data":…}`.
pub fn encode<T: Json>(version: u32, revision: u64, data: &T) -> String {
    let data = codec::to_string(data);
    let mut text = String::with_capacity(data.len() + 48);
    text.push_str("{\"version\":");
    text.push_str(&codec::to_string(&version));
    text.push_str(",\"revision\":");
    text.push_str(&codec::to_string(&revision));
    text.push_str(",\"data\":");
    text.push_str(&data);
    text.push('}');
    text
}

/// Removes a backup key once its data is safely stored in the current format.
pub fn drop_backup(key: &str) {
    if key.starts_with(BACKUP_PREFIX) {
        if let Ok(storage) = raw() {
            let _ = storage.remove_item(key);
        }
    }
}

/// Every backup key present, oldest first.
pub fn backups() -> Vec<String> {
    let Ok(storage) = raw() else {
        return Vec::new();
    };
    let len = storage.length().unwrap_or(0);
    let mut keys: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .collect();
    // A handful of keys: an insertion sort, not the generic slice sort's code in the first load.
    for i in 1..keys.len() {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            keys.swap(j - 1, j);
            j -= 1;
        }
    }
    keys
}

/// Reads a key's raw text.
pub fn read_raw(key: &str) -> Result<Option<String>, StorageError> {
    raw()?
        .get_item(key)
        .map_err(|e| StorageError::Unavailable(js_text(&e)))
}

fn write_raw(key: &str, text: &str) -> Result<(), StorageError> {
    raw()?.set_item(key, text).map_err(write_error)
}

/// A refused write, read from the thrown DOM exception's name: Chromium and Safari say
/// `QuotaExceededError`, older Firefox `NS_ERROR_DOM_QUOTA_REACHED`. gloo's own conversion
/// (private to gloo-storage, and a panic for a thrown value that is not an `Error`) is not used:
/// whatever a page script throws is kept as its text.
fn write_error(e: wasm_bindgen::JsValue) -> StorageError {
    match gloo_utils::errors::JsError::try_from(e) {
        Ok(js)
            if js.name == "QuotaExceededError"
                || js.name == "NS_ERROR_DOM_QUOTA_REACHED"
                || js.message.to_ascii_lowercase().contains("quota") =>
        {
            StorageError::QuotaExceeded
        }
        Ok(js) => StorageError::Write(format!("{}: {}", js.name, js.message)),
        Err(not_an_error) => StorageError::Write(not_an_error.to_string()),
    }
}

/// Copies `text` to a fresh backup key and returns the key. A backup that cannot be written
/// (storage full) is reported, and the caller then leaves the original key untouched. The same
/// text already kept (the page reloaded, or a second tab opened, before anything replaced it) is
/// not copied again: each load would otherwise add a copy until storage is full.
fn keep_backup(text: &str) -> Result<String, StorageError> {
    if let Some(existing) = backups()
        .into_iter()
        .find(|k| read_raw(k).ok().flatten().as_deref() == Some(text))
    {
        return Ok(existing);
    }
    let now = js_sys::Date::now() as u64;
    let mut key = format!("{BACKUP_PREFIX}{now}");
    let mut n = 1;
    while read_raw(&key)?.is_some() {
        key = format!("{BACKUP_PREFIX}{now}-{n}");
        n += 1;
    }
    write_raw(&key, text)?;
    Ok(key)
}

fn js_text(e: &wasm_bindgen::JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        let name: String = err.name().into();
        let msg: String = err.message().into();
        return format!("{name}: {msg}");
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

use wasm_bindgen::JsCast;

#[cfg(test)]
mod tests {
    use super::*;

    fn no_migration(v: u32, _: &str) -> Result<Vec<u32>, String> {
        Err(format!("no migration from {v}"))
    }

    #[test]
    fn current_version_decodes() {
        let d = decode::<Vec<u32>>(r#"{"version":1,"revision":4,"data":[1,2]}"#, no_migration);
        assert_eq!(
            d,
            Decoded::Current(Envelope {
                version: 1,
                revision: 4,
                data: vec![1, 2]
            })
        );
    }

    #[test]
    fn newer_version_is_not_read() {
        let d = decode::<Vec<u32>>(r#"{"version":99,"revision":4,"data":"?"}"#, no_migration);
        assert_eq!(d, Decoded::Newer(99));
    }

    #[test]
    fn truncated_text_is_corrupt() {
        let d = decode::<Vec<u32>>(r#"{"version":1,"revision":4,"data":[1,"#, no_migration);
        assert!(matches!(d, Decoded::Corrupt(_)));
    }

    #[test]
    fn older_version_is_migrated() {
        let d = decode::<Vec<u32>>(r#"{"version":0,"revision":2,"data":[7]}"#, |v, data| {
            assert_eq!(v, 0);
            serde_json::from_str(data).map_err(|e| e.to_string())
        });
        assert_eq!(
            d,
            Decoded::Migrated(Envelope {
                version: VERSION,
                revision: 2,
                data: vec![7]
            })
        );
    }
}
