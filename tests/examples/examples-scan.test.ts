/**
 * The whole-program analysis (what `api-guard scan` runs) over the example apps: for every rule of
 * the `recommended` config (the five core rules and the OWASP extras that joined it), every planted
 * flaw is found, on its labelled line or the one below, and
 * nothing else is reported. Cross-file flaws (a service called from a router, a router protected
 * or not by its mount) are in scope here, unlike the per-file check.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { analyzeTargets } from '../../src/cli/analyze.js';
import { compareWithExpectations, readInlineExpectations, type FindingLocation } from './expectations.js';

const examplesRoot = fileURLToPath(new URL('../../examples/', import.meta.url));
const APPS = ['express-shop', 'nest-events', 'fastify-library'] as const;
const RECOMMENDED_RULES = Object.entries(rules)
  .filter(([, rule]) => rule.meta.docs?.recommended === 'recommended')
  .map(([id]) => `api-guard/${id}`);

function scan(dir: string): FindingLocation[] {
  const result = analyzeTargets({ cwd: dir, paths: ['.'], registry: rules, fileTimeoutMs: 20_000 });
  const broken = result.files.filter((f) => f.parseError || f.skipReason).map((f) => `${f.relativePath}: ${f.parseError?.message ?? f.skipReason}`);
  if (broken.length) throw new Error(`files not analyzed: ${broken.join('; ')}`);
  return result.files.flatMap((file) => file.findings.map((finding) => ({ filePath: file.filePath, line: finding.line, ruleId: finding.ruleId })));
}

describe.skipIf(RECOMMENDED_RULES.length === 0).each(APPS)('whole-program analysis of examples/%s', (app) => {
  const dir = path.join(examplesRoot, app);

  it('finds every planted flaw of the recommended rules and nothing else', () => {
    const result = compareWithExpectations(dir, readInlineExpectations(dir), scan(dir), { tolerance: 1, rules: RECOMMENDED_RULES });
    expect({
      missing: result.missing.map((e) => `${e.file}:${e.line} ${e.ruleId}`),
      unexpected: result.unexpected.map((e) => `${e.file}:${e.line} ${e.ruleId}`),
    }).toEqual({ missing: [], unexpected: [] });
  });
});
