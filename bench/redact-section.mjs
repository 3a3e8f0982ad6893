// The `pccc-guard redact` section of BENCHMARKS.md, from bench/results/redact-results.json (written by bench/redact.py).
// bench/report.mjs includes it; `node bench/redact-section.mjs` prints it alone (`--write`: in place in BENCHMARKS.md).
import { results, sectionMain } from './section.mjs';

/** The streaming redactor's throughput from bench/results/redact-results.json (bench/redact.py), when it is there. */
export function redactSection(out, fmt) {
  const r = results(out, '## Command-line tool (`pccc-guard redact`)', 'redact-results.json', '`python3 bench/redact.py`');
  if (!r) return;
  const a = r.agreement;
  // The tool's findings name mobile numbers `phone` (its finder's kind); the regex program's ranges say `mobile`.
  const phones = (kinds) => kinds.phone ?? kinds.mobile;
  const total = (kinds) => kinds.pccc + kinds.rrn + phones(kinds);
  const found = a.findings;
  const same = a.regex_ranges.same;
  out(`A generated application log (${r.date}, bench/regex-redact/src/bin/gen-log.rs): ${fmt(r.bytes / 1e6)} MB in`);
  out(`${fmt(r.lines)} lines of access, order, shipment, customs, JSON, cache, Korean customer-service and error lines,`);
  out('full of numbers that are not personal (timestamps, IPv4 addresses, UUIDs, order numbers, prices, 12-digit');
  out('tracking numbers, landlines, `070` and `1588` numbers, masked card numbers), with a personal number on one line');
  out(`in 200, now and then in full-width forms: ${fmt(total(found))} findings (${fmt(found.pccc)} PCCCs, ${fmt(found.rrn)} RRNs, ${fmt(phones(found))} mobile numbers).`);
  out('Each contender reads the file (in the page cache) and writes the redacted text to /dev/null, pinned to one core');
  out('(`taskset -c 0`); the runs take turns, round after round (bench/redact.py). Median of the runs in wall-clock time,');
  out('and in CPU time (user + system).');
  out();
  out('| contender | MB/s | MB/s of CPU time | median s | fastest s | runs |');
  out('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of r.rows) {
    out(`| ${row.label} | ${fmt(row.mb_per_s)} | ${fmt(row.cpu_mb_per_s)} | ${fmt(row.seconds, 2)} | ${fmt(row.fastest, 2)} | ${row.runs} |`);
  }
  out();
  const tool = r.rows[0];
  const met = (ok) => (ok ? 'met' : '**missed**');
  out(`- \`pccc-guard redact\`: ${fmt(tool.mb_per_s)} MB/s (goal ≥ 1,000 MB/s on one core: ${met(tool.mb_per_s >= 1000)}); ${fmt(r.vs_regex, 2)}× the speed of the`);
  out(`  \`regex\` crate with the same rules (goal: faster, ${met(r.vs_regex > 1)}), ${fmt(r.vs_sed, 1)}× \`sed -E\`.`);
  out(`- Load average (1 min) at the end of the run: ${fmt(r.load_average, 2)}, from other work on the machine (it slows every contender alike).`);
  out('- The machine is a shared virtual machine: the speed of a core varies from minute to minute (up to 2× for the same');
  out('  binary on the same file at a load average below 1, from other guests on the host), so the ratios, measured in');
  out('  turns, are steadier than the absolute figures.');
  out();
  out('What each finds, checked on the whole log before timing:');
  out();
  const agree = total(same) === total(found) && total(a.regex_ranges.regex) === total(found);
  out(`- The \`regex\` crate program (bench/regex-redact) writes every rule as one pattern (full-width digits and letters,`);
  out('  every separator, real dates, the mobile numbering plan and its grouping, `+82`/`0082`/`(0)`/`(010)`), except what');
  out('  the crate cannot express: it has no look-around, so the character after a number is matched as part of the');
  out('  pattern (and left out of the range), and the character before it is checked in code. It found');
  out(`  ${fmt(total(a.regex_ranges.regex))} ranges, ${fmt(total(same))} of them the library's exactly (of ${fmt(total(a.regex_ranges.library))}): ${agree ? 'the same ranges' : '**they differ**'}; its redacted output is`);
  out(`  ${a.regex_output_identical ? 'byte for byte the tool\'s' : '**not** the tool\'s'}. (bench/regex-redact/tests/agrees.rs checks that it finds exactly the library's ranges`);
  out('  on the accuracy corpus of `tests/accuracy.rs` and on random text made of the pieces numbers are made of.)');
  const sed = a.sed;
  out(`- \`sed -E\` (bench/redact.sed, \`LC_ALL=C\`) has the ASCII forms only: POSIX regular expressions have no look-around`);
  out('  either (the characters around a number are matched and put back, so two numbers one character apart lose the');
  out('  second), and matching full-width digits byte by byte was left out. Its output differs from the tool\'s on');
  out(`  ${fmt(sed.differ)} of ${fmt(sed.lines)} lines, ${sed.differ === sed.differ_full_width ? 'all of them' : `${fmt(sed.differ_full_width)} of them`} lines with a full-width form; on the other lines it is the same.`);
  out();
  out('The tool reads 256 KiB at a time, keeps the last 66 bytes (and 3 of look-behind) for the next read, and writes');
  out('the bytes between findings straight from the read buffer (vectored writes, no copy). Where its time goes (perf,');
  out('300 MB of this log): about 73% the finder\'s block test, 15% the kernel\'s copy of the file into the read buffer,');
  out('10% reading the blocks that may hold a number word by word and checking the candidates; see "Finding numbers in');
  out('free text: throughput".');
  out();
}

sectionMain(import.meta.url, redactSection, '## Command-line tool (`pccc-guard redact`)');
