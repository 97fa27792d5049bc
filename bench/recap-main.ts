/** `npm run bench:recap`: only the monthly recap bench (see bench/recap.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchRecap } from './recap.ts';

const result = await benchRecap();
console.log(result.table);
const out = path.join(import.meta.dirname, 'results', 'recap.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result.json, null, 2)}\n`);
console.log(`\nresults written to ${path.relative(process.cwd(), out)}`);
