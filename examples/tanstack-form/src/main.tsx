// The recipient step of a checkout on TanStack Form: each field is checked as it changes by its pccc-guard schema
// in validators.onChange (a synchronous Standard Schema: TanStack Form refuses a Promise from a sync validator), its
// message shown once the field has been left or a submit was tried; on submit the recipient schema gives the
// canonical values (the code as "P123456789012", the phone number as its digits). The code's input uses
// pccc-guard/react's usePcccInput, controlled: normalised as it is typed, the caret kept.
import { StrictMode, useState } from 'react';
import type { InputHTMLAttributes } from 'react';
import { createRoot } from 'react-dom/client';
import { useForm } from '@tanstack/react-form';
import { schemas } from 'pccc-guard/schema';
import type { StandardSchemaV1 } from 'pccc-guard/schema';
import { usePcccInput } from 'pccc-guard/react';

type Recipient = StandardSchemaV1.InferOutput<typeof schemas.recipient>;
type Key = keyof Recipient;

// Each field with its schema, typed as what the fields have in common (a string in, a string out) so that one
// <form.Field> renders them all.
const FIELDS: ReadonlyArray<[Key, string, string, StandardSchemaV1<string, string>]> = [
  ['name', '받는 분 이름', 'name', schemas.name],
  ['pccc', '개인통관고유부호', 'off', schemas.pccc],
  ['phone', '휴대전화 번호', 'tel', schemas.phone],
  ['postcode', '우편번호', 'postal-code', schemas.postcode],
];

type InputProps = InputHTMLAttributes<HTMLInputElement> & { value: string; onValue: (value: string) => void; onBlur: () => void };

/** The customs code's input: usePcccInput controlled by the form's value. */
function PcccInput({ value, onValue, onBlur, ...rest }: InputProps) {
  return <input {...rest} {...usePcccInput({ value, onValue, onBlur })} />;
}

/** Any other field's input. */
function PlainInput({ value, onValue, onBlur, ...rest }: InputProps) {
  return <input {...rest} value={value} onChange={(e) => onValue(e.target.value)} onBlur={onBlur} />;
}

function RecipientForm() {
  const [sent, setSent] = useState<Recipient | null>(null);
  const form = useForm({
    defaultValues: { name: '', pccc: '', phone: '', postcode: '' },
    onSubmit: ({ value }) => {
      // The form holds what was typed; the recipient schema gives what a real checkout posts to its server.
      const result = schemas.recipient['~standard'].validate(value);
      if (!result.issues) setSent(result.value);
    },
  });

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.handleSubmit();
      }}
    >
      {FIELDS.map(([key, label, autoComplete, schema]) => (
        <form.Field key={key} name={key} validators={{ onChange: schema }}>
          {(field) => {
            const shown = field.state.meta.isBlurred || form.state.submissionAttempts > 0;
            const message = shown ? field.state.meta.errors.map((issue) => issue?.message).join(' ') : '';
            const Input = key === 'pccc' ? PcccInput : PlainInput;
            return (
              <div className="field">
                <label htmlFor={key}>{label}</label>
                <Input
                  id={key}
                  name={field.name}
                  autoComplete={autoComplete}
                  spellCheck={false}
                  value={field.state.value}
                  onValue={field.handleChange}
                  onBlur={field.handleBlur}
                  aria-invalid={message !== ''}
                  aria-describedby={`${key}-error`}
                />
                <p id={`${key}-error`} aria-live="polite">{message}</p>
              </div>
            );
          }}
        </form.Field>
      ))}
      <button type="submit">주문하기</button>
      {sent && <pre id="sent">{JSON.stringify(sent)}</pre>}
    </form>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RecipientForm />
  </StrictMode>,
);
