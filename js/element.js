// <pccc-input>: a form-associated custom element for component-based pages. It renders a native input in its
// own light DOM (so page styles and a strict CSP need nothing special), guards it with the same code as
// enhance(), and reports value and validity to its form through ElementInternals.
//
// Attributes: name, value, required, disabled, lang, mask (a policy such as "keepStart:0,keepEnd:4"),
// field ("pccc", "phone", "postcode", "name"; default "pccc"), placeholder.
// Events: input and change (from the inner input), pccc-validity ({ detail: { valid, code } }).

export function definePcccInput(guard, tagName = 'pccc-input') {
  if (typeof customElements === 'undefined' || customElements.get(tagName)) return;

  class PcccInput extends HTMLElement {
    static formAssociated = true;
    static observedAttributes = ['value', 'required', 'disabled', 'lang', 'placeholder'];

    #internals = this.attachInternals();
    #input = null;
    #handle = null;
    #valid = null;

    connectedCallback() {
      if (this.#input) return;
      const input = document.createElement('input');
      input.autocomplete = 'off';
      input.spellcheck = false;
      for (const a of ['required', 'disabled', 'placeholder', 'lang']) if (this.hasAttribute(a)) input.setAttribute(a, this.getAttribute(a));
      if (this.hasAttribute('mask')) input.setAttribute('data-pccc-mask', this.getAttribute('mask'));
      input.dataset.pcccField = this.getAttribute('field') ?? 'pccc';
      const label = this.getAttribute('aria-label') ?? this.#internals.labels?.[0]?.textContent?.trim();
      if (label) input.setAttribute('aria-label', label);
      input.value = this.getAttribute('value') ?? '';
      this.append(input);
      this.#input = input;
      this.#handle = guard.enhance(input, { locale: this.getAttribute('lang') ?? undefined });
      const sync = () => this.#sync();
      input.addEventListener('input', sync);
      input.addEventListener('change', sync);
      input.addEventListener('blur', sync);
      input.addEventListener('invalid', () => this.#sync());
      this.#sync();
    }

    disconnectedCallback() {
      this.#handle?.destroy();
      this.#handle = null;
      this.#input?.remove();
      this.#input = null;
    }

    attributeChangedCallback(name, _old, value) {
      const input = this.#input;
      if (!input) return;
      if (name === 'value') input.value = value ?? '';
      else if (value === null) input.removeAttribute(name);
      else input.setAttribute(name, value);
      this.#sync();
    }

    #sync() {
      const input = this.#input;
      if (!input) return;
      const result = this.#handle?.check() ?? null;
      // Submit the canonical value when valid, and what was typed otherwise (the server decides).
      this.#internals.setFormValue(result?.valid ? result.value : input.value);
      if (!result || result.valid) this.#internals.setValidity({});
      else this.#internals.setValidity({ customError: true }, result.error.message, input);
      const valid = result ? result.valid : true;
      if (valid !== this.#valid) {
        this.#valid = valid;
        this.dispatchEvent(new CustomEvent('pccc-validity', { bubbles: true, detail: { valid, code: result?.error?.code ?? null } }));
      }
    }

    get value() { return this.#input?.value ?? this.getAttribute('value') ?? ''; }
    set value(v) {
      if (this.#input) {
        this.#input.value = v;
        this.#sync();
      } else this.setAttribute('value', v);
    }
    get form() { return this.#internals.form; }
    get name() { return this.getAttribute('name'); }
    get validity() { return this.#internals.validity; }
    get validationMessage() { return this.#internals.validationMessage; }
    checkValidity() { return this.#internals.checkValidity(); }
    reportValidity() { return this.#internals.reportValidity(); }
    focus(options) { this.#input?.focus(options); }
    formDisabledCallback(disabled) { if (this.#input) this.#input.disabled = disabled; }
    formResetCallback() { this.value = this.getAttribute('value') ?? ''; }
  }

  customElements.define(tagName, PcccInput);
}
