// Firefox: Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi (no geckodriver, no browser download),
// in a fresh profile with its background services off and a proxy that refuses what is not loopback.
import puppeteer from 'puppeteer-core';
import { Page, recordConsole, splitCombo } from './page.mjs';
import { startProxy } from './proxy.mjs';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

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

export async function launchFirefox() {
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
  /** A script every document of this page runs before its own (WebDriver BiDi's preload scripts). */
  addInitScript(source) {
    return this.page.evaluateOnNewDocument(source);
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
