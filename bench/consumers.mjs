// What pccc-guard adds to what a visitor's browser downloads, per consumer: each bundler example (examples/vite,
// react, webpack, rspack, parcel, rollup, esbuild, next) is built with its tool's defaults, served, and loaded in
// Chromium (Debian's, through playwright-core), which counts every script and .wasm the page fetched until its
// fields were guarded (the React example guards none: until the network is idle), gzip -9 of each. Then the same
// example is built and loaded with a stand-in package of the same exports that does nothing (until the network is
// idle), and the difference is what pccc-guard adds. Apart, the gzip -9 bytes of every JavaScript and WebAssembly file
// each build emits (chunks a page fetches only where WebAssembly fails, or for a `<pccc-input>`, included). The plain
// page downloads the package's web/ files as they are (scripts/sizes.mjs). Used by bench/report.mjs.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { install, run as exec, serveStatic, start } from '../tests/examples/harness.mjs';

const GUARDED = '#pccc[data-pccc-state]';

/**
 * Each consumer: its build command, the folder its build writes for the browser, how it is served (a static folder,
 * or `next start`) and whether its page guards fields (the React example calls the API alone).
 */
const CONSUMERS = [
  { name: 'vite', build: ['npx', ['vite', 'build']], out: 'dist', root: 'dist' },
  { name: 'react', build: ['npx', ['vite', 'build']], out: 'dist', root: 'dist', guards: false },
  { name: 'webpack', build: ['npm', ['run', 'build']], out: 'dist', root: '.' },
  { name: 'rspack', build: ['npm', ['run', 'build']], out: 'dist', root: '.' },
  { name: 'parcel', build: ['npm', ['run', 'build']], out: 'dist', root: 'dist' },
  { name: 'rollup', build: ['npm', ['run', 'build']], out: 'dist', root: '.' },
  { name: 'esbuild', build: ['npm', ['run', 'build']], out: 'dist', root: '.' },
  { name: 'next', build: ['npx', ['next', 'build']], out: '.next/static', next: true },
];
const ENV = { NEXT_TELEMETRY_DISABLED: '1', PARCEL_WORKERS: '1' };

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(m?js|wasm)$/.test(name)) yield path;
  }
}

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** gzip -9 bytes of the emitted JavaScript and WebAssembly, in all and per file. */
function emitted(dir) {
  const list = [...files(dir)].map((f) => ({ file: f.slice(dir.length + 1), gzip: gzip(readFileSync(f)) }));
  return { total: list.reduce((n, f) => n + f.gzip, 0), files: list };
}

/**
 * A package with pccc-guard's entry points and export names whose functions do nothing: every JavaScript entry of
 * the real manifest (the asset entries, `./wasm` and `./web/...`, are left out: no example imports them), its names
 * read from its Node build. An entry whose Node build cannot load here (`./react` where the app has no React) is
 * left out too: an app that cannot load it does not import it. The files examples copy from the package are there,
 * empty.
 */
export async function standIn(real, dir) {
  const manifest = JSON.parse(readFileSync(join(real, 'package.json'), 'utf8'));
  mkdirSync(dir, { recursive: true });
  const stub = (names) => names.map((n) => (n === 'ready' ? 'export const ready = Promise.resolve();' : `export function ${n}() {}`)).join('\n') + '\n';
  const exports = {};
  for (const [entry, target] of Object.entries(manifest.exports)) {
    const node = typeof target === 'object' ? (target.node?.default ?? target.node ?? target.default) : target;
    if (typeof node !== 'string' || !/\.m?js$/.test(node) || entry.startsWith('./web') || entry === './package.json') continue;
    let names;
    try {
      names = Object.keys(await import(pathToFileURL(join(real, node)).href));
    } catch {
      continue;
    }
    const file = `${entry === '.' ? 'index' : entry.slice(2).replaceAll('/', '-')}.js`;
    writeFileSync(join(dir, file), stub(names));
    exports[entry] = `./${file}`;
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'pccc-guard', version: manifest.version, type: 'module', exports }));
  // The file the Rollup and esbuild examples copy next to their bundle (the JavaScript build), empty.
  writeFileSync(join(dir, 'pccc-guard-fields.wasm.js'), '');
}

/** Serves a built example: its static folder, or `next start`. Resolves to { url, stop() }. */
function serve(dir, consumer) {
  if (consumer.next) return start(dir, 'npx', ['next', 'start', '-H', '127.0.0.1', '-p', '0'], { env: ENV });
  return serveStatic(join(dir, consumer.root));
}

/**
 * Loads the page in a fresh context and returns the scripts and .wasm it fetched (path and gzip -9 bytes of each):
 * until `guarded` matches, or (without it) until the network is idle.
 */
async function downloads(browser, url, guarded) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  let counting = true;
  page.on('requestfinished', (request) => {
    if (!counting) return;
    const path = new URL(request.url()).pathname;
    if (request.resourceType() === 'script' || /\.(m?js|wasm)$/.test(path)) {
      fetched.push(request.response().then(async (response) => ({ path, gzip: gzip(await response.body()) })));
    }
  });
  try {
    await page.goto(url, { waitUntil: guarded ? 'commit' : 'networkidle' });
    if (guarded) await page.waitForSelector(guarded, { timeout: 30_000 });
    counting = false;
    const list = await Promise.all(fetched);
    return { total: list.reduce((n, f) => n + f.gzip, 0), files: list };
  } finally {
    await context.close();
  }
}

/** Builds, serves and loads one example; `guarded` as for downloads(). */
async function measure(browser, dir, consumer, guarded) {
  rmSync(join(dir, consumer.out), { recursive: true, force: true });
  // Next's and Parcel's caches would carry one build's package into the other's.
  for (const cache of ['.next', '.parcel-cache']) rmSync(join(dir, cache), { recursive: true, force: true });
  exec(dir, ...consumer.build, ENV);
  const built = emitted(join(dir, consumer.out));
  const server = await serve(dir, consumer);
  try {
    return { emitted: built, fetched: await downloads(browser, `${server.url}/`, guarded) };
  } finally {
    await server.stop();
  }
}

export async function run() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const rows = [];
  try {
    for (const consumer of CONSUMERS) {
      const dir = install(consumer.name);
      const real = await measure(browser, dir, consumer, consumer.guards === false ? null : GUARDED);
      const pkg = join(dir, 'node_modules', 'pccc-guard');
      const aside = join(dir, 'node_modules', '.pccc-guard-real');
      renameSync(pkg, aside);
      let bare;
      try {
        await standIn(aside, pkg);
        bare = await measure(browser, dir, consumer, null);
      } finally {
        rmSync(pkg, { recursive: true, force: true });
        renameSync(aside, pkg);
      }
      rows.push({
        name: consumer.name,
        downloads: real.fetched.total,
        downloadsWithout: bare.fetched.total,
        downloadsAdded: real.fetched.total - bare.fetched.total,
        fetched: real.fetched.files,
        emitted: real.emitted.total,
        emittedWithout: bare.emitted.total,
        emittedAdded: real.emitted.total - bare.emitted.total,
      });
    }
  } finally {
    await browser.close();
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await run(), null, 2));
}
