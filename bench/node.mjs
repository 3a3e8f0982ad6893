// Node benchmark: per-call cost of each contender on the same corpus, measured side by side in one run.
// Prints JSON (used by bench/report.mjs). Timings are medians over rounds; nothing here asserts a time.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as plain from './plain.mjs';
import { corpus, naiveRegex } from './corpus.mjs';

const require = createRequire(import.meta.url);
const pkgNode = fileURLToPath(new URL('../pkg/node.cjs', import.meta.url));
const api = require(pkgNode);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** ns per call of fn over the corpus: ROUNDS rounds of REPS passes each; returns the median round. */
function perCall(fn, inputs, { rounds = 21, minMs = 60 } = {}) {
  let sink = 0;
  const pass = () => { for (let i = 0; i < inputs.length; i++) sink ^= fn(inputs[i]) ? 1 : 0; };
  for (let i = 0; i < 20; i++) pass(); // warm up (JIT, wasm tier-up)
  let reps = 1;
  for (;;) { // pick reps so one round lasts at least minMs
    const t = process.hrtime.bigint();
    for (let r = 0; r < reps; r++) pass();
    if (Number(process.hrtime.bigint() - t) / 1e6 >= minMs) break;
    reps *= 2;
  }
  const samples = [];
  for (let k = 0; k < rounds; k++) {
    const t = process.hrtime.bigint();
    for (let r = 0; r < reps; r++) pass();
    samples.push(Number(process.hrtime.bigint() - t) / (reps * inputs.length));
  }
  if (sink === 2) console.error(''); // keep the results observable
  return { nsPerCall: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

export function agreement(inputs) {
  let disagreements = 0;
  for (const s of inputs) {
    for (const locale of ['ko', 'en']) {
      if (JSON.stringify(api.validatePccc(s, { locale })) !== JSON.stringify(plain.validate(s, { locale }))) disagreements++;
    }
    if (api.isValidPccc(s) !== plain.isValid(s)) disagreements++;
  }
  return disagreements;
}

/**
 * Start-up in fresh processes, as a server or a script meets it: `require('pccc-guard')` (node.cjs) or `import`
 * (node.mjs) and the first `validate` call, each timed from just before the load; beside them, the same for a
 * stand-in package of one regex function (the floor any package pays: resolving, reading and compiling a file,
 * and for `import` Node's ES module loader starting), and the synchronous compile of the module's bytes alone.
 */
export function startup(runs = 21) {
  const dir = join(fileURLToPath(new URL('..', import.meta.url)), 'target', 'bench-startup');
  mkdirSync(dir, { recursive: true });
  const standIn = 'function validatePccc(s) { return { valid: /^P\\d{12}$/.test(s) }; }';
  writeFileSync(join(dir, 'stand-in.cjs'), `${standIn}\nmodule.exports = { validatePccc };\n`);
  writeFileSync(join(dir, 'stand-in.mjs'), `export ${standIn}\n`);
  const timed = (load) => `const t0 = process.hrtime.bigint();
      const api = ${load};
      const t1 = process.hrtime.bigint();
      api.validatePccc('P123456789012');
      const t2 = process.hrtime.bigint();
      process.stdout.write(JSON.stringify([Number(t1 - t0) / 1e6, Number(t2 - t1) / 1e6]));`;
  const href = (file) => JSON.stringify(pathToFileURL(file).href);
  const scripts = {
    require: ['-e', timed(`require(${JSON.stringify(pkgNode)})`)],
    import: ['--input-type=module', '-e', timed(`await import(${href(pkgNode.replace(/node\.cjs$/, 'node.mjs'))})`)],
    standInRequire: ['-e', timed(`require(${JSON.stringify(join(dir, 'stand-in.cjs'))})`)],
    standInImport: ['--input-type=module', '-e', timed(`await import(${href(join(dir, 'stand-in.mjs'))})`)],
    // The module's bytes read outside the timing; only `new WebAssembly.Module` is timed (reported as "load").
    compile: ['-e', `const bytes = require('node:fs').readFileSync(${JSON.stringify(pkgNode.replace(/node\.cjs$/, 'pccc-guard-fields.wasm'))});
      const t0 = process.hrtime.bigint();
      new WebAssembly.Module(bytes);
      process.stdout.write(JSON.stringify([Number(process.hrtime.bigint() - t0) / 1e6, 0]));`],
  };
  const out = { runs };
  for (const [name, args] of Object.entries(scripts)) {
    const load = [], first = [], total = [];
    for (let i = 0; i < runs; i++) {
      const [a, b] = JSON.parse(execFileSync(process.execPath, args));
      load.push(a); first.push(b); total.push(a + b);
    }
    out[name] = { loadMs: median(load), firstCallMs: median(first), totalMs: median(total), min: Math.min(...total), max: Math.max(...total) };
  }
  return out;
}

export function run() {
  const inputs = corpus();
  const disagreements = agreement(inputs);
  if (disagreements) throw new Error(`plain-JS baseline disagrees with the wasm on ${disagreements} results`);
  const results = {
    corpus: inputs.length,
    a_isValid: perCall((s) => api.isValidPccc(s), inputs),
    b_validate: perCall((s) => api.validatePccc(s).valid, inputs),
    c_mask: perCall((s) => api.maskPccc(s).length > 0, inputs),
    d_naiveRegex: perCall(naiveRegex, inputs),
    e_plainValidate: perCall((s) => plain.validate(s).valid, inputs),
    e_plainIsValid: perCall((s) => plain.isValid(s), inputs),
  };
  // Batch APIs: one crossing for the whole corpus; reported per item.
  const joined = inputs.map((s) => s.replace(/\n/g, ' ')).join('\n');
  const batch = (fn) => {
    const r = perCall(fn, [joined], { rounds: 21, minMs: 60 });
    return { nsPerCall: r.nsPerCall / inputs.length, min: r.min / inputs.length, max: r.max / inputs.length };
  };
  results.f_isValidLines = batch((t) => api.isValidPcccLines(t).length > 0);
  results.g_validateLines = batch((t) => api.validatePcccLines(t).length > 0);
  results.ratios = {
    isValid_vs_regex: results.a_isValid.nsPerCall / results.d_naiveRegex.nsPerCall,
    validate_vs_plainJs: results.b_validate.nsPerCall / results.e_plainValidate.nsPerCall,
    isValidLines_vs_regex: results.f_isValidLines.nsPerCall / results.d_naiveRegex.nsPerCall,
    validateLines_vs_plainJs: results.g_validateLines.nsPerCall / results.e_plainValidate.nsPerCall,
  };
  results.startup = startup();
  results.node = process.version;
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(run(), null, 2) + '\n');
}
