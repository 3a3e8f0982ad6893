// The first demo: one PCCC field checked as you type with the pccc-guard API directly (no forms module), under a
// strict CSP. Nothing is sent anywhere: submitting shows what would be sent.
import init, { validate, mask, normalizeWithCaret } from '/pkg/pccc_guard.js';

const TEXT = {
  ko: {
    title: '해외직구 통관 정보',
    lead: '입력한 번호는 이 기기 안에서만 확인합니다. 어떤 정보도 서버로 보내지 않습니다.',
    label: '개인통관고유부호',
    hint: 'P로 시작하는 13자리 (예: P123456789012). 관세청 UNI-PASS에서 발급받을 수 있습니다.',
    masked: '화면 표시',
    submit: '주문 정보 확인',
    sentTitle: '전송될 값 (실제로 전송하지 않음)',
    formsLink: '정부 양식처럼 붙여 쓰기 (data-pccc, <pccc-input>)',
    footer: "이 페이지는 Content-Security-Policy script-src 'self' 'wasm-unsafe-eval' 아래에서 동작합니다 (인라인 스크립트 없음).",
    ok: '올바른 형식입니다.',
    rrnHidden: '입력하신 번호는 화면에서 가렸습니다.',
    degraded: '이 브라우저에서는 즉시 확인을 사용할 수 없습니다. 양식은 그대로 제출할 수 있습니다.',
  },
  en: {
    title: 'Customs information for your overseas order',
    lead: 'What you type is checked on this device only. Nothing is sent to any server.',
    label: 'Personal customs clearance code',
    hint: '13 characters starting with P (e.g. P123456789012), issued by the Korea Customs Service (UNI-PASS).',
    masked: 'Shown as',
    submit: 'Check order details',
    sentTitle: 'Value that would be sent (nothing is sent)',
    formsLink: 'Drop it into a government-style form (data-pccc, <pccc-input>)',
    footer: "This page runs under the Content-Security-Policy script-src 'self' 'wasm-unsafe-eval' (no inline script).",
    ok: 'The format is correct.',
    rrnHidden: 'The number you typed has been hidden on screen.',
    degraded: 'Instant checking is not available in this browser. The form still works.',
  },
};

const $ = (id) => document.getElementById(id);
const input = $('pccc');
const field = $('pccc-field');
const message = $('pccc-message');
const maskedRow = $('pccc-masked-row');
const masked = $('pccc-masked');
const output = $('submitted');
let locale = 'ko';
let ready = false;
let touched = false;

function setLocale(next) {
  locale = next;
  document.documentElement.lang = next;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = TEXT[next][el.dataset.i18n];
  for (const b of document.querySelectorAll('[data-locale]')) b.setAttribute('aria-pressed', String(b.dataset.locale === next));
  if (ready) render(false);
}

/** Shows the state of the field; `final` is true on blur and submit, when an empty field is also an error. */
function render(final) {
  const result = validate(input.value, { locale });
  if (!result.valid && result.error.code === 'looks_like_rrn') {
    // A resident registration number: never leave it on screen or in any variable.
    input.value = mask(input.value);
    show('invalid', `${result.error.message} ${TEXT[locale].rrnHidden}`);
    return result;
  }
  if (result.valid) {
    show('valid', TEXT[locale].ok);
    masked.textContent = mask(result.value);
    maskedRow.hidden = false;
    return result;
  }
  maskedRow.hidden = true;
  if (result.error.code === 'empty' && !final) show('empty', '');
  else if (touched || final) show('invalid', result.error.message);
  else show('empty', '');
  return result;
}

function show(state, text) {
  field.dataset.state = state;
  input.setAttribute('aria-invalid', String(state === 'invalid'));
  message.textContent = text;
}

function onInput(event) {
  if (event.isComposing) return; // never rewrite during IME composition
  const caret = input.selectionStart ?? input.value.length;
  const out = normalizeWithCaret(input.value, caret);
  if (out.value !== input.value) {
    input.value = out.value;
    input.setSelectionRange(out.caret, out.caret);
  }
  render(false);
}

function onSubmit(event) {
  event.preventDefault();
  touched = true;
  if (!ready) {
    output.value = `pccc=${input.value}`;
    return;
  }
  const result = render(true);
  if (result.valid) {
    output.value = `pccc=${result.value}`;
  } else {
    output.value = '—';
    input.focus();
  }
}

for (const b of document.querySelectorAll('[data-locale]')) b.addEventListener('click', () => setLocale(b.dataset.locale));
$('checkout').addEventListener('submit', onSubmit);

try {
  await init();
  ready = true;
  input.addEventListener('input', onInput);
  input.addEventListener('compositionend', onInput);
  input.addEventListener('blur', () => {
    touched = input.value !== '' || touched;
    render(touched);
  });
  field.dataset.ready = 'true';
} catch {
  console.warn('pccc-guard: the WebAssembly module could not be loaded; the field works without on-device checks.');
  const notice = $('notice');
  notice.textContent = TEXT[locale].degraded;
  notice.hidden = false;
}
