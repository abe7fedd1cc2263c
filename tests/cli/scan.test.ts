/**
 * `runScan` end to end on the fixture apps, with injected rules: what each format prints, the exit
 * codes of the CI gate, rule failures and time budgets that never stop the run, and config errors.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crashesOnMarker, fakeRules, noDanger, slowRule } from './fake-rules.js';
import { copyFixture, scan } from './helpers.js';

interface EslintResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; message: string; line: number; column: number; endLine?: number; endColumn?: number; messageId?: string; nodeType: null; fatal?: boolean }[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  suppressedMessages: unknown[];
  usedDeprecatedRules: unknown[];
}

describe('scan: formats', () => {
  it('json has the exact shape of ESLint results, every analyzed file included', async () => {
    const app = copyFixture('cli/express-app');
    const run = await scan({ cwd: app, format: 'json' });
    const results = JSON.parse(run.stdout) as EslintResult[];
    expect(results.map((r) => path.relative(app, r.filePath)).sort()).toEqual(['src/app.ts', 'src/clean.ts', 'src/routes/users.ts']);
    const users = results.find((r) => r.filePath.endsWith('users.ts'))!;
    expect(Object.keys(users)).toEqual([
      'filePath',
      'messages',
      'suppressedMessages',
      'errorCount',
      'fatalErrorCount',
      'warningCount',
      'fixableErrorCount',
      'fixableWarningCount',
      'usedDeprecatedRules',
    ]);
    expect(users.messages).toEqual([
      { ruleId: 'api-guard/no-danger', severity: 2, message: '`req.params.id` reaches `danger()`', line: 6, column: 3, nodeType: null, messageId: 'danger', endLine: 6, endColumn: 24 },
      { ruleId: 'api-guard/prefer-care', severity: 1, message: "`caution()` called with 'read'", line: 7, column: 3, nodeType: null, messageId: 'caution', endLine: 7, endColumn: 18 },
    ]);
    expect([users.errorCount, users.warningCount, users.fatalErrorCount]).toEqual([1, 1, 0]);
    const clean = results.find((r) => r.filePath.endsWith('clean.ts'))!;
    expect(clean.messages).toEqual([]);
    expect(run.exitCode).toBe(1);
  });

  it('text groups findings by file with a code frame and a summary line, no colors when not a TTY', async () => {
    const app = copyFixture('cli/express-app');
    const run = await scan({ cwd: app });
    expect(run.stdout).toContain('src/routes/users.ts\n  6:3  error  `req.params.id` reaches `danger()`  api-guard/no-danger');
    expect(run.stdout).toContain('    6 |   danger(req.params.id);\n      |   ^^^^^^^^^^^^^^^^^^^^^');
    expect(run.stdout).toMatch(/✖ 3 problems \(2 errors, 1 warning\) · 3 files analyzed/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('text uses colors when forced and says so when everything is clean', async () => {
    const app = copyFixture('cli/express-app');
    const colored = await scan({ cwd: app, color: true });
    expect(colored.stdout).toContain('\u001b[');
    const clean = await scan({ cwd: app, paths: ['src/clean.ts'] });
    expect(clean.stdout).toMatch(/^✔ no problems \(1 file analyzed/m);
    expect(clean.exitCode).toBe(0);
  });

  it('markdown is a PR comment: a table by rule and severity, then findings with file:line links', async () => {
    const app = copyFixture('cli/express-app');
    const run = await scan({ cwd: app, format: 'markdown', linkBase: 'https://example.test/org/repo/blob/abc123/' });
    expect(run.stdout).toContain('| rule | errors | warnings |');
    expect(run.stdout).toMatch(/\| \[api-guard\/no-danger\]\(.*no-danger\.md\) \| 2 \| 0 \|/);
    expect(run.stdout).toContain('[src/routes/users.ts:6](https://example.test/org/repo/blob/abc123/src/routes/users.ts#L6)');
    expect(run.stdout).toContain('**warning**');
  });

  it('writes to --output-file and prints nothing on stdout', async () => {
    const app = copyFixture('cli/express-app');
    const run = await scan({ cwd: app, format: 'json', outputFile: 'reports/out.json' });
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(app, 'reports/out.json'), 'utf8'))).toHaveLength(3);
  });
});

describe('scan: exit codes and the gate', () => {
  it('exits 0 when clean, 1 on errors', async () => {
    const app = copyFixture('cli/express-app');
    expect((await scan({ cwd: app, paths: ['src/clean.ts'] })).exitCode).toBe(0);
    expect((await scan({ cwd: app, paths: ['src/app.ts'] })).exitCode).toBe(1);
  });

  it('warnings pass by default and fail with --severity warning or over --max-warnings', async () => {
    const app = copyFixture('cli/express-app');
    const onlyCare = { 'prefer-care': fakeRules['prefer-care']! };
    expect((await scan({ cwd: app, rules: onlyCare })).exitCode).toBe(0);
    expect((await scan({ cwd: app, rules: onlyCare, severity: 'warning' })).exitCode).toBe(1);
    expect((await scan({ cwd: app, rules: onlyCare, maxWarnings: 1 })).exitCode).toBe(0);
    expect((await scan({ cwd: app, rules: onlyCare, maxWarnings: 0 })).exitCode).toBe(1);
  });

  it('--quiet drops warnings from the report and the gate', async () => {
    const app = copyFixture('cli/express-app');
    const run = await scan({ cwd: app, format: 'json', quiet: true, severity: 'warning' });
    const messages = (JSON.parse(run.stdout) as EslintResult[]).flatMap((r) => r.messages);
    expect(messages.map((m) => m.ruleId)).toEqual(['api-guard/no-danger', 'api-guard/no-danger']);
  });

  it('exits 2 with a clear message for a configuration error, before scanning', async () => {
    const app = copyFixture('cli/express-app');
    writeFileSync(path.join(app, 'api-guard.config.json'), JSON.stringify({ rules: { 'no-such-rule': 'error' } }));
    const unknownRule = await scan({ cwd: app });
    expect(unknownRule.exitCode).toBe(2);
    expect(unknownRule.stderr).toContain('unknown rule "no-such-rule"; known rules: no-danger, prefer-care');
    expect(unknownRule.stdout).toBe('');

    writeFileSync(path.join(app, 'api-guard.config.json'), JSON.stringify({ rules: { 'no-danger': ['error', { allow: 'x' }] } }));
    const badOptions = await scan({ cwd: app });
    expect(badOptions.exitCode).toBe(2);
    expect(badOptions.stderr).toMatch(/rules\["no-danger"\] has invalid options: \[0\]\.allow should be array/);

    writeFileSync(path.join(app, 'api-guard.config.json'), '{ "settings": { "publicRoutes": "/x" } }');
    const badSettings = await scan({ cwd: app });
    expect(badSettings.exitCode).toBe(2);
    expect(badSettings.stderr).toContain('api-guard setting "publicRoutes" must be an array of strings');

    writeFileSync(path.join(app, 'api-guard.config.json'), '{ "rules": { ');
    const badJson = await scan({ cwd: app });
    expect(badJson.exitCode).toBe(2);
    expect(badJson.stderr).toContain('api-guard.config.json is not valid JSON');
  });

  it('applies rule levels and options from the configuration (api-guard.config.json or package.json)', async () => {
    const app = copyFixture('cli/express-app');
    writeFileSync(path.join(app, 'api-guard.config.json'), JSON.stringify({ rules: { 'prefer-care': 'off', 'api-guard/no-danger': ['warn', { allow: ["'app-level'"] }] } }));
    const run = await scan({ cwd: app, format: 'json' });
    const messages = (JSON.parse(run.stdout) as EslintResult[]).flatMap((r) => r.messages);
    expect(messages.map((m) => [m.ruleId, m.severity, m.line])).toEqual([['api-guard/no-danger', 1, 6]]);
    expect(run.exitCode).toBe(0);

    const viaPackage = copyFixture('cli/express-app');
    writeFileSync(path.join(viaPackage, 'package.json'), JSON.stringify({ name: 'x', private: true, apiGuard: { rules: { 'no-danger': 'off' } } }));
    const run2 = await scan({ cwd: viaPackage, format: 'json' });
    expect((JSON.parse(run2.stdout) as EslintResult[]).flatMap((r) => r.messages).map((m) => m.ruleId)).toEqual(['api-guard/prefer-care']);
  });

  it('refuses output paths that leave the working folder unless absolute', async () => {
    const app = copyFixture('cli/express-app');
    const escape = await scan({ cwd: app, format: 'json', outputFile: '../outside.json' });
    expect(escape.exitCode).toBe(2);
    expect(escape.stderr).toContain('--output-file "../outside.json" leaves the working folder; give an absolute path to write outside it');
    const baselineEscape = await scan({ cwd: path.join(app, 'src'), writeBaseline: '../../b.json' });
    expect(baselineEscape.exitCode).toBe(2);
    const absolute = await scan({ cwd: path.join(app, 'src'), format: 'json', outputFile: path.join(app, 'abs.json') });
    expect(absolute.exitCode).toBe(1);
    expect(readFileSync(path.join(app, 'abs.json'), 'utf8')).toContain('no-danger');
  });

  it('rejects a baseline path in a configuration file that leaves its folder', async () => {
    const app = copyFixture('cli/express-app');
    writeFileSync(path.join(app, 'api-guard.config.json'), JSON.stringify({ baseline: '../baseline.json' }));
    const run = await scan({ cwd: app });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('"baseline" (../baseline.json) leaves the configuration\'s folder');
  });
});

describe('scan: failures stay local', () => {
  it('a rule that throws on one file is reported and every other rule and file still runs', async () => {
    const app = copyFixture('cli/express-app');
    writeFileSync(path.join(app, 'src/crash.ts'), "// CRASH_MARKER\ndanger('still found');\ndeclare function danger(v: string): void;\n");
    const run = await scan({ cwd: app, format: 'json', rules: { ...fakeRules, 'crashes-on-marker': crashesOnMarker } });
    expect(run.stderr).toContain('api-guard: skipped src/crash.ts for api-guard/crashes-on-marker: internal analysis error: rule bug on purpose');
    const results = JSON.parse(run.stdout) as EslintResult[];
    expect(results.find((r) => r.filePath.endsWith('crash.ts'))!.messages.map((m) => m.ruleId)).toEqual(['api-guard/no-danger']);
    expect(results.flatMap((r) => r.messages)).toHaveLength(4);
  });

  it('a file over the time budget is named and the remaining rules on it are skipped', async () => {
    const app = copyFixture('cli/express-app');
    writeFileSync(path.join(app, 'src/slow.ts'), "// SLOW_MARKER\ndanger('late');\ndeclare function danger(v: string): void;\n");
    // Rules run in id order: no-danger, slow-rule, zz-danger (a second copy, after the slow one).
    const rules = { 'no-danger': noDanger, 'slow-rule': slowRule, 'zz-danger': noDanger };
    writeFileSync(path.join(app, 'api-guard.config.json'), JSON.stringify({ rules: { 'slow-rule': 'error' } }));
    const run = await scan({ cwd: app, format: 'json', rules, fileTimeoutMs: 20 });
    expect(run.stderr).toMatch(/api-guard: skipped src\/slow\.ts: analysis took \d+ ms, over the 20 ms budget; rules not run: zz-danger/);
    const slow = (JSON.parse(run.stdout) as EslintResult[]).find((r) => r.filePath.endsWith('slow.ts'))!;
    expect(slow.messages.map((m) => m.ruleId)).toEqual(['api-guard/no-danger']);
  });
});

describe('scan: project discovery', () => {
  it('skips node_modules, build output, .gitignore entries, --ignore patterns and declaration files', async () => {
    const app = copyFixture('cli/express-app');
    for (const [file, text] of Object.entries({
      'node_modules/dep/index.js': "danger('dep');",
      'dist/app.js': "danger('dist');",
      'build/app.js': "danger('build');",
      'coverage/lcov.js': "danger('coverage');",
      'generated/client.ts': "danger('generated');",
      'src/legacy/old.ts': "danger('legacy');",
      'scripts/seed.js': "danger('seed');",
    })) {
      mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
      writeFileSync(path.join(app, file), text);
    }
    writeFileSync(path.join(app, '.gitignore'), 'generated/\n');
    const run = await scan({ cwd: app, format: 'json', ignore: ['src/legacy/**'] });
    const files = (JSON.parse(run.stdout) as EslintResult[]).map((r) => path.relative(app, r.filePath)).sort();
    expect(files).toEqual(['scripts/seed.js', 'src/app.ts', 'src/clean.ts', 'src/routes/users.ts']);
  });

  it('a folder of several projects analyzes each once and combines the results', async () => {
    const multi = copyFixture('cli/multi');
    const run = await scan({ cwd: multi, format: 'json' });
    const results = JSON.parse(run.stdout) as EslintResult[];
    expect(results.map((r) => path.relative(multi, r.filePath))).toEqual([
      'app-a/src/helper.ts',
      'app-a/src/main.ts',
      'app-b/src/server.ts',
      'js-app/src/index.js',
      'js-app/src/route.cjs',
    ]);
    expect(results.flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}:${m.line}`))).toEqual(['main.ts:2', 'server.ts:1', 'index.js:2']);
    expect(run.stderr).toBe('');
  });

  it('follows project references of a solution-style tsconfig (any config file name)', async () => {
    const solution = copyFixture('cli/solution');
    const run = await scan({ cwd: solution, format: 'json' });
    const results = JSON.parse(run.stdout) as EslintResult[];
    expect(results.map((r) => path.relative(solution, r.filePath))).toEqual(['packages/api/src/index.ts', 'packages/shared/src/index.ts']);
    expect(results.every((r) => r.messages.length === 1)).toBe(true);
  });

  it('a folder inside a project is scanned with that project as context', async () => {
    const app = copyFixture('cli/express-app');
    const run = await scan({ cwd: app, paths: ['src/routes'], format: 'json' });
    expect((JSON.parse(run.stdout) as EslintResult[]).map((r) => path.relative(app, r.filePath))).toEqual(['src/routes/users.ts']);
  });

  it('a path that does not exist is a usage error, so a typo in CI never passes as clean', async () => {
    const app = copyFixture('cli/express-app');
    const run = await scan({ cwd: app, paths: ['nope', 'src/app.ts'], format: 'json' });
    expect(run.stderr).toBe('api-guard: no such file or folder: nope\n');
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
  });
});
