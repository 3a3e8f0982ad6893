// Rspack's default entry (src/index.js -> dist/main.js): no configuration file, no rule for the WebAssembly.
// Guards every input marked data-pccc / data-pccc-field; if the WebAssembly cannot load, they stay plain inputs.
import { autoEnhance } from 'pccc-guard/forms';

autoEnhance();

// What the form submitted (to this same page): a real shop's server receives it instead.
const received = new URLSearchParams(location.search);
if (received.size) document.getElementById('received').textContent = received.toString();
