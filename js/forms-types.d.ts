/** Which rules a guarded field uses (`data-pccc-field`; `data-pccc` alone means "pccc"). */
export type FieldKind = 'pccc' | 'phone' | 'postcode' | 'name';

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
  /** Which rules: "pccc" (default), "phone", "postcode" or "name". Also `data-pccc-field`. */
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

/** The functions the guard calls: the package's own exports (pass the module namespace), or stand-ins in tests. */
export interface GuardApi {
  validate(input: string, options?: { locale?: string }): FieldResult;
  normalizeWithCaret(value: string, caret: number): { value: string; caret: number };
  mask?(input: string, policy?: MaskPolicy): string;
  validatePhone?(input: string, options?: { locale?: string }): FieldResult;
  maskPhone?(input: string, policy?: MaskPolicy): string;
  validatePostcode?(input: string, options?: { locale?: string }): FieldResult;
  validateName?(input: string, options?: { locale?: string }): FieldResult;
  maskName?(input: string, policy?: MaskPolicy): string;
}

/** A guard built around an API object. */
export interface Guard {
  /** Guards one input (again: the same handle); the handle's destroy() restores the plain input. */
  enhance(input: HTMLInputElement, options?: EnhanceOptions): GuardHandle;
  /** Guards every `input[data-pccc]` and `input[data-pccc-field]` under root (default: the document). */
  autoEnhance(root?: ParentNode, options?: EnhanceOptions): GuardHandle[];
  /** True once a call trapped: every guard has removed itself and the fields are plain inputs. */
  readonly broken: boolean;
}

/**
 * Builds a guard around an API object (normally the package itself). A function that throws a
 * `WebAssembly.RuntimeError` switches every guard of this guard off, with one console warning.
 */
export function createGuard(api: GuardApi): Guard;

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
