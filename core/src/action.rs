//! Actions on an existing circuit, their kinds, and what applying one yields.

use ipnet::IpNet;
use serde::{Deserialize, Serialize};

use crate::circuit::Circuit;
use crate::enums::{PeeringState, PeeringType, PrefixValidationState, SkuFamily, SkuTier};
use crate::form::{check_resource_name, is_guid, Field, FieldError};
use crate::limits::MAX_VNET_ADDRESS_SPACES_AT_LINK;
use crate::refusal::Refusal;
use crate::routing::PeeringConfig;
use crate::warning::Warning;

/// A Microsoft-side outcome of advertised-prefix validation on Microsoft peering.
/// [WF] [PS-ROUTING] [SPEC-2024-10]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PrefixOutcome {
    /// Automatic validation passed: prefixes state Configured (SC-34).
    Validated,
    /// Automatic validation failed: ValidationNeeded, BGP not enabled (SC-33).
    ValidationNeeded,
    /// Manual validation by Microsoft support needed: per-prefix
    /// ManualValidationNeeded; the prefixes state (which has no manual value)
    /// is ValidationNeeded (SC-35).
    ManualValidationNeeded,
    /// Support validated the evidence: prefixes state Configured.
    SupportTicketResolved,
    /// One prefix reported a failure value of the per-prefix validation state.
    PrefixFailed {
        /// The prefix.
        prefix: IpNet,
        /// The failure value (must be a failure).
        state: PrefixValidationState,
    },
}

impl PrefixOutcome {
    /// A short label.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Validated => "Prefixes validated",
            Self::ValidationNeeded => "Validation needed",
            Self::ManualValidationNeeded => "Manual validation needed",
            Self::SupportTicketResolved => "Support ticket resolved",
            Self::PrefixFailed { .. } => "Prefix validation failed",
        }
    }
}

/// A request to link a VNet (a gateway connection to the circuit). [PS-LINK] [CLI-LINK]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VnetLinkRequest {
    /// Connection name.
    pub connection_name: String,
    /// Virtual network name.
    pub vnet_name: String,
    /// Virtual network region (for the geopolitical rule).
    pub vnet_region: String,
    /// VNet address spaces.
    pub address_spaces: Vec<IpNet>,
    /// `None`: same subscription. `Some(key)`: another subscription using an authorization key.
    pub authorization_key: Option<String>,
}

/// The VNet link form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VnetLinkInput {
    /// Connection name.
    pub connection_name: String,
    /// Virtual network name.
    pub vnet_name: String,
    /// Virtual network region.
    pub vnet_region: String,
    /// Address spaces, separated by commas, spaces or newlines.
    pub address_spaces: String,
    /// Authorization key (empty for the same subscription).
    pub authorization_key: String,
    /// The VNet is in another subscription than the circuit: it needs an authorization key.
    pub other_subscription: bool,
}

/// Parses the VNet link form: every field error at once. Circuit rules (limit,
/// geopolitical region, authorization state) are checked by `apply`.
pub fn validate_vnet_link(input: &VnetLinkInput) -> Result<VnetLinkRequest, Vec<FieldError>> {
    let mut errors = Vec::new();
    if let Err(r) = check_resource_name(input.connection_name.trim()) {
        errors.push(FieldError::new(Field::ConnectionName, r));
    }
    if input.vnet_name.trim().is_empty() {
        errors.push(FieldError::new(
            Field::VnetName,
            Refusal::Required {
                what: "Virtual network",
            },
        ));
    }
    if input.vnet_region.trim().is_empty() {
        errors.push(FieldError::new(
            Field::VnetRegion,
            Refusal::Required {
                what: "Virtual network region",
            },
        ));
    }
    let mut spaces = Vec::new();
    for token in input
        .address_spaces
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|t| !t.is_empty())
    {
        match token.parse::<IpNet>() {
            Ok(n) if n != n.trunc() => errors.push(FieldError::new(
                Field::VnetAddressSpace,
                Refusal::SubnetHostBitsSet {
                    given: token.to_string(),
                    suggested: n.trunc().to_string(),
                },
            )),
            Ok(n) => spaces.push(n),
            Err(_) => errors.push(FieldError::new(
                Field::VnetAddressSpace,
                Refusal::SubnetInvalid {
                    given: token.to_string(),
                },
            )),
        }
    }
    if spaces.is_empty() && errors.iter().all(|e| e.field != Field::VnetAddressSpace) {
        errors.push(FieldError::new(
            Field::VnetAddressSpace,
            Refusal::Required {
                what: "Address space",
            },
        ));
    }
    if spaces.len() > MAX_VNET_ADDRESS_SPACES_AT_LINK {
        errors.push(FieldError::new(
            Field::VnetAddressSpace,
            Refusal::TooManyAddressSpaces {
                count: spaces.len(),
                limit: MAX_VNET_ADDRESS_SPACES_AT_LINK,
            },
        ));
    }
    let key = if input.other_subscription {
        input.authorization_key.trim()
    } else {
        ""
    };
    // A VNet in another subscription links only with the circuit owner's authorization key. [PS-LINK]
    if input.other_subscription && key.is_empty() {
        errors.push(FieldError::new(
            Field::AuthorizationKey,
            Refusal::AuthorizationKeyRequired,
        ));
    }
    if !key.is_empty() && !is_guid(key) {
        errors.push(FieldError::new(
            Field::AuthorizationKey,
            Refusal::KeyNotGuid {
                what: "authorization key",
                given: key.to_string(),
            },
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(VnetLinkRequest {
        connection_name: input.connection_name.trim().to_string(),
        vnet_name: input.vnet_name.trim().to_string(),
        vnet_region: input.vnet_region.trim().to_string(),
        address_spaces: spaces,
        authorization_key: (!key.is_empty()).then(|| key.to_ascii_lowercase()),
    })
}

/// Declares [`Action`] and, from the same list, [`ActionKind`] (one kind per variant, in order),
/// `ActionKind::ALL` and `Action::kind`: a new action cannot be left without its kind.
macro_rules! actions_and_kinds {
    (
        $(#[$meta:meta])*
        pub enum Action {
            $(
                $(#[$vmeta:meta])*
                $variant:ident $( { $($fields:tt)* } )? $( ( $($tuple:tt)* ) )?
            ),* $(,)?
        }
        $(#[$kmeta:meta])*
        pub enum ActionKind;
    ) => {
        $(#[$meta])*
        pub enum Action {
            $( $(#[$vmeta])* $variant $( { $($fields)* } )? $( ( $($tuple)* ) )? ),*
        }

        $(#[$kmeta])*
        pub enum ActionKind {
            $(
                #[doc = concat!("See [`Action::", stringify!($variant), "`].")]
                $variant
            ),*
        }

        impl ActionKind {
            /// Every kind, in the order [`Action`] declares them.
            pub const ALL: &'static [Self] = &[$(Self::$variant),*];
        }

        impl Action {
            /// The action's kind.
            pub fn kind(&self) -> ActionKind {
                match self {
                    $( Self::$variant { .. } => ActionKind::$variant ),*
                }
            }
        }
    };
}

actions_and_kinds! {
    /// Something that happens to an existing circuit: a provider event, a
    /// Microsoft-side event, or a customer change.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub enum Action {
        /// Provider event: starts provisioning (NotProvisioned → Provisioning). [WF]
        ProviderStartProvisioning,
        /// Provider event: finishes provisioning (Provisioning → Provisioned). [WF]
        ProviderCompleteProvisioning,
        /// Provider event: starts deprovisioning (Provisioning/Provisioned → Deprovisioning). [SPEC-2024-05] [inferred]
        ProviderDeprovision,
        /// Provider event: finishes deprovisioning (Deprovisioning → NotProvisioned). [WF]
        ProviderCompleteDeprovisioning,
        /// Customer: re-enable a deprovisioned circuit by ordering from the provider
        /// again with the same service key (NotProvisioned → Provisioning). [WF]
        ReEnable,
        /// Customer: delete the circuit (→ provisioningState Deleting). [WF] [PS-CIRCUIT]
        Delete,
        /// Customer: add a peering.
        AddPeering {
            /// Peering type.
            kind: PeeringType,
            /// Validated configuration.
            config: PeeringConfig,
        },
        /// Customer: replace a peering's configuration.
        UpdatePeering {
            /// Peering type.
            kind: PeeringType,
            /// Validated configuration.
            config: PeeringConfig,
        },
        /// Customer: remove a peering.
        RemovePeering {
            /// Peering type.
            kind: PeeringType,
        },
        /// Customer: enable or disable a peering. [RESET]
        SetPeeringState {
            /// Peering type.
            kind: PeeringType,
            /// New state.
            state: PeeringState,
        },
        /// Microsoft: outcome of Microsoft peering prefix validation.
        SetPrefixValidation {
            /// The outcome.
            outcome: PrefixOutcome,
        },
        /// Customer: add a Microsoft peering prefix's validation info — the validation ID Microsoft
        /// gives for it and that ID signed with the private key whose certificate is in the routing
        /// registry (`Add-AzExpressRouteCircuitMicrosoftPeeringPrefixConfig`, then
        /// `Set-AzExpressRouteCircuit`). Microsoft then checks the signature. [PS-PREFIX] [SPEC-2024-10]
        AddPrefixValidationInfo {
            /// One of the peering's advertised public prefixes.
            prefix: IpNet,
            /// The prefix's validation ID, as Microsoft gives it.
            validation_id: String,
            /// The base64 signature of the validation ID.
            signature: String,
        },
        /// Customer: create an authorization (the caller supplies the key GUID). [PS-LINK]
        AddAuthorization {
            /// Name.
            name: String,
            /// Authorization key (GUID).
            key: String,
        },
        /// Customer: delete an authorization (deletes the connection that used it). [PS-LINK]
        RemoveAuthorization {
            /// Name.
            name: String,
        },
        /// Customer: link a VNet. [PS-LINK]
        LinkVnet {
            /// The request.
            link: VnetLinkRequest,
        },
        /// Customer: unlink a VNet (delete the connection). [PS-LINK]
        UnlinkVnet {
            /// Connection name.
            name: String,
        },
        /// Customer: connect this circuit's private peering to another circuit's with Global Reach
        /// (`Add-AzExpressRouteCircuitConnectionConfig`, then `Set-AzExpressRouteCircuit`), the
        /// other circuit's facts passed in; [`crate::global_reach::connect`] records the other side.
        /// [GR-PS] [GR-CLI]
        AddGlobalReach {
            /// The connection (name and subnets).
            connection: crate::global_reach::GlobalReachConnection,
            /// The other circuit.
            peer: crate::global_reach::GlobalReachPeer,
            /// The other circuit owner's authorization key, for a circuit in another subscription.
            authorization_key: Option<String>,
        },
        /// Customer: remove a Global Reach connection made on this circuit. [GR-PS] [GR-CLI]
        RemoveGlobalReach {
            /// Connection name.
            name: String,
        },
        /// Customer: change bandwidth (increase only). [PS-CIRCUIT]
        ChangeBandwidth {
            /// New bandwidth in Mbps (Direct: Gbps × 1000).
            mbps: u32,
        },
        /// Customer: change billing model (Metered → Unlimited only). [PS-CIRCUIT]
        ChangeFamily {
            /// New family.
            family: SkuFamily,
        },
        /// Customer: change SKU tier. [PS-CIRCUIT] [PORTAL-CIRCUIT]
        ChangeTier {
            /// New tier.
            tier: SkuTier,
        },
        /// Customer: toggle Allow classic operations. [PS-CIRCUIT]
        SetAllowClassicOperations(bool),
        /// Customer: create a route filter with its one Allow rule (`New-AzRouteFilter`, the rule,
        /// `Set-AzRouteFilter`), kept with this circuit. [ROUTE-FILTER]
        CreateRouteFilter {
            /// The validated filter ([`crate::route_filter::validate_route_filter`]).
            filter: crate::route_filter::RouteFilter,
        },
        /// Customer: attach the circuit's route filter to its Microsoft peering; Microsoft then
        /// advertises the prefixes of the filter's communities. [ROUTE-FILTER]
        AttachRouteFilter {
            /// The customer confirms that Microsoft has authorized them to use Microsoft 365
            /// through ExpressRoute (the API cannot tell; without it, attaching a filter with
            /// Microsoft 365 services fails). [ROUTE-FILTER]
            microsoft_365_authorized: bool,
        },
        /// Customer: detach the route filter from Microsoft peering (no prefixes then). [ROUTE-FILTER]
        DetachRouteFilter,
        /// Customer: delete the route filter resource (only when attached to no circuit). [ROUTE-FILTER]
        RemoveRouteFilter,
    }

    /// The kind of an [`Action`], without its data: one row each in
    /// [`crate::available_actions`].
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum ActionKind;
}

impl ActionKind {
    /// A button label.
    pub const fn label(self) -> &'static str {
        match self {
            Self::ProviderStartProvisioning => "Provider starts provisioning",
            Self::ProviderCompleteProvisioning => "Provider completes provisioning",
            Self::ProviderDeprovision => "Provider deprovisions",
            Self::ProviderCompleteDeprovisioning => "Provider completes deprovisioning",
            Self::ReEnable => "Re-enable (order from the provider again)",
            Self::Delete => "Delete circuit",
            Self::AddPeering => "Add peering",
            Self::UpdatePeering => "Update peering",
            Self::RemovePeering => "Remove peering",
            Self::SetPeeringState => "Enable or disable peering",
            Self::SetPrefixValidation => "Prefix validation outcome",
            Self::AddPrefixValidationInfo => "Add prefix validation info",
            Self::AddAuthorization => "Add authorization",
            Self::RemoveAuthorization => "Remove authorization",
            Self::LinkVnet => "Link virtual network",
            Self::UnlinkVnet => "Unlink virtual network",
            Self::AddGlobalReach => "Add Global Reach",
            Self::RemoveGlobalReach => "Remove Global Reach",
            Self::ChangeBandwidth => "Change bandwidth",
            Self::ChangeFamily => "Change billing model",
            Self::ChangeTier => "Change SKU tier",
            Self::SetAllowClassicOperations => "Allow classic operations",
            Self::CreateRouteFilter => "Create route filter",
            Self::AttachRouteFilter => "Attach route filter",
            Self::DetachRouteFilter => "Detach route filter",
            Self::RemoveRouteFilter => "Delete route filter",
        }
    }

    /// True for events that come from the provider or Microsoft, not the customer.
    pub const fn is_external_event(self) -> bool {
        matches!(
            self,
            Self::ProviderStartProvisioning
                | Self::ProviderCompleteProvisioning
                | Self::ProviderDeprovision
                | Self::ProviderCompleteDeprovisioning
                | Self::SetPrefixValidation
        )
    }
}

/// The result of an accepted action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    /// The circuit after the action. After `Delete` its `provisioning_state` is
    /// Deleting: the caller removes it from its list (billing stops then).
    pub circuit: Circuit,
    /// Accepted, but the user must know.
    pub warnings: Vec<Warning>,
    /// What happens next, in plain words ("billing starts now", "the provider must update its side").
    pub notes: Vec<String>,
}

/// Whether an action kind is available now, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionAvailability {
    /// The kind.
    pub action_kind: ActionKind,
    /// Its label.
    pub label: &'static str,
    /// `Ok` when available; otherwise the refusal to show.
    pub result: Result<(), Refusal>,
}
