// The release check itself (scripts/release.mjs, run by `make test-release`): each of its checks must fail on what it
// is there to catch. Checked on made-up lists and outputs; the real .crate files and `npm publish --dry-run` are
// checked by `make test-release`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CRATES, CLI_CASES, checkCrateFiles, npmWarnings, packageWarnings } from '../../scripts/release.mjs';

const lib = CRATES.find((c) => c.name === 'pccc-guard');
const sources = ['src/lib.rs', 'src/pccc.rs'];
const good = ['.cargo_vcs_info.json', 'Cargo.lock', 'Cargo.toml', 'Cargo.toml.orig', 'CHANGELOG.md', 'LICENSE', 'README.md', 'build.rs', 'docs/rust.md', ...sources];

test("the library's file list: exactly its sources, its fixed files and cargo's", () => {
  assert.deepEqual(checkCrateFiles(lib, good, sources), []);
  assert.deepEqual(checkCrateFiles(lib, good.filter((f) => f !== '.cargo_vcs_info.json'), sources), [], 'the VCS file is optional');
  assert.deepEqual(checkCrateFiles(lib, good.filter((f) => f !== 'CHANGELOG.md'), sources), ['pccc-guard: CHANGELOG.md is missing']);
  assert.deepEqual(checkCrateFiles(lib, good, [...sources, 'src/new.rs']), ['pccc-guard: src/new.rs is missing']);
  assert.deepEqual(checkCrateFiles(lib, [...good, 'tests/rules.rs'], sources), ['pccc-guard: tests/rules.rs should not be shipped']);
});

test('a crate with more files than its limit fails, and says how many', () => {
  const many = Array.from({ length: lib.maxFiles }, (_, i) => `src/m${i}.rs`);
  assert.deepEqual(checkCrateFiles(lib, [...good, ...many], [...sources, ...many]), [`pccc-guard: ${good.length + many.length} files, more than ${lib.maxFiles}`]);
});

test("cargo package: the left-out tests and benchmarks are expected, any other warning is not", () => {
  const stderr = [
    '   Packaging pccc-guard v0.1.0 (/repo)',
    'warning: ignoring test `rules` as `tests/rules.rs` is not included in the published package',
    'warning: ignoring benchmark `core` as `bench/criterion/core.rs` is not included in the published package',
    'warning: manifest has no documentation, homepage or repository',
  ].join('\n');
  assert.deepEqual(packageWarnings(stderr), ['warning: manifest has no documentation, homepage or repository']);
});

test('npm publish --dry-run: only the missing credentials of a dry run are expected', () => {
  const login = 'npm warn publish This command requires you to be logged in to https://registry.npmjs.org/ (dry-run)';
  assert.deepEqual(npmWarnings(`npm notice name: pccc-guard\n${login}\n`), []);
  const fixed = 'npm warn publish npm auto-corrected some errors in your package.json when publishing.';
  assert.deepEqual(npmWarnings(`${login}\n${fixed}\n`), [fixed]);
  assert.deepEqual(npmWarnings('npm error You cannot publish over the previously published versions: 0.1.0.\n'), [
    'npm error You cannot publish over the previously published versions: 0.1.0.',
  ]);
});

test('the installed tool is run for each exit status: 0, 1 and 2', () => {
  const statuses = new Set(CLI_CASES('0.1.0').map(([, , status]) => status));
  assert.deepEqual([...statuses].sort(), [0, 1, 2]);
  assert.deepEqual(CLI_CASES('9.9.9')[0], [['--version'], '', 0, 'pccc-guard 9.9.9\n']);
});
