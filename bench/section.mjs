// What the section scripts share (bench/*-section.mjs): each reads its benchmark's results; run alone, a section script
// prints its section; with --write it puts it in place of its section in BENCHMARKS.md (at the end when BENCHMARKS.md
// has none yet), so that one benchmark's figures can be refreshed without running every other benchmark again.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Numbers as BENCHMARKS.md writes them. */
export const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Writes the section's `title`, then returns bench/results/`name` parsed, or says that the benchmark was not run
 * (`how` writes the file) and returns null.
 */
export function results(out, title, name, how) {
  out(title);
  out();
  const file = new URL(`./results/${name}`, import.meta.url);
  if (!existsSync(fileURLToPath(file))) {
    out(`Not run (bench/results/${name} not found; ${how} writes it).`);
    out();
    return null;
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

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
