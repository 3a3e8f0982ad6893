// The fields module compiled to JavaScript (pccc-guard-fields.wasm.js, binaryen's wasm2js of the same Rust): what
// the loaders fall back on where WebAssembly cannot run. The file registers a factory when it runs, under a key of
// its own; wasm-bindgen's loader instantiates it as it would the .wasm (js/engine.js), so the API above is the same.
import { initSync } from './pccc_guard_raw.js';

const KEY = Symbol.for('pccc-guard.fields.wasm.js');

/** Instantiates the JavaScript build, once its file has run (if it has not, compiling `{}` throws a TypeError). */
export const fromJs = () => initSync({ module: { create: globalThis[KEY] } });

/**
 * On a page: the file as a script element, allowed by any CSP that allows the script that loads it. The plain-page
 * module and the classic script pin it by its hash, so that pinning them pins this one too; the bundlers' entry
 * cannot (a bundler may rename or rewrite what it emits), and the app's build serves it as it serves the app's own
 * files. Resolves to the exports.
 */
export const loadScript = (src, integrity) =>
  new Promise((onload, onerror) => {
    const pinned = integrity ? { integrity, crossOrigin: 'anonymous' } : {};
    const failed = () => onerror(new Error(`${src} did not load`));
    document.head.append(Object.assign(document.createElement('script'), { src, ...pinned, onload, onerror: failed }));
  }).then(fromJs);
