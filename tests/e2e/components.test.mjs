// Guarded inputs inside shadow roots, as web components hold them (www/components.html), in each engine: an
// <input> in a form-associated element's open shadow root guarded with enhance(input), and a form inside a shadow
// root (a mobile number and a <pccc-input>) guarded with autoEnhance(shadowRoot). Typing in the middle keeps the
// caret, messages announce, and the form sees the value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine, screenshot } from './harness.mjs';

const CODE = 'P199256789012'; // what the first test ends up typing

forEachEngine((env) => {
  async function page() {
    const p = await env.newPage();
    await p.goto(`${env.base}/components.html`);
    await p.waitForSelector('body[data-guarded]');
    return p;
  }
  /** Runs `fn(input, arg)` on the input at `path`: a host's id, then selectors inside its shadow root. */
  const inShadow = (p, [host, ...inner], fn, arg) =>
    p.evaluate(`((sels, arg) => {
      let node = document.getElementById(${JSON.stringify(host)}).shadowRoot;
      for (const sel of sels) node = node.querySelector(sel);
      return (${fn})(node, arg);
    })(${JSON.stringify(inner)}, ${arg === undefined ? 'undefined' : JSON.stringify(arg)})`);
  const focusAndSelect = (p, path, at) => inShadow(p, path, (el, a) => {
    el.focus();
    el.setSelectionRange(a, a);
  }, at);
  const state = (p, path) => inShadow(p, path, (el) => [el.value, el.selectionStart, el.dataset.pcccState ?? null]);
  /** The live region the input's aria-describedby names, looked up in the input's own root. */
  const message = (p, path) => inShadow(p, path, (el) => {
    const region = el.getRootNode().getElementById(el.getAttribute('aria-describedby').split(' ').pop());
    return [region.textContent, region.getAttribute('aria-live')];
  });

  test('an input in a shadow root, guarded with enhance(): caret, messages and the form', async () => {
    const p = await page();
    const code = ['code', 'input'];
    await focusAndSelect(p, code, 0);
    await p.keyboard.type('p12');
    assert.deepEqual(await state(p, code), ['P12', 3, 'pending'], 'normalised as typed');
    // Typing in the middle: the space is dropped (a rewrite) and the caret stays after the 9, so the next 9 follows it.
    await focusAndSelect(p, code, 2);
    await p.keyboard.type('9 9');
    assert.deepEqual(await state(p, code), ['P1992', 4, 'pending']);
    // Leaving the field shows the message in the component's own live region (data-pccc-message, in the shadow root).
    await p.evaluate(() => document.getElementById('outer-submit').focus());
    const [text, live] = await message(p, code);
    assert.match(text, /숫자가 부족합니다/);
    assert.equal(live, 'polite');
    assert.equal(await inShadow(p, code, (el) => el.getAttribute('aria-invalid')), 'true');
    // A valid code: the message clears and the page's form sees the value the guard left.
    await focusAndSelect(p, code, 5);
    await p.keyboard.type('56789012');
    assert.deepEqual(await state(p, code), [CODE, 13, 'valid']);
    assert.equal((await message(p, code))[0], '');
    assert.equal(await p.evaluate(() => new FormData(document.getElementById('outer')).get('pccc')), CODE);
    // The language comes from the nearest lang attribute, through the shadow root to its host.
    const en = ['code-en', 'input'];
    await focusAndSelect(p, en, 0);
    await p.keyboard.type('P1');
    await p.evaluate(() => document.getElementById('outer-submit').focus());
    assert.match((await message(p, en))[0], /Too few digits/);
    await screenshot(p, 'components-enhance');
    assert.deepEqual(p.pageErrors, []);
    await p.close();
  });

  test('a form in a shadow root, guarded with autoEnhance(shadowRoot): a field and a <pccc-input>', async () => {
    const p = await page();
    const phone = ['panel', '#phone'];
    assert.equal((await state(p, phone))[2], 'pending', 'guarded (required and empty)');
    await focusAndSelect(p, phone, 0);
    await p.keyboard.type('010-1234-567');
    await p.evaluate(() => document.getElementById('panel').shadowRoot.getElementById('inner-submit').focus());
    const [text, live] = await message(p, phone);
    assert.ok(text.length > 5, 'a message once the field is left');
    assert.equal(live, 'polite');
    await focusAndSelect(p, phone, 12);
    await p.keyboard.type('8');
    assert.deepEqual(await state(p, phone), ['010-1234-5678', 13, 'valid']);

    const component = ['panel', '#component', 'input'];
    await focusAndSelect(p, component, 0);
    await p.keyboard.type('p12');
    await focusAndSelect(p, component, 2);
    await p.keyboard.type('9 9');
    assert.deepEqual(await state(p, component), ['P1992', 4, 'pending'], 'the caret kept in the middle');
    await p.keyboard.press('End');
    await p.keyboard.type('12345678');
    assert.equal((await state(p, component))[0], 'P199212345678');
    const sent = await p.evaluate(() => {
      const form = document.getElementById('panel').shadowRoot.getElementById('inner');
      return [form.checkValidity(), [...new FormData(form)].map(([k, v]) => `${k}=${v}`)];
    });
    assert.deepEqual(sent, [true, ['phone=010-1234-5678', 'pccc_component=P199212345678']]);
    await screenshot(p, 'components-auto');
    assert.deepEqual(p.pageErrors, []);
    await p.close();
  });
});
