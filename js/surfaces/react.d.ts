// Types of pccc-guard/react: a hook for a customs-code <input>. React is an optional peer dependency.
import type { ChangeEvent, CompositionEvent, FocusEvent, Ref, RefCallback } from 'react';

/** What usePcccInput reports with: the event that brought the new text (input, or the end of a composition). */
export type PcccInputEvent = ChangeEvent<HTMLInputElement> | CompositionEvent<HTMLInputElement>;

export interface PcccInputOptions {
    /** The value, for a controlled input (react-hook-form's `Controller`, TanStack Form); absent when uncontrolled. */
    value?: string;
    /** Receives each new value, normalised (`field.onChange`, `field.handleChange`). */
    onValue?: (value: string) => void;
    /**
     * Receives the event once the input holds the normalised text: react-hook-form's `register('pccc').onChange`
     * (it reads `event.target.name` and `event.target.value`).
     */
    onChange?: (event: PcccInputEvent) => unknown;
    /** Passed through. */
    onBlur?: (event: FocusEvent<HTMLInputElement>) => unknown;
    /** Passed through (react-hook-form's `register` needs it on the input). */
    name?: string;
    /** A ref to the input, merged with the hook's own: `register('pccc').ref`, `field.ref`, a `useRef`. */
    ref?: Ref<HTMLInputElement> | ((instance: HTMLInputElement | null) => void);
}

/** Props for the <input>: spread them last, over any others (`<input {...reg} {...usePcccInput(reg)} />`). */
export interface PcccInputProps {
    ref: RefCallback<HTMLInputElement>;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
    onCompositionStart: (event: CompositionEvent<HTMLInputElement>) => void;
    onCompositionEnd: (event: CompositionEvent<HTMLInputElement>) => void;
    onBlur?: (event: FocusEvent<HTMLInputElement>) => unknown;
    value?: string;
    name?: string;
    autoComplete: 'off';
    autoCapitalize: 'characters';
    spellCheck: false;
}

/**
 * What a customs-code <input> needs: the text normalised in the input as it is typed (full-width characters,
 * spaces, hyphens, a lower-case p) with the caret kept after the same characters, IME compositions left alone
 * until they end, and at most one change reported per keystroke, none on mount. Renders the same on the server
 * and in the browser (no hydration difference).
 *
 * @example
 * // react-hook-form, uncontrolled
 * const reg = register("pccc");
 * <input {...reg} {...usePcccInput(reg)} />
 * // react-hook-form's Controller, or TanStack Form (controlled)
 * const props = usePcccInput({ value: field.state.value, onValue: field.handleChange, onBlur: field.handleBlur });
 */
export function usePcccInput(options?: PcccInputOptions): PcccInputProps;
