/** Options for one guarded field. */
export interface EnhanceOptions {
  /** Which rules: "pccc" (default), "phone", "postcode" or "name". Also `data-pccc-field`. */
  field?: 'pccc' | 'phone' | 'postcode' | 'name';
  /** Message language; by default the element's `data-pccc-lang`, then the nearest `lang`, then Korean. */
  locale?: 'ko' | 'en';
  /** Show the masked form once valid and blurred (also `data-pccc-mask="keepStart:0,keepEnd:4"`). */
  mask?: { keepStart?: number; keepEnd?: number; maskChar?: string };
}

/** A guarded field. */
export interface GuardHandle {
  /** Checks the field now and returns its result (null once the module has stopped). */
  check(): { valid: true; value: string } | { valid: false; error: { code: string; message: string } } | null;
  /** Removes the guard, leaving the plain input as it was. */
  destroy(): void;
}

/** The functions the guard calls (the package's own exports); for tests and custom set-ups. */
export interface GuardApi {
  validate(input: string, options?: { locale?: string }): unknown;
  normalizeWithCaret(value: string, caret: number): { value: string; caret: number };
  [name: string]: unknown;
}

/** Builds a guard around an API object (normally the package itself). */
export function createGuard(api: GuardApi): {
  enhance(input: HTMLInputElement, options?: EnhanceOptions): GuardHandle;
  autoEnhance(root?: ParentNode, options?: EnhanceOptions): GuardHandle[];
  readonly broken: boolean;
};
