// The classic script's inlined module as text (scripts/build.mjs, packing `bytes`): one character a byte for the
// module's most frequent byte values, two for the rest. Each byte always becomes the same characters, so the gzip or
// brotli of the served script still finds the module's repeated byte runs (base64 shifts them out of step), and
// turning the text back into bytes is one table lookup a character, done in the script's own task: nothing to
// inflate, no base64 pass, no DecompressionStream (which answers in later tasks, after the page's first paint).
//
// The alphabet is printable ASCII without `"`, `\` and `<` (92 characters): the text sits in a double-quoted string
// literal with no escapes, and the script can be inlined into a page's <script> element (no `</script>`, no
// `<!--`). Its first two characters open a two-character code; the other 90 stand for one byte each. A byte value's
// rank is its place by frequency in the module, most frequent first: the 90 most frequent travel as a hex table,
// the other 166 follow in value order. Rank r < 90 is alphabet[2 + r]; a higher rank is alphabet[p] alphabet[q]
// with r = 90 + 92 p + q (p is 0 or 1). Two prefixes or four made less than 70 bytes of difference to the script
// after gzip -9 or brotli; ranking by frequency, its table included, saved about 170 over value order.
//
// Anything malformed throws (a character outside the alphabet, a code past rank 255, a table that is not 90
// distinct values, output that does not come to exactly `size` bytes); the caller then falls back to the JavaScript
// build. The build packs the module, unpacks it with `unpackBytes` and compares before inlining it.

const ALPHABET = (() => {
  let text = '';
  for (let code = 32; code < 127; code++) if (code !== 34 && code !== 60 && code !== 92) text += String.fromCharCode(code);
  return text;
})();
const SIZE = ALPHABET.length; // 92
const PREFIXES = 2;
const SINGLES = SIZE - PREFIXES; // 90

/** Packs bytes as the text and table `unpackBytes` reads (build side: scripts/build.mjs and the tests; not bundled). */
export function packBytes(bytes) {
  const count = new Array(256).fill(0);
  for (const byte of bytes) count[byte]++;
  const frequent = [...Array(256).keys()].sort((a, b) => count[b] - count[a] || a - b).slice(0, SINGLES);
  const ranks = ranked(frequent);
  const code = new Array(256);
  ranks.forEach((value, rank) => {
    const r = rank - SINGLES;
    code[value] = r < 0 ? ALPHABET[PREFIXES + rank] : ALPHABET[Math.floor(r / SIZE)] + ALPHABET[r % SIZE];
  });
  let text = '';
  for (const byte of bytes) text += code[byte];
  return { text, table: frequent.map((value) => value.toString(16).padStart(2, '0')).join('') };
}

/** Every byte value by rank: the frequent ones as listed, then the others in value order. */
function ranked(frequent) {
  const listed = new Set(frequent);
  return [...frequent, ...[...Array(256).keys()].filter((value) => !listed.has(value))];
}

// One message for every way the text can be wrong: it is the build's own, covered by the script's integrity hash,
// so damage means a changed script, and the caller's fallback is the same whatever the damage was.
const fail = () => {
  throw new Error('pccc-guard: the inlined module is damaged');
};

/** The bytes `packBytes` packed as `text` with `table`: exactly `size` of them. */
export function unpackBytes(text, table, size) {
  if (!/^[0-9a-f]*$/.test(table) || table.length !== 2 * SINGLES) fail();
  const frequent = [];
  for (let i = 0; i < table.length; i += 2) frequent.push(parseInt(table.slice(i, i + 2), 16));
  if (new Set(frequent).size !== SINGLES) fail();
  const byRank = Uint8Array.from(ranked(frequent));
  // Character code -> alphabet index (-1 outside the alphabet; codes of 128 and up read as undefined).
  const index = new Int8Array(128).fill(-1);
  for (let i = 0; i < SIZE; i++) index[ALPHABET.charCodeAt(i)] = i;
  const out = new Uint8Array(size);
  let written = 0;
  for (let at = 0; at < text.length; ) {
    const first = index[text.charCodeAt(at++)];
    let rank;
    if (first >= PREFIXES) rank = first - PREFIXES;
    else if (first >= 0) {
      const second = index[text.charCodeAt(at++)]; // NaN past the end: undefined
      if (!(second >= 0)) fail();
      rank = SINGLES + first * SIZE + second;
    } else fail(); // outside the alphabet: -1, or undefined for codes of 128 and up
    if (rank > 255 || written === size) fail();
    out[written++] = byRank[rank];
  }
  if (written !== size) fail();
  return out;
}
