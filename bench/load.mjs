// First-load benchmark: how long after navigation starts a form's customs-code field is guarded, on a slow phone
// and network (Chromium through CDP: 4x CPU slowdown, 150 ms latency, 1.6 Mbit/s down, cache disabled) and
// without throttling, served compressed like a production static host (www/serve.mjs: brotli or gzip of each
// file, made once). Contenders, all the same form (the demo's forms.html without its component section), loaded in
// turn in one run, in fresh browser contexts (cold connections); the form's component section and (but in the memo
// variants) its memo are left out (the yardsticks have nothing of the kind):
//
//   pccc-guard, preload   the module markup of js/README.md: <link rel="preload"> for the .wasm + the module script
//   pccc-guard            the module script alone (its fetch of the .wasm starts when it runs)
//   pccc-guard, classic   the classic script (web/pccc-guard.classic.js: the WebAssembly inlined, one request)
//   pccc-guard, no wasm   the classic script in a page whose WebAssembly an init script deleted: its JavaScript build
//   ..., memo             the same markup on the form with its delivery memo kept (data-pccc-redact: the text module
//                         loads too), to show that the memo does not delay the fields
//   IMask                 IMask 7.6.1 applying the pattern P000000000000 (does far less: no rules, no messages)
//   naive regex           a 10-line script testing /^P\d{12}$/ on input (does far less still)
//
// "Guarded" is when the field is wired: pccc-guard's data-pccc-state attribute, or the data-guarded attribute the
// other pages' scripts set right after attaching. A request timeline of one throttled load per contender is kept.
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../www/serve.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGES = join(ROOT, 'target', 'bench-pages');
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const SLOW = { latency: 150, download: (1.6e6 / 8), upload: (750e3 / 8), cpu: 4 };

const CONTENDERS = {
  'pccc-guard, preload': {
    head: '<link rel="preload" href="/pkg/pccc-guard-fields.wasm" as="fetch" type="application/wasm" crossorigin>\n  <script type="module" src="/pkg/pccc-guard.js"></script>',
    guarded: '#f-pccc[data-pccc-state]',
  },
  'pccc-guard': { head: '<script type="module" src="/pkg/pccc-guard.js"></script>', guarded: '#f-pccc[data-pccc-state]' },
  'pccc-guard, classic': { head: '<script src="/pkg/pccc-guard.classic.js" defer></script>', guarded: '#f-pccc[data-pccc-state]' },
  'pccc-guard, preload, memo': {
    head: '<link rel="preload" href="/pkg/pccc-guard-fields.wasm" as="fetch" type="application/wasm" crossorigin>\n  <script type="module" src="/pkg/pccc-guard.js"></script>',
    guarded: '#f-pccc[data-pccc-state]',
    memo: true,
  },
  'pccc-guard, classic, memo': { head: '<script src="/pkg/pccc-guard.classic.js" defer></script>', guarded: '#f-pccc[data-pccc-state]', memo: true },
  'pccc-guard, no wasm': {
    head: '<script src="/pkg/pccc-guard.classic.js" defer></script>',
    guarded: '#f-pccc[data-pccc-state]',
    init: 'delete globalThis.WebAssembly',
  },
  IMask: {
    head: '<script src="/bench/imask.min.js" defer></script>\n  <script src="/bench/imask-page.js" defer></script>',
    guarded: '#f-pccc[data-guarded]',
  },
  'naive regex': { head: '<script src="/bench/regex-page.js" defer></script>', guarded: '#f-pccc[data-guarded]' },
};

const IMASK_PAGE = `// The IMask yardstick: the pattern a shop would use for a customs code, on the same input.
IMask(document.getElementById('f-pccc'), { mask: 'P000000000000' });
document.getElementById('f-pccc').dataset.guarded = '';
`;
const REGEX_PAGE = `// The naive yardstick: upper-case, strip, test a regular expression, set the validity.
const input = document.getElementById('f-pccc');
input.addEventListener('input', () => {
  const ok = /^P\\d{12}$/.test(input.value.toUpperCase().replace(/[\\s-]/g, ''));
  input.setCustomValidity(ok ? '' : 'P + 12 digits');
});
input.dataset.guarded = '';
`;

/** The contenders' pages: forms.html's form, each with its own head scripts. */
function writePages() {
  mkdirSync(PAGES, { recursive: true });
  const withMemo = readFileSync(join(ROOT, 'www', 'forms.html'), 'utf8')
    .replace(/\s*<script type="module" src="[^"]*"><\/script>/g, '')
    .replace(/\s*<h2 data-en="Component[\s\S]*?<\/form>/, '');
  if (!withMemo.includes('data-pccc-redact')) throw new Error('www/forms.html has no memo (data-pccc-redact) any more');
  const withoutMemo = withMemo.replace(/\s*<div class="field">\s*<label for="f-memo"[\s\S]*?<\/div>/, '');
  const files = {};
  for (const [name, { head, memo }] of Object.entries(CONTENDERS)) {
    const file = `${name.replace(/[^a-z]+/gi, '-').toLowerCase()}.html`;
    const html = memo ? withMemo : withoutMemo;
    writeFileSync(join(PAGES, file), html.replace('</head>', `  ${head}\n</head>`).replaceAll('href="style.css"', 'href="/style.css"').replaceAll('href="forms.css"', 'href="/forms.css"'));
    files[name] = file;
  }
  copyFileSync(join(ROOT, 'node_modules', 'imask', 'dist', 'imask.min.js'), join(PAGES, 'imask.min.js'));
  writeFileSync(join(PAGES, 'imask-page.js'), IMASK_PAGE);
  writeFileSync(join(PAGES, 'regex-page.js'), REGEX_PAGE);
  return files;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One cold load: ms from navigation start to guarded, and (optionally) the request timeline. */
async function load(browser, url, selector, throttled, timeline, init) {
  // No request interception (it would add its own latency); the pages load only from the local server.
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: SLOW.latency, downloadThroughput: SLOW.download, uploadThroughput: SLOW.upload,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW.cpu });
  }
  const requests = new Map();
  if (timeline) {
    cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, start: e.timestamp }));
    cdp.on('Network.responseReceived', (e) => requests.has(e.requestId) && (requests.get(e.requestId).response = e.timestamp));
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength });
    });
  }
  if (init) await page.addInitScript(init);
  // Records when the field becomes guarded, from the first moment of the document (before any page script).
  await page.addInitScript((sel) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(sel)) {
        window.__guardedAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  }, selector);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__guardedAt !== undefined, null, { timeout: 60_000, polling: 50 });
  const guarded = await page.evaluate(() => window.__guardedAt);
  let rows = null;
  if (timeline) {
    // CDP timestamps are monotonic seconds; the first request (the document) starts at navigation.
    const all = [...requests.values()].filter((r) => r.end).sort((a, b) => a.start - b.start);
    const t0 = all[0]?.start ?? 0;
    rows = all.map((r) => ({
      path: new URL(r.url).pathname,
      start: (r.start - t0) * 1000,
      end: (r.end - t0) * 1000,
      bytes: r.bytes,
    }));
  }
  await context.close();
  return { ms: guarded, timeline: rows };
}

/** The ratios the targets are about, per markup: throttled and unthrottled medians over IMask's. */
export const MARKUPS = ['pccc-guard, classic', 'pccc-guard, preload'];
export const LOAD_TARGETS = { throttled: 1.0, throttledAim: 0.8, unthrottled: 1.2 };

/**
 * Appends one run's medians to bench/results/load-history.json (kept in the repository, so that "three runs in a row" can be
 * read from it) and returns the whole history, oldest first.
 */
export function record(result, file = join(ROOT, 'bench', 'results', 'load-history.json')) {
  const history = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  const medians = (key) => Object.fromEntries(Object.entries(result.summary[key]).map(([n, r]) => [n, Math.round(r.median)]));
  history.push({ date: new Date().toISOString(), runs: result.runs, browser: result.version, throttled: medians('throttled'), unthrottled: medians('unthrottled') });
  writeFileSync(file, `${JSON.stringify(history, null, 1)}\n`);
  return history;
}

export async function run({ runs = 11 } = {}) {
  const files = writePages();
  const server = await startServer({ port: 0, quiet: true, roots: { '/bench/': PAGES + '/' } });
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS, headless: true });
  try {
    const results = {};
    for (const throttled of [true, false]) {
      const key = throttled ? 'throttled' : 'unthrottled';
      results[key] = Object.fromEntries(Object.keys(CONTENDERS).map((n) => [n, []]));
      // Warm the server's compressed copies, then alternate the contenders run by run.
      for (const name of Object.keys(CONTENDERS)) await load(browser, `${base}/bench/${files[name]}`, CONTENDERS[name].guarded, false, false, CONTENDERS[name].init);
      for (let i = 0; i < runs; i++) {
        for (const [name, { guarded }] of Object.entries(CONTENDERS)) {
          results[key][name].push((await load(browser, `${base}/bench/${files[name]}`, guarded, throttled, false, CONTENDERS[name].init)).ms);
        }
      }
    }
    const timelines = {};
    for (const [name, { guarded }] of Object.entries(CONTENDERS)) {
      const one = await load(browser, `${base}/bench/${files[name]}`, guarded, true, true, CONTENDERS[name].init);
      timelines[name] = { guarded: one.ms, requests: one.timeline };
    }
    const summary = {};
    for (const [key, byName] of Object.entries(results)) {
      summary[key] = Object.fromEntries(Object.entries(byName).map(([n, xs]) => [n, { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs }]));
    }
    return { version: browser.version(), runs, slow: SLOW, summary, timelines };
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await run({ runs: Number(process.env.RUNS ?? 11) });
  mkdirSync(join(ROOT, 'target', 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'target', 'bench', 'load.json'), JSON.stringify(result, null, 2));
  for (const [key, byName] of Object.entries(result.summary)) {
    for (const [n, r] of Object.entries(byName)) console.log(`${key.padEnd(12)} ${n.padEnd(22)} median ${r.median.toFixed(0)} ms (${r.min.toFixed(0)}–${r.max.toFixed(0)})`);
  }
  for (const [n, t] of Object.entries(result.timelines)) {
    console.log(`\n${n}: guarded at ${t.guarded.toFixed(0)} ms`);
    for (const r of t.requests) console.log(`  ${r.path.padEnd(36)} ${r.start.toFixed(0).padStart(5)} → ${r.end.toFixed(0).padStart(5)} ms  ${r.bytes} B`);
  }
}
