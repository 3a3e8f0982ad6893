// The browser examples built by bundlers (examples/vite, webpack, esbuild), each installed from the packed tarball
// with its tools from its own lockfile, built (or served) with the tool's defaults, and used in each browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { install, run, serveStatic, underViteDevAndBuild } from './harness.mjs';
import { browsers, guardedFormFlow, inEach, receivedOnPage } from './browser.mjs';

let all;
before(async () => { all = await browsers(); });
after(async () => { await all?.closeAll(); });

async function flow(t, server, path = '/') {
  try {
    await inEach(t, all, (page) => guardedFormFlow(page, server.url + path, receivedOnPage));
  } finally {
    await server.stop();
  }
}

test('examples/vite: the dev server, then vite build served by vite preview', async (t) => {
  const dir = install('vite');
  await underViteDevAndBuild(dir, (url) => inEach(t, all, (page) => guardedFormFlow(page, url + '/', receivedOnPage)));
});

test('examples/webpack: webpack with its default configuration, no warning', async (t) => {
  const dir = install('webpack');
  const out = run(dir, 'npm', ['run', 'build']);
  assert.doesNotMatch(out, /WARNING|ERROR/, out);
  await flow(t, await serveStatic(dir));
});

test('examples/esbuild: esbuild --bundle with no loader flags', async (t) => {
  const dir = install('esbuild');
  run(dir, 'npm', ['run', 'build']);
  await flow(t, await serveStatic(dir));
});
