// The plain-page module's fallback (web/pccc-guard.js): the JavaScript build next to it, imported only when the
// WebAssembly cannot run. (An import carries no integrity: a page that pins pccc-guard.js pins this file with its
// import map's `integrity` entry; the classic script pins it by itself.)
import { fromJs } from './js-build.js';
import { JS_FILE } from 'pccc-guard:wasm-integrity';

export const fallback = () => import(new URL(JS_FILE, import.meta.url).href).then(fromJs);
