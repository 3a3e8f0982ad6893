// Reads tests/data/*.tsv vector files (the same files the Rust tests read).
import { readFileSync } from 'node:fs';
import { FIELDS } from '../../js/api/contract.js';

/** Every field's JavaScript name, from the registry (js/api/contract.js, generated from src/field.rs). */
export const FIELD_NAMES = Object.keys(FIELDS);
/** `businessNumber` → `BusinessNumber`, as in the field's named functions (validateBusinessNumber). */
export const pascal = (name) => name[0].toUpperCase() + name.slice(1);
/** `businessNumber` → `business_number`, as in its vector file's name. */
export const snake = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** A field's vectors: tests/data/<field>_vectors.tsv. */
export const fieldVectors = (name) => vectors(`${snake(name)}_vectors.tsv`);

const unescape = (s) =>
  s.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[trn\\])/g, (_, e) => {
    if (e[0] === 'u' || e[0] === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
    return { t: '\t', r: '\r', n: '\n', '\\': '\\' }[e];
  });

export function vectors(name) {
  const url = new URL(`../data/${name}`, import.meta.url);
  return readFileSync(url, 'utf8')
    .split('\n')
    .map((line, i) => [line, i + 1])
    .filter(([line]) => line !== '' && !line.startsWith('#'))
    .map(([line, lineNo]) => {
      const [input, expected, why] = line.split('\t');
      return { input: unescape(input), expected, why, line: lineNo };
    });
}
