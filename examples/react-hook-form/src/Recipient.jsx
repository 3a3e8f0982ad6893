// The recipient step of a checkout on react-hook-form, checked by pccc-guard's recipient schema through
// @hookform/resolvers' Standard Schema resolver: each field's message comes from the schema (Korean here), and
// onSubmit receives the canonical values (the code as "P123456789012", the phone number as its digits). The code's
// input uses pccc-guard/react's usePcccInput on `register`: it is normalised as it is typed, the caret kept.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { recipientSchema } from 'pccc-guard/schema';
import { usePcccInput } from 'pccc-guard/react';

const schema = recipientSchema({ locale: 'ko' });

function Field({ id, label, error, input }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? 'true' : 'false'} aria-describedby={`${id}-error`} {...input} />
      <p id={`${id}-error`} aria-live="polite">{error?.message}</p>
    </div>
  );
}

export function Recipient() {
  const { register, handleSubmit, formState: { errors } } = useForm({
    resolver: standardSchemaResolver(schema),
    defaultValues: { name: '', pccc: '', phone: '', postcode: '' },
  });
  const pccc = register('pccc');
  const pcccInput = usePcccInput(pccc);
  const [sent, setSent] = useState(null);

  // What a real checkout posts to its server; here it is shown instead.
  const onSubmit = (values) => setSent(values);

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <Field id="name" label="받는 분 이름" error={errors.name} input={{ autoComplete: 'name', ...register('name') }} />
      <Field id="pccc" label="개인통관고유부호" error={errors.pccc} input={{ ...pccc, ...pcccInput }} />
      <Field id="phone" label="휴대전화 번호" error={errors.phone} input={{ autoComplete: 'tel', ...register('phone') }} />
      <Field id="postcode" label="우편번호" error={errors.postcode} input={{ autoComplete: 'postal-code', ...register('postcode') }} />
      <button type="submit">주문하기</button>
      {sent && <pre id="sent">{JSON.stringify(sent)}</pre>}
    </form>
  );
}
