//! # er-core — the ExpressRoute circuit state core
//!
//! A pure Rust library (no web dependencies) that models an Azure ExpressRoute
//! circuit the way the Microsoft.Network REST API and the ExpressRoute docs
//! describe it, for the Circuit Wizard UI. Every rule cites its source as a key
//! (e.g. `[WF]`, `[ROUTING]`, `[PS-CIRCUIT]`); `docs/sources.md` and [`sources`]
//! say which document each key stands for and where to read it.
//!
//! ## The model
//! - [`Circuit`]: name, resource group, region, [`Port`] (Provider with
//!   provider/peering location/Mbps/[`RoutingModel`], or Direct with Gbps),
//!   [`Sku`] (`<Tier>_<Family>`), service key, the provider state
//!   ([`ServiceProviderProvisioningState`]), the circuit status
//!   ([`CircuitProvisioningState`]), the ARM [`ProvisioningState`], peerings,
//!   authorizations and VNet links.
//! - [`Peering`]s carry a validated [`PeeringConfig`] built from validated
//!   newtypes ([`PeerAsn`], [`LinkPair`]/[`LinkSubnet`], [`VlanId`],
//!   [`SharedKey`], [`RegistryName`]); Microsoft peering adds
//!   [`MicrosoftConfig`], the [`AdvertisedPublicPrefixesState`] and per-prefix
//!   [`PrefixValidationState`]. The BGP provisioning state ([`BgpState`]) is
//!   derived from the peering state and the prefixes state ([WF]).
//!
//! ## The API
//! - [`create`] builds a circuit from the [`CreateCircuit`] form (caller gives the
//!   service key GUID) or returns every [`FieldError`].
//! - [`validate_peering`] / [`validate_vnet_link`] turn typed forms into inputs
//!   for actions, returning every field error at once, and warnings.
//! - [`precondition`]`(&Circuit, ActionKind)` is the transition table: one exhaustive
//!   match on `(`[`CircuitPhase`]`, `[`ActionKind`]`)` with no wildcard arm.
//!   [`apply`]`(&Circuit, &Action) -> Result<Transition, Refusal>` is pure: the table
//!   for the action's kind, then the action's handler. [`can`], [`precondition`] and
//!   [`available_actions`] answer "what can I do now, and why not".
//! - Every [`Refusal`] has a reason (`Display`), a [`Refusal::remedy`] and a
//!   [`Refusal::source_key`]; [`Refusal::field`] names the form field it concerns, if one.
//! - `explain_*` functions return a [`StateInfo`] for every state of every
//!   machine; [`explain_circuit`] and [`next_step`] summarise a circuit.
//! - [`secrets`] lists a circuit's credentials (service key, authorization keys, MD5 keys) and
//!   [`redact`] leaves them out: share links, exports without keys and the screen ask it.
//! - Circuits serialize with serde (camelCase, Azure enum spellings);
//!   [`SavedCircuits`] wraps them with [`SCHEMA_VERSION`].
//!
//! ## Decisions
//! - `Deprovisioning` is the transient state between `ProviderDeprovision` and
//!   `ProviderCompleteDeprovisioning`; the end state is NotProvisioned/Enabled (SC-10).
//! - `ReEnable` (NotProvisioned → Provisioning) is the customer ordering from the
//!   provider again with the same service key.
//! - `Delete` sets `provisioning_state` to Deleting; the caller removes the circuit.
//! - Layer 3 circuits refuse customer peering changes (SC-07).

#![deny(missing_docs)]
// Docs cite source keys (docs/sources.md) as `[WF]`, `[ROUTING]`..., which rustdoc would
// otherwise read as (broken) intra-doc links.
#![allow(rustdoc::broken_intra_doc_links)]

pub mod action;
pub mod catalog;
pub mod circuit;
pub mod commands;
pub mod delete_refusal;
pub mod design_demo;
pub mod diagram;
pub mod enums;
pub mod explain;
pub mod form;
pub mod global_reach;
pub mod hints;
pub mod import;
pub mod limits;
pub mod machine;
pub mod peers;
pub mod refusal;
pub mod resiliency;
pub mod route_filter;
pub mod routing;
pub mod scenario;
pub mod secrets;
pub mod sources;
pub mod steps;
pub mod verify;
pub mod warning;

pub use action::*;
pub use circuit::*;
pub use delete_refusal::DeleteRefusal;
pub use diagram::*;
pub use enums::*;
pub use explain::*;
pub use form::*;
pub use global_reach::{
    CircuitConnectionStatus, GlobalReachConnection, GlobalReachField, GlobalReachInput,
    GlobalReachPair, GlobalReachPeer, GlobalReachRefusal, GlobalReachRequest,
};
pub use hints::field_hint;
pub use import::{
    diagnose, export_azure_json, export_azure_value, import, Diagnosis, DirectPort, Fact,
    ImportError, ImportFormat, ImportWarning, Imported, ImportedKind, ImportedPeering,
    ImportedResource, ImportedRouteFilter, ImportedRouteFilterRule, OtherResource, ParentCircuit,
    PeeringGap, PortLink, UnknownField, UnknownReason,
};
pub use limits::*;
pub use machine::*;
pub use peers::{peer_analogy_sources, PeerAnalogy, PEER_ANALOGIES};
pub use refusal::*;
pub use route_filter::{
    receives, validate_route_filter, Community, Receives, RouteFilter, RouteFilterInput,
    RouteFilterRefusal, RouteFilterRule,
};
pub use routing::*;
pub use scenario::*;
pub use secrets::{redact, secrets, shorten, Redacted, Secret, SecretCount, SecretKind};
pub use sources::{citations, split_cited, Citation, Publisher, SOURCES};
pub use verify::{
    read_links, read_output, read_paste, verify_commands, ArpEntry, ArpSide, DevicePath, Mac,
    Neighbor, NeighborState, OutputKind, PasteFormat, PasteWarning, PastedOutput, Reading, Route,
    Severity, Table, VerifyError,
};
pub use warning::*;
