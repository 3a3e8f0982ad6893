// A guarded input's validity and messages: setCustomValidity (so form.checkValidity(), :invalid and the browser's
// own submit blocking work), aria-invalid, data-pccc-state, and the message element, a polite live region named by
// aria-describedby. The message shows only after the user leaves the field or submits, then live.

import { byId, raw } from './forms-dom.js';

let uid = 0;

export class FieldMessages {
  /** `messageId`: the page's own message element (data-pccc-message), looked up in the input's root. */
  constructor(input, messageId) {
    this.input = input;
    let element = messageId && byId(input, messageId);
    this.ownElement = !element;
    if (this.ownElement) {
      // One added after the input, in the same root (so aria-describedby finds it inside a shadow root too).
      element = input.ownerDocument.createElement('span');
      element.id = `pccc-guard-message-${++uid}`;
      element.className = 'pccc-guard-message';
      input.after(element);
    }
    element.ariaLive = 'polite';
    this.element = element;
    this.describedBy = input.getAttribute('aria-describedby');
    input.setAttribute('aria-describedby', this.describedBy ? `${this.describedBy} ${element.id}` : element.id);
    /** Whether errors are shown: after blur or a submit attempt, then live. */
    this.shown = false;
    /** The latest result: { valid, value } or { valid: false, error }. */
    this.result = null;
  }

  /** Shows `result` (by default the latest) as the input's validity, state and message. */
  render(result = this.result) {
    if (!result) return;
    this.result = result;
    const { input } = this;
    const { valid, error } = result;
    const showError = !valid && this.shown;
    input.setCustomValidity(valid ? '' : error.message);
    input.ariaInvalid = showError;
    input.dataset.pcccState = valid ? (raw(input) ? 'valid' : 'empty') : showError ? 'invalid' : 'pending';
    this.element.textContent = showError ? error.message : '';
  }

  /** Leaves the input as it was. */
  destroy() {
    const { input, describedBy } = this;
    input.setCustomValidity('');
    input.ariaInvalid = null;
    delete input.dataset.pcccState;
    if (this.ownElement) this.element.remove();
    if (describedBy === null) input.removeAttribute('aria-describedby');
    else input.setAttribute('aria-describedby', describedBy);
  }
}
