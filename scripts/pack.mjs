// Post-build packaging (run by `make build` after wasm-pack): puts the forms module into the npm package (pkg/)
// and the plain-browser build (pkg-web/), and declares both entry points in their package.json files.
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { ROOT } from './sizes.mjs';

const JS = join(ROOT, 'js');

function bundle(entry, outfile, minify) {
  buildSync({
    entryPoints: [join(JS, entry)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    external: ['./pccc_guard.js'],
    charset: 'utf8',
    logLevel: 'warning',
  });
}

function declare(dir, formsTypes) {
  copyFileSync(join(JS, 'forms-types.d.ts'), join(dir, 'forms-types.d.ts'));
  copyFileSync(join(JS, formsTypes), join(dir, 'forms.d.ts'));
  const file = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  pkg.exports = {
    '.': { types: './pccc_guard.d.ts', default: './pccc_guard.js' },
    './forms': { types: './forms.d.ts', default: './forms.js' },
    './package.json': './package.json',
  };
  pkg.files = [...new Set([...(pkg.files ?? []), 'forms.js', 'forms.d.ts', 'forms-types.d.ts'])].sort();
  writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
}

bundle('forms.bundler.js', join(ROOT, 'pkg', 'forms.js'), false);
declare(join(ROOT, 'pkg'), 'forms.bundler.d.ts');
bundle('forms.web.js', join(ROOT, 'pkg-web', 'forms.js'), true);
declare(join(ROOT, 'pkg-web'), 'forms.web.d.ts');
console.log('packaged forms module into pkg/ and pkg-web/');
