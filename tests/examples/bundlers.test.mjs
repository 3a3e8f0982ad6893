// The browser examples built by bundlers (examples/vite, webpack, rspack, parcel, rollup, esbuild), each installed
// from the packed tarball with its tools from its own lockfile, built (or served) with the tool's defaults, and used
// in each browser: with WebAssembly, then where it cannot run (deleted, and refused by a CSP), where the page must
// guard through the JavaScript build that the build emitted (or, for Rollup and esbuild, that it copied).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { install, run, serveStatic, underViteDevAndBuild, withHeaders } from './harness.mjs';
import { browsers, noWasmCsp, guardedFormFlow, inEach, receivedOnPage, withoutWasmFlows } from './browser.mjs';

let all;
before(async () => { all = await browsers(); });
after(async () => { await all?.closeAll(); });

/** The forms flow with WebAssembly, then without it, on a static build served from `root`. */
async function staticFlows(t, root, path = '/') {
  const plain = await serveStatic(root);
  const strict = await serveStatic(root, noWasmCsp(readFileSync(join(root, 'index.html'), 'utf8')));
  try {
    await inEach(t, all, (page) => guardedFormFlow(page, plain.url + path, receivedOnPage));
    await withoutWasmFlows(t, all, { url: plain.url + path, cspUrl: strict.url + path }, receivedOnPage);
  } finally {
    await plain.stop();
    await strict.stop();
  }
}

test('examples/vite: the dev server, then vite build served by vite preview', async (t) => {
  const dir = install('vite');
  await underViteDevAndBuild(dir, async (url, mode) => {
    await t.test(mode, async (sub) => {
      await inEach(sub, all, (page) => guardedFormFlow(page, url + '/', receivedOnPage));
      // The dev server's client talks to it over a WebSocket, which the header-adding proxy does not carry: the CSP
      // case runs on the build.
      const strict = mode === 'build' ? await withHeaders(url, noWasmCsp(readFileSync(join(dir, 'dist', 'index.html'), 'utf8'))) : null;
      try {
        await withoutWasmFlows(sub, all, { url: url + '/', cspUrl: strict && strict.url + '/' }, receivedOnPage);
      } finally {
        await strict?.stop();
      }
    });
  });
});

test('examples/webpack: webpack with its default configuration, no warning', async (t) => {
  const dir = install('webpack');
  const out = run(dir, 'npm', ['run', 'build']);
  assert.doesNotMatch(out, /WARNING|ERROR/, out);
  await staticFlows(t, dir);
});

test('examples/rspack: Rspack with its default configuration, no warning', async (t) => {
  const dir = install('rspack');
  const out = run(dir, 'npm', ['run', 'build']);
  assert.doesNotMatch(out, /WARNING|ERROR/i, out);
  await staticFlows(t, dir);
});

test('examples/parcel: parcel build of the page, no configuration, no warning', async (t) => {
  const dir = install('parcel');
  rmSync(join(dir, '.parcel-cache'), { recursive: true, force: true }); // a cache of an earlier tarball's build
  const out = run(dir, 'npm', ['run', 'build'], { PARCEL_WORKERS: '1' });
  assert.doesNotMatch(out, /⚠|warn/i, out);
  await staticFlows(t, `${dir}/dist`);
});

test('examples/rollup: rollup with node-resolve alone, the JavaScript build copied next to the bundle', async (t) => {
  const dir = install('rollup');
  const out = run(dir, 'npm', ['run', 'build']);
  assert.doesNotMatch(out, /\(!\)/, out); // Rollup's warnings start with "(!)"
  await staticFlows(t, dir);
});

test('examples/esbuild: esbuild --bundle with no loader flags and no splitting, the JavaScript build copied', async (t) => {
  const dir = install('esbuild');
  const out = run(dir, 'npm', ['run', 'build']);
  assert.doesNotMatch(out, /▲ \[WARNING\]/, out);
  await staticFlows(t, dir);
});
