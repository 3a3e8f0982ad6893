// One version for every package released from the repository (Cargo.toml's [workspace.package]), and one set of
// links: the crates, the published crates' requirement on the library, pkg/package.json (scripts/build.mjs writes it
// from the crate), CHANGELOG.md's latest release, SECURITY.md's supported versions and the versioned URLs in the
// docs. Any copy that differs fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { packages } = JSON.parse(execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1'], { cwd: root, encoding: 'utf8' }));
const lib = packages.find((p) => p.name === 'pccc-guard');
const version = lib.version;
const published = packages.filter((p) => p.publish === null);
const read = (file) => readFileSync(join(root, file), 'utf8');

test('the published crates: the library, the tool and the gateway, all at one version, with the same links', () => {
  assert.deepEqual(published.map((p) => p.name).sort(), ['pccc-guard', 'pccc-guard-cli', 'pccc-guard-gateway']);
  for (const p of published) {
    assert.equal(p.version, version, `${p.name}'s version`);
    assert.equal(p.repository, lib.repository, `${p.name}'s repository`);
    assert.equal(p.homepage, lib.homepage, `${p.name}'s homepage`);
    assert.equal(p.license, lib.license, `${p.name}'s licence`);
    assert.ok(p.documentation, `${p.name} has documentation`);
  }
  assert.match(lib.repository, /^https:\/\/github\.com\/[\w-]+\/[\w-]+$/);
});

test('an unpublished member (an example, a benchmark) has the same version or none', () => {
  for (const p of packages.filter((p) => p.publish !== null)) {
    assert.ok(p.version === version || p.version === '0.0.0', `${p.name} is at ${p.version}, not ${version}`);
  }
});

test('the published crates require exactly this version of the library', () => {
  for (const p of published.filter((p) => p !== lib)) {
    const dep = p.dependencies.find((d) => d.name === 'pccc-guard');
    assert.ok(dep, `${p.name} depends on pccc-guard`);
    assert.equal(dep.req, `^${version}`, `${p.name}'s requirement on pccc-guard`);
    assert.ok(dep.path, `${p.name} builds against the library in the repository`);
  }
});

test('pkg/package.json: the same version, licence and links', () => {
  const pkg = JSON.parse(read('pkg/package.json'));
  assert.equal(pkg.version, version);
  assert.equal(pkg.license, lib.license);
  assert.equal(pkg.homepage, lib.homepage);
  assert.deepEqual(pkg.repository, { type: 'git', url: `git+${lib.repository}.git` });
  assert.deepEqual(pkg.bugs, { url: `${lib.repository}/issues` });
});

test("CHANGELOG.md: the latest release is this version, dated, with its link", () => {
  const changelog = read('CHANGELOG.md');
  const releases = [...changelog.matchAll(/^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$/gm)];
  assert.ok(releases.length > 0, 'no release heading');
  assert.equal(releases[0][1], version, 'the first release heading');
  assert.ok(changelog.includes(`\n[${version}]: ${lib.repository}/releases/tag/v${version}\n`), 'the release link');
  assert.ok(changelog.indexOf('## [Unreleased]') < releases[0].index, 'Unreleased comes first');
});

test("SECURITY.md supports this version's release line", () => {
  const line = version.replace(/^(\d+\.\d+)\.\d+$/, '$1.x');
  assert.match(read('SECURITY.md'), new RegExp(`^\\| ${line.replaceAll('.', '\\.')} \\| yes \\|$`, 'm'));
});

test('versioned package URLs in the docs name this version', () => {
  const files = ['README.md', 'js/README.md', 'cli/README.md', 'gateway/README.md', ...readdirSync(join(root, 'docs')).map((f) => `docs/${f}`)];
  let found = 0;
  for (const file of files.filter((f) => f.endsWith('.md'))) {
    for (const [, v] of read(file).matchAll(/pccc-guard@(\d+\.\d+\.\d+)/g)) {
      found++;
      assert.equal(v, version, `${file} names pccc-guard@${v}`);
    }
  }
  assert.ok(found > 0, 'docs/plain-pages.md pins the version in its CDN URLs');
});
