//! Layout checks on the whole window, read from its accessibility tree as a screen reader
//! would: whether text stays inside the window and its panel, and whether the last item of
//! each panel can be scrolled into view with the mouse wheel.

use egui::accesskit::{NodeId, Role};
use egui::{Rect, Vec2, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
use podvisor::app::App;

/// Window sizes the layout is checked at, in points: a small laptop's and a projector's.
pub const SIZES: [Vec2; 2] = [vec2(1024.0, 640.0), vec2(1280.0, 720.0)];

/// A projector's 1280×720 pixels at a UI zoom of 150 %: the fewest points the window gets.
pub const ZOOMED: Vec2 = vec2(1280.0 / 1.5, 720.0 / 1.5);

/// A small laptop's 1024×640 pixels at a UI zoom of 150 %: the narrowest window checked.
pub const SMALL_ZOOMED: Vec2 = vec2(1024.0 / 1.5, 640.0 / 1.5);

/// Pixels per point checked: 100 % and 150 % (a high-density screen, or egui's zoom, both of
/// which round sizes and positions to a different pixel grid).
pub const SCALES: [f32; 2] = [1.0, 1.5];

/// The app in a window of `size` points at `scale` pixels per point, fresh, with the in-app
/// file browser and the welcome panel closed.
pub fn app_at(size: Vec2, scale: f32) -> Harness<'static, App> {
    super::returning_user(Harness::builder().with_size(size).with_pixels_per_point(scale))
}

/// One node of the accessibility tree with text, where it is on screen (in points).
#[derive(Clone, Debug)]
pub struct TextNode {
    pub id: NodeId,
    pub role: Role,
    pub text: String,
    pub rect: Rect,
    /// The part not clipped away by its panel or scroll area (empty when scrolled out).
    pub visible: Rect,
}

impl TextNode {
    /// Whether nothing of it is clipped away at the top or bottom (by its scroll area).
    pub fn fully_visible(&self) -> bool {
        self.visible.top() <= self.rect.top() + 0.5 && self.visible.bottom() >= self.rect.bottom() - 0.5
    }

    /// Whether any of it is on screen.
    pub fn shown(&self) -> bool {
        self.visible.width() > 0.5 && self.visible.height() > 0.5
    }
}

/// Where each widget of the last frame (the pass egui last finished) is after clipping, by accessibility node.
fn clipped_rects(harness: &Harness<'_, App>) -> std::collections::HashMap<NodeId, Rect> {
    harness.ctx.viewport(|viewport| {
        viewport
            .prev_pass
            .widgets
            .layers()
            .flat_map(|(_, widgets)| widgets.iter())
            .map(|widget| (widget.id.accesskit_id(), widget.interact_rect))
            .collect()
    })
}

/// Every node that shows text: labels (whose text is their value) and named widgets.
pub fn text_nodes(harness: &Harness<'_, App>) -> Vec<TextNode> {
    let clipped = clipped_rects(harness);
    harness
        .query_all(By::new().include_labels().predicate(|_| true))
        .filter_map(|node| {
            let ak = node.accesskit_node();
            let role = ak.role();
            let text = if role == Role::Label { ak.value() } else { ak.label() }?;
            if text.trim().is_empty() || matches!(role, Role::Window | Role::ScrollBar | Role::Splitter) {
                return None;
            }
            ak.bounding_box()?;
            let id = ak.locate().0;
            let rect = node.rect();
            Some(TextNode { id, role, text, rect, visible: clipped.get(&id).copied().unwrap_or(rect) })
        })
        .collect()
}

/// The side panel's resize handle: its x is where the panel ends, and it spans the panel's
/// height (the status bar below runs the full width).
fn side_panel_handle(harness: &Harness<'_, App>) -> Rect {
    harness.get_by(|node| node.role() == Role::Splitter).rect()
}

/// Where the side panel ends.
pub fn side_panel_edge(harness: &Harness<'_, App>) -> f32 {
    side_panel_handle(harness).center().x
}

/// Asserts that no text is cut off across: by the window's edge, by the side panel's edge,
/// or by the panel or column it sits in (the way "491 G" was). Text scrolled partly out of
/// view at the top or bottom of a scroll area is not cut off, only scrolled. `context`
/// names the case in the message.
pub fn assert_no_text_clipped(harness: &Harness<'_, App>, context: &str) {
    let window = harness.ctx.content_rect();
    let handle = side_panel_handle(harness);
    let edge = handle.center().x;
    // Text placed past the window's right edge is clipped away whole, so it does not count as
    // shown below: it is as unreadable as text cut in half.
    for node in text_nodes(harness) {
        assert!(
            node.rect.left() < window.right() - 0.5,
            "{context}: {:?} {:?} at {:?} lies past the window's right edge",
            node.role,
            node.text,
            node.rect
        );
    }
    for node in text_nodes(harness).into_iter().filter(TextNode::shown) {
        let (rect, visible) = (node.rect, node.visible);
        let what = format!("{context}: {:?} {:?} at {rect:?}", node.role, node.text);
        // The right edge: a label wrapped after other widgets on its row starts its first line
        // further right than the rest, so egui's clipped rect begins there, not at the left.
        assert!(visible.right() >= rect.right() - 0.5, "{what} is cut off at the right (only {visible:?} shows)");
        assert!(
            rect.left() >= window.left() - 0.5 && rect.right() <= window.right() + 0.5,
            "{what} runs out of the window"
        );
        if rect.left() < edge && handle.y_range().contains(rect.center().y) {
            assert!(rect.right() <= edge + 0.5, "{what} runs out of the side panel (edge at {edge})");
        }
    }
}

/// Asserts that no two labels overlap where they show: text drawn over text (the way
/// "6.01 GiB" covered "1.45 GiB").
pub fn assert_no_labels_overlap(harness: &Harness<'_, App>, context: &str) {
    let labels: Vec<TextNode> =
        text_nodes(harness).into_iter().filter(|node| node.role == Role::Label && node.shown()).collect();
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            let overlap = a.visible.intersect(b.visible);
            let area = overlap.width().max(0.0) * overlap.height().max(0.0);
            assert!(
                area <= 4.0,
                "{context}: {:?} at {:?} (showing {:?}) overlaps {:?} at {:?} (showing {:?})",
                a.text,
                a.rect,
                a.visible,
                b.text,
                b.rect,
                b.visible
            );
        }
    }
}

/// The lowest text node between `left` and `right` across: the last item of that column.
pub fn last_node_in(harness: &Harness<'_, App>, (left, right): (f32, f32)) -> TextNode {
    text_nodes(harness)
        .into_iter()
        .filter(|node| node.rect.center().x > left && node.rect.center().x < right)
        .max_by(|a, b| a.rect.bottom().total_cmp(&b.rect.bottom()))
        .expect("the column shows something")
}

/// Turns the mouse wheel over `node`'s scroll area until `node` shows whole, as a user would;
/// returns where it ends up. Panics with `context` if the wheel cannot bring it into view.
pub fn scroll_into_view(harness: &mut Harness<'_, App>, node: &TextNode, context: &str) -> Rect {
    let find = |harness: &Harness<'_, App>| {
        text_nodes(harness).into_iter().find(|n| n.id == node.id).expect("the node stays in the tree")
    };
    let mut now = find(harness);
    // 300 turns of 120 points: the assumptions tab is over 8,000 points long.
    for _ in 0..300 {
        if now.fully_visible() {
            return now.rect;
        }
        // Just above the bottom of the area that clips it (egui's clipped rect of a widget
        // below that area ends there): over the scroll area, whatever panels surround it.
        let at = pos2(now.rect.center().x, now.visible.bottom() - 10.0);
        harness.event(egui::Event::PointerMoved(at));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, -120.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_ok();
        now = find(harness);
    }
    panic!(
        "{context}: the wheel cannot bring {:?} into view (it stays at {:?}, showing {:?})",
        node.text, now.rect, now.visible
    );
}
