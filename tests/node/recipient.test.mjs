// The recipient-field functions (validatePhone, validatePostcode, validateName, checkRecipient, maskPhone,
// maskName) as JavaScript users import them: every build that runs in Node (builds.mjs), plus the published
// TypeScript types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { FIELD_NAMES, fieldVectors, pascal } from './vectors.mjs';
import { FIELDS, RECIPIENT } from '../../js/api/contract.js';

import { BUILDS, DECLARATIONS, nodeBuild, browserBuild as web } from './builds.mjs';

/** [function, field, keys of a valid result besides `valid`] for every field of the registry. */
const CASES = FIELD_NAMES.map((name) => [`validate${pascal(name)}`, name, FIELDS[name].display ? ['value', 'display'] : ['value']]);

const VALID = { name: '홍길동', pccc: 'P123456789012', phone: '010-1234-5678', postcode: '03154' };

/**
 * The documented shape of a result for one vector, built from the vector alone (message, index, found copied; which
 * errors carry an index is the Rust side's, compared byte for byte in serde-parity.test.mjs).
 */
function expectedShape(v, got) {
  if (v.expected.startsWith('valid:')) {
    const want = { valid: true, value: v.expected.slice('valid:'.length) };
    if ('display' in got) want.display = got.display;
    return want;
  }
  const error = { code: v.expected, message: got.error?.message };
  if (got.error && 'index' in got.error) error.index = got.error.index;
  if (['too_short', 'too_long'].includes(v.expected)) error.found = got.error?.found;
  return { valid: false, error };
}

for (const [name, api] of BUILDS) {
  test(`${name}: every vector gives exactly the documented shape`, () => {
    for (const [fn, file, validKeys] of CASES) {
      for (const v of fieldVectors(file)) {
        const got = api[fn](v.input);
        assert.deepStrictEqual(got, expectedShape(v, got), `${fn} ${file}:${v.line} (${v.why})`);
        assert.equal(Object.getPrototypeOf(got), Object.prototype, 'a plain object');
        if (got.valid) {
          assert.deepStrictEqual(Object.keys(got).sort(), ['valid', ...validKeys].sort());
        } else {
          assert.ok(got.error.message.length > 10, `${file}:${v.line}`);
          for (const k of ['index', 'found']) {
            if (k in got.error) assert.ok(Number.isInteger(got.error[k]) && got.error[k] >= 0, `${file}:${v.line}: ${k}`);
          }
          if ('index' in got.error) assert.ok(got.error.index < v.input.length, `${file}:${v.line}: index in range`);
        }
      }
    }
  });

  test(`${name}: validatePhone gives the digits and the display form`, () => {
    for (const input of ['010-1234-5678', '+82 10-1234-5678', '+82-(0)10-1234-5678', '010.1234.5678', '０１０１２３４５６７８']) {
      assert.deepStrictEqual(api.validatePhone(input), { valid: true, value: '01012345678', display: '010-1234-5678' }, input);
    }
    assert.deepStrictEqual(api.validatePhone('011-123-4567'), { valid: true, value: '0111234567', display: '011-123-4567' });
    const safe = api.validatePhone('0504-1234-5678', { locale: 'en' });
    assert.equal(safe.error.code, 'virtual_number');
    assert.match(safe.error.message, /UNI-PASS never matches/);
    assert.equal(api.validatePhone('02-123-4567').error.code, 'landline_number');
    assert.equal(api.validatePhone('070-1234-5678').error.code, 'voip_number');
    assert.deepStrictEqual(api.validatePhone('010-1234-567X').error.index, 12);
    assert.deepStrictEqual(api.validatePhone('📞010').error.index, 0);
    assert.deepStrictEqual(api.validatePhone('0😀1').error.index, 1);
    assert.equal(api.validatePhone('010-1234').error.found, 7);
  });

  test(`${name}: validateName and validatePostcode`, () => {
    assert.deepStrictEqual(api.validateName('  홍  길동 '), { valid: true, value: '홍 길동' });
    assert.deepStrictEqual(api.validateName('Ｍａｒｙ O’Neil'), { valid: true, value: 'Mary O\'Neil' });
    assert.equal(api.validateName('홍길동😀').error.index, 3);
    assert.equal(api.validateName('홍Gildong').error.code, 'mixed_scripts');
    assert.match(api.validateName('', { locale: 'en' }).error.message, /registered English name/);
    assert.deepStrictEqual(api.validatePostcode(' ０３１５４ '), { valid: true, value: '03154' });
    const old = api.validatePostcode('123-456', { locale: 'en' });
    assert.deepStrictEqual(old.error, { code: 'old_postcode', message: 'This is an old 6-digit postcode; look up the new 5-digit one.' });
  });

  test(`${name}: locales and messages that never echo the input`, () => {
    for (const [fn, input] of [['validatePhone', '0504-1234-5678'], ['validatePostcode', '123-456'], ['validateName', '홍Gildong']]) {
      const ko = api[fn](input).error.message;
      const en = api[fn](input, { locale: 'en-US' }).error.message;
      assert.match(ko, /[가-힣]/);
      assert.match(en, /^[\x20-\x7e]+$/);
      assert.equal(api[fn](input, { locale: 'ko-KR' }).error.message, ko);
      assert.ok(!ko.includes(input) && !en.includes(input));
      assert.throws(() => api[fn](input, { locale: 'fr' }), RangeError);
      assert.throws(() => api[fn](input, { locale: 1 }), TypeError);
    }
    for (const fn of ['validatePhone', 'validatePostcode', 'validateName']) {
      const r = api[fn]('900101-1234567', { locale: 'en' });
      assert.equal(r.error.code, 'looks_like_rrn', fn);
      assert.ok(!/\d{4}/.test(r.error.message), fn);
    }
  });

  test(`${name}: checkRecipient`, () => {
    const ok = api.checkRecipient(VALID);
    assert.deepStrictEqual(ok, {
      valid: true,
      fields: {
        name: { valid: true, value: '홍길동' },
        pccc: { valid: true, value: 'P123456789012' },
        phone: { valid: true, value: '01012345678', display: '010-1234-5678' },
        postcode: { valid: true, value: '03154' },
      },
    });
    // Each field's result is the one its own function gives.
    const messy = { name: '홍Gildong', pccc: 'P1234', phone: '0504-1234-5678', postcode: '123-456' };
    const r = api.checkRecipient(messy, { locale: 'en' });
    assert.equal(r.valid, false);
    assert.deepStrictEqual(r.fields, {
      name: api.validateName(messy.name, { locale: 'en' }),
      pccc: api.validatePccc(messy.pccc, { locale: 'en' }),
      phone: api.validatePhone(messy.phone, { locale: 'en' }),
      postcode: api.validatePostcode(messy.postcode, { locale: 'en' }),
    });
    // Missing fields are empty.
    const empty = api.checkRecipient({});
    assert.deepStrictEqual(Object.values(empty.fields).map((f) => f.error.code), ['empty', 'empty', 'empty', 'empty']);
    assert.equal(api.checkRecipient({ ...VALID, phone: undefined }).fields.phone.error.code, 'empty');
    // An RRN typed into any field is that field's looks_like_rrn, and only that field's.
    for (const field of Object.keys(VALID)) {
      const got = api.checkRecipient({ ...VALID, [field]: '９００１０１-１２３４５６７' });
      assert.equal(got.valid, false);
      for (const [k, result] of Object.entries(got.fields)) {
        assert.equal(result.valid ? null : result.error.code, k === field ? 'looks_like_rrn' : null, `${field} -> ${k}`);
      }
    }
  });

  test(`${name}: wrong argument types throw TypeError, never coerce`, () => {
    for (const bad of [null, undefined, 0, 1n, {}, [], true, Symbol('s'), new String('01012345678')]) {
      for (const fn of ['validatePhone', 'validatePostcode', 'validateName', 'maskPhone', 'maskName']) {
        assert.throws(() => api[fn](bad), TypeError, `${fn}(${typeof bad})`);
      }
    }
    for (const bad of [null, undefined, 'text', 1, [], true]) {
      assert.throws(() => api.checkRecipient(bad), TypeError, `checkRecipient(${JSON.stringify(bad)})`);
    }
    for (const bad of [null, 1, {}, ['x'], true]) {
      assert.throws(() => api.checkRecipient({ ...VALID, name: bad }), TypeError, `name: ${JSON.stringify(bad)}`);
    }
    assert.throws(() => api.validatePhone('010', 'en'), TypeError);
  });

  test(`${name}: maskPhone and maskName`, () => {
    assert.equal(api.maskPhone('010-1234-5678'), '010-1234-****');
    assert.equal(api.maskPhone('+82 11 123 4567'), '011-123-****');
    assert.equal(api.maskPhone('01012345678', { keepStart: 3, keepEnd: 4 }), '010-****-5678');
    assert.equal(api.maskPhone('01012345678', { keepStart: 0, keepEnd: 4, maskChar: '•' }), '***-****-5678'.replaceAll('*', '•'));
    assert.equal(api.maskPhone('0504-1234-5678'), '************');
    assert.equal(api.maskPhone(''), '');
    assert.throws(() => api.maskPhone('01012345678', { keepStart: 7, keepEnd: 4 }), (e) => e instanceof Error && e.code === 'mask_reveals_too_much');
    assert.throws(() => api.maskPhone('01012345678', { keepStart: 8 }), (e) => e.code === 'mask_reveals_too_much');
    assert.throws(() => api.maskPhone('01012345678', { maskChar: '1' }), (e) => e.code === 'invalid_mask_char');
    assert.throws(() => api.maskPhone('01012345678', { maskChar: '' }), RangeError);
    assert.throws(() => api.maskPhone('01012345678', { keepEnd: -1 }), RangeError);
    assert.throws(() => api.maskPhone('01012345678', { keepEnd: '4' }), TypeError);

    assert.equal(api.maskName('홍길동'), '홍*동');
    assert.equal(api.maskName('김구'), '김*');
    assert.equal(api.maskName('남궁 민수'), '남**수');
    assert.equal(api.maskName('John Smith'), 'J*** S****');
    assert.equal(api.maskName('Mary-Jane O’Neil', { maskChar: '•' }), 'M•••-•••• O\'••••');
    assert.equal(api.maskName('홍길동2'), '****');
    assert.throws(() => api.maskName('홍길동', { maskChar: ' ' }), (e) => e.code === 'invalid_mask_char');
    assert.throws(() => api.maskName('홍길동', { maskChar: '••' }), RangeError);
    assert.throws(() => api.maskName('홍길동', '*'), TypeError);
  });
}

test('the builds agree with each other on every vector', () => {
  for (const [fn, file] of CASES) {
    for (const v of fieldVectors(file)) {
      assert.deepStrictEqual(nodeBuild[fn](v.input, { locale: 'en' }), web[fn](v.input, { locale: 'en' }), `${fn} ${file}:${v.line}`);
    }
  }
  assert.deepStrictEqual(nodeBuild.checkRecipient(VALID), web.checkRecipient(VALID));
});

test('type declarations: exact signatures and closed code unions, no `any`', () => {
  for (const dir of DECLARATIONS) {
    const dts = readFileSync(new URL(`../../pkg/${dir}`, import.meta.url), 'utf8');
    const signatures = FIELD_NAMES.flatMap((name) => {
      const p = pascal(name);
      return [
        `export function validate${p}(input: string, options?: ValidateOptions | null): ${p}Result;`,
        `export function isValid${p}(input: string): boolean;`,
        ...(FIELDS[name].mask ? [`export function mask${p}(input: string, options?: ${p}MaskOptions | null): string;`] : []),
      ];
    });
    signatures.push('export function checkRecipient(fields: RecipientFields, options?: ValidateOptions | null): RecipientResult;');
    for (const signature of signatures) assert.ok(dts.includes(signature), `${dir}: ${signature}`);
    for (const name of FIELD_NAMES) assert.match(dts, new RegExp(`export type ${pascal(name)}ErrorCode =`), dir);
    for (const name of RECIPIENT) assert.match(dts, new RegExp(`export interface RecipientFields \\{[^}]*\\b${name}\\?: string;`), dir);
    // This API's part of the declarations: the type section and each function with its JSDoc.
    const section = dts.slice(dts.indexOf('export type FieldName'), dts.indexOf('}', dts.indexOf('export interface NameMaskOptions')) + 1);
    assert.ok(section.length > 1000, dir);
    const named = FIELD_NAMES.flatMap((name) => [`validate${pascal(name)}`, ...(FIELDS[name].mask ? [`mask${pascal(name)}`] : [])]);
    const functions = [...named, 'checkRecipient'].map(
      (fn) => dts.match(new RegExp(`/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/\\s*export function ${fn}\\(.*`))[0],
    );
    for (const part of [section, ...functions]) {
      // Prose in comments may say "any"; types may not.
      assert.doesNotMatch(part.replace(/\/\*[\s\S]*?\*\//g, ''), /\bany\b/, `${dir}: ${part.slice(0, 80)}`);
    }
  }
});

test('TypeScript consumers of the recipient API type-check in strict mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pccc-guard-types-'));
  try {
    const pkg = new URL('../../pkg/index.js', import.meta.url).pathname;
    writeFileSync(join(dir, 'consumer.ts'), `
import { validatePhone, validatePostcode, validateName, checkRecipient, maskPhone, maskName } from ${JSON.stringify(pkg)};
import type { PhoneErrorCode, NameErrorCode, PostcodeErrorCode, RecipientResult } from ${JSON.stringify(pkg)};

const phone = validatePhone('010-1234-5678', { locale: 'en' });
if (phone.valid) {
  const digits: string = phone.value;
  const display: string = phone.display;
  void digits, display;
} else {
  const code: PhoneErrorCode = phone.error.code;
  const index: number | undefined = phone.error.index;
  // @ts-expect-error: phone codes are a closed set
  const wrong: 'missing_prefix' = phone.error.code;
  void code, index, wrong;
}
const postcode = validatePostcode('03154');
if (!postcode.valid) { const code: PostcodeErrorCode = postcode.error.code; void code; }
const name = validateName('홍길동');
if (!name.valid) { const code: NameErrorCode = name.error.code; void code; }
// @ts-expect-error: a valid name result has no display form
if (name.valid) name.display;
const report: RecipientResult = checkRecipient({ name: '홍길동', phone: '01012345678' });
const ok: boolean = report.valid;
if (report.fields.phone.valid) { const d: string = report.fields.phone.display; void d; }
if (!report.fields.pccc.valid) { const c: 'missing_prefix' | string = report.fields.pccc.error.code; void c; }
// @ts-expect-error: field values are strings
checkRecipient({ name: 1 });
// @ts-expect-error: unknown fields are refused
checkRecipient({ nmae: '홍길동' });
const m1: string = maskPhone('01012345678', { keepStart: 3, keepEnd: 4, maskChar: '•' });
const m2: string = maskName('홍길동', { maskChar: '•' });
// @ts-expect-error: a name mask has no keepStart
maskName('홍길동', { keepStart: 1 });
// @ts-expect-error: the input must be a string
validatePhone(1012345678);
void ok, m1, m2;
`);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ES2022', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], skipLibCheck: false },
      files: ['consumer.ts'],
    }));
    const tsc = new URL('../../node_modules/typescript/bin/tsc', import.meta.url).pathname;
    try {
      execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { stdio: 'pipe' });
    } catch (e) {
      assert.fail(String(e.stdout));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
