// <pccc-input>: a form-associated custom element for component-based pages. It renders a native input in its
// own light DOM (so page styles and a strict CSP need nothing special), guards it with the same code as
// enhance(), and reports its value and validity to its form through ElementInternals.
//
// Attributes: name, value, required, disabled, lang, mask (a policy such as "keepStart:0,keepEnd:4"),
// field (a field's JavaScript name, a key of the generated FIELDS; default DEFAULT_FIELD), placeholder.
// Events: input and change (from the inner input), pccc-validity ({ detail: { valid, code } }).

import { DEFAULT_FIELD } from '../api/contract.js';

/** Registers the element under tagName; false where the browser lacks custom elements or ElementInternals. */
export function definePcccInput(guard, tagName = 'pccc-input') {
  if (!globalThis.customElements || !HTMLElement.prototype.attachInternals) return false;
  if (customElements.get(tagName)) return true;

  class PcccInput extends HTMLElement {
    static formAssociated = true;
    static observedAttributes = ['value', 'required', 'placeholder', 'lang'];

    #internals = this.attachInternals();
    #input = document.createElement('input'); // attached on first connection
    #handle = null;
    #valid;

    connectedCallback() {
      const input = this.#input;
      if (!input.parentNode) {
        input.autocomplete = 'off';
        input.spellcheck = false;
        input.dataset.pcccField = this.getAttribute('field') ?? DEFAULT_FIELD;
        if (this.hasAttribute('mask')) input.dataset.pcccMask = this.getAttribute('mask');
        // The element's label names the inner input for assistive technology.
        input.ariaLabel = this.ariaLabel ?? this.#internals.labels[0]?.textContent.trim() ?? null;
        for (const type of ['input', 'change']) input.addEventListener(type, () => this.#sync());
        this.append(input);
      }
      input.disabled = this.matches(':disabled');
      // Messages follow the lang attribute of this element (or of the page): the guard reads the nearest one.
      this.#handle = guard.enhance(input);
      this.#sync();
    }

    disconnectedCallback() {
      this.#handle?.destroy();
      this.#handle = null;
    }

    attributeChangedCallback(name, _old, value) {
      const input = this.#input;
      if (name === 'value') input.value = value ?? '';
      else if (value === null) input.removeAttribute(name);
      else if (name !== 'lang') input.setAttribute(name, value);
      this.#sync();
    }

    #sync() {
      const input = this.#input;
      const result = this.#handle?.check();
      // The form gets the canonical value when valid, and what was typed otherwise (the server decides).
      this.#internals.setFormValue(result?.valid ? result.value : input.value);
      if (result?.valid === false) this.#internals.setValidity({ customError: true }, result.error.message, input);
      else this.#internals.setValidity({});
      const valid = result?.valid !== false;
      if (valid !== this.#valid) {
        this.#valid = valid;
        const detail = { valid, code: valid ? null : result.error.code };
        this.dispatchEvent(new CustomEvent('pccc-validity', { bubbles: true, detail }));
      }
    }

    get value() {
      return this.#input.value;
    }
    set value(value) {
      this.#input.value = value;
      this.#sync();
    }
    get name() {
      return this.getAttribute('name');
    }
    get form() {
      return this.#internals.form;
    }
    get validity() {
      return this.#internals.validity;
    }
    get validationMessage() {
      return this.#internals.validationMessage;
    }
    checkValidity() {
      return this.#internals.checkValidity();
    }
    reportValidity() {
      return this.#internals.reportValidity();
    }
    focus(options) {
      this.#input.focus(options);
    }
    formDisabledCallback(disabled) {
      this.#input.disabled = disabled;
    }
    formResetCallback() {
      this.value = this.getAttribute('value') ?? '';
    }
  }

  customElements.define(tagName, PcccInput);
  return true;
}
