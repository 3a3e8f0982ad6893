// Loading on a plain page (web/pccc-guard.js, web/pccc-guard-text.js): fetches its .wasm from next to this file as
// soon as this module runs (a `<link rel="preload">` in the page starts it even sooner), checked against the
// Subresource Integrity hash built into this file, so pinning this file with `integrity=` pins the WebAssembly too.
// A fetch with an integrity hash resolves only once the whole body has arrived and been checked, so the bytes are
// then compiled and instantiated at once, on the main thread, with wasm-bindgen's `initSync` (a few milliseconds: V8
// compiles each function when it is first called), which keeps its fetching loader out of the file. Compiling them
// asynchronously instead (`compileStreaming`) answered in later tasks, which wait behind the page's first style,
// layout and paint on a slow phone. An engine that refuses to compile a module this size on the main thread
// (Chrome before 114, May 2023) gets the JavaScript build, as where WebAssembly fails: the few bytes of an
// asynchronous way round it would break the page's size budget.
//
// Where a Content-Security-Policy forbids WebAssembly, an 8-byte empty module fails at once: the .wasm is not
// fetched then, and no request is left open. It is instantiated, not only compiled: WebKit enforces the policy when
// a module is instantiated (Chromium and Firefox already when it is compiled). The fields module then loads its
// JavaScript build instead (js/fallback-web.js), as it does where WebAssembly is missing or fails to instantiate;
// the text module has none.
import { initSync } from './pccc_guard_raw.js';
import { WASM_FILE, WASM_INTEGRITY } from 'pccc-guard:wasm-integrity';
import { fallback } from 'pccc-guard:fallback';

function wasm() {
  new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])));
  return fetch(new URL(WASM_FILE, import.meta.url), { integrity: WASM_INTEGRITY })
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${WASM_FILE}`);
      return response.arrayBuffer();
    })
    .then((module) => initSync({ module }));
}

export function load() {
  let started;
  try {
    started = wasm();
  } catch (error) {
    started = Promise.reject(error);
  }
  return fallback ? started.catch(fallback) : started;
}
