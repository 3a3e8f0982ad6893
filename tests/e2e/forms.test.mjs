// The drop-in form layer (web/pccc-guard.js) in each engine: a plain form with data-pccc fields and the
// <pccc-input> element, under the strict CSP, and the degraded page without 'wasm-unsafe-eval'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine, lacks, screenshot } from './harness.mjs';

forEachEngine((env) => {
  async function page(path = '/forms.html') {
    const p = await env.newPage();
    await p.goto(env.base + path);
    await p.waitForSelector('body[data-guarded]');
    return p;
  }
  const state = (p, sel) => p.getAttribute(sel, 'data-pccc-state');
  const caret = (p, sel) => p.$eval(sel, (el) => el.selectionStart);
  const message = (p, sel) => p.$eval(sel, (el) => document.getElementById(el.getAttribute('aria-describedby').split(' ').pop()).textContent);

  test('guarded under the strict CSP: no errors, no warnings, no accessibility violations', async () => {
    const p = await page();
    assert.equal(await p.getAttribute('body', 'data-guarded'), 'true');
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleMessages.filter((m) => m.type === 'error' || m.type === 'warning'), []);
    assert.deepEqual(await p.axe(), []);
    await screenshot(p, 'forms-empty');
    await p.close();
  });

  test('errors wait for blur, then update live; aria-invalid and the live region follow', async () => {
    const p = await page();
    await p.click('#f-pccc');
    await p.keyboard.type('P1');
    assert.equal(await message(p, '#f-pccc'), '', 'no error on the first keystrokes');
    assert.equal(await p.getAttribute('#f-pccc', 'aria-invalid'), 'false');
    await p.click('#f-phone');
    assert.match(await message(p, '#f-pccc'), /숫자가 부족합니다/);
    assert.equal(await p.getAttribute('#f-pccc', 'aria-invalid'), 'true');
    const region = await p.$eval('#f-pccc', (el) => document.getElementById(el.getAttribute('aria-describedby').split(' ').pop()).getAttribute('aria-live'));
    assert.equal(region, 'polite');
    await p.click('#f-pccc');
    await p.keyboard.press('End');
    await p.keyboard.type('23456789012');
    assert.equal(await message(p, '#f-pccc'), '', 'the error clears live once it has been shown');
    assert.equal(await state(p, '#f-pccc'), 'valid');
    assert.deepEqual(await p.axe(), []);
    await screenshot(p, 'forms-live');
    await p.close();
  });

  test('as-you-type normalisation keeps the caret: mid-field edits, paste with spaces, full-width', async () => {
    const p = await page();
    await p.click('#f-pccc');
    await p.keyboard.type('p1234 5678');
    assert.equal(await p.inputValue('#f-pccc'), 'P12345678');
    assert.equal(await caret(p, '#f-pccc'), 9);
    await p.$eval('#f-pccc', (el) => el.setSelectionRange(3, 3));
    await p.keyboard.type('-9');
    assert.equal(await p.inputValue('#f-pccc'), 'P129345678');
    assert.equal(await caret(p, '#f-pccc'), 4);
    // Select "345" and replace it.
    await p.$eval('#f-pccc', (el) => el.setSelectionRange(4, 7));
    await p.keyboard.type('0');
    assert.equal(await p.inputValue('#f-pccc'), 'P1290678');
    assert.equal(await caret(p, '#f-pccc'), 5);
    await p.fill('#f-pccc', '');
    await p.keyboard.insertText(' P 1234 5678 9012\u200B');
    assert.equal(await p.inputValue('#f-pccc'), 'P123456789012');
    assert.equal(await caret(p, '#f-pccc'), 13);
    await p.fill('#f-pccc', '');
    await p.keyboard.insertText('Ｐ１２３４５６７８９０１２');
    assert.equal(await p.inputValue('#f-pccc'), 'P123456789012');
    await p.close();
  });

  test('undo still works when typing needs no rewrite', async () => {
    const p = await page();
    await p.click('#f-pccc');
    await p.keyboard.type('P12345');
    await p.keyboard.press('Control+z');
    const after = await p.inputValue('#f-pccc');
    assert.ok(after.length < 6 && 'P12345'.startsWith(after), `undo went back to "${after}"`);
    await p.keyboard.press('Control+Shift+z');
    assert.equal(await p.inputValue('#f-pccc'), 'P12345');
    await p.close();
  });

  test('IME composition is never rewritten and nothing is doubled or lost', { skip: lacks(env.engine, 'ime') }, async () => {
    const p = await page();
    await p.click('#f-name');
    for (const text of ['ㅎ', '호', '홍']) await p.ime.compose(text, 1);
    assert.equal(await p.inputValue('#f-name'), '홍');
    await p.ime.commit('홍');
    await p.ime.compose('길', 1);
    await p.ime.commit('길');
    await p.ime.compose('동', 1);
    await p.ime.commit('동');
    assert.equal(await p.inputValue('#f-name'), '홍길동');
    // Composition in the code field (a Samsung-style keyboard composing digits): no rewrite until it ends.
    await p.click('#f-pccc');
    await p.ime.compose('p 1', 3);
    assert.equal(await p.inputValue('#f-pccc'), 'p 1', 'untouched during composition');
    await p.ime.commit('p 1');
    assert.equal(await p.inputValue('#f-pccc'), 'P1', 'normalised once at the end');
    assert.equal(await caret(p, '#f-pccc'), 2);
    await p.close();
  });

  test('an RRN is hidden at once, flagged, and blocks the form', async () => {
    const p = await page();
    await p.click('#f-pccc');
    await p.keyboard.insertText('900101-1234567');
    assert.ok(!/\d/.test(await p.inputValue('#f-pccc')));
    assert.match(await message(p, '#f-pccc'), /주민등록번호/);
    assert.equal(await p.$eval('#f-pccc', (el) => el.checkValidity()), false);
    assert.ok(!(await p.content()).includes('900101'));
    await screenshot(p, 'forms-rrn');
    await p.close();
  });

  test('submit is blocked while invalid and sends canonical values when valid', async () => {
    const p = await page();
    await p.fill('#f-name', '홍길동');
    await p.fill('#f-pccc', 'P1234');
    await p.fill('#f-phone', '010-1234-5678');
    await p.fill('#f-postcode', '06236');
    await p.click('#plain-submit');
    assert.equal(new URL(await p.url()).search, '', 'the browser blocked the submission');
    assert.match(await message(p, '#f-pccc'), /숫자가 부족합니다/);
    await p.fill('#f-pccc', 'p1234-5678-9012');
    await p.click('#f-phone'); // blur: the code is now shown masked
    assert.equal(await p.isHidden('#f-pccc'), true);
    assert.equal(await p.textContent('.pccc-guard-masked [aria-hidden]'), 'P********9012');
    assert.match(await p.getAttribute('.pccc-guard-masked button', 'aria-label'), /가려진 값/);
    await Promise.all([p.waitForURL(/\?/), p.click('#plain-submit')]);
    const sent = new URL(await p.url()).searchParams;
    assert.equal(sent.get('pccc'), 'P123456789012');
    assert.equal(sent.get('phone'), '010-1234-5678');
    assert.equal(sent.get('name'), '홍길동');
    await p.waitForSelector('body[data-guarded]');
    assert.match(await p.textContent('#received'), /pccc=P123456789012/);
    await p.close();
  });

  test('masked display reveals on click and on focus', async () => {
    const p = await page();
    await p.fill('#f-pccc', 'P123456789012');
    await p.click('#f-name');
    await screenshot(p, 'forms-masked');
    await p.click('.pccc-guard-masked');
    assert.equal(await p.isVisible('#f-pccc'), true);
    assert.equal(await p.inputValue('#f-pccc'), 'P123456789012');
    assert.equal(await p.evaluate(() => document.activeElement.id), 'f-pccc');
    assert.equal(await p.exists('.pccc-guard-masked'), false);
    await p.close();
  });

  test('values set by script and by autofill-style events are validated', async () => {
    const p = await page();
    await p.$eval('#f-pccc', (el) => { el.value = 'p 1234 5678 9012'; });
    assert.equal(await p.inputValue('#f-pccc'), 'P123456789012');
    assert.equal(await state(p, '#f-pccc'), 'valid');
    await p.$eval('#f-postcode', (el) => { el.value = '123-456'; });
    assert.equal(await p.$eval('#f-postcode', (el) => el.validity.customError), true);
    await p.$eval('#f-phone', (el) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, '0504-1234-5678');
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    assert.equal(await p.$eval('#f-phone', (el) => el.checkValidity()), false);
    await p.close();
  });

  test('English messages follow the page language', async () => {
    const p = await page();
    await p.click('[data-locale="en"]');
    await p.fill('#f-postcode', '123-456');
    await p.click('#f-name');
    assert.match(await message(p, '#f-postcode'), /5-digit/);
    await screenshot(p, 'forms-english');
    await p.close();
  });

  test('<pccc-input> inside a form: FormData, validity, events', async () => {
    const p = await page();
    const el = '#c-pccc';
    assert.equal(await p.$eval(el, (e) => e.checkValidity()), false, 'required and empty');
    await p.click(`${el} input`);
    await p.keyboard.type('p1234 5678 9012');
    const data = await p.$eval('#component', (f) => Object.fromEntries(new FormData(f)));
    assert.deepEqual(data, { pccc_component: 'P123456789012' });
    assert.equal(await p.$eval(el, (e) => e.checkValidity()), true);
    const events = await p.evaluate(() => new Promise((resolve) => {
      const got = [];
      const c = document.getElementById('c-pccc');
      c.addEventListener('pccc-validity', (e) => { got.push(e.detail); resolve(got); });
      c.value = 'P1';
    }));
    assert.deepEqual(events, [{ valid: false, code: 'too_short' }]);
    assert.equal(await p.$eval(el, (e) => e.validationMessage.length > 0), true);
    assert.deepEqual(await p.axe(), []);
    await p.close();
  });

  test('without wasm-unsafe-eval the fields are guarded through the JavaScript build; only the memo stays plain', async () => {
    const p = await page('/degraded/forms.html');
    assert.equal(await p.getAttribute('body', 'data-guarded'), 'true');
    assert.equal(await p.isVisible('#notice'), false);
    await p.click('#f-pccc');
    await p.keyboard.type('p1234 5678 9012');
    assert.equal(await p.inputValue('#f-pccc'), 'P123456789012');
    assert.equal(await state(p, '#f-pccc'), 'valid');
    await p.fill('#f-phone', '1');
    assert.equal(await p.$eval('#f-phone', (el) => el.checkValidity()), false, 'the fields block a wrong value again');
    // The finder's module has no JavaScript build: the memo stays a plain field, with one warning that holds no input.
    const warnings = p.consoleMessages.filter((m) => m.type === 'warning');
    assert.ok(warnings.length <= 2, JSON.stringify(p.consoleMessages)); // (the page script's own autoEnhance() asks again)
    for (const w of warnings) assert.doesNotMatch(w.text, /P1/);
    assert.deepEqual(p.pageErrors, []);
    await screenshot(p, 'forms-degraded');
    await p.close();
  });

  test('a server that sends the .wasm without its MIME type still gets it compiled (from the bytes)', { skip: env.engine !== 'chromium' && 'rewrites a response with Playwright, which drives Chromium only' }, async () => {
    const p = await env.newPage();
    await p.page.route('**/pccc-guard-fields.wasm', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
    });
    await p.goto(env.base + '/forms.html');
    await p.waitForSelector('body[data-guarded="true"]');
    await p.fill('#f-pccc', 'p1234 5678 9012');
    assert.equal(await p.inputValue('#f-pccc'), 'P123456789012');
    assert.deepEqual(p.pageErrors, []);
    await p.close();
  });

  test('without wasm-unsafe-eval the .wasm is not fetched in vain, the JavaScript build is, and the page goes idle', async () => {
    const p = await env.newPage();
    // "networkidle": no request open for 500 ms. A .wasm response left unread would keep it from ever coming.
    await p.goto(env.base + '/degraded/forms.html', { waitUntil: 'networkidle', timeout: 15_000 });
    await p.waitForSelector('body[data-guarded="true"]', { state: 'attached' });
    const requests = p.requests.map((url) => new URL(url).pathname);
    assert.ok(!requests.some((path) => path.endsWith('.wasm')), `the .wasm is not fetched when it cannot run: ${requests}`);
    assert.ok(requests.includes('/pkg/pccc-guard-fields.wasm.js'), `${requests}`);
    await p.close();
  });

  test('with WebAssembly the JavaScript build is never fetched', async () => {
    const p = await env.newPage();
    await p.goto(env.base + '/forms.html', { waitUntil: 'networkidle', timeout: 15_000 });
    await p.waitForSelector('body[data-guarded="true"]', { state: 'attached' });
    const requests = p.requests.map((url) => new URL(url).pathname);
    assert.ok(!requests.some((path) => path.endsWith('.wasm.js')), `${requests}`);
    await p.close();
  });

  test('a real trap in the WebAssembly (test build) switches the guards off and leaves working fields', async () => {
    const p = await page();
    await p.evaluate(async () => {
      const forms = await import('/pkg-trap/pccc-guard.js');
      const input = document.createElement('input');
      input.id = 'trapped';
      input.setAttribute('data-pccc', '');
      document.body.append(input);
      window.trapped = await forms.enhance(input);
    });
    await p.click('#trapped');
    await p.keyboard.type('P12');
    assert.equal(await p.getAttribute('#trapped', 'data-pccc-state'), 'pending', 'guarded before the trap');
    await p.fill('#trapped', '');
    await p.keyboard.insertText('\u0001halt'); // validate() executes `unreachable` in this build
    assert.equal(await p.$eval('#trapped', (el) => el.pcccGuard), undefined, 'the guard switched itself off');
    await p.keyboard.type('P123');
    assert.equal(await p.$eval('#trapped', (el) => el.checkValidity()), true);
    assert.equal(await p.getAttribute('#trapped', 'data-pccc-state'), null);
    assert.deepEqual(p.pageErrors, [], 'no uncaught errors on later keystrokes');
    const warnings = p.consoleMessages.filter((m) => m.type === 'warning');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0].text, /stopped/);
    await p.close();
  });
});
