'use client';
// The customs code's input as a controlled React input with pccc-guard/react's usePcccInput: normalised as typed,
// the caret kept, IME compositions left alone. Rendered on the server too: the hook renders the same props there
// as in the browser, so hydration finds nothing different.
import { useEffect, useState } from 'react';
import { usePcccInput } from 'pccc-guard/react';
import { validatePccc } from 'pccc-guard';

export function PcccField() {
  const [value, setValue] = useState('');
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const input = usePcccInput({ value, onValue: setValue });
  const result = validatePccc(value);
  return (
    <div data-hydrated={hydrated ? 'true' : undefined}>
      <label htmlFor="pccc">개인통관고유부호</label>
      <input id="pccc" {...input} aria-invalid={value !== '' && !result.valid} />
      <output id="held">{value}</output>
    </div>
  );
}
