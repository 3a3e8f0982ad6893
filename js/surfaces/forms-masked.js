// A guarded input's masked display: once valid and blurred, the masked form is shown in place of the hidden input
// (which still holds and submits the canonical value); its Show button, a click on it, or the field's label shows
// the input again.
//
// <span class="pccc-guard-masked"><span aria-hidden="true">P********9012</span><button>보기</button></span>:
// screen readers get the button, named after the field and saying the value is hidden, never a row of stars.

import { raw } from './forms-dom.js';

const TEXT = {
  ko: { hiddenValue: '가려진 값,', show: '보기' },
  en: { hiddenValue: 'hidden value,', show: 'Show' },
};

/**
 * The masked display of `input`: { show(lang), reveal() }. `mask(value)`: the masked form of a value (undefined
 * once the module has stopped).
 */
export function maskedDisplay(input, mask) {
  let box = null; // the masked display, while shown

  /** Shows the input again, focused. */
  function reveal() {
    if (!box) return;
    box.remove();
    box = null;
    input.hidden = false;
    input.focus();
  }

  return {
    reveal,
    /** Shows the masked value in place of the input (unless shown already), its Show button in the language `lang`. */
    show(lang) {
      const value = raw(input);
      const masked = !box && value && mask(value);
      if (!masked) return;
      const doc = input.ownerDocument;
      const text = TEXT[lang];
      const label = input.labels?.[0]?.textContent.trim() ?? input.ariaLabel;
      box = doc.createElement('span');
      box.className = 'pccc-guard-masked';
      const stars = box.appendChild(doc.createElement('span'));
      stars.ariaHidden = true;
      stars.textContent = masked;
      const button = box.appendChild(doc.createElement('button'));
      button.type = 'button';
      button.textContent = text.show;
      button.ariaLabel = `${label ? label + ': ' : ''}${text.hiddenValue} ${text.show}`;
      box.onclick = reveal;
      input.hidden = true; // a hidden input keeps its name and value: the form still submits the real value
      input.after(box);
    },
  };
}
