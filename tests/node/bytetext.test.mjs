// The classic script's packing of its inlined module (js/runtime/bytetext.js): every byte value and the shipped module come
// back byte for byte, the text stays inside its alphabet (a string literal without escapes, safe inline in HTML),
// each byte value is always the same characters, and damaged text or tables throw (never hang, never give bytes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { packBytes, unpackBytes } from '../../js/runtime/bytetext.js';

/** Deterministic pseudo-random bytes (xorshift), some stretches from a few values only, some from all 256. */
function bytes(n, seed) {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = (x >>> 0) % ((i >> 9) % 3 === 0 ? 256 : 7);
  }
  return out;
}

const round = (input) => {
  const { text, table } = packBytes(input);
  assert.deepEqual(unpackBytes(text, table, input.length), new Uint8Array(input));
  return { text, table };
};

test('every byte value, in any frequency order, comes back', () => {
  for (const [n, seed] of [[1, 1], [256, 2], [4096, 3], [70_000, 4]]) round(bytes(n, seed));
  round(Uint8Array.from({ length: 256 }, (_, i) => 255 - i));
  round(new Uint8Array(5000).fill(255));
  round(new Uint8Array(0));
});

test('the text uses printable ASCII without quote, backslash or <, one or two characters a byte, the same for each value', () => {
  const input = bytes(20_000, 9);
  const { text, table } = round(input);
  assert.match(text, /^[\x20-\x7e]*$/);
  assert.doesNotMatch(text, /["\\<]/);
  assert.match(table, /^[0-9a-f]{180}$/);
  assert.ok(text.length >= input.length && text.length <= 2 * input.length);
  // The most frequent value is one character; the same value packs the same wherever it stands.
  const counts = new Array(256).fill(0);
  for (const b of input) counts[b]++;
  const top = counts.indexOf(Math.max(...counts));
  assert.equal(packBytes(Uint8Array.of(top, ...input)).text.slice(0, 1), packBytes(Uint8Array.of(...input, top)).text.slice(-1));
  assert.equal(table.slice(0, 2), top.toString(16).padStart(2, '0'));
});

test('the shipped module comes back, and is packed in about half the characters hex would take', { skip: !existsSync('pkg/web/pccc-guard-fields.wasm') && 'needs make build' }, () => {
  const module = readFileSync('pkg/web/pccc-guard-fields.wasm');
  const { text } = round(module);
  assert.ok(text.length < 1.2 * module.length, `${text.length} characters for ${module.length} bytes`);
});

test('damaged text or table throws', () => {
  const input = bytes(3000, 11);
  const { text, table } = round(input);
  const damaged = /inlined module is damaged/;
  assert.throws(() => unpackBytes(text, table, input.length - 1), damaged);
  assert.throws(() => unpackBytes(text, table, input.length + 1), damaged);
  assert.throws(() => unpackBytes(text.slice(0, text.length >> 1), table, input.length), damaged);
  assert.throws(() => unpackBytes('', table, 1), damaged);
  for (const bad of ['\\', '"', '<', 'é', '\n', '\u0000', '가']) {
    assert.throws(() => unpackBytes(`${text.slice(0, 100)}${bad}${text.slice(101)}`, table, input.length), damaged, JSON.stringify(bad));
  }
  // A prefix character as the last one (its second character missing), and codes past rank 255.
  assert.throws(() => unpackBytes(' ', table, 1), damaged);
  assert.throws(() => unpackBytes('!~', table, 1), damaged);
  // Tables: too short, not hex, a value twice.
  assert.throws(() => unpackBytes(text, table.slice(2), input.length), damaged);
  assert.throws(() => unpackBytes(text, `zz${table.slice(2)}`, input.length), damaged);
  assert.throws(() => unpackBytes(text, `${table.slice(2, 4)}${table.slice(2)}`, input.length), damaged);
});

test('any one character changed either throws or gives bytes of the right length', () => {
  const input = bytes(2000, 12);
  const { text, table } = round(input);
  for (let at = 0; at < text.length; at += 37) {
    for (const c of [' ', '!', '#', '~', 'A']) {
      const broken = text.slice(0, at) + c + text.slice(at + 1);
      try {
        assert.equal(unpackBytes(broken, table, input.length).length, input.length);
      } catch (error) {
        assert.match(error.message, /inlined module is damaged/);
      }
    }
  }
});
