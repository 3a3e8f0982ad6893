// The bundlers' fallback (index.js): the JavaScript build as a sibling file, imported only when the WebAssembly
// cannot run (a bundler splits it into a chunk of its own, which an app with WebAssembly never loads).
import { fromJs } from './js-build.js';

export const fallback = () => import('./pccc-guard-fields.wasm.js').then(fromJs);
