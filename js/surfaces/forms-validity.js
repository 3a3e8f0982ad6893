// A guarded input's validity and messages: setCustomValidity (so form.checkValidity(), :invalid and the browser's
// own submit blocking work), aria-invalid, data-pccc-state, and the message element, a polite live region named by
// aria-describedby. The message shows only after the user leaves the field or submits, then live.

import { raw } from './forms-dom.js';

let uid = 0;

/**
 * The validity and messages of `input`: { shown, result, rrn, render(result?), destroy() }. `shown`: whether errors
 * are shown (after blur or a submit attempt, then live); `result`: the latest; `rrn`: whether it is a hidden RRN's. `messageId`: the page's own message
 * element (data-pccc-message), looked up in the input's root.
 */
export function fieldMessages(input, messageId) {
  // Looked up in the input's own root (a document or a shadow root; none for a detached input).
  let element = messageId && input.getRootNode().getElementById?.(messageId);
  const own = !element;
  if (own) {
    // One added after the input, in the same root (so aria-describedby finds it inside a shadow root too).
    element = input.ownerDocument.createElement('span');
    element.id = `pccc-guard-message-${++uid}`;
    element.className = 'pccc-guard-message';
    input.after(element);
  }
  element.ariaLive = 'polite';
  const describedBy = input.getAttribute('aria-describedby');
  input.setAttribute('aria-describedby', describedBy ? `${describedBy} ${element.id}` : element.id);

  const messages = {
    shown: false,
    result: null,
    rrn: false, // the field holds a hidden RRN: its result is kept until the user edits
    /** Shows `result` (by default the latest) as the input's validity, state and message. */
    render(result = messages.result) {
      if (!result) return;
      messages.result = result;
      const { valid, error } = result;
      const showError = !valid && messages.shown;
      input.setCustomValidity(valid ? '' : error.message);
      input.ariaInvalid = showError;
      input.dataset.pcccState = valid ? (raw(input) ? 'valid' : 'empty') : showError ? 'invalid' : 'pending';
      element.textContent = showError ? error.message : '';
    },
    /** Leaves the input as it was. */
    destroy() {
      input.setCustomValidity('');
      input.ariaInvalid = null;
      delete input.dataset.pcccState;
      if (own) element.remove();
      if (describedBy === null) input.removeAttribute('aria-describedby');
      else input.setAttribute('aria-describedby', describedBy);
    },
  };
  return messages;
}
