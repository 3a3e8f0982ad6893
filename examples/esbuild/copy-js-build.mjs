// pccc-guard's JavaScript build, next to the bundle: what the page fetches only where WebAssembly cannot run (a
// Content-Security-Policy without 'wasm-unsafe-eval', iOS Lockdown Mode). esbuild does not emit the files that code
// refers to with `new URL('./file', import.meta.url)`, so the build copies it; without it such pages stay unguarded
// (plain working inputs) instead.
import { copyFileSync } from 'node:fs';

copyFileSync('node_modules/pccc-guard/pccc-guard-fields.wasm.js', 'dist/pccc-guard-fields.wasm.js');
