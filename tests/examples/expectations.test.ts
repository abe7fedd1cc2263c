import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareWithExpectations, readInlineExpectations, readKnownMisses } from './expectations.js';

const dir = mkdtempSync(path.join(tmpdir(), 'api-guard-expectations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(relative: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
  writeFileSync(path.join(dir, relative), text);
}

write(
  'src/routes/a.ts',
  [
    "import axios from 'axios';",
    'await axios.get(url); // $ api-guard/no-ssrf',
    "app.post('/x', h); // $ api-guard/require-auth-guard, api-guard/no-verbose-errors",
    "const note = '// $ api-guard/no-ssrf is how a label looks';",
    'fetch(u); // safe: constant origin',
    'helper(u); // $ MISSING: api-guard/no-ssrf',
    '// $ api-guard/no-ssrf explains the label format, not at the end of code',
  ].join('\n'),
);
write('src/b.mjs', "const k = 'x';\r\nconst key = 'abc'; // $ api-guard/no-hardcoded-secrets\r\n");
write('node_modules/pkg/index.js', 'fetch(u); // $ api-guard/no-ssrf\n');
write('src/types.d.ts', 'declare const x: string; // $ api-guard/no-ssrf\n');
write('README.md', 'fetch(u); // $ api-guard/no-ssrf\n');

describe('readInlineExpectations', () => {
  it('collects end-of-line labels, several per line, with relative paths and 1-based lines', () => {
    expect(readInlineExpectations(dir)).toEqual([
      { file: 'src/b.mjs', line: 2, ruleId: 'api-guard/no-hardcoded-secrets' },
      { file: 'src/routes/a.ts', line: 2, ruleId: 'api-guard/no-ssrf' },
      { file: 'src/routes/a.ts', line: 3, ruleId: 'api-guard/no-verbose-errors' },
      { file: 'src/routes/a.ts', line: 3, ruleId: 'api-guard/require-auth-guard' },
    ]);
  });

  it('keeps known misses apart', () => {
    expect(readKnownMisses(dir)).toEqual([{ file: 'src/routes/a.ts', line: 6, ruleId: 'api-guard/no-ssrf' }]);
  });
});

describe('compareWithExpectations', () => {
  const expectations = readInlineExpectations(dir);

  it('matches absolute and relative finding paths, within the tolerance below the label only', () => {
    const result = compareWithExpectations(
      dir,
      expectations,
      [
        { filePath: path.join(dir, 'src/routes/a.ts'), line: 2, ruleId: 'api-guard/no-ssrf' },
        { filePath: 'src/routes/a.ts', line: 4, ruleId: 'api-guard/require-auth-guard' },
        { filePath: 'src/routes/a.ts', line: 2, ruleId: 'api-guard/no-verbose-errors' },
        { filePath: 'src/b.mjs', line: 2, ruleId: 'api-guard/no-hardcoded-secrets' },
        { filePath: 'src/b.mjs', line: 1, ruleId: 'some-other/rule' },
        { filePath: 'src/b.mjs', line: 1, ruleId: null },
      ],
      { tolerance: 1 },
    );
    expect(result.matched.map((e) => `${e.line} ${e.ruleId}`)).toEqual(['2 api-guard/no-hardcoded-secrets', '2 api-guard/no-ssrf', '3 api-guard/require-auth-guard']);
    expect(result.missing).toEqual([{ file: 'src/routes/a.ts', line: 3, ruleId: 'api-guard/no-verbose-errors' }]);
    // a finding one line ABOVE its label is not a match
    expect(result.unexpected).toEqual([{ file: 'src/routes/a.ts', line: 2, ruleId: 'api-guard/no-verbose-errors' }]);
  });

  it('counts two findings in one window once, and compares only the chosen rules', () => {
    const result = compareWithExpectations(
      dir,
      expectations,
      [
        { filePath: 'src/routes/a.ts', line: 2, ruleId: 'api-guard/no-ssrf' },
        { filePath: 'src/routes/a.ts', line: 2, ruleId: 'api-guard/no-ssrf' },
        { filePath: 'src/routes/a.ts', line: 9, ruleId: 'api-guard/no-verbose-errors' },
      ],
      { rules: ['api-guard/no-ssrf'] },
    );
    expect(result.matched).toHaveLength(1);
    expect(result.missing).toEqual([]);
    expect(result.unexpected).toEqual([]);
  });
});
