// The page interface every engine's driver implements (index.mjs says what it offers), with the DOM queries and
// waiting written once on top of the few primitives a driver supplies, and the helpers the drivers share.
import { readFileSync } from 'node:fs';

export const isLoopback = (url) => /^(?:127\.0\.0\.1|localhost|\[::1\])$/.test(url.hostname);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** 'Control+Shift+z' as its keys. */
export const splitCombo = (combo) => (combo === '+' ? ['+'] : combo.split('+'));

/** A glob as Playwright's waitForURL takes it ('**' any characters, '*' any but '/'), or a RegExp, as a RegExp. */
export function urlPattern(pattern) {
  if (pattern instanceof RegExp) return pattern;
  const source = pattern
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*/g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\u0000/g, '.*');
  return new RegExp(`^${source}$`);
}

/**
 * The page interface on top of four primitives an engine supplies (evaluate, click, keys, navigation): the DOM
 * queries run as scripts in the page, and waiting is polling, which survives the navigations a submit makes.
 */
export class Page {
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
/** axe-core's source, read once. */
export const AXE = () => (axeSource ??= readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8'));

export function recordConsole(page, type, text) {
  page.consoleMessages.push({ type, text });
}
