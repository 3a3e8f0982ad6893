// The bundlers' fallback (index.js): the JavaScript build, fetched only when the WebAssembly cannot run. It is a
// file the app's build emits next to its own, never code in the app's bundle: a bundler that does not split code
// (esbuild's default) inlines every `import()`, which would put the JavaScript build (about 13 KB after gzip) into
// every page. `new URL('./file', import.meta.url)` is the pattern Vite, webpack, Rspack, Parcel and Next.js
// recognise: each emits the file with the build and puts its URL here. esbuild and Rollup leave the expression
// alone, so their users copy the file next to the bundle (js/README.md); an esbuild bundle run as a classic script
// has no `import.meta`, so the file is looked for next to that script.
//
// On a page it runs as a script element (allowed by whatever CSP allows the app's own scripts); in a worker, Node
// (`node --jitless`) or Deno it is imported as a module. Either way it registers its factory (js/runtime/js-build.js).
import { fromJs, loadScript } from './js-build.js';

// The script this bundle runs from, when it is a classic script (read while it runs: only then is it set).
const SCRIPT = typeof document === 'object' ? document.currentScript?.src : undefined;

function url() {
  try {
    return new URL('./pccc-guard-fields.wasm.js', import.meta.url).href;
  } catch {
    return new URL('pccc-guard-fields.wasm.js', SCRIPT || globalThis.location?.href).href;
  }
}

export const fallback = () =>
  typeof document === 'object' ? loadScript(url()) : import(/* webpackIgnore: true */ /* @vite-ignore */ url()).then(fromJs);
