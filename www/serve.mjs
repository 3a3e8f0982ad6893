// The demo's local server: static files from www/ at / and the package's plain-page files (pkg/web/) at /pkg/, with the
// strict Content-Security-Policy a government site uses. Pages under /degraded/ are served without
// 'wasm-unsafe-eval' so that the fallback (a plain working form) can be seen and tested.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = fileURLToPath(new URL('.', import.meta.url));
const PKG = fileURLToPath(new URL('../pkg/web/', import.meta.url));
// The whole package at /npm/ (the files bundlers get, served as they are: the e2e tests compare them in the browser).
const NPM = fileURLToPath(new URL('../pkg/', import.meta.url));
// Third-party scripts the jQuery page uses (www/jquery.html), from the dev dependencies: never committed.
const VENDOR = {
  '/vendor/jquery.min.js': fileURLToPath(new URL('../node_modules/jquery/dist/jquery.min.js', import.meta.url)),
  '/vendor/jquery.validate.min.js': fileURLToPath(new URL('../node_modules/jquery-validation/dist/jquery.validate.min.js', import.meta.url)),
};
// Test-only build (make test-e2e): its validate() traps on a magic input. Served when present.
const PKG_TRAP = fileURLToPath(new URL('../pkg-trap/web/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
};

const BASE_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
];

/** The Content-Security-Policy for a path: strict everywhere, and without 'wasm-unsafe-eval' under /degraded/. */
export function cspFor(pathname) {
  const policy = pathname.startsWith('/degraded/')
    ? BASE_CSP.map((d) => (d.startsWith('script-src') ? "script-src 'self'" : d))
    : BASE_CSP;
  return policy.join('; ');
}

// Compressed as a production static host serves precompressed files: brotli (quality 11) or gzip (-9), made once per
// file version and kept, so compression costs nothing per request.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg']);
const compressed = new Map();
async function encoded(file, body, acceptEncoding) {
  const coding = /\bbr\b/.test(acceptEncoding) ? 'br' : /\bgzip\b/.test(acceptEncoding) ? 'gzip' : null;
  if (!coding || !COMPRESSIBLE.has(extname(file))) return { body };
  const key = `${coding}:${file}:${(await stat(file)).mtimeMs}`;
  let out = compressed.get(key);
  if (!out) {
    out = coding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gzipSync(body, { level: 9 });
    compressed.set(key, out);
  }
  return { body: out, coding };
}

/** Extra folders served under a path prefix (the load benchmark's pages), set by startServer's `roots`. */
let extraRoots = {};

/** Maps a URL path to a file inside one of the served roots, or null (never outside them). */
function resolve(pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  // /degraded/x is the same file as /x (only the CSP differs).
  if (path.startsWith('/degraded/')) path = path.slice('/degraded'.length);
  if (Object.hasOwn(VENDOR, path)) return VENDOR[path];
  let root = WWW;
  const extra = Object.keys(extraRoots).find((prefix) => path.startsWith(prefix));
  if (extra) {
    root = extraRoots[extra];
    path = path.slice(extra.length - 1);
  } else if (path.startsWith('/pkg/')) {
    root = PKG;
    path = path.slice('/pkg'.length);
  } else if (path.startsWith('/npm/')) {
    root = NPM;
    path = path.slice('/npm'.length);
  } else if (path.startsWith('/pkg-trap/')) {
    root = PKG_TRAP;
    path = path.slice('/pkg-trap'.length);
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

export function startServer({ port = 8080, host = '127.0.0.1', quiet = false, roots = {} } = {}) {
  extraRoots = roots;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const headers = {
      'Content-Security-Policy': cspFor(url.pathname),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
      // Cross-origin isolation also gives performance.now() its fine resolution for the browser benchmark.
      'Cross-Origin-Embedder-Policy': 'require-corp',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
      return res.end('method not allowed\n');
    }
    const file = resolve(url.pathname);
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      return res.end('not found\n');
    }
    try {
      const { body, coding } = await encoded(file, await readFile(file), req.headers['accept-encoding'] ?? '');
      const type = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', Vary: 'Accept-Encoding' };
      res.writeHead(200, { ...headers, ...type, ...(coding && { 'Content-Encoding': coding }), 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      res.end('not found\n');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      if (!quiet) console.log(`pccc-guard demo on http://${host}:${server.address().port}/`);
      resolvePromise(server);
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  startServer({ port: Number(process.env.PORT ?? 8080) }).catch((err) => {
    console.error(`could not start the demo server: ${err.message}`);
    process.exit(1);
  });
}
