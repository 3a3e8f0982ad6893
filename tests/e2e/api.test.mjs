// The JavaScript API in each engine: the same calls, run in the browser on the plain-page module (web/pccc-guard.js)
// and on the entry bundlers get (index.js, served as it is), and in Node on node.cjs, must give deeply equal
// results, thrown errors included. The browser builds run the module optimised for size, Node the one optimised
// for speed: one source, so one set of answers. Covers every vector of every field in both locales, the recipient
// check, masks, the caret, the batch APIs and argument errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { forEachEngine } from './harness.mjs';
import { FIELD_NAMES, fieldVectors, pascal, vectors } from '../node/vectors.mjs';
import { FIELDS } from '../../js/api/contract.js';

const require = createRequire(import.meta.url);
const node = require('../../pkg/node.cjs');

const UNDEFINED = { undefined: true }; // JSON has no undefined; the runner turns this back into it

/** Every call to compare: [function name, ...arguments]. */
function calls() {
  const list = [];
  // Every field of the registry: its validate function in both locales, its isValid function, its mask.
  for (const name of FIELD_NAMES) {
    const p = pascal(name);
    for (const v of fieldVectors(name)) {
      list.push([`validate${p}`, v.input], [`validate${p}`, v.input, { locale: 'en' }], [`isValid${p}`, v.input]);
      if (FIELDS[name].mask) list.push([`mask${p}`, v.input], [`mask${p}`, v.input, { maskChar: '•' }]);
    }
  }
  for (const v of vectors('pccc_vectors.tsv')) list.push(['normalize', v.input], ['normalizeWithCaret', v.input, 3]);
  for (const v of vectors('phone_vectors.tsv')) list.push(['maskPhone', v.input, { keepStart: 3, keepEnd: 4 }]);
  const codes = vectors('pccc_vectors.tsv').map((v) => v.input.replace(/\n/g, ' ')).join('\n');
  list.push(['validatePcccLines', codes, { locale: 'en' }], ['isValidPcccLines', codes]);
  list.push(['checkRecipient', { name: '홍길동', pccc: 'ｐ1234 5678 9012', phone: '+82 10-1234-5678', postcode: '03154' }]);
  list.push(['checkRecipient', { pccc: '900101-1234567', phone: '0504-1234-5678' }, { locale: 'en-US' }]);
  // Errors: the same class, message and code in both hosts.
  list.push(['validatePccc', null], ['validatePccc', 42], ['validatePccc', UNDEFINED], ['isValidPccc', ['P1']], ['validatePccc', 'P1', 'en']);
  list.push(['validatePccc', 'P1', { locale: 'fr' }], ['validatePccc', 'P1', { locale: 7 }]);
  list.push(['maskPccc', 'P123456789012', { keepStart: 4, keepEnd: 4 }], ['maskPccc', 'P123456789012', { maskChar: '0' }]);
  list.push(['maskPccc', 'P123456789012', { maskChar: '**' }], ['maskPccc', 'P123456789012', { keepEnd: 1.5 }], ['maskPccc', 'P1', { keepEnd: '4' }]);
  list.push(['maskPhone', '01012345678', { keepStart: 7, keepEnd: 4 }], ['maskName', '홍길동', { maskChar: '\ud800' }]);
  list.push(['normalizeWithCaret', 'P1', -1], ['normalizeWithCaret', 'P1', null], ['checkRecipient', []], ['checkRecipient', { name: 1 }]);
  return list;
}

/** Runs the calls on an API object; results are made JSON-safe (typed arrays as arrays, errors as records). */
function run(api, list, UNDEFINED_KEY) {
  const revive = (a) => (a && typeof a === 'object' && a[UNDEFINED_KEY] === true ? undefined : a);
  return list.map(([fn, ...args]) => {
    try {
      const out = api[fn](...args.map(revive));
      return out instanceof Uint8Array ? { bytes: [...out] } : out;
    } catch (e) {
      return { threw: e.constructor.name, message: e.message, code: e.code };
    }
  });
}

forEachEngine((env) => {
  test('web/pccc-guard.js and index.js give the Node build\'s results', async () => {
    const list = calls();
    const want = run(node, list, 'undefined');
    assert.ok(list.length > 500, `${list.length} calls`);
    const page = await env.newPage();
    await page.goto(env.base + '/forms.html');
    // Evaluated by the driver (CDP, WebDriver BiDi or classic): the page's CSP (no eval) does not apply to the runner.
    const got = await page.evaluate(`(async () => {
      const run = ${run.toString()};
      const list = ${JSON.stringify(list)};
      const web = await import('/pkg/pccc-guard.js');
      await web.ready;
      const bundled = await import('/npm/index.js');
      return { web: run(web, list, 'undefined'), 'index.js': run(bundled, list, 'undefined') };
    })()`);
    for (const [name, results] of Object.entries(got)) {
      for (let i = 0; i < list.length; i++) assert.deepEqual(results[i], want[i], `${name}: ${JSON.stringify(list[i])}`);
    }
    assert.deepEqual(page.pageErrors, []);
    await page.close();
  });

  test('the text API (web/pccc-guard-text.js and text.js) gives the Node build\'s results', async () => {
    const text = require('../../pkg/text.node.cjs');
    const samples = [
      '😀 문 앞에 두세요. 통관부호 P1234-5678-9012, 연락 +82 10-1234-5678 / 주민 900101-1234567 끝',
      'ｐ１２３４ ５６７８ ９０１２, (010) 1234-5678, 0082 10 1234 5678, 02-123-4567, 0504-1234-5678',
      '주문번호 ORD-20261129-0001 송장 123456789012345 카드 1234-5678-9012-3456',
      '\uD800 P123456789012 \uDFFF',
      Array.from({ length: 150 }, (_, i) => `가😀 010-${1000 + i}-5678`).join('\n'),
    ];
    const list = [];
    for (const s of samples) {
      list.push(['findSensitive', s], ['findSensitive', s, { kinds: ['phone', 'rrn'] }], ['redact', s]);
      list.push(['redact', s, { maskChar: '•', pccc: { keepStart: 2 }, phone: { keepStart: 3, keepEnd: 4 } }]);
    }
    list.push(['findSensitive', 1], ['findSensitive', 'x', { kinds: ['email'] }], ['redact', 'P123456789012', { maskChar: '0' }]);
    list.push(['redact', 'P123456789012', { pccc: { keepStart: 5, keepEnd: 5 } }], ['redact', 'x', { kinds: 'rrn' }]);
    const want = run(text, list, 'undefined');
    const page = await env.newPage();
    await page.goto(env.base + '/forms.html');
    const got = await page.evaluate(`(async () => {
      const run = ${run.toString()};
      const list = ${JSON.stringify(list)};
      const web = await import('/pkg/pccc-guard-text.js');
      await web.ready;
      const bundled = await import('/npm/text.js');
      return { web: run(web, list, 'undefined'), 'text.js': run(bundled, list, 'undefined') };
    })()`);
    for (const [name, results] of Object.entries(got)) {
      for (let i = 0; i < list.length; i++) assert.deepEqual(results[i], want[i], `${name}: ${JSON.stringify(list[i]).slice(0, 80)}`);
    }
    assert.deepEqual(page.pageErrors, []);
    await page.close();
  });
});
