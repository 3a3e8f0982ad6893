// The UNI-PASS gateway's surge section of BENCHMARKS.md, from bench/results/gateway-results.json (written by
// gateway/benches/surge.rs, which `make bench` runs). bench/report.mjs includes it; `node bench/gateway-section.mjs`
// prints it alone, and `node bench/gateway-section.mjs --write` puts it in place of the section in BENCHMARKS.md
// (after `make bench-gateway`, without running every other benchmark again).
import { results, sectionMain } from './section.mjs';

/** The surge runs against the fake UNI-PASS, when bench/results/gateway-results.json is there. */
export function gatewaySection(out, fmt) {
  const r = results(out, '## UNI-PASS gateway under a surge (`pccc-guard-gateway`)', 'gateway-results.json', '`cargo bench -p pccc-guard-gateway --bench surge`');
  if (!r) return;
  // Results written before the second run was added hold one run at the top level.
  const runs = r.runs ?? [{ name: '502', schedule: r.schedule, gateway: r.gateway, direct: r.direct }];
  const pct = (n) => fmt((100 * n) / r.orders, 1);
  const label = (run) => (run.name === '502' ? 'down with 502' : 'down with `tCnt` -1');
  out(`${fmt(r.orders)} orders at ${fmt(r.rate_per_s)} a second for ${fmt(r.seconds)} s (${r.date}; gateway/benches/surge.rs):`);
  out(`${pct(r.mix.invalid)}% with format errors, ${pct(r.mix.repeat)}% repeats of recent checks, ${pct(r.mix.new)}% new. Each order goes`);
  out('to the gateway (the optimised binary, over 127.0.0.1; default limits of 8 calls at once and 20 in any second, 2 s timeout) and,');
  out('as the yardstick, straight to UNI-PASS from a direct client that makes one call per order with a 10 s timeout and no');
  out('retry (as the public wrappers do). Each side has its own fake UNI-PASS on the same schedule:');
  out(runs[0].schedule.map((s) => `from ${fmt(s.at_s)} s ${s.mode}`).join('; ') + '.');
  if (runs.length > 1) {
    out(`The surge runs twice: UNI-PASS down as a proxy shows it (502), and as UNI-PASS itself says it (HTTP 200 with \`tCnt\` -1, a`);
    out('system failure, answered at once).');
  }
  out('Orders answered `pending` are polled every 0.5 s until resolved.');
  out();
  const previous = r.previous;
  const head = ['', ...runs.map((run) => `gateway, ${label(run)}`)];
  const rows = [
    ['UNI-PASS calls', (g) => fmt(g.upstream_calls)],
    ['calls per order', (g) => `**${fmt(g.calls_per_order, 3)}**`],
    ['answer time p50', (g) => `${fmt(g.p50_ms, 1)} ms`],
    ['answer time p99', (g) => `**${fmt(g.p99_ms, 1)} ms**`],
    ['answer time p50 / p99 while down', (g) => (g.down_p50_ms === undefined ? '' : `${fmt(g.down_p50_ms, 1)} / ${fmt(g.down_p99_ms, 1)} ms`)],
    ['orders lost (no answer in the end)', (g) => `**${fmt(g.lost)}**`],
    ['answers that differ from the fake\'s rules', (g) => fmt(g.wrong_answers)],
  ];
  const prevCells = previous
    ? [previous.upstream_calls === undefined ? '' : fmt(previous.upstream_calls), fmt(previous.calls_per_order, 3), `${fmt(previous.p50_ms, 1)} ms`, `${fmt(previous.p99_ms, 1)} ms`, '', fmt(previous.lost), fmt(previous.wrong_answers ?? 0)]
    : null;
  const d = runs[0].direct;
  const directCells = [
    fmt(d.upstream_calls),
    `${fmt(d.calls_per_order, 3)} (${fmt(d.calls_per_order_with_format_check, 2)} with a format check first)`,
    `${fmt(d.p50_ms, 1)} ms`,
    `${fmt(d.p99_ms, 1)} ms`,
    '',
    fmt(d.lost),
    '',
  ];
  if (previous) head.push(`previous run, down with 502 (${previous.date})`);
  head.push('direct client, down with 502');
  out(`| ${head.join(' | ')} |`);
  out(`| --- | ${head.slice(1).map(() => '---:').join(' | ')} |`);
  rows.forEach(([name, cell], i) => {
    const cells = [name, ...runs.map((run) => cell(run.gateway))];
    if (previous) cells.push(prevCells[i]);
    cells.push(directCells[i]);
    out(`| ${cells.join(' | ')} |`);
  });
  out();
  for (const run of runs) {
    const g = run.gateway;
    const saved = 1 - g.upstream_calls / run.direct.upstream_calls;
    const savedFormat = 1 - g.upstream_calls / (run.direct.calls_per_order_with_format_check * r.orders);
    out(`- ${label(run)[0].toUpperCase()}${label(run).slice(1)}: UNI-PASS calls saved against the direct client ${fmt(100 * saved, 1)}% (${fmt(100 * savedFormat, 1)}% against one that`);
    out(`  checks the format first). Cache hits ${fmt(g.cache_hits)}, checks sharing a call already in flight ${fmt(g.coalesced)}, retries`);
    out(`  ${fmt(g.retries)}, breaker opened ${fmt(g.breaker_opened)} times, checks refused by the attempt limits ${fmt(g.too_many_attempts ?? 0)}. Answered`);
    out(`  \`pending\`: ${fmt(g.answered_pending)} orders, resolved after a median of ${fmt(g.pending_resolved_p50_s, 1)} s, the last after`);
    out(`  ${fmt(g.pending_resolved_max_s, 1)} s. Memory: peak resident ${fmt(g.memory_peak_kib / 1024, 1)} MiB, ${fmt(g.memory_end_kib / 1024, 1)} MiB at the end.`);
  }
  out('- Pending checks drain with what new orders leave of the rate (never more than 20 calls in any second: 20 in every');
  out('  1.05 s, retries included): once UNI-PASS is back, new orders still take most of it, so the queue\'s tail resolves');
  out('  after the orders stop.');
  if (runs.length > 1) {
    const t = runs[1].direct;
    out(`- The direct client in the \`tCnt\` -1 run lost ${fmt(t.lost)} orders (p99 ${fmt(t.p99_ms, 1)} ms): a public wrapper reads -1 as an`);
    out('  error (or as a wrong key), and the buyer is told to try again.');
  }
  out('- The direct client\'s lost orders are its timeouts and failures: each one a buyer told to try again, into the surge.');
  out();
}

sectionMain(import.meta.url, gatewaySection, '## UNI-PASS gateway under a surge');
