// The demo: a customs recipient form (name, PCCC, mobile number, postcode) checked as you type with the
// pccc-guard API directly, under a strict CSP. Nothing is sent anywhere: submitting shows what would be sent.
// The package is imported dynamically, so that a page whose script or wasm cannot load still works as a form.
let validatePccc, validateName, validatePhone, validatePostcode, checkRecipient, maskPccc, normalizeWithCaret;

const TEXT = {
  ko: {
    title: '해외직구 통관 정보',
    lead: '입력한 번호는 이 기기 안에서만 확인합니다. 어떤 정보도 서버로 보내지 않습니다.',
    nameLabel: '받는 분 이름',
    nameHint: '개인통관고유부호에 등록된 이름 (한글 이름 또는 등록한 영문 이름)',
    label: '개인통관고유부호',
    hint: 'P로 시작하는 13자리 (예: P123456789012). 관세청 UNI-PASS에서 발급받을 수 있습니다.',
    phoneLabel: '휴대전화 번호',
    phoneHint: '개인통관고유부호에 등록한 휴대전화 번호 (안심번호 050x는 확인되지 않습니다)',
    postcodeLabel: '배송지 우편번호',
    postcodeHint: '새 우편번호 5자리',
    masked: '화면 표시',
    submit: '주문 정보 확인',
    sentTitle: '전송될 값 (실제로 전송하지 않음)',
    formsLink: '정부 양식처럼 붙여 쓰기 (data-pccc, <pccc-input>)',
    footer: "이 페이지는 Content-Security-Policy script-src 'self' 'wasm-unsafe-eval' 아래에서 동작합니다 (인라인 스크립트 없음).",
    ok: '올바른 형식입니다.',
    rrnHidden: '입력하신 번호는 화면에서 가렸습니다.',
    notSent: '입력 내용을 확인해 주세요. 아무것도 전송하지 않았습니다.',
    degraded: '이 브라우저에서는 즉시 확인을 사용할 수 없습니다. 양식은 그대로 제출할 수 있습니다.',
  },
  en: {
    title: 'Customs information for your overseas order',
    lead: 'What you type is checked on this device only. Nothing is sent to any server.',
    nameLabel: "Recipient's name",
    nameHint: 'The name registered with your customs code (Korean name, or the registered English name)',
    label: 'Personal customs clearance code',
    hint: '13 characters starting with P (e.g. P123456789012), issued by the Korea Customs Service (UNI-PASS).',
    phoneLabel: 'Mobile number',
    phoneHint: 'The mobile number registered with your customs code (050x safe numbers never match)',
    postcodeLabel: 'Delivery postcode',
    postcodeHint: 'The new 5-digit postcode',
    masked: 'Shown as',
    submit: 'Check order details',
    sentTitle: 'Values that would be sent (nothing is sent)',
    formsLink: 'Drop it into a government-style form (data-pccc, <pccc-input>)',
    footer: "This page runs under the Content-Security-Policy script-src 'self' 'wasm-unsafe-eval' (no inline script).",
    ok: 'The format is correct.',
    rrnHidden: 'The number you typed has been hidden on screen.',
    notSent: 'Please check the highlighted fields. Nothing was sent.',
    degraded: 'Instant checking is not available in this browser. The form still works.',
  },
};

/** Each field: how to check it; the PCCC field is also normalised as you type. */
const FIELDS = {
  name: { check: (v, o) => validateName(v, o) },
  pccc: { check: (v, o) => validatePccc(v, o), caret: true },
  phone: { check: (v, o) => validatePhone(v, o) },
  postcode: { check: (v, o) => validatePostcode(v, o) },
};

const $ = (id) => document.getElementById(id);
const form = $('checkout');
const output = $('submitted');
let locale = 'ko';
let ready = false;
const touched = new Set();

function setLocale(next) {
  locale = next;
  document.documentElement.lang = next;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = TEXT[next][el.dataset.i18n];
  for (const b of document.querySelectorAll('[data-locale]')) b.setAttribute('aria-pressed', String(b.dataset.locale === next));
  if (ready) for (const key of Object.keys(FIELDS)) render(key, touched.has(key));
}

function show(key, state, text) {
  const input = $(key);
  $(`${key}-field`).dataset.state = state;
  input.setAttribute('aria-invalid', String(state === 'invalid'));
  $(`${key}-message`).textContent = text;
}

/** The field's own "this looks like an RRN" message in the current language (from a synthetic number). */
const rrnMessage = (key) => `${FIELDS[key].check('9001011234567', { locale }).error.message} ${TEXT[locale].rrnHidden}`;

/** Shows one field's state. `final` (blur, submit) also reports an empty field. */
function render(key, final) {
  const input = $(key);
  const wrapper = $(`${key}-field`);
  if (wrapper.dataset.rrn === 'true') {
    // The field still shows the stars that replaced an RRN: keep saying why until the user types again.
    show(key, 'invalid', rrnMessage(key));
    input.setCustomValidity(rrnMessage(key));
    return { valid: false, error: { code: 'looks_like_rrn' } };
  }
  const result = FIELDS[key].check(input.value, { locale });
  if (!result.valid && result.error.code === 'looks_like_rrn') {
    // A resident registration number: never leave it on screen or in any variable.
    input.value = '*'.repeat([...input.value].length);
    wrapper.dataset.rrn = 'true';
    show(key, 'invalid', rrnMessage(key));
    input.setCustomValidity(rrnMessage(key));
    return result;
  }
  if (key === 'pccc') {
    $('pccc-masked-row').hidden = !result.valid;
    if (result.valid) $('pccc-masked').textContent = maskPccc(result.value);
  }
  // The field's validity follows the rules at once (checkValidity(), :invalid), while the message waits for blur.
  input.setCustomValidity(result.valid ? '' : result.error.message);
  if (result.valid) show(key, 'valid', TEXT[locale].ok);
  else if (result.error.code === 'empty' && !final) show(key, 'empty', '');
  else if (final || touched.has(key)) show(key, 'invalid', result.error.message);
  else show(key, 'empty', '');
  return result;
}

function onInput(key, event) {
  if (event.isComposing) return; // never rewrite during IME composition
  const input = $(key);
  delete $(`${key}-field`).dataset.rrn;
  if (FIELDS[key].caret) {
    const out = normalizeWithCaret(input.value, input.selectionStart ?? input.value.length);
    if (out.value !== input.value) {
      input.value = out.value;
      input.setSelectionRange(out.caret, out.caret);
    }
  }
  render(key, false);
}

function onSubmit(event) {
  event.preventDefault();
  const values = Object.fromEntries(Object.keys(FIELDS).map((k) => [k, $(k).value]));
  if (!ready) {
    output.value = new URLSearchParams(values).toString();
    return;
  }
  for (const key of Object.keys(FIELDS)) touched.add(key);
  const report = checkRecipient(values, { locale });
  let first = null;
  for (const key of Object.keys(FIELDS)) {
    const result = render(key, true);
    if (!result.valid && !first) first = key;
  }
  if (report.valid) {
    const sent = Object.fromEntries(Object.entries(report.fields).map(([k, r]) => [k, r.value]));
    output.value = new URLSearchParams(sent).toString();
  } else {
    output.value = TEXT[locale].notSent;
    $(first).focus();
  }
}

for (const b of document.querySelectorAll('[data-locale]')) b.addEventListener('click', () => setLocale(b.dataset.locale));
form.addEventListener('submit', onSubmit);

try {
  const api = await import('/pkg/pccc-guard.js');
  await api.ready;
  ({ validatePccc, validateName, validatePhone, validatePostcode, checkRecipient, maskPccc, normalizeWithCaret } = api);
  ready = true;
  for (const key of Object.keys(FIELDS)) {
    const input = $(key);
    input.addEventListener('input', (e) => onInput(key, e));
    input.addEventListener('compositionend', (e) => onInput(key, e));
    input.addEventListener('blur', () => {
      if (input.value !== '') touched.add(key);
      render(key, touched.has(key));
    });
    // Validity from the start (an empty field is invalid, a value the browser restored is checked), with no
    // message until the field is left.
    render(key, false);
  }
  form.dataset.ready = 'true';
  performance.mark('pccc-guarded');
} catch {
  // pccc-guard.js has already said why in one console warning; the page tells the person.
  const notice = $('notice');
  notice.textContent = TEXT[locale].degraded;
  notice.hidden = false;
}
