// pccc-guard/react: usePcccInput, what an <input> for the personal customs clearance code needs in React. What is
// typed is normalised in the input itself as it is typed (full-width characters, spaces, hyphens, a lower-case p),
// with the caret kept after the same characters (also for edits in the middle); an IME composition is left alone
// until it ends. React is an optional peer dependency: only apps that import this file use it.
//
// Two ways in, one hook:
// - uncontrolled, react-hook-form's `register`: `<input {...usePcccInput(register('pccc'))} />`. The hook merges the
//   `ref` and calls the `onChange` it was given with the event, once the input holds the normalised text.
// - controlled, react-hook-form's `Controller` or TanStack Form: `usePcccInput({ value, onValue })`, `onValue`
//   receiving the normalised value (`field.onChange`, `field.handleChange`).
//
// Nothing runs while rendering or on mount (no effect, no change reported): the server and the browser render
// the same props, so there is nothing to hydrate differently. One change is reported per keystroke at most.
// Controlled, none when the normalised text is the value the form holds (a space typed); uncontrolled, the form's
// value is not known here, so only the input event some browsers (Firefox) send after a composition has ended,
// with the text already reported, is left out.
import { useCallback, useRef } from 'react';
import { normalizeWithCaret } from 'pccc-guard:api';

/** Sets a ref of any kind (a callback, an object with `current`) to `value`. */
function assign(ref, value) {
  if (typeof ref === 'function') ref(value);
  else if (ref && typeof ref === 'object') ref.current = value;
}

export function usePcccInput(options = {}) {
  const latest = useRef(options);
  latest.current = options;
  const composing = useRef(false);
  const ended = useRef(undefined); // the value reported when a composition ended, until the next event
  const userRef = options.ref;

  const ref = useCallback((el) => assign(userRef, el), [userRef]);

  /** Reports `value` (with the event that brought it) unless the form already has it. */
  const report = (value, event) => {
    const o = latest.current;
    const repeat = ended.current === value;
    ended.current = event.type === 'compositionend' ? value : undefined;
    if (repeat || value === o.value) return;
    o.onValue?.(value);
    o.onChange?.(event);
  };

  /** Normalises the input's text in place, keeping the caret, and reports it. */
  const normalizeInto = (input, event) => {
    const next = normalizeWithCaret(input.value, input.selectionStart ?? input.value.length);
    if (next.value !== input.value) {
      input.value = next.value; // before React renders it: React then finds the same value and leaves the caret be
      if (input.ownerDocument.activeElement === input) input.setSelectionRange(next.caret, next.caret);
    }
    report(next.value, event);
  };

  const props = {
    ref,
    onChange: (event) => {
      // During a composition the text is the IME's: report it as it is, and normalise once it ends.
      if (composing.current || event.nativeEvent?.isComposing) report(event.target.value, event);
      else normalizeInto(event.target, event);
    },
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: (event) => {
      composing.current = false;
      normalizeInto(event.currentTarget, event);
    },
    autoComplete: 'off',
    autoCapitalize: 'characters',
    spellCheck: false,
  };
  if (options.value !== undefined) props.value = options.value;
  if (options.name !== undefined) props.name = options.name;
  if (options.onBlur !== undefined) props.onBlur = options.onBlur;
  return props;
}
