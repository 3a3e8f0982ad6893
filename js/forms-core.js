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

import { DEFAULT_FIELD, FIELDS } from './contract.js';
import { pageLocale } from './locale.js';
import { raw, write } from './forms-dom.js';
import { InputHistory } from './forms-history.js';
import { FieldMessages } from './forms-validity.js';
import { MaskedDisplay } from './forms-masked.js';
import { PasteExtraction } from './forms-paste.js';

const RRN_HIDDEN = { ko: '화면에서 가렸습니다.', en: 'It is hidden on screen.' };

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

/** One guarded input: its parts, and what happens on each event. */
class FieldGuard {
  constructor(input, options, { api, call, finder }) {
    const data = input.dataset;
    const name = options.field ?? data.pcccField;
    this.name = Object.hasOwn(FIELDS, name) ? name : DEFAULT_FIELD;
    this.field = FIELDS[this.name];
    Object.assign(this, { input, options, api, call });
    this.policy = this.field.mask && (options.mask ?? (data.pcccMask != null ? parsePolicy(data.pcccMask) : null));
    this.messages = new FieldMessages(input, data.pcccMessage);
    this.history = new InputHistory(input);
    this.masked = new MaskedDisplay(input);
    this.paste = new PasteExtraction(input, {
      kind: this.field.paste,
      finder,
      invalid: (text) => this.validate(text)?.valid === false,
      apply: (value) => {
        this.write(value, value.length);
        this.onInput({ inputType: 'insertFromPaste' });
      },
    });
    this.composing = false;
    this.rrn = false; // the field holds a hidden RRN: keep its result until the user edits
  }

  /** Message language: option, data-pccc-lang, the nearest lang attribute, then Korean (one rule: locale.js). */
  locale() {
    return pageLocale(this.options.locale ?? this.input.dataset.pcccLang, this.input);
  }

  validate(value, options) {
    return this.call(this.api.validateField, this.name, value, options);
  }

  /** Rewrites the value (the browser's own history is then stale). */
  write(value, caret) {
    write(this.input, value, caret);
    this.history.stale = true;
  }

  /** Checks the field now, shows the result and returns it (null once the module has stopped). */
  check() {
    const { input, messages } = this;
    if (this.rrn) return messages.result;
    const value = raw(input);
    const lang = this.locale();
    let result = this.validate(value, { locale: lang });
    if (!result) return null; // the module stopped: this guard is gone
    if (!result.valid) {
      const { code, message } = result.error;
      if (code === 'empty' && !input.required) result = { valid: true, value: '' };
      if (code === 'looks_like_rrn') {
        // A resident registration number: replace it on screen at once and forget every state that held it.
        this.write('*'.repeat(value.length), value.length);
        this.history.restart();
        this.rrn = messages.shown = true;
        result = { valid: false, error: { code, message: `${message} ${RRN_HIDDEN[lang]}` } };
      }
    }
    messages.render(result);
    return result;
  }

  /** Normalises as typed, for the fields that are; an unchanged value is left alone, and with it the undo history. */
  normalize() {
    if (!this.field.asTyped) return;
    const { input } = this;
    const value = raw(input);
    const out = this.call(this.api.normalizeWithCaret, value, input.selectionStart ?? value.length);
    if (out && out.value !== value) this.write(out.value, out.caret);
  }

  onInput(event) {
    if (event.isComposing || this.composing) return; // never rewrite during an IME composition
    this.rrn = false;
    this.normalize();
    if (this.history.isNew(event.inputType)) this.history.record(event.inputType);
    this.check();
  }

  /** The masked form in place of the input, once valid and blurred, where a policy asks for it. */
  showMasked() {
    const value = raw(this.input);
    if (!this.policy || !this.messages.result?.valid || !value || this.masked.box) return;
    const masked = this.call(this.api.maskField, this.name, value, this.policy);
    if (masked !== undefined) this.masked.show(masked, this.locale());
  }

  /** A value set by script: checked as a new value, with a fresh history. */
  setValue(value) {
    raw(this.input, value);
    this.history.stale = true;
    this.rrn = false;
    this.masked.reveal();
    this.normalize();
    this.history.restart();
    this.check();
  }

  /** The form was reset: the field starts over once the browser has put the default value back. */
  reset() {
    this.rrn = this.messages.shown = false;
    this.history.stale = true;
    this.masked.reveal();
    setTimeout(() => {
      this.history.restart();
      this.check();
    });
  }
}

/** Adds the guard's listeners to its input (and label, form), each removed when `signal` aborts. */
function listen(guard, signal) {
  const { input, history, messages } = guard;
  const on = (target, type, fn, capture) => target.addEventListener(type, fn, { capture, signal });
  on(input, 'beforeinput', (event) => {
    if (event.inputType === 'insertCompositionText') guard.composing = true;
    history.beforeInput(event);
  });
  on(input, 'paste', (event) => guard.paste.paste(event));
  on(input, 'keydown', (event) => history.keyDown(event));
  on(input, 'compositionend', (event) => {
    guard.composing = false;
    guard.onInput(event);
  });
  on(input, 'input', (event) => guard.onInput(event));
  on(input, 'change', () => {
    guard.normalize();
    guard.check();
  });
  on(input, 'blur', () => {
    messages.shown ||= raw(input) !== '';
    guard.check();
    guard.showMasked();
  });
  on(input, 'invalid', () => {
    messages.shown = true;
    messages.render();
  });
  for (const label of input.labels ?? []) on(label, 'click', () => guard.masked.reveal());
  const form = input.form;
  if (form) {
    on(form, 'submit', () => {
      messages.shown = true;
      guard.check();
    }, true);
    on(form, 'reset', () => guard.reset());
  }
}

/**
 * Builds the guard on the API; `text()` loads the text API (pccc-guard/text: findSensitive, enhanceMemo) on first
 * use, for paste extraction and memo fields.
 */
export function createGuard(api, text) {
  const live = new Set();
  let broken = false;
  // The text API: `loaded` once it has come.
  const finder = { loaded: undefined, load: () => text().then((t) => (finder.loaded = t)) };

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
    const guard = new FieldGuard(input, options, { api, call, finder });
    const listening = new AbortController(); // destroy() removes every listener at once
    listen(guard, listening.signal);
    // Values set by script: this input's own value property (autofill fires input and change events itself).
    Object.defineProperty(input, 'value', { configurable: true, get: () => raw(input), set: (v) => guard.setValue(v) });
    const handle = {
      check: () => guard.check(),
      destroy() {
        guard.masked.reveal();
        listening.abort();
        delete input.value;
        guard.messages.destroy();
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
