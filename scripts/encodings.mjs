// Measures the ways the classic script can carry the WebAssembly (scripts/build.mjs, PACKINGS): builds web/ once
// per packing into target/packing-NAME/ and prints the classic script's size (raw, gzip -9, brotli -q 11). Not part
// of `make test`; run after `make build`, to choose the default again when the module or the loader changes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { PACKINGS, CLASSIC } from './build.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}` };
console.log(`${'packing'.padEnd(18)}${'raw'.padStart(9)}${'gzip -9'.padStart(9)}${'brotli'.padStart(9)}`);
for (const name of Object.keys(PACKINGS)) {
  const out = join('target', `packing-${name}`);
  execFileSync(process.execPath, ['scripts/build.mjs', '--web-only', '--out', out, '--packing', name], { cwd: ROOT, env, stdio: 'ignore' });
  const bytes = readFileSync(join(ROOT, out, 'web', CLASSIC));
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`${name.padEnd(18)}${String(bytes.length).padStart(9)}${String(gzipSync(bytes, { level: 9 }).length).padStart(9)}${String(brotli).padStart(9)}`);
}
