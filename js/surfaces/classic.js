// pccc-guard as one classic script (web/pccc-guard.classic.js), for pages that load scripts by URL without
// `type="module"`: a hosted shop's script tags, a tag manager's custom HTML, template-built pages beside jQuery.
// The same API and forms layer as web/pccc-guard.js, on one global, `PcccGuard`, with the WebAssembly inlined.
//
// It guards the page by itself once the document is parsed (or at once, when injected later): every
// input[data-pccc] / input[data-pccc-field] and every <pccc-input>. scripts/build.mjs wraps the bundle so that a
// second copy of the script on the same page does nothing.
import * as api from '../api/api.js';
import { autoEnhance, enhance, definePcccInput } from './forms.js';

globalThis.PcccGuard = Object.freeze({ ...api, autoEnhance, enhance, definePcccInput });

if (typeof document === 'object') {
  const guardPage = () => {
    autoEnhance();
    if (document.querySelector('pccc-input')) definePcccInput();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', guardPage, { once: true });
  else guardPage();
}
