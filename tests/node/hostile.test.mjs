// Hostile and heavy inputs against a shipped build: clear errors, answers for huge inputs, bounded memory.
// No timing is asserted anywhere. (The memory check has its own file: it needs a fresh instance.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const api = await import('../../pkg-web/pccc_guard.js');
api.initSync({ module: readFileSync(new URL('../../pkg-web/pccc_guard_bg.wasm', import.meta.url)) });

test('lone surrogates are treated as replacement characters, not crashes', () => {
  for (const s of ['\uD800', 'P12345678901\uDC00', '\uDBFF\uDFFF\uD800P', 'P\uD83D']) {
    const r = api.validate(s);
    assert.equal(r.valid, false);
    assert.ok(['invalid_character', 'invalid_prefix'].includes(r.error.code), r.error.code);
    assert.ok(r.error.index < s.length);
    assert.equal([...api.mask(s)].length, [...api.normalize(s)].length);
    assert.equal(api.isValid(s), false);
  }
});

test('a 10 MB string gets a normal answer', () => {
  const n = 10 * 1024 * 1024;
  const big = 'P' + '1'.repeat(n);
  const r = api.validate(big, { locale: 'en' });
  assert.deepStrictEqual(r, { valid: false, error: { code: 'too_long', message: r.error.message, found: n } });
  const invisible = '\u200B'.repeat(n / 2);
  assert.equal(api.validate(invisible).error.code, 'empty');
  assert.equal(api.normalize(invisible), '');
  assert.equal(api.mask(big).length, big.length);
  assert.equal(api.normalizeWithCaret(big, big.length).caret, big.length);
});

test('100,000 calls in a row give the same answers', () => {
  const inputs = ['P123456789012', 'P12345678901', '9001011234567', 'ｐ１２３４５６７８９０１２', 'P12345678901O'];
  const first = inputs.map((s) => JSON.stringify(api.validate(s)));
  for (let i = 0; i < 100_000; i++) {
    const k = i % inputs.length;
    assert.equal(JSON.stringify(api.validate(inputs[k])), first[k]);
  }
});
