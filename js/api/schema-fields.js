// Generated from the Rust field registry (src/field.rs, each field's DOCS, src/wasm/boundary.rs) by `cargo run -p pccc-guard-xtask -- contract js/api`; `make build` rewrites it and `cargo test -p pccc-guard-xtask` fails when it is stale. Do not edit.

// Every field's schema function (types and documentation: schema-fields.d.ts), fieldSchema on its name.
import { fieldSchema } from './schema-core.js';

export const pcccSchema = (options) => fieldSchema('pccc', options);
export const phoneSchema = (options) => fieldSchema('phone', options);
export const postcodeSchema = (options) => fieldSchema('postcode', options);
export const nameSchema = (options) => fieldSchema('name', options);
export const businessNumberSchema = (options) => fieldSchema('businessNumber', options);
