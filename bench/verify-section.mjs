// The batch section of BENCHMARKS.md: checkout checks while `pccc-guard verify` re-verifies an export through the
// gateway, from bench/results/verify-results.json (written by cli/benches/batch.rs, which `make bench` runs as
// `make bench-verify`). bench/report.mjs includes it; `node bench/verify-section.mjs` prints it alone, and
// `node bench/verify-section.mjs --write` puts it in place of the section in BENCHMARKS.md (or at the end).
import { results, sectionMain } from './section.mjs';

const TITLE = '## Re-verifying an export beside checkouts (`pccc-guard verify`)';

/** The batch's figures, when bench/results/verify-results.json is there. */
export function verifySection(out, fmt) {
  const r = results(out, TITLE, 'verify-results.json', '`make bench-verify`');
  if (!r) return;
  const ms = (n) => `${fmt(n, 1)} ms`;
  out(`A gateway at \`--rate ${r.rate_per_s}\` (default limits otherwise) in front of the fake UNI-PASS, which answers after`);
  out(`${fmt(r.unipass_ms)} ms, both over 127.0.0.1 in one process (${r.date}; cli/benches/batch.rs). A checkout check arrives every`);
  out('second, each a recipient not seen before (so each is a call). The batch: `pccc-guard verify` (the built binary) on a');
  out(`${fmt(r.rows)}-row export through the gateway, as background work (\`Priority: u=7\`, ${fmt(r.in_flight)} in flight), twice; then once`);
  out(`with \`--background-rate ${r.capped.background_rate}\` on the gateway; then the same rows sent by a plain client as interactive checks (no`);
  out(`\`Priority\` header, ${fmt(r.in_flight)} in flight), as a batch without priorities would go.`);
  out();
  const rowsPerS = r.background.batches.map((b) => fmt(b.rows_per_s, 2)).join(' and ');
  out('| checkout checks | checks | p50 | p99 | max | the batch |');
  out('| --- | ---: | ---: | ---: | ---: | ---: |');
  const row = (name, c, batch) => out(`| ${name} | ${fmt(c.checkouts)} | ${ms(c.p50_ms)} | ${ms(c.p99_ms)} | ${ms(c.max_ms)} | ${batch} |`);
  row('alone', r.baseline, '');
  row('while `verify` runs (background)', r.background.checkouts, `${rowsPerS} rows/s`);
  row(`… with \`--background-rate ${r.capped.background_rate}\``, r.capped.checkouts, `${fmt(r.capped.rows_per_s, 2)} rows/s`);
  row('while the rows go as interactive checks', r.interactive.checkouts, `${fmt(r.interactive.rows_per_s, 2)} rows/s`);
  out();
  const ratio = r.background.p99_ratio;
  const met = ratio <= r.target_p99_ratio;
  out(`- Target: checkout p99 while a batch runs at most ${fmt(r.target_p99_ratio, 1)}× its p99 alone. Measured: **${fmt(ratio, 2)}×**`);
  out(`  (${met ? 'met' : 'not met'}). Each batch run made ${r.background.batches.map((b) => fmt(b.calls)).join(' and ')} calls (one per row plus the checkouts meanwhile).`);
  out('- Background checks take a place among the calls at once and a slot of the rate only when no checkout waits for one,');
  out('  and while checkouts come they leave free, in every window of the rate, as many slots as checkouts took in the last');
  out('  one (one at least): a checkout finds its slot free. The batch still has the rest of the rate (checkouts take one call');
  out('  a second here).');
  out('- Without priorities the checkouts queue behind the batch\'s calls for the same slots of the rate.');
  out();
}

sectionMain(import.meta.url, verifySection, TITLE);
