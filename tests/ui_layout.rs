//! The window at a small laptop's size and a projector's, at 100 % and 150 % pixels per point: on every
//! tab no text runs out of its panel or over other text, and the last item of the side panel
//! and of the tab can be brought into view with the mouse wheel. No renderer needed: the
//! checks read where egui laid out each widget.

mod common;

use common::layout::{
    SCALES, SIZES, ZOOMED, app_at, assert_no_labels_overlap, assert_no_text_clipped, last_node_in, scroll_into_view,
    side_panel_edge,
};
use podvisor::app::Command;
use podvisor::ui::Tab;

#[test]
fn every_tab_fits_or_scrolls_on_small_screens() {
    for size in SIZES {
        for scale in SCALES {
            check_every_tab(size, scale);
        }
    }
}

/// A projector at 150 % zoom leaves 853×480 points: the verdict banner shrinks to its headline
/// and the scores there, so every tab keeps room to show and scroll its content.
#[test]
fn every_tab_fits_or_scrolls_on_a_zoomed_projector() {
    check_every_tab(ZOOMED, 1.5);
}

/// Opens the decomposed monolith (break-even points on its chart, long lists of pros and
/// cons) with the legacy monolith as B, and checks every tab at `size` points and `scale`.
fn check_every_tab(size: egui::Vec2, scale: f32) {
    let mut harness = app_at(size, scale);
    harness.state_mut().send(Command::OpenExample(1));
    harness.state_mut().send(Command::CompareWithExample(2));
    harness.run();
    for tab in Tab::ALL {
        harness.state_mut().select_tab(tab);
        // No tooltip from the last tab's scrolling lies over this one.
        harness.event(egui::Event::PointerGone);
        harness.run();
        let context = format!("{} at {}×{} points, {}%", tab.label(), size.x, size.y, scale * 100.0);
        assert_no_text_clipped(&harness, &context);
        assert_no_labels_overlap(&harness, &context);
        let window = harness.ctx.content_rect();
        let edge = side_panel_edge(&harness);
        for column in [(window.left(), edge), (edge, window.right())] {
            let last = last_node_in(&harness, column);
            scroll_into_view(&mut harness, &last, &context);
        }
    }
}
