// The command-line tool's section of BENCHMARKS.md, from bench/results/cli-results.json (written by bench/cli.py).
// bench/report.mjs includes it; `node bench/cli-section.mjs` prints it alone (`--write`: in place in BENCHMARKS.md).
import { results, sectionMain } from './section.mjs';

/** The command-line tool's throughput from bench/results/cli-results.json (bench/cli.py), when it is there. */
export function cliSection(out, fmt) {
  const cli = results(out, '## Command-line tool (`pccc-guard check`)', 'cli-results.json', '`python3 bench/cli.py`');
  if (!cli) return;
  const mb = (bytes) => fmt(bytes / 1e6);
  out(`${fmt(cli.records)} generated orders (${cli.date}): a CSV export of ${mb(cli.bytes.csv)} MB`);
  if (cli.bytes.cp949) out(`(the same in CP949, as Korean Excel saves it: ${mb(cli.bytes.cp949)} MB)`);
  out('(`order_id,name,pccc,phone,postcode`) and the same codes one per line, ' + `${mb(cli.bytes.lines)} MB; 98.8% canonical`);
  out('codes, 1% with a digit missing, 0.2% typed in lower case. Each contender runs pinned to one core (`taskset -c 0`)');
  out('with its output to /dev/null (grep: to a pipe, or it stops at the first match), the files in the page cache;');
  out('median of the runs (bench/cli.py). `pccc-guard check` prints one line per record (line, valid, code, masked');
  out('value); the Python yardstick prints line and valid/invalid per record; `grep -c` prints one number.');
  out();
  out('| contender | input | MB/s | records/s | median s | fastest s | runs |');
  out('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of cli.rows) {
    const input = { csv: 'CSV', cp949: 'CSV, CP949', lines: 'lines' }[r.input] ?? r.input;
    out(`| ${r.label} | ${input} | ${fmt(r.mb_per_s)} | ${fmt(r.records_per_s)} | ${fmt(r.seconds, 2)} | ${fmt(r.fastest, 2)} | ${r.runs} |`);
  }
  out();
  const row = (label) => cli.rows.find((r) => r.label === label);
  const csv = row('`pccc-guard check --csv --column pccc`');
  const lines = row('`pccc-guard check` (line mode)');
  const goal = (value, target, unit) => `${fmt(value)} ${unit} (goal ≥ ${fmt(target)} ${unit}: ${value >= target ? 'met' : '**missed**'})`;
  out(`- Line mode: ${goal(lines.mb_per_s, 1000, 'MB/s')}; ${fmt(cli.lines_vs_grep, 2)}× the speed of \`grep -cE\`.`);
  out(`- CSV: ${goal(csv.mb_per_s, 300, 'MB/s')}; ${fmt(cli.csv_vs_python, 1)}× the Python script (goal ≥ 10×: ${cli.csv_vs_python >= 10 ? 'met' : '**missed**'}).`);
  out(`- 52 million orders as CSV on one core: about ${fmt(52e6 / csv.records_per_s)} s.`);
  const cp949 = row('`pccc-guard check --csv --encoding cp949 --column pccc`');
  if (cp949) out(`- CSV in CP949 (decoded with encoding_rs as it streams): ${fmt(cp949.mb_per_s)} MB/s; ${fmt(cli.cp949_vs_python, 1)}× the Python script reading CP949 through its codec.`);
  const annotate = row('`pccc-guard check --annotate --column pccc`');
  if (annotate) out(`- The annotated copy (every column written back, the code masked, status, code and message columns): ${fmt(annotate.mb_per_s)} MB/s of input; ${fmt(cli.annotate_vs_python, 1)}× the Python script that only prints a line per record.`);
  const columns = row('`pccc-guard check --columns pccc,phone,postcode,name`');
  if (columns) out(`- Four fields per row with the recipient check (\`--columns\`): ${fmt(columns.records_per_s)} rows/s.`);
  if (cli.load_average !== undefined) out(`- Load average (1 min) at the end of the run: ${fmt(cli.load_average, 2)}, from other work on the machine (it slows every contender alike).`);
  out();
  out('Where line mode\'s time goes: runs of canonical codes are checked and printed in bulk (the masked line is a');
  out('template learnt from the library\'s mask, filled with two word blends; line numbers are counted in registers), so');
  out('most of the cost is writing about 29 bytes of output for every 14-byte record; `--only-invalid`, which prints');
  out('only the records to fix, shows the checking alone. Codes that are not canonical (1.2% here) take the library\'s');
  out('general path, about 0.5 µs each. CSV rows without quotes are split at their commas; others go to csv-core.');
  out();
}

sectionMain(import.meta.url, cliSection, '## Command-line tool (`pccc-guard check`)');
