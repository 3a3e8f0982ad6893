// The fields module compiled to JavaScript (pccc-guard-fields.wasm.js, binaryen's wasm2js of the same Rust): what
// the loaders fall back on where WebAssembly cannot run. The file registers a factory when it runs, under a key of
// its own; wasm-bindgen's loader instantiates it as it would the .wasm (js/engine.js), so the API above is the same.
import { initSync } from './pccc_guard_raw.js';

const KEY = Symbol.for('pccc-guard.fields.wasm.js');

/** Instantiates the JavaScript build, once its file has run. */
export function fromJs() {
  const create = globalThis[KEY];
  if (typeof create !== 'function') throw new Error('the JavaScript build did not register itself');
  return initSync({ module: { create } });
}

/**
 * On a page: the file as a script element, pinned by its hash (so pinning the script that loads it pins this
 * one too) and allowed by a CSP that allows the script itself; in a worker, imported. Resolves to the exports.
 */
export const loadScript = (src, integrity) =>
  new Promise((resolve, reject) => {
    if (globalThis[KEY] || typeof document !== 'object') return resolve(globalThis[KEY] || import(src));
    const onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(Object.assign(document.createElement('script'), { src, integrity, crossOrigin: 'anonymous', onload: resolve, onerror }));
  }).then(fromJs);
