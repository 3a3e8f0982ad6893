// The drop-in demo: guards a plain form with one call and registers <pccc-input>. The forms module loads the
// WebAssembly itself; on /degraded/ (a CSP without 'wasm-unsafe-eval') it cannot, and the form stays plain.
import { autoEnhance, definePcccInput, ready } from '/pkg/forms.js';

// Show what the form submitted to this page (the query string of the GET).
const received = document.getElementById('received');
const params = new URLSearchParams(location.search);
if ([...params.keys()].length) received.textContent = params.toString();

const handles = [];
const setLocale = (locale) => {
  document.documentElement.lang = locale;
  for (const b of document.querySelectorAll('[data-locale]')) b.setAttribute('aria-pressed', String(b.dataset.locale === locale));
  for (const h of handles) h.check();
};
for (const b of document.querySelectorAll('[data-locale]')) b.addEventListener('click', () => setLocale(b.dataset.locale));

handles.push(...(await autoEnhance()));
await definePcccInput();
if (!(await ready)) document.getElementById('notice').hidden = false;
document.body.dataset.guarded = String(handles.length > 0);
