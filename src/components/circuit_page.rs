//! A saved circuit's page: its name and states, the step indicator, and the section shown.

use er_core::{Action, Circuit, Refusal};
use leptos::prelude::*;

use crate::components::refusal_text;
use crate::components::StateBadges;
use crate::components::{Sources, StepNav};
use crate::pages::wizard::navigate;
use crate::persist::model::Outcome;
use crate::route::{Route, Section};
use crate::store::{now, use_store, Store};

/// What the last action on this page did, shown in a live region.
#[derive(Clone, Debug, PartialEq)]
pub struct Feedback {
    /// Whether the action was applied.
    pub ok: bool,
    /// One line: what happened.
    pub title: String,
    /// The refusal's reason and remedy, or the core's notes.
    pub lines: Vec<String>,
}

/// The feedback signal of the circuit page, from context.
#[derive(Clone, Copy)]
pub struct FeedbackCtx(pub RwSignal<Option<Feedback>>);

/// The circuit being shown, by id, from context.
#[derive(Clone)]
pub struct CircuitId(pub String);

/// Applies an action to a saved circuit through the core, records it, saves, and reports the
/// outcome in the page's feedback area. Deleting navigates home.
pub fn act(store: Store, fb: FeedbackCtx, id: &str, action: Action, label: &str) -> Outcome {
    let mut outcome = None;
    store.update_circuit(id, |c| outcome = Some(c.act(&action, label, now())));
    let outcome = outcome.unwrap_or(Outcome::Refused(Refusal::Required { what: "circuit" }));
    let fb = Some(fb);
    match &outcome {
        Outcome::Applied { notes } => {
            if let Some(fb) = fb {
                fb.0.set(Some(Feedback {
                    ok: true,
                    title: format!("Done: {label}."),
                    lines: notes.clone(),
                }));
            }
        }
        Outcome::Deleted { .. } => {
            store.update(|d| d.remove(id, now()));
            store.notify(
                "info",
                format!("{label}: the circuit was deleted, and billing for it stops."),
            );
            navigate(&Route::Circuits);
        }
        Outcome::Refused(r) => {
            if let Some(fb) = fb {
                fb.0.set(Some(Feedback {
                    ok: false,
                    // "Change SKU" → "Cannot change SKU": only the first letter is lowered, so
                    // names (SKU, Microsoft peering) keep their case.
                    title: format!(
                        "Cannot {}{}",
                        label.get(..1).unwrap_or_default().to_ascii_lowercase(),
                        label.get(1..).unwrap_or_default()
                    ),
                    lines: vec![refusal_text(r)],
                }));
                // The refusal is shown above the page's heading, which may be scrolled away from the
                // button: move there, as an error summary does, so it is seen and read at once.
                request_animation_frame(|| crate::components::focus_id("action-feedback"));
            }
        }
    }
    outcome
}

/// The live region where the outcome of the last action is shown.
#[component]
pub fn FeedbackArea() -> impl IntoView {
    let fb = expect_context::<FeedbackCtx>().0;
    view! {
        <div class="feedback" aria-live="polite" role="status">
            {move || fb.get().map(|f| {
                let class = if f.ok { "callout ok" } else { "callout error" };
                view! {
                    <div class=class id="action-feedback" tabindex="-1">
                        <p class="callout-title">{f.title.clone()}</p>
                        {f.lines.iter().map(|l| view! { <p>{l.clone()}</p> }).collect_view()}
                        <button type="button" class="link-button" on:click=move |_| fb.set(None)>"Dismiss"</button>
                    </div>
                }
            })}
        </div>
    }
}

/// The page of one saved circuit.
#[component]
pub fn CircuitPage(
    /// The circuit's local id.
    id: String,
    /// Which part is shown.
    section: Section,
    /// Draws the part shown ([`wizard_section`] on the wizard's page, the timeline on the tools page).
    body: fn(String, Section, Memo<Option<Circuit>>) -> AnyView,
) -> impl IntoView {
    let store = use_store();
    provide_context(FeedbackCtx(RwSignal::new(None)));
    provide_context(CircuitId(id.clone()));
    if let Section::Step(n) = section {
        // Remember where this circuit's wizard was left.
        let differs = store
            .data
            .with_untracked(|d| d.get(&id).is_some_and(|c| c.step != n));
        if differs {
            store.update_circuit(&id, |c| c.step = n);
        }
    }
    let exists = {
        let id = id.clone();
        move || store.data.with(|d| d.get(&id).is_some())
    };
    let id2 = id.clone();
    let circuit = Memo::new(move |_| store.data.with(|d| d.get(&id2).map(|c| c.circuit.clone())));
    let id_nav = id.clone();
    view! {
        <Show when=exists fallback=|| view! {
            <h1>"Circuit not found"</h1>
            <p>"This circuit is not saved in this browser. It may have been deleted here or in another tab."</p>
            <a class="button" href=Route::Circuits.href()>"Back to your circuits"</a>
        }>
            {
                let id_nav = id_nav.clone();
                move || circuit.get().map(|c| {
                    let id = id_nav.clone();
                    let step = match section { Section::Step(n) => n, _ => 0 };
                    // From "Changes" or the timeline, "Wizard" goes back to the step last shown.
                    let wizard_step = if step > 0 { step } else { store.data.with_untracked(|d| d.get(&id).map_or(1, |s| s.step.clamp(1, er_core::steps::STEP_COUNT))) };
                    view! {
                        <div class="circuit-head">
                            <p class="circuit-name">{c.name.clone()}" "<span class="meta">{c.sku.name()}</span></p>
                            <StateBadges circuit=c.clone()/>
                        </div>
                        {(step > 0).then(|| view! { <StepNav current=step circuit_id=Some(id.clone()) steps=er_core::steps::steps_for(&c).collect()/> })}
                        <nav class="circuit-tabs" aria-label="Circuit">
                            <ul>
                                <li><a href=Route::Circuit { id: id.clone(), section: Section::Step(wizard_step) }.href() aria-current=(step > 0).then_some("page")>"Wizard"</a></li>
                                <li><a href=Route::Circuit { id: id.clone(), section: Section::Manage }.href() aria-current=(section == Section::Manage).then_some("page")>"Changes and end of life"</a></li>
                                <li><a href=Route::Circuit { id: id.clone(), section: Section::Timeline }.href() aria-current=(section == Section::Timeline).then_some("page")>"Timeline and diagram"</a></li>
                            </ul>
                        </nav>
                        <ResiliencyCard id=id.clone() step=step/>
                    }
                })
            }
            <FeedbackArea/>
            {body(id.clone(), section, circuit)}
        </Show>
    }
}

/// The circuit's resiliency: its choice, the other circuit of its pair (and, on step 1, the
/// commands that create both), and its findings of the resiliency review. Open when there is a
/// finding.
#[component]
fn ResiliencyCard(id: String, step: u8) -> impl IntoView {
    let store = use_store();
    let (id2, id3) = (id.clone(), id.clone());
    let state = Memo::new(move |_| {
        store.data.with(|d| {
            d.get(&id2).map(|s| {
                let partner = s
                    .pair
                    .as_deref()
                    .and_then(|p| d.get(p))
                    .filter(|p| p.pair.as_deref() == Some(s.id.as_str()));
                let line = er_core::resiliency::describe(
                    &er_core::resiliency::Member {
                        id: &s.id,
                        circuit: &s.circuit,
                        resiliency: s.resiliency,
                        pair: s.pair.as_deref(),
                    },
                    partner.map(|p| p.circuit.name.as_str()),
                );
                // The pair's commands in creation order.
                let commands = partner.map(|p| {
                    let pos = |id: &str| d.circuits.iter().position(|c| c.id == id);
                    if pos(&s.id) <= pos(&p.id) {
                        er_core::resiliency::pair_commands(&s.circuit, &p.circuit)
                    } else {
                        er_core::resiliency::pair_commands(&p.circuit, &s.circuit)
                    }
                });
                let link = partner.map(|p| {
                    (
                        Route::Circuit {
                            id: p.id.clone(),
                            section: Section::Step(p.step),
                        }
                        .href(),
                        p.circuit.name.clone(),
                    )
                });
                let open = crate::components::findings::findings(d, Some(&s.id))
                    .0
                    .len();
                (line, link, commands, open)
            })
        })
    });
    move || {
        state.get().map(|(line, link, commands, open)| {
            view! {
                // A section, not a details: the store's updates redraw it, which would close it.
                <section class="resiliency-card" aria-label="Resiliency">
                    <p class="resiliency-summary">{line}{match open { 0 => String::new(), 1 => " 1 finding to review.".into(), n => format!(" {n} findings to review.") }}</p>
                    {link.map(|(href, name)| view! {
                        <p>"The other circuit of the pair: "<a href=href>{name}</a>". Walk both through the steps: configure the same peerings and link the same virtual networks to both."</p>
                    })}
                    {commands.filter(|_| step == 1).map(|p| view! {
                        <crate::pages::wizard::commands::CommandList pairs=vec![p] heading="Commands that create both circuits of the pair"/>
                    })}
                    <crate::components::ResiliencyFindings only=id3.clone()/>
                </section>
            }
        })
    }
}

/// "Continue to step N" and "Back to step M" links at the bottom of a step, passing over a step
/// that does not apply to the circuit (the core's rule: no provider step on ExpressRoute Direct).
#[component]
pub fn StepLinks(
    /// The circuit's id.
    id: String,
    /// The circuit.
    circuit: Circuit,
    /// This step.
    step: u8,
) -> impl IntoView {
    let next = er_core::steps::next_wizard_step(&circuit, step).map(|n| {
        let href = Route::Circuit {
            id: id.clone(),
            section: Section::Step(n),
        }
        .href();
        view! { <a class="button" href=href>{format!("Continue to step {n}")}</a> }
    });
    let back = er_core::steps::previous_wizard_step(&circuit, step).map(|n| {
        let href = Route::Circuit {
            id: id.clone(),
            section: Section::Step(n),
        }
        .href();
        view! { <a class="back-link" href=href>{format!("Back to step {n}")}</a> }
    });
    view! { <p class="step-links">{next}" "{back}</p> }
}

/// A blocked step: "Cannot start yet" and the core's reason and remedy.
#[component]
pub fn Blocked(
    /// The refusal.
    refusal: Refusal,
) -> impl IntoView {
    view! {
        <div class="callout blocked">
            <h2>"Cannot start yet"</h2>
            <p>{refusal.to_string()}</p>
            <p><strong>"What to do: "</strong>{refusal.remedy()}</p>
            <Sources cited=refusal.source_key()/>
        </div>
    }
}

/// Runs the action when pressed; keeps the page's feedback up to date.
#[component]
pub fn ActionButton(
    /// The circuit id.
    id: String,
    /// Builds the action at press time.
    action: Action,
    /// The button text (also the timeline label).
    #[prop(into)]
    label: String,
    /// Extra class ("secondary", "warning").
    #[prop(optional, into)]
    class: String,
) -> impl IntoView {
    let store = use_store();
    let fb = expect_context::<FeedbackCtx>();
    let text = label.clone();
    view! {
        <button type="button" class=format!("button {class}") on:click=move |_| {
            act(store, fb, &id, action.clone(), &label);
        }>{text}</button>
    }
}

/// Buttons for simulated actions (the provider's side), each with the core's reason when it is
/// not possible now.
#[component]
pub fn SimActions(
    /// The circuit id.
    id: String,
    /// The circuit as it is now.
    circuit: Circuit,
    /// The actions offered, with their button text.
    actions: Vec<(Action, &'static str)>,
) -> impl IntoView {
    view! {
        <ul class="sim-actions">
            {actions.into_iter().map(|(action, label)| {
                let why = er_core::precondition(&circuit, action.kind()).err();
                view! {
                    <li>
                        <ActionButton id=id.clone() action=action label=label class="secondary"/>
                        {why.map(|r| view! { <p class="hint">"Not possible now: "{r.to_string()}</p> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
