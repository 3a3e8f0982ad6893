// pccc-guard/forms for pages without a bundler: loads the WebAssembly itself. If it cannot load (a CSP without
// 'wasm-unsafe-eval', an old browser, a network error), the fields stay plain working inputs and one warning
// without user data says why. Never blocks a form.
import init, * as api from './pccc_guard.js';
import { createGuard } from './guard.js';
import { definePcccInput as defineElement } from './element.js';

let guard = null;
const ready = init().then(
  () => (guard = createGuard(api)),
  () => {
    console.warn('pccc-guard: the WebAssembly module could not be loaded; fields work without on-device checks.');
    return null;
  },
);

/** Guards every input[data-pccc] / input[data-pccc-field] under root once the module is loaded. */
export async function autoEnhance(root = document, options = {}) {
  const g = await ready;
  return g ? g.autoEnhance(root, options) : [];
}

/** Guards one input once the module is loaded; resolves to its handle, or null if the module is unavailable. */
export async function enhance(input, options = {}) {
  const g = await ready;
  return g ? g.enhance(input, options) : null;
}

/** Registers <pccc-input> once the module is loaded. Resolves to true when defined. */
export async function definePcccInput(tagName) {
  const g = await ready;
  if (!g) return false;
  defineElement(g, tagName);
  return true;
}

export { ready };
export { createGuard };
