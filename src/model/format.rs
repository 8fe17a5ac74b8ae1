//! Number formatting shared by explanations, the UI and reports, so that one figure reads
//! the same everywhere. The `Display` adapters write straight into their destination:
//! explanations are built on every evaluation, and allocating per number dominated its cost.

use std::fmt;

/// A number with about three significant digits and no trailing zeros.
#[derive(Clone, Copy, Debug)]
pub struct Number(pub f64);

impl Number {
    /// The decimals shown for a number of this magnitude: about three significant digits.
    fn decimals(magnitude: f64) -> u32 {
        if magnitude >= 100.0 {
            0
        } else if magnitude >= 10.0 {
            1
        } else if magnitude >= 1.0 {
            2
        } else {
            3
        }
    }

    /// The value as it prints, so that sums and differences of printed figures add up.
    pub fn shown(self) -> f64 {
        if !self.0.is_finite() || self.0.abs() >= 1e15 {
            return self.0.round();
        }
        let scale = 10_f64.powi(Self::decimals(self.0.abs()).cast_signed());
        (self.0 * scale).round() / scale
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.0;
        if !value.is_finite() {
            return f.write_str("—");
        }
        let magnitude = value.abs();
        if magnitude >= 1e15 {
            return write!(f, "{value:.0}");
        }
        let decimals = Self::decimals(magnitude);
        // Rounding through integers: `{:.2}` takes the slow exact-float path.
        let scale = 10_u64.pow(decimals);
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "magnitude < 1e15 checked above")]
        let scaled = (magnitude * scale as f64).round() as u64;
        if scaled == 0 {
            return f.write_str("0");
        }
        if value < 0.0 {
            f.write_str("-")?;
        }
        write!(f, "{}", scaled / scale)?;
        let mut fraction = scaled % scale;
        if fraction != 0 {
            let mut digits = decimals as usize;
            while fraction.is_multiple_of(10) {
                fraction /= 10;
                digits -= 1;
            }
            write!(f, ".{fraction:0digits$}")?;
        }
        Ok(())
    }
}

/// A duration in seconds, in the largest unit that keeps it readable.
#[derive(Clone, Copy, Debug)]
pub struct Seconds(pub f64);

impl fmt::Display for Seconds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.0;
        if value < 120.0 {
            write!(f, "{} s", Number(value))
        } else if value < 7200.0 {
            write!(f, "{} min", Number(value / 60.0))
        } else {
            write!(f, "{} h", Number(value / 3600.0))
        }
    }
}

/// A lifespan given in days, as minutes, hours, days or years.
#[derive(Clone, Copy, Debug)]
pub struct Days(pub f64);

impl fmt::Display for Days {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.0;
        if value < 1.0 / 24.0 {
            write!(f, "{} min", Number(value * 24.0 * 60.0))
        } else if value < 1.0 {
            write!(f, "{} h", Number(value * 24.0))
        } else if value < 365.0 {
            let unit = if (value - 1.0).abs() < 1e-9 { "day" } else { "days" };
            write!(f, "{} {unit}", Number(value))
        } else {
            let years = value / 365.0;
            let unit = if (years - 1.0).abs() < 0.005 { "year" } else { "years" };
            write!(f, "{} {unit}", Number(years))
        }
    }
}

/// A score (0–10 criterion, 0–100 overall, or points between them) with exactly one decimal,
/// as the scorecard, the verdict and every report print it.
#[derive(Clone, Copy, Debug)]
pub struct Score(pub f64);

impl Score {
    /// The score as it prints, to a tenth.
    pub fn shown(self) -> f64 {
        (self.0 * 10.0).round() / 10.0
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        #[expect(clippy::cast_possible_truncation, reason = "scores are within ±1000")]
        let tenths = (self.0 * 10.0).round() as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let text = format!("{sign}{}.{}", tenths.abs() / 10, tenths.abs() % 10);
        f.pad(&text)
    }
}

/// A share of plausible worlds (0–1) as a whole percentage, rounded down ("94 %"), so that
/// the shown figure never crosses the close-call threshold (a whole percentage) the other
/// way: a share of 0.659 under a threshold of 0.66 reads "65 %", never "66 %". A share short
/// of all the worlds never reads "100 %" either, and a share above none reads "under 1 %",
/// never "0 %".
#[derive(Clone, Copy, Debug)]
pub struct Share(pub f64);

impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a share is within 0–1")]
        let percent = (self.0.clamp(0.0, 1.0) * 100.0 + 1e-9).floor() as u32;
        if percent == 0 && self.0 > 0.0 {
            return f.pad("under 1 %");
        }
        f.pad(&format!("{percent} %"))
    }
}

/// [`Score`] as a string.
pub fn score(value: f64) -> String {
    Score(value).to_string()
}

/// [`Number`] as a string.
pub fn number(value: f64) -> String {
    Number(value).to_string()
}

/// [`Seconds`] as a string.
pub fn seconds(value: f64) -> String {
    Seconds(value).to_string()
}

/// [`Days`] as a string.
pub fn days(value: f64) -> String {
    Days(value).to_string()
}

/// A score change with an explicit plus ("+6.5", "-11.5", "0.0").
pub fn signed_score(value: f64) -> String {
    let text = score(value);
    if text.starts_with('-') || text == "0.0" {
        if text == "-0.0" { "0.0".to_owned() } else { text }
    } else {
        format!("+{text}")
    }
}

/// The change from score `a` to score `b` as printed beside them: the difference of the
/// rounded scores, so "85.8 → 85.9" always reads "+0.1", never "0.0".
pub fn score_change(a: f64, b: f64) -> String {
    signed_score(shown_change(a, b))
}

/// The change [`score_change`] prints, as a number: the difference of the scores rounded to
/// tenths, so callers can tell a rise from a fall without reading the text.
pub fn shown_change(a: f64, b: f64) -> f64 {
    let tenths = |v: f64| (v * 10.0).round() / 10.0;
    tenths(b) - tenths(a)
}

/// Whether a score change is a rise (`Some(true)`), a fall (`Some(false)`) or prints as
/// "0.0" (`None`), decided on the number [`signed_score`] rounds, not on its text.
pub fn score_direction(change: f64) -> Option<bool> {
    let tenths = (change * 10.0).round();
    (tenths != 0.0).then_some(tenths > 0.0)
}

/// Whether a change is a rise, a fall or prints as "0" under [`signed`]'s rounding.
pub fn number_direction(change: f64) -> Option<bool> {
    let magnitude = change.abs();
    // `Number` keeps three decimals below 1, so only values rounding to 0.000 print as "0".
    let zero = magnitude < 1.0 && (magnitude * 1000.0).round() == 0.0;
    (!zero).then_some(change > 0.0)
}

/// Two different values written so that they read differently: with [`Number`]'s digits
/// when those differ, otherwise with as many decimals as it takes (up to nine), so that no
/// sentence says "from 4 to 4".
pub fn distinct(a: f64, b: f64) -> (String, String) {
    let (x, y) = (number(a), number(b));
    if x != y || a == b {
        return (x, y);
    }
    let trimmed = |v: f64, decimals: usize| {
        let text = format!("{v:.decimals$}");
        if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.').to_owned() } else { text }
    };
    (1..=9).map(|decimals| (trimmed(a, decimals), trimmed(b, decimals))).find(|(x, y)| x != y).unwrap_or((x, y))
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
    fn shown_is_the_value_as_printed() {
        assert_eq!(Number(1299.4).shown(), 1299.0);
        assert_eq!(Number(21.34).shown(), 21.3);
        assert_eq!(Number(-2.345).shown(), -2.35);
        assert_eq!(Number(0.123_45).shown(), 0.123);
        assert_eq!(Number(1299.4).to_string(), "1299");
    }

    #[test]
    fn numbers_keep_three_significant_digits() {
        assert_eq!(number(0.56), "0.56");
        assert_eq!(number(40.0), "40");
        assert_eq!(number(12.345), "12.3");
        assert_eq!(number(1234.5), "1235");
        assert_eq!(number(-0.0001), "0");
        assert_eq!(number(f64::NAN), "—");
        assert_eq!(number(0.0005), "0.001");
        assert_eq!(number(-2.5), "-2.5");
        assert_eq!(number(9.999), "10");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(100.4), "100");
        assert_eq!(number(1.05), "1.05");
        assert_eq!(number(2e15), "2000000000000000");
    }

    #[test]
    fn shares_round_down_to_whole_percentages() {
        let shown = |share: f64| Share(share).to_string();
        assert_eq!(shown(0.94), "94 %");
        assert_eq!(shown(660.0 / 1000.0), "66 %");
        assert_eq!(shown(0.659), "65 %");
        assert_eq!(shown(0.999), "99 %");
        assert_eq!((shown(1.0), shown(0.0)), ("100 %".to_owned(), "0 %".to_owned()));
        assert_eq!(shown(0.002), "under 1 %");
    }

    #[test]
    fn scores_have_one_decimal_and_pad() {
        assert_eq!(score(10.0), "10.0");
        assert_eq!(score(4.13), "4.1");
        assert_eq!(score(86.75), "86.8");
        assert_eq!(score(-0.04), "0.0");
        assert_eq!(score(-2.35), "-2.4");
        assert_eq!(format!("{:>6}", Score(4.13)), "   4.1");
        assert_eq!(signed_score(6.46), "+6.5");
        assert_eq!(signed_score(-0.01), "0.0");
        assert_eq!(signed_score(-11.5), "-11.5");
        assert_eq!(score_change(85.84, 85.86), "+0.1");
        assert_eq!(score_change(70.8, 70.84), "0.0");
        assert_eq!(score_direction(shown_change(85.84, 85.86)), Some(true));
        assert_eq!(score_direction(shown_change(70.8, 70.84)), None);
        assert_eq!(score_direction(shown_change(70.84, 70.6)), Some(false));
        assert_eq!(number_direction(0.0004), None);
        assert_eq!(number_direction(-0.0006), Some(false));
        assert_eq!(number_direction(12.0), Some(true));
    }

    #[test]
    fn durations_pick_a_readable_unit() {
        assert_eq!(seconds(0.56), "0.56 s");
        assert_eq!(seconds(600.0), "10 min");
        assert_eq!(seconds(7200.0), "2 h");
        assert_eq!(days(2.0), "2 days");
        assert_eq!(days(1.0), "1 day");
        assert_eq!(days(0.25), "6 h");
        assert_eq!(days(0.01), "14.4 min");
        assert_eq!(days(730.0), "2 years");
        assert_eq!(days(365.0), "1 year");
        assert_eq!(distinct(4.0, 3.999_999_999), ("4".to_owned(), "3.999999999".to_owned()));
        assert_eq!(distinct(4.0, 3.96), ("4".to_owned(), "3.96".to_owned()));
        assert_eq!(distinct(4.0, 3.2), ("4".to_owned(), "3.2".to_owned()));
        assert_eq!(distinct(256.2, 256.4), ("256.2".to_owned(), "256.4".to_owned()));
        assert_eq!(signed(1.5), "+1.5");
        assert_eq!(signed(-2.0), "-2");
        assert_eq!(signed(0.0001), "0");
    }
}
