// Loading for bundled apps and browsers (the package's default entry): the module's bytes are inlined in this
// file, so no bundler needs a WebAssembly loader, a plugin or an asset rule, and no `connect-src` is needed. They
// travel as text, one or two characters a byte (js/bytetext.js, as in the classic script): gzip and brotli still
// find the module's repeated byte runs, which base64 hides from them (about 3 KB less after gzip -9), and turning
// the text back into bytes is a table lookup a character. Instantiated synchronously, so calls work as soon as the
// package is imported; where an engine refuses to compile synchronously on the main thread (Chrome before 114, for
// modules over 4 KB: a RangeError), compiled asynchronously first (wasm-bindgen's own async loader, which can fetch,
// stays out). Where WebAssembly is missing or refused (a Content-Security-Policy without 'wasm-unsafe-eval', iOS
// Lockdown Mode), the fields module's JavaScript build (js/fallback-*.js); the text module has none, and its
// failure is final.
import { initSync } from './pccc_guard_raw.js';
import { unpack } from 'pccc-guard:wasm-packed';
import { fallback } from 'pccc-guard:fallback';

function wasm() {
  const bytes = unpack();
  try {
    return initSync({ module: bytes });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return WebAssembly.compile(bytes).then((module) => initSync({ module }));
  }
}

export function load() {
  let started;
  try {
    started = wasm();
  } catch (error) {
    if (!fallback) throw error;
    return fallback(error);
  }
  return fallback && typeof started.then === 'function' ? started.catch(fallback) : started;
}
