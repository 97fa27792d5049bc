/**
 * Standalone entry for the nudge benchmark: `npx tsx bench/nudges-main.ts`. Prints the table
 * and writes bench/results/nudges.json. Exits 0 whatever the figures; 1 only if a run broke.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchNudges } from './nudges.ts';

try {
  const { table, json } = await benchNudges();
  console.log('');
  console.log(table);
  const out = path.join(import.meta.dirname, 'results', 'nudges.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nfull figures: ${path.relative(process.cwd(), out)}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
