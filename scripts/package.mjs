// Post-build packaging (run by `make build` after the three wasm-pack builds). wasm-pack leaves in each folder
// the module's boundary (src/wasm.rs) with wasm-bindgen's loader as pccc_guard.js; this script renames that to
// pccc_guard_raw.js, puts the public API (js/api.js) in its place, adds the forms module (js/forms-*.js) and
// declares the entry points in package.json.
//
// - pkg/      (npm package, bundlers): readable ES modules. pccc_guard.js (API) imports pccc_guard_raw.js,
//             which the bundler wires to the .wasm; forms.js imports pccc_guard.js.
// - pkg-web/  (browsers without a bundler): two self-contained minified modules that load the .wasm
//             themselves: pccc_guard.js (the API, with wasm-bindgen's `init`/`initSync`) and forms.js (the
//             forms layer with the API functions it uses, so a page guarding fields downloads forms.js and the
//             .wasm only); pccc-input.js, the custom element, which forms.js imports when a page asks for it.
// - pkg-node/ (Node, CommonJS): pccc_guard.js (API) requires pccc_guard_raw.js.
import { readFileSync, writeFileSync, copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const JS = join(ROOT, 'js');
const PKG = join(ROOT, 'pkg');
const WEB = join(ROOT, 'pkg-web');
const NODE = join(ROOT, 'pkg-node');
const RAW = './pccc_guard_raw.js';

/** Resolves the API's import of the boundary to one build folder's copy. */
const boundaryIn = (dir) => ({
  name: 'boundary',
  setup(build) {
    build.onResolve({ filter: /^\.\/pccc_guard_raw\.js$/ }, () => ({ path: join(dir, 'pccc_guard_raw.js') }));
  },
});

function bundle(entry, outfile, options) {
  return build({
    entryPoints: [join(JS, entry)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    // Private class fields and static blocks (the custom element) stay native: every browser with
    // form-associated custom elements has them.
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
    ...options,
  });
}

/**
 * Renames wasm-bindgen's loader of the boundary, drops its declarations (the API's replace them) and gives the
 * API the module's memory: `__memory()`, read from the loader's own `wasm` binding (the module's exports; it is
 * top-level in the loaders of all three targets). Exporting the memory from Rust would cost a JsValue shim and
 * the externref table (about 300 bytes of gzipped wasm).
 */
function moveBoundary(dir, commonJs = false) {
  const glue = readFileSync(join(dir, 'pccc_guard.js'), 'utf8');
  if (!/^(let|import \* as) wasm\b/m.test(glue) && !/^let [\w, ]*\bwasm;/m.test(glue)) {
    throw new Error(`${dir}/pccc_guard.js: no top-level \`wasm\` binding; wasm-bindgen's loader has changed`);
  }
  const memory = commonJs ? 'exports.__memory = () => wasm.memory;' : 'export const __memory = () => wasm.memory;';
  writeFileSync(join(dir, 'pccc_guard_raw.js'), `${glue}\n// Added by scripts/package.mjs: the memory the API reads results from.\n${memory}\n`);
  rmSync(join(dir, 'pccc_guard.js'));
  rmSync(join(dir, 'pccc_guard_bg.wasm.d.ts'), { force: true });
}

/** The entry points of one build in its package.json: `exports`, `files` (exactly what ships), `sideEffects`. */
function declare(dir, { forms, sideEffects }) {
  const file = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  pkg.exports = {
    '.': { types: './pccc_guard.d.ts', default: './pccc_guard.js' },
    ...(forms && { './forms': { types: './forms.d.ts', default: './forms.js' } }),
    './package.json': './package.json',
  };
  const files = new Set([...(pkg.files ?? []), 'pccc_guard_raw.js', 'forms.js', 'forms.d.ts', 'forms-types.d.ts', 'pccc-input.js']);
  pkg.files = [...files].filter((f) => existsSync(join(dir, f))).sort();
  pkg.sideEffects = sideEffects;
  writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
}

function formsTypes(dir, typesFile) {
  copyFileSync(join(JS, 'forms-types.d.ts'), join(dir, 'forms-types.d.ts'));
  copyFileSync(join(JS, typesFile), join(dir, 'forms.d.ts'));
}

const api = readFileSync(join(JS, 'api.js'), 'utf8');
const apiTypes = readFileSync(join(JS, 'api.d.ts'), 'utf8');

/** pkg/: the API as written; the forms module bundled (its own files) but importing the API. */
async function packageBundler(dir) {
  moveBoundary(dir);
  writeFileSync(join(dir, 'pccc_guard.js'), api);
  writeFileSync(join(dir, 'pccc_guard.d.ts'), apiTypes);
  await bundle('forms.bundler.js', join(dir, 'forms.js'), { external: ['./pccc_guard.js'] });
  formsTypes(dir, 'forms.bundler.d.ts');
  // The boundary's loader instantiates the module when imported; the API and forms.js only define functions.
  declare(dir, { forms: true, sideEffects: [RAW] });
}

/** pkg-web/: everything bundled and minified; the boundary's loader lives on inside both modules. */
async function packageWeb(dir) {
  moveBoundary(dir);
  const web = { minify: true, plugins: [boundaryIn(dir)] };
  await bundle('api.web.js', join(dir, 'pccc_guard.js'), web);
  await bundle('forms.web.js', join(dir, 'forms.js'), { ...web, external: ['./pccc-input.js'] });
  await bundle('pccc-input.js', join(dir, 'pccc-input.js'), { minify: true });
  rmSync(join(dir, 'pccc_guard_raw.js'));
  writeFileSync(join(dir, 'pccc_guard.d.ts'), apiTypes + readFileSync(join(JS, 'api.web.d.ts'), 'utf8'));
  formsTypes(dir, 'forms.web.d.ts');
  // forms.js starts loading the .wasm when imported (that is what makes autoEnhance() work from a plain
  // <script type="module">), so a bundler must keep it; pccc_guard.js only defines functions.
  declare(dir, { forms: true, sideEffects: ['./forms.js'] });
}

/** pkg-node/: the API as CommonJS, requiring the boundary. */
async function packageNode(dir) {
  moveBoundary(dir, true);
  await build({
    entryPoints: [join(JS, 'api.js')],
    outfile: join(dir, 'pccc_guard.js'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    external: [RAW],
    logLevel: 'warning',
  });
  writeFileSync(join(dir, 'pccc_guard.d.ts'), apiTypes);
  declare(dir, { forms: false, sideEffects: [RAW] });
}

// `node scripts/package.mjs` packages the three builds; `node scripts/package.mjs web DIR` one more web build
// (the e2e tests' trap build).
if (process.argv[2] === 'web') {
  await packageWeb(join(ROOT, process.argv[3]));
} else {
  await packageBundler(PKG);
  await packageWeb(WEB);
  await packageNode(NODE);
}
console.log('packaged the API and the forms module into pkg/, pkg-web/ and pkg-node/');
