/**
 * Inline suppressions in `api-guard scan`: `api-guard-ignore` and ESLint's `eslint-disable-next-line`
 * hide a finding on the next line, every format lists it with its reason, and a suppression without
 * a reason is reported as a warning.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { makeTempDir, scan } from './helpers.js';

function app(): string {
  const dir = makeTempDir();
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true }, include: ['src'] }));
  mkdirSync(path.join(dir, 'src'));
  writeFileSync(
    path.join(dir, 'src/app.ts'),
    [
      "// api-guard-ignore no-danger -- the argument is a constant from config",
      "danger('a');",
      "// eslint-disable-next-line api-guard/no-danger -- reviewed in SEC-12",
      "danger('b');",
      "// api-guard-ignore no-danger",
      "danger('c');",
      "danger('d');",
      "// api-guard-ignore prefer-care -- names another rule",
      "danger('e');",
      '',
    ].join('\n'),
  );
  return dir;
}

describe('scan: inline suppressions', () => {
  it('hides suppressed findings from the gate and lists them with their reasons in the text report', async () => {
    const run = await scan({ cwd: app() });
    expect(run.stdout).toContain("danger('d')");
    expect(run.stdout).toContain("danger('e')");
    expect(run.stdout).toMatch(/5:1 +warning +`api-guard-ignore` suppresses api-guard\/no-danger without a reason/);
    expect(run.stdout).toContain('Suppressed inline (3):');
    expect(run.stdout).toMatch(/src\/app\.ts:2 +api-guard\/no-danger +the argument is a constant from config/);
    expect(run.stdout).toMatch(/src\/app\.ts:4 +api-guard\/no-danger +reviewed in SEC-12/);
    expect(run.stdout).toMatch(/src\/app\.ts:6 +api-guard\/no-danger +no reason given/);
    expect(run.stdout).toMatch(/2 errors, 1 warning.*3 suppressed inline/);
    expect(run.exitCode).toBe(1);
  });

  it("json lists them as ESLint's suppressedMessages with a justification", async () => {
    const run = await scan({ cwd: app(), format: 'json' });
    const [result] = JSON.parse(run.stdout) as { messages: { line: number; ruleId: string }[]; suppressedMessages: { line: number; suppressions: unknown[] }[] }[];
    expect(result!.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['5 api-guard/suppression-reason', '7 api-guard/no-danger', '9 api-guard/no-danger']);
    expect(result!.suppressedMessages.map((m) => [m.line, m.suppressions])).toEqual([
      [2, [{ kind: 'directive', justification: 'the argument is a constant from config' }]],
      [4, [{ kind: 'directive', justification: 'reviewed in SEC-12' }]],
      [6, [{ kind: 'directive', justification: '' }]],
    ]);
  });

  it('SARIF keeps suppressed results with an inSource suppression and its justification', async () => {
    const run = await scan({ cwd: app(), format: 'sarif' });
    const log = JSON.parse(run.stdout) as sarif.Log;
    const results = log.runs[0]!.results!;
    const suppressed = results.filter((r) => r.suppressions);
    expect(suppressed.map((r) => [r.locations![0]!.physicalLocation!.region!.startLine, r.suppressions])).toEqual([
      [2, [{ kind: 'inSource', status: 'accepted', justification: 'the argument is a constant from config' }]],
      [4, [{ kind: 'inSource', status: 'accepted', justification: 'reviewed in SEC-12' }]],
      [6, [{ kind: 'inSource', status: 'accepted', justification: '' }]],
    ]);
    expect(results.filter((r) => !r.suppressions).length).toBe(3);
  });

  it('markdown and html list the suppressions with their reasons', async () => {
    const markdown = (await scan({ cwd: app(), format: 'markdown' })).stdout;
    expect(markdown).toContain('<details><summary>Suppressed inline (3)</summary>');
    expect(markdown).toContain('| `src/app.ts:4` | `api-guard/no-danger` | reviewed in SEC-12 |');
    expect(markdown).toContain('| `src/app.ts:6` | `api-guard/no-danger` | **no reason given** |');
    const html = (await scan({ cwd: app(), format: 'html' })).stdout;
    expect(html).toContain('<h2>Suppressed inline <span class="muted">(3)</span></h2>');
    expect(html).toContain('<td>reviewed in SEC-12</td>');
  });
});
