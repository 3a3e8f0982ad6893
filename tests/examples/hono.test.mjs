// examples/hono: a Hono 4 order endpoint whose JSON body @hono/standard-validator checks with pccc-guard's recipient
// schema, over HTTP on 127.0.0.1. 201 with the canonical values; 400 with the issues' paths, codes and messages in
// the request's language (the same errors checkRecipient gives), and never the posted values; 413, 415 and a
// malformed body refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { install, start } from './harness.mjs';
import { CANONICAL, GOOD, expectedErrors } from './orders.mjs';

async function post(url, body, headers = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, text, json: (() => { try { return JSON.parse(text); } catch { return null; } })() };
}

/** The 400 body for `fields`: checkRecipient's errors as issues with their paths, in its order. */
const issuesFor = (fields, locale) =>
  Object.entries(expectedErrors(fields, locale)).map(([key, { code, message }]) => ({ path: [key], code, message }));

test('examples/hono: sValidator with the recipient schema answers 201 or 400 with the issue paths', async () => {
  const dir = install('hono');
  const server = await start(dir, process.execPath, ['server.mjs'], { env: { PORT: '0' } });
  const url = `${server.url}/orders`;
  try {
    let r = await post(url, JSON.stringify(GOOD));
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(r.json, { order: CANONICAL });

    for (const fields of [
      { ...GOOD, pccc: 'P12345678901' },
      { ...GOOD, pccc: '900101-1234567', phone: '0504-1234-5678' },
      { name: 'Hong 길동', pccc: 'P1234567890O2', phone: '02-123-4567', postcode: '123-456' },
      { pccc: 'P123456789012' },
    ]) {
      for (const [locale, header] of [['ko', 'ko-KR,ko;q=0.9'], ['en', 'en-US,en;q=0.9,ko;q=0.8']]) {
        r = await post(url, JSON.stringify(fields), { 'accept-language': header });
        assert.equal(r.status, 400, r.text);
        assert.deepEqual(r.json, { issues: issuesFor(fields, locale) }, `${locale} ${JSON.stringify(fields)}`);
        for (const value of Object.values(fields)) assert.ok(!r.text.includes(value), 'the answer never echoes a posted value');
      }
    }
    r = await post(url, JSON.stringify({ ...GOOD, pccc: 123456789012 }), { 'accept-language': 'en' });
    assert.equal(r.status, 400);
    assert.deepEqual(r.json, { issues: [{ path: ['pccc'], code: 'invalid_type', message: 'Must be a string.' }] });
    r = await post(url, '["P123456789012"]', { 'accept-language': 'en' });
    assert.deepEqual([r.status, r.json], [400, { issues: [{ code: 'invalid_type', message: 'Must be an object.' }] }]);

    assert.equal((await post(url, '{"pccc":')).status, 400, 'malformed JSON');
    assert.equal((await post(url, 'pccc=P123456789012', { 'content-type': 'application/x-www-form-urlencoded' })).status, 415);
    assert.equal((await post(url, JSON.stringify({ ...GOOD, memo: 'x'.repeat(20_000) }))).status, 413);
    assert.doesNotMatch(server.output(), /P123456789012|01012345678|홍길동/, 'nothing personal in the log');
  } finally {
    await server.stop();
  }
});
