/**
 * The bundled example apps (`examples/`): they parse, they are never installed, and each one's
 * EXPECTED.md lists exactly the flaws its inline `// $ api-guard/<rule>` comments mark.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { readInlineExpectations, readKnownMisses } from './expectations.js';

const examplesRoot = fileURLToPath(new URL('../../examples/', import.meta.url));
const APPS = ['express-shop', 'nest-events', 'fastify-library'] as const;
const CORE_RULES = ['no-mass-assignment', 'require-auth-guard', 'no-verbose-errors', 'no-hardcoded-secrets', 'no-ssrf'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Rows of the "Planted flaws" table: `| `src/x.ts:12` | `no-ssrf` | ... |`. */
function flawTableRows(markdown: string): string[] {
  const rows: string[] = [];
  for (const match of markdown.matchAll(/^\| `([^`]+):(\d+)` \| `([a-z-]+)` \|/gm)) {
    rows.push(`${match[1]}:${match[2]} api-guard/${match[3]}`);
  }
  return rows.sort();
}

describe.each(APPS)('examples/%s', (app) => {
  const dir = path.join(examplesRoot, app);

  it('is a private package with its own tsconfig and nothing installed', () => {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { private?: boolean; dependencies?: object };
    expect(pkg.private).toBe(true);
    expect(Object.keys(pkg.dependencies ?? {}).length).toBeGreaterThan(3);
    expect(existsSync(path.join(dir, 'tsconfig.json'))).toBe(true);
    expect(existsSync(path.join(dir, 'node_modules'))).toBe(false);
  });

  it('parses with TypeScript (no syntax errors)', () => {
    const files = sourceFiles(path.join(dir, 'src'));
    expect(files.length).toBeGreaterThan(10);
    const program = ts.createProgram(files, { noResolve: true, noLib: true, experimentalDecorators: true, target: ts.ScriptTarget.ES2022 });
    const problems = files.flatMap((file) =>
      program.getSyntacticDiagnostics(program.getSourceFile(file)).map((d) => `${path.relative(dir, file)}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`),
    );
    expect(problems).toEqual([]);
  });

  it('plants two to four flaws of each core rule, and marks only rules that exist', () => {
    const expectations = readInlineExpectations(dir);
    for (const rule of CORE_RULES) {
      const count = expectations.filter((e) => e.ruleId === `api-guard/${rule}`).length;
      expect(count, rule).toBeGreaterThanOrEqual(2);
      expect(count, rule).toBeLessThanOrEqual(4);
    }
    for (const e of [...expectations, ...readKnownMisses(dir)]) {
      expect(Object.keys(rules).map((r) => `api-guard/${r}`)).toContain(e.ruleId);
    }
  });

  it('lists in EXPECTED.md exactly the flaws marked inline', () => {
    const table = flawTableRows(readFileSync(path.join(dir, 'EXPECTED.md'), 'utf8'));
    const inline = readInlineExpectations(dir)
      .map((e) => `${e.file}:${e.line} ${e.ruleId}`)
      .sort();
    expect(table).toEqual(inline);
  });
});
