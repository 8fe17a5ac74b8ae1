//! The window at a small laptop's size and a projector's, at 100 % and 150 % pixels per point: on every
//! tab no text runs out of its panel or over other text, and the last item of the side panel
//! and of the tab can be brought into view with the mouse wheel. No renderer needed: the
//! checks read where egui laid out each widget.

use crate::common;

use common::layout::{
    SCALES, SIZES, SMALL_ZOOMED, ZOOMED, app_at, assert_no_labels_overlap, assert_no_text_clipped, last_node_in,
    scroll_into_view, side_panel_edge,
};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use podvisor::app::{App, Command, DeckSource};
use podvisor::model::CRITERIA;
use podvisor::model::options::REGISTRY;
use podvisor::ui::Tab;

/// The decomposed monolith (break-even points on its chart, long lists of pros and cons)
/// with the legacy monolith as B, as bundled: two options.
const A: usize = 1;
const B: usize = 2;
const A_FILE: &str = "monolith_decomposed_50_services.ron";
const B_FILE: &str = "legacy_monolith_lift_and_shift.ron";
/// Five components, one pinned, each moving on its own step of the path.
const MIXED_FILE: &str = "phased_modernisation.ron";

#[test]
fn every_tab_fits_or_scrolls_on_small_screens() {
    for size in SIZES {
        for scale in SCALES {
            let mut harness = app_at(size, scale);
            harness.state_mut().send(Command::OpenExample(A));
            harness.state_mut().send(Command::CompareWithExample(B));
            check_every_tab(&mut harness, &format!("{}×{} points, {}%", size.x, size.y, scale * 100.0));
        }
    }
}

/// A projector at 150 % zoom leaves 853×480 points: the verdict banner shrinks to its headline
/// and the scores there, so every tab keeps room to show and scroll its content.
#[test]
fn every_tab_fits_or_scrolls_on_a_zoomed_projector() {
    let mut harness = app_at(ZOOMED, 1.5);
    harness.state_mut().send(Command::OpenExample(A));
    harness.state_mut().send(Command::CompareWithExample(B));
    check_every_tab(&mut harness, "a zoomed projector");
}

/// Four options (a column, a line, a bar each) on every tab, with B comparing four too and
/// a baseline pinned before a change, so that every delta shows: at both sizes and scales.
#[test]
fn every_tab_fits_or_scrolls_with_four_options() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (a, b) = (common::with_every_option(dir.path(), A_FILE), common::with_every_option(dir.path(), B_FILE));
    for size in SIZES {
        for scale in SCALES {
            let mut harness = app_at(size, scale);
            harness.state_mut().send(Command::Open(a.clone()));
            harness.state_mut().send(Command::CompareWith(b.clone()));
            harness.state_mut().send(Command::PinBaseline);
            harness.run();
            let slider = harness.get_by_role_and_label(egui::accesskit::Role::Slider, "Isolation need");
            slider.set_value_accesskit(9.0);
            harness.run();
            assert_eq!(harness.state().document().evaluation().options.len(), REGISTRY.len());
            assert!(harness.state().baseline().is_some_and(|b| !b.comparison().differences.is_empty()));
            check_every_tab(&mut harness, &format!("four options at {}×{} points, {}%", size.x, size.y, scale * 100.0));
        }
    }
}

/// The bundled phased modernisation (five components, one pinned): the component list above
/// the sliders and the Plan tab (a table, stacked bars and the path chart), at both sizes and
/// scales and on a zoomed projector, with the plan and the path scrolled to their ends.
#[test]
fn every_tab_fits_or_scrolls_with_components() {
    let path = common::example(MIXED_FILE);
    let cases = SIZES.iter().flat_map(|size| SCALES.map(|scale| (*size, scale))).chain([(ZOOMED, 1.5)]);
    for (size, scale) in cases {
        let mut harness = app_at(size, scale);
        harness.state_mut().send(Command::Open(path.clone()));
        harness.run();
        assert!(harness.state().document().plan().is_some(), "components are planned");
        check_every_tab(&mut harness, &format!("components at {}×{} points, {}%", size.x, size.y, scale * 100.0));
    }
}

/// The plan and path slides of the phased modernisation at a projector's 1280×720, at 100 %
/// and 150 %.
#[test]
fn plan_and_path_slides_fit() {
    let path = common::example(MIXED_FILE);
    for scale in SCALES {
        let mut harness = app_at(SIZES[1], scale);
        harness.state_mut().send(Command::Open(path.clone()));
        harness.state_mut().send(Command::Present);
        harness.run();
        let start = harness.state().presentation().expect("presenting").position().0 - 1;
        for slide in start..start + 3 {
            harness.state_mut().send(Command::GoToSlide(slide));
            harness.run();
            let context = format!("slide {slide} of {MIXED_FILE} at {}%", scale * 100.0);
            assert_no_text_clipped_on_slide(&harness, &context);
            assert_no_labels_overlap(&harness, &context);
        }
    }
}

/// The narrowest window, showing `file` (a bundled example) with all four options.
fn small_zoomed_with_every_option(dir: &std::path::Path, file: &str) -> Harness<'static, App> {
    let mut harness = app_at(SMALL_ZOOMED, 1.5);
    harness.state_mut().send(Command::Open(common::with_every_option(dir, file)));
    harness.run();
    harness
}

/// The five-component estate comparing all four options in the narrowest window, on `tab`.
fn four_option_estate_on(dir: &std::path::Path, tab: Tab) -> Harness<'static, App> {
    let mut harness = small_zoomed_with_every_option(dir, MIXED_FILE);
    harness.state_mut().select_tab(tab);
    harness.run();
    harness
}

/// A 1024×640 screen at 150 % leaves 683×427 points. The banner keeps to the headline and a
/// line of scores (four rows of score bars took the whole height, and ran off the right edge):
/// every option's score stays inside the window, and the tabs keep a third of it below.
#[test]
fn a_small_zoomed_screen_keeps_room_below_the_banner_with_four_options() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let harness = small_zoomed_with_every_option(dir.path(), A_FILE);
    let window = harness.ctx.content_rect();
    let tabs_end = harness.get_by_label("Compare").rect().bottom();
    assert!(
        tabs_end < window.bottom() - window.height() / 3.0,
        "the tabs end at {tabs_end} of {} points",
        window.height()
    );
    for option in &harness.state().document().evaluation().options {
        let text = format!("{} {}", option.spec.label, podvisor::model::format::score(option.score));
        let right = harness.get_by_label(&text).rect().right();
        assert!(right <= window.right(), "{text} ends at {right} of {} points", window.width());
    }
    // The tabs keep to one row, and the Scorecard shows at least four criteria whole (it
    // showed one: the tabs took two rows and three lines of hints stood above the table).
    let (scorecard, compare) = (harness.get_by_label("Scorecard").rect(), harness.get_by_label("Compare").rect());
    assert!((compare.top() - scorecard.top()).abs() < 1.0, "Scorecard at {scorecard:?}, Compare at {compare:?}");
    let criteria: Vec<String> = common::layout::text_nodes(&harness)
        .into_iter()
        .filter(|node| CRITERIA.iter().any(|c| c.label == node.text) && node.shown() && node.fully_visible())
        .map(|node| node.text)
        .collect();
    assert!(criteria.len() >= 4, "only {criteria:?} show whole");
}

/// A mixed estate adds the Plan tab: on a small zoomed screen the six tabs' labels drop from
/// headings to body text, so they take two rows, not three, and the tab's content keeps room.
#[test]
fn a_small_zoomed_screen_keeps_the_tabs_of_a_mixed_estate_on_two_rows() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let harness = small_zoomed_with_every_option(dir.path(), "three_tier_web_shop.ron");
    let (plan, compare) = (harness.get_by_label("Plan").rect(), harness.get_by_label("Compare").rect());
    assert!(compare.top() - plan.top() < 1.5 * plan.height(), "Plan at {plan:?}, Compare at {compare:?}");
    let window = harness.ctx.content_rect();
    assert!(compare.right() <= window.right(), "Compare ends at {} of {}", compare.right(), window.width());
}

/// The narrowest window (1024×640 at 150 %) with five components: every tab, the Plan tab's
/// table, bars, path chart and steps among them, fits or scrolls.
#[test]
fn every_tab_fits_or_scrolls_with_components_on_a_small_zoomed_screen() {
    let mut harness = app_at(SMALL_ZOOMED, 1.5);
    harness.state_mut().send(Command::Open(common::example(MIXED_FILE)));
    harness.run();
    check_every_tab(&mut harness, "components on a small zoomed screen");
}

/// The Plan tab of a four-option estate in the narrowest window: its placement table wraps
/// rather than widening the tab, so no sentence below it runs past the window, at any point
/// of the scroll.
#[test]
fn the_plan_tab_of_four_options_keeps_inside_a_small_zoomed_screen() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut harness = four_option_estate_on(dir.path(), Tab::Plan);
    let over_tab = egui::pos2(SMALL_ZOOMED.x - 60.0, SMALL_ZOOMED.y - 40.0);
    for step in 0..40 {
        assert_no_text_clipped(&harness, &format!("the Plan tab, {step} turns of the wheel down"));
        harness.event(egui::Event::PointerMoved(over_tab));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -60.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_ok();
        // No tooltip of what the pointer passed over lies over the text.
        harness.event(egui::Event::PointerGone);
        harness.run_ok();
    }
}

/// Presenter slides of four-option scenarios at a projector's 1280×720, at 100 % and 150 %.
#[test]
fn slides_with_four_options_fit() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let files = [A_FILE, B_FILE, "hostile_multi_tenant_hosting.ron"];
    let paths: Vec<_> = files.iter().map(|file| common::with_every_option(dir.path(), file)).collect();
    for scale in SCALES {
        let mut harness = app_at(SIZES[1], scale);
        // Open one of the deck's scenarios, so that presenting starts on it, not on a slide of
        // its own before the deck.
        harness.state_mut().send(Command::Open(paths[0].clone()));
        harness.state_mut().send(Command::UseDeck(DeckSource::Folder(dir.path().to_owned())));
        harness.state_mut().send(Command::Present);
        harness.run();
        for slide in 0..files.len() {
            harness.state_mut().send(Command::GoToSlide(slide));
            harness.run();
            let slide_content = &harness.state().presentation().expect("presenting").slide().content;
            let options = slide_content.as_ref().map(|scenario| scenario.evaluation.options.len());
            let options = options.expect("a readable slide");
            assert_eq!(options, REGISTRY.len(), "slide {slide} compares four options");
            let context = format!("slide {slide} with four options at {}%", scale * 100.0);
            assert_no_text_clipped_on_slide(&harness, &context);
            assert_no_labels_overlap(&harness, &context);
        }
    }
}

/// On a slide there is no side panel: only the window's edges and the slide's canvas can cut
/// text off, on any side.
fn assert_no_text_clipped_on_slide(harness: &Harness<'_, App>, context: &str) {
    let window = harness.ctx.content_rect();
    for node in common::layout::text_nodes(harness).into_iter().filter(common::layout::TextNode::shown) {
        let what = format!("{context}: {:?} {:?} at {:?}", node.role, node.text, node.rect);
        assert!(node.visible.expand(0.5).contains_rect(node.rect), "{what} is cut off to {:?}", node.visible);
        assert!(window.contains_rect(node.rect.shrink(0.5)), "{what} runs out of the window");
    }
}

/// Checks every tab of the app in `harness`: no text clipped, no labels over each other, and
/// the last item of the side panel and of the tab reachable with the mouse wheel.
fn check_every_tab(harness: &mut Harness<'static, App>, case: &str) {
    harness.run();
    for tab in Tab::ALL {
        harness.state_mut().select_tab(tab);
        // No tooltip from the last tab's scrolling lies over this one.
        harness.event(egui::Event::PointerGone);
        harness.run();
        let context = format!("{} with {case}", tab.label());
        assert_no_text_clipped(harness, &context);
        assert_no_labels_overlap(harness, &context);
        let window = harness.ctx.content_rect();
        let edge = side_panel_edge(harness);
        for column in [(window.left(), edge), (edge, window.right())] {
            let last = last_node_in(harness, column);
            scroll_into_view(harness, &last, &context);
        }
    }
}

/// The list of keyboard shortcuts (F1) is taller than a small zoomed screen: it scrolls, and
/// its last row, the component list's Delete, comes into view inside the window.
#[test]
fn the_shortcut_list_scrolls_to_its_end_on_small_screens() {
    let cases = SIZES.iter().flat_map(|size| SCALES.map(|scale| (*size, scale))).chain([(ZOOMED, 1.5)]);
    for (size, scale) in cases {
        let context = format!("shortcuts at {}×{} points, {}%", size.x, size.y, scale * 100.0);
        let mut harness = app_at(size, scale);
        harness.key_press(egui::Key::F1);
        harness.run();
        let last = podvisor::ui::components::ROW_KEYS[3].1;
        let node = common::layout::text_nodes(&harness)
            .into_iter()
            .find(|node| node.text == last)
            .unwrap_or_else(|| panic!("{context}: {last:?} is listed"));
        let rect = scroll_into_view(&mut harness, &node, &context);
        assert!(rect.bottom() <= size.y && rect.top() >= 0.0, "{context}: {last:?} at {rect:?}, off the screen");
    }
}

/// A small laptop screen at 150 % zoom (1024×640 pixels, 683×427 points): the sliders take at
/// most two fifths of the width, so the scorecard shows two option columns side by side.
#[test]
fn a_small_zoomed_screen_keeps_the_side_panel_to_two_fifths() {
    let size = SMALL_ZOOMED;
    let mut harness = app_at(size, 1.5);
    harness.state_mut().send(Command::OpenExample(A));
    harness.run();
    let edge = side_panel_edge(&harness);
    assert!(edge <= 0.4 * size.x + 2.0, "the side panel ends at {edge} of {} points", size.x);
    for option in ["VM", "Container"] {
        let header = common::layout::text_nodes(&harness)
            .into_iter()
            .find(|node| node.text == option && node.visible.width() > 0.0)
            .unwrap_or_else(|| panic!("the {option} column shows"));
        assert!(header.fully_visible() && header.rect.right() <= size.x, "{option} at {:?}", header.rect);
    }
    // A wide window keeps the panel as it opens.
    let wide = app_at(egui::vec2(1280.0, 720.0), 1.0);
    let edge = side_panel_edge(&wide);
    assert!((edge - 360.0).abs() < 12.0, "the side panel ends at {edge}");
}

/// The side panel at its narrowest (two fifths of 683 points) with a pinned component and a
/// catalog host: a pin, a price's date and the host picker wrap or shrink inside the panel
/// rather than run past its edge. The window is tall enough to show the whole panel at once.
#[test]
fn the_narrow_side_panel_keeps_pins_and_prices_inside() {
    for file in [MIXED_FILE, "three_tier_web_shop.ron"] {
        let mut harness = app_at(egui::vec2(SMALL_ZOOMED.x, 3000.0), 1.5);
        harness.state_mut().send(Command::Open(common::example(file)));
        harness.run();
        assert_no_text_clipped(&harness, &format!("{file} in a narrow side panel"));
    }
}

/// Screens a deck is shown on, in pixels: a small laptop, a projector, a 1080p screen.
const SCREENS: [(f32, f32); 3] = [(1024.0, 640.0), (1280.0, 720.0), (1920.0, 1080.0)];

/// A slide's body text for a room, as a share of the screen's height: at least 1/36, 20 px
/// on a 720-line projector (it is 22.5 px there; the 16:10 letterbox of a 1024×640 screen
/// leaves 18 of 640).
const BODY_TEXT_OF_SCREEN: f32 = 1.0 / 36.0;

#[test]
fn every_slide_of_the_bundled_deck_fits_every_screen_at_every_zoom() {
    for (width, height) in SCREENS {
        for zoom in SCALES {
            let context = format!("{width}×{height} px at {}%", zoom * 100.0);
            let mut harness = app_at(egui::vec2(width / zoom, height / zoom), zoom);
            harness.state_mut().send(Command::Present);
            harness.run();
            harness.remove_cursor();
            let screen = harness.ctx.content_rect();
            let body = podvisor::ui::theme::sizes(&harness.ctx).body;
            assert!(
                body >= BODY_TEXT_OF_SCREEN * screen.height(),
                "{context}: body text of {body} points on a screen {} points high",
                screen.height()
            );
            for slide in 0..common::deck_slides() {
                harness.state_mut().send(Command::GoToSlide(slide));
                harness.run();
                let title = harness.state().presentation().expect("presenting").slide().title();
                let what = format!("{context}, slide {} ({title})", slide + 1);
                let nodes = common::layout::text_nodes(&harness);
                assert!(nodes.iter().any(|node| node.text == title), "{what}: its title shows");
                for node in nodes {
                    let (rect, visible) = (node.rect, node.visible);
                    assert!(
                        screen.expand(0.5).contains_rect(rect),
                        "{what}: {:?} at {rect:?} runs off the screen {screen:?}",
                        node.text
                    );
                    assert!(
                        visible.expand(0.5).contains_rect(rect),
                        "{what}: {:?} at {rect:?} is clipped to {visible:?}",
                        node.text
                    );
                }
            }
        }
    }
}

/// The first texts of the tab's area (right of the side panel, below the tab bar), fully
/// shown: a line above the tab's scroll area, if any, and the first of what scrolls.
fn top_of_tab(harness: &Harness<'_, App>) -> Vec<String> {
    let edge = side_panel_edge(harness);
    let bar = harness.get_by_label(Tab::Scorecard.label()).rect().bottom();
    let mut nodes: Vec<_> = common::layout::text_nodes(harness)
        .into_iter()
        .filter(|node| node.rect.left() > edge && node.rect.top() > bar + 2.0 && node.shown() && node.fully_visible())
        .collect();
    nodes.sort_by(|a, b| a.rect.top().total_cmp(&b.rect.top()));
    nodes.into_iter().take(3).map(|node| node.text).collect()
}

#[test]
fn each_tab_and_each_file_opens_at_its_top() {
    let mut harness = app_at(ZOOMED, 1.0);
    harness.state_mut().send(Command::OpenExample(A));
    common::wait_for_confidence(&mut harness);
    let mut top = |tab: Tab| {
        harness.state_mut().select_tab(tab);
        harness.run();
        top_of_tab(&harness)
    };
    let (scorecard, pros_cons) = (top(Tab::Scorecard), top(Tab::ProsCons));
    let window = harness.ctx.content_rect();
    let scroll_to_end = |harness: &mut Harness<'static, App>, context: &str| {
        let last = last_node_in(harness, (side_panel_edge(harness), window.right()));
        scroll_into_view(harness, &last, context);
        assert_ne!(top_of_tab(harness), pros_cons, "{context}: scrolled");
    };

    // Scrolled to the end of one tab, then another: it starts at its top.
    scroll_to_end(&mut harness, "Pros & cons scrolled to its end");
    harness.state_mut().select_tab(Tab::Scorecard);
    harness.run();
    assert_eq!(top_of_tab(&harness), scorecard, "the scorecard opens at its top");

    // Scrolled down, then another file opened: its tab starts at its top too.
    harness.state_mut().select_tab(Tab::ProsCons);
    harness.run();
    assert_eq!(top_of_tab(&harness), pros_cons, "back on Pros & cons: at its top");
    scroll_to_end(&mut harness, "Pros & cons scrolled again");
    harness.state_mut().send(Command::OpenExample(B));
    harness.run();
    harness.state_mut().send(Command::OpenExample(A));
    common::wait_for_confidence(&mut harness);
    assert_eq!(top_of_tab(&harness), pros_cons, "a file opens at the top of its tab");
}

/// An estate comparing all four options has five cost bars on its plan slide; on a 1024×640
/// laptop at 150 % the last one ("All on microVMs") fell below the screen while the legend
/// repeated the component names the placements give.
#[test]
fn a_four_option_estates_plan_slide_fits_a_small_zoomed_laptop() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut estate = podvisor::profile::load_file(&common::example(MIXED_FILE)).expect("bundled").profile;
    estate.options = REGISTRY.iter().map(|spec| spec.id()).collect();
    let path = dir.path().join("four_options.ron");
    podvisor::profile::save_file(&path, &estate).expect("saved");
    let mut harness = app_at(SMALL_ZOOMED, 1.5);
    harness.state_mut().send(Command::Open(path));
    harness.state_mut().send(Command::Present);
    // With its confidence drawn, as the room sees it: a line more above the bars.
    common::wait_for_confidence(&mut harness);
    assert_eq!(harness.state().presentation().expect("presenting").slide().page, podvisor::app::Page::Plan);
    let context = "the four-option estate's plan slide at 1024×640 and 150 %";
    assert_no_text_clipped_on_slide(&harness, context);
    let nodes = common::layout::text_nodes(&harness);
    assert!(nodes.iter().any(|node| node.text == "All on microVMs" && node.shown()), "{context}: the last bar");
}

/// Today's table of four options in the narrowest window: the options that do not fit beside
/// the row names start a table of their own below, so no figure of it lies past the window's
/// right edge once it is scrolled to (the last two columns ran off it).
#[test]
fn todays_table_of_four_options_keeps_every_column_in_a_small_zoomed_screen() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut harness = four_option_estate_on(dir.path(), Tab::Resources);
    let window = harness.ctx.content_rect();
    let last = last_node_in(&harness, (side_panel_edge(&harness), window.right()));
    scroll_into_view(&mut harness, &last, "today's table");
    let nodes = common::layout::text_nodes(&harness);
    let figures: Vec<_> = nodes.iter().filter(|node| node.text == "1.5").collect();
    assert!(figures.len() >= 4, "every option's instances per host: {figures:?}");
    for node in nodes {
        assert!(
            node.rect.right() <= window.right() + 0.5,
            "{:?} ends at {} past {}",
            node.text,
            node.rect.right(),
            window.right()
        );
    }
}

/// The compare tab's buttons in the narrowest window, with a B: each keeps its words on one
/// line, moving to the next row whole ("Stop comparing" broke into "Stop comp / aring").
#[test]
fn the_compare_buttons_keep_their_words_whole_in_a_small_zoomed_screen() {
    let mut harness = app_at(SMALL_ZOOMED, 1.5);
    harness.state_mut().send(Command::CompareWithExample(B));
    harness.state_mut().select_tab(Tab::Compare);
    harness.run();
    let height = |label: &str| harness.get_by_label(label).rect().height();
    let one_line = height("Compare with file…");
    for label in ["Swap A and B", "Stop comparing"] {
        assert!(height(label) < 1.5 * one_line, "{label}: {} high against {one_line}", height(label));
    }
}
