
// pkg-web/ only: loading the module.

/** Where `init` can get the WebAssembly from: a URL or request to fetch, a response, bytes or a compiled module. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** What `initSync` can instantiate without waiting: bytes or a compiled module. */
export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Loads and instantiates the module; every other function may be called once the promise resolves. Without an
 * argument it fetches `pccc_guard_bg.wasm` from next to this file.
 *
 * @example
 * import init, { validate } from "/pkg-web/pccc_guard.js";
 * await init();
 * validate("P123456789012").valid; // true
 */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<unknown>;

/**
 * Instantiates the module from bytes or a compiled module, synchronously (workers, tests, server-side code).
 *
 * @example
 * initSync({ module: await (await fetch("/pkg-web/pccc_guard_bg.wasm")).arrayBuffer() });
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): unknown;
