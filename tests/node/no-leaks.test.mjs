// The shipped JavaScript has no way to send, store or log what the user typed. Every .js, .mjs and .cjs file of
// the package is scanned; the only network calls allowed are the loaders' own fetches of the .wasm file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUILDS = ['pkg'];

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

function* jsFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* jsFiles(path);
    else if (/\.(m?js|cjs)$/.test(name)) yield path;
  }
}

const files = BUILDS.flatMap((b) => [...jsFiles(join(root, b))]);

/** Drops comments (the glue's JSDoc) so that prose in them is not mistaken for code. */
const stripComments = (src) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/**
 * Checks one file's source (minified or not). Returns a list of problems.
 * Allowed: the plain-page loader's fetch of its .wasm next to it (`fetch(new URL(file, import.meta.url),
 * { integrity })`), wasm-bindgen's `init` fetching the URL it is given (`fetch(module_or_path)`;
 * the package only ever gives it bytes), and console warnings whose first argument is a fixed string; only the
 * loader's "instantiateStreaming failed" warning passes a second argument (the loader's own error object).
 */
export function problems(source) {
  const code = stripComments(source);
  const found = [];
  for (const [re, what] of FORBIDDEN) if (re.test(code)) found.push(what);
  const fetches = code.match(/\bfetch\s*\(/g) ?? [];
  const loaderFetch =
    /\bfetch\(\s*new URL\(\s*[\w$"'.]+\s*,\s*import\.meta\.url\s*\)\s*,\s*\{\s*integrity:\s*[\w$"'+/=-]+\s*\}\s*\)/.test(code) ||
    /\bfetch\(module_or_path\)/.test(code);
  if (fetches.length > 1 || (fetches.length === 1 && !loaderFetch)) found.push('fetch');
  const consoleCalls = code.match(/\bconsole\s*\.\s*\w+\s*\(/g) ?? [];
  const fixed = [...code.matchAll(/\bconsole\.(warn|error)\(\s*(["'`])((?:\\.|(?!\2)[^\\])*)\2\s*(,\s*\w+\s*)?\)/g)];
  if (consoleCalls.length !== fixed.length) found.push('console call whose message is not one fixed string');
  for (const m of fixed) {
    if (m[2] === '`' && m[3].includes('${')) found.push('console message with an interpolated value');
    if (m[4] && !m[3].startsWith('`WebAssembly.instantiateStreaming` failed')) found.push('console call with a value');
  }
  return found;
}

test('there are shipped files to check', () => {
  assert.ok(files.length >= 5, files.join(', '));
});

test('the checker itself catches what it is for', () => {
  for (const bad of ['fetch("/log?" + v)', 'localStorage.setItem("k", v)', 'console.log(value)', 'console.warn("x", v)',
    'navigator.sendBeacon(u, v)', 'el.innerHTML = v', 'new Function(v)', 'eval(v)', 'console.warn(`typed ${v}`)']) {
    assert.notDeepEqual(problems(bad), [], bad);
  }
  assert.deepEqual(problems('console.warn("pccc-guard: could not load")'), []);
});

for (const file of files) {
  test(`${file.slice(root.length)}: no network, storage, eval, HTML injection or logging of values`, () => {
    assert.deepEqual(problems(readFileSync(file, 'utf8')), []);
  });
}
