// The `WebAssembly` that the bundles with a JavaScript build see: scripts/build.mjs injects this module for the
// global name, so wasm-bindgen's loader and the forms layer read it instead of the engine's own. It is the
// engine's namespace (its members inherited), with two additions:
//
// - `initSync({ module: { create } })` "instantiates" the fields module compiled to JavaScript
//   (pccc-guard-fields.wasm.js; js/js-build.js): its factory is called with the imports, and what it returns are
//   the instance's exports;
// - where the engine has no WebAssembly at all (`node --jitless`, iOS Lockdown Mode, a script that deleted it),
//   `Error` stands in for its RuntimeError: the JavaScript build throws one on a trap, and the forms layer, which
//   calls the API with strings alone, turns its guards off on any error from a call; compiling bytes throws.
//
// wasm-bindgen's `initSync` calls `new WebAssembly.Module(x)` unless x is one already (never, for these plain
// functions), then `new WebAssembly.Instance(module, imports)`; a constructor that returns an object gives that
// object, so the engine's own Module and Instance come back where there are real ones.
const engine = globalThis.WebAssembly;
const RuntimeError = engine?.RuntimeError ?? Error;

const shim = {
  __proto__: engine ?? null,
  Module: function (m) {
    return m.create || m instanceof engine.Module ? m : new engine.Module(m);
  },
  Instance: function (m, imports) {
    return m.create ? { exports: m.create(imports, RuntimeError) } : new engine.Instance(m, imports);
  },
  RuntimeError,
};
export { shim as WebAssembly };
