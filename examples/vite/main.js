// Guards every input marked data-pccc / data-pccc-field on the page. The forms layer waits for the WebAssembly
// itself; if it cannot load, the inputs stay plain and the form still submits.
import { autoEnhance } from 'pccc-guard/forms';

autoEnhance();

// What the form submitted (to this same page): a real shop's server receives it instead.
const received = new URLSearchParams(location.search);
if (received.size) document.getElementById('received').textContent = received.toString();
