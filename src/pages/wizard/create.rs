//! Step 1: create the circuit — the Azure portal's Basics and Configuration fields, then a review
//! with Change links and the Create button.

use er_core::resiliency::{self, Resiliency, SecondCircuit};
use er_core::{
    catalog, CreateCircuit, Field, FieldError, PortType, RoutingModel, SkuFamily, SkuTier,
    PROVIDER_BANDWIDTHS_MBPS,
};
use leptos::prelude::*;

use crate::components::{
    CheckboxField, ErrorSummary, RadioGroup, SelectField, Sources, StepNav, TextField,
};
use crate::pages::wizard::form::FormState;
use crate::pages::wizard::navigate;
use crate::persist::model::SavedCircuit;
use crate::route::Route;
use crate::store::{now, use_store};

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
    // The portal's resiliency choice; Standard keeps the one-circuit form as it was.
    ("resiliency", "Standard"),
    // Maximum resiliency: what the second circuit of the pair takes of its own.
    ("second-name", ""),
    ("second-region", ""),
    ("second-provider", ""),
    ("second-peering-location", ""),
    ("second-express-route-port", ""),
];

/// The resiliency chosen on the form.
fn choice(f: &FormState) -> Resiliency {
    f.value("resiliency")
        .parse()
        .unwrap_or(Resiliency::Standard)
}

/// The second circuit's own fields.
fn second(f: &FormState) -> SecondCircuit {
    SecondCircuit {
        name: f.value("second-name"),
        region: f.value("second-region"),
        provider: f.value("second-provider"),
        peering_location: f.value("second-peering-location"),
        express_route_port: f.value("second-express-route-port"),
    }
}

/// Every refusal of the form, each with the field key it is shown on: the first circuit's, the
/// resiliency choice's, and (Maximum) the second circuit's, on its own fields.
fn form_errors(f: &FormState) -> Vec<(String, FieldError)> {
    let req = request(f);
    let choice = choice(f);
    let mut out: Vec<(String, FieldError)> = er_core::create(&req, PLACEHOLDER_KEY)
        .err()
        .unwrap_or_default()
        .into_iter()
        .chain(resiliency::check_choice(choice, &req))
        .map(|e| (e.field.id().to_string(), e))
        .collect();
    if choice == Resiliency::Maximum {
        if let Err(errs) = resiliency::validate_second(&req, &second(f), PLACEHOLDER_KEY) {
            for e in errs {
                // The second circuit's refusals go to its own fields; one that comes from a
                // field it shares with the first is about its provider or location there.
                let key = match e.field {
                    Field::Name
                    | Field::Region
                    | Field::Provider
                    | Field::PeeringLocation
                    | Field::ExpressRoutePort => e.field.id(),
                    Field::SkuTier => Field::PeeringLocation.id(),
                    _ => Field::Provider.id(),
                };
                out.push((format!("second-{key}"), e));
            }
        }
    }
    out
}

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
        let errs = form_errors(&f);
        f.set_keyed_errors(&errs);
        if errs.is_empty() {
            navigate(&Route::CreateReview);
        }
    };
    let chosen = f.sig("resiliency");
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
        // A name listed in several clouds is offered once; High resiliency offers Metro only.
        let metro_only = chosen.get() == Resiliency::High.as_str();
        let mut names: Vec<&'static str> = Vec::new();
        for l in catalog::locations_of(&p) {
            if (!direct || l.express_route_direct)
                && (!metro_only || l.metro)
                && !names.contains(&l.name)
            {
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
            <RadioGroup id=f.id("resiliency") legend="Resiliency" value=chosen error=f.error("resiliency")
                options=Resiliency::ALL.iter().map(|r| {
                    let o = r.option();
                    (r.as_str().to_string(), o.label.to_string(), format!("{} {} Cost: {}", o.what, o.protects, o.cost))
                }).collect()/>
            <Sources cited="[PORTAL-CIRCUIT] [RESILIENCY] [METRO]"/>
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
            <Show when=move || chosen.get() == Resiliency::Maximum.as_str()>
                <SecondCircuitFields f=f/>
            </Show>
            <button type="submit" class="button">"Continue"</button>
        </form>
    }
}

/// Maximum resiliency: the second circuit's own fields. The rest is the first circuit's.
#[component]
fn SecondCircuitFields(f: FormState) -> impl IntoView {
    let port = f.sig("port-type");
    let first_location = f.sig("peering-location");
    let provider = f.sig("second-provider");
    let location = f.sig("second-peering-location");
    let location_options = move || {
        let direct = port.get() == "Direct";
        let offered = resiliency::second_locations(&first_location.get(), &provider.get());
        let mut names: Vec<&'static str> = Vec::new();
        for s in offered {
            // With a provider typed, only where it is listed (typing stays allowed).
            let fits = if direct {
                s.location.express_route_direct
            } else {
                provider.get().trim().is_empty() || s.provider_listed
            };
            if fits && !names.contains(&s.location.name) {
                names.push(s.location.name);
            }
        }
        names
    };
    let provider_options = move || catalog::providers_at(&location.get());
    let facts = move || {
        let first = catalog::peering_location(&first_location.get());
        catalog::peering_location(&location.get()).map(|l| {
            let same = first.is_some_and(|a| a.geopolitical_region == l.geopolitical_region);
            format!(
                "{} is in {}{}.",
                l.name,
                l.geopolitical_region,
                if same {
                    ", like the first circuit's location"
                } else {
                    ""
                }
            )
        })
    };
    let warnings = move || {
        for s in [provider, location, first_location, f.sig("provider")] {
            s.track();
        }
        resiliency::pair_warnings(&request(&f), &second(&f))
    };
    view! {
        <section class="second-circuit" aria-labelledby="second-circuit-title">
            <h2 id="second-circuit-title">"Second circuit"</h2>
            <p>"Maximum resiliency creates two circuits as a pair. The second takes the first one's subscription, resource group, port type, bandwidth, SKU and billing model; give it its own name, region, provider and a different peering location. The locations suggested are those of the first location's geopolitical region first, then the others."</p>
            <TextField id=f.id("second-name") label="Name" hint="The second circuit's name, for example ExpressRouteARMCircuit-2." value=f.sig("second-name") error=f.error("second-name")/>
            <TextField id=f.id("second-region") label="Region" hint="The Azure region the second circuit resource lives in: the one closest to its peering location." value=f.sig("second-region") error=f.error("second-region") list="regions"/>
            <datalist id="second-providers">
                {move || provider_options().into_iter().map(|p| view! { <option value=p></option> }).collect_view()}
            </datalist>
            <datalist id="second-peering-locations">
                {move || location_options().into_iter().map(|l| view! { <option value=l></option> }).collect_view()}
            </datalist>
            <Show when=move || port.get() != "Direct" fallback=move || view! {
                <TextField id=f.id("second-express-route-port") label="ExpressRoute port" hint="The name or resource ID of the ExpressRoute Direct port at the second location." value=f.sig("second-express-route-port") error=f.error("second-express-route-port")/>
            }>
                <TextField id=f.id("second-provider") label="Provider" hint="The same provider or a different one: a different provider also protects against an outage of the provider's network." value=provider error=f.error("second-provider") list="second-providers"/>
            </Show>
            <TextField id=f.id("second-peering-location") label="Peering location" hint="A different peering location from the first circuit's, ideally in the same geopolitical region." value=location error=f.error("second-peering-location") list="second-peering-locations"/>
            <p class="field-note" id="second-peering-location-facts">{facts}</p>
            {move || {
                let w = warnings();
                (!w.is_empty()).then(|| view! {
                    <div class="callout warning">
                        <p class="callout-title">"About this pair"</p>
                        {w.into_iter().map(|t| view! { <p>{t}</p> }).collect_view()}
                    </div>
                })
            }}
        </section>
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
    let resiliency_choice = choice(&f);
    let pair_req = (resiliency_choice == Resiliency::Maximum)
        .then(|| resiliency::second_request(&req, &second(&f)));
    if !form_errors(&f).is_empty() {
        // Someone opened the review with an incomplete form: send them back to fix it.
        navigate(&Route::Create);
    }
    let on_create = move |_| {
        let req = request(&f);
        let choice = choice(&f);
        let errs = form_errors(&f);
        if !errs.is_empty() {
            f.set_keyed_errors(&errs);
            return;
        }
        let mut requests = vec![req.clone()];
        if choice == Resiliency::Maximum {
            requests.push(resiliency::second_request(&req, &second(&f)));
        }
        // Each circuit gets its own service key: each is billed from its own.
        let mut made = Vec::new();
        for r in &requests {
            match er_core::create(r, &crate::guid::new_guid()) {
                Ok(circuit) => made.push(circuit),
                Err(errs) => {
                    f.set_errors(&errs);
                    return;
                }
            }
        }
        let ids: Vec<String> = made.iter().map(|_| crate::guid::new_id()).collect();
        let mut saved_all = Vec::new();
        for (i, circuit) in made.into_iter().enumerate() {
            let mut saved = SavedCircuit::new(ids[i].clone(), circuit, 1, now());
            saved.resiliency = Some(choice);
            saved.pair = (ids.len() == 2).then(|| ids[1 - i].clone());
            saved.timeline.push(crate::persist::model::TimelineEntry {
                at: now(),
                action: "Create circuit".into(),
                before: "No circuit".into(),
                after: Some(crate::persist::model::state_summary(&saved.circuit)),
                refusal: None,
                notes: er_core::creation_notes(&saved.circuit),
            });
            saved_all.push(saved);
        }
        store.update(|d| {
            d.circuits.extend(saved_all);
            d.create_draft.clear();
        });
        navigate(&Route::Circuit {
            id: ids[0].clone(),
            section: crate::route::Section::Step(1),
        });
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
            (
                "Resiliency",
                resiliency_choice.option().label.to_string(),
                "resiliency",
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
        {summary_list(rows, "")}
        {pair_req.clone().map(|p| {
            let mut rows: Vec<(&str, String, &str)> = vec![
                ("Name", p.name.clone(), "second-name"),
                ("Region", p.region.clone(), "second-region"),
            ];
            match p.port_type {
                PortType::Provider => rows.push(("Provider", p.provider.clone(), "second-provider")),
                PortType::Direct => rows.push(("ExpressRoute port", p.express_route_port.clone(), "second-express-route-port")),
            }
            rows.push(("Peering location", p.peering_location.clone(), "second-peering-location"));
            view! {
                <h2>"Second circuit"</h2>
                <p>"Created with the first, as a pair; everything else is the first circuit's."</p>
                {summary_list(rows, "second circuit ")}
                <div class="callout warning">
                    <h2>"Two circuits, billed twice"</h2>
                    <p>"Create makes both circuits at once. Each gets its own service key and is billed from that moment until it is deleted: you pay for two circuits (and your providers for two connections)."</p>
                </div>
            }
        })}
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
        <button type="button" class="button" on:click=on_create>{if resiliency_choice == Resiliency::Maximum { "Create both circuits" } else { "Create" }}</button>
    }
}

/// The review's list of (label, value, field key) rows, each with a "Change" link back to its
/// field on the create form; `whose` goes before the label in the link's hidden text ("Change
/// second circuit name").
fn summary_list(
    rows: Vec<(&'static str, String, &'static str)>,
    whose: &'static str,
) -> impl IntoView {
    view! {
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
                        }>"Change"<span class="visually-hidden">{format!(" {whose}{}", k.to_ascii_lowercase())}</span></a>
                    </dd>
                </div>
            }).collect_view()}
        </dl>
    }
}
