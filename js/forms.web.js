// pccc-guard/forms for pages without a bundler: loads the WebAssembly itself (pccc_guard_bg.wasm next to this
// file). If it cannot load (a CSP without 'wasm-unsafe-eval', an old browser, a network error), the fields stay
// plain working inputs and one warning without user data says why. It never blocks a form.
//
// Built into one self-contained file with the API inside (scripts/package.mjs), which it also exports: a page
// downloads this file and the .wasm, nothing else.
import init from './pccc_guard_raw.js';
import * as api from './api.js';
import { createGuard } from './forms-core.js';
import { definePcccInput as define } from './pccc-input.js';

/** Resolves to the guard once the module has loaded, or to null if it could not load. */
export const ready = init().then(
  () => createGuard(api),
  () => {
    console.warn('pccc-guard: WebAssembly could not load; fields work unchecked.');
    return null;
  },
);

/** Guards every input[data-pccc] / input[data-pccc-field] under root once the module has loaded. */
export const autoEnhance = async (root, options) => (await ready)?.autoEnhance(root, options) ?? [];
/** Guards one input once the module has loaded; its handle, or null if the module is unavailable. */
export const enhance = async (input, options) => (await ready)?.enhance(input, options) ?? null;
/** Registers <pccc-input> once the module has loaded; false if the module or the browser cannot have it. */
export const definePcccInput = async (tagName) => {
  const guard = await ready;
  return !!guard && define(guard, tagName);
};
export { createGuard };
// The API, usable once `ready` has resolved.
export * from './api.js';
