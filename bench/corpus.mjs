// The fixed benchmark corpus: the same inputs for every contender. Mixed as a checkout sees them: mostly valid
// codes typed or pasted in different ways, and each kind of mistake. All codes are synthetic.
import { vectors } from '../tests/node/vectors.mjs';

function* codes(n) {
  // Deterministic pseudo-random 12-digit codes (a linear congruential generator; no Math.random).
  let x = 20261128;
  for (let i = 0; i < n; i++) {
    let digits = '';
    for (let k = 0; k < 12; k++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      digits += String((x >>> 16) % 10);
    }
    yield digits;
  }
}

export function corpus() {
  const out = [];
  for (const d of codes(200)) {
    out.push(`P${d}`);                                                    // typed cleanly
    out.push(`p${d.slice(0, 4)}-${d.slice(4, 8)}-${d.slice(8)}`);         // hyphenated, lower-case p
    out.push(` P ${d.slice(0, 4)} ${d.slice(4, 8)} ${d.slice(8)}\u200B`); // pasted with spaces and a zero-width space
    out.push(String.fromCharCode(0xff30) + [...d].map((c) => String.fromCharCode(0xff10 + +c)).join('')); // full-width IME
    out.push(`P${d.slice(0, 11)}`);                                       // too short
    out.push(`P${d}7`);                                                   // too long
    out.push(`P${d.slice(0, 5)}O${d.slice(6)}`);                          // letter O for zero
    out.push(d);                                                          // missing prefix
  }
  for (const v of vectors('pccc_vectors.tsv')) out.push(v.input);         // every rule and edge case once
  return out;
}

/** The regex people write instead: upper-case, drop spaces and hyphens, test. */
export const naiveRegex = (s) => /^P\d{12}$/.test(s.toUpperCase().replace(/[\s-]/g, ''));
