// Where the classic script was loaded from (read while it runs: `document.currentScript` is only set then), for
// the files next to it: the JavaScript build and the finder's module.
export const SCRIPT_URL = (typeof document === 'object' && document.currentScript?.src) || globalThis.location?.href;
