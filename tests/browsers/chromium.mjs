// Chromium: Debian's package, driven by playwright-core (the Chrome DevTools Protocol), no browser download.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { AXE, Page, isLoopback, recordConsole } from './page.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchChromium() {
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
  /** A script every document of this page runs before its own (Playwright's addInitScript). */
  addInitScript(source) {
    return this.page.addInitScript(source);
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
  /** Windows high contrast as CSS sees it: `forced-colors: active` (Playwright's media emulation, over CDP). */
  emulateForcedColors() {
    return this.page.emulateMedia({ forcedColors: 'active' });
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
