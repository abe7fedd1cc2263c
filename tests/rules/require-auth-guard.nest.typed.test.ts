/**
 * require-auth-guard on NestJS code with the project index: global guards registered in another
 * module or in `main.ts`, `@Public()` markers read by that guard, and two applications in one
 * project, one of which has no global auth guard. Fixtures: tests/fixtures/typed/nest/.
 */
import { readFileSync } from 'node:fs';
import * as ts from 'typescript';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/require-auth-guard.js';
import { getStartLine } from '../../src/core/ast.js';
import { createAnalysisContext } from '../../src/core/context.js';
import { DEFAULT_SETTINGS } from '../../src/settings/schema.js';
import { compareWithExpectations, readInlineExpectations, type FindingLocation } from '../examples/expectations.js';
import { loadNestProjectFromDisk, nestMonorepoRoot } from '../frameworks/nest-projects.js';
import { createRuleTester, createTypedRuleTester, typedFixtureRoot } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];
const guarded = `${typedFixtureRoot}/nest/guarded-app/src`;
const open = `${typedFixtureRoot}/nest/open-app/src`;
const read = (file: string): string => readFileSync(file, 'utf8');

createTypedRuleTester().run('require-auth-guard (nest, project)', testedRule, {
  valid: [
    {
      // The global SessionAuthGuard (APP_GUARD in auth/auth.module.ts) protects every route; the
      // @Public() catalogue route is public on purpose because the guard reads IS_PUBLIC_KEY.
      name: 'routes behind a global guard registered in another module',
      filename: `${guarded}/library.controller.ts`,
      code: read(`${guarded}/library.controller.ts`),
    },
    {
      // A class-level @Public() opts every route out of the guard that honours it.
      name: 'a @Public() controller behind a guard that honours the marker',
      filename: `${guarded}/signup.controller.ts`,
      code: read(`${guarded}/signup.controller.ts`),
    },
    {
      // No module of the application registers this controller, so it is never served.
      name: 'a controller no application registers',
      filename: `${open}/drafts.controller.ts`,
      code: read(`${open}/drafts.controller.ts`),
    },
  ],
  invalid: [
    {
      // The backoffice application's only global guard is ThrottlerGuard; the sibling route uses
      // StaffJwtGuard, this one has nothing.
      name: 'an application without a global auth guard',
      filename: `${open}/fines.controller.ts`,
      code: read(`${open}/fines.controller.ts`),
      errors: [
        {
          messageId: 'missingAuthSiblings',
          line: 12,
          data: { route: 'POST /backoffice/fines/:memberId/waive', container: 'controller', siblings: '`StaffJwtGuard`' },
        },
      ],
    },
  ],
});

// The same files without type information: the global guards live in other files, so nothing is
// reported, not even the route the project run reports (per-file findings are a subset).
createRuleTester().run('require-auth-guard (nest, same files per file)', testedRule, {
  valid: [
    {
      // Per file the guarded app's global guard is not visible, and nothing is reported either.
      name: 'guarded controller per file',
      filename: `${guarded}/library.controller.ts`,
      code: read(`${guarded}/library.controller.ts`),
    },
    {
      // Per file, ThrottlerGuard in app.module.ts is as invisible as an auth guard would be.
      name: 'unguarded route per file',
      filename: `${open}/fines.controller.ts`,
      code: read(`${open}/fines.controller.ts`),
    },
  ],
  invalid: [],
});

/**
 * The nest-monorepo fixture app, whole program: every `// $ api-guard/require-auth-guard` line is
 * reported and nothing else; per file, nothing is reported at all (every chain depends on globals in
 * other files).
 */
describe('require-auth-guard on the nest-monorepo fixture', () => {
  const project = loadNestProjectFromDisk(nestMonorepoRoot);
  const findingsOf = (withProject: boolean): FindingLocation[] =>
    project.index.files().flatMap((sourceFile) => {
      const ctx = createAnalysisContext({ ts, sourceFile, settings: DEFAULT_SETTINGS, project: withProject ? project.index : undefined });
      return rule.detect(ctx, rule.defaultOptions).map((finding) => ({
        filePath: sourceFile.fileName,
        line: getStartLine(sourceFile, finding.node),
        ruleId: 'api-guard/require-auth-guard',
      }));
    });
  const expectations = readInlineExpectations(nestMonorepoRoot).filter((e) => e.ruleId === 'api-guard/require-auth-guard');

  it('reports exactly the expected routes with the project index', () => {
    expect(expectations.length).toBeGreaterThanOrEqual(6);
    const comparison = compareWithExpectations(nestMonorepoRoot, expectations, findingsOf(true));
    expect(comparison.missing).toEqual([]);
    expect(comparison.unexpected).toEqual([]);
  });

  it('reports nothing per file', () => {
    expect(findingsOf(false)).toEqual([]);
  });
});
