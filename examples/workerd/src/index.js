// An order endpoint as a Cloudflare Worker: POST /orders with JSON or a plain HTML form's body answers 201 with the
// canonical values, or 422 with each field's error in the request's Accept-Language (Korean, or English for
// "en…"). workerd refuses to compile WebAssembly from bytes at run time; pccc-guard's `workerd` export imports its
// .wasm as a module instead, which wrangler bundles with no configuration.
//
//   npx wrangler dev          # http://localhost:8787/orders
import { checkRecipient } from 'pccc-guard';

const LIMIT = 16 * 1024; // an order's fields are short: anything larger is refused
const reply = (status, body) => Response.json(body, { status });

async function fields(request, form) {
  const text = new TextDecoder().decode(await request.arrayBuffer());
  if (form) return Object.fromEntries(new URLSearchParams(text));
  const data = JSON.parse(text); // a SyntaxError is a 400
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new SyntaxError('the body must be a JSON object');
  return Object.fromEntries(['name', 'pccc', 'phone', 'postcode'].map((k) => [k, typeof data[k] === 'string' ? data[k] : '']));
}

export default {
  async fetch(request) {
    if (new URL(request.url).pathname !== '/orders') return reply(404, { error: 'not found' });
    if (request.method !== 'POST') return reply(405, { error: 'use POST' });
    const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    const form = type === 'application/x-www-form-urlencoded';
    if (!form && type !== 'application/json') return reply(415, { error: 'send application/json or application/x-www-form-urlencoded' });
    if (Number(request.headers.get('content-length') ?? 0) > LIMIT) return reply(413, { error: 'the order is too large' });
    let input;
    try {
      input = await fields(request, form);
    } catch (e) {
      return reply(400, { error: e.message.startsWith('the body') ? e.message : 'the body is not valid JSON' });
    }
    const locale = /^en\b/i.test(request.headers.get('accept-language') ?? '') ? 'en' : 'ko';
    const { valid, fields: results } = checkRecipient(input, { locale });
    const entries = Object.entries(results);
    if (!valid) return reply(422, { errors: Object.fromEntries(entries.filter(([, r]) => !r.valid).map(([k, r]) => [k, r.error])) });
    // Store or forward the order here. Never log it: these are personal data.
    return reply(201, { order: Object.fromEntries(entries.map(([k, r]) => [k, r.value])) });
  },
};
