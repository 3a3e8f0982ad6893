// pccc-guard for browsers without a bundler (pkg-web/pccc_guard.js): the API plus wasm-bindgen's loader, `init`
// (default export: fetches and instantiates pccc_guard_bg.wasm next to this file) and `initSync`.
export { default, initSync } from './pccc_guard_raw.js';
export * from './api.js';
