// What pccc-guard adds to what a user's page downloads, per consumer: each bundler example (examples/vite, react,
// webpack, esbuild, next) is built twice, once with the real package and once with a stand-in of the same
// exports that does nothing, and the gzip -9 bytes of everything the build emits for the browser are compared.
// The plain page downloads the package's web/ files as they are (scripts/sizes.mjs). Used by bench/report.mjs.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { install, run as exec } from '../tests/examples/harness.mjs';

/** [example, build command, folder the browser downloads from] */
const CONSUMERS = [
  ['vite', ['npx', ['vite', 'build']], 'dist'],
  ['react', ['npx', ['vite', 'build']], 'dist'],
  ['webpack', ['npm', ['run', 'build']], 'dist'],
  ['esbuild', ['npm', ['run', 'build']], 'dist'],
  ['next', ['npx', ['next', 'build']], '.next/static'],
];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(m?js|wasm)$/.test(name)) yield path;
  }
}

/** gzip -9 bytes of the emitted JavaScript and WebAssembly, in all and per file. */
function emitted(dir) {
  const list = [...files(dir)].map((f) => ({ file: f.slice(dir.length + 1), gzip: gzipSync(readFileSync(f), { level: 9 }).length }));
  return { total: list.reduce((n, f) => n + f.gzip, 0), files: list };
}

/**
 * A package with pccc-guard's entry points and export names whose functions do nothing: every JavaScript entry of
 * the real manifest (the asset entries, `./wasm` and `./web/...`, are left out: no example imports them), its names
 * read from its Node build. An entry whose Node build cannot load here (`./react` where the app has no React) is
 * left out too: an app that cannot load it does not import it.
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
}

export async function run() {
  const rows = [];
  for (const [name, [cmd, args], out] of CONSUMERS) {
    const dir = install(name);
    const env = { NEXT_TELEMETRY_DISABLED: '1' };
    exec(dir, cmd, args, env);
    const real = emitted(join(dir, out));
    const pkg = join(dir, 'node_modules', 'pccc-guard');
    const aside = join(dir, 'node_modules', '.pccc-guard-real');
    renameSync(pkg, aside);
    try {
      await standIn(aside, pkg);
      rmSync(join(dir, out), { recursive: true, force: true });
      exec(dir, cmd, args, env);
      const bare = emitted(join(dir, out));
      rows.push({ name, withPackage: real.total, without: bare.total, added: real.total - bare.total });
    } finally {
      rmSync(pkg, { recursive: true, force: true });
      renameSync(aside, pkg);
    }
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await run(), null, 2));
}
