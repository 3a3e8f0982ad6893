// examples/tanstack-form: a recipient form on TanStack Form (React) whose fields each have their pccc-guard schema
// in validators.onChange. The types pass `tsc --strict` under bundler, node16 and nodenext. In the browser: a submit
// attempt shows every empty field's message, a short code shows its message once the field is left and clears as
// the last digit is typed, no validator goes asynchronous (TanStack Form throws "async function passed to sync
// validator" when one does), the code's input (pccc-guard/react's usePcccInput, controlled) is normalised as typed
// with the caret kept, and the recipient schema gives the canonical values on submit. Under Vite's dev server, then
// as `vite build` output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { bin, install, run, underViteDevAndBuild } from './harness.mjs';
import { browsers, inEach } from './browser.mjs';

let all;
before(async () => { all = await browsers(); });
after(async () => { await all?.closeAll(); });

const text = (p, id) => p.$eval(`#${id}`, (el) => el.textContent);
const FIELDS = ['name', 'pccc', 'phone', 'postcode'];

async function recipient(t, url) {
  await inEach(t, all, async (p) => {
    await p.goto(url);
    await p.waitForSelector('#pccc');
    for (const id of FIELDS) assert.equal(await text(p, `${id}-error`), '', `${id}: no message before anything happened`);
    await p.click('button[type=submit]');
    await p.waitForFunction(() => document.getElementById('postcode-error').textContent !== '');
    for (const id of FIELDS) assert.notEqual(await text(p, `${id}-error`), '', `${id}: a message after a submit attempt`);
    assert.equal(await p.$eval('#sent', () => true).catch(() => false), false, 'nothing submitted');

    await p.fill('#name', '홍길동');
    await p.click('#pccc');
    await p.keyboard.type('p1234-5678-901'); // one digit short
    assert.equal(await p.inputValue('#pccc'), 'P12345678901', 'normalised as typed (usePcccInput)');
    assert.deepEqual(await p.$eval('#pccc', (el) => [el.selectionStart, el.selectionEnd]), [12, 12]);
    await p.keyboard.press('Tab');
    assert.match(await text(p, 'pccc-error'), /숫자가 부족합니다/);
    assert.equal(await p.getAttribute('#pccc', 'aria-invalid'), 'true');
    // A full-width digit typed in the middle: normalised, the caret right after it.
    await p.$eval('#pccc', (el) => { el.focus(); el.setSelectionRange(5, 5); });
    await p.keyboard.type('５');
    assert.equal(await p.inputValue('#pccc'), 'P123455678901');
    assert.deepEqual(await p.$eval('#pccc', (el) => [el.selectionStart, el.selectionEnd]), [6, 6]);
    await p.waitForFunction(() => document.getElementById('pccc-error').textContent === '');
    await p.fill('#phone', '+82 10-1234-5678');
    await p.fill('#postcode', '03154');
    await p.click('button[type=submit]');
    await p.waitForSelector('#sent');
    assert.deepEqual(JSON.parse(await text(p, 'sent')), { name: '홍길동', pccc: 'P123455678901', phone: '01012345678', postcode: '03154' });
    assert.deepEqual(p.pageErrors, [], 'no "async function passed to sync validator"');
    assert.deepEqual(p.consoleMessages.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  });
}

test('examples/tanstack-form: the types pass tsc --strict under bundler, node16 and nodenext', () => {
  const dir = install('tanstack-form');
  const tsc = bin(dir, 'tsc');
  run(dir, tsc, ['-p', 'tsconfig.json']);
  for (const mode of ['node16', 'nodenext']) run(dir, tsc, ['-p', 'tsconfig.json', '--module', mode, '--moduleResolution', mode]);
});

test('examples/tanstack-form: the schemas in validators.onChange, under the dev server and as a build', async (t) => {
  const dir = install('tanstack-form');
  await underViteDevAndBuild(dir, (url) => recipient(t, url + '/'));
});
