// How the classic script's forms layer finds the text API: the finder's own module next to the script, imported the
// first time a memo or a paste needs it.
import { SCRIPT_URL } from './script-url.js';

export const loadText = () => import(new URL('pccc-guard-text.js', SCRIPT_URL).href);
