// pccc-guard/forms for bundlers: the bundler loads the WebAssembly with the package, so everything is synchronous.
import * as api from './pccc_guard.js';
import { createGuard } from './forms-core.js';
import { definePcccInput as define } from './pccc-input.js';

const guard = createGuard(api);

/** Guards every input[data-pccc] / input[data-pccc-field] under root. */
export const autoEnhance = (root, options) => guard.autoEnhance(root, options);
/** Guards one input; returns a handle with check() and destroy(). */
export const enhance = (input, options) => guard.enhance(input, options);
/** Registers the <pccc-input> form-associated custom element; false where the browser cannot have it. */
export const definePcccInput = (tagName) => define(guard, tagName);
export { createGuard };
