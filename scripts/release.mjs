// The release check (`make test-release`, part of `make test`): what crates.io and npm would receive, checked without
// publishing anything. `node scripts/release.mjs crates` checks the crates, `node scripts/release.mjs npm` runs
// `npm publish --dry-run` on pkg/; the Makefile's test-release runs both, and publint and arethetypeswrong between.
//
// The crates:
// 1. `cargo package` makes the three .crate files, in dependency order: the library, then the gateway against the
//    library's .crate, then the command-line tool against both (its `verify` uses the gateway's UNI-PASS client,
//    without the gateway's `server` feature; cargo's local registry overlay: none needs another on crates.io). Each
//    file list must be exactly what that crate ships (`checkCrateFiles`).
// 2. Each crate is then compiled from its .crate alone, unpacked in a scratch folder outside the repository, with
//    the library (and, for the tool, the gateway) patched to its own unpacked .crate:
//    - the tool installed with `cargo install --locked` (its packaged Cargo.lock, as `cargo install --locked
//      pccc-guard-cli` uses it) into a scratch root, and the installed binary run on small inputs (`CLI_CASES`);
//    - each crate's dependencies resolved again as cargo's MSRV-aware resolver does (`incompatible-rust-versions =
//      "fallback"`), then the library built with the toolchain of its `rust-version`, natively and for wasm32, with
//      its public features, and the tool and the gateway checked with the toolchain of theirs;
//    - the library's documentation built as docs.rs builds it, from its [package.metadata.docs.rs]: with nightly and
//      `--cfg docsrs` where a nightly toolchain is installed, otherwise with the stable one (same features and
//      targets, without the nightly-only labels).
//    That compiles every packaged source, so `cargo package` skips its own verification build (--no-verify): for the
//    gateway it costs about 90 s from cold (its dependencies rebuilt with the packaged crate's features and profile)
//    and would only compile the same sources again.
//
// Every build shares one target folder, target/release-check/, so a second run rebuilds only the three crates.
//
// The Python wheel (`node scripts/release.mjs python`, after `make python`): the one wheel in target/wheels/, named for
// this version on the stable ABI from CPython 3.9 (`cp39-abi3`), holding exactly the package's files; its metadata
// (the version, the licence, the repository and the other links, no dependency outside an extra); then installed with
// pip into a fresh virtual environment and imported there, as `pip install pccc-guard` would.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGET = join(ROOT, 'target', 'release-check');

/** The published crates, in dependency order: name, folder in the repository, most files it may ship. */
export const CRATES = [
  { name: 'pccc-guard', dir: '.', maxFiles: 40, files: ['build.rs', 'docs/rust.md', 'README.md', 'LICENSE', 'CHANGELOG.md'] },
  { name: 'pccc-guard-gateway', dir: 'gateway', maxFiles: 40, files: ['README.md', 'LICENSE'] },
  { name: 'pccc-guard-cli', dir: 'cli', maxFiles: 40, files: ['README.md', 'LICENSE'] },
];
/** What cargo adds to every .crate (the VCS file only when packaged from a git checkout). */
const CARGO_FILES = ['Cargo.toml', 'Cargo.toml.orig', 'Cargo.lock'];
const OPTIONAL_FILES = ['.cargo_vcs_info.json'];

/**
 * The problems with a .crate's file list: a file it must ship and does not (its Rust sources, as tracked by git, and
 * the crate's fixed files), a file it ships and must not, or more files than its limit. Empty when the list is right.
 */
export function checkCrateFiles(crate, listed, sources) {
  const expected = new Set([...sources, ...crate.files, ...CARGO_FILES]);
  const failures = [];
  for (const file of expected) if (!listed.includes(file)) failures.push(`${crate.name}: ${file} is missing`);
  for (const file of listed) {
    if (!expected.has(file) && !OPTIONAL_FILES.includes(file)) failures.push(`${crate.name}: ${file} should not be shipped`);
  }
  if (listed.length > crate.maxFiles) failures.push(`${crate.name}: ${listed.length} files, more than ${crate.maxFiles}`);
  return failures;
}

/**
 * The problems with a `cargo package` run's output: any warning but the expected one for each test, benchmark and
 * example left out of a crate (they stay in the repository).
 */
export function packageWarnings(stderr) {
  const expected = /^warning: ignoring (test|benchmark|example|binary) `[^`]+` as `[^`]+` is not included in the published package$/;
  return stderr.split('\n').filter((line) => /^warning/.test(line) && !expected.test(line));
}

/** The installed tool's answers, as `[args, stdin, status, stdout (or a test on it)]`. */
export const CLI_CASES = (version) => [
  [['--version'], '', 0, `pccc-guard ${version}\n`],
  [['check', '--field', 'pccc'], 'p1234-5678-9012\n', 0, '1\tvalid\t\tP********9012\n'],
  [['check', '--field', 'pccc'], 'P123456789012\nP12345\n', 1, '1\tvalid\t\tP********9012\n2\tinvalid\ttoo_short\t******\n'],
  [['redact'], '연락처 010-1234-5678\n', 0, '연락처 010-1234-****\n'],
  [['redact', '--check'], '연락처 010-1234-5678\n', 1, ''],
  [['check', '--no-such-flag'], '', 2, ''],
  [['check', '/nonexistent/orders.csv'], '', 2, ''],
  [['verify', '/nonexistent/orders.csv', '--output', 'checked.txt'], '', 2, ''],
];

function step(title, fn) {
  const start = Date.now();
  console.log(`release: ${title}`);
  const out = fn();
  console.log(`release: ${title}: done in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return out;
}

function run(cmd, args, { cwd = ROOT, env = {} } = {}) {
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CARGO_TARGET_DIR: TARGET, ...env } });
}

function metadata(manifest) {
  const out = execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1', '--manifest-path', manifest], { encoding: 'utf8' });
  return JSON.parse(out).packages[0];
}

function tracked(dir) {
  const prefix = dir === '.' ? '' : `${dir}/`;
  const out = execFileSync('git', ['ls-files', '--', `${prefix}src`], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\n').filter((f) => f.endsWith('.rs')).map((f) => f.slice(prefix.length));
}

function crates() {
  const failures = [];
  const version = metadata(join(ROOT, 'Cargo.toml')).version;
  const crateFile = (name) => join(ROOT, 'target', 'package', `${name}-${version}.crate`);

  step('cargo package (the library, the gateway, the tool)', () => {
    const args = ['package', '--no-verify', '--allow-dirty', ...CRATES.flatMap((c) => ['-p', c.name])];
    const result = spawnSync('cargo', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
    process.stderr.write(result.stderr.split('\n').filter((l) => !/^warning: ignoring /.test(l)).join('\n'));
    if (result.status !== 0) throw new Error('cargo package failed');
    failures.push(...packageWarnings(result.stderr));
    for (const crate of CRATES) {
      const listed = execFileSync('tar', ['-tzf', crateFile(crate.name)], { encoding: 'utf8' })
        .split('\n')
        .filter((f) => f && !f.endsWith('/'))
        .map((f) => f.slice(`${crate.name}-${version}/`.length));
      failures.push(...checkCrateFiles(crate, listed, tracked(crate.dir)));
      console.log(`release: ${crate.name}: ${listed.length} files`);
    }
  });
  if (failures.length) throw new Error(`release check failed:\n  ${failures.join('\n  ')}`);

  const scratch = mkdtempSync(join(tmpdir(), 'pccc-release-'));
  try {
    const unpacked = Object.fromEntries(CRATES.map((c) => [c.name, join(scratch, `${c.name}-${version}`)]));
    for (const crate of CRATES) execFileSync('tar', ['-xzf', crateFile(crate.name), '-C', scratch]);
    const packaged = Object.fromEntries(CRATES.map((c) => [c.name, metadata(join(unpacked[c.name], 'Cargo.toml'))]));
    // The library (and the gateway, for the tool) from its .crate, never from the repository.
    const patchOf = (name) => ['--config', `patch.crates-io.${name}.path=${JSON.stringify(unpacked[name])}`];
    const patch = patchOf('pccc-guard');
    const patches = { 'pccc-guard-gateway': patch, 'pccc-guard-cli': [...patch, ...patchOf('pccc-guard-gateway')] };

    step('cargo install --locked pccc-guard-cli from its .crate, and the installed binary run', () => {
      const root = join(scratch, 'root');
      run('cargo', ['install', ...patches['pccc-guard-cli'], '--locked', '--debug', '--path', unpacked['pccc-guard-cli'], '--root', root], { cwd: scratch });
      const bin = join(root, 'bin', 'pccc-guard');
      for (const [args, input, status, stdout] of CLI_CASES(version)) {
        const result = spawnSync(bin, args, { input, encoding: 'utf8' });
        const what = `pccc-guard ${args.join(' ')}`;
        if (result.status !== status) failures.push(`${what}: exit status ${result.status}, expected ${status} (stderr: ${result.stderr.trim()})`);
        if (stdout && result.stdout !== stdout) failures.push(`${what}: printed ${JSON.stringify(result.stdout)}, expected ${JSON.stringify(stdout)}`);
        if (status === 2 && !result.stderr.trim()) failures.push(`${what}: no error on stderr`);
      }
    });

    // Dependencies as a user of each crate's oldest supported Rust gets them.
    const resolve = (name) => {
      rmSync(join(unpacked[name], 'Cargo.lock'));
      const fallback = ['--config', 'resolver.incompatible-rust-versions="fallback"'];
      run('cargo', ['generate-lockfile', '--quiet', ...fallback, ...(patches[name] ?? [])], { cwd: unpacked[name] });
    };
    const lib = packaged['pccc-guard'];
    step(`the library with Rust ${lib.rust_version} (its rust-version), natively and for wasm32, features: serde, wasm`, () => {
      resolve('pccc-guard');
      const toolchain = `+${lib.rust_version}`;
      run('cargo', [toolchain, 'build', '--locked', '--features', 'serde'], { cwd: unpacked['pccc-guard'] });
      run('cargo', [toolchain, 'build', '--locked', '--features', 'serde', '--target', 'wasm32-unknown-unknown'], { cwd: unpacked['pccc-guard'] });
    });
    for (const name of ['pccc-guard-gateway', 'pccc-guard-cli']) {
      const rust = packaged[name].rust_version;
      step(`${name} with Rust ${rust} (its rust-version)`, () => {
        resolve(name);
        run('cargo', [`+${rust}`, 'check', ...patches[name], '--locked', '--bins'], { cwd: unpacked[name] });
      });
    }

    const docs = lib.metadata.docs.rs;
    const nightly = /^nightly-/m.test(execFileSync('rustup', ['toolchain', 'list'], { encoding: 'utf8' }));
    step(`the library's documentation as docs.rs builds it (${nightly ? 'nightly, --cfg docsrs' : 'stable: no nightly toolchain installed'})`, () => {
      for (const target of docs.targets) {
        const flags = [...(nightly ? docs['rustdoc-args'] : []), '-D', 'warnings'].join(' ');
        const args = [...(nightly ? ['+nightly'] : []), 'doc', '--no-deps', '--locked', '--features', docs.features.join(','), '--target', target];
        run('cargo', args, { cwd: unpacked['pccc-guard'], env: { RUSTDOCFLAGS: flags } });
        const page = readFileSync(join(TARGET, target, 'doc', 'pccc_guard', 'struct.Localized.html'), 'utf8');
        if (nightly && !page.includes('crate feature <code>serde</code>')) failures.push(`docs (${target}): Localized is not labelled with its feature`);
      }
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (failures.length) throw new Error(`release check failed:\n  ${failures.join('\n  ')}`);
  console.log('release: the crates are ready to publish');
}

/**
 * The problems with `npm publish --dry-run`'s stderr: every warning and error but the one any dry run without npm
 * credentials gives (this check never has any, by design).
 */
export function npmWarnings(stderr) {
  const expected = /^npm warn publish This command requires you to be logged in to \S+ \(dry-run\)$/;
  return stderr.split('\n').filter((line) => /^npm (warn|error)/i.test(line) && !expected.test(line));
}

function npm() {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'pkg', 'package.json'), 'utf8'));
  // Run in pkg/ itself: `npm publish pkg` would read `pkg` as the name of a package on the registry.
  const result = spawnSync('npm', ['publish', '--dry-run'], { cwd: join(ROOT, 'pkg'), encoding: 'utf8' });
  process.stderr.write(result.stderr);
  const failures = npmWarnings(result.stderr);
  if (result.status !== 0) failures.push(`npm publish --dry-run exited with ${result.status}`);
  if (!result.stdout.includes(`+ pccc-guard@${version}`)) failures.push(`npm publish --dry-run did not end with + pccc-guard@${version}`);
  if (failures.length) throw new Error(`npm publish --dry-run:\n  ${failures.join('\n  ')}`);
  console.log(`release: npm publish --dry-run: pccc-guard@${version}, no warning but the missing credentials`);
}

/** The files of the wheel: the package's, the extension, and what maturin writes into every wheel's .dist-info. */
export const WHEEL_FILES = [
  'pccc_guard/__init__.py',
  'pccc_guard/_django.py',
  'pccc_guard/_fields.py',
  'pccc_guard/_fields.pyi',
  'pccc_guard/_native.pyi',
  'pccc_guard/_pydantic.py',
  'pccc_guard/django.py',
  'pccc_guard/py.typed',
  'pccc_guard/pydantic.py',
];
const DIST_INFO_FILES = ['METADATA', 'WHEEL', 'RECORD', 'licenses/LICENSE'];

/**
 * The problems with a wheel's name and file list (paths inside the zip): another name than this version's abi3
 * wheel for CPython 3.9 and later, a file missing, or a file that should not be there (the SBOM maturin writes is
 * expected). Empty when they are right.
 */
export function checkWheel(name, listed, version) {
  const failures = [];
  if (!new RegExp(`^pccc_guard-${version.replaceAll('.', '\\.')}-cp39-abi3-[a-z0-9_]+\\.whl$`).test(name)) {
    failures.push(`wheel: ${name} is not pccc_guard-${version}-cp39-abi3-<platform>.whl`);
  }
  const info = `pccc_guard-${version}.dist-info/`;
  const extension = /^pccc_guard\/_native\.(abi3\.so|pyd)$/;
  const expected = [...WHEEL_FILES, ...DIST_INFO_FILES.map((f) => info + f)];
  for (const file of expected) if (!listed.includes(file)) failures.push(`wheel: ${file} is missing`);
  if (!listed.some((f) => extension.test(f))) failures.push('wheel: the extension pccc_guard/_native is missing');
  for (const file of listed) {
    const sbom = file.startsWith(`${info}sboms/`) && file.endsWith('.cyclonedx.json');
    if (!expected.includes(file) && !extension.test(file) && !sbom) failures.push(`wheel: ${file} should not be shipped`);
  }
  return failures;
}

/**
 * The problems with a wheel's METADATA: another name or version, a licence or repository other than the workspace's,
 * another Python floor, a dependency outside an extra, no README as its description. Empty when it is right.
 */
export function checkWheelMetadata(text, { version, license, repository }) {
  const [head, description = ''] = text.split(/\r?\n\r?\n/, 2);
  const fields = head.split(/\r?\n/).map((line) => line.split(/: (.*)/s)).filter((pair) => pair.length > 1);
  const all = (key) => fields.filter(([k]) => k === key).map(([, v]) => v);
  const one = (key) => all(key)[0];
  const failures = [];
  const expect = (key, want) => {
    if (one(key) !== want) failures.push(`metadata: ${key} is ${JSON.stringify(one(key))}, expected ${JSON.stringify(want)}`);
  };
  expect('Name', 'pccc-guard');
  expect('Version', version);
  expect('License-Expression', license);
  expect('Requires-Python', '>=3.9');
  const urls = Object.fromEntries(all('Project-URL').map((u) => u.split(', ')));
  if (urls.Repository !== repository) failures.push(`metadata: Project-URL Repository is ${JSON.stringify(urls.Repository)}, expected ${repository}`);
  for (const [key, url] of Object.entries(urls)) {
    if (!url.startsWith(repository)) failures.push(`metadata: Project-URL ${key} (${url}) is not in the repository ${repository}`);
  }
  for (const dependency of all('Requires-Dist')) {
    if (!/; extra == '/.test(dependency)) failures.push(`metadata: ${dependency} is a dependency outside an extra`);
  }
  if (!/^text\/markdown/.test(one('Description-Content-Type') ?? '')) failures.push('metadata: the description is not Markdown');
  if (!description.startsWith('# pccc-guard for Python')) failures.push('metadata: the description is not python/README.md');
  return failures;
}

function python() {
  const lib = metadata(join(ROOT, 'Cargo.toml'));
  const { version, license, repository } = lib;
  const dir = join(ROOT, 'target', 'wheels');
  const wheels = readdirSync(dir).filter((f) => /^pccc_guard-.*\.whl$/.test(f));
  if (wheels.length !== 1) throw new Error(`release: expected one wheel in target/wheels/ (make python), found ${wheels.length}`);
  const wheel = join(dir, wheels[0]);
  const failures = [];
  step(`the wheel's files and metadata (${wheels[0]})`, () => {
    const read = `import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
info = [n for n in z.namelist() if n.endswith('.dist-info/METADATA')]
print(json.dumps({"files": z.namelist(), "metadata": z.read(info[0]).decode() if info else ""}))`;
    const { files, metadata: text } = JSON.parse(execFileSync('python3', ['-c', read, wheel], { encoding: 'utf8' }));
    failures.push(...checkWheel(wheels[0], files, version), ...checkWheelMetadata(text, { version, license, repository }));
  });
  if (failures.length) throw new Error(`release check failed:\n  ${failures.join('\n  ')}`);
  const scratch = mkdtempSync(join(tmpdir(), 'pccc-wheel-'));
  try {
    step('pip install of the wheel into a fresh virtual environment, and the package imported and used there', () => {
      const venv = join(scratch, 'venv');
      execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
      const python = join(venv, 'bin', 'python');
      execFileSync(python, ['-m', 'pip', 'install', '--quiet', '--no-index', '--disable-pip-version-check', wheel], { stdio: 'inherit' });
      const use = `import json, pccc_guard
from importlib import metadata
print(json.dumps({"version": pccc_guard.__version__, "installed": metadata.version("pccc-guard"),
  "value": pccc_guard.validate_pccc("ｐ1234 5678 9012").value, "masked": pccc_guard.mask_pccc("P123456789012"),
  "file": pccc_guard.__file__}))`;
      const got = JSON.parse(execFileSync(python, ['-c', use], { cwd: scratch, encoding: 'utf8' }));
      const want = { version, installed: version, value: 'P123456789012', masked: 'P********9012' };
      for (const [key, value] of Object.entries(want)) {
        if (got[key] !== value) failures.push(`installed wheel: ${key} is ${JSON.stringify(got[key])}, expected ${JSON.stringify(value)}`);
      }
      if (!got.file.startsWith(venv)) failures.push(`installed wheel: pccc_guard was imported from ${got.file}, not the environment`);
      execFileSync(python, ['-m', 'pip', 'check', '--disable-pip-version-check'], { stdio: 'inherit' });
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (failures.length) throw new Error(`release check failed:\n  ${failures.join('\n  ')}`);
  console.log(`release: the wheel is ready to publish (pccc-guard ${version})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const what = process.argv[2];
  if (what === 'crates') {
    mkdirSync(TARGET, { recursive: true });
    crates();
  } else if (what === 'npm') {
    npm();
  } else if (what === 'python') {
    python();
  } else {
    throw new Error('usage: node scripts/release.mjs crates|npm|python');
  }
}
