import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** Words in a literal: letters make it prose a user would read. Joining parts with spaces, newlines or punctuation is fine. */
const hasWords = (text: string): boolean => /\p{L}{2,}/u.test(text);

function literalWords(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return hasWords(node.text) ? node.text : null;
  if (ts.isTemplateExpression(node)) {
    const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
    return hasWords(parts) ? parts : null;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return literalWords(node.left) ?? literalWords(node.right);
  if (ts.isConditionalExpression(node)) return literalWords(node.whenTrue) ?? literalWords(node.whenFalse);
  if (ts.isParenthesizedExpression(node)) return literalWords(node.expression);
  return null;
}

/** Properties of reply models and button answers that users read. */
const userFacing = new Set(['text', 'answer', 'editedText', 'caption', 'fileName']);
const replyCalls = new Set(['reply']);

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly literal: string;
}

function findLiterals(file: string): Finding[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const report = (node: ts.Node, literal: string) =>
    findings.push({ file: path.relative(root, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, literal });
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && userFacing.has(node.name.text)) {
      const literal = literalWords(node.initializer);
      if (literal !== null) report(node, literal);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && replyCalls.has(node.expression.text)) {
      const first = node.arguments[0];
      const literal = first ? literalWords(first) : null;
      if (literal !== null) report(node, literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

describe('every text a user reads comes from the message catalogue', () => {
  it('command specs, use cases, the Telegram adapter and the outbox put no literal prose in replies, answers or captions', () => {
    const files = ['commands', 'src/app/usecases', 'src/telegram', 'src/infra/outbox', 'src/infra/jobs'].flatMap((dir) => sourceFiles(path.join(root, dir)));
    expect(files.length).toBeGreaterThan(20);
    const findings = files.flatMap(findLiterals).filter((f) => !f.file.endsWith('.test.ts'));
    expect(findings).toEqual([]);
  });

  it('the check itself catches a literal (so it cannot pass by finding nothing)', () => {
    const found = findLiterals(path.join(root, 'test/architecture/fixtures/literal-reply.ts.txt'));
    expect(found.map((f) => f.literal)).toEqual(['Laporan tercatat', 'Halo   apa kabar', 'Siap']);
  });
});
