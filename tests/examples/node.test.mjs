// The server examples for JavaScript runtimes (examples/node-esm, node-cjs, bun, deno, workerd), each installed from
// the packed tarball and started as examples/README.md says, answering the same order checks over HTTP.
import { test } from 'node:test';
import { bin, install, run, start } from './harness.mjs';
import { checkOrders } from './orders.mjs';

const SERVERS = [
  ['node-esm', () => [process.execPath, ['server.mjs']]],
  ['node-cjs', () => [process.execPath, ['server.cjs']]],
  ['bun', (dir) => [bin(dir, 'bun'), ['server.js']]],
  ['deno', (dir) => [bin(dir, 'deno'), ['run', '--allow-net=127.0.0.1', '--allow-env=PORT', '--allow-read=.', 'main.ts']]],
  // workerd through wrangler's local server (no account, no network: Request.cf stays the built-in placeholder).
  ['workerd', (dir) => [bin(dir, 'wrangler'), ['dev', '--ip', '127.0.0.1', '--port', '0']]],
];
const ENV = {
  PORT: '0',
  DENO_NO_UPDATE_CHECK: '1',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  CI: '1',
};

for (const [name, command] of SERVERS) {
  test(`examples/${name}: the order endpoint checks good, bad, hostile and oversized orders`, async () => {
    const dir = install(name);
    if (name === 'deno') run(dir, bin(dir, 'deno'), ['check', 'main.ts'], { DENO_NO_UPDATE_CHECK: '1' }); // the types too
    const [cmd, args] = command(dir);
    const server = await start(dir, cmd, args, { env: ENV });
    try {
      await checkOrders(`${server.url}/orders`);
    } finally {
      await server.stop();
    }
  });
}
