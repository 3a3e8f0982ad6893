// POST /api/orders: the server's own check, with the rules the browser ran (the same package): 201 with the
// canonical values, 422 with each invalid field's error in the request's language, 400/413/415 otherwise.
import { checkRecipient } from 'pccc-guard';

const LIMIT = 16 * 1024;
const reply = (status, body) => Response.json(body, { status });

export async function POST(request) {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const form = type === 'application/x-www-form-urlencoded';
  if (!form && type !== 'application/json') return reply(415, { error: 'send application/json or application/x-www-form-urlencoded' });
  const text = await request.text();
  if (Buffer.byteLength(text) > LIMIT) return reply(413, { error: 'the order is too large' });
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
