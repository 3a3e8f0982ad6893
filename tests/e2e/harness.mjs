// Shared set-up for the browser tests: the demo server (www/serve.mjs, with its strict CSP) on a free loopback port,
// and each browser engine in turn (tests/browsers/: Chromium, Firefox, WebKit, all from Debian, none downloaded).
import { describe, before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../www/serve.mjs';
import { engines, launch } from '../browsers/index.mjs';

export { lacks } from '../browsers/index.mjs';
export const ARTIFACTS = fileURLToPath(new URL('../../artifacts/e2e/', import.meta.url));

/** Starts the server and one engine; returns { engine, version, base, newPage, close }. */
export async function open(engine = 'chromium') {
  const server = await startServer({ port: 0, quiet: true });
  const base = `http://127.0.0.1:${server.address().port}`;
  const closeServer = () => new Promise((resolve) => server.close(resolve));
  let browser;
  try {
    browser = await launch(engine);
  } catch (err) {
    await closeServer();
    throw err;
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    engine,
    version: browser.version,
    base,
    /** A new page that records console messages, uncaught errors and requests. */
    newPage: () => browser.newPage(),
    async close() {
      await browser.close();
      await closeServer();
    },
  };
}

/**
 * Declares a file's tests once per engine: `body(env)` runs inside a suite named after the engine, and `env`
 * ({ engine } at once; base, version, newPage and close from the suite's first hook on) is shared by its tests.
 */
export function forEachEngine(body) {
  for (const engine of engines()) {
    describe(engine, () => {
      const env = { engine };
      before(async () => {
        Object.assign(env, await open(engine));
        console.log(`${engine}: ${env.version}`);
      });
      after(async () => {
        await env.close?.();
      });
      body(env);
    });
  }
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${page.engine}-${name}.png`) });
}
