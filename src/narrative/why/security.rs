//! Sentences on keeping neighbours apart and the software trustworthy: isolation, patching
//! and the supply chain.

use std::fmt::Write as _;

use super::{Standing, Why, number_of};
use crate::model::criteria::Record;
use crate::model::format::{Days, Number};
use crate::model::options::Boundary;
use crate::model::traits::VmPatching;
use crate::model::{AssumptionId, TraitId};

impl Why<'_> {
    pub(super) fn isolation(&self, out: &mut String) -> std::fmt::Result {
        let values = &self.evaluation.values;
        let o = self.spec();
        let r = &self.evaluation.options[self.option].resources;
        let recorded = |i: usize| match self.record_of(i) {
            Record::Isolation { threat, exposure } => (threat, exposure),
            _ => (0.0, 0.0),
        };
        let exposure = |i: usize| format!("{}/10", Number(recorded(i).1));
        let boundary = match o.boundary {
            Boundary::Hypervisor => "sit behind a hypervisor boundary with a small attack surface",
            Boundary::SharedKernel if self.standing == Standing::Ahead => {
                "keep a namespace boundary around every service, narrowed further by runtime hardening"
            }
            Boundary::SharedKernel => "share one host kernel with their neighbours, narrowed by runtime hardening",
            Boundary::NodeKernel => {
                if values.get(AssumptionId::TenantsShareNodes) > 0.0 {
                    "share their node's kernel with whatever else is scheduled there; only nodes are separated by a hypervisor"
                } else {
                    "share a node's kernel only with their own tenant's pods; a hypervisor separates the nodes"
                }
            }
        };
        write!(
            out,
            "Isolation need {}, untrusted code {} (threat {}%): {} {boundary}",
            self.rating(TraitId::IsolationNeed),
            self.rating(TraitId::UntrustedCode),
            Number(100.0 * recorded(self.option).0),
            o.plural
        )?;
        if r.services_per_instance > 1.0 {
            let w = self.profile.workload();
            write!(
                out,
                ", and ~{} services share each one with no boundary between them (one breach reaches {} of the {} service instances)",
                Number(r.services_per_instance),
                Number(r.services_per_instance),
                Number(w.services as f64 * w.replicas as f64)
            )?;
        }
        write!(out, "; exposure {}", exposure(self.option))?;
        self.vs(out, exposure)?;
        out.push('.');
        Ok(())
    }

    pub(super) fn patching(&self, out: &mut String) -> std::fmt::Result {
        let results = &self.evaluation.options;
        let o = self.spec();
        let w = &self.profile.workload();
        let figure = |i: usize| number_of(results[i].resources.os_instances_to_patch);
        write!(out, "OS instances to keep patched at steady load: {}", figure(self.option))?;
        self.vs(out, figure)?;
        let rebuild = self.evaluation.values.get(AssumptionId::GoldenImageRebuildDays);
        if o.image_pipeline {
            let images = results[self.option].resources.images_to_rebuild;
            if (images - 1.0).abs() < 1e-9 {
                out.push_str("; its one image is rebuilt, not patched");
            } else {
                write!(out, "; its {} images are rebuilt, not patched", Number(images))?;
            }
        } else if self.profile.environment.vm_patching == VmPatching::GoldenImages {
            write!(
                out,
                "; VMs are replaced from golden images rebuilt every ~{}, not patched in place",
                Days(rebuild)
            )?;
        } else if w.lifespan_days >= rebuild {
            write!(out, "; each guest OS is patched in place over its ~{} life", Days(w.lifespan_days))?;
        } else {
            write!(out, "; guests living ~{} are replaced, not patched: only their image is", Days(w.lifespan_days))?;
        }
        let rival_rebuilds = self.rival.is_some_and(|r| results[r].spec.image_pipeline);
        if !o.image_pipeline && rival_rebuilds && self.behind() {
            write!(
                out,
                ", while {} rebuild theirs with every deploy ({} a week)",
                self.rival_plural(),
                Number(w.deploys_per_week)
            )?;
        }
        if w.compliance_strictness > 0 {
            write!(
                out,
                "; compliance strictness {} adds controls and audit evidence",
                self.rating(TraitId::ComplianceStrictness)
            )?;
            let load = self.evaluation.values.get(o.compliance_control_load);
            if load != 1.0 {
                write!(out, " ({}× a VM estate's)", Number(load))?;
            }
        }
        out.push('.');
        Ok(())
    }

    pub(super) fn supply_chain(&self, out: &mut String) -> std::fmt::Result {
        let o = self.spec();
        if o.image_pipeline {
            write!(
                out,
                "Image trust {}, team maturity {}: ",
                self.rating(TraitId::ImageTrust),
                self.rating(TraitId::TeamContainerMaturity)
            )?;
            return if self.behind() {
                write!(out, "{} run layered images whose provenance must still be checked.", o.plural)
            } else {
                write!(out, "{} run layered images that a pipeline can sign and scan at every build.", o.plural)
            };
        }
        let stale = matches!(self.record(), Record::SupplyChain { guest_staleness } if guest_staleness > 0.0);
        write!(out, "{} images are built in-house", o.label)?;
        if self.behind() && stale {
            write!(
                out,
                ", but instances living ~{} let images sprawl and go stale.",
                Days(self.profile.workload().lifespan_days)
            )
        } else if self.behind() {
            write!(out, ", without the signing and scanning an image pipeline builds in.")
        } else {
            write!(out, ", so their origin is known without trusting layers from elsewhere.")
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::criteria::isolation;
    use crate::model::{AssumptionId, CriterionId, Profile, evaluate};
    use crate::narrative::why;

    /// Changing catalogue figures changes the criterion's reading and the sentences that quote
    /// them: nothing about the isolation boundary is written from a copied number.
    #[test]
    fn isolation_sentences_quote_the_catalogue() {
        let mut profile = Profile::default();
        profile.workload_mut().isolation_need = 10;
        profile.workload_mut().untrusted_code = 0;
        let catalogue = crate::model::catalogs::shipped();
        let reading = isolation::SPEC.reading(&catalogue.assumptions.resolve(&profile.assumptions));
        assert!(reading.contains("× (0.35 + 0.65 × untrusted code/10): own reviewed code keeps 35% of"), "{reading}");
        assert!(reading.contains("hypervisor 2/10, shared kernel 9/10"), "{reading}");
        let vm = why(&evaluate(&profile, catalogue), &profile, 0, CriterionId::ISOLATION);
        assert!(vm.contains("(threat 35%)") && vm.contains("exposure 2/10"), "{vm}");

        profile.assumptions.insert(AssumptionId::FirstPartyThreatShare, 0.2);
        profile.assumptions.insert(AssumptionId::HypervisorExposure, 3.0);
        profile.assumptions.insert(AssumptionId::SharedKernelExposure, 8.0);
        profile.assumptions.insert(AssumptionId::RuntimeHardeningReduction, 0.5);
        let reading = isolation::SPEC.reading(&catalogue.assumptions.resolve(&profile.assumptions));
        assert!(reading.contains("× (0.2 + 0.8 × untrusted code/10): own reviewed code keeps 20% of"), "{reading}");
        assert!(reading.contains("hypervisor 3/10, shared kernel 8/10"), "{reading}");
        assert!(reading.contains("user namespaces: −50%, never"), "{reading}");
        let evaluation = evaluate(&profile, catalogue);
        let vm = why(&evaluation, &profile, 0, CriterionId::ISOLATION);
        // Hardened containers: 8 × (1 − 0.5) = 4.
        assert!(vm.contains("(threat 20%)") && vm.contains("exposure 3/10 vs 4/10 for containers"), "{vm}");
    }
}
