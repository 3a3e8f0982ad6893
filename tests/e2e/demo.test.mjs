// The demo page (www/index.html) in each engine under its strict CSP: as-you-type checks of every recipient field
// and their validity, the RRN incident, the masked display, both locales, and what a submit would send.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine, screenshot } from './harness.mjs';

forEachEngine((env) => {
  async function ready(page, path = '/') {
    await page.goto(env.base + path);
    await page.waitForSelector('form[data-ready="true"]');
  }

  test('the page loads under the strict CSP with no errors or violations', async () => {
    const page = await env.newPage();
    const res = await page.goto(env.base + '/');
    assert.match(res.headers['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
    await page.waitForSelector('form[data-ready="true"]');
    assert.deepEqual(page.pageErrors, []);
    assert.deepEqual(page.consoleMessages.filter((m) => m.type === 'error' || m.type === 'warning'), []);
    await screenshot(page, 'demo-empty');
    await page.close();
  });

  test('typing a code: normalised in place, caret kept, valid with its masked form', async () => {
    const page = await env.newPage();
    await ready(page);
    await page.click('#pccc');
    await page.keyboard.type('p1234 5678-9012');
    assert.equal(await page.inputValue('#pccc'), 'P123456789012');
    assert.equal(await page.$eval('#pccc', (el) => el.selectionStart), 13);
    assert.equal(await page.getAttribute('#pccc-field', 'data-state'), 'valid');
    assert.equal(await page.textContent('#pccc-masked'), 'P********9012');
    // Editing in the middle keeps the caret after the typed character.
    await page.$eval('#pccc', (el) => el.setSelectionRange(5, 5));
    await page.keyboard.type(' ');
    assert.equal(await page.inputValue('#pccc'), 'P123456789012');
    assert.equal(await page.$eval('#pccc', (el) => el.selectionStart), 5);
    await page.keyboard.press('Backspace');
    assert.equal(await page.inputValue('#pccc'), 'P12356789012');
    assert.equal(await page.$eval('#pccc', (el) => el.selectionStart), 4);
    assert.equal(await page.getAttribute('#pccc', 'aria-invalid'), 'false');
    await page.click('#name');
    assert.equal(await page.getAttribute('#pccc-field', 'data-state'), 'invalid');
    assert.equal(await page.getAttribute('#pccc', 'aria-invalid'), 'true');
    assert.match(await page.textContent('#pccc-message'), /숫자가 부족합니다/);
    await screenshot(page, 'demo-too-short');
    await page.close();
  });

  test('the fields\' validity follows the rules at once: checkValidity() and :invalid, before the message shows', async () => {
    const page = await env.newPage();
    await ready(page);
    const validity = () => page.$eval('#pccc', (el) => [el.checkValidity(), el.matches(':invalid'), el.form.checkValidity()]);
    assert.deepEqual(await validity(), [false, true, false], 'empty: every recipient field is required');
    await page.click('#pccc');
    await page.keyboard.type('P1234');
    assert.deepEqual(await validity(), [false, true, false], 'too short');
    assert.equal(await page.textContent('#pccc-message'), '', 'the message waits for blur');
    await page.keyboard.type('56789012');
    assert.deepEqual(await validity(), [true, false, false], 'valid; the form still lacks the other fields');
    await page.fill('#name', '홍길동');
    await page.fill('#phone', '010-1234-5678');
    await page.fill('#postcode', '06236');
    assert.equal(await page.$eval('#checkout', (form) => form.checkValidity()), true);
    await page.fill('#phone', '0504-1234-5678');
    assert.equal(await page.$eval('#phone', (el) => el.validationMessage.includes('050')), true);
    await page.fill('#pccc', '900101-1234567');
    assert.deepEqual(await validity(), [false, true, false], 'a hidden RRN');
    await page.close();
  });

  test('full-width IME input is accepted', async () => {
    const page = await env.newPage();
    await ready(page);
    await page.click('#pccc');
    await page.keyboard.insertText('Ｐ１２３４５６７８９０１２');
    assert.equal(await page.inputValue('#pccc'), 'P123456789012');
    assert.equal(await page.getAttribute('#pccc-field', 'data-state'), 'valid');
    await page.close();
  });

  test('an RRN typed into the code field is hidden at once and never submitted', async () => {
    const page = await env.newPage();
    await ready(page);
    await page.click('#pccc');
    await page.keyboard.insertText('900101-1234567');
    const shown = await page.inputValue('#pccc');
    assert.ok(!/\d/.test(shown), `the field shows ${shown}`);
    assert.match(await page.textContent('#pccc-message'), /주민등록번호/);
    assert.ok(!(await page.content()).includes('900101'));
    await page.click('button[type="submit"]');
    assert.ok(!(await page.textContent('#submitted')).includes('900101'));
    assert.match(await page.textContent('#pccc-message'), /주민등록번호/, 'the reason stays after submit');
    await screenshot(page, 'demo-rrn');
    // Typing again starts over.
    await page.fill('#pccc', 'P123456789012');
    assert.equal(await page.getAttribute('#pccc-field', 'data-state'), 'valid');
    await page.close();
  });

  test('a complete recipient submits canonical values; a 050x number is refused with its reason', async () => {
    const page = await env.newPage();
    await ready(page);
    await page.fill('#name', '홍길동');
    await page.fill('#pccc', 'p1234-5678-9012');
    await page.fill('#phone', '0504-1234-5678');
    await page.fill('#postcode', '06236');
    await page.click('button[type="submit"]');
    assert.equal(await page.getAttribute('#phone-field', 'data-state'), 'invalid');
    assert.match(await page.textContent('#phone-message'), /050/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'phone');
    assert.doesNotMatch(await page.textContent('#submitted'), /pccc=/);
    await page.fill('#phone', '+82 10-1234-5678');
    await page.click('button[type="submit"]');
    assert.equal(await page.textContent('#submitted'), 'name=%ED%99%8D%EA%B8%B8%EB%8F%99&pccc=P123456789012&phone=01012345678&postcode=06236');
    await screenshot(page, 'demo-submitted');
    await page.close();
  });

  test('English messages after switching the language', async () => {
    const page = await env.newPage();
    await ready(page);
    await page.click('#locale-en');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.fill('#postcode', '123-456');
    await page.click('#name');
    assert.match(await page.textContent('#postcode-message'), /5-digit/);
    assert.equal(await page.textContent('label[for="pccc"]'), 'Personal customs clearance code');
    await screenshot(page, 'demo-english');
    await page.close();
  });

  test('without wasm-unsafe-eval the demo is checked through the JavaScript build, with no warning', async () => {
    const page = await env.newPage();
    await page.goto(env.base + '/degraded/');
    await page.waitForSelector('form[data-ready="true"]');
    assert.equal(await page.isHidden('#notice'), true);
    await page.click('#pccc');
    await page.keyboard.type('p1234 5678-9012');
    assert.equal(await page.inputValue('#pccc'), 'P123456789012');
    assert.equal(await page.getAttribute('#pccc-field', 'data-state'), 'valid');
    assert.ok(page.requests.some((url) => url.endsWith('/pkg/pccc-guard-fields.wasm.js')));
    assert.deepEqual(page.pageErrors, []);
    assert.deepEqual(page.consoleMessages.filter((m) => m.type === 'warning'), []);
    await screenshot(page, 'demo-degraded');
    await page.close();
  });
});
