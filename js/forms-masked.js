// A guarded input's masked display: once valid and blurred, the masked form is shown in place of the hidden input
// (which still holds and submits the canonical value); its Show button, a click on it, or the field's label shows
// the input again.
//
// <span class="pccc-guard-masked"><span aria-hidden="true">P********9012</span><button>보기</button></span>:
// screen readers get the button, named after the field and saying the value is hidden, never a row of stars.

const TEXT = {
  ko: { hiddenValue: '가려진 값,', show: '보기' },
  en: { hiddenValue: 'hidden value,', show: 'Show' },
};

export class MaskedDisplay {
  constructor(input) {
    this.input = input;
    /** The masked display, while shown. */
    this.box = null;
  }

  /** Shows `masked` in place of the input, with its Show button in the language `lang`. */
  show(masked, lang) {
    if (this.box) return;
    const { input } = this;
    const doc = input.ownerDocument;
    const text = TEXT[lang];
    const label = input.labels?.[0]?.textContent.trim() ?? input.ariaLabel;
    const box = (this.box = doc.createElement('span'));
    box.className = 'pccc-guard-masked';
    const stars = box.appendChild(doc.createElement('span'));
    stars.ariaHidden = true;
    stars.textContent = masked;
    const button = box.appendChild(doc.createElement('button'));
    button.type = 'button';
    button.textContent = text.show;
    button.ariaLabel = `${label ? label + ': ' : ''}${text.hiddenValue} ${text.show}`;
    box.onclick = () => this.reveal();
    input.hidden = true; // a hidden input keeps its name and value: the form still submits the real value
    input.after(box);
  }

  /** Shows the input again (focused, unless `focus` is false). */
  reveal(focus = true) {
    if (!this.box) return;
    this.box.remove();
    this.box = null;
    this.input.hidden = false;
    if (focus) this.input.focus();
  }
}
