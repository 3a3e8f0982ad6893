// pccc-guard/forms for pages without a bundler: loads the WebAssembly itself (pccc_guard_bg.wasm next to this
// file). If it cannot load (a CSP without 'wasm-unsafe-eval', an old browser, a network error), the fields stay
// plain working inputs and one warning without user data says why. It never blocks a form.
//
// Built into one self-contained file with the loader and the API functions the forms layer uses
// (scripts/package.mjs): a page guarding its inputs downloads this file and the .wasm, nothing else. The
// <pccc-input> element is a module of its own (pccc-input.js next to this file), fetched by definePcccInput().
import init from './pccc_guard_raw.js';
import { validate, validatePhone, validatePostcode, validateName, mask, maskPhone, maskName, normalizeWithCaret } from './api.js';
import { createGuard } from './forms-core.js';

const api = { validate, validatePhone, validatePostcode, validateName, mask, maskPhone, maskName, normalizeWithCaret };

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
  return !!guard && (await import('./pccc-input.js')).definePcccInput(guard, tagName);
};
export { createGuard };
