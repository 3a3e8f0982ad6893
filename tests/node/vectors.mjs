// Reads tests/data/*.tsv vector files (the same files the Rust tests read).
import { readFileSync } from 'node:fs';

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
