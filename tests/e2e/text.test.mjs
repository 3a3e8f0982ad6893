// Numbers in free text, in each engine: paste extraction in the code and phone fields (the finder's module fetched
// on the first paste that needs it, never at page load) and the delivery memo (data-pccc-redact on forms.html):
// what kind of number it holds, masking in place with the caret kept, RRNs masked at once and never brought back
// by undo, both languages, no accessibility violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine, lacks, screenshot } from './harness.mjs';

const TEXT_WASM = '/pkg/pccc-guard-text.wasm';

forEachEngine((env) => {
  async function page(path = '/forms.html') {
    const p = await env.newPage();
    await p.goto(env.base + path);
    await p.waitForSelector('body[data-guarded], main');
    await p.waitForFunction(() => document.querySelector('input[data-pccc]')?.dataset.pcccState !== undefined);
    return p;
  }

  /**
   * A paste as the browser makes one: a `paste` event carrying the text, and, unless a handler prevents it, the
   * text inserted at the caret with an `insertFromPaste` input event. (Synthetic: the drivers cannot all reach a
   * clipboard; the guard sees the same events. Firefox keeps no data in a script's paste event, so there the
   * field only sees the inserted text.)
   */
  const paste = (p, selector, text) =>
    p.$eval(selector, (el, t) => {
      el.focus();
      const data = new DataTransfer();
      data.setData('text/plain', t);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      if (!el.dispatchEvent(event)) return;
      el.setRangeText(t, el.selectionStart, el.selectionEnd, 'end');
      el.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
    }, text);
  const value = (p, sel) => p.$eval(sel, (el) => el.value);
  const caret = (p, sel) => p.$eval(sel, (el) => [el.selectionStart, el.selectionEnd]);
  const message = (p, sel) => p.$eval(sel, (el) => document.getElementById(el.getAttribute('aria-describedby').split(' ').pop()).textContent);
  const finderLoads = (p) => p.requests.filter((url) => new URL(url).pathname === TEXT_WASM).length;

  test('a code pasted with its label keeps the code alone, caret at its end; the finder loads on that paste only', { skip: lacks(env.engine, 'clipboard') }, async () => {
    const p = await page('/fields.html');
    assert.equal(finderLoads(p), 0, 'a page guarding fields does not download the finder');
    await paste(p, '#f-phone', '010 1234 5678'); // a paste that is already a valid number needs no finder
    assert.equal(finderLoads(p), 0);
    for (const [pasted, want] of [
      ['개인통관고유부호: P1234 5678 9012', 'P123456789012'],
      ['P123456789012 (통관부호)', 'P123456789012'],
      ['«p123456789012».', 'P123456789012'],
      ['customs code ｐ１２３４-５６７８-９０１２ thanks', 'P123456789012'],
    ]) {
      await p.fill('#f-pccc', '');
      await paste(p, '#f-pccc', pasted);
      await p.waitForFunction((w) => document.getElementById('f-pccc').value === w, want);
      assert.deepEqual(await caret(p, '#f-pccc'), [13, 13], pasted);
      assert.equal(await p.$eval('#f-pccc', (el) => el.checkValidity()), true, pasted);
    }
    assert.equal(finderLoads(p), 1, 'loaded once, on the first paste that needed it');
    // Two codes: the paste stays as it was pasted (normalised), and the error shows as before.
    await p.fill('#f-pccc', '');
    await paste(p, '#f-pccc', '옛 번호 P123456789012, 새 번호 P100000000019');
    await p.click('#f-name');
    assert.equal(await value(p, '#f-pccc'), '옛번호P123456789012,새번호P100000000019');
    assert.notEqual(await message(p, '#f-pccc'), '');
    assert.equal(await p.$eval('#f-pccc', (el) => el.checkValidity()), false);
    // A mobile number copied with its label, in the phone field.
    await p.fill('#f-phone', '');
    await paste(p, '#f-phone', '연락처: 010-1234-5678 (휴대폰)');
    await p.waitForFunction(() => document.getElementById('f-phone').value === '010-1234-5678');
    assert.deepEqual(p.pageErrors, []);
    await p.close();
  });

  test('the memo: a notice says what kind of number it holds, and one click masks them in place', async () => {
    const p = await page();
    const memo = '문 앞에 두세요. 통관부호 P1234-5678-9012 연락 010.1234.5678';
    await paste(p, '#f-memo', memo);
    await p.waitForFunction(() => /개인통관고유부호와 휴대전화 번호가/.test(document.querySelector('#f-memo + .pccc-guard-message')?.textContent));
    assert.equal(await value(p, '#f-memo'), memo, 'nothing changes before the user asks');
    assert.doesNotMatch(await message(p, '#f-memo'), /1234|5678|9012/, 'the notice never holds the number');
    assert.deepEqual(await p.axe(), []);
    await screenshot(p, 'memo-notice');
    await p.$eval('#f-memo', (el) => el.setSelectionRange(10, 10));
    assert.equal(await p.$eval('.pccc-guard-message button', (b) => b.textContent), '번호 가리기');
    await p.click('.pccc-guard-message button');
    assert.equal(await value(p, '#f-memo'), '문 앞에 두세요. 통관부호 P****-****-9012 연락 010.1234.****');
    assert.deepEqual(await caret(p, '#f-memo'), [10, 10], 'the caret stays where it was');
    assert.match(await message(p, '#f-memo'), /가렸습니다/);
    // Undo cannot bring the numbers back.
    await p.click('#f-memo');
    for (let i = 0; i < 4; i++) await p.keyboard.press('Control+z');
    assert.doesNotMatch(await value(p, '#f-memo'), /5678-9012|1234\.5678/);
    assert.deepEqual(p.pageErrors, []);
    await p.close();
  });

  test('a page whose only free text is a memo loads the finder alone, never the fields module', async () => {
    const p = await env.newPage();
    await p.goto(env.base + '/review.html');
    await p.waitForSelector('body[data-guarded]');
    await paste(p, '#r-text', '배송 잘 받았어요! 문의는 010-1234-5678로 주세요');
    await p.waitForFunction(() => /휴대전화 번호가/.test(document.querySelector('#r-text + .pccc-guard-message')?.textContent));
    assert.doesNotMatch(await message(p, '#r-text'), /1234|5678/);
    await p.click('.pccc-guard-message button');
    assert.equal(await value(p, '#r-text'), '배송 잘 받았어요! 문의는 010-1234-****로 주세요');
    await p.click('#r-text');
    await p.keyboard.type(' 900101-1234567');
    assert.match(await value(p, '#r-text'), / \*{6}-\*{7}$/, 'an RRN is masked as it is typed');
    const fetched = p.requests.map((url) => new URL(url).pathname);
    assert.ok(fetched.includes(TEXT_WASM), 'the finder is loaded');
    for (const path of ['/pkg/pccc-guard.js', '/pkg/pccc-guard-fields.wasm']) assert.ok(!fetched.includes(path), `${path} is never fetched`);
    assert.deepEqual(await p.axe(), []);
    assert.deepEqual(p.pageErrors, []);
    await p.close();
  });

  test('the memo: an RRN is masked at once, typed or pasted, and neither undo nor redo brings it back', async () => {
    const p = await page();
    await p.click('#f-memo');
    await p.keyboard.type('주민번호 900101-1234567 입니다');
    assert.equal(await value(p, '#f-memo'), '주민번호 ******-******* 입니다');
    assert.deepEqual(await caret(p, '#f-memo'), [23, 23]);
    for (const key of ['Control+z', 'Control+z', 'Control+Shift+z', 'Control+y']) {
      await p.keyboard.press(key);
      assert.doesNotMatch(await value(p, '#f-memo'), /900101|1234567/, key);
    }
    assert.ok(!(await p.evaluate(() => document.documentElement.outerHTML)).includes('900101'));
    await p.close();
  });

  test('the memo in English, and data-pccc-redact="auto" masks at once', async () => {
    const p = await page();
    await p.click('[data-locale="en"]');
    await paste(p, '#f-memo', 'call 010 1234 5678');
    await p.waitForFunction(() => /This memo contains a mobile number/.test(document.querySelector('#f-memo + .pccc-guard-message')?.textContent));
    assert.equal(await p.$eval('.pccc-guard-message button', (b) => b.textContent), 'Mask the numbers');
    await p.evaluate(async () => {
      const box = document.createElement('textarea');
      box.id = 'auto-memo';
      box.dataset.pcccRedact = 'auto';
      box.setAttribute('aria-label', 'memo');
      document.body.append(box);
      const forms = await import('/pkg/pccc-guard.js');
      await forms.autoEnhance(document.body);
    });
    await paste(p, '#auto-memo', 'P123456789012 / 010-1234-5678');
    await p.waitForFunction(() => document.getElementById('auto-memo').value === 'P********9012 / 010-1234-****');
    assert.deepEqual(p.pageErrors, []);
    await p.close();
  });

  test('an IME composition in the memo is left alone until it ends', { skip: lacks(env.engine, 'ime') }, async () => {
    const p = await page();
    await p.click('#f-memo');
    await p.ime.compose('900101-1234567');
    assert.equal(await value(p, '#f-memo'), '900101-1234567', 'untouched while composing');
    await p.ime.commit('900101-1234567');
    assert.equal(await value(p, '#f-memo'), '******-*******', 'masked once the composition ends');
    await p.close();
  });
});
