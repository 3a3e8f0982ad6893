// A checkout step that collects the customs code. Submitting sends the canonical value; here it is shown instead.
import { useState } from 'react';
import { maskPccc, validatePccc } from 'pccc-guard';
import { PcccField } from './PcccField.jsx';

export function Checkout() {
  const [pccc, setPccc] = useState('');
  const [sent, setSent] = useState(null);

  function submit(event) {
    event.preventDefault();
    const result = validatePccc(pccc);
    if (result.valid) setSent(result.value); // what a real checkout posts to its server
    else document.getElementById('pccc').focus();
  }

  return (
    <form onSubmit={submit} noValidate>
      <PcccField id="pccc" label="개인통관고유부호" value={pccc} onChange={setPccc} />
      <button type="submit">주문하기</button>
      {sent && (
        <p>
          보낸 값: <output id="sent">{sent}</output> (화면 표시 <span id="masked">{maskPccc(sent)}</span>)
        </p>
      )}
    </form>
  );
}
