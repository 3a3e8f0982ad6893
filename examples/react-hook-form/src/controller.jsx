// The customs code alone, through react-hook-form's Controller (a controlled input), checked by pccc-guard's
// pccc schema inside an object schema: usePcccInput gets the field's value and onChange.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Controller, useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { objectSchema } from 'pccc-guard/schema';
import { usePcccInput } from 'pccc-guard/react';

const schema = objectSchema({ pccc: 'pccc' }, { locale: 'ko' });

function PcccInput({ field, invalid }) {
  const input = usePcccInput({ value: field.value, onValue: field.onChange, onBlur: field.onBlur, name: field.name, ref: field.ref });
  return <input id="pccc" aria-invalid={invalid ? 'true' : 'false'} aria-describedby="pccc-error" {...input} />;
}

function CodeForm() {
  const { control, handleSubmit, formState: { errors } } = useForm({ resolver: standardSchemaResolver(schema), defaultValues: { pccc: '' } });
  const [sent, setSent] = useState(null);
  return (
    <form onSubmit={handleSubmit(setSent)} noValidate>
      <label htmlFor="pccc">개인통관고유부호</label>
      <Controller name="pccc" control={control} render={({ field }) => <PcccInput field={field} invalid={!!errors.pccc} />} />
      <p id="pccc-error" aria-live="polite">{errors.pccc?.message}</p>
      <button type="submit">확인</button>
      {sent && <pre id="sent">{JSON.stringify(sent)}</pre>}
    </form>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <CodeForm />
  </StrictMode>,
);
