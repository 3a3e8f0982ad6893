// The drop-in demo's own script: only the language switch and the "received" panel. The page's fields are
// guarded by pccc-guard.js itself (its <script> tag is all a page needs); importing the same file gives this
// script the same instance. On /degraded/ (a CSP without 'wasm-unsafe-eval') the module cannot load, and the
// form stays plain.
import { autoEnhance, definePcccInput, ready } from '/pkg/pccc-guard.js';

// Show what the form submitted to this page (the query string of the GET).
const received = document.getElementById('received');
const params = new URLSearchParams(location.search);
if ([...params.keys()].length) received.textContent = params.toString();

// Korean/English: the page's own texts (data-en holds the English), the document language the guards read, and
// the lang attribute of each <pccc-input> (which makes it re-check in the new language at once).
const korean = new Map();
const handles = [];
function setLocale(locale) {
  document.documentElement.lang = locale;
  for (const el of document.querySelectorAll('[data-en]')) {
    if (!korean.has(el)) korean.set(el, [...el.childNodes]);
    if (locale === 'en') el.textContent = el.dataset.en;
    else el.replaceChildren(...korean.get(el));
  }
  for (const b of document.querySelectorAll('[data-locale]')) b.setAttribute('aria-pressed', String(b.dataset.locale === locale));
  for (const el of document.querySelectorAll('pccc-input')) el.setAttribute('lang', locale);
  for (const h of handles) h.check();
}
for (const b of document.querySelectorAll('[data-locale]')) b.addEventListener('click', () => setLocale(b.dataset.locale));

handles.push(...(await autoEnhance())); // the handles pccc-guard.js made, to re-check on a language switch
await definePcccInput(); // defined by pccc-guard.js already; awaited so that data-guarded means all is ready
await ready.catch(() => (document.getElementById('notice').hidden = false));
document.body.dataset.guarded = String(handles.length > 0);
