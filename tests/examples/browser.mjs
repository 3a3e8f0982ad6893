// The browser half of the examples' tests: headless browsers (tests/browsers/: Debian's Chromium through
// playwright-core, Debian's Firefox ESR through puppeteer-core, nothing downloaded) that use an example's page as a
// person would. Only loopback traffic is allowed.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { engines, launch } from '../browsers/index.mjs';

export { lacks } from '../browsers/index.mjs';

/** The engines every browser example is used in. */
export const ENGINES = engines(['chromium', 'firefox']);

/** A browser of one engine; close() when done. Pages record console messages, uncaught errors and requests. */
export async function browser(engine = 'chromium') {
  const launched = await launch(engine);
  return { engine, version: launched.version, page: () => launched.newPage(), close: () => launched.close() };
}

/** One browser of each engine in ENGINES, launched in turn; closeAll() when done. */
export async function browsers() {
  const all = [];
  all.closeAll = () => Promise.all(all.map((b) => b.close()));
  try {
    for (const engine of ENGINES) all.push(await browser(engine));
  } catch (err) {
    await all.closeAll();
    throw err;
  }
  return all;
}

/** Runs `fn(page, engine, t)` on a new page of each browser, as one subtest per engine of the test `t`. */
export async function inEach(t, all, fn) {
  for (const b of all) {
    await t.test(b.engine, async (sub) => {
      const page = await b.page();
      try {
        await fn(page, b.engine, sub);
      } finally {
        await page.close();
      }
    });
  }
}

/** The text of the message element the guard wired to an input (the last id in aria-describedby). */
export const messageOf = (page, selector) =>
  page.$eval(selector, (el) => document.getElementById(el.getAttribute('aria-describedby')?.split(' ').pop() ?? '')?.textContent ?? '');

/** Whether the fields module's JavaScript build has run on the page (it registers its factory: js/js-build.js). */
const ranJsBuild = () => typeof globalThis[Symbol.for('pccc-guard.fields.wasm.js')] === 'function';

/**
 * The drop-in forms flow on a page with the examples' order form (#name, #pccc, #phone, #postcode, a submit
 * button) guarded by pccc-guard/forms: a code typed with mistakes is normalised as typed, a short one is flagged
 * once the field is left and blocks the submit, the completed code is masked once left, and the canonical values
 * arrive where the form sends them (`received` reads them back: a page's #received output or a server's answer).
 * `jsBuild`: whether the page must have guarded through the JavaScript build (true where WebAssembly cannot run)
 * or without it (false: a page with WebAssembly never runs it); `console`: messages expected besides none (the
 * browser's report of a CSP refusal).
 */
export async function guardedFormFlow(page, url, received, { jsBuild = false, console: expected } = {}) {
  await page.goto(url);
  await page.waitForSelector('#pccc[data-pccc-state]', { timeout: 15_000 });
  assert.equal(await page.evaluate(ranJsBuild), jsBuild, jsBuild ? 'guarded through the JavaScript build' : 'the JavaScript build never ran');
  await page.fill('#name', '홍길동');
  await page.click('#pccc');
  await page.keyboard.type('ｐ1234 5678-901'); // an IME's full-width p, spaces and a hyphen, one digit short
  assert.equal(await page.inputValue('#pccc'), 'P12345678901', 'normalised as typed');
  assert.equal(await page.$eval('#pccc', (el) => el.selectionStart), 12, 'the caret stays at the end');
  assert.equal(await messageOf(page, '#pccc'), '', 'no error while typing');
  await page.click('#phone');
  assert.match(await messageOf(page, '#pccc'), /숫자가 부족합니다/, 'the error once the field is left');
  assert.equal(await page.$eval('#pccc', (el) => el.checkValidity()), false);
  await page.keyboard.type('010 1234 5678');
  await page.fill('#postcode', '03154');
  await page.click('form button:not([type=button])');
  assert.equal(await page.$eval('#pccc', (el) => el === document.activeElement), true, 'the browser blocked the submit');
  await page.keyboard.press('End');
  await page.keyboard.type('2');
  assert.equal(await messageOf(page, '#pccc'), '', 'the error clears live');
  await page.click('#name');
  assert.match(await page.textContent('.pccc-guard-masked'), /^P\*{8}9012/, 'masked once valid and left');
  await Promise.all([page.waitForLoadState('load'), page.click('form button:not([type=button])')]);
  const got = await received(page);
  assert.equal(got.get('pccc'), 'P123456789012', 'the canonical code arrives');
  assert.equal(got.get('name'), '홍길동');
  assert.deepEqual(page.pageErrors, []);
  assert.deepEqual(page.consoleMessages.filter((m) => (m.type === 'error' || m.type === 'warning') && !expected?.test(m.text)), []);
}

/**
 * A Content-Security-Policy without 'wasm-unsafe-eval': the page's scripts run (its own files, and the inline
 * scripts of `html` by their hashes, as a site allows a bundler's inline import map), WebAssembly is refused.
 */
export function noWasmCsp(html = '') {
  const inline = [...html.matchAll(/<script\b[^>]*>([^<]+)<\/script>/g)].map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  return { 'content-security-policy': ["script-src 'self'", ...inline].join(' ') };
}
/** What browsers print about that refusal. */
export const CSP_REFUSAL = /Content.Security.Policy|wasm-unsafe-eval|wasm-eval|WebAssembly/i;

/**
 * The forms flow where WebAssembly cannot run, in each browser: with `WebAssembly` deleted before any script (as iOS
 * Lockdown Mode leaves a page), and, given `cspUrl` (the same page served with noWasmCsp's policy),
 * under a CSP that refuses it (noWasmCsp). Both must guard through the JavaScript build.
 */
export async function withoutWasmFlows(t, all, { url, cspUrl }, received) {
  await t.test('WebAssembly deleted', (sub) =>
    inEach(sub, all, async (page) => {
      await page.addInitScript('delete globalThis.WebAssembly;');
      await guardedFormFlow(page, url, received, { jsBuild: true });
    }));
  if (cspUrl) {
    await t.test("a CSP without 'wasm-unsafe-eval'", (sub) =>
      inEach(sub, all, (page) => guardedFormFlow(page, cspUrl, received, { jsBuild: true, console: CSP_REFUSAL })));
  }
}

/** For pages that submit to themselves with GET and show what arrived in #received. */
export async function receivedOnPage(page) {
  await page.waitForFunction(() => document.getElementById('received')?.textContent);
  return new URLSearchParams(await page.textContent('#received'));
}
