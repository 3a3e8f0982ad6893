// The core of pccc-guard/schema (schema.js is the entry): Standard Schema v1 objects (https://standardschema.dev) for every field and for the
// recipient, for the form libraries and servers that take one (react-hook-form's standardSchemaResolver, TanStack
// Form, VeeValidate, Hono's standard validator, tRPC). Plain objects on the package's API, no dependency; types in
// schema.d.ts. The same module in every build: `pccc-guard:api` is the package's own entry for the runtime
// (scripts/build.mjs), so the schemas share one instance of the module with the API.
//
// `validate` is synchronous: it returns `{ value }` (the canonical value; for an object, the object of canonical
// values) or `{ issues }`, each issue `{ message, code, path?, index?, found? }` in the schema's language. A value
// of the wrong type is an issue (`invalid_type`), never a throw. The one exception to synchronous: where the module
// is still loading (an engine that refused to compile it synchronously), `validate` answers with a Promise once it
// has loaded, as the spec allows; if it could not load at all, `validate` throws the API's error.
import * as api from 'pccc-guard:api';
import { FIELDS } from './contract.js';
import { localeOf } from './locale.js';
import { typeName } from './args.js';

const VENDOR = 'pccc-guard';

// The one issue the WebAssembly rules cannot give: a value that is not a string (or, for an object schema, not an
// object). It never quotes the value.
const INVALID_TYPE = {
  ko: { string: '문자열이어야 합니다.', object: '객체여야 합니다.' },
  en: { string: 'Must be a string.', object: 'Must be an object.' },
};

let settled = false;
api.ready.then(
  () => (settled = true),
  () => (settled = true),
);

/** The schema's language from options.locale ("ko" when absent); a tag of another language is a RangeError now. */
function localeFrom(options, what) {
  const tag = options?.locale;
  if (tag === undefined) return 'ko';
  const locale = localeOf(tag);
  if (!locale) throw new RangeError(`pccc-guard: ${what}.locale must be "ko" or "en" (or a tag such as "en-US")`);
  return locale;
}

function optionsOf(options, what) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object') throw new TypeError(`pccc-guard: ${what} must be an object, got ${typeName(options)}`);
  return options;
}

/** One field's issue for `input`, or its canonical value: `[issue]` or `{ value }` without the array. */
function check(field, input, locale) {
  if (typeof input !== 'string') return { issue: { message: INVALID_TYPE[locale].string, code: 'invalid_type' } };
  const result = api.validateField(field, input, { locale });
  if (result.valid) return { value: result.value };
  return { issue: { ...result.error } };
}

/** A Standard Schema object whose `validate` is `run`, synchronous once the module is loaded. */
function schema(run) {
  const validate = (value) => {
    try {
      return run(value);
    } catch (error) {
      // Only the module's absence makes the API throw for a string: wait for it while it is loading.
      if (!settled) return api.ready.then(() => run(value));
      throw error;
    }
  };
  return { '~standard': { version: 1, vendor: VENDOR, validate } };
}

function fieldOf(field) {
  if (typeof field === 'string' && Object.hasOwn(FIELDS, field)) return field;
  throw new RangeError(`pccc-guard: field must be one of ${Object.keys(FIELDS).map((k) => `"${k}"`).join(', ')}, got ${typeName(field)}`);
}

/** The schema of the field named `field` (its JavaScript name, a key of FIELDS). */
export function fieldSchema(field, options) {
  field = fieldOf(field);
  const locale = localeFrom(optionsOf(options, 'options'), 'options');
  return schema((value) => {
    const r = check(field, value, locale);
    return r.issue ? { issues: [r.issue] } : { value: r.value };
  });
}

/**
 * The schema of an object whose keys are checked as fields: `objectSchema({ code: 'pccc', bizNo: 'businessNumber' })`.
 * A missing key counts as empty (the field's own `empty` issue); other keys are left out of the value. Each issue
 * carries its key as `path`.
 */
export function objectSchema(shape, options) {
  if (typeof shape !== 'object' || shape === null || Array.isArray(shape)) {
    throw new TypeError(`pccc-guard: shape must be an object, got ${typeName(shape)}`);
  }
  const entries = Object.entries(shape).map(([key, field]) => [key, fieldOf(field)]);
  const locale = localeFrom(optionsOf(options, 'options'), 'options');
  return schema((value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { issues: [{ message: INVALID_TYPE[locale].object, code: 'invalid_type' }] };
    }
    const out = {};
    const issues = [];
    for (const [key, field] of entries) {
      const r = check(field, value[key] === undefined ? '' : value[key], locale);
      if (r.issue) issues.push({ ...r.issue, path: [key] });
      else out[key] = r.value;
    }
    return issues.length ? { issues } : { value: out };
  });
}
