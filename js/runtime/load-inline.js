// Loading for bundled apps and browsers (the package's default entry): the module's bytes are inlined in this
// file as base64, so no bundler needs a WebAssembly loader, a plugin or an asset rule, and no `connect-src` is
// needed. Instantiated synchronously, so calls work as soon as the package is imported; where an engine refuses
// to compile synchronously on the main thread (Chrome before 114, for modules over 4 KB: a RangeError),
// asynchronously. Where WebAssembly is missing or refused (a Content-Security-Policy without 'wasm-unsafe-eval',
// iOS Lockdown Mode), the fields module's JavaScript build (js/fallback-*.js); the text module has none, and its
// failure is final.
import init, { initSync } from './pccc_guard_raw.js';
import { WASM } from 'pccc-guard:wasm-base64';
import { fallback } from 'pccc-guard:fallback';

/** The inlined bytes: the engine's own base64 decoder where it has one, else atob and a plain loop. */
function decode() {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(WASM);
  const text = atob(WASM);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function wasm() {
  const bytes = decode();
  try {
    return initSync({ module: bytes });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return init({ module_or_path: bytes });
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
