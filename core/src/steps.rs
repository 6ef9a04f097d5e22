//! The wizard's steps, in one place: their numbers and titles (Microsoft's provisioning workflow,
//! [WF]), which of them apply to a circuit, the step before and after, and the step a circuit is
//! at. The app's step bar, its routes, the per-step commands and the importer all read this.

use crate::circuit::{Circuit, CircuitPhase};

/// How many steps the workflow has; steps are numbered 1 to `STEP_COUNT`.
pub const STEP_COUNT: u8 = 5;

/// The workflow's steps, numbered as Microsoft's workflow and the wizard number them. [WF]
pub const STEPS: [(u8, &str); STEP_COUNT as usize] = [
    (1, "Create the circuit"),
    (2, "Order connectivity from the provider"),
    (3, "Verify the provisioning state"),
    (4, "Configure routing"),
    (5, "Link virtual networks"),
];

/// The title of a step, if it is one.
pub fn title(step: u8) -> Option<&'static str> {
    STEPS.iter().find(|(n, _)| *n == step).map(|(_, t)| *t)
}

/// Whether a wizard step has anything to do for this circuit: an ExpressRoute Direct circuit
/// has no provider, so no provider step (SC-14 [WF]).
pub fn step_applies(c: &Circuit, step: u8) -> bool {
    title(step).is_some() && !(step == 2 && c.is_direct())
}

/// The steps that apply to this circuit, in order, with their titles.
pub fn steps_for(c: &Circuit) -> impl Iterator<Item = (u8, &'static str)> + '_ {
    STEPS.into_iter().filter(|(n, _)| step_applies(c, *n))
}

/// The step after `step` that applies to this circuit, if any.
pub fn next_wizard_step(c: &Circuit, step: u8) -> Option<u8> {
    steps_for(c).map(|(n, _)| n).find(|n| *n > step)
}

/// The step before `step` that applies to this circuit, if any.
pub fn previous_wizard_step(c: &Circuit, step: u8) -> Option<u8> {
    steps_for(c).map(|(n, _)| n).filter(|n| *n < step).last()
}

/// The step where the person working on this circuit most likely is, from its saved state (an
/// imported circuit opens there): waiting on the provider is step 2 (step 3 for Direct, which
/// has no provider step), a usable circuit without peerings step 4, with peerings step 5.
pub fn step_for(c: &Circuit) -> u8 {
    use CircuitPhase as P;
    let step = match c.phase() {
        P::NotProvisioned | P::Provisioning | P::Deprovisioning => 2,
        P::Provisioned | P::Direct if c.peerings.is_empty() => 4,
        P::Provisioned | P::Direct => 5,
        P::Deleting => 3,
    };
    if step_applies(c, step) {
        step
    } else {
        next_wizard_step(c, step).unwrap_or(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{create, CreateCircuit};
    use crate::PortType;

    fn circuit(port_type: PortType) -> Circuit {
        let req = CreateCircuit {
            name: "er".into(),
            resource_group: "rg".into(),
            region: "West US".into(),
            port_type,
            provider: "Equinix".into(),
            peering_location: "Silicon Valley".into(),
            bandwidth_mbps: 1000,
            express_route_port: "port1".into(),
            port_bandwidth_gbps: 10,
            bandwidth_gbps: 1,
            ..Default::default()
        };
        create(&req, "a1410692-0000-4ceb-b94a-b90b94d398d1").expect("valid request")
    }

    #[test]
    fn a_provider_circuit_has_all_five_steps_in_order_wf() {
        let c = circuit(PortType::Provider);
        let numbers: Vec<u8> = steps_for(&c).map(|(n, _)| n).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5]);
        assert_eq!(next_wizard_step(&c, 1), Some(2));
        assert_eq!(previous_wizard_step(&c, 3), Some(2));
        assert_eq!(next_wizard_step(&c, 5), None);
        assert_eq!(previous_wizard_step(&c, 1), None);
        assert_eq!(step_for(&c), 2, "a new circuit waits on the provider");
    }

    #[test]
    fn a_direct_circuit_has_no_provider_step_sc_14() {
        let c = circuit(PortType::Direct);
        let numbers: Vec<u8> = steps_for(&c).map(|(n, _)| n).collect();
        assert_eq!(numbers, [1, 3, 4, 5]);
        assert_eq!(next_wizard_step(&c, 1), Some(3));
        assert_eq!(previous_wizard_step(&c, 3), Some(1));
        assert!(!step_applies(&c, 2));
        assert_ne!(step_for(&c), 2);
    }

    #[test]
    fn titles_are_the_workflows() {
        assert_eq!(title(1), Some("Create the circuit"));
        assert_eq!(title(5), Some("Link virtual networks"));
        assert_eq!(title(0), None);
        assert_eq!(title(STEP_COUNT + 1), None);
    }
}
