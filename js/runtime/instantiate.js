// The module's bytes instantiated at once, on the main thread (a few milliseconds: V8 compiles each function when
// it is first called), with wasm-bindgen's `initSync`, whose fetching loader stays out of the bundles; where an
// engine refuses to compile synchronously on the main thread (Chrome before 114, for modules over 4 KB: a
// RangeError), compiled asynchronously first. Returns the module's exports, or a promise of them.
import { initSync } from './pccc_guard_raw.js';

export function instantiate(bytes) {
  try {
    return initSync({ module: bytes });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return WebAssembly.compile(bytes).then((module) => initSync({ module }));
  }
}
