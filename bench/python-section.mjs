// The Python package's section of BENCHMARKS.md, from bench/results/python-results.json (written by
// bench/python/bench.py, `make bench-python`). bench/report.mjs includes it; `node bench/python-section.mjs` prints it
// alone, and `node bench/python-section.mjs --write` puts it in place of the section in BENCHMARKS.md (after the
// others, where there is none yet), without running the other benchmarks.
import { readFileSync } from 'node:fs';
import { results, sectionMain } from './section.mjs';

/** The per-call target: `is_valid_pccc` against the typical pure-Python check. */
export const PYTHON_TARGET = 1.0;

export function pythonSection(out, fmt) {
  const py = results(out, '## Python (`pccc-guard` for Python)', 'python-results.json', '`make bench-python`');
  if (!py) return;
  const v = py.versions;
  out(`CPython ${py.python}, the abi3 wheel of \`make python\`; pandas ${v.pandas}, numpy ${v.numpy}, pyarrow ${v.pyarrow} (${py.date}).`);
  out('Contenders run in interleaved rounds in one process (bench/python/bench.py); medians of the rounds, in ns, with');
  out('the min–max of the rounds. The typical pure-Python check is `re.fullmatch(r"P[0-9]{12}", s.strip().upper())`: it');
  out('accepts less than the package (no full-width forms, hyphens or invisible characters; no error to show), so the');
  out('package does more work per call.');
  out();
  const range = (r) => `${fmt(r.min)}–${fmt(r.max)}`;
  const rows = [
    ['is_valid_pccc', '`is_valid_pccc(s)`'],
    ['validate_pccc', '`validate_pccc(s)` (a frozen result object)'],
    ['regex_inline', '`re.fullmatch(r"P[0-9]{12}", s.strip().upper())`, inline'],
    ['regex_function', 'the same in a function (`def is_valid(s): …`), as it usually is'],
    ['regex_compiled', '`PATTERN.fullmatch(s.strip().upper())`, the pattern compiled once'],
    ['len', '`len(s)`: the floor of any call into C'],
    ['loop', 'the loop alone'],
  ];
  out('### Per call');
  out();
  out('1,000 codes as a stored column holds them (canonical), and 1,000 as people type them (spaces, hyphens, lower case,');
  out('full width, zero-width characters, a digit short, a letter O, an RRN); each round calls every contender on each.');
  out();
  out('| contender | stored: ns per call | typed: ns per call |');
  out('| --- | ---: | ---: |');
  const { stored, typed } = py.per_call;
  for (const [key, label] of rows) out(`| ${label} | ${fmt(stored[key].median)} (${range(stored[key])}) | ${fmt(typed[key].median)} (${range(typed[key])}) |`);
  out();
  const ratio = (a, b) => a.median / b.median;
  const verdict = (x) => (x <= PYTHON_TARGET ? `met (target ≤ ${fmt(PYTHON_TARGET, 1)}×)` : `**missed** (target ≤ ${fmt(PYTHON_TARGET, 1)}×)`);
  out('| ratio | stored | typed | |');
  out('| --- | ---: | ---: | --- |');
  out(`| \`is_valid_pccc\` / the inline check | ${fmt(ratio(stored.is_valid_pccc, stored.regex_inline), 2)}× | ${fmt(ratio(typed.is_valid_pccc, typed.regex_inline), 2)}× | ${verdict(Math.max(ratio(stored.is_valid_pccc, stored.regex_inline), ratio(typed.is_valid_pccc, typed.regex_inline)))} |`);
  out(`| \`is_valid_pccc\` / the check in a function | ${fmt(ratio(stored.is_valid_pccc, stored.regex_function), 2)}× | ${fmt(ratio(typed.is_valid_pccc, typed.regex_function), 2)}× | |`);
  out(`| \`is_valid_pccc\` / the compiled pattern | ${fmt(ratio(stored.is_valid_pccc, stored.regex_compiled), 2)}× | ${fmt(ratio(typed.is_valid_pccc, typed.regex_compiled), 2)}× | for reference |`);
  out(`| \`validate_pccc\` / the inline check | ${fmt(ratio(stored.validate_pccc, stored.regex_inline), 2)}× | ${fmt(ratio(typed.validate_pccc, typed.regex_inline), 2)}× | for reference: no target |`);
  out();
  out(`Where \`is_valid_pccc\`'s ${fmt(stored.is_valid_pccc.median)} ns go on a stored code: ${fmt(stored.loop.median)} ns of loop and`);
  out(`${fmt(stored.len.median - stored.loop.median)} ns of calling into C (\`len\`) are paid by any function; the rest is PyO3's argument handling, the`);
  out('`str`\'s UTF-8 bytes (on the stable ABI of CPython 3.9, `PyUnicode_AsUTF8String`: a copy into a new `bytes`), and the');
  out('check, whose canonical fast path (`P` and 12 ASCII digits, compared a word at a time) takes a few ns.');
  out();
  const m = py.many;
  out(`### A column of ${fmt(py.rows)} rows`);
  out();
  out('Stored codes (98.8% canonical, 1% a digit short, 0.2% lower case), as a pandas `str` column (pandas 3 keeps it in');
  out('Arrow\'s memory when pyarrow is installed: the package reads its buffers through the Arrow PyCapsule interface, with');
  out('no Python object per row), as an `object` column (read by iteration) and as a list. Each contender gives what a');
  out('pandas user would assign to a column: a boolean Series (the package\'s list wrapped in `pd.Series`), unless said.');
  out();
  out('| contender | ns per row | min–max |');
  out('| --- | ---: | ---: |');
  const many = [
    ['pandas_str_arrow', 'pandas: `s.str.strip().str.upper().str.fullmatch(r"P[0-9]{12}")`, `str` column'],
    ['pandas_str_object', 'pandas: the same, `object` column'],
    ['is_valid_many_arrow', '`pd.Series(is_valid_pccc_many(s))`, `str` column'],
    ['is_valid_many_object', '`pd.Series(is_valid_pccc_many(s))`, `object` column'],
    ['is_valid_many_arrow_list', '`is_valid_pccc_many(s)` alone (a list), `str` column'],
    ['is_valid_many_list', '`is_valid_pccc_many(values)` alone, a list of `str`'],
    ['validate_many_arrow', '`validate_pccc_many(s)` alone (results kept in Rust), `str` column'],
    ['validate_many_values', '`pd.Series(validate_pccc_many(s).values, dtype="str")`: the canonical values as a column'],
    ['is_valid_many_two_threads', '`is_valid_pccc_many` on the two halves of the `str` column in two threads (the GIL released)'],
  ];
  for (const [key, label] of many) if (m[key]) out(`| ${label} | ${fmt(m[key].median, 1)} | ${fmt(m[key].min, 1)}–${fmt(m[key].max, 1)} |`);
  out();
  out(`- \`str\` column: ${fmt(ratio(m.is_valid_many_arrow, m.pandas_str_arrow), 2)}× the pandas pipeline's time; \`object\` column: ${fmt(ratio(m.is_valid_many_object, m.pandas_str_object), 2)}×.`);
  out('- Much of the package\'s time on a `str` column is pandas making a Series of the list of booleans: the call alone is');
  out('  the "alone" row.');
  if (py.load_average !== undefined) out(`- Load average (1 min) at the end of the run: ${fmt(py.load_average, 2)}, from other work on the machine (it slows every contender alike).`);
  out();
  out(readFileSync(new URL('./python-notes.md', import.meta.url), 'utf8').trim());
  out();
}

sectionMain(import.meta.url, pythonSection, '## Python (`pccc-guard` for Python)');
