// An order endpoint on node:http that checks the customs recipient fields with the same rules the browser ran:
// POST /orders with JSON or a plain HTML form's body answers 201 with the canonical values, or 422 with each
// field's error (code and message, in the request's Accept-Language: Korean, or English for "en…").
//
//   node server.mjs            # PORT=8000 by default; PORT=0 picks a free port
//   curl -i localhost:8000/orders -H 'content-type: application/json' \
//        -d '{"name":"홍길동","pccc":"p1234 5678 9012","phone":"010-1234-5678","postcode":"03154"}'
import { createServer } from 'node:http';
import { checkRecipient } from 'pccc-guard';

const LIMIT = 16 * 1024; // an order's fields are short: anything larger is refused unread

function reply(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** The posted fields as strings: JSON or application/x-www-form-urlencoded. Throws a message for a 400. */
function fields(type, text) {
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error('the body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('the body must be a JSON object');
  // A field of the wrong type counts as what a person would have typed: nothing.
  const pick = (k) => (typeof body[k] === 'string' ? body[k] : '');
  return { name: pick('name'), pccc: pick('pccc'), phone: pick('phone'), postcode: pick('postcode') };
}

async function order(req, res) {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && type !== 'application/x-www-form-urlencoded') {
    return reply(res, 415, { error: 'send application/json or application/x-www-form-urlencoded' });
  }
  if (Number(req.headers['content-length'] ?? 0) > LIMIT) return reply(res, 413, { error: 'the order is too large' });
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > LIMIT) return reply(res, 413, { error: 'the order is too large' });
    chunks.push(chunk);
  }
  let input;
  try {
    input = fields(type, Buffer.concat(chunks).toString('utf8'));
  } catch (e) {
    return reply(res, 400, { error: e.message });
  }
  const locale = /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'ko';
  const report = checkRecipient(input, { locale });
  if (!report.valid) {
    const errors = {};
    for (const [field, result] of Object.entries(report.fields)) if (!result.valid) errors[field] = result.error;
    return reply(res, 422, { errors });
  }
  const order = Object.fromEntries(Object.entries(report.fields).map(([field, result]) => [field, result.value]));
  // Store or forward `order` here. Never log it: these are personal data.
  return reply(res, 201, { order });
}

const server = createServer((req, res) => {
  if (new URL(req.url, 'http://localhost').pathname !== '/orders') return reply(res, 404, { error: 'not found' });
  if (req.method !== 'POST') return reply(res, 405, { error: 'use POST' });
  order(req, res).catch(() => reply(res, 500, { error: 'internal error' }));
});
server.listen(Number(process.env.PORT ?? 8000), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/orders`);
});
