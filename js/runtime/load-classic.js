// Loading in the classic script (web/pccc-guard.classic.js): the module's bytes are inlined in the script itself
// (packed as scripts/build.mjs chooses: see `pccc-guard:wasm-packed`), so a page where WebAssembly works makes no
// further request, and the script's own Subresource Integrity hash covers the WebAssembly too. Instantiated as
// soon as the bytes are unpacked (js/runtime/instantiate.js). Where WebAssembly is missing, refused or fails, the
// JavaScript build next to the script (js/fallback-classic.js).
import { instantiate } from './instantiate.js';
import { unpack } from 'pccc-guard:wasm-packed';
import { fallback } from 'pccc-guard:fallback';

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
