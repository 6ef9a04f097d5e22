//! Step 1: create the circuit — the Azure portal's Basics and Configuration fields, then a review
//! with Change links and the Create button.

use er_core::{
    catalog, CreateCircuit, Field, PortType, RoutingModel, SkuFamily, SkuTier,
    PROVIDER_BANDWIDTHS_MBPS,
};
use leptos::prelude::*;

use crate::components::{CheckboxField, ErrorSummary, RadioGroup, SelectField, StepNav, TextField};
use crate::route::Route;
use crate::state::SavedCircuit;
use crate::store::{now, use_store};
use crate::wizard::form::FormState;
use crate::wizard::navigate;

/// Every create-form field with its starting value.
const FIELDS: &[(&str, &str)] = &[
    ("subscription", ""),
    ("resource-group", ""),
    ("region", ""),
    ("name", ""),
    ("port-type", "Provider"),
    ("provider", ""),
    ("peering-location", ""),
    ("bandwidth", ""),
    ("routing-model", "Layer2"),
    ("express-route-port", ""),
    ("port-bandwidth", ""),
    ("sku-tier", "Standard"),
    ("sku-family", "MeteredData"),
    ("allow-classic", "false"),
];

fn create_form() -> FormState {
    let store = use_store();
    let draft = store.data.with_untracked(|d| d.create_draft.clone());
    FormState::new("create", FIELDS, &draft, move |k, v| {
        store.update_debounced(|d| {
            d.create_draft.insert(k, v);
        })
    })
}

/// The create form's values, parsed into the core's request. Unparseable choices become the
/// zero values that the core refuses with a message.
fn request(f: &FormState) -> CreateCircuit {
    let port_type = f.value("port-type").parse().unwrap_or(PortType::Provider);
    let bandwidth: u32 = f.value("bandwidth").parse().unwrap_or(0);
    let (bandwidth_mbps, bandwidth_gbps) = match port_type {
        PortType::Provider => (bandwidth, 0),
        PortType::Direct => (0, bandwidth),
    };
    CreateCircuit {
        name: f.value("name"),
        resource_group: f.value("resource-group"),
        region: f.value("region"),
        subscription_id: f.value("subscription"),
        port_type,
        provider: f.value("provider"),
        peering_location: f.value("peering-location"),
        bandwidth_mbps,
        routing_model: f
            .value("routing-model")
            .parse()
            .unwrap_or(RoutingModel::Layer2),
        express_route_port: f.value("express-route-port"),
        bandwidth_gbps,
        port_bandwidth_gbps: f.value("port-bandwidth").parse().unwrap_or(0),
        sku_tier: f.value("sku-tier").parse().unwrap_or(SkuTier::Standard),
        sku_family: f
            .value("sku-family")
            .parse()
            .unwrap_or(SkuFamily::MeteredData),
        allow_classic_operations: f.value("allow-classic") == "true",
    }
}

/// A service key that only exists to let the core validate the form before the real one is made.
const PLACEHOLDER_KEY: &str = "00000000-0000-4000-8000-000000000000";

/// Step 1's form.
#[component]
pub fn CreatePage() -> impl IntoView {
    let f = create_form();
    let port = f.sig("port-type");
    let hint = |field| er_core::field_hint(field, false).unwrap_or_default();
    let on_continue = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match er_core::create(&request(&f), PLACEHOLDER_KEY) {
            Ok(_) => {
                f.set_errors(&[]);
                navigate(&Route::CreateReview);
            }
            Err(errs) => f.set_errors(&errs),
        }
    };
    let port_size = f.sig("port-bandwidth");
    let provider = f.sig("provider");
    let location = f.sig("peering-location");
    let bandwidth_options = move || {
        let mut opts = vec![(String::new(), "Choose a bandwidth".to_string())];
        if port.get() == PortType::Direct.as_str() {
            // [ERDIRECT-ABOUT]: the port's size decides the circuit bandwidths.
            let sizes = port_size
                .get()
                .parse()
                .ok()
                .and_then(catalog::direct_circuit_bandwidths)
                .unwrap_or_default();
            opts.extend(sizes.iter().map(|g| (g.to_string(), format!("{g} Gbps"))));
        } else {
            opts.extend(
                PROVIDER_BANDWIDTHS_MBPS
                    .iter()
                    .map(|m| (m.to_string(), er_core::limits::bandwidth_text(*m))),
            );
        }
        opts
    };
    // Pickers from Microsoft's list, each filtered by the other; typing stays allowed.
    let provider_options = move || catalog::providers_at(&location.get());
    let location_options = move || {
        let direct = port.get() == PortType::Direct.as_str();
        let p = if direct {
            String::new()
        } else {
            provider.get()
        };
        // A name listed in several clouds is offered once.
        let mut names: Vec<&'static str> = Vec::new();
        for l in catalog::locations_of(&p) {
            if (!direct || l.express_route_direct) && !names.contains(&l.name) {
                names.push(l.name);
            }
        }
        names
    };
    // [LOCATIONS] [FAQ]: Local only where the location lists a local Azure region.
    let tier_options = move || {
        let local_here = catalog::peering_location(&location.get())
            .is_none_or(|l| !l.local_azure_regions.is_empty());
        SkuTier::OFFERED
            .iter()
            .filter(|t| **t != SkuTier::Local || local_here)
            .map(|t| (t.to_string(), t.to_string()))
            .collect::<Vec<_>>()
    };
    let region = f.sig("region");
    let warnings = move || {
        // The form's values are read untracked; these are the ones the warnings depend on.
        for s in [provider, location, port, region] {
            s.track();
        }
        er_core::create_warnings(&request(&f))
    };
    // What Microsoft's list says of the location, under the field (the input itself is never
    // re-rendered while typing).
    let location_facts = move || {
        catalog::peering_location(&location.get()).map(|l| {
            format!(
                "{} is in {}; local Azure region{}: {}.",
                l.name,
                l.geopolitical_region,
                if l.local_azure_regions.len() == 1 {
                    ""
                } else {
                    "s"
                },
                if l.local_azure_regions.is_empty() {
                    "none (no ExpressRoute Local here)".to_string()
                } else {
                    l.local_azure_regions.join(", ")
                }
            )
        })
    };
    view! {
        <StepNav current=1 circuit_id=None/>
        <a class="back-link" href=Route::Circuits.href()>"Back to your circuits"</a>
        <h1>"Create the circuit"</h1>
        <p class="lead">"These are the fields of the Azure portal's Create ExpressRoute circuit blade. The circuit is created in Azure the moment you press Create: that is when the service key is issued and billing starts."</p>
        <ErrorSummary problems=f.problems()/>
        <form novalidate on:submit=on_continue>
            <h2>"Basics"</h2>
            <TextField id=f.id("subscription") label="Subscription" hint="Optional: the subscription ID, used in the commands and the circuit's resource ID." value=f.sig("subscription") error=f.error("subscription")/>
            <TextField id=f.id("resource-group") label="Resource group" hint="For example ExpressRouteResourceGroup." value=f.sig("resource-group") error=f.error("resource-group")/>
            <TextField id=f.id("region") label="Region" hint="The Azure region the circuit resource lives in, for example West US. Not the same as the peering location." value=f.sig("region") error=f.error("region") list="regions"/>
            <datalist id="regions">
                {catalog::azure_regions().into_iter().map(|r| view! { <option value=r></option> }).collect_view()}
            </datalist>
            <datalist id="providers">
                {move || provider_options().into_iter().map(|p| view! { <option value=p></option> }).collect_view()}
            </datalist>
            <datalist id="peering-locations">
                {move || location_options().into_iter().map(|l| view! { <option value=l></option> }).collect_view()}
            </datalist>
            <TextField id=f.id("name") label="Name" hint=hint(Field::Name) value=f.sig("name") error=f.error("name")/>

            <h2>"Configuration"</h2>
            <RadioGroup id=f.id("port-type") legend="Port type" value=port error=f.error("port-type")
                options=vec![
                    ("Provider".into(), "Provider".into(), "Connect through a connectivity provider, who provisions the circuit after you send them the service key.".into()),
                    ("Direct".into(), "Direct".into(), "Connect straight to Microsoft's edge on an ExpressRoute Direct port you already have. There is no provider state.".into()),
                ]/>
            <Show when=move || port.get() != PortType::Direct.as_str() fallback=move || view! {
                <TextField id=f.id("express-route-port") label="ExpressRoute port" hint="The name or resource ID of your ExpressRoute Direct port." value=f.sig("express-route-port") error=f.error("express-route-port")/>
                <SelectField id=f.id("port-bandwidth") label="Port bandwidth" value=port_size error=f.error("port-bandwidth")
                    hint="The size of your ExpressRoute Direct port (a pair of links). It decides which circuit bandwidths it carries."
                    options=std::iter::once((String::new(), "Choose the port's size".to_string()))
                        .chain(catalog::direct_port_sizes().into_iter().map(|p| (p.to_string(), format!("{p} Gbps"))))
                        .collect()/>
                <TextField id=f.id("peering-location") label="Peering location" hint=location_hint_base(true) value=location error=f.error("peering-location") list="peering-locations"/>
                <p class="field-note" id="peering-location-facts">{location_facts}</p>
            }>
                <TextField id=f.id("provider") label="Provider" hint=format!("Your connectivity provider, as Get-AzExpressRouteServiceProvider lists it, for example Equinix. Suggestions come from Microsoft's list as of {}.", catalog::CATALOG_READ) value=provider error=f.error("provider") list="providers"/>
                <TextField id=f.id("peering-location") label="Peering location" hint=location_hint_base(false) value=location error=f.error("peering-location") list="peering-locations"/>
                <p class="field-note" id="peering-location-facts">{location_facts}</p>
                <RadioGroup id=f.id("routing-model") legend="Provider's routing model" value=f.sig("routing-model") error=f.error("routing-model")
                    options=RoutingModel::ALL
                        .iter()
                        .map(|m| (m.key().into(), m.as_str().into(), er_core::explain_routing_model(*m).meaning))
                        .collect()/>
            </Show>
            {move || {
                let _ = port.get();
                view! { <SelectField id=f.id("bandwidth") label="Bandwidth" options=bandwidth_options() value=f.sig("bandwidth") error=f.error("bandwidth") hint=hint(Field::Bandwidth)/> }
            }}
            {move || view! {
                <SelectField id=f.id("sku-tier") label="SKU" value=f.sig("sku-tier") error=f.error("sku-tier")
                    hint=hint(Field::SkuTier)
                    options=tier_options()/>
            }}
            <SelectField id=f.id("sku-family") label="Billing model" value=f.sig("sku-family") error=f.error("sku-family")
                hint=hint(Field::SkuFamily)
                options=SkuFamily::billing_model_options()/>
            <CheckboxField id=f.id("allow-classic") label="Allow classic operations" value=f.sig("allow-classic")/>
            <CatalogWarnings warnings=Signal::derive(warnings)/>
            <button type="submit" class="button">"Continue"</button>
        </form>
    }
}

fn location_hint_base(direct: bool) -> &'static str {
    if direct {
        "The peering location of your ExpressRoute Direct port. It decides which Azure regions the circuit reaches."
    } else {
        "The physical location where you meet Microsoft, for example Silicon Valley. It decides which Azure regions the circuit reaches, not the Region above."
    }
}

/// What Microsoft's lists cannot confirm about the form: never a refusal, always said.
#[component]
fn CatalogWarnings(warnings: Signal<Vec<(Field, String)>>) -> impl IntoView {
    view! {
        <div class="catalog-warnings">
            {move || {
                let w = warnings.get();
                (!w.is_empty()).then(|| view! {
                    <div class="callout warning">
                        <h2>"Not confirmed by Microsoft's list"</h2>
                        <ul>
                            {w.into_iter().map(|(field, text)| view! {
                                <li><strong>{field.label()}": "</strong>{text}</li>
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
        </div>
    }
}

/// Step 1's review: check the answers, change any of them, then Create.
#[component]
pub fn CreateReviewPage() -> impl IntoView {
    let store = use_store();
    let f = create_form();
    let req = request(&f);
    let problems = er_core::create(&req, PLACEHOLDER_KEY).err();
    if problems.is_some() {
        // Someone opened the review with an incomplete form: send them back to fix it.
        navigate(&Route::Create);
    }
    let on_create = move |_| {
        let req = request(&f);
        match er_core::create(&req, &crate::ids::new_guid()) {
            Ok(circuit) => {
                let id = crate::ids::new_id();
                let mut saved = SavedCircuit::new(id.clone(), circuit, 1, now());
                saved.timeline.push(crate::state::TimelineEntry {
                    at: now(),
                    action: "Create circuit".into(),
                    before: "No circuit".into(),
                    after: Some(crate::state::state_summary(&saved.circuit)),
                    refusal: None,
                    notes: er_core::creation_notes(&saved.circuit),
                });
                store.update(|d| {
                    d.circuits.push(saved);
                    d.create_draft.clear();
                });
                navigate(&Route::Circuit {
                    id,
                    section: crate::route::Section::Step(1),
                });
            }
            Err(errs) => f.set_errors(&errs),
        }
    };
    let rows: Vec<(&str, String, &str)> = {
        let mut rows = vec![
            (
                "Subscription",
                if req.subscription_id.is_empty() {
                    "Not given".into()
                } else {
                    req.subscription_id.clone()
                },
                "subscription",
            ),
            (
                "Resource group",
                req.resource_group.clone(),
                "resource-group",
            ),
            ("Region", req.region.clone(), "region"),
            ("Name", req.name.clone(), "name"),
            ("Port type", req.port_type.to_string(), "port-type"),
        ];
        match req.port_type {
            PortType::Provider => {
                rows.push(("Provider", req.provider.clone(), "provider"));
                rows.push((
                    "Peering location",
                    req.peering_location.clone(),
                    "peering-location",
                ));
                rows.push((
                    "Provider's routing model",
                    req.routing_model.to_string(),
                    "routing-model",
                ));
                rows.push((
                    "Bandwidth",
                    er_core::limits::bandwidth_text(req.bandwidth_mbps),
                    "bandwidth",
                ));
            }
            PortType::Direct => {
                rows.push((
                    "ExpressRoute port",
                    req.express_route_port.clone(),
                    "express-route-port",
                ));
                rows.push((
                    "Port bandwidth",
                    format!("{} Gbps", req.port_bandwidth_gbps),
                    "port-bandwidth",
                ));
                rows.push((
                    "Peering location",
                    if req.peering_location.trim().is_empty() {
                        "Not given".into()
                    } else {
                        req.peering_location.clone()
                    },
                    "peering-location",
                ));
                rows.push((
                    "Bandwidth",
                    format!("{} Gbps", req.bandwidth_gbps),
                    "bandwidth",
                ));
            }
        }
        rows.push(("SKU", req.sku_tier.to_string(), "sku-tier"));
        rows.push(("Billing model", req.sku_family.to_string(), "sku-family"));
        rows.push((
            "Allow classic operations",
            if req.allow_classic_operations {
                "Yes".into()
            } else {
                "No".into()
            },
            "allow-classic",
        ));
        rows
    };
    let sku_name = format!("{}_{}", req.sku_tier, req.sku_family);
    let req_for_warnings = req.clone();
    view! {
        <StepNav current=1 circuit_id=None/>
        <a class="back-link" href=Route::Create.href()>"Back"</a>
        <h1>"Check the circuit before you create it"</h1>
        <ErrorSummary problems=f.problems()/>
        <dl class="summary-list">
            {rows.into_iter().map(|(k, v, field)| view! {
                <div class="summary-row">
                    <dt>{k}</dt>
                    <dd>{v}</dd>
                    <dd class="summary-action">
                        <a href=Route::Create.href() on:click=move |ev| {
                            ev.prevent_default();
                            crate::components::focus_after_navigation(format!("create-{field}"));
                            navigate(&Route::Create);
                        }>"Change"<span class="visually-hidden">{format!(" {}", k.to_ascii_lowercase())}</span></a>
                    </dd>
                </div>
            }).collect_view()}
        </dl>
        <p>"The SKU will be " <code>{sku_name}</code> "."</p>
        {match req.port_type {
            PortType::Provider => view! {
                <div class="callout warning">
                    <h2>"Billing starts when you create the circuit"</h2>
                    <p>"Azure issues the service key at once, and Microsoft bills the circuit from that moment until the circuit resource is deleted, whether or not the provider has connected it."</p>
                </div>
            }.into_any(),
            PortType::Direct => view! {
                <div class="callout warning">
                    <h2>"How a circuit on ExpressRoute Direct is billed"</h2>
                    <p>{er_core::DIRECT_BILLING}</p>
                </div>
            }.into_any(),
        }}
        <CatalogWarnings warnings=Signal::derive(move || er_core::create_warnings(&req_for_warnings))/>
        <button type="button" class="button" on:click=on_create>"Create"</button>
    }
}
