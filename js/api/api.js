// pccc-guard's JavaScript API: the functions of api-core.js that take a field's name, every field's named functions
// (api-fields.js, generated from the Rust registry), the PCCC's batch functions and the recipient check. Types and
// documentation: api.d.ts (with api-fields.d.ts).
//
// Starting: `./load.js` is chosen per entry point at build time (scripts/build.mjs): it instantiates the module
// from bytes inlined in the entry (synchronously where the runtime allows it: Node, bundled apps), from a
// compiled module (workerd), or asynchronously (plain pages). `ready` settles when that is done; calls made before
// it resolved throw a clear error instead of failing inside wasm-bindgen's loader.
import * as wasm from './pccc_guard_raw.js';
import { FIELDS, RECIPIENT } from './contract.js';
import { typeName } from './args.js';
import { check, english, loaded, string } from './api-core.js';

export { ready, validateField, isValidField, maskField, normalize, normalizeWithCaret } from './api-core.js';
export * from './api-fields.js';

/** The `\n`-separated lines of text, for the batch functions. */
function lines(text) {
  return string(text, 'text').split('\n');
}

// The PCCC's batch functions (the crate's subject has them alone).
export function isValidPcccLines(text) {
  const all = lines(text);
  const out = new Uint8Array(all.length);
  for (let i = 0; i < all.length; i++) out[i] = wasm.isValid(all[i]) ? 1 : 0;
  return out;
}

export function validatePcccLines(text, options) {
  const all = lines(text);
  const en = english(options);
  return all.map((line) => check(FIELDS.pccc, line, en));
}

export function checkRecipient(fields, options) {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new TypeError(`pccc-guard: fields must be an object, got ${typeName(fields)}`);
  }
  const input = RECIPIENT.map((key) => {
    const x = fields[key];
    return x === undefined ? '' : string(x, `fields.${key}`);
  });
  loaded();
  const en = english(options);
  const results = {};
  let valid = true;
  RECIPIENT.forEach((key, i) => {
    results[key] = check(FIELDS[key], input[i], en);
    valid &&= results[key].valid;
  });
  return { valid, fields: results };
}

