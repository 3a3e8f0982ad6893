// Every field alike, through the one descriptor generated from Rust (js/api/contract.js): each field's vectors
// (tests/data/<field>_vectors.tsv) through its named function, validateField and its isValid function, on every
// Node build; the display form where the descriptor says there is one; the shared language-tag vectors through the
// API and the rule the forms layer and the memo guard use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { CODES, FIELDS } from '../../js/api/contract.js';
import { localeOf, pageLocale } from '../../js/api/locale.js';
import { BUILDS } from './builds.mjs';
import { vectors } from './vectors.mjs';

const capital = (name) => name[0].toUpperCase() + name.slice(1);
const snake = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

for (const [build, api] of BUILDS) {
  for (const [name, field] of Object.entries(FIELDS)) {
    test(`${build}: ${name}: every vector through validate${capital(name)}, validateField and isValid${capital(name)}`, () => {
      const seen = new Set();
      for (const v of vectors(`${snake(name)}_vectors.tsv`)) {
        const got = api[`validate${capital(name)}`](v.input, { locale: 'en' });
        assert.deepStrictEqual(api.validateField(name, v.input, { locale: 'en' }), got, `line ${v.line}`);
        assert.equal(api[`isValid${capital(name)}`](v.input), got.valid, `line ${v.line}`);
        assert.equal(api.isValidField(name, v.input), got.valid, `line ${v.line}`);
        if (got.valid) {
          assert.equal(`valid:${got.value}`, v.expected, `line ${v.line} (${v.why})`);
          assert.equal('display' in got, !!field.display, `line ${v.line}: display`);
        } else {
          assert.equal(got.error.code, v.expected, `line ${v.line} (${v.why})`);
          assert.ok(CODES[name].includes(got.error.code));
          seen.add(got.error.code);
        }
      }
      assert.deepStrictEqual([...seen].sort(), [...CODES[name]].sort(), 'a vector for every code');
    });
  }

  test(`${build}: a business registration number end to end`, () => {
    assert.deepStrictEqual(api.validateBusinessNumber('１２４－８１－００９９８'), { valid: true, value: '1248100998', display: '124-81-00998' });
    assert.equal(api.validateBusinessNumber('124-81-00999').error.code, 'invalid_check_digit');
    assert.equal(api.maskBusinessNumber('1248100998'), '124-81-*****');
    assert.equal(api.maskBusinessNumber('1248100998', { keepStart: 0, keepEnd: 3, maskChar: '•' }), '•••-••-••998');
    assert.equal(api.maskField('businessNumber', '1248100998'), '124-81-*****');
    assert.throws(() => api.maskBusinessNumber('1248100998', { keepStart: 5, keepEnd: 3 }), (e) => e.code === 'mask_reveals_too_much');
    assert.throws(() => api.maskField('postcode', '03154'), RangeError);
    assert.throws(() => api.validateField('business_number', '1'), RangeError);
    assert.throws(() => api.validateField('toString', '1'), RangeError);
  });

  test(`${build}: the shared language-tag vectors through the API`, () => {
    const { tags } = JSON.parse(readFileSync(new URL('../data/locale_tags.json', import.meta.url), 'utf8'));
    const en = api.validatePccc('P1', { locale: 'en' }).error.message;
    const ko = api.validatePccc('P1', { locale: 'ko' }).error.message;
    for (const [tag, want] of tags) {
      if (want === null) assert.throws(() => api.validatePccc('P1', { locale: tag }), RangeError, tag);
      else assert.equal(api.validatePccc('P1', { locale: tag }).error.message, want === 'en' ? en : ko, tag);
    }
    assert.equal(api.validatePccc('P1', { locale: undefined }).error.message, ko);
  });
}

test('the language-tag rule of the forms layer and the memo guard follows the shared vectors', () => {
  const { tags } = JSON.parse(readFileSync(new URL('../data/locale_tags.json', import.meta.url), 'utf8'));
  const element = (lang) => ({ closest: () => (lang === undefined ? null : { lang }) });
  for (const [tag, want] of tags) {
    assert.equal(localeOf(tag) ?? null, want, tag);
    // An explicit tag (option, data-pccc-lang) or the page's lang attribute; no locale means Korean.
    assert.equal(pageLocale(tag, element('en')), want ?? 'ko', tag);
    assert.equal(pageLocale(undefined, element(tag)), want ?? 'ko', tag);
  }
  assert.equal(pageLocale(undefined, element(undefined)), 'ko');
  // Both guards take their language from this rule alone.
  for (const file of ['forms-core.js', 'memo.js']) {
    const src = readFileSync(new URL(`../../js/surfaces/${file}`, import.meta.url), 'utf8');
    assert.match(src, /import \{ [^}]*pageLocale[^}]*\} from '\.\.\/api\/locale\.js';/, file);
    assert.doesNotMatch(src, /\/\^en\\b\/i/, `${file}: a second copy of the rule`);
  }
});
