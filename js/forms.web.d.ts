import type { EnhanceOptions, GuardHandle } from './forms-types.js';
export type { EnhanceOptions, GuardHandle, GuardApi } from './forms-types.js';
export { createGuard } from './forms-types.js';

/** Resolves once the module has loaded (to null if it could not load; fields then stay plain inputs). */
export const ready: Promise<unknown>;
/** Guards every `input[data-pccc]` and `input[data-pccc-field]` under root once the module is loaded. */
export function autoEnhance(root?: ParentNode, options?: EnhanceOptions): Promise<GuardHandle[]>;
/** Guards one input once the module is loaded; null if the module is unavailable. */
export function enhance(input: HTMLInputElement, options?: EnhanceOptions): Promise<GuardHandle | null>;
/** Registers the `<pccc-input>` form-associated custom element; resolves to false if the module is unavailable. */
export function definePcccInput(tagName?: string): Promise<boolean>;
