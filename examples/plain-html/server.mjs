// A server-rendered order form, as government and shop back ends render them: no bundler, no inline script,
// `script-src 'self' 'wasm-unsafe-eval'`. The page loads one module, pccc-guard.js, which guards the marked inputs
// by itself; a preload hint fetches the WebAssembly at the same time. pccc-guard.js is pinned with Subresource
// Integrity, and it checks the .wasm against the hash built into it (browsers ignore `integrity` on a preload of
// this kind, so the hint carries none: the fetch that uses it is the one checked). The server checks the posted order again
// with the same rules (the same package, in Node) and is the one that decides.
//
//   npm run copy && node server.mjs          # PORT=8000 by default; PORT=0 picks a free port
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { checkRecipient } from 'pccc-guard';

const ASSETS = join(import.meta.dirname, 'public', 'pccc-guard');
const FILES = ['pccc-guard.js', 'pccc-input.js', 'pccc-guard-fields.wasm'];
const TYPES = { js: 'text/javascript; charset=utf-8', wasm: 'application/wasm' };
// The hashes of the files as they were when the server started: a file changed on disk afterwards is refused.
const integrity = Object.fromEntries(
  FILES.map((f) => [f, `sha384-${createHash('sha384').update(readFileSync(join(ASSETS, f))).digest('base64')}`]),
);

const HEADERS = {
  'content-security-policy': [
    "default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "style-src 'self'",
    "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
const FIELDS = [
  ['name', '받는 분 이름', 'data-pccc-field="name" autocomplete="name"'],
  ['pccc', '개인통관고유부호', 'data-pccc data-pccc-mask="keepEnd:4" autocomplete="off" spellcheck="false"'],
  ['phone', '휴대전화 번호', 'data-pccc-field="phone" autocomplete="tel-national" inputmode="tel"'],
  ['postcode', '우편번호', 'data-pccc-field="postcode" autocomplete="postal-code" inputmode="numeric"'],
];
const escape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(body) {
  return `<!doctype html>
<html lang="ko">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>주문 정보</title>
  <link rel="preload" href="/pccc-guard/pccc-guard-fields.wasm" as="fetch" type="application/wasm" crossorigin>
  <script type="module" src="/pccc-guard/pccc-guard.js" integrity="${integrity['pccc-guard.js']}"></script>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The form, with the server's own errors when it refused a posted order (the values are never echoed). */
function form(errors = {}) {
  const fields = FIELDS.map(([name, label, attributes]) => {
    const error = errors[name] ? `\n    <p id="${name}-server-error">${escape(errors[name].message)}</p>` : '';
    return `    <label for="${name}">${label}</label>\n    <input id="${name}" name="${name}" required ${attributes}>${error}`;
  });
  return `  <h1>통관 정보</h1>\n  <form method="post" action="/order">\n${fields.join('\n')}\n    <button type="submit">주문하기</button>\n  </form>`;
}

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { ...HEADERS, 'content-type': type, ...headers });
  res.end(body);
}

async function order(req, res) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 16 * 1024) return send(res, 413, 'text/plain; charset=utf-8', 'too large\n');
  }
  const report = checkRecipient(Object.fromEntries(new URLSearchParams(body)), { locale: 'ko' });
  if (!report.valid) {
    const errors = Object.fromEntries(Object.entries(report.fields).filter(([, r]) => !r.valid).map(([k, r]) => [k, r.error]));
    return send(res, 422, 'text/html; charset=utf-8', page(form(errors)));
  }
  // Store the order here (never log it). The page shows what the server kept: the canonical values.
  const kept = new URLSearchParams(Object.entries(report.fields).map(([k, r]) => [k, r.value]));
  send(res, 201, 'text/html; charset=utf-8', page(`  <h1>주문을 받았습니다</h1>\n  <output id="received">${escape(kept.toString())}</output>`));
}

const server = createServer((req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  const asset = pathname.startsWith('/pccc-guard/') && pathname.slice('/pccc-guard/'.length);
  if (req.method === 'GET' && FILES.includes(asset)) {
    return send(res, 200, TYPES[asset.split('.').pop()], readFileSync(join(ASSETS, asset)), { 'cache-control': 'no-cache' });
  }
  if (req.method === 'GET' && pathname === '/') return send(res, 200, 'text/html; charset=utf-8', page(form()));
  if (req.method === 'POST' && pathname === '/order') return order(req, res).catch(() => send(res, 500, 'text/plain', 'error\n'));
  send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
});
server.listen(Number(process.env.PORT ?? 8000), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/`);
});
