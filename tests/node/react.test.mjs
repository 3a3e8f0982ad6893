// pccc-guard/react's usePcccInput, driven event by event in Node: nothing reported on mount, at most one change
// per keystroke, the text normalised in the input with the caret kept, IME compositions left alone until they end,
// both ways in (uncontrolled with an onChange that reads the event, as react-hook-form's register; controlled with
// value and onValue), and props that need no DOM to render (server rendering). The package is installed from the
// packed tarball next to a stand-in for React's two hooks the file uses (useRef, useCallback, kept per component
// instance as React keeps them); the browser tests of examples/react-hook-form and examples/tanstack-form use it
// with the real React.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pccc-react-'));
const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: join(root, 'pkg'), encoding: 'utf8' });
mkdirSync(join(dir, 'node_modules', 'pccc-guard'), { recursive: true });
execFileSync('tar', ['-xzf', join(dir, JSON.parse(out)[0].filename), '-C', join(dir, 'node_modules', 'pccc-guard'), '--strip-components=1']);
// The stand-in: one component instance at a time, its hooks in call order, as React keeps them.
mkdirSync(join(dir, 'node_modules', 'react'));
writeFileSync(join(dir, 'node_modules', 'react', 'package.json'), JSON.stringify({ name: 'react', version: '19.0.0', main: 'index.js' }));
writeFileSync(join(dir, 'node_modules', 'react', 'index.js'), `
let slots, i;
exports.__render = (instance, fn) => { slots = instance; i = 0; return fn(); };
exports.useRef = (initial) => (slots[i] ??= { current: initial }, slots[i++]);
exports.useCallback = (fn, deps) => {
  const s = slots[i++];
  if (s && s.deps.length === deps.length && s.deps.every((d, k) => Object.is(d, deps[k]))) return s.fn;
  slots[i - 1] = { fn, deps };
  return fn;
};`);
writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));

const requireHere = createRequire(join(dir, 'index.js'));
const React = requireHere('react');
const builds = [
  ['react.node.mjs (import)', await import(pathToFileURL(join(dir, 'node_modules', 'pccc-guard', 'react.node.mjs')).href)],
  ['react.cjs (require)', requireHere('pccc-guard/react')],
];

/** A stand-in <input>: value, selection, focus. */
function input(value = '') {
  const doc = { activeElement: null };
  const el = {
    value, selectionStart: value.length, selectionEnd: value.length, name: 'pccc', ownerDocument: doc,
    setSelectionRange(a, b) { this.selectionStart = a; this.selectionEnd = b; },
    /** Types `text` at the caret, as the browser does before the input event. */
    type(text) {
      this.value = this.value.slice(0, this.selectionStart) + text + this.value.slice(this.selectionEnd);
      this.selectionStart = this.selectionEnd = this.selectionStart + text.length;
    },
  };
  doc.activeElement = el;
  return el;
}
const change = (el, isComposing = false) => ({ type: 'change', target: el, currentTarget: el, nativeEvent: { isComposing } });
const composition = (el, type) => ({ type, target: el, currentTarget: el, nativeEvent: {} });

for (const [build, { usePcccInput }] of builds) {
  test(`${build}: controlled: nothing on mount, one change per keystroke, normalised with the caret kept`, () => {
    const instance = [];
    const changes = [];
    let value = '';
    const render = () => React.__render(instance, () => usePcccInput({ value, onValue: (v) => { changes.push(v); value = v; } }));
    let props = render();
    assert.deepEqual(changes, [], 'nothing on mount');
    assert.equal(props.value, '');
    const el = input();
    props.ref(el);
    for (const key of ['ｐ', '1', ' ', '2', '-', '3']) {
      el.type(key);
      props.onChange(change(el));
      props = render();
    }
    assert.deepEqual(changes, ['P', 'P1', 'P12', 'P123'], 'one change per keystroke that changed the value; none for a space or a hyphen');
    assert.equal(el.value, 'P123');
    // An edit in the middle: the caret stays after the typed character.
    el.setSelectionRange(2, 2);
    el.type('９');
    props.onChange(change(el));
    assert.equal(el.value, 'P1923');
    assert.deepEqual([el.selectionStart, el.selectionEnd], [3, 3]);
    assert.deepEqual(changes.at(-1), 'P1923');
  });

  test(`${build}: an IME composition is reported as it is and normalised once, when it ends`, () => {
    const instance = [];
    const changes = [];
    let value = '';
    const render = () => React.__render(instance, () => usePcccInput({ value, onValue: (v) => { changes.push(v); value = v; } }));
    let props = render();
    const el = input();
    props.onCompositionStart(composition(el, 'compositionstart'));
    el.type('p');
    props.onChange(change(el, true));
    props = render();
    el.type(' 1');
    props.onChange(change(el, true));
    props = render();
    assert.equal(el.value, 'p 1', 'untouched while composing');
    props.onCompositionEnd(composition(el, 'compositionend'));
    props = render();
    assert.equal(el.value, 'P1');
    assert.deepEqual([el.selectionStart, el.selectionEnd], [2, 2]);
    // Firefox sends one more input event after compositionend: the same value, so no second change.
    props.onChange(change(el));
    assert.deepEqual(changes, ['p', 'p 1', 'P1']);
  });

  test(`${build}: uncontrolled (react-hook-form's register): the given onChange gets the event once the input is normal, the ref is merged`, () => {
    const instance = [];
    const events = [];
    const refs = [];
    const reg = { name: 'pccc', onChange: (e) => events.push([e.type, e.target.value]), onBlur: () => {}, ref: (el) => refs.push(el) };
    let props = React.__render(instance, () => usePcccInput(reg));
    assert.equal('value' in props, false, 'uncontrolled: no value prop');
    assert.equal(props.name, 'pccc');
    assert.equal(props.onBlur, reg.onBlur);
    const el = input();
    props.ref(el);
    assert.deepEqual(refs, [el]);
    el.type('p1234-5678-9012');
    props.onChange(change(el));
    el.type(' ');
    props = React.__render(instance, () => usePcccInput(reg));
    props.onChange(change(el));
    assert.deepEqual(events, [['change', 'P123456789012'], ['change', 'P123456789012']], 'one change per keystroke');
    // A composition, then Firefox's extra input event with the same text: one change for it.
    props.onCompositionStart(composition(el, 'compositionstart'));
    el.type('ｐ');
    props.onChange(change(el, true));
    props.onCompositionEnd(composition(el, 'compositionend'));
    props.onChange(change(el));
    assert.deepEqual(events.slice(2), [['change', 'P123456789012ｐ'], ['compositionend', 'P123456789012P']]);
    assert.equal(React.__render(instance, () => usePcccInput(reg)).ref, props.ref, 'the same ref while register\'s is the same');
  });

  test(`${build}: renders without a DOM (server rendering), the same props every time, nothing called`, () => {
    assert.equal(typeof globalThis.document, 'undefined');
    const calls = [];
    const options = { value: 'P1', onValue: () => calls.push('onValue'), onChange: () => calls.push('onChange'), name: 'pccc' };
    const a = React.__render([], () => usePcccInput(options));
    const b = React.__render([], () => usePcccInput(options));
    const data = (p) => Object.fromEntries(Object.entries(p).filter(([, v]) => typeof v !== 'function'));
    assert.deepEqual(data(a), { value: 'P1', name: 'pccc', autoComplete: 'off', autoCapitalize: 'characters', spellCheck: false });
    assert.deepEqual(data(a), data(b));
    assert.deepEqual(calls, []);
  });
}
