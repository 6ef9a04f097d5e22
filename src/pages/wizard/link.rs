//! Step 5: link virtual networks — in the same subscription, or in another one with an
//! authorization key — with the link limit of this SKU and bandwidth.

use er_core::{
    Action, ActionKind, AuthorizationUseStatus, Circuit, VnetLinkInput, MAX_AUTHORIZATIONS,
};
use leptos::prelude::*;

use crate::components::circuit_page::{act, ActionButton, Blocked, FeedbackCtx, StepLinks};
use crate::components::CopyButton;
use crate::components::{ErrorSummary, RadioGroup, StateInfoPanel, TextField};
use crate::guid::new_guid;
use crate::pages::wizard::form::{clear_drafts, draft_saver, drafts_for, FormState};
use crate::store::use_store;

const LINK_FIELDS: &[(&str, &str)] = &[
    ("connection-name", ""),
    ("vnet-name", ""),
    ("vnet-region", ""),
    ("vnet-address-space", ""),
    ("subscription", "same"),
    ("authorization-key", ""),
];

const AUTH_FIELDS: &[(&str, &str)] = &[("authorization-name", "")];

/// Step 5.
/// " 2 of them are Global Reach connections (…)." when the circuit has any (read from a real
/// circuit): they use links that no VNet in the list below accounts for.
fn global_reach_text(c: &Circuit) -> Option<String> {
    let names: Vec<&str> = c
        .peerings
        .iter()
        .flat_map(|p| {
            p.global_reach
                .iter()
                .chain(&p.peer_global_reach)
                .map(|g| g.name.as_str())
        })
        .collect();
    (!names.is_empty()).then(|| {
        format!(
            " {} of them {} Global Reach connection{} ({}).",
            names.len(),
            if names.len() == 1 { "is a" } else { "are" },
            if names.len() == 1 { "" } else { "s" },
            names.join(", ")
        )
    })
}

#[component]
pub fn LinkStep(id: String, circuit: Memo<Option<Circuit>>) -> impl IntoView {
    // The authorization just added on this page: its key is shown in full until the page is left.
    let fresh: RwSignal<Option<String>> = RwSignal::new(None);
    move || {
        circuit.get().map(|c| {
            let id = id.clone();
            let gate = er_core::precondition(&c, ActionKind::LinkVnet);
            let limit = c.link_limit();
            let used = c.links_used();
            view! {
                <h1>"Link virtual networks"</h1>
                <p class="lead">"Connect virtual networks to the circuit through their ExpressRoute gateways. A VNet in the circuit's own subscription links directly; a VNet in another subscription needs an authorization key from the circuit owner."</p>
                <p class="limit"><strong>{format!("{used} of {limit} links used.")}</strong>{global_reach_text(&c)}{format!(" A {} circuit of {} allows {limit} VNet links; Global Reach connections count against the same limit.", c.sku.tier, c.bandwidth_text())}
                    {er_core::link_region_rule(c.sku.tier).map(|rule| format!(" {rule}"))}
                </p>
                <p>{er_core::vnet_route_limits_text(c.sku.tier)}</p>
                {match (&gate, c.vnet_links.is_empty()) {
                    (Err(r), true) => view! { <Blocked refusal=r.clone()/> }.into_any(),
                    _ => ().into_any(),
                }}
                <Links id=id.clone() circuit=c.clone()/>
                {gate.is_ok().then(|| view! { <LinkForm id=id.clone() circuit=c.clone()/> })}
                <Authorizations id=id.clone() circuit=c.clone() fresh=fresh/>
                <crate::pages::wizard::global_reach::GlobalReachSection id=id.clone() circuit=c.clone()/>
                <crate::pages::wizard::commands::CommandsFor circuit=c.clone() step=5/>
                <StepLinks id=id circuit=c.clone() step=5/>
            }
        })
    }
}

#[component]
fn Links(id: String, circuit: Circuit) -> impl IntoView {
    if circuit.vnet_links.is_empty() {
        return view! { <p>"No virtual networks are linked yet."</p> }.into_any();
    }
    view! {
        <table class="table">
            <caption>"Linked virtual networks"</caption>
            <thead><tr><th scope="col">"Connection"</th><th scope="col">"Virtual network"</th><th scope="col">"Region"</th><th scope="col">"Address space"</th><th scope="col">"Subscription"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
            <tbody>
                {circuit.vnet_links.iter().map(|l| {
                    let spaces: Vec<String> = l.address_spaces.iter().map(|s| s.to_string()).collect();
                    view! {
                        <tr>
                            <td>{l.name.clone()}</td>
                            <td>{l.vnet_name.clone()}</td>
                            <td>{l.vnet_region.clone()}</td>
                            <td>{spaces.join(", ")}</td>
                            <td>{match &l.authorization { Some(a) => format!("Other, with authorization {a}"), None => "Same as the circuit".to_string() }}</td>
                            <td><ActionButton id=id.clone() action=Action::UnlinkVnet { name: l.name.clone() } label=format!("Unlink {}", l.name) class="secondary small"/></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn LinkForm(id: String, circuit: Circuit) -> impl IntoView {
    let store = use_store();
    let fb = expect_context::<FeedbackCtx>();
    let f = FormState::new(
        "link",
        LINK_FIELDS,
        &drafts_for(&id, "link"),
        draft_saver(id.clone(), "link"),
    );
    let sub = f.sig("subscription");
    let available: Vec<String> = circuit
        .authorizations
        .iter()
        .filter(|a| a.authorization_use_status == AuthorizationUseStatus::Available)
        .map(|a| format!("{} ({})", a.name, er_core::shorten(&a.authorization_key)))
        .collect();
    let submit_id = id.clone();
    let on_link = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let other = f.value("subscription") == "other";
        let input = VnetLinkInput {
            connection_name: f.value("connection-name"),
            vnet_name: f.value("vnet-name"),
            vnet_region: f.value("vnet-region"),
            address_spaces: f.value("vnet-address-space"),
            authorization_key: f.value("authorization-key"),
            other_subscription: other,
        };
        match er_core::validate_vnet_link(&input) {
            Err(errs) => f.set_errors(&errs),
            Ok(link) => {
                f.set_errors(&[]);
                let label = format!("Link {}", link.vnet_name);
                match act(store, fb, &submit_id, Action::LinkVnet { link }, &label) {
                    crate::persist::model::Outcome::Refused(r) => {
                        f.set_refusal(&r, "connection-name")
                    }
                    _ => {
                        clear_drafts(store, &submit_id, "link");
                        for k in [
                            "connection-name",
                            "vnet-name",
                            "vnet-region",
                            "vnet-address-space",
                            "authorization-key",
                        ] {
                            f.sig(k).set(String::new());
                        }
                    }
                }
            }
        }
    };
    view! {
        <section class="card" aria-labelledby="link-title">
            <h2 id="link-title">"Link a virtual network"</h2>
            <form novalidate on:submit=on_link>
                <ErrorSummary problems=f.problems()/>
                <RadioGroup id=f.id("subscription") legend="Which subscription is the virtual network in?" value=sub error=f.error("subscription")
                    options=vec![
                        ("same".into(), "The circuit's subscription".into(), String::new()),
                        ("other".into(), "Another subscription".into(), "Needs an authorization key from the circuit owner: one key per connection.".into()),
                    ]/>
                <TextField id=f.id("connection-name") label="Connection name" width="input-medium" value=f.sig("connection-name") error=f.error("connection-name") hint="For example ERConnection."/>
                <TextField id=f.id("vnet-name") label="Virtual network" width="input-medium" value=f.sig("vnet-name") error=f.error("vnet-name") hint="The VNet whose ExpressRoute gateway connects to the circuit."/>
                <TextField id=f.id("vnet-region") label="Virtual network region" width="input-medium" value=f.sig("vnet-region") error=f.error("vnet-region") hint="For example East US."/>
                <TextField id=f.id("vnet-address-space") label="Address space" width="input-long" value=f.sig("vnet-address-space") error=f.error("vnet-address-space") hint="The VNet's address spaces, separated by commas, for example 10.1.0.0/16."/>
                <Show when=move || sub.get() == "other">
                    <TextField id=f.id("authorization-key") label="Authorization key" width="input-long" value=f.sig("authorization-key") error=f.error("authorization-key")
                        hint=if available.is_empty() { "No authorization is available: add one below first.".to_string() } else { format!("Available: {}", available.join("; ")) }/>
                </Show>
                <button type="submit" class="button">"Link virtual network"</button>
            </form>
        </section>
    }
}

#[component]
fn Authorizations(id: String, circuit: Circuit, fresh: RwSignal<Option<String>>) -> impl IntoView {
    let store = use_store();
    let fb = expect_context::<FeedbackCtx>();
    let f = FormState::new(
        "auth",
        AUTH_FIELDS,
        &drafts_for(&id, "auth"),
        draft_saver(id.clone(), "auth"),
    );
    let submit_id = id.clone();
    let on_add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = f.value("authorization-name").trim().to_string();
        let action = Action::AddAuthorization {
            name: name.clone(),
            key: new_guid(),
        };
        match act(
            store,
            fb,
            &submit_id,
            action,
            &format!("Add authorization {name}"),
        ) {
            crate::persist::model::Outcome::Refused(r) => f.set_refusal(&r, "authorization-name"),
            _ => {
                fresh.set(Some(name.clone()));
                f.set_errors(&[]);
                clear_drafts(store, &submit_id, "auth");
                f.sig("authorization-name").set(String::new());
            }
        }
    };
    let count = circuit.authorizations.len();
    // Each status present on the circuit, once, in the enum's order.
    let statuses: Vec<AuthorizationUseStatus> = AuthorizationUseStatus::ALL
        .iter()
        .copied()
        .filter(|st| {
            circuit
                .authorizations
                .iter()
                .any(|a| a.authorization_use_status == *st)
        })
        .collect();
    view! {
        <section class="card" aria-labelledby="auth-title">
            <h2 id="auth-title">"Authorizations"</h2>
            <p>{format!("{count} of {MAX_AUTHORIZATIONS} authorizations. Each authorization key is valid for one connection; deleting an authorization removes the connection that uses it.")}</p>
            {(!circuit.authorizations.is_empty()).then(|| view! {
                <table class="table">
                    <caption>"Authorizations on this circuit"</caption>
                    <thead><tr><th scope="col">"Name"</th><th scope="col">"Authorization key"</th><th scope="col">"Status"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                    <tbody>
                        {circuit.authorizations.iter().map(|a| {
                            let (name, key) = (a.name.clone(), a.authorization_key.clone());
                            let key_cell = move || {
                                let what = format!("authorization key {name}");
                                if key.is_empty() {
                                    view! { <span class="meta">"Not known here (left out of a shared link or redacted)"</span> }.into_any()
                                } else if fresh.get().as_deref() == Some(name.as_str()) {
                                    view! {
                                        <code>{key.clone()}</code>" "<CopyButton text=key.clone() what=what/>
                                        <span class="meta key-note">" Shown in full only now: copy it for the owner of the other subscription."</span>
                                    }.into_any()
                                } else {
                                    view! { <code>{er_core::shorten(&key)}</code>" "<CopyButton text=key.clone() what=what/> }.into_any()
                                }
                            };
                            view! {
                            <tr>
                                <td>{a.name.clone()}</td>
                                <td>{key_cell}</td>
                                <td>{a.authorization_use_status.to_string()}</td>
                                <td><ActionButton id=id.clone() action=Action::RemoveAuthorization { name: a.name.clone() } label=format!("Remove authorization {}", a.name) class="secondary small"/></td>
                            </tr>
                        }}).collect_view()}
                    </tbody>
                </table>
                <details class="explain">
                    <summary>"What these statuses mean"</summary>
                    {statuses.iter().map(|st| view! { <StateInfoPanel of="Status" info=er_core::explain_authorization(*st) level=4/> }).collect_view()}
                </details>
            })}
            <form novalidate on:submit=on_add>
                <ErrorSummary problems=f.problems()/>
                <TextField id=f.id("authorization-name") label="Authorization name" width="input-medium" value=f.sig("authorization-name") error=f.error("authorization-name") hint="For example MyAuthorization1. The key is generated for you; give it to the owner of the other subscription."/>
                <button type="submit" class="button secondary">"Add authorization"</button>
            </form>
        </section>
    }
}
