// The forms layer against KWCAG 2.2 and WCAG 2.2 (issue 20, part 5), in each engine: on a submit attempt focus goes
// to the first invalid field and its message is announced, with what was typed kept (WCAG 3.3.1, KWCAG 오류 정정);
// messages say what is wrong in words, not by colour alone (1.4.1); the live region stays in the light DOM (4.1.3);
// paste is never blocked (3.3.8); and under forced colours (Windows high contrast) the invalid field, the buttons and
// the active language stay distinguishable (1.4.11), checked by computed styles and screenshots in artifacts/e2e/.
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
  /** The field's message element (its last aria-describedby target): text, live, and whether it is in the document's light DOM. */
  const region = (p, sel) => p.$eval(sel, (el) => {
    const m = document.getElementById(el.getAttribute('aria-describedby').split(' ').pop());
    return { text: m.textContent.trim(), live: m.getAttribute('aria-live'), light: m.getRootNode() === document && !m.closest('[hidden]') };
  });
  const focused = (p) => p.evaluate(() => {
    const el = document.activeElement;
    return el.id || `${el.parentElement.id} ${el.localName}`;
  });

  test('a submit attempt focuses the first invalid field and announces its message; what was typed stays', async () => {
    const p = await page();
    await p.fill('#f-name', '홍길동');
    await p.click('#f-pccc');
    await p.keyboard.type('p1234');
    await p.click('#plain-submit');
    assert.equal(new URL(await p.url()).search, '', 'not submitted');
    assert.equal(await focused(p), 'f-pccc', 'focus on the first invalid field');
    assert.equal(await p.inputValue('#f-pccc'), 'P1234', 'what was typed is kept (normalised)');
    for (const sel of ['#f-pccc', '#f-phone', '#f-postcode']) {
      const m = await region(p, sel);
      assert.equal(await p.getAttribute(sel, 'aria-invalid'), 'true', sel);
      assert.ok(m.text.length > 0, `${sel}: the message says what is wrong in words`);
      assert.equal(m.live, 'polite', sel);
      assert.equal(m.light, true, `${sel}: the live region is in the light DOM`);
    }
    assert.match((await region(p, '#f-pccc')).text, /숫자가 부족합니다/);
    assert.equal(await p.getAttribute('#f-name', 'aria-invalid'), 'false');
    // Every field empty: the first one (the name) gets focus, with a message in words.
    await p.goto(env.base + '/forms.html');
    await p.waitForSelector('body[data-guarded]');
    await p.click('#plain-submit');
    assert.equal(await focused(p), 'f-name');
    assert.ok((await region(p, '#f-name')).text.length > 0);
    assert.deepEqual(await p.axe(), []);
    await screenshot(p, 'a11y-submit-invalid');
    await p.close();
  });

  test('<pccc-input>: a submit attempt focuses its input, whose message is a light-DOM live region', async () => {
    const p = await page();
    await p.click('#c-pccc input');
    await p.keyboard.type('p12');
    await p.click('#component-submit');
    assert.equal(new URL(await p.url()).search, '', 'not submitted');
    assert.equal(await focused(p), 'c-pccc input');
    assert.equal(await p.inputValue('#c-pccc input'), 'P12');
    assert.equal(await p.getAttribute('#c-pccc input', 'aria-invalid'), 'true');
    const m = await region(p, '#c-pccc input');
    assert.match(m.text, /숫자가 부족합니다/);
    assert.equal(m.live, 'polite');
    assert.equal(m.light, true);
    assert.equal(await p.$eval('#c-pccc', (el) => el.shadowRoot), null, 'no shadow root');
    await p.close();
  });

  test('paste is never blocked: the paste event goes through and the value arrives normalised', async () => {
    const p = await page();
    for (const [sel, pasted, want] of [['#f-phone', '010 1234 5678', '010 1234 5678'], ['#f-pccc', 'P12', 'P12'], ['#f-pccc', 'p 1234-5678-9012', 'P123456789012']]) {
      await p.fill(sel, '');
      const blocked = await p.$eval(sel, (el, t) => {
        el.focus();
        const data = new DataTransfer();
        data.setData('text/plain', t);
        const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
        return !el.dispatchEvent(event);
      }, pasted);
      assert.equal(blocked, false, `${sel} ${pasted}: paste not prevented`);
      await p.keyboard.insertText(pasted); // what the browser inserts for a paste no handler prevented
      assert.equal(await p.inputValue(sel), want, pasted);
    }
    await p.close();
  });

  /** Computed styles the forced-colours checks compare. */
  const looks = (p, sel) => p.$eval(sel, (el) => {
    const s = getComputedStyle(el);
    return {
      border: `${s.borderTopStyle} ${s.borderTopWidth} ${s.borderTopColor}`,
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
      background: s.backgroundColor,
      color: s.color,
      decoration: s.textDecorationLine,
      weight: s.fontWeight,
    };
  });

  test('forced colours: the invalid field, the buttons and the active language stay distinguishable', { skip: lacks(env.engine, 'forcedColors') }, async () => {
    const p = await page();
    await p.emulateForcedColors();
    assert.equal(await p.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
    await p.fill('#f-name', '홍길동');
    await p.fill('#f-pccc', 'P1234');
    await p.click('#plain-submit');
    // (The phone field, empty and required: invalid and not focused, so no focus ring adds to its look.)
    const invalid = await looks(p, '#f-phone');
    const valid = await looks(p, '#f-name');
    assert.notEqual(invalid.border, valid.border, 'the invalid field has its own border');
    assert.match(invalid.border, /^dashed /, 'a dashed border: a cue that is not a colour');
    assert.match((await looks(p, '#f-pccc')).border, /^dashed /, 'also on the focused invalid field');
    for (const sel of ['#plain-submit', '#component-submit']) {
      const b = await looks(p, sel);
      assert.doesNotMatch(b.border, /^none|^hidden| 0px /, `${sel} has a border: ${b.border}`);
    }
    const [ko, en] = [await looks(p, '[data-locale="ko"]'), await looks(p, '[data-locale="en"]')];
    assert.notDeepEqual(ko, en, 'the pressed language button looks different');
    assert.notEqual(ko.decoration, en.decoration, 'and not by colour alone');
    await screenshot(p, 'a11y-forced-colors-invalid');
    // The masked display's Show button.
    await p.fill('#f-pccc', 'P123456789012');
    await p.click('#f-name');
    const show = await looks(p, '.pccc-guard-masked button');
    assert.doesNotMatch(show.border, /^none|^hidden| 0px /, `the Show button has a border: ${show.border}`);
    await screenshot(p, 'a11y-forced-colors-masked');
    // The demo page, with the same stylesheet.
    await p.goto(env.base + '/');
    await p.waitForSelector('main');
    const [dko, den] = [await looks(p, '#locale-ko'), await looks(p, '#locale-en')];
    assert.notEqual(dko.decoration, den.decoration);
    assert.doesNotMatch((await looks(p, 'button[type="submit"]')).border, /^none|^hidden| 0px /);
    await screenshot(p, 'a11y-forced-colors-demo');
    await p.close();
  });

  test('without forced colours: the pressed language button carries a cue that is not a colour', async () => {
    const p = await page();
    await p.fill('#f-name', '홍길동');
    await p.click('#plain-submit');
    assert.equal(await p.evaluate(() => matchMedia('(forced-colors: active)').matches), false);
    const [ko, en] = [await looks(p, '[data-locale="ko"]'), await looks(p, '[data-locale="en"]')];
    assert.notEqual(ko.decoration, en.decoration);
    await screenshot(p, 'a11y-invalid');
    await p.close();
  });
});
