//! Sentences on what the workload costs each option in resources and time: footprint,
//! start-up, throughput, scaling, networking and heavy work.

use std::fmt::Write as _;

use super::{Why, cores, count, number_of};
use crate::model::TraitId;
use crate::model::criteria::Record;
use crate::model::format::{Days, Number, Seconds};

impl Why<'_> {
    pub(super) fn resource_efficiency(&self, out: &mut String) -> std::fmt::Result {
        let resources = |i: usize| &self.evaluation.options[i].resources;
        let figure =
            |i: usize| format!("{} GiB and {}", Number(resources(i).memory_gib), cores(resources(i).cpu_cores));
        write!(out, "At peak, {} need {}", self.spec().plural, figure(self.option))?;
        self.vs(out, figure)?;
        out.push('.');
        Ok(())
    }

    pub(super) fn startup_speed(&self, out: &mut String) -> std::fmt::Result {
        let resources = |i: usize| &self.evaluation.options[i].resources;
        let relevance = match self.record() {
            Record::StartupSpeed { relevance } => relevance,
            _ => 0.0,
        };
        out.push_str(if relevance >= 0.5 { "Start-up latency matters (" } else { "Start-up latency hardly matters (" });
        write!(out, "sensitivity {}", self.rating(TraitId::StartLatencySensitivity))?;
        let figure = |i: usize| format!("~{}", Seconds(resources(i).start_seconds));
        write!(out, "): {} start in {}", self.spec().plural, figure(self.option))?;
        self.vs(out, figure)?;
        let warm = resources(self.option).warm_pool;
        if warm > 0.0 {
            write!(
                out,
                "; replacing instances that live ~{} keeps {} warm",
                Days(self.profile.workload().lifespan_days),
                count(warm, "booted spare", "booted spares")
            )?;
        }
        out.push('.');
        Ok(())
    }

    pub(super) fn runtime_performance(&self, out: &mut String) -> std::fmt::Result {
        let figure = |i: usize| format!("{}%", Number(10.0 * self.score_of(i).score));
        write!(
            out,
            "With data intensity {} and chattiness {}, {} deliver ~{} of bare-metal throughput",
            self.rating(TraitId::DataIntensity),
            self.rating(TraitId::Chattiness),
            self.spec().plural,
            figure(self.option)
        )?;
        self.vs(out, figure)?;
        if self.profile.workload().packet_data_plane {
            let hypervisors = self.spec().packet_efficiency;
            if let Some(id) = hypervisors.first() {
                let kept = self.evaluation.values.get(*id);
                write!(
                    out,
                    "; a packet data plane keeps {}% of its throughput behind a hypervisor",
                    Number(100.0 * kept)
                )?;
            } else {
                out.push_str(
                    "; a packet data plane takes the host's own virtual function, with no hypervisor in its path",
                );
            }
        }
        out.push('.');
        Ok(())
    }

    pub(super) fn scalability(&self, out: &mut String) -> std::fmt::Result {
        let resources = |i: usize| &self.evaluation.options[i].resources;
        let peak = self.profile.workload().peak_factor;
        if resources(self.option).scale_to_peak_seconds <= 0.0 {
            write!(out, "Load is flat (peak factor {}): no scaling needed", Number(peak))?;
        } else {
            let figure = |i: usize| format!("~{}", Seconds(resources(i).scale_to_peak_seconds));
            write!(
                out,
                "Peak is {}× steady load: {} reach it in {}",
                Number(peak),
                self.spec().plural,
                figure(self.option)
            )?;
            self.vs(out, figure)?;
        }
        if matches!(self.record(), Record::Scalability { coupled } if coupled > 0.0) {
            write!(
                out,
                "; coupled services (legacy coupling {}) scale together",
                self.rating(TraitId::LegacyCoupling)
            )?;
        }
        out.push('.');
        Ok(())
    }

    pub(super) fn networking_simplicity(&self, out: &mut String) -> std::fmt::Result {
        let figure = |i: usize| number_of(self.evaluation.options[i].resources.instances_steady);
        write!(
            out,
            "Chattiness {} across {} separately networked {}",
            self.rating(TraitId::Chattiness),
            figure(self.option),
            self.spec().plural
        )?;
        let same = self.rival.is_some_and(|i| figure(i) == figure(self.option));
        if same && self.ahead() {
            write!(
                out,
                "; pods and a flat L3 network, known to the team (maturity {}), keep it simpler",
                self.rating(TraitId::TeamContainerMaturity)
            )?;
        } else if same && self.behind() {
            out.push_str(", without the pod network an orchestrator provides");
        } else {
            self.vs(out, figure)?;
        }
        out.push('.');
        Ok(())
    }

    pub(super) fn heavy_workloads(&self, out: &mut String) -> std::fmt::Result {
        let w = self.profile.workload();
        let heaviness = match self.record() {
            Record::HeavyWorkloads { heaviness } => heaviness,
            _ => 0.0,
        };
        write!(
            out,
            "Heaviness {}% (data intensity {}{} {} MiB per instance, instances live ~{}): ",
            Number(100.0 * heaviness),
            self.rating(TraitId::DataIntensity),
            if w.packet_data_plane { " of packets in flight, not counted;" } else { "," },
            Number(w.memory_per_instance_mib),
            Days(w.lifespan_days),
        )?;
        let o = self.spec();
        let heavy = o.readings.heavy_work;
        // A reading that is no drawback of its own (bare metal's full I/O) trails only because
        // the rival is credited for heavy work.
        if heavy.value >= 0.0 && self.behind() {
            write!(out, "{}, though {} suit heavy work better.", heavy.label, self.rival_plural())
        } else if heavy.value > 0.0 || self.behind() {
            write!(out, "{}.", heavy.label)
        } else {
            write!(out, "{} carry it with less overhead than {}.", o.plural, self.rival_plural())
        }
    }
}
