// pccc-guard for a plain page without a bundler (web/pccc-guard.js): the whole API and the forms layer in one
// module, which fetches pccc-guard-fields.wasm from next to itself (js/load-web.js).
//
// Loaded by the page (`<script type="module" src=".../pccc-guard.js">`), it guards the page by itself: every
// input[data-pccc] / input[data-pccc-field], and every <pccc-input>, once the document is parsed. A page script
// that imports this same file shares its module instance.
import { autoEnhance, definePcccInput } from './forms.js';

export * from '../api/api.js';
export { autoEnhance, enhance, definePcccInput } from './forms.js';

if (typeof document === 'object') {
  const guardPage = () => {
    autoEnhance();
    if (document.querySelector('pccc-input')) definePcccInput();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', guardPage, { once: true });
  else guardPage();
}
