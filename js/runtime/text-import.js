// How the plain-page forms layer (web/pccc-guard.js) finds the text API: the finder's own file next to it, fetched
// the first time a memo or a paste needs it.
export const loadText = () => import('./pccc-guard-text.js');
