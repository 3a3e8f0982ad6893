import type { EnhanceOptions, GuardHandle } from './forms-types.js';
export type {
  EnhanceOptions, FieldKind, FieldResult, Guard, GuardApi, GuardHandle, MaskPolicy, PcccInputElement, PcccValidityDetail,
} from './forms-types.js';
export { createGuard } from './forms-types.js';

/** Guards every `input[data-pccc]` and `input[data-pccc-field]` under root (default: the document). */
export function autoEnhance(root?: ParentNode, options?: EnhanceOptions): GuardHandle[];
/** Guards one input; the handle's destroy() restores the plain input. */
export function enhance(input: HTMLInputElement, options?: EnhanceOptions): GuardHandle;
/** Registers the `<pccc-input>` form-associated custom element; false where the browser cannot have it. */
export function definePcccInput(tagName?: string): boolean;
