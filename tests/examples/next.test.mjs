// examples/next: `next build` (Turbopack) with no warning, then `next start`: the route handler answers the order
// checks, and the client component's guarded form posts to it in the browser; /hook, a controlled input with
// pccc-guard/react's usePcccInput rendered on the server, hydrates without an error and normalises as typed; where
// WebAssembly cannot run (deleted, or refused by a CSP), the form is guarded through the JavaScript build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { bin, install, run, start, withHeaders } from './harness.mjs';
import { browsers, guardedFormFlow, inEach, noWasmCsp, withoutWasmFlows } from './browser.mjs';
import { checkOrders } from './orders.mjs';

let all;
before(async () => { all = await browsers(); });
after(async () => { await all?.closeAll(); });

const env = { NEXT_TELEMETRY_DISABLED: '1' };

test('examples/next: builds without a warning; the route handler and the client component agree', async (t) => {
  const dir = install('next');
  const next = bin(dir, 'next');
  const build = run(dir, next, ['build'], env);
  // Under CI (the CI variable set) a first build also warns that .next/cache is missing: Next's own advice to
  // keep that folder between CI runs, printed for any project. Every other warning fails the test.
  const warnings = build.split('\n').filter((line) => /warn|⚠/i.test(line) && !/No build cache found/.test(line));
  assert.deepEqual(warnings, [], build);
  const server = await start(dir, next, ['start', '-H', '127.0.0.1', '-p', '0'], { env });
  try {
    await checkOrders(`${server.url}/api/orders`);
    const answered = async (p) => {
      await p.waitForFunction(() => document.getElementById('received')?.textContent);
      return new URLSearchParams(await p.textContent('#received'));
    };
    await inEach(t, all, (page) => guardedFormFlow(page, server.url + '/', answered));
    // Where WebAssembly cannot run: the JavaScript build that next build emitted, fetched by the client component.
    // The CSP allows Next's inline scripts by their hashes, as a site with a strict policy does.
    const strict = await withHeaders(server.url, noWasmCsp(await (await fetch(server.url + '/')).text()));
    try {
      await withoutWasmFlows(t, all, { url: server.url + '/', cspUrl: strict.url + '/' }, answered);
    } finally {
      await strict.stop();
    }
    // pccc-guard/react's usePcccInput, rendered on the server then hydrated: no hydration error, normalised as typed.
    await inEach(t, all, async (p) => {
      await p.goto(server.url + '/hook');
      await p.waitForSelector('[data-hydrated]');
      await p.click('#pccc');
      await p.keyboard.type('ｐ1234 5678-9012');
      assert.equal(await p.inputValue('#pccc'), 'P123456789012');
      assert.equal(await p.textContent('#held'), 'P123456789012');
      assert.deepEqual(await p.$eval('#pccc', (el) => [el.selectionStart, el.selectionEnd]), [13, 13]);
      assert.deepEqual(p.pageErrors, []);
      assert.deepEqual(p.consoleMessages.filter((m) => m.type === 'error' || m.type === 'warning'), [], 'no hydration error');
    });
    assert.doesNotMatch(server.output(), /P123456789012|01012345678/, 'nothing personal in the server log');
  } finally {
    await server.stop();
  }
});
