// The fields module compiled to JavaScript (pccc-guard-fields.wasm.js) against the WebAssembly it is compiled from:
// the same answers. Every vector of every field, in both locales, through node.cjs with WebAssembly and through
// node.cjs in a process where `WebAssembly` was deleted before the package loaded (its fallback); then a
// differential run of 1,000,000 random strings, each through every field's check, the mask and the caret
// normalisation (both processes at once), compared chunk by chunk; and an input large enough to grow the module's memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { FIELD_NAMES, fieldVectors, pascal } from './vectors.mjs';
import { FIELDS, MASK_DEFAULTS } from '../../js/api/contract.js';

const NODE_CJS = fileURLToPath(new URL('../../pkg/node.cjs', import.meta.url));
const STRINGS = 1_000_000;
const CHUNK = 50_000;
// Every field's named functions, from the registry: its validate function, and its mask with an explicit policy.
const VALIDATE = FIELD_NAMES.map((name) => `validate${pascal(name)}`);
const MASKS = FIELD_NAMES.filter((name) => FIELDS[name].mask).map((name) => [`mask${pascal(name)}`, MASK_DEFAULTS[name] && { keepEnd: MASK_DEFAULTS[name].keepEnd }]);

/** The work both processes do, as source, so that the one without WebAssembly runs exactly the same code. */
const WORK = String.raw`
const MASKS = ${JSON.stringify(MASKS)};
// Every call on each vector, in both locales; the random strings go through each function once (Korean messages).
const run = (p, inputs, all = true) => inputs.map((s) => {
  const out = [];
  for (const f of ${JSON.stringify(VALIDATE)}) out.push(p[f](s), ...(all ? [p[f](s, { locale: 'en' })] : []));
  out.push(p.normalizeWithCaret(s, s.length >> 1));
  if (all) out.push(p.isValidPccc(s), p.normalize(s));
  for (const [f, o] of all ? MASKS : MASKS.slice(0, 1)) {
    try { out.push(p[f](s, o)); } catch (e) { out.push({ threw: e.message, code: e.code }); }
  }
  return out;
});
// Random strings from the characters these fields meet (xorshift32, seeded: both processes make the same ones).
const ALPHABET = [...'Pp0123456789 -.+()０１２３４５６７８９Ｐ홍길동ㅔㅖOolI\u200b\u00a0\u00ad\t82', 'P1234', '010', '+82 10', '900101-1', '\ud83d\ude00'];
let seed = 0x9e3779b9;
const next = () => ((seed ^= seed << 13), (seed ^= seed >>> 17), (seed ^= seed << 5), seed >>> 0);
const random = () => {
  let s = '';
  for (let n = next() % 18; n > 0; n--) s += ALPHABET[next() % ALPHABET.length];
  return s;
};
const digests = (p, strings, chunk) => {
  const out = [];
  for (let done = 0; done < strings; done += chunk) {
    const inputs = Array.from({ length: chunk }, random);
    out.push(require('node:crypto').createHash('sha256').update(JSON.stringify(run(p, inputs, false))).digest('hex'));
  }
  return out;
};
`;

const script = (body) => `delete globalThis.WebAssembly;\nconst p = require(${JSON.stringify(NODE_CJS)});\n${WORK}\nconsole.log(JSON.stringify((() => { ${body} })()));`;
const OPTIONS = { encoding: 'utf8', maxBuffer: 1 << 28 };
/** Runs `body` (with `p`, the package, and WORK's helpers) in a Node process without WebAssembly; its JSON output. */
const withoutWasm = (body) => JSON.parse(execFileSync(process.execPath, ['--input-type=commonjs', '-e', script(body)], OPTIONS));

const require = (await import('node:module')).createRequire(import.meta.url);
const wasm = require(NODE_CJS);
const local = new Function('p', 'require', `${WORK}\nreturn { run, digests };`)(wasm, require);

test('the process without WebAssembly runs the JavaScript build', () => {
  assert.deepEqual(withoutWasm('return [typeof WebAssembly, p.validatePccc("p1234 5678 9012")]'), ['undefined', { valid: true, value: 'P123456789012' }]);
});

test('every vector of every field gives the same results through the JavaScript build', () => {
  const inputs = FIELD_NAMES.flatMap((name) => fieldVectors(name).map((v) => v.input));
  assert.ok(inputs.length > 200, `${inputs.length} vectors`);
  const got = withoutWasm(`return run(p, ${JSON.stringify(inputs)});`);
  const want = JSON.parse(JSON.stringify(local.run(wasm, inputs)));
  for (let i = 0; i < inputs.length; i++) assert.deepEqual(got[i], want[i], JSON.stringify(inputs[i]));
});

test(`${STRINGS.toLocaleString('en')} random strings give the same results through both builds`, async () => {
  // The other process works while this one does.
  const child = promisify(execFile)(process.execPath, ['--input-type=commonjs', '-e', script(`return digests(p, ${STRINGS}, ${CHUNK});`)], OPTIONS);
  const want = local.digests(wasm, STRINGS, CHUNK);
  const got = JSON.parse((await child).stdout);
  assert.equal(got.length, STRINGS / CHUNK);
  for (let i = 0; i < want.length; i++) assert.equal(got[i], want[i], `strings ${i * CHUNK} to ${(i + 1) * CHUNK - 1} differ`);
});

test('an input that grows the memory: the same results before, with and after it', () => {
  const big = `P${'1234567890'.repeat(300_000)}`; // 3 MB: the module's memory starts at 1.1 MB
  const body = `const big = 'P' + '1234567890'.repeat(300000);
    return [p.validatePccc('P123456789012'), p.validatePccc(big), p.normalize(big + ' ').length, p.validatePccc('p1234 5678 9012'), p.maskPccc('P123456789012')];`;
  const want = [wasm.validatePccc('P123456789012'), wasm.validatePccc(big), wasm.normalize(`${big} `).length, wasm.validatePccc('p1234 5678 9012'), wasm.maskPccc('P123456789012')];
  assert.deepEqual(withoutWasm(body), JSON.parse(JSON.stringify(want)));
});
