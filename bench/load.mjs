// First-load benchmark: how long after navigation starts a form's fields are guarded, and how long after the page's
// first contentful paint, on a slow phone and network (Chromium through CDP: 4x CPU slowdown, 150 ms latency, 1.6
// Mbit/s down, cache disabled) and without throttling, served compressed like a production static host
// (www/serve.mjs: brotli or gzip of each file, made once). Contenders, all the same form (the demo's forms.html
// without its component section), loaded in turn in one run, in fresh browser contexts (cold connections); the
// form's component section and (but in the memo variants) its memo are left out (the yardsticks have nothing of the
// kind):
//
//   pccc-guard, preload   the module markup of js/README.md: <link rel="preload"> for the .wasm + the module script,
//                         render-blocking
//   pccc-guard            the module script alone (its fetch of the .wasm starts when it runs)
//   pccc-guard, classic   the classic script (web/pccc-guard.classic.js: the WebAssembly inlined, one request),
//                         deferred and render-blocking
//   ..., not render-blocking  the same markup without blocking="render" (the page may paint before it has run)
//   pccc-guard, no wasm   the classic script in a page whose WebAssembly an init script deleted: its JavaScript build
//   ..., memo             the same markup on the form with its delivery memo kept (data-pccc-redact: the text module
//                         loads too), to show that the memo does not delay the fields
//   IMask                 IMask 7.6.1 masking every field pccc-guard guards on the page: the code (P000000000000),
//                         the phone (000-0000-0000), the postcode (00000) and the name (a pattern of letters); it does
//                         far less (no rules, no messages) but wires the same fields
//   naive regex           a script testing each field against a regular expression on input (does far less still)
//
// "Guarded" is when every field the page guards is wired: pccc-guard's data-pccc-state attribute on each, or the
// data-guarded attribute the other pages' scripts set right after attaching to each. First contentful paint is the
// browser's own (a PerformanceObserver of paint entries); both are read from the page's clock, which starts at
// navigation. One throttled load per contender also keeps its request timeline and a Chromium trace, summed up
// (bench/trace.mjs) into what the main thread did until guarded; the traces themselves are left in
// target/bench/traces/ for Chromium's DevTools or Perfetto.
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../www/serve.mjs';
import { TRACE_CATEGORIES, summarise } from './trace.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGES = join(ROOT, 'target', 'bench-pages');
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const SLOW = { latency: 150, download: (1.6e6 / 8), upload: (750e3 / 8), cpu: 4 };

/** The form's fields every contender guards (the memo aside), and what marks each guarded. */
const FIELDS = ['#f-name', '#f-pccc', '#f-phone', '#f-postcode'];
const PCCC_GUARDED = FIELDS.map((f) => `${f}[data-pccc-state]`);
const OTHER_GUARDED = FIELDS.map((f) => `${f}[data-guarded]`);
const PRELOAD = '<link rel="preload" href="/pkg/pccc-guard-fields.wasm" as="fetch" type="application/wasm" crossorigin>';

// The markups of js/README.md: each script render-blocking (`blocking="render"`: Chromium and Safari paint the page
// only once it has run), and the same without it, to show what that buys.
const MODULE = '<script type="module" src="/pkg/pccc-guard.js" blocking="render"></script>';
const CLASSIC = '<script src="/pkg/pccc-guard.classic.js" defer blocking="render"></script>';
const CONTENDERS = {
  'pccc-guard, preload': { head: `${PRELOAD}\n  ${MODULE}`, guarded: PCCC_GUARDED },
  'pccc-guard': { head: MODULE, guarded: PCCC_GUARDED },
  'pccc-guard, classic': { head: CLASSIC, guarded: PCCC_GUARDED },
  'pccc-guard, preload, not render-blocking': { head: `${PRELOAD}\n  ${MODULE.replace(' blocking="render"', '')}`, guarded: PCCC_GUARDED },
  'pccc-guard, classic, not render-blocking': { head: CLASSIC.replace(' blocking="render"', ''), guarded: PCCC_GUARDED },
  'pccc-guard, preload, memo': { head: `${PRELOAD}\n  ${MODULE}`, guarded: PCCC_GUARDED, memo: true },
  'pccc-guard, classic, memo': { head: CLASSIC, guarded: PCCC_GUARDED, memo: true },
  'pccc-guard, no wasm': { head: CLASSIC, guarded: PCCC_GUARDED, init: 'delete globalThis.WebAssembly' },
  IMask: {
    head: '<script src="/bench/imask.min.js" defer></script>\n  <script src="/bench/imask-page.js" defer></script>',
    guarded: OTHER_GUARDED,
  },
  'naive regex': { head: '<script src="/bench/regex-page.js" defer></script>', guarded: OTHER_GUARDED },
};
/** `ONLY="IMask,pccc-guard, classic"`-style runs of some contenders (while working on one; make bench runs all). */
const ONLY = process.env.ONLY?.split(/,(?! )/).map((s) => s.trim());
const RUN = Object.keys(CONTENDERS).filter((name) => !ONLY || ONLY.includes(name));

const IMASK_PAGE = `// The IMask yardstick: the masks a shop would use, on every field pccc-guard guards on the same page.
for (const [id, mask] of [
  ['f-name', /^[\\p{L} ]{0,40}$/u],
  ['f-pccc', 'P000000000000'],
  ['f-phone', '000-0000-0000'],
  ['f-postcode', '00000'],
]) {
  const input = document.getElementById(id);
  IMask(input, { mask });
  input.dataset.guarded = '';
}
`;
const REGEX_PAGE = `// The naive yardstick: each field tested against a regular expression on input, its validity set.
for (const [id, pattern] of [
  ['f-name', /^[\\p{L} ]{1,40}$/u],
  ['f-pccc', /^P\\d{12}$/],
  ['f-phone', /^01\\d{8,9}$/],
  ['f-postcode', /^\\d{5}$/],
]) {
  const input = document.getElementById(id);
  input.addEventListener('input', () => {
    const ok = pattern.test(input.value.toUpperCase().replace(/[\\s-]/g, ''));
    input.setCustomValidity(ok ? '' : 'invalid');
  });
  input.dataset.guarded = '';
}
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

/**
 * One cold load: ms from navigation start to guarded (every selector in `guarded` matching) and to first contentful
 * paint; optionally the request timeline and a Chromium trace of the load, summed up (bench/trace.mjs).
 */
async function load(browser, url, guarded, throttled, { timeline = false, trace = false, init } = {}) {
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
  let events;
  if (trace) {
    events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES.join(','), transferMode: 'ReportEvents' });
  }
  if (init) await page.addInitScript(init);
  // Records when every field is guarded, from the first moment of the document (before any page script), with a
  // user-timing mark for the trace, and when the first contentful paint happened. Both are reported through the
  // console, so that nothing polls the page while it loads (Playwright's waitForFunction runs its own script there).
  const marks = {};
  const reported = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${url}: not guarded and painted within 60 s (${JSON.stringify(marks)})`)), 60_000);
    page.on('console', (message) => {
      const [, what, at] = /^pccc-bench:(guarded|painted) ([\d.]+)$/.exec(message.text()) ?? [];
      if (what) marks[what] = Number(at);
      if (marks.guarded !== undefined && marks.painted !== undefined) resolve(clearTimeout(timer));
    });
  });
  await page.addInitScript((selectors) => {
    new MutationObserver((_, observer) => {
      if (selectors.every((sel) => document.querySelector(sel))) {
        console.debug(`pccc-bench:guarded ${performance.now()}`);
        performance.mark('guarded');
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') console.debug(`pccc-bench:painted ${entry.startTime}`);
    }).observe({ type: 'paint', buffered: true });
  }, guarded);
  await page.goto(url, { waitUntil: 'commit' });
  await reported;
  const { guarded: guardedAt, painted: fcpAt } = marks;
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
  let summary = null;
  if (trace) {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    summary = summarise(events, { url });
    // The whole trace, for Chromium's DevTools or Perfetto (target/ is not committed).
    const dir = join(ROOT, 'target', 'bench', 'traces');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${url.split('/').pop().replace(/\.html$/, '')}.json`), JSON.stringify({ traceEvents: events }));
  }
  await context.close();
  return { ms: guardedAt, fcp: fcpAt, timeline: rows, trace: summary };
}

/** The ratios and gaps the issue's targets are about, per markup: medians over IMask's, and guarded after first paint. */
export const MARKUPS = ['pccc-guard, classic', 'pccc-guard, preload'];
export const LOAD_TARGETS = { throttled: 1.0, unthrottled: 1.2, afterPaint: 50 };
/** The yardstick runs are measured against: IMask on every field the page guards (runs before it had one field). */
export const YARDSTICK = 'IMask, every field';

/**
 * Appends one run's medians to bench/results/load-history.json (kept in the repository, so that "three runs in a row" can be
 * read from it) and returns the whole history, oldest first.
 */
export function record(result, file = join(ROOT, 'bench', 'results', 'load-history.json')) {
  const history = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  const medians = (key, what = 'median') => Object.fromEntries(Object.entries(result.summary[key]).map(([n, r]) => [n, Math.round(r[what])]));
  history.push({
    date: new Date().toISOString(),
    runs: result.runs,
    browser: result.version,
    yardstick: YARDSTICK,
    load: result.load,
    throttled: medians('throttled'),
    unthrottled: medians('unthrottled'),
    throttledAfterPaint: medians('throttled', 'afterPaint'),
    unthrottledAfterPaint: medians('unthrottled', 'afterPaint'),
  });
  writeFileSync(file, `${JSON.stringify(history, null, 1)}\n`);
  return history;
}

export async function run({ runs = 11 } = {}) {
  const files = writePages();
  const server = await startServer({ port: 0, quiet: true, roots: { '/bench/': PAGES + '/' } });
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS, headless: true });
  const one = (name, throttled, options) => load(browser, `${base}/bench/${files[name]}`, CONTENDERS[name].guarded, throttled, { init: CONTENDERS[name].init, ...options });
  // The machine's load average while the run went (a busy machine slows every contender, unevenly).
  const loads = [loadavg()[0]];
  try {
    const results = {};
    for (const throttled of [true, false]) {
      const key = throttled ? 'throttled' : 'unthrottled';
      results[key] = Object.fromEntries(RUN.map((n) => [n, []]));
      // Warm the server's compressed copies, then alternate the contenders run by run.
      for (const name of RUN) await one(name, false);
      for (let i = 0; i < runs; i++) {
        for (const name of RUN) results[key][name].push(await one(name, throttled));
        loads.push(loadavg()[0]);
      }
    }
    const timelines = {};
    for (const name of RUN) {
      const traced = await one(name, true, { timeline: true, trace: true });
      timelines[name] = { guarded: traced.ms, fcp: traced.fcp, requests: traced.timeline, trace: traced.trace };
    }
    const summary = {};
    for (const [key, byName] of Object.entries(results)) {
      summary[key] = Object.fromEntries(Object.entries(byName).map(([n, xs]) => {
        const ms = xs.map((x) => x.ms);
        return [n, { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), fcp: median(xs.map((x) => x.fcp)), afterPaint: median(xs.map((x) => x.ms - x.fcp)), runs: xs }];
      }));
    }
    return { version: browser.version(), runs, slow: SLOW, load: { median: median(loads), max: Math.max(...loads) }, summary, timelines };
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await run({ runs: Number(process.env.RUNS ?? 11) });
  mkdirSync(join(ROOT, 'target', 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'target', 'bench', 'load.json'), JSON.stringify(result, null, 2));
  console.log(`load average: median ${result.load.median.toFixed(2)}, max ${result.load.max.toFixed(2)}`);
  for (const [key, byName] of Object.entries(result.summary)) {
    for (const [n, r] of Object.entries(byName)) {
      console.log(`${key.padEnd(12)} ${n.padEnd(26)} guarded ${r.median.toFixed(0).padStart(5)} ms (${r.min.toFixed(0)}–${r.max.toFixed(0)}), first paint ${r.fcp.toFixed(0).padStart(5)}, after it ${r.afterPaint.toFixed(0).padStart(4)}`);
    }
  }
  for (const [n, t] of Object.entries(result.timelines)) {
    console.log(`\n${n}: first paint at ${t.fcp.toFixed(0)} ms, guarded at ${t.guarded.toFixed(0)} ms`);
    for (const r of t.requests) console.log(`  ${r.path.padEnd(36)} ${r.start.toFixed(0).padStart(5)} → ${r.end.toFixed(0).padStart(5)} ms  ${r.bytes} B`);
    console.log(`  main thread: ${t.trace.text}`);
    if (process.env.TRACE_DETAIL) {
      console.log(`  other: ${Object.entries(t.trace.others).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
      console.log(`  functions: ${t.trace.profile.functions.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
    }
  }
}
