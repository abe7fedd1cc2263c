import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import {
  HEADER_END,
  HEADER_START,
  TABLE_END,
  TABLE_START,
  renderRuleHeader,
  renderRulesTable,
} from '../scripts/docs-generator.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const REQUIRED_SECTIONS = [
  '## What it finds',
  '## Why it matters',
  '## Examples',
  '## Options',
  '## Per-file and project modes',
  '## Known limits',
  '## Further reading',
];

/** Settings a rule needs to lint its examples: no-undocumented-route compares with a document. */
const EXAMPLE_SETTINGS: Record<string, Record<string, unknown>> = {
  'no-undocumented-route': { 'api-guard': { openapi: `${root}/tests/fixtures/contract/openapi.yaml` } },
};

function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  return from === -1 || to === -1 ? '' : text.slice(from, to + end.length);
}

interface ExampleBlock {
  readonly kind: 'bad' | 'good';
  readonly code: string;
  readonly line: number;
  readonly lang: string;
}

/** Code blocks marked ❌ (must report) or ✅ (must not), by the nearest marker line above them. */
function readExamples(markdown: string): ExampleBlock[] {
  const lines = markdown.split('\n');
  const blocks: ExampleBlock[] = [];
  let marker: 'bad' | 'good' | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#')) marker = undefined;
    if (!line.startsWith('```')) {
      if (line.includes('❌')) marker = 'bad';
      else if (line.includes('✅')) marker = 'good';
      continue;
    }
    const lang = line.slice(3).trim().split(/\s+/)[0] ?? '';
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
    if (marker && /^(ts|typescript|js|javascript)$/.test(lang) && !lines[start - 1]?.includes('not linted')) {
      blocks.push({ kind: marker, code: body.join('\n'), line: start + 1, lang });
    }
  }
  return blocks;
}

describe('rule docs', () => {
  it('keeps the README rules table in sync with rule metadata (run `npm run docs`)', () => {
    const readme = readFileSync(`${root}/README.md`, 'utf8');
    expect(between(readme, TABLE_START, TABLE_END)).toBe(renderRulesTable(plugin.rules));
  });

  for (const [id, rule] of Object.entries(plugin.rules)) {
    describe(id, () => {
      const path = `${root}/docs/rules/${id}.md`;
      const text = existsSync(path) ? readFileSync(path, 'utf8') : '';

      it('has a page whose generated header matches the metadata (run `npm run docs`)', () => {
        expect(text, `docs/rules/${id}.md`).not.toBe('');
        expect(between(text, HEADER_START, HEADER_END)).toBe(renderRuleHeader(id, rule));
      });

      it('has the required sections in order', () => {
        const positions = REQUIRED_SECTIONS.map((s) => text.indexOf(`\n${s}`));
        for (const [i, pos] of positions.entries()) expect(pos, REQUIRED_SECTIONS[i]).toBeGreaterThan(-1);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      });

      it('lints its examples: each ❌ block reports, each ✅ block does not', () => {
        const examples = readExamples(text);
        expect(examples.some((e) => e.kind === 'bad')).toBe(true);
        expect(examples.some((e) => e.kind === 'good')).toBe(true);
        const linter = new Linter({ configType: 'flat' });
        for (const example of examples) {
          const messages = linter.verify(
            example.code,
            [
              {
                files: ['**/*.{ts,tsx,js,jsx,mjs,cjs}'],
                languageOptions: { parser: tsParser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
                plugins: { 'api-guard': plugin as never },
                rules: { [`api-guard/${id}`]: 'error' },
                ...(EXAMPLE_SETTINGS[id] ? { settings: EXAMPLE_SETTINGS[id] } : {}),
              },
            ],
            { filename: example.lang.startsWith('j') ? 'example.js' : 'example.ts' },
          );
          const fatal = messages.filter((m) => m.fatal);
          expect(fatal, `${id}.md:${example.line} does not parse`).toEqual([]);
          const reports = messages.filter((m) => m.ruleId === `api-guard/${id}`);
          if (example.kind === 'bad') expect(reports.length, `❌ example at ${id}.md:${example.line} must report`).toBeGreaterThan(0);
          else expect(reports.map((r) => r.message), `✅ example at ${id}.md:${example.line} must not report`).toEqual([]);
        }
      });
    });
  }
});
