// The delivery-memo guard: `data-pccc-redact` on a <textarea> or <input> (a memo couriers read, a support message).
// People paste their customs code, phone number or resident registration number into such fields.
//
// - A resident registration number is masked at once, typed or pasted, as in the code field.
// - Other numbers (customs codes, mobile numbers) are found after a paste or a drop, and when the user leaves the
//   field: a polite message says what kind of number the memo holds (never the number) and offers a button that
//   masks them in place; with data-pccc-redact="auto" they are masked at once.
// - Masking keeps the text's shape (one mask character per digit) and the caret; nothing is rewritten during an
//   IME composition. Once the guard has rewritten the memo, the browser's undo and redo are refused for it, so
//   that no earlier state brings a masked number back.
import { pageLocale } from '../api/locale.js';

const NAMES = {
  ko: { pccc: '개인통관고유부호', rrn: '주민등록번호', phone: '휴대전화 번호', and: '와 ' },
  en: { pccc: 'a customs clearance code (PCCC)', rrn: 'a resident registration number', phone: 'a mobile number', and: ' and ' },
};
const TEXT = {
  ko: {
    found: (k) => `메모에 ${k}가 있습니다. 배송 기사 등 다른 사람이 볼 수 있습니다.`,
    button: '번호 가리기',
    masked: (k) => `메모의 ${k}를 가렸습니다.`,
  },
  en: {
    found: (k) => `This memo contains ${k}. Couriers and others may read it.`,
    button: 'Mask the numbers',
    masked: (k) => `Masked ${k} in this memo.`,
  },
};
let uid = 0;

/** Guards one memo field; `find` and `redact` are the text API's functions. Returns { check(), destroy() }. */
export function memoGuard(el, options, find, redact) {
  if (el.pcccGuard) return el.pcccGuard;
  const data = el.dataset;
  const doc = el.ownerDocument;
  const auto = (options.mode ?? data.pcccRedact) === 'auto';
  const locale = () => pageLocale(options.locale ?? data.pcccLang, el);
  const listening = new AbortController();
  const on = (type, fn) => el.addEventListener(type, fn, { signal: listening.signal });
  let composing = false;
  let rewritten = false;

  const message = doc.createElement('span');
  message.id = `pccc-guard-memo-${++uid}`;
  message.className = 'pccc-guard-message';
  message.ariaLive = 'polite';
  el.after(message);
  const describedBy = el.getAttribute('aria-describedby');
  el.setAttribute('aria-describedby', describedBy ? `${describedBy} ${message.id}` : message.id);

  /** "a customs code and a mobile number", in the memo's language, for a list of kinds. */
  const names = (kinds) => {
    const n = NAMES[locale()];
    return [...new Set(kinds)].map((k) => n[k]).join(n.and);
  };

  function say(text, offer) {
    // The same message again (leaving the field right after a paste) keeps its button: a click may be on its way.
    if (message.firstChild?.data === text) return;
    message.replaceChildren(text);
    if (offer) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.textContent = TEXT[locale()].button;
      button.onclick = () => {
        mask(undefined);
        el.focus();
      };
      message.append(' ', button);
    }
  }

  /** Masks the findings of `kinds` (all when undefined) in place; returns the kinds masked. */
  function mask(kinds) {
    const value = el.value;
    const found = find(value, { kinds }).map((f) => f.kind);
    if (!found.length) return found;
    const [start, end] = [el.selectionStart, el.selectionEnd];
    el.value = redact(value, { ...options.redact, kinds });
    // One mask character per digit: the caret stays where it was (also when the Mask button has the focus).
    el.setSelectionRange(start, end);
    rewritten = true;
    say(TEXT[locale()].masked(names(found)));
    return found;
  }

  /** Looks at the memo: RRNs always masked; other numbers offered (or masked, in auto mode) when `offer`. */
  function check(offer) {
    if (composing) return null;
    mask(['rrn']);
    if (!offer) return null;
    if (auto) return mask(undefined);
    const found = find(el.value).map((f) => f.kind);
    if (found.length) say(TEXT[locale()].found(names(found)), true);
    else if (!rewritten) message.replaceChildren();
    return found;
  }

  on('compositionstart', () => (composing = true));
  on('compositionend', () => {
    composing = false;
    check(false);
  });
  on('input', (event) => {
    if (event.isComposing) return;
    check(/^insertFrom(Paste|Drop)/.test(event.inputType));
  });
  on('change', () => check(true));
  // Undo and redo could bring back a masked number: refused once the guard has rewritten the memo.
  on('beforeinput', (event) => rewritten && /^history/.test(event.inputType) && event.preventDefault());
  on('keydown', (event) => {
    const key = /^[zy]$/i.test(event.key ?? '');
    if (rewritten && key && (event.ctrlKey || event.metaKey) && !event.altKey) event.preventDefault();
  });

  check(true);
  return (el.pcccGuard = {
    check: () => check(true),
    destroy() {
      listening.abort();
      message.remove();
      if (describedBy === null) el.removeAttribute('aria-describedby');
      else el.setAttribute('aria-describedby', describedBy);
      delete el.pcccGuard;
    },
  });
}
