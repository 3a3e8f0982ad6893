// Loading for bundled apps and browsers (the package's default entry): the module's bytes are inlined in this
// file as base64, so no bundler needs a WebAssembly loader, a plugin or an asset rule, and no `connect-src` is
// needed. Instantiated synchronously, so calls work as soon as the package is imported; where an engine refuses
// to compile synchronously on the main thread (Chrome before 114, for modules over 4 KB: a RangeError),
// asynchronously. Any other error (a Content-Security-Policy without 'wasm-unsafe-eval') is final at once.
import init, { initSync } from './pccc_guard_raw.js';
import { WASM } from 'pccc-guard:wasm-base64';

export function load() {
  const bytes = Uint8Array.from(atob(WASM), (c) => c.charCodeAt(0));
  try {
    return initSync({ module: bytes });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return init({ module_or_path: bytes });
  }
}
