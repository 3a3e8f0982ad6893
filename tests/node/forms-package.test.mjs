// What a consumer installs: `npm pack` of pkg/ (the npm package) and of pkg-web/ (the plain-browser build) holds
// exactly the intended files, package.json's `exports` resolve for both entry points through Node's own resolver,
// `sideEffects` keeps what must run on import, and the forms types check in strict TypeScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readPkg = (dir) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));

function packed(dir) {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(root, dir), encoding: 'utf8' });
  return JSON.parse(out)[0].files.map((f) => f.path).sort();
}

const FORMS = ['forms-types.d.ts', 'forms.d.ts', 'forms.js'];

test('npm pack of pkg/ lists exactly the intended files: the API on top of the boundary, and forms', () => {
  assert.deepEqual(packed('pkg'), [
    'LICENSE', 'README.md', ...FORMS, 'package.json', 'pccc_guard.d.ts', 'pccc_guard.js', 'pccc_guard_bg.js', 'pccc_guard_bg.wasm',
    'pccc_guard_raw.js',
  ]);
});

test('npm pack of pkg-web/ lists exactly the intended files (the boundary\'s loader is bundled into both modules)', () => {
  assert.deepEqual(packed('pkg-web'), [
    'LICENSE', 'README.md', ...FORMS, 'package.json', 'pccc-input.js', 'pccc_guard.d.ts', 'pccc_guard.js', 'pccc_guard_bg.wasm',
  ]);
});

test('npm pack of pkg-node/ lists exactly the intended files', () => {
  assert.deepEqual(packed('pkg-node'), [
    'LICENSE', 'README.md', 'package.json', 'pccc_guard.d.ts', 'pccc_guard.js', 'pccc_guard_bg.wasm', 'pccc_guard_raw.js',
  ]);
});

for (const dir of ['pkg', 'pkg-web']) {
  test(`${dir}/package.json: exports "." and "./forms" with types, "files" names only files that exist`, () => {
    const pkg = readPkg(dir);
    assert.equal(pkg.name, 'pccc-guard');
    assert.deepEqual(Object.keys(pkg.exports), ['.', './forms', './package.json']);
    for (const entry of ['.', './forms']) {
      assert.deepEqual(Object.keys(pkg.exports[entry]), ['types', 'default'], 'types first, as TypeScript requires');
      for (const target of Object.values(pkg.exports[entry])) assert.ok(existsSync(join(root, dir, target)), `${dir}: ${target}`);
    }
    for (const f of pkg.files) assert.ok(existsSync(join(root, dir, f)), `${dir}: files lists missing ${f}`);
  });

  test(`${dir}: installed from its npm pack tarball, "pccc-guard" and "pccc-guard/forms" resolve`, () => {
    const project = mkdtempSync(join(tmpdir(), 'pccc-consumer-'));
    const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], { cwd: join(root, dir), encoding: 'utf8' });
    const installed = join(project, 'node_modules', 'pccc-guard');
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', join(project, JSON.parse(out)[0].filename), '-C', installed, '--strip-components=1']);
    writeFileSync(join(project, 'package.json'), '{"type":"module"}');
    const script = `for (const s of ['pccc-guard', 'pccc-guard/forms', 'pccc-guard/package.json']) console.log(import.meta.resolve(s));`;
    const resolved = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    const file = (f) => pathToFileURL(join(installed, f)).href;
    assert.deepEqual(resolved.trim().split('\n'), [file('pccc_guard.js'), file('forms.js'), file('package.json')]);
    // Anything not exported stays private.
    assert.throws(() => execFileSync(process.execPath, ['--input-type=module', '-e', "import.meta.resolve('pccc-guard/forms-types.d.ts')"], { cwd: project, stdio: 'pipe' }));
  });
}

test('sideEffects: only what instantiates the WebAssembly on import (web forms module, bundler boundary)', () => {
  assert.deepEqual(readPkg('pkg-web').sideEffects, ['./forms.js']);
  assert.deepEqual(readPkg('pkg').sideEffects, ['./pccc_guard_raw.js']);
  assert.deepEqual(readPkg('pkg-node').sideEffects, ['./pccc_guard_raw.js']);
});

const importsOf = (dir, file) => {
  const src = readFileSync(join(root, dir, file), 'utf8');
  const found = [...src.matchAll(/\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']/g)];
  return [...new Set(found.map((m) => m[1] ?? m[2] ?? m[3]))];
};

test('each module imports only its neighbour in the package: no other dependency, nothing fetched', () => {
  assert.deepEqual(importsOf('pkg', 'forms.js'), ['./pccc_guard.js']);
  assert.deepEqual(importsOf('pkg', 'pccc_guard.js'), ['./pccc_guard_raw.js']);
  assert.deepEqual(importsOf('pkg-node', 'pccc_guard.js'), ['./pccc_guard_raw.js']);
  // A page without a bundler downloads forms.js (or pccc_guard.js) and the .wasm, nothing else; forms.js
  // imports the custom element's module only when definePcccInput() is called.
  assert.deepEqual(importsOf('pkg-web', 'forms.js'), ['./pccc-input.js']);
  assert.match(readFileSync(join(root, 'pkg-web', 'forms.js'), 'utf8'), /\bimport\("\.\/pccc-input\.js"\)/, 'a dynamic import');
  assert.deepEqual(importsOf('pkg-web', 'pccc-input.js'), []);
  assert.deepEqual(importsOf('pkg-web', 'pccc_guard.js'), []);
});

test('the bundler build\'s forms module imports without a DOM (server-side rendering)', () => {
  // pkg/pccc_guard.js imports the .wasm, which Node runs with --experimental-wasm-modules.
  const script = `const f = await import(${JSON.stringify(pathToFileURL(join(root, 'pkg', 'forms.js')).href)});
    console.log(Object.keys(f).sort().join());`;
  const out = execFileSync(process.execPath, ['--experimental-wasm-modules', '--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(out.trim(), 'autoEnhance,createGuard,definePcccInput,enhance');
});

test('TypeScript consumers of pccc-guard/forms type-check in strict mode (web and bundler builds)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pccc-types-'));
  const web = JSON.stringify(join(root, 'pkg-web', 'forms.js'));
  const bundler = JSON.stringify(join(root, 'pkg', 'forms.js'));
  writeFileSync(join(dir, 'use.ts'), `
    import { autoEnhance, enhance, definePcccInput, createGuard, ready } from ${web};
    import * as sync from ${bundler};
    import type { GuardHandle, FieldResult, PcccValidityDetail, PcccInputElement } from ${web};
    async function main(input: HTMLInputElement) {
      const all: GuardHandle[] = await autoEnhance(document, { locale: 'en' });
      const one = await enhance(input, { field: 'phone', mask: { keepEnd: 4 } });
      const result: FieldResult | null | undefined = one?.check();
      one?.destroy();
      const ok: boolean = await definePcccInput();
      const guard = await ready;
      if (guard && !guard.broken) guard.enhance(input);
      const handle: GuardHandle = sync.enhance(input, { locale: 'ko' });
      const defined: boolean = sync.definePcccInput('my-pccc');
      const el = document.querySelector('pccc-input') as PcccInputElement | null;
      el?.addEventListener('pccc-validity', (e) => void ((e as CustomEvent<PcccValidityDetail>).detail.code));
      // @ts-expect-error: field is a closed set
      await enhance(input, { field: 'email' });
      // @ts-expect-error: the web build is asynchronous
      const notYet: GuardHandle = enhance(input);
      void all, ok, result, handle, defined, notYet, createGuard;
    }
    void main;
  `);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ES2022', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], allowJs: false },
    files: ['use.ts'],
  }));
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { stdio: 'pipe' });
});
