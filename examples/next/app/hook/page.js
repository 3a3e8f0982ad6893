import { PcccField } from './PcccField';

export default function Page() {
  return (
    <main>
      <h1>통관 정보 (usePcccInput)</h1>
      <PcccField />
    </main>
  );
}
