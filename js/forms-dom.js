// What every part of the forms layer needs of the DOM, root-aware: an input can live in a document or in a shadow
// root (a web component's), and the input's own root (getRootNode()) answers which element has focus and finds
// elements by id there; the owner document does not (inside a shadow root its activeElement is the host).

let valueProp; // looked up on first use, so that importing the module needs no DOM (server-side rendering)

/** The input's own value, bypassing the setter the guard installs on it; sets it when `value` is given. */
export function raw(input, value) {
  valueProp ??= Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  return value === undefined ? valueProp.get.call(input) : valueProp.set.call(input, value);
}

/** The element with `id` in the root `el` lives in (a document or a shadow root; none for a detached element). */
export const byId = (el, id) => el.getRootNode().getElementById?.(id);

/** Writes `value` into the input and, when it has focus in its own root, puts the caret at `caret`. */
export function write(input, value, caret) {
  raw(input, value);
  if (input.getRootNode().activeElement === input) input.setSelectionRange(caret, caret);
}
