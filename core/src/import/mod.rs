//! Import a real circuit from what people have, diagnose it, and export one
//! circuit back in Azure's shape.
//!
//! Accepted input (detected from the text):
//! - JSON: `az network express-route show` (camelCase, flattened properties),
//!   `az network express-route list` (an array), a REST GET body (`properties`
//!   object), a REST list body (`{"value": [...]}`), the REST spec example
//!   wrapper (`responses."200".body`), PowerShell `Get-AzExpressRouteCircuit |
//!   ConvertTo-Json` (PascalCase), and this wizard's [`export_azure_json`].
//! - PowerShell's default list output (`Name : Value` lines with JSON blocks for
//!   `Sku`, `ServiceProviderProperties`, `Peerings`…), indented or not.
//!
//! A peering or an authorization on its own (e.g. the spec examples
//! `ExpressRouteCircuitPeeringGet.json`, `ExpressRouteCircuitAuthorizationGet.json`)
//! imports as a circuit built around it from its resource ID, marked
//! [`ImportedKind::PeeringOnly`] / [`ImportedKind::AuthorizationOnly`], with a
//! warning saying which circuit values are assumed.
//!
//! Keys are matched case-insensitively; unknown fields are ignored; unknown
//! enum values are kept in [`Imported::unknown_values`] and reported in the
//! warnings and the diagnosis; redacted (`*****`, `####`, `<...>`) and
//! malformed values are shown as unknown with a warning and the rest still
//! imports. Invalid text gives an [`ImportError`] with line and column, and
//! nothing is imported.

mod diagnose;
mod export;
mod json;
mod powershell;
mod read;

use std::fmt;

use crate::circuit::Circuit;

pub use diagnose::{diagnose, Diagnosis};
pub use export::{export_azure_json, export_azure_value, EXTENSION_KEY};

/// Where the imported text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportFormat {
    /// `az network express-route show` / `list` JSON (flattened properties).
    AzureCli,
    /// A REST API body (`properties` object), GET or list.
    RestApi,
    /// A REST spec example file (`responses."200".body`).
    RestExample,
    /// PowerShell `ConvertTo-Json` output (PascalCase keys).
    PowerShellJson,
    /// PowerShell's default list output (`Name : Value` lines).
    PowerShellList,
    /// This wizard's own export ([`export_azure_json`]).
    WizardExport,
}

impl ImportFormat {
    /// A short label for the UI.
    pub const fn label(self) -> &'static str {
        match self {
            Self::AzureCli => "Azure CLI JSON",
            Self::RestApi => "REST API JSON",
            Self::RestExample => "REST API example",
            Self::PowerShellJson => "PowerShell JSON",
            Self::PowerShellList => "PowerShell output",
            Self::WizardExport => "Wizard export",
        }
    }
}

/// What the input described.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportedKind {
    /// A whole circuit.
    Circuit,
    /// Only a peering: the circuit around it is built from the peering's resource
    /// ID, with assumed values (see the warnings).
    PeeringOnly,
    /// Only an authorization: the circuit around it is assumed likewise.
    AuthorizationOnly,
}

/// Something the user should know about the imported data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportWarning {
    /// Where: a JSON path (`properties.peerings[0].properties.peerASN`) or a
    /// PowerShell name (`ServiceKey`).
    pub field: String,
    /// What happened, in plain words.
    pub message: String,
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// A value the wizard could not read into its model: an enum value it does not
/// know, a redacted or a malformed value. It is shown as unknown, not dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField {
    /// Where (as in [`ImportWarning::field`]).
    pub field: String,
    /// The value as given.
    pub value: String,
    /// What the wizard uses in its place (e.g. "NotProvisioned", "left out").
    pub used_instead: String,
    /// Why it could not be read.
    pub reason: UnknownReason,
}

/// Why a value could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnknownReason {
    /// Hidden before sharing (`*****`, `####`, `<...>`).
    Redacted,
    /// Not in the form Azure uses (not a number, not a prefix, out of range…).
    Malformed,
    /// A value the wizard does not know (e.g. a new enum value).
    UnknownValue,
}

/// One imported circuit with what was learnt while reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The circuit at its real state.
    pub circuit: Circuit,
    /// Whole circuit, or only a peering / authorization.
    pub kind: ImportedKind,
    /// The detected input format (the UI marks the circuit "imported").
    pub format: ImportFormat,
    /// Redacted, malformed, missing or unknown values, and assumptions made.
    pub warnings: Vec<ImportWarning>,
    /// Values shown as unknown (also in `warnings` and in the diagnosis).
    pub unknown_values: Vec<UnknownField>,
    /// What is blocking, what is fine, and the next step.
    pub diagnosis: Diagnosis,
}

/// Why the text could not be imported. Nothing is imported when this is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What was expected there.
    pub expected: String,
    /// What is wrong.
    pub message: String,
}

impl ImportError {
    fn new(
        line: usize,
        column: usize,
        expected: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            line: line.max(1),
            column: column.max(1),
            expected: expected.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {} (expected {})",
            self.line, self.column, self.message, self.expected
        )
    }
}

impl std::error::Error for ImportError {}

/// What the input could be, for error messages.
const EXPECTED_INPUT: &str = "JSON from `az network express-route show`/`list`, the REST API or `ConvertTo-Json`, or PowerShell `Get-AzExpressRouteCircuit` output (`Name : Value` lines)";

/// Reads every circuit in the text. See the module documentation for the
/// accepted formats. Never panics; on error nothing is imported.
pub fn import(text: &str) -> Result<Vec<Imported>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some((first_line, first_col, first)) = first_non_space(text) else {
        return Err(ImportError::new(1, 1, EXPECTED_INPUT, "the text is empty"));
    };
    let found = if first == '{' || first == '[' {
        json::find(text)?
    } else {
        powershell::find(text, (first_line, first_col))?
    };
    Ok(found
        .into_iter()
        .map(|f| {
            let mut reader = read::Reader::new();
            let (circuit, kind) = reader.read(&f);
            let diagnosis = diagnose(&circuit, &reader.unknowns);
            Imported {
                circuit,
                kind,
                format: f.format,
                warnings: reader.warnings,
                unknown_values: reader.unknowns,
                diagnosis,
            }
        })
        .collect())
}

/// 1-based line and column of the first non-whitespace character.
fn first_non_space(text: &str) -> Option<(usize, usize, char)> {
    for (i, line) in text.lines().enumerate() {
        if let Some((col, c)) = line.chars().enumerate().find(|(_, c)| !c.is_whitespace()) {
            return Some((i + 1, col + 1, c));
        }
    }
    None
}

/// What the format finders hand to the reader.
pub(crate) struct Found {
    /// The resource (circuit, peering or authorization) as JSON.
    pub value: serde_json::Value,
    /// Its path in the input, for warnings ("" for the top level).
    pub path: String,
    /// The detected format.
    pub format: ImportFormat,
    /// What the resource is.
    pub kind: ImportedKind,
}
