// An order endpoint on Hono whose body is checked by @hono/standard-validator with pccc-guard's recipient schema:
// POST /orders with a JSON body answers 201 with the canonical values, or 400 with the schema's issues, each with
// its path (["pccc"]), code and message in the request's Accept-Language (Korean, or English for "en…").
//
//   node server.mjs            # PORT=8000 by default; PORT=0 picks a free port
//   curl -i localhost:8000/orders -H 'content-type: application/json' \
//        -d '{"name":"홍길동","pccc":"p1234 5678 9012","phone":"010-1234-5678","postcode":"03154"}'
import { serve } from '@hono/node-server';
import { sValidator } from '@hono/standard-validator';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { recipientSchema } from 'pccc-guard/schema';

// The validator's own 400 answer echoes the posted body (`data`): a customs code and a phone number are personal
// data, so this hook answers with the issues alone.
const issuesOnly = (result, c) => {
  if (!result.success) {
    const issues = result.error.map(({ path, code, message }) => ({ path, code, message }));
    return c.json({ issues }, 400);
  }
};
const validators = {
  ko: sValidator('json', recipientSchema({ locale: 'ko' }), issuesOnly),
  en: sValidator('json', recipientSchema({ locale: 'en' }), issuesOnly),
};

export const app = new Hono();

app.post(
  '/orders',
  bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.json({ error: 'the order is too large' }, 413) }),
  async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') return c.json({ error: 'send application/json' }, 415);
    await next();
  },
  (c, next) => validators[/^en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'ko'](c, next),
  (c) => {
    const order = c.req.valid('json'); // { name, pccc, phone, postcode }, canonical
    // Store or forward `order` here. Never log it: these are personal data.
    return c.json({ order }, 201);
  },
);

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT ?? 8000) }, (info) => {
  console.log(`listening on http://127.0.0.1:${info.port}/orders`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
