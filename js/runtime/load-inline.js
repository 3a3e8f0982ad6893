// Loading for bundled apps and browsers (the package's default entry): the module's bytes are inlined in this
// file, so no bundler needs a WebAssembly loader, a plugin or an asset rule, and no `connect-src` is needed. They
// travel as text, one or two characters a byte (js/runtime/bytetext.js, as in the classic script): gzip and brotli still
// find the module's repeated byte runs, which base64 hides from them (about 3 KB less after gzip -9), and turning
// the text back into bytes is a table lookup a character. Instantiated synchronously (js/runtime/instantiate.js), so
// calls work as soon as the package is imported. Where WebAssembly is missing or refused (a Content-Security-Policy
// without 'wasm-unsafe-eval', iOS Lockdown Mode), the fields module's JavaScript build (js/fallback-*.js); the
// text module has none, and its failure is final.
import { instantiate } from './instantiate.js';
import { unpack } from 'pccc-guard:wasm-packed';
import { fallback } from 'pccc-guard:fallback';

export function load() {
  let started;
  try {
    started = instantiate(unpack());
  } catch (error) {
    if (!fallback) throw error;
    return fallback(error);
  }
  return fallback && typeof started.then === 'function' ? started.catch(fallback) : started;
}
