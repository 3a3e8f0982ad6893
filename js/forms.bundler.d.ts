import type { EnhanceOptions, GuardHandle } from './forms-types.js';
export type { EnhanceOptions, GuardHandle, GuardApi } from './forms-types.js';
export { createGuard } from './forms-types.js';

/** Guards every `input[data-pccc]` and `input[data-pccc-field]` under root. */
export function autoEnhance(root?: ParentNode, options?: EnhanceOptions): GuardHandle[];
/** Guards one input; the handle's destroy() restores the plain input. */
export function enhance(input: HTMLInputElement, options?: EnhanceOptions): GuardHandle;
/** Registers the `<pccc-input>` form-associated custom element. */
export function definePcccInput(tagName?: string): void;
