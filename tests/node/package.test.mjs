// The npm package as a consumer installs it: `npm pack` of pkg/ holds exactly the intended files, package.json's
// `exports` send each runtime to its build, Node's `import` and `require` share one instance and work at once,
// `ready` and the errors before and without the module say what is wrong, and strict TypeScript consumers
// type-check under every module resolution mode, in ES modules and CommonJS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PKG = join(root, 'pkg');
const manifest = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));

/** A fresh project with the packed tarball unpacked as node_modules/pccc-guard, as `npm install` lays it out. */
function project(type = 'module') {
  const dir = mkdtempSync(join(tmpdir(), 'pccc-consumer-'));
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: PKG, encoding: 'utf8' });
  const installed = join(dir, 'node_modules', 'pccc-guard');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, JSON.parse(out)[0].filename), '-C', installed, '--strip-components=1']);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type }));
  return { dir, installed };
}

const node = (cwd, args, options = {}) => execFileSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: 'pipe', ...options });
const esm = (cwd, code, flags = []) => node(cwd, [...flags, '--input-type=module', '-e', code]);
const cjs = (cwd, code, flags = []) => node(cwd, [...flags, '--input-type=commonjs', '-e', code]);

test('npm pack lists exactly the intended files', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PKG, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out)[0].files.map((f) => f.path).sort(), [
    'LICENSE', 'README.md', 'forms.cjs', 'forms.d.cts', 'forms.d.ts', 'forms.js', 'forms.node.mjs', 'index.d.cts', 'index.d.ts',
    'index.js', 'node.cjs', 'node.mjs', 'package.json', 'pccc-guard-fields.wasm', 'pccc-guard-fields.wasm.cjs',
    'pccc-guard-fields.wasm.js', 'pccc-guard-text.wasm', 'pccc-input.js',
    'react.cjs', 'react.d.cts', 'react.d.ts', 'react.js', 'react.node.mjs', 'schema.cjs', 'schema.d.cts', 'schema.d.ts', 'schema.js', 'schema.node.mjs',
    'text.d.cts', 'text.d.ts', 'text.js', 'text.node.cjs', 'text.node.mjs', 'text.workerd.js', 'web/pccc-guard-fields.wasm',
    'web/pccc-guard-fields.wasm.js', 'web/pccc-guard-text.d.ts', 'web/pccc-guard-text.js', 'web/pccc-guard-text.wasm',
    'web/pccc-guard.classic.d.ts', 'web/pccc-guard.classic.js', 'web/pccc-guard.d.ts', 'web/pccc-guard.js', 'web/pccc-input.js', 'workerd.js',
  ]);
});

test('exports: types first in every entry, then the runtimes, ending in a default', () => {
  for (const entry of ['.', './forms', './schema', './react', './text']) {
    const conditions = Object.keys(manifest.exports[entry]);
    assert.equal(conditions[0], 'types', `${entry}: TypeScript reads the first matching condition`);
    assert.equal(conditions.at(-1), 'default', entry);
  }
  assert.deepEqual(Object.keys(manifest.exports['.']), ['types', 'workerd', 'node', 'default']);
  assert.deepEqual(Object.keys(manifest.exports['./text']), ['types', 'workerd', 'node', 'default']);
  assert.deepEqual(manifest.sideEffects, ['./web/pccc-guard.js', './web/pccc-guard.classic.js', './pccc-guard-fields.wasm.js', './web/pccc-guard-fields.wasm.js', './text.js', './text.node.mjs', './text.node.cjs', './text.workerd.js']);
});

test('Node resolves each specifier to its build, for import and for require', () => {
  const { dir, installed } = project();
  const file = (f) => pathToFileURL(join(installed, f)).href;
  const specifiers = ['pccc-guard', 'pccc-guard/forms', 'pccc-guard/schema', 'pccc-guard/text', 'pccc-guard/web/pccc-guard.js', 'pccc-guard/wasm', 'pccc-guard/package.json'];
  const imported = esm(dir, `for (const s of ${JSON.stringify(specifiers)}) console.log(import.meta.resolve(s));`);
  assert.deepEqual(imported.trim().split('\n'), ['node.mjs', 'forms.node.mjs', 'schema.node.mjs', 'text.node.mjs', 'web/pccc-guard.js', 'pccc-guard-fields.wasm', 'package.json'].map(file));
  const required = cjs(dir, `for (const s of ['pccc-guard', 'pccc-guard/forms', 'pccc-guard/schema', 'pccc-guard/text']) console.log(require.resolve(s));`);
  assert.deepEqual(required.trim().split('\n'), [join(installed, 'node.cjs'), join(installed, 'forms.cjs'), join(installed, 'schema.cjs'), join(installed, 'text.node.cjs')]);
  // workerd's condition comes before node's (wrangler's bundler sets it).
  const workerd = esm(dir, `console.log(import.meta.resolve('pccc-guard')); console.log(import.meta.resolve('pccc-guard/text'))`, ['--conditions=workerd']);
  assert.deepEqual(workerd.trim().split('\n'), [file('workerd.js'), file('text.workerd.js')]);
  // Anything not exported stays private.
  for (const hidden of ['pccc-guard/index.js', 'pccc-guard/node.cjs', 'pccc-guard/forms.d.ts']) {
    assert.throws(() => esm(dir, `import.meta.resolve(${JSON.stringify(hidden)})`, []), undefined, hidden);
  }
});

test('Node: import and require both work at once with no init call, and agree', () => {
  const { dir } = project();
  // import and require load separate files (an ES module and a CommonJS one: Node imports CommonJS from an ES
  // module far more slowly), so a process that does both has two instances; they give the same answers.
  const out = esm(dir, `
    import * as esm from 'pccc-guard';
    import { createRequire } from 'node:module';
    const cjs = createRequire(import.meta.url)('pccc-guard');
    // No await anywhere before the first call.
    const inputs = ['p1234 5678 9012', 'P1', '900101-1234567'];
    console.log(JSON.stringify([esm.validatePccc(inputs[0]), inputs.every((s) => JSON.stringify(esm.validatePccc(s)) === JSON.stringify(cjs.validatePccc(s)))]));`);
  assert.deepEqual(JSON.parse(out), [{ valid: true, value: 'P123456789012' }, true]);
  const required = cjs(dir, `const p = require('pccc-guard'); p.ready.then(() => console.log(p.isValidPccc('P123456789012')));`);
  assert.equal(required.trim(), 'true');
});

test('pccc-guard/forms imports without a DOM (server-side rendering), as ES module and CommonJS', () => {
  const { dir } = project();
  const keys = 'autoEnhance,definePcccInput,enhance,ready';
  assert.equal(esm(dir, `import * as f from 'pccc-guard/forms'; console.log(Object.keys(f).sort().join())`).trim(), keys);
  assert.equal(cjs(dir, `console.log(Object.keys(require('pccc-guard/forms')).sort().join())`).trim(), keys);
  // The forms layer shares the API's instance.
  assert.equal(esm(dir, `import { ready } from 'pccc-guard/forms'; import * as p from 'pccc-guard'; console.log(ready === p.ready)`).trim(), 'true');
});

test('without WebAssembly (node --jitless) import and require work at once, through the JavaScript build', () => {
  const { dir } = project();
  const inputs = ['p1234 5678 9012', 'P1', '900101-1234567'];
  const code = (load) => `
    ${load}
    const inputs = ${JSON.stringify(inputs)};
    const out = [typeof WebAssembly, ...inputs.map((i) => p.validatePccc(i, { locale: 'en' })), p.maskPccc('P123456789012'), p.validatePhone('010-1234-5678')];
    p.ready.then(() => console.log(JSON.stringify(out)));`;
  const want = JSON.parse(esm(dir, code("import * as p from 'pccc-guard';")));
  assert.equal(want[0], 'object');
  for (const [run, load] of [[esm, "import * as p from 'pccc-guard';"], [cjs, "const p = require('pccc-guard');"]]) {
    const got = JSON.parse(run(dir, code(load), ['--jitless']));
    assert.deepEqual(got, ['undefined', ...want.slice(1)], load);
  }
});

test('a module still loading (the plain-page build, which fetches its .wasm) answers calls with a clear error', () => {
  // Node's fetch cannot read file: URLs, so the plain-page build never loads here (and its fallback, the JavaScript
  // build as a script element, needs a page): first "still loading", then the load error. Nothing is rejected
  // unhandled (the process would exit non-zero).
  const { dir } = project();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', `
    import * as p from 'pccc-guard/web/pccc-guard.js';
    let early; try { p.validatePccc('P1'); } catch (e) { early = e.message; }
    const reason = await p.ready.then(() => 'resolved', (e) => e.message);
    let late; try { p.validatePccc('P1'); } catch (e) { late = e.message; }
    console.log(JSON.stringify([early, reason, late]));`], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const [early, reason, late] = JSON.parse(run.stdout);
  assert.equal(early, 'pccc-guard: the WebAssembly module is still loading; await `ready` before the first call');
  assert.match(reason, /^pccc-guard: the WebAssembly module could not load/);
  assert.equal(late, reason);
  assert.match(run.stderr, /pccc-guard: WebAssembly could not load; fields work unchecked\./, 'the forms layer warns once');
});

const importsOf = (file) => {
  const src = readFileSync(join(PKG, file), 'utf8');
  const found = [...src.matchAll(/\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']|^import\s+["']([^"']+)["']/gm)];
  return [...new Set(found.map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]))].sort();
};

test('each file imports only its neighbours in the package: no dependency, nothing else fetched', () => {
  // The JavaScript build of the fields module: fetched or required only where WebAssembly cannot run. The bundlers'
  // entry names it in the one form that Vite, webpack, Rspack, Parcel and Next.js emit as a file of its own (never
  // an import, which a bundler that does not split code would inline into every page).
  assert.deepEqual(importsOf('index.js'), []);
  assert.match(readFileSync(join(PKG, 'index.js'), 'utf8'), /new URL\("\.\/pccc-guard-fields\.wasm\.js", import\.meta\.url\)/);
  assert.deepEqual(importsOf('node.cjs'), []);
  assert.deepEqual(importsOf('node.mjs'), ['node:module']);
  for (const f of ['node.cjs', 'node.mjs']) assert.match(readFileSync(join(PKG, f), 'utf8'), /\("\.\/pccc-guard-fields\.wasm\.cjs"\)/, f);
  for (const f of ['pccc-guard-fields.wasm.js', 'pccc-guard-fields.wasm.cjs', 'web/pccc-guard-fields.wasm.js']) assert.deepEqual(importsOf(f), [], f);
  assert.deepEqual(importsOf('workerd.js'), ['./pccc-guard-fields.wasm']);
  assert.deepEqual(importsOf('forms.js'), ['./index.js', './pccc-input.js']);
  assert.deepEqual(importsOf('forms.node.mjs'), ['./node.mjs', './pccc-input.js']);
  assert.deepEqual(importsOf('forms.cjs'), ['./node.cjs', './pccc-input.js']);
  assert.deepEqual(importsOf('pccc-input.js'), []);
  assert.deepEqual(importsOf('schema.js'), ['./index.js']);
  assert.deepEqual(importsOf('schema.node.mjs'), ['./node.mjs']);
  assert.deepEqual(importsOf('schema.cjs'), ['./node.cjs']);
  // React is an optional peer dependency, imported by pccc-guard/react alone.
  assert.deepEqual(importsOf('react.js'), ['./index.js', 'react']);
  assert.deepEqual(importsOf('react.node.mjs'), ['./node.mjs', 'react']);
  assert.deepEqual(importsOf('react.cjs'), ['./node.cjs', 'react']);
  assert.deepEqual(manifest.peerDependencies, { react: '>=18' });
  assert.deepEqual(manifest.peerDependenciesMeta, { react: { optional: true } });
  for (const f of ['text.js', 'text.node.cjs']) assert.deepEqual(importsOf(f), []);
  assert.deepEqual(importsOf('text.node.mjs'), []);
  assert.deepEqual(importsOf('text.workerd.js'), ['./pccc-guard-text.wasm']);
  // A plain page downloads pccc-guard.js and the .wasm; the element's module only when the page has one, the
  // finder's module only when the page has a memo or a paste needs it.
  assert.deepEqual(importsOf('web/pccc-guard.js'), ['./pccc-guard-text.js', './pccc-input.js']);
  assert.deepEqual(importsOf('web/pccc-guard-text.js'), []);
  // The classic script carries the element; it imports the finder's module (by a URL next to it) when needed.
  assert.deepEqual(importsOf('web/pccc-guard.classic.js'), []);
  assert.match(readFileSync(join(PKG, 'web/pccc-guard.js'), 'utf8'), /\bimport\("\.\/pccc-input\.js"\)/, 'a dynamic import');
  assert.deepEqual(importsOf('web/pccc-input.js'), []);
});

// A consumer per module system and resolution mode. The code is the same in each; only how it imports differs.
const USE = `
  const result = validatePccc('P123456789012', { locale: 'en' });
  if (result.valid) { const v: string = result.value; void v; } else { const c: PcccErrorCode = result.error.code; void c; }
  // @ts-expect-error: the input must be a string
  validatePccc(42);
  const r: RecipientResult = checkRecipient({ name: '홍길동' });
  const started: Promise<void> = ready;
  async function guard(input: HTMLInputElement) {
    const handle: GuardHandle | null = await enhance(input, { field: 'phone', mask: { keepEnd: 4 } });
    const all: GuardHandle[] = await autoEnhance(document, { locale: 'en' });
    const defined: boolean = await definePcccInput('my-pccc');
    // @ts-expect-error: the forms functions are asynchronous everywhere
    const notYet: GuardHandle = enhance(input);
    // @ts-expect-error: field is a closed set
    await enhance(input, { field: 'email' });
    void handle, all, defined, notYet;
  }
  void r, started, guard;
`;
const ESM_IMPORTS = `import { validatePccc, checkRecipient, ready } from 'pccc-guard';
import type { PcccErrorCode, RecipientResult } from 'pccc-guard';
import { enhance, autoEnhance, definePcccInput } from 'pccc-guard/forms';
import type { GuardHandle } from 'pccc-guard/forms';`;
const CJS_IMPORTS = `import pccc = require('pccc-guard');
import forms = require('pccc-guard/forms');
const { validatePccc, checkRecipient, ready } = pccc;
const { enhance, autoEnhance, definePcccInput } = forms;
type PcccErrorCode = pccc.PcccErrorCode;
type RecipientResult = pccc.RecipientResult;
type GuardHandle = forms.GuardHandle;`;

for (const [resolution, module, type] of [
  ['bundler', 'esnext', 'module'],
  ['node16', 'node16', 'module'],
  ['node16', 'node16', 'commonjs'],
  ['nodenext', 'nodenext', 'module'],
  ['nodenext', 'nodenext', 'commonjs'],
]) {
  test(`TypeScript, strict, moduleResolution ${resolution}, ${type === 'module' ? 'ES module' : 'CommonJS'} consumer`, () => {
    const { dir } = project(type);
    writeFileSync(join(dir, 'consumer.ts'), `${type === 'module' ? ESM_IMPORTS : CJS_IMPORTS}\n${USE}\nexport {};\n`);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, target: 'ES2022', module, moduleResolution: resolution, lib: ['ES2022', 'DOM'],
        skipLibCheck: false, types: [],
      },
      files: ['consumer.ts'],
    }));
    try {
      node(dir, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { stdio: 'pipe' });
    } catch (e) {
      assert.fail(String(e.stdout));
    }
  });
}
