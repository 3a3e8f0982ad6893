// examples/plain-html: no build step. The browser files are copied next to a server-rendered page under
// `script-src 'self' 'wasm-unsafe-eval'`; the page pins every file it loads with Subresource Integrity, the
// WebAssembly included, and a changed file is refused while the form keeps working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { install, run, start } from './harness.mjs';
import { browsers, guardedFormFlow, inEach } from './browser.mjs';

let all;
before(async () => { all = await browsers(); });
after(async () => { await all?.closeAll(); });

const received = async (p) => {
  await p.waitForSelector('#received');
  return new URLSearchParams(await p.textContent('#received'));
};

test('examples/plain-html: guarded with one script tag, every file pinned, a changed file refused', async (t) => {
  const dir = install('plain-html');
  run(dir, 'npm', ['run', 'copy']);
  const server = await start(dir, process.execPath, ['server.mjs'], { env: { PORT: '0' } });
  const wasm = join(dir, 'public', 'pccc-guard', 'pccc-guard-fields.wasm');
  const original = readFileSync(wasm);
  try {
    await inEach(t, all, async (page, engine) => {
      await guardedFormFlow(page, server.url + '/', received);
      // What the first page loaded: itself, pccc-guard.js and the .wasm once (the preload serves the module's fetch).
      // Firefox does not hand a preload to a fetch() that carries integrity: it loads the .wasm twice (docs/browsers.md).
      const wasmLoads = Array(engine === 'firefox' ? 2 : 1).fill('/pccc-guard/pccc-guard-fields.wasm');
      const requests = page.requests.map((url) => new URL(url).pathname);
      const first = requests.slice(0, requests.indexOf('/order'));
      assert.deepEqual(first.sort(), ['/', '/pccc-guard/pccc-guard.js', ...wasmLoads].sort());
    });
    // The module is pinned by the page, and pins the .wasm by the hash built into it.
    const html = await (await fetch(server.url + '/')).text();
    assert.match(html, /<script type="module" src="\/pccc-guard\/pccc-guard\.js" integrity="sha384-[A-Za-z0-9+/]+={0,2}">/);

    // The .wasm changed on disk after the page's hashes were made: the browser refuses it, the fields stay plain
    // with one warning, and the form still posts (the server decides, and says what is wrong).
    const tampered = Buffer.from(original);
    tampered[tampered.length - 1] ^= 1;
    writeFileSync(wasm, tampered);
    await inEach(t, all, async (page) => {
      await page.goto(server.url + '/');
      await page.waitForConsole((m) => m.type === 'warning');
      assert.equal(await page.getAttribute('#pccc', 'data-pccc-state'), null, 'not guarded');
      assert.deepEqual(page.consoleMessages.filter((m) => m.type === 'warning').map((m) => m.text), ['pccc-guard: WebAssembly could not load; fields work unchecked.']);
      await page.fill('#name', '홍길동');
      await page.fill('#pccc', 'p1234');
      await page.fill('#phone', '010-1234-5678');
      await page.fill('#postcode', '03154');
      await Promise.all([page.waitForURL('**/order'), page.click('button[type=submit]')]);
      assert.match(await page.textContent('#pccc-server-error'), /숫자가 부족합니다/);
    });
  } finally {
    writeFileSync(wasm, original);
    await server.stop();
  }
});
