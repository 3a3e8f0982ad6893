// WebKit: WebKitGTK's MiniBrowser driven by Debian's WebKitWebDriver, through a small W3C WebDriver (classic) client
// spoken over fetch, on an Xvfb display of its own; all its traffic goes through the loopback proxy.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { dirname } from 'node:path';
import { Page, recordConsole, sleep, splitCombo } from './page.mjs';
import { startProxy } from './proxy.mjs';

const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? 'WebKitWebDriver';
/** MiniBrowser lives in the multiarch library folder of libwebkit2gtk-4.1-0. */
function miniBrowser() {
  if (process.env.WEBKIT_MINIBROWSER) return process.env.WEBKIT_MINIBROWSER;
  for (const dir of readdirSync('/usr/lib')) {
    const path = `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`;
    if (existsSync(path)) return path;
  }
  throw new Error('MiniBrowser not found: install webkit2gtk-driver (make setup-browser)');
}

// Keys as the tests name them (Playwright's names) in WebDriver's code points.
const WEBDRIVER_KEYS = {
  Control: '\uE009', Shift: '\uE008', Alt: '\uE00A', Meta: '\uE03D', Enter: '\uE007', Tab: '\uE004',
  Backspace: '\uE003', Delete: '\uE017', End: '\uE010', Home: '\uE011', ArrowLeft: '\uE012', ArrowRight: '\uE014',
  ArrowUp: '\uE013', ArrowDown: '\uE015', Escape: '\uE00C',
};

async function freePort() {
  const server = createNetServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Xvfb on the first free display (it says which through -displayfd); MiniBrowser has no headless mode. */
async function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  xvfb.stderr.setEncoding('utf8').on('data', (c) => (stderr = (stderr + c).slice(-2000)));
  const display = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start: ${stderr}`)), 15_000);
    xvfb.stdio[3].setEncoding('utf8').on('data', (c) => {
      out += c;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    xvfb.once('error', (err) => reject(new Error(`Xvfb: ${err.message} (install xvfb: make setup-browser)`)));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr}`)));
  });
  return { display, process: xvfb };
}

export async function launchWebKit() {
  const binary = miniBrowser();
  const proxy = await startProxy({ record: true });
  const children = [];
  const stop = () => {
    for (const child of children.reverse()) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop); // even when a test process ends without closing the browser
  try {
    const xvfb = await startXvfb();
    children.push(xvfb.process);
    const port = await freePort();
    const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
      env: { ...process.env, DISPLAY: xvfb.display },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(driver);
    let stderr = '';
    driver.stderr.setEncoding('utf8').on('data', (c) => (stderr = (stderr + c).slice(-4000)));
    driver.once('error', (err) => (stderr += `${err.message} (install webkit2gtk-driver: make setup-browser)`));
    const base = `http://127.0.0.1:${port}`;
    const end = Date.now() + 30_000;
    for (;;) {
      if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode}): ${stderr}`);
      const ready = await fetch(`${base}/status`).then((r) => r.json()).then((j) => j.value?.ready, () => false);
      if (ready) break;
      if (Date.now() > end) throw new Error(`WebKitWebDriver did not start: ${stderr}`);
      await sleep(100);
    }
    const wd = new WebDriver(base);
    const session = await wd.send('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          pageLoadStrategy: 'normal',
          timeouts: { script: 60_000, pageLoad: 30_000, implicit: 0 },
          proxy: { proxyType: 'manual', httpProxy: `127.0.0.1:${proxy.port}`, sslProxy: `127.0.0.1:${proxy.port}`, noProxy: [] },
          'webkitgtk:browserOptions': { binary, args: ['--automation'] },
        },
      },
    });
    wd.session = `/session/${session.sessionId}`;
    await wd.send('POST', `${wd.session}/window/rect`, { width: 1280, height: 900 });
    const first = await wd.send('GET', `${wd.session}/window`);
    let firstUsed = false;
    return {
      engine: 'webkit',
      version: `WebKitGTK ${session.capabilities.browserVersion} (MiniBrowser)`,
      blocked: proxy.state.blocked,
      async newPage() {
        // A fresh top-level browsing context per page, as Playwright's newPage gives (the first one is the session's).
        let handle = first;
        // (New windows, not tabs: WebKitGTK does not paint a background tab, and a screenshot of one never ends.)
        if (firstUsed) handle = (await wd.send('POST', `${wd.session}/window/new`, { type: 'window' })).handle;
        await wd.send('POST', `${wd.session}/window`, { handle });
        if (firstUsed) await wd.send('POST', `${wd.session}/window/rect`, { width: 1280, height: 900 });
        firstUsed = true;
        const page = new WebKitPage(wd, proxy, handle, first);
        proxy.state.sink = page;
        return page;
      },
      async close() {
        await wd.send('DELETE', wd.session).catch(() => {});
        stop();
        await proxy.close();
      },
    };
  } catch (err) {
    stop();
    await proxy.close();
    throw err;
  }
}

/** A minimal W3C WebDriver client: one command at a time (as the protocol expects), errors thrown as Errors. */
class WebDriver {
  constructor(base) {
    this.base = base;
    this.queue = Promise.resolve();
  }
  send(method, path, body) {
    const run = async () => {
      const res = await fetch(this.base + path, {
        signal: AbortSignal.timeout(90_000), // a command that hangs fails the test instead of the whole run
        method,
        headers: body ? { 'content-type': 'application/json; charset=utf-8' } : {},
        body: body && JSON.stringify(body),
      });
      const json = await res.json();
      if (json.value?.error) {
        const err = new Error(`WebDriver ${method} ${path.replace(/^\/session\/[^/]+/, '')}: ${json.value.error}: ${json.value.message}`);
        err.code = json.value.error;
        throw err;
      }
      return json.value;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => {});
    return result;
  }
}

const UNDEFINED = '__pcccTestUndefined';
/** JSON with undefined kept (WebDriver would turn it into null), read back by `revive`. */
const encodeInPage = `(v) => JSON.stringify(v, (k, x) => (x === undefined ? '${UNDEFINED}' : x)) ?? '"${UNDEFINED}"'`;
function revive(value) {
  if (value === UNDEFINED) return undefined;
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    for (const k of Object.keys(value)) value[k] = revive(value[k]);
  }
  return value;
}

/**
 * WebKit: WebDriver classic. Scripts are sent as the body of Execute Async Script, which WebKit compiles itself, so
 * the page's CSP does not apply to them (an eval inside them is still refused). Each script also collects what the
 * recorder logged since the last one.
 */
class WebKitPage extends Page {
  constructor(wd, proxy, handle, first) {
    super('webkit');
    this.wd = wd;
    this.proxy = proxy;
    this.handle = handle;
    this.first = first;
    this.session = wd.session;
  }
  cmd(method, path, body) {
    return this.wd.send(method, this.session + path, body);
  }
  async evaluate(fn, arg) {
    const expression = typeof fn === 'function' ? `(${fn})(${arg === undefined ? '' : JSON.stringify(arg)})` : fn;
    const script = `const done = arguments[arguments.length - 1];
      const encode = ${encodeInPage};
      const drain = () => (window.__pcccTest ? window.__pcccTest.drain() : []);
      Promise.resolve().then(() => (${expression})).then(
        (v) => done({ value: encode(v), log: drain() }),
        (e) => done({ error: String((e && e.stack) ? e.message + '\\n' + e.stack : e), log: drain() }));`;
    const out = await this.cmd('POST', '/execute/async', { script, args: [] });
    for (const entry of out?.log ?? []) {
      if (entry.error !== undefined) this.pageErrors.push(entry.error);
      else recordConsole(this, entry.console, entry.text);
    }
    if (out?.error !== undefined) throw new Error(`in the page: ${out.error}`);
    return revive(JSON.parse(out.value));
  }
  async goto(url, { waitUntil = 'load' } = {}) {
    await this.cmd('POST', '/url', { url });
    if (waitUntil === 'networkidle') await this.proxy.idle();
    const res = this.proxy.state.responses.findLast((r) => r.url === url);
    return res && { status: res.status, headers: res.headers };
  }
  url() {
    return this.cmd('GET', '/url');
  }
  /** A script every document of this page runs before its own: the proxy adds it ahead of the page's scripts. */
  addInitScript(source) {
    this.initScript = source;
  }
  async element(selector) {
    const found = await this.cmd('POST', '/element', { using: 'css selector', value: selector });
    return Object.values(found)[0];
  }
  /** WebDriver's Element Click: scrolled into view, clicked in its centre, and a navigation it starts awaited. */
  async click(selector) {
    await this.waitForSelector(selector);
    await this.cmd('POST', `/element/${await this.element(selector)}/click`, {});
  }
  keys(actions) {
    return this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
  }
  typeText(text) {
    return this.keys([...text].flatMap((c) => [{ type: 'keyDown', value: c }, { type: 'keyUp', value: c }]));
  }
  /**
   * WebKitGTK's automation does not perform the native undo or redo a real Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y key
   * press does (even on a plain input): the page gets the key events, and when no listener cancelled the keydown,
   * this performs the browser's default action itself with execCommand('undo' / 'redo'), as the key press would.
   */
  async pressKey(combo) {
    const keys = splitCombo(combo).map((k) => WEBDRIVER_KEYS[k] ?? k);
    const history = /^Control\+(?:Shift\+)?[zZ]$|^Control\+[yY]$/.test(combo);
    if (history) await this.evaluate(() => window.__pcccTest?.forgetKeydown());
    await this.keys([
      ...keys.map((value) => ({ type: 'keyDown', value })),
      ...keys.reverse().map((value) => ({ type: 'keyUp', value })),
    ]);
    if (!history) return;
    const redo = /Shift|\+[yY]$/.test(combo);
    await this.evaluate((command) => {
      const e = window.__pcccTest?.lastKeydown();
      const editable = e?.target && (e.target.isContentEditable || /^(?:INPUT|TEXTAREA)$/.test(e.target.tagName));
      if (e && !e.defaultPrevented && editable) document.execCommand(command);
    }, redo ? 'redo' : 'undo');
  }
  async screenshot({ path }) {
    // After a rendering update (two frames, or half a second where frames are throttled): the last edit painted.
    await this.evaluate(() => new Promise((resolve) => {
      requestAnimationFrame(() => requestAnimationFrame(resolve));
      setTimeout(resolve, 500);
    }));
    const png = Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, png);
    return png;
  }
  /** Whether the element's computed role (if given) and label, from WebKit's accessibility tree, are these. */
  async accessibleAs(selector, { role, name }) {
    const id = await this.element(selector);
    const [gotRole, gotName] = [await this.cmd('GET', `/element/${id}/computedrole`), await this.cmd('GET', `/element/${id}/computedlabel`)];
    return (!role || gotRole === role) && gotName === name;
  }
  async close() {
    if (this.proxy.state.sink === this) this.proxy.state.sink = null;
    if (this.handle === this.first) {
      await this.cmd('POST', '/url', { url: 'about:blank' }).catch(() => {});
      return;
    }
    await this.cmd('DELETE', '/window').catch(() => {});
    await this.cmd('POST', '/window', { handle: this.first }).catch(() => {});
  }
}
