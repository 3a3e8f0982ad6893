// The Python wheel's release check (scripts/release.mjs python, run by `make test-release`): each of its checks must
// fail on what it is there to catch. Checked on made-up file lists and metadata; the real wheel is checked by
// `make test-release`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WHEEL_FILES, checkWheel, checkWheelMetadata } from '../../scripts/release.mjs';

const version = '1.2.3';
const name = `pccc_guard-${version}-cp39-abi3-manylinux_2_34_x86_64.whl`;
const info = `pccc_guard-${version}.dist-info`;
const files = [
  ...WHEEL_FILES,
  'pccc_guard/_native.abi3.so',
  `${info}/METADATA`,
  `${info}/WHEEL`,
  `${info}/RECORD`,
  `${info}/licenses/LICENSE`,
  `${info}/sboms/pccc-guard-python.cyclonedx.json`,
];
const repository = 'https://github.com/pccc-guard/pccc-guard';
const good = [
  'Metadata-Version: 2.4',
  'Name: pccc-guard',
  `Version: ${version}`,
  "Requires-Dist: django>=4.2 ; extra == 'django'",
  'License-Expression: MIT',
  'Requires-Python: >=3.9',
  'Description-Content-Type: text/markdown; charset=UTF-8; variant=GFM',
  `Project-URL: Repository, ${repository}`,
  `Project-URL: Issues, ${repository}/issues`,
  '',
  '# pccc-guard for Python',
  '',
].join('\n');
const expected = { version, license: 'MIT', repository };

test("the wheel's name and files", () => {
  assert.deepEqual(checkWheel(name, files, version), []);
  assert.deepEqual(checkWheel(name.replace('cp39', 'cp311'), files, version), [`wheel: ${name.replace('cp39', 'cp311')} is not pccc_guard-${version}-cp39-abi3-<platform>.whl`]);
  assert.deepEqual(checkWheel(name, files, '1.2.4')[0], `wheel: ${name} is not pccc_guard-1.2.4-cp39-abi3-<platform>.whl`);
  assert.deepEqual(checkWheel(name, files.filter((f) => f !== 'pccc_guard/py.typed'), version), ['wheel: pccc_guard/py.typed is missing']);
  assert.deepEqual(checkWheel(name, files.filter((f) => !f.endsWith('.so')), version), ['wheel: the extension pccc_guard/_native is missing']);
  assert.deepEqual(checkWheel(name, [...files, 'tests/test_vectors.py'], version), ['wheel: tests/test_vectors.py should not be shipped']);
  assert.deepEqual(checkWheel(name, files.filter((f) => !f.endsWith('LICENSE')), version), [`wheel: ${info}/licenses/LICENSE is missing`]);
});

test("the wheel's metadata", () => {
  assert.deepEqual(checkWheelMetadata(good, expected), []);
  assert.deepEqual(checkWheelMetadata(good.replace(`Version: ${version}`, 'Version: 1.2.4'), expected), [`metadata: Version is "1.2.4", expected "${version}"`]);
  assert.deepEqual(checkWheelMetadata(good.replace('License-Expression: MIT\n', ''), expected), ['metadata: License-Expression is undefined, expected "MIT"']);
  assert.deepEqual(checkWheelMetadata(good.replace(`Repository, ${repository}`, 'Repository, https://example.org/x'), expected), [
    'metadata: Project-URL Repository is "https://example.org/x", expected https://github.com/pccc-guard/pccc-guard',
    `metadata: Project-URL Repository (https://example.org/x) is not in the repository ${repository}`,
  ]);
  assert.deepEqual(checkWheelMetadata(good.replace("Requires-Dist: django>=4.2 ; extra == 'django'", 'Requires-Dist: numpy>=2'), expected), [
    'metadata: numpy>=2 is a dependency outside an extra',
  ]);
  assert.deepEqual(checkWheelMetadata(good.replace('# pccc-guard for Python', '# something else'), expected), ['metadata: the description is not python/README.md']);
  assert.deepEqual(checkWheelMetadata(good.replace('>=3.9', '>=3.10'), expected), ['metadata: Requires-Python is ">=3.10", expected ">=3.9"']);
});
