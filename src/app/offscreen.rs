//! Drawing without a window: egui passes run on a context of their own and are rendered by
//! egui's wgpu renderer into a texture that is read back, for the handout deck
//! ([`super::handout`]). The GPU is the system's, or Mesa's software rasterizer where there
//! is none; where wgpu finds no adapter at all, [`Offscreen::new`] says so.

use std::sync::mpsc;
use std::time::Duration;

use egui::{ColorImage, Pos2, RawInput, Rect, Vec2, ViewportId};
use egui_wgpu::{RenderState, RendererOptions, ScreenDescriptor, WgpuConfiguration, WgpuSetup, wgpu};

/// How long a frame may take on the GPU before we give up: a software rasterizer draws a
/// 1920×1080 slide in well under a second; a device lost would otherwise hang the export.
const GPU_TIMEOUT: Duration = Duration::from_secs(20);

/// Passes after which a page that still asks for another is drawn as it is (a slide
/// settles in two or three: sizes measured on the first, laid out on the second).
const MAX_PASSES: usize = 8;

/// A renderer without a window.
pub struct Offscreen {
    state: RenderState,
}

impl Offscreen {
    /// Finds an adapter and sets the renderer up; fails with a sentence when wgpu finds none.
    /// Vulkan, Metal or DirectX 12 first; OpenGL only where none of them has an adapter
    /// (asking OpenGL first would wake EGL, which complains on stderr where no display runs).
    pub fn new() -> Result<Self, String> {
        let state = Self::with_backends(wgpu::Backends::PRIMARY).or_else(|_| Self::with_backends(wgpu::Backends::GL));
        let state = state.map_err(|error| {
            format!(
                "no graphics adapter to draw the slides with ({error}); on Linux without a GPU, \
                 Mesa's software driver (mesa-vulkan-drivers) provides one"
            )
        })?;
        Ok(Self { state })
    }

    fn with_backends(backends: wgpu::Backends) -> Result<RenderState, egui_wgpu::WgpuError> {
        let mut create = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
        create.instance_descriptor.backends = backends;
        let setup = WgpuSetup::CreateNew(create);
        let instance = pollster::block_on(setup.new_instance());
        let config = WgpuConfiguration { wgpu_setup: setup, ..Default::default() };
        // No dithering: pages are pictures to compare and to compress, and noise helps neither.
        let options = RendererOptions { dithering: false, ..RendererOptions::default() };
        pollster::block_on(RenderState::create(&config, &instance, None, options))
    }

    /// Draws `page` on `ctx` at `width` points wide and `pixels_per_point`, as tall as the
    /// page says it needs (it returns the height it used, in points, given the height it
    /// was laid out in), passing until the page settles; returns the picture.
    pub fn draw(
        &mut self,
        ctx: &egui::Context,
        width: f32,
        pixels_per_point: f32,
        mut page: impl FnMut(&mut egui::Ui) -> f32,
    ) -> Result<ColorImage, String> {
        let mut height = width * 9.0 / 16.0;
        let mut output = None;
        for pass in 0..MAX_PASSES {
            let mut input = RawInput {
                screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(width, height))),
                // Time moves on a frame a pass, so that anything easing in has eased.
                time: Some(pass as f64),
                ..RawInput::default()
            };
            input.viewports.entry(ViewportId::ROOT).or_default().native_pixels_per_point = Some(pixels_per_point);
            let mut wanted = height;
            let mut full = ctx.run_ui(input, |ui| wanted = page(ui).ceil().max(1.0));
            // Every pass's textures (the font atlas grows as text is laid out) reach the GPU.
            self.upload(&mut full.textures_delta);
            let settled = (wanted - height).abs() < 0.5 && !ctx.has_requested_repaint() && pass > 0;
            height = wanted;
            output = Some(full);
            if settled {
                break;
            }
        }
        let output = output.ok_or_else(|| "nothing was drawn".to_owned())?;
        self.render(ctx, &output)
    }

    fn upload(&self, delta: &mut egui::TexturesDelta) {
        let mut renderer = self.state.renderer.write();
        // Textures are independent of one another; only each one's own deltas keep their order.
        for (id, images) in delta.set.drain() {
            for image in images {
                renderer.update_texture(&self.state.device, &self.state.queue, id, &image);
            }
        }
        for id in delta.free.drain() {
            renderer.free_texture(&id);
        }
    }

    /// Renders the last pass into a texture and reads it back.
    fn render(&self, ctx: &egui::Context, output: &egui::FullOutput) -> Result<ColorImage, String> {
        let (device, queue) = (&self.state.device, &self.state.queue);
        let pixels_per_point = ctx.pixels_per_point();
        let size = (ctx.content_rect().size() * pixels_per_point).round();
        let screen = ScreenDescriptor { pixels_per_point, size_in_pixels: [pixels(size.x), pixels(size.y)] };
        let [width, height] = screen.size_in_pixels;
        let primitives = ctx.tessellate(output.shapes.clone(), pixels_per_point);
        let texture = device.create_texture(&wgpu::TextureDescriptor {
            label: Some("handout page"),
            size: wgpu::Extent3d { width, height, depth_or_array_layers: 1 },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: self.state.target_format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor { label: Some("handout") });
        let mut renderer = self.state.renderer.write();
        let callbacks = renderer.update_buffers(device, queue, &mut encoder, &primitives, &screen);
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("handout page"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(wgpu::Color::WHITE),
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            renderer.render(&mut pass, &primitives, &screen);
        }
        self.read_back(&texture, encoder, callbacks)
    }

    /// Copies `texture` out through a buffer once the encoder's work (and the renderer's
    /// callbacks) have run, as 8-bit RGB whatever the texture's channel order.
    fn read_back(
        &self,
        texture: &wgpu::Texture,
        mut encoder: wgpu::CommandEncoder,
        callbacks: Vec<wgpu::CommandBuffer>,
    ) -> Result<ColorImage, String> {
        let (device, queue) = (&self.state.device, &self.state.queue);
        let (width, height) = (texture.width(), texture.height());
        // Rows of the read-back buffer are padded to wgpu's alignment.
        let row = 4 * width;
        let padded = row.div_ceil(wgpu::COPY_BYTES_PER_ROW_ALIGNMENT) * wgpu::COPY_BYTES_PER_ROW_ALIGNMENT;
        let buffer = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("handout read-back"),
            size: u64::from(padded) * u64::from(height),
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        encoder.copy_texture_to_buffer(
            texture.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &buffer,
                layout: wgpu::TexelCopyBufferLayout { offset: 0, bytes_per_row: Some(padded), rows_per_image: None },
            },
            wgpu::Extent3d { width, height, depth_or_array_layers: 1 },
        );
        let submitted = queue.submit(callbacks.into_iter().chain(std::iter::once(encoder.finish())));
        let slice = buffer.slice(..);
        let (sender, receiver) = mpsc::channel();
        slice.map_async(wgpu::MapMode::Read, move |mapped| drop(sender.send(mapped)));
        device
            .poll(wgpu::PollType::Wait { submission_index: Some(submitted), timeout: Some(GPU_TIMEOUT) })
            .map_err(|error| format!("the graphics adapter did not finish the page: {error}"))?;
        receiver
            .recv()
            .map_err(|_| "the page was never read back".to_owned())?
            .map_err(|error| format!("the page could not be read back: {error}"))?;
        let mapped = slice.get_mapped_range().map_err(|error| format!("the page could not be read back: {error}"))?;
        let bgra = self.state.target_format == wgpu::TextureFormat::Bgra8Unorm;
        let pixels = mapped
            .chunks_exact(padded as usize)
            .flat_map(|line| line[..row as usize].chunks_exact(4))
            .map(|p| {
                if bgra { egui::Color32::from_rgb(p[2], p[1], p[0]) } else { egui::Color32::from_rgb(p[0], p[1], p[2]) }
            })
            .collect();
        Ok(ColorImage::new([width as usize, height as usize], pixels))
    }
}

/// A length in whole pixels, rounded.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "a page's side: positive and a few thousand pixels, far below u32::MAX"
)]
fn pixels(length: f32) -> u32 {
    length.round().max(1.0) as u32
}
