// Generated from the Rust field registry (src/field.rs, each field's DOCS, src/wasm/boundary.rs) by `cargo run -p pccc-guard-xtask -- contract js/api`; `make build` rewrites it and `cargo test -p pccc-guard-xtask` fails when it is stale. Do not edit.

// Every field's named functions (types and documentation: api-fields.d.ts), each made by api-core.js
// from the field's descriptor; pure, so that a bundler leaves out those an app does not import.
import { FIELDS } from './contract.js';
import { checker, masker, validator } from './api-core.js';

export const validatePccc = /* @__PURE__ */ validator(FIELDS.pccc);
export const isValidPccc = /* @__PURE__ */ checker(FIELDS.pccc);
export const maskPccc = /* @__PURE__ */ masker(FIELDS.pccc);

export const validatePhone = /* @__PURE__ */ validator(FIELDS.phone);
export const isValidPhone = /* @__PURE__ */ checker(FIELDS.phone);
export const maskPhone = /* @__PURE__ */ masker(FIELDS.phone);

export const validatePostcode = /* @__PURE__ */ validator(FIELDS.postcode);
export const isValidPostcode = /* @__PURE__ */ checker(FIELDS.postcode);

export const validateName = /* @__PURE__ */ validator(FIELDS.name);
export const isValidName = /* @__PURE__ */ checker(FIELDS.name);
export const maskName = /* @__PURE__ */ masker(FIELDS.name);

export const validateBusinessNumber = /* @__PURE__ */ validator(FIELDS.businessNumber);
export const isValidBusinessNumber = /* @__PURE__ */ checker(FIELDS.businessNumber);
export const maskBusinessNumber = /* @__PURE__ */ masker(FIELDS.businessNumber);
