// Types of pccc-guard/forms: the forms layer on the package's API.
export { ready } from './index.js';

import type { FieldName } from './index.js';

/** Which rules a guarded field uses (`data-pccc-field`; `data-pccc` alone means "pccc"). */
export type FieldKind = FieldName;

/** A display-mask policy, one per page: `data-pccc-mask="keepStart:0,keepEnd:4"` or this object. */
export interface MaskPolicy {
  /** Digits after the P left visible at the start (default 0). */
  keepStart?: number;
  /** Digits left visible at the end (default 4). */
  keepEnd?: number;
  /** One visible, non-digit character (default "*"). */
  maskChar?: string;
}

/** Options for one guarded field; each overrides the matching `data-pccc-*` attribute. */
export interface EnhanceOptions {
  /** Which rules: "pccc" (default), "phone", "postcode", "name" or "businessNumber". Also `data-pccc-field`. */
  field?: FieldKind;
  /** Message language; by default the element's `data-pccc-lang`, then the nearest `lang`, then Korean. */
  locale?: 'ko' | 'en';
  /** Show the masked form once valid and blurred (also `data-pccc-mask`). */
  mask?: MaskPolicy;
}

/** The field's current result: the canonical value, or the error the field shows. */
export type FieldResult =
  | { valid: true; value: string }
  | { valid: false; error: { code: string; message: string } };

/** A guarded field. */
export interface GuardHandle {
  /** Checks the field now and returns its result (null once the WebAssembly has stopped). */
  check(): FieldResult | null;
  /** Removes the guard, leaving the plain input as it was. */
  destroy(): void;
}

/**
 * `<pccc-input name value required disabled lang mask field placeholder>`: a form-associated custom element whose
 * value (canonical when valid) and validity reach its form through ElementInternals.
 * Events: `input`, `change`, and `pccc-validity` with `detail: { valid, code }`.
 */
export interface PcccInputElement extends HTMLElement {
  value: string;
  readonly name: string | null;
  readonly form: HTMLFormElement | null;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  checkValidity(): boolean;
  reportValidity(): boolean;
}

/** The `pccc-validity` event's detail. */
export interface PcccValidityDetail {
  valid: boolean;
  /** The error code while invalid, null when valid. */
  code: string | null;
}

/**
 * Guards every `input[data-pccc]` and `input[data-pccc-field]` under root (default: the document) once the
 * module has loaded; resolves to their handles, or to [] where the module cannot load (the fields then stay
 * plain inputs, with one console warning).
 */
export function autoEnhance(root?: ParentNode, options?: EnhanceOptions): Promise<GuardHandle[]>;
/**
 * Guards one input once the module has loaded; resolves to its handle (whose destroy() restores the plain
 * input), or null where the module cannot load. On an input that is already guarded it resolves to the same
 * handle, or, given options, to a new guard with those options.
 */
export function enhance(input: HTMLInputElement, options?: EnhanceOptions): Promise<GuardHandle | null>;
/**
 * Registers the `<pccc-input>` form-associated custom element (its code is loaded now); resolves to false where
 * the module or the browser cannot have it.
 */
export function definePcccInput(tagName?: string): Promise<boolean>;
