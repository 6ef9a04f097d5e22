//! The hint under a form field: what the field takes, in the words of the rule that checks it.
//!
//! The hints state limits and ranges (ASNs, subnet sizes, VLAN IDs, key length, SKU rules), so
//! they live here beside the rules, not in the UI; each cites the same source as its check.

use crate::form::Field;

/// The hint for `field` on the create, peering or link form. `microsoft_peering` picks Microsoft
/// peering's wording where it differs from private peering's (public addresses and ASN).
/// `None` for a field whose label says enough.
pub fn field_hint(field: Field, microsoft_peering: bool) -> Option<&'static str> {
    let hint = match (field, microsoft_peering) {
        // [PORTAL-CIRCUIT] [inferred: Azure resource naming rules], as `check_resource_name`.
        (Field::Name, _) => "1 to 80 letters, digits, periods, underscores or hyphens.",
        // [PS-CIRCUIT] [CLI-CIRCUIT]: increase without downtime; a decrease needs a new circuit.
        (Field::Bandwidth, _) => "It can be increased later without downtime, never decreased.",
        // [FAQ] Local; [LOCATIONS] [PS-LINK] Standard's geopolitical region; [LIMITS] Premium.
        (Field::SkuTier, _) => {
            "Local: only the one or two Azure regions local to the peering location, unlimited \
             data only. Standard: the regions of the peering location's geopolitical region. \
             Premium: all regions and more VNet links."
        }
        // [PS-CIRCUIT] [CLI-CIRCUIT]: MeteredData → UnlimitedData only.
        (Field::SkuFamily, _) => {
            "Metered can later change to Unlimited; Unlimited can never change back to Metered."
        }
        // [ROUTING] SC-32: a private ASN on Microsoft peering needs manual validation;
        // [PS-ROUTING]: your AS is the Peer ASN, not the Customer ASN.
        (Field::PeerAsn, true) => {
            "Your public AS number (a private ASN needs manual validation). Give your AS as Peer \
             ASN, not Customer ASN."
        }
        // [SPEC-2024-05] [ROUTING] [PORTAL-ROUTING] SC-16, SC-17.
        (Field::PeerAsn, false) => {
            "Your AS number, 16- or 32-bit. 65515 to 65520 are reserved by Microsoft."
        }
        // [WF] [ROUTING] [PS-ROUTING] SC-20, SC-24: a /30 per link, or one /29 split; public on
        // Microsoft peering.
        (Field::PrimarySubnet, true) => {
            "A public /30 you own, for example 123.0.0.0/30. Or give one /29 here and leave \
             Secondary subnet empty to split it."
        }
        (Field::PrimarySubnet, false) => {
            "A /30 for the primary link, for example 192.168.17.16/30. Or give one /29 here and \
             leave Secondary subnet empty to split it."
        }
        // [ROUTING] SC-15, SC-21: two different /30s; first usable address yours, second Microsoft's.
        (Field::SecondarySubnet, _) => {
            "A different /30 for the secondary link. Your router takes the first usable address \
             of each /30, Microsoft the second."
        }
        // [ROUTING] [PS-ROUTING] SC-26.
        (Field::Ipv6PrimarySubnet, _) => "A /126, or one /125 to split.",
        (Field::Ipv6SecondarySubnet, _) => "A different /126.",
        // [PORTAL-ROUTING] [PS-ROUTING]; the 1–4094 range is [inferred] from 802.1Q (SC-28).
        (Field::VlanId, _) => {
            "1 to 4094. Both links use the same VLAN ID, and no other peering on this circuit may \
             use it."
        }
        // [PORTAL-ROUTING] [TF-PEERING] [PS-ROUTING] SC-29.
        (Field::SharedKey, _) => {
            "Optional MD5 key: up to 25 letters and digits, no special characters. Use the same \
             key on your router."
        }
        // [WF] [ROUTING] [PS-ROUTING] SC-24, SC-33.
        (Field::AdvertisedPublicPrefixes, _) => {
            "The public prefixes you will advertise, separated by commas or new lines, for \
             example 123.1.0.0/24. They must be registered to you (or to the Customer ASN) in a \
             routing registry."
        }
        // [PS-ROUTING]: the AS the prefixes are registered to, when it is not the peer ASN.
        // [PEERINGS]: a customer ASN must be public.
        (Field::CustomerAsn, _) => {
            "Optional: the public AS the prefixes are registered to, when it is not your Peer ASN."
        }
        // [AZ-CLI-PARAMS] [ROUTING] SC-30.
        // Optional: the API records NONE when it is not given. [CLI-ROUTING] [SPEC-2024-05]
        (Field::RoutingRegistryName, _) => {
            "Optional: the registry where the prefixes and AS are recorded (ARIN, APNIC, AFRINIC, LACNIC, RIPENCC, RADB, ALTDB or LEVEL3)."
        }
        _ => return None,
    };
    Some(hint)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::check_resource_name;
    use crate::limits::RESERVED_INTERNAL_ASNS;
    use crate::routing::{PeerAsn, SharedKey, VlanId};

    /// Each number a hint states is where the rule that checks the field turns.
    #[test]
    fn hints_state_the_limits_the_checks_use() {
        let private = |f| field_hint(f, false).unwrap();

        let reserved = format!(
            "{} to {}",
            RESERVED_INTERNAL_ASNS.start(),
            RESERVED_INTERNAL_ASNS.end()
        );
        assert!(private(Field::PeerAsn).contains(&reserved));
        assert!(PeerAsn::parse("65514").is_ok() && PeerAsn::parse("65515").is_err());

        assert!(private(Field::VlanId).starts_with("1 to 4094."));
        for (vlan, ok) in [("0", false), ("1", true), ("4094", true), ("4095", false)] {
            assert_eq!(VlanId::parse(vlan).is_ok(), ok, "VLAN {vlan}");
        }

        assert!(private(Field::SharedKey).contains("up to 25 letters and digits"));
        assert!(SharedKey::parse(&"a".repeat(25)).is_ok());
        assert!(SharedKey::parse(&"a".repeat(26)).is_err());
        assert!(SharedKey::parse("A1B2!").is_err());

        assert!(private(Field::Name).starts_with("1 to 80 "));
        assert!(check_resource_name(&"n".repeat(80)).is_ok());
        assert!(check_resource_name(&"n".repeat(81)).is_err());

        assert!(private(Field::PrimarySubnet).contains("/29"));
        assert!(private(Field::Ipv6PrimarySubnet).contains("/125"));
        assert!(field_hint(Field::PeerAsn, true)
            .unwrap()
            .contains("private ASN needs manual validation"));
        assert!(field_hint(Field::PrimarySubnet, true)
            .unwrap()
            .starts_with("A public /30"));
        assert_eq!(field_hint(Field::ResourceGroup, false), None);
    }
}
