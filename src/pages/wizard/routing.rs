//! Step 4: configure routing — Azure private peering and Microsoft peering, their BGP state, and
//! Microsoft peering's advertised-prefix validation.

use er_core::{
    Action, ActionKind, Circuit, Field, IpFamily, Peering, PeeringInput, PeeringState, PeeringType,
    PrefixOutcome, RegistryName, SkuTier,
};
use leptos::prelude::*;

use crate::components::circuit_page::{act, ActionButton, Blocked, FeedbackCtx, StepLinks};
use crate::components::refusal_text;
use crate::components::{
    Badge, ErrorSummary, SelectField, Sources, StateInfoPanel, TextAreaField, TextField,
};
use crate::pages::wizard::commands::CommandList;
use crate::pages::wizard::form::{clear_drafts, draft_saver, drafts_for, FormState};
use crate::store::use_store;

/// The fields of a peering form, with their starting values.
const FIELDS: &[(&str, &str)] = &[
    ("peer-asn", ""),
    ("primary-subnet", ""),
    ("secondary-subnet", ""),
    ("ipv6-primary-subnet", ""),
    ("ipv6-secondary-subnet", ""),
    ("vlan-id", ""),
    ("shared-key", ""),
    ("advertised-public-prefixes", ""),
    ("customer-asn", ""),
    ("routing-registry-name", ""),
    ("planned-vnet-address-spaces", ""),
];

fn prefix_of(kind: PeeringType) -> &'static str {
    match kind {
        PeeringType::MicrosoftPeering => "microsoft",
        PeeringType::AzurePrivatePeering => "private",
        PeeringType::AzurePublicPeering => "public",
    }
}

fn title_of(kind: PeeringType) -> &'static str {
    match kind {
        PeeringType::MicrosoftPeering => "Microsoft peering",
        PeeringType::AzurePrivatePeering => "Azure private peering",
        PeeringType::AzurePublicPeering => "Azure public peering (retired)",
    }
}

fn input_of(f: &FormState) -> PeeringInput {
    PeeringInput {
        peer_asn: f.value("peer-asn"),
        primary_subnet: f.value("primary-subnet"),
        secondary_subnet: f.value("secondary-subnet"),
        ipv6_primary: f.value("ipv6-primary-subnet"),
        ipv6_secondary: f.value("ipv6-secondary-subnet"),
        vlan_id: f.value("vlan-id"),
        shared_key: f.value("shared-key"),
        advertised_public_prefixes: f.value("advertised-public-prefixes"),
        customer_asn: f.value("customer-asn"),
        routing_registry_name: f.value("routing-registry-name"),
        planned_vnet_address_spaces: f.value("planned-vnet-address-spaces"),
    }
}

/// The form values that show a saved peering, for editing it.
fn fields_of(p: &Peering) -> std::collections::BTreeMap<String, String> {
    let c = &p.config;
    let mut m = std::collections::BTreeMap::new();
    m.insert("peer-asn".to_string(), c.peer_asn.to_string());
    m.insert("vlan-id".to_string(), c.vlan_id.to_string());
    if let Some(pair) = &c.ipv4 {
        m.insert(
            "primary-subnet".to_string(),
            pair.primary().net().to_string(),
        );
        m.insert(
            "secondary-subnet".to_string(),
            pair.secondary().net().to_string(),
        );
    }
    if let Some(pair) = &c.ipv6 {
        m.insert(
            "ipv6-primary-subnet".to_string(),
            pair.primary().net().to_string(),
        );
        m.insert(
            "ipv6-secondary-subnet".to_string(),
            pair.secondary().net().to_string(),
        );
    }
    if let Some(k) = &c.shared_key {
        m.insert("shared-key".to_string(), k.as_str().to_string());
    }
    if let Some(ms) = &c.microsoft {
        let prefixes: Vec<String> = ms
            .advertised_public_prefixes
            .iter()
            .map(|p| p.to_string())
            .collect();
        m.insert(
            "advertised-public-prefixes".to_string(),
            prefixes.join(", "),
        );
        if let Some(a) = ms.customer_asn {
            m.insert("customer-asn".to_string(), a.get().to_string());
        }
        if let Some(r) = ms.routing_registry_name {
            m.insert("routing-registry-name".to_string(), r.to_string());
        }
    }
    m
}

/// Step 4.
#[component]
pub fn RoutingStep(id: String, circuit: Memo<Option<Circuit>>) -> impl IntoView {
    let editing = RwSignal::new(None::<PeeringType>);
    move || {
        circuit.get().map(|c| {
            let id = id.clone();
            let has_peerings = !c.peerings.is_empty();
            // With peerings present, adding another may be refused only because one of that type
            // exists; what matters for the page is whether peerings can be changed at all.
            let gate = er_core::precondition(
                &c,
                if has_peerings { ActionKind::UpdatePeering } else { ActionKind::AddPeering },
            );
            view! {
                <h1>"Configure routing"</h1>
                <p class="lead">{format!("Routing runs over BGP in up to two peerings: Azure private peering, for your virtual networks, and {}. Each peering has a primary and a secondary BGP session.", er_core::microsoft_peering_purpose(c.sku.tier))}</p>
                {match gate {
                    Err(r) if !has_peerings => view! { <Blocked refusal=r/> }.into_any(),
                    Err(r) => view! {
                        <div class="callout warning"><p class="callout-title">"Routing cannot be changed now"</p><p>{refusal_text(&r)}</p></div>
                    }.into_any(),
                    Ok(()) => ().into_any(),
                }}
                <PeeringCard id=id.clone() circuit=c.clone() kind=PeeringType::AzurePrivatePeering editing=editing/>
                <PeeringCard id=id.clone() circuit=c.clone() kind=PeeringType::MicrosoftPeering editing=editing/>
                {c.peering(PeeringType::AzurePublicPeering).map(|p| view! {
                    <section class="card">
                        <h2>"Azure public peering (retired)"</h2>
                        <p>"This circuit still has Azure public peering, which is deprecated and not available for new circuits. Move its traffic to Microsoft peering."</p>
                        <PeeringStates peering=p.clone()/>
                    </section>
                })}
                <crate::pages::wizard::verify::VerifyConnectivity circuit=c.clone()/>
                <StepLinks id=id circuit=c.clone() step=4/>
            }
        })
    }
}

/// The state badges and explanations of one peering.
#[component]
fn PeeringStates(peering: Peering) -> impl IntoView {
    let ms = peering.peering_type == PeeringType::MicrosoftPeering;
    let bgp = peering.bgp_state();
    let bgp_tone = if bgp == er_core::BgpState::Enabled {
        "ok"
    } else {
        "wait"
    };
    let state_tone = if peering.state == PeeringState::Enabled {
        "ok"
    } else {
        "neutral"
    };
    let apps = peering.advertised_public_prefixes_state;
    let apps_tone = match apps {
        er_core::AdvertisedPublicPrefixesState::Configured => "ok",
        er_core::AdvertisedPublicPrefixesState::ValidationNeeded => "bad",
        _ => "wait",
    };
    let addresses = peering
        .config
        .ipv4
        .iter()
        .chain(peering.config.ipv6.iter())
        .flat_map(|pair| [("Primary", pair.primary()), ("Secondary", pair.secondary())])
        .map(|(which, link)| {
            format!(
                "{which} link {}: your router {}, Microsoft {}",
                link.net(),
                link.customer_address(),
                link.microsoft_address()
            )
        })
        .collect::<Vec<_>>();
    view! {
        <p class="badges">
            <Badge label="State" value=peering.state.to_string() tone=state_tone/>
            <Badge label="BGP" value=bgp.to_string() tone=bgp_tone/>
            {ms.then(|| view! { <Badge label="Advertised public prefixes" value=apps.to_string() tone=apps_tone/> })}
        </p>
        <ul class="plain">
            <li>{format!("Peer ASN {} · Azure ASN {} · VLAN ID {}", peering.config.peer_asn, peering.azure_asn, peering.config.vlan_id)}</li>
            {addresses.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}
        </ul>
        <details class="explain">
            <summary>"What these states mean"</summary>
            <StateInfoPanel of="State" info=er_core::explain_peering_state(peering.state)/>
            <StateInfoPanel of="BGP" info=er_core::explain_bgp_state(bgp)/>
            {ms.then(|| view! { <StateInfoPanel of="Advertised public prefixes" info=er_core::explain_prefixes_state(apps)/> })}
        </details>
    }
}

/// One peering: its states and actions, or the button to configure it; and its form.
#[component]
fn PeeringCard(
    id: String,
    circuit: Circuit,
    kind: PeeringType,
    editing: RwSignal<Option<PeeringType>>,
) -> impl IntoView {
    let existing = circuit.peering(kind).cloned();
    let title = title_of(kind);
    let heading_id = format!("{}-title", prefix_of(kind));
    let ms = kind == PeeringType::MicrosoftPeering;
    let body = match existing.clone() {
        None => view! {
            <p>{if ms { format!("Not configured. Configure {}.", er_core::microsoft_peering_purpose(circuit.sku.tier)) } else { "Not configured. Configure it to reach your virtual networks.".to_string() }}</p>
        }
        .into_any(),
        Some(p) => {
            let toggle = if p.state == PeeringState::Enabled { PeeringState::Disabled } else { PeeringState::Enabled };
            let toggle_label = if toggle == PeeringState::Disabled { format!("Disable {title}") } else { format!("Enable {title}") };
            view! {
                <PeeringStates peering=p.clone()/>
                {ms.then(|| view! { <PrefixValidation id=id.clone() circuit=circuit.clone() peering=p.clone()/> })}
                {ms.then(|| view! { <crate::pages::wizard::route_filter::RouteFilterSection id=id.clone() circuit=circuit.clone()/> })}
                <p class="row-actions">
                    <ActionButton id=id.clone() action=Action::SetPeeringState { kind, state: toggle } label=toggle_label class="secondary"/>
                    <ActionButton id=id.clone() action=Action::RemovePeering { kind } label=format!("Remove {title}") class="warning"/>
                </p>
            }
            .into_any()
        }
    };
    let configure_label = if existing.is_some() {
        format!("Change {title}")
    } else {
        format!("Configure {title}")
    };
    let labelledby = heading_id.clone();
    let tier = circuit.sku.tier;
    // Once Microsoft peering exists, the route filter is a blocking item of its own (below);
    // before, this says why it will be needed. [ROUTE-FILTER]
    let route_filter_note = existing.is_none();
    view! {
        <section class="card" aria-labelledby=labelledby>
            <h2 id=heading_id>{title}</h2>
            {ms.then(|| view! {
                <div class="callout warning">
                    <p class="callout-title">"Avoid asymmetric routing"</p>
                    <p>{er_core::Warning::AsymmetricRouting.to_string()}</p>
                    <Sources cited=er_core::Warning::AsymmetricRouting.source_key()/>
                    {route_filter_note.then(|| view! {
                        <p class="callout-title">"Attach a route filter"</p>
                        <p>{er_core::Warning::RouteFilterRequired.to_string()}</p>
                        <Sources cited=er_core::Warning::RouteFilterRequired.source_key()/>
                    })}
                </div>
            })}
            {body}
            <Show when=move || editing.get() != Some(kind)>
                <button type="button" class="button" on:click=move |_| {
                    editing.set(Some(kind));
                    let first = format!("{}-peer-asn", prefix_of(kind));
                    request_animation_frame(move || crate::components::focus_id(&first));
                }>{configure_label.clone()}</button>
            </Show>
            <Show when=move || editing.get() == Some(kind)>
                <PeeringForm id=id.clone() circuit=circuit.clone() kind=kind editing=editing/>
            </Show>
            <RouteLimits tier=tier kind=kind/>
            {ms.then(|| view! {
                <details class="explain">
                    <summary>"BGP communities"</summary>
                    <p>{er_core::COMMUNITIES}</p>
                    <table class="table">
                        <caption>"Service communities on Microsoft peering"</caption>
                        <thead><tr><th scope="col">"Service"</th><th scope="col">"Community"</th></tr></thead>
                        <tbody>
                            {er_core::SERVICE_COMMUNITIES.iter().map(|(service, community)| view! {
                                <tr><td>{*service}</td><td><code>{*community}</code></td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </details>
            })}
        </section>
    }
}

/// The peering's route limits (SC-37), and a check of how many routes you plan to advertise.
#[component]
fn RouteLimits(tier: SkuTier, kind: PeeringType) -> impl IntoView {
    let prefix = prefix_of(kind);
    let count = RwSignal::new(String::new());
    let family = RwSignal::new(IpFamily::V4.as_str().to_string());
    let result = RwSignal::new(None::<Result<er_core::StateInfo, er_core::Refusal>>);
    let error = Signal::derive(move || {
        result.with(|r| match r {
            Some(Err(e)) => Some(refusal_text(e)),
            _ => None,
        })
    });
    let on_check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fam = if family.get_untracked() == IpFamily::V6.as_str() {
            IpFamily::V6
        } else {
            IpFamily::V4
        };
        result.set(Some(er_core::check_route_count(
            tier,
            kind,
            fam,
            &count.get_untracked(),
        )));
    };
    let families = [IpFamily::V4, IpFamily::V6]
        .iter()
        .map(|f| (f.as_str().to_string(), f.as_str().to_string()))
        .collect();
    view! {
        <p class="route-limits">{er_core::route_limits_text(tier, kind)}</p>
        <details class="explain">
            <summary>"Check a route count"</summary>
            <form class="inline-form" novalidate on:submit=on_check>
                <TextField id=format!("{prefix}-route-count") label="Routes you advertise" inputmode="numeric" width="input-short" value=count error=error/>
                <SelectField id=format!("{prefix}-route-family") label="Address family" options=families value=family error=Signal::derive(|| None::<String>)/>
                <button type="submit" class="button secondary">"Check"</button>
            </form>
            <div role="status">
                {move || result.with(|r| r.as_ref().and_then(|r| r.as_ref().ok()).cloned()).map(|info| view! { <StateInfoPanel info=info level=4/> })}
            </div>
        </details>
    }
}

/// The peering form, with the portal's labels; validated by the core on Save.
#[component]
fn PeeringForm(
    id: String,
    circuit: Circuit,
    kind: PeeringType,
    editing: RwSignal<Option<PeeringType>>,
) -> impl IntoView {
    let store = use_store();
    let fb = expect_context::<FeedbackCtx>();
    let prefix = prefix_of(kind);
    let mut draft = drafts_for(&id, prefix);
    if draft.is_empty() {
        // Editing an existing peering starts from its saved values.
        if let Some(p) = circuit.peering(kind) {
            draft = fields_of(p);
        }
    }
    let f = FormState::new(prefix, FIELDS, &draft, draft_saver(id.clone(), prefix));
    let exists = circuit.peering(kind).is_some();
    let ms = kind == PeeringType::MicrosoftPeering;
    let hint = move |field| er_core::field_hint(field, ms).unwrap_or_default();
    let submit_id = id.clone();
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current = store
            .data
            .with_untracked(|d| d.get(&submit_id).map(|c| c.circuit.clone()));
        let Some(current) = current else { return };
        match er_core::validate_peering(&current, kind, &input_of(&f)) {
            Err(errs) => f.set_errors(&errs),
            Ok(v) => {
                f.set_errors(&[]);
                let action = if exists {
                    Action::UpdatePeering {
                        kind,
                        config: v.config,
                    }
                } else {
                    Action::AddPeering {
                        kind,
                        config: v.config,
                    }
                };
                let label = if exists {
                    format!("Change {}", title_of(kind))
                } else {
                    format!("Add {}", title_of(kind))
                };
                match act(store, fb, &submit_id, action, &label) {
                    crate::persist::model::Outcome::Refused(r) => f.set_refusal(&r, "peer-asn"),
                    _ => {
                        clear_drafts(store, &submit_id, prefix);
                        editing.set(None);
                    }
                }
            }
        }
    };
    let registries: Vec<(String, String)> =
        // Optional: Azure records NONE when no registry is given. [CLI-ROUTING]
        std::iter::once((String::new(), "None (not given)".to_string()))
            .chain(
                RegistryName::ALL
                    .iter()
                    .map(|r| (r.to_string(), r.to_string())),
            )
            .collect();
    view! {
        <form novalidate on:submit=on_save class="peering-form">
            <ErrorSummary problems=f.problems()/>
            <TextField id=f.id("peer-asn") label="Peer ASN" inputmode="numeric" width="input-short" value=f.sig("peer-asn") error=f.error("peer-asn")
                hint=hint(Field::PeerAsn)/>
            <TextField id=f.id("primary-subnet") label="Primary subnet" width="input-medium" value=f.sig("primary-subnet") error=f.error("primary-subnet")
                hint=hint(Field::PrimarySubnet)/>
            <TextField id=f.id("secondary-subnet") label="Secondary subnet" width="input-medium" value=f.sig("secondary-subnet") error=f.error("secondary-subnet")
                hint=hint(Field::SecondarySubnet)/>
            <details class="optional">
                <summary>"IPv6 (optional)"</summary>
                <TextField id=f.id("ipv6-primary-subnet") label="IPv6 primary subnet" width="input-long" value=f.sig("ipv6-primary-subnet") error=f.error("ipv6-primary-subnet") hint=hint(Field::Ipv6PrimarySubnet)/>
                <TextField id=f.id("ipv6-secondary-subnet") label="IPv6 secondary subnet" width="input-long" value=f.sig("ipv6-secondary-subnet") error=f.error("ipv6-secondary-subnet") hint=hint(Field::Ipv6SecondarySubnet)/>
            </details>
            <TextField id=f.id("vlan-id") label="VLAN ID" inputmode="numeric" width="input-short" value=f.sig("vlan-id") error=f.error("vlan-id")
                hint=hint(Field::VlanId)/>
            <TextField id=f.id("shared-key") label="Shared key" width="input-medium" value=f.sig("shared-key") error=f.error("shared-key")
                hint=hint(Field::SharedKey)/>
            {if ms {
                view! {
                    <TextAreaField id=f.id("advertised-public-prefixes") label="Advertised public prefixes" value=f.sig("advertised-public-prefixes") error=f.error("advertised-public-prefixes")
                        hint=hint(Field::AdvertisedPublicPrefixes)/>
                    <TextField id=f.id("customer-asn") label="Customer ASN" inputmode="numeric" width="input-short" value=f.sig("customer-asn") error=f.error("customer-asn")
                        hint=hint(Field::CustomerAsn)/>
                    <SelectField id=f.id("routing-registry-name") label="Routing registry name" options=registries.clone() value=f.sig("routing-registry-name") error=f.error("routing-registry-name")
                        hint=hint(Field::RoutingRegistryName)/>
                }.into_any()
            } else {
                view! {
                    <TextField id=f.id("planned-vnet-address-spaces") label="Virtual network address spaces" width="input-long" value=f.sig("planned-vnet-address-spaces") error=f.error("planned-vnet-address-spaces")
                        hint="Optional: the address spaces of the VNets you plan to link, so overlaps with the peering subnets are caught now. Linked VNets are always checked."/>
                }.into_any()
            }}
            <p class="row-actions">
                <button type="submit" class="button">{if exists { "Save changes" } else { "Save peering" }}</button>
                <button type="button" class="button secondary" on:click=move |_| editing.set(None)>"Cancel"</button>
            </p>
        </form>
    }
}

/// The fields of the signed prefix validation form.
const SIGNED_FIELDS: &[(&str, &str)] = &[("prefix", ""), ("validation-id", ""), ("signature", "")];

/// Adds a prefix's validation ID and signature (the signed validation of Microsoft peering); the
/// core refuses what Azure PowerShell refuses, shown on the field it concerns.
#[component]
fn PrefixSignatureForm(id: String, peering: Peering) -> impl IntoView {
    const PREFIX: &str = "prefix-signature";
    let store = use_store();
    let fb = expect_context::<FeedbackCtx>();
    let advertised: Vec<String> = peering
        .config
        .microsoft
        .as_ref()
        .map(|m| {
            m.advertised_public_prefixes
                .iter()
                .map(ToString::to_string)
                .collect()
        })
        .unwrap_or_default();
    let mut draft = drafts_for(&id, PREFIX);
    if !draft.contains_key("prefix") {
        // Start on the first prefix that still needs its validation info.
        let open = peering
            .prefix_info
            .iter()
            .find(|i| !i.has_validation_info())
            .map(|i| i.prefix.to_string())
            .or_else(|| advertised.first().cloned())
            .unwrap_or_default();
        draft.insert("prefix".into(), open);
    }
    let f = FormState::new(
        PREFIX,
        SIGNED_FIELDS,
        &draft,
        draft_saver(id.clone(), PREFIX),
    );
    let options: Vec<(String, String)> =
        advertised.iter().map(|p| (p.clone(), p.clone())).collect();
    let submit_id = id.clone();
    let on_add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(prefix) = f.value("prefix").trim().parse() else {
            f.set_problem(
                "prefix",
                "Choose one of the advertised public prefixes.".into(),
            );
            return;
        };
        let action = Action::AddPrefixValidationInfo {
            prefix,
            validation_id: f.value("validation-id"),
            signature: f.value("signature"),
        };
        match act(store, fb, &submit_id, action, "Add prefix validation info") {
            crate::persist::model::Outcome::Refused(r) => f.set_refusal(&r, "prefix"),
            _ => {
                f.set_errors(&[]);
                clear_drafts(store, &submit_id, PREFIX);
            }
        }
    };
    view! {
        <form novalidate on:submit=on_add class="peering-form prefix-signature">
            <h4>"Validate a prefix by signature"</h4>
            <p>{er_core::SIGNED_PROCESS}</p>
            <ErrorSummary problems=f.problems()/>
            <SelectField id=f.id("prefix") label="Prefix" options=options value=f.sig("prefix") error=f.error("prefix")
                hint="One of the advertised public prefixes."/>
            <TextField id=f.id("validation-id") label="Validation ID" width="input-long" value=f.sig("validation-id") error=f.error("validation-id")
                hint="As Microsoft gives it for this prefix, for example Azure-SKEY|<service key>|123.1.0.0/24|ASN-23."/>
            <TextAreaField id=f.id("signature") label="Signature" value=f.sig("signature") error=f.error("signature")
                hint="The validation ID signed with the private key whose certificate is in the routing registry, base64-encoded, as one line."/>
            <p class="row-actions">
                <button type="submit" class="button">"Add validation info"</button>
            </p>
        </form>
    }
}

/// Microsoft peering's advertised-prefix validation: the state, what to do, and simulated outcomes.
#[component]
fn PrefixValidation(id: String, circuit: Circuit, peering: Peering) -> impl IntoView {
    let apps = peering.advertised_public_prefixes_state;
    let info = er_core::explain_prefixes_state(apps);
    let per_prefix = peering.prefix_info.clone();
    let signed_commands = er_core::commands::prefix_validation(&circuit);
    // Microsoft's signature check failing for want of the certificate (the demo's case).
    let failed = peering
        .prefix_info
        .iter()
        .find(|i| i.has_validation_info())
        .or_else(|| peering.prefix_info.first())
        .map(|i| PrefixOutcome::PrefixFailed {
            prefix: i.prefix,
            state: er_core::PrefixValidationState::CertificateMissingInRoutingRegistry,
        });
    let outcomes = [
        (PrefixOutcome::Validated, "Validation succeeds"),
        (
            PrefixOutcome::ValidationNeeded,
            "Automatic validation fails",
        ),
        (
            PrefixOutcome::ManualValidationNeeded,
            "Manual validation needed",
        ),
        (
            PrefixOutcome::SupportTicketResolved,
            "Support ticket resolved",
        ),
    ];
    view! {
        <section class="prefix-validation" aria-label="Advertised prefix validation">
            <h3>"Advertised prefix validation"</h3>
            <StateInfoPanel info=info level=4/>
            {(!per_prefix.is_empty()).then(|| view! {
                // Focusable: on a narrow screen the table scrolls sideways, and a keyboard must
                // be able to scroll it too (its caption names it).
                <table class="table" tabindex="0">
                    <caption>"Validation state of each prefix"</caption>
                    <thead><tr><th scope="col">"Prefix"</th><th scope="col">"Validation state"</th><th scope="col">"Signature"</th><th scope="col">"What it means"</th></tr></thead>
                    <tbody>
                        {per_prefix.into_iter().map(|p| {
                            let info = er_core::explain_prefix_validation(p.validation_state);
                            let signed = if p.has_validation_info() { "Added" } else { "None" };
                            view! { <tr><td>{p.prefix.to_string()}</td><td>{p.validation_state.to_string()}</td><td>{signed}</td><td>{info.meaning}" "{info.next_steps.join(" ")}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            <div class="simulation">
                <p class="callout-title">"Simulation: Microsoft's validation"</p>
                <p>"Microsoft checks the prefixes against the routing registries; play the outcome here."</p>
                <p class="row-actions">
                    {outcomes.into_iter().map(|(o, label)| view! { <ActionButton id=id.clone() action=Action::SetPrefixValidation { outcome: o } label=label class="secondary"/> }).collect_view()}
                    {failed.map(|o| view! { <ActionButton id=id.clone() action=Action::SetPrefixValidation { outcome: o } label="Certificate missing in the registry" class="secondary"/> })}
                </p>
            </div>
            <PrefixSignatureForm id=id.clone() peering=peering.clone()/>
            <CommandList pairs=signed_commands heading="Do it for real: sign and add the validation info"/>
        </section>
    }
}
