// pccc-guard/schema: every field's vectors through its Standard Schema give what validateField gives, on every Node
// build (import and require); the recipient's issues carry their paths; messages follow the locale; nothing
// returns a Promise or throws for a value of the wrong type; and strict TypeScript infers input and output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

import { CODES, FIELDS } from '../../js/api/contract.js';

/** Every field's schema function, from the registry. */
const FIELD_SCHEMAS = Object.keys(FIELDS).map((name) => `${name}Schema`).join(', ');
import { vectors } from './vectors.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));
const snake = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const capital = (name) => name[0].toUpperCase() + name.slice(1);

// Each schema build with the API build it is bundled on (they share one module instance).
const BUILDS = [
  ['schema.cjs', require('../../pkg/schema.cjs'), require('../../pkg/node.cjs')],
  ['schema.node.mjs', await import('../../pkg/schema.node.mjs'), await import('../../pkg/node.mjs')],
  ['schema.js', await import('../../pkg/schema.js'), await import('../../pkg/index.js')],
];

/** validate(), checked to be synchronous. */
function validate(schema, value) {
  const std = schema['~standard'];
  assert.equal(std.version, 1);
  assert.equal(std.vendor, 'pccc-guard');
  const result = std.validate(value);
  assert.equal(typeof result?.then, 'undefined', 'no Promise');
  return result;
}

/** The issue a schema should give for a field's error. */
const issueOf = (error, path) => (path ? { ...error, path } : { ...error });

for (const [build, s, api] of BUILDS) {
  test(`${build}: shares the API's instance`, () => {
    assert.equal(s.ready, api.ready);
  });

  for (const name of Object.keys(FIELDS)) {
    test(`${build}: ${name}: every vector through ${name}Schema, fieldSchema and schemas.${name} equals validateField`, () => {
      const schemas = [
        [s[`${name}Schema`]({ locale: 'en' }), 'en'],
        [s.fieldSchema(name, { locale: 'en' }), 'en'],
        [s[`${name}Schema`](), 'ko'],
        [s.schemas[name], 'ko'],
      ];
      const seen = new Set();
      for (const v of vectors(`${snake(name)}_vectors.tsv`)) {
        for (const [schema, locale] of schemas) {
          const want = api.validateField(name, v.input, { locale });
          const got = validate(schema, v.input);
          if (want.valid) assert.deepStrictEqual(got, { value: want.value }, `line ${v.line}`);
          else assert.deepStrictEqual(got, { issues: [issueOf(want.error)] }, `line ${v.line}`);
        }
        const got = validate(s[`${name}Schema`](), v.input);
        if (got.issues) seen.add(got.issues[0].code);
        assert.equal(api[`validate${capital(name)}`](v.input).valid, !got.issues);
      }
      assert.deepStrictEqual([...seen].sort(), [...CODES[name]].sort(), 'every code seen');
    });
  }

  test(`${build}: a value of the wrong type is an invalid_type issue, never a throw`, () => {
    for (const bad of [undefined, null, 42, 0n, true, {}, [], ['P123456789012'], Symbol('x'), () => 'P123456789012', new String('P123456789012')]) {
      assert.deepStrictEqual(validate(s.schemas.pccc, bad), { issues: [{ message: '문자열이어야 합니다.', code: 'invalid_type' }] });
      assert.deepStrictEqual(validate(s.pcccSchema({ locale: 'en' }), bad), { issues: [{ message: 'Must be a string.', code: 'invalid_type' }] });
    }
    for (const bad of [undefined, null, 'P123456789012', 42, [], ['홍길동']]) {
      assert.deepStrictEqual(validate(s.recipientSchema({ locale: 'en' }), bad), { issues: [{ message: 'Must be an object.', code: 'invalid_type' }] });
    }
    // A field of the object that is not a string: an issue at its path, the other fields still checked.
    const r = validate(s.recipientSchema({ locale: 'en' }), { name: '홍길동', pccc: 123456789012, phone: null, postcode: '03154' });
    assert.deepStrictEqual(r, { issues: [
      { message: 'Must be a string.', code: 'invalid_type', path: ['pccc'] },
      { message: 'Must be a string.', code: 'invalid_type', path: ['phone'] },
    ] });
  });

  test(`${build}: the recipient's value is the canonical values; its issues carry their paths, as checkRecipient`, () => {
    const good = { name: ' 홍길동 ', pccc: 'ｐ1234 5678 9012', phone: '+82 10-1234-5678', postcode: '03154', extra: 'dropped' };
    assert.deepStrictEqual(validate(s.schemas.recipient, good), { value: { name: '홍길동', pccc: 'P123456789012', phone: '01012345678', postcode: '03154' } });
    for (const fields of [
      { ...good, pccc: 'P12345678901' },
      { name: 'Hong 길동', pccc: '900101-1234567', phone: '0504-1234-5678', postcode: '123-456' },
      { pccc: 'P123456789012' },
      {},
    ]) {
      for (const locale of ['ko', 'en']) {
        const report = api.checkRecipient(fields, { locale });
        const issues = Object.entries(report.fields).filter(([, r]) => !r.valid).map(([key, r]) => issueOf(r.error, [key]));
        assert.deepStrictEqual(validate(s.recipientSchema({ locale }), fields), { issues });
      }
    }
    assert.deepStrictEqual(validate(s.schemas.recipient, {}).issues.map((i) => [i.path, i.code]), [
      [['name'], 'empty'], [['pccc'], 'empty'], [['phone'], 'empty'], [['postcode'], 'empty'],
    ]);
  });

  test(`${build}: objectSchema for any set of fields`, () => {
    const order = s.objectSchema({ code: 'pccc', bizNo: 'businessNumber' }, { locale: 'en' });
    assert.deepStrictEqual(validate(order, { code: 'p1234-5678-9012', bizNo: '124-81-00998' }), { value: { code: 'P123456789012', bizNo: '1248100998' } });
    assert.deepStrictEqual(validate(order, { code: 'p1234-5678-9012', bizNo: '124-81-00999' }), {
      issues: [issueOf(api.validateBusinessNumber('124-81-00999', { locale: 'en' }).error, ['bizNo'])],
    });
    assert.throws(() => s.objectSchema({ code: 'email' }), RangeError);
    assert.throws(() => s.objectSchema(null), TypeError);
  });

  test(`${build}: the locale chooses the messages; a bad locale or field is refused when the schema is made`, () => {
    const en = validate(s.pcccSchema({ locale: 'en-US' }), 'P1').issues[0];
    const ko = validate(s.pcccSchema({ locale: 'ko' }), 'P1').issues[0];
    assert.equal(en.message, api.validatePccc('P1', { locale: 'en' }).error.message);
    assert.equal(ko.message, api.validatePccc('P1').error.message);
    assert.notEqual(en.message, ko.message);
    assert.equal(en.code, 'too_short');
    assert.equal(en.found, 1);
    assert.deepStrictEqual(validate(s.schemas.pccc, 'P1').issues[0], ko, 'the ready-made schemas are Korean');
    assert.throws(() => s.pcccSchema({ locale: 'fr' }), RangeError);
    assert.throws(() => s.fieldSchema('email'), RangeError);
    assert.throws(() => s.fieldSchema('toString'), RangeError);
    assert.throws(() => s.pcccSchema('en'), TypeError);
  });

  test(`${build}: an issue never quotes the input (a resident registration number)`, () => {
    for (const input of ['900101-1234567', 'P9001011234567']) {
      for (const issue of validate(s.schemas.pccc, input).issues ?? []) assert.ok(!issue.message.includes('1234567'));
    }
  });
}

test('TypeScript, strict: the schemas infer input and output and are synchronous, under bundler, node16 and nodenext', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pccc-schema-types-'));
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: join(root, 'pkg'), encoding: 'utf8' });
  execFileSync('mkdir', ['-p', join(dir, 'node_modules', 'pccc-guard')]);
  execFileSync('tar', ['-xzf', join(dir, JSON.parse(out)[0].filename), '-C', join(dir, 'node_modules', 'pccc-guard'), '--strip-components=1']);
  const USE = `
    const r = schemas.recipient['~standard'].validate({ pccc: 'P1' });
    if (r.issues) {
      const paths: ReadonlyArray<'name' | 'pccc' | 'phone' | 'postcode' | undefined> = r.issues.map((i) => i.path?.[0]);
      const codes: string[] = r.issues.map((i) => i.code);
      void paths, codes;
    } else {
      const v: { name: string; pccc: string; phone: string; postcode: string } = r.value;
      void v;
    }
    // validate is synchronous: its result is no Promise.
    const p: StandardSchemaV1.Result<string> = pcccSchema()['~standard'].validate('P1');
    const f = pcccSchema({ locale: 'en' })['~standard'].validate('P1');
    if (f.issues) {
      const code: 'empty' | 'looks_like_rrn' | 'missing_prefix' | 'invalid_prefix' | 'invalid_character' | 'too_short' | 'too_long' | 'invalid_type' = f.issues[0]!.code;
      void code;
    }
    type In = StandardSchemaV1.InferInput<typeof schemas.recipient>;
    type Out = StandardSchemaV1.InferOutput<ReturnType<typeof recipientSchema>>;
    const i: In = { pccc: 'P1' };
    const o: Out = { name: '', pccc: '', phone: '', postcode: '' };
    // @ts-expect-error: the output has every field
    const missing: Out = { pccc: '' };
    const obj = objectSchema({ code: 'pccc', bizNo: 'businessNumber' });
    const ov: StandardSchemaV1.InferOutput<typeof obj> = { code: '', bizNo: '' };
    const generic: StandardSchemaV1<string, string> = businessNumberSchema();
    // @ts-expect-error: field is a closed set
    fieldSchema('email');
    const started: Promise<void> = ready;
    void p, i, o, missing, ov, generic, started, ${FIELD_SCHEMAS};
  `;
  const ESM = `import { schemas, recipientSchema, objectSchema, fieldSchema, ready, ${FIELD_SCHEMAS} } from 'pccc-guard/schema';
import type { StandardSchemaV1 } from 'pccc-guard/schema';`;
  const CJS = `import s = require('pccc-guard/schema');
const { schemas, recipientSchema, objectSchema, fieldSchema, ready, ${FIELD_SCHEMAS} } = s;
import StandardSchemaV1 = s.StandardSchemaV1;`;
  for (const [resolution, module, type] of [
    ['bundler', 'esnext', 'module'],
    ['node16', 'node16', 'module'],
    ['node16', 'node16', 'commonjs'],
    ['nodenext', 'nodenext', 'module'],
    ['nodenext', 'nodenext', 'commonjs'],
  ]) {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type }));
    writeFileSync(join(dir, 'consumer.ts'), `${type === 'module' ? ESM : CJS}\n${USE}\nexport {};\n`);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module, moduleResolution: resolution, lib: ['ES2022', 'DOM'], skipLibCheck: false, types: [] },
      files: ['consumer.ts'],
    }));
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      assert.fail(`${resolution} ${type}:\n${e.stdout}`);
    }
  }
});

test('while the module is still loading, validate answers with a Promise that settles once it has loaded; after a failed load it throws', async () => {
  // js/api/schema.js bundled on a stand-in API whose module loads when the test says so (as where an engine refused to
  // compile it synchronously).
  const esbuild = await import('esbuild');
  const stub = `
    let loaded = false, fail, failed = false, resolve, reject;
    export const ready = new Promise((y, n) => { resolve = y; reject = n; });
    ready.catch(() => {});
    export const load = (ok) => { if (ok) { loaded = true; resolve(); } else { failed = true; reject(new Error('could not load')); } };
    export function validateField(field, input) {
      if (!loaded) throw new Error(failed ? 'could not load' : 'still loading');
      return input === 'P123456789012' ? { valid: true, value: input } : { valid: false, error: { code: 'too_short', message: 'm' } };
    }`;
  const plugin = {
    name: 'stub',
    setup(b) {
      b.onResolve({ filter: /^pccc-guard:api$/ }, () => ({ path: 'api', namespace: 'stub' }));
      b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: stub, loader: 'js' }));
    },
  };
  let fresh = 0; // each import its own module instance (the same data: URL would be the same module)
  const code = async () => {
    const out = await esbuild.build({ stdin: { contents: `export * from ${JSON.stringify(join(root, 'js', 'api', 'schema.js'))}; export { load } from 'pccc-guard:api';`, resolveDir: root, loader: 'js' }, bundle: true, format: 'esm', write: false, plugins: [plugin] });
    return import(`data:text/javascript;base64,${Buffer.from(`${out.outputFiles[0].text}\n// ${++fresh}`).toString('base64')}`);
  };
  const s = await code();
  const pending = s.schemas.pccc['~standard'].validate('P123456789012');
  assert.equal(typeof pending.then, 'function', 'a Promise while loading');
  assert.deepStrictEqual(validate(s.schemas.pccc, 42).issues[0].code, 'invalid_type', 'a wrong type needs no module');
  s.load(true);
  assert.deepStrictEqual(await pending, { value: 'P123456789012' });
  assert.deepStrictEqual(validate(s.schemas.pccc, 'P123456789012'), { value: 'P123456789012' }, 'synchronous once loaded');

  const f = await code();
  const waiting = f.schemas.recipient['~standard'].validate({});
  f.load(false);
  await assert.rejects(waiting, /could not load/);
  await new Promise((r) => setTimeout(r));
  assert.throws(() => f.schemas.pccc['~standard'].validate('P1'), /could not load/);
});
