//! Blocks of a long scrolled list laid out only where they can be seen.
//!
//! egui lays out every widget of a scroll area on every frame, whether or not it is in view,
//! and the explorer's lists are long: the traits panel shows a third of its sliders at
//! 1280×800, the assumptions tab a tenth of its rows. A block that was laid out before, at the
//! same width and with the same contents, and that would now fall outside the visible area,
//! only takes its space again; nothing in it is built.
//!
//! Everything is laid out, as before, where a block's absence could be noticed:
//! - while a screen reader listens (AccessKit on), as it reads the whole list, not the screen;
//! - while a widget has keyboard focus or Tab is pressed, so that Tab moves through every
//!   control in order, off screen too (the scroll area follows the focus);
//! - in a sizing pass, which measures what a container holds.

use std::hash::{Hash, Hasher as _};

use egui::{AsIdSalt, Key, Rect, Ui};

/// Where a block was and what it was laid out for, remembered between frames.
#[derive(Clone, Copy, Debug)]
struct Measured {
    /// A hash of the block's key, the width it had and the pixel density.
    fingerprint: u64,
    /// The block's rectangle, relative to where it started.
    rect: Rect,
    /// Whether two layouts in a row gave this rectangle. What a block holds may take a frame
    /// to settle (a new grid measures its columns in a pass that is discarded, a changed one
    /// moves them on the next frame); until it has, its size is not trusted.
    settled: bool,
}

/// Lays out `add_contents` as one block, or, when it is out of view and was measured with the
/// same `key`, only takes its space. `key` must change whenever the block's size may: what it
/// shows, where that can vary (a row that appears, text that wraps differently); the width
/// and the pixel density are taken into account here. `id_salt` names the block among its
/// siblings.
///
/// Either way the block takes one automatic id from `ui`, so the widgets after it keep theirs.
/// Returns where the block is.
pub fn culled(ui: &mut Ui, id_salt: impl AsIdSalt, key: impl Hash, add_contents: impl FnOnce(&mut Ui)) -> Rect {
    let id = ui.make_persistent_id(("culled", id_salt));
    let origin = ui.available_rect_before_wrap().min;
    let fingerprint = {
        let mut hasher = std::hash::DefaultHasher::new();
        key.hash(&mut hasher);
        ui.available_width().to_bits().hash(&mut hasher);
        ui.ctx().pixels_per_point().to_bits().hash(&mut hasher);
        hasher.finish()
    };
    let previous = ui.data(|data| data.get_temp::<Measured>(id));
    if let Some(measured) = previous.filter(|m| m.settled && m.fingerprint == fingerprint)
        && may_cull(ui)
    {
        let rect = measured.rect.translate(origin.to_vec2());
        if !ui.is_rect_visible(rect) {
            ui.advance_cursor_after_rect(rect);
            return rect;
        }
    }
    // `scope` takes one automatic id, as `advance_cursor_after_rect` does.
    let rect = ui.scope(add_contents).response.rect;
    let relative = rect.translate(-origin.to_vec2());
    let settled = !ui.ctx().will_discard()
        && previous.is_some_and(|previous| previous.fingerprint == fingerprint && previous.rect == relative);
    ui.data_mut(|data| data.insert_temp(id, Measured { fingerprint, rect: relative, settled }));
    rect
}

/// Whether blocks out of view may be left out this frame (see the module's notes).
fn may_cull(ui: &Ui) -> bool {
    let ctx = ui.ctx();
    !ui.is_sizing_pass()
        && !ctx.has_accesskit_node(egui::accesskit_root_id())
        && ctx.memory(|memory| memory.focused().is_none())
        && !ctx.input(|input| input.key_pressed(Key::Tab))
}
