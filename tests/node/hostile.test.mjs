// Hostile and heavy inputs against the build servers run (node.cjs, where hostile input arrives first): clear errors,
// answers for huge inputs, bounded memory. No timing is asserted anywhere. (The memory check has its own file: it
// needs a fresh instance.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeBuild as api } from './builds.mjs';

test('lone surrogates are treated as replacement characters, not crashes', () => {
  for (const s of ['\uD800', 'P12345678901\uDC00', '\uDBFF\uDFFF\uD800P', 'P\uD83D']) {
    const r = api.validatePccc(s);
    assert.equal(r.valid, false);
    assert.ok(['invalid_character', 'invalid_prefix'].includes(r.error.code), r.error.code);
    assert.ok(r.error.index < s.length);
    assert.equal([...api.maskPccc(s)].length, [...api.normalize(s)].length);
    assert.equal(api.isValidPccc(s), false);
  }
});

test('every recipient function answers hostile strings without crashing', () => {
  const nasty = ['\uD800', '\u200B'.repeat(1000), '😀'.repeat(50), '홍\u0000길동', '0'.repeat(100_000), '+'.repeat(500), '가'.repeat(10_000)];
  for (const s of nasty) {
    for (const fn of [api.validatePhone, api.validatePostcode, api.validateName]) {
      const r = fn(s, { locale: 'en' });
      assert.equal(typeof r.valid, 'boolean');
      if (!r.valid) assert.ok(!r.error.message.includes(s.slice(0, 5)) || s.length < 5);
    }
    assert.equal(typeof api.maskPhone(s), 'string');
    assert.equal(typeof api.maskName(s), 'string');
    assert.equal(api.checkRecipient({ name: s, pccc: s, phone: s, postcode: s }).valid, false);
  }
  for (const bad of [null, undefined, 0, {}, [], Symbol('s')]) {
    for (const fn of [api.validatePhone, api.validatePostcode, api.validateName, api.maskPhone, api.maskName]) {
      assert.throws(() => fn(bad), TypeError);
    }
  }
  const big = '010' + '1'.repeat(10 * 1024 * 1024);
  assert.equal(api.validatePhone(big).error.code, 'too_long');
  assert.equal(api.validatePostcode(big).valid, false);
  assert.equal(api.validateName('가'.repeat(1024 * 1024)).error.code, 'too_long');
});

test('the shipped build has no test trap: the test build\'s magic input is just invalid', () => {
  assert.equal(api.validatePccc('\u0001halt').error.code, 'invalid_character');
});

test('a 10 MB string gets a normal answer', () => {
  const n = 10 * 1024 * 1024;
  const big = 'P' + '1'.repeat(n);
  const r = api.validatePccc(big, { locale: 'en' });
  assert.deepStrictEqual(r, { valid: false, error: { code: 'too_long', message: r.error.message, found: n } });
  const invisible = '\u200B'.repeat(n / 2);
  assert.equal(api.validatePccc(invisible).error.code, 'empty');
  assert.equal(api.normalize(invisible), '');
  assert.equal(api.maskPccc(big).length, big.length);
  assert.equal(api.normalizeWithCaret(big, big.length).caret, big.length);
});

test('100,000 calls in a row give the same answers', () => {
  const inputs = ['P123456789012', 'P12345678901', '9001011234567', 'ｐ１２３４５６７８９０１２', 'P12345678901O'];
  const first = inputs.map((s) => JSON.stringify(api.validatePccc(s)));
  for (let i = 0; i < 100_000; i++) {
    const k = i % inputs.length;
    assert.equal(JSON.stringify(api.validatePccc(inputs[k])), first[k]);
  }
});
