// Paste extraction: a code copied with its label ("개인통관고유부호: P1234 5678 9012") keeps the code alone, when the
// pasted text holds exactly one number of the field's kind (its descriptor's `paste`: the finder's kind). The
// finder (the text module) is loaded on the first paste that needs it; until it has come, the paste lands as it is
// and is replaced once it arrives.

import { raw } from './forms-dom.js';

/**
 * The paste handler of `input` (for its paste events). `kind`: the finder's kind to pull out (none: pastes land as they
 * are); `finder`: { loaded, load() } (the text API, once loaded); `invalid(text)`: whether the pasted text is not a
 * valid value as it is; `apply(value)`: puts the extracted value in the field.
 */
export function pasteExtraction(input, { kind, finder, invalid, apply }) {
  /** Applies the number of the field's kind in `pasted`, when it holds exactly one. */
  function extract(text, pasted) {
    const [found, more] = text.findSensitive(pasted, { kinds: [kind] });
    if (!found || more) return false;
    apply(pasted.slice(found.start, found.end));
    return true;
  }

  return function paste(event) {
    const pasted = event.clipboardData?.getData('text/plain');
    if (!kind || !pasted || !invalid(pasted)) return;
    if (finder.loaded) {
      if (extract(finder.loaded, pasted)) event.preventDefault();
      return;
    }
    // After the paste has landed: replace it only if nothing else changed the field in the meantime.
    setTimeout(() => {
      const landed = raw(input);
      finder.load().then((t) => raw(input) === landed && extract(t, pasted), () => {});
    });
  };
}
