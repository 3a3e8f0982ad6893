// The order endpoint every server example implements (POST /orders: JSON or a form body; 201 with the canonical
// values, 422 with each invalid field's error in the request's language, 400/413/415 for bad requests), checked over
// HTTP. Expected errors come from the package's own checkRecipient, so a server agrees with the browser exactly.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const { checkRecipient } = createRequire(import.meta.url)('../../pkg/node.cjs');

export const GOOD = { name: '홍길동', pccc: 'ｐ1234 5678 9012', phone: '+82 10-1234-5678', postcode: '03154' };
export const CANONICAL = { name: '홍길동', pccc: 'P123456789012', phone: '01012345678', postcode: '03154' };

const BAD = [
  { ...GOOD, pccc: 'P12345678901' }, // too short
  { ...GOOD, pccc: '900101-1234567', phone: '0504-1234-5678' }, // an RRN, a virtual number
  { name: 'Hong 길동', pccc: 'P1234567890O2', phone: '02-123-4567', postcode: '123-456' }, // every field wrong
  { pccc: 'P123456789012' }, // fields missing
];

/** The 422 body a server must answer for `fields`: the package's own errors, invalid fields only. */
export function expectedErrors(fields, locale) {
  const report = checkRecipient(fields, { locale });
  return Object.fromEntries(Object.entries(report.fields).filter(([, r]) => !r.valid).map(([k, r]) => [k, r.error]));
}

async function post(url, body, type, headers = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': type, ...headers }, body });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // left null: the assertion that follows says what arrived
  }
  return { status: response.status, json, text };
}

/** Posts good, bad, hostile and oversized orders to a server example's endpoint and checks every answer. */
export async function checkOrders(url) {
  const json = 'application/json';
  const form = 'application/x-www-form-urlencoded';
  let r = await post(url, JSON.stringify(GOOD), json);
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.json, { order: CANONICAL });
  r = await post(url, new URLSearchParams(GOOD).toString(), `${form}; charset=UTF-8`);
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.json, { order: CANONICAL });

  for (const fields of BAD) {
    for (const [language, locale] of [['en-US,en;q=0.9', 'en'], ['ko-KR', 'ko'], ['', 'ko']]) {
      const headers = language ? { 'accept-language': language } : {};
      for (const [body, type] of [[JSON.stringify(fields), json], [new URLSearchParams(fields).toString(), form]]) {
        r = await post(url, body, type, headers);
        assert.equal(r.status, 422, `${body}: ${r.text}`);
        assert.deepEqual(r.json, { errors: expectedErrors(fields, locale) }, body);
      }
    }
  }
  // What the RRN and the numbers were is never echoed back.
  r = await post(url, JSON.stringify(BAD[1]), json);
  assert.doesNotMatch(r.text, /900101|1234567|0504/);

  // Hostile and malformed requests: clear statuses, no crash (the good order still works afterwards).
  for (const body of ['{', '[1,2]', '"P123456789012"', 'null']) {
    r = await post(url, body, json);
    assert.equal(r.status, 400, `${body}: ${r.text}`);
    assert.equal(typeof r.json?.error, 'string');
  }
  r = await post(url, JSON.stringify({ ...GOOD, pccc: 42, name: { $ne: 1 } }), json);
  assert.equal(r.status, 422);
  assert.deepEqual(Object.keys(r.json.errors).sort(), ['name', 'pccc']);
  r = await post(url, JSON.stringify({ ...GOOD, note: 'x'.repeat(20_000) }), json);
  assert.equal(r.status, 413, r.text);
  r = await post(url, 'pccc=P123456789012', 'text/plain');
  assert.equal(r.status, 415, r.text);
  const get = await fetch(url);
  assert.equal(get.status, 405);
  r = await post(url, JSON.stringify(GOOD), json);
  assert.equal(r.status, 201);
}
