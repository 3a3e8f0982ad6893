// Node's fallback (node.cjs, node.mjs): where WebAssembly is missing (`node --jitless`), the JavaScript build,
// required synchronously, so that calls still work as soon as the package is loaded.
import { fromJs } from './js-build.js';
import { requireSibling } from 'pccc-guard:require';

export function fallback() {
  requireSibling('./pccc-guard-fields.wasm.cjs');
  return fromJs();
}
