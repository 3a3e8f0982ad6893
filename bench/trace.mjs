// What a page's main thread did from navigation start until its fields were guarded, from a Chromium trace
// (bench/load.mjs records one per contender, throttled): the self time of each trace event on the renderer's main
// thread, summed into a few kinds of work, the rest being time the thread waited (for the network, mostly), and the
// moments that matter (each script's evaluation, first contentful paint, guarded).

/** The trace categories the summary reads. */
export const TRACE_CATEGORIES = [
  '-*', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'v8', 'v8.execute',
  'toplevel', '__metadata', 'disabled-by-default-v8.cpu_profiler',
];

/** Kinds of main-thread work, by trace event name (anything else on the thread is "other"). */
const KINDS = [
  ['parse HTML', /^(ParseHTML|HTMLDocumentParser::|DecodedDataDocumentParser::)/],
  ['setting up the document', /^(DocumentLoader::|LocalWindowProxy::|ContextCreatedNotification|InstallConditionalFeatures|v8\.newInstance|Receive mojo message|CommitNavigation)/],
  ['script', /^(EvaluateScript|v8\.compile|v8\.compileModule|v8\.evaluateModule|v8\.run|V8\.Execute|FunctionCall|TimerFire|RunMicrotasks|FireAnimationFrame|EventDispatch|v8\.callFunction|V8\.CompileCode|v8\.produceCache|V8\.DeserializeContext|ModuleEvaluation|V8\.BytecodeBudgetInterrupt|BlinkScheduler_PerformMicrotaskCheckpoint)$/],
  ['WebAssembly', /wasm/i],
  ['style and layout', /^(UpdateLayoutTree|RecalculateStyles|Layout|ParseAuthorStyleSheet|ScheduleStyleRecalculation|InvalidateLayout|IntersectionObserverController::computeIntersections)$/],
  ['paint', /^(Paint|PrePaint|Layerize|UpdateLayer|Commit|CompositeLayers|PaintImage|UpdateLayerTree|Animation|BeginMainThreadFrame|LocalFrameView::RunPostLifecycleSteps)$/],
  ['garbage collection', /GC|V8\.GC/],
];
const kindOf = (name) => KINDS.find(([, re]) => re.test(name))?.[0] ?? 'other';

const ms = (us) => us / 1000;

/**
 * Sums up one load's trace events: `{ total, busy, idle, kinds: { kind: ms }, scripts: [{ url, start, ms }], fcp,
 * guarded, text }`, times in ms from navigation start. `url` is the page's address (to find its renderer).
 */
export function summarise(events, { url }) {
  const threads = new Map(); // "pid:tid" -> thread name
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url)
    ?? events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame);
  if (!nav) return { text: 'no navigation in the trace', kinds: {} };
  const main = `${nav.pid}:${nav.tid}`;
  if (threads.get(main) !== 'CrRendererMain') return { text: 'the navigation is not on a renderer main thread', kinds: {} };
  const t0 = nav.ts;
  const guardedEvent = events.find((e) => e.name === 'guarded' && `${e.pid}:${e.tid}` === main);
  const fcpEvent = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === nav.pid);
  const end = guardedEvent?.ts ?? Math.max(...events.filter((e) => e.ts).map((e) => e.ts));

  // Complete events on the main thread, nested.
  const spans = events
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.dur > 0 && e.ts + e.dur > t0 && e.ts < end)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const { kinds, others, busy } = byKinds(spans, t0, end);
  const clip = clipTo(t0, end);
  // Module evaluations carry no address in the trace: "a module" (these pages have one).
  const evaluations = spans
    .filter((e) => e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule' || e.name === 'FunctionCall')
    .filter((e) => (e.name === 'v8.evaluateModule' && !e.args?.data?.url) || (e.args?.data?.url && !/^(chrome|devtools|about):/.test(e.args.data.url)));
  const scripts = evaluations
    .map((e) => ({ url: e.args?.data?.url ? new URL(e.args.data.url).pathname.split('/').pop() : 'a module', name: e.name, start: ms(e.ts - t0), ms: ms(clip(e)) }))
    .filter((s) => s.ms >= 1);
  // What the thread did between the end of the page's last script run (not a callback) and guarded: nothing where
  // the script guards as it runs; where it waits for something asynchronous (a fetch, a compile), whatever the
  // browser put first (the first style, layout and paint, on these pages).
  const lastRun = evaluations.filter((e) => e.name !== 'FunctionCall').at(-1);
  let after = null;
  if (lastRun) {
    const from = Math.min(lastRun.ts + lastRun.dur, end);
    const window = byKinds(spans, from, end);
    after = { from: ms(from - t0), total: ms(end - from), busy: window.busy, kinds: window.kinds };
  }
  const profile = cpuProfile(events, nav, t0, end);
  const total = ms(end - t0);
  const fcp = fcpEvent && ms(fcpEvent.ts - t0);
  const guarded = guardedEvent && ms(guardedEvent.ts - t0);
  const round = (x) => Math.round(x);
  const text = `${round(total)} ms to guarded: main thread busy ${round(busy)} (${kindList(kinds)}), waiting ${round(total - busy)}` +
    `; first paint at ${fcp === undefined ? '?' : round(fcp)}` +
    (scripts.length ? `; scripts: ${scripts.map((s) => `${s.url} ${s.name === 'FunctionCall' ? 'callback' : 'run'} at ${round(s.start)} for ${round(s.ms)}`).join(', ')}` : '') +
    (!after ? '' : after.total < 1 ? '; guarded as its last script ran'
      : `; from the end of its last script run (${round(after.from)}) to guarded, ${round(after.total)} ms: ${kindList(after.kinds) || 'nothing'}${after.total - after.busy >= 1 ? `, waiting ${round(after.total - after.busy)}` : ''}`) +
    (profile.files.length ? `; JavaScript and WebAssembly by file (CPU profile): ${profile.files.map(([f, v]) => `${f} ${round(v)}`).join(', ')}` : '');
  return { total, busy, idle: total - busy, kinds, others, scripts, after, fcp, guarded, profile, text };
}

/** A span's duration within [from, to]. */
const clipTo = (from, to) => (e) => Math.max(0, Math.min(e.ts + e.dur, to) - Math.max(e.ts, from));

const kindList = (kinds) => Object.entries(kinds).filter(([, v]) => v >= 1).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ');

/**
 * The self time of each span (its duration less its children's), both clipped to [from, to], summed by kind:
 * `{ kinds: { kind: ms }, others: { event name: ms }, busy }`. `spans` are one thread's complete events, sorted by start.
 */
function byKinds(spans, from, to) {
  const clip = clipTo(from, to);
  const self = new Map();
  const stack = [];
  for (const e of spans) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    self.set(e, clip(e));
    if (parent) self.set(parent, self.get(parent) - clip(e));
    stack.push(e);
  }
  const kinds = {};
  const others = {};
  let busy = 0;
  for (const e of spans) {
    // Top-level task wrappers (RunTask, ThreadControllerImpl::RunTask) count as "other" only for what no child explains.
    const kind = /RunTask|ThreadController|TaskQueueManager/.test(e.name) ? 'tasks (unattributed)' : kindOf(e.name);
    const t = ms(self.get(e));
    if (!t) continue;
    kinds[kind] = (kinds[kind] ?? 0) + t;
    if (kind === 'other' || kind.startsWith('tasks')) others[e.name] = (others[e.name] ?? 0) + t;
    busy += t;
  }
  return { kinds, others, busy };
}

/**
 * V8's sampling profile of the page's main thread from `t0` to `end` (the `disabled-by-default-v8.cpu_profiler`
 * category): ms of samples per script file (WebAssembly as `wasm`, V8's own work in brackets: `(program)`,
 * `(garbage collector)`) and per function, the largest first.
 */
function cpuProfile(events, nav, t0, end) {
  const heads = events.filter((e) => e.name === 'Profile' && e.pid === nav.pid);
  const files = {};
  const functions = {};
  for (const head of heads) {
    const nodes = new Map();
    let at = head.args.data.startTime;
    for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === head.id && e.pid === head.pid)) {
      const data = chunk.args.data;
      for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node.callFrame);
      const samples = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      for (let i = 0; i < samples.length; i++) {
        const next = at + (deltas[i] ?? 0);
        const step = i + 1 < deltas.length ? deltas[i + 1] : 0;
        at = next;
        if (next < t0 || next > end || head.tid !== nav.tid) continue;
        const frame = nodes.get(samples[i]);
        if (!frame || frame.functionName === '(idle)') continue;
        const file = frame.url ? (frame.url.startsWith('wasm://') ? 'wasm' : new URL(frame.url).pathname.split('/').pop()) : frame.functionName || '(anonymous)';
        files[file] = (files[file] ?? 0) + ms(step);
        const name = `${frame.functionName || '(anonymous)'}${frame.url ? ` (${file})` : ''}`;
        functions[name] = (functions[name] ?? 0) + ms(step);
      }
    }
  }
  const top = (o, n) => Object.entries(o).filter(([, v]) => v >= 1).sort((a, b) => b[1] - a[1]).slice(0, n);
  return { files: top(files, 6), functions: top(functions, 12) };
}
