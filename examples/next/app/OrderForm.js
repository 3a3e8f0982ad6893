'use client';
// The order form: plain inputs guarded by pccc-guard/forms in the browser (normalised as typed, errors after
// leaving a field, submit blocked while a field is invalid), posted to the route handler, which checks again.
import { useEffect, useRef, useState } from 'react';
import { autoEnhance } from 'pccc-guard/forms';

export function OrderForm() {
  const form = useRef(null);
  const [answer, setAnswer] = useState('');

  useEffect(() => {
    let handles = [];
    let gone = false;
    autoEnhance(form.current).then((h) => (gone ? h.forEach((x) => x.destroy()) : (handles = h)));
    return () => {
      gone = true;
      handles.forEach((h) => h.destroy());
    };
  }, []);

  async function submit(event) {
    event.preventDefault(); // only reached when every guarded field is valid
    const response = await fetch('/api/orders', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': document.documentElement.lang },
      body: JSON.stringify(Object.fromEntries(new FormData(form.current))),
    });
    const body = await response.json();
    setAnswer(response.ok ? new URLSearchParams(body.order).toString() : JSON.stringify(body));
  }

  return (
    <form ref={form} onSubmit={submit}>
      <label htmlFor="name">받는 분 이름</label>
      <input id="name" name="name" data-pccc-field="name" required autoComplete="name" />
      <label htmlFor="pccc">개인통관고유부호</label>
      <input id="pccc" name="pccc" data-pccc data-pccc-mask="keepEnd:4" required autoComplete="off" spellCheck={false} />
      <label htmlFor="phone">휴대전화 번호</label>
      <input id="phone" name="phone" data-pccc-field="phone" required autoComplete="tel-national" inputMode="tel" />
      <label htmlFor="postcode">우편번호</label>
      <input id="postcode" name="postcode" data-pccc-field="postcode" required autoComplete="postal-code" inputMode="numeric" />
      <button type="submit">주문하기</button>
      <output id="received">{answer}</output>
    </form>
  );
}
