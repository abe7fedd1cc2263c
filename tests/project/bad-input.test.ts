/**
 * Bad input never stops a scan: a syntax error, an empty file, a 5 MB minified file, a missing or
 * broken tsconfig, an `extends` that points nowhere, an import cycle, bytes that are not UTF-8, and
 * BOM with CRLF line ends, symbolic link loops and path aliases that resolve nowhere each give a
 * clear message (or nothing, when nothing is wrong) and the other files are still analyzed. Large and binary inputs are generated here, never committed.
 */
import { mkdirSync, writeFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules as builtInRules } from '../../rules/index.js';
import { copyFixture, scan } from '../cli/helpers.js';

interface Result {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; fatal?: boolean; message: string }[];
  fatalErrorCount: number;
}

function byFile(stdout: string, root: string): Record<string, Result> {
  return Object.fromEntries((JSON.parse(stdout) as Result[]).map((r) => [path.relative(root, r.filePath), r]));
}

describe('bad input', () => {
  it('a syntax error is a parsing error on that file only; empty files and import cycles are fine', async () => {
    const dir = copyFixture('bad-input');
    const run = await scan({ cwd: dir, format: 'json' });
    const files = byFile(run.stdout, dir);
    expect(files['src/syntax-error.ts']!.messages).toEqual([
      { ruleId: null, fatal: true, severity: 2, message: 'Parsing error: Expression expected.', line: 3, column: 16, nodeType: null },
    ]);
    expect(files['src/syntax-error.ts']!.fatalErrorCount).toBe(1);
    expect(run.stderr).toContain('api-guard: skipped src/syntax-error.ts: Parsing error: Expression expected. (line 3)');
    expect(files['src/empty.ts']!.messages).toEqual([]);
    expect(files['src/cycle-a.ts']!.messages.map((m) => m.line)).toEqual([3]);
    expect(files['src/fine.ts']!.messages.map((m) => m.line)).toEqual([1]);
    // Parsing errors are listed, but only findings fail the gate.
    expect(run.exitCode).toBe(1);
  });

  it('a 5 MB minified file is skipped by name and the other files are analyzed', async () => {
    const dir = copyFixture('bad-input');
    const line = "var a=function(){return danger('min')};".repeat(130_000);
    writeFileSync(path.join(dir, 'src/bundle.min.js'), line);
    const started = performance.now();
    const run = await scan({ cwd: dir, format: 'json' });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(run.stderr).toMatch(/api-guard: skipped src\/bundle\.min\.js: file is larger than 2 MB \(5\.\d MB\); skipped/);
    const files = byFile(run.stdout, dir);
    expect(files['src/bundle.min.js']!.messages).toEqual([]);
    expect(files['src/fine.ts']!.messages).toHaveLength(1);
  });

  it('a minified file under the size limit is skipped as minified', async () => {
    const dir = copyFixture('bad-input');
    writeFileSync(path.join(dir, 'src/vendor.js'), "var b=function(){return danger('min')};".repeat(3_000));
    const run = await scan({ cwd: dir, format: 'json' });
    expect(run.stderr).toMatch(/skipped src\/vendor\.js: file looks minified/);
  });

  it('bytes that are not UTF-8 are read with replacement characters and a note', async () => {
    const dir = copyFixture('bad-input');
    const bytes = Buffer.concat([Buffer.from("// caf"), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from("\ndanger('latin1');\ndeclare function danger(v: string): void;\n")]);
    writeFileSync(path.join(dir, 'src/latin1.ts'), bytes);
    const run = await scan({ cwd: dir, format: 'json' });
    expect(run.stderr).toContain('api-guard: src/latin1.ts: the file is not valid UTF-8; invalid bytes were read as U+FFFD');
    expect(byFile(run.stdout, dir)['src/latin1.ts']!.messages.map((m) => [m.line, m.column])).toEqual([[2, 1]]);
  });

  it('BOM and CRLF line ends give the same positions ESLint gives', async () => {
    const dir = copyFixture('bad-input');
    writeFileSync(path.join(dir, 'src/bom-crlf.ts'), "\uFEFFconst x = 1;\r\n  danger('crlf');\r\ndeclare function danger(v: string): void;\r\n");
    const run = await scan({ cwd: dir, format: 'json' });
    const messages = byFile(run.stdout, dir)['src/bom-crlf.ts']!.messages;
    expect(messages.map((m) => [m.line, m.column])).toEqual([[2, 3]]);
    const text = await scan({ cwd: dir, paths: ['src/bom-crlf.ts'] });
    expect(text.stdout).toContain("    2 |   danger('crlf');\n");
    expect(text.stdout).not.toContain('\r');
  });

  it('a tsconfig that is not valid JSON: a clear message, defaults, and the files are analyzed', async () => {
    const dir = copyFixture('bad-input-invalid-tsconfig');
    const run = await scan({ cwd: dir, format: 'json' });
    expect(run.stderr).toMatch(/api-guard: .*tsconfig\.json is not valid JSON \(.+\); using default compiler options/);
    expect(byFile(run.stdout, dir)['src/index.ts']!.messages).toHaveLength(1);
  });

  it('a tsconfig that extends a missing file: a clear message, its own options, the files analyzed', async () => {
    const dir = copyFixture('bad-input-extends-missing');
    const run = await scan({ cwd: dir, format: 'json' });
    expect(run.stderr).toMatch(/"extends" refers to a file that cannot be read \(.*does-not-exist\.json.*\); using the config's own options/);
    expect(byFile(run.stdout, dir)['src/index.ts']!.messages).toHaveLength(1);
  });

  it('no tsconfig at all: JavaScript and TypeScript files are analyzed with default options', async () => {
    const dir = copyFixture('bad-input');
    rmSync(path.join(dir, 'tsconfig.json'));
    const run = await scan({ cwd: dir, format: 'json' });
    const files = byFile(run.stdout, dir);
    expect(files['src/fine.ts']!.messages).toHaveLength(1);
    expect(run.stderr).not.toMatch(/tsconfig/);
  });

  it('--project pointing to a missing tsconfig is reported, and defaults are used', async () => {
    const dir = copyFixture('bad-input');
    const run = await scan({ cwd: dir, format: 'json', projectFile: 'missing/tsconfig.json' });
    expect(run.stderr).toMatch(/cannot read .*missing\/tsconfig\.json; using default compiler options/);
    expect(byFile(run.stdout, dir)['src/fine.ts']!.messages).toHaveLength(1);
  });

  it('symbolic link loops are not followed: the scan ends and each real file is analyzed once', async () => {
    const dir = copyFixture('bad-input');
    symlinkSync('..', path.join(dir, 'src/up'));
    symlinkSync('.', path.join(dir, 'src/here'));
    symlinkSync('a-link', path.join(dir, 'src/b-link'));
    symlinkSync('b-link', path.join(dir, 'src/a-link'));
    symlinkSync('missing.ts', path.join(dir, 'src/dangling.ts'));
    const started = performance.now();
    const run = await scan({ cwd: dir, format: 'json' });
    expect(performance.now() - started).toBeLessThan(30_000);
    const files = Object.keys(byFile(run.stdout, dir)).sort();
    expect(files).toEqual(['src/cycle-a.ts', 'src/cycle-b.ts', 'src/empty.ts', 'src/fine.ts', 'src/syntax-error.ts']);
  });

  it('path aliases that resolve nowhere: imports stay unresolved, every rule runs, nothing crashes', async () => {
    const dir = copyFixture('bad-input');
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@app/*': ['does-not-exist/*'], '@lib': ['nowhere/index.ts'], '~/*': ['*', '../../../../outside/*'] } }, include: ['src'] }),
    );
    mkdirSync(path.join(dir, 'src/routes'));
    writeFileSync(
      path.join(dir, 'src/routes/users.ts'),
      [
        "import express from 'express';",
        "import { fetchProfile } from '@app/services/profile';",
        "import lib from '@lib';",
        "import { User } from '~/models/user';",
        'const router = express.Router();',
        "router.post('/users/:id', async (req, res) => {",
        '  const profile = await fetchProfile(req.body.url);',
        '  await User.update(req.params.id, req.body);',
        '  res.json({ profile, lib });',
        '});',
        'export default router;',
        '',
      ].join('\n'),
    );
    const run = await scan({ cwd: dir, format: 'json', rules: builtInRules });
    expect(run.stderr).not.toMatch(/internal analysis error|could not load|cannot be placed/);
    expect(byFile(run.stdout, dir)['src/routes/users.ts']!.fatalErrorCount).toBe(0);
  });
});
