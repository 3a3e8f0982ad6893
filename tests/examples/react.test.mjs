// examples/react: the controlled input of the README, made real: normalised as typed with the caret kept (also in
// the middle of the value), an IME composition left alone until it ends, the error after leaving the field, and
// the canonical value submitted. Under Vite's dev server, then as `vite build` output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { bin, install, run, start } from './harness.mjs';
import { browser } from './browser.mjs';

let chromium;
before(async () => { chromium = await browser(); });
after(async () => { await chromium?.close(); });

const value = (p) => p.inputValue('#pccc');
const caret = (p) => p.$eval('#pccc', (el) => [el.selectionStart, el.selectionEnd]);

async function checkout(url) {
  const p = await chromium.page();
  try {
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
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Input.imeSetComposition', { text: 'p 1', selectionStart: 3, selectionEnd: 3 });
    assert.equal(await value(p), 'p 1', 'untouched during the composition');
    await cdp.send('Input.insertText', { text: 'p 1' });
    assert.equal(await value(p), 'P1', 'normalised once it ends');
    assert.deepEqual(await caret(p), [2, 2]);
    await cdp.detach();

    await p.keyboard.type('234-5678-9012');
    await p.click('button[type=submit]');
    assert.equal(await p.textContent('#sent'), 'P123456789012');
    assert.equal(await p.textContent('#masked'), 'P********9012');
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleMessages.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  } finally {
    await p.close();
  }
}

test('examples/react: the checkout widget under the dev server and as a build', async () => {
  const dir = install('react');
  const vite = bin(dir, 'vite');
  let server = await start(dir, vite, ['--host', '127.0.0.1', '--port', '0', '--strictPort']);
  try {
    await checkout(server.url + '/');
  } finally {
    await server.stop();
  }
  run(dir, vite, ['build']);
  server = await start(dir, vite, ['preview', '--host', '127.0.0.1', '--port', '0', '--strictPort']);
  try {
    await checkout(server.url + '/');
  } finally {
    await server.stop();
  }
});
