// Prints Subresource Integrity hashes (sha384) of the files a plain page loads from the package's web/ folder, so
// the page can pin exactly the files it reviewed: `<script type="module" integrity="sha384-…">` for pccc-guard.js
// (which checks the .wasm against the hash built into it), and the same hashes on `<link rel="preload">` hints.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { WEB } from './sizes.mjs';

export function sriHashes(dir = WEB) {
  return readdirSync(dir)
    .filter((f) => /\.(js|wasm)$/.test(f))
    .sort()
    .map((file) => ({ file, integrity: 'sha384-' + createHash('sha384').update(readFileSync(join(dir, file))).digest('base64') }));
}

if (!existsSync(WEB)) {
  console.error('pkg/web/ is missing: run `make build` first');
  process.exit(2);
}
console.log('Subresource Integrity (pkg/web/):');
for (const { file, integrity } of sriHashes()) console.log(`  ${file.padEnd(28)} ${integrity}`);
