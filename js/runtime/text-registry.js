// How the forms layer of the npm entries finds the text API (memo checks, paste extraction): only if the app imports
// `pccc-guard/text`, which registers itself here. A bundler that does not split code (esbuild without
// --splitting) would otherwise put the finder's module into every page that guards a field.
const KEY = Symbol.for('pccc-guard.text');

/** Called by text.js when it is imported: the text API, once its module is ready. */
export const register = (api) => {
  globalThis[KEY] ??= api;
};

/** The text API, or a rejection saying how to get it. */
export const loadText = () =>
  globalThis[KEY] ?? Promise.reject(new Error('pccc-guard: memo checks and paste extraction need `import "pccc-guard/text"`'));
