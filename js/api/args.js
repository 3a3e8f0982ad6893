// Argument checks shared by the package's APIs: a wrong type is a TypeError, a value out of range a RangeError,
// never a silent coercion.
import { NONE } from './contract.js'; // "absent" in a slot or argument (generated from the Rust side)

export { NONE };

export function typeName(x) {
  return x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x;
}

export function isString(x, what) {
  if (typeof x !== 'string') throw new TypeError(`pccc-guard: ${what} must be a string, got ${typeName(x)}`);
  return x;
}

/** The options object, or undefined; anything else that is given is a mistake. */
export function optionsOf(options, what = 'options') {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object') throw new TypeError(`pccc-guard: ${what} must be an object, got ${typeName(options)}`);
  return options;
}

/** options[key] as a count of digits: NONE (the field's default) when absent. */
export function count(options, key, what = 'options') {
  const n = options?.[key];
  if (n === undefined) return NONE;
  if (typeof n !== 'number') throw new TypeError(`pccc-guard: ${what}.${key} must be a number, got ${typeName(n)}`);
  if (!Number.isInteger(n) || n < 0 || n > 64) {
    throw new RangeError(`pccc-guard: ${what}.${key} must be a whole number from 0 to 64`);
  }
  return n;
}

/** options.maskChar as a code point: NONE (the default) when absent. */
export function fill(options, what = 'options') {
  const c = options?.maskChar;
  if (c === undefined) return NONE;
  const code = isString(c, `${what}.maskChar`).codePointAt(0);
  if (code === undefined || c.length !== (code > 0xffff ? 2 : 1)) {
    throw new RangeError(`pccc-guard: ${what}.maskChar must be exactly one character`);
  }
  return code;
}

/** The Error a refused mask policy throws, with its stable `code`. */
export function policyError(code, message) {
  const error = new Error(`pccc-guard: ${message}`);
  error.code = code;
  return error;
}
