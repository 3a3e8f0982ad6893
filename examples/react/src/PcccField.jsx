// A controlled input for the personal customs clearance code: what is typed is normalised as it is typed
// (full-width characters, spaces, hyphens, a lower-case p), with the caret kept after the same characters, and
// never during an IME composition; the error shows once the field has been left. pccc-guard works as soon as it
// is imported in a bundled app, so the component can call it while rendering.
import { useLayoutEffect, useRef, useState } from 'react';
import { normalizeWithCaret, validatePccc } from 'pccc-guard';

export function PcccField({ id, label, value, onChange, locale = 'ko' }) {
  const input = useRef(null);
  const caret = useRef(null); // where the caret goes after the render that shows a normalised value
  const [left, setLeft] = useState(false);

  useLayoutEffect(() => {
    if (caret.current !== null && input.current === document.activeElement) {
      input.current.setSelectionRange(caret.current, caret.current);
    }
    caret.current = null;
  });

  const normalizeInto = (el) => {
    const next = normalizeWithCaret(el.value, el.selectionStart ?? el.value.length);
    caret.current = next.caret;
    onChange(next.value);
  };

  const result = validatePccc(value, { locale });
  const error = left && !result.valid && result.error.code !== 'empty' ? result.error.message : '';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={input}
        value={value}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error !== ''}
        aria-describedby={`${id}-error`}
        // During a composition the text is the IME's: keep it as it is, and normalise once it ends.
        onChange={(e) => (e.nativeEvent.isComposing ? onChange(e.target.value) : normalizeInto(e.target))}
        onCompositionEnd={(e) => normalizeInto(e.currentTarget)}
        onBlur={() => setLeft(true)}
      />
      <p id={`${id}-error`} aria-live="polite">{error}</p>
    </div>
  );
}
