// The classic script (web/pccc-guard.classic.js) in each engine: the one-tag page, the script injected after load
// (twice), a CSP without 'wasm-unsafe-eval' and a page whose `WebAssembly` an init script deleted (both guarded
// through the JavaScript build, fetched then and only then), and a jQuery page whose validation plugin keeps working
// beside it. axe-core finds no violation on any of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine, screenshot } from './harness.mjs';

const CLASSIC = '/pkg/pccc-guard.classic.js';
const JS_BUILD = '/pkg/pccc-guard-fields.wasm.js';

forEachEngine((env) => {
  const paths = (p) => p.requests.map((url) => new URL(url).pathname);
  const problems = (p) => [...p.pageErrors, ...p.consoleMessages.filter((m) => m.type === 'error' || m.type === 'warning').map((m) => m.text)];

  /** Types a code into #f-pccc: normalised in place, valid, masked when left. */
  async function guards(p) {
    await p.click('#f-pccc');
    await p.keyboard.type('p1234 5678 9012');
    assert.equal(await p.inputValue('#f-pccc'), 'P123456789012');
    assert.equal(await p.getAttribute('#f-pccc', 'data-pccc-state'), 'valid');
    await p.fill('#f-pccc', 'P1');
    assert.equal(await p.$eval('#f-pccc', (el) => el.checkValidity()), false);
  }

  test('one classic tag: guards the marked inputs and <pccc-input>, one global, no further request, no violations', async () => {
    const p = await env.newPage();
    await p.goto(`${env.base}/classic.html`);
    await p.waitForSelector('#f-pccc[data-pccc-state]', { state: 'attached' });
    await p.waitForSelector('#c-pccc input[data-pccc-state]', { state: 'attached' });
    assert.deepEqual(await p.evaluate(() => [typeof PcccGuard.validatePccc, typeof PcccGuard.autoEnhance, Object.isFrozen(PcccGuard)]), ['function', 'function', true]);
    await guards(p);
    assert.deepEqual(await p.evaluate(() => PcccGuard.ready.then(() => PcccGuard.validatePhone('010-1234-5678').display)), '010-1234-5678');
    const fetched = paths(p);
    assert.deepEqual(fetched.filter((f) => /pccc|\.wasm/.test(f)), [CLASSIC], `only the classic script: ${fetched}`);
    assert.deepEqual(problems(p), []);
    assert.deepEqual(await p.axe(), []);
    await screenshot(p, 'classic');
    await p.close();
  });

  test('render-blocking, as docs/plain-pages.md marks it up: every field is guarded before the page first paints', { skip: env.engine !== 'chromium' && 'holds the script back with Playwright, which drives Chromium only' }, async () => {
    const p = await env.newPage();
    // The script arrives well after the page's stylesheets, so that the page could paint before it runs.
    await p.page.route('**/pccc-guard.classic.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await p.addInitScript(() => {
      const fields = ['#f-name[data-pccc-state]', '#f-pccc[data-pccc-state]'];
      new MutationObserver((_, observer) => {
        if (fields.every((f) => document.querySelector(f))) {
          window.guardedAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.paintedAt = e.startTime;
      }).observe({ type: 'paint', buffered: true });
    });
    for (const [page, blocking] of [['classic.html', true], ['jquery.html', false]]) {
      await p.goto(`${env.base}/${page}`);
      await p.waitForFunction(() => window.guardedAt !== undefined && window.paintedAt !== undefined);
      const [guarded, painted] = await p.evaluate(() => [window.guardedAt, window.paintedAt]);
      // www/jquery.html loads the same script with `defer` alone: there the page paints first.
      assert.equal(guarded < painted, blocking, `${page}: guarded at ${guarded} ms, first paint at ${painted} ms`);
    }
    await p.close();
  });

  test('injected after the load event, twice: guards once, the second copy does nothing', async () => {
    const p = await env.newPage();
    await p.goto(`${env.base}/inject.html`);
    await p.waitForLoadState('load');
    const inject = () => p.evaluate((src) => new Promise((resolve, reject) => {
      const s = Object.assign(document.createElement('script'), { src, onload: resolve, onerror: reject });
      document.body.append(s);
    }), CLASSIC);
    await inject();
    await p.waitForSelector('#f-pccc[data-pccc-state]', { state: 'attached' });
    const first = await p.evaluate(() => (window.firstGuard = PcccGuard, document.querySelectorAll('.pccc-guard-message').length));
    await inject();
    await p.waitForSelector('#c-pccc input[data-pccc-state]', { state: 'attached' });
    assert.deepEqual(await p.evaluate(() => [PcccGuard === window.firstGuard, document.querySelectorAll('.pccc-guard-message').length]), [true, first]);
    assert.equal(first, 4, 'one message element per guarded input');
    await guards(p);
    assert.deepEqual(problems(p), []);
    assert.deepEqual(await p.axe(), []);
    await p.close();
  });

  test('a memo on the page: the finder\'s module is imported from next to the script and masks an RRN', async () => {
    const p = await env.newPage();
    await p.goto(`${env.base}/inject.html`);
    await p.evaluate((src) => new Promise((resolve, reject) => {
      const memo = Object.assign(document.createElement('textarea'), { id: 'memo', name: 'memo' });
      memo.dataset.pcccRedact = '';
      memo.setAttribute('aria-label', '배송 메모');
      document.querySelector('form').prepend(memo);
      document.body.append(Object.assign(document.createElement('script'), { src, onload: resolve, onerror: reject }));
    }), CLASSIC);
    await p.waitForFunction(() => document.getElementById('memo').pcccGuard !== undefined);
    await p.click('#memo');
    await p.keyboard.insertText('문 앞 900101-1234567');
    assert.doesNotMatch(await p.inputValue('#memo'), /1234567/);
    assert.ok(paths(p).includes('/pkg/pccc-guard-text.js'), `${paths(p)}`);
    assert.deepEqual(problems(p), []);
    await p.close();
  });

  test('a CSP without wasm-unsafe-eval: guarded through the JavaScript build, no error beyond the CSP report', async () => {
    const p = await env.newPage();
    const res = await p.goto(`${env.base}/degraded/classic.html`);
    assert.match(res.headers['content-security-policy'], /script-src 'self';/);
    await p.waitForSelector('#f-pccc[data-pccc-state]', { state: 'attached' });
    await guards(p);
    assert.ok(paths(p).includes(JS_BUILD), `the JavaScript build is fetched: ${paths(p)}`);
    assert.deepEqual(p.pageErrors, []);
    const others = p.consoleMessages.filter((m) => (m.type === 'error' || m.type === 'warning') && !/Content.Security.Policy|CSP|wasm-unsafe-eval|WebAssembly/i.test(m.text));
    assert.deepEqual(others, []);
    assert.deepEqual(await p.axe(), []);
    await screenshot(p, 'classic-degraded');
    await p.close();
  });

  test('WebAssembly deleted by an init script (as in Lockdown Mode): guarded through the JavaScript build', async () => {
    const p = await env.newPage();
    await p.addInitScript('delete globalThis.WebAssembly;');
    await p.goto(`${env.base}/classic.html`);
    assert.equal(await p.evaluate(() => typeof WebAssembly), 'undefined');
    await p.waitForSelector('#f-pccc[data-pccc-state]', { state: 'attached' });
    await guards(p);
    assert.ok(paths(p).includes(JS_BUILD), `the JavaScript build is fetched: ${paths(p)}`);
    assert.deepEqual(problems(p), []);
    assert.deepEqual(await p.axe(), []);
    await p.close();
  });

  test('the module script with WebAssembly deleted: guarded through the same JavaScript build', async () => {
    const p = await env.newPage();
    await p.addInitScript('delete globalThis.WebAssembly;');
    await p.goto(`${env.base}/fields.html`);
    await p.waitForSelector('#f-pccc[data-pccc-state]', { state: 'attached' });
    await guards(p);
    assert.ok(paths(p).includes(JS_BUILD), `the JavaScript build is fetched: ${paths(p)}`);
    assert.deepEqual(p.pageErrors, []);
    await p.close();
  });

  test('a jQuery page: its validation plugin keeps its rules and messages, the guard normalises beside it', async () => {
    const p = await env.newPage();
    await p.goto(`${env.base}/jquery.html`);
    await p.waitForSelector('body[data-plugin]', { state: 'attached' });
    await p.waitForSelector('#f-pccc[data-pccc-state]', { state: 'attached' });
    await p.click('button[type="submit"]');
    assert.match(await p.textContent('#f-pccc-error'), /개인통관고유부호를 입력해 주세요/);
    assert.match(await p.textContent('#f-name-error'), /이름을 입력해 주세요/);
    assert.equal(new URL(await p.url()).search, '', 'the plugin blocked the submit');
    await p.fill('#f-name', '홍길동');
    await p.click('#f-pccc');
    await p.keyboard.type('p1234 5678 9012');
    assert.equal(await p.inputValue('#f-pccc'), 'P123456789012');
    assert.equal(await p.getAttribute('#f-pccc', 'data-pccc-state'), 'valid');
    assert.deepEqual(await p.axe(), []);
    await Promise.all([p.waitForURL(/\?/), p.click('button[type="submit"]')]);
    assert.equal(new URL(await p.url()).searchParams.get('pccc'), 'P123456789012');
    assert.deepEqual(problems(p), []);
    await p.close();
  });
});
