//! Nothing: this crate only holds `benches/demo_frame.rs`.
