// Post-build packaging (run by `make build` after wasm-pack): puts the forms module (js/) into the npm package
// (pkg/, --target bundler) and the plain-browser build (pkg-web/, --target web), and declares both entry points
// in their package.json files.
//
// - pkg/forms.js: readable ES module for bundlers; imports ./pccc_guard.js, which the bundler wires to the .wasm.
// - pkg-web/forms.js: one minified file (esbuild, like pkg-web/pccc_guard.js in the Makefile) that imports
//   ./pccc_guard.js and loads the .wasm itself; a page downloads pccc_guard.js, pccc_guard_bg.wasm and forms.js.
import { readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const JS = join(ROOT, 'js');

function bundle(entry, outfile, minify) {
  buildSync({
    entryPoints: [join(JS, entry)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    // Private class fields and static blocks (the custom element) stay native: every browser with
    // form-associated custom elements has them.
    target: 'es2022',
    minify,
    external: ['./pccc_guard.js'],
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/** Adds the forms entry point to one build: its types, `exports`, `files` (exactly what ships), `sideEffects`. */
function declare(dir, typesFile, sideEffects) {
  copyFileSync(join(JS, 'forms-types.d.ts'), join(dir, 'forms-types.d.ts'));
  copyFileSync(join(JS, typesFile), join(dir, 'forms.d.ts'));
  const file = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  pkg.exports = {
    '.': { types: './pccc_guard.d.ts', default: './pccc_guard.js' },
    './forms': { types: './forms.d.ts', default: './forms.js' },
    './package.json': './package.json',
  };
  // wasm-pack's list, minus what the build removed (pkg-web's snippets are bundled into pccc_guard.js).
  const files = new Set([...(pkg.files ?? []), 'forms.js', 'forms.d.ts', 'forms-types.d.ts']);
  pkg.files = [...files].filter((f) => existsSync(join(dir, f))).sort();
  pkg.sideEffects = sideEffects.filter((f) => existsSync(join(dir, f.replace(/\/\*$/, ''))));
  writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
}

const PKG = join(ROOT, 'pkg');
const WEB = join(ROOT, 'pkg-web');

bundle('forms.bundler.js', join(PKG, 'forms.js'), false);
// The bundler build's glue starts the module when imported; forms.js only defines functions.
declare(PKG, 'forms.bundler.d.ts', ['./pccc_guard.js', './snippets/*']);

bundle('forms.web.js', join(WEB, 'forms.js'), true);
// The web build's forms.js starts loading the .wasm when imported (that is what makes autoEnhance() work from a
// plain <script type="module">), so a bundler must keep it; the glue itself only defines functions.
declare(WEB, 'forms.web.d.ts', ['./forms.js', './snippets/*']);

console.log('packaged the forms module into pkg/ and pkg-web/');
