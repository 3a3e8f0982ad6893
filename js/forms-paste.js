// Paste extraction: a code copied with its label ("개인통관고유부호: P1234 5678 9012") keeps the code alone, when the
// pasted text holds exactly one number of the field's kind (its descriptor's `paste`: the finder's kind). The
// finder (the text module) is loaded on the first paste that needs it; until it has come, the paste lands as it is
// and is replaced once it arrives.

import { raw } from './forms-dom.js';

export class PasteExtraction {
  /**
   * `kind`: the finder's kind to pull out; `finder`: { loaded, load() } (the text API, once loaded); `invalid(text)`:
   * whether the pasted text is not a valid value as it is; `apply(value)`: puts the extracted value in the field.
   */
  constructor(input, { kind, finder, invalid, apply }) {
    Object.assign(this, { input, kind, finder, invalid, apply });
  }

  /** The number of the field's kind in `pasted` when it holds exactly one, applied to the field. */
  extract(text, pasted) {
    const [found, more] = text.findSensitive(pasted, { kinds: [this.kind] });
    if (!found || more) return false;
    this.apply(pasted.slice(found.start, found.end));
    return true;
  }

  /** A paste event on the input. */
  paste(event) {
    const pasted = event.clipboardData?.getData('text/plain');
    if (!this.kind || !pasted || !this.invalid(pasted)) return;
    const { finder, input } = this;
    if (finder.loaded) {
      if (this.extract(finder.loaded, pasted)) event.preventDefault();
      return;
    }
    // After the paste has landed: replace it only if nothing else changed the field in the meantime.
    setTimeout(() => {
      const landed = raw(input);
      finder.load().then((t) => raw(input) === landed && this.extract(t, pasted), () => {});
    });
  }
}
