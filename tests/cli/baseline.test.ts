/**
 * Baseline round trip: record today's findings, shift every line, add one new finding, and only
 * the new one is reported; the fingerprints do not depend on line numbers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFingerprints } from '../../src/cli/fingerprint.js';
import { copyFixture, scan } from './helpers.js';

interface Result {
  filePath: string;
  messages: { ruleId: string; line: number; message: string }[];
}

describe('baseline', () => {
  it('records findings, then reports only new ones after a line shift', async () => {
    const app = copyFixture('cli/express-app');
    const first = await scan({ cwd: app, writeBaseline: 'api-guard-baseline.json', format: 'json' });
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toContain('api-guard: wrote 3 findings to the baseline api-guard-baseline.json');
    const baseline = JSON.parse(readFileSync(path.join(app, 'api-guard-baseline.json'), 'utf8')) as { version: number; entries: { fingerprint: string; file: string; ruleId: string }[] };
    expect(baseline.version).toBe(1);
    expect(baseline.entries.map((e) => `${e.file} ${e.ruleId}`)).toEqual([
      'src/app.ts api-guard/no-danger',
      'src/routes/users.ts api-guard/no-danger',
      'src/routes/users.ts api-guard/prefer-care',
    ]);

    const users = path.join(app, 'src/routes/users.ts');
    const shifted = `// a new header comment\n// and another line\n\n${readFileSync(users, 'utf8')}`.replace(
      "  res.json({ id: req.params.id });",
      "  res.json({ id: req.params.id });\n  danger(req.query.next as string);",
    );
    writeFileSync(users, shifted);

    const second = await scan({ cwd: app, baseline: 'api-guard-baseline.json', format: 'json' });
    const messages = (JSON.parse(second.stdout) as Result[]).flatMap((r) => r.messages);
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'api-guard/no-danger', line: 12, message: '`req.query.next as string` reaches `danger()`' })]);
    expect(second.exitCode).toBe(1);

    const text = await scan({ cwd: app, baseline: 'api-guard-baseline.json' });
    expect(text.stdout).toMatch(/3 in baseline/);
  });

  it('a baselined finding whose line is edited comes back (the code changed, look again)', async () => {
    const app = copyFixture('cli/express-app');
    await scan({ cwd: app, writeBaseline: 'b.json' });
    const file = path.join(app, 'src/app.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace("danger('app-level');", "danger('app-level-changed');"));
    const run = await scan({ cwd: app, baseline: 'b.json', format: 'json' });
    expect((JSON.parse(run.stdout) as Result[]).flatMap((r) => r.messages.map((m) => m.message))).toEqual(["`'app-level-changed'` reaches `danger()`"]);
  });

  it('a missing or foreign baseline file is a usage error', async () => {
    const app = copyFixture('cli/express-app');
    expect((await scan({ cwd: app, baseline: 'nope.json' })).exitCode).toBe(2);
    writeFileSync(path.join(app, 'other.json'), '{"results": []}');
    const foreign = await scan({ cwd: app, baseline: 'other.json' });
    expect(foreign.exitCode).toBe(2);
    expect(foreign.stderr).toContain('is not an api-guard baseline');
  });

  it('the baseline named in the configuration is used when no flag is given', async () => {
    const app = copyFixture('cli/express-app');
    await scan({ cwd: app, writeBaseline: '.api-guard/baseline.json' });
    writeFileSync(path.join(app, 'api-guard.config.json'), JSON.stringify({ baseline: '.api-guard/baseline.json' }));
    const run = await scan({ cwd: app });
    expect(run.exitCode).toBe(0);
  });
});

describe('computeFingerprints', () => {
  const base = { ruleId: 'api-guard/no-ssrf', relativePath: 'src/a.ts', messageId: 'ssrf', parts: [] };

  it('ignores indentation and numbers identical lines by occurrence', () => {
    const [a, b, c] = computeFingerprints([
      { ...base, lineText: '  fetch(url);' },
      { ...base, lineText: 'fetch(url);' },
      { ...base, lineText: 'fetch(other);' },
    ]);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).not.toBe(a); // same text, second occurrence
    expect(c).not.toBe(a);
    const [again] = computeFingerprints([{ ...base, lineText: '\tfetch(url);   ' }]);
    expect(again).toBe(a);
  });

  it('depends on the file, the rule and the route', () => {
    const [a] = computeFingerprints([{ ...base, lineText: 'x' }]);
    const [otherFile] = computeFingerprints([{ ...base, relativePath: 'src/b.ts', lineText: 'x' }]);
    const [otherRule] = computeFingerprints([{ ...base, ruleId: 'api-guard/x', lineText: 'x' }]);
    const [withRoute] = computeFingerprints([{ ...base, lineText: 'x', parts: ['GET /a'] }]);
    expect(new Set([a, otherFile, otherRule, withRoute]).size).toBe(4);
  });
});
