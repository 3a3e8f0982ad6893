// The size check itself (scripts/sizes.mjs, run by `make test`): it must fail over a budget and say which and by
// how much. Checked on made-up measurements; the real build's sizes are checked by `make test`'s test-size step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, measure, BUDGETS, PAGES } from '../../scripts/sizes.mjs';

const row = (file, gzip) => ({ file, raw: gzip * 2, gzip, brotli: gzip - 1 });
const rows = (wasm, forms, text = 7000) => [
  row('pccc-guard.js', forms),
  row('pccc-input.js', 800),
  row('pccc-guard-fields.wasm', wasm),
  row('pccc-guard-text.js', 3000),
  row('pccc-guard-text.wasm', text),
  row('pccc-guard.classic.js', 17_000),
  row('pccc-guard-fields.wasm.js', 13_000),
];

test('within the budgets: no failures, and the forms page is pccc-guard.js + .wasm', () => {
  const result = check(rows(BUDGETS.wasm, BUDGETS.total - BUDGETS.wasm));
  assert.deepEqual(result.failures, []);
  assert.equal(result.total, BUDGETS.total);
  assert.deepEqual(PAGES.forms, ['pccc-guard.js', 'pccc-guard-fields.wasm']);
});

test('one byte over either budget fails with the size and the budget in the message', () => {
  const wasm = check(rows(BUDGETS.wasm + 1, 100));
  assert.equal(wasm.failures.length, 1);
  assert.match(wasm.failures[0], new RegExp(`\\.wasm is ${BUDGETS.wasm + 1} bytes .* budget of ${BUDGETS.wasm}`));
  const page = check(rows(1000, BUDGETS.total - 1000 + 1));
  assert.equal(page.failures.length, 1);
  assert.match(page.failures[0], new RegExp(`pccc-guard\\.js \\+ \\.wasm .* is ${BUDGETS.total + 1} bytes .* budget of ${BUDGETS.total}`));
  const memoOnly = check(rows(1000, 1000, BUDGETS.memoOnly - 3000 + 1));
  assert.equal(memoOnly.failures.length, 1);
  assert.match(memoOnly.failures[0], new RegExp(`pccc-guard-text\\.js \\+ its \\.wasm .* is ${BUDGETS.memoOnly + 1} bytes .* budget of ${BUDGETS.memoOnly}`));
  assert.deepEqual(check(rows(1000, 1000, BUDGETS.memoOnly - 3000)).failures, []);
});

test('the classic script, the JavaScript build and the memo page have budgets of their own', () => {
  const over = (file, gzip) => check(rows(1000, 1000).map((r) => (r.file === file ? row(file, gzip) : r))).failures;
  assert.deepEqual(over('pccc-guard.classic.js', BUDGETS.classic), []);
  assert.match(over('pccc-guard.classic.js', BUDGETS.classic + 1)[0], new RegExp(`classic script\\) is ${BUDGETS.classic + 1} bytes .* budget of ${BUDGETS.classic}`));
  assert.match(over('pccc-guard-fields.wasm.js', BUDGETS.jsBuild + 1)[0], new RegExp(`JavaScript build\\) is ${BUDGETS.jsBuild + 1} bytes .* budget of ${BUDGETS.jsBuild}`));
  const memo = check(rows(1000, 1000, BUDGETS.memo - 5000 + 1).map((r) => (r.file === 'pccc-guard-text.wasm' ? row(r.file, BUDGETS.memo - 5000 + 1) : r)));
  assert.ok(memo.failures.some((f) => new RegExp(`redacting memo\\) is ${BUDGETS.memo + 1} bytes`).test(f)), memo.failures.join('\n'));
});

test('a missing file is a failure, not a pass', () => {
  const result = check(rows(5000, 4000).filter((r) => r.file !== 'pccc-guard.js'));
  assert.equal(result.failures.length, 2, 'the forms page and the memo page both lack it');
});

test('the built pkg/web/ is measured file by file in raw, gzip and brotli', () => {
  const measured = measure();
  assert.deepEqual(measured.map((r) => r.file), [
    'pccc-guard-fields.wasm', 'pccc-guard-fields.wasm.js', 'pccc-guard-text.js', 'pccc-guard-text.wasm', 'pccc-guard.classic.js',
    'pccc-guard.js', 'pccc-input.js',
  ]);
  for (const r of measured) assert.ok(r.raw > r.gzip && r.gzip > 0 && r.brotli > 0, r.file);
});
