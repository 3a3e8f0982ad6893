// pccc-guard's JavaScript API, written on the WebAssembly module's small boundary (src/wasm.rs): the module
// checks, normalises and masks; this file checks arguments, reads options and builds the result objects. Types and
// documentation: api.d.ts.
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
import { start } from './start.js';
import { NONE, count, fill, isString, optionsOf, policyError, typeName } from './args.js';

const PCCC = 0;
const PHONE = 1;
const POSTCODE = 2;
const NAME = 3;
// Slot numbers (src/wasm.rs, mod slot).
const CODE_PTR = 0;
const CODE_LEN = 1;
const MESSAGE_PTR = 2;
const MESSAGE_LEN = 3;
const INDEX = 4;
const FOUND = 5;
const VALUE_LEN = 6;
const DISPLAY_START = 7;
const DISPLAY_LEN = 8;
const CARET = 9;

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

function string(x, what) {
  isString(x, what);
  if (instance === undefined) started.fail();
  return x;
}

const started = start(load, (exports) => {
  instance = exports;
});
/** Resolves once calls work (at once in Node, bundled apps and workerd); rejects if the module cannot load. */
export const ready = started.ready;

/** Whether options.locale asks for English. */
function english(options) {
  const tag = optionsOf(options)?.locale;
  if (tag === undefined) return false;
  // A BCP 47 tag read by its primary language subtag, as Locale::from_tag does in Rust: "ko", "en-US", "EN_gb".
  const language = /^(ko|en)(?:[-_]|$)/i.exec(string(tag, 'options.locale'))?.[1].toLowerCase();
  if (!language) throw new RangeError('pccc-guard: options.locale must be "ko" or "en" (or a tag such as "en-US")');
  return language === 'en';
}

/** The error record in the slots: { code, message, index?, found? }. */
function failure(s) {
  const error = { code: text(s[at + CODE_PTR], s[at + CODE_LEN]), message: text(s[at + MESSAGE_PTR], s[at + MESSAGE_LEN]) };
  if (s[at + INDEX] !== NONE) error.index = s[at + INDEX];
  if (s[at + FOUND] !== NONE) error.found = s[at + FOUND];
  return error;
}

/** One field's result for a string `input`; `en` from english(options), read once by callers that check several. */
function check(field, input, en) {
  const valid = wasm.check(field, input, en);
  const s = memory();
  if (!valid) return { valid, error: failure(s) };
  const result = { valid, value: value(0, s[at + VALUE_LEN], field !== NAME) };
  if (field === PHONE) result.display = value(s[at + DISPLAY_START], s[at + DISPLAY_LEN], true);
  return result;
}

export function validate(input, options) {
  return check(PCCC, string(input, 'input'), english(options));
}

export function isValid(input) {
  return wasm.isValid(string(input, 'input'));
}

/** The `\n`-separated lines of text, for the batch functions. */
function lines(text) {
  return string(text, 'text').split('\n');
}

export function isValidLines(text) {
  const all = lines(text);
  const out = new Uint8Array(all.length);
  for (let i = 0; i < all.length; i++) out[i] = wasm.isValid(all[i]) ? 1 : 0;
  return out;
}

export function validateLines(text, options) {
  const all = lines(text);
  const en = english(options);
  return all.map((line) => check(PCCC, line, en));
}

export function validatePhone(input, options) {
  return check(PHONE, string(input, 'input'), english(options));
}

export function validatePostcode(input, options) {
  return check(POSTCODE, string(input, 'input'), english(options));
}

export function validateName(input, options) {
  return check(NAME, string(input, 'input'), english(options));
}

export function checkRecipient(fields, options) {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new TypeError(`pccc-guard: fields must be an object, got ${typeName(fields)}`);
  }
  const field = (key) => {
    const x = fields[key];
    return x === undefined ? '' : string(x, `fields.${key}`);
  };
  const input = [field('name'), field('pccc'), field('phone'), field('postcode')];
  if (instance === undefined) started.fail();
  const en = english(options);
  const [name, pccc, phone, postcode] = [NAME, PCCC, PHONE, POSTCODE].map((kind, i) => check(kind, input[i], en));
  return { valid: name.valid && pccc.valid && phone.valid && postcode.valid, fields: { name, pccc, phone, postcode } };
}

export function normalize(input) {
  return wasm.normalize(string(input, 'input'));
}

export function normalizeWithCaret(value, caret) {
  string(value, 'value');
  if (typeof caret !== 'number') throw new TypeError(`pccc-guard: caret must be a number, got ${typeName(caret)}`);
  if (!Number.isInteger(caret) || caret < 0) throw new RangeError('pccc-guard: caret must be a whole number of at least 0');
  const out = wasm.normalizeWithCaret(value, Math.min(caret, NONE - 1));
  return { value: out, caret: memory()[at + CARET] };
}

function maskWith(field, input, options) {
  string(input, 'input');
  options = optionsOf(options);
  const keepStart = field === NAME ? NONE : count(options, 'keepStart');
  const keepEnd = field === NAME ? NONE : count(options, 'keepEnd');
  const out = wasm.mask(field, input, keepStart, keepEnd, fill(options));
  const s = memory();
  if (s[at + CODE_LEN] === 0) return out;
  const { code, message } = failure(s);
  throw policyError(code, message);
}

export function mask(input, options) {
  return maskWith(PCCC, input, options);
}

export function maskPhone(input, options) {
  return maskWith(PHONE, input, options);
}

export function maskName(input, options) {
  return maskWith(NAME, input, options);
}
