// pccc-guard/text in Node (text.node.cjs, the module optimised for speed, and text.js, the one bundlers get): the
// result shapes, UTF-16 offsets across astral characters and Hangul, findings past one call's block, redact's
// agreement with findSensitive, and argument errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const BUILDS = [
  ['text.node.cjs', createRequire(import.meta.url)('../../pkg/text.node.cjs')],
  ['text.js', await import('../../pkg/text.js')],
];

const MEMO = '😀 문 앞에 두세요. 통관부호 P1234-5678-9012, 연락 +82 10-1234-5678 / 주민 900101-1234567 끝';

for (const [name, t] of BUILDS) {
  test(`${name}: findings are { kind, start, end } in UTF-16 offsets, in order`, async () => {
    await t.ready;
    const found = t.findSensitive(MEMO);
    assert.deepEqual(found.map((f) => [f.kind, MEMO.slice(f.start, f.end)]), [
      ['pccc', 'P1234-5678-9012'],
      ['phone', '+82 10-1234-5678'],
      ['rrn', '900101-1234567'],
    ]);
    for (const f of found) assert.deepEqual(Object.keys(f), ['kind', 'start', 'end']);
    assert.deepEqual(t.findSensitive(MEMO, { kinds: ['rrn'] }).map((f) => f.kind), ['rrn']);
    assert.deepEqual(t.findSensitive('주문번호 ORD-20261129-0001, 송장 123456789012345'), []);
  });

  test(`${name}: redact masks exactly what findSensitive finds, keeping the text's shape and length`, () => {
    const out = t.redact(MEMO);
    assert.equal(out, '😀 문 앞에 두세요. 통관부호 P****-****-9012, 연락 +82 10-1234-**** / 주민 ******-******* 끝');
    assert.equal(out.length, MEMO.length);
    assert.equal(t.redact(MEMO, { kinds: ['pccc'], maskChar: '•', pccc: { keepStart: 2, keepEnd: 4 } }),
      '😀 문 앞에 두세요. 통관부호 P12••-••••-9012, 연락 +82 10-1234-5678 / 주민 900101-1234567 끝');
    assert.equal(t.redact(MEMO, { phone: { keepStart: 0, keepEnd: 4 } }).includes('+82 **-****-5678'), true);
    const nothing = '문 앞에 놔주세요';
    assert.equal(t.redact(nothing), nothing);
  });

  test(`${name}: more findings than one call's block are all found, with their offsets`, () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${'가'.repeat(i % 5)}😀 010-${String(1000 + i)}-5678`);
    const text = lines.join('\n');
    const found = t.findSensitive(text);
    assert.equal(found.length, 200);
    for (const [i, f] of found.entries()) assert.equal(text.slice(f.start, f.end), `010-${1000 + i}-5678`);
    assert.equal(t.redact(text).split('\n').every((l, i) => l === lines[i].replace(/5678$/, '****')), true);
  });

  test(`${name}: wrong arguments throw TypeError or RangeError, refused policies an Error with a code`, () => {
    assert.throws(() => t.findSensitive(42), TypeError);
    assert.throws(() => t.findSensitive('x', { kinds: 'pccc' }), TypeError);
    assert.throws(() => t.findSensitive('x', { kinds: ['email'] }), RangeError);
    assert.throws(() => t.redact('x', { pccc: { keepEnd: 1.5 } }), RangeError);
    assert.throws(() => t.redact('x', { maskChar: '**' }), RangeError);
    assert.throws(() => t.redact('x', { pccc: 'all' }), TypeError);
    for (const [options, code] of [[{ pccc: { keepStart: 4, keepEnd: 4 } }, 'mask_reveals_too_much'], [{ maskChar: '0' }, 'invalid_mask_char']]) {
      assert.throws(() => t.redact('P123456789012', options), (e) => e.constructor === Error && e.code === code && /^pccc-guard: /.test(e.message));
    }
  });
}

test('both builds agree on a mixed corpus', () => {
  const [[, a], [, b]] = BUILDS;
  const corpus = [MEMO, 'ｐ１２３４ ５６７８ ９０１２', '(010) 1234-5678', '0082 10 1234 5678', '\uD800 P123456789012 \uDFFF', 'x'.repeat(10_000) + ' 010-1234-5678'];
  for (const s of corpus) {
    assert.deepEqual(a.findSensitive(s), b.findSensitive(s), s.slice(0, 40));
    assert.equal(a.redact(s), b.redact(s));
  }
});
