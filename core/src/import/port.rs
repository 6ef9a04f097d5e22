//! An ExpressRoute Direct port (`Microsoft.Network/expressRoutePorts`) as the paste
//! gives it: the port pair and its two links. The circuit model only records a
//! Direct circuit's port name and Gbps, so a port is read into these types of its
//! own. [SPEC-PORT] [EX-PORT-GET] [ERDIRECT-HOWTO] [ERDIRECT-ABOUT]

use crate::enums::{LinkAdminState, PortEncapsulation, ProvisioningState};

/// An ExpressRoute Direct port. Every value is `None` when the paste does not have
/// it or it could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DirectPort {
    /// The port's name.
    pub name: Option<String>,
    /// Its resource group.
    pub resource_group: Option<String>,
    /// Its Azure region (`location`).
    pub region: Option<String>,
    /// `peeringLocation`: the ExpressRoute Direct location of the port pair.
    pub peering_location: Option<String>,
    /// `bandwidthInGbps`: 10 or 100 (each link of the pair). [ERDIRECT-ABOUT]
    pub bandwidth_in_gbps: Option<u32>,
    /// `provisionedBandwidthInGbps`: the sum of the circuits' bandwidths, as given.
    pub provisioned_bandwidth_in_gbps: Option<String>,
    /// `encapsulation`: Dot1Q or QinQ.
    pub encapsulation: Option<PortEncapsulation>,
    /// `billingType`, as given.
    pub billing_type: Option<String>,
    /// `provisioningState` of the port resource.
    pub provisioning_state: Option<ProvisioningState>,
    /// `allocationDate`, as given.
    pub allocation_date: Option<String>,
    /// `links`: link1 is the primary port, link2 the secondary. [ERDIRECT-HOWTO]
    pub links: Vec<PortLink>,
    /// `circuits`: the circuits created on the port, by name (from their IDs).
    pub circuits: Vec<String>,
}

/// One link of a Direct port. [SPEC-PORT]
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PortLink {
    /// `name` (link1, link2).
    pub name: String,
    /// `adminState`: Disabled on a new port. [EX-PORT-GET] [ERDIRECT-HOWTO]
    pub admin_state: Option<LinkAdminState>,
    /// `provisioningState` of the link.
    pub provisioning_state: Option<ProvisioningState>,
    /// `routerName`: the Microsoft router the cross-connect goes to.
    pub router_name: Option<String>,
    /// `interfaceName` on that router.
    pub interface_name: Option<String>,
    /// `patchPanelId`.
    pub patch_panel_id: Option<String>,
    /// `rackId`.
    pub rack_id: Option<String>,
    /// `connectorType`: LC or SC.
    pub connector_type: Option<String>,
}
