//! Step 5, Global Reach: the connections between this circuit's private peering and other
//! circuits' (made here, or made on the other circuit), the form that adds one with the Azure
//! portal's labels, and the commands. Every rule is the core's (`er_core::global_reach`).

use er_core::global_reach::{
    add_command, can_offer, connect, disconnect, remove_command, show_command,
    validate_global_reach,
};
use er_core::{
    commands::circuit_resource_id, Circuit, GlobalReachConnection, GlobalReachField,
    GlobalReachInput, PeeringType,
};
use leptos::prelude::*;

use crate::components::circuit_page::{Feedback, FeedbackCtx};
use crate::components::refusal_text;
use crate::components::{ErrorSummary, SelectField, Sources, TextField};
use crate::pages::wizard::commands::CommandList;
use crate::pages::wizard::form::{clear_drafts, draft_saver, drafts_for, FormState};
use crate::route::{Route, Section};
use crate::store::{now, use_store, Store};

const FIELDS: &[(&str, &str)] = &[
    ("name", ""),
    ("peer", ""),
    ("ipv4", ""),
    ("ipv6", ""),
    ("authorization-key", ""),
];

/// The form key of a core field.
fn key(f: GlobalReachField) -> &'static str {
    match f {
        GlobalReachField::Name => "name",
        GlobalReachField::Peer => "peer",
        GlobalReachField::Ipv4Subnet => "ipv4",
        GlobalReachField::Ipv6Subnet => "ipv6",
        GlobalReachField::AuthorizationKey => "authorization-key",
    }
}

/// The form key of the core field a refusal names, if this form has it.
fn key_of(field: er_core::Field) -> Option<&'static str> {
    [
        GlobalReachField::Name,
        GlobalReachField::Peer,
        GlobalReachField::Ipv4Subnet,
        GlobalReachField::Ipv6Subnet,
        GlobalReachField::AuthorizationKey,
    ]
    .into_iter()
    .find(|g| er_core::Field::from(*g) == field)
    .map(key)
}

/// The saved circuit (id, circuit) whose resource id is `resource_id`.
fn saved_by_resource_id(store: Store, resource_id: &str) -> Option<(String, Circuit)> {
    store.data.with_untracked(|d| {
        d.circuits
            .iter()
            .find(|s| circuit_resource_id(&s.circuit).eq_ignore_ascii_case(resource_id))
            .map(|s| (s.id.clone(), s.circuit.clone()))
    })
}

fn feedback(fb: FeedbackCtx, ok: bool, title: String, lines: Vec<String>) {
    fb.0.set(Some(Feedback { ok, title, lines }));
    if !ok {
        request_animation_frame(|| crate::components::focus_id("action-feedback"));
    }
}

/// The Global Reach part of step 5.
#[component]
pub fn GlobalReachSection(id: String, circuit: Circuit) -> impl IntoView {
    let store = use_store();
    // Other saved circuits this one could be joined to: both have private peering. [GR-PS]
    let others: Vec<(String, Circuit)> = store.data.with_untracked(|d| {
        d.circuits
            .iter()
            .filter(|s| s.id != id && can_offer(&circuit, &s.circuit))
            .map(|s| (s.id.clone(), s.circuit.clone()))
            .collect()
    });
    let has_private = circuit.peering(PeeringType::AzurePrivatePeering).is_some();
    let connections: Vec<(GlobalReachConnection, bool)> = circuit
        .peerings
        .iter()
        .flat_map(|p| {
            p.global_reach
                .iter()
                .map(|g| (g.clone(), true))
                .chain(p.peer_global_reach.iter().map(|g| (g.clone(), false)))
        })
        .collect();
    let commands: Vec<er_core::commands::CommandPair> = connections
        .iter()
        .filter(|(_, here)| *here)
        .flat_map(|(g, _)| {
            [
                add_command(&circuit, g, None),
                show_command(&circuit, &g.name),
                remove_command(&circuit, &g.name),
            ]
        })
        .collect();
    let offer = if !has_private {
        view! { <p>"Global Reach joins the private peerings of two circuits: configure Azure private peering on this circuit first (step 4)."</p> }.into_any()
    } else if others.is_empty() {
        view! { <p>"Global Reach needs a second circuit with Azure private peering: none of your other saved circuits has it yet. Create or import it, configure its private peering, and the form to join the two appears here and on that circuit's step 5."</p> }.into_any()
    } else {
        view! { <AddGlobalReach id=id.clone() circuit=circuit.clone() others=others/> }.into_any()
    };
    view! {
        <section class="card global-reach" aria-labelledby="global-reach-title">
            <h2 id="global-reach-title">"Global Reach"</h2>
            <p>"Global Reach connects this circuit's private peering to another circuit's, so the on-premises networks behind the two reach each other over Microsoft's network. Both circuits need private peering, at different peering locations in countries where Microsoft offers Global Reach; across geopolitical regions both need Premium. Each connection counts against both circuits' link limit."</p>
            <Sources cited="[GLOBAL-REACH] [GR-FAQ] [GR-PORTAL] [LIMITS]"/>
            <ConnectionTable id=id.clone() circuit=circuit.clone() connections=connections/>
            {offer}
            <CommandList pairs=commands heading="Do it for real: Global Reach in Az PowerShell and Azure CLI"/>
        </section>
    }
}

#[component]
fn ConnectionTable(
    id: String,
    circuit: Circuit,
    connections: Vec<(GlobalReachConnection, bool)>,
) -> impl IntoView {
    if connections.is_empty() {
        return view! { <p>"No Global Reach connections on this circuit."</p> }.into_any();
    }
    let store = use_store();
    let fb = expect_context::<FeedbackCtx>();
    view! {
        <table class="table">
            <caption>"Global Reach connections"</caption>
            <thead><tr>
                <th scope="col">"Global Reach name"</th>
                <th scope="col">"ExpressRoute circuit"</th>
                <th scope="col">"Global Reach IPv4 subnet"</th>
                <th scope="col">"Global Reach IPv6 subnet"</th>
                <th scope="col">"Status"</th>
                <th scope="col"><span class="visually-hidden">"Actions"</span></th>
            </tr></thead>
            <tbody>
                {connections.into_iter().map(|(g, here)| {
                    let other = g.peer_circuit_name().to_string();
                    let other_text = if other.is_empty() { "Not known".to_string() } else { other.clone() };
                    let v4 = g.address_prefix.map_or_else(|| "Not known".to_string(), |n| n.to_string());
                    let v6 = g.ipv6_address_prefix.map_or_else(|| "None".to_string(), |n| n.to_string());
                    let status = g.status.map_or_else(|| "Not known".to_string(), |s| s.to_string());
                    let action = if here {
                        let (id, circuit, name) = (id.clone(), circuit.clone(), g.name.clone());
                        let peer_id = g.peer_circuit_id.clone();
                        let label = format!("Remove Global Reach {name}");
                        let text = label.clone();
                        view! {
                            <button type="button" class="button secondary small" on:click=move |_| {
                                let peer = saved_by_resource_id(store, &peer_id);
                                match disconnect(&circuit, peer.as_ref().map(|(_, c)| c), &name) {
                                    Ok((made_on, peer_after)) => {
                                        let t = now();
                                        store.update(|d| {
                                            if let Some(s) = d.get_mut(&id) {
                                                s.record(made_on.circuit.clone(), &label, made_on.notes.clone(), t);
                                            }
                                            if let (Some((pid, _)), Some(after)) = (&peer, peer_after) {
                                                if let Some(s) = d.get_mut(pid) {
                                                    s.record(after, &label, Vec::new(), t);
                                                }
                                            }
                                        });
                                        feedback(fb, true, format!("Done: {label}."), made_on.notes);
                                    }
                                    Err(r) => feedback(fb, false, format!("Cannot remove Global Reach {name}"), vec![refusal_text(&r)]),
                                }
                            }>{text}</button>
                        }.into_any()
                    } else {
                        let made_on = saved_by_resource_id(store, &g.peer_circuit_id);
                        match made_on {
                            Some((pid, _)) => view! {
                                <a href=Route::Circuit { id: pid, section: Section::Step(5) }.href()>{format!("Made on {other}: remove it there")}</a>
                            }.into_any(),
                            None => view! { <span class="meta">{format!("Made on {other_text}: removed there")}</span> }.into_any(),
                        }
                    };
                    view! {
                        <tr>
                            <td>{g.name.clone()}</td>
                            <td>{other_text}{(!here).then_some(" (made there)")}</td>
                            <td>{v4}</td>
                            <td>{v6}</td>
                            <td>{status}</td>
                            <td>{action}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn AddGlobalReach(id: String, circuit: Circuit, others: Vec<(String, Circuit)>) -> impl IntoView {
    let store = use_store();
    let fb = expect_context::<FeedbackCtx>();
    let f = FormState::new(
        "gr",
        FIELDS,
        &drafts_for(&id, "gr"),
        draft_saver(id.clone(), "gr"),
    );
    // The source of the last refusal, shown as links under the error summary.
    let refused_source: RwSignal<Option<String>> = RwSignal::new(None);
    if f.value("peer").is_empty() {
        if let Some((first, _)) = others.first() {
            f.sig("peer").set(first.clone());
        }
    }
    let options: Vec<(String, String)> = others
        .iter()
        .map(|(oid, c)| {
            let at = c.peering_location().unwrap_or("peering location not known");
            (oid.clone(), format!("{} ({}, {})", c.name, at, c.sku.tier))
        })
        .collect();
    let linked_elsewhere = "Checked against both circuits' peering subnets, the address spaces of the virtual networks linked in this wizard and their other Global Reach subnets. VNets linked outside the wizard and your on-premises ranges are not known here: check them yourself.";
    let submit_id = id.clone();
    let on_add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = GlobalReachInput {
            name: f.value("name"),
            ipv4_subnet: f.value("ipv4"),
            ipv6_subnet: f.value("ipv6"),
            authorization_key: f.value("authorization-key"),
        };
        let peer_id = f.value("peer");
        let request = match validate_global_reach(&input) {
            Err(errs) => {
                f.set_field_problems(
                    errs.iter()
                        .map(|(field, r)| (key(*field), refusal_text(r)))
                        .collect(),
                );
                return;
            }
            Ok(r) => r,
        };
        let (Some(me), Some(peer)) = store.data.with_untracked(|d| {
            (
                d.get(&submit_id).map(|s| s.circuit.clone()),
                d.get(&peer_id).map(|s| s.circuit.clone()),
            )
        }) else {
            f.set_problem(
                "peer",
                "Choose the ExpressRoute circuit to connect to.".into(),
            );
            return;
        };
        let label = format!(
            "Add Global Reach {} to {}",
            request.connection.name, peer.name
        );
        match connect(&me, &peer, &request) {
            Ok(pair) => {
                f.set_errors(&[]);
                refused_source.set(None);
                let t = now();
                let mut lines = pair.made_on.notes.clone();
                lines.extend(
                    pair.made_on
                        .warnings
                        .iter()
                        .map(|w| format!("{w} {}", w.source_key())),
                );
                store.update(|d| {
                    if let Some(s) = d.get_mut(&submit_id) {
                        s.record(pair.made_on.circuit.clone(), &label, lines.clone(), t);
                    }
                    if let Some(s) = d.get_mut(&peer_id) {
                        s.record(
                            pair.peer.clone(),
                            &format!("Global Reach {} from {}", request.connection.name, me.name),
                            Vec::new(),
                            t,
                        );
                    }
                });
                clear_drafts(store, &submit_id, "gr");
                for k in ["name", "ipv4", "ipv6", "authorization-key"] {
                    f.sig(k).set(String::new());
                }
                feedback(fb, true, format!("Done: {label}."), lines);
            }
            Err(r) => {
                // The input the refusal concerns; the rules on either circuit, at the circuit.
                let field = r.field().and_then(key_of).unwrap_or("peer");
                f.set_problem(field, refusal_text(&r));
                refused_source.set(Some(r.source_key().to_string()));
                store.update_circuit(&submit_id, |s| s.record_refusal(&label, &r, now()));
                feedback(
                    fb,
                    false,
                    format!("Cannot add Global Reach {}", request.connection.name),
                    vec![refusal_text(&r), format!("Source: {}", r.source_key())],
                );
            }
        }
    };
    let _ = &circuit;
    view! {
        <form novalidate on:submit=on_add class="global-reach-form" aria-labelledby="add-global-reach-title">
            <h3 id="add-global-reach-title">"Add Global Reach"</h3>
            <ErrorSummary problems=f.problems()/>
            {move || refused_source.get().map(|cited| view! { <Sources cited=cited/> })}
            <TextField id=f.id("name") label=GlobalReachField::Name.label() width="input-medium" value=f.sig("name") error=f.error("name") hint="A name for this connection, for example sf-to-london."/>
            <SelectField id=f.id("peer") label=GlobalReachField::Peer.label() options=options value=f.sig("peer") error=f.error("peer") hint="The circuit to connect this one to: your saved circuits with Azure private peering."/>
            <TextField id=f.id("ipv4") label=GlobalReachField::Ipv4Subnet.label() width="input-medium" value=f.sig("ipv4") error=f.error("ipv4") hint=format!("A /29 such as 10.0.0.0/29. Microsoft takes the tunnel addresses from it. {linked_elsewhere}")/>
            <TextField id=f.id("ipv6") label=GlobalReachField::Ipv6Subnet.label() width="input-long" value=f.sig("ipv6") error=f.error("ipv6") hint="Optional: a /125 such as fd00:1::/125, to carry IPv6 too."/>
            <TextField id=f.id("authorization-key") label=GlobalReachField::AuthorizationKey.label() width="input-long" value=f.sig("authorization-key") error=f.error("authorization-key") hint="Only when the other circuit is in another subscription: the key of an authorization its owner created on it (a GUID)."/>
            <button type="submit" class="button">"Add Global Reach"</button>
        </form>
    }
}
