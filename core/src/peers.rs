//! The nearest state in other clouds' dedicated-connection services, for engineers who know one of
//! them. These are analogies, not equivalences: only the Azure states are modelled.

/// One Azure state and its nearest counterparts. Spellings are each API's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeerAnalogy {
    /// The Azure state, as the wizard shows it.
    pub azure: &'static str,
    /// AWS Direct Connect (connection, virtual interface or BGP peer state).
    pub aws: &'static str,
    /// Google Cloud Interconnect (InterconnectAttachment `state`).
    pub gcp: &'static str,
    /// Oracle FastConnect (VirtualCircuit `lifecycleState`).
    pub oci: &'static str,
    /// Source keys, listed in `docs/sources.md`.
    pub source: &'static str,
}

/// Azure's provider and prefix-validation states beside their nearest counterparts. The first
/// and last rows are domain.md's own mapping hint; the middle two follow the same reading of each
/// service's states. All are [inferred analogy].
pub const PEER_ANALOGIES: &[PeerAnalogy] = &[
    PeerAnalogy {
        azure: "Provider status NotProvisioned (waiting for the provider)",
        aws: "requested (standard connection) / ordering (hosted connection)",
        gcp: "PENDING_PARTNER",
        oci: "PENDING_PROVIDER",
        source: "[AWS-CONN] [GCP-STATE] [OCI-VC] [inferred analogy]",
    },
    PeerAnalogy {
        azure: "Provider status Provisioning",
        aws: "pending",
        gcp: "PARTNER_REQUEST_RECEIVED",
        oci: "PROVISIONING",
        source: "[AWS-CONN] [GCP-STATE] [OCI-VC] [inferred analogy]",
    },
    PeerAnalogy {
        azure: "Provider status Provisioned, Status Enabled (usable)",
        aws: "available",
        gcp: "ACTIVE",
        oci: "PROVISIONED",
        source: "[AWS-CONN] [GCP-STATE] [OCI-VC] [inferred analogy]",
    },
    PeerAnalogy {
        azure: "Microsoft peering prefixes ValidationNeeded",
        aws: "verifying (public virtual interface, BGP peer)",
        gcp: "(no counterpart)",
        oci: "VERIFYING",
        source: "[AWS-VIF] [AWS-BGP] [OCI-VC] [inferred analogy]",
    },
];

/// Every source key of [`PEER_ANALOGIES`], once each, in the order the rows first cite them:
/// the table's source line.
pub fn peer_analogy_sources() -> String {
    let mut keys: Vec<&str> = Vec::new();
    for row in PEER_ANALOGIES {
        for key in row.source.split_inclusive(']').map(str::trim) {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The spellings are the peer APIs' own (domain.md section 6).
    #[test]
    fn peer_states_use_each_apis_spelling() {
        let aws = ["requested", "ordering", "pending", "available", "verifying"];
        let gcp = ["PENDING_PARTNER", "PARTNER_REQUEST_RECEIVED", "ACTIVE"];
        let oci = [
            "PENDING_PROVIDER",
            "PROVISIONING",
            "PROVISIONED",
            "VERIFYING",
        ];
        for a in PEER_ANALOGIES {
            assert!(aws.iter().any(|s| a.aws.starts_with(s)), "{}", a.aws);
            assert!(
                gcp.contains(&a.gcp) || a.gcp == "(no counterpart)",
                "{}",
                a.gcp
            );
            assert!(oci.contains(&a.oci), "{}", a.oci);
            assert!(a.source.ends_with("[inferred analogy]"));
        }
        assert_eq!(PEER_ANALOGIES[0].gcp, "PENDING_PARTNER");
        assert_eq!(PEER_ANALOGIES[0].oci, "PENDING_PROVIDER");
        assert_eq!(PEER_ANALOGIES[3].oci, "VERIFYING");
        assert_eq!(
            peer_analogy_sources(),
            "[AWS-CONN] [GCP-STATE] [OCI-VC] [inferred analogy] [AWS-VIF] [AWS-BGP]"
        );
    }
}
