//! The window at a small laptop's size and a projector's, at 100 % and 150 % pixels per point: on every
//! tab no text runs out of its panel or over other text, and the last item of the side panel
//! and of the tab can be brought into view with the mouse wheel. No renderer needed: the
//! checks read where egui laid out each widget.

mod common;

use common::layout::{
    SCALES, SIZES, app_at, assert_no_labels_overlap, assert_no_text_clipped, column_point, last_node_in,
    scroll_into_view, side_panel_edge,
};
use podvisor::app::Command;
use podvisor::ui::Tab;

#[test]
fn every_tab_fits_or_scrolls_on_small_screens() {
    for size in SIZES {
        for scale in SCALES {
            let mut harness = app_at(size, scale);
            // The decomposed monolith: break-even points on its chart and long lists of pros
            // and cons; B for the compare tab is the legacy monolith, many settings apart.
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
                    scroll_into_view(&mut harness, &last, column_point(column, window), &context);
                }
            }
        }
    }
}
