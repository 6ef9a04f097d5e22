//! What in a circuit is a credential, in one list, and the redacted copy that every way out of
//! the page asks for instead of choosing fields itself.
//!
//! A credential is a value that lets whoever holds it act on the circuit:
//! - the **service key**, which a provider provisions the circuit with [WF] [PS-CIRCUIT];
//! - each **authorization key**, which lets one connection from another subscription link its
//!   gateway into the private circuit [PS-LINK];
//! - each peering's **MD5 shared key**, which Azure never shows back once set [TROUBLE].
//!
//! [`secrets`] is the list; a new credential in the model (a route filter's or Global Reach's
//! authorization key) is added there, and share links, exports, backups and the screen follow.
//! [`redact`] gives the circuit minus those values: string keys become empty (the same shape an
//! import of redacted output gives, so every reader of the model still reads it) and MD5 keys
//! become absent; [`Redacted::withheld`] says which values were left out.

use serde::{Deserialize, Serialize};

use crate::circuit::Circuit;
use crate::enums::PeeringType;

/// The kinds of credential a circuit holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SecretKind {
    /// `serviceKey`. [WF]
    ServiceKey,
    /// An authorization's `authorizationKey`. [PS-LINK]
    AuthorizationKey,
    /// A peering's MD5 `sharedKey`. [TROUBLE]
    SharedKey,
}

impl SecretKind {
    /// Every kind, in the order they are named.
    pub const ALL: &'static [Self] = &[Self::ServiceKey, Self::AuthorizationKey, Self::SharedKey];

    /// "service key" / "service keys".
    pub fn noun(self, count: usize) -> &'static str {
        match (self, count == 1) {
            (Self::ServiceKey, true) => "service key",
            (Self::ServiceKey, false) => "service keys",
            (Self::AuthorizationKey, true) => "authorization key",
            (Self::AuthorizationKey, false) => "authorization keys",
            (Self::SharedKey, true) => "MD5 shared key",
            (Self::SharedKey, false) => "MD5 shared keys",
        }
    }

    /// The placeholder commands use where a value of this kind is not known here.
    pub fn placeholder(self) -> &'static str {
        match self {
            Self::ServiceKey => "<service-key-not-shared>",
            Self::AuthorizationKey => "<authorization-key-not-shared>",
            Self::SharedKey => "<md5-shared-key-not-shared>",
        }
    }
}

/// One credential of a circuit: which one, without its value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Secret {
    /// The circuit's service key.
    ServiceKey,
    /// The key of the authorization with this name.
    AuthorizationKey {
        /// The authorization's name.
        name: String,
    },
    /// The MD5 key of this peering.
    SharedKey {
        /// The peering.
        peering: PeeringType,
    },
}

fn peering_name(kind: PeeringType) -> &'static str {
    match kind {
        PeeringType::AzurePrivatePeering => "Azure private peering",
        PeeringType::MicrosoftPeering => "Microsoft peering",
        PeeringType::AzurePublicPeering => "Azure public peering",
    }
}

impl Secret {
    /// Its kind.
    pub fn kind(&self) -> SecretKind {
        match self {
            Self::ServiceKey => SecretKind::ServiceKey,
            Self::AuthorizationKey { .. } => SecretKind::AuthorizationKey,
            Self::SharedKey { .. } => SecretKind::SharedKey,
        }
    }

    /// What it is, in words: "Service key", "Authorization key of MyAuthorization1",
    /// "MD5 shared key of Azure private peering".
    pub fn label(&self) -> String {
        match self {
            Self::ServiceKey => "Service key".to_string(),
            Self::AuthorizationKey { name } => format!("Authorization key of {name}"),
            Self::SharedKey { peering } => {
                format!("MD5 shared key of {}", peering_name(*peering))
            }
        }
    }
}

/// Every credential the circuit holds, with its value: the one list of what is secret. A value
/// that is not known here (empty: left out of a link, or redacted in imported output) is not one.
pub fn secrets(c: &Circuit) -> Vec<(Secret, String)> {
    let mut out = Vec::new();
    if !c.service_key.is_empty() {
        out.push((Secret::ServiceKey, c.service_key.clone()));
    }
    for a in &c.authorizations {
        if !a.authorization_key.is_empty() {
            out.push((
                Secret::AuthorizationKey {
                    name: a.name.clone(),
                },
                a.authorization_key.clone(),
            ));
        }
    }
    for p in &c.peerings {
        if let Some(k) = &p.config.shared_key {
            out.push((
                Secret::SharedKey {
                    peering: p.peering_type,
                },
                k.as_str().to_string(),
            ));
        }
    }
    out
}

/// A circuit with its credentials left out, and which ones were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redacted {
    /// The circuit minus every value of [`secrets`].
    pub circuit: Circuit,
    /// What was left out, in the order of [`secrets`].
    pub withheld: Vec<Secret>,
}

/// The circuit minus its credentials: the service key and authorization keys empty, MD5 keys
/// absent. Everything else, every state included, is unchanged, so the copy can still be
/// explained, played and stored. Redacting a redacted circuit changes nothing.
pub fn redact(c: &Circuit) -> Redacted {
    let withheld = secrets(c).into_iter().map(|(s, _)| s).collect();
    let mut circuit = c.clone();
    circuit.service_key.clear();
    for a in &mut circuit.authorizations {
        a.authorization_key.clear();
    }
    for p in &mut circuit.peerings {
        p.config.shared_key = None;
    }
    Redacted { circuit, withheld }
}

/// How many distinct credentials of each kind some circuits hold (a circuit and its undo
/// history hold the same key more than once; it is counted once).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SecretCount {
    /// Service keys.
    pub service_keys: usize,
    /// Authorization keys.
    pub authorization_keys: usize,
    /// MD5 shared keys.
    pub shared_keys: usize,
}

impl SecretCount {
    /// Counts the distinct credential values of these circuits, by kind.
    pub fn of<'a>(circuits: impl IntoIterator<Item = &'a Circuit>) -> Self {
        let mut seen = std::collections::BTreeSet::new();
        for c in circuits {
            for (s, value) in secrets(c) {
                seen.insert((s.kind(), value));
            }
        }
        let count = |k: SecretKind| seen.iter().filter(|(kind, _)| *kind == k).count();
        Self {
            service_keys: count(SecretKind::ServiceKey),
            authorization_keys: count(SecretKind::AuthorizationKey),
            shared_keys: count(SecretKind::SharedKey),
        }
    }

    /// How many of a kind.
    pub fn get(&self, kind: SecretKind) -> usize {
        match kind {
            SecretKind::ServiceKey => self.service_keys,
            SecretKind::AuthorizationKey => self.authorization_keys,
            SecretKind::SharedKey => self.shared_keys,
        }
    }

    /// No credential at all.
    pub fn is_empty(&self) -> bool {
        self.service_keys + self.authorization_keys + self.shared_keys == 0
    }

    /// "the service key and 2 authorization keys", "3 service keys, 1 authorization key and
    /// 2 MD5 shared keys", or "no keys".
    pub fn describe(&self) -> String {
        let parts: Vec<String> = SecretKind::ALL
            .iter()
            .filter(|k| self.get(**k) > 0)
            .map(|k| match (k, self.get(*k)) {
                (SecretKind::ServiceKey, 1) => "the service key".to_string(),
                (k, n) => format!("{n} {}", k.noun(n)),
            })
            .collect();
        match parts.as_slice() {
            [] => "no keys".to_string(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }
}

/// A credential as shown where the person does not need all of it: its first and last four
/// characters ("1d05…125b"), enough to tell keys apart. A short value is hidden whole.
pub fn shorten(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() < 12 {
        return "…".to_string();
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}
