// An order endpoint on Bun.serve that checks the customs recipient fields with the same rules the browser ran:
// POST /orders with JSON or a plain HTML form's body answers 201 with the canonical values, or 422 with each
// field's error in the request's Accept-Language (Korean, or English for "en…").
//
//   bun server.js              # PORT=8000 by default; PORT=0 picks a free port
import { checkRecipient } from 'pccc-guard';

const LIMIT = 16 * 1024; // an order's fields are short: anything larger is refused unread
const reply = (status, body) => Response.json(body, { status });

async function order(request) {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const form = type === 'application/x-www-form-urlencoded';
  if (!form && type !== 'application/json') return reply(415, { error: 'send application/json or application/x-www-form-urlencoded' });
  const body = await request.arrayBuffer();
  if (body.byteLength > LIMIT) return reply(413, { error: 'the order is too large' });
  const text = new TextDecoder().decode(body);
  let input;
  if (form) input = Object.fromEntries(new URLSearchParams(text));
  else {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      return reply(400, { error: 'the body is not valid JSON' });
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return reply(400, { error: 'the body must be a JSON object' });
    input = Object.fromEntries(['name', 'pccc', 'phone', 'postcode'].map((k) => [k, typeof data[k] === 'string' ? data[k] : '']));
  }
  const locale = /^en\b/i.test(request.headers.get('accept-language') ?? '') ? 'en' : 'ko';
  const { valid, fields } = checkRecipient(input, { locale });
  const entries = Object.entries(fields);
  if (!valid) return reply(422, { errors: Object.fromEntries(entries.filter(([, r]) => !r.valid).map(([k, r]) => [k, r.error])) });
  // Store or forward the order here. Never log it: these are personal data.
  return reply(201, { order: Object.fromEntries(entries.map(([k, r]) => [k, r.value])) });
}

const server = Bun.serve({
  hostname: '127.0.0.1',
  port: Number(process.env.PORT ?? 8000),
  // Bun refuses larger bodies itself (413) before the handler runs.
  maxRequestBodySize: LIMIT,
  fetch(request) {
    if (new URL(request.url).pathname !== '/orders') return reply(404, { error: 'not found' });
    if (request.method !== 'POST') return reply(405, { error: 'use POST' });
    return order(request);
  },
  error: () => reply(500, { error: 'internal error' }),
});
console.log(`listening on http://127.0.0.1:${server.port}/orders`);
