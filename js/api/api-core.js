// The core of pccc-guard's JavaScript API, written on the WebAssembly module's small boundary (src/wasm/exports.rs): the
// module checks, normalises and masks; this file checks arguments, reads options and builds the result objects, for
// any field through its descriptor (contract.js). api.js is the public API made of it, with every field's named
// functions (api-fields.js, generated from the registry). Types and documentation: api.d.ts, api-fields.d.ts.
//
// Starting: `./load.js` is chosen per entry point at build time (scripts/build.mjs): it instantiates the module
// from bytes inlined in the entry (synchronously where the runtime allows it: Node, bundled apps), from a
// compiled module (workerd), or asynchronously (plain pages). `ready` settles when that is done; calls made before
// it resolved throw a clear error instead of failing inside wasm-bindgen's loader.
//
// How a result comes back: the module writes a record of u32 "slots" into its memory (error code and message as
// address + length of static texts, index, found, the value's length) and, for a valid field, copies the value
// into its text buffer. Texts are decoded once and cached by address.
import * as wasm from './pccc_guard_raw.js';
import { load } from './load.js';
import { start } from '../runtime/start.js';
import { NONE, count, fill, isString, optionsOf, policyError, typeName } from './args.js';

// Generated from the Rust side (src/field.rs, src/wasm/boundary.rs):
import { FIELDS, CODE_PTR, CODE_LEN, MESSAGE_PTR, MESSAGE_LEN, INDEX, FOUND, VALUE_LEN, DISPLAY_START, DISPLAY_LEN, CARET } from './contract.js';
import { localeOf } from './locale.js';
// The PCCC has a fast check of its own at the boundary (wasm.isValid: no record written).
const FAST = FIELDS.pccc.id;

let instance; // the module's exports once loaded (wasm-bindgen's init/initSync return them)
let bytes; // Uint8Array over the module's memory (replaced when the memory grows)
let slots; // Uint32Array over the same memory
let at; // index of the first slot in `slots`
let textAt; // address of the text buffer
const texts = new Map();
const decoder = new TextDecoder();

/** Views over the module's memory, made again after it grows (a grown memory detaches the old buffer). */
function memory() {
  if (slots === undefined || slots.byteLength === 0) {
    const buffer = instance.memory.buffer;
    bytes = new Uint8Array(buffer);
    slots = new Uint32Array(buffer);
    at = wasm.slots() >>> 2;
    textAt = wasm.textBuffer();
  }
  return slots;
}

/** A static text of the module (code, message), decoded once. */
function text(ptr, len) {
  let s = texts.get(ptr);
  if (s === undefined) texts.set(ptr, (s = decoder.decode(bytes.subarray(ptr, ptr + len))));
  return s;
}

/** A value from the text buffer; `ascii` when it can only be ASCII (faster than TextDecoder for short text). */
function value(start, len, ascii) {
  const view = bytes.subarray(textAt + start, textAt + start + len);
  return ascii ? String.fromCharCode.apply(null, view) : decoder.decode(view);
}

export function string(x, what) {
  isString(x, what);
  loaded();
  return x;
}

const started = start(load, (exports) => {
  instance = exports;
});
/** Resolves once calls work (at once in Node, bundled apps and workerd); rejects if the module cannot load. */
export const ready = started.ready;
/** Throws the loader's error when the module is not (or not yet) there. */
export function loaded() {
  if (instance === undefined) started.fail();
}

/** Whether options.locale asks for English. */
export function english(options) {
  const tag = optionsOf(options)?.locale;
  if (tag === undefined) return false;
  const language = localeOf(string(tag, 'options.locale'));
  if (!language) throw new RangeError('pccc-guard: options.locale must be "ko" or "en" (or a tag such as "en-US")');
  return language === 'en';
}

/** The field named `name` (its JavaScript name: "pccc", "businessNumber"), for the functions that take one. */
export function fieldOf(name) {
  const field = typeof name === 'string' && Object.hasOwn(FIELDS, name) ? FIELDS[name] : undefined;
  if (field) return field;
  throw new RangeError(`pccc-guard: field must be one of ${Object.keys(FIELDS).map((k) => `"${k}"`).join(', ')}, got ${typeName(name)}`);
}

/** The error record in the slots: { code, message, index?, found? }. */
function failure(s) {
  const error = { code: text(s[at + CODE_PTR], s[at + CODE_LEN]), message: text(s[at + MESSAGE_PTR], s[at + MESSAGE_LEN]) };
  if (s[at + INDEX] !== NONE) error.index = s[at + INDEX];
  if (s[at + FOUND] !== NONE) error.found = s[at + FOUND];
  return error;
}

/** One field's result for a string `input`; `en` from english(options), read once by callers that check several. */
export function check(field, input, en) {
  const valid = wasm.check(field.id, input, en);
  const s = memory();
  if (!valid) return { valid, error: failure(s) };
  const result = { valid, value: value(0, s[at + VALUE_LEN], field.ascii) };
  if (field.display) result.display = value(s[at + DISPLAY_START], s[at + DISPLAY_LEN], true);
  return result;
}

/** The result of checking `input` as the field named `field`; what the named functions below and the forms layer use. */
export function validateField(field, input, options) {
  return check(fieldOf(field), string(input, 'input'), english(options));
}

/** `field`'s (a descriptor's) validate<Field>: the result of checking `input` as that field. */
export const validator = (field) => (input, options) => check(field, string(input, 'input'), english(options));

/** `field`'s (a descriptor's) isValid<Field>. */
export const checker = (field) => (input) => isValidWith(field, input);

/** Whether `input` is a valid value of `field` (a descriptor). */
function isValidWith(field, input) {
  string(input, 'input');
  return field.id === FAST ? wasm.isValid(input) : wasm.check(field.id, input, false);
}

export const isValidField = (field, input) => isValidWith(fieldOf(field), input);

// One export serves both (the module is smaller): normalising with the caret at 0 is normalising.
export function normalize(input) {
  return wasm.normalizeWithCaret(string(input, 'input'), 0);
}

export function normalizeWithCaret(value, caret) {
  string(value, 'value');
  if (typeof caret !== 'number') throw new TypeError(`pccc-guard: caret must be a number, got ${typeName(caret)}`);
  if (!Number.isInteger(caret) || caret < 0) throw new RangeError('pccc-guard: caret must be a whole number of at least 0');
  const out = wasm.normalizeWithCaret(value, Math.min(caret, NONE - 1));
  return { value: out, caret: memory()[at + CARET] };
}

/** `field`'s (a descriptor's with a mask) mask<Field>. */
export const masker = (field) => (input, options) => maskWith(field, input, options);

/** Masks `input` as `field` (a descriptor with a mask). */
function maskWith(field, input, options) {
  string(input, 'input');
  options = optionsOf(options);
  const digits = field.mask === 'digits';
  const keepStart = digits ? count(options, 'keepStart') : NONE;
  const keepEnd = digits ? count(options, 'keepEnd') : NONE;
  const out = wasm.mask(field.id, input, keepStart, keepEnd, fill(options));
  const s = memory();
  if (s[at + CODE_LEN] === 0) return out;
  const { code, message } = failure(s);
  throw policyError(code, message);
}

/** Masks `input` for display as the field named `field` (one with a mask: not "postcode"). */
export function maskField(name, input, options) {
  const field = fieldOf(name);
  if (!field.mask) throw new RangeError(`pccc-guard: the ${name} field has no display mask`);
  return maskWith(field, input, options);
}
