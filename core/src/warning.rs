//! Warnings: accepted, but the user must know something.

/// Something the user should know about an accepted input or action.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Warning {
    /// SC-32: private ASN on Microsoft peering.
    #[error("ASN {asn} is a private ASN: Microsoft peering with a private ASN requires manual validation, and Microsoft removes private ASNs from the AS PATH of received prefixes, so they can't be used to influence routing. ASNs 64496–64511 are not allowed in the path.")]
    PrivateAsnOnMicrosoftPeering {
        /// The ASN.
        asn: u32,
    },
    /// Use a separate edge for Microsoft peering, and NAT ranges of its own. [WF] [ROUTING]
    #[error("Use a separate proxy/edge to connect to Microsoft than the one you use for the Internet; sharing one edge causes asymmetric routing and outages. Traffic to Microsoft must come from valid public IPv4 addresses (NAT): advertise NAT ranges that you do not advertise to the Internet, or a more specific range, never the same public route to both.")]
    AsymmetricRouting,
    /// No prefixes until a route filter is attached. [PS-ROUTING] [FAQ]
    #[error("Microsoft peering configured after August 1, 2017 advertises no Microsoft prefixes until a route filter is attached to it.")]
    RouteFilterRequired,
    /// The geopolitical area of a region could not be determined.
    #[error("'{region}' is not an Azure region in Microsoft's ExpressRoute list, so the wizard cannot check that this circuit reaches it.")]
    GeopoliticalRegionUnknown {
        /// The region.
        region: String,
    },
    /// The circuit's peering location is not in Microsoft's list, so its reach is unknown.
    #[error("The circuit's peering location{} is not in Microsoft's list of peering locations, so the wizard cannot check which Azure regions the circuit reaches (Standard: the regions of the location's geopolitical region; Local: the one or two regions local to it).", if .location.is_empty() { String::new() } else { format!(" '{}'", .location) })]
    PeeringLocationUnknown {
        /// The peering location ("" when not known).
        location: String,
    },
    /// Premium → Standard with many private peering routes. [PS-CIRCUIT]
    #[error("After leaving Premium, private peering accepts at most 4,000 IPv4 routes; with more, the BGP session stays down until you advertise fewer than 4,000.")]
    PrivateRouteLimitAfterDowngrade,
    /// Layer 3 provider: check that the provider configured private peering.
    #[error("Your provider manages routing: make sure it has configured Azure private peering, or the VNet connection carries no traffic.")]
    Layer3PrivatePeeringUnknown,
    /// Revoking an authorization deletes its connection. [PS-LINK]
    #[error(
        "Authorization '{name}' was in use: removing it also deletes the connection '{link}'."
    )]
    AuthorizationRevokedDeletesLink {
        /// The authorization.
        name: String,
        /// The connection deleted with it.
        link: String,
    },
    /// A Global Reach rule the wizard cannot check here (location availability, geopolitical
    /// region). [GLOBAL-REACH] [GR-FAQ]
    #[error("{message}")]
    GlobalReachUnverified {
        /// What could not be checked.
        message: String,
        /// Its source keys.
        sources: &'static str,
    },
    /// Disabling a peering shuts down both BGP sessions. [RESET]
    #[error("Disabling the peering shuts down both the primary and the secondary BGP sessions.")]
    DisablingShutsBothSessions,
}

impl Warning {
    /// The source key(s), listed in `docs/sources.md`.
    pub fn source_key(&self) -> &'static str {
        match self {
            Self::PrivateAsnOnMicrosoftPeering { .. } => "[ROUTING]",
            Self::AsymmetricRouting => "[WF] [ROUTING]",
            Self::RouteFilterRequired => "[PS-ROUTING] [FAQ]",
            Self::GeopoliticalRegionUnknown { .. } | Self::PeeringLocationUnknown { .. } => {
                "[LOCATIONS]"
            }
            Self::PrivateRouteLimitAfterDowngrade => "[PS-CIRCUIT]",
            Self::Layer3PrivatePeeringUnknown => "[PS-CIRCUIT] [WF]",
            Self::AuthorizationRevokedDeletesLink { .. } => "[PS-LINK]",
            Self::DisablingShutsBothSessions => "[RESET]",
            Self::GlobalReachUnverified { sources, .. } => sources,
        }
    }
}
