// Starting a WebAssembly module for one of the package's APIs (api.js, text.js): `load` is the entry point's own
// loader (js/load-*.js, chosen at build time), `onLoad` receives the module's exports. Returns `ready`, which
// settles when that is done, and `fail()`, which throws the right error for a call made without the module.
export function start(load, onLoad) {
  let failed; // why it could not load
  const problem = () =>
    failed
      ? new Error(`pccc-guard: the WebAssembly module could not load (${failed.message ?? failed}); checks are unavailable`, { cause: failed })
      : new Error('pccc-guard: the WebAssembly module is still loading; await `ready` before the first call');
  let started;
  try {
    started = load();
  } catch (error) {
    failed = error; // known at once: calls say so from the start
    started = Promise.reject(error);
  }
  const ready =
    typeof started?.then === 'function'
      ? started.then(onLoad, (error) => {
          failed = error;
          throw problem();
        })
      : Promise.resolve(onLoad(started));
  // Handled here so that a page that never awaits `ready` gets no unhandled rejection; `await ready` still throws.
  ready.catch(() => {});
  return {
    ready,
    fail() {
      throw problem();
    },
  };
}
