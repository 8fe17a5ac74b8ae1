//! Fitting a restored window to the screen it opens on. eframe restores the last session's
//! window size and position; after a move to a smaller screen (a laptop unplugged from its
//! monitor, a projector at 1280×720) the window can be larger than the screen or start off
//! it. eframe already keeps the size within the largest monitor; this keeps the window on the
//! one it opened on, once the monitor's size is known (from the first frame on).

use egui::{Rect, Vec2, ViewportCommand};

/// Room left for the desktop's panels and the window's title bar, in points: GNOME's top bar
/// and Windows' task bar are about 32–48 points high.
const DESKTOP_MARGIN: f32 = 48.0;

/// Shrinks and moves the window onto its monitor if it does not fit. Returns whether the
/// check could be made (the monitor's size is known), so that it is made once.
pub fn fit_to_monitor(ctx: &egui::Context) -> bool {
    let (monitor, outer, inner) = ctx.input(|input| {
        let viewport = input.viewport();
        (viewport.monitor_size, viewport.outer_rect, viewport.inner_rect)
    });
    let (Some(monitor), Some(outer), Some(inner)) = (monitor, outer, inner) else {
        return false;
    };
    if let Some(fitted) = fitted(outer, monitor) {
        let decorations = outer.size() - inner.size();
        ctx.send_viewport_cmd(ViewportCommand::InnerSize(fitted.size() - decorations));
        ctx.send_viewport_cmd(ViewportCommand::OuterPosition(fitted.min));
    }
    true
}

/// Where a window whose outer rectangle is `outer` should be on a monitor of size
/// `monitor`, or `None` if it fits already. Only the monitor's size is known, not where it
/// sits among several, so a window is moved only when it reaches past the top or left edge
/// or is larger than the monitor.
pub fn fitted(outer: Rect, monitor: Vec2) -> Option<Rect> {
    let room = (monitor - Vec2::splat(DESKTOP_MARGIN)).max(Vec2::splat(DESKTOP_MARGIN));
    let too_large = outer.width() > monitor.x || outer.height() > monitor.y;
    let off_screen = outer.min.x < 0.0 || outer.min.y < 0.0;
    if !too_large && !off_screen {
        return None;
    }
    let size = if too_large { outer.size().min(room) } else { outer.size() };
    let min = outer.min.max(egui::Pos2::ZERO);
    let min = if too_large { egui::Pos2::ZERO + (monitor - size) / 2.0 } else { min };
    Some(Rect::from_min_size(min, size))
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{pos2, vec2};

    #[test]
    fn a_window_that_fits_stays_where_it_is() {
        let window = Rect::from_min_size(pos2(100.0, 80.0), vec2(1280.0, 800.0));
        assert_eq!(fitted(window, vec2(1920.0, 1080.0)), None);
    }

    #[test]
    fn a_window_larger_than_the_screen_shrinks_onto_it() {
        let window = Rect::from_min_size(pos2(200.0, 100.0), vec2(1600.0, 1000.0));
        let fitted = fitted(window, vec2(1280.0, 720.0)).expect("moved");
        assert_eq!(fitted.size(), vec2(1232.0, 672.0));
        assert_eq!(fitted.min, pos2(24.0, 24.0));
    }

    #[test]
    fn a_window_off_the_top_left_comes_back() {
        let window = Rect::from_min_size(pos2(-300.0, -20.0), vec2(1000.0, 600.0));
        let fitted = fitted(window, vec2(1920.0, 1080.0)).expect("moved");
        assert_eq!(fitted.min, pos2(0.0, 0.0));
        assert_eq!(fitted.size(), vec2(1000.0, 600.0));
    }
}
