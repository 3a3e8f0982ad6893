// pccc-guard/schema: Standard Schema v1 objects (https://standardschema.dev) for every field and for the
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
import { FIELDS, RECIPIENT } from './contract.js';
import { fieldSchema, objectSchema } from './schema-core.js';

export { fieldSchema, objectSchema } from './schema-core.js';
// Every field's schema function (<field>Schema), generated from the Rust registry.
export * from './schema-fields.js';

/** The recipient: the fields UNI-PASS matches, each key holding the field of its name, each issue with its `path`. */
export const recipientSchema = (options) => objectSchema(Object.fromEntries(RECIPIENT.map((f) => [f, f])), options);

/** Ready-made schemas with Korean messages. */
export const schemas = Object.freeze({
  ...Object.fromEntries(Object.keys(FIELDS).map((field) => [field, fieldSchema(field)])),
  recipient: recipientSchema(),
});

export const { ready } = api;
