// The fields module compiled to JavaScript (pccc-guard-fields.wasm.js, binaryen's wasm2js of the same Rust): what
// the loaders fall back on where WebAssembly cannot run. The file registers a factory when it runs, under a key of
// its own; wasm-bindgen's loader instantiates it as it would the .wasm (js/engine.js), so the API above is the same.
import { initSync } from './pccc_guard_raw.js';

const KEY = Symbol.for('pccc-guard.fields.wasm.js');

/** Instantiates the JavaScript build, once its file has run (if it has not, compiling `{}` throws a TypeError). */
export const fromJs = () => initSync({ module: { create: globalThis[KEY] } });

/**
 * On a page (the plain-page module and the classic script need a document anyway): the file as a script element,
 * pinned by its hash, so that pinning the script that loads it pins this one too, and allowed by any CSP that
 * allows that script. Resolves to the exports.
 */
export const loadScript = (src, integrity) =>
  new Promise((onload, onerror) => {
    document.head.append(Object.assign(document.createElement('script'), { src, integrity, crossOrigin: 'anonymous', onload, onerror }));
  }).then(fromJs);
