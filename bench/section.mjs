// What the section scripts share (bench/gateway-section.mjs, bench/verify-section.mjs): run alone, a section script
// prints its section; with --write it puts it in place of its section in BENCHMARKS.md (at the end when BENCHMARKS.md
// has none yet), so that one benchmark's figures can be refreshed without running every other benchmark again.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Numbers as BENCHMARKS.md writes them. */
export const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** When the script at `moduleUrl` is run itself: prints `render`'s section, or writes it (`--write`) under `title`. */
export function sectionMain(moduleUrl, render, title) {
  if (process.argv[1] !== fileURLToPath(moduleUrl)) return;
  const lines = [];
  render((s = '') => lines.push(s), fmt);
  const section = lines.join('\n');
  if (!process.argv.includes('--write')) {
    console.log(section);
    return;
  }
  const path = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(title);
  if (start < 0) {
    writeFileSync(path, text.replace(/\n*$/, '\n\n') + section.replace(/\n*$/, '\n'));
  } else {
    const next = text.indexOf('\n## ', start + 1);
    const end = next < 0 ? text.length : next + 1;
    writeFileSync(path, text.slice(0, start) + section + (next < 0 ? '' : '\n') + text.slice(end));
  }
  console.log(`wrote "${title}" in ${path}`);
}
