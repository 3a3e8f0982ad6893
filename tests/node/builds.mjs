// The package's builds that run in Node, for the tests that check every one of them alike: node.cjs (what
// `require('pccc-guard')` and, through node.mjs, `import` give in Node: the module optimised for speed) and
// index.js (what bundlers and browsers get: the module optimised for size). web/pccc-guard.js is the same API on
// the size-optimised module, loaded by fetch: tests/e2e/api.test.mjs compares it with these in Chromium.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const nodeBuild = require('../../pkg/node.cjs');
export const browserBuild = await import('../../pkg/index.js');
// Where WebAssembly is missing (`node --jitless`), index.js imports its JavaScript build: ready once that is in.
await browserBuild.ready;
export const BUILDS = [
  ['node.cjs', nodeBuild],
  ['index.js', browserBuild],
];
/** Every declaration file of the API: import, require, and the plain-page module's. */
export const DECLARATIONS = ['index.d.ts', 'index.d.cts', 'web/pccc-guard.d.ts'];
