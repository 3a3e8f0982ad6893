// What a consumer installs: `npm pack` of pkg/ holds exactly the intended files, and package.json's exports
// resolve for both entry points in the npm package and in the plain-browser build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('npm pack of pkg/ lists only the intended files', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: join(root, 'pkg'), encoding: 'utf8' });
  const files = JSON.parse(out)[0].files.map((f) => f.path).sort();
  const snippets = files.filter((f) => f.startsWith('snippets/'));
  assert.ok(snippets.length >= 1 && snippets.every((f) => /^snippets\/pccc-guard-[0-9a-f]+\/inline\d+\.js$/.test(f)), snippets.join());
  assert.deepEqual(files.filter((f) => !f.startsWith('snippets/')), [
    'LICENSE', 'README.md', 'forms-types.d.ts', 'forms.d.ts', 'forms.js', 'package.json',
    'pccc_guard.d.ts', 'pccc_guard.js', 'pccc_guard_bg.js', 'pccc_guard_bg.wasm',
  ]);
});

for (const dir of ['pkg', 'pkg-web']) {
  test(`${dir}/package.json exports "." and "./forms" with types, and every target exists`, () => {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    assert.equal(pkg.name, 'pccc-guard');
    for (const entry of ['.', './forms']) {
      const { types, default: main } = pkg.exports[entry];
      assert.ok(existsSync(join(root, dir, types)), `${dir}: ${types}`);
      assert.ok(existsSync(join(root, dir, main)), `${dir}: ${main}`);
    }
  });
}

test('the forms modules import only the package itself: no other dependency, nothing fetched', () => {
  for (const dir of ['pkg', 'pkg-web']) {
    const src = readFileSync(join(root, dir, 'forms.js'), 'utf8');
    const imports = [...src.matchAll(/\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']/g)].map((m) => m[1] ?? m[2]);
    assert.deepEqual([...new Set(imports)], ['./pccc_guard.js'], dir);
  }
});

test('TypeScript consumers of pccc-guard/forms type-check in strict mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pccc-types-'));
  writeFileSync(join(dir, 'use.ts'), `
    import { autoEnhance, enhance, definePcccInput, createGuard } from ${JSON.stringify(join(root, 'pkg-web', 'forms.js'))};
    import type { GuardHandle } from ${JSON.stringify(join(root, 'pkg-web', 'forms.js'))};
    async function main(input: HTMLInputElement) {
      const all: GuardHandle[] = await autoEnhance(document, { locale: 'en' });
      const one = await enhance(input, { field: 'phone', mask: { keepEnd: 4 } });
      one?.destroy();
      const ok: boolean = await definePcccInput();
      // @ts-expect-error: field is a closed set
      await enhance(input, { field: 'email' });
      void all, ok, createGuard;
    }
    void main;
  `);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ES2022', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], allowJs: false },
    files: ['use.ts'],
  }));
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { stdio: 'pipe' });
});
