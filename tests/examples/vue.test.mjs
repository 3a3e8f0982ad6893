// examples/vue: a recipient form on TanStack Form for Vue 3 with each field's pccc-guard schema in
// validators.onChange, and the usePcccInput composable on the code's input: normalised as typed with the caret kept
// (also in the middle of the value), an IME composition left alone until it ends, the message once the field is
// left, every empty field's message after a submit attempt, and the canonical values on submit. Under Vite's dev
// server, then as `vite build` output.
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
    await p.click('button[type=submit]');
    await p.waitForFunction(() => document.getElementById('postcode-error').textContent !== '');
    for (const id of ['name', 'pccc', 'phone']) assert.notEqual(await text(p, `${id}-error`), '', `${id}: a message after a submit attempt`);
    await p.goto(url); // a fresh form
    await p.waitForSelector('#pccc');

    await p.click('#pccc');
    await p.keyboard.type('ｐ1234 5678-901');
    assert.equal(await value(p), 'P12345678901', 'normalised as typed');
    assert.deepEqual(await caret(p), [12, 12]);
    assert.equal(await text(p, 'pccc-error'), '', 'no message while typing');
    await p.keyboard.press('Tab');
    assert.match(await text(p, 'pccc-error'), /숫자가 부족합니다/, 'the message once left');
    assert.equal(await p.getAttribute('#pccc', 'aria-invalid'), 'true');

    // A full-width digit typed in the middle: normalised, the caret right after it, the message gone.
    await p.$eval('#pccc', (el) => { el.focus(); el.setSelectionRange(5, 5); });
    await p.keyboard.type('５');
    assert.equal(await value(p), 'P123455678901');
    assert.deepEqual(await caret(p), [6, 6]);
    await p.waitForFunction(() => document.getElementById('pccc-error').textContent === '');

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
    assert.equal(await value(p), 'P123456789012');

    await p.fill('#name', '홍길동');
    await p.fill('#phone', '010 1234 5678');
    await p.fill('#postcode', '03154');
    await p.click('button[type=submit]');
    await p.waitForSelector('#sent');
    assert.deepEqual(JSON.parse(await text(p, 'sent')), { name: '홍길동', pccc: 'P123456789012', phone: '01012345678', postcode: '03154' });
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleMessages.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  });
}

test('examples/vue: TanStack Form with the schemas and usePcccInput, under the dev server and as a build', async (t) => {
  const dir = install('vue');
  await underViteDevAndBuild(dir, (url) => recipient(t, url + '/'));
});
