// Builds the npm package, pkg/ (`make build`): one folder, one `npm pack`, serving every runtime through
// package.json `exports` conditions.
//
//   cargo build (wasm32, release) -> wasm-bindgen --target web -> wasm-opt -> esbuild entries -> pkg/
//
// wasm-bindgen's `--target web` loader is the only generated JavaScript; it is used through its documented
// interface alone: `initSync({ module })` and `init({ module_or_path })`, which return the module's exports
// (`InitOutput`, whose `memory` the API reads results from). `checkLoader` fails the build loudly if that
// interface changes. Every entry point bundles the same API (js/api.js) with the loader that suits its runtime
// (js/load-*.js):
//
//   index.js        browsers through bundlers (and any ESM runtime): bytes inlined as base64, instantiated at once
//   node.cjs        Node require(): bytes inlined, instantiated at once; node.mjs the same for import (an ES module
//                   of its own: Node 20 imports a CommonJS file from an ES module about 12 ms slower)
//   workerd.js      Cloudflare workerd: imports the .wasm as a compiled module
//   forms.js        the forms layer on index.js (forms.node.mjs on node.mjs, forms.cjs on node.cjs)
//   schema.js       Standard Schema objects on index.js (schema.node.mjs on node.mjs, schema.cjs on node.cjs);
//                   never part of web/: a plain page that does not import it pays nothing for it
//   react.js        usePcccInput on index.js (react.node.mjs, react.cjs on the Node builds); `react` stays an
//                   import (an optional peer dependency), never bundled
//   pccc-input.js   the <pccc-input> element, imported by definePcccInput()
//   web/            a plain page without a bundler: pccc-guard.js (API + forms, minified; fetches the .wasm next
//                   to it, pinned by a hash built in), pccc_guard_bg.wasm, pccc-input.js
//
// Two builds of the same Rust code: browsers get the module optimised for size (profile `release-size`, opt-level
// "z": every byte is download time on a slow phone, and a keystroke's call is far below what a person notices);
// Node and workerd get it optimised for speed (profile `wasm-speed`, opt-level "s": servers and bulk jobs make
// millions of calls). BENCHMARKS.md has the figures of both.
//
// `node scripts/build.mjs --features trap-test --out pkg-trap --web-only` makes the e2e tests' trap build (web/
// only: the browser tests load nothing else from it).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const JS = join(ROOT, 'js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args[i + 1];
};
const FEATURES = option('--features', 'npm-module');
const WEB_ONLY = args.includes('--web-only');
const OUT = join(ROOT, option('--out', 'pkg'));
const RAW = join(ROOT, 'target', 'wasm-bindgen', option('--out', 'pkg'));
/**
 * The four modules, all from the same Rust code: the fields module and the text module (the finder and
 * redaction, `text-module` feature: pages and apps that only guard fields never download it), each optimised for
 * speed (Node, workerd) and for size (browsers). Each is [Cargo profile, features, file name].
 */
const MODULES = {
  speed: ['wasm-speed', FEATURES, 'pccc_guard_bg.wasm'],
  size: ['release-size', FEATURES, 'pccc_guard_bg.wasm'],
  'text-speed': ['wasm-speed', 'text-module', 'pccc_guard_text_bg.wasm'],
  'text-size': ['release-size', 'text-module', 'pccc_guard_text_bg.wasm'],
};

// After optimising, the producers and target_features sections go too (wasm-opt needs the latter while it works).
const WASM_OPT = [
  '-Oz', '--converge', '--strip-producers', '--strip-target-features', '--enable-bulk-memory', '--enable-sign-ext',
  '--enable-nontrapping-float-to-int', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];

/** The functions of src/wasm.rs that js/api.js and js/text.js call. */
const BOUNDARY = {
  fields: ['check', 'isValid', 'mask', 'normalizeWithCaret', 'slots', 'textBuffer'],
  text: ['find', 'redactText', 'slots'],
};

function run(cmd, argv) {
  execFileSync(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** One module: compiled, bound by wasm-bindgen (web target, no default .wasm URL), optimised. */
function compile(build) {
  const [profile, features] = MODULES[build];
  run('cargo', ['build', '--lib', '--profile', profile, '--target', 'wasm32-unknown-unknown', '--features', features]);
  const out = join(RAW, build);
  rmSync(out, { recursive: true, force: true });
  const wasm = join(ROOT, 'target', 'wasm32-unknown-unknown', profile, 'pccc_guard.wasm');
  run('wasm-bindgen', ['--target', 'web', '--omit-default-module-path', '--out-dir', out, wasm]);
  const bg = join(out, 'pccc_guard_bg.wasm');
  run('wasm-opt', [...WASM_OPT, bg, '-o', bg]);
  const boundary = BOUNDARY[build.startsWith('text') ? 'text' : 'fields'];
  checkLoader(readFileSync(join(out, 'pccc_guard.js'), 'utf8'), readFileSync(join(out, 'pccc_guard.d.ts'), 'utf8'), boundary);
}

/**
 * Fails the build if wasm-bindgen's loader no longer has the documented interface the API is written on: the
 * boundary's functions, `initSync` and the default `init` as exports, and `memory` in the `InitOutput` they
 * return.
 */
export function checkLoader(js, dts, boundary = BOUNDARY.fields) {
  const problems = [];
  for (const name of boundary) {
    if (!new RegExp(`^export function ${name}\\(`, 'm').test(js)) problems.push(`no exported function ${name}`);
  }
  if (!/^export \{[^}]*\binitSync\b[^}]*\bas default\b[^}]*\}/m.test(js)) problems.push('no `initSync` and default `init` export');
  if (!/interface InitOutput \{[^}]*readonly memory: WebAssembly\.Memory;/.test(dts)) problems.push('InitOutput has no `memory`');
  if (/import\.meta\.url/.test(js)) problems.push('a default .wasm URL (import.meta.url) is back: bundlers would emit the file');
  if (problems.length) throw new Error(`wasm-bindgen's loader has changed shape: ${problems.join('; ')}`);
}

/** esbuild plugin: the loader, the module's bytes (or their hash and file) and the API entries each build uses. */
function wiring({ load, api, text, build }) {
  const raw = join(RAW, build);
  const file = MODULES[build][2];
  const bytes = readFileSync(join(raw, 'pccc_guard_bg.wasm'));
  const virtual = {
    'pccc-guard:wasm-base64': () => `export const WASM = ${JSON.stringify(bytes.toString('base64'))};`,
    'pccc-guard:wasm-integrity': () =>
      `export const WASM_INTEGRITY = ${JSON.stringify(sri(bytes))};\nexport const WASM_FILE = ${JSON.stringify(file)};`,
  };
  return {
    name: 'pccc-guard',
    setup(b) {
      b.onResolve({ filter: /^\.\/load\.js$/ }, () => ({ path: join(JS, `load-${load}.js`) }));
      b.onResolve({ filter: /^\.\/pccc_guard_raw\.js$/ }, () => ({ path: join(raw, 'pccc_guard.js') }));
      b.onResolve({ filter: /^\.\/pccc_guard_bg\.wasm$/ }, () => ({ path: `./${file}`, external: true }));
      b.onResolve({ filter: /^\.\/pccc-input\.js$/ }, () => ({ path: './pccc-input.js', external: true }));
      b.onResolve({ filter: /^pccc-guard:api$/ }, () => (api ? { path: api, external: true } : { path: join(JS, 'api.js') }));
      // The forms layer's way to the text API: the plain page's sibling file, or what the app registered.
      b.onResolve({ filter: /^pccc-guard:text$/ }, () => ({ path: join(JS, text ? 'text-import.js' : 'text-registry.js') }));
      b.onResolve({ filter: /^\.\/pccc-guard-text\.js$/ }, () => ({ path: './pccc-guard-text.js', external: true }));
      b.onResolve({ filter: /^pccc-guard:wasm-/ }, (a) => ({ path: a.path, namespace: 'virtual' }));
      b.onLoad({ filter: /.*/, namespace: 'virtual' }, (a) => ({ contents: virtual[a.path](), loader: 'js' }));
    },
  };
}

function bundle(entry, outfile, { load = 'inline', build = 'size', api, text, format = 'esm', platform = 'neutral', minify = false, external = [] } = {}) {
  return esbuild.build({
    entryPoints: [join(JS, entry)],
    outfile,
    bundle: true,
    format,
    platform,
    // Private class fields and static blocks (the custom element) stay native: every browser with
    // form-associated custom elements has them.
    target: format === 'cjs' ? 'node18' : 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
    minify,
    external,
    plugins: [wiring({ load, api, text, build })],
  });
}

/**
 * A types file with the generated contract's types (js/contract.d.ts) in place of its `contract:begin` … `contract:end`
 * lines, which import them from the contract in the sources: every .d.ts in the package stands alone.
 */
export function withContract(dts) {
  const types = readFileSync(join(JS, 'contract.d.ts'), 'utf8').replace(/^\/\/.*\n\n?/, '');
  const out = dts.replace(/^\/\/ contract:begin.*\n[^]*?^\/\/ contract:end\n/m, types);
  if (out === dts) throw new Error('a .d.ts has no contract:begin/contract:end block');
  return out;
}

export function sri(bytes) {
  return 'sha384-' + createHash('sha384').update(bytes).digest('base64');
}


function types(dir) {
  const api = withContract(readFileSync(join(JS, 'api.d.ts'), 'utf8'));
  const forms = readFileSync(join(JS, 'forms.d.ts'), 'utf8');
  writeFileSync(join(dir, 'index.d.ts'), api);
  writeFileSync(join(dir, 'index.d.cts'), api);
  writeFileSync(join(dir, 'forms.d.ts'), forms);
  writeFileSync(join(dir, 'forms.d.cts'), forms.replaceAll("from './index.js'", "from './index.cjs'"));
  const schema = readFileSync(join(JS, 'schema.d.ts'), 'utf8');
  writeFileSync(join(dir, 'schema.d.ts'), schema);
  writeFileSync(join(dir, 'schema.d.cts'), schema.replaceAll("from './index.js'", "from './index.cjs'"));
  const react = readFileSync(join(JS, 'react.d.ts'), 'utf8');
  writeFileSync(join(dir, 'react.d.ts'), react);
  writeFileSync(join(dir, 'react.d.cts'), react);
  const text = withContract(readFileSync(join(JS, 'text.d.ts'), 'utf8'));
  writeFileSync(join(dir, 'text.d.ts'), text);
  writeFileSync(join(dir, 'text.d.cts'), text);
  writeFileSync(join(dir, 'web', 'pccc-guard-text.d.ts'), text);
  // The plain-page module exports both.
  const web = forms.replace(/^export \{ ready \} from '\.\/index\.js';\n/m, '').replace(/^\/\/.*\n/gm, '');
  writeFileSync(join(dir, 'web', 'pccc-guard.d.ts'), `${api}\n${web}`);
}

function manifest(dir) {
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const field = (k) => cargo.match(new RegExp(`^${k} = "(.*)"$`, 'm'))[1];
  const pkg = {
    name: 'pccc-guard',
    version: field('version'),
    description: field('description'),
    license: field('license'),
    keywords: ['pccc', 'customs', 'korea', 'validation', 'wasm', '개인통관고유부호'],
    type: 'module',
    // Conditions, first match wins: TypeScript's types (.d.cts for require), workerd's compiled-module import,
    // Node's synchronous builds, then every bundler and browser.
    exports: {
      '.': {
        types: { require: './index.d.cts', default: './index.d.ts' },
        workerd: './workerd.js',
        node: { require: './node.cjs', default: './node.mjs' },
        default: './index.js',
      },
      './forms': {
        types: { require: './forms.d.cts', default: './forms.d.ts' },
        node: { require: './forms.cjs', default: './forms.node.mjs' },
        default: './forms.js',
      },
      './schema': {
        types: { require: './schema.d.cts', default: './schema.d.ts' },
        node: { require: './schema.cjs', default: './schema.node.mjs' },
        default: './schema.js',
      },
      './react': {
        types: { require: './react.d.cts', default: './react.d.ts' },
        node: { require: './react.cjs', default: './react.node.mjs' },
        default: './react.js',
      },
      './text': {
        types: { require: './text.d.cts', default: './text.d.ts' },
        workerd: './text.workerd.js',
        node: { require: './text.node.cjs', default: './text.node.mjs' },
        default: './text.js',
      },
      './web/pccc-guard.js': { types: './web/pccc-guard.d.ts', default: './web/pccc-guard.js' },
      './web/pccc-guard-text.js': { types: './web/pccc-guard-text.d.ts', default: './web/pccc-guard-text.js' },
      './web/*': './web/*',
      './wasm': './pccc_guard_bg.wasm',
      './text.wasm': './pccc_guard_text_bg.wasm',
      './package.json': './package.json',
    },
    // For tools that predate `exports`.
    main: './node.cjs',
    module: './index.js',
    types: './index.d.ts',
    files: [
      'index.js', 'index.d.ts', 'index.d.cts', 'node.cjs', 'node.mjs', 'workerd.js', 'forms.js', 'forms.cjs',
      'forms.node.mjs', 'forms.d.ts', 'forms.d.cts', 'schema.js', 'schema.cjs', 'schema.node.mjs', 'schema.d.ts',
      'schema.d.cts', 'react.js', 'react.cjs', 'react.node.mjs', 'react.d.ts', 'react.d.cts', 'text.js', 'text.d.ts', 'text.d.cts', 'text.node.cjs',
      'text.node.mjs', 'text.workerd.js', 'pccc-input.js', 'pccc_guard_bg.wasm', 'pccc_guard_text_bg.wasm', 'web/',
    ],
    // Importing the API instantiates the module, but only to serve its exports: a bundler may drop an unused
    // import. The plain-page module guards the page when loaded; the text API registers itself with the forms
    // layer (`import 'pccc-guard/text'` turns on memo checks and paste extraction).
    sideEffects: ['./web/pccc-guard.js', './text.js', './text.node.mjs', './text.node.cjs', './text.workerd.js'],
    // Only pccc-guard/react uses React.
    peerDependencies: { react: '>=18' },
    peerDependenciesMeta: { react: { optional: true } },
    engines: { node: '>=18' },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
}

export async function buildPackage() {
  // The JavaScript contract (slots, field numbers, error codes) from the Rust side: js/contract.js and contract.d.ts.
  run('cargo', ['run', '--quiet', '--example', 'js_contract', '--', JS]);
  compile('size');
  compile('text-size');
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, 'web'), { recursive: true });
  const web = join(OUT, 'web');
  copyFileSync(join(RAW, 'size', 'pccc_guard_bg.wasm'), join(web, 'pccc_guard_bg.wasm'));
  copyFileSync(join(RAW, 'text-size', 'pccc_guard_bg.wasm'), join(web, 'pccc_guard_text_bg.wasm'));
  const browser = { load: 'web', minify: true, platform: 'browser' };
  await bundle('web.js', join(web, 'pccc-guard.js'), { ...browser, text: './pccc-guard-text.js' });
  await bundle('text.js', join(web, 'pccc-guard-text.js'), { ...browser, build: 'text-size' });
  await bundle('pccc-input.js', join(web, 'pccc-input.js'), browser);
  if (WEB_ONLY) return console.log(`built ${OUT.slice(ROOT.length)}/web/ (features: ${FEATURES})`);

  compile('speed');
  compile('text-speed');
  copyFileSync(join(RAW, 'speed', 'pccc_guard_bg.wasm'), join(OUT, 'pccc_guard_bg.wasm'));
  copyFileSync(join(RAW, 'text-speed', 'pccc_guard_bg.wasm'), join(OUT, 'pccc_guard_text_bg.wasm'));

  // The API and the text API for each runtime, then the forms layer on each.
  for (const [entry, name, text] of [['api.js', '', 'speed'], ['text.js', 'text.', 'text-speed']]) {
    const browserBuild = text === 'speed' ? 'size' : 'text-size';
    await bundle(entry, join(OUT, `${name || 'index.'}js`), { build: browserBuild });
    await bundle(entry, join(OUT, `${name}node.cjs`), { load: 'node', build: text, format: 'cjs', platform: 'node' });
    await bundle(entry, join(OUT, `${name}node.mjs`), { load: 'node', build: text, platform: 'node' });
    await bundle(entry, join(OUT, `${name}workerd.js`), { load: 'workerd', build: text });
  }
  await bundle('forms.js', join(OUT, 'forms.js'), { api: './index.js' });
  await bundle('forms.js', join(OUT, 'forms.node.mjs'), { api: './node.mjs' });
  await bundle('forms.js', join(OUT, 'forms.cjs'), { api: './node.cjs', format: 'cjs', platform: 'node' });
  await bundle('schema.js', join(OUT, 'schema.js'), { api: './index.js' });
  await bundle('schema.js', join(OUT, 'schema.node.mjs'), { api: './node.mjs' });
  await bundle('schema.js', join(OUT, 'schema.cjs'), { api: './node.cjs', format: 'cjs', platform: 'node' });
  const react = { external: ['react'] };
  await bundle('react.js', join(OUT, 'react.js'), { ...react, api: './index.js' });
  await bundle('react.js', join(OUT, 'react.node.mjs'), { ...react, api: './node.mjs' });
  await bundle('react.js', join(OUT, 'react.cjs'), { ...react, api: './node.cjs', format: 'cjs', platform: 'node' });
  await bundle('pccc-input.js', join(OUT, 'pccc-input.js'));

  types(OUT);
  manifest(OUT);
  // The package's own README (for npm readers; the repository's README.md is for the repository) and the licence.
  copyFileSync(join(JS, 'README.md'), join(OUT, 'README.md'));
  copyFileSync(join(ROOT, 'LICENSE'), join(OUT, 'LICENSE'));
  console.log(`built ${OUT.slice(ROOT.length)}/ (features: ${FEATURES})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(ROOT, 'node_modules', 'esbuild'))) throw new Error('run `make setup-node` first');
  await buildPackage();
}
