import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const panduan = readFileSync(path.join(root, 'docs/PANDUAN.md'), 'utf8');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

describe('the guides keep up with the commands', () => {
  it('docs/PANDUAN.md shows every command an admin may use, with an example in a code span or block', () => {
    const forAdmins = commands.filter((c) => c.roles.includes('admin')).map((c) => c.name);
    expect(forAdmins.length).toBeGreaterThan(10);
    const missing = forAdmins.filter((name) => !new RegExp(`(\`|^\\s*)/${name}\\b`, 'm').test(panduan));
    expect(missing).toEqual([]);
  });

  it('README.md lists every chat command', () => {
    const missing = commands.map((c) => c.name).filter((name) => !readme.includes(`\`/${name}`));
    expect(missing).toEqual([]);
  });
});
