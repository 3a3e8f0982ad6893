// pccc-guard's form layer: progressive enhancement of native inputs. Dependency-free; it is handed the
// WebAssembly API (createGuard(api)) so the same code serves the bundler build and the plain-browser build.
//
// What it does for each guarded <input>:
// - normalises as you type (PCCC fields) with the caret kept after the same characters, never during an IME
//   composition, and never rewrites a value that normalisation leaves unchanged (so undo keeps working);
// - sets the input's validity (setCustomValidity), so form.checkValidity(), :invalid and the browser's own
//   submit blocking work; shows the message only after the user leaves the field or submits, then live;
// - hides a resident registration number at once (the field shows stars; nothing keeps the number);
// - validates values set by autofill or by script (input.value = ...);
// - optionally shows the masked form once valid and blurred, while the real value stays the one submitted;
// - if the WebAssembly traps, stops guarding (plain inputs) instead of failing on every keystroke.

const TEXT = {
  ko: { hidden: '입력한 번호는 화면에서 가렸습니다.', masked: '가려진 값입니다. 눌러서 보기' },
  en: { hidden: 'The number you typed has been hidden on screen.', masked: 'Hidden value. Press to show' },
};

const valueProp = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
const setRaw = (input, v) => valueProp.set.call(input, v);
const getRaw = (input) => valueProp.get.call(input);
let uid = 0;

/** Reads a mask policy written as "keepStart:2,keepEnd:4,maskChar:•". */
export function parsePolicy(text) {
  const policy = {};
  for (const part of (text ?? '').split(',')) {
    const [k, v] = part.split(':').map((s) => s?.trim());
    if (k === 'keepStart' || k === 'keepEnd') policy[k] = Number(v);
    else if (k === 'maskChar' && v) policy.maskChar = v;
  }
  return policy;
}

/** `ko` or `en` for an element: option, data-pccc-lang, the nearest lang attribute, then Korean. */
function localeOf(el, option) {
  const tag = option ?? el.dataset?.pcccLang ?? el.closest?.('[lang]')?.getAttribute('lang') ?? 'ko';
  return /^en\b/i.test(tag) ? 'en' : 'ko';
}

export function createGuard(api) {
  const kinds = {
    pccc: { check: api.validate, hide: api.mask, normalize: true },
    phone: { check: api.validatePhone, hide: api.maskPhone },
    postcode: { check: api.validatePostcode, hide: null },
    name: { check: api.validateName, hide: api.maskName },
  };
  const live = new Set();
  let broken = false;

  /** Calls into WebAssembly; a trap (RuntimeError) turns every guard off for good, leaving plain inputs. */
  function call(fn, ...args) {
    if (broken) return undefined;
    try {
      return fn(...args);
    } catch (err) {
      if (!(err instanceof WebAssembly.RuntimeError)) throw err;
      broken = true;
      console.warn('pccc-guard: the WebAssembly module stopped; the fields keep working without on-device checks.');
      for (const handle of [...live]) handle.destroy();
      return undefined;
    }
  }

  function enhance(input, options = {}) {
    if (input.pcccGuard) return input.pcccGuard;
    const kind = kinds[options.field ?? input.dataset.pcccField ?? 'pccc'] ?? kinds.pccc;
    const maskAttr = options.mask ?? (input.hasAttribute('data-pccc-mask') ? parsePolicy(input.dataset.pcccMask) : null);
    const policy = maskAttr && kind.hide ? maskAttr : null;
    const doc = input.ownerDocument;
    const cleanups = [];
    const on = (target, type, fn, opts) => {
      target.addEventListener(type, fn, opts);
      cleanups.push(() => target.removeEventListener(type, fn, opts));
    };

    // The message element: the page's own (data-pccc-message) or one we add after the input.
    let message = input.dataset.pcccMessage && doc.getElementById(input.dataset.pcccMessage);
    const ownMessage = !message;
    if (ownMessage) {
      message = doc.createElement('span');
      message.id = `pccc-guard-message-${++uid}`;
      message.className = 'pccc-guard-message';
      input.after(message);
    }
    message.setAttribute('aria-live', 'polite');
    const describedBy = input.getAttribute('aria-describedby');
    input.setAttribute('aria-describedby', [describedBy, message.id].filter(Boolean).join(' '));

    let shown = false; // errors are shown after blur or a submit attempt, then live
    let composing = false;
    let rrn = false;
    let last = null;
    let maskButton = null;

    function check() {
      if (rrn) return last;
      const value = getRaw(input);
      const locale = localeOf(input, options.locale);
      let result = call(kind.check, value, { locale });
      if (result === undefined) return null; // the module stopped: this guard is gone
      if (!result.valid && result.error.code === 'empty' && !input.required) result = { valid: true, value: '' };
      if (!result.valid && result.error.code === 'looks_like_rrn') {
        // A resident registration number: replace it on screen at once, keep nothing of it.
        setRaw(input, '*'.repeat([...value].length));
        rrn = true;
        shown = true;
        result = { valid: false, error: { code: result.error.code, message: `${result.error.message} ${TEXT[locale].hidden}` } };
      }
      last = result;
      render();
      return result;
    }

    function render() {
      const r = last;
      if (!r) return;
      input.setCustomValidity(r.valid ? '' : r.error.message);
      const showError = !r.valid && shown;
      input.setAttribute('aria-invalid', String(showError));
      input.dataset.pcccState = r.valid ? (getRaw(input) ? 'valid' : 'empty') : showError ? 'invalid' : 'pending';
      message.textContent = showError ? r.error.message : '';
    }

    function normalizeInPlace() {
      if (!kind.normalize) return;
      const value = getRaw(input);
      const out = call(api.normalizeWithCaret, value, input.selectionStart ?? value.length);
      if (!out || out.value === value) return; // unchanged: leave the value (and the undo history) alone
      setRaw(input, out.value);
      if (doc.activeElement === input) input.setSelectionRange(out.caret, out.caret);
    }

    function onInput(event) {
      if (event.isComposing || composing) return; // never rewrite during IME composition
      rrn = false;
      normalizeInPlace();
      check();
    }

    function showMasked() {
      if (!policy || !last?.valid || !getRaw(input)) return;
      const locale = localeOf(input, options.locale);
      const masked = call(kind.hide, getRaw(input), policy);
      if (masked === undefined) return;
      maskButton = doc.createElement('button');
      maskButton.type = 'button';
      maskButton.className = 'pccc-guard-masked';
      const label = input.labels?.[0]?.textContent?.trim();
      maskButton.setAttribute('aria-label', `${label ? label + ': ' : ''}${TEXT[locale].masked}`);
      const text = doc.createElement('span');
      text.setAttribute('aria-hidden', 'true'); // screen readers hear the label, not a row of stars
      text.textContent = masked;
      maskButton.append(text);
      maskButton.addEventListener('click', reveal);
      input.hidden = true; // still submitted: hidden inputs keep their name and value
      input.after(maskButton);
    }

    function reveal() {
      if (!maskButton) return;
      maskButton.remove();
      maskButton = null;
      input.hidden = false;
      input.focus();
    }

    on(input, 'beforeinput', (e) => { if (e.inputType === 'insertCompositionText') composing = true; });
    on(input, 'compositionstart', () => { composing = true; });
    on(input, 'compositionend', (e) => { composing = false; onInput(e); });
    on(input, 'input', onInput);
    on(input, 'change', () => { normalizeInPlace(); check(); });
    on(input, 'blur', () => {
      if (getRaw(input) !== '' || shown) shown = true;
      check();
      showMasked();
    });
    on(input, 'invalid', () => { shown = true; render(); });
    if (input.form) {
      on(input.form, 'submit', () => { shown = true; check(); }, true);
      on(input.form, 'reset', () => { rrn = false; shown = false; reveal(); queueMicrotask(check); });
    }

    // Values set by script: wrap this input's value setter (autofill fires input/change events itself).
    Object.defineProperty(input, 'value', {
      configurable: true,
      enumerable: true,
      get() { return getRaw(input); },
      set(v) {
        setRaw(input, v);
        rrn = false;
        reveal();
        normalizeInPlace();
        check();
      },
    });
    cleanups.push(() => { delete input.value; });

    const handle = {
      /** The current result for the field (null if the module stopped). */
      check,
      /** Turns the guard off and restores the plain input. */
      destroy() {
        reveal();
        for (const undo of cleanups.splice(0)) undo();
        input.setCustomValidity('');
        input.removeAttribute('aria-invalid');
        delete input.dataset.pcccState;
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
    if (getRaw(input) !== '') showMasked();
    return handle;
  }

  /** Guards every `input[data-pccc]` and `input[data-pccc-field]` under root. */
  function autoEnhance(root = document, options = {}) {
    if (broken) return [];
    return [...root.querySelectorAll('input[data-pccc], input[data-pccc-field]')].map((el) => enhance(el, options));
  }

  return { enhance, autoEnhance, get broken() { return broken; } };
}
