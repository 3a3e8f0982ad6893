// The loopback proxy Firefox and WebKit go through: it refuses what is not loopback, and for WebKit (which sends it
// everything) records requests and response headers, tracks network idle, and adds the console recorder to pages.
import { createServer, request as httpRequest } from 'node:http';
import { isLoopback, sleep } from './page.mjs';

/** The recorder WebKit pages get (WebDriver classic cannot read the console), served by the proxy from their origin. */
const RECORDER_PATH = '/__pccc-test__/recorder.js';
/** A test's init script (page.addInitScript), served the same way and added before the recorder. */
const INIT_PATH = '/__pccc-test__/init.js';
const RECORDER = `// Added by the tests' proxy: keeps console messages and uncaught errors for the driver (sessionStorage
// survives the navigations a submit makes), and the last keydown event.
(() => {
  const KEY = '__pcccTestLog';
  const save = (entry) => {
    try {
      const log = JSON.parse(sessionStorage.getItem(KEY) || '[]');
      log.push(entry);
      sessionStorage.setItem(KEY, JSON.stringify(log));
    } catch {}
  };
  const TYPES = { log: 'log', info: 'info', debug: 'debug', warn: 'warning', error: 'error' };
  for (const [method, type] of Object.entries(TYPES)) {
    const original = console[method];
    console[method] = function (...args) {
      save({ console: type, text: args.map(String).join(' ') });
      return original.apply(this, args);
    };
  }
  addEventListener('error', (e) => save({ error: String(e.error ?? e.message) }));
  addEventListener('unhandledrejection', (e) => save({ error: String(e.reason) }));
  addEventListener('securitypolicyviolation', (e) =>
    save({ console: 'error', text: 'Content-Security-Policy: ' + e.effectiveDirective + ' refused ' + e.blockedURI }));
  let keydown = null;
  addEventListener('keydown', (e) => { keydown = e; }, true);
  Object.defineProperty(window, '__pcccTest', {
    value: Object.freeze({
      drain() {
        const log = JSON.parse(sessionStorage.getItem(KEY) || '[]');
        sessionStorage.removeItem(KEY);
        return log;
      },
      lastKeydown: () => keydown,
      forgetKeydown: () => { keydown = null; },
    }),
  });
})();
`;

/**
 * An HTTP proxy on 127.0.0.1 that forwards loopback requests only (anything else gets 403, HTTPS tunnels are
 * closed), records them with their response headers, counts the open ones (network idle), and adds the recorder
 * to HTML pages when `record` is set. Bodies pass uncompressed (it asks upstream for identity).
 */
export async function startProxy({ record }) {
  const state = { sink: null, open: 0, quietSince: Date.now(), blocked: [], responses: [] };
  const done = () => {
    state.open--;
    state.quietSince = Date.now();
  };
  const server = createServer((req, res) => {
    let url;
    try {
      url = new URL(req.url);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!isLoopback(url)) {
      state.blocked.push(url.href);
      req.resume();
      res.writeHead(403, { 'content-type': 'text/plain' }).end('blocked by the tests: loopback only\n');
      return;
    }
    if (record && url.pathname === INIT_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(state.sink?.initScript ?? '');
      return;
    }
    if (record && url.pathname === RECORDER_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(RECORDER);
      return;
    }
    state.sink?.requests.push(url.href);
    state.open++;
    const headers = { ...req.headers, 'accept-encoding': 'identity' };
    delete headers['proxy-connection'];
    const upstream = httpRequest(url, { method: req.method, headers }, (up) => {
      const entry = { url: url.href, status: up.statusCode, headers: up.headers };
      state.responses.push(entry);
      if (state.responses.length > 200) state.responses.shift();
      const html = /^text\/html/.test(up.headers['content-type'] ?? '') && !up.headers['content-encoding'];
      if (!(record && html)) {
        res.writeHead(up.statusCode, up.headers);
        up.pipe(res);
        up.on('end', done);
        up.on('error', done);
        return;
      }
      const chunks = [];
      up.on('data', (c) => chunks.push(c));
      up.on('end', () => {
        const tag = `${state.sink?.initScript ? `<script src="${INIT_PATH}"></script>` : ''}<script src="${RECORDER_PATH}"></script>`;
        let body = Buffer.concat(chunks).toString('utf8');
        body = /<head[^>]*>/i.test(body) ? body.replace(/<head[^>]*>/i, (m) => m + tag) : tag + body;
        const out = Buffer.from(body);
        res.writeHead(up.statusCode, { ...up.headers, 'content-length': out.length });
        res.end(out);
        done();
      });
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      done();
    });
    req.pipe(upstream);
  });
  server.on('connect', (req, socket) => {
    state.blocked.push(`CONNECT ${req.url}`);
    socket.destroy();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    state,
    /** Resolves once no request has been open for `quiet` ms (Playwright's "networkidle" is 500 ms). */
    async idle({ quiet = 500, timeout = 15_000 } = {}) {
      const end = Date.now() + timeout;
      while (state.open > 0 || Date.now() - state.quietSince < quiet) {
        if (Date.now() > end) throw new Error(`the network never went idle (${state.open} open)`);
        await sleep(50);
      }
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}
