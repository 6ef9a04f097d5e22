//! Step 4, Microsoft peering: its route filter. Without one, Microsoft peering receives no
//! prefixes; the form creates the filter (portal labels: Name, Resource group, Region) with its
//! one Allow rule, the services picked by name with their BGP community values, then attaches it.
//! Every rule is the core's ([`er_core::route_filter`]).

use er_core::route_filter::{self, Community, Receives};
use er_core::{Action, Circuit, RouteFilterInput};
use leptos::prelude::*;

use crate::components::circuit_page::{act, ActionButton, FeedbackCtx};
use crate::components::refusal_text;
use crate::components::{ErrorSummary, Sources, StateInfoPanel, TextField};
use crate::pages::wizard::commands::CommandList;
use crate::pages::wizard::form::{clear_drafts, draft_saver, drafts_for, FormState};
use crate::store::use_store;

const PREFIX: &str = "rf";

/// The form's fields; the keys are the core's field ids, so its errors land on them.
const FIELDS: &[(&str, &str)] = &[
    ("route-filter-name", ""),
    ("route-filter-resource-group", ""),
    ("route-filter-region", ""),
    ("route-filter-rule-name", "allow-services"),
    // The picked community values, comma-separated (kept as a draft like the text fields).
    ("route-filter-communities", ""),
    ("microsoft-365-authorized", "false"),
];

fn picked(v: &str) -> Vec<String> {
    v.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn checkbox_id(value: &str) -> String {
    format!("{PREFIX}-c-{}", value.replace(':', "-"))
}

/// The route filter of the circuit's Microsoft peering: the blocking item, the form, the filter,
/// what the peering receives, and the commands.
#[component]
pub fn RouteFilterSection(id: String, circuit: Circuit) -> impl IntoView {
    let receives = route_filter::receives(&circuit);
    let info = route_filter::explain_receives(&circuit);
    let blocking = matches!(receives, Receives::Nothing);
    let commands = er_core::commands::route_filter_step(&circuit);
    let body = match (&receives, circuit.route_filter.clone()) {
        (Receives::Nothing, None) => {
            view! { <RouteFilterForm id=id.clone() circuit=circuit.clone()/> }.into_any()
        }
        (Receives::Nothing, Some(f)) => view! {
            <FilterSummary filter=f.clone()/>
            <AttachForm id=id.clone() filter=f/>
        }
        .into_any(),
        (Receives::Services { communities, .. }, f) => view! {
            <ul class="plain received-services" aria-label="Services received">
                {communities.iter().map(|(v, c)| {
                    let name = c.as_ref().map_or_else(|| "Not in Microsoft's table".to_string(), |c| c.name.clone());
                    view! { <li>{name}" "<code>{v.clone()}</code></li> }
                }).collect_view()}
            </ul>
            {f.map(|f| view! { <FilterSummary filter=f/> })}
            <p class="row-actions">
                <ActionButton id=id.clone() action=Action::DetachRouteFilter label="Detach route filter" class="warning"/>
            </p>
        }
        .into_any(),
        (Receives::UnknownFilter { .. } | Receives::NoMicrosoftPeering, _) => view! {
            <p class="row-actions">
                <ActionButton id=id.clone() action=Action::DetachRouteFilter label="Detach route filter" class="warning"/>
            </p>
        }
        .into_any(),
    };
    view! {
        <section class="route-filter" aria-labelledby="route-filter-title">
            <h3 id="route-filter-title">"Route filter"</h3>
            {info.map(|info| if blocking {
                view! {
                    <div class="callout blocked">
                        <p class="callout-title">{info.title.clone()}</p>
                        <p>{info.meaning.clone()}</p>
                        <ul>{info.next_steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ul>
                        <Sources cited=info.source/>
                    </div>
                }.into_any()
            } else {
                view! { <StateInfoPanel info=info level=4/> }.into_any()
            })}
            {body}
            <CommandList pairs=commands heading="Do it for real: the route filter"/>
        </section>
    }
}

/// The filter as created: name, resource group, region, and its rule's services.
#[component]
fn FilterSummary(filter: er_core::RouteFilter) -> impl IntoView {
    let rule = filter.rule.clone();
    view! {
        <dl class="summary route-filter-summary">
            <dt>"Name"</dt><dd>{filter.name.clone()}</dd>
            <dt>"Resource group"</dt><dd>{filter.resource_group.clone()}</dd>
            <dt>"Region"</dt><dd>{filter.region.clone()}</dd>
            <dt>"Rule"</dt>
            <dd>{match rule {
                Some(r) => format!("{} (Allow): {}", r.name, r.communities.iter().map(|v| match route_filter::community(v) {
                    Some(c) => format!("{} {v}", c.name),
                    None => v.clone(),
                }).collect::<Vec<_>>().join(", ")),
                None => "None: the filter allows nothing".to_string(),
            }}</dd>
        </dl>
    }
}

/// Attaches the circuit's filter; asks for Microsoft's authorization when it has Microsoft 365
/// services (the API cannot tell).
#[component]
fn AttachForm(id: String, filter: er_core::RouteFilter) -> impl IntoView {
    let store = use_store();
    let fb = expect_context::<FeedbackCtx>();
    let m365 = filter.microsoft_365_services();
    let authorized = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let submit_id = id.clone();
    let on_attach = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let action = Action::AttachRouteFilter {
            microsoft_365_authorized: authorized.get_untracked(),
        };
        match act(store, fb, &submit_id, action, "Attach route filter") {
            crate::persist::model::Outcome::Refused(r) => error.set(Some(refusal_text(&r))),
            _ => error.set(None),
        }
    };
    view! {
        <form novalidate class="peering-form" on:submit=on_attach>
            {(!m365.is_empty()).then(|| view! {
                <div class="field checkbox">
                    <input type="checkbox" id="rf-authorized" name="rf-authorized"
                        aria-describedby="rf-authorized-hint"
                        prop:checked=move || authorized.get()
                        on:change=move |ev| authorized.set(event_target_checked(&ev))/>
                    <label for="rf-authorized">"Microsoft has authorized us to use Microsoft 365 through ExpressRoute"</label>
                    <p class="hint" id="rf-authorized-hint">{format!("{} {} Microsoft 365: attaching a filter with Microsoft 365 services fails without that authorization.", m365.join(", "), if m365.len() == 1 { "is" } else { "are" })}</p>
                </div>
            })}
            <div role="status">
                {move || error.get().map(|e| view! { <p class="error-message">{e}</p> })}
            </div>
            <p class="row-actions">
                <button type="submit" class="button">"Attach route filter"</button>
                <ActionButton id=id.clone() action=Action::RemoveRouteFilter label="Delete route filter" class="secondary"/>
            </p>
        </form>
    }
}

/// One community's checkbox, labelled by name with its value.
#[component]
fn CommunityBox(c: Community, value: RwSignal<String>) -> impl IntoView {
    let v = c.value;
    let id = checkbox_id(v);
    let note = c
        .microsoft_365
        .then_some(" — Microsoft 365: Premium and Microsoft's authorization");
    view! {
        <div class="field checkbox community">
            <input type="checkbox" id=id.clone() name=id.clone() value=v
                prop:checked=move || picked(&value.get()).iter().any(|x| x == v)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    let mut list = picked(&value.get_untracked());
                    list.retain(|x| x != v);
                    if on {
                        list.push(v.to_string());
                    }
                    value.set(list.join(","));
                }/>
            <label for=id>{c.name.clone()}" "<code>{v}</code>{note}</label>
        </div>
    }
}

/// The form that creates the route filter with its rule. [ROUTE-FILTER] [ROUTE-FILTER-PORTAL]
#[component]
fn RouteFilterForm(id: String, circuit: Circuit) -> impl IntoView {
    let store = use_store();
    let fb = expect_context::<FeedbackCtx>();
    let mut draft = drafts_for(&id, PREFIX);
    draft
        .entry("route-filter-resource-group".into())
        .or_insert_with(|| circuit.resource_group.clone());
    draft
        .entry("route-filter-region".into())
        .or_insert_with(|| circuit.region.clone());
    let f = FormState::new(PREFIX, FIELDS, &draft, draft_saver(id.clone(), PREFIX));
    let communities = f.sig("route-filter-communities");
    let all = route_filter::offered_communities();
    let services: Vec<Community> = all
        .iter()
        .filter(|c| c.group == route_filter::SERVICES_GROUP)
        .cloned()
        .collect();
    // The regional communities by the routing page's groups, in its order.
    let mut groups: Vec<(String, Vec<Community>)> = Vec::new();
    for c in all
        .into_iter()
        .filter(|c| c.group != route_filter::SERVICES_GROUP)
    {
        match groups.iter_mut().find(|(g, _)| *g == c.group) {
            Some((_, v)) => v.push(c),
            None => groups.push((c.group.clone(), vec![c])),
        }
    }
    let submit_id = id.clone();
    let on_create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current = store
            .data
            .with_untracked(|d| d.get(&submit_id).map(|c| c.circuit.clone()));
        let Some(current) = current else { return };
        let input = RouteFilterInput {
            name: f.value("route-filter-name"),
            resource_group: f.value("route-filter-resource-group"),
            region: f.value("route-filter-region"),
            rule_name: f.value("route-filter-rule-name"),
            communities: picked(&f.value("route-filter-communities")),
        };
        match er_core::validate_route_filter(&current, &input) {
            Err(errs) => f.set_errors(&errs),
            Ok(filter) => {
                f.set_errors(&[]);
                match act(
                    store,
                    fb,
                    &submit_id,
                    Action::CreateRouteFilter { filter },
                    "Create route filter",
                ) {
                    crate::persist::model::Outcome::Refused(r) => {
                        f.set_refusal(&r, "route-filter-name")
                    }
                    _ => clear_drafts(store, &submit_id, PREFIX),
                }
            }
        }
    };
    let communities_error = f.error("route-filter-communities");
    let group_id = f.id("route-filter-communities");
    view! {
        <form novalidate class="peering-form route-filter-form" on:submit=on_create>
            <h4>"Create a route filter"</h4>
            <p>"A route filter is a resource of its own, with one rule of type Allow listing the BGP community values of the services Microsoft peering should receive."</p>
            <ErrorSummary problems=f.problems()/>
            <TextField id=f.id("route-filter-name") label="Name" width="input-medium" value=f.sig("route-filter-name") error=f.error("route-filter-name")/>
            <TextField id=f.id("route-filter-resource-group") label="Resource group" width="input-medium" value=f.sig("route-filter-resource-group") error=f.error("route-filter-resource-group")/>
            <TextField id=f.id("route-filter-region") label="Region" width="input-medium" value=f.sig("route-filter-region") error=f.error("route-filter-region")/>
            <TextField id=f.id("route-filter-rule-name") label="Rule name" width="input-medium" value=f.sig("route-filter-rule-name") error=f.error("route-filter-rule-name")
                hint="The rule's access is Allow: a route filter has one rule, and it must be of type Allow."/>
            <fieldset class="field communities" id=group_id.clone() tabindex="-1"
                aria-describedby=format!("{group_id}-hint")
                aria-invalid=move || communities_error.get().is_some().then_some("true")>
                <legend>"Allowed service communities"</legend>
                <p class="hint" id=format!("{group_id}-hint")>"Pick the services by name; each shows its BGP community value. Regional communities select an Azure region's public services."</p>
                {move || communities_error.get().map(|e| view! { <p class="error-message">{e}</p> })}
                <fieldset class="community-group">
                    <legend>"Services"</legend>
                    {services.into_iter().map(|c| view! { <CommunityBox c=c value=communities/> }).collect_view()}
                </fieldset>
                {groups.into_iter().map(|(g, cs)| view! {
                    <details class="community-group">
                        <summary>{format!("Azure regions: {g}")}</summary>
                        <fieldset class="community-group">
                            <legend class="visually-hidden">{format!("Azure regions: {g}")}</legend>
                            {cs.into_iter().map(|c| view! { <CommunityBox c=c value=communities/> }).collect_view()}
                        </fieldset>
                    </details>
                }).collect_view()}
            </fieldset>
            <p class="row-actions">
                <button type="submit" class="button">"Create route filter"</button>
            </p>
        </form>
    }
}
