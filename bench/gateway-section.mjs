// The UNI-PASS gateway's surge section of BENCHMARKS.md, from bench/results/gateway-results.json (written by
// gateway/benches/surge.rs, which `make bench` runs). bench/report.mjs includes it; `node bench/gateway-section.mjs`
// prints it alone.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The surge run against the fake UNI-PASS, when bench/results/gateway-results.json is there. */
export function gatewaySection(out, fmt) {
  const file = new URL('./results/gateway-results.json', import.meta.url);
  out('## UNI-PASS gateway under a surge (`pccc-guard-gateway`)');
  out();
  if (!existsSync(fileURLToPath(file))) {
    out('Not run (bench/results/gateway-results.json not found; `cargo bench -p pccc-guard-gateway --bench surge` writes it).');
    out();
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const g = r.gateway;
  const d = r.direct;
  const pct = (n) => fmt((100 * n) / r.orders, 1);
  out(`${fmt(r.orders)} orders at ${fmt(r.rate_per_s)} a second for ${fmt(r.seconds)} s (${r.date}; gateway/benches/surge.rs):`);
  out(`${pct(r.mix.invalid)}% with format errors, ${pct(r.mix.repeat)}% repeats of recent checks, ${pct(r.mix.new)}% new. Each order goes`);
  out('to the gateway (the optimised binary, over 127.0.0.1; default limits of 8 calls at once and 20 a second, 2 s timeout) and,');
  out('as the yardstick, straight to UNI-PASS from a direct client that makes one call per order with a 10 s timeout and no');
  out('retry (as the public wrappers do). Each side has its own fake UNI-PASS on the same schedule:');
  out(r.schedule.map((s) => `from ${fmt(s.at_s)} s ${s.mode}`).join('; ') + '.');
  out('Orders answered `pending` are polled every 0.5 s until resolved.');
  out();
  out('| | gateway | direct client |');
  out('| --- | ---: | ---: |');
  out(`| UNI-PASS calls | ${fmt(g.upstream_calls)} | ${fmt(d.upstream_calls)} |`);
  out(`| calls per order | **${fmt(g.calls_per_order, 3)}** | ${fmt(d.calls_per_order, 3)} (${fmt(d.calls_per_order_with_format_check, 2)} with a format check first) |`);
  out(`| answer time p50 | ${fmt(g.p50_ms, 1)} ms | ${fmt(d.p50_ms, 1)} ms |`);
  out(`| answer time p99 | **${fmt(g.p99_ms, 1)} ms** | ${fmt(d.p99_ms, 1)} ms |`);
  out(`| orders lost (no answer in the end) | **${fmt(g.lost)}** | ${fmt(d.lost)} |`);
  out();
  const saved = 1 - g.upstream_calls / d.upstream_calls;
  const savedFormat = 1 - g.upstream_calls / (d.calls_per_order_with_format_check * r.orders);
  out(`- UNI-PASS calls saved against the direct client: ${fmt(100 * saved, 1)}% (${fmt(100 * savedFormat, 1)}% against one that checks the format first).`);
  out(`  Cache hits ${fmt(g.cache_hits)}, checks sharing a call`);
  out(`  already in flight ${fmt(g.coalesced)}, retries ${fmt(g.retries)}, breaker opened ${fmt(g.breaker_opened)} times.`);
  out(`- Answered \`pending\`: ${fmt(g.answered_pending)} orders; resolved after a median of ${fmt(g.pending_resolved_p50_s, 1)} s, the last after`);
  out(`  ${fmt(g.pending_resolved_max_s, 1)} s. Orders lost: ${fmt(g.lost)}; answers that differ from the fake's rules: ${fmt(g.wrong_answers)}.`);
  out(`- The gateway's memory: peak resident ${fmt(g.memory_peak_kib / 1024, 1)} MiB, ${fmt(g.memory_end_kib / 1024, 1)} MiB at the end.`);
  out('- The direct client\'s lost orders are its timeouts and 502s: each one a buyer told to try again, into the surge.');
  out();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const lines = [];
  gatewaySection((s = '') => lines.push(s), fmt);
  console.log(lines.join('\n'));
}
