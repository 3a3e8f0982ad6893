// Compiles only if the published types are precise: the result is a discriminated union, codes are a closed set.
import { validatePccc, isValidPccc, maskPccc, normalize, normalizeWithCaret } from '../../pkg/index.js';
import type { PcccErrorCode, PcccResult } from '../../pkg/index.js';

const result: PcccResult = validatePccc('P123456789012', { locale: 'en' });
if (result.valid) {
  const value: string = result.value;
  // @ts-expect-error: a valid result has no error
  result.error;
  void value;
} else {
  const code: PcccErrorCode = result.error.code;
  const index: number | undefined = result.error.index;
  // @ts-expect-error: codes are a closed set
  const wrong: 'not_a_code' = result.error.code;
  void code, index, wrong;
}
const ok: boolean = isValidPccc('P123456789012');
const masked: string = maskPccc('P123456789012', { keepStart: 2, maskChar: '•' });
// @ts-expect-error: keepStart is a number
maskPccc('P123456789012', { keepStart: '2' });
const n: string = normalize('ｐ1');
const { value, caret }: { value: string; caret: number } = normalizeWithCaret('P1', 2);
// @ts-expect-error: the input must be a string
validatePccc(42);
void ok, masked, n, value, caret;
