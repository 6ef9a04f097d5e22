//! Browser tests of shared components, mounted for real by wasm-bindgen-test in headless Chromium.
#![cfg(target_arch = "wasm32")]

use er_wizard::components::error_summary::Problem;
use er_wizard::components::{CitedText, ErrorSummary, Sources, TextField};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
async fn error_summary_takes_focus_and_links_to_each_field() {
    let problems = RwSignal::new(Vec::<Problem>::new());
    let value = RwSignal::new("65515".to_string());
    let error = Signal::derive(move || problems.with(|p| p.first().map(|p| p.message.clone())));
    leptos::mount::mount_to_body(move || {
        view! {
            <ErrorSummary problems=Signal::from(problems)/>
            <TextField id="t-peer-asn" label="Peer ASN" value=value error=error/>
        }
    });
    leptos::task::tick().await;
    assert!(document()
        .query_selector(".error-summary")
        .unwrap()
        .is_none());

    problems.set(vec![Problem {
        field_id: "t-peer-asn".into(),
        message: "ASN 65515 cannot be used.".into(),
    }]);
    leptos::task::tick().await;
    let summary = document()
        .query_selector(".error-summary")
        .unwrap()
        .expect("summary shown");
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        document().active_element().unwrap(),
        summary,
        "summary takes focus"
    );
    let link: web_sys::HtmlElement = summary
        .query_selector("a")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("#t-peer-asn"));

    let input = document().get_element_by_id("t-peer-asn").unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("t-peer-asn-error")
    );
    // The value typed is kept while the error shows.
    let input: web_sys::HtmlInputElement = input.dyn_into().unwrap();
    assert_eq!(input.value(), "65515");

    link.click();
    assert_eq!(document().active_element().unwrap().id(), "t-peer-asn");
}

#[wasm_bindgen_test]
async fn sources_are_named_links_and_inferred_rules_say_so() {
    leptos::mount::mount_to_body(move || {
        view! {
            <div id="t-sources">
                <Sources cited="[PORTAL-CIRCUIT] [CLI-LINK] [inferred: Azure resource naming rules]"/>
            </div>
            <ul id="t-cited"><li><CitedText text="The circuit is usable. [WF] [TROUBLE]"/></li></ul>
        }
    });
    leptos::task::tick().await;
    let line = document()
        .query_selector("#t-sources .source")
        .unwrap()
        .expect("a Source line");
    let text = line.text_content().unwrap();
    assert_eq!(
        text,
        "Sources: Create and modify an ExpressRoute circuit in the Azure portal (Microsoft Learn), \
         Connect a virtual network to an ExpressRoute circuit using the Azure CLI (Microsoft Learn). \
         Inferred (Azure resource naming rules), not stated by Microsoft."
    );
    // Two links (no NodeList in this crate's web-sys features: count by position).
    assert!(line.query_selector("a:nth-of-type(2)").unwrap().is_some());
    assert!(line.query_selector("a:nth-of-type(3)").unwrap().is_none());
    let first = line.query_selector("a").unwrap().expect("a link");
    assert_eq!(
        first.get_attribute("href").as_deref(),
        Some("https://learn.microsoft.com/azure/expressroute/expressroute-howto-circuit-portal-resource-manager")
    );
    assert_eq!(
        first.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );

    let item = document().query_selector("#t-cited li").unwrap().unwrap();
    let text = item.text_content().unwrap();
    assert!(
        text.starts_with("The circuit is usable.Sources: ExpressRoute workflows"),
        "{text}"
    );
    assert!(!text.contains('['), "{text}");
    assert!(item
        .query_selector(".source a:nth-of-type(2)")
        .unwrap()
        .is_some());
}
