// pccc-guard/forms for bundlers: the WebAssembly is imported by the bundler, so everything is synchronous.
import * as api from './pccc_guard.js';
import { createGuard } from './guard.js';
import { definePcccInput as defineElement } from './element.js';

const guard = createGuard(api);

/** Guards every input[data-pccc] / input[data-pccc-field] under root. */
export const autoEnhance = (root = document, options = {}) => guard.autoEnhance(root, options);
/** Guards one input; returns a handle with destroy(). */
export const enhance = (input, options = {}) => guard.enhance(input, options);
/** Registers the <pccc-input> form-associated custom element. */
export const definePcccInput = (tagName) => defineElement(guard, tagName);
export { createGuard };
