// Loading in the classic script (web/pccc-guard.classic.js): the module's bytes are inlined in the script itself
// (packed as scripts/build.mjs chooses: see `pccc-guard:wasm-packed`), so a page where WebAssembly works makes no
// further request, and the script's own Subresource Integrity hash covers the WebAssembly too. Instantiated as
// soon as the bytes are unpacked; where an engine refuses to compile synchronously on the main thread (Chrome
// before 114, for modules over 4 KB: a RangeError), compiled asynchronously first (wasm-bindgen's own async loader,
// which can fetch, stays out of the script). Where WebAssembly is missing, refused or fails,
// the JavaScript build next to the script (js/fallback-classic.js).
import { initSync } from './pccc_guard_raw.js';
import { unpack } from 'pccc-guard:wasm-packed';
import { fallback } from 'pccc-guard:fallback';

function instantiate(bytes) {
  try {
    return initSync({ module: bytes });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return WebAssembly.compile(bytes).then((module) => initSync({ module }));
  }
}

export function load() {
  let started;
  try {
    if (!globalThis.WebAssembly) throw new Error('no WebAssembly');
    started = Promise.resolve(unpack()).then(instantiate);
  } catch (error) {
    started = Promise.reject(error);
  }
  return started.catch(fallback);
}
