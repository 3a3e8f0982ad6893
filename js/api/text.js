// pccc-guard/text: finding and masking personal numbers (customs codes, resident registration numbers, mobile
// numbers) in free text: delivery memos, pasted chat, logs. Written on the text module's boundary (src/wasm/exports.rs,
// the `text-module` build): a WebAssembly module of its own, so that pages and apps that only guard fields never
// download the finder. Types and documentation: text.d.ts.
//
// Also the delivery-memo guard (memo.js) that the forms layer loads with this module for `data-pccc-redact`.
import * as wasm from './pccc_guard_raw.js';
import { load } from './load.js';
import { start } from '../runtime/start.js';
import { count, fill, isString, optionsOf, policyError } from './args.js';

import { memoGuard } from '../surfaces/memo.js';
import { register } from '../runtime/text-registry.js';

// Generated from the Rust side (src/wasm/boundary.rs, src/find.rs):
import { FOUND_CAPACITY as BLOCK, KINDS, CODE_PTR, CODE_LEN, MESSAGE_PTR, MESSAGE_LEN, FOUND_PTR, NEXT_BYTE, NEXT_UTF16 } from './contract.js';

let instance;
const decoder = new TextDecoder();
const started = start(load, (exports) => {
  instance = exports;
});
/** Resolves once calls work (at once in Node, bundled apps and workerd); rejects if the module cannot load. */
export const ready = started.ready;

const slots = () => {
  const memory = new Uint32Array(instance.memory.buffer);
  return [memory, wasm.slots() >>> 2];
};

/** The text argument, once the module is there. */
function text(x) {
  isString(x, 'text');
  if (instance === undefined) started.fail();
  return x;
}

/** options.kinds as the boundary's bit set: every kind when absent. */
function kinds(options) {
  const list = options?.kinds;
  if (list === undefined) return (1 << KINDS.length) - 1;
  if (!Array.isArray(list)) throw new TypeError('pccc-guard: options.kinds must be an array such as ["pccc", "rrn"]');
  let bits = 0;
  for (const kind of list) {
    const i = KINDS.indexOf(kind);
    if (i < 0) throw new RangeError(`pccc-guard: options.kinds may hold only ${KINDS.map((k) => `"${k}"`).join(', ')}`);
    bits |= 1 << i;
  }
  return bits;
}

export function findSensitive(input, options) {
  text(input);
  const bits = kinds(optionsOf(options));
  const found = [];
  for (let from = 0, from16 = 0; ; ) {
    const n = wasm.find(input, bits, from, from16);
    const [memory, at] = slots();
    const block = memory[at + FOUND_PTR] >>> 2;
    for (let i = block; i < block + 3 * n; i += 3) found.push({ kind: KINDS[memory[i]], start: memory[i + 1], end: memory[i + 2] });
    if (n < BLOCK) return found;
    [from, from16] = [memory[at + NEXT_BYTE], memory[at + NEXT_UTF16]];
  }
}

export function redact(input, options) {
  text(input);
  options = optionsOf(options);
  const pccc = optionsOf(options?.pccc, 'options.pccc');
  const phone = optionsOf(options?.phone, 'options.phone');
  const out = wasm.redactText(
    input,
    kinds(options),
    count(pccc, 'keepStart', 'options.pccc'),
    count(pccc, 'keepEnd', 'options.pccc'),
    count(phone, 'keepStart', 'options.phone'),
    count(phone, 'keepEnd', 'options.phone'),
    fill(options),
  );
  const [memory, at] = slots();
  if (memory[at + CODE_LEN] === 0) return out;
  const bytes = new Uint8Array(instance.memory.buffer);
  const read = (ptr, len) => decoder.decode(bytes.subarray(memory[at + ptr], memory[at + ptr] + memory[at + len]));
  throw policyError(read(CODE_PTR, CODE_LEN), read(MESSAGE_PTR, MESSAGE_LEN));
}

/** Guards a memo field (`data-pccc-redact`): see memo.js. Returns a handle with check() and destroy(). */
export const enhanceMemo = (el, options = {}) => memoGuard(el, options, findSensitive, redact);

/** Guards every `[data-pccc-redact]` memo under root (the forms layer's autoEnhance); returns their handles. */
export const enhanceMemos = (root, options) => [...root.querySelectorAll('[data-pccc-redact]')].map((el) => enhanceMemo(el, options));

// The forms layer of the npm entries uses memo checks and paste extraction once the app has imported this module.
register({ ready, findSensitive, enhanceMemo, enhanceMemos });
