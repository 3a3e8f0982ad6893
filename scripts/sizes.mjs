// Measures the files a plain page downloads from the package's web/ folder (raw, gzip -9, brotli -q 11) and checks
// them against the size budgets. Run directly (`node scripts/sizes.mjs`, part of `make test`) it prints a table
// and exits non-zero, saying which budget and by how much, when one is exceeded; bench/report.mjs imports
// measure() for the report.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const WEB = join(ROOT, 'pkg', 'web');

/**
 * The size budgets, in bytes of gzip -9 output (1 KB = 1000 bytes, the stricter reading): each is the target and is
 * enforced. A budget only moves with a line in CHANGELOG.md saying why.
 */
export const BUDGETS = {
  wasm: 12_000,
  /**
   * A page guarding its inputs: decided at 17,600 (it was 16,000 before the business registration number, whose
   * parser, check digit, mask and messages add about 1.1 KB, the per-field API about 0.3 KB and the fallback loader
   * about 0.4 KB; CHANGELOG.md).
   */
  total: 17_600,
  /** A page whose only free text is a memo (a review, a support message): the finder's file and module alone. */
  memoOnly: 18_000,
  /** A checkout page with fields and a redacting memo: decided at 29,200 with the page budget above (CHANGELOG.md). */
  memo: 29_200,
  /** The classic script alone: the API, the forms layer, the element and the inlined WebAssembly. */
  classic: 20_000,
  /** The fields module compiled to JavaScript, which pages download only where WebAssembly cannot run. */
  jsBuild: 16_000,
};


/**
 * The files a page downloads, per kind of page: guarding its inputs (or calling the API) takes pccc-guard.js (the
 * API, the forms layer and the loader) and the .wasm; a <pccc-input> element adds pccc-input.js, which
 * pccc-guard.js fetches when the page has one. The budget's "everything a plain page downloads to guard a field"
 * is the first. The classic script is one file with all of it; where WebAssembly cannot run, either markup fetches
 * the JavaScript build instead of the .wasm.
 */
export const PAGES = {
  forms: ['pccc-guard.js', 'pccc-guard-fields.wasm'],
  element: ['pccc-guard.js', 'pccc-input.js', 'pccc-guard-fields.wasm'],
  memo: ['pccc-guard.js', 'pccc-guard-fields.wasm', 'pccc-guard-text.js', 'pccc-guard-text.wasm'],
  memoOnly: ['pccc-guard-text.js', 'pccc-guard-text.wasm'],
  /** The classic script (fields and <pccc-input> alike: it carries the element's code and the WebAssembly). */
  classic: ['pccc-guard.classic.js'],
  /** The classic script where WebAssembly cannot run: it fetches the JavaScript build next to it. */
  classicWithoutWasm: ['pccc-guard.classic.js', 'pccc-guard-fields.wasm.js'],
  /** The module where WebAssembly cannot run: the JavaScript build instead of the .wasm. */
  formsWithoutWasm: ['pccc-guard.js', 'pccc-guard-fields.wasm.js'],
  classicMemo: ['pccc-guard.classic.js', 'pccc-guard-text.js', 'pccc-guard-text.wasm'],
};

/** Every JavaScript and wasm file of the build a page may download (the imports test checks there are no others). */
export function shippedFiles(dir = WEB) {
  return readdirSync(dir).filter((f) => /\.(js|wasm)$/.test(f)).sort().map((f) => join(dir, f));
}

export function measure(dir = WEB) {
  return shippedFiles(dir).map((path) => {
    const bytes = readFileSync(path);
    return {
      file: relative(dir, path),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    };
  });
}

export function check(rows) {
  const page = (name, k) => PAGES[name].reduce((n, f) => n + (rows.find((r) => r.file === f)?.[k] ?? NaN), 0);
  const wasm = rows.find((r) => r.file === 'pccc-guard-fields.wasm')?.gzip ?? NaN;
  const total = page('forms', 'gzip');
  const memoOnly = page('memoOnly', 'gzip');
  const failures = [];
  for (const [key, files, what] of [
    ['memo', PAGES.memo, 'a page with fields and a redacting memo'],
    ['classic', PAGES.classic, 'the classic script'],
    ['jsBuild', ['pccc-guard-fields.wasm.js'], 'the JavaScript build'],
  ]) {
    const size = files.reduce((n, f) => n + (rows.find((r) => r.file === f)?.gzip ?? NaN), 0);
    if (!(size <= BUDGETS[key])) failures.push(`${files.join(' + ')} (${what}) is ${size} bytes gzipped, over the budget of ${BUDGETS[key]}`);
  }
  if (!(memoOnly <= BUDGETS.memoOnly)) {
    failures.push(`pccc-guard-text.js + its .wasm (a page whose only free text is a memo) is ${memoOnly} bytes gzipped, over the budget of ${BUDGETS.memoOnly}`);
  }
  if (!(wasm <= BUDGETS.wasm)) failures.push(`the .wasm is ${wasm} bytes gzipped, over its budget of ${BUDGETS.wasm}`);
  if (!(total <= BUDGETS.total)) {
    failures.push(`pccc-guard.js + .wasm (a page guarding its inputs) is ${total} bytes gzipped, over the budget of ${BUDGETS.total}`);
  }
  const totals = (name) => ({ raw: page(name, 'raw'), gzip: page(name, 'gzip'), brotli: page(name, 'brotli') });
  return { wasm, total, failures, pages: Object.fromEntries(Object.keys(PAGES).map((p) => [p, totals(p)])) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(WEB)) {
    console.error('pkg/web/ is missing: run `make build` first');
    process.exit(2);
  }
  const rows = measure();
  const pad = (s, n) => String(s).padStart(n);
  console.log(`${'file'.padEnd(56)}${pad('raw', 9)}${pad('gzip -9', 9)}${pad('brotli', 9)}`);
  for (const r of rows) console.log(`${r.file.padEnd(56)}${pad(r.raw, 9)}${pad(r.gzip, 9)}${pad(r.brotli, 9)}`);
  const result = check(rows);
  for (const [name, t] of Object.entries(result.pages)) {
    const label = `page: ${PAGES[name].join(' + ')}`;
    console.log(`${label.padEnd(56)}${pad(t.raw, 9)}${pad(t.gzip, 9)}${pad(t.brotli, 9)}`);
  }
  const js = rows.find((r) => r.file === 'pccc-guard-fields.wasm.js')?.gzip;
  console.log(
    `budgets (gzip -9): wasm ${result.wasm}/${BUDGETS.wasm}, forms page ${result.total}/${BUDGETS.total}, ` +
      `memo-only page ${result.pages.memoOnly.gzip}/${BUDGETS.memoOnly}, memo page ${result.pages.memo.gzip}/${BUDGETS.memo}, ` +
      `classic script ${result.pages.classic.gzip}/${BUDGETS.classic}, JavaScript build ${js}/${BUDGETS.jsBuild}`,
  );
  if (result.failures.length) {
    for (const f of result.failures) console.error(`size budget exceeded: ${f}`);
    process.exit(1);
  }
}
