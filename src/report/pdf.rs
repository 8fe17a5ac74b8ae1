//! A deck as PDF: one page per picture, each at its own size, with a bookmark per page named
//! by its title so that a reader can jump to a slide. Pure: pictures in, bytes out; drawing
//! the pictures is the window's (`app::handout`).

use miniz_oxide::deflate::{CompressionLevel, compress_to_vec_zlib};
use pdf_writer::{Content, Filter, Finish as _, Name, Pdf, Rect, Ref, TextStr};

/// One page: a picture in 8-bit RGB, row by row from the top, and its title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdfPage {
    pub title: String,
    /// Width and height in pixels.
    pub size: [u32; 2],
    /// `3 × width × height` bytes.
    pub rgb: Vec<u8>,
}

/// Pixels per PDF point (1/72 inch): 2, so a 1920-pixel slide is a 960-point (13.3-inch)
/// page at 144 dpi, sharp on paper and on a screen alike.
pub const PIXELS_PER_POINT: f32 = 2.0;

/// The PDF of `pages`, titled `title`. Fails only for a page whose picture does not hold
/// its stated size.
pub fn deck(title: &str, pages: &[PdfPage]) -> Result<Vec<u8>, String> {
    if let Some(page) =
        pages.iter().find(|page| page.rgb.len() as u64 != 3 * u64::from(page.size[0]) * u64::from(page.size[1]))
    {
        return Err(format!("the picture of {:?} does not hold {}×{} pixels", page.title, page.size[0], page.size[1]));
    }
    let mut refs = (1..).map(Ref::new);
    let mut next = || refs.next().unwrap_or(Ref::new(1));
    let (catalog, tree, outline, info) = (next(), next(), next(), next());
    // Per page: the page, its picture, its content stream and its bookmark.
    let ids: Vec<[Ref; 4]> = pages.iter().map(|_| [next(), next(), next(), next()]).collect();

    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree).outlines(outline);
    pdf.document_info(info).title(TextStr(title)).creator(TextStr("Podvisor"));
    pdf.pages(tree).kids(ids.iter().map(|[page, ..]| *page)).count(i32::try_from(pages.len()).unwrap_or(i32::MAX));

    let mut outline_writer = pdf.outline(outline);
    if let (Some(first), Some(last)) = (ids.first(), ids.last()) {
        outline_writer.first(first[3]).last(last[3]);
    }
    outline_writer.count(i32::try_from(pages.len()).unwrap_or(i32::MAX));
    outline_writer.finish();

    let picture = Name(b"Slide");
    for (at, (page, &[page_id, image_id, content_id, mark_id])) in pages.iter().zip(&ids).enumerate() {
        let [width, height] = page.size.map(|pixels| pixels as f32 / PIXELS_PER_POINT);
        let mut writer = pdf.page(page_id);
        writer.media_box(Rect::new(0.0, 0.0, width, height)).parent(tree).contents(content_id);
        writer.resources().x_objects().pair(picture, image_id);
        writer.finish();

        let encoded = compress_to_vec_zlib(&page.rgb, CompressionLevel::DefaultLevel as u8);
        let mut image = pdf.image_xobject(image_id, &encoded);
        image.filter(Filter::FlateDecode);
        image.width(i32::try_from(page.size[0]).unwrap_or(i32::MAX));
        image.height(i32::try_from(page.size[1]).unwrap_or(i32::MAX));
        image.color_space().device_rgb();
        image.bits_per_component(8);
        image.finish();

        let mut content = Content::new();
        content.save_state().transform([width, 0.0, 0.0, height, 0.0, 0.0]).x_object(picture).restore_state();
        pdf.stream(content_id, &content.finish());

        let mut mark = pdf.outline_item(mark_id);
        mark.title(TextStr(&page.title)).parent(outline);
        if at > 0 {
            mark.prev(ids[at - 1][3]);
        }
        if let Some(following) = ids.get(at + 1) {
            mark.next(following[3]);
        }
        mark.dest().page(page_id).fit();
    }
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(title: &str, [width, height]: [u32; 2], shade: u8) -> PdfPage {
        PdfPage { title: title.to_owned(), size: [width, height], rgb: vec![shade; (3 * width * height) as usize] }
    }

    fn count(haystack: &[u8], needle: &str) -> usize {
        haystack.windows(needle.len()).filter(|window| *window == needle.as_bytes()).count()
    }

    #[test]
    fn every_picture_is_a_page_of_its_own_size_with_a_bookmark() {
        let pages = [page("Verdict", [1920, 1080], 200), page("Plan · Search (2 of 5)", [1920, 1400], 30)];
        let bytes = deck("Bundled deck", &pages).expect("writes");
        assert!(bytes.starts_with(b"%PDF-"));
        assert_eq!(count(&bytes, "/Type /Page\n"), 2, "two pages");
        assert_eq!(count(&bytes, "/Subtype /Image"), 2);
        // 1920 px at 2 px a point: 960 points; 1080 → 540, 1400 → 700.
        assert_eq!(count(&bytes, "/MediaBox [0 0 960 540]"), 1);
        assert_eq!(count(&bytes, "/MediaBox [0 0 960 700]"), 1);
        assert_eq!(count(&bytes, "/Title (Verdict)"), 1);
        assert_eq!(count(&bytes, "/Count 2"), 2, "the page tree and the outline");
        // A flat picture compresses to almost nothing: 6 MB of pixels in a few kB.
        assert!(bytes.len() < 60_000, "{} bytes", bytes.len());
    }

    #[test]
    fn a_picture_that_does_not_hold_its_size_is_refused() {
        let mut broken = page("Broken", [10, 10], 0);
        broken.rgb.pop();
        let error = deck("Deck", &[broken]).expect_err("refused");
        assert!(error.contains("Broken") && error.contains("10×10"), "{error}");
        let empty = deck("Empty", &[]).expect("an empty deck is still a PDF");
        assert!(empty.starts_with(b"%PDF-"));
    }
}
