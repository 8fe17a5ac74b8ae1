//! Sentences on what each platform asks of the app and the team: OS flexibility, portability,
//! delivery, migration, failure model and nesting.

use std::fmt::Write as _;

use super::{LONG_LIVED_DAYS, Standing, Why, deploys_a_week, lifetime_adjective};
use crate::model::TraitId;
use crate::model::criteria::Record;
use crate::model::format::Days;
use crate::model::rules::MigrationPath;
use crate::model::traits::PrimaryOs;

impl Why<'_> {
    pub(super) fn os_flexibility(&self, out: &mut String) -> std::fmt::Result {
        let o = self.spec();
        let label = o.readings.os_flexibility.label;
        write!(out, "OS diversity {}: {} {label}", self.rating(TraitId::OsDiversity), o.plural)?;
        let windows = self.profile.workload().primary_os == PrimaryOs::Windows;
        out.push_str(if o.linux_only && windows {
            ", so this Windows workload cannot run on them at all."
        } else if windows && !o.runs_any_os && !self.behind() {
            " (Windows here), which is all this workload needs."
        } else if o.runs_any_os {
            "."
        } else if self.behind() {
            ", so other OSes need another platform."
        } else {
            ", which is all this workload needs."
        });
        Ok(())
    }

    pub(super) fn portability(&self, out: &mut String) -> std::fmt::Result {
        let o = self.spec();
        if o.image_pipeline {
            // Every image-built option ships container images ("Containers on VMs images"
            // would misname them).
            let (diversity, coupling) = (self.rating(TraitId::OsDiversity), self.rating(TraitId::LegacyCoupling));
            if self.behind() {
                write!(
                    out,
                    "Container images move only where the kernel matches (OS diversity {diversity}) and the app is self-contained (legacy coupling {coupling})."
                )
            } else {
                write!(
                    out,
                    "Container images move between clouds and bare metal wherever the kernel matches (OS diversity {diversity}, legacy coupling {coupling})."
                )
            }
        } else if self.ahead() {
            write!(
                out,
                "{} images carry their own OS, so they move to any hypervisor that reads their format, whatever kernel the app needs.",
                o.label
            )
        } else {
            write!(out, "{} images weigh gigabytes and follow a hypervisor's format.", o.label)
        }
    }

    pub(super) fn delivery_speed(&self, out: &mut String) -> std::fmt::Result {
        let o = self.spec();
        let w = self.profile.workload();
        write!(out, "{}: ", deploys_a_week(w.deploys_per_week))?;
        if o.image_pipeline {
            write!(
                out,
                "{} pick up changes by restarting from a new image, as far as the team (maturity {}) can run that pipeline",
                o.plural,
                self.rating(TraitId::TeamContainerMaturity)
            )?;
            if self.evaluation.options[self.option].path == MigrationPath::Decomposed {
                out.push_str("; decomposed, its services ship independently");
            }
            out.push('.');
            Ok(())
        } else if self.ahead() {
            write!(out, "{} ship through the release process the team already runs.", o.plural)
        } else if w.lifespan_days >= LONG_LIVED_DAYS {
            write!(out, "every release changes long-lived {} in place.", o.plural)
        } else {
            write!(
                out,
                "every release means a new VM image for {} {}, without the container tooling for it.",
                lifetime_adjective(w.lifespan_days),
                o.plural
            )
        }
    }

    pub(super) fn migration(&self, out: &mut String) -> std::fmt::Result {
        let result = &self.evaluation.options[self.option];
        let o = result.spec;
        let w = &self.profile.workload();
        write!(out, "Legacy coupling {}: ", self.rating(TraitId::LegacyCoupling))?;
        if !o.image_pipeline {
            return write!(
                out,
                "{} take the app as it is (lift and shift), and can be the first step before decomposing.",
                o.plural
            );
        }
        match result.path {
            MigrationPath::AsIs if w.legacy_coupling == 0 && self.standing != Standing::Behind => {
                write!(out, "nothing to untangle: the app moves into {} as it is", o.plural)?;
            }
            MigrationPath::AsIs if w.legacy_coupling == 0 => {
                write!(out, "the app moves into {} as it is", o.plural)?;
            }
            MigrationPath::AsIs => {
                write!(out, "{} take the app as it is, packaged into images (containerised as-is)", o.plural)?;
                if self.behind() {
                    out.push_str(", which still means untangling it from its surroundings");
                }
            }
            MigrationPath::Decomposed => write!(
                out,
                "{} take the app decomposed into services first, the most work but independent releases and scaling",
                o.plural
            )?,
        }
        if self.behind() && w.team_container_maturity < 10 {
            write!(
                out,
                "; the team (maturity {}) must learn the platform",
                self.rating(TraitId::TeamContainerMaturity)
            )?;
        }
        out.push('.');
        Ok(())
    }

    pub(super) fn resilience_fit(&self, out: &mut String) -> std::fmt::Result {
        let o = self.spec();
        let (churn, live_migration) = match self.record() {
            Record::ResilienceFit { churn, live_migration } => (churn, live_migration),
            _ => (0.0, 0.0),
        };
        write!(out, "Failure tolerance {}: ", self.rating(TraitId::FailureTolerance))?;
        match (o.orchestrated, self.behind()) {
            (true, false) => write!(out, "the platform reschedules {} that die, as the app expects.", o.plural),
            (true, true) => {
                write!(out, "the platform assumes {} can die at any time, which the app is not built for.", o.plural)
            }
            (false, behind) if churn >= 0.5 => {
                write!(
                    out,
                    "{} living ~{} are replaced from their image all the time",
                    o.plural,
                    Days(self.profile.workload().lifespan_days)
                )?;
                out.push_str(if behind {
                    ", more slowly than an orchestrator reschedules."
                } else {
                    ", which the app allows."
                });
                Ok(())
            }
            (false, false) => {
                write!(out, "{} are kept running, which suits apps not built for instances dying", o.plural)?;
                if live_migration > 0.0 {
                    out.push_str(", and the hypervisor live-migrates them through host maintenance where pods would be drained and restarted");
                }
                out.push('.');
                Ok(())
            }
            (false, true) => write!(
                out,
                "{} are kept running, while the app could let an orchestrator replace them freely.",
                o.plural
            ),
        }
    }

    pub(super) fn nesting(&self, out: &mut String) -> std::fmt::Result {
        let o = self.spec();
        if !self.profile.workload().nested_virtualization {
            out.push_str("No nested virtualization needed.");
            return Ok(());
        }
        out.push_str("The workload runs VMs itself: ");
        if !o.can_nest() {
            write!(out, "{} do not offer KVM to their guests in production.", o.plural)
        } else if o.needs_hardware_virtualization
            && !self.behind()
            && self.rival.is_some_and(|r| !self.evaluation.options[r].spec.can_nest())
        {
            write!(
                out,
                "{} can nest them, as a documented hypervisor feature at a cost, where {} do not offer KVM to their guests in production.",
                o.plural,
                self.rival_plural()
            )
        } else if o.needs_hardware_virtualization {
            write!(out, "nesting them in {} is hard and costly.", o.plural)
        } else {
            write!(out, "{} host them without a second hypervisor layer.", o.plural)
        }
    }
}
