// Shared set-up for the consumer examples (examples/*): each is installed as its users install it, `npm ci`
// against its own lockfile for its tools, then pccc-guard from the tarball `npm pack` makes of pkg/ (never from
// the registry, never the build folder itself), and its servers are started on free loopback ports.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXAMPLES = join(ROOT, 'examples');

let packed;
/** The npm tarball of pkg/, made once per test process. */
export function tarball() {
  if (!packed) {
    const dest = join(ROOT, 'target', 'npm');
    mkdirSync(dest, { recursive: true });
    const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], { cwd: join(ROOT, 'pkg'), encoding: 'utf8' });
    packed = join(dest, JSON.parse(out)[0].filename);
  }
  return packed;
}

const npm = (cwd, args) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });

/** Installs one example: its tools from its lockfile, then pccc-guard from the fresh tarball. Returns its folder. */
export function install(name) {
  const dir = join(EXAMPLES, name);
  npm(dir, ['ci']);
  npm(dir, ['install', '--no-save', tarball()]);
  const installed = JSON.parse(readFileSync(join(dir, 'node_modules', 'pccc-guard', 'package.json'), 'utf8'));
  if (installed.version !== JSON.parse(readFileSync(join(ROOT, 'pkg', 'package.json'), 'utf8')).version) throw new Error(`${name}: wrong pccc-guard`);
  return dir;
}

/** A tool installed in an example (node_modules/.bin/NAME). */
export const bin = (dir, name) => {
  const path = join(dir, 'node_modules', '.bin', name);
  if (!existsSync(path)) throw new Error(`${path} is not installed`);
  return path;
};

/** Runs a command to completion in an example; returns its output (stdout and stderr together). */
export function run(dir, cmd, args, env = {}) {
  const done = spawnSync(cmd, args, { cwd: dir, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const output = `${done.stdout ?? ''}${done.stderr ?? ''}`;
  if (done.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${done.error?.message ?? done.signal ?? done.status}):\n${output}`);
  return output;
}

// Terminal colour codes: tools colour their output when CI or FORCE_COLOR is set even with no terminal attached
// (picocolors does), and Vite prints its port in a colour of its own, between the colon and the digits.
const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * Starts a long-running command and waits until its output shows an http://127.0.0.1:PORT or localhost:PORT URL
 * (or `ready` matches), read with colour codes taken out. Resolves to { url, output(), stop() }.
 */
export function start(dir, cmd, args, { env = {}, ready = /http:\/\/(?:127\.0\.0\.1|localhost):(\d+)/, timeout = 60_000 } = {}) {
  const child = spawn(cmd, args, { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${cmd} did not start within ${timeout} ms:\n${output}`)), timeout);
    const stop = () => new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', done);
      try {
        process.kill(-child.pid, 'SIGTERM'); // the whole group: npm scripts and dev servers start children
      } catch {
        done();
      }
    });
    function fail(err) {
      clearTimeout(timer);
      stop().then(() => reject(err));
    }
    const onExit = (code) => fail(new Error(`${cmd} exited (${code}) before it was ready:\n${output}`));
    const onData = (chunk) => {
      output += chunk;
      const m = output.replace(ANSI, '').match(ready);
      if (m) {
        clearTimeout(timer);
        child.off('exit', onExit);
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        child.stdout.on('data', (c) => (output += c));
        child.stderr.on('data', (c) => (output += c));
        resolve({ url: `http://127.0.0.1:${m[1]}`, output: () => output.replace(ANSI, ''), stop });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.once('exit', onExit);
  });
}

/**
 * Serves an example's folder as a static host would (for bundler output that needs no server of its own), with
 * `headers` added to every response (a Content-Security-Policy, say).
 */
export async function serveStatic(dir, headers = {}) {
  const { createServer } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const { extname, normalize, sep } = await import('node:path');
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    try {
      if (!file.startsWith(dir + sep)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  // close() alone waits for the browsers' idle keep-alive connections to time out (a minute and more).
  const stop = () => new Promise((r) => {
    server.close(r);
    server.closeAllConnections();
  });
  return { url: `http://127.0.0.1:${server.address().port}`, stop };
}

/**
 * A loopback proxy in front of an example's own server (`vite preview`, `next start`) that adds `headers` to every
 * response, as a host's configuration would: how the tests give a page a Content-Security-Policy without
 * configuring the example. Resolves to { url, stop() }.
 */
export async function withHeaders(target, headers) {
  const { createServer, request } = await import('node:http');
  const server = createServer((req, res) => {
    const upstream = request(new URL(req.url, target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
      res.writeHead(answer.statusCode, { ...answer.headers, ...headers });
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stop = () => new Promise((r) => {
    server.close(r);
    server.closeAllConnections();
  });
  return { url: `http://127.0.0.1:${server.address().port}`, stop };
}

/**
 * Runs `use(url, mode)` against a Vite app twice, as its users run it: under `vite` (the dev server, mode 'dev'),
 * then after `vite build` under `vite preview` (mode 'build'). Each server is stopped when its run ends, passed or
 * not.
 */
export async function underViteDevAndBuild(dir, use) {
  const vite = bin(dir, 'vite');
  const serve = async (args) => {
    const server = await start(dir, vite, [...args, '--host', '127.0.0.1', '--port', '0', '--strictPort']);
    try {
      await use(server.url, args[0] === 'preview' ? 'build' : 'dev');
    } finally {
      await server.stop();
    }
  };
  await serve([]);
  run(dir, vite, ['build']);
  await serve(['preview']);
}
