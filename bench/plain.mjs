// The honest baseline: the same PCCC rules as the spec, written in plain JavaScript as carefully as a merchant
// would write them by hand. The benchmark checks that it agrees with the wasm on the whole corpus before timing.

const DROPPED = new Set([
  0x20, 0x09, 0x0d, 0x0a, 0x0b, 0x0c, 0xa0, 0x202f, 0x205f, 0x3000, 0x2d, 0x2212, 0xfe63, 0xad, 0xfeff,
]);
const isDropped = (c) =>
  DROPPED.has(c) || (c >= 0x2000 && c <= 0x200f) || (c >= 0x2010 && c <= 0x2015) || (c >= 0x202a && c <= 0x202e) ||
  (c >= 0x2060 && c <= 0x2064);

const MESSAGES = {
  ko: {
    empty: '개인통관고유부호를 입력해 주세요 (P와 숫자 12자리).',
    looks_like_rrn: '주민등록번호를 입력하신 것 같습니다. 주민등록번호는 입력하지 마시고, P로 시작하는 개인통관고유부호를 입력해 주세요.',
    missing_prefix: '개인통관고유부호는 영문 P로 시작합니다. 숫자 앞에 P를 붙여 주세요.',
    invalid_prefix: '개인통관고유부호는 영문 P로 시작해야 합니다. 첫 글자를 확인해 주세요.',
    zero: 'P 뒤에는 숫자만 올 수 있습니다. 영문 O 대신 숫자 0을 입력해 주세요.',
    one: 'P 뒤에는 숫자만 올 수 있습니다. 영문 I나 l 대신 숫자 1을 입력해 주세요.',
    invalid_character: '개인통관고유부호에 쓸 수 없는 문자가 있습니다. P와 숫자 12자리만 입력해 주세요.',
    too_short: '숫자가 부족합니다. P 뒤에 숫자 12자리를 모두 입력해 주세요.',
    too_long: '숫자가 너무 많습니다. P 뒤에는 숫자 12자리만 입력해 주세요.',
  },
  en: {
    empty: 'Enter your personal customs clearance code (P followed by 12 digits).',
    looks_like_rrn: 'This looks like a resident registration number. Do not enter it here; enter your personal customs clearance code, which starts with P.',
    missing_prefix: 'A personal customs clearance code starts with the letter P. Add P before the digits.',
    invalid_prefix: 'A personal customs clearance code must start with the letter P. Check the first letter.',
    zero: 'Only digits may follow the P. Type the digit 0 instead of the letter O.',
    one: 'Only digits may follow the P. Type the digit 1 instead of the letter I or l.',
    invalid_character: 'The code contains a character that cannot be part of it. Enter only P and 12 digits.',
    too_short: 'Too few digits. Enter all 12 digits after the P.',
    too_long: 'Too many digits. Enter exactly 12 digits after the P.',
  },
};

const isDigit = (c) => c >= 0x30 && c <= 0x39;
const isLetter = (c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** validate(input, { locale }) with the same result shape as the wasm. */
export function validate(input, options) {
  const locale = options?.locale?.toLowerCase().startsWith('en') ? 'en' : 'ko';
  const m = MESSAGES[locale];
  let first = -1, firstAt = 0, count = 0, allDigits = true, digits = '';
  for (let i = 0; i < input.length; ) {
    let c = input.codePointAt(i);
    const at = i;
    i += c > 0xffff ? 2 : 1;
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate, as TextEncoder sees it
    if (isDropped(c)) continue;
    if (c === 0x70) c = 0x50;
    if (count === 0 && (c === 0x3154 || c === 0x3156)) c = 0x50; // the Hangul-mode P key, in the first place
    count++;
    if (first < 0) {
      first = c; firstAt = at;
      if (!isDigit(c)) allDigits = false; else digits += String.fromCharCode(c);
      continue;
    }
    if (isDigit(c)) { digits += String.fromCharCode(c); continue; }
    allDigits = false;
    if (first === 0x50) {
      const code = 'invalid_character';
      const message = c === 0x4f || c === 0x6f ? m.zero : c === 0x49 || c === 0x6c ? m.one : m[code];
      return { valid: false, error: { code, message, index: at } };
    }
  }
  if (count === 0) return { valid: false, error: { code: 'empty', message: m.empty } };
  if (allDigits) {
    const mo = +digits.slice(2, 4), d = +digits.slice(4, 6);
    const code = digits.length === 13 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? 'looks_like_rrn' : 'missing_prefix';
    return { valid: false, error: { code, message: m[code] } };
  }
  if (first !== 0x50) {
    if (isLetter(first)) return { valid: false, error: { code: 'invalid_prefix', message: m.invalid_prefix, index: firstAt } };
    if (isDigit(first)) return { valid: false, error: { code: 'missing_prefix', message: m.missing_prefix } };
    return { valid: false, error: { code: 'invalid_character', message: m.invalid_character, index: firstAt } };
  }
  if (digits.length < 12) return { valid: false, error: { code: 'too_short', message: m.too_short, found: digits.length } };
  if (digits.length > 12) return { valid: false, error: { code: 'too_long', message: m.too_long, found: digits.length } };
  return { valid: true, value: 'P' + digits };
}

export const isValid = (input) => validate(input).valid;
