//! Turns on the finder's block test (src/find.rs, `block_starts`) where it pays: native code built at opt-level 2
//! or 3, where the compiler vectorises it. At 0, 1, "s" or "z" the same loops stay scalar and the test would make
//! the scan several times slower than reading words alone; the WebAssembly modules never have it (no SIMD).

fn main() {
    println!("cargo::rustc-check-cfg=cfg(block_scan)");
    println!("cargo::rerun-if-changed=build.rs");
    let opt_level = std::env::var("OPT_LEVEL").unwrap_or_default();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if matches!(opt_level.as_str(), "2" | "3") && !wasm {
        println!("cargo::rustc-cfg=block_scan");
    }
}
