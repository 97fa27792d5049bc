import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  const absolute = path.join(root, dir);
  return readdirSync(absolute).flatMap((name) => {
    const full = path.join(absolute, name);
    const relative = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'generated' ? [] : sourceFiles(relative);
    return name.endsWith('.ts') ? [relative] : [];
  });
}

/** Every module specifier a file imports (static, dynamic and re-exports). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)];
  return specifiers.map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** Resolves a relative specifier to a project path such as "src/infra/db/client.ts". */
function target(file: string, specifier: string): string {
  return specifier.startsWith('.') ? path.normalize(path.join(path.dirname(file), specifier)) : specifier;
}

interface Rule {
  readonly name: string;
  readonly files: string[];
  readonly forbidden: (target: string) => boolean;
}

const isTelegraf = (t: string) => t === 'telegraf' || t.startsWith('telegraf/');
const isPrisma = (t: string) => t.startsWith('@prisma/') || t === 'prisma' || t.startsWith('prisma/') || t.includes('infra/db/generated');
/** The libraries that draw recap files: only the renderer may know them. */
const isRenderingLibrary = (t: string) => ['exceljs', 'chart.js', '@napi-rs/canvas', 'dejavu-fonts-ttf'].some((p) => t === p || t.startsWith(`${p}/`));
const inside = (...folders: string[]) => (t: string) => folders.some((f) => t.startsWith(f));
/** Only these may be imported: anything else is a violation (an allow-list, so new packages are caught). */
const onlyFrom = (allowed: (t: string) => boolean) => (t: string) => !allowed(t);

const rules: Rule[] = [
  { name: 'telegraf only under src/telegram/', files: [...sourceFiles('src'), ...sourceFiles('commands')].filter((f) => !f.startsWith('src/telegram/')), forbidden: isTelegraf },
  { name: 'Prisma only under src/infra/db/', files: [...sourceFiles('src'), ...sourceFiles('commands')].filter((f) => !f.startsWith('src/infra/db/')), forbidden: isPrisma },
  { name: 'src/domain imports only domain and zod (no I/O)', files: sourceFiles('src/domain'), forbidden: onlyFrom((t) => inside('src/domain/')(t) || t === 'zod') },
  {
    name: 'src/app imports only app, domain, zod and node:crypto',
    files: sourceFiles('src/app'),
    forbidden: onlyFrom((t) => inside('src/app/', 'src/domain/')(t) || t === 'zod' || t === 'node:crypto'),
  },
  { name: 'commands/ imports only commands, src/app, src/domain and zod', files: sourceFiles('commands'), forbidden: onlyFrom((t) => inside('commands/', 'src/app/', 'src/domain/')(t) || t === 'zod') },
  {
    name: 'exceljs, chart.js and @napi-rs/canvas only under src/infra/render/',
    files: [...sourceFiles('src'), ...sourceFiles('commands')].filter((f) => !f.startsWith('src/infra/render/')),
    forbidden: isRenderingLibrary,
  },
  {
    name: 'src/infra/render imports only render, app, domain, its drawing libraries, csv-stringify and node:module',
    files: sourceFiles('src/infra/render'),
    forbidden: onlyFrom((t) => inside('src/infra/render/', 'src/app/', 'src/domain/')(t) || isRenderingLibrary(t) || t === 'csv-stringify/sync' || t === 'node:module'),
  },
  { name: 'src/cli never imports telegraf or src/telegram', files: sourceFiles('src/cli'), forbidden: (t) => isTelegraf(t) || t.startsWith('src/telegram') },
];

describe('import rules of DESIGN.md', () => {
  for (const rule of rules) {
    it(rule.name, () => {
      expect(rule.files.length).toBeGreaterThan(0);
      const violations = rule.files.flatMap((file) =>
        importsOf(file)
          .map((specifier) => target(file, specifier))
          .filter(rule.forbidden)
          .map((t) => `${file} → ${t}`),
      );
      expect(violations).toEqual([]);
    });
  }

  it('the checker sees a violation when there is one', () => {
    const isBad = rules[0]?.forbidden ?? (() => false);
    expect(isBad(target('src/app/x.ts', 'telegraf'))).toBe(true);
    const appRule = rules.find((r) => r.name.startsWith('src/app'));
    expect(appRule?.forbidden(target('src/app/usecases/x.ts', '../../infra/db/open.ts'))).toBe(true);
    expect(appRule?.forbidden(target('src/app/usecases/x.ts', 'pino'))).toBe(true);
    expect(appRule?.forbidden(target('src/app/usecases/x.ts', '../../domain/model.ts'))).toBe(false);
    expect(importsOf('src/telegram/gateway.ts').some(isTelegraf)).toBe(true);
    expect(importsOf('src/infra/render/workbook.ts').some(isRenderingLibrary)).toBe(true);
    const renderOnly = rules.find((r) => r.name.startsWith('exceljs'));
    expect(renderOnly?.forbidden(target('src/app/usecases/x.ts', 'exceljs'))).toBe(true);
    expect(renderOnly?.forbidden(target('src/app/usecases/x.ts', 'chart.js/auto'))).toBe(true);
    const renderRule = rules.find((r) => r.name.startsWith('src/infra/render'));
    expect(renderRule?.forbidden(target('src/infra/render/x.ts', '../db/client.ts'))).toBe(true);
    expect(renderRule?.forbidden(target('src/infra/render/sheets/x.ts', '../../../app/ports/recap-renderer.port.ts'))).toBe(false);
    expect(importsOf('src/infra/db/client.ts').some(isPrisma)).toBe(true);
  });
});
