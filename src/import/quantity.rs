//! Resource quantities as the two formats write them, parsed or refused with the value named.
//!
//! - Kubernetes (`resource.Quantity`, k8s.io/apimachinery `pkg/api/resource/quantity.go`):
//!   a decimal number with an optional suffix: binary `Ki Mi Gi Ti Pi Ei` (powers of 1024),
//!   decimal `m k M G T P E` (`m` is milli), or an exponent `e3`/`E3`. Memory in bytes, CPU in
//!   cores: `512Mi`, `1G`, `1Gi`, `500m`, `0.5`, `2`, `1e3`.
//! - Compose (Compose Specification, "Specifying byte values"; read by compose-go with
//!   docker/go-units `RAMInBytes`): a number with an optional unit `b k m g t p`, optionally
//!   followed by `b` or `ib`, any case, all powers of 1024: `512m`, `1gb`, `2g`, `300M`.
//!   `cpus` is a plain decimal number of cores (`0.5`, `"1.5"`).
//!
//! The same text means different things in the two formats (`512m` is 512 MiB in Compose
//! and 0.512 bytes in Kubernetes), so each format has its own parser.

use thiserror::Error;

const MIB: f64 = 1024.0 * 1024.0;

/// A quantity that could not be read, with the text as written.
#[derive(Clone, Debug, Error, PartialEq)]
#[error("`{value}`: {problem}")]
pub struct QuantityError {
    pub value: String,
    pub problem: QuantityProblem,
}

/// Why a quantity was refused.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum QuantityProblem {
    #[error("empty")]
    Empty,
    #[error("not a number followed by a unit")]
    NotANumber,
    #[error("unknown unit `{0}`")]
    UnknownUnit(String),
    #[error("negative")]
    Negative,
    #[error("too large")]
    NotFinite,
    /// Below one MiB of memory: almost always a unit slip (`512m` is 0.512 bytes in
    /// Kubernetes, where `m` means milli; `512Mi` was meant).
    #[error("{bytes} bytes is below 1 MiB; in Kubernetes `m` means milli (write `Mi` for MiB)")]
    ImplausiblySmallMemory { bytes: f64 },
}

/// Kubernetes memory quantity → MiB.
pub fn kubernetes_memory_mib(text: &str) -> Result<f64, QuantityError> {
    let bytes = kubernetes_quantity(text)?;
    if bytes > 0.0 && bytes < MIB {
        return Err(refuse(text, QuantityProblem::ImplausiblySmallMemory { bytes }));
    }
    Ok(bytes / MIB)
}

/// Kubernetes CPU quantity → cores.
pub fn kubernetes_cpu(text: &str) -> Result<f64, QuantityError> {
    kubernetes_quantity(text)
}

/// Compose byte value → MiB.
pub fn compose_memory_mib(text: &str) -> Result<f64, QuantityError> {
    let (number, unit) = split_number(text)?;
    // go-units allows one space between number and unit ("512 m").
    let unit = unit.strip_prefix(' ').unwrap_or(unit).to_ascii_lowercase();
    let without_b = unit.strip_suffix('b').unwrap_or(&unit);
    let (letter, binary_i) = match without_b.strip_suffix('i') {
        Some(letter) => (letter, true),
        None => (without_b, false),
    };
    let power = match letter {
        "" if binary_i => return Err(refuse(text, QuantityProblem::UnknownUnit(unit.clone()))),
        "" => 0,
        "k" => 1,
        "m" => 2,
        "g" => 3,
        "t" => 4,
        "p" => 5,
        _ => return Err(refuse(text, QuantityProblem::UnknownUnit(unit.clone()))),
    };
    finite(text, number * 1024_f64.powi(power) / MIB)
}

/// Compose `cpus` → cores.
pub fn compose_cpus(text: &str) -> Result<f64, QuantityError> {
    let (number, unit) = split_number(text)?;
    if !unit.is_empty() {
        return Err(refuse(text, QuantityProblem::UnknownUnit(unit.to_owned())));
    }
    finite(text, number)
}

fn kubernetes_quantity(text: &str) -> Result<f64, QuantityError> {
    let (number, suffix) = split_number(text)?;
    // Milli and negative exponents divide by a power of ten, which is exact where it can
    // be (`100m` is 0.1, not the 0.1000000000000000055 that multiplying by 0.001 makes).
    let value = match suffix {
        "" => number,
        "m" => number / 1e3,
        "k" => number * 1e3,
        "M" => number * 1e6,
        "G" => number * 1e9,
        "T" => number * 1e12,
        "P" => number * 1e15,
        "E" => number * 1e18,
        "Ki" => number * 1024_f64,
        "Mi" => number * 1024_f64.powi(2),
        "Gi" => number * 1024_f64.powi(3),
        "Ti" => number * 1024_f64.powi(4),
        "Pi" => number * 1024_f64.powi(5),
        "Ei" => number * 1024_f64.powi(6),
        _ => match suffix.strip_prefix(['e', 'E']).and_then(exponent) {
            Some(power) if power < 0 => number / 10_f64.powi(-power),
            Some(power) => number * 10_f64.powi(power),
            None => return Err(refuse(text, QuantityProblem::UnknownUnit(suffix.to_owned()))),
        },
    };
    finite(text, value)
}

/// A signed integer exponent (`3`, `-2`, `+6`).
fn exponent(text: &str) -> Option<i32> {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Split `text` into its leading decimal number (`[+-]digits[.digits]`) and the rest.
/// Refuses what `f64::from_str` would otherwise accept but no quantity grammar does
/// (`inf`, `NaN`, `1e3` written inside the number part is handled by the caller's suffix).
fn split_number(text: &str) -> Result<(f64, &str), QuantityError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(refuse(text, QuantityProblem::Empty));
    }
    let unsigned = trimmed.strip_prefix('+').unwrap_or(trimmed);
    if unsigned.starts_with('-') {
        return Err(refuse(text, QuantityProblem::Negative));
    }
    let end = unsigned.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(unsigned.len());
    let (number, rest) = unsigned.split_at(end);
    let digits = number.bytes().filter(u8::is_ascii_digit).count();
    if digits == 0 || number.matches('.').count() > 1 {
        return Err(refuse(text, QuantityProblem::NotANumber));
    }
    let value: f64 = number.parse().map_err(|_| refuse(text, QuantityProblem::NotANumber))?;
    Ok((value, rest))
}

/// A mean rounded to 15 significant digits, so that the binary rounding of a sum does not
/// show (seven services of `100m` average 0.1 cores, not 0.09999999999999999). Every figure
/// a file states has fewer digits (1G is 953.67431640625 MiB: 14), and f64 holds 15 exactly.
pub(crate) fn tidy(mean: f64) -> f64 {
    format!("{mean:.14e}").parse().unwrap_or(mean)
}

fn finite(text: &str, value: f64) -> Result<f64, QuantityError> {
    if value.is_finite() { Ok(value) } else { Err(refuse(text, QuantityProblem::NotFinite)) }
}

fn refuse(text: &str, problem: QuantityProblem) -> QuantityError {
    QuantityError { value: text.to_owned(), problem }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: Result<f64, QuantityError>, expected: f64) {
        let actual = actual.expect("parses");
        assert!((actual - expected).abs() <= expected.abs() * 1e-12, "{actual} != {expected}");
    }

    #[test]
    fn kubernetes_memory_forms() {
        close(kubernetes_memory_mib("512Mi"), 512.0);
        close(kubernetes_memory_mib("1Gi"), 1024.0);
        // 1G = 10^9 bytes = 953.674… MiB
        close(kubernetes_memory_mib("1G"), 1e9 / 1_048_576.0);
        close(kubernetes_memory_mib("128974848"), 123.0);
        close(kubernetes_memory_mib("129e6"), 129e6 / 1_048_576.0);
        close(kubernetes_memory_mib("129M"), 129e6 / 1_048_576.0);
        close(kubernetes_memory_mib("1.5Gi"), 1536.0);
        close(kubernetes_memory_mib("2Ti"), 2.0 * 1024.0 * 1024.0);
        close(kubernetes_memory_mib("0"), 0.0);
    }

    #[test]
    fn kubernetes_cpu_forms() {
        close(kubernetes_cpu("500m"), 0.5);
        close(kubernetes_cpu("0.5"), 0.5);
        close(kubernetes_cpu("2"), 2.0);
        close(kubernetes_cpu("1e3"), 1000.0);
        close(kubernetes_cpu("1E-1"), 0.1);
        close(kubernetes_cpu("+250m"), 0.25);
        close(kubernetes_cpu(".5"), 0.5);
        close(kubernetes_cpu("1k"), 1000.0);
    }

    #[test]
    fn kubernetes_refusals_name_the_value() {
        let slip = kubernetes_memory_mib("512m").expect_err("0.512 bytes");
        assert_eq!(slip.value, "512m");
        assert!(matches!(slip.problem, QuantityProblem::ImplausiblySmallMemory { .. }));
        assert!(slip.to_string().contains("`512m`"), "{slip}");
        let unit = kubernetes_memory_mib("512MB").expect_err("MB is not a Kubernetes suffix");
        assert_eq!(unit.problem, QuantityProblem::UnknownUnit("MB".into()));
        assert_eq!(kubernetes_cpu("-1").expect_err("negative").problem, QuantityProblem::Negative);
        assert_eq!(kubernetes_cpu("").expect_err("empty").problem, QuantityProblem::Empty);
        assert_eq!(kubernetes_cpu("lots").expect_err("text").problem, QuantityProblem::NotANumber);
        assert_eq!(kubernetes_cpu("inf").expect_err("inf").problem, QuantityProblem::NotANumber);
        assert_eq!(kubernetes_cpu("1.2.3").expect_err("dots").problem, QuantityProblem::NotANumber);
        assert_eq!(kubernetes_cpu("1K").expect_err("K").problem, QuantityProblem::UnknownUnit("K".into()));
        assert_eq!(kubernetes_cpu("1e").expect_err("e").problem, QuantityProblem::UnknownUnit("e".into()));
        assert_eq!(kubernetes_cpu("1e999").expect_err("huge").problem, QuantityProblem::NotFinite);
    }

    #[test]
    fn compose_byte_forms() {
        close(compose_memory_mib("512m"), 512.0);
        close(compose_memory_mib("1gb"), 1024.0);
        close(compose_memory_mib("2g"), 2048.0);
        close(compose_memory_mib("300M"), 300.0);
        close(compose_memory_mib("2048k"), 2.0);
        close(compose_memory_mib("1024kb"), 1.0);
        close(compose_memory_mib("1.5GiB"), 1536.0);
        close(compose_memory_mib("512 m"), 512.0);
        close(compose_memory_mib("1048576"), 1.0);
        close(compose_memory_mib("1048576b"), 1.0);
    }

    #[test]
    fn compose_refusals_name_the_value() {
        let err = compose_memory_mib("1 gigabyte").expect_err("unknown unit");
        assert_eq!(err.value, "1 gigabyte");
        assert_eq!(err.problem, QuantityProblem::UnknownUnit("gigabyte".into()));
        assert_eq!(compose_memory_mib("1Gi").map(f64::round), Ok(1024.0), "`Gi` is go-units' `g` + `i`");
        assert_eq!(compose_memory_mib("5ib").expect_err("ib").problem, QuantityProblem::UnknownUnit("ib".into()));
        assert_eq!(compose_memory_mib("1e3").expect_err("exp").problem, QuantityProblem::UnknownUnit("e3".into()));
        assert_eq!(compose_memory_mib("-1g").expect_err("neg").problem, QuantityProblem::Negative);
    }

    #[test]
    fn compose_cpu_forms() {
        close(compose_cpus("0.5"), 0.5);
        close(compose_cpus("2"), 2.0);
        close(compose_cpus("1.50"), 1.5);
        assert_eq!(compose_cpus("500m").expect_err("m").problem, QuantityProblem::UnknownUnit("m".into()));
    }
}
