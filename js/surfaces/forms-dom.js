// What every part of the forms layer needs of the DOM: the input's own value. The parts are root-aware: an input can
// live in a document or in a shadow root (a web component's), and the input's own root (getRootNode()) answers
// which element has focus and finds elements by id there; the owner document does not (inside a shadow root its
// activeElement is the host).

let valueProp; // looked up on first use, so that importing the module needs no DOM (server-side rendering)

/** The input's own value, bypassing the setter the guard installs on it; sets it when `value` is given. */
export function raw(input, value) {
  valueProp ??= Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  return value === undefined ? valueProp.get.call(input) : valueProp.set.call(input, value);
}
