//! Presenter mode's slide transition: bars and lines glide from one slide's figures to the
//! next over a quarter of a second, eased, instead of jumping, so the room sees what moved.
//! Only the drawing moves: every number written on a slide is the model's own at once.

use egui::emath::easing;

/// How long a transition takes.
pub const SECONDS: f64 = 0.25;

/// What glides: each option's overall score (bar lengths) and its line on the chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    pub scores: Vec<f64>,
    pub lines: Vec<Vec<[f64; 2]>>,
}

/// The transition in progress, if any, and what was last drawn.
#[derive(Clone, Debug, Default)]
pub struct Transition {
    /// What was on screen when the transition started, and when (egui's input time).
    from: Option<(Figures, f64)>,
    shown: Figures,
}

impl Transition {
    /// Starts gliding from whatever is on screen now (mid-way, if a transition is running).
    pub fn restart(&mut self, now: f64) {
        self.from = Some((self.shown.clone(), now));
    }

    /// Forgets the last slide: the next one appears as it is (on entering presenter mode).
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// The figures to draw this frame on the way to `target`, and how far the transition
    /// has got (0–1; 1 when there is none). Asks for another frame while the transition
    /// runs; a test harness's frames step past it as a display's do.
    pub fn frame(&mut self, ctx: &egui::Context, target: Figures) -> (&Figures, f32) {
        let now = ctx.input(|input| input.time);
        let (shown, progress) = self.at(now, target);
        if progress < 1.0 {
            ctx.request_repaint();
        } else {
            self.from = None;
        }
        self.shown = shown;
        (&self.shown, progress)
    }

    /// The figures at time `now`, and the transition's progress (1 when done).
    fn at(&self, now: f64, target: Figures) -> (Figures, f32) {
        let Some((from, started)) = &self.from else {
            return (target, 1.0);
        };
        #[expect(clippy::cast_possible_truncation, reason = "a progress within 0–1")]
        let progress = ((now - started) / SECONDS).clamp(0.0, 1.0) as f32;
        if progress >= 1.0 {
            return (target, 1.0);
        }
        (blend(from, target, f64::from(easing::cubic_in_out(progress))), progress)
    }
}

/// `to`, moved back towards `from` by `1 − t`. Where `from` has nothing to start from (a
/// slide without a scenario, another number of options), `to` shows as it is.
fn blend(from: &Figures, mut to: Figures, t: f64) -> Figures {
    let lerp = |a: f64, b: f64| a + (b - a) * t;
    if from.scores.len() == to.scores.len() {
        for (score, start) in to.scores.iter_mut().zip(&from.scores) {
            *score = lerp(*start, *score);
        }
    }
    if from.lines.len() == to.lines.len() {
        for (line, start) in to.lines.iter_mut().zip(&from.lines) {
            if start.is_empty() {
                continue;
            }
            for point in line.iter_mut() {
                point[1] = lerp(sample(start, point[0]), point[1]);
            }
        }
    }
    to
}

/// The height of a polyline at `x` (its points sorted by x), its end segments extended
/// beyond either end: the two slides' curves are sampled at different points (each includes
/// its own "today") and reach to different places.
fn sample(line: &[[f64; 2]], x: f64) -> f64 {
    let segment = line.partition_point(|point| point[0] < x).clamp(1, line.len().saturating_sub(1).max(1));
    match (line.get(segment - 1), line.get(segment)) {
        (Some([x0, y0]), Some([x1, y1])) if x1 > x0 => y0 + (y1 - y0) * (x - x0) / (x1 - x0),
        (Some([_, y]), _) => *y,
        (None, _) => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(score: f64, line: Vec<[f64; 2]>) -> Figures {
        Figures { scores: vec![score], lines: vec![line] }
    }

    #[test]
    fn bars_and_lines_glide_then_land_exactly() {
        let mut transition = Transition { shown: figures(40.0, vec![[0.0, 0.0], [10.0, 10.0]]), from: None };
        transition.restart(100.0);
        let target = figures(80.0, vec![[0.0, 20.0], [5.0, 20.0], [10.0, 20.0]]);

        let (start, progress) = transition.at(100.0, target.clone());
        assert!(progress < 1.0);
        assert_eq!(start.scores, [40.0]);
        assert_eq!(start.lines[0], [[0.0, 0.0], [5.0, 5.0], [10.0, 10.0]], "the old line, sampled at the new points");

        let (middle, _) = transition.at(100.0 + SECONDS / 2.0, target.clone());
        assert!((middle.scores[0] - 60.0).abs() < 1e-9, "half-way, eased symmetrically: {:?}", middle.scores);

        let (end, progress) = transition.at(100.0 + SECONDS, target.clone());
        assert!((progress - 1.0).abs() < f32::EPSILON);
        assert_eq!(end, target);
    }

    #[test]
    fn nothing_to_start_from_shows_the_target() {
        let mut transition = Transition::default();
        transition.restart(0.0);
        let target = figures(50.0, vec![[1.0, 2.0]]);
        assert_eq!(transition.at(0.1, target.clone()).0, target);
        assert_eq!(sample(&[], 3.0), 0.0);
        assert_eq!(sample(&[[1.0, 4.0]], 3.0), 4.0);
        assert_eq!(sample(&[[1.0, 4.0], [2.0, 6.0]], 4.0), 10.0, "the last segment extended");
        assert_eq!(sample(&[[1.0, 4.0], [2.0, 6.0]], 0.0), 2.0, "the first segment extended");
        assert_eq!(sample(&[[1.0, 4.0], [2.0, 6.0], [4.0, 0.0]], 3.0), 3.0);
    }
}
