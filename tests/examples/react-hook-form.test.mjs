// examples/react-hook-form: a recipient form on react-hook-form 7 whose resolver is @hookform/resolvers'
// standardSchemaResolver with pccc-guard/schema's recipient schema. A bad code sets errors.pccc.message (shown
// under the field, in Korean); a code typed as `p1234-5678-9012` reaches onSubmit as `P123456789012`, the phone
// number as its digits. The code's input has pccc-guard/react's usePcccInput on `register`: normalised as typed with
// the caret kept (also in the middle), an IME composition left alone until it ends. Under Vite's dev server, then as
// `vite build` output. controller.html: the code alone through Controller, usePcccInput controlled.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { install, underViteDevAndBuild } from './harness.mjs';
import { browsers, inEach, lacks } from './browser.mjs';

let all;
before(async () => { all = await browsers(); });
after(async () => { await all?.closeAll(); });

const text = (p, id) => p.$eval(`#${id}`, (el) => el.textContent);
const value = (p) => p.inputValue('#pccc');
const caret = (p) => p.$eval('#pccc', (el) => [el.selectionStart, el.selectionEnd]);

async function recipient(t, url) {
  await inEach(t, all, async (p, engine, sub) => {
    await p.goto(url);
    await p.waitForSelector('#pccc');
    await p.fill('#name', '홍길동');
    await p.click('#pccc');
    await p.keyboard.type('p1234-5678-901'); // one digit short
    assert.equal(await value(p), 'P12345678901', 'normalised as typed (usePcccInput)');
    assert.deepEqual(await caret(p), [12, 12]);
    await p.fill('#phone', '010 1234 5678');
    await p.fill('#postcode', '03154');
    await p.click('button[type=submit]');
    await p.waitForFunction(() => document.getElementById('pccc-error').textContent !== '');
    assert.match(await text(p, 'pccc-error'), /숫자가 부족합니다/, 'errors.pccc.message from the schema');
    assert.equal(await p.getAttribute('#pccc', 'aria-invalid'), 'true');
    for (const id of ['name', 'phone', 'postcode']) assert.equal(await text(p, `${id}-error`), '', id);
    assert.equal(await p.$eval('#sent', () => true).catch(() => false), false, 'onSubmit not called');

    // A recipient schema issue for every empty field, each under its own input (the path).
    await p.fill('#name', '');
    await p.waitForFunction(() => document.getElementById('name-error').textContent !== '');
    await p.fill('#name', '홍길동');

    // A full-width digit typed in the middle: normalised, the caret right after it; valid now.
    await p.$eval('#pccc', (el) => { el.focus(); el.setSelectionRange(5, 5); });
    await p.keyboard.type('５');
    assert.equal(await value(p), 'P123455678901');
    assert.deepEqual(await caret(p), [6, 6]);
    await p.waitForFunction(() => document.getElementById('pccc-error').textContent === '');

    // An IME composition: untouched while composing, normalised once it ends.
    await p.fill('#pccc', '');
    await sub.test('an IME composition', { skip: lacks(engine, 'ime') }, async () => {
      await p.ime.compose('p 1', 3);
      assert.equal(await value(p), 'p 1', 'untouched during the composition');
      await p.ime.commit('p 1');
      assert.equal(await value(p), 'P1', 'normalised once it ends');
      assert.deepEqual(await caret(p), [2, 2]);
    });
    if (lacks(engine, 'ime')) await p.keyboard.type('p 1');
    await p.keyboard.type('234-5678-9012');
    await p.click('button[type=submit]');
    await p.waitForSelector('#sent');
    assert.deepEqual(JSON.parse(await text(p, 'sent')), { name: '홍길동', pccc: 'P123456789012', phone: '01012345678', postcode: '03154' });
    assert.equal(await value(p), 'P123456789012');
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleMessages.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  });
}

/** controller.html: the code alone through Controller, usePcccInput controlled by the field. */
async function controller(t, url) {
  await inEach(t, all, async (p) => {
    await p.goto(url);
    await p.waitForSelector('#pccc');
    await p.click('#pccc');
    await p.keyboard.type('p1234-5678-901');
    assert.equal(await value(p), 'P12345678901', 'normalised as typed');
    await p.click('button[type=submit]');
    await p.waitForFunction(() => document.getElementById('pccc-error').textContent !== '');
    assert.match(await text(p, 'pccc-error'), /숫자가 부족합니다/);
    await p.$eval('#pccc', (el) => { el.focus(); el.setSelectionRange(5, 5); });
    await p.keyboard.type('５');
    assert.equal(await value(p), 'P123455678901');
    assert.deepEqual(await caret(p), [6, 6], 'the caret kept through the controlled re-render');
    await p.waitForFunction(() => document.getElementById('pccc-error').textContent === '');
    await p.click('button[type=submit]');
    await p.waitForSelector('#sent');
    assert.deepEqual(JSON.parse(await text(p, 'sent')), { pccc: 'P123455678901' });
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleMessages.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  });
}

test('examples/react-hook-form: standardSchemaResolver with the recipient schema, under the dev server and as a build', async (t) => {
  const dir = install('react-hook-form');
  await underViteDevAndBuild(dir, async (url) => {
    await recipient(t, url + '/');
    await controller(t, url + '/controller.html');
  });
});
