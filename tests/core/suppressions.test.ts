import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { findSuppression, getSuppressionComments } from '../../src/core/suppressions.js';

const parse = (text: string) => getSuppressionComments(ts.createSourceFile('/app/file.ts', text, ts.ScriptTarget.Latest, true));

describe('suppression comments', () => {
  it('reads api-guard-ignore with a rule, with or without the plugin prefix, and its reason', () => {
    const [a, b] = parse('// api-guard-ignore no-ssrf -- the URL comes from our config service\nfetch(u);\n/* api-guard-ignore api-guard/no-ssrf, no-verbose-errors -- both */\nx();\n');
    expect(a).toMatchObject({ kind: 'api-guard-ignore', rules: ['no-ssrf'], reason: 'the URL comes from our config service', line: 0, targetLine: 1 });
    expect(b).toMatchObject({ kind: 'api-guard-ignore', rules: ['no-ssrf', 'no-verbose-errors'], reason: 'both', line: 2, targetLine: 3 });
  });

  it('keeps a suppression without a reason (scan reports it), and reads no rule as every rule', () => {
    const [a, b] = parse('// api-guard-ignore no-ssrf\nfetch(u);\n// api-guard-ignore -- fixtures only\nx();\n');
    expect(a).toMatchObject({ rules: ['no-ssrf'] });
    expect(a!.reason).toBeUndefined();
    expect(b).toMatchObject({ rules: 'all', reason: 'fixtures only' });
  });

  it("reads ESLint's eslint-disable-next-line for api-guard rules only", () => {
    const comments = parse(
      [
        '// eslint-disable-next-line api-guard/no-ssrf, no-console -- reviewed in SEC-12',
        'fetch(u);',
        '// eslint-disable-next-line no-console -- not ours',
        'console.log(1);',
        '// eslint-disable-next-line',
        'y();',
      ].join('\n'),
    );
    expect(comments.map((c) => [c.kind, c.rules, c.reason ?? null, c.targetLine])).toEqual([
      ['eslint-disable-next-line', ['no-ssrf'], 'reviewed in SEC-12', 1],
      ['eslint-disable-next-line', 'all', null, 5],
    ]);
  });

  it('ignores the words inside strings, templates and regexes', () => {
    expect(parse('const a = "// api-guard-ignore no-ssrf -- no";\nconst b = `/* api-guard-ignore no-ssrf -- no */`;\nconst c = /\\/\\/ api-guard-ignore/;\n')).toEqual([]);
  });

  it('applies a comment to the next line only, and to the rules it names', () => {
    const comments = parse('// api-guard-ignore no-ssrf -- ok\nfetch(u);\nfetch(v);\n');
    expect(findSuppression(comments, 'no-ssrf', 1)?.reason).toBe('ok');
    expect(findSuppression(comments, 'no-ssrf', 2)).toBeUndefined();
    expect(findSuppression(comments, 'no-verbose-errors', 1)).toBeUndefined();
  });
});
