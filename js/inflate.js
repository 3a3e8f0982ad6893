// A synchronous raw-DEFLATE decoder (RFC 1951) for the classic script's inlined module (scripts/build.mjs, packing
// `deflate`). The browser's DecompressionStream inflates asynchronously: its chunks are handed back in later
// tasks, after the page's first style, layout and paint, so the field was guarded a frame or more after a script
// such as IMask would have wired it. Decoded here in the same task instead, the page is guarded before its first
// paint, in every engine, with or without DecompressionStream.
//
// The deflated bytes travel as text, six bits a character, in the order DEFLATE reads them (least significant bit
// first): the decoder takes its bits straight from the string, with no base64 pass (atob and a copy into bytes cost
// more than inflating, on a slow phone) and no table (the 64 characters are '>' to '~' without the backslash, one
// run of character codes). gzip sees the same six bits of entropy a character as it does in base64.
//
// It reads only what zlib writes for the module (dynamic-Huffman blocks; stored and fixed blocks throw), and the
// build inflates the packed text with it and compares the result with the module before inlining it.
//
// Small rather than fast: Huffman codes are read a bit at a time through canonical code counts (at most 15 steps a
// symbol), which decodes the 24 KB module in a few milliseconds. Any malformed input throws, and so does output
// that does not come to exactly `size` bytes; the caller then falls back to the JavaScript build.

/** The first character of the alphabet; the backslash (92) is skipped, so the codes run from 62 to 126. */
const FIRST = 62;
const SKIPPED = 92;

/** Packs bytes as the text `inflate` reads (build side: scripts/build.mjs and the tests; not bundled). */
export function pack(bytes) {
  let text = '';
  let held = 0;
  let heldBits = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length) {
      held |= bytes[i] << heldBits;
      heldBits += 8;
    }
    while (heldBits >= 6 || (i === bytes.length && heldBits > 0)) {
      const code = FIRST + (held & 63);
      text += String.fromCharCode(code >= SKIPPED ? code + 1 : code);
      held >>>= 6;
      heldBits = Math.max(0, heldBits - 6);
    }
  }
  return text;
}

const ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Base values and extra-bit counts of the length (29) or distance (30) codes, built from their doubling rule. */
function bases(n, first, extraOf) {
  const base = [];
  const extra = [];
  for (let i = 0, b = first; i < n; i++) {
    base.push(b);
    extra.push(extraOf(i));
    b += 1 << extra[i];
  }
  return [base, extra];
}
const [LENGTH_BASE, LENGTH_EXTRA] = bases(29, 3, (i) => (i < 8 || i > 27 ? 0 : (i - 4) >> 2));
LENGTH_BASE[28] = 258; // the last length code stands for 258 alone
const [DIST_BASE, DIST_EXTRA] = bases(30, 1, (i) => (i < 4 ? 0 : (i - 2) >> 1));

// One message for every way the bytes can be wrong: they are the build's own, covered by the script's integrity
// hash, so damage means a changed script, and the caller's fallback is the same whatever the damage was.
const fail = () => {
  throw new Error('pccc-guard: the inlined module is damaged');
};

/** A canonical Huffman code from code lengths: how many codes of each length, and the symbols in code order. */
function huffman(lengths) {
  const count = new Uint16Array(16);
  const offset = new Uint16Array(16);
  const symbols = new Uint16Array(lengths.length);
  for (const length of lengths) count[length]++;
  count[0] = 0;
  for (let length = 1; length < 16; length++) offset[length] = offset[length - 1] + count[length - 1];
  lengths.forEach((length, symbol) => length && (symbols[offset[length]++] = symbol));
  return { count, symbols };
}

/** Inflates raw DEFLATE, packed as `pack` does (dynamic-Huffman blocks only), into exactly `size` bytes. */
export function inflate(text, size) {
  const out = new Uint8Array(size);
  let written = 0;
  let at = 0;
  let held = 0;
  let heldBits = 0;
  const bits = (n) => {
    while (heldBits < n) {
      const code = text.charCodeAt(at++) - FIRST; // NaN past the end: fails below
      if (!(code >= 0 && code < 65 && code !== SKIPPED - FIRST)) fail();
      held |= (code > SKIPPED - FIRST ? code - 1 : code) << heldBits;
      heldBits += 6;
    }
    const value = held & ((1 << n) - 1);
    held >>>= n;
    heldBits -= n;
    return value;
  };
  const decode = ({ count, symbols }) => {
    for (let length = 1, code = 0, first = 0, index = 0; length < 16; length++) {
      code |= bits(1);
      if (code - count[length] < first) return symbols[index + code - first];
      index += count[length];
      first = (first + count[length]) << 1;
      code <<= 1;
    }
    return fail();
  };

  let last;
  do {
    last = bits(1);
    const type = bits(2);
    // Only dynamic-Huffman blocks (type 2): what zlib writes at level 9 for a module of this size, and what
    // scripts/build.mjs checks by inflating the packed bytes with this function before it inlines them.
    if (type !== 2) fail();
    const literalCount = bits(5) + 257;
    const distanceCount = bits(5) + 1;
    const codeCount = bits(4) + 4;
    const codeLengths = new Array(19).fill(0);
    for (let i = 0; i < codeCount; i++) codeLengths[ORDER[i]] = bits(3);
    const lengthCode = huffman(codeLengths);
    const lengths = [];
    while (lengths.length < literalCount + distanceCount) {
      const symbol = decode(lengthCode);
      if (symbol < 16) lengths.push(symbol);
      else {
        if (symbol === 16 && !lengths.length) fail();
        const [value, repeat] = symbol === 16 ? [lengths[lengths.length - 1], 3 + bits(2)] : [0, symbol === 17 ? 3 + bits(3) : 11 + bits(7)];
        for (let i = 0; i < repeat; i++) lengths.push(value);
      }
    }
    if (lengths.length > literalCount + distanceCount) fail();
    const literals = huffman(lengths.slice(0, literalCount));
    const distances = huffman(lengths.slice(literalCount));
    for (let symbol; (symbol = decode(literals)) !== 256; ) {
      // A literal past `size` is dropped by the typed array and counted, so the final check catches it. Codes past
      // the tables give undefined, hence NaN, which no comparison below accepts.
      if (symbol < 256) {
        out[written++] = symbol;
        continue;
      }
      const length = LENGTH_BASE[symbol - 257] + bits(LENGTH_EXTRA[symbol - 257]);
      const code = decode(distances);
      const distance = DIST_BASE[code] + bits(DIST_EXTRA[code]);
      if (!(distance <= written && written + length <= size)) fail();
      for (let i = 0; i < length; i++, written++) out[written] = out[written - distance];
    }
  } while (!last);
  if (written !== size) fail();
  return out;
}
