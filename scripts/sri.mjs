// Prints Subresource Integrity hashes (sha384) of the files a plain page loads from the package's web/ folder, so
// the page can pin exactly the files it reviewed: `<script type="module" integrity="sha384-…">` for pccc-guard.js
// (which checks the .wasm against the hash built into it), the same hashes on `<link rel="preload">` hints, and
// the classic script's tag (its hash covers the inlined WebAssembly and the JavaScript build it may fetch).
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
const hashes = sriHashes();
for (const { file, integrity } of hashes) console.log(`  ${file.padEnd(28)} ${integrity}`);
// The classic script's tag as a hosted shop or a tag manager takes it (docs/plain-pages.md): its hash also pins
// the WebAssembly inlined in it and the JavaScript build it fetches where WebAssembly cannot run.
const classic = hashes.find((h) => h.file === 'pccc-guard.classic.js');
if (classic) console.log(`classic script tag:\n  <script src=".../pccc-guard.classic.js" integrity="${classic.integrity}" crossorigin="anonymous" defer></script>`);
