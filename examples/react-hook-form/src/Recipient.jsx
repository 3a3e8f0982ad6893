// The recipient step of a checkout on react-hook-form, checked by pccc-guard's recipient schema through
// @hookform/resolvers' Standard Schema resolver: each field's message comes from the schema (Korean here), and
// onSubmit receives the canonical values (the code as "P123456789012", the phone number as its digits).
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { recipientSchema } from 'pccc-guard/schema';

const schema = recipientSchema({ locale: 'ko' });
const FIELDS = [
  ['name', '받는 분 이름', 'name'],
  ['pccc', '개인통관고유부호', 'off'],
  ['phone', '휴대전화 번호', 'tel'],
  ['postcode', '우편번호', 'postal-code'],
];

export function Recipient() {
  const { register, handleSubmit, formState: { errors } } = useForm({
    resolver: standardSchemaResolver(schema),
    defaultValues: { name: '', pccc: '', phone: '', postcode: '' },
  });
  const [sent, setSent] = useState(null);

  // What a real checkout posts to its server; here it is shown instead.
  const onSubmit = (values) => setSent(values);

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      {FIELDS.map(([key, label, autoComplete]) => (
        <div className="field" key={key}>
          <label htmlFor={key}>{label}</label>
          <input
            id={key}
            autoComplete={autoComplete}
            spellCheck={false}
            aria-invalid={errors[key] ? 'true' : 'false'}
            aria-describedby={`${key}-error`}
            {...register(key)}
          />
          <p id={`${key}-error`} aria-live="polite">{errors[key]?.message}</p>
        </div>
      ))}
      <button type="submit">주문하기</button>
      {sent && <pre id="sent">{JSON.stringify(sent)}</pre>}
    </form>
  );
}
