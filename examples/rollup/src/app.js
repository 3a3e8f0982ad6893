// Bundled by `rollup -c` (rollup.config.mjs: node-resolve, nothing for pccc-guard).
// Guards every input marked data-pccc / data-pccc-field; if the WebAssembly cannot load, they stay plain inputs.
import { autoEnhance } from 'pccc-guard/forms';

autoEnhance();

// What the form submitted (to this same page): a real shop's server receives it instead.
const received = new URLSearchParams(location.search);
if (received.size) document.getElementById('received').textContent = received.toString();
