// Numbers in free text, in real Chromium on the drop-in forms page: paste extraction in the code and phone fields
// (the finder's module loaded on the first paste that needs it, never at page load) and the delivery memo
// (data-pccc-redact): what kind of number it holds, masking in place with the caret kept, RRNs masked at once and
// never brought back by undo, both languages, no accessibility violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { open, screenshot } from './harness.mjs';

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

let env;
before(async () => {
  env = await open();
  await env.browser.grantPermissions(['clipboard-read', 'clipboard-write']);
});
after(async () => { await env?.close(); });

async function page(path = '/forms.html') {
  const p = await env.newPage();
  p.requests = [];
  p.on('request', (r) => p.requests.push(new URL(r.url()).pathname));
  await p.goto(env.base + path);
  await p.waitForSelector('body[data-guarded]');
  return p;
}

/** A real paste: the text on the clipboard, then Ctrl+V in the field (the browser inserts it unless prevented). */
async function paste(p, selector, text) {
  await p.evaluate((t) => navigator.clipboard.writeText(t), text);
  await p.click(selector);
  await p.keyboard.press('Control+V');
}
const value = (p, sel) => p.inputValue(sel);
const caret = (p, sel) => p.$eval(sel, (el) => [el.selectionStart, el.selectionEnd]);
const message = (p, sel) => p.$eval(sel, (el) => document.getElementById(el.getAttribute('aria-describedby').split(' ').pop()).textContent);
const TEXT_WASM = '/pkg/pccc_guard_text_bg.wasm';

async function axe(p) {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Page.setBypassCSP', { enabled: true });
  await cdp.send('Runtime.evaluate', { expression: AXE });
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: 'axe.run(document, { resultTypes: ["violations"] }).then((r) => JSON.stringify(r.violations.map((v) => ({ id: v.id, impact: v.impact }))))',
    awaitPromise: true,
  });
  return JSON.parse(result.value).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

test('a code pasted with its label keeps the code alone, caret at its end; the finder loads on that paste only', async () => {
  const p = await env.newPage();
  const requests = [];
  p.on('request', (r) => requests.push(new URL(r.url()).pathname));
  // The forms page without its memo: a page that only guards fields.
  await p.route('**/forms.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<div class="field">\s*<label for="f-memo"[\s\S]*?<\/div>/, '');
    await route.fulfill({ response, body });
  });
  await p.goto(env.base + '/forms.html');
  await p.waitForSelector('body[data-guarded="true"]');
  assert.equal(await p.$('#f-memo'), null);
  assert.ok(!requests.includes(TEXT_WASM), `a page guarding fields does not download the finder: ${requests}`);
  await paste(p, '#f-phone', '010 1234 5678'); // a paste that is already a valid number needs no finder
  assert.ok(!requests.includes(TEXT_WASM));

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
  assert.equal(requests.filter((r) => r === TEXT_WASM).length, 1, 'loaded once, on the first paste that needed it');

  // Two codes: the paste stays as it was pasted (normalised), and the error shows as before.
  await p.fill('#f-pccc', '');
  await paste(p, '#f-pccc', '옛 번호 P123456789012, 새 번호 P100000000019');
  await p.click('#f-phone');
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
  const notice = await message(p, '#f-memo');
  assert.doesNotMatch(notice, /1234|5678|9012/, 'the notice never holds the number');
  assert.deepEqual(await axe(p), []);
  await screenshot(p, 'memo-notice');
  await p.$eval('#f-memo', (el) => el.setSelectionRange(10, 10));
  await p.getByRole('button', { name: '번호 가리기' }).click();
  assert.equal(await value(p, '#f-memo'), '문 앞에 두세요. 통관부호 P****-****-9012 연락 010.1234.****');
  assert.deepEqual(await caret(p, '#f-memo'), [10, 10], 'the caret stays where it was');
  assert.match(await message(p, '#f-memo'), /가렸습니다/);
  // Undo cannot bring the numbers back.
  await p.click('#f-memo');
  for (let i = 0; i < 4; i++) await p.keyboard.press('Control+Z');
  assert.doesNotMatch(await value(p, '#f-memo'), /5678-9012|1234\.5678/);
  await p.close();
});

test('the memo: an RRN is masked at once, typed or pasted, and neither undo nor redo brings it back', async () => {
  const p = await page();
  await p.click('#f-memo');
  await p.keyboard.type('주민번호 900101-1234567 입니다');
  assert.equal(await value(p, '#f-memo'), '주민번호 ******-******* 입니다');
  assert.deepEqual(await caret(p, '#f-memo'), [23, 23]);
  for (const key of ['Control+Z', 'Control+Z', 'Control+Shift+Z', 'Control+Y']) {
    await p.keyboard.press(key);
    assert.doesNotMatch(await value(p, '#f-memo'), /900101|1234567/, key);
  }
  assert.ok(!(await p.content()).includes('900101'));
  await p.close();
});

test('the memo in English, and data-pccc-redact="auto" masks at once', async () => {
  const p = await page();
  await p.click('[data-locale="en"]');
  await paste(p, '#f-memo', 'call 010 1234 5678');
  await p.waitForFunction(() => /This memo contains a mobile number/.test(document.querySelector('#f-memo + .pccc-guard-message')?.textContent));
  assert.ok(await p.getByRole('button', { name: 'Mask the numbers' }).isVisible());
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

test('an IME composition in the memo is left alone until it ends', async () => {
  const p = await page();
  await p.click('#f-memo');
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Input.imeSetComposition', { text: '900101-1234567', selectionStart: 14, selectionEnd: 14 });
  assert.equal(await value(p, '#f-memo'), '900101-1234567', 'untouched while composing');
  await cdp.send('Input.insertText', { text: '900101-1234567' });
  assert.equal(await value(p, '#f-memo'), '******-*******', 'masked once the composition ends');
  await cdp.detach();
  await p.close();
});
