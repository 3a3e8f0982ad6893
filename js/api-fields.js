// Generated from the Rust field registry (src/field.rs, each field's DOCS, src/wasm/boundary.rs) by `cargo run -p pccc-guard-xtask -- contract js`; `make build` rewrites it and `cargo test -p pccc-guard-xtask` fails when it is stale. Do not edit.

// Every field's named functions (types and documentation: api-fields.d.ts), each the generic function of
// api-core.js on the field's descriptor.
import { FIELDS } from './contract.js';
import { isValidWith, maskWith, validateWith } from './api-core.js';

export const validatePccc = (input, options) => validateWith(FIELDS.pccc, input, options);
export const isValidPccc = (input) => isValidWith(FIELDS.pccc, input);
export const maskPccc = (input, options) => maskWith(FIELDS.pccc, input, options);

export const validatePhone = (input, options) => validateWith(FIELDS.phone, input, options);
export const isValidPhone = (input) => isValidWith(FIELDS.phone, input);
export const maskPhone = (input, options) => maskWith(FIELDS.phone, input, options);

export const validatePostcode = (input, options) => validateWith(FIELDS.postcode, input, options);
export const isValidPostcode = (input) => isValidWith(FIELDS.postcode, input);

export const validateName = (input, options) => validateWith(FIELDS.name, input, options);
export const isValidName = (input) => isValidWith(FIELDS.name, input);
export const maskName = (input, options) => maskWith(FIELDS.name, input, options);

export const validateBusinessNumber = (input, options) => validateWith(FIELDS.businessNumber, input, options);
export const isValidBusinessNumber = (input) => isValidWith(FIELDS.businessNumber, input);
export const maskBusinessNumber = (input, options) => maskWith(FIELDS.businessNumber, input, options);
