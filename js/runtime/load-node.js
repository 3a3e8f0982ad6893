// Loading in Node (and Deno and Bun through their Node compatibility): the module's bytes are inlined as base64,
// so the package works wherever its code is bundled or copied (a Next.js route handler, a serverless function)
// without a path to a .wasm file, and synchronously: calls work as soon as the package is imported. Where Node has
// no WebAssembly (`node --jitless`), the fields module's JavaScript build, as synchronously (js/fallback-node.js).
import { initSync } from './pccc_guard_raw.js';
import { WASM } from 'pccc-guard:wasm-base64';
import { fallback } from 'pccc-guard:fallback';

export function load() {
  try {
    return initSync({ module: Buffer.from(WASM, 'base64') });
  } catch (error) {
    if (!fallback) throw error;
    return fallback(error);
  }
}
