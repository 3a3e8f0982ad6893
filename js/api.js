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

const PCCC = 0;
const PHONE = 1;
const POSTCODE = 2;
const NAME = 3;
const NONE = 0xffffffff; // "absent" in a slot or argument
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
let failed; // why it could not load
let bytes; // Uint8Array over the module's memory (replaced when the memory grows)
let slots; // Uint32Array over the same memory
let at; // index of the first slot in `slots`
let textAt; // address of the text buffer
const texts = new Map();
const locales = new Map();
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

function typeName(x) {
  return x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x;
}

function string(x, what) {
  if (typeof x !== 'string') throw new TypeError(`pccc-guard: ${what} must be a string, got ${typeName(x)}`);
  if (instance === undefined) loaded();
  return x;
}

/** Throws why no call can be made yet: still loading, or the module could not load. */
function loaded() {
  if (instance !== undefined) return;
  throw failed
    ? new Error(`pccc-guard: the WebAssembly module could not load (${failed.message ?? failed}); checks are unavailable`, { cause: failed })
    : new Error('pccc-guard: the WebAssembly module is still loading; await `ready` before the first call');
}

function start(exports) {
  instance = exports;
}

function fail(error) {
  failed = error;
  loaded();
}

let started;
try {
  started = load();
} catch (error) {
  failed = error; // known at once: calls say so from the start
  started = Promise.reject(error);
}
/** Resolves once calls work (at once in Node, bundled apps and workerd); rejects if the module cannot load. */
export const ready = typeof started?.then === 'function' ? started.then(start, fail) : Promise.resolve(start(started));
// Handled here so that a page that never awaits `ready` gets no unhandled rejection; `await ready` still throws.
ready.catch(() => {});

/** The options object, or undefined; anything else that is given is a mistake. */
function optionsOf(options) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object') throw new TypeError(`pccc-guard: options must be an object, got ${typeName(options)}`);
  return options;
}

/** Whether options.locale asks for English. */
function english(options) {
  const tag = optionsOf(options)?.locale;
  if (tag === undefined) return false;
  let locale = locales.get(string(tag, 'options.locale'));
  if (locale === undefined) {
    locale = wasm.locale(tag);
    if (locale === 2) throw new RangeError('pccc-guard: options.locale must be "ko" or "en" (or a tag such as "en-US")');
    if (locales.size < 64) locales.set(tag, locale);
  }
  return locale === 1;
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
  loaded();
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

/** options[key] as a count of digits: NONE (the field's default) when absent. */
function count(options, key) {
  const n = options?.[key];
  if (n === undefined) return NONE;
  if (typeof n !== 'number') throw new TypeError(`pccc-guard: options.${key} must be a number, got ${typeName(n)}`);
  if (!Number.isInteger(n) || n < 0 || n > 64) {
    throw new RangeError(`pccc-guard: options.${key} must be a whole number from 0 to 64`);
  }
  return n;
}

function maskWith(field, input, options) {
  string(input, 'input');
  options = optionsOf(options);
  const start = field === NAME ? NONE : count(options, 'keepStart');
  const end = field === NAME ? NONE : count(options, 'keepEnd');
  let fill = options?.maskChar;
  if (fill === undefined) fill = NONE;
  else {
    const c = string(fill, 'options.maskChar').codePointAt(0);
    if (c === undefined || fill.length !== (c > 0xffff ? 2 : 1)) {
      throw new RangeError('pccc-guard: options.maskChar must be exactly one character');
    }
    fill = c;
  }
  const out = wasm.mask(field, input, start, end, fill);
  const s = memory();
  if (s[at + CODE_LEN] === 0) return out;
  const { code, message } = failure(s);
  const error = new Error(`pccc-guard: ${message}`);
  error.code = code;
  throw error;
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
