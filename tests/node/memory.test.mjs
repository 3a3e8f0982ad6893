// The wasm heap must not keep growing across a million calls. This runs in its own file (node --test gives each
// file its own process) so that no earlier test has already grown the heap and hidden a leak in the slack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

// The package keeps its instance to itself; the test sees the real one by watching the package create it.
const Instance = WebAssembly.Instance;
let instance;
WebAssembly.Instance = function (module, imports) {
  return (instance = new Instance(module, imports));
};
const api = createRequire(import.meta.url)('../../pkg/node.cjs');
WebAssembly.Instance = Instance;
const heapBytes = () => instance.exports.memory.buffer.byteLength;

test('the wasm heap does not keep growing across a million calls', () => {
  const inputs = ['P123456789012', 'P1', '900101-1234567', 'x'.repeat(300), 'Ｐ１２３４ ５６７８ ９０１２', '010-1234-5678', '홍길동', '06236'];
  const round = (count) => {
    for (let i = 0; i < count; i++) {
      const s = inputs[i % inputs.length];
      switch (i % 10) {
        case 0: api.validatePccc(s, { locale: 'en' }); break;
        case 1: api.maskPccc(s, { keepStart: 2 }); break;
        case 2: api.normalizeWithCaret(s, 3); break;
        case 3: api.isValidPccc(s); break;
        case 4: assert.throws(() => api.maskPccc(s, { keepStart: 9 })); break; // refused policies must not leak either
        case 5: api.validatePhone(s); api.maskPhone(s); break;
        case 6: api.validateName(s); api.maskName(s); break;
        case 7: api.validatePostcode(s); break;
        case 8: api.checkRecipient({ name: s, pccc: s, phone: s, postcode: s }); break;
        default: assert.throws(() => api.checkRecipient({ name: 1 }), TypeError);
      }
    }
  };
  round(50_000);
  const warm = heapBytes();
  round(1_000_000);
  assert.equal(heapBytes(), warm, `wasm memory grew from ${warm} bytes`);
});
