import type { EnhanceOptions, Guard, GuardHandle } from './forms-types.js';
export type {
  EnhanceOptions, FieldKind, FieldResult, Guard, GuardApi, GuardHandle, MaskPolicy, PcccInputElement, PcccValidityDetail,
} from './forms-types.js';
export { createGuard } from './forms-types.js';

/** Resolves once the WebAssembly has loaded, to the guard; to null if it could not load (fields stay plain inputs). */
export const ready: Promise<Guard | null>;
/** Guards every `input[data-pccc]` and `input[data-pccc-field]` under root once the module has loaded. */
export function autoEnhance(root?: ParentNode, options?: EnhanceOptions): Promise<GuardHandle[]>;
/** Guards one input once the module has loaded; null if the module is unavailable. */
export function enhance(input: HTMLInputElement, options?: EnhanceOptions): Promise<GuardHandle | null>;
/** Registers the `<pccc-input>` form-associated custom element; false if the module or the browser cannot have it. */
export function definePcccInput(tagName?: string): Promise<boolean>;

