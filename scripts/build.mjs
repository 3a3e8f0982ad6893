// Builds the npm package, pkg/ (`make build`): one folder, one `npm pack`, serving every runtime through
// package.json `exports` conditions.
//
//   cargo build (wasm32, release) -> wasm-bindgen --target web -> wasm-opt -> esbuild entries -> pkg/
//                                                                         \-> wasm2js (fields, size build)
//
// wasm-bindgen's `--target web` loader is the only generated JavaScript; it is used through its documented
// interface alone: `initSync({ module })` and `init({ module_or_path })`, which return the module's exports
// (`InitOutput`, whose `memory` the API reads results from). `checkLoader` fails the build loudly if that
// interface changes. Every entry point bundles the same API (js/api/api.js) with the loader that suits its runtime
// (js/load-*.js):
//
//   index.js        browsers through bundlers (and any ESM runtime): bytes inlined as text (js/runtime/bytetext.js),
//                   instantiated at once; the JavaScript build named by `new URL(…, import.meta.url)`, which
//                   bundlers emit as a file of their own, fetched only where WebAssembly fails
//                   (js/runtime/fallback-inline.js)
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
//                   to it, pinned by a hash built in), pccc-guard-fields.wasm, pccc-input.js, the text module's
//                   pccc-guard-text.js and .wasm, and pccc-guard.classic.js (API, forms layer and element as one
//                   classic script on the PcccGuard global, the WebAssembly inlined: js/surfaces/classic.js)
//
// Files are named by what they hold: pccc-guard-fields.wasm and pccc-guard-text.wasm (each in a speed build at
// the top and a size build in web/), and pccc-guard-fields.wasm.js, the fields module compiled to JavaScript
// (binaryen's wasm2js), which every fields entry falls back on where WebAssembly is missing, refused or fails
// (js/fallback-*.js, through js/runtime/engine.js); `.cjs` is the same file for Node's require.
//
// The bundlers' entries (index.js, forms.js, text.js, schema.js, react.js, pccc-input.js) have their names and
// syntax minified, their lines and comments kept; web/ is minified fully; the Node and workerd builds not at all.
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
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { packBytes, unpackBytes } from '../js/runtime/bytetext.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const JS = join(ROOT, 'js');
// The package's JavaScript sources by layer: the API (js/api/, with the files generated from the Rust registry), the
// surfaces on it (js/surfaces/: the forms layer, the element, the React hook, the plain-page entries) and the runtime
// loaders (js/runtime/: how each runtime gets the module, the fallback without WebAssembly).
const JS_API = join(JS, 'api');
const LAYERS = [JS_API, join(JS, 'surfaces'), join(JS, 'runtime')];
/** A source file of js/ by its name, in whichever layer's folder it is. */
const source = (name) => {
  const path = LAYERS.map((dir) => join(dir, name)).find((p) => existsSync(p));
  if (!path) throw new Error(`js/: no source file ${name}`);
  return path;
};

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
  speed: ['wasm-speed', FEATURES, 'pccc-guard-fields.wasm'],
  size: ['release-size', FEATURES, 'pccc-guard-fields.wasm'],
  'text-speed': ['wasm-speed', 'text-module', 'pccc-guard-text.wasm'],
  'text-size': ['release-size', 'text-module', 'pccc-guard-text.wasm'],
};
/**
 * The fields module compiled to JavaScript (binaryen's wasm2js, from the size build): what runs where WebAssembly
 * cannot (a CSP without 'wasm-unsafe-eval', iOS Lockdown Mode, `node --jitless`). The same file everywhere; Node's
 * `require` reads it as `.cjs`.
 */
export const JS_BUILD = 'pccc-guard-fields.wasm.js';
/** The classic script's file in web/. */
export const CLASSIC = 'pccc-guard.classic.js';
/** Where the JavaScript build puts its factory when it runs (a script, a module or a `require`d file alike). */
const JS_BUILD_KEY = 'pccc-guard.fields.wasm.js';

// Wasm features the modules use. Multi-value and reference types are left out, for every module alike: wasm2js
// refuses tuples and non-function tables, and wasm-bindgen uses both when the module's target_features section
// lists them (rustc's std always does). Without them wasm-bindgen returns strings through the stack and keeps no
// externref table; its loader is then the same for the .wasm and for the JavaScript build.
const FEATURES_ON = ['--enable-bulk-memory', '--enable-sign-ext', '--enable-nontrapping-float-to-int', '--enable-mutable-globals'];
const FEATURES_OFF = ['multivalue', 'reference-types'];
// After optimising, the producers and target_features sections go too (wasm-opt needs the latter while it works).
// --low-memory-unused: Rust's stack grows down from 1 MiB towards address 0, and these modules' calls use a few
// KiB of it, so the first KiB is never touched; wasm-opt folds more address arithmetic knowing it (93 bytes less of
// the fields module after gzip -9).
const WASM_OPT = ['-Oz', '--converge', '--low-memory-unused', '--strip-producers', '--strip-target-features', ...FEATURES_ON];

/** The functions of src/wasm/exports.rs that js/api/api.js and js/api/text.js call. */
const BOUNDARY = {
  fields: ['check', 'isValid', 'mask', 'normalizeWithCaret', 'slots', 'textBuffer'],
  text: ['find', 'redactText', 'slots'],
};

function run(cmd, argv) {
  execFileSync(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

/**
 * One module: compiled, its target_features section without multi-value and reference types, bound by
 * wasm-bindgen (web target, no default .wasm URL), optimised; the size build of the fields module is also compiled
 * to JavaScript.
 */
function compile(build) {
  const [profile, features] = MODULES[build];
  run('cargo', ['build', '--lib', '--profile', profile, '--target', 'wasm32-unknown-unknown', '--features', features]);
  const out = join(RAW, build);
  rmSync(out, { recursive: true, force: true });
  const input = join(RAW, `${build}-input`);
  mkdirSync(input, { recursive: true });
  const wasm = join(input, 'pccc_guard.wasm');
  const built = readFileSync(join(ROOT, 'target', 'wasm32-unknown-unknown', profile, 'pccc_guard.wasm'));
  writeFileSync(wasm, withoutFeatures(built, FEATURES_OFF));
  run('wasm-bindgen', ['--target', 'web', '--omit-default-module-path', '--out-dir', out, wasm]);
  const bg = join(out, 'pccc_guard_bg.wasm');
  run('wasm-opt', [...WASM_OPT, bg, '-o', bg]);
  const boundary = BOUNDARY[build.startsWith('text') ? 'text' : 'fields'];
  checkLoader(readFileSync(join(out, 'pccc_guard.js'), 'utf8'), readFileSync(join(out, 'pccc_guard.d.ts'), 'utf8'), boundary);
  if (build === 'size') {
    const js = join(out, 'wasm2js.js');
    // -Os: wasm2js optimises what it writes too (2.1 KB less after gzip -9 than without; -Oz is no smaller).
    run('wasm2js', ['-Os', ...FEATURES_ON, bg, '-o', js]);
    writeFileSync(join(out, JS_BUILD), jsBuild(readFileSync(js, 'utf8')));
  }
}

const leb = (bytes, i) => {
  let n = 0;
  let shift = 0;
  let b;
  do {
    b = bytes[i++];
    n += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [n, i];
};
const uleb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};

/**
 * The module with `drop` removed from its target_features custom section (the section says which features the
 * code uses; wasm-bindgen reads it to choose its conventions). Fails if the section or one of the features is
 * missing: then this step has nothing left to do and should go.
 */
export function withoutFeatures(wasm, drop) {
  const parts = [wasm.subarray(0, 8)];
  const dropped = new Set();
  let found = false;
  for (let i = 8; i < wasm.length; ) {
    const start = i;
    const id = wasm[i++];
    let size;
    [size, i] = leb(wasm, i);
    const body = i;
    i += size;
    if (id === 0) {
      let [length, p] = leb(wasm, body);
      const name = Buffer.from(wasm.subarray(p, p + length)).toString();
      p += length;
      if (name === 'target_features') {
        found = true;
        let count;
        [count, p] = leb(wasm, p);
        const kept = [];
        for (let k = 0; k < count; k++) {
          const prefix = wasm[p++];
          let n;
          [n, p] = leb(wasm, p);
          const feature = wasm.subarray(p, p + n);
          p += n;
          if (drop.includes(Buffer.from(feature).toString())) dropped.add(Buffer.from(feature).toString());
          else kept.push([prefix, ...uleb(n), ...feature]);
        }
        const payload = [...uleb(length), ...Buffer.from(name), ...uleb(kept.length), ...kept.flat()];
        parts.push(Uint8Array.from([0, ...uleb(payload.length), ...payload]));
        continue;
      }
    }
    parts.push(wasm.subarray(start, i));
  }
  if (!found || dropped.size !== drop.length) {
    throw new Error(`target_features: expected ${drop.join(', ')}; found ${found ? [...dropped].join(', ') || 'none' : 'no section'}`);
  }
  return Buffer.concat(parts);
}

/**
 * wasm2js's output as the JavaScript build: one script that, run as a classic script, as a module or by
 * `require`, registers a factory, `create(imports, RuntimeError)` -> the module's exports (js/runtime/engine.js calls it).
 * Three changes to what wasm2js writes: the data segments (messages in UTF-8, tables) are written in hex, which
 * gzip compresses to 1.4 KB less than the base64 wasm2js uses; a trap throws the engine's RuntimeError (or its
 * stand-in) as WebAssembly would, not a plain Error; and a memory that grows detaches its old buffer as
 * WebAssembly's does, which is how wasm-bindgen's loader and the API know to make their views again.
 */
export function jsBuild(source) {
  const tail = source.indexOf('var retasmFunc = asmFunc(');
  const decoder = /\n\s*var base64ReverseLookup[\s\S]*?\n\s*return uint8Array;\n\s*\}\n/;
  const segment = /base64DecodeToExistingUint8Array\(bufferView, (\d+), "([A-Za-z0-9+/=]*)"\)/g;
  const trap = "function wasm2js_trap() { throw new Error('abort'); }";
  const grow = '   buffer = newBuffer;\n';
  if (tail < 0 || !decoder.test(source) || !segment.test(source) || !source.includes(trap) || !source.includes(grow) || /^import /m.test(source)) {
    throw new Error("wasm2js's output has changed shape: the JavaScript build needs its post-processing updated");
  }
  const body = source
    .slice(0, tail)
    .replace(decoder, '\nfunction hex(bytes, at, text) { for (var i = 0; i < text.length; i += 2) bytes[at++] = parseInt(text.slice(i, i + 2), 16); }\n')
    .replace(segment, (_, at, base64) => `hex(bufferView, ${at}, "${Buffer.from(base64, 'base64').toString('hex')}")`)
    .replace(trap, "function wasm2js_trap() { throw new RuntimeError('unreachable'); }")
    .replace(grow, '   try { structuredClone(buffer, { transfer: [buffer] }); } catch (e) {}\n' + grow);
  if (body.includes('base64')) throw new Error('wasm2js output: a base64 segment is left');
  const key = JSON.stringify(JS_BUILD_KEY);
  const script = `(function () {\nglobalThis[Symbol.for(${key})] = function (imports, RuntimeError) {\n${body}\nreturn asmFunc(imports);\n};\n})();\n`;
  return esbuild.transformSync(script, { minify: true, target: 'es2020', legalComments: 'none', charset: 'ascii' }).code;
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

/**
 * How the classic script carries the module's bytes (`pccc-guard:wasm-packed`: `unpack()` returns them, or a
 * promise of them). `node scripts/encodings.mjs` builds the script with each and prints its size; the default is
 * the smallest after gzip -9 that unpacks in the script's own task (docs/plain-pages.md has the figures). Each gives
 * the module's source and, optionally, a `tail`: text the classic script passes to its own IIFE as `PACKED` (see
 * `classicScript`), so that it comes last in the file.
 */
export const PACKINGS = {
  /** base64 of the module, decoded by the engine's own decoder where it has one. */
  base64: (bytes) => ({
    module: `export const unpack = () => {
  const text = ${JSON.stringify(bytes.toString('base64'))};
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
};`,
  }),
  /** Two hex digits a byte: gzip still sees the module's repeated byte runs (base64 shifts them out of step). */
  hex: (bytes) => ({
    module: `export const unpack = () => {
  const text = ${JSON.stringify(bytes.toString('hex'))};
  if (Uint8Array.fromHex) return Uint8Array.fromHex(text);
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.substr(2 * i, 2), 16);
  return bytes;
};`,
  }),
  /**
   * One or two characters a byte (js/runtime/bytetext.js): like hex, gzip and brotli still see the module's repeated byte
   * runs, in about half hex's characters, and the text is turned back into bytes by one table lookup a character,
   * in the task that runs the script. The text is the last thing in the file: gzip -9 of the whole script was about
   * 470 bytes smaller so than with the text in the middle of the code (one Huffman table fewer straddles both).
   */
  bytes: (bytes) => {
    const { text, table } = packBytes(bytes);
    if (!Buffer.from(unpackBytes(text, table, bytes.length)).equals(bytes)) throw new Error('js/runtime/bytetext.js does not give the module back');
    return {
      module: `import { unpackBytes } from './bytetext.js';
export const unpack = () => unpackBytes(PACKED, ${JSON.stringify(table)}, ${bytes.length});`,
      tail: text,
    };
  },
  /** The module deflated and base64-encoded, inflated by the browser's DecompressionStream (in later tasks). */
  'deflate-stream': (bytes) => ({
    module: `export const unpack = () => {
  const text = ${JSON.stringify(deflateRawSync(bytes, { level: 9, memLevel: 9 }).toString('base64'))};
  let packed = Uint8Array.fromBase64?.(text);
  if (!packed) {
    const raw = atob(text);
    packed = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) packed[i] = raw.charCodeAt(i);
  }
  return new Response(new Response(packed).body.pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer();
};`,
  }),
};
const PACKING = option('--packing', 'bytes');

/**
 * One build's module packed for the bundlers' entries (index.js, text.js): the text and its unpacking in the module
 * itself, always one or two characters a byte (js/runtime/bytetext.js: about 3 KB less after gzip -9 than base64, and
 * unpacked in the task that imports it).
 */
function inlinePacked(build) {
  const bytes = readFileSync(join(RAW, build, 'pccc_guard_bg.wasm'));
  const { text, table } = packBytes(bytes);
  if (!Buffer.from(unpackBytes(text, table, bytes.length)).equals(bytes)) throw new Error('js/runtime/bytetext.js does not give the module back');
  return `import { unpackBytes } from './bytetext.js';
export const unpack = () => unpackBytes(${JSON.stringify(text)}, ${JSON.stringify(table)}, ${bytes.length});`;
}

/** One build's module packed for the classic script: made (and checked) once, for its bundle and for its tail. */
const packed = new Map();
function packedModule(build) {
  if (!packed.has(build)) packed.set(build, PACKINGS[PACKING](readFileSync(join(RAW, build, 'pccc_guard_bg.wasm'))));
  return packed.get(build);
}

/** esbuild plugin: the loader, the module's bytes (or their hash and file) and the API entries each build uses. */
function wiring({ load, api, text, build, fallback, format }) {
  const raw = join(RAW, build);
  const file = MODULES[build][2];
  const bytes = readFileSync(join(raw, 'pccc_guard_bg.wasm'));
  const classic = load === 'classic';
  const virtual = {
    'pccc-guard:wasm-base64': () => `export const WASM = ${JSON.stringify(bytes.toString('base64'))};`,
    'pccc-guard:wasm-packed': () => (classic ? packedModule(build).module : inlinePacked(build)),
    'pccc-guard:wasm-integrity': () => {
      const js = fallback === 'none' ? null : readFileSync(join(RAW, 'size', JS_BUILD));
      // The hashes built into the loaders are SHA-256 (20 characters shorter each than SHA-384, and as strong a pin).
      return `export const WASM_INTEGRITY = ${JSON.stringify(sri(bytes, 'sha256'))};\nexport const WASM_FILE = ${JSON.stringify(file)};
export const JS_FILE = ${JSON.stringify(JS_BUILD)};\nexport const JS_INTEGRITY = ${JSON.stringify(js && sri(js, 'sha256'))};`;
    },
    // Node's synchronous way to the JavaScript build next to the entry.
    'pccc-guard:require': () =>
      format === 'cjs'
        ? 'export const requireSibling = (file) => require(file);'
        : "import { createRequire } from 'node:module';\nexport const requireSibling = createRequire(import.meta.url);",
  };
  return {
    name: 'pccc-guard',
    setup(b) {
      b.onResolve({ filter: /^\.\/load\.js$/ }, () => ({ path: source(`load-${load}.js`) }));
      b.onResolve({ filter: /^pccc-guard:fallback$/ }, () => ({ path: source(`fallback-${fallback}.js`) }));
      b.onResolve({ filter: /^\.\/pccc_guard_raw\.js$/ }, () => ({ path: join(raw, 'pccc_guard.js') }));
      b.onResolve({ filter: /^\.\/module\.wasm$/ }, () => ({ path: `./${file}`, external: true }));
      b.onResolve({ filter: /^\.\/pccc-guard-fields\.wasm\.c?js$/ }, (a) => ({ path: a.path, external: true }));
      // The classic script carries the element's code (it makes no further request); the modules import it.
      b.onResolve({ filter: /^\.\/pccc-input\.js$/ }, () => (classic ? { path: source('pccc-input.js') } : { path: './pccc-input.js', external: true }));
      b.onResolve({ filter: /^pccc-guard:api$/ }, () => (api ? { path: api, external: true } : { path: source('api.js') }));
      // The forms layer's way to the text API: the plain page's sibling file, or what the app registered.
      b.onResolve({ filter: /^pccc-guard:text$/ }, () => ({ path: source(classic ? 'text-classic.js' : text ? 'text-import.js' : 'text-registry.js') }));
      b.onResolve({ filter: /^\.\/pccc-guard-text\.js$/ }, () => ({ path: './pccc-guard-text.js', external: true }));
      b.onResolve({ filter: /^pccc-guard:(wasm-|require$)/ }, (a) => ({ path: a.path, namespace: 'virtual' }));
      b.onLoad({ filter: /.*/, namespace: 'virtual' }, (a) => ({ contents: virtual[a.path](), loader: 'js', resolveDir: join(JS, 'runtime') }));
    },
  };
}

/**
 * One entry bundled. `minify`: true minifies fully (the web/ files, served as they are); 'compact' renames and
 * folds but keeps lines and comments (the bundlers' entries: a bundler run without a minifier, as Rollup's defaults
 * are, still gets small code, and the comments bundlers read in it, `webpackIgnore` and `@vite-ignore`, stay).
 */
function bundle(entry, outfile, { load = 'inline', build = 'size', api, text, format = 'esm', platform = 'neutral', minify = false, fallback = 'none', charset = 'utf8', external = [] } = {}) {
  return esbuild.build({
    entryPoints: [source(entry)],
    outfile,
    bundle: true,
    format,
    platform,
    // Private class fields and static blocks (the custom element) stay native: every browser with
    // form-associated custom elements has them.
    target: format === 'cjs' ? 'node18' : 'es2022',
    charset,
    legalComments: 'none',
    logLevel: 'warning',
    ...(minify === 'compact' ? { minifyIdentifiers: true, minifySyntax: true } : { minify }),
    external,
    // The bundles that may run the JavaScript build, and the forms layer that catches its traps, read `WebAssembly`
    // through js/runtime/engine.js: the engine's own, plus the JavaScript build.
    inject: fallback !== 'none' || entry === 'forms.js' ? [source('engine.js')] : [],
    plugins: [wiring({ load, api, text, build, fallback, format })],
  });
}

/**
 * A types file with the generated types in place of each `// <name>:begin` … `// <name>:end` block (js/api/contract.d.ts,
 * js/api/api-fields.d.ts, js/api/schema-fields.d.ts, generated from the Rust registry), which in the sources import them:
 * every .d.ts in the package stands alone. A generated file's first line and its own imports are left out (what
 * they import is in the same package file).
 */
export function withContract(dts) {
  const out = dts.replace(/^\/\/ ([a-z-]+):begin.*\n[^]*?^\/\/ \1:end\n/gm, (_, name) =>
    readFileSync(source(`${name}.d.ts`), 'utf8')
      .replace(/^\/\/.*\n\n?/, '')
      .replace(/^import type \{[^}]*\} from '\.\/[a-z-]+\.js';\n\n?/gm, ''),
  );
  if (out === dts) throw new Error('a .d.ts has no generated block (// contract:begin … // contract:end)');
  return out;
}

export function sri(bytes, algorithm = 'sha384') {
  return `${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`;
}


function types(dir) {
  const api = withContract(readFileSync(source('api.d.ts'), 'utf8'));
  const forms = readFileSync(source('forms.d.ts'), 'utf8');
  writeFileSync(join(dir, 'index.d.ts'), api);
  writeFileSync(join(dir, 'index.d.cts'), api);
  writeFileSync(join(dir, 'forms.d.ts'), forms);
  writeFileSync(join(dir, 'forms.d.cts'), forms.replaceAll("from './index.js'", "from './index.cjs'"));
  const schema = withContract(readFileSync(source('schema.d.ts'), 'utf8'));
  writeFileSync(join(dir, 'schema.d.ts'), schema);
  writeFileSync(join(dir, 'schema.d.cts'), schema.replaceAll("from './index.js'", "from './index.cjs'"));
  const react = readFileSync(source('react.d.ts'), 'utf8');
  writeFileSync(join(dir, 'react.d.ts'), react);
  writeFileSync(join(dir, 'react.d.cts'), react);
  const text = withContract(readFileSync(source('text.d.ts'), 'utf8'));
  writeFileSync(join(dir, 'text.d.ts'), text);
  writeFileSync(join(dir, 'text.d.cts'), text);
  writeFileSync(join(dir, 'web', 'pccc-guard-text.d.ts'), text);
  // The plain-page module exports both: the forms types without their imports from the API, which is in the same file.
  const web = forms
    .replace(/^export \{ ready \} from '\.\/index\.js';\n/m, '')
    .replace(/^import type \{[^}]*\} from '\.\/index\.js';\n/m, '')
    .replace(/^\/\/.*\n/gm, '');
  if (web.includes("'./index.js'")) throw new Error('web/pccc-guard.d.ts would import ./index.js, which web/ does not have');
  writeFileSync(join(dir, 'web', 'pccc-guard.d.ts'), `${api}\n${web}`);
  // The classic script's global: the plain-page module's API and forms functions.
  writeFileSync(join(dir, 'web', 'pccc-guard.classic.d.ts'), `// The global of web/${CLASSIC}: the same functions as web/pccc-guard.js.
import type * as Api from './pccc-guard.js';

declare global {
  var PcccGuard: Readonly<typeof Api>;
}

export {};
`);
}

/**
 * The library's package metadata as Cargo reads it (the version, licence and links come from Cargo.toml's
 * `[workspace.package]`, shared by every published package): the npm package is released with the same version.
 */
export function crateMetadata() {
  const out = execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1'], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out).packages.find((p) => p.name === 'pccc-guard');
}

function manifest(dir) {
  const crate = crateMetadata();
  const typed = (name) => ({ node: { require: `./${name}.d.cts`, default: `./${name}.d.ts` }, default: `./${name}.d.ts` });
  const pkg = {
    name: 'pccc-guard',
    version: crate.version,
    description: crate.description,
    license: crate.license,
    keywords: ['pccc', 'customs', 'korea', 'validation', 'wasm', '개인통관고유부호'],
    homepage: crate.homepage,
    repository: { type: 'git', url: `git+${crate.repository}.git` },
    bugs: { url: `${crate.repository}/issues` },
    type: 'module',
    // Conditions, first match wins: TypeScript's types, workerd's compiled-module import, Node's synchronous builds,
    // then every bundler and browser. The types follow the files: Node's `require` gets CommonJS and its types are
    // the .d.cts; every other resolution gets an ES module, typed by the .d.ts (an ES module too, by "type":
    // "module"). A bundler's `require` gets the ES module, so it must not be typed as CommonJS (publint).
    exports: {
      '.': {
        types: typed('index'),
        workerd: './workerd.js',
        node: { require: './node.cjs', default: './node.mjs' },
        default: './index.js',
      },
      './forms': {
        types: typed('forms'),
        node: { require: './forms.cjs', default: './forms.node.mjs' },
        default: './forms.js',
      },
      './schema': {
        types: typed('schema'),
        node: { require: './schema.cjs', default: './schema.node.mjs' },
        default: './schema.js',
      },
      './react': {
        types: typed('react'),
        node: { require: './react.cjs', default: './react.node.mjs' },
        default: './react.js',
      },
      './text': {
        types: typed('text'),
        workerd: './text.workerd.js',
        node: { require: './text.node.cjs', default: './text.node.mjs' },
        default: './text.js',
      },
      './web/pccc-guard.js': { types: './web/pccc-guard.d.ts', default: './web/pccc-guard.js' },
      './web/pccc-guard-text.js': { types: './web/pccc-guard-text.d.ts', default: './web/pccc-guard-text.js' },
      './web/*': './web/*',
      './wasm': './pccc-guard-fields.wasm',
      './text.wasm': './pccc-guard-text.wasm',
      './package.json': './package.json',
    },
    // For tools that predate `exports`.
    main: './node.cjs',
    module: './index.js',
    types: './index.d.ts',
    files: [
      'index.js', 'index.d.ts', 'index.d.cts', 'node.cjs', 'node.mjs', 'workerd.js', 'forms.js', 'forms.cjs',
      'forms.node.mjs', 'forms.d.ts', 'forms.d.cts', 'schema.js', 'schema.cjs', 'schema.node.mjs', 'schema.d.ts',
      'schema.d.cts', 'react.js', 'react.cjs', 'react.node.mjs', 'react.d.ts', 'react.d.cts', 'text.js', 'text.d.ts',
      'text.d.cts', 'text.node.cjs', 'text.node.mjs', 'text.workerd.js', 'pccc-input.js', 'pccc-guard-fields.wasm',
      'pccc-guard-text.wasm', JS_BUILD, JS_BUILD.replace(/\.js$/, '.cjs'), 'web/',
    ],
    // Importing the API instantiates the module, but only to serve its exports: a bundler may drop an unused
    // import. The plain-page module guards the page when loaded; the text API registers itself with the forms
    // layer (`import 'pccc-guard/text'` turns on memo checks and paste extraction).
    sideEffects: ['./web/pccc-guard.js', `./web/${CLASSIC}`, `./${JS_BUILD}`, `./web/${JS_BUILD}`, './text.js', './text.node.mjs', './text.node.cjs', './text.workerd.js'],
    // Only pccc-guard/react uses React.
    peerDependencies: { react: '>=18' },
    peerDependenciesMeta: { react: { optional: true } },
    engines: { node: '>=18' },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
}

/**
 * The classic script: the API, the forms layer and the element as one IIFE on the `PcccGuard` global (ASCII only, so
 * a page in another encoding, such as EUC-KR, reads it right), wrapped so that a second copy does nothing.
 */
async function classicScript(outfile) {
  await bundle('classic.js', outfile, { load: 'classic', fallback: 'classic', minify: true, platform: 'browser', format: 'iife', charset: 'ascii' });
  const code = readFileSync(outfile, 'utf8').trimEnd();
  if (!code.startsWith('(()=>{') || !code.endsWith('})();')) throw new Error('the classic bundle is no longer one IIFE');
  // The packed module's text, where the packing has one, is the IIFE's argument: the last thing in the file.
  const { tail } = packedModule('size');
  const body = tail === undefined ? code : `(PACKED=>{${code.slice('(()=>{'.length, -'})();'.length)}})(${JSON.stringify(tail)});`;
  writeFileSync(outfile, `if(!globalThis.PcccGuard)${body}\n`);
}

/** The speed and size builds of the fields module share one wasm-bindgen loader, so either runs the JavaScript build. */
function checkSameLoader() {
  const loader = (build) => readFileSync(join(RAW, build, 'pccc_guard.js'), 'utf8');
  if (loader('speed') !== loader('size')) throw new Error("wasm-bindgen's loaders of the speed and size builds differ: the JavaScript build fits only one");
}

export async function buildPackage() {
  // The JavaScript generated from the Rust registry (slots, field numbers, error codes, every field's named functions
  // and types): js/contract.*, js/api-fields.*, js/schema-fields.* (xtask/src/contract.rs).
  run('cargo', ['run', '--quiet', '-p', 'pccc-guard-xtask', '--', 'contract', JS_API]);
  compile('size');
  compile('text-size');
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, 'web'), { recursive: true });
  const web = join(OUT, 'web');
  copyFileSync(join(RAW, 'size', 'pccc_guard_bg.wasm'), join(web, MODULES.size[2]));
  copyFileSync(join(RAW, 'text-size', 'pccc_guard_bg.wasm'), join(web, MODULES['text-size'][2]));
  copyFileSync(join(RAW, 'size', JS_BUILD), join(web, JS_BUILD));
  const browser = { load: 'web', minify: true, platform: 'browser' };
  await bundle('web.js', join(web, 'pccc-guard.js'), { ...browser, text: './pccc-guard-text.js', fallback: 'web' });
  await bundle('text.js', join(web, 'pccc-guard-text.js'), { ...browser, build: 'text-size' });
  await bundle('pccc-input.js', join(web, 'pccc-input.js'), browser);
  await classicScript(join(web, CLASSIC));
  if (WEB_ONLY) return console.log(`built ${OUT.slice(ROOT.length)}/web/ (features: ${FEATURES})`);

  compile('speed');
  compile('text-speed');
  checkSameLoader();
  copyFileSync(join(RAW, 'speed', 'pccc_guard_bg.wasm'), join(OUT, MODULES.speed[2]));
  copyFileSync(join(RAW, 'text-speed', 'pccc_guard_bg.wasm'), join(OUT, MODULES['text-speed'][2]));
  copyFileSync(join(RAW, 'size', JS_BUILD), join(OUT, JS_BUILD));
  copyFileSync(join(RAW, 'size', JS_BUILD), join(OUT, JS_BUILD.replace(/\.js$/, '.cjs')));

  // The API and the text API for each runtime, then the forms layer on each.
  for (const [entry, name, text] of [['api.js', '', 'speed'], ['text.js', 'text.', 'text-speed']]) {
    const fields = text === 'speed';
    const browserBuild = fields ? 'size' : 'text-size';
    await bundle(entry, join(OUT, `${name || 'index.'}js`), { build: browserBuild, fallback: fields ? 'inline' : 'none', minify: 'compact' });
    const node = { load: 'node', build: text, platform: 'node', fallback: fields ? 'node' : 'none' };
    await bundle(entry, join(OUT, `${name}node.cjs`), { ...node, format: 'cjs' });
    await bundle(entry, join(OUT, `${name}node.mjs`), node);
    await bundle(entry, join(OUT, `${name}workerd.js`), { load: 'workerd', build: text });
  }
  await bundle('forms.js', join(OUT, 'forms.js'), { api: './index.js', minify: 'compact' });
  await bundle('forms.js', join(OUT, 'forms.node.mjs'), { api: './node.mjs' });
  await bundle('forms.js', join(OUT, 'forms.cjs'), { api: './node.cjs', format: 'cjs', platform: 'node' });
  await bundle('schema.js', join(OUT, 'schema.js'), { api: './index.js', minify: 'compact' });
  await bundle('schema.js', join(OUT, 'schema.node.mjs'), { api: './node.mjs' });
  await bundle('schema.js', join(OUT, 'schema.cjs'), { api: './node.cjs', format: 'cjs', platform: 'node' });
  const react = { external: ['react'] };
  await bundle('react.js', join(OUT, 'react.js'), { ...react, api: './index.js', minify: 'compact' });
  await bundle('react.js', join(OUT, 'react.node.mjs'), { ...react, api: './node.mjs' });
  await bundle('react.js', join(OUT, 'react.cjs'), { ...react, api: './node.cjs', format: 'cjs', platform: 'node' });
  await bundle('pccc-input.js', join(OUT, 'pccc-input.js'), { minify: 'compact' });

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
