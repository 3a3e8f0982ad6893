// The shipped JavaScript has no way to send, store or log what the user typed. Every .js file in the three
// builds is scanned; the only network call allowed is the web loader's own fetch of the .wasm file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUILDS = ['pkg', 'pkg-web', 'pkg-node'];

const FORBIDDEN = [
  [/\bXMLHttpRequest\b/, 'XMLHttpRequest'],
  [/\bWebSocket\b/, 'WebSocket'],
  [/\bEventSource\b/, 'EventSource'],
  [/\bsendBeacon\b/, 'navigator.sendBeacon'],
  [/\blocalStorage\b/, 'localStorage'],
  [/\bsessionStorage\b/, 'sessionStorage'],
  [/\bindexedDB\b/, 'indexedDB'],
  [/\bdocument\.cookie\b/, 'document.cookie'],
  [/\bcaches\./, 'Cache Storage'],
  [/(^|[^.\w])eval\s*\(/, 'eval'],
  [/\bnew\s+Function\b/, 'new Function'],
  [/\b(inner|outer)HTML\b/, 'innerHTML/outerHTML'],
  [/\binsertAdjacentHTML\b/, 'insertAdjacentHTML'],
  [/\bdocument\.write\b/, 'document.write'],
];

/** Lines of wasm-bindgen's own loader that may use fetch or console, matched exactly. */
const LOADER_ALLOWED = [
  /^\s*module_or_path = fetch\(module_or_path\);$/,
  /^\s*console\.warn\("`WebAssembly\.instantiateStreaming` failed because your server does not serve Wasm with `application\/wasm` MIME type\. Falling back to `WebAssembly\.instantiate` which is slower\. Original error:\\n", e\);$/,
  /^\s*console\.warn\('using deprecated parameters for `initSync\(\)`; pass a single object instead'\)$/,
  /^\s*console\.warn\('using deprecated parameters for the initialization function; pass a single object instead'\)$/,
];

function* jsFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* jsFiles(path);
    else if (/\.(m?js|cjs)$/.test(name)) yield path;
  }
}

const files = BUILDS.flatMap((b) => [...jsFiles(join(root, b))]);

test('there are shipped files to check', () => {
  assert.ok(files.length >= 6, files.join(', '));
});

for (const file of files) {
  test(`${file.slice(root.length)}: no network, storage, eval, HTML injection or logging of values`, () => {
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      const where = `${file.slice(root.length)}:${i + 1}: ${line.trim()}`;
      const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
      for (const [re, what] of FORBIDDEN) assert.doesNotMatch(code, re, `${what} in ${where}`);
      if (LOADER_ALLOWED.some((re) => re.test(line))) return;
      assert.doesNotMatch(code, /\bfetch\s*\(/, `fetch in ${where}`);
      // Console output only as one fixed string: nothing a user typed can reach it.
      const calls = code.match(/\bconsole\.\w+\((.*)\)/g) ?? [];
      for (const call of calls) assert.match(call, /^console\.(warn|error)\((['"])[^'"]*\2\)$/, `console call with a value in ${where}`);
    });
  });
}
