/**
 * Standalone entry for the /lapor burst: `npm run bench:lapor`. Prints the table and writes
 * bench/results/lapor-burst.json. Exits 0 whatever the figures; 1 only if a run broke.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchLapor } from './lapor.ts';
import { BUSY_CORE_SHARE, otherWorkLine } from './lib/machine.ts';

try {
  const { table, otherWork, json } = await benchLapor();
  console.log('');
  console.log(table);
  const { line } = otherWorkLine(otherWork, BUSY_CORE_SHARE);
  if (line) console.log(line);
  const out = path.join(import.meta.dirname, 'results', 'lapor-burst.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ finishedAt: new Date().toISOString(), ...json }, null, 2)}\n`);
  console.log(`\nfull figures: ${path.relative(process.cwd(), out)}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
