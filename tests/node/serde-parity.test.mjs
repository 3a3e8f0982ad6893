// The Rust `serde` feature against the JavaScript API, byte for byte: the same requests (every vector in
// tests/data/*.tsv, hostile strings, whole recipients; in Korean and English) go to the Node build and to
// examples/json_results.rs, and JSON.stringify of each JavaScript result must equal the line Rust printed.
// A Rust service that answers with the serialised types therefore sends exactly what the browser shows.
import { test } from 'node:test';
import { FIELDS as CONTRACT_FIELDS } from '../../js/api/contract.js';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { vectors } from './vectors.mjs';

// The Node entry point of the package, the only path to change when the build moves.
const NODE_ENTRY = '../../pkg/node.cjs';

const api = createRequire(import.meta.url)(NODE_ENTRY);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// Every field of the descriptor generated from Rust, with its vectors.
const FIELDS = Object.keys(CONTRACT_FIELDS).map((name) => [
  `validate${name[0].toUpperCase()}${name.slice(1)}`,
  `${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_vectors.tsv`,
]);

// Strings that are nobody's format: long, invisible, astral (UTF-16 indices differ from code points), control
// characters, other scripts' digits, and an RRN in every field. Lone surrogates are left out: JSON between the
// two programs cannot carry them (the JavaScript API reads them as U+FFFD, see hostile.test.mjs).
const HOSTILE = [
  '',
  ' ',
  '\u0000',
  '\u0000P123456789012',
  'P123456789012\u0000',
  '\u001f\u007f',
  '\u202eP123456789012',
  '\ufeffP123456789012',
  '😀',
  '😀P123456789012',
  'P12😀3456789012',
  'P123456789012😀',
  '홍😀길동',
  '𝐏123456789012',
  'P١٢٣٤٥٦٧٨٩٠١٢',
  'Р123456789012',
  'P' + '1'.repeat(100_000),
  '0'.repeat(100_000),
  '+'.repeat(1000),
  '\u200b'.repeat(5000),
  '가'.repeat(10_000),
  'a'.repeat(10_000),
  '900101-1234567',
  '9001011234567',
  '+82 900101-1234567',
  '"quoted" \\ back\\slash\n\r\t',
  'e\u0301',
  '\u1112\u1169\u11bc',
  'ﾎﾝ',
];

/** Every request, in order: [fn, input, locale]. */
function requests() {
  const out = [];
  for (const locale of ['ko', 'en']) {
    for (const [fn, file] of FIELDS) {
      for (const v of vectors(file)) out.push([fn, v.input, locale]);
      for (const s of HOSTILE) out.push([fn, s, locale]);
    }
    const names = vectors('name_vectors.tsv').map((v) => v.input);
    const codes = vectors('pccc_vectors.tsv').map((v) => v.input);
    const phones = vectors('phone_vectors.tsv').map((v) => v.input);
    const postcodes = vectors('postcode_vectors.tsv').map((v) => v.input);
    const n = Math.max(names.length, codes.length, phones.length, postcodes.length);
    for (let i = 0; i < n; i++) {
      const fields = {
        name: names[i % names.length],
        pccc: codes[(i * 7) % codes.length],
        phone: phones[(i * 3) % phones.length],
        postcode: postcodes[(i * 5) % postcodes.length],
      };
      out.push(['checkRecipient', fields, locale]);
    }
    out.push(['checkRecipient', {}, locale]);
    out.push(['checkRecipient', { pccc: 'P123456789012' }, locale]);
    out.push(['checkRecipient', { name: '홍길동', pccc: 'P123456789012', phone: '010-1234-5678', postcode: '03154' }, locale]);
    out.push(['checkRecipient', { name: HOSTILE[12], pccc: HOSTILE[16], phone: HOSTILE[22], postcode: HOSTILE[9] }, locale]);
  }
  return out;
}

test('the Rust serialisation equals JSON.stringify of the JavaScript API, byte for byte', () => {
  const all = requests();
  const input = all.map(([fn, input, locale]) => JSON.stringify({ fn, input, locale })).join('\n') + '\n';
  const rust = execFileSync('cargo', ['run', '--quiet', '--example', 'json_results', '--features', 'serde'], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  }).split('\n');
  assert.equal(rust.pop(), '', 'output ends with a newline');
  assert.equal(rust.length, all.length, 'one line per request');
  let fields = 0;
  for (let i = 0; i < all.length; i++) {
    const [fn, input, locale] = all[i];
    const js = JSON.stringify(api[fn](input, { locale }));
    if (js !== rust[i]) {
      const shown = typeof input === 'string' ? JSON.stringify(input.slice(0, 40)) : JSON.stringify(input).slice(0, 120);
      assert.fail(`${fn}(${shown}, ${locale}):\n  js:   ${js.slice(0, 400)}\n  rust: ${rust[i].slice(0, 400)}`);
    }
    fields += fn === 'checkRecipient' ? 4 : 1;
  }
  assert.ok(fields > 1000, `${fields} field results compared`);
});
