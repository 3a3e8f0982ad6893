// pccc-guard/forms: guards native inputs (data-pccc, data-pccc-field) and memos (data-pccc-redact), and defines
// <pccc-input>, on the package's API. The same module in every build: `pccc-guard:api` is the package's own entry for the runtime (scripts/
// build.mjs), so a page that also calls the API directly shares one instance of the module with the guards.
//
// Every function waits for the API's `ready`. If the WebAssembly cannot load (a CSP without 'wasm-unsafe-eval',
// an old browser), the fields stay plain working inputs and one warning without user data says why: the forms
// functions then resolve to [], null and false instead of rejecting. Importing this module needs no DOM.
import { maskField, normalizeWithCaret, ready, validateField } from 'pccc-guard:api';
import { loadText as textApi } from 'pccc-guard:text';
import { createGuard } from './forms-core.js';

/** The text API (the finder's own module), when a memo or a paste first needs it. */
let text;
const loadText = () => (text ??= (async () => {
  const t = await textApi();
  await t.ready;
  return t;
})());

// The guard needs these three alone (naming them, not the module's namespace, keeps the page's bundle small).
const guard = ready.then(
  () => createGuard({ validateField, normalizeWithCaret, maskField }, loadText),
  () => console.warn('pccc-guard: WebAssembly could not load; fields work unchecked.'),
);

/** Guards every input[data-pccc] / input[data-pccc-field] under root; resolves to their handles. */
export const autoEnhance = async (root, options) => (await guard)?.autoEnhance(root, options) ?? [];
/** Guards one input; resolves to its handle, or null if the module is unavailable. */
export const enhance = async (input, options) => (await guard)?.enhance(input, options) ?? null;
/** Registers <pccc-input> (its code is fetched now); false if the module or the browser cannot have it. */
export const definePcccInput = async (tagName) => {
  const g = await guard;
  return !!g && (await import('./pccc-input.js')).definePcccInput(g, tagName);
};
export { ready };
