//! Number formatting shared by explanations, the UI and reports, so that one figure reads
//! the same everywhere.

/// A number with about three significant digits and no trailing zeros.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let magnitude = value.abs();
    let text = if magnitude >= 100.0 || magnitude == 0.0 {
        format!("{value:.0}")
    } else if magnitude >= 10.0 {
        format!("{value:.1}")
    } else if magnitude >= 1.0 {
        format!("{value:.2}")
    } else {
        format!("{value:.3}")
    };
    let trimmed = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    if trimmed == "-0" { "0".to_owned() } else { trimmed.to_owned() }
}

/// A duration in seconds, in the largest unit that keeps it readable.
pub fn seconds(value: f64) -> String {
    if value < 120.0 {
        format!("{} s", number(value))
    } else if value < 7200.0 {
        format!("{} min", number(value / 60.0))
    } else {
        format!("{} h", number(value / 3600.0))
    }
}

/// A lifespan given in days, as minutes, hours, days or years.
pub fn days(value: f64) -> String {
    if value < 1.0 / 24.0 {
        format!("{} min", number(value * 24.0 * 60.0))
    } else if value < 1.0 {
        format!("{} h", number(value * 24.0))
    } else if value < 365.0 {
        let unit = if (value - 1.0).abs() < 1e-9 { "day" } else { "days" };
        format!("{} {unit}", number(value))
    } else {
        format!("{} years", number(value / 365.0))
    }
}

/// A signed number with an explicit plus, for deltas and score effects.
pub fn signed(value: f64) -> String {
    let text = number(value);
    if value > 0.0 && text != "0" { format!("+{text}") } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_three_significant_digits() {
        assert_eq!(number(0.56), "0.56");
        assert_eq!(number(40.0), "40");
        assert_eq!(number(12.345), "12.3");
        assert_eq!(number(1234.5), "1234");
        assert_eq!(number(-0.0001), "0");
        assert_eq!(number(f64::NAN), "—");
    }

    #[test]
    fn durations_pick_a_readable_unit() {
        assert_eq!(seconds(0.56), "0.56 s");
        assert_eq!(seconds(600.0), "10 min");
        assert_eq!(days(2.0), "2 days");
        assert_eq!(days(1.0), "1 day");
        assert_eq!(days(0.25), "6 h");
        assert_eq!(days(730.0), "2 years");
        assert_eq!(signed(1.5), "+1.5");
        assert_eq!(signed(-2.0), "-2");
    }
}
