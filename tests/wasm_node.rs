//! The JavaScript API compiled to wasm, run in Node (`wasm-pack test --node`).
#![cfg(target_arch = "wasm32")]

mod common;
mod wasm_common;
