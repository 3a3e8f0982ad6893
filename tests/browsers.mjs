// The browser engines the tests run in, behind one small page interface, so that one test source runs in each:
//
// - chromium: Debian's Chromium, driven by playwright-core (the Chrome DevTools Protocol);
// - firefox:  Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi (no geckodriver);
// - webkit:   WebKitGTK's MiniBrowser, driven by Debian's WebKitWebDriver (W3C WebDriver classic, spoken here over
//             fetch), under Xvfb since MiniBrowser has no headless mode.
//
// Nothing is downloaded, and every engine reaches loopback addresses only: Chromium through a route that aborts
// anything else, Firefox and WebKit through a local proxy (startProxy, below) that refuses anything else (Firefox
// sends it only what is not loopback, with its background services switched off). WebKit sends it everything, which
// also gives the tests what WebDriver classic lacks: the requests a page made, its response headers, network idle,
// and (through a recorder script the proxy adds to each HTML page) console messages and uncaught errors.
//
// A page offers the part of Playwright's Page API the tests use, with the same names and meaning: goto, waitFor*,
// click, fill, press, keyboard.{type,press,insertText}, inputValue, getAttribute, textContent, isVisible, isHidden,
// $eval, evaluate, content, url, screenshot, close; plus exists(), waitForConsole(), consoleMessages, pageErrors and
// requests (recorded from the start), axe() (serious and critical axe-core violations), accessibleAs() (role and name
// in the engine's own accessibility tree) and, where the driver can make one, ime (an IME composition). What an
// engine's driver cannot do is in LIMITS, for tests to skip exactly that with the reason.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { dirname } from 'node:path';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** The engines to run: all three, or those listed in PCCC_ENGINES (comma-separated), e.g. while working on one. */
export function engines(among = ENGINES) {
  const wanted = process.env.PCCC_ENGINES?.split(',').map((s) => s.trim()).filter(Boolean);
  for (const e of wanted ?? []) if (!ENGINES.includes(e)) throw new Error(`PCCC_ENGINES: unknown engine ${e}`);
  return among.filter((e) => !wanted || wanted.includes(e));
}

/** What each engine's driver cannot produce: a test that needs it skips with this reason. */
export const LIMITS = {
  chromium: {},
  firefox: {
    ime: 'WebDriver BiDi has no IME input: puppeteer-core cannot start a composition in Firefox',
  },
  webkit: {
    ime: 'WebDriver classic has no IME input: WebKitWebDriver cannot start a composition',
  },
};
/** The reason `engine` cannot run a check that needs `feature`, or false. */
export const lacks = (engine, feature) => LIMITS[engine]?.[feature] ?? false;

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
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

const isLoopback = (url) => /^(?:127\.0\.0\.1|localhost|\[::1\])$/.test(url.hostname);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Launches an engine; resolves to { engine, version, newPage(), close() }. */
export async function launch(engine) {
  if (engine === 'chromium') return launchChromium();
  if (engine === 'firefox') return launchFirefox();
  if (engine === 'webkit') return launchWebKit();
  throw new Error(`unknown engine ${engine}`);
}

// Keys as the tests name them (Playwright's names) in WebDriver's code points.
const WEBDRIVER_KEYS = {
  Control: '\uE009', Shift: '\uE008', Alt: '\uE00A', Meta: '\uE03D', Enter: '\uE007', Tab: '\uE004',
  Backspace: '\uE003', Delete: '\uE017', End: '\uE010', Home: '\uE011', ArrowLeft: '\uE012', ArrowRight: '\uE014',
  ArrowUp: '\uE013', ArrowDown: '\uE015', Escape: '\uE00C',
};
const splitCombo = (combo) => (combo === '+' ? ['+'] : combo.split('+'));

/** A glob as Playwright's waitForURL takes it ('**' any characters, '*' any but '/'), or a RegExp, as a RegExp. */
function urlPattern(pattern) {
  if (pattern instanceof RegExp) return pattern;
  const source = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*');
  return new RegExp(`^${source}$`);
}

/**
 * The page interface on top of four primitives an engine supplies (evaluate, click, keys, navigation): the DOM
 * queries run as scripts in the page, and waiting is polling, which survives the navigations a submit makes.
 */
class Page {
  constructor(engine) {
    this.engine = engine;
    this.consoleMessages = []; // { type: 'log' | 'warning' | 'error' | ..., text }
    this.pageErrors = []; // uncaught errors and unhandled rejections, as strings
    this.requests = []; // every URL the page requested, in order
    this.ime = null; // { compose(text, caret), commit(text) } where the driver can make an IME composition
    this.keyboard = {
      type: (text) => this.typeText(text),
      press: (combo) => this.pressKey(combo),
      insertText: (text) => this.insertText(text),
    };
  }

  /** Runs `fn(element, arg)` on the first element matching `selector`; throws when none does. */
  $eval(selector, fn, arg) {
    return this.evaluate(`((sel, arg) => {
      const el = document.querySelector(sel);
      if (!el) throw new Error('no element matches ' + sel);
      return (${fn})(el, arg);
    })(${JSON.stringify(selector)}, ${arg === undefined ? 'undefined' : JSON.stringify(arg)})`);
  }

  /** Polls `fn(arg)` in the page until it returns something truthy. Errors while a new page loads are retried. */
  async waitForFunction(fn, arg, { timeout = 15_000 } = {}) {
    const expression = typeof fn === 'function' ? `(${fn})(${arg === undefined ? '' : JSON.stringify(arg)})` : fn;
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const value = await this.evaluate(expression);
        if (value) return value;
      } catch (err) {
        last = err;
      }
      if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${expression}${last ? `: ${last.message}` : ''}`);
      await sleep(50);
    }
  }

  /** Waits for an element; `state` 'visible' (the default, as in Playwright) or 'attached'. */
  async waitForSelector(selector, { state = 'visible', timeout } = {}) {
    await this.waitForFunction(([sel, visible]) => {
      const el = document.querySelector(sel);
      if (!el || !visible) return !!el;
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    }, [selector, state === 'visible'], { timeout });
  }

  async waitForURL(pattern, { timeout = 15_000 } = {}) {
    const re = urlPattern(pattern);
    const end = Date.now() + timeout;
    while (!re.test(await this.url())) {
      if (Date.now() > end) throw new Error(`timed out waiting for a URL matching ${re}`);
      await sleep(50);
    }
    await this.waitForLoadState('load');
  }

  waitForLoadState() {
    return this.waitForFunction(() => document.readyState === 'complete');
  }

  /** Waits until a console message satisfies `predicate({ type, text })`; resolves to it. */
  async waitForConsole(predicate, { timeout = 15_000 } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      await this.evaluate('0').catch(() => {}); // collects what the page logged (WebKit's recorder)
      const found = this.consoleMessages.find(predicate);
      if (found) return found;
      if (Date.now() > end) throw new Error(`timed out waiting for a console message: ${JSON.stringify(this.consoleMessages)}`);
      await sleep(50);
    }
  }

  inputValue(selector) {
    return this.$eval(selector, (el) => el.value);
  }
  getAttribute(selector, name) {
    return this.$eval(selector, (el, n) => el.getAttribute(n), name);
  }
  textContent(selector) {
    return this.$eval(selector, (el) => el.textContent);
  }
  /** Playwright's visibility: attached, a non-empty box, and not visibility:hidden. */
  isVisible(selector) {
    return this.evaluate(`((sel) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    })(${JSON.stringify(selector)})`);
  }
  async isHidden(selector) {
    return !(await this.isVisible(selector));
  }
  exists(selector) {
    return this.evaluate(`document.querySelector(${JSON.stringify(selector)}) !== null`);
  }
  content() {
    return this.evaluate(() => document.documentElement.outerHTML);
  }

  /** As Playwright fills: focus, select everything, then one insertText of the value (a delete when it is empty). */
  async fill(selector, value) {
    await this.waitForSelector(selector);
    await this.$eval(selector, (el) => {
      el.focus();
      el.select();
    });
    if (value === '') await this.evaluate(() => document.execCommand('delete'));
    else await this.insertText(value);
  }

  /** Text as an IME commit or a paste arrives: one insertText edit, without key events. */
  insertText(text) {
    return this.evaluate((t) => {
      document.execCommand('insertText', false, t);
    }, text);
  }

  async press(selector, combo) {
    await this.$eval(selector, (el) => el.focus());
    await this.pressKey(combo);
  }

  /** Runs axe-core in the page; its serious and critical violations. */
  async axe() {
    const json = await this.evaluate(`(() => {
      ${AXE()}
      ;return axe.run(document, { resultTypes: ['violations'] }).then((r) => JSON.stringify(r.violations.map(
        (v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }))));
    })()`);
    return JSON.parse(json).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }
}

let axeSource;
const AXE = () => (axeSource ??= readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8'));

function recordConsole(page, type, text) {
  page.consoleMessages.push({ type, text });
}

// Chromium ------------------------------------------------------------------------------------------------------

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pccc-chromium-')), {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  // Only loopback traffic: anything else is aborted, never a silent request.
  await context.route((url) => !isLoopback(url), (route) => route.abort());
  const version = `Chromium ${context.browser()?.version() ?? execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim()}`;
  return {
    engine: 'chromium',
    version,
    async newPage() {
      return new ChromiumPage(await context.newPage());
    },
    close: () => context.close(),
  };
}

/** Chromium: Playwright's own methods (the page interface is a subset of them), CDP where Playwright has none. */
class ChromiumPage extends Page {
  constructor(page) {
    super('chromium');
    this.page = page;
    page.on('console', (m) => recordConsole(this, m.type(), m.text()));
    page.on('pageerror', (e) => this.pageErrors.push(String(e)));
    page.on('request', (r) => this.requests.push(r.url()));
    let cdp;
    const session = async () => (cdp ??= await page.context().newCDPSession(page));
    this.ime = {
      compose: async (text, caret = text.length) => (await session()).send('Input.imeSetComposition', { text, selectionStart: caret, selectionEnd: caret }),
      commit: async (text) => (await session()).send('Input.insertText', { text }),
    };
    this.cdp = session;
  }
  async goto(url, { waitUntil = 'load', timeout } = {}) {
    const res = await this.page.goto(url, { waitUntil, timeout });
    return res && { status: res.status(), headers: res.headers() };
  }
  evaluate(fn, arg) {
    return this.page.evaluate(fn, arg);
  }
  $eval(selector, fn, arg) {
    return this.page.$eval(selector, fn, arg);
  }
  waitForSelector(selector, options) {
    return this.page.waitForSelector(selector, options);
  }
  waitForFunction(fn, arg, options) {
    return this.page.waitForFunction(fn, arg, options);
  }
  waitForURL(pattern, options) {
    return this.page.waitForURL(pattern, options);
  }
  waitForLoadState(state = 'load') {
    return this.page.waitForLoadState(state);
  }
  click(selector) {
    return this.page.click(selector);
  }
  fill(selector, value) {
    return this.page.fill(selector, value);
  }
  press(selector, combo) {
    return this.page.press(selector, combo);
  }
  typeText(text) {
    return this.page.keyboard.type(text);
  }
  pressKey(combo) {
    return this.page.keyboard.press(combo);
  }
  insertText(text) {
    return this.page.keyboard.insertText(text);
  }
  inputValue(selector) {
    return this.page.inputValue(selector);
  }
  getAttribute(selector, name) {
    return this.page.getAttribute(selector, name);
  }
  textContent(selector) {
    return this.page.textContent(selector);
  }
  isVisible(selector) {
    return this.page.isVisible(selector);
  }
  isHidden(selector) {
    return this.page.isHidden(selector);
  }
  content() {
    return this.page.content();
  }
  url() {
    return this.page.url();
  }
  screenshot(options) {
    return this.page.screenshot({ fullPage: true, ...options });
  }
  /** axe-core injected through CDP, since the page's CSP forbids foreign scripts. */
  async axe() {
    const cdp = await this.cdp();
    await cdp.send('Page.setBypassCSP', { enabled: true });
    await cdp.send('Runtime.evaluate', { expression: AXE() });
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: `axe.run(document, { resultTypes: ['violations'] }).then((r) => JSON.stringify(r.violations.map(
        (v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }))))`,
      awaitPromise: true,
    });
    return JSON.parse(result.value).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }
  /** Whether the element is in Chromium's accessibility tree with this role (if given) and name. */
  async accessibleAs(selector, { role, name }) {
    const cdp = await this.cdp();
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) return false;
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const node = nodes[0];
    return !!node && !node.ignored && (!role || node.role?.value === role) && node.name?.value === name;
  }
  close() {
    return this.page.close();
  }
}

// The loopback proxy (Firefox, WebKit) ----------------------------------------------------------------------------

/** The recorder WebKit pages get (WebDriver classic cannot read the console), served by the proxy from their origin. */
const RECORDER_PATH = '/__pccc-test__/recorder.js';
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
async function startProxy({ record }) {
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
        const tag = `<script src="${RECORDER_PATH}"></script>`;
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

// Firefox -------------------------------------------------------------------------------------------------------

/** Firefox preferences on top of puppeteer's: no background traffic, and a proxy that refuses what is not loopback. */
const firefoxPrefs = (proxyPort) => ({
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': proxyPort,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': proxyPort,
  'network.proxy.share_proxy_settings': false,
  'network.proxy.allow_hijacking_localhost': false, // loopback stays direct
  'network.proxy.socks_remote_dns': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'dom.push.connection.enabled': false,
  'geo.provider.network.url': '',
  'extensions.blocklist.enabled': false,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'services.sync.engine.addons': false,
  // No /favicon.ico fetch for the tab icon (headless Chromium makes none either): under a page's default-src 'none'
  // it would be a CSP report no page script caused.
  'browser.chrome.site_icons': false,
});

async function launchFirefox() {
  const puppeteer = (await import('puppeteer-core')).default;
  const proxy = await startProxy({ record: false });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1280, height: 720 },
    extraPrefsFirefox: firefoxPrefs(proxy.port),
    // Firefox ESR ignores puppeteer's dummy remote-settings server (services.settings.server) without this, and
    // keeps asking firefox.settings.services.mozilla.com.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
  });
  const version = (await browser.version()).replace(/^firefox\//, 'Firefox ');
  return {
    engine: 'firefox',
    version,
    blocked: proxy.state.blocked,
    async newPage() {
      return new FirefoxPage(await browser.newPage());
    },
    async close() {
      await browser.close();
      await proxy.close();
    },
  };
}

const PUPPETEER_CONSOLE = { warn: 'warning', verbose: 'debug' };

/** Firefox: puppeteer-core over WebDriver BiDi; scripts run through BiDi, so the page's CSP does not apply to them. */
class FirefoxPage extends Page {
  constructor(page) {
    super('firefox');
    this.page = page;
    page.on('console', (m) => recordConsole(this, PUPPETEER_CONSOLE[m.type()] ?? m.type(), m.text()));
    // Firefox reports CSP violations as JavaScript errors, which puppeteer passes on as page errors; they are console
    // errors in Chromium, and pageErrors keeps to uncaught exceptions, as in Playwright.
    page.on('pageerror', (e) => {
      if (/^Content-Security-Policy:/.test(e.message)) recordConsole(this, 'error', e.message);
      else this.pageErrors.push(String(e));
    });
    page.on('request', (r) => /^https?:/.test(r.url()) && this.requests.push(r.url())); // (as Playwright: no data: URLs)
  }
  async goto(url, { waitUntil = 'load', timeout = 30_000 } = {}) {
    const res = await this.page.goto(url, { waitUntil: waitUntil === 'networkidle' ? 'networkidle0' : waitUntil, timeout });
    return res && { status: res.status(), headers: res.headers() };
  }
  evaluate(fn, arg) {
    const expression = typeof fn === 'function' ? `(${fn})(${arg === undefined ? '' : JSON.stringify(arg)})` : fn;
    return this.page.evaluate(expression);
  }
  async click(selector) {
    await this.waitForSelector(selector);
    await this.page.click(selector);
  }
  typeText(text) {
    return this.page.keyboard.type(text);
  }
  async pressKey(combo) {
    const keys = splitCombo(combo);
    for (const k of keys.slice(0, -1)) await this.page.keyboard.down(k);
    await this.page.keyboard.press(keys.at(-1));
    for (const k of keys.slice(0, -1).reverse()) await this.page.keyboard.up(k);
  }
  url() {
    return this.page.url();
  }
  screenshot(options) {
    return this.page.screenshot({ fullPage: true, ...options });
  }
  /** Whether the element is found in Firefox's accessibility tree by this role and name (BiDi's accessibility locator). */
  async accessibleAs(selector, { role, name }) {
    const query = `::-p-aria([name=${JSON.stringify(name)}]${role ? `[role=${JSON.stringify(role)}]` : ''})`;
    for (const handle of await this.page.$$(query)) {
      if (await handle.evaluate((el, sel) => el === document.querySelector(sel), selector)) return true;
    }
    return false;
  }
  close() {
    return this.page.close();
  }
}

// WebKit --------------------------------------------------------------------------------------------------------

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

async function launchWebKit() {
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
