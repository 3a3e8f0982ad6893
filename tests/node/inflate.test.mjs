// The classic script's inflater (js/inflate.js) against zlib: dynamic-Huffman blocks of every kind of content, the
// shipped module itself, the block types it refuses, and damaged input, which must throw (never hang).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { deflateRawSync, constants } from 'node:zlib';
import { inflate, pack } from '../../js/inflate.js';

/** Deterministic pseudo-random bytes (xorshift), some runs compressible, some not. */
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

const round = (input, options) => {
  const packed = pack(deflateRawSync(input, options));
  assert.deepEqual(inflate(packed, input.length), new Uint8Array(input));
};

test('dynamic-Huffman blocks decode to what zlib compressed', () => {
  for (const [n, seed] of [[4096, 4], [70_000, 5], [200_000, 6]]) {
    const input = bytes(n, seed);
    round(input, { level: 9, memLevel: 9 });
    round(input, { level: 1, strategy: constants.Z_HUFFMAN_ONLY });
    round(input, { level: 6, strategy: constants.Z_RLE });
  }
  // Long matches at the largest distances and the 258-byte length code.
  const repeated = new Uint8Array(100_000);
  for (let i = 0; i < repeated.length; i++) repeated[i] = i % 32_000 < 16 ? 0 : (i * 7) & 255;
  round(repeated, { level: 9 });
  round(new Uint8Array(5000).fill(42), { level: 9 });
});

test('stored and fixed-Huffman blocks, which the build never inlines, throw rather than decode', () => {
  const input = bytes(4096, 8);
  assert.throws(() => inflate(pack(deflateRawSync(input, { level: 0 })), input.length), /inlined module is damaged/);
  assert.throws(() => inflate(pack(deflateRawSync(input, { level: 9, strategy: constants.Z_FIXED })), input.length), /inlined module is damaged/);
});

const MODULE = new URL('../../pkg/web/pccc-guard-fields.wasm', import.meta.url);
test('the shipped fields module decodes byte for byte', { skip: !existsSync(MODULE) && 'run `make build` first' }, () => {
  round(readFileSync(MODULE), { level: 9, memLevel: 9 });
});

test('the text is six bits a character from 64 characters, no backslash or quote, and comes back', () => {
  const input = bytes(10_000, 9);
  const text = pack(input);
  assert.equal(text.length, Math.ceil((input.length * 8) / 6));
  assert.equal(new Set(text).size, 64);
  assert.match(text, /^[>-[\]-~]*$/);
  assert.equal(JSON.stringify(text).length, text.length + 2); // nothing to escape in a string literal
});

test('damaged input throws a clear error instead of returning bytes', () => {
  const input = bytes(20_000, 7);
  const packed = pack(deflateRawSync(input, { level: 9 }));
  assert.throws(() => inflate(packed.slice(0, packed.length >> 1), input.length), /inlined module is damaged/);
  assert.throws(() => inflate(packed, input.length - 1), /inlined module is damaged/);
  assert.throws(() => inflate(packed, input.length + 1), /inlined module is damaged/);
  assert.throws(() => inflate(pack(new Uint8Array([0x07])), 10), /inlined module is damaged/); // reserved block type
  assert.throws(() => inflate('', 0), /inlined module is damaged/);
  assert.throws(() => inflate(`${packed.slice(0, 100)}\\${packed.slice(101)}`, input.length), /inlined module is damaged/);
  assert.throws(() => inflate(`${packed.slice(0, 100)}é${packed.slice(101)}`, input.length), /inlined module is damaged/);
  // Every single-character change either throws or still decodes to 20,000 bytes; it never hangs.
  let threw = 0;
  for (let i = 0; i < packed.length; i += 97) {
    const broken = packed.slice(0, i) + String.fromCharCode(((packed.charCodeAt(i) - 62 + 17) % 30) + 62) + packed.slice(i + 1);
    try {
      assert.equal(inflate(broken, input.length).length, input.length);
    } catch (error) {
      assert.match(error.message, /inlined module is damaged/);
      threw++;
    }
  }
  assert.ok(threw > 0);
});
