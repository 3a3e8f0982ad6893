// pccc-guard's form layer: progressive enhancement of native inputs. Dependency-free; it is handed the
// WebAssembly API (createGuard(api)) so the same code serves the bundler build and the plain-browser build.
//
// What it does for each guarded <input>, one part a module:
// - normalises as you type (the fields whose descriptor says `asTyped`) with the caret kept after the same
//   characters, never during an IME composition, and never rewrites a value that normalisation leaves unchanged;
// - keeps undo/redo sane once the guard has rewritten the value (forms-history.js);
// - sets the input's validity and shows its message after the user leaves the field or submits, then live
//   (forms-validity.js);
// - hides a resident registration number at once (the field shows stars; neither the guard nor the undo history
//   keeps the number);
// - validates values set by autofill or by script (input.value = ...);
// - keeps the number alone from a paste that holds one with its label (forms-paste.js);
// - optionally shows the masked form once valid and blurred (forms-masked.js);
// - if the WebAssembly traps, stops guarding (plain inputs) instead of failing on every keystroke.
// It works wherever the input lives, in a document or in a shadow root (forms-dom.js).

import { DEFAULT_FIELD, FIELDS } from '../api/contract.js';
import { pageLocale } from '../api/locale.js';
import { raw } from './forms-dom.js';
import { inputHistory } from './forms-history.js';
import { fieldMessages } from './forms-validity.js';
import { maskedDisplay } from './forms-masked.js';
import { pasteExtraction } from './forms-paste.js';

const RRN_HIDDEN = { ko: '화면에서 가렸습니다.', en: 'It is hidden on screen.' };

/**
 * Checks the input's value with `validate`, shows the result and returns it (null once the module has stopped). A
 * resident registration number is hidden at once: `hideRrn(value)` replaces it on screen and forgets every state
 * that held it, and its result is kept until the user edits (`messages.rrn`).
 */
function checkValue(input, messages, validate, lang, hideRrn) {
  if (messages.rrn) return messages.result;
  const value = raw(input);
  let result = validate(value, { locale: lang });
  if (!result) return null; // the module stopped: this guard is gone
  if (!result.valid) {
    const { code, message } = result.error;
    if (code === 'empty' && !input.required) result = { valid: true, value: '' };
    if (code === 'looks_like_rrn') {
      hideRrn(value);
      messages.rrn = messages.shown = true;
      result = { valid: false, error: { code, message: `${message} ${RRN_HIDDEN[lang]}` } };
    }
  }
  messages.render(result);
  return result;
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
 * One guarded input, composed of its parts: { check(), showMasked(), setValue(value), destroy() }, its listeners
 * removed when `signal` aborts. `call` calls into WebAssembly (a trap stops every guard); `finder` is the text
 * API's loader, for pastes.
 */
function guardInput(input, options, signal, { api, call, finder }) {
  const data = input.dataset;
  let name = options.field ?? data.pcccField;
  if (!Object.hasOwn(FIELDS, name)) name = DEFAULT_FIELD;
  const field = FIELDS[name];
  const policy = field.mask && (options.mask ?? (data.pcccMask != null ? parsePolicy(data.pcccMask) : null));
  const messages = fieldMessages(input, data.pcccMessage);
  const history = inputHistory(input);
  const masked = maskedDisplay(input, (value) => call(api.maskField, name, value, policy));
  let composing = false;

  // Message language: option, data-pccc-lang, the nearest lang attribute, then Korean (one rule: locale.js).
  const locale = () => pageLocale(options.locale ?? data.pcccLang, input);
  const validate = (value, opts) => call(api.validateField, name, value, opts);

  /** Rewrites the value, the caret at `caret` when the input has focus in its own root (the browser's own history
   * is then stale). */
  function rewrite(value, caret) {
    raw(input, value);
    if (input.getRootNode().activeElement === input) input.setSelectionRange(caret, caret);
    history.stale = true;
  }

  const check = () =>
    checkValue(input, messages, validate, locale(), (value) => {
      rewrite('*'.repeat(value.length), value.length);
      history.restart();
    });

  /** Normalises as typed, for the fields that are; an unchanged value is left alone, and with it the undo history. */
  function normalize() {
    if (!field.asTyped) return;
    const value = raw(input);
    const out = call(api.normalizeWithCaret, value, input.selectionStart ?? value.length);
    if (out && out.value !== value) rewrite(out.value, out.caret);
  }

  function onInput(event) {
    if (event.isComposing || composing) return; // never rewrite during an IME composition
    messages.rrn = false;
    normalize();
    history.record(event.inputType);
    check();
  }

  const onPaste = pasteExtraction(input, {
    kind: field.paste,
    finder,
    invalid: (text) => validate(text)?.valid === false,
    apply(value) {
      rewrite(value, value.length);
      onInput({ inputType: 'insertFromPaste' });
    },
  });

  /** The masked form in place of the input, once valid and blurred, where a policy asks for it. */
  const showMasked = () => policy && messages.result?.valid && masked.show(locale());

  // The listeners, on the input and its labels and form.
  {
    const on = (target, type, fn, capture) => target.addEventListener(type, fn, { capture, signal });
    on(input, 'beforeinput', (event) => {
      if (event.inputType === 'insertCompositionText') composing = true;
      history.beforeInput(event);
    });
    on(input, 'paste', onPaste);
    on(input, 'keydown', history.keyDown);
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
      messages.shown ||= raw(input) !== '';
      check();
      showMasked();
    });
    on(input, 'invalid', () => {
      messages.shown = true;
      messages.render();
    });
    for (const label of input.labels ?? []) on(label, 'click', masked.reveal);
    const form = input.form;
    if (form) {
      on(form, 'submit', () => {
        messages.shown = true;
        check();
      }, true);
      // The form was reset: the field starts over once the browser has put the default value back.
      on(form, 'reset', () => {
        messages.rrn = messages.shown = false;
        history.stale = true;
        masked.reveal();
        setTimeout(() => {
          history.restart();
          check();
        });
      });
    }
  }

  return {
    check,
    showMasked,
    /** A value set by script: checked as a new value, with a fresh history. */
    setValue(value) {
      raw(input, value);
      history.stale = true;
      messages.rrn = false;
      masked.reveal();
      normalize();
      history.restart();
      check();
    },
    /** Leaves the input as it was (the listeners go with the caller's signal). */
    destroy() {
      masked.reveal();
      messages.destroy();
    },
  };
}

/**
 * Builds the guard on the API; `text()` loads the text API (pccc-guard/text: findSensitive, enhanceMemo) on first
 * use, for paste extraction and memo fields.
 */
export function createGuard(api, text) {
  const live = new Set();
  let broken = false;
  // The text API: `loaded` once it has come.
  const finder = { load: () => text().then((t) => (finder.loaded = t)) };

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
    const listening = new AbortController(); // destroy() removes every listener at once
    const guard = guardInput(input, options, listening.signal, { api, call, finder });
    // Values set by script: this input's own value property (autofill fires input and change events itself).
    Object.defineProperty(input, 'value', { configurable: true, get: () => raw(input), set: (v) => guard.setValue(v) });
    const handle = {
      check: guard.check,
      destroy() {
        listening.abort();
        delete input.value;
        guard.destroy();
        delete input.pcccGuard;
        live.delete(handle);
      },
    };
    input.pcccGuard = handle;
    live.add(handle);
    guard.check();
    guard.showMasked();
    return handle;
  }

  /**
   * Guards every `input[data-pccc]` and `input[data-pccc-field]` under root (a document, an element or a shadow
   * root), and the `[data-pccc-redact]` memos.
   */
  async function autoEnhance(root = document, options = {}) {
    if (broken) return [];
    const handles = [...root.querySelectorAll('input[data-pccc],input[data-pccc-field]')].map((el) => enhance(el, options));
    if (root.querySelector('[data-pccc-redact]')) {
      const t = await finder.load().catch(() => console.warn('pccc-guard: memo checks unavailable.'));
      if (t) handles.push(...t.enhanceMemos(root, options));
    }
    return handles;
  }

  return { enhance, autoEnhance };
}
