// The classic script's fallback (web/pccc-guard.classic.js): the JavaScript build next to the script, fetched only
// when the WebAssembly cannot run, pinned by the hash built into the script.
import { loadScript } from './js-build.js';
import { JS_FILE, JS_INTEGRITY } from 'pccc-guard:wasm-integrity';
import { SCRIPT_URL } from './script-url.js';

export const fallback = () => loadScript(new URL(JS_FILE, SCRIPT_URL).href, JS_INTEGRITY);
