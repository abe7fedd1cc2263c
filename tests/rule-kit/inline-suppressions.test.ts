/**
 * Under ESLint, the rule kit drops findings on the line after `// api-guard-ignore <rule> -- reason`;
 * `eslint-disable-next-line` is ESLint's own business (it applies it and keeps the description).
 */
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { noDanger } from '../cli/fake-rules.js';

function lint(code: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { 'api-guard': { rules: { 'no-danger': noDanger } } as never }, rules: { 'api-guard/no-danger': 'error' } }],
    { filename: 'app.ts' },
  );
  return messages.map((m) => `${m.line} ${m.ruleId ?? 'fatal'}`);
}

describe('api-guard-ignore under ESLint', () => {
  it('hides the finding on the next line for the named rule', () => {
    expect(lint("// api-guard-ignore no-danger -- constant argument\ndanger('a');\ndanger('b');\n")).toEqual(['3 api-guard/no-danger']);
  });

  it('accepts the plugin prefix and a block comment', () => {
    expect(lint("/* api-guard-ignore api-guard/no-danger -- constant */ \ndanger('a');\n")).toEqual([]);
  });

  it('does not hide findings of another rule', () => {
    expect(lint("// api-guard-ignore no-ssrf -- not this rule\ndanger('a');\n")).toEqual(['2 api-guard/no-danger']);
  });

  it("leaves eslint-disable-next-line to ESLint, which applies it", () => {
    expect(lint("// eslint-disable-next-line api-guard/no-danger -- reviewed\ndanger('a');\n")).toEqual([]);
  });
});
