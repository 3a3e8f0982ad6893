// Two web components of the kind checkout widgets are built as (Lit, Stencil, Shoelace-style design systems), each
// with an open shadow root, guarded by pccc-guard from outside:
// - <checkout-code>: a form-associated element whose shadow root holds a label, an <input> guarded with
//   enhance(input), and the message element it names (data-pccc-message); it hands the input's value to the page's
//   form through ElementInternals, as such components do;
// - <checkout-panel>: a whole form inside its shadow root (a mobile number and a <pccc-input>), guarded with
//   autoEnhance(shadowRoot).
// The page's body gets data-guarded once both are guarded (what tests/e2e/components.test.mjs waits for).
import { autoEnhance, definePcccInput, enhance, ready } from '/pkg/pccc-guard.js';

const SHEET = new CSSStyleSheet();
SHEET.replaceSync('label, input, button { display: block; margin: 0.25rem 0; } [data-pccc-state="invalid"] { outline: 2px solid #b00020; }');

class CheckoutCode extends HTMLElement {
  static formAssociated = true;
  #internals = this.attachInternals();

  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [SHEET];
    const label = document.createElement('label');
    label.htmlFor = 'code';
    label.textContent = this.getAttribute('label');
    const input = document.createElement('input');
    input.id = 'code';
    input.required = true;
    input.autocomplete = 'off';
    input.dataset.pcccMessage = 'code-message';
    const message = document.createElement('p');
    message.id = 'code-message';
    root.append(label, input, message);
    // After the guard's own listeners (it normalises on input): the form gets the value as the guard left it.
    root.addEventListener('input', () => this.#internals.setFormValue(input.value));
    root.addEventListener('change', () => this.#internals.setFormValue(input.value));
    this.ready = enhance(input).then((handle) => {
      this.#internals.setFormValue(input.value);
      return handle;
    });
  }
}

class CheckoutPanel extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [SHEET];
    const form = document.createElement('form');
    form.id = 'inner';
    form.method = 'get';
    form.action = 'components.html';
    const phoneLabel = Object.assign(document.createElement('label'), { htmlFor: 'phone', textContent: '휴대전화 번호' });
    const phone = Object.assign(document.createElement('input'), { id: 'phone', name: 'phone', required: true });
    phone.dataset.pcccField = 'phone';
    const codeLabel = Object.assign(document.createElement('label'), { htmlFor: 'component', textContent: '개인통관고유부호' });
    const code = document.createElement('pccc-input');
    code.id = 'component';
    code.setAttribute('name', 'pccc_component');
    code.setAttribute('required', '');
    const submit = Object.assign(document.createElement('button'), { type: 'submit', id: 'inner-submit', textContent: '제출' });
    form.append(phoneLabel, phone, codeLabel, code, submit);
    root.append(form);
    this.ready = definePcccInput().then(() => autoEnhance(root));
  }
}

customElements.define('checkout-code', CheckoutCode);
customElements.define('checkout-panel', CheckoutPanel);

await ready;
await Promise.all([...document.querySelectorAll('checkout-code, checkout-panel')].map((el) => el.ready));
document.body.dataset.guarded = 'true';
