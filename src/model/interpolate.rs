//! Reading a published table between and beyond its rows.

/// The value at `x` on the straight lines through `points` (sorted by x), extended past both
/// ends along the first and last segments; a single point is a constant. A row's own x
/// gives its own y exactly.
pub fn on_lines(points: &[(f64, f64)], x: f64) -> f64 {
    if let Some(&(_, y)) = points.iter().find(|point| point.0 == x) {
        return y;
    }
    let segment = points.windows(2).find(|pair| x <= pair[1].0).or_else(|| points.windows(2).last());
    match segment {
        Some([(x0, y0), (x1, y1)]) => y0 + (x - x0) * (y1 - y0) / (x1 - x0),
        _ => points.first().map_or(0.0, |point| point.1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_between_and_beyond() {
        let points = [(1.0, 60.0), (2.0, 100.0), (4.0, 140.0)];
        assert_eq!(on_lines(&points, 2.0), 100.0);
        assert_eq!(on_lines(&points, 3.0), 120.0);
        assert_eq!(on_lines(&points, 8.0), 220.0);
        assert_eq!(on_lines(&points, 0.5), 40.0);
        assert_eq!(on_lines(&[(1.0, 5.0)], 9.0), 5.0);
        assert_eq!(on_lines(&[], 9.0), 0.0);
    }
}
