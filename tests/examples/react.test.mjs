// examples/react: the controlled input of examples/README.md, made real: normalised as typed with the caret kept (also in
// the middle of the value), an IME composition left alone until it ends, the error after leaving the field, and
// the canonical value submitted. Under Vite's dev server, then as `vite build` output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { install, underViteDevAndBuild } from './harness.mjs';
import { browsers, inEach, lacks } from './browser.mjs';

let all;
before(async () => { all = await browsers(); });
after(async () => { await all?.closeAll(); });

const value = (p) => p.inputValue('#pccc');
const caret = (p) => p.$eval('#pccc', (el) => [el.selectionStart, el.selectionEnd]);

async function checkout(t, url) {
  await inEach(t, all, async (p, engine, sub) => {
    await p.goto(url);
    await p.click('#pccc');
    await p.keyboard.type('ｐ1234 5678-901');
    assert.equal(await value(p), 'P12345678901', 'normalised as typed');
    assert.deepEqual(await caret(p), [12, 12]);
    assert.equal(await p.textContent('#pccc-error'), '', 'no error while typing');
    await p.keyboard.press('Tab');
    assert.match(await p.textContent('#pccc-error'), /숫자가 부족합니다/);
    assert.equal(await p.getAttribute('#pccc', 'aria-invalid'), 'true');

    // A full-width digit typed in the middle: normalised, the caret right after it.
    await p.$eval('#pccc', (el) => { el.focus(); el.setSelectionRange(5, 5); });
    await p.keyboard.type('５');
    assert.equal(await value(p), 'P123455678901');
    assert.deepEqual(await caret(p), [6, 6]);
    assert.equal(await p.textContent('#pccc-error'), '', 'valid now');

    // An IME composition (a Samsung-style keyboard composing "p 1"): untouched while composing, normalised once.
    await p.fill('#pccc', '');
    await sub.test('an IME composition', { skip: lacks(engine, 'ime') }, async () => {
      await p.ime.compose('p 1', 3);
      assert.equal(await value(p), 'p 1', 'untouched during the composition');
      await p.ime.commit('p 1');
      assert.equal(await value(p), 'P1', 'normalised once it ends');
      assert.deepEqual(await caret(p), [2, 2]);
    });
    if (lacks(engine, 'ime')) await p.keyboard.type('p 1'); // the same state, typed

    await p.keyboard.type('234-5678-9012');
    await p.click('button[type=submit]');
    assert.equal(await p.textContent('#sent'), 'P123456789012');
    assert.equal(await p.textContent('#masked'), 'P********9012');
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleMessages.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  });
}

test('examples/react: the checkout widget under the dev server and as a build', async (t) => {
  const dir = install('react');
  await underViteDevAndBuild(dir, (url) => checkout(t, url + '/'));
});
