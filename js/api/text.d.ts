// Types of pccc-guard/text: finding and masking personal numbers in free text (text.d.ts for import, text.d.cts for
// require, and web/pccc-guard-text.d.ts for plain pages).

/**
 * Settles once the text module (a WebAssembly module of its own) is loaded: the functions below work after it
 * resolves. As for the main entry, it has already resolved when the import returns everywhere but on a plain page.
 * Rejects, with the reason, where the module cannot load; the functions then throw that error too.
 */
export const ready: Promise<void>;

/** A kind of personal number found in text. */
// contract:begin (generated from the Rust side: js/contract.d.ts; the build puts its text here in the package)
import type { SensitiveKind } from './contract.js';
export type { SensitiveKind } from './contract.js';
// contract:end

/** One number found in text: its kind and where it is, as UTF-16 offsets (`text.slice(start, end)`). */
export interface Finding {
  kind: SensitiveKind;
  start: number;
  end: number;
}

export interface FindOptions {
  /** The kinds to look for, as if the others were not there (default: all three). */
  kinds?: SensitiveKind[];
}

/** The digits a mask leaves visible, as in the field masks. */
export interface DigitMaskOptions {
  keepStart?: number;
  keepEnd?: number;
}

export interface RedactOptions extends FindOptions {
  /** How customs codes are masked (default: the last 4 digits shown, `P****-****-9012`); at most 6 shown. */
  pccc?: DigitMaskOptions;
  /** How mobile numbers are masked (default: the first 7 shown, `010-1234-****`); at most 7 shown. */
  phone?: DigitMaskOptions;
  /** One visible, non-digit character for every hidden digit (default "*"). */
  maskChar?: string;
}

/**
 * Finds the personal numbers in `text`, left to right, never overlapping: customs codes (`P` + 12 digits, grouped
 * 4-4-4 or not), resident registration numbers (a plausible date, then 7 digits whose first is 1–8) and Korean
 * mobile numbers (as the phone field accepts them: `010-1234-5678`, `+82 10 1234 5678`, full-width digits). A
 * number inside a longer run of letters or digits (a tracking or card number, an order number) is not a finding;
 * landlines, `070` and `050x` numbers are not mobile numbers.
 *
 * @example
 * findSensitive("연락처 010-1234-5678 입니다"); // [{ kind: "phone", start: 4, end: 17 }]
 */
export function findSensitive(text: string, options?: FindOptions | null): Finding[];

/**
 * Masks the personal numbers in `text`: each hidden digit becomes one mask character and everything else stays
 * (the `P`, separators, `+82`, the text around), so the text keeps its shape and length. A resident registration
 * number is always masked completely. Throws an `Error` (with `code` `"mask_reveals_too_much"` or
 * `"invalid_mask_char"`) for options that would reveal too much or a mask character that is not one visible
 * non-digit character.
 *
 * @example
 * redact("통관부호 P1234-5678-9012, 연락 010.1234.5678"); // "통관부호 P****-****-9012, 연락 010.1234.****"
 */
export function redact(text: string, options?: RedactOptions | null): string;

/** Options of a guarded memo; each overrides the matching `data-pccc-*` attribute. */
export interface MemoOptions {
  /** "auto" masks numbers at once (also `data-pccc-redact="auto"`); by default a message offers a button. */
  mode?: 'offer' | 'auto';
  /** Message language; by default the element's `data-pccc-lang`, then the nearest `lang`, then Korean. */
  locale?: 'ko' | 'en';
  /** How the numbers are masked (the site's policy). */
  redact?: Omit<RedactOptions, 'kinds'>;
}

/** A guarded memo. */
export interface MemoHandle {
  /** Looks at the memo now (as when the user leaves it); returns the kinds found, or null during a composition. */
  check(): SensitiveKind[] | null;
  /** Removes the guard and its message. */
  destroy(): void;
}

/**
 * Guards a memo field (`<textarea data-pccc-redact>`): a resident registration number is masked at once; other
 * numbers, after a paste or when the user leaves the field, get a polite message saying what kind of number the
 * memo holds (never the number) and a button that masks them in place. `pccc-guard/forms`' `autoEnhance()` does
 * this for every `[data-pccc-redact]`.
 */
export function enhanceMemo(el: HTMLTextAreaElement | HTMLInputElement, options?: MemoOptions): MemoHandle;

/** Guards every `[data-pccc-redact]` memo under `root` (what `autoEnhance()` of the forms layer calls). */
export function enhanceMemos(root: ParentNode, options?: MemoOptions): MemoHandle[];
