//! Why a circuit cannot be deleted now: the refusals of [`crate::apply_delete`] alone.
//!
//! Each is the [`Refusal`] of the same name (`From`), with the same words, remedy and source:
//! the texts live here and `Refusal` uses them. Kept apart so a page that only deletes ("Your
//! circuits") carries these words and not every refusal's.

use crate::enums::ServiceProviderProvisioningState;
use crate::refusal::{Attached, Refusal, ARM_DELETE_CONFLICT_CODE, ARM_DELETE_CONFLICT_MESSAGE};

/// A refused deletion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeleteRefusal {
    /// The circuit is being deleted already ([`Refusal::CircuitDeleting`]).
    CircuitDeleting,
    /// The provider still has the circuit ([`Refusal::DeleteWhileProvisioned`]).
    WhileProvisioned {
        /// The current provider state.
        provider_state: ServiceProviderProvisioningState,
    },
    /// The provider is still deprovisioning ([`Refusal::DeleteWhileDeprovisioning`]).
    WhileDeprovisioning,
    /// Something is still attached ([`Refusal::DeleteBlocked`]).
    Blocked {
        /// What is still attached, by kind and name.
        attached: Vec<Attached>,
    },
}

impl From<DeleteRefusal> for Refusal {
    fn from(r: DeleteRefusal) -> Self {
        match r {
            DeleteRefusal::CircuitDeleting => Refusal::CircuitDeleting,
            DeleteRefusal::WhileProvisioned { provider_state } => {
                Refusal::DeleteWhileProvisioned { provider_state }
            }
            DeleteRefusal::WhileDeprovisioning => Refusal::DeleteWhileDeprovisioning,
            DeleteRefusal::Blocked { attached } => Refusal::DeleteBlocked { attached },
        }
    }
}

pub(crate) const DELETING_REASON: &str =
    "The circuit is being deleted (provisioningState Deleting); no further changes are possible.";
pub(crate) const DELETING_REMEDY: &str =
    "Wait for the deletion to finish, or create a new circuit.";
pub(crate) const DELETING_SOURCE: &str = "[SPEC-NET]";

pub(crate) fn while_provisioned_reason(provider_state: ServiceProviderProvisioningState) -> String {
    format!("A circuit cannot be deleted when the ServiceProviderProvisioningState is Provisioning or Provisioned (it is {provider_state}). The connectivity provider needs to deprovision the circuit before it can be deleted. Azure refuses with {ARM_DELETE_CONFLICT_CODE}: \"{ARM_DELETE_CONFLICT_MESSAGE}\" Microsoft's billing continues until deletion.")
}
pub(crate) const WHILE_PROVISIONED_REMEDY: &str = "Ask your connectivity provider to deprovision the circuit first; delete it once the provider status is NotProvisioned. Microsoft keeps billing until you delete it.";
pub(crate) const WHILE_PROVISIONED_SOURCE: &str = "[WF] [ISSUE-DELETE]";

pub(crate) fn while_deprovisioning_reason() -> String {
    format!("The provider is still deprovisioning the circuit (Deprovisioning); it can be deleted once the provider status is NotProvisioned. Azure refuses with {ARM_DELETE_CONFLICT_CODE}: \"{ARM_DELETE_CONFLICT_MESSAGE}\" Microsoft's billing continues until deletion.")
}
pub(crate) const WHILE_DEPROVISIONING_REMEDY: &str = "Wait until the provider status is NotProvisioned, then delete the circuit. Microsoft keeps billing until you delete it.";
pub(crate) const WHILE_DEPROVISIONING_SOURCE: &str = "[WF] [ISSUE-DELETE] [SPEC-2024-05]";

pub(crate) fn blocked_reason(attached: &[Attached]) -> String {
    let names: Vec<String> = attached
        .iter()
        .map(|a| format!("{} {}", a.kind.describe().0, a.name))
        .collect();
    format!("The circuit cannot be deleted yet: all virtual networks, route filters, authorizations and Global Reach associations must be unlinked from it first. Still attached: {}. Microsoft's billing continues until deletion.", names.join("; "))
}
pub(crate) fn blocked_remedy(attached: &[Attached]) -> String {
    let steps: Vec<String> = attached
        .iter()
        .map(|a| {
            let (kind, commands) = a.kind.describe();
            format!("remove {kind} {} ({commands})", a.name)
        })
        .collect();
    let mut text = steps.join("; ");
    if let Some(c) = text.get_mut(..1) {
        c.make_ascii_uppercase();
    }
    format!("{text}. Then delete the circuit.")
}
// SC-13 deletes a circuit with "no associations"; that links block it is [inferred].
pub(crate) const BLOCKED_SOURCE: &str = "[PS-CIRCUIT] [CLI-CIRCUIT]";

impl std::fmt::Display for DeleteRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::CircuitDeleting => f.write_str(DELETING_REASON),
            Self::WhileProvisioned { provider_state } => {
                f.write_str(&while_provisioned_reason(*provider_state))
            }
            Self::WhileDeprovisioning => f.write_str(&while_deprovisioning_reason()),
            Self::Blocked { attached } => f.write_str(&blocked_reason(attached)),
        }
    }
}

impl std::error::Error for DeleteRefusal {}

impl DeleteRefusal {
    /// What to do next.
    pub fn remedy(&self) -> String {
        match self {
            Self::CircuitDeleting => DELETING_REMEDY.into(),
            Self::WhileProvisioned { .. } => WHILE_PROVISIONED_REMEDY.into(),
            Self::WhileDeprovisioning => WHILE_DEPROVISIONING_REMEDY.into(),
            Self::Blocked { attached } => blocked_remedy(attached),
        }
    }

    /// The rule's source keys (`docs/sources.md`).
    pub fn source_key(&self) -> &'static str {
        match self {
            Self::CircuitDeleting => DELETING_SOURCE,
            Self::WhileProvisioned { .. } => WHILE_PROVISIONED_SOURCE,
            Self::WhileDeprovisioning => WHILE_DEPROVISIONING_SOURCE,
            Self::Blocked { .. } => BLOCKED_SOURCE,
        }
    }

    /// The Microsoft document to open first (title, address): the one
    /// [`crate::sources::SOURCES`] lists for a Microsoft key of [`Self::source_key`] (a test
    /// checks it). Only this link is shown on "Your circuits", whose page carries no table of
    /// sources.
    pub const fn guidance(&self) -> (&'static str, &'static str) {
        match self {
            Self::CircuitDeleting => (
                "network.json (common definitions), API version 2024-05-01",
                "https://github.com/Azure/azure-rest-api-specs/blob/ea83a2a3e90ca3f0420e9d0ef55a811523541aba/specification/network/resource-manager/Microsoft.Network/stable/2024-05-01/network.json",
            ),
            Self::WhileProvisioned { .. } | Self::WhileDeprovisioning => (
                "ExpressRoute workflows for circuit provisioning and circuit states",
                "https://learn.microsoft.com/azure/expressroute/expressroute-workflows",
            ),
            Self::Blocked { .. } => (
                "Create and modify an ExpressRoute circuit using PowerShell",
                "https://learn.microsoft.com/azure/expressroute/expressroute-howto-circuit-arm",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::refusal::AttachedKind;
    use crate::sources::SOURCES;

    fn every() -> Vec<DeleteRefusal> {
        vec![
            DeleteRefusal::CircuitDeleting,
            DeleteRefusal::WhileProvisioned {
                provider_state: ServiceProviderProvisioningState::Provisioned,
            },
            DeleteRefusal::WhileDeprovisioning,
            DeleteRefusal::Blocked {
                attached: vec![Attached {
                    kind: AttachedKind::VnetConnection,
                    name: "conn-1".into(),
                }],
            },
        ]
    }

    // "Your circuits" links each refused deletion to the document of its first source key
    // [WF] [PS-CIRCUIT] [SPEC-NET].
    #[test]
    fn each_guidance_link_is_its_first_sources_address_wf() {
        for r in every() {
            let key = r
                .source_key()
                .trim_start_matches('[')
                .split(']')
                .next()
                .expect("a key");
            let listed = SOURCES.iter().find(|s| s.0 == key).expect("listed");
            assert_eq!((listed.1, listed.3), r.guidance(), "{key}");
        }
    }

    // Each is the Refusal of the same name, with the same words, remedy and source.
    #[test]
    fn each_reads_as_the_refusal_it_becomes_wf() {
        for r in every() {
            let refusal = Refusal::from(r.clone());
            assert_eq!(r.to_string(), refusal.to_string());
            assert_eq!(r.remedy(), refusal.remedy());
            assert_eq!(r.source_key(), refusal.source_key());
            assert!(!r.remedy().is_empty() && !r.to_string().is_empty());
        }
    }
}
