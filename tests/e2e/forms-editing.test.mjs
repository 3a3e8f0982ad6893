// Editing a guarded field the way people do, in each engine: undo and redo after the guard has rewritten the
// value, an RRN that must not come back through the undo history, deleting and composing in the middle, the masked
// display from the keyboard and for screen readers, <pccc-input> in its form, and the web entry point used
// without await. Every state ends with an axe-core audit (no serious or critical violations).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine, lacks, screenshot } from './harness.mjs';

const CODE = 'P123456789012'; // synthetic
const RRN = '900101-1234567'; // synthetic, RRN-shaped

forEachEngine((env) => {
  async function page(path = '/forms.html') {
    const p = await env.newPage();
    await p.goto(env.base + path);
    await p.waitForSelector('body[data-guarded]');
    return p;
  }
  const value = (p, sel = '#f-pccc') => p.inputValue(sel);
  const caret = (p, sel = '#f-pccc') => p.$eval(sel, (el) => [el.selectionStart, el.selectionEnd]);
  const message = (p, sel) =>
    p.$eval(sel, (el) => document.getElementById(el.getAttribute('aria-describedby').split(' ').pop()).textContent);

  test('undo and redo after a rewrite step through the field\'s own states, never through garbage', async () => {
    const p = await page();
    await p.click('#f-pccc');
    await p.keyboard.type('p123'); // the lower-case p is rewritten: from here on the guard keeps the history
    await p.keyboard.press('Backspace');
    await p.keyboard.type('9 9');
    assert.equal(await value(p), 'P1299');
    const seen = [];
    for (const key of ['Control+z', 'Control+z', 'Control+z', 'Control+z', 'Control+Shift+z', 'Control+y', 'Control+Shift+z', 'Control+y']) {
      await p.keyboard.press(key);
      seen.push(await value(p));
    }
    assert.deepEqual(seen, ['P12', 'P123', '', '', 'P123', 'P12', 'P1299', 'P1299']);
    assert.deepEqual(await caret(p), [5, 5]);
    // The browser's own history commands (menus, shake to undo) arrive as beforeinput and take the same path.
    const viaEvent = await p.$eval('#f-pccc', (el) => {
      const ok = el.dispatchEvent(new InputEvent('beforeinput', { inputType: 'historyUndo', cancelable: true, bubbles: true }));
      return [ok, el.value];
    });
    assert.deepEqual(viaEvent, [false, 'P12'], 'cancelled and served from the guard\'s history');
    assert.equal(await p.getAttribute('#f-pccc', 'data-pccc-state'), 'pending', 're-checked after undo');
    assert.deepEqual(p.pageErrors, []);
    await p.close();
  });

  test('a hidden RRN never comes back: not by undo or redo in the field, nor from another field', async () => {
    const p = await page();
    await p.click('#f-pccc');
    await p.keyboard.type('P1');
    await p.fill('#f-pccc', '');
    await p.keyboard.insertText(RRN);
    const states = [await value(p)];
    for (const key of ['Control+z', 'Control+z', 'Control+Shift+z', 'Control+Shift+z', 'Control+y']) {
      await p.keyboard.press(key);
      states.push(await value(p));
    }
    // Chromium keeps one undo history per page: commands typed elsewhere can reach this field.
    await p.click('#f-name');
    await p.keyboard.type('홍');
    for (const key of ['Control+z', 'Control+z', 'Control+z', 'Control+Shift+z', 'Control+Shift+z', 'Control+Shift+z']) {
      await p.keyboard.press(key);
      states.push(await value(p));
    }
    for (const s of states) assert.doesNotMatch(s, /\d/, `the field showed "${s}"`);
    assert.equal(await p.$eval('#f-pccc', (el) => el.checkValidity()), false);
    assert.match(await message(p, '#f-pccc'), /주민등록번호/);
    const html = await p.content();
    assert.ok(!html.includes('900101') && !html.includes('1234567'), 'the number is nowhere in the DOM');
    // Typed digit by digit, it is hidden the moment it is complete.
    await p.fill('#f-pccc', '');
    await p.click('#f-pccc');
    await p.keyboard.type('9001011234567');
    assert.equal(await value(p), '*'.repeat(13));
    await p.keyboard.press('Control+z');
    assert.doesNotMatch(await value(p), /\d{7}/);
    assert.deepEqual(await p.axe(), []);
    await p.close();
  });

  test('deleting and replacing in the middle keep the caret where the edit was', async () => {
    const p = await page();
    await p.fill('#f-pccc', CODE);
    await p.$eval('#f-pccc', (el) => el.setSelectionRange(5, 5));
    await p.keyboard.press('Backspace');
    assert.equal(await value(p), 'P12356789012');
    assert.deepEqual(await caret(p), [4, 4]);
    await p.keyboard.press('Delete');
    assert.equal(await value(p), 'P1236789012');
    assert.deepEqual(await caret(p), [4, 4]);
    // Replace a selection with pasted text full of spaces and a dash: the caret lands after the pasted digits.
    await p.$eval('#f-pccc', (el) => el.setSelectionRange(2, 4));
    await p.keyboard.insertText(' 2 3-4\u00a05 ');
    assert.equal(await value(p), 'P123456789012');
    assert.deepEqual(await caret(p), [6, 6]);
    // A character typed in the middle that normalisation drops leaves the caret where it was.
    await p.$eval('#f-pccc', (el) => el.setSelectionRange(7, 7));
    await p.keyboard.type(' ');
    assert.equal(await value(p), CODE);
    assert.deepEqual(await caret(p), [7, 7]);
    // Input longer than a code is kept (and flagged), never cut off.
    await p.keyboard.press('End');
    await p.keyboard.type('345');
    assert.equal(await value(p), CODE + '345');
    await p.click('#f-name');
    assert.match(await message(p, '#f-pccc'), /숫자가 너무 많습니다|많/);
    await p.close();
  });

  test('an IME composition in the middle is left alone until it ends, then normalised once', { skip: lacks(env.engine, 'ime') }, async () => {
    const p = await page();
    await p.fill('#f-pccc', 'P1289');
    await p.$eval('#f-pccc', (el) => el.setSelectionRange(3, 3));
    const during = [];
    for (const text of ['３', '３４']) {
      await p.ime.compose(text, text.length);
      during.push(await value(p));
    }
    assert.deepEqual(during, ['P12３89', 'P12３４89'], 'full-width digits stay while composing');
    await p.ime.commit('３４');
    assert.equal(await value(p), 'P123489');
    assert.deepEqual(await caret(p), [5, 5]);
    await p.close();
  });

  test('the masked display: Enter and the label reveal it, and screen readers hear no stars', async () => {
    const p = await page();
    await p.fill('#f-pccc', CODE);
    await p.press('#f-pccc', 'Tab'); // leave the field by keyboard
    assert.equal(await p.textContent('.pccc-guard-masked'), 'P********9012보기');
    assert.equal(await p.getAttribute('.pccc-guard-masked span', 'aria-hidden'), 'true', 'no stars for screen readers');
    // What assistive technology gets (the engine's own accessibility tree): a button, named after the field, saying
    // the value is hidden.
    const named = await p.accessibleAs('.pccc-guard-masked button', { role: 'button', name: '개인통관고유부호: 가려진 값, 보기' });
    assert.equal(named, true);
    assert.deepEqual(await p.axe(), []);
    await p.keyboard.press('Shift+Tab'); // back onto the masked value: its Show button, reachable by keyboard
    assert.equal(await p.evaluate(() => document.activeElement.parentNode.className), 'pccc-guard-masked');
    await p.keyboard.press('Enter');
    assert.equal(await p.evaluate(() => document.activeElement.id), 'f-pccc');
    assert.equal(await value(p), CODE);
    await screenshot(p, 'forms-revealed');
    await p.click('#f-name');
    assert.equal(await p.isHidden('#f-pccc'), true, 'masked again once left');
    await p.click('label[for="f-pccc"]');
    assert.equal(await p.isVisible('#f-pccc'), true, 'the label shows the field again');
    assert.equal(await p.evaluate(() => document.activeElement.id), 'f-pccc');
    await p.close();
  });

  test('the Korean/English switch changes the page, the messages and the component together', async () => {
    const p = await page();
    await p.fill('#f-pccc', 'P12');
    await p.click('#f-name');
    await p.click('[data-locale="en"]');
    assert.equal(await p.getAttribute('html', 'lang'), 'en');
    assert.equal(await p.textContent('label[for="f-pccc"]'), 'Personal customs clearance code');
    assert.match(await message(p, '#f-pccc'), /digits/);
    await p.click('#c-pccc input');
    await p.keyboard.type('P1');
    await p.click('#f-name');
    assert.match(await message(p, '#c-pccc input'), /digits/);
    assert.deepEqual(await p.axe(), []);
    await screenshot(p, 'forms-english-component');
    await p.click('[data-locale="ko"]');
    assert.match(await message(p, '#f-pccc'), /숫자/);
    assert.match(await message(p, '#c-pccc input'), /숫자/);
    assert.equal(await p.$eval('.lead code', (el) => el.textContent), 'data-pccc', 'Korean markup restored');
    await p.close();
  });

  test('<pccc-input> submits its canonical value with the form, and blocks it while required and empty', async () => {
    const p = await page();
    await p.click('#component-submit');
    assert.equal(new URL(await p.url()).search, '', 'blocked: required and empty');
    assert.equal(await p.$eval('#c-pccc', (el) => el.validity.valid), false);
    await p.click('#c-pccc input');
    await p.keyboard.insertText('ｐ 1234 5678 9012');
    await p.click('#f-name'); // masked once left; the form still has the real value
    assert.equal(await p.textContent('#c-pccc .pccc-guard-masked [aria-hidden]'), 'P********9012');
    assert.deepEqual(await p.axe(), []);
    await Promise.all([p.waitForURL(/\?/), p.click('#component-submit')]);
    assert.equal(new URL(await p.url()).searchParams.get('pccc_component'), CODE);
    await p.waitForSelector('body[data-guarded]');
    // Reset and disabled go through ElementInternals too.
    const after = await p.evaluate(() => {
      const el = document.getElementById('c-pccc');
      el.value = 'P1';
      const invalid = el.checkValidity();
      el.form.reset();
      const reset = el.value;
      el.setAttribute('disabled', '');
      const data = [...new FormData(el.form).keys()];
      return { invalid, reset, data, inner: el.querySelector('input').disabled };
    });
    assert.deepEqual(after, { invalid: false, reset: '', data: [], inner: true });
    await p.close();
  });

  test('the web entry point guards fields without being awaited, and destroy() gives the plain input back', async () => {
    const p = await page();
    await p.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'late';
      box.innerHTML = '<label for="late-input">PCCC</label><input id="late-input" name="late" data-pccc aria-describedby="hint"><p id="hint">hint</p>';
      document.body.append(box);
      import('/pkg/pccc-guard.js').then((forms) => {
        forms.autoEnhance(box); // not awaited
      });
    });
    await p.waitForSelector('#late-input[data-pccc-state]');
    await p.fill('#late-input', 'p1234 5678 9012');
    assert.equal(await value(p, '#late-input'), CODE);
    const restored = await p.evaluate(async () => {
      const forms = await import('/pkg/pccc-guard.js');
      const before = document.querySelectorAll('.pccc-guard-message').length;
      const input = document.getElementById('late-input');
      const again = await forms.enhance(input);
      const same = again === input.pcccGuard;
      again.destroy();
      input.value = 'p 1';
      return {
        same,
        value: input.value,
        describedBy: input.getAttribute('aria-describedby'),
        invalid: input.getAttribute('aria-invalid'),
        state: input.dataset.pcccState ?? null,
        messages: before - document.querySelectorAll('.pccc-guard-message').length,
        own: Object.getOwnPropertyNames(input),
      };
    });
    assert.deepEqual(restored, {
      same: true, value: 'p 1', describedBy: 'hint', invalid: null, state: null, messages: 1, own: [],
    });
    assert.deepEqual(p.pageErrors, []);
    await p.close();
  });

  test('the degraded page (guarded through the JavaScript build) passes its accessibility audit', async () => {
    const p = await page('/degraded/forms.html');
    assert.equal(await p.getAttribute('body', 'data-guarded'), 'true');
    assert.match(await p.$eval('#f-pccc', (el) => el.getAttribute('aria-describedby')), /pccc-guard-message/);
    assert.deepEqual(await p.axe(), []);
    await p.close();
  });
});
