// The plain-page module's fallback (web/pccc-guard.js): the JavaScript build next to it, fetched only when the
// WebAssembly cannot run, as a script element pinned by the hash built into this file (never an unpinned import:
// a page that pins pccc-guard.js with `integrity=` runs nothing it did not pin).
import { loadScript } from './js-build.js';
import { JS_FILE, JS_INTEGRITY } from 'pccc-guard:wasm-integrity';

export const fallback = () => loadScript(new URL(JS_FILE, import.meta.url).href, JS_INTEGRITY);
