// Loading in Cloudflare's workerd (and other runtimes that refuse to compile WebAssembly from bytes at run time):
// the .wasm is imported as a compiled module, which the runtime's bundler provides, and instantiated at once.
import { initSync } from './pccc_guard_raw.js';
import module from './module.wasm';

export const load = () => initSync({ module });
