// The exact JavaScript result shapes, checked on every build that runs in Node (builds.mjs): node.cjs and index.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { vectors } from './vectors.mjs';

import { BUILDS, DECLARATIONS, nodeBuild, browserBuild as web } from './builds.mjs';

const VECTORS = vectors('pccc_vectors.tsv');

/** What the spec says validate() returns for one vector, built from the vector alone. */
function expectedShape(v, messageOf) {
  if (v.expected.startsWith('valid:')) return { valid: true, value: v.expected.slice('valid:'.length) };
  const error = { code: v.expected, message: messageOf };
  return { valid: false, error };
}

for (const [name, api] of BUILDS) {
  test(`${name}: validate returns exactly the documented shape for every vector`, () => {
    for (const v of VECTORS) {
      const got = validate(api, v.input);
      const want = expectedShape(v, got.error?.message);
      if (!got.valid) {
        // index for positional errors, found for length errors, nothing else.
        if (['invalid_prefix', 'invalid_character'].includes(v.expected)) want.error.index = got.error.index;
        if (['too_short', 'too_long'].includes(v.expected)) want.error.found = got.error.found;
        assert.equal(typeof got.error.message, 'string', `line ${v.line}`);
        assert.ok(got.error.message.length > 10);
        for (const k of ['index', 'found']) if (k in want.error) assert.ok(Number.isInteger(got.error[k]), `line ${v.line}: ${k}`);
      }
      assert.deepStrictEqual(got, want, `line ${v.line} (${v.why})`);
      assert.equal(Object.getPrototypeOf(got), Object.prototype, 'a plain object');
      assert.equal(api.isValidPccc(v.input), v.expected.startsWith('valid:'), `line ${v.line}`);
    }
  });

  test(`${name}: index is the UTF-16 index of the offending character in the original input`, () => {
    for (const [input, index] of [['P12345678901O', 12], ['Ｐ１２#', 3], ['P1😀', 2], ['\u200BA1', 1], ['#P', 0]]) {
      const { error } = api.validatePccc(input);
      assert.equal(error.index, index, input);
      assert.ok(input.codePointAt(error.index) !== undefined);
    }
    assert.equal(api.validatePccc('P12345').error.found, 5);
    assert.equal(api.validatePccc('P1234567890123').error.found, 13);
  });

  test(`${name}: locales and messages`, () => {
    const ko = api.validatePccc('P1').error.message;
    const en = api.validatePccc('P1', { locale: 'en' }).error.message;
    assert.match(ko, /[가-힣]/);
    assert.match(en, /^[\x20-\x7e]+$/);
    assert.equal(api.validatePccc('P1', { locale: 'en-US' }).error.message, en);
    assert.equal(api.validatePccc('P1', { locale: 'ko' }).error.message, ko);
    assert.equal(api.validatePccc('P1', {}).error.message, ko);
    assert.equal(api.validatePccc('P1', undefined).error.message, ko);
    assert.throws(() => api.validatePccc('P1', { locale: 'fr' }), RangeError);
    assert.throws(() => api.validatePccc('P1', { locale: 7 }), TypeError);
    // Tags are read by their primary language subtag, as Locale::from_tag does in Rust.
    for (const tag of ['EN', 'en_US', 'en-GB', 'En-Latn-US']) assert.equal(api.validatePccc('P1', { locale: tag }).error.message, en, tag);
    for (const tag of ['KO', 'ko-KR', 'ko_kr']) assert.equal(api.validatePccc('P1', { locale: tag }).error.message, ko, tag);
    for (const tag of ['', 'english', 'e', 'kor', 'en-', '-en']) {
      if (tag === 'en-') assert.equal(api.validatePccc('P1', { locale: tag }).error.message, en);
      else assert.throws(() => api.validatePccc('P1', { locale: tag }), RangeError, tag);
    }
    // The RRN message does not echo the number.
    const rrn = api.validatePccc('900101-1234567', { locale: 'en' });
    assert.equal(rrn.error.code, 'looks_like_rrn');
    assert.ok(!/\d{3}/.test(rrn.error.message));
  });

  test(`${name}: wrong argument types throw TypeError, never coerce`, () => {
    for (const bad of [null, undefined, 0, 1n, {}, [], true, Symbol('s'), new String('P123456789012')]) {
      for (const fn of [api.validatePccc, api.isValidPccc, api.normalize, api.maskPccc]) {
        assert.throws(() => fn(bad), TypeError, `${fn.name}(${String(typeof bad)})`);
      }
    }
  });

  test(`${name}: mask`, () => {
    assert.equal(api.maskPccc('P123456789012'), 'P********9012');
    assert.equal(api.maskPccc('p1234 5678 9012', { keepStart: 2, keepEnd: 4, maskChar: '•' }), 'P12••••••9012');
    assert.equal(api.maskPccc('P123456789012', { keepEnd: 0 }), 'P************');
    assert.equal(api.maskPccc('9001011234567'), '*************');
    assert.equal(api.maskPccc(''), '');
    assert.throws(() => api.maskPccc('P123456789012', { keepStart: 4, keepEnd: 4 }), (e) => e instanceof Error && e.code === 'mask_reveals_too_much' && /at most/.test(e.message));
    assert.throws(() => api.maskPccc('P123456789012', { maskChar: '1' }), (e) => e.code === 'invalid_mask_char');
    assert.throws(() => api.maskPccc('P123456789012', { maskChar: '' }), RangeError);
    assert.throws(() => api.maskPccc('P123456789012', { keepEnd: -1 }), RangeError);
    assert.throws(() => api.maskPccc('P123456789012', { keepEnd: '4' }), TypeError);
  });

  test(`${name}: normalize and normalizeWithCaret`, () => {
    assert.equal(api.normalize('ｐ１２３ ４\u200B'), 'P1234');
    assert.deepStrictEqual(api.normalizeWithCaret('P 12１3', 5), { value: 'P1213', caret: 4 });
    assert.deepStrictEqual(api.normalizeWithCaret('P1', 100), { value: 'P1', caret: 2 });
    assert.throws(() => api.normalizeWithCaret('P1', -1), RangeError);
    assert.throws(() => api.normalizeWithCaret('P1', '1'), TypeError);
  });
}

test('batch APIs agree with the single-code ones on every vector', () => {
  for (const [, api] of BUILDS) {
    const inputs = VECTORS.map((v) => v.input).filter((s) => !s.includes('\n'));
    const text = inputs.join('\n');
    assert.deepStrictEqual([...api.isValidPcccLines(text)], inputs.map((s) => (api.isValidPccc(s) ? 1 : 0)));
    assert.deepStrictEqual(api.validatePcccLines(text, { locale: 'en' }), inputs.map((s) => api.validatePccc(s, { locale: 'en' })));
    assert.deepStrictEqual([...api.isValidPcccLines('')], [0]);
    assert.throws(() => api.isValidPcccLines(['P123456789012']), TypeError);
    assert.throws(() => api.validatePcccLines(null), TypeError);
  }
});

function validate(api, input) {
  return api.validatePccc(input);
}

test('public type declarations have no `any`', () => {
  for (const dir of DECLARATIONS) {
    const dts = readFileSync(new URL(`../../pkg/${dir}`, import.meta.url), 'utf8');
    assert.doesNotMatch(dts.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, ''), /\bany\b/, dir);
    assert.match(dts, /export function validatePccc\(input: string, options\?: ValidateOptions \| null\): PcccResult;/);
  }
});

test('TypeScript consumers type-check in strict mode against the package', () => {
  const tsc = new URL('../../node_modules/typescript/bin/tsc', import.meta.url).pathname;
  const project = new URL('../types/tsconfig.json', import.meta.url).pathname;
  execFileSync(process.execPath, [tsc, '-p', project], { stdio: 'pipe' });
});
