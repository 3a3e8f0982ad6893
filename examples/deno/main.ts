// An order endpoint on Deno.serve that checks the customs recipient fields with the same rules the browser ran:
// POST /orders with JSON or a plain HTML form's body answers 201 with the canonical values, or 422 with each
// field's error in the request's Accept-Language (Korean, or English for "en…").
//
//   deno run --allow-net=127.0.0.1 --allow-env=PORT --allow-read=. main.ts    # PORT=0 picks a free port
import { checkRecipient, type RecipientFields } from 'pccc-guard';

const LIMIT = 16 * 1024; // an order's fields are short: anything larger is refused unread
const reply = (status: number, body: unknown) => Response.json(body, { status });

/** The body, read only up to LIMIT bytes: null when it is larger. */
async function read(request: Request): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body ?? []) {
    size += chunk.length;
    if (size > LIMIT) return null;
    chunks.push(chunk);
  }
  const body = new Uint8Array(size);
  chunks.reduce((at, c) => (body.set(c, at), at + c.length), 0);
  return body;
}

async function order(request: Request): Promise<Response> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const form = type === 'application/x-www-form-urlencoded';
  if (!form && type !== 'application/json') return reply(415, { error: 'send application/json or application/x-www-form-urlencoded' });
  const body = await read(request);
  if (!body) return reply(413, { error: 'the order is too large' });
  const text = new TextDecoder().decode(body);
  let input: RecipientFields;
  if (form) input = Object.fromEntries(new URLSearchParams(text));
  else {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return reply(400, { error: 'the body is not valid JSON' });
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return reply(400, { error: 'the body must be a JSON object' });
    const field = (k: string) => ((data as Record<string, unknown>)[k]);
    input = Object.fromEntries(['name', 'pccc', 'phone', 'postcode'].map((k) => [k, typeof field(k) === 'string' ? field(k) : '']));
  }
  const locale = /^en\b/i.test(request.headers.get('accept-language') ?? '') ? 'en' : 'ko';
  const { valid, fields } = checkRecipient(input, { locale });
  const entries = Object.entries(fields);
  if (!valid) return reply(422, { errors: Object.fromEntries(entries.flatMap(([k, r]) => (r.valid ? [] : [[k, r.error]]))) });
  // Store or forward the order here. Never log it: these are personal data.
  return reply(201, { order: Object.fromEntries(entries.map(([k, r]) => [k, r.valid ? r.value : ''])) });
}

Deno.serve({
  hostname: '127.0.0.1',
  port: Number(Deno.env.get('PORT') ?? 8000),
  onListen: ({ port }) => console.log(`listening on http://127.0.0.1:${port}/orders`),
  onError: () => reply(500, { error: 'internal error' }),
}, (request) => {
  if (new URL(request.url).pathname !== '/orders') return reply(404, { error: 'not found' });
  if (request.method !== 'POST') return reply(405, { error: 'use POST' });
  return order(request);
});
