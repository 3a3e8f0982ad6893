// pccc-guard's form layer: progressive enhancement of native inputs. Dependency-free; it is handed the
// WebAssembly API (createGuard(api)) so the same code serves the bundler build and the plain-browser build.
//
// What it does for each guarded <input>:
// - normalises as you type (PCCC fields) with the caret kept after the same characters, never during an IME
//   composition, and never rewrites a value that normalisation leaves unchanged;
// - keeps undo/redo sane: once the guard has had to rewrite the value, the browser's own history no longer matches
//   the field (Chromium's redo then re-inserts old text, even a hidden RRN), so the guard cancels the browser's
//   historyUndo/historyRedo for that field and steps through its own short list of the field's states instead;
// - sets the input's validity (setCustomValidity), so form.checkValidity(), :invalid and the browser's own
//   submit blocking work; shows the message only after the user leaves the field or submits, then live;
// - hides a resident registration number at once (the field shows stars; neither the guard nor the undo history
//   keeps the number);
// - validates values set by autofill or by script (input.value = ...);
// - optionally shows the masked form once valid and blurred, in place of the hidden input (which still holds and
//   submits the canonical value); its Show button, a click on it, or the field's label shows the input again;
// - if the WebAssembly traps, stops guarding (plain inputs) instead of failing on every keystroke.

import { FIELDS, KINDS } from './contract.js';
import { pageLocale } from './locale.js';

const TEXT = {
  ko: ['화면에서 가렸습니다.', '가려진 값,', '보기'],
  en: ['It is hidden on screen.', 'hidden value,', 'Show'],
};
const HISTORY = 100; // states kept per field for undo
let uid = 0;
let valueProp; // looked up on first use, so that importing the module needs no DOM (server-side rendering)

/** The input's own value, bypassing the setter the guard installs on it. */
function raw(input, value) {
  valueProp ??= Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  return value === undefined ? valueProp.get.call(input) : valueProp.set.call(input, value);
}

/** Reads a mask policy written as "keepStart:2,keepEnd:4,maskChar:•". */
function parsePolicy(text) {
  const policy = {};
  for (const part of text.split(',')) {
    const [k, v = ''] = part.split(':').map((s) => s.trim());
    if (k === 'maskChar') policy[k] = v;
    else if (k) policy[k] = Number(v);
  }
  return policy;
}

/**
 * Builds the guard on the API; `text()` loads the text API (pccc-guard/text: findSensitive, enhanceMemo) on first
 * use, for paste extraction and memo fields.
 */
export function createGuard(api, text) {
  // Field kinds, from the one descriptor generated from Rust (contract.js): [validate, mask (null: never shown
  // masked), normalised as you type (the PCCC, whose P and digits people type in any form), kind of number the
  // finder pulls out of a paste (the fields it has a kind for)].
  const kinds = {};
  for (const [name, field] of Object.entries(FIELDS)) {
    kinds[name] = [
      (value, options) => api.validateField(name, value, options),
      field.mask ? (value, options) => api.maskField(name, value, options) : null,
      name === 'pccc',
      KINDS.includes(name) ? name : undefined,
    ];
  }
  const live = new Set();
  let broken = false;
  let loadedText; // the text API, once loaded
  const textLoaded = text;
  text = () => textLoaded().then((t) => (loadedText = t));

  /** Calls into WebAssembly; a trap (RuntimeError) turns every guard off for good, leaving plain inputs. */
  function call(fn, ...args) {
    if (broken) return;
    try {
      return fn(...args);
    } catch (err) {
      if (!(err instanceof WebAssembly.RuntimeError)) throw err;
      broken = true;
      console.warn('pccc-guard: WebAssembly stopped; fields now work unchecked.');
      for (const handle of live) handle.destroy();
    }
  }

  function enhance(input, options = {}) {
    // Guarded already (by the plain-page module's own pass, say): the same handle, or new options replace the old.
    if (input.pcccGuard) {
      if (!Object.keys(options).length) return input.pcccGuard;
      input.pcccGuard.destroy();
    }
    const data = input.dataset;
    const kind = options.field ?? data.pcccField;
    const [validate, hide, normalizes, pastes] = Object.hasOwn(kinds, kind) ? kinds[kind] : kinds.pccc;
    const policy = hide && (options.mask ?? (data.pcccMask != null ? parsePolicy(data.pcccMask) : null));
    const doc = input.ownerDocument;
    const listening = new AbortController(); // destroy() removes every listener at once
    const on = (target, type, fn, capture) => target.addEventListener(type, fn, { capture, signal: listening.signal });
    // Message language: option, data-pccc-lang, the nearest lang attribute, then Korean (one rule: locale.js).
    const locale = () => pageLocale(options.locale ?? data.pcccLang, input);

    // The message element: the page's own (data-pccc-message) or one added after the input.
    let message = data.pcccMessage && doc.getElementById(data.pcccMessage);
    const ownMessage = !message;
    if (ownMessage) {
      message = doc.createElement('span');
      message.id = `pccc-guard-message-${++uid}`;
      message.className = 'pccc-guard-message';
      input.after(message);
    }
    message.ariaLive = 'polite';
    const describedBy = input.getAttribute('aria-describedby');
    input.setAttribute('aria-describedby', describedBy ? `${describedBy} ${message.id}` : message.id);

    let shown = false; // errors are shown after blur or a submit attempt, then live
    let composing = false;
    let rrn = false; // the field holds a hidden RRN: keep its result until the user edits
    let last = null;
    let box = null; // the masked display, while shown
    // The field's states for undo: [value, caret] pairs; `own` once the browser's history has gone stale.
    let history, at, own, lastType;
    const state = () => [raw(input), input.selectionStart];
    const restart = () => {
      history = [state()];
      at = 0;
      lastType = null;
    };
    restart();

    function record(type) {
      // Typing and deleting in a row are one step, as in the browsers' own history.
      if (type === lastType && at === history.length - 1 && /^(insertText|delete)/.test(type)) history[at] = state();
      else history.splice(++at, Infinity, state());
      if (history.length > HISTORY) {
        history.shift();
        at--;
      }
      lastType = type;
    }

    function write(value, caret) {
      raw(input, value);
      own = true;
      if (doc.activeElement === input) input.setSelectionRange(caret, caret);
    }

    function check() {
      if (rrn) return last;
      const value = raw(input);
      const lang = locale();
      let result = call(validate, value, { locale: lang });
      if (!result) return null; // the module stopped: this guard is gone
      if (!result.valid) {
        const { code, message: text } = result.error;
        if (code === 'empty' && !input.required) result = { valid: true, value: '' };
        if (code === 'looks_like_rrn') {
          // A resident registration number: replace it on screen at once and forget every state that held it.
          write('*'.repeat(value.length), value.length);
          restart();
          rrn = shown = true;
          result = { valid: false, error: { code, message: `${text} ${TEXT[lang][0]}` } };
        }
      }
      last = result;
      render();
      return result;
    }

    function render() {
      if (!last) return;
      const { valid, error } = last;
      const showError = !valid && shown;
      input.setCustomValidity(valid ? '' : error.message);
      input.ariaInvalid = showError;
      data.pcccState = valid ? (raw(input) ? 'valid' : 'empty') : showError ? 'invalid' : 'pending';
      message.textContent = showError ? error.message : '';
    }

    function normalize() {
      if (!normalizes) return;
      const value = raw(input);
      const out = call(api.normalizeWithCaret, value, input.selectionStart ?? value.length);
      // Unchanged: leave the value alone, and with it the browser's own undo history.
      if (out && out.value !== value) write(out.value, out.caret);
    }

    function onInput(event) {
      if (event.isComposing || composing) return; // never rewrite during an IME composition
      rrn = false;
      normalize();
      // The guard's own undo steps are not new states; the browser's (before the guard took over) are.
      if (!own || !/^history/.test(event.inputType)) record(event.inputType);
      check();
    }

    /** One step back or forward through the guard's own history, in place of the browser's. */
    function travel(event, redo) {
      event.preventDefault();
      const step = redo ? 1 : -1;
      if (!history[at + step]) return;
      const [value, caret] = history[(at += step)];
      lastType = null;
      raw(input, value);
      input.setSelectionRange(caret, caret);
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: redo ? 'historyRedo' : 'historyUndo' }));
    }

    function onBeforeInput(event) {
      const type = event.inputType;
      if (type === 'insertCompositionText') composing = true;
      // historyUndo / historyRedo (menus, shake to undo): the browser's history is stale once the guard has
      // rewritten the value.
      if (own && /^history/.test(type)) travel(event, type === 'historyRedo');
    }

    // The keyboard shortcuts too: the browser offers no redo (and no beforeinput to cancel) once its own history
    // is exhausted, while the guard's may still have steps.
    function onKeyDown(event) {
      const { key, ctrlKey, shiftKey } = event; // key is missing on Chromium's autofill keydown events
      const undo = (ctrlKey || event.metaKey) && /^z$/i.test(key);
      const redo = ctrlKey && /^y$/i.test(key);
      if (own && !event.altKey && (undo || redo)) travel(event, shiftKey || redo);
    }

    // Paste extraction: a code copied with its label ("개인통관고유부호: P1234 5678 9012") keeps the code alone, when
    // the pasted text holds exactly one number of the field's kind. The finder (the text module) is loaded on the
    // first paste that needs it; until it has come, the paste lands as it is and is replaced once it arrives.
    function onPaste(event) {
      const pasted = event.clipboardData?.getData('text/plain');
      if (!pastes || !pasted || call(validate, pasted)?.valid !== false) return;
      const extract = (t) => {
        const [found, more] = t.findSensitive(pasted, { kinds: [pastes] });
        if (!found || more) return false;
        write(pasted.slice(found.start, found.end), found.end - found.start);
        onInput({ inputType: 'insertFromPaste' });
        return true;
      };
      if (loadedText) {
        if (extract(loadedText)) event.preventDefault();
      } else {
        // After the paste has landed: replace it only if nothing else changed the field in the meantime.
        setTimeout(() => {
          const landed = raw(input);
          text().then((t) => raw(input) === landed && extract(t), () => {});
        });
      }
    }

    function showMasked() {
      const value = raw(input);
      if (!policy || !last?.valid || !value || box) return;
      const masked = call(hide, value, policy);
      if (masked === undefined) return;
      // <span class="pccc-guard-masked"><span aria-hidden="true">P********9012</span><button>보기</button></span>:
      // screen readers get the button, named after the field and saying the value is hidden, never a row of stars.
      const text = TEXT[locale()];
      const label = input.labels?.[0]?.textContent.trim() ?? input.ariaLabel;
      box = doc.createElement('span');
      box.className = 'pccc-guard-masked';
      const stars = box.appendChild(doc.createElement('span'));
      stars.ariaHidden = true;
      stars.textContent = masked;
      const button = box.appendChild(doc.createElement('button'));
      button.type = 'button';
      button.textContent = text[2];
      button.ariaLabel = `${label ? label + ': ' : ''}${text[1]} ${text[2]}`;
      box.onclick = reveal;
      input.hidden = true; // a hidden input keeps its name and value: the form still submits the real value
      input.after(box);
    }

    function reveal() {
      if (!box) return;
      box.remove();
      box = null;
      input.hidden = false;
      input.focus();
    }

    on(input, 'beforeinput', onBeforeInput);
    on(input, 'paste', onPaste);
    on(input, 'keydown', onKeyDown);
    on(input, 'compositionend', (event) => {
      composing = false;
      onInput(event);
    });
    on(input, 'input', onInput);
    on(input, 'change', () => {
      normalize();
      check();
    });
    on(input, 'blur', () => {
      shown ||= raw(input) !== '';
      check();
      showMasked();
    });
    on(input, 'invalid', () => {
      shown = true;
      render();
    });
    for (const label of input.labels ?? []) on(label, 'click', reveal);
    const form = input.form;
    if (form) {
      on(form, 'submit', () => {
        shown = true;
        check();
      }, true);
      on(form, 'reset', () => {
        rrn = shown = false;
        own = true;
        reveal();
        setTimeout(() => {
          restart();
          check();
        });
      });
    }

    // Values set by script: this input's own value property (autofill fires input and change events itself).
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => raw(input),
      set(value) {
        raw(input, value);
        own = true;
        rrn = false;
        reveal();
        normalize();
        restart();
        check();
      },
    });

    const handle = {
      check,
      destroy() {
        reveal();
        listening.abort();
        delete input.value;
        input.setCustomValidity('');
        input.ariaInvalid = null;
        delete data.pcccState;
        if (ownMessage) message.remove();
        if (describedBy === null) input.removeAttribute('aria-describedby');
        else input.setAttribute('aria-describedby', describedBy);
        delete input.pcccGuard;
        live.delete(handle);
      },
    };
    input.pcccGuard = handle;
    live.add(handle);
    check();
    showMasked();
    return handle;
  }

  /** Guards every `input[data-pccc]` and `input[data-pccc-field]` under root, and the `[data-pccc-redact]` memos. */
  async function autoEnhance(root = document, options = {}) {
    if (broken) return [];
    const handles = [...root.querySelectorAll('input[data-pccc],input[data-pccc-field]')].map((el) => enhance(el, options));
    if (root.querySelector('[data-pccc-redact]')) {
      const t = await text().catch(() => console.warn('pccc-guard: memo checks unavailable.'));
      if (t) handles.push(...t.enhanceMemos(root, options));
    }
    return handles;
  }

  return {
    enhance,
    autoEnhance,
  };
}
