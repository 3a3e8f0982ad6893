// A composable for a customs-code <input>: what is typed is normalised as it is typed (full-width characters,
// spaces, hyphens, a lower-case p) with the caret kept after the same characters, also for edits in the middle;
// an IME composition is left alone until it ends. Returns `handlers(onValue)`: the listeners to bind with v-on,
// `onValue` receiving each new value (a form library's handleChange, or a ref's setter):
//   <input :value="field.state.value" v-on="pcccInput(field.handleChange)">
import { normalizeWithCaret } from 'pccc-guard';

export function usePcccInput() {
  let composing = false;

  /** Normalises the input's text in place, the caret after the same characters, and reports the value. */
  function normalizeInto(input, onValue) {
    const next = normalizeWithCaret(input.value, input.selectionStart ?? input.value.length);
    if (next.value !== input.value) {
      input.value = next.value; // before Vue renders it: Vue then finds the same value and leaves the caret be
      if (input.ownerDocument.activeElement === input) input.setSelectionRange(next.caret, next.caret);
    }
    onValue(next.value);
  }

  return (onValue) => ({
    input(event) {
      // During a composition the text is the IME's: report it as it is, and normalise once it ends.
      if (composing || event.isComposing) onValue(event.target.value);
      else normalizeInto(event.target, onValue);
    },
    compositionstart() {
      composing = true;
    },
    compositionend(event) {
      composing = false;
      normalizeInto(event.target, onValue);
    },
  });
}
