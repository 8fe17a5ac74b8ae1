//! What loading changed rather than refused: a value clamped into its range, a field that
//! does not apply dropped. Each is a record — the field's path, the value the file gave, what
//! it became and why — so that the window can name the field by its label and the command
//! line by its key, without taking a sentence apart.

use std::fmt;

/// One value the loader changed so that the file could load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adjustment {
    /// The field as a file spells it: `workload.replicas`, `components[2].workload.services`.
    pub path: String,
    /// The value the file gave, written as the file writes it.
    pub from: String,
    /// What it became, written as the file writes it; `None` when the value was dropped.
    pub to: Option<String>,
    pub why: Why,
}

/// Why a value was changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// Below the field's minimum: the minimum is used.
    BelowMinimum,
    /// Above the field's maximum: the maximum is used.
    AboveMaximum,
    /// `host_price_per_hour` on a custom host, whose `host_cost_per_month` applies instead.
    PricesOnlyCatalogHosts,
}

impl Adjustment {
    /// What happened, after the field's name: "0 is below the minimum 1; using 1".
    pub fn message(&self) -> String {
        let to = self.to.as_deref().unwrap_or_default();
        match self.why {
            Why::BelowMinimum => format!("{} is below the minimum {to}; using {to}", self.from),
            Why::AboveMaximum => format!("{} is above the maximum {to}; using {to}", self.from),
            Why::PricesOnlyCatalogHosts => {
                "prices a catalog host; on custom hosts host_cost_per_month applies, so it is ignored".to_owned()
            }
        }
    }
}

impl fmt::Display for Adjustment {
    /// `path: message`, as the command line prints it after `warning: `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_reason_reads_as_one_line_after_its_path() {
        let clamped = Adjustment {
            path: "workload.replicas".into(),
            from: "0".into(),
            to: Some("1".into()),
            why: Why::BelowMinimum,
        };
        assert_eq!(clamped.to_string(), "workload.replicas: 0 is below the minimum 1; using 1");
        let dropped = Adjustment {
            path: "environment.host_price_per_hour".into(),
            from: "0.5".into(),
            to: None,
            why: Why::PricesOnlyCatalogHosts,
        };
        assert_eq!(
            dropped.to_string(),
            "environment.host_price_per_hour: prices a catalog host; on custom hosts host_cost_per_month applies, so it is ignored"
        );
    }
}
