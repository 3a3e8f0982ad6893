import { OrderForm } from './OrderForm';

export default function Page() {
  return (
    <main>
      <h1>통관 정보</h1>
      <OrderForm />
    </main>
  );
}
