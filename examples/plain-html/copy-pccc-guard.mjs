// Copies pccc-guard's files for plain pages (node_modules/pccc-guard/web/) to public/pccc-guard/, where the server
// serves them. Run it again after updating pccc-guard: the page's integrity hashes follow the files.
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const web = dirname(createRequire(import.meta.url).resolve('pccc-guard/web/pccc-guard.js'));
const target = join(import.meta.dirname, 'public', 'pccc-guard');
rmSync(target, { recursive: true, force: true });
cpSync(web, target, { recursive: true, filter: (src) => !src.endsWith('.d.ts') });
console.log(`copied ${web} to ${target}`);
